# __getattribute__/__getattr__/__setattr__, __class__ assignment, __slots__ errors, metaclasses, abc, enum and dataclasses.
import abc, enum, dataclasses
class GA:
    def __init__(self): self.x = 1
    def __getattribute__(self, name):
        if name == 'magic': return 42
        return object.__getattribute__(self, name)
    def __getattr__(self, name): return f'missing:{name}'
g = GA(); print(g.x, g.magic, g.other)
class SA:
    def __setattr__(self, k, v): print('set', k, v); super().__setattr__(k, v)
    def __delattr__(self, k): print('del', k); super().__delattr__(k)
s = SA(); s.a = 1; del s.a
try: del s.a
except AttributeError as e: print(e)
class A1: 
    def who(self): return 'A1'
class B1:
    def who(self): return 'B1'
o = A1(); o.__class__ = B1; print(o.who(), type(o).__name__)
try: o.__class__ = int
except TypeError as e: print(e)
try: (1).__class__ = B1
except TypeError as e: print(e)
class Sl:
    __slots__ = ('a',)
s = Sl(); s.a = 1
try: s.b = 2
except AttributeError as e: print(e)
try: Sl().a
except AttributeError as e: print(e)
try: 
    class Bad:
        __slots__ = ('a',)
        a = 1
except ValueError as e: print(e)
print(hasattr(s, '__dict__'), Sl.__slots__)
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print('prepare', name, kw); return {'injected': 1}
    def __new__(mcs, name, bases, ns, **kw):
        print('new', name, sorted(k for k in ns if not k.startswith('__')))
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print('call', cls.__name__, a); return super().__call__(*a, **k)
class WithMeta(metaclass=Meta, flag=True):
    def __init__(self, v): self.v = v
w = WithMeta(5); print(w.v, WithMeta.injected, type(WithMeta).__name__, repr(WithMeta))
class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst: cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class One(metaclass=Singleton): pass
print(One() is One())
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    @abc.abstractmethod
    def name(self): ...
try: Shape()
except TypeError as e: print(e)
class Sq(Shape):
    def area(self): return 4
try: Sq()
except TypeError as e: print(e)
class Sq2(Sq):
    def name(self): return 'sq'
print(Sq2().area(), isinstance(Sq2(), Shape), sorted(Shape.__abstractmethods__), sorted(Sq.__abstractmethods__))
class MyABC(metaclass=abc.ABCMeta): pass
MyABC.register(int); print(isinstance(3, MyABC), issubclass(bool, MyABC))
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 'b'
print(Color.RED, repr(Color.GREEN), Color(2), Color['BLUE'], list(Color), Color.RED.name, Color.RED.value)
print(len(Color), Color.RED in Color, Color.RED is Color(1), type(Color.RED).__name__, isinstance(Color.RED, Color))
try: Color(5)
except ValueError as e: print(e)
class P(enum.IntEnum):
    A = 1
    B = 2
print(P.A + 1, P.B == 2, sorted([P.B, P.A]), P.A < P.B, str(P.A), repr(P.A), f'{P.A}')
class Fl(enum.Flag):
    R = enum.auto(); W = enum.auto(); X = enum.auto()
print(Fl.R | Fl.W, repr(Fl.R | Fl.X), Fl.R in (Fl.R | Fl.W), Fl.W.value, list(Fl))
class St(str, enum.Enum):
    X = 'x'
print(St.X, St.X == 'x', St.X.upper(), St('x'))
class Au(enum.Enum):
    a = enum.auto(); b = enum.auto()
print(Au.a.value, Au.b.value, Au.__members__.keys())
@enum.unique
class U(enum.Enum):
    a = 1
try:
    @enum.unique
    class U2(enum.Enum):
        a = 1
        b = 1
except ValueError as e: print(e)
@dataclasses.dataclass
class Pt:
    x: int
    y: int = 0
    tags: list = dataclasses.field(default_factory=list)
p = Pt(1); print(p, p == Pt(1), Pt(1, 2) != p, dataclasses.asdict(p), dataclasses.astuple(Pt(3, 4)))
print([f.name for f in dataclasses.fields(Pt)], dataclasses.replace(p, x=9))
@dataclasses.dataclass(frozen=True, order=True)
class FP:
    a: int
    b: str = 'z'
try: FP(1).a = 2
except dataclasses.FrozenInstanceError as e: print(type(e).__name__, e)
print(FP(1) < FP(2), sorted([FP(3), FP(1, 'a')]), hash(FP(1)) == hash(FP(1)), FP.__match_args__)
@dataclasses.dataclass
class Post:
    a: int
    b: int = dataclasses.field(init=False, repr=False)
    def __post_init__(self): self.b = self.a * 2
print(Post(3), Post(3).b)
try: Pt()
except TypeError as e: print(e)
