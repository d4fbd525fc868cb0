# The interpreter's inline caches and fast paths must never change what a program
# observes: attribute, method and global caches across class and module changes,
# inlined instance creation, binary-operator dunders run in the loop, generators resumed
# in the loop, list slicing, tuple comparison, mixed int/float comparison, big-int
# arithmetic in 128 bits and str/tuple concatenation.
import sys


def section(name):
    print("--", name)


section("attribute caches")


class P:
    kind = "p"

    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x


class Q(P):
    def get(self):
        return -self.x


def read_all(objs):
    out = []
    for o in objs:
        out.append((o.x, o.get(), o.kind))
    return out


objs = [P(1), Q(2), P(3)]
print(read_all(objs))
P.kind = "changed"
print(read_all(objs))
objs[0].get = lambda: "shadowed"
print(read_all(objs))
del objs[0].get
print(read_all(objs))
P.get = lambda self: self.x * 100
print(read_all(objs))
objs[2].__class__ = Q
print(read_all(objs))


class R:
    pass


shapes = []
for i in range(7):
    cls = type("C%d" % i, (P,), {"kind": i})
    shapes.append(cls(i))
print(read_all(shapes))
print(read_all(shapes))


class WithProp:
    def __init__(self):
        self.v = 1

    def read(self):
        return self.v


w = WithProp()
print([w.read() for _ in range(3)])
WithProp.v = property(lambda self: "from property")
print(w.v, w.read())
del WithProp.v
print(w.v, w.read())


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


s = Slotted()
for _ in range(3):
    s.a = s.a + 1
print(s.a)
try:
    s.b
except AttributeError as e:
    print("AttributeError", e)
try:
    s.c = 1
except AttributeError as e:
    print("AttributeError", e)

d = P(5)
d.__dict__["y"] = 7
for _ in range(3):
    d.x = d.x + d.y
print(d.x, sorted(vars(d)))


def store_many(n):
    out = []
    for i in range(n):
        o = R()
        o.a = i
        o.b = i * 2
        o.c = i * 3
        o.d = i * 4
        o.e = i * 5
        out.append(o.a + o.b + o.c + o.d + o.e)
    return out


print(store_many(6))
print((1.5 + 2j).real, (1.5 + 2j).imag, [complex(i, 1).real for i in range(3)])

section("globals and builtins")
counter = 0


def use_globals():
    return counter, len([1, 2])


print(use_globals())
counter = 10
print(use_globals())
len = lambda x: "shadowed len"
print(use_globals())
del len
print(use_globals())
del counter
try:
    use_globals()
except NameError as e:
    print("NameError", e)

section("instance creation")


class Init:
    def __init__(self, a, b=2, *rest, k=0):
        self.v = (a, b, rest, k)


print([Init(1).v, Init(1, 3, 4, 5, k=6).v])


class BadInit:
    def __init__(self):
        return 42


for _ in range(2):
    try:
        BadInit()
    except TypeError as e:
        print("TypeError", e)


class NewLater:
    def __init__(self):
        self.tag = "init"


print([NewLater().tag for _ in range(2)])
NewLater.__new__ = lambda cls: "from __new__"
print([NewLater() for _ in range(2)])


class Meta(type):
    def __call__(cls, *args):
        return "meta call %s" % (args,)


class WithMeta(metaclass=Meta):
    def __init__(self, x):
        self.x = x


print([WithMeta(i) for i in range(2)])


class InitRaises:
    def __init__(self):
        raise ValueError("no")


try:
    InitRaises()
except ValueError as e:
    print("ValueError", e)
try:
    Init()
except TypeError as e:
    print("TypeError", e)

section("operator dunders")


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        if isinstance(other, V):
            return V(self.x + other.x)
        return NotImplemented

    def __radd__(self, other):
        return "V.radd(%r)" % (other,)

    def __mul__(self, k):
        return V(self.x * k)

    def __repr__(self):
        return "V(%r)" % (self.x,)


class W(V):
    def __radd__(self, other):
        return "W.radd"


class Other:
    def __radd__(self, other):
        return "Other.radd"


