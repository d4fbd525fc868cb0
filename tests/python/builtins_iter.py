# sorted, reversed, enumerate, zip, map, filter, iter with sentinel, next with default, any/all
print(sorted([3, 1, 2]), sorted("cba", reverse=True), list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(3))))
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)), list(enumerate("ab", start=-1)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip(*[(1, "a"), (2, "b")])), dict(zip("xy", (1, 2))))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1], [3, 4], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(zip([1], [2], strict=True)))
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(abs, (-1, -2))))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x % 2, range(10))), list(filter(str.isdigit, "a1b2")))
data = iter([1, 2, 3, 0, 4])
print(list(iter(lambda: next(data), 0)), list(data))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
it = iter([1])
print(next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e))
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]), any(x > 2 for x in range(5)), all(x < 5 for x in range(5)))
m = map(lambda x: x * 10, [1, 2, 3])
print(next(m), list(m), list(m))
z = zip("ab", "cd")
print(type(z).__name__, next(z), list(z))
e = enumerate("xy")
print(next(e), next(e), next(e, "end"))
r = reversed([1, 2, 3])
print(type(r).__name__, next(r), list(r))
for bad in [lambda: reversed({1: 2}.items()) and 1, lambda: reversed(5), lambda: iter(5, 6), lambda: map(), lambda: filter(5), lambda: enumerate(5)]:
    try:
        bad()
        print("ok")
    except TypeError as e:
        print(type(e).__name__, e)
print(list(reversed({1: 2, 3: 4})), list(reversed({1: 2}.values())))
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=lambda t: t[1]), sorted(map(int, "3142")))
it2 = iter("abc")
for ch in it2:
    if ch == "a":
        print("skip", next(it2))
    else:
        print("got", ch)
print(list(zip(range(3), range(10, 13), "xyz")), [a + b for a, b in zip([1, 2], [10, 20])])
