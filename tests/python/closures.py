# closures, nonlocal, global
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = make_counter(); c2 = make_counter()
print(c1(), c1(), c1(10), c2(), c1.__name__)
adders = [lambda x, i=i: x + i for i in range(3)]
late = [lambda x: x + i for i in range(3)]
print([a(10) for a in adders], [l(10) for l in late])
G = 1
def read_global():
    return G
def write_global():
    global G
    G = 42
def shadow():
    G = 5
    return G
print(read_global(), shadow(), G); write_global(); print(read_global(), G)
def new_global():
    global NEW_ONE
    NEW_ONE = "created"
new_global(); print(NEW_ONE)
def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    r = middle()
    return r, x
print(outer())
def cell_after_def():
    def get():
        return v
    v = 1
    a = get()
    v = 2
    return a, get()
print(cell_after_def())
def unbound():
    try:
        print(y)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    y = 1
unbound()
def free_unbound():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    z = 3
free_unbound()
try:
    undefined_name
except NameError as e:
    print(type(e).__name__, e)
def acc():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    return add
a = acc(); a(1); a(2); print(a(3))
def fib_memo():
    memo = {}
    def fib(n):
        if n in memo:
            return memo[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        memo[n] = r
        return r
    return fib
print(fib_memo()(80))
x = 10
class Cls:
    x = 20
    y = [x for _ in range(2)]
    def m(self):
        return x
print(Cls.y, Cls().m(), Cls.x)
def compose(*fs):
    def h(v):
        for fn in reversed(fs):
            v = fn(v)
        return v
    return h
print(compose(str, lambda v: v * 2, abs)(-21))
print(make_counter.__closure__, c1.__closure__ is not None and len(c1.__closure__))
