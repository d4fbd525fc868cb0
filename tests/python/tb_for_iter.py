# corpus: compare-stderr
# Exceptions raised by an iterator inside for loops, comprehensions and generator expressions.
def bad(n):
    yield n
    raise KeyError(n)


def in_genexp():
    return sum(x for x in bad(3))


def in_setcomp():
    try:
        return {x for x in bad(2)}
    except KeyError as e:
        print("setcomp", repr(e))


def in_dictcomp():
    return {x: x for x in bad(1)}


in_setcomp()
for v in bad(0):
    print("loop", v)
    if v == 0:
        break
try:
    in_genexp()
except KeyError:
    print("genexp raised")
for v in bad(5):
    print("loop", v)
