# comprehensions and their scoping
print([x * 2 for x in range(5)], [x for x in range(20) if x % 3 == 0 if x % 2 == 0], [(x, y) for x in range(3) for y in range(x)])
print({x % 4 for x in range(10)}, {k: v for k, v in zip("abc", range(3))}, {v: k for k, v in {"a": 1, "b": 2}.items()})
print([[i * j for j in range(4)] for i in range(3)], [y for row in [[1, 2], [3], []] for y in row])
print([c.upper() for c in "abc"], [x if x % 2 else -x for x in range(6)], [f(3) for f in (abs, str, float)])
x = "outer"
r = [x for x in range(3)]
print(x, r)
y = 10
print([y + i for i in range(3)], [[y for y in range(2)] for _ in range(2)], y)
def fn():
    z = 5
    return [z * k for k in range(3)], {k: z for k in "ab"}
print(fn())
class C:
    data = [1, 2, 3]
    doubled = [d * 2 for d in data]
print(C.doubled)
print([(i, j) for i in range(3) for j in range(3) if i != j if i + j < 4])
m = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in m] for i in range(3)])
print(sorted({(a, b) for a in range(3) for b in range(3) if a < b}), len({i: i for i in range(100)}))
print([n := 5, n + 1], [w := v * 2 for v in range(3)], w)
try:
    [undefined_in_comp for _ in range(1)]
except NameError as e:
    print(type(e).__name__, e)
try:
    [1 / v for v in [1, 0]]
except ZeroDivisionError as e:
    print(type(e).__name__, e)
g = (i for i in range(3))
print([i for i in g], [i for i in g])
print([(lambda q: q + j)(1) for j in range(3)], list(map(lambda t: t[0] * t[1], [(1, 2), (3, 4)])))
