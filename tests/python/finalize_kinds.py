# __del__ on subclasses of builtin types, exceptions, instances made by __new__ and copies.
import copy
class L(list):
    def __del__(self): print("del L", list(self))
class D(dict):
    def __del__(self): print("del D")
class E(Exception):
    def __del__(self): print("del E")
class N:
    def __new__(cls, *a):
        o = object.__new__(cls)
        return o
    def __del__(self): print("del N")
a = L([1, 2]); del a
b = D(x=1); del b
try:
    raise E("x")
except E:
    pass
print("after except")
n = N(); del n
m = N(); c = copy.copy(m); del m; del c
print("end")
