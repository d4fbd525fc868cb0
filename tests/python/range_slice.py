# range and slice objects
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[2:4], r[::-1], list(r[::-2]), 5 in r, 6 in r, r.index(8), r.count(11))
print(range(10), range(0), range(-5), list(range(5, 0, -1)), len(range(0, 10, 4)), len(range(10, 0, -3)), list(range(10, 0, -3)))
print(list(reversed(range(5))), list(reversed(range(1, 10, 4))), range(3) == range(0, 3), range(0) == range(2, 2), range(1, 5)[1:], range(10)[::3])
print(range(10 ** 20)[-1], len(range(10 ** 18)), 10 ** 19 in range(10 ** 20), r.start, r.stop, r.step, hash(range(3)) == hash(range(0, 3, 1)))
print(sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(3), reverse=True), list(enumerate(range(3, 6))))
for bad in [lambda: range(0, 10, 0), lambda: r[100], lambda: r.index(4), lambda: range(1.5)]:
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1), s.indices(6), slice(None, None, -1).indices(5), slice(-3, None).indices(10))
print("abcdefghij"[s], [0, 1, 2, 3, 4, 5][slice(-2, None)], (1, 2, 3)[slice(None, None, 2)], s == slice(1, 10, 2))
class Sl:
    def __getitem__(self, k):
        return k
o = Sl()
print(o[1:2], o[::3], o[1:2, 3], o[...], o[:, 1], o[-1])
