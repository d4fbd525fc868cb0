# dir() of builtin types, instances, classes, modules and functions; vars() and locals().
import math, sys, types
print(dir(int)[:5], len(dir(int)) > 50)
for t in [int, float, str, list, dict, tuple, set, frozenset, bytes, bool, complex, range, slice, object, type, property, BaseException, Exception]:
    print(t.__name__, [n for n in dir(t) if not n.startswith('_')])
for t in [int, float, str, list, dict, tuple, set, object, range, complex, bool]:
    print(t.__name__, [n for n in dir(t) if n.startswith('__')])
class A:
    x = 1
    def __init__(self): self.y = 2
    def m(self): pass
class B(A):
    z = 3
b = B()
print(dir(b))
print([n for n in dir(B) if not n.startswith('__')])
print(vars(b), sorted(vars(A)), sorted(B.__dict__))
print([n for n in dir(math) if not n.startswith('_')][:12])
print(sorted(n for n in dir(sys) if n in ('argv', 'path', 'modules', 'stdout', 'version_info')))
def f(): pass
print([n for n in dir(f) if not n.startswith('__')], '__code__' in dir(f), '__wrapped__' in dir(f))
print(dir(None)[:3], len(dir(None)) > 10)
m = types.ModuleType('mm'); m.q = 1
print(dir(m))
class D:
    def __dir__(self): return ['b', 'a', 'c']
print(dir(D()))
class S:
    __slots__ = ('p', 'q')
print([n for n in dir(S()) if not n.startswith('__')])
try:
    vars(1)
except TypeError as e:
    print(e)
print(sorted(vars(types.SimpleNamespace(a=1, b=2))))
def g():
    a = 1; b = 2
    return sorted(dir()), sorted(vars().items()), sorted(locals())
print(g())
print('print' in dir(__builtins__), len([n for n in dir(__builtins__) if n[0].isupper()]) > 40)
site_names = {'breakpoint', 'copyright', 'credits', 'help', 'license'}
print([n for n in dir(__builtins__) if not n.startswith('_') and n[0].islower() and n not in site_names])
