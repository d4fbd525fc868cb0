# loops whose types change part-way (guards fail, new paths must be correct)
def add_all(items):
    total = items[0]
    for v in items[1:]:
        total = total + v
    return total
print(add_all(list(range(2000))), add_all([0.5] * 1000 + [1] * 1000), add_all(["a"] * 5 + ["b"]), add_all([[1]] * 3))
def mixed(n):
    out = []
    for i in range(n):
        v = i if i % 3 == 0 else (i * 0.5 if i % 3 == 1 else str(i))
        out.append(v * 2)
    return out[-6:]
print(mixed(3000))
def grows(n):
    x = 1
    for i in range(n):
        x = x * 2
    return x
print([grows(k) for k in (10, 62, 63, 64, 65, 100)])
def int_to_big(n):
    acc = 2 ** 62 - 50
    res = []
    for i in range(n):
        acc += 1
        if i % 20 == 0:
            res.append(acc)
    return res, acc
print(int_to_big(100))
class A:
    def val(self): return 1
class B:
    def val(self): return 2.5
class C(A):
    def val(self): return "c"
def call_val(objs):
    return [o.val() for o in objs]
objs = [A()] * 500 + [B()] * 5 + [C()] * 3 + [A()]
r = call_val(objs)
print(r[:2], r[498:510], len(r))
def neg_zero_div(vals):
    out = []
    for v in vals:
        try:
            out.append(10 // v)
        except ZeroDivisionError:
            out.append("div0")
    return out
print(neg_zero_div(list(range(-3, 4)) * 2))
def shape_change(n):
    class P:
        pass
    ps = []
    for i in range(n):
        p = P()
        p.x = i
        if i % 100 == 99:
            p.y = -i
        ps.append(p)
    return sum(p.x for p in ps), sum(getattr(p, "y", 0) for p in ps)
print(shape_change(1000))
def list_types(n):
    l = []
    for i in range(n):
        l.append(i if i < n // 2 else float(i))
    return sum(l), type(l[0]).__name__, type(l[-1]).__name__
print(list_types(1000))
def str_loop(n):
    s = ""
    for i in range(n):
        s += "ab"[i % 2]
    return len(s), s[:10], s.count("a")
print(str_loop(5000))
