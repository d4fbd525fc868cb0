# exhaustive slice reads/assignments/deletions against a reference implementation
def ref_indices(n, start, stop, step):
    return list(range(n))[start:stop:step]
base = list(range(8))
idx = [None, -10, -3, -1, 0, 1, 3, 8, 10]
steps = [None, 1, 2, -1, -2, 3]
reads = 0
for a in idx:
    for b in idx:
        for s in steps:
            assert base[a:b:s] == [base[i] for i in ref_indices(8, a, b, s)], (a, b, s)
            assert tuple(base)[a:b:s] == tuple(base[a:b:s])
            assert "abcdefgh"[a:b:s] == "".join("abcdefgh"[i] for i in ref_indices(8, a, b, s))
            reads += 1
print("reads ok", reads)
results = []
for a in idx:
    for b in idx:
        l = list(base)
        l[a:b] = ["x", "y"]
        results.append("".join(str(v) for v in l))
        l = list(base)
        del l[a:b]
        results.append(len(l))
print(len(results), results[:6], results[-6:])
ext = []
for s in [2, -2, 3, -3]:
    l = list(base)
    n = len(l[::s])
    l[::s] = ["z"] * n
    ext.append("".join(map(str, l)))
    l = list(base)
    del l[::s]
    ext.append(l)
print(ext)
l = list(range(5))
l[1:4] = l
print(l)
l = list(range(5))
l[::-1] = l
print(l)
l[2:2] = (9, 9)
print(l)
l[:0] = "ab"
print(l)
l[len(l):] = [100]
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    l[1:2] = 5
except TypeError as e:
    print(type(e).__name__, e)
