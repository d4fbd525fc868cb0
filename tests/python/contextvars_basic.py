# contextvars on the native _contextvars: ContextVar get/set/reset, tokens, copy_context,
# Context.run isolation and the mapping interface
import contextvars as cv


def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])


v = cv.ContextVar('v', default=1)
w = cv.ContextVar('w')
print(v.name, v.get(), w.get('fallback'), w.get(None))
err(lambda: w.get())
t = v.set(5)
print(v.get(), t.var is v, t.old_value is cv.Token.MISSING, repr(cv.Token.MISSING))
t2 = v.set(6)
print(v.get(), t2.old_value)
v.reset(t2)
print(v.get())
v.reset(t)
print(v.get())
err(lambda: v.reset(t))
t3 = w.set('x')
err(lambda: v.reset(t3))
err(lambda: v.reset(1))
w.reset(t3)

ctx = cv.copy_context()
print(type(ctx).__name__, len(ctx), v in ctx, w in ctx)


def body(x):
    w.set(x)
    v.set(x * 10)
    return w.get(), v.get()


print(ctx.run(body, 3), w.get(None), v.get())
print(ctx[w], ctx.get(v), ctx.get(w, 'd'), len(ctx), sorted(var.name for var in ctx))
print(sorted((k.name, val) for k, val in ctx.items()), sorted(val for val in ctx.values()))
err(lambda: ctx[1])
err(lambda: ctx.run(lambda: ctx.run(len, '')))
print(ctx.run(lambda: cv.copy_context()[w]))
c2 = cv.Context()
print(len(c2), c2.run(lambda: v.get()))
err(lambda: cv.ContextVar())
err(lambda: cv.ContextVar(1))
err(lambda: cv.ContextVar('a', x=1))
err(lambda: cv.Context(1))
print(type(v).__name__, type(t).__name__, v.get())
