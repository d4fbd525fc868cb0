# name resolution: builtins shadowing, class scope, global/nonlocal edge cases
print(len("abc"))
len = lambda x: "shadowed"
print(len("abc"))
del len
print(len("abc"))
import builtins
print(builtins.len("ab"), builtins.abs is abs)
x = "global x"
def show():
    return x
def local_shadow():
    x = "local x"
    return x, show()
print(local_shadow())
class K:
    x = "class x"
    def meth(self):
        return x
    lam = lambda self: x
    def uses_class(self):
        return K.x, self.x
print(K().meth(), K().lam(), K().uses_class())
def f():
    a = 1
    def g():
        b = 2
        def h():
            return a + b
        return h()
    return g()
print(f())
def counter_factory():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = counter_factory()
inc(); inc()
print(get())
def nonlocal_loop():
    fns = []
    for i in range(3):
        def cap(i=i):
            return i
        fns.append(cap)
    return [fn() for fn in fns]
print(nonlocal_loop())
def global_in_nested():
    def inner():
        global x
        x = "set by inner"
    inner()
global_in_nested()
print(x)
y = 1
def shadow_param(y):
    y += 1
    return y
print(shadow_param(10), y)
def del_global():
    global z
    z = 5
    del z
del_global()
print("z" in globals())
class Outer:
    val = 1
    class Inner:
        val = 2
        def get(self):
            return self.val
print(Outer.Inner().get(), Outer.Inner.__qualname__)
def make():
    class Local:
        pass
    return Local
print(make().__qualname__, make() is not make())
print(__name__, type(__builtins__).__name__ in ("module", "dict"))
