# corpus: no-gc-stress  (loops must pass the default threshold; jit_inline_small.py runs the same code small under stress)
# Instance attributes traced through maps: reads, writes, attributes added in the loop,
# and every way the traced assumptions break mid-loop (class change, map change, deleted
# attribute, class attribute rebound, properties, __getattr__, descriptors, __slots__).
N = 1200


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
        if i % 500 == 0:
            p.z = 1
        p.w = p.x + p.y
        out.append(p.w + getattr(p, "z", 0))
    return sum(out)


print("grow", grow(N))


def deleted(n):
    p = Point(1, 2)
    t = 0
    for i in range(n):
        if i == 1000:
            del p.x
        if i == 1050:
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
        if i == 700:
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
        if i == 1000:
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
        if i == 1000:
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
        if i == 1000:
            C.x = property(lambda self: 50)
        t += c.x
    return t


print("late property", add_descriptor_later(N))
