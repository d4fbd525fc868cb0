# functools basics
import functools
@functools.total_ordering
class Ver:
    def __init__(self, *p): self.p = p
    def __eq__(self, o): return self.p == o.p
    def __lt__(self, o): return self.p < o.p
    def __repr__(self): return "Ver" + str(self.p)
print(Ver(1, 2) <= Ver(1, 3), Ver(2) >= Ver(1, 9), sorted([Ver(1, 1), Ver(0, 5), Ver(1)]), max(Ver(3), Ver(2, 2)))
print(functools.reduce(lambda a, b: a * b, range(1, 8)), functools.reduce(lambda a, b: a + b, [], 100))
p = functools.partial(pow, 2)
print(p(10), functools.partial(int, base=16)("ff"), p.args, p.func is pow)
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90), fib.cache_info().hits > 0)
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a):
        return fn(*a)
    return wrapper
@deco
def documented():
    "the doc"
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
try:
    functools.reduce(lambda a, b: a, [])
except TypeError as e:
    print(type(e).__name__, e)
print(functools.cmp_to_key(lambda a, b: b - a)(1) < functools.cmp_to_key(lambda a, b: b - a)(2), sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
