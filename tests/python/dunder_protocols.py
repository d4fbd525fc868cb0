# container / iteration / call / truthiness / repr protocols
class Range3:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= 3:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Range3()), [x * 2 for x in Range3()], sum(Range3()), tuple(Range3()), set(Range3()), dict(zip(Range3(), "abc")))
a, b, c = Range3(); print(a, b, c)
class Seq:
    def __init__(self, data):
        self.data = list(data)
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        print("getitem", i)
        return self.data[i]
    def __setitem__(self, i, v):
        print("setitem", i, v)
        self.data[i] = v
    def __delitem__(self, i):
        print("delitem", i)
        del self.data[i]
s = Seq("abc")
print(len(s), s[1], s[-1], s[0:2])
s[0] = "z"; del s[1]; print(s.data)
print(list(Seq("xy")), "y" in Seq("xy"), list(reversed(Seq("pq"))))
s[1:2] = ["q"]; del s[::2]
class Contains:
    def __contains__(self, x):
        print("contains", x)
        return x == 42
print(42 in Contains(), 1 in Contains(), 1 not in Contains())
class Truthy:
    def __init__(self, b): self.b = b
    def __bool__(self):
        print("bool called")
        return self.b
class LenOnly:
    def __len__(self): return 0
print(bool(Truthy(False)), not Truthy(True), bool(LenOnly()), "yes" if Truthy(True) else "no", Truthy(False) or "alt")
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
class BadLen:
    def __len__(self): return -1
try:
    len(BadLen())
except ValueError as e:
    print(type(e).__name__, e)
class Both:
    def __repr__(self): return "Both<repr>"
    def __str__(self): return "Both<str>"
class ReprOnly:
    def __repr__(self): return "ReprOnly()"
b = Both()
print(b, str(b), repr(b), [b], (b,), {1: b}, f"{b}", f"{b!r}", "%s %r" % (b, b), ReprOnly(), str(ReprOnly()), format(b))
class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *rest, k=0):
        return self.n + x + sum(rest) + k
ad = Adder(10)
print(ad(1), ad(1, 2, 3, k=100), callable(ad), list(map(ad, [1, 2])))
class Ctx:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.swallow
with Ctx("a") as v:
    print("body", v)
with Ctx("b", swallow=True):
    raise ValueError("swallowed")
try:
    with Ctx("c"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", repr(e))
with Ctx("x") as x, Ctx("y") as y:
    print("both", x, y)
def in_func():
    with Ctx("ret"):
        return "returned"
print(in_func())
for i in range(2):
    with Ctx("loop%d" % i):
        if i == 0:
            continue
        break
class GA:
    real = 1
    def __getattr__(self, name):
        if name.startswith("no"):
            raise AttributeError(f"custom missing {name}")
        return "dyn_" + name
g = GA()
print(g.real, g.foo, getattr(g, "bar"), hasattr(g, "nothing"), getattr(g, "nope", "dflt"))
class GAttribute:
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("delattr", name)
ga = GAttribute(); ga.v = 21
print(ga.v, ga.secret); del ga.v; print(ga.v)
class Base:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.registry.append((cls.__name__, tag))
class P1(Base): pass
class P2(Base, tag="two"): pass
print(Base.registry)
class IterViaGetitem:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * i
print(list(IterViaGetitem()), 9 in IterViaGetitem(), iter(IterViaGetitem()).__class__.__name__)
FIVE = 5
for bad in [lambda: iter(5), lambda: len(5), lambda: FIVE[0], lambda: next([1]), lambda: Ctx.__enter__(), lambda: 1 in 5]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
class NotCtx:
    pass
try:
    with NotCtx():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
class Hashy:
    def __hash__(self): return 12345
print(hash(Hashy()))
class BigHash:
    def __hash__(self): return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
