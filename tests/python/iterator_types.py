# type names of the builtin iterators
d = {1: 2}
for x in [iter([]), reversed([]), iter(()), iter(range(3)), reversed(range(3)), iter("ab"), iter("é"), iter(b""), iter(bytearray()),
          iter(d), iter(d.values()), iter(d.items()), reversed(d), reversed(d.values()), reversed(d.items()), iter(set()), iter(frozenset()),
          enumerate([]), zip(), map(len, []), filter(None, []), reversed((1,)), iter(lambda: 1, 2), (i for i in []), d.keys(), d.values(), d.items(),
          reversed("ab"), iter(type("C", (), {"__getitem__": lambda s, i: 1})())]:
    print(type(x).__name__)

print(type(iter(range(10**20))).__name__, type(reversed(range(2**63 - 1, 2**63 + 1))).__name__, type(iter(memoryview(b"a"))).__name__)
