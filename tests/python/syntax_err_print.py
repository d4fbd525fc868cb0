# corpus: compare-stderr
# A whole file using the Python 2 print statement.
x = 1
print "x is", x
