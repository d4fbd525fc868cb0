# repr/str of nested and self-referential containers
print([1, "a", 2.5, None, True, (1,), [], {}, set(), {1: "x"}, b"b", 1j, frozenset({1})])
print(({"k": [1, {"n": (2, 3)}]}, [[[]]], ((),), {(): ()}))
print(str(["it's", 'say "x"', "both ' \"", "\\", "\n\t"]))
l = [1]; l.append(l); print(l, repr(l), str(l))
d = {1: None}; d[2] = d; print(d)
t = ([],); t[0].append(t); print(t)
class R:
    def __repr__(self):
        return "R!"
print([R(), R()], {"r": R()}, (R(),), {R(): 1}.__len__())
print(repr(""), repr("'"), repr('"'), repr("a'b\"c"), repr("\x1b[0m"), repr("\u200b"), repr("ü"), repr("\ud800") if False else "skip")
print([0.1, 1e100, -0.0, float("inf")], (1e-7, 123.0), {1.5: 2.5})
print(list(range(3)), range(1, 2), slice(1), type, object, None, NotImplemented, Ellipsis, print, len)
print(repr(int), repr(str), repr(ValueError), repr(ValueError("x")), repr(KeyError(1, 2)))
import math
print(repr(math.pi), str(math.pi), f"{math.pi!r}", [math.pi])
