# dicts: methods, views, ordering
d = {"b": 2, "a": 1, "c": 3}
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d, list(d), list(d.keys()), list(d.values()), list(d.items()))
d["d"] = 4; d["b"] = 20; print(d)
del d["a"]; print(d)
d["a"] = 1; print(d, list(d)[-1])
print(d.pop("b"), d.pop("zz", None), d.setdefault("c", 99), d.setdefault("e", 5), d)
print(d.popitem(), d)
d.update({"x": 1}, y=2); d.update([("z", 3)]); print(d)
print(dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict.fromkeys("abc", 0), dict.fromkeys([1, 2]), dict({1: 1}, two=2), dict(zip("ab", [1, 2])))
print({1: "a"} == {1: "a"}, {1: "a", 2: "b"} == {2: "b", 1: "a"}, {1: 1} != {1: 2}, {} == dict())
print(d | {"new": 0}, {1: 1} | {1: 2})
e = {1: 1}; e |= {2: 2}; print(e)
k = d.keys(); v = d.values(); it = d.items()
d["late"] = 100
print(k, v, it, len(k), "late" in k, ("late", 100) in it, 100 in v)
print({1, 2} <= {1: 0, 2: 0, 3: 0}.keys(), {1: 0, 2: 0}.keys() & {2, 3}, {1: 0}.keys() | {5}, {1: 0, 2: 0}.keys() - {1})
print(list(reversed({"p": 1, "q": 2, "r": 3})), list(reversed({"p": 1}.items())))
print({x: x * x for x in range(5)}, {1: 1, 1.0: 2, True: 3}, {(1, 2): 3, None: 4, 2.5: 5, "s": 6, frozenset([1]): 7})
c = d.copy(); c.clear(); print(c, len(d) > 0)
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
nested = {"a": {"b": {"c": 1}}}
nested["a"]["b"]["d"] = 2; print(nested)
try:
    d["missing"]
except KeyError as e:
    print(type(e).__name__, e, repr(e))
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
try:
    for key in d:
        d["new_" + str(key)] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    dict([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1: 2} < {1: 3}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {}.pop("x")
except KeyError as e:
    print(type(e).__name__, e)
big = {}
for i in range(1000):
    big[i * 7] = i
for i in range(0, 1000, 2):
    del big[i * 7]
print(len(big), list(big)[:5], sum(big.values()), big[7 * 999])
for i in range(500):
    big[-i] = i
print(len(big), list(big)[-3:])
class Key:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v % 3
    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v
    def __repr__(self):
        return "Key(%d)" % self.v
kd = {Key(i): i for i in range(6)}
print(kd, kd[Key(4)], Key(7) in kd)
print(repr({}), str({"a": [1, (2,)]}), {"q": 'x"y'}, dict(sorted({"b": 1, "a": 2}.items())))
