# Classes: MRO, super, properties, class/static methods, dunders, __slots__, errors.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

class A:
    def who(self): return "A"
    def chain(self): return ["A"]
class B(A):
    def chain(self): return ["B"] + super().chain()
class C(A):
    def who(self): return "C"
    def chain(self): return ["C"] + super().chain()
class D(B, C):
    def chain(self): return ["D"] + super(D, self).chain()
print([k.__name__ for k in D.__mro__], D().who(), D().chain(), D.mro() == list(D.__mro__))
print(issubclass(D, A), isinstance(D(), C), D.__bases__, A.__subclasses__(), D.__base__)

class Temp:
    scale = "C"
    def __init__(self, deg):
        self._deg = deg
    @property
    def deg(self):
        """Degrees."""
        return self._deg
    @deg.setter
    def deg(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._deg = v
    @deg.deleter
    def deg(self):
        print("deleting")
        del self._deg
    @classmethod
    def boiling(cls):
        return cls(100)
    @staticmethod
    def convert(c):
        return c * 9 / 5 + 32
t = Temp(20)
t.deg = 30
print(t.deg, Temp.boiling().deg, Temp.convert(100), Temp.deg.__doc__, type(Temp.deg).__name__)
show(lambda: setattr(t, "deg", -300))
del t.deg
show(lambda: t.deg)
class RO:
    @property
    def x(self): return 1
show(lambda: setattr(RO(), "x", 5))
show(lambda: delattr(RO(), "x"))

class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"Vec({self.x}, {self.y})"
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k): return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __eq__(self, o): return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __iter__(self): yield self.x; yield self.y
    def __bool__(self): return bool(self.x or self.y)
    def __neg__(self): return Vec(-self.x, -self.y)
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __lt__(self, o): return abs(self) < abs(o)
    def __contains__(self, v): return v in (self.x, self.y)
    def __call__(self, z): return self.x + self.y + z
v = Vec(3, 4)
print(v + v, 2 * v, v * 2, -v, abs(v), len(v), v[1], list(v), bool(Vec(0, 0)), 4 in v, v(1), {v: 1}[Vec(3, 4)])
print(sorted([Vec(5, 5), Vec(1, 1)]), max(Vec(1, 0), Vec(0, 2)), v == Vec(3, 4), v != Vec(0, 0), [*v])
show(lambda: setattr(v, "z", 1))
show(lambda: v.__dict__)
show(lambda: v < 3)
show(lambda: v + 1)
show(lambda: Vec(1))

class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
    def __repr__(cls): return f"<class {cls.__name__} via Meta>"
class Tagged(metaclass=Meta):
    pass
print(Tagged.tag, Tagged, type(Tagged).__name__)

class Base:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        Base.registry.append((cls.__name__, kw))
class Child(Base, flavor="x"):
    pass
print(Base.registry)

class WithNew:
    def __new__(cls, *a):
        inst = super().__new__(cls)
        inst.created = a
        return inst
    def __init__(self, *a): self.inited = True
w = WithNew(1, 2)
print(w.created, w.inited, type(w) is WithNew)
class Attr:
    def __getattr__(self, name): return name.upper()
    def __setattr__(self, name, val): object.__setattr__(self, name, val * 2)
a = Attr(); a.v = 5
print(a.v, a.missing, getattr(a, "q"), hasattr(a, "anything"), vars(a))
show(lambda: object().x)
show(lambda: A().missing)
show(lambda: A.missing)
show(lambda: type("X", (), {})().foo)
class E:
    pass
show(lambda: E() < E())
show(lambda: E() + 1)
show(lambda: len(E()))
show(lambda: E()[0])
show(lambda: E()())
show(lambda: iter(E()))
show(lambda: hash([]))
show(lambda: class_mro_err())
def class_mro_err():
    class X(A, B): pass
print(repr(E())[:12], str(E)[:17], E.__name__, E.__qualname__, E.__module__, E.__doc__)
class Str:
    def __str__(self): return "STR"
print(Str(), str(Str()), repr(Str())[:5], f"{Str()}", "%s" % Str())
print(type(3), type("x"), type(None), type(type), type(print).__name__, object.__name__)
print(D.__dict__.get("chain").__name__, "who" in dir(D), callable(D), callable(D()))
