# property with getter/setter/deleter, staticmethod, classmethod
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        print("get")
        return self._c
    @celsius.setter
    def celsius(self, v):
        print("set", v)
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("del")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    def _get_k(self):
        return self._c + 273.15
    kelvin = property(_get_k, doc="kelvin doc")
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit, t.kelvin, Temp.kelvin.__doc__, type(Temp.celsius).__name__)
del t.celsius
print(t._c)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del t.fahrenheit
except AttributeError as e:
    print(type(e).__name__, e)
class Util:
    factor = 3
    @staticmethod
    def add(a, b):
        return a + b
    @classmethod
    def scaled(cls, v):
        return cls.factor * v
    @classmethod
    def make(cls):
        return cls()
class Sub(Util):
    factor = 10
print(Util.add(1, 2), Util().add(3, 4), Util.scaled(2), Sub.scaled(2), Sub().scaled(1), type(Sub.make()).__name__)
print(type(Util.__dict__["add"]).__name__, type(Util.__dict__["scaled"]).__name__, Util.add.__name__)
class Lazy:
    def __init__(self):
        self.calls = 0
    @property
    def value(self):
        self.calls += 1
        return self.calls * 10
l = Lazy()
print(l.value, l.value, l.calls)
class P2:
    x = property(lambda self: 42)
print(P2().x, P2.x.fget(None), P2.x.fset)
class Desc:
    def __get__(self, obj, objtype=None):
        return ("get", obj is None, objtype.__name__)
    def __set__(self, obj, value):
        obj.__dict__["stored"] = value * 2
class HasDesc:
    d = Desc()
h = HasDesc()
h.d = 5
print(h.d, HasDesc.d, h.stored)
class NonData:
    def __get__(self, obj, objtype=None):
        return "nondata"
class HasND:
    n = NonData()
hn = HasND()
print(hn.n); hn.n = "instance wins"; print(hn.n)
