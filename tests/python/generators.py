# generators: next, send, throw, close, yield from with return value
def count(n):
    for i in range(n):
        yield i
g = count(3)
print(next(g), next(g), next(g), next(g, "done"), list(count(4)), sum(count(101)))
try:
    next(g)
except StopIteration as e:
    print(type(e).__name__, repr(e))
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received
e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as s:
    print("returned", s.value)
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as v:
            print("caught", v)
            yield "recovered"
c = catcher()
print(next(c), c.throw(ValueError("boom")), next(c))
try:
    c.throw(KeyError("k"))
except KeyError as k:
    print("propagated", repr(k))
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
cl = closer()
print(next(cl)); cl.close(); cl.close()
print(list(cl))
def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
ie = ignore_exit(); next(ie)
try:
    ie.close()
except RuntimeError as r:
    print(type(r).__name__, r)
def inner():
    a = yield 1
    b = yield 2
    return a + b
def outer():
    result = yield from inner()
    print("inner returned", result)
    yield from [10, 20]
    return "outer-done"
o = outer()
print(next(o), o.send(5), o.send(7), next(o))
try:
    next(o)
except StopIteration as s:
    print(s.value)
def delegating_throw():
    try:
        yield from catcher()
    finally:
        print("delegator finally")
d = delegating_throw()
print(next(d), d.throw(ValueError("via delegate")))
d.close()
gen = (x * x for x in range(5) if x % 2 == 0)
print(type(gen).__name__, next(gen), list(gen), list(gen))
print(sum(x for x in range(10)), max((len(w), w) for w in ["a", "bbb", "cc"]), any(x > 3 for x in [1, 5]))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def gen_raise():
    yield 1
    raise ValueError("inside gen")
try:
    for v in gen_raise():
        print("got", v)
except ValueError as ex:
    print(type(ex).__name__, ex)
def gen_stop():
    yield 1
    raise StopIteration("bad")
try:
    list(gen_stop())
except RuntimeError as ex:
    print(type(ex).__name__, ex, type(ex.__cause__).__name__)
def running():
    yield g2.send(None)
g2 = running()
try:
    next(g2)
except ValueError as ex:
    print(type(ex).__name__, ex)
fresh = count(2)
try:
    fresh.send(5)
except TypeError as ex:
    print(type(ex).__name__, ex)
print(iter(fresh) is fresh, hasattr(fresh, "__next__"), fresh.__name__ if hasattr(fresh, "__name__") else "count")
def early():
    return 5
    yield
try:
    next(early())
except StopIteration as s:
    print("early value", s.value)
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(4)))
