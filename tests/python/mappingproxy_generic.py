# cls.__dict__ is a read-only mappingproxy; list[int] and friends are types.GenericAlias
import types
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
class A:
    x = 1
    def m(self): return 2
p = A.__dict__
print(type(p).__name__, p["x"], "m" in p, "zz" in p, p.get("zz", 0), len(p) > 2, sorted(k for k in p if not k.startswith("__")))
t(lambda: p.__setitem__("y", 2))
t(lambda: p.__delitem__("x"))
t(lambda: p["nope"])
q = types.MappingProxyType({1: 2})
print(q, repr(q), q == {1: 2}, q != {1: 3}, q | {3: 4}, {3: 4} | q, list(reversed(q)), q.copy(), len(q), 1 in q, list(q), q.get(5, 6), q.items(), q.keys(), q.values())
def ior():
    global q
    q |= {}
t(ior)
t(lambda: hash(q))
t(lambda: types.MappingProxyType([1]))
t(lambda: types.MappingProxyType(5))
t(lambda: setattr(q, "x", 1))
print(type(q) is type(A.__dict__), isinstance(q, types.MappingProxyType))
class Foo: pass
t(lambda: list[int])
t(lambda: dict[str, list[int]])
t(lambda: tuple[int, ...])
t(lambda: tuple[()])
t(lambda: list[Foo])
t(lambda: list["Foo"])
t(lambda: list[1])
t(lambda: type[int])
t(lambda: set[int].__origin__)
t(lambda: dict[str, int].__args__)
t(lambda: list[int].__args__)
t(lambda: list[int].__parameters__)
t(lambda: list[int]([1, 2]))
t(lambda: list[int]("ab"))
t(lambda: list[int] == list[int])
t(lambda: list[int] == list[str])
t(lambda: list[int] == list)
t(lambda: hash(list[int]) == hash(list[int]))
t(lambda: isinstance([], list[int]))
t(lambda: issubclass(list, list[int]))
t(lambda: type(list[int]))
t(lambda: type(list[int]).__name__)
t(lambda: list[int].__name__)
t(lambda: list[int].append)
t(lambda: list[int].__mro__)
t(lambda: list[int][int])
t(lambda: list[int] | None)
t(lambda: frozenset[int])
class C(list[int]): pass
t(lambda: C.__bases__)
t(lambda: C.__orig_bases__)
t(lambda: list.__class_getitem__(int))
t(lambda: dict[int])
t(lambda: str[int])
t(lambda: int[str])
def f(x: list[int]) -> dict[str, int]: pass
t(lambda: f.__annotations__)
t(lambda: types.GenericAlias(list, (int,)))
t(lambda: types.GenericAlias(list, int))
t(lambda: repr(list[int]))
t(lambda: str(list[int]))
t(lambda: list[int].__class__)
t(lambda: list[int].__origin__ is list)
def setp():
    p["y"] = 2
def delp():
    del p["x"]
t(setp)
t(delp)
print(repr(list.append), repr(int.__add__), repr(dict.get), repr(len), repr(str.join))
