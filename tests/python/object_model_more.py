# str/repr/format fallbacks, class attributes and naming, setattr/delattr errors on builtins, isinstance errors, properties.
import types, sys
class A: pass
class B:
    def __repr__(self): return 'B!'
class C:
    def __str__(self): return 'C-str'
print(str(B()), repr(C()).split(' at ')[0], f'{B()}', f'{C()!r}'.split(' at ')[0], format(C()), '%s %r' % (B(), B()))
print(object.__repr__(B()).split(' at ')[0], object.__str__(C()).split(' at ')[0], str(A).split(' at ')[0], A.__name__, A.__qualname__, A.__module__)
class Outer:
    class Inner: pass
print(Outer.Inner, Outer.Inner.__qualname__, repr(Outer.Inner()).split(' at ')[0])
def f():
    class Local: pass
    return Local
print(f(), f().__qualname__)
print(type(A), type(type), type(object), A.__bases__, A.__mro__, object.__bases__, type.__mro__, bool.__mro__)
print(A.__class__, A().__class__, type(A()) is A, isinstance(A, type), issubclass(type, object))
try: format(A(), 'x')
except TypeError as e: print(e)
print(format(3, ''), format(3.5, '06.2f'), format('s', '>4'), format(True, 'd'), format(10, ','), object.__format__(A(), '').split(' at ')[0])
print(A.__dict__['__module__'], '__dict__' in A.__dict__, A.__doc__, type(A.__dict__).__name__)
print(A() == A(), A() != A(), A.__eq__(A(), 1), A.__ne__)
print(A.__init__ is object.__init__, A.__new__ is object.__new__, A.__hash__ is object.__hash__)
print(int.__name__, int.__qualname__, int.__module__, type.__name__, types.FunctionType.__name__, types.ModuleType.__name__)
print(type(None).__name__, type(...).__name__, type(NotImplemented).__name__, type(print).__name__)
print(repr(None), repr(...), repr(NotImplemented), str(None), bool(NotImplemented) if False else '', None.__class__)
print(sys.modules['__main__'].__name__, __name__, __file__.endswith('.py'), type(__builtins__).__name__)
print(getattr(A, '__name__'), getattr(A(), 'zz', 'default'), hasattr(A(), '__class__'), hasattr(1, 'real'))
x = A(); setattr(x, 'k', 5); print(x.k, vars(x), x.__dict__); delattr(x, 'k'); print(vars(x))
try: getattr(x, 'k')
except AttributeError as e: print(e)
try: setattr(1, 'a', 2)
except AttributeError as e: print(e)
try: object().a = 1
except AttributeError as e: print(e)
try: A.__dict__['new'] = 1
except TypeError as e: print(e)
try: int.foo = 1
except TypeError as e: print(e)
try: del int.real
except TypeError as e: print(e)
print(type('Dyn', (A,), {'v': 1})().v, type('Dyn', (), {}).__mro__)
print(id(x) == id(x), callable(id), isinstance(1, (str, int)), isinstance(1, int | str), issubclass(bool, (int,)))
try: isinstance(1, 1)
except TypeError as e: print(e)
try: issubclass(1, int)
except TypeError as e: print(e)
print(int | None, type(int | None).__name__, (int | str).__args__)
print(A.__subclasses__(), object.__subclasshook__(), A.__sizeof__ is not None, (1).__sizeof__() > 0)
class WithSlotsAndDict:
    __slots__ = ('a', '__dict__')
w = WithSlotsAndDict(); w.a = 1; w.b = 2; print(w.__dict__, w.a)
class P:
    @property
    def v(self): 'the v'; return 1
    @v.setter
    def v(self, val): print('set', val)
p = P(); p.v = 3; print(p.v, P.v.__doc__, type(P.v).__name__, P.v.fget.__name__)
try: del p.v
except AttributeError as e: print(e)
class RO:
    @property
    def r(self): return 1
try: RO().r = 2
except AttributeError as e: print(e)
print(RO.r.__get__(RO()), type(RO.r.setter).__name__, property.__name__)
