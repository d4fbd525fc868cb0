# CPython's traceback module on pyrs frames and tracebacks
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep

def clean(text):
    return text.replace(HERE, "")

def inner(n):
    if n == 0:
        raise ValueError("deep failure")
    inner(n - 1)

def outer():
    inner(2)

try:
    outer()
except ValueError:
    text = traceback.format_exc()
    print(text.splitlines()[0], len(text.splitlines()))
    print(text.splitlines()[-1])
    print(clean(traceback.format_exc()), end="")

try:
    outer()
except ValueError as e:
    summary = traceback.extract_tb(e.__traceback__)
    print([(fs.name, fs.lineno, fs.line) for fs in summary])
    print(traceback.format_exception_only(type(e), e))
    print("".join(traceback.format_exception(e)).count("File"))
    te = traceback.TracebackException.from_exception(e)
    print(te.exc_type.__name__, str(te), len(te.stack))
    print([f.f_code.co_name for f, _ in traceback.walk_tb(e.__traceback__)])

def stack_here():
    return traceback.extract_stack()

st = stack_here()
print([(fs.name, fs.line) for fs in st])
def walker():
    return [f.f_code.co_name for f, _ in traceback.walk_stack(sys._getframe())]
print(walker())

def chained():
    try:
        {}["missing"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e

try:
    chained()
except RuntimeError:
    lines = traceback.format_exc().splitlines()
    print(lines[0], "direct cause" in traceback.format_exc(), lines[-1])

try:
    raise TypeError("no frames")
except TypeError as e:
    print(traceback.format_exception(e)[-1], end="")
    print(traceback.format_tb(e.__traceback__)[0].splitlines()[1].strip())

def with_locals():
    secret = 42
    raise KeyError("k")

try:
    with_locals()
except KeyError as e:
    te = traceback.TracebackException.from_exception(e, capture_locals=True)
    print(te.stack[-1].locals)
print(clean("".join(traceback.format_stack(sys._getframe(), limit=1))), end="")
print([clean(s) for s in traceback.format_list(traceback.extract_stack(limit=1))])
e = ValueError("x")
e.add_note("a note")
print(traceback.format_exception_only(e))
traceback.clear_frames(None)
