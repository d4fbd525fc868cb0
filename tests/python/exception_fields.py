# fields of exception subclasses: ImportError, OSError (errno -> subclass), StopIteration,
# SystemExit, NameError/AttributeError keywords; BaseException details
e = ImportError("m", name="n", path="p")
print(e.msg, e.name, e.path, str(e), repr(e), e.args)
e = ImportError()
print(e.msg, e.name, e.path, repr(str(e)), repr(e))
e = ImportError("a", "b")
print(e.msg, str(e))
try:
    ImportError(x=1)
except TypeError as t:
    print(t)
e = ModuleNotFoundError("zz", name="q")
print(e.name, repr(e))
e.msg = "changed"
print(str(e))
e.name = "renamed"
print(e.name)
try:
    import no_such_module_here
except ImportError as ie:
    print(type(ie).__name__, ie.name, ie.msg, ie.path)
try:
    from _helper_mod import no_such_name
except ImportError as ie:
    print(type(ie).__name__, ie.name, ie.path.endswith("_helper_mod.py"), str(ie).split(" (")[0])
e = OSError(2, "x", "f", "w", "g")
print(e.errno, e.strerror, e.filename, e.filename2, str(e), e.args, type(e).__name__)
e = OSError(2, "x", "f")
print(str(e), e.args, repr(e))
e = OSError(2)
print(e.errno, str(e), e.args)
e = OSError("a", "b", "c", "d", "e", "f")
print(e.errno, str(e), e.args)
print(type(FileNotFoundError(5, "x")).__name__)
class My(OSError):
    pass
print(type(My(2, "x")).__name__)
for n in [1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 104, 110, 111, 99]:
    print(n, type(OSError(n, "m")).__name__)
e = BlockingIOError(11, "x", 5)
print(e.characters_written, e.args)
try:
    BlockingIOError(11, "x").characters_written
except AttributeError as ae:
    print("AttributeError", ae)
e = OSError(2, "x")
e.errno = 5
print(e.errno, e.args, str(e))
e = OSError(2, "x", None)
print(e.args, str(e), e.filename)
e = StopIteration(1, 2)
print(e.value)
e.value = 3
print(e.value, e.args)
print(StopIteration().value, SystemExit(1, 2).code, SystemExit().code, SystemExit(4).code)
s = SystemExit(1)
s.code = 7
print(s.code, s.args)
print(NameError("x", name="n").name, NameError("y").name)
a = AttributeError("a", name="n", obj=1)
print(a.name, a.obj, AttributeError("b").name)
try:
    NameError("x", obj=1)
except TypeError as t:
    print(t)
try:
    undefined_thing_q
except NameError as ne:
    print(ne.args)
try:
    ValueError(a=1)
except TypeError as t:
    print(t)
print(repr(Exception("a", (1,))), repr(Exception()), repr(Exception((1, 2))), repr(Exception(("x",))))
e = ValueError("v")
e.__notes__ = ["first"]
e.add_note("second")
print(e.__notes__)
e.__notes__ = 5
try:
    e.add_note("x")
except TypeError as t:
    print(t)
try:
    ValueError().add_note(5)
except TypeError as t:
    print(t)
