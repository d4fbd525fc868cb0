# comparisons incl. NotImplemented fallback, __hash__/__eq__ in dicts and sets
class C:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("C.eq", self.v, getattr(o, "v", o))
        if isinstance(o, C):
            return self.v == o.v
        return NotImplemented
    def __lt__(self, o):
        print("C.lt", self.v, getattr(o, "v", o))
        if isinstance(o, C):
            return self.v < o.v
        return NotImplemented
    def __hash__(self):
        return hash(self.v)
    def __repr__(self):
        return "C(%r)" % self.v
a, b = C(1), C(2)
print(a == b, a != b, a < b, b > a, a == 1, 1 == a, a != 1)
try:
    a <= b
except TypeError as e:
    print(type(e).__name__, e)
try:
    a < 1
except TypeError as e:
    print(type(e).__name__, e)
print({C(1): "x"}[C(1)], len({C(1), C(1), C(2)}), C(3) in [C(1), C(3)])
class Always:
    def __eq__(self, o):
        return True
    __hash__ = None
print(Always() == 5, 5 == Always(), Always() != 5, [1, 2].count(Always()), Always() in [1])
try:
    {Always()}
except TypeError as e:
    print(type(e).__name__, e)
class NoEq:
    pass
x = NoEq()
print(x == x, x == NoEq(), x != NoEq(), hash(x) == hash(x), {x: 1}[x])
class OnlyEq:
    def __eq__(self, o):
        return isinstance(o, OnlyEq)
try:
    hash(OnlyEq())
except TypeError as e:
    print(type(e).__name__, e)
print(OnlyEq() != OnlyEq(), OnlyEq() == OnlyEq(), OnlyEq.__hash__)
class R:
    def __init__(self, v): self.v = v
    def __gt__(self, o):
        print("R.gt")
        return self.v > o
    def __ge__(self, o):
        print("R.ge")
        return self.v >= o
print(1 < R(5), R(5) > 1, 3 <= R(3))
class Sub(C):
    def __eq__(self, o):
        print("Sub.eq first")
        return "sub-result"
print(a == Sub(1), Sub(1) == a)
print(C(1) == C(1), [C(1)] == [C(1)], (C(2),) < (C(3),))
