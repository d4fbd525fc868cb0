# functools on the native _functools: partial (nesting, attributes, repr, pickling state),
# reduce, cmp_to_key, and the pure-Python helpers built on them
import functools
from functools import partial, reduce, cmp_to_key


def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


def f(a, b=2, *c, d=4, **e):
    return (a, b, c, d, e)


p = partial(f, 1, d=5)
print(p(), p(3, 4, x=1), p.func is f, p.args, p.keywords, p(d=7))
print(repr(partial(len)), repr(partial(f, 'x', k=[1])).replace(hex(id(f)), 'ADDR'))
p2 = partial(p, 7, d=9)
print(p2.func is f, p2.args, p2.keywords, p2())
p.attr = 5
print(p.attr, p.__dict__)
p3 = partial(p, 8)
print(p3.func is p, p3.args)
err(lambda: partial())
err(lambda: partial(1))
err(lambda: setattr(p, 'func', 1))
err(lambda: p.__setstate__((1, 2)))
print(p.__reduce__()[0] is partial, p.__reduce__()[1] == (f,), p.__reduce__()[2][1:])
q = partial(print)
q.__setstate__((f, (1,), {'d': 2}, None))
print(q(), q.args)


class P(partial):
    pass


print(repr(P(f, 1)).replace(hex(id(f)), 'ADDR'), type(P(f)(1)), isinstance(P(f), partial))


class A:
    m = partial(f, 1)

    @functools.partialmethod
    def pm(self, x, y):
        return (x, y)


print(A().m(), A.m())
print(reduce(lambda a, b: a + b, [1, 2, 3]), reduce(lambda a, b: a * b, range(1, 6), 10))
err(lambda: reduce(lambda a, b: a + b, []))
err(lambda: reduce(len))
err(lambda: reduce(len, 1))
err(lambda: reduce(len, [1], 2, 3))
err(lambda: reduce(function=len, iterable=[1]))
print(reduce(lambda a, b: a + b, [], 'init'))

k = cmp_to_key(lambda a, b: (a > b) - (a < b))
print(sorted([3, 1, 2], key=k), sorted("bca", key=cmp_to_key(lambda a, b: -1 if a > b else 1)))
print(k(1) < k(2), k(2) <= k(2), k(1) == k(1), k(2) > k(1), k(1) >= k(3), k(1) != k(1), k(5).obj)
err(lambda: hash(k(1)))
err(lambda: k(1) < 2)
err(lambda: k())
print(type(k).__name__, min([3, 1, 2], key=k), max("abc", key=k))


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info().hits > 0)


@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


print(V(1) <= V(2), V(3) >= V(2), sorted([V(3), V(1)], key=lambda x: x.v)[0].v)


@functools.singledispatch
def show(x):
    return "object"


@show.register(int)
def _(x):
    return "int"


print(show(1), show("s"), functools.wraps(f)(lambda: 0).__name__)
