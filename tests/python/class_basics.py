# classes: attributes, methods, class vs instance attributes
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(3, 4); q = Point(1, 1)
print(p, p.norm2(), Point.norm2(q), p.dims, Point.dims, type(p).__name__, type(p) is Point, isinstance(p, Point))
p.dims = 3
print(p.dims, q.dims, Point.dims, "dims" in p.__dict__, sorted(p.__dict__), sorted(vars(q).items()))
Point.dims = 5
print(p.dims, q.dims)
del p.dims
print(p.dims)
class Counter:
    instances = 0
    shared = []
    def __init__(self):
        Counter.instances += 1
        self.shared.append(Counter.instances)
a, b = Counter(), Counter()
print(Counter.instances, a.shared, a.shared is b.shared)
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2, Point.__name__, Point.__qualname__, Point.__module__)
p.z = 10; print(p.z, getattr(p, "z"), hasattr(p, "w"), getattr(p, "w", None))
class Empty:
    pass
e = Empty()
e.anything = 1
print(e.anything, Empty.__bases__, Empty.__mro__, isinstance(e, object), type(Empty).__name__, type(type).__name__)
try:
    e.missing
except AttributeError as ex:
    print(type(ex).__name__, ex)
try:
    Point(1)
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    Point.norm2()
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    Empty(1)
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    del e.nothing
except AttributeError as ex:
    print(type(ex).__name__, ex)
class WithClassRef:
    def make(self):
        return type(self)()
    def __eq__(self, other):
        return type(self) is type(other)
w = WithClassRef()
print(w.make() == w, w == 1, w != w.make(), WithClassRef.__eq__(w, w))
def method(self):
    return "attached " + type(self).__name__
Empty.m = method
print(e.m(), Empty().m())
Dyn = type("Dyn", (Point,), {"extra": lambda self: self.x * 100})
d = Dyn(7, 8)
print(d, d.extra(), Dyn.__name__, Dyn.__bases__[0].__name__, isinstance(d, Point))
class Node:
    def __init__(self, val, nxt=None):
        self.val, self.nxt = val, nxt
head = None
for i in range(5):
    head = Node(i, head)
vals = []
while head:
    vals.append(head.val)
    head = head.nxt
print(vals)
print(str(p) == repr(p), Point.__init__.__name__, callable(Point), callable(p))
