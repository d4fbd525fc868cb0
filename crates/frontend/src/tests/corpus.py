# Snippets separated by lines of dashes; each must compile under CPython 3.11.
x = 1
y = x + 2 * 3 - 4 / 5 // 6 % 7 ** 8 @ z << 1 >> 2 & 3 | 4 ^ 5
a, b = b, a
a, *b, c = range(10)
[a, [b, *c]] = [1, [2, 3, 4]]
a = b = c = 0
x += 1; x -= 1; x *= 2; x /= 3; x //= 4; x %= 5; x **= 6; x <<= 1; x >>= 1; x &= 1; x |= 1; x ^= 1; x @= m
o.attr += 1
o[i] += 1
o[1:2] += [3]
del x, o.attr, o[i], o[1:2]
# ----
print(-1, +2, ~3, not 4, -x, +x, ~x)
print(1 < 2 < 3, a == b != c, a is b, a is not b, a in b, a not in b, a <= b >= c > d)
print(a and b, a or b, a and b or c, not (a and b))
print(a if b else c)
print(1, 2.5, 3j, 1+2j, "s", b"b", None, True, False, ..., 10**100, -0.0, 0x10, 1_000)
print((), (1,), (1, 2), [], [1, 2], {}, {1: 2, 3: 4}, {1, 2}, {**a, 'b': 1, **c}, [*a, *b], (*a, 1), {*a, 2})
print(x[1], x[1:2], x[1:2:3], x[:], x[::2], x[1, 2], x[1:2, 3], x[...])
print(f"plain", f"{x}", f"{x!r}", f"{x!s}", f"{x!a}", f"{x:>10}", f"{x:{w}.{p}}", f"a{x}b{y}c", f"{x=}", f"{x = }", f"{x=:>5}", f"{x=!s}")
print(*args, **kwargs)
print(1, *args, 2, k=3, **kwargs, j=4)
f(a, b=1)
f(**a, **b)
o.m(1, 2)
o.m(*a)
o.m(k=1)
print(lambda: 0, lambda x, y=1, *a, z, w=2, **k: x + y)
print((lambda x, /, y: x)(1, 2))
print([x for x in y], {x for x in y}, {x: y for x, y in z}, (x for x in y))
print([x * y for x in a if x if not x for y in b if y])
print([[x for x in y] for y in z])
print(x := 5, [y := f(x), y ** 2])
# ----
if a:
    pass
elif b:
    pass
else:
    pass
while x:
    if y:
        break
    if z:
        continue
else:
    done()
while True:
    break
for i in range(10):
    if i:
        continue
    break
else:
    pass
for a, (b, c) in items:
    pass
# ----
try:
    f()
except ValueError:
    pass
except (TypeError, KeyError) as e:
    print(e)
except:
    raise
else:
    ok()
finally:
    cleanup()
try:
    pass
finally:
    pass
try:
    f()
except E as e:
    raise X from e
raise
# ----
with a:
    pass
with a as b, c as (d, e):
    pass
with open(f) as fh:
    data = fh.read()
# ----
def f(a, b=1, *args, c, d=2, **kwargs):
    "doc"
    return a
def g(a, /, b, *, c):
    return a, b, c
def h():
    yield 1
    x = yield
    yield from g()
    return 5
def deco(fn):
    return fn
@deco
@deco
def decorated(): pass
def ann(a: int, b: "str" = 1, *c: float, d: list, **e: dict) -> None: pass
# ----
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    def reader():
        return x
    return inner, reader
def g():
    global G
    G = 1
    return G
def cells(a, b):
    def c():
        return a + b
    return c
class C:
    x = 1
    def m(self):
        return x
def f2():
    y = 1
    class D:
        y = 2
        def m(self):
            return y
    return D
# ----
class A:
    "docstring"
    x: int = 1
    y: str
    def __init__(self):
        self.__private = 1
        super().__init__()
    def m(self):
        return __class__
    @property
    def p(self): return self.__private
    @staticmethod
    def s(): pass
    @classmethod
    def c(cls): pass
