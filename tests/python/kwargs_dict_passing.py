# `f(**d)` and small dicts: the callee never sees or changes the caller's dict; errors of
# ** unpacking; small dicts with deletions, collisions and growth past the small size.


def takes_kwargs(**kw):
    kw["added"] = 1
    return kw


def plain(a, b=2):
    return a + b


opts = {"x": 1, "y": 2}
got = takes_kwargs(**opts)
print(sorted(got.items()), sorted(opts.items()), got is opts)
print(plain(**{"a": 5}), plain(1, **{"b": 10}))
empty = {}
print(takes_kwargs(**empty), empty)

try:
    plain(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
try:
    plain(**{"a": 1, "c": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    plain(a=1, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    plain(**[1])
except TypeError as e:
    print("TypeError:", e)


class Sub(dict):
    def keys(self):
        return ["a"]

    def __getitem__(self, k):
        return 100


print(plain(**Sub(a=1, b=5)))


class Mapping:
    def keys(self):
        return ["a", "b"]

    def __getitem__(self, k):
        return {"a": 3, "b": 4}[k]


print(plain(**Mapping()))


def mutating(**kw):
    opts["z"] = 3
    return sorted(kw)


print(mutating(**opts), sorted(opts))


class Collide:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 7

    def __eq__(self, other):
        return isinstance(other, Collide) and self.n == other.n

    def __repr__(self):
        return f"C{self.n}"


d = {}
for i in range(12):
    d[Collide(i)] = i
    if i % 3 == 0:
        del d[Collide(i)]
print(d, len(d), Collide(4) in d, Collide(3) in d)
d2 = {}
for i in range(20):
    d2[str(i)] = i
    if i % 2:
        del d2[str(i - 1)]
print(d2, "5" in d2, "4" in d2)
small = {"a": 1, "b": 2}
del small["a"]
small["a"] = 3
print(small, small.popitem(), small)
print({1: "a", 1.0: "b", True: "c"})
