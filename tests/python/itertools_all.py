# every itertools function: results, laziness, reprs and error cases
import itertools as it
from itertools import (accumulate, chain, combinations, combinations_with_replacement,
                       compress, count, cycle, dropwhile, filterfalse, groupby, islice,
                       pairwise, permutations, product, repeat, starmap, takewhile, tee,
                       zip_longest)


def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


def take(n, iterable):
    return list(islice(iterable, n))


# count
print(take(4, count()), take(3, count(10)), take(3, count(5, -2)))
print(take(3, count(1.5, 0.25)), take(3, count(2**62 - 2)), take(2, count(2**70, -2**69)))
print(repr(count()), repr(count(3)), repr(count(3, 2)), repr(count(1, 1.0)), repr(count(1.5)))
print(repr(count(start=4, step=-1)), repr(count(True)), take(2, count(True)))
c = count(7)
next(c)
print(repr(c))
err(lambda: count('a'))
err(lambda: count(1, 'a'))
err(lambda: count(1, 2, 3))
err(lambda: count(x=1))

# cycle
print(take(7, cycle('abc')), take(3, cycle([])), take(5, cycle(range(2))))
err(lambda: cycle())
err(lambda: cycle(1))
err(lambda: cycle([], x=1))

# repeat
print(list(repeat('x', 3)), list(repeat(1, -2)), take(3, repeat(None)))
print(repr(repeat('a')), repr(repeat('a', 2)), repr(repeat([1], times=0)))
r = repeat(5, 3)
print(r.__length_hint__(), next(r), r.__length_hint__(), repr(r))
err(lambda: repeat())
err(lambda: repeat(1, 'a'))
err(lambda: repeat(1).__length_hint__())
print(list(map(pow, range(5), repeat(2))))

# accumulate
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate('abc')))
print(list(accumulate([], initial=7)), list(accumulate([])), list(accumulate([2, 3], lambda a, b: a * b)))
print(list(accumulate([1, 2], None, initial=None)))
err(lambda: accumulate())
err(lambda: accumulate([1], 2, 3))
err(lambda: list(accumulate([1, 'a'])))

# chain
print(list(chain('ab', [1, 2], (), range(2))), list(chain()), list(chain.from_iterable(['xy', 'z'])))
print(take(5, chain.from_iterable(repeat([1, 2]))))
err(lambda: list(chain(1)))
err(lambda: chain(x=1))
err(lambda: chain.from_iterable())
ch = chain([1], 5, [2])
print(next(ch))
err(lambda: next(ch))

# compress
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress('AB', [1, 1, 1])))
print(list(compress(data=range(6), selectors=cycle([True, False]))))
err(lambda: compress([1]))

# dropwhile / takewhile / filterfalse
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', None, []])))
err(lambda: dropwhile(None))
err(lambda: takewhile(len, [1], 2))
err(lambda: filterfalse(None))
tw = takewhile(lambda x: x < 3, count())
print(list(tw), list(tw))

# groupby
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
print([(k, len(list(g))) for k, g in groupby([1, 3, 5, 2, 4, 7], key=lambda x: x % 2)])
gs = list(groupby('aabbc'))
print([(k, list(g)) for k, g in gs])
g = groupby('aaab')
k1, g1 = next(g)
print(k1, next(g1))
k2, g2 = next(g)
print(k2, list(g1), list(g2))
print(type(g1).__name__, type(g).__name__)
err(lambda: groupby())
err(lambda: groupby([], 1, 2))
print(list(groupby([])))

# islice
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)))
print(list(islice('ABCDEFG', 0, None, 2)), list(islice(range(10), 1, 8, 3)), list(islice(range(10), None, None, None)))
print(list(islice(count(), 3, 10, 4)), list(islice([], 5)), list(islice('abc', 10)))
src = iter(range(10))
print(list(islice(src, 3)), next(src))
err(lambda: islice([1]))
err(lambda: islice([1], 'a'))
err(lambda: islice([1], -1))
err(lambda: islice([1], -5))
err(lambda: islice([1], 1, 'a'))
err(lambda: islice([1], 'a', 2))
err(lambda: islice([1], 0, 1, 0))
err(lambda: islice([1], 0, 1, -1))
err(lambda: islice([1], 0, 1, 2, 3))
err(lambda: islice([1], stop=3))
err(lambda: islice(1, 2))

# pairwise
print(list(pairwise('ABCDE')), list(pairwise('A')), list(pairwise([])))
err(lambda: pairwise())
err(lambda: pairwise([], []))
err(lambda: pairwise(iterable=[]))

# starmap
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(lambda *a: sum(a), [[1, 2], (3,), range(4)])))
err(lambda: starmap(len))
err(lambda: list(starmap(len, [1])))

# tee
a, b = tee([1, 2, 3])
print(next(a), list(b), list(a))
x, y, z = tee(iter(range(100)), 3)
print(take(60, x)[-1], take(2, y), take(70, z)[-1], take(3, y))
print(tee([], 0), type(tee([])[0]).__name__)
t1, t2 = tee(count())
t3 = t1.__copy__()
print(next(t1), next(t1), next(t3), next(t2))
p, q = tee(t1)
print(next(p), next(q), next(t1))
err(lambda: tee())
err(lambda: tee([], -1))
err(lambda: tee([], 'a'))
err(lambda: tee(1))
err(lambda: tee([], n=2))

# zip_longest
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest()), list(zip_longest([1], [])))
print(list(zip_longest(range(3), 'ab', [True])))
err(lambda: zip_longest(1))
err(lambda: zip_longest([], x=1))

# product
print(list(product('AB', 'xy')), list(product(range(2), repeat=3))[:4], list(product()))
print(list(product('ab', [])), list(product('ab', repeat=0)), len(list(product(range(3), range(4), repeat=2))))
err(lambda: product(1))
err(lambda: product([], repeat=-1))
err(lambda: product([], x=1))
err(lambda: product([], repeat='a'))

# permutations
print(list(permutations('ABC', 2)), list(permutations(range(3))))
print(list(permutations('AB', 3)), list(permutations([], 0)), list(permutations('A', 0)), len(list(permutations(range(5)))))
err(lambda: permutations())
err(lambda: permutations([], -1))
err(lambda: permutations([], 'a'))
err(lambda: permutations([], 1, 2))

# combinations
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)))
print(list(combinations('AB', 3)), list(combinations('AB', 0)), len(list(combinations(range(10), 4))))
err(lambda: combinations([]))
err(lambda: combinations([], -1))
err(lambda: combinations([], 'a'))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement('', 2)))
print(list(combinations_with_replacement('', 0)), list(combinations_with_replacement('AB', 0)), len(list(combinations_with_replacement(range(5), 3))))
err(lambda: combinations_with_replacement([], -1))
err(lambda: combinations_with_replacement([]))


# subclasses and laziness
class MyChain(chain):
    def total(self):
        return sum(self)


print(MyChain([1, 2], [3]).total(), isinstance(MyChain(), chain), type(MyChain()).__name__)


class Evens(count):
    def __next__(self):
        return super().__next__() * 2


print(take(3, Evens()))
log = []


def gen():
    for i in range(3):
        log.append(i)
        yield i


m = map(str, islice(gen(), 2))
print(log, list(m), log)
print(type(count()).__module__, type(count()).__name__, it.chain is chain)
print([type(f(*a)).__name__ for f, a in [(count, ()), (cycle, ('',)), (repeat, (1,)), (zip_longest, ())]])
