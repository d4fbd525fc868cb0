# Assigning __bases__: MRO recomputed for subclasses, and its errors.
class A:
    def f(self): return 'A'
class B:
    def f(self): return 'B'
class C(A): pass
class D(C): pass
d = D(); print(d.f(), D.__mro__)
C.__bases__ = (B,)
print(d.f(), D.__mro__, C.__bases__, A.__subclasses__(), B.__subclasses__())
for bad in [(), (1,), (D,), [A]]:
    try: C.__bases__ = bad
    except TypeError as e: print(e)
try: int.__bases__ = (object,)
except TypeError as e: print(e)
class S:
    __slots__ = ('a',)
try: C.__bases__ = (S,)
except TypeError as e: print(e)
print(C.__mro__)