print(V(1) + V(2), V(2) * 3, V(1) + W(5), V(1) + Other())
try:
    V(1) + 5
except TypeError as e:
    print("TypeError", e)
acc = V(0)
for i in range(4):
    acc += V(i)
print(acc)


class Boom:
    def __sub__(self, other):
        raise KeyError("inside __sub__")


try:
    Boom() - 1
except KeyError as e:
    print("KeyError", e)


class Deep:
    def __add__(self, other):
        return self + other


try:
    Deep() + 1
except RecursionError:
    print("RecursionError")

section("generators")


def numbers(n):
    for i in range(n):
        got = yield i
        if got is not None:
            print("sent", got)
    return "numbers done"


def delegate():
    r = yield from numbers(3)
    print("result", r)
    yield "last"


print(list(delegate()))
g = delegate()
print(next(g), g.send("a"), next(g), next(g))


def raises_stop():
    yield 1
    raise StopIteration("bad")


try:
    for _ in raises_stop():
        pass
except RuntimeError as e:
    print("RuntimeError", e)


def fails():
    yield 1
    raise ValueError("in generator")


try:
    for _ in fails():
        pass
except ValueError as e:
    print("ValueError", e)


def reenter():
    yield next(me)


me = reenter()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)


def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)


print(sum(tree(10)), list(tree(3)))


def closing():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")


gen = closing()
for v in gen:
    print(v)
    break
gen.close()


def caller_name():
    yield sys._getframe(1).f_code.co_name


def outer_function():
    return [x for x in caller_name()]


print(outer_function())

section("list slices")
a = list(range(10))
print(a[2:8], a[::-1], a[8:2:-2], a[-3:], a[:100], a[5:2])
b = a[:]
b[2:5] = [20, 30, 40]
print(b)
b[::2] = b[1::2]
print(b)
b[1:3] = b
print(b)
c = list(range(6))
c[1:4] = (9,)
print(c)
try:
    c[::2] = [1]
except ValueError as e:
    print("ValueError", e)
c[:] = []
print(c)

section("comparisons")
print((1, "a") < (1, "b"), (1, 2) == (1, 2.0), (1, 2) < (1, 2, 0), () < (0,))
nan = float("nan")
t = (nan,)
print(t == t, (nan,) == (float("nan"),), [1, nan] == [1, nan])
print(2 ** 53 + 1 > float(2 ** 53), 2 ** 53 + 1 == float(2 ** 53 + 1), 1 == 1.0, -0.0 == 0)
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "y")]))
print(3 < 4.5 < 5, 7 // 2, -7 // 2, 7 % -3, -7 % 3)

section("big ints")
x = 2 ** 62
print(x + x, x * 4 - 1, (x * 8) // 3, (x * 8) % -7, -(x * 8) // 7, (x * 8) >> 3, x * x)
state = 12345
for _ in range(5):
    state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
    print(state, state >> 33, (state >> 33) % 97)
print((2 ** 127 - 1) + 1, -(2 ** 127) - 1, (2 ** 100) // -(2 ** 99 + 1))

section("concatenation")
s = "ab"
print(s + "" is s, "" + s is s, s + "cd", "é" + "x", len("é" + "ü"))
tt = (1, 2)
print(tt + () is tt, () + tt is tt, tt + (3,), [1] + [2], ["x"] + [])
l1 = [1]
l2 = l1
l1 += [2]
print(l1 is l2, l1)

section("big int division with small quotients")
b = 3 ** 200 + 17
for q in (0, 1, 9, 2 ** 40 + 3, 2 ** 63 - 1, 2 ** 64 + 5):
    for r in (0, 1, b - 1):
        a = b * q + r
        print(q, r == a % b, a // b == q, (-a) // b, (-a) % b, a // -b, a % -b)
print((2 ** 200 + 12345) // (2 ** 130 + 7), (2 ** 200 + 12345) % (2 ** 130 + 7))
print((2 ** 192) // (2 ** 128 + 1), (2 ** 191 - 1) // (2 ** 128 - 1), (2 ** 64) // (2 ** 64 + 1))
