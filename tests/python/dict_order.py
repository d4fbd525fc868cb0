# dict insertion order through deletes, re-inserts, updates, copies
d = {}
for k in "qwertyuiop":
    d[k] = ord(k)
print(list(d))
for k in "wryi":
    del d[k]
print(list(d))
d["w"] = 0; d["q"] = -1
print(d)
d.update({"a": 1, "e": 2})
print(list(d.items()))
print(dict(reversed(list(d.items()))))
e = dict(d); e.pop("t"); e["t"] = 1
print(list(e), list(d) == list(dict(d)))
f = {k: v for k, v in sorted(d.items(), key=lambda kv: kv[1])}
print(f)
g = {}
for i in range(100):
    g[i] = i
for i in range(0, 100, 3):
    del g[i]
for i in range(0, 30, 3):
    g[i] = -i
print(list(g)[:10], list(g)[-10:], len(g))
h = dict.fromkeys(["z", "y", "x"], 0)
h.setdefault("w", 1); h.setdefault("z", 9)
print(h, {**h, "y": 5}, {"y": 5, **h})
keys = list(h.keys()); vals = list(h.values())
print(keys, vals, list(zip(h, h.values())))
i = {1: "a", 2: "b"}; i.popitem(); i[3] = "c"; i[2] = "b"
print(i)
