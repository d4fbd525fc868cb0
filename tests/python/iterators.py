# iterator protocol details
l = [1, 2, 3]
it = iter(l)
print(next(it), list(it), list(it))
it = iter(l)
l.append(4)
print(list(it))
d = {"a": 1, "b": 2}
di = iter(d)
print(next(di), type(di).__name__, type(iter(d.values())).__name__, type(iter(d.items())).__name__)
print(type(iter(range(3))).__name__, type(iter((1,))).__name__, type(iter({1})).__name__, type(iter([])).__name__)
r = iter(range(3))
print(list(r), list(r))
class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1
c = Countdown(3)
print(list(c), list(c), [a * b for a in c for b in c][:4])
import itertools
print(list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.chain([1], (2, 3), "ab")), list(itertools.repeat("x", 3)))
print(list(itertools.product("ab", repeat=2)), list(itertools.permutations([1, 2, 3], 2)), list(itertools.combinations(range(4), 2)))
print(list(itertools.accumulate([1, 2, 3, 4])), [(k, list(g)) for k, g in itertools.groupby("aabbbc")], list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
print(list(itertools.takewhile(lambda v: v < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda v: v < 3, [1, 2, 5, 1])), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.islice("abcdefg", 1, None, 2)), list(itertools.compress("abcd", [1, 0, 1, 0])), list(itertools.combinations_with_replacement("ab", 2)))
cyc = itertools.cycle("ab")
print([next(cyc) for _ in range(5)])
a, b = itertools.tee([1, 2, 3])
print(list(a), list(b))
def gen():
    yield 1
    yield 2
g = gen()
print(next(iter(g)), list(g))
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
