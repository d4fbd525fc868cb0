# JIT reproducer: with `--jit threshold=1,trace_eagerness=1` the baseline backend segfaults
# in compiled code while traceback.extract_tb looks up source lines (the IR interpreter
# backend runs it correctly).
import traceback


def inner(n):
    if n == 0:
        raise ValueError("deep failure")
    inner(n - 1)


try:
    inner(2)
except ValueError as e:
    print(len(traceback.extract_tb(e.__traceback__)))
