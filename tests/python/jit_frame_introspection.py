import sys
def f():
    t = 0
    for i in range(5000):
        t += sys._getframe().f_locals["i"]
    return t
print(f())
def g():
    t = 0
    for i in range(3000):
        t += locals()["i"]
    return t
print(g())
