# corpus: compare-stderr
# A SyntaxError raised by exec() and not caught: File/line, source and caret lines.
print("before")
exec("x = 1\ny = = 2\n")
