# arithmetic dunders incl. reflected and in-place
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)):
            return V(self.x + o, self.y + o)
        return NotImplemented
    def __radd__(self, o):
        print("radd", o)
        return self.__add__(o)
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __truediv__(self, k):
        return V(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return V(self.x // k, self.y // k)
    def __mod__(self, k):
        return V(self.x % k, self.y % k)
    def __pow__(self, k, mod=None):
        return V(pow(self.x, k, mod), pow(self.y, k, mod))
    def __rpow__(self, base):
        return "rpow %s" % base
    def __neg__(self):
        return V(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self):
        return V(self.y, self.x)
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __lshift__(self, o): return "lshift"
    def __rshift__(self, o): return "rshift"
    def __rsub__(self, o): return "rsub %s" % o
    def __divmod__(self, o): return "divmod"
    def __rtruediv__(self, o): return "rtruediv"
a, b = V(1, 2), V(3, 4)
print(a + b, a + 1, 1 + a, a - b, a * 3, 3 * a, a / 2, b // 2, b % 2, a ** 2, pow(b, 2, 5), 2 ** a, -a, +a, abs(b), ~a, a @ b)
print(a & b, a | b, a ^ b, a << 1, a >> 1, 5 - a, divmod(a, 1), 1 / a, sum([a, b], V(0, 0)))
print(sum([a, b]))
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, o):
        self.items.append(o)
        return self
    def __add__(self, o):
        return "plain add"
    def __imul__(self, o):
        return "imul-result"
acc = Acc(); ref = acc
acc += 1; acc += 2
print(acc is ref, acc.items)
acc *= 3; print(acc)
v = V(1, 1); v2 = v
v += V(1, 1)
print(v, v2, v is v2)
class OnlyAdd:
    def __add__(self, o):
        return NotImplemented
for op in [lambda: OnlyAdd() + 1, lambda: 1 + OnlyAdd(), lambda: a + "s", lambda: "s" + a, lambda: a < b, lambda: -OnlyAdd(), lambda: OnlyAdd() * 2]:
    try:
        op()
    except TypeError as e:
        print(type(e).__name__, e)
class Sub(V):
    def __radd__(self, o):
        return "Sub.radd wins"
print(a + Sub(0, 0), Sub(0, 0) + a)
class Num:
    def __init__(self, n): self.n = n
    def __int__(self): return self.n
    def __float__(self): return self.n + 0.5
    def __index__(self): return self.n
    def __complex__(self): return complex(self.n, 1)
    def __round__(self, nd=None): return "rounded %s" % nd
    def __trunc__(self): return 7
    def __floor__(self): return 8
    def __ceil__(self): return 9
import math
nn = Num(4)
print(int(nn), float(nn), complex(nn), [0, 1, 2, 3, 4, 5][nn], hex(nn), bin(nn), round(nn), round(nn, 2), math.trunc(nn), math.floor(nn), math.ceil(nn), range(10)[nn], "ab" * Num(2))
