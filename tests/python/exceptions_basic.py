# exception hierarchy, custom classes, args, str()
for exc in [ZeroDivisionError, KeyError, IndexError, ValueError, TypeError, AttributeError, NameError, UnboundLocalError,
            StopIteration, RecursionError, OverflowError, FileNotFoundError, NotImplementedError, AssertionError,
            KeyboardInterrupt, SystemExit, GeneratorExit, UnicodeDecodeError, ModuleNotFoundError, ImportError, LookupError,
            ArithmeticError, OSError, RuntimeError, Exception, BaseException, StopAsyncIteration, MemoryError, EOFError, PermissionError]:
    print(exc.__name__, [k.__name__ for k in exc.__mro__])
e = ValueError("msg", 42)
print(e.args, str(e), repr(e), str(ValueError()), repr(ValueError()), str(ValueError("one")), repr(KeyError("k")), str(KeyError("k")), str(KeyError()))
print(str(Exception(1, 2)), repr(Exception("a", (1,))), Exception("x") == Exception("x"), isinstance(e, Exception), issubclass(KeyError, LookupError))
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
class DetailedError(AppError):
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
try:
    raise AppError(404, "not found")
except Exception as ex:
    print(type(ex).__name__, ex, ex.code, ex.args, repr(ex))
try:
    raise DetailedError(500, "server")
except AppError as ex:
    print(type(ex).__name__, ex, isinstance(ex, DetailedError))
class NoInit(Exception):
    pass
print(repr(NoInit(1, 2)), str(NoInit("only")), NoInit().args)
try:
    raise ValueError
except ValueError as ex:
    print("class raised", repr(ex), ex.args)
try:
    raise 5
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    raise
except RuntimeError as ex:
    print(type(ex).__name__, ex)
try:
    {}["a"]
except LookupError as ex:
    print("caught as LookupError", type(ex).__name__)
try:
    [].pop()
except (KeyError, IndexError) as ex:
    print("tuple catch", type(ex).__name__)
try:
    try:
        1 / 0
    except TypeError:
        print("not here")
except ZeroDivisionError as ex:
    print("outer caught", ex)
def thrower():
    raise NotImplementedError("todo")
try:
    thrower()
except Exception as ex:
    print(type(ex).__name__, ex)
ex_var = "before"
try:
    raise ValueError("x")
except ValueError as ex_var:
    pass
try:
    print(ex_var)
except NameError as ne:
    print(type(ne).__name__, ne)
e2 = OSError(2, "No such file")
print(e2.errno, e2.strerror, str(e2), type(OSError(2, "x")).__name__)
try:
    open("/nonexistent/dir/file.txt")
except FileNotFoundError as fe:
    print(type(fe).__name__, fe.errno, fe)
e3 = KeyError("a", "b"); print(str(e3), e3.args)
se = StopIteration(5); print(se.value, SystemExit(3).code, SystemExit().code)
err = Exception("base"); err.extra = "attr"; print(err.extra)
try:
    raise Exception("with traceback") from None
except Exception as ex:
    print(ex.__traceback__ is not None, ex.__suppress_context__, ex.__cause__)
ex4 = ValueError("w").with_traceback(None); print(repr(ex4))
try:
    raise TypeError("abc")
except BaseException as b:
    print(isinstance(b, TypeError), type(b) is TypeError)
print(issubclass(bool, (str, int)), BaseException.__subclasses__ is not None)
