# async def / await driven manually with coro.send(None), no asyncio
import types
class Suspend:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        received = yield ("suspended", self.value)
        return received
async def leaf(x):
    got = await Suspend(x)
    return f"leaf({x}) got {got}"
async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return [a, b]
def run(coro):
    value = None
    step = 0
    try:
        while True:
            yielded = coro.send(value)
            print("driver saw", yielded)
            step += 1
            value = "resume%d" % step
    except StopIteration as e:
        return e.value
print(run(middle()))
async def simple():
    return 42
c = simple()
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
async def raises():
    await Suspend("r")
    raise ValueError("inside coroutine")
r = raises()
print(r.send(None))
try:
    r.send(None)
except ValueError as e:
    print(type(e).__name__, e)
async def catches():
    try:
        await Suspend("c")
    except KeyError as e:
        return "caught " + repr(e)
cc = catches()
cc.send(None)
try:
    cc.throw(KeyError("thrown in"))
except StopIteration as e:
    print(e.value)
async def agen_like():
    total = 0
    for i in range(3):
        total += await Suspend(i)
    return total
g = agen_like()
v = g.send(None)
try:
    n = 0
    while True:
        n += 10
        v = g.send(n)
except StopIteration as e:
    print("total", e.value)
closed = middle()
closed.send(None)
closed.close()
print("closed ok")
async def not_awaitable():
    await 5
try:
    not_awaitable().send(None)
except TypeError as e:
    print(type(e).__name__, e)
done = simple()
try:
    done.send(None)
except StopIteration:
    pass
try:
    done.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
@types.coroutine
def legacy():
    x = yield "legacy-yield"
    return x
async def uses_legacy():
    return await legacy()
u = uses_legacy()
print(u.send(None))
try:
    u.send("legacy-result")
except StopIteration as e:
    print(e.value)
class AIter:
    def __init__(self):
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= 3:
            raise StopAsyncIteration
        self.i += 1
        return self.i
class ACtx:
    async def __aenter__(self):
        print("aenter")
        return "ctx"
    async def __aexit__(self, *a):
        print("aexit")
async def uses_async_for():
    out = []
    async for v in AIter():
        out.append(v)
    async with ACtx() as c:
        out.append(c)
    return out
print(run(uses_async_for()))
async def agen():
    for i in range(3):
        yield i * 10
async def consume():
    return [v async for v in agen()]
print(run(consume()))
