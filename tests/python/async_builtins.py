# aiter()/anext() (with and without a default) driven by hand, and their errors.
class Countdown:
    def __init__(self, n): self.n = n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n
async def agen():
    yield 'a'
    yield 'b'
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def main():
    it = aiter(Countdown(2))
    print(type(it).__name__, await anext(it), await anext(it), await anext(it, 'done'))
    g = agen()
    print(await anext(g), await anext(g), await anext(g, None))
    try:
        await anext(g)
    except StopAsyncIteration:
        print('exhausted')
    aw = anext(agen(), 'x')
    print(type(aw).__name__)
    print(await aw)
    return 'ok'
print(run(main()))
for bad in [lambda: aiter(1), lambda: anext(1), lambda: anext([]), lambda: aiter()]:
    try:
        bad()
    except TypeError as e:
        print(e)
class BadAiter:
    def __aiter__(self): return 1
try:
    aiter(BadAiter())
except TypeError as e:
    print(e)
