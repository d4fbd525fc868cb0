# Function attributes (__name__, __qualname__, __defaults__, __code__.co_*...), closures, functools.wraps and inspect.
import functools, inspect
def f(a, b=2, *args, c, d=4, **kw) -> int:
    "doc of f"
    x = a + b
    return x
print(f.__name__, f.__qualname__, f.__module__, f.__doc__, f.__defaults__, f.__kwdefaults__)
print(f.__annotations__, f.__dict__, type(f.__globals__).__name__, f.__closure__)
c = f.__code__
print(c.co_name, c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_nlocals)
print(c.co_varnames, c.co_names, c.co_freevars, c.co_cellvars, c.co_filename.endswith('.py'))
print(c.co_firstlineno, c.co_flags & 0x0f, bool(c.co_flags & 0x08), bool(c.co_flags & 0x04))
print(c.co_qualname, type(c.co_code).__name__, type(c.co_consts).__name__)
def outer():
    n = 0
    def inner(): return n
    return inner
i = outer()
print(i.__qualname__, i.__code__.co_freevars, outer.__code__.co_cellvars, type(i.__closure__[0]).__name__, i.__closure__[0].cell_contents)
print(repr(i.__closure__[0]).split(' at ')[0])
class C:
    def m(self, x: int = 1) -> None: pass
    class D:
        def n(self): pass
    @staticmethod
    def s(): pass
print(C.m.__qualname__, C.D.n.__qualname__, C.D.__qualname__, C.s.__qualname__, C.m.__annotations__)
print(C.m.__defaults__, (lambda: 0).__name__, (lambda: 0).__qualname__)
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k)
    return wrapper
@deco
def g(x, y=1):
    "g doc"
    return x + y
print(g.__name__, g.__doc__, g.__wrapped__.__name__, g(1), g.__qualname__, g.__module__)
print(inspect.signature(g), inspect.signature(f), inspect.unwrap(g) is g.__wrapped__)
f.attr = 5
print(f.__dict__, f.attr)
def h(*, k): pass
print(h.__kwdefaults__, h.__defaults__, h.__code__.co_kwonlyargcount)
def gen(): yield 1
print(bool(gen.__code__.co_flags & 0x20), gen().gi_code.co_name, gen.__code__.co_argcount)
print(inspect.isfunction(f), inspect.ismethod(C().m), inspect.isgeneratorfunction(gen), inspect.isbuiltin(len), inspect.isclass(C))
print(inspect.getdoc(g), callable(f))
print(f.__code__.co_lines is not None, f.__code__.replace(co_name='zz').co_name)
try:
    f.__name__ = 3
except TypeError as e: print(e)
f.__name__ = 'renamed'; print(f.__name__, f.__qualname__)
f.__defaults__ = (9,); print(f.__defaults__)
print(sorted(k for k in dir(f) if not k.startswith('_')))
print(inspect.getfullargspec(f))
print(inspect.getsource(deco).splitlines()[0])
print([p.kind.name for p in inspect.signature(f).parameters.values()])
