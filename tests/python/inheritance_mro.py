# inheritance, C3 MRO incl. diamond, super() forms
class A:
    def who(self):
        return "A"
    def chain(self):
        return ["A"]
class B(A):
    def who(self):
        return "B>" + super().who()
    def chain(self):
        return ["B"] + super().chain()
class C(A):
    def who(self):
        return "C>" + super(C, self).who()
    def chain(self):
        return ["C"] + super().chain()
class D(B, C):
    def chain(self):
        return ["D"] + super().chain()
def names(cls):
    return [k.__name__ for k in cls.__mro__]
print(names(D), D().who(), D().chain(), D.__bases__ == (B, C))
print(D.__mro__)
print(issubclass(D, A), issubclass(A, D), isinstance(D(), C), issubclass(D, (int, C)), D.mro() == list(D.__mro__))
class O: pass
class X(O): pass
class Y(O): pass
class Z(O): pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass
print(names(M))
try:
    class Bad(X, K1): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Dup(A, A): pass
except TypeError as e:
    print(type(e).__name__, e)
class Base:
    def __init__(self, v):
        self.v = v
        self.log = ["Base"]
class Mid(Base):
    def __init__(self, v):
        super().__init__(v * 2)
        self.log.append("Mid")
class Leaf(Mid):
    def __init__(self):
        super(Mid, self).__init__(1)
        self.log.append("Leaf")
class Leaf2(Mid):
    def __init__(self):
        Mid.__init__(self, 5)
print(Leaf().log, Leaf().v, Leaf2().v, Mid(3).log)
class S:
    @classmethod
    def create(cls):
        return cls.__name__
    def hello(self):
        return "S.hello"
class T(S):
    @classmethod
    def create(cls):
        return "T+" + super().create()
    def hello(self):
        sup = super()
        return "T>" + sup.hello()
print(T.create(), T().create(), S.create(), T().hello(), super(T, T()).hello())
class Attr:
    x = 1
class Attr2(Attr):
    pass
print(Attr2.x, Attr2().x, "x" in Attr2.__dict__, "x" in Attr.__dict__)
print(int.__mro__, bool.__mro__, object.__bases__, type(A.__dict__).__name__)
class MyList(list):
    def total(self):
        return sum(self)
ml = MyList([1, 2, 3]); ml.append(4)
print(ml, ml.total(), len(ml), isinstance(ml, list), type(ml).__name__, ml + [5], type(ml[:2]).__name__)
class MyDict(dict):
    def __missing__(self, key):
        return key * 2
md = MyDict(a=1)
print(md["a"], md["zz"], md, "zz" in md)
class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"
mi = MyInt(5)
print(mi, mi + 1, type(mi + 1).__name__, mi == 5, str(mi), [mi])
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
print(MyStr("hi").shout(), MyStr("a") + "b", len(MyStr("abc")))
class MyExc(ValueError):
    pass
print(names(MyExc))
try:
    super(int, "x")
except TypeError as e:
    print(type(e).__name__, e)
