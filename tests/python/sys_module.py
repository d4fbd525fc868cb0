# sys basics (not implementation.name, not version string)
import sys
print(type(sys.argv).__name__, len(sys.argv), sys.argv[0].endswith("sys_module.py"), sys.version_info[:2], sys.version_info >= (3, 8), sys.version_info.major)
print(type(sys.maxsize).__name__, sys.maxsize == 2 ** 63 - 1, sys.byteorder in ("little", "big"), type(sys.path).__name__, "sys" in sys.modules, sys.modules["sys"] is sys)
old = sys.getrecursionlimit()
print(type(old).__name__, old >= 100)
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
def rec(n):
    return rec(n + 1)
try:
    rec(0)
except RecursionError as e:
    print(type(e).__name__, e)
sys.setrecursionlimit(old)
def depth(n):
    return n if n == 0 else 1 + depth(n - 1)
print(depth(400))
try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit", e.code, repr(e))
try:
    sys.exit("message")
except SystemExit as e:
    print("caught", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("caught", e.code)
try:
    raise SystemExit(2)
except BaseException as e:
    print(type(e).__name__, isinstance(e, Exception))
n = sys.stdout.write("via sys.stdout.write\n")
print(n)
sys.stdout.write("no newline")
sys.stdout.write("\n")
sys.stdout.flush()
print(sys.stdout is sys.__stdout__, hasattr(sys.stderr, "write"), sys.getdefaultencoding())
try:
    sys.setrecursionlimit(-1)
except ValueError as e:
    print(type(e).__name__, e)
print(sys.intern("abc") == "abc", sys.float_info.max == 1.7976931348623157e308, sys.float_info.epsilon)
