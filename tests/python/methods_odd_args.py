# corpus: no-gc-stress  (thousands of failing calls; slow when every safepoint collects)
# every method of common builtin types called unbound with odd arguments: errors, no crash
import types
class S:
    __slots__ = ("a",)
class D:
    pass
objs = [memoryview(b"ab"), types.MappingProxyType({1: 2}), list[int], S.a, int.real, D.__dict__["__dict__"],
        range(10**20), iter(range(3)), iter(range(10**20)), reversed([1]), iter(memoryview(b"a")), iter("a"),
        iter(bytearray(b"a")), slice(1), {}.keys(), reversed({}), object(), S(), D(), 1, 1.5, "s", b"b",
        bytearray(), [], (), {}, set(), frozenset(), None, True, 1j, len, [].append, zip(), enumerate([]),
        (lambda: 0), property(), staticmethod(len), classmethod(len), Ellipsis]
skip = {"__init_subclass__", "__subclasshook__", "__contains__", "count", "index", "__new__", "__init__",
        "__setattr__", "__delattr__", "__class__", "__call__"}
for o in objs:
    cls = type(o)
    for name in dir(cls):
        if name in skip:
            continue
        attr = getattr(cls, name, None)
        if not callable(attr):
            continue
        for args in [(), (1,), (o,), (o, 1), (o, 1, 2), (o, None), (o, "x"), (o, o), (1, 2, 3, 4)]:
            try:
                attr(*args)
            except Exception:
                pass
print("ok")
