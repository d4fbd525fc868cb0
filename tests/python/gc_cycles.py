# corpus: no-gc-stress  (a full moving collection at every back-edge makes it too slow)
# object graphs with cycles, lots of garbage; results must survive collections
class Node:
    def __init__(self, name):
        self.name = name
        self.links = []
        self.parent = None
def build(n):
    root = Node("root")
    nodes = [root]
    for i in range(n):
        child = Node("n%d" % i)
        parent = nodes[i // 3]
        child.parent = parent
        parent.links.append(child)
        child.links.append(parent)
        nodes.append(child)
    return root, nodes
total = 0
for round_ in range(30):
    root, nodes = build(300)
    total += len(nodes) + sum(len(n.links) for n in nodes)
    del root, nodes
print(total)
root, nodes = build(1000)
garbage = []
for i in range(20000):
    garbage.append([i, str(i), (i, i + 1), {"k": i}])
    if len(garbage) > 100:
        garbage = garbage[50:]
def depth(n):
    d = 0
    while n.parent is not None:
        n = n.parent
        d += 1
    return d
print(len(nodes), max(depth(n) for n in nodes), nodes[999].name, nodes[999].parent.name, root.links[0].links[0] is root)
a = {}
b = {"a": a}
a["b"] = b
a["self"] = a
print(a["b"]["a"] is a, a["self"]["self"] is a)
l = [1, 2]
l.append(l)
print(l, l[2][2][2][0])
d = {"x": 1}
d["me"] = d
print(d)
class Pair:
    def __init__(self):
        self.other = None
pairs = []
for i in range(5000):
    p, q = Pair(), Pair()
    p.other, q.other = q, p
    if i % 1000 == 0:
        pairs.append(p)
print(len(pairs), all(p.other.other is p for p in pairs))
try:
    import gc
    gc.collect()
    print("collected", type(gc.collect()).__name__)
except ImportError:
    print("collected int")
print(nodes[500].name, sum(len(n.name) for n in nodes), l[2] is l)
strings = []
for i in range(3000):
    s = "item-%d" % i
    strings.append(s * (i % 3 + 1))
print(len(strings), strings[2999][:12], sum(map(len, strings)))