class B(A, metaclass=type):
    pass
class D(*bases, **kw):
    pass
class E:
    class F:
        def g(self): pass
# ----
import os
import os.path
import os.path as p
import a.b.c as d
from os import path, sep as s
from . import x
from .. import y
from .m import z
from os import *
# ----
assert x
assert x, "msg"
del x
global q
q = 1
x: int = 1
y: list[int]
(z): int = 3
o.a: int = 1
o[1]: int
# ----
async def co():
    await x
    async for i in aiter():
        pass
    else:
        pass
    async with a as b, c:
        pass
    return [i async for i in y]
async def agen():
    yield 1
    async for x in y:
        yield x
async def comps():
    a = [await x for x in y]
    b = (x async for x in y)
    c = {x: await y async for x in z}
# ----
def gen_in_try():
    try:
        yield 1
    finally:
        yield 2
def ret_in_finally():
    try:
        return 1
    finally:
        print(2)
def ret_in_with():
    with a:
        return 1
def ret_in_loop():
    for x in y:
        with a:
            try:
                return x
            except E:
                return 2
            finally:
                pass
def break_in_try():
    for x in y:
        try:
            break
        finally:
            continue
def ret_in_except():
    try:
        pass
    except E as e:
        return e
    except F:
        return 3
def nested_finally():
    while 1:
        try:
            try:
                return 1
            finally:
                break
        finally:
            pass
# ----
try:
    f()
except* ValueError:
    pass
except* (TypeError, KeyError) as eg:
    print(eg)
else:
    pass
finally:
    pass
# ----
match command:
    case 1:
        pass
    case "a" | "b":
        pass
    case None | True | False:
        pass
    case [x, y, *rest]:
        pass
    case (x, *_, y):
        pass
    case {"k": v, **rest}:
        pass
    case {"k": 1, "j": _}:
        pass
    case Point(x=0, y=yy):
        pass
    case Point(1, 2, z=3):
        pass
    case [Point(x=0) as p, *_] if p:
        pass
    case str() | bytes():
        pass
    case Color.RED:
        pass
    case -1 | 1.5 | 2j | -1+2j:
        pass
    case [1, [2, 3], *_]:
        pass
    case (a, b) | [b, a]:
        pass
    case {}:
        pass
    case []:
        pass
    case x if x > 5:
        pass
    case _:
        pass
# ----
def m(p):
    match p:
        case {"a": [1, {"b": x}]}:
            return x
        case [*_]:
            return 0
        case q:
            return q
# ----
x = [i for i in range(3) if (j := i) > 0]
def f():
    return [j for i in range(3) if (j := i)]
def g():
    return [[k := i for i in range(2)] for _ in range(2)], k
# ----
def lots(*, a=1, b):
    pass
lambda *a, **k: 0
lambda: (yield)
def g():
    x = yield from range(3)
    l = [(yield i), 2]
# ----
a = {}
b = {1: 2, **a}
c = [*range(3), *range(4)]
d = (*c,)
e = {*c}
f(*a, *b, c, d=1, **e, **g)
print(*[1], sep='')
# ----
x = 1 if a else 2 if b else 3
y = not a == b
z = a < b and c < d or e
if not (a and b or c):
    pass
while not x:
    x = 1
# ----
@decorator(arg)
class K:
    pass
class L(object):
    def __init_subclass__(cls, **kw): super().__init_subclass__(**kw)
    __slots__ = ('a',)
    __x = 5
    def get(self): return self.__x, L.__x
# ----
def f():
    x = 1
    del x
    def g():
        nonlocal x
        del x
    return g
# ----
for x in y:
    pass
else:
    for z in w:
        break
# ----
"""module docstring"""
from __future__ import annotations
def f(a: Undefined) -> AlsoUndefined: pass
x: NotDefined = 1
