# every parameter kind and the TypeError messages
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3), f(1, 2, 3, 4, c=5, e=6, d=7), f(*[1, 2, 3], **{"c": 0, "z": 1}))
def pos(a, b, /, c, *, d):
    return a, b, c, d
print(pos(1, 2, 3, d=4), pos(1, 2, c=3, d=4))
def defaults(x, y=[]):
    y.append(x)
    return y
print(defaults(1), defaults(2), defaults(3, []))
def kwonly(*, key=None, reverse=False):
    return key, reverse
print(kwonly(), kwonly(reverse=True))
def star(*args, **kwargs):
    return args, kwargs
print(star(), star(1, 2, x=3), star(*"ab", *[1], **{"k": 1}, j=2))
def g(a, b):
    return a - b
print(g(b=1, a=10), g(*(5, 3)), g(**{"b": 2, "a": 1}))
def pk(a, /, **kw):
    return a, kw
print(pk(1, a=2))
print(f.__name__, f.__defaults__, f.__kwdefaults__, f.__code__.co_argcount if hasattr(f, "__code__") else 2)
tests = [
    lambda: g(1),
    lambda: g(1, 2, 3),
    lambda: g(1, a=2),
    lambda: g(1, c=2),
    lambda: g(),
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(c=1),
    lambda: pos(a=1, b=2, c=3, d=4),
    lambda: pos(1, 2, 3, 4),
    lambda: pos(1, 2, 3),
    lambda: kwonly(1),
    lambda: kwonly(bad=1),
    lambda: g(*[1], **{"a": 5}),
    lambda: g(**{1: 2}),
    lambda: g(*5),
    lambda: g(**[1]),
    lambda: star(**{"x": 1}, x=2),
    lambda: (lambda: 0)(1),
    lambda: (lambda x, y=1, *, z: 0)(),
]
for t in tests:
    try:
        t()
        print("no error")
    except TypeError as e:
        print(type(e).__name__, e)
def annotated(x: int, y: "str" = "s") -> list:
    return [x, y]
print(annotated(1), sorted(annotated.__annotations__))
def doc():
    "docstring here"
print(doc.__doc__, doc(), g.__doc__)
def outer(n):
    def rec(k):
        return 1 if k <= 1 else k * rec(k - 1)
    return rec(n)
print(outer(10))
