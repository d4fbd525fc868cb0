# str()/repr()/args of exceptions with 0, 1 and 2 arguments, and the fields of particular exception classes.
for E in [Exception, ValueError, KeyError, IndexError, OSError, StopIteration, SystemExit, AttributeError, NameError, UnicodeError, ImportError]:
    for args in [(), ('msg',), ('a', 2), (None,), (3,)]:
        e = E(*args)
        print(E.__name__, repr(e), '|', str(e), '|', e.args)
e = KeyError('k'); print(str(e), repr(e))
e = OSError(2, 'No such file'); print(e.errno, e.strerror, str(e), repr(e), type(e).__name__)
e = OSError(2, 'No such file', 'x.txt'); print(str(e), e.filename, type(e).__name__)
print(type(OSError(17, 'exists')).__name__)
e = StopIteration(5); print(e.value)
e = SystemExit(3); print(e.code)
e = ImportError('m', name='nm', path='p'); print(e.name, e.path, e.msg, str(e))
e = AttributeError('x', name='n', obj=1); print(e.name, e.obj)
e = NameError('x', name='n'); print(e.name)
e = SyntaxError('bad', ('f.py', 1, 2, 'src\n')); print(str(e), e.filename, e.lineno, e.offset, e.text, e.msg)
e = UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte'); print(str(e), e.encoding, e.start, e.end, e.reason)
class MyErr(Exception):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
e = MyErr(1, 2); print(repr(e), str(e), e.args, e.y)
class E2(Exception):
    def __str__(self): return 'custom'
print(repr(E2('a')), str(E2('a')), f'{E2()}')
class E3(ValueError): pass
print(repr(E3()), repr(E3('x', 'y')), E3.__mro__)
e = ValueError('v'); e.add_note('note1'); print(e.__notes__, hasattr(ValueError('x'), '__notes__'))
try:
    try: 1 / 0
    except ZeroDivisionError as z: raise ValueError('wrapped') from z
except ValueError as v:
    print(repr(v.__cause__), v.__suppress_context__, repr(v.__context__), type(v.__traceback__).__name__)
e = Exception('a', 'b'); e.args = ('c',); print(e, e.args)
print(Exception('x') == Exception('x'), hash(Exception) is not None)
print(BaseException.__subclasses__()[:4])
print(issubclass(KeyError, LookupError), KeyError.__bases__, OSError.__mro__[1:])
print(EnvironmentError is OSError, IOError.__name__)
e = Exception(); e.foo = 1; print(e.__dict__, vars(e))
print(repr(BaseExceptionGroup('g', [ValueError(1)])), str(ExceptionGroup('g', [ValueError(1), KeyError(2)])))
print(ZeroDivisionError('division by zero').with_traceback(None))
try:
    {}['missing']
except KeyError as e:
    print(repr(e), e.args)
try:
    [].pop()
except IndexError as e: print(repr(e))
try:
    int('x')
except ValueError as e: print(repr(e))
try:
    None.foo
except AttributeError as e: print(repr(e), e.name, e.obj)
try:
    undefined_name
except NameError as e: print(repr(e), e.name)
