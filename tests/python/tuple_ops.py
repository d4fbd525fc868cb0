# tuples
t = (1, 2, 3, 2)
print(t, len(t), t[0], t[-1], t[1:3], t[::-1], t.count(2), t.index(3), 2 in t, (1,), (), tuple(), tuple("ab"), tuple([1, 2]))
print(t + (4,), t * 2, (0,) * 3, (1, 2) < (1, 3), (1, 2) == (1, 2), (1, 2) < (1, 2, 3), (2,) > (1, 100), (1, (2, 3)))
a, b, c = (1, 2, 3); print(a, b, c)
x, (y, z) = 1, (2, 3); print(x, y, z)
print(hash((1, 2)) == hash((1, 2)), hash((1, "a")) == hash((1, "a")), {(1, 2): "pair"}[(1, 2)])
print(tuple(x * 2 for x in range(3)), max((1, 5, 3)), sorted((3, 1, 2)), sum((1, 2, 3)), list(zip((1, 2), ("a", "b"))))
u = (1, [2, 3])
u[1].append(4); print(u)
for bad in [lambda: t[10], lambda: t.index(9)]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1, 2) + [3]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__, e)
print(repr((1,)), str(("a", 'b"')), ((),), (1, 2).__len__(), type(()).__name__)
