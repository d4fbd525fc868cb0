# weak references: ref, proxy, callbacks, reuse, WeakValueDictionary/WeakKeyDictionary/WeakSet
# Objects die when unreachable; pyrs notices at its next collection, so the program waits
# for the referent to go (allocating) before looking at what the callbacks did.
import weakref


def wait_dead(r):
    junk = []
    while r() is not None:
        junk = [[i] * 8 for i in range(64)]
    return junk is not None


def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


class Node:
    def __init__(self, name):
        self.name = name

    def hello(self, other="world"):
        return "hello %s from %s" % (other, self.name)

    def __len__(self):
        return len(self.name)

    def __add__(self, other):
        return self.name + str(other)

    def __lt__(self, other):
        return self.name < other.name

    def __call__(self, x):
        return x * 2

    def __getitem__(self, i):
        return self.name[i]

    def __iter__(self):
        return iter(self.name)

    def __repr__(self):
        return "Node(%r)" % self.name


# ref basics
a = Node("a")
r = weakref.ref(a)
print(r() is a, r().name, bool(r), r.__callback__)
print(weakref.getweakrefcount(a), len(weakref.getweakrefs(a)), weakref.getweakrefcount(1))
print(r is weakref.ref(a), weakref.ref(a, None) is r, weakref.ref(a, print) is r)
print(type(r).__name__, type(r).__module__, weakref.ReferenceType is weakref.ref)
print(r == weakref.ref(a), r != weakref.ref(a), hash(r) == hash(a))
b = Node("b")
print(weakref.ref(a) == weakref.ref(b), r == 1)

# what can be weakly referenced
for o in [1, "s", (), [], {}, set(), frozenset(), Node("x"), len, Node, print, 1.5, None, object()]:
    try:
        weakref.ref(o)
        print(type(o).__name__, "ok")
    except TypeError as e:
        print(type(o).__name__, e)


def f():
    pass


class L(list):
    pass


class I(int):
    pass


class E(Exception):
    pass


for o in [f, L(), I(3), E(), (x for x in [])]:
    try:
        weakref.ref(o)
        print(type(o).__name__, "ok")
    except TypeError as e:
        print(type(o).__name__, e)

err(lambda: weakref.ref())
err(lambda: weakref.ref(a, None, 1))
err(lambda: weakref.ref(a, callback=None))

# death and callbacks
log = []
c = Node("c")
rc = weakref.ref(c, lambda w: log.append(("cb", w is rc, w())))
rc2 = weakref.ref(c)
del c
wait_dead(rc2)
print(rc(), rc2(), log, rc.__callback__)
err(lambda: hash(rc))
d = Node("d")
rd = weakref.ref(d)
hd = hash(rd)
del d
wait_dead(rd)
print(hash(rd) == hd, rd == rd, rd == weakref.ref(a))

# a callback on a dead weakref never runs
log2 = []
e = Node("e")
re_ = weakref.ref(e, lambda w: log2.append("never"))
probe = weakref.ref(e)
del re_, e
wait_dead(probe)
print(log2)


# subclass of ref with extra state
class KeyedRef(weakref.ref):
    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = weakref.ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


seen = []
g = Node("g")
kr = KeyedRef(g, lambda w: seen.append(w.key), "K1")
print(type(kr).__name__, kr.key, kr() is g, isinstance(kr, weakref.ref))
del g
wait_dead(kr)
print(seen)

# proxies
h = Node("hh")
p = weakref.proxy(h)
print(p.name, p.hello(), p.hello("you"), len(p), p + 1, p[0], list(p), "h" in p)
print(type(p).__name__, p is weakref.proxy(h), weakref.getweakrefcount(h))
p.name = "hhh"
print(h.name, str(p), p < Node("z"), p == h)
err(lambda: hash(p))
cp = weakref.proxy(Node("k"))
print(type(cp).__name__)
k = Node("kk")
cp = weakref.proxy(k)
print(cp(21), callable(cp), type(cp).__name__)
del h
pl = []
m = Node("m")
pm = weakref.proxy(m, lambda w: pl.append("proxy cb"))
rm = weakref.ref(m)
del m
wait_dead(rm)
print(pl)
err(lambda: pm.name)
err(lambda: len(pm))
err(lambda: pm + 1)

# weak containers
vd = weakref.WeakValueDictionary()
keep = [Node("n%d" % i) for i in range(5)]
for n in keep:
    vd[n.name] = n
tmp = Node("temp")
vd["temp"] = tmp
rt = weakref.ref(tmp)
del tmp
wait_dead(rt)
print(sorted(vd.keys()), len(vd), "temp" in vd, vd["n1"])
kd = weakref.WeakKeyDictionary()
k1, k2 = Node("k1"), Node("k2")
kd[k1] = 1
kd[k2] = 2
rk2 = weakref.ref(k2)
del k2
wait_dead(rk2)
print(len(kd), kd[k1], [n.name for n in kd])
ws = weakref.WeakSet()
s1, s2 = Node("s1"), Node("s2")
ws.add(s1)
ws.add(s2)
rs2 = weakref.ref(s2)
del s2
wait_dead(rs2)
print(len(ws), s1 in ws, [n.name for n in ws])

# WeakMethod (a ref subclass that is itself weakly referenceable)
wm = weakref.WeakMethod(k.hello)
print(type(wm).__name__, isinstance(wm, weakref.ref))


class Slotted:
    __slots__ = ("x",)


class SlottedWeak:
    __slots__ = ("x", "__weakref__")


for cls in (Slotted, SlottedWeak):
    try:
        weakref.ref(cls())
        print(cls.__name__, "ok")
    except TypeError as e:
        print(cls.__name__, e)
err(lambda: weakref.ref(weakref.ref(a)))
