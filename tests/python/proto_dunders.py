# __init_subclass__, __set_name__, __class_getitem__, __missing__, __index__, __format__, __round__, comparison reflection, truth fallbacks...
import math, operator
class Base:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        print('init_subclass', cls.__name__, tag)
class Child(Base, tag='x'): pass
class Grand(Child): pass
print(Child.tag, Grand.tag)
class Field:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return obj.__dict__.get(self.name, 'unset')
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value * 2
class M:
    f = Field()
    g = Field()
m = M(); print(m.f); m.f = 3; print(m.f, M.f.name, type(M.__dict__['f']).__name__)
class G:
    def __class_getitem__(cls, item): return f'G[{item!r}]'
print(G[int], G[1, 2], list[int], dict[str, int], type(list[int]).__name__, list[int].__origin__, list[int].__args__)
class D(dict):
    def __missing__(self, k): return k * 2
d = D(a=1); print(d['a'], d['zz'], d.get('q'), 'zz' in d)
class I:
    def __index__(self): return 3
print([10, 20, 30, 40][I()], bin(I()), hex(I()), range(I()), operator.index(I()), 'ab'*I())
class F:
    def __format__(self, spec): return f'F<{spec}>'
    def __round__(self, n=None): return ('round', n)
    def __trunc__(self): return 7
    def __floor__(self): return 8
    def __ceil__(self): return 9
print(format(F(), 'x>5'), f'{F():abc}', f'{F()!r}'[:2], round(F()), round(F(), 2), math.trunc(F()), math.floor(F()), math.ceil(F()))
class R:
    def __init__(self): self.d = [1, 2, 3]
    def __reversed__(self): return iter(['r'])
    def __len__(self): return 3
    def __getitem__(self, i): return self.d[i]
print(list(reversed(R())), list(R()), 2 in R(), 5 in R())
class LH:
    def __iter__(self): return iter([1])
    def __length_hint__(self): return 42
print(operator.length_hint(LH()), list(LH()))
class C1:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(10 in C1(), 15 in C1(), list(C1()), tuple(reversed([1, 2])))
class Acc:
    def __init__(self, v): self.v = v
    def __iadd__(self, o): self.v += o; return self
    def __add__(self, o): return Acc(self.v + o + 100)
    def __imul__(self, o): return NotImplemented
    def __mul__(self, o): return Acc(self.v * o)
    def __repr__(self): return f'Acc({self.v})'
a = Acc(1); b = a; a += 5; print(a, b, a is b); a *= 3; print(a, a is b)
class NoAdd:
    def __radd__(self, o): return 'radd'
    def __rsub__(self, o): return NotImplemented
print(1 + NoAdd(), [1] + NoAdd())
try: 1 - NoAdd()
except TypeError as e: print(e)
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): print('lt', self.v, getattr(o, 'v', o)); return NotImplemented
    def __gt__(self, o): print('gt', self.v, getattr(o, 'v', o)); return self.v > o.v
    def __eq__(self, o): print('eq'); return NotImplemented
class Sub(Cmp):
    def __gt__(self, o): print('sub gt'); return True
print(Cmp(1) < Cmp(2), Cmp(1) < Sub(0))
print(Cmp(1) == Cmp(1), Cmp(1) != Cmp(2))
try: Cmp(1) <= Cmp(2)
except TypeError as e: print(e)
class NH:
    __hash__ = None
try: hash(NH())
except TypeError as e: print(e)
class EqOnly:
    def __eq__(self, o): return True
print(EqOnly.__hash__, {1: 2}.get(1))
try: {EqOnly()}
except TypeError as e: print(e)
class T1:
    def __bool__(self): return False
class T2:
    def __len__(self): return 0
class T3: pass
print(bool(T1()), bool(T2()), bool(T3()), not T2(), 'y' if T3() else 'n')
class BadBool:
    def __bool__(self): return 1
try: bool(BadBool())
except TypeError as e: print(e)
class BadLen:
    def __len__(self): return -1
try: len(BadLen())
except ValueError as e: print(e)
class Call:
    def __call__(self, *a, **k): return a, k
print(Call()(1, x=2), callable(Call()), callable(Call))
class Ctx:
    def __enter__(self): print('enter'); return 'val'
    def __exit__(self, t, v, tb): print('exit', t.__name__ if t else None); return True
with Ctx() as v: print(v); raise ValueError
print('after')
