# nested exception groups: split/subgroup with types, tuples and predicates, derive
# overrides, metadata copying, except* over nested groups, what except* re-raises
eg = ExceptionGroup("m", [ValueError(1), ExceptionGroup("i", [TypeError(2), ValueError(3)])])
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(eg.split(Exception)[0] is eg, eg.subgroup(lambda e: True) is eg, eg.split(KeyError))
print(repr(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))
print(repr(eg.split((TypeError, KeyError))[0]))
for bad in [1, "x", (ValueError, 1)]:
    try:
        eg.split(bad)
    except TypeError as e:
        print(type(e).__name__, e)
for args in [(1, [ValueError()]), ("m", [ValueError()], 1), ("m",), ("m", {ValueError()})]:
    try:
        ExceptionGroup(*args)
    except TypeError as e:
        print(type(e).__name__, e)
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message.upper(), excs)
x = MyEG("abc", [ValueError(), TypeError()])
print(type(x.derive([TypeError()])).__name__, repr(x.split(ValueError)[0]), repr(x.subgroup(TypeError)))
class Plain(ExceptionGroup):
    pass
p = Plain("p", [ValueError()])
print(type(p.split(ValueError)[0]).__name__, type(p.derive([KeyError()])).__name__)
print(ExceptionGroup.__mro__)
print(ExceptionGroup.__bases__, issubclass(ExceptionGroup, Exception), isinstance(eg, BaseExceptionGroup))
eg.__notes__ = ["note"]
try:
    raise eg
except ExceptionGroup as caught:
    part = caught.split(TypeError)[0]
    print(part.__notes__, part.__traceback__ is caught.__traceback__, part.__cause__)
try:
    try:
        raise ExceptionGroup("e", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise KeyError("new")
    except* TypeError:
        pass
except BaseException as e:
    print(repr(e), repr(e.exceptions[0].__context__))
try:
    try:
        raise ExceptionGroup("e", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
except ExceptionGroup as e:
    print("reraised", repr(e))
try:
    try:
        raise ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [ValueError("b"), OSError("c")])])
    except* ValueError as g:
        print("ValueErrors", repr(g))
        raise
    except* OSError as g:
        print("OSErrors", repr(g))
except ExceptionGroup as e:
    print("left", repr(e))
try:
    try:
        raise ValueError(1)
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        raise TypeError("naked")
    except* ValueError:
        print("no")
except TypeError as e:
    print("naked passes through", repr(e))
def multi():
    seen = []
    try:
        raise ExceptionGroup("g", [ValueError(1), ValueError(2), TypeError(3)])
    except* ValueError as g:
        seen.append(len(g.exceptions))
    except* TypeError:
        seen.append("t")
    return seen
print(multi())
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError as g:
        raise RuntimeError("replaced") from g
except RuntimeError as e:
    print(repr(e), repr(e.__cause__))
bg = BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError()])
print(type(bg).__name__, repr(bg.split(Exception)[0]), type(bg.split(Exception)[0]).__name__)
print(str(ExceptionGroup("one", [ValueError()])), str(ExceptionGroup("two", [ValueError(), ValueError()])))
