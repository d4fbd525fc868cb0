# The code of jit_attr_maps.py and jit_methods_globals.py with short loops, so that it also
# runs under PYRS_GC_STRESS (the JIT configurations compile everything at threshold 1).
# Instance attributes traced through maps: reads, writes, attributes added in the loop,
# and every way the traced assumptions break mid-loop (class change, map change, deleted
# attribute, class attribute rebound, properties, __getattr__, descriptors, __slots__).
N = 24


class Point:
    scale = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Other:
    scale = 5

    def __init__(self, x, y):
        self.y = y
        self.x = x


def sum_points(pts, n):
    total = 0
    for i in range(n):
        p = pts[i % len(pts)]
        total += p.x * p.scale + p.y
        p.x = p.x + 1
    return total


pts = [Point(i, 2 * i) for i in range(8)]
print("plain", sum_points(pts, N))
# Map change: the same class with attributes added in another order, then a new one.
pts[3] = Point.__new__(Point)
pts[3].y = 7
pts[3].x = 1
pts[5].extra = 1
print("maps", sum_points(pts, N))
# Another class at the same site, then a class attribute rebound (class version).
pts[2] = Other(4, 5)
print("classes", sum_points(pts, N))
Point.scale = 3
print("rebound", sum_points(pts, N))


def grow(n):
    out = []
    for i in range(n):
        p = Point.__new__(Point)
        p.x = i
        p.y = i + 1
        if i % 10 == 0:
            p.z = 1
        p.w = p.x + p.y
        out.append(p.w + getattr(p, "z", 0))
    return sum(out)


print("grow", grow(N))


def deleted(n):
    p = Point(1, 2)
    t = 0
    for i in range(n):
        if i == 20:
            del p.x
        if i == 21:
            p.x = 10
        try:
            t += p.x
        except AttributeError:
            t += 1000
    return t


print("deleted", deleted(N))


def class_switch(n):
    p = Point(1, 2)
    t = 0
    for i in range(n):
        if i == 14:
            p.__class__ = Other
        t += p.x + p.scale
    return t


print("class switch", class_switch(N))


class WithProp:
    def __init__(self):
        self._v = 1

    @property
    def v(self):
        return self._v * 10

    @v.setter
    def v(self, value):
        self._v = value + 1


class WithGetattr:
    def __init__(self):
        self.a = 1

    def __getattr__(self, name):
        return len(name)


class Desc:
    def __get__(self, obj, cls):
        return 42

    def __set__(self, obj, value):
        obj.__dict__["stored"] = value


class WithDesc:
    d = Desc()


class NonData:
    def __get__(self, obj, cls):
        return 7


class WithNonData:
    nd = NonData()


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = 2


def special(n):
    wp, wg, wd, wn, sl = WithProp(), WithGetattr(), WithDesc(), WithNonData(), Slotted()
    t = 0
    for i in range(n):
        t += wp.v + wg.a + wg.missing + wd.d + wn.nd + sl.a + sl.b
        wp.v = i % 3
        wd.d = i
        sl.a = i % 5
        if i == 20:
            wn.nd = 100
            WithGetattr.a = 0
    return t, wd.stored


print("special", special(N))


def getattribute(n):
    class Logged:
        def __init__(self):
            self.x = 1

        def __getattribute__(self, name):
            return 3

    class Plain:
        def __init__(self):
            self.x = 1

    objs = [Plain(), Plain()]
    t = 0
    for i in range(n):
        if i == 20:
            objs[1] = Logged()
        t += objs[i % 2].x
    return t


print("getattribute", getattribute(N))


def add_descriptor_later(n):
    class C:
        def __init__(self):
            self.x = 1

    c = C()
    t = 0
    for i in range(n):
        if i == 20:
            C.x = property(lambda self: 50)
        t += c.x
    return t


print("late property", add_descriptor_later(N))

# Method calls inlined through the class, builtins traced inline (len, isinstance,
# list.append), and globals folded into traces: every assumption broken mid-loop
# (monkey-patched methods, instance attributes shadowing methods, rebound globals and
# builtins, builtins shadowed by new globals).
import builtins  # noqa

N = 24


class Shape:
    def __init__(self, w):
        self.w = w

    def area(self):
        return self.w * self.w

    def scaled(self, k, extra):
        return self.area() * k + extra


class Square(Shape):
    pass


class Circle(Shape):
    def area(self):
        return 3 * self.w * self.w


def areas(shapes, n):
    t = 0
    for i in range(n):
        s = shapes[i % len(shapes)]
        t += s.scaled(2, 1) + s.area()
    return t


shapes = [Square(1), Square(2), Circle(3)]
print("methods", areas(shapes, N))
Square.area = lambda self: -self.w
print("patched", areas(shapes, N))
shapes[0].area = lambda: 1000
print("shadowed", areas(shapes, N))
del Square.area
print("restored", areas(shapes, N))


def patch_midloop(n):
    s = Square(2)
    t = 0
    for i in range(n):
        if i == 20:
            Shape.area = lambda self: 7
        t += s.area()
    return t


print("patch midloop", patch_midloop(N))


def builtin_calls(n):
    items = [[1, 2], (1, 2, 3), "abcd", {"a": 1}, [], "", (), {}]
    acc = []
    t = 0
    for i in range(n):
        x = items[i % len(items)]
        t += len(x)
        if isinstance(x, list):
            t += 100
        if isinstance(x, (tuple, str)):
            t += 1000
        if isinstance(i, int) and not isinstance(i, bool):
            t += 1
        acc.append(t)
        if i == 22:
            items.append(b"xyz")
            items.append(Sized())
    return t, len(acc), acc[-1]


class Sized:
    def __len__(self):
        return 9


class MyList(list):
    def append(self, x):
        list.append(self, x * 2)


print("builtins", builtin_calls(N))


def appends(n, lst):
    for i in range(n):
        lst.append(i)
    return len(lst), sum(lst)


print("append list", appends(N, []))
print("append subclass", appends(N, MyList()))

LIMIT = 10
factor = 2


def use_globals(n):
    global LIMIT
    t = 0
    for i in range(n):
        t += (i % LIMIT) * factor
        if i == 14:
            LIMIT = 7
        if i == 22:
            rebind_factor()
    return t


def rebind_factor():
    global factor
    factor = 5


print("globals", use_globals(N))


def helper(x):
    return x + 1


def other_helper(x):
    return x - 1


def call_global_fn(n):
    global helper
    t = 0
    for i in range(n):
        t += helper(i)
        if i == 20:
            helper = other_helper
    return t


print("global fn", call_global_fn(N))


def shadow_builtin(n):
    t = 0
    for i in range(n):
        t += abs(-i) + len("ab")
        if i == 18:
            globals()["abs"] = lambda v: 0
        if i == 20:
            del globals()["abs"]
        if i == 23:
            builtins.len = lambda v: 100
    builtins.len = orig_len
    return t


orig_len = len
print("shadow builtin", shadow_builtin(N))


def class_global(n):
    global Square
    t = 0
    for i in range(n):
        t += isinstance(shapes[i % 3], Square)
        if i == 20:
            Square = Circle
    return t


print("class global", class_global(N))
