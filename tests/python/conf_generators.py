# Generators: send/throw/close, yield from, return values, generator expressions, errors.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

def gen(n):
    for i in range(n):
        got = yield i
        if got:
            print("got", got)
    return "done"

g = gen(3)
print(next(g), g.send("hello"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
print(list(gen(4)), sum(x * x for x in range(5)), any(x > 3 for x in range(5)))

def echo():
    try:
        while True:
            try:
                v = yield
                print("echo", v)
            except ValueError as e:
                print("caught", e)
    finally:
        print("cleanup")
e = echo(); next(e); e.send(1); e.throw(ValueError("boom")); e.send(2); e.close()
print(e.gi_frame is None)

def inner():
    x = yield 1
    yield x
    return "inner-result"
def outer():
    r = yield from inner()
    print("inner returned", r)
    yield from [10, 20]
    return "outer"
o = outer()
print(next(o), o.send("sent"), next(o), next(o))
show(lambda: next(o))

def squares():
    yield from (i * i for i in range(4))
print(list(squares()), tuple(x for x in "ab"), dict((k, len(k)) for k in ["aa", "b"]))

def stopper():
    yield 1
    raise StopIteration("x")
show(lambda: list(stopper()))

def running():
    yield g2.send(None)
g2 = running()
show(lambda: next(g2))

done = gen(0)
show(lambda: next(done))
show(lambda: next(done))
show(lambda: gen(1).send(5))
show(lambda: gen(2).throw(KeyError("k")))
show(lambda: next(iter([])))
show(lambda: next(5))

def fin():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")
f = fin()
print(next(f))
f.close()
print(list(fin()))

def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
ig = ignores_exit()
next(ig)
show(ig.close)
print(type(gen(1)).__name__, gen.__name__, g.__name__, hasattr(g, "gi_code"), iter(g) is g)
gexp = (i for i in range(3))
print(next(gexp), list(gexp), list(gexp))
def lazy():
    print("started")
    yield
l = lazy()
print("before")
next(l)
def count_up():
    n = 0
    while True:
        n += 1
        yield n
import itertools
print(list(itertools.islice(count_up(), 5)), list(zip(count_up(), "abc")))
