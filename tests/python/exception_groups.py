# ExceptionGroup and except*
eg = ExceptionGroup("several", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
print(repr(eg), str(eg), eg.message, len(eg.exceptions), [repr(x) for x in eg.exceptions], isinstance(eg, Exception))
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError))
try:
    raise eg
except* ValueError as g:
    print("ValueError group:", repr(g))
except* TypeError as g:
    print("TypeError group:", repr(g))
try:
    try:
        raise ExceptionGroup("outer", [KeyError("k"), ExceptionGroup("inner", [ValueError("iv"), OSError("os")])])
    except* ValueError as g:
        print("got", repr(g))
    except* OSError as g:
        print("got", repr(g))
except ExceptionGroup as leftover:
    print("leftover", repr(leftover))
try:
    raise ValueError("plain")
except* ValueError as g:
    print("plain wrapped:", repr(g), type(g).__name__)
bg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(bg).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__)
for bad in [lambda: ExceptionGroup("m", []), lambda: ExceptionGroup("m", [1]), lambda: ExceptionGroup("m", ValueError())]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print(type(e).__name__, e)
def handler_order():
    try:
        raise ExceptionGroup("eg", [TypeError("a"), ValueError("b")])
    except* (TypeError, ValueError) as g:
        print("tuple match", len(g.exceptions))
    else:
        print("no")
    finally:
        print("finally")
handler_order()
