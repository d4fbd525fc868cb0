# The kinds of native functions: method_descriptor, wrapper_descriptor, method-wrapper, classmethod_descriptor, builtin_function_or_method; their reprs, attributes, __get__ and receiver errors.
import types
def a(x): return repr(x).split(' at ')[0]
for obj in [list.append, str.join, object.__init__, int.__add__, (1).__add__, [].append,
            len, dict.fromkeys, dict.__dict__['fromkeys'], type.__dict__['__name__'],
            object.__str__, object().__str__, int.__new__, object.__new__, str.__dict__['join'],
            list.__len__, [].__len__, list.__getitem__, dict.get, {}.get, "".upper,
            print, type.__dict__['mro'], int.__dict__['real'], int.real,
            int.from_bytes, int.__dict__['from_bytes'], list.__dict__['__init__'],
            list.__init__, [].__init__, object.__eq__, (1).__eq__, list.__iter__, list.__lt__,
            str.__dict__['maketrans'], str.maketrans, float.fromhex, bytes.fromhex]:
    print(type(obj).__name__, a(obj))
for obj in [list.append, str.join, object.__init__, int.__add__, len, [].append, (1).__add__]:
    print(obj.__name__, obj.__qualname__, getattr(obj, '__objclass__', None), a(getattr(obj, '__self__', 'noself')))
print(types.FunctionType, types.BuiltinFunctionType, types.MethodType, types.MethodDescriptorType)
print(types.WrapperDescriptorType, types.MethodWrapperType, types.ClassMethodDescriptorType)
print(types.GetSetDescriptorType, types.BuiltinMethodType)
print(isinstance(len, types.BuiltinFunctionType), isinstance([].append, types.BuiltinMethodType))
print(isinstance(list.append, types.MethodDescriptorType))
for f in [lambda: list.append(1, 2), lambda: str.join(1, []), lambda: int.__add__('a', 1),
          lambda: object.__init__(), lambda: list.append(), lambda: dict.get(1, 2),
          lambda: list.__len__(3), lambda: str.upper(5)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(a(list.append.__get__([1])))
l = [1]
m = list.__dict__['append'].__get__(l, list)
m(5); print(l)
print(type(m).__name__)
class S:
    __slots__ = ('x', 'y')
print(type(S.x).__name__, a(S.x), S.x.__name__, S.x.__objclass__)
s = S(); s.x = 3; print(S.x.__get__(s, S))
print(a(S.__dict__['x']))
print(type(type.__dict__['__name__']).__name__, a(type.__dict__['__name__']))
class C:
    def m(self): pass
    @classmethod
    def c(cls): pass
    @staticmethod
    def s(): pass
print(a(C.m), a(C().m), a(C.c), a(C.s), a(C.__dict__['c']), a(C.__dict__['s']))
print(type(C.__dict__['c']).__name__, type(C().m).__name__, type(C.m).__name__)
print(C().m.__func__ is C.m, C.c.__self__ is C)
print(a(C.__init__), a(C().__init__), type(C.__init__).__name__)
print(a(C.__repr__), type(C().__repr__).__name__)
print(callable(list.append), list.append is list.append, [].append == [].append)
print(a(int.__dict__['__add__']), a(dict.__dict__['__getitem__']), a(dict.__getitem__))
print(type(dict.__getitem__).__name__, type({}.__getitem__).__name__)
