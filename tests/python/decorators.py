# decorators: function and class, with arguments, stacking
def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        r = fn(*args, **kwargs)
        print("ret", r)
        return r
    wrapper.__name__ = "traced_" + fn.__name__
    return wrapper
@trace
def add(a, b=0):
    return a + b
add(1, b=2)
print(add.__name__)
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bob"))
def tag(label):
    def deco(fn):
        def w():
            return f"<{label}>{fn()}</{label}>"
        return w
    return deco
@tag("b")
@tag("i")
def text():
    return "txt"
print(text())
order = []
def mark(name):
    order.append("factory " + name)
    def deco(fn):
        order.append("apply " + name)
        return fn
    return deco
@mark("outer")
@mark("inner")
def marked():
    pass
print(order)
registry = {}
def register(cls):
    registry[cls.__name__] = cls
    cls.registered = True
    return cls
@register
class Plugin:
    pass
print(registry, Plugin.registered)
def add_method(name, value):
    def deco(cls):
        setattr(cls, name, lambda self: value)
        return cls
    return deco
@add_method("greet", "hello")
@add_method("answer", 42)
class Target:
    pass
print(Target().greet(), Target().answer())
def singleton(cls):
    instances = {}
    def get():
        if cls not in instances:
            instances[cls] = cls()
        return instances[cls]
    return get
@singleton
class Config:
    pass
print(Config() is Config())
class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *a):
        self.calls += 1
        return self.fn(*a)
@CountCalls
def sq(x):
    return x * x
print(sq(3), sq(4), sq.calls)
class Svc:
    def __init__(self):
        self.n = 1
    def __repr__(self):
        return "Svc()"
    @trace
    def method(self, k):
        return self.n + k
print(Svc().method(5))
@(lambda f: f())
def immediately():
    return "ran immediately"
print(immediately)
deco_list = [trace]
@deco_list[0]
def indexed():
    return 1
indexed()
def memo(fn):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return w
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100))
try:
    @repeat
    def broken():
        return 1
    broken()
except TypeError as e:
    print(type(e).__name__, e)
