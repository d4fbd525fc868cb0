# the pure-Python standard library on pyrs's native modules: each module imports and does
# a little of its job
import collections, functools, contextlib, itertools, weakref, heapq, bisect, operator
import copy, enum, abc, typing, string, textwrap, random, statistics, fractions, decimal
import os, io, re, time, threading, traceback, atexit, errno, codecs, locale, ast
import json, argparse, datetime, glob, tempfile, shutil, logging, keyword, reprlib

print(collections.OrderedDict(a=1), collections.namedtuple('P', 'x y')(1, 2), collections.ChainMap({1: 2}))
print(functools.reduce(operator.add, range(5)), list(itertools.accumulate([1, 2, 3])), heapq.nsmallest(2, [5, 1, 3]))
print(bisect.bisect([1, 3, 5], 4), operator.itemgetter(1)('ab'), copy.deepcopy({'a': [1, [2]]}))


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Perm(enum.IntFlag):
    R = 4
    W = 2


print(Color.RED, Color(2).name, list(Color), Perm.R | Perm.W, repr(Perm.W))


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...


class Square(Shape):
    def area(self):
        return 4


print(isinstance(Square(), Shape), Shape.__abstractmethods__, issubclass(Square, Shape))
print(typing.get_type_hints(lambda: 0), typing.Optional[int], typing.List[str])
print(textwrap.fill("the quick brown fox jumps over the lazy dog", 15))
random.seed(7)
print(random.randint(1, 100), statistics.median([5, 1, 3]), fractions.Fraction(6, 8), decimal.Decimal('0.1') * 3)
print(json.dumps({'a': [1, 2.5, None]}, sort_keys=True), json.loads('{"x": [true, false]}'))
print(datetime.date(2024, 2, 29) + datetime.timedelta(days=1), datetime.datetime(2020, 1, 2, 3, 4).isoformat())
p = argparse.ArgumentParser(prog='t')
p.add_argument('--n', type=int, default=3)
print(p.parse_args(['--n', '5']).n, keyword.iskeyword('for'), reprlib.repr(list(range(100))))
print(re.sub(r'(\d+)', lambda m: str(int(m.group()) * 2), 'a1b22'), string.Template('$x').substitute(x=1))
print(errno.ENOENT, errno.errorcode[2], codecs.lookup('UTF-8').name, codecs.encode('é', 'utf-8'))
print(ast.dump(ast.Constant(1)), io.StringIO('a\nb').readlines(), time.strftime('%Y', time.gmtime(0)))
lock = threading.Lock()
with lock:
    print(lock.locked(), threading.current_thread().name)
d = tempfile.mkdtemp(prefix='pyrs_corpus_stdlib_imports')
with open(os.path.join(d, 'f.txt'), 'w') as f:
    f.write('x')
print(sorted(os.path.basename(x) for x in glob.glob(os.path.join(d, '*'))))
shutil.rmtree(d)
print(os.path.exists(d))
try:
    1 / 0
except ZeroDivisionError:
    print(traceback.format_exc().splitlines()[-1])
with contextlib.suppress(KeyError):
    {}['x']
w = weakref.WeakValueDictionary()
print(len(w), locale.getpreferredencoding(False) in ('UTF-8', 'utf-8', 'ANSI_X3.4-1968'))
