# __set_name__, __getattribute__ fallback order, class-level attribute resolution
class Field:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int, got {type(value).__name__}")
        setattr(obj, self.name, value)
class Model:
    a = Field()
    b = Field()
m = Model()
print(m.a)
m.a = 5
print(m.a, m._a, type(Model.a).__name__)
try:
    m.b = "x"
except TypeError as e:
    print(type(e).__name__, e)
class Base:
    def __getattr__(self, name):
        return f"fallback:{name}"
class Child(Base):
    known = "known"
    @property
    def prop(self):
        raise AttributeError("prop failed")
ch = Child()
print(ch.known, ch.unknown, ch.prop)
class Cached:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.fn.__name__] = value
        return value
class Heavy:
    calls = 0
    @Cached
    def data(self):
        Heavy.calls += 1
        return [1, 2, 3]
h = Heavy()
print(h.data, h.data, Heavy.calls)
class Counter:
    count = 0
    def __init__(self):
        self.count += 1
c1 = Counter(); c2 = Counter()
print(c1.count, c2.count, Counter.count)
class BoundCheck:
    def method(self):
        return self
bc = BoundCheck()
print(bc.method() is bc, BoundCheck.method(bc) is bc, bc.method == bc.method)
