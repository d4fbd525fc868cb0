# __slots__: member descriptors, instances without __dict__, layouts, errors; object()
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
class A:
    __slots__ = ("x", "y")
class B(A):
    __slots__ = "z"
class C(B):
    pass
class D:
    __slots__ = ("a", "__dict__")
class E:
    __slots__ = ["__priv", "q"]
    def __init__(self):
        self.__priv = 5
    def get(self):
        return self.__priv
print(A.x, type(A.x).__name__, A.__slots__, B.__slots__, B.z)
a = A(); a.x = 1
t(lambda: a.y)
t(lambda: a.x)
t(lambda: setattr(a, "w", 1))
t(lambda: a.__dict__)
t(lambda: hasattr(a, "__dict__"))
t(lambda: vars(a))
def dd():
    del a.x
    return a.x
t(dd)
def dd2():
    del a.x
t(dd2)
b = B(); b.x = 1; b.z = 3
print(b.x, b.z, hasattr(b, "__dict__"))
t(lambda: setattr(b, "w", 1))
c = C(); c.z = 1; c.w = 2
print(c.z, c.w, c.__dict__)
d = D(); d.a = 1; d.b = 2
print(d.a, d.b, d.__dict__)
e = E()
print(e.get(), E._E__priv, sorted(k for k in E.__dict__ if not k.startswith("__")))
t(lambda: A.x.__get__(5))
t(lambda: A.x.__set__(5, 1))
t(lambda: A.x.__get__(None, A))
t(lambda: A.x.__name__)
t(lambda: A.x.__objclass__)
a.x = 1; print(A.x.__get__(a), A.y.__set__(a, 7), a.y)
def bad(ns):
    try:
        type("Bad", (), ns)
    except Exception as e:
        print(type(e).__name__, e)
bad({"__slots__": ("x",), "x": 1})
bad({"__slots__": (1,)})
bad({"__slots__": ("1a",)})
bad({"__slots__": ("__dict__", "__dict__")})
bad({"__slots__": 5})
t(lambda: type("I", (int,), {"__slots__": ("a",)}))
t(lambda: type("T", (tuple,), {"__slots__": ("a",)}))
t(lambda: type("I2", (int,), {"__slots__": ()}))
class L(list):
    __slots__ = ("tag",)
l = L([1, 2]); l.tag = "t"
print(l, l.tag, hasattr(l, "__dict__"))
t(lambda: setattr(l, "other", 1))
class P: __slots__ = ("p",)
class Q: __slots__ = ("q",)
t(lambda: type("PQ", (P, Q), {}))
class R: __slots__ = ()
print(type("PR", (P, R), {}).__mro__)
t(lambda: setattr(object(), "x", 1))
o = object()
t(lambda: o.__dict__)
class W:
    __slots__ = ("__weakref__", "v")
w = W(); w.v = 3; print(w.v)
t(lambda: setattr(w, "k", 1))
class DictSub(D): pass
t(lambda: type("X", (D,), {"__slots__": ("__dict__",)}))
print(DictSub().__dict__)
class S2: 
    __slots__ = {"a": "doc a", "b": "doc b"}
print(S2.a.__doc__, S2.__slots__)
class Sl: __slots__ = ("x",)
s = Sl()
t(lambda: s.x)
print(A.__dict__["x"], repr(A.x))
class AA(A):
    __slots__ = ("x",)
class AA(A):
    __slots__ = ("x",)
aa = AA(); aa.x = 5; print(aa.x, hasattr(aa, "y"))
