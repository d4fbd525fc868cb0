# X | Y on classes: types.UnionType, flattening, dedup, isinstance/issubclass, equality
import types
u = int | str
print(u, repr(u), u.__args__, u.__parameters__, type(u), type(u).__module__)
print(int | None, None | int, int | int, (int | str) | (str | float), float | (int | str))
print(u == (str | int), u != (int | float), hash(u) == hash(str | int), u == int)
print(isinstance(1, u), isinstance("s", u), isinstance(1.0, u), issubclass(bool, u), issubclass(float, u))
print(isinstance(None, int | None), isinstance(types.UnionType, type))
class A: pass
class B(A): pass
print(A | B, isinstance(B(), A | int), (A | B).__args__)
try:
    int | 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 | int
except TypeError as e:
    print(type(e).__name__, e)
def f(x: int | None = None) -> list | tuple:
    return x
print(f.__annotations__)
print(isinstance(u, types.UnionType), {int | str: 1}[str | int])
