# corpus: compare-stderr
# A whole file that fails to compile: a string literal without its closing quote.
name = "world
print("hello", name)
