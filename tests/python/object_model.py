# object model: __new__, __init__, __slots__, __class__, __dict__, type(), metaclass basics
class Singleton:
    _instance = None
    def __new__(cls, *args):
        if cls._instance is None:
            print("creating instance")
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, v):
        print("init with", v)
        self.v = v
a = Singleton(1); b = Singleton(2)
print(a is b, a.v)
class NotInit:
    def __new__(cls):
        return 42
print(NotInit())
class Slotted:
    __slots__ = ("x", "y")
    def __init__(self):
        self.x = 1
s = Slotted(); s.y = 2
print(s.x, s.y, hasattr(s, "__dict__"))
try:
    s.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Slotted().y
except AttributeError as e:
    print(type(e).__name__, e)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["added_by_meta"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
    def __call__(cls, *a):
        print("Meta.__call__", cls.__name__)
        return super().__call__(*a)
class WithMeta(metaclass=Meta):
    def __init__(self, q=0):
        self.q = q
w = WithMeta(5)
print(WithMeta.added_by_meta, type(WithMeta).__name__, w.q, isinstance(WithMeta, Meta), isinstance(w, WithMeta))
class Sub(WithMeta):
    pass
print(Sub.added_by_meta, type(Sub).__name__)
o = object()
try:
    o.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
class Swappable:
    def who(self):
        return "Swappable"
class Other:
    def who(self):
        return "Other"
sw = Swappable(); sw.__class__ = Other; print(sw.who(), type(sw).__name__)
class Dicty:
    pass
dy = Dicty(); dy.__dict__["via_dict"] = 1; print(dy.via_dict, dy.__dict__)
print(type(5).__name__, type("x", (), {})().__class__.__name__, object.__name__, type.__name__, type(object) is type)
print(Singleton.__dict__["__new__"].__class__.__name__, isinstance(Singleton.__new__, type(len)) or callable(Singleton.__new__))
class Eq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __hash__(self): return hash(self.v)
print(len({Eq(1), Eq(1), Eq(2)}), Eq(1) in [Eq(1)], [Eq(3)].index(Eq(3)))
class Abstract:
    def area(self):
        raise NotImplementedError("subclass must implement")
try:
    Abstract().area()
except NotImplementedError as e:
    print(type(e).__name__, e)
print(object() != object(), object.__eq__(o, o), NotImplemented.__class__.__name__, Ellipsis, ...)
