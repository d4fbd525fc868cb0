# isinstance/issubclass, type, id, hash, callable, getattr/setattr/hasattr/delattr, dir, vars, globals, locals
print(isinstance(1, int), isinstance(1, (str, int)), isinstance(True, int), isinstance(1.0, int), isinstance([], (tuple, (dict, list))), isinstance(None, type(None)))
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(list, list), issubclass(type, object), issubclass(object, type))
print(type(1), type("s"), type([]), type({}), type(()), type(None), type(type), type(len), type(lambda: 0).__name__, type(print).__name__)
print(type(1) is int, type(1.0) == float, type(int) is type, type(object), type(range(1)), type(b""), type(set()), type(frozenset()))
for bad in [lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: isinstance(1, (int, 5))]:
    try:
        print(bad())
    except TypeError as e:
        print(type(e).__name__, e)
a = [1]; b = a; c = [1]
print(id(a) == id(b), id(a) == id(c), id(a) == id(a), type(id(a)).__name__)
print(hash(1) == hash(1.0), hash("abc") == hash("abc"), hash((1, "a")) == hash((1, "a")), hash(42), hash(-1), hash(-2), hash(0), hash(2 ** 61 - 1), hash(2 ** 61), hash(1.5), hash(True), hash(()) == hash(()), hash(None) == hash(None))
print(callable(len), callable(1), callable(int), callable(lambda: 0), callable("s".upper), callable(None))
class Obj:
    cls_attr = "c"
    def method(self):
        return 1
o = Obj()
setattr(o, "dyn", 5)
print(getattr(o, "dyn"), getattr(o, "cls_attr"), getattr(o, "nope", "default"), hasattr(o, "dyn"), hasattr(o, "zzz"), hasattr(Obj, "method"))
delattr(o, "dyn"); print(hasattr(o, "dyn"))
try:
    getattr(o, "nope")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(o, "nope")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(o, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(1, "x", 2)
except AttributeError as e:
    print(type(e).__name__, e)
class Simple:
    x = 1
    def m(self):
        pass
print([n for n in dir(Simple) if not n.startswith("__")], "__init__" in dir(Simple), "x" in dir(Simple()), dir(Simple) == sorted(dir(Simple)))
s = Simple(); s.inst = 2
print(vars(s), [k for k in vars(Simple) if not k.startswith("__")], sorted(k for k in s.__dict__))
def loc(a, b=2):
    c = a + b
    return sorted(locals().items())
print(loc(1))
G_VAR = "global"
print(globals()["G_VAR"], "loc" in globals(), globals()["__name__"], type(globals()).__name__)
globals()["INJECTED"] = 7
print(INJECTED)
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
print(type(dir()).__name__, "G_VAR" in dir(), sorted(dir([]))[:3] if False else "skip")
print(int.__name__, len.__name__, Obj.method.__name__, Obj.__name__, o.__class__.__name__, o.__class__ is Obj)
print(format(5, "03"), format("x", ">3"), format(1.5), format([1]), repr(format))
