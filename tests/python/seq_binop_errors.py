# + and * errors of sequences after every dunder declined (sq_concat / sq_repeat)
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
class V:
    def __radd__(self, o): return NotImplemented
    def __rmul__(self, o): return NotImplemented
    def __mul__(self, o): return NotImplemented
    def __add__(self, o): return NotImplemented
class W: pass
class ML(list): pass
for x in ["s", [1], (1,), b"b", bytearray(b"x"), ML([2])]:
    t(lambda: x + V())
    t(lambda: x + W())
    t(lambda: x * V())
    t(lambda: V() * x)
    t(lambda: x * W())
    t(lambda: W() * x)
    t(lambda: V() + x)
    t(lambda: x * 1.5)
def ia(x, y):
    x += y
    return x
def im(x, y):
    x *= y
    return x
for x in ["s", [1], (1,), b"b", bytearray(b"x")]:
    t(lambda: ia(x, V()))
    t(lambda: ia(x, W()))
    t(lambda: im(x, V()))
    t(lambda: im(x, W()))
    t(lambda: ia(x, 1))
t(lambda: ia([1], "ab"))
t(lambda: ia([1], {1: 2}))
t(lambda: 1 + "a")
t(lambda: "a" - "b")
t(lambda: [] - [])
t(lambda: {} + {})
t(lambda: None + 1)
t(lambda: 1 @ 2)
t(lambda: ia(1, "a"))
t(lambda: im("a", "b"))
t(lambda: 2 ** "a")
t(lambda: divmod("a", 1))
t(lambda: -"a")
t(lambda: ~1.5)
t(lambda: abs("a"))
t(lambda: 1 < "a")
t(lambda: [] < {})
t(lambda: {} <= {})
t(lambda: 1.5 % "a")
t(lambda: 5 // [])
t(lambda: 2 << 1.0)
