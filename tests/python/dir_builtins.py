# public and dunder names that dir() lists for builtin objects
for x in [1, 1.5, 1j, "s", b"b", bytearray(), [], (), {}, set(), frozenset(), range(1), slice(1), None, True, object(), len, type, memoryview(b""), iter([]), {}.keys(), (lambda: 0), zip(), enumerate([])]:
    print(type(x).__name__, [m for m in dir(x) if not m.startswith("_")])
for x in [1, "s", [], {}, object(), set()]:
    print(type(x).__name__, [m for m in dir(x) if m.startswith("__")])
