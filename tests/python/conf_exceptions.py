# Exceptions: hierarchy, args, chaining, finally semantics, custom exceptions, groups.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
class NotFound(AppError):
    pass
try:
    raise NotFound(404, "missing")
except AppError as e:
    print(type(e).__name__, e.code, e.args, str(e), repr(e))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), KeyError.__mro__[1].__name__)
print(str(KeyError("k")), repr(KeyError("k")), str(ValueError()), repr(ValueError()), str(ValueError(1, 2)), str(OSError(2, "No such file")))
e = ValueError("x")
print(e.args, e.__cause__, e.__context__, e.__traceback__, e.__suppress_context__)
def chain():
    try:
        {}["a"]
    except KeyError as ke:
        raise ValueError("converted") from ke
try:
    chain()
except ValueError as ve:
    print(repr(ve.__cause__), repr(ve.__context__), ve.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("during")
except TypeError as te:
    print(repr(te.__context__), te.__cause__)
def fin_order():
    out = []
    try:
        try:
            out.append("try")
            return out
        finally:
            out.append("finally")
    finally:
        out.append("outer")
print(fin_order())
def fin_override():
    try:
        return 1
    finally:
        return 2
print(fin_override())
def loop_fin():
    r = []
    for i in range(3):
        try:
            if i == 1:
                continue
            r.append(i)
        finally:
            r.append("f")
    return r
print(loop_fin())
try:
    raise ValueError
except (TypeError, ValueError) as e:
    print("tuple catch", type(e).__name__, e.args)
else:
    print("no")
try:
    pass
except Exception:
    print("no")
else:
    print("else ran")
finally:
    print("finally ran")
def reraise():
    try:
        raise KeyError("inner")
    except KeyError:
        raise
show(reraise)
try:
    raise ExceptionGroup("grp", [ValueError("a"), TypeError("b"), ValueError("c")])
except* ValueError as eg:
    print("values", [str(x) for x in eg.exceptions])
except* TypeError as eg:
    print("types", eg.exceptions)
e = None
try:
    raise Exception("bound")
except Exception as e:
    pass
show(lambda: e)
show(lambda: exec("raise StopIteration"))
show(lambda: (_ for _ in ()).throw(RuntimeError("thrown")))
show(lambda: int.__dict__["x"])
try:
    raise KeyboardInterrupt
except BaseException as b:
    print("base", type(b).__name__, isinstance(b, Exception))
class Weird(Exception):
    def __str__(self): return "weird!"
show(lambda: (_ for _ in ()).throw(Weird()))
print(Weird().with_traceback(None).__class__.__name__, BaseException.__subclasses__()[:0])
import sys
try:
    1 / 0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb.tb_lineno > 0, type(tb).__name__)
print(sys.exc_info())
err = OSError(2, "nofile", "path.txt")
print(err.errno, err.strerror, err.filename, str(err), type(FileNotFoundError(2, "x")).__mro__[1].__name__)
show(lambda: open("/nonexistent/file.txt"))
e = ValueError("note me")
e.add_note("a note")
print(e.__notes__)
show(lambda: assert_fail())
def assert_fail():
    assert 1 == 2, "math broke"
show(lambda: AppError(1))
show(lambda: [].foo)
show(lambda: None.foo)
show(lambda: raise_non_exc())
def raise_non_exc():
    raise 5
show(lambda: raise_cls())
def raise_cls():
    raise ValueError from 3
