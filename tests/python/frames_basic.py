# frame objects: sys._getframe, f_* attributes, f_back chains, tracebacks' tb_frame,
# locals of finished frames, generator frames
import sys
import types

def where():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno

def caller():
    x = 10
    y = "why"
    here = sys._getframe()
    print(type(here).__name__, here.f_code.co_name, here.f_locals == {"x": 10, "y": "why", "here": here})
    print(where())
    print(here.f_back.f_code.co_name, here.f_globals is globals(), here.f_builtins is __builtins__.__dict__)
    print(here.f_lasti >= 0, isinstance(here.f_lineno, int), here.f_trace)
    return here

fr = caller()
print(fr.f_code.co_name, sorted(fr.f_locals), fr.f_back is not None)
print(isinstance(fr, types.FrameType), types.FrameType is type(sys._getframe()))

def depth(n):
    if n == 0:
        f = sys._getframe()
        names = []
        while f is not None:
            names.append(f.f_code.co_name)
            f = f.f_back
        return names
    return depth(n - 1)

print(depth(3))
print(sys._getframe(0).f_code.co_name, sys._getframe().f_locals is globals())
try:
    sys._getframe(1000)
except ValueError as e:
    print(type(e).__name__, e)

def fail(a, b):
    local_value = a * b
    raise KeyError(local_value)

def outer():
    marker = "outer-local"
    fail(3, 4)

try:
    outer()
except KeyError as e:
    tb = e.__traceback__
    entries = []
    while tb is not None:
        entries.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_frame.f_lineno == tb.tb_lineno))
        last = tb
        tb = tb.tb_next
    print(entries)
    print(sorted(last.tb_frame.f_locals.items()))
    print(last.tb_frame.f_back.f_code.co_name, last.tb_frame.f_back.f_locals["marker"])
    print(isinstance(e.__traceback__, types.TracebackType), e.__traceback__.tb_lasti >= 0)

def in_loop():
    count = 0
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError as e:
            count += e.__traceback__.tb_frame is sys._getframe()
    return count

print(in_loop())

def clear_me():
    v = [1, 2]
    raise RuntimeError("x")

try:
    clear_me()
except RuntimeError as e:
    f = e.__traceback__.tb_next.tb_frame
    print(f.f_locals)
    f.clear()
    print(f.f_locals)
try:
    sys._getframe().clear()
except RuntimeError as e:
    print(type(e).__name__, e)

def gen():
    inner_var = 1
    yield sys._getframe().f_back.f_code.co_name
    inner_var = 2
    yield inner_var

g = gen()
print(g.gi_frame.f_code.co_name, g.gi_frame.f_lineno == gen.__code__.co_firstlineno, g.gi_running, g.gi_suspended)
print(next(g), g.gi_frame.f_locals, g.gi_suspended, g.gi_frame.f_back)
print(next(g), g.gi_frame.f_locals)
gf = g.gi_frame
print(list(g), g.gi_frame, gf.f_locals)
print(g.gi_code is gen.__code__, g.gi_yieldfrom)

def running():
    yield g2.gi_running, g2.gi_frame is sys._getframe()

g2 = running()
print(next(g2))

def sub():
    yield 1
    yield 2

def deleg():
    yield from sub()

d = deleg()
next(d)
print(type(d.gi_yieldfrom).__name__, d.gi_yieldfrom.gi_frame.f_code.co_name)

async def coro():
    return 1

c = coro()
print(c.cr_frame.f_code.co_name, c.cr_running, c.cr_await, c.cr_origin, c.cr_suspended)
c.close()
print(c.cr_frame)

tb = types.TracebackType(None, sys._getframe(), 0, 99)
print(tb.tb_lineno, tb.tb_next, tb.tb_frame is sys._getframe())
try:
    tb.tb_next = tb
except ValueError as e:
    print(type(e).__name__, e)
try:
    tb.tb_next = 5
except TypeError as e:
    print(type(e).__name__, e)
r, line = repr(sys._getframe()), sys._getframe().f_lineno
print(r.startswith("<frame at 0x"), r.endswith("line %d, code <module>>" % line))

def churn():
    data = [str(i) for i in range(20)]
    me = sys._getframe()
    for i in range(200):
        data.append([i, str(i)])
    return me

kept = [churn() for _ in range(10)]
print(sum(len(f.f_locals["data"]) for f in kept), kept[3].f_locals["data"][25])

def gen_churn():
    acc = []
    for i in range(50):
        acc.append(str(i) * 2)
        yield len(acc)

gens = [gen_churn() for _ in range(5)]
frames = [g.gi_frame for g in gens]
for g in gens:
    for _ in range(30):
        next(g)
print([f.f_locals["acc"][-1] for f in frames], [f.f_lineno for f in frames][0] > 0)

def raiser(n):
    payload = ["p"] * n
    raise IndexError(n)

tbs = []
for n in range(30):
    try:
        raiser(n)
    except IndexError as e:
        tbs.append(e.__traceback__)
print(sum(len(tb.tb_next.tb_frame.f_locals["payload"]) for tb in tbs))

class K:
    kf = sys._getframe()
    print(kf.f_code.co_name, "x" not in kf.f_locals, kf.f_back.f_code.co_name)
    x = 1
    print(sorted(k for k in kf.f_locals if not k.startswith("__")))
print(list(sys._getframe().f_code.co_name for _ in range(1)))
print((lambda: sys._getframe().f_code.co_name)(), [sys._getframe().f_code.co_name for _ in range(1)])
exec("print(sys._getframe().f_code.co_name, sys._getframe().f_back.f_code.co_name)")

def forever():
    while True:
        yield sys._getframe().f_back.f_code.co_name

gg = forever()
def first():
    return next(gg)
def second():
    return next(gg)
print(first(), second(), gg.gi_frame.f_back)

def suspended():
    try:
        yield 1
    finally:
        print("closed by frame.clear()")

s = suspended()
next(s)
s.gi_frame.clear()
print(s.gi_frame, s.gi_suspended)

def cells():
    a = 1
    b = 2
    def use():
        return a
    del b
    return sorted(sys._getframe().f_locals)

print(cells())

def same_locals():
    x = 1
    d = locals()
    y = 2
    return d is locals(), sorted(d)

print(same_locals())
for t in [types.FrameType, types.GeneratorType, types.CoroutineType]:
    try:
        t()
    except TypeError as e:
        print(type(e).__name__, e)
