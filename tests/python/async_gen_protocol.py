# async generators driven by hand: __anext__/asend/athrow/aclose awaitables, await inside
# an async generator, async for and async comprehensions
async def g():
    try:
        yield 1
        yield 2
    finally:
        print("fin")
def run(c):
    try:
        while True:
            print("yielded", c.send(None))
    except StopIteration as e:
        return ("stop", e.value)
    except BaseException as e:
        return ("exc", type(e).__name__, str(e))
a = g()
print(run(a.aclose()))
print(run(a.aclose()))
print(run(a.__anext__()))
b = g()
print(run(b.__anext__()))
print(run(b.aclose()))
print(run(b.aclose()))
print(run(b.athrow(ValueError)))
c = g()
print(run(c.__anext__()))
print(run(c.athrow(ValueError("x"))))
print(run(c.__anext__()))
d = g()
aw = d.__anext__()
print(run(aw))
print(run(aw))
print(run(d.asend(5)))
print(run(d.aclose()))
async def h():
    x = yield 1
    print("got", x)
    yield x
e = h()
print(run(e.asend(None)))
print(run(e.asend(7)))
print(run(e.asend(8)))
f = h()
try:
    f.asend(3).send(None)
except Exception as ex: print(type(ex).__name__, ex)
async def ig():
    try:
        yield 1
    except GeneratorExit:
        yield 2
i = ig()
print(run(i.__anext__()))
print(run(i.aclose()))
print(repr(i.__anext__())[:30], repr(i.aclose())[:30])
async def st():
    raise StopAsyncIteration
    yield
print(run(st().__anext__()))
class Wait:
    def __await__(self):
        v = yield "waiting"
        return v
async def awaiting_gen():
    x = await Wait()
    yield ("item", x)
    y = await Wait()
    yield ("item2", y)
ag = awaiting_gen()
step = ag.__anext__()
print(step.send(None))
try:
    step.send("resumed")
except StopIteration as e:
    print("anext value", e.value)
step2 = ag.asend(None)
print(step2.send(None))
try:
    step2.throw(KeyError("thrown into await"))
except KeyError as e:
    print("propagated", repr(e))
print(type(ag).__name__, type(ag.__aiter__()) is type(ag), ag.ag_running, ag.ag_frame)
async def collect():
    out = []
    async for v in counter(3):
        out.append(v)
    return out
async def counter(n):
    for i in range(n):
        yield i
c = collect()
try:
    c.send(None)
except StopIteration as e:
    print("collected", e.value)
async def comp():
    return [v * 2 async for v in counter(4)], [v async for v in counter(3) if v]
c = comp()
try:
    c.send(None)
except StopIteration as e:
    print("comprehensions", e.value)
