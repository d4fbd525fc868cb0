# sys, math, time, and imports of common stdlib modules.
import sys, math, time
from math import pi as PI, sqrt
import os.path
import collections.abc as cabc
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

print(sys.version_info[:2], sys.version_info.major, sys.maxsize, sys.byteorder, sys.platform, type(sys.argv).__name__)
print(sys.getrecursionlimit(), sys.float_info.max, sys.float_info.epsilon, sys.int_info.bits_per_digit > 0, sys.implementation.name != "")
print(type(sys.modules).__name__, "math" in sys.modules, "sys" in sys.builtin_module_names, sys.stdout.write("w\n"))
print(sys.getsizeof(1) > 0, type(sys.path).__name__, sys.exc_info()[0], sys.hash_info.width, sys.flags.optimize, sys.maxunicode)
sys.stdout.write("stdout write\n"); sys.stdout.flush()
print(math.pi, math.e, math.tau, math.inf, math.nan != math.nan, PI == math.pi, sqrt(16))
print(math.sqrt(2), math.pow(2, 10), math.exp(1), math.log(100, 10), math.log10(1000), math.log2(8), math.log1p(0))
print(math.sin(0), math.cos(math.pi), round(math.tan(math.pi / 4), 10), math.atan2(1, 1), math.degrees(math.pi), math.radians(180))
print(math.floor(3.7), math.ceil(-3.7), math.fabs(-2), math.factorial(20), math.gcd(12, 18), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2))
print(math.isclose(0.1 + 0.2, 0.3), math.isfinite(1e308), math.isinf(-math.inf), math.copysign(3, -0.0), math.fmod(-7, 3), math.modf(3.5))
print(math.hypot(3, 4), math.dist((0, 0), (3, 4)), math.prod([1, 2, 3, 4]), math.isqrt(99), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.trunc(-1.5), math.asin(1), math.acos(1), math.sinh(0), math.cosh(0), math.tanh(0), math.erf(0), math.gamma(5), math.lgamma(1))
print(math.fsum([1e100, 1, -1e100]), math.remainder(7, 2), math.nextafter(1, 2) > 1, math.ulp(1.0), math.cbrt(27) if hasattr(math, "cbrt") else 3.0)
show(lambda: math.sqrt(-4))
show(lambda: math.log(-1))
show(lambda: math.factorial(-1))
show(lambda: math.factorial(2.5))
show(lambda: math.exp(1000))
show(lambda: math.acos(2))
show(lambda: math.floor("x"))
show(lambda: math.gcd(1.5, 2))
show(lambda: math.pow(0, -1))
show(lambda: math.comb(3, -1))
t0 = time.time(); p0 = time.perf_counter(); m0 = time.monotonic()
time.sleep(0.01)
print(time.time() >= t0, time.perf_counter() - p0 >= 0.005, time.monotonic() >= m0, type(time.time_ns()).__name__)
lt = time.localtime(0); gt = time.gmtime(86400 * 365)
print(gt.tm_year, gt.tm_mon, gt.tm_mday, gt[0], time.strftime("%Y-%m-%d %H:%M:%S", gt), len(lt), time.mktime(time.localtime(1000)) == 1000.0)
print(time.strptime("2024-03-05", "%Y-%m-%d")[:3], time.asctime(gt), type(time.process_time()).__name__)
show(lambda: time.sleep(-1))
show(lambda: time.sleep("x"))
print(os.path.join("a", "b"), os.path.basename("/x/y.txt"), os.path.splitext("f.tar.gz"), os.path.dirname("/x/y"), os.path.exists("/"), os.sep)
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), issubclass(dict, cabc.MutableMapping))
import json, random, itertools, functools, collections, string, re
print(json.dumps({"a": [1, 2.5, None, True]}, sort_keys=True), json.loads('{"x": [1, "y"]}'), string.ascii_lowercase[:5])
random.seed(42)
print(random.randint(1, 100), random.choice("abcdef"), random.random() < 1, sorted(random.sample(range(10), 3)))
print(collections.Counter("hello").most_common(2), collections.OrderedDict(a=1), collections.namedtuple("P", "x y")(1, 2))
print(functools.reduce(lambda a, b: a * b, range(1, 6)), list(itertools.permutations("ab")), re.findall(r"\d+", "a1b22c333"))
show(lambda: __import__("no_such_module_xyz"))
try:
    from sys import no_such_name
except ImportError as e:
    print(type(e).__name__, e)
try:
    import no_such_pkg.sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
m = __import__("string")
print(m.__name__, type(m).__name__, hasattr(m, "digits"), math.__name__, sys.modules["math"] is math)
import importlib
print(importlib.import_module("textwrap").fill("hello world foo bar", 10))
