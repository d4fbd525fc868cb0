# corpus: compare-stderr
# Uncaught exception in deep recursion with the traceback lines CPython repeats.
def countdown(n):
    if n == 0:
        return 1 // n
    return countdown(n - 1)


print("before")
countdown(6)
