# bool and None
print(True, False, None, repr(None), str(True), type(None).__name__, type(True).__name__)
print(True == 1, False == 0, True is True, None is None, isinstance(True, int), issubclass(bool, int))
print(bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool("a"), bool([]), bool([0]), bool({}), bool(None), bool(()), bool(range(0)))
print(not None, not 0, not "x", True and 3, 0 and 3, 0 or "x", "" or [] or None, 1 or 2, None or 0)
print(int(True), float(False), str(False), True + 0.5, True / 2, -False, ~True)
print(hash(True) == hash(1), {True: "a", 1: "b"}, {1, True, 1.0}, {0, False})
print(sum([True, True, False]), max(False, True), sorted([True, False, True]))
x = None
print(x is None, x is not None, x == None, x != None)
def f():
    pass
print(f(), f() is None)
try:
    None + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    n = None
    n()
except TypeError as e:
    print(type(e).__name__, e)
try:
    None.foo
except AttributeError as e:
    print(type(e).__name__, e)
try:
    len(None)
except TypeError as e:
    print(type(e).__name__, e)
print(bool.__name__, True.__class__ is bool, type(None)() is None, bool("False"))
print(repr(True), f"{True}", f"{True:d}", f"{False!r}", "%s %d" % (True, True), format(True, "5"))
