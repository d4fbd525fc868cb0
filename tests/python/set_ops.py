# set and frozenset (ints only in printed sets)
s = {3, 1, 2}
print(s, len(s), 1 in s, 5 not in s, set(), set([1, 1, 2]), set(range(5)), {x % 3 for x in range(10)})
s.add(10); s.discard(1); s.discard(99); s.remove(2); print(s)
print(s.pop() in {3, 10}, len(s))
a = {1, 2, 3, 4}; b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b, a.union([7]), a.intersection(b, {4}), a.difference([1]), a.symmetric_difference(b))
print(a <= b, {1, 2} <= a, {1, 2} < a, a < a, a >= {1}, a > a, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}))
c = set(a); c |= {9}; c &= {1, 9, 2}; c -= {2}; c ^= {5}; print(c)
c.update([20, 21], (22,)); c.intersection_update(range(21)); print(c)
c.difference_update({1}); c.symmetric_difference_update({20, 30}); print(c)
f = frozenset([1, 2, 3])
print(f, frozenset(), f | {4}, type(f | {4}).__name__, type({4} | f).__name__, f == {1, 2, 3}, hash(f) == hash(frozenset([3, 2, 1])))
print({f: 1}[frozenset({1, 2, 3})], {frozenset(), frozenset([1])} == {frozenset([1]), frozenset()})
print(sorted({5, -1, 3}), sum({1, 2, 3}), max({4, 8}), {1, 2} == {2, 1}, {1} != {1.0}, {1.0, 2} == {1, 2})
print(set("aab") == {"a", "b"}, sorted(set("hello")), len({"x", "y", "x"}), {-5, -1, 0, 7, 100, 1000})
try:
    s.remove(42)
except KeyError as e:
    print(type(e).__name__, e)
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e)
try:
    {[1]}
except TypeError as e:
    print(type(e).__name__, e)
try:
    f.add(1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    for x in s:
        s.add(x + 100)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    {1} + {2}
except TypeError as e:
    print(type(e).__name__, e)
big = set(range(0, 2000, 3))
big -= set(range(0, 2000, 2))
print(len(big), min(big), max(big), sum(big))
c2 = {i * 1000003 % 97 for i in range(200)}
print(len(c2), sorted(c2)[:10])
print(repr(set()), repr(frozenset([1])), str({1, 2}))
