# exec / eval / compile with dicts
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("y", {}, {"y": "local"}), eval("[i for i in range(3)]"), eval(" 5 "))
g = {}
exec("a = 1\nb = a + 1\ndef f():\n    return a + b\nc = f()", g)
print(g["a"], g["b"], g["c"], sorted(k for k in g if k != "__builtins__"))
l = {}
exec("z = 10", {}, l); print(l)
ns = {"val": 3}
exec("val *= 2", ns); print(ns["val"])
code = compile("q + 1", "<expr>", "eval"); print(eval(code, {"q": 41}))
code2 = compile("print('exec compiled', k)", "<s>", "exec"); exec(code2, {"k": "ok"})
print(eval("len('abc')"), eval("abs(-3)", {}), eval("__name__", {"__name__": "custom"}))
x = 100
def f():
    x = 5
    return eval("x")
print(f(), eval("x"))
exec("print('exec sees global', x)")
for src in ["1 +", "def", "x = = 1"]:
    try:
        eval(src) if src == "1 +" else exec(src)
    except SyntaxError as e:
        print(type(e).__name__)
try:
    eval("undefined_var_q")
except NameError as e:
    print(type(e).__name__, e)
try:
    eval("1/0")
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    eval("x = 1")
except SyntaxError as e:
    print(type(e).__name__)
env = {"__builtins__": {}}
try:
    eval("len([])", env)
except NameError as e:
    print(type(e).__name__, e)
exec("class K:\n    v = 9\nres = K.v * 2", g); print(g["res"])
print(eval("(lambda n: n * n)(7)"), eval("{'a': 1}['a']"), eval("f'{1+1}'"))
