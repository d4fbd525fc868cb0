# Module objects: repr, ModuleType, submodule imports registered by their parent (os.path),
# and __call__ on functions, methods and builtins.
import os.path
import os.path as osp
from os import path
import sys, math, types, json
print(repr(sys), repr(json).startswith("<module 'json' from '"), osp is path, os.path is path)
print(osp.join("a", "b"), path.splitext("x.tar.gz"), "os.path" in sys.modules)
m = types.ModuleType("mymod", "the doc")
print(m, m.__name__, m.__doc__, m.__package__, m.__spec__)
m.x = 1
print(m.x, m.__dict__["x"], sorted(k for k in vars(m) if not k.startswith("__")))
for bad in [lambda: m.nope, lambda: math.nope, lambda: types.ModuleType(), lambda: types.ModuleType(5)]:
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
class Sub(types.ModuleType):
    def hello(self):
        return "hello from " + self.__name__
s = Sub("subbed")
print(s.hello(), isinstance(s, types.ModuleType), type(s).__name__)
f = lambda x, y=2: x * y
print(f.__call__(3), len.__call__([1, 2]), int.__call__("5"), [].append.__call__(1), str.upper.__call__("a"))
class C:
    def m(self, k):
        return k + 1
print(C().m.__call__(1), callable(C().m), type(len.__call__).__name__ in ("method-wrapper", "builtin_function_or_method"))
try:
    type("X", (1,), {})
except TypeError as e:
    print(type(e).__name__, e)
for args in [(1, (), {}), ("X", [], {}), ("X", (), [])]:
    try:
        type(*args)
    except TypeError as e:
        print(type(e).__name__, e)
