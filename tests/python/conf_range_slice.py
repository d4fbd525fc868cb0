# range and slice objects.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

r = range(2, 20, 3)
print(r, list(r), len(r), r[2], r[-1], r[1:3], r[::-1], 5 in r, 6 in r, r.index(8), r.count(11))
print(range(5), range(0, 5), range(1, 10, 2)[::2], list(range(10, 0, -3)), range(0) == range(5, 2), bool(range(0)))
print(range(3) == range(0, 3, 1), hash(range(3)) == hash(range(0, 3)), r.start, r.stop, r.step, reversed(r).__class__.__name__)
print(list(reversed(range(5))), sum(range(1, 101)), max(range(7)), range(10 ** 20)[-1], len(range(-5, 5)))
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(3), slice(None, None, -1), s.indices(5), slice(-3, None).indices(10))
print("abcdefgh"[s], [0, 1, 2, 3, 4, 5][slice(None, None, -2)], (1, 2, 3)[slice(1, None)])
print(slice(1, 2) == slice(1, 2), repr(slice("a", [1])))
class Seq:
    def __getitem__(self, k):
        return k
q = Seq()
print(q[1:2], q[::3], q[1:2, 3], q[...], q[:, None])
show(lambda: range(1, 2, 0))
show(lambda: range(1.5))
show(lambda: range(5)[10])
show(lambda: range(5).index(9))
show(lambda: range())
show(lambda: slice(1, 2, 0).indices(5))
show(lambda: "abc"[1:2:0])
show(lambda: hash(slice(1, 2)))
show(lambda: range(3)["a"])
show(lambda: len(range(10 ** 20)))
for i in range(3, -3, -2):
    print(i, end=" ")
print()
