# unpacking with star, multiple targets, swaps
a, *b = [1, 2, 3]; print(a, b)
*a, b = "xyz"; print(a, b)
a, *b, c = range(5); print(a, b, c)
a, *b, c = [1, 2]; print(a, b, c)
(a, b), *c = [(1, 2), 3, 4]; print(a, b, c)
first, (second, *inner), last = [0, [1, 2, 3], 4]; print(first, second, inner, last)
x = y = z = [0]; print(x is y is z)
a, b = b, a; print(a, b)
l = [1, 2, 3]; l[0], l[2] = l[2], l[0]; print(l)
i = 0; lst = [10, 20]; i, lst[i] = 1, 99; print(i, lst)
print([*range(3), *"ab", *[None]], (*[1, 2], 3), {*(1, 2), *[2, 3]}, {**{"a": 1}, "b": 2, **{"a": 3}})
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], *(3,), **{"x": 1}, **{"y": 2}))
for k, (v1, v2) in [("a", (1, 2)), ("b", (3, 4))]:
    print(k, v1, v2)
for a, *rest in [[1, 2, 3], [4]]:
    print(a, rest)
d = {"one": 1, "two": 2}
for key, val in d.items():
    print(key, val)
[p, q] = 5, 6; print(p, q)
s, = [42]; print(s)
head, *tail = "a"; print(head, tail)
for bad in ["a, b = [1]", "a, b = [1, 2, 3]", "a, *b, c = [1]", "a, b = None"]:
    try:
        exec(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
def gen():
    yield 1
    yield 2
m, n = gen(); print(m, n)
*w, = gen(); print(w)
print(*[1, 2, 3], sep=":")
t = 1, 2, 3
print(t, type(t).__name__)
