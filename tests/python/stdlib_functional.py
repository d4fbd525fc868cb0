# functools, itertools, collections, operator and copy basics.
import functools, itertools, collections, operator, copy
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f'V({self.v})'
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2), sorted([V(3), V(1)]), max(V(1), V(5)))
@functools.lru_cache(maxsize=2)
def sq(n): print('compute', n); return n * n
print(sq(2), sq(2), sq(3), sq(4), sq(2), sq.cache_info())
sq.cache_clear(); print(sq.cache_info())
@functools.lru_cache
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().hits > 0, fib.__name__, fib.__wrapped__.__name__)
@functools.cache
def c(x): return x
print(c(1), c.cache_info())
p = functools.partial(int, base=2); print(p('101'), p.func, p.args, p.keywords, repr(p))
p2 = functools.partial(lambda a, b, c: (a, b, c), 1, c=3); print(p2(2), p2.args)
print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, [], 1))
try: functools.reduce(operator.add, [])
except TypeError as e: print(e)
print(type(functools.cmp_to_key(lambda a, b: b - a)).__name__, sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
class Cached:
    @functools.cached_property
    def val(self): print('once'); return 5
c1 = Cached(); print(c1.val, c1.val, c1.__dict__)
@functools.singledispatch
def show(x): return 'obj'
@show.register
def _(x: int): return 'int'
@show.register(list)
def _(x): return 'list'
print(show(1), show([]), show('s'), show(True))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], operator.mul, initial=10)))
print(list(itertools.chain([1], 'ab', (2,))), list(itertools.chain.from_iterable([[1], [2, 3]])))
print(list(itertools.islice(itertools.count(5, 2), 4)), list(itertools.islice('abcdefg', 1, None, 2)))
print(list(itertools.combinations('abc', 2)), list(itertools.combinations_with_replacement([1, 2], 2)))
print(list(itertools.permutations([1, 2, 3], 2))[:4], len(list(itertools.permutations(range(4)))))
print(list(itertools.product('ab', [0, 1])), list(itertools.product([1, 2], repeat=2)))
print([(k, list(g)) for k, g in itertools.groupby('aabbbc')], [(k, len(list(g))) for k, g in itertools.groupby([1, 3, 2, 4], key=lambda x: x % 2)])
print(list(itertools.zip_longest('ab', [1, 2, 3], fillvalue='-')), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.filterfalse(None, [0, 1, '', 'a'])), list(itertools.compress('abcd', [1, 0, 1, 0])))
print(list(itertools.repeat('x', 3)), list(itertools.islice(itertools.cycle('ab'), 5)), [list(t) for t in itertools.tee([1, 2], 2)])
print(list(itertools.pairwise([1, 2, 3, 4])))
Pt = collections.namedtuple('Pt', ['x', 'y'])
p = Pt(1, y=2); print(p, p.x, p[1], p._asdict(), p._replace(x=5), Pt._fields, Pt._make([3, 4]), p == (1, 2))
P3 = collections.namedtuple('P3', 'a b c', defaults=[0]); print(P3(1, 2), P3._field_defaults, P3.__name__, type(p).__mro__[1])
x, y = p; print(x, y, len(p), repr(Pt), isinstance(p, tuple))
try: Pt(1)
except TypeError as e: print(e)
cnt = collections.Counter('abracadabra'); print(cnt, cnt.most_common(2), cnt['z'], cnt['a'])
c2 = collections.Counter(a=1, b=5); print(cnt + c2, cnt - c2, cnt & c2, cnt | c2, sorted(c2.elements()), c2.total())
c2.update('aa'); c2.subtract({'b': 10}); print(c2, +c2, -c2)
dq = collections.deque([1, 2, 3], maxlen=4); dq.append(4); dq.append(5); dq.appendleft(0); print(dq, dq.maxlen)
dq.rotate(1); print(dq, dq.popleft(), dq.pop(), list(reversed(dq)), dq.count(2), dq.index(2))
dq2 = collections.deque('abc'); dq2.extendleft('xy'); print(dq2, dq2[1], len(dq2)); dq2.clear(); print(dq2)
cm = collections.ChainMap({'a': 1}, {'a': 2, 'b': 3}); print(cm['a'], cm['b'], len(cm), sorted(cm), cm.maps, cm.new_child({'z': 0}))
dd = collections.defaultdict(list); dd['k'].append(1); print(dd, dict(dd), dd.default_factory)
od = collections.OrderedDict(b=1, a=2); od.move_to_end('b'); print(od, list(od), od.popitem(last=False))
print(operator.itemgetter(1)([1, 2]), operator.itemgetter(0, 2)('abc'), operator.attrgetter('real')(3), operator.methodcaller('upper')('a'))
print(operator.add(1, 2), operator.mul('a', 3), operator.neg(5), operator.not_(0), operator.truth(1), operator.contains([1], 1), operator.concat([1], [2]))
print(operator.lt(1, 2), operator.getitem({'a': 1}, 'a'), operator.pow(2, 10), operator.floordiv(7, 2), operator.mod(7, 3), operator.xor(5, 3))
lst = [[1, [2]], {'k': [3]}]
sh = copy.copy(lst); dp = copy.deepcopy(lst)
lst[0][1].append(9); print(sh, dp, sh[0] is lst[0], dp[0] is lst[0])
class Cp:
    def __init__(self): self.items = [1]
    def __copy__(self): print('copy!'); n = Cp(); n.items = self.items; return n
    def __deepcopy__(self, memo): print('deepcopy!'); n = Cp(); n.items = copy.deepcopy(self.items, memo); return n
a = Cp(); b = copy.copy(a); d = copy.deepcopy(a); print(b.items is a.items, d.items is a.items)
cyc = [1]; cyc.append(cyc); dc = copy.deepcopy(cyc); print(dc[1] is dc, dc is cyc)
print(copy.copy(Pt(1, 2)), copy.deepcopy({'a': (1, [2])}))
