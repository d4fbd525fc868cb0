# corpus: compare-stderr
# A whole file with a call left open: the next line's error is blamed on the bracket.
result = max(1, 2
print(result)
