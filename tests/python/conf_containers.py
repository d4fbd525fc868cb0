# Lists, tuples, dicts, sets: methods, slicing, and error messages.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

l = [5, 3, 8, 1]
l.append(9); l.extend((2, 2)); l.insert(0, 7); l.insert(-1, 6); l.insert(100, 0)
print(l, l.pop(), l.pop(0), l.index(8), l.count(2), len(l))
l.remove(2); l.reverse(); print(l, sorted(l), sorted(l, reverse=True), l[::-2], l[1:-1])
l.sort(key=lambda x: -x); print(l, l.copy() is l, l.copy() == l, l * 2, [0] * 3 + [1])
l[1:3] = ["a", "b", "c"]; print(l); del l[::2]; print(l); l.clear(); print(l)
t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t[1:], t + (4,), t * 2, (1,), (), tuple("ab"), 2 in t, t < (1, 3))
d = {"a": 1, "b": 2}
d["c"] = 3; d.update(x=10); d.update([("y", 11)]); d.setdefault("z", 0); d.setdefault("a", 99)
print(d, d.get("q"), d.get("q", 5), d.pop("x"), d.pop("nope", None), d.popitem(), list(d.keys()))
print(list(d.values()), list(d.items()), "a" in d, len(d), dict.fromkeys("ab", 0), dict(a=1) | {"b": 2})
d2 = dict(zip("xyz", range(3))); d2 |= {"w": 9}; print(d2, {k: v for k, v in d2.items() if v}, d2 == dict(d2))
print(sorted({3: 1, 1: 2}), reversed(list({1: 1})).__class__.__name__, list(reversed({1: 1, 2: 2})))
s = {3, 1, 2}
s.add(4); s.discard(10); s.remove(1); print(s, s | {9}, s & {2, 3}, s - {2}, s ^ {2, 7}, s <= {2, 3, 4, 5})
print(s.issubset(range(10)), s.union([1], (0,)), s.intersection("abc"), frozenset([1, 2]), set(), frozenset())
print(s.isdisjoint({100}), {1, 2} < {1, 2, 3}, {1} == frozenset({1}), {x % 3 for x in range(10)})
fs = frozenset({1, 2}); print(hash(fs) == hash(frozenset({2, 1})), fs | {3}, type(fs | {3}).__name__)
print(list(range(10))[2:8:3], [1, 2, 3][::-1], [[0] * 2 for _ in range(2)], list(map(str, [1, 2])))
print([1, [2, [3]]], (1, (2,)), {1: {2: 3}}, [1, 2] == [1, 2], [1, 2] < [1, 3], [] or "empty")
show(lambda: [][0])
show(lambda: [1].pop(5))
show(lambda: [].pop())
show(lambda: [1, 2].index(5))
show(lambda: [1].remove(5))
show(lambda: (1, 2)[3])
show(lambda: (1,).index(9))
show(lambda: {}["k"])
show(lambda: {}.pop("k"))
show(lambda: {}.popitem())
show(lambda: set().pop())
show(lambda: {1}.remove(2))
show(lambda: {[1]: 2})
show(lambda: {[1]})
show(lambda: [1, 2] + (3,))
show(lambda: (1,) + [2])
show(lambda: [3, "a"].sort())
show(lambda: sorted([1, None]))
idx = 1.5
show(lambda: [1][idx])
show(lambda: {1: 2}[[1]])
show(lambda: dict([1, 2]))
show(lambda: dict([(1, 2, 3)]))
show(lambda: frozenset([1]).add(2))
show(lambda: (1, 2).append(3))
show(lambda: [1, 2, 3][::0])
show(lambda: {1} + {2})
def mutate():
    d = {1: 1}
    for k in d:
        d[k + 1] = 1
show(mutate)
def mutate_set():
    s = {1}
    for k in s:
        s.add(k + 1)
show(mutate_set)
x = [1, 2, 3]
x[1:2] = []
x += "ab"
print(x, x.__len__(), x.__getitem__(0), list.__name__)
