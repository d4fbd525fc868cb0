# int/float/bool methods, list slice assignment, dict and set corner cases
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
import math
t(lambda: (5).__trunc__())
t(lambda: (5).__round__(-1))
t(lambda: (15).__round__(-1))
t(lambda: (25).__round__(-1))
t(lambda: (2.5).__round__())
t(lambda: (2.5).__trunc__())
t(lambda: math.floor(-2.5))
t(lambda: math.ceil(2.1))
t(lambda: math.trunc(-2.7))
t(lambda: (7).__floordiv__(2.0))
t(lambda: (7).__truediv__(0))
t(lambda: (1.5).is_integer())
t(lambda: float.fromhex("0x1p-1074"))
t(lambda: float.fromhex("nope"))
t(lambda: (0.1).hex())
t(lambda: (-0.0).hex())
t(lambda: float("inf").hex())
t(lambda: (0.1).as_integer_ratio())
t(lambda: float("inf").as_integer_ratio())
t(lambda: float("nan").as_integer_ratio())
t(lambda: (3.7).conjugate())
t(lambda: int.from_bytes([1, 2], "little"))
t(lambda: int.from_bytes(b"", "big"))
t(lambda: (0).to_bytes(0, "big"))
t(lambda: (1).to_bytes(0, "big"))
t(lambda: (-129).to_bytes(1, "big", signed=True))
t(lambda: (2**64).bit_length())
t(lambda: (-1).bit_count())
t(lambda: bool.__new__(bool, 1))
t(lambda: True.__and__(1))
t(lambda: True & 1)
t(lambda: True | False)
t(lambda: True ^ True)
t(lambda: -True)
t(lambda: True / 2)
t(lambda: repr(True).upper())
t(lambda: int(True))
t(lambda: float(True))
t(lambda: str(False))
t(lambda: hash(True))
t(lambda: {True: "a", 1: "b"})
t(lambda: {1.0: "x", 1: "y"})
l = [5, 3, 1]
def mut():
    l[1:2] = []
    l[:0] = [9, 8]
    l[len(l):] = [0]
    del l[::2]
    return l
t(mut)
def mut2():
    x = list(range(10))
    x[2:8:3] = ["a", "b"]
    return x
t(mut2)
def mut3():
    x = list(range(5))
    x[::-1] = range(5)
    return x
t(mut3)
def mut4():
    x = [1, 2, 3]
    x[1:2] = x
    return x
t(mut4)
def mut5():
    x = [1, 2]
    x *= 3
    y = x
    y += [0]
    return x
t(mut5)
def mut6():
    x = [3, 1, 2]
    x.__init__([7])
    return x
t(mut6)
def mut7():
    x = [1, 2, 3]
    x[5:] = [4]
    x[-100:-99] = [0]
    return x
t(mut7)
def mut8():
    x = [1, 2, 3]
    x[::2] = [9]
t(mut8)
def mut9():
    x = [1, 2, 3]
    del x[5]
t(mut9)
def mut10():
    x = [1, 2, 3]
    x[1.0] = 1
t(mut10)
d = {"a": 1, "b": 2, "c": 3}
t(lambda: d.popitem())
t(lambda: d.setdefault("z"))
t(lambda: d)
t(lambda: list(reversed(d.items())))
t(lambda: dict(d, z=5))
class M:
    def keys(self): return ["k"]
    def __getitem__(self, k): return k * 2
t(lambda: dict(M()))
t(lambda: {**M()})
t(lambda: dict.fromkeys("ab", []))
t(lambda: {}.update(a=1) or None)
t(lambda: d.__or__(5))
t(lambda: d | 5)
def dupd():
    x = {"a": 1}
    x |= [("b", 2)]
    return x
t(dupd)
def dupd2():
    x = {"a": 1}
    x |= 5
t(dupd2)
t(lambda: {1, 2} | {3})
t(lambda: {1, 2}.union())
t(lambda: {1, 2}.intersection([2, 3], (2,)))
t(lambda: {1, 2}.difference())
t(lambda: frozenset([1]).union([2]))
t(lambda: type(frozenset([1]) | {2}).__name__)
t(lambda: type({2} | frozenset([1])).__name__)
t(lambda: {1} == frozenset({1}))
t(lambda: {frozenset({1}): 2}[frozenset([1])])
t(lambda: {1, 2, 3} > {1})
t(lambda: {1}.issuperset([1, 1]))
t(lambda: set("abc") - "ab")
t(lambda: set().pop())
t(lambda: {1}.remove([]))
t(lambda: {[]})
t(lambda: frozenset().copy() is frozenset())
