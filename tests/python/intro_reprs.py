# repr() of every kind of builtin object (addresses hidden).
# repr of builtin object kinds; addresses hidden
import sys, types, collections, itertools, functools, re, io
def a(x): return repr(x).split(' at ')[0]
def gen(): yield 1
async def coro(): pass
class K:
    def m(self): pass
objs = [len, print, K, K(), K().m, K.m, gen, gen(), sys, types, iter([]), iter(()), iter(''),
        iter('é'), iter(range(3)), iter(range(10**20)), iter({}), iter({}.values()), iter({}.items()),
        iter(set()), reversed([]), reversed(range(3)), reversed({}), reversed({}.items()), enumerate([]), zip(), map(len, []),
        filter(None, []), {}.keys(), {}.values(), {}.items(), {1: 2}.keys(), range(3), range(1, 9, 2),
        slice(1, 2), slice(None), Ellipsis, NotImplemented, None, type, object, object(), type(None),
        iter(bytearray()), iter(b''), memoryview(b'ab'), lambda: 0, (lambda: 0).__code__,
        functools.partial(len, 1), collections.deque([1]), collections.OrderedDict(a=1),
        collections.defaultdict(int), collections.Counter('aab'), itertools.count(3),
        itertools.repeat(1, 2), itertools.chain(), itertools.cycle([]), re.compile('a+'),
        re.match('a', 'a'), io.StringIO(), frozenset(), set(), frozenset({1}), property(),
        staticmethod(len), classmethod(len), super(K, K()), type.__dict__['__dict__'],
        K.__dict__['__dict__'], K.__dict__['__weakref__'], K.__dict__, vars(K)['m'],
        int.__dict__['bit_length'], iter(lambda: 1, 2), sys.stdout, sys.stdin.readline,
        ...]
for o in objs:
    print(type(o).__name__, '|', a(o))
c = coro(); print(a(c)); c.close()
f = sys._getframe(); print(a(f), type(f).__name__)
try: 1/0
except Exception as e: print(a(e.__traceback__), type(e.__traceback__).__name__)
print(type(types.SimpleNamespace(a=1)).__name__, types.SimpleNamespace(a=1, b='x'))
print(a(types.ModuleType('zz')), types.ModuleType('zz', 'doc').__doc__)
print(a(K.m.__get__(None, K)), a(K.m.__get__(K())))
