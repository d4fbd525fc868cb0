# corpus: compare-stderr
# A whole file that ends right after a block header (no caret at end of file).
for i in range(3):
