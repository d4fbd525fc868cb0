# collections.deque and defaultdict from _collections: every method, maxlen, rotation,
# indexing, comparisons, mutation during iteration, reprs and error messages
from collections import deque, defaultdict, Counter


def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2], bool(d), bool(deque()))
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d, d.count(7), d.index(7), d.index(2, 2), 3 in d, 99 in d)
d.insert(2, 'x')
d.remove('x')
d.reverse()
print(d, list(reversed(d)))
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
d.rotate(len(d) * 3 + 1)
print(d, d.copy(), d.copy() is d)
d[0] = 'first'
del d[1]
print(d, d.maxlen)
d.clear()
print(d, len(d))

# maxlen
m = deque(range(5), maxlen=3)
print(m, m.maxlen)
m.append(9)
m.appendleft(-9)
print(m)
m.extend('ab')
print(m)
m.extendleft('yz')
print(m)
err(lambda: m.insert(0, 1))
z = deque(maxlen=0)
z.append(1)
z.extend([1, 2])
print(z, repr(deque([], 2)))
print(deque('abc', 2), deque(maxlen=2, iterable=[1, 2, 3]))

# operators
a, b = deque([1, 2]), deque([1, 3])
print(a < b, a <= b, a == deque([1, 2]), a != b, a > b, a >= deque([1]), a == [1, 2])
print(a + b, a * 2, 2 * a, deque([1, 2], maxlen=3) * 3)
c = deque([1])
c += [2, 3]
c *= 2
print(c)
c += c
print(c, len(c))

# errors
err(lambda: deque([1], 2, 3))
err(lambda: deque([1], maxlen=-1))
err(lambda: deque([1], maxlen='a'))
err(lambda: deque(1))
err(lambda: deque(x=1))
err(lambda: deque().pop())
err(lambda: deque().popleft())
err(lambda: deque()[0])
err(lambda: deque([1])[1:])
err(lambda: deque([1])['a'])
err(lambda: deque([1]).remove(2))
err(lambda: deque([1]).index(2))
err(lambda: deque([1]) + [1])
err(lambda: deque([1]) * 'a')
err(lambda: deque([1]) < [1])
err(lambda: hash(deque()))
err(lambda: deque().rotate('a'))
err(lambda: deque().append())
err(lambda: deque([1]).__setitem__(5, 1))
err(lambda: deque([1]).__delitem__(-5))
err(lambda: deque([1, 2]).index(2, 'a'))
print(deque([1, 2, 3, 2]).index(2, -1), deque([1, 2, 3]).index(3, 0, 10))

# iteration and mutation
d = deque([1, 2, 3])
it = iter(d)
print(next(it), it.__length_hint__())
d.append(4)
err(lambda: next(it))
d = deque([1, 2, 3])
it = iter(d)
d[0] = 5
print(list(it), list(reversed(deque('abc'))))
print(type(iter(deque())).__name__, type(reversed(deque())).__name__)

# recursion in repr, subclasses
r = deque()
r.append(r)
print(r)


class D(deque):
    def total(self):
        return sum(self)


x = D([1, 2, 3], 5)
print(x, x.total(), type(x + x).__name__, type(x.copy()).__name__, isinstance(x, deque))
print(deque.__module__, deque.__name__)

# defaultdict
dd = defaultdict(list)
dd['a'].append(1)
dd['b']
print(dd, dd.default_factory, len(dd), 'c' in dd, dd.get('c'))
ci = defaultdict(int, {'x': 1}, y=2)
ci['x'] += 5
ci['z'] += 1
print(ci, sorted(ci.items()))
print(repr(defaultdict()), repr(defaultdict(None, a=1)))
n = defaultdict()
err(lambda: n['missing'])
err(lambda: defaultdict(1))
print(type(dd.copy()).__name__, dd.copy() == dd, dd.copy() is dd)
print(defaultdict(int, a=1) | {'b': 2}, {'b': 2} | defaultdict(int, a=1))
err(lambda: defaultdict(int) | 1)
dd.default_factory = set
dd['s'].add(1)
print(dd['s'], dd.__missing__('t'), dd['t'])
print(isinstance(dd, dict), defaultdict.__name__, defaultdict.__module__)


class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)


t = Tree()
t['a']['b']['c'] = 1
print(t['a']['b']['c'], type(t['a']).__name__)

# Counter uses _count_elements
cnt = Counter('abracadabra')
print(cnt.most_common(3), cnt['z'], sorted(cnt.elements())[:4])
err(lambda: defaultdict(int).__dict__)
err(lambda: setattr(defaultdict(int), 'x', 1))
t2 = Tree()
t2.note = 'subclass instances have a __dict__'
print(t2.note, t2.default_factory is Tree)
