# Every parameter kind: positional-only, keyword-only, defaults, *args, **kwargs, and errors.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, kw)

print(f(1, d=4))
print(f(1, 2, 3, 4, 5, d=6, z=7))
print(f(1, c=9, d=0, e=1, extra="x"))
def g(*, only):
    return only
def h(x, y, /):
    return x - y
def k(**kw):
    return sorted(kw.items())
def m(a, *rest):
    return a, rest
print(g(only=1), h(5, 3), k(a=1, b=2), m(1), m(1, 2, 3), m(*[4, 5], *(6,)))
print(f(*(1, 2), **{"d": 4, "q": 5}), k(**{"x": 1}, y=2))
def defaults(a, lst=[]):
    lst.append(a)
    return lst
print(defaults(1), defaults(2), defaults(3, []))
print(f.__defaults__, f.__kwdefaults__, f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount)
print(f.__name__, f.__qualname__, f.__code__.co_varnames[:6], (lambda x, *y: 0).__code__.co_flags & 4 != 0)
def annotated(a: int, b: "str" = "x") -> list:
    return [a, b]
print(annotated.__annotations__, annotated(1))
show(lambda: f())
show(lambda: f(1))
show(lambda: f(1, 2, 3, b=5, d=1))
show(lambda: g(1))
show(lambda: g())
show(lambda: g(only=1, other=2))
show(lambda: h(1, y=2))
show(lambda: h(1))
show(lambda: h(1, 2, 3))
show(lambda: m())
show(lambda: k(1))
show(lambda: f(1, d=1, **{"d": 2}))
show(lambda: f(1, *5, d=1))
show(lambda: k(**[1]))
show(lambda: k(**{1: 2}))
show(lambda: (lambda: 0)(1))
show(lambda: (lambda a, b: 0)(1))
show(lambda: (lambda a, b, c: 0)(1))
show(lambda: (lambda a=1: 0)(1, 2))
show(lambda: (lambda *, a, b: 0)())
show(lambda: (lambda a, a2: 0)(1, a=2))
class C:
    def meth(self, x):
        return x
    @staticmethod
    def st(x):
        return x
    @classmethod
    def cm(cls, x):
        return cls.__name__, x
show(lambda: C().meth())
show(lambda: C().meth(1, 2))
show(lambda: C.meth(1))
show(lambda: C().meth(y=1))
print(C.st(1), C().st(2), C.cm(3), C().cm(4))
show(lambda: print(1, sep=1))
show(lambda: len())
show(lambda: len(1, 2))
show(lambda: sorted([], 1))
show(lambda: sorted([], bogus=1))
show(lambda: int(x=1))
