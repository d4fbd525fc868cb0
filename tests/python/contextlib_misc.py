# contextlib and with-statement forms
from contextlib import contextmanager, suppress, ExitStack
@contextmanager
def tag(name):
    print("<" + name + ">")
    try:
        yield name.upper()
    finally:
        print("</" + name + ">")
with tag("a") as t:
    print("inside", t)
with tag("outer"), tag("inner") as inner:
    print("nested", inner)
try:
    with tag("err"):
        raise ValueError("propagates")
except ValueError as e:
    print("caught", e)
with suppress(KeyError, IndexError):
    [][1]
print("suppressed")
@contextmanager
def handled():
    try:
        yield
    except ZeroDivisionError as e:
        print("handled in cm:", e)
with handled():
    1 / 0
print("after handled")
with ExitStack() as stack:
    for n in ["x", "y"]:
        stack.enter_context(tag(n))
    stack.callback(print, "callback runs first")
    print("stack body")
class Res:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("open", self.n)
        return self
    def __exit__(self, *exc):
        print("close", self.n, exc[0].__name__ if exc[0] else None)
        return False
try:
    with Res(1) as r1, Res(2) as r2:
        print("using", r1.n, r2.n)
        raise RuntimeError("x")
except RuntimeError:
    print("runtime error propagated")
with (Res(3) as a,
      Res(4) as b):
    print("parenthesized", a.n + b.n)
