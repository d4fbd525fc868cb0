# corpus: compare-stderr
# An uncaught exception: stdout, the traceback on stderr and exit code 1 are compared.
def level3(x):
    print("in level3", x)
    raise ValueError("bad value: %d" % x)


def level2(x):
    level3(x + 1)


def level1():
    level2(1)


print("start")
level1()
print("never reached")
