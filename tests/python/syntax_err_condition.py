# corpus: compare-stderr
# A whole file using '=' in an if condition.
x = 3
if x = 3:
    print("three")
