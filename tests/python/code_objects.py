# code objects: co_* attributes, replace(), co_lines/co_positions shapes, __code__ swaps,
# types.coroutine on a generator function
import types

def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    total = a + b
    def inner():
        return total
    return inner

co = f.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount)
print(co.co_varnames, co.co_cellvars, co.co_freevars, co.co_nlocals)
print(co.co_flags & 0x0F, bool(co.co_flags & 0x20), co.co_filename.endswith("code_objects.py"))
print(co.co_firstlineno, type(co.co_code).__name__, len(co.co_code) % 2, co.co_stacksize > 0)
inner = f(1, d=4)
print(inner.__code__.co_freevars, inner.__code__.co_qualname, inner.__code__.co_flags & 0x10)
print("total" in f.__code__.co_cellvars, type(co).__name__, types.CodeType is type(co))

def g():
    x = len("abc")
    return x + 1

print(g.__code__.co_names, None in g.__code__.co_consts or 1 in g.__code__.co_consts)
lines = list(g.__code__.co_lines())
print(all(len(t) == 3 for t in lines), {t[2] for t in lines} <= {g.__code__.co_firstlineno, g.__code__.co_firstlineno + 1, g.__code__.co_firstlineno + 2})
print(lines[0][0], lines[-1][1] == len(g.__code__.co_code))
pos = list(g.__code__.co_positions())
print(len(pos) == len(g.__code__.co_code) // 2, all(len(p) == 4 for p in pos))

g2 = g.__code__.replace(co_name="renamed", co_qualname="Q.renamed")
print(g2.co_name, g2.co_qualname, g2.co_varnames, g2 is g.__code__, g2 == g.__code__)
print(g.__code__ == g.__code__.replace(), hash(g.__code__) == hash(g.__code__.replace()))
for bad in [dict(co_name=1), dict(nope=1), dict(co_consts=5)]:
    try:
        g.__code__.replace(**bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    g.__code__.replace(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    g.__code__.co_name = "x"
except AttributeError as e:
    print(type(e).__name__)

def h():
    return "h"

def k():
    return "k"

h.__code__ = k.__code__
print(h(), h.__name__)
try:
    h.__code__ = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    h.__code__ = inner.__code__
except ValueError as e:
    print(type(e).__name__, e)

c2 = k.__code__.replace(co_consts=tuple("K" if c == "k" else c for c in k.__code__.co_consts))
k.__code__ = c2
print(k())

@types.coroutine
def legacy():
    v = yield "from-legacy"
    return v * 2

print(bool(legacy.__code__.co_flags & 0x100))

async def use():
    return await legacy()

u = use()
print(u.send(None))
try:
    u.send(21)
except StopIteration as e:
    print("result", e.value)
r = repr(g.__code__)
print(r.startswith("<code object g at 0x"), r.endswith('line %d>' % g.__code__.co_firstlineno))
print(compile("1 + 1", "<s>", "eval").co_name, compile("x = 1", "<s>", "exec").co_filename)
