# object model probes: properties, descriptors, special methods, class attributes
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
class P:
    def __init__(self, x): self._x = x
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v
    @staticmethod
    def s(a): return a * 2
    @classmethod
    def c(cls): return cls.__name__
p = P(1); p.x = 5
print(p.x, P.s(2), p.s(3), P.c(), p.c(), type(P.x).__name__, P.x.fget.__name__)
t(lambda: delattr(p, "x"))
class RO:
    @property
    def v(self): return 1
t(lambda: setattr(RO(), "v", 2))
class D:
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, owner=None): return ("get", self.name, obj is None)
class H:
    d = D()
print(H.d, H().d)
class Base:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class Child(Base, tag="c"): pass
print(Child.tag)
class G:
    def __class_getitem__(cls, item): return f"G[{item}]"
print(G[int], list[int], dict[str, int], type(list[int]).__name__)
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(Seq()), 10 in Seq(), 5 in Seq())
class L:
    def __len__(self): return 0
print(bool(L()), not L())
class B:
    def __bool__(self): return 2
t(lambda: bool(B()))
class BadLen:
    def __len__(self): return -1
t(lambda: len(BadLen()))
class Idx:
    def __index__(self): return 2
print([1, 2, 3][Idx()], "abc"[Idx()], bin(Idx()), range(Idx()))
t(lambda: len(5))
t(lambda: iter(5))
t(lambda: next([]))
t(lambda: next(iter([]), "dflt"))
t(lambda: [].foo)
t(lambda: P.nope)
t(lambda: P(1, 2))
t(lambda: P())
t(lambda: object().__eq__(1))
t(lambda: type(5)(7))
t(lambda: type("X", (object,), {"a": 1})().a)
t(lambda: type("X", (5,), {}))
t(lambda: isinstance(1, 5))
t(lambda: issubclass(5, int))
t(lambda: isinstance(1, (str, (int, float))))
t(lambda: issubclass(bool, (str, int)))
t(lambda: getattr(1, "real"))
t(lambda: getattr(1, "nope"))
t(lambda: getattr(1, "nope", "d"))
t(lambda: hasattr(1, "real"))
t(lambda: setattr(1, "real", 5))
t(lambda: setattr(1, "x", 5))
t(lambda: [].append.__name__)
t(lambda: [].append.__qualname__)
t(lambda: len.__name__)
t(lambda: repr(len))
t(lambda: repr([].append)[:35])
t(lambda: repr(int.__add__))
t(lambda: repr(int.from_bytes)[:40])
t(lambda: repr(P.c)[:30])
t(lambda: int.__name__, )
t(lambda: int.__qualname__)
t(lambda: int.__module__)
t(lambda: P.__module__)
t(lambda: P.__qualname__)
t(lambda: P.__doc__)
t(lambda: (lambda: 0).__name__)
t(lambda: callable(P), )
t(lambda: id(p) == id(p))
t(lambda: vars(p))
t(lambda: sorted(vars(P).keys())[:4])
t(lambda: dir(p)[-4:])
t(lambda: P.__bases__)
t(lambda: object.__bases__)
t(lambda: type.__mro__)
t(lambda: bool.__mro__)
t(lambda: int.__subclasses__()[:2] if False else None)
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __eq__(self, o): return self.v == o.v
    __hash__ = None
print(sorted([Cmp(3), Cmp(1)])[0].v, Cmp(1) > Cmp(0), Cmp(1) <= Cmp(1) if hasattr(Cmp, "__le__") and False else "skip")
t(lambda: Cmp(1) <= Cmp(2))
t(lambda: hash(Cmp(1)))
class Str:
    def __str__(self): return "S"
    def __repr__(self): return "R"
print(str(Str()), repr(Str()), f"{Str()}", f"{Str()!r}", [Str()], "%s %r" % (Str(), Str()), format(Str()))
class Fmt:
    def __format__(self, spec): return f"<{spec}>"
print(f"{Fmt():abc}", format(Fmt(), "x"), "{:q}".format(Fmt()))
t(lambda: format(Str(), "x"))
class Num:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Num(self.v + (o.v if isinstance(o, Num) else o))
    def __radd__(self, o): return Num(o + self.v)
    def __iadd__(self, o): self.v += 100; return self
    def __neg__(self): return Num(-self.v)
    def __repr__(self): return f"Num({self.v})"
n = Num(1); n += 1
print(n, 1 + Num(2), sum([Num(1), Num(2)]), -Num(3))
class Ctx:
    def __enter__(self): print("enter"); return self
    def __exit__(self, *a): print("exit", a[0].__name__ if a[0] else None); return True
with Ctx() as c:
    raise ValueError("x")
print("after")
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(It()), sum(It()), max(It()), sorted(It(), reverse=True))
class Call:
    def __call__(self, *a, **k): return (a, k)
print(Call()(1, b=2), callable(Call()))
class Cont:
    def __contains__(self, x): return x == 1
print(1 in Cont(), 2 in Cont(), 2 not in Cont())
class GA:
    def __getattr__(self, n): return n.upper()
print(GA().foo, getattr(GA(), "bar"), hasattr(GA(), "x"))
class GAT:
    def __getattribute__(self, n):
        if n == "y": return 42
        return object.__getattribute__(self, n)
g = GAT(); g.z = 1
print(g.y, g.z)
t(lambda: GAT().q)
class SA:
    def __setattr__(self, n, v): object.__setattr__(self, n, v * 2)
s = SA(); s.a = 2; print(s.a)
class DA:
    def __delattr__(self, n): print("del", n)
d = DA(); del d.x
class Meta(type):
    def __repr__(cls): return f"<Meta {cls.__name__}>"
class WM(metaclass=Meta): pass
print(WM, type(WM), repr(WM))
print(type(type), type(object), isinstance(type, object), isinstance(object, type))
class Abs:
    def __eq__(self, o): return NotImplemented
print(Abs() == Abs(), Abs() != Abs(), Abs() == 1)
a1 = Abs(); print(a1 == a1)
