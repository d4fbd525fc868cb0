# corpus: no-gc-stress  (a full moving collection at every back-edge makes it too slow)
# many short-lived objects of every kind; checks values stay intact
acc = 0
keep = []
for i in range(30000):
    t = (i, i * 2)
    l = [t, str(i)]
    d = {"i": i, "l": l}
    f = i * 0.5
    b = 2 ** 70 + i
    acc += d["l"][0][1] + int(f) + (b - 2 ** 70)
    if i % 5000 == 0:
        keep.append(d)
print(acc, [k["i"] for k in keep], keep[-1]["l"])
def make_closures(n):
    return [lambda x, i=i: x + i for i in range(n)]
fs = make_closures(1000)
print(sum(f(1) for f in fs))
g = (str(i) * 3 for i in range(10000))
print(sum(len(s) for s in g))
chunks = []
for i in range(200):
    chunks.append(bytes(range(i % 256)) + b"x")
print(sum(map(len, chunks)), chunks[-1][-3:])
sets = [set(range(i % 50)) for i in range(2000)]
print(sum(map(len, sets)))
class Obj:
    __slots__ = ("a", "b")
    def __init__(self, a, b):
        self.a, self.b = a, b
objs = [Obj(i, [i]) for i in range(10000)]
print(sum(o.a + o.b[0] for o in objs))
big = list(range(100000))
big2 = [x * 2 for x in big]
del big
print(big2[-1], len(big2))
text = " ".join("w%d" % (i % 100) for i in range(20000))
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(len(counts), counts["w7"], list(counts)[:3])
