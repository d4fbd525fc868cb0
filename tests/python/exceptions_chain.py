# raise from, __cause__, __context__, __suppress_context__
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__, e.__cause__ is e.__context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("implicit")
except RuntimeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    try:
        [][1]
    except IndexError:
        raise TypeError("suppressed") from None
except TypeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise ValueError("direct") from KeyError("cause")
except ValueError as e:
    print(repr(e.__cause__), e.__context__)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print(type(e).__name__, e)
def chain3():
    try:
        try:
            raise KeyError("a")
        except KeyError:
            raise IndexError("b")
    except IndexError:
        raise ValueError("c")
try:
    chain3()
except ValueError as e:
    c = e
    names = []
    while c is not None:
        names.append(type(c).__name__ + ":" + str(c))
        c = c.__context__
    print(names)
e = ValueError("manual")
e.__cause__ = KeyError("set")
print(repr(e.__cause__), e.__suppress_context__)
try:
    try:
        raise ValueError("inner")
    finally:
        pass
except ValueError as e:
    print("finally keeps", repr(e), e.__context__)
try:
    try:
        raise ValueError("A")
    except ValueError as a:
        try:
            raise KeyError("B")
        except KeyError as b:
            print("B context is A:", b.__context__ is a)
        print("handling A still", repr(a))
        raise
except ValueError as e:
    print("re-raised A, context", e.__context__)
