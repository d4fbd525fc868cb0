# Closures, nonlocal, global, late binding, lambdas, recursion through closures.
counter_value = 0
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get

inc, get = make_counter()
inc(); inc(5)
print(get(), inc.__closure__[0].cell_contents, inc.__code__.co_freevars, make_counter.__code__.co_cellvars)

def bump():
    global counter_value
    counter_value += 1
bump(); bump()
print(counter_value)

fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()
print(outer())

def adder(n):
    return lambda x: x + n
add5 = adder(5)
print(add5(10), adder(1)(adder(2)(3)))

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

def unbound():
    try:
        print(y)
    except NameError as e:
        print(type(e).__name__, e)
    y = 1
unbound()

def unbound_free():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    z = 2
    return inner()
print(unbound_free())

try:
    undefined_global_name
except NameError as e:
    print(type(e).__name__, e)

def deleted():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return str(e)
print(deleted())

class K:
    attr = 10
    vals = [attr * i for i in range(3)] if False else None
    def method(self):
        return attr_lookup()
def attr_lookup():
    return "global func"
print(K().method(), K.vals)

x = 0
def shadow():
    x = 1
    def g():
        global x
        x = 99
    g()
    return x
print(shadow(), x)
print((lambda a: (lambda b: a * b))(3)(4), (lambda *a, **k: (a, k))(1, z=2))
