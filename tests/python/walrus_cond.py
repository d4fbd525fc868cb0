# walrus, chained comparisons, conditional expressions, lambda
data = [1, 5, 12, 7, 30]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 10], y)
while (item := data.pop()) != 5:
    print("popped", item)
print(data, item)
def f(v):
    return v * 3
print([res for v in range(5) if (res := f(v)) % 2 == 0], res)
print((z := 10) + z, z)
a, b, c = 1, 2, 3
TWO, NONE, FALSE = 2, None, False
print(a < b < c, a < b > c, a == 1 < b, 1 < 2 < 3 < 4 < 3, 1 <= 1 < 2 != 3, a < c > b, 3 > 2 == 2)
def side(v, log):
    log.append(v)
    return v
log = []
print(side(1, log) < side(2, log) < side(0, log) < side(5, log), log)
log = []
print(side(5, log) < side(2, log) < side(0, log), log)
print(1 in [1, 2] in [[1, 2]], "a" < "b" not in ["b"], TWO is not NONE is not FALSE)
for v in [-5, 0, 5]:
    print("neg" if v < 0 else "zero" if v == 0 else "pos", v if v else "falsy")
sq = lambda x: x * x
add = lambda x, y=10, *r, k=0, **kw: x + y + sum(r) + k + len(kw)
print(sq(7), add(1), add(1, 2, 3, 4, k=5, z=1), (lambda: "no args")(), (lambda *a: a)(1, 2), sq.__name__)
ops = {"+": lambda p, q: p + q, "*": lambda p, q: p * q}
print(ops["+"](2, 3), ops["*"](2, 3), sorted([3, -4, 1], key=lambda t: -abs(t)), list(map(lambda s: s[::-1], ["ab", "cd"])))
curry = lambda p: lambda q: lambda r: p + q + r
print(curry(1)(2)(3))
print((lambda: (yield))  .__name__ if False else "skip", (lambda x: (x, x))(1))
t = 1 if True else 1 / 0
u = 1 / 0 if False else 2
print(t, u, 0 or 1 if 0 else 2, (0 or 1) if 1 else 2)
print(not 1 == 2, not (1 == 2) and 3, -2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, 10 - 3 - 2, 2 * 3 % 4, 7 // 2 * 2, 1 + 2 << 1, 1 | 2 ^ 3 & 4)
