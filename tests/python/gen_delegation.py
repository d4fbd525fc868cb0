# PEP 380: throw()/close() delegated through yield from chains, return values,
# delegates that are plain iterators with/without throw and close
def leaf(name, log):
    try:
        while True:
            try:
                got = yield name
                log.append((name, "got", got))
            except ValueError as e:
                log.append((name, "caught", str(e)))
                yield name + "-recovered"
    finally:
        log.append((name, "closed"))

def middle(log):
    r = yield from leaf("leaf", log)
    log.append(("middle", "leaf returned", r))
    yield "after"

log = []
m = middle(log)
print(next(m), m.send("s1"), m.throw(ValueError("boom")), next(m))
m.close()
print(log)

def returner():
    yield 1
    return "ret-value"

def catcher():
    x = yield from returner()
    yield ("x is", x)

c = catcher()
print(list(c))

def stopper():
    try:
        yield 1
    except KeyError:
        return "stopped by throw"

def outer_stop():
    r = yield from stopper()
    yield r

o = outer_stop()
next(o)
print(o.throw(KeyError("k")))

def chain(depth):
    if depth == 0:
        try:
            yield "bottom"
        except GeneratorExit:
            print("bottom closing")
            raise
        return
    yield from chain(depth - 1)

ch = chain(3)
print(next(ch))
ch.close()
print(ch.gi_frame)

class Delegate:
    def __init__(self):
        self.events = []
    def __iter__(self):
        return self
    def __next__(self):
        return "d"
    def throw(self, *args):
        self.events.append(("throw", args[0].__name__ if isinstance(args[0], type) else repr(args[0])))
        if len(self.events) > 1:
            raise StopIteration("done via throw")
        return "threw"
    def close(self):
        self.events.append("close")

def wraps(d):
    r = yield from d
    yield ("wraps got", r)

d = Delegate()
w = wraps(d)
print(next(w), w.throw(TypeError), w.throw(TypeError("x")))
print(d.events)
w2 = wraps(Delegate())
next(w2)
w2.close()

class NoThrow:
    def __iter__(self):
        return self
    def __next__(self):
        return "n"

def wraps2():
    try:
        yield from NoThrow()
    except IndexError as e:
        yield ("caught in wrapper", str(e))

w3 = wraps2()
next(w3)
print(w3.throw(IndexError("direct")))

def bad_close_leaf():
    try:
        yield 1
    finally:
        raise RuntimeError("leaf failed to close")

def bad_close_outer():
    try:
        yield from bad_close_leaf()
    except RuntimeError as e:
        print("outer saw", e)
        raise

b = bad_close_outer()
next(b)
try:
    b.close()
except RuntimeError as e:
    print("close raised", e)

def ignores():
    while True:
        try:
            yield 1
        except GeneratorExit:
            pass

i = ignores()
next(i)
try:
    i.close()
except RuntimeError as e:
    print(type(e).__name__, e)

def unstarted():
    try:
        yield 1
    except ValueError:
        yield "should not be caught"

u = unstarted()
try:
    u.throw(ValueError("early"))
except ValueError as e:
    print("propagated", e, e.__traceback__.tb_next is not None)
print(u.gi_frame, list(u))
u2 = unstarted()
u2.close()
print(list(u2))

for args in [(ValueError, "v"), (ValueError, ("a", "b")), (ValueError(1),), (ValueError, None, None)]:
    def tgen():
        try:
            yield
        except ValueError as e:
            yield e.args
    t = tgen()
    next(t)
    print(t.throw(*args))
for args in [(1,), (ValueError(1), 2), (ValueError, 1, 2)]:
    t = tgen()
    next(t)
    try:
        t.throw(*args)
    except TypeError as e:
        print(type(e).__name__, e)

def running():
    yield r.throw(ValueError)

r = running()
try:
    next(r)
except ValueError as e:
    print(type(e).__name__, e)
def genexit_in_sub():
    try:
        yield
    except GeneratorExit:
        print("sub got GeneratorExit")
        raise
def thrower():
    yield from genexit_in_sub()
t = thrower()
next(t)
try:
    t.throw(GeneratorExit)
except GeneratorExit:
    print("GeneratorExit propagated")
