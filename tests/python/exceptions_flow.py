# try/except/else/finally ordering, finally with return/break/continue, nested handlers
def order(raise_it):
    log = []
    try:
        log.append("try")
        if raise_it:
            raise ValueError("v")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log
print(order(False), order(True))
def fin_return():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(fin_return())
def fin_override():
    try:
        return "try"
    finally:
        return "finally"
print(fin_override())
def fin_swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed by return"
print(fin_swallow())
def loop_break():
    out = []
    for i in range(5):
        try:
            if i == 2:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_break())
def loop_continue():
    out = []
    for i in range(3):
        try:
            if i == 1:
                continue
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_continue())
def fin_break_swallow():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "break swallowed"
print(fin_break_swallow())
def nested():
    log = []
    try:
        try:
            raise KeyError("inner")
        except KeyError as e:
            log.append("inner handler " + str(e))
            raise ValueError("from handler")
        finally:
            log.append("inner finally")
    except ValueError as e:
        log.append("outer handler " + str(e))
        log.append("context " + repr(e.__context__))
    finally:
        log.append("outer finally")
    return log
for line in nested():
    print(line)
def reraise():
    try:
        raise IndexError("orig")
    except IndexError:
        raise
try:
    reraise()
except IndexError as e:
    print("reraised", e)
def while_fin():
    n = 0
    while True:
        try:
            n += 1
            if n > 3:
                return n
        finally:
            print("while finally", n)
print(while_fin())
def gen_fin():
    try:
        yield 1
    finally:
        print("gen finally")
for v in gen_fin():
    print("gen value", v)
def exc_in_else():
    try:
        pass
    except Exception:
        print("no")
    else:
        raise RuntimeError("from else")
try:
    exc_in_else()
except RuntimeError as e:
    print(e)
def exc_in_finally():
    try:
        raise ValueError("first")
    finally:
        raise TypeError("second")
try:
    exc_in_finally()
except TypeError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))
count = 0
for attempt in range(5):
    try:
        count += 1
        if attempt < 3:
            raise ConnectionError("retry")
        break
    except ConnectionError:
        continue
    finally:
        print("attempt", attempt)
print("attempts", count)
def deep(n):
    if n == 0:
        raise ValueError("bottom")
    try:
        deep(n - 1)
    finally:
        print("unwind", n)
try:
    deep(3)
except ValueError as e:
    print(e)
try:
    try:
        raise ValueError(1)
    except ValueError:
        pass
    print("handled, no context leak")
    raise TypeError(2)
except TypeError as e:
    print(repr(e.__context__))
import sys
try:
    raise KeyError("info")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None, sys.exception() is v if hasattr(sys, "exception") else True)
print(sys.exc_info())
