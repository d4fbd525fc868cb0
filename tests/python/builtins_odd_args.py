# corpus: no-gc-stress  (thousands of failing calls; slow when every safepoint collects)
# every builtin called with odd arguments: errors are raised, nothing crashes
import builtins
vals = [None, 0, -1, 2**70, 1.5, float("nan"), "s", b"b", [], [1, "a"], (), {}, {1: 2}, set(), range(3), object(), len, type, int, lambda *a: 1, iter([1]), memoryview(b"x")]
names = [n for n in dir(builtins) if not n.startswith("_") and callable(getattr(builtins, n)) and n not in ("input", "breakpoint", "exit", "quit", "help", "open", "print", "exec", "eval", "compile", "__import__", "copyright", "credits", "license", "globals", "locals", "vars", "dir", "pow")]
import sys
n = 0
for name in names:
    f = getattr(builtins, name)
    if isinstance(f, type) and issubclass(f, BaseException):
        continue
    for a in vals:
        for args in [(a,), (a, a), (a, 1), (1, a), (a, a, a)]:
            try:
                f(*args)
            except Exception:
                n += 1
print("ok")
