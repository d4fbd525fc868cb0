# collections module basics (string keys in Counter/defaultdict are printed in insertion order)
from collections import Counter, defaultdict, deque, namedtuple, OrderedDict
c = Counter("abracadabra")
print(c, c["a"], c["z"], c.most_common(2), sorted(c.elements())[:5], sum(c.values()))
c.update("aaz"); print(c["a"], c["z"], Counter([1, 2, 2]) + Counter([2, 3]), Counter(a=3) - Counter(a=1))
dd = defaultdict(list)
for k, v in [("x", 1), ("y", 2), ("x", 3)]:
    dd[k].append(v)
print(dd, dict(dd), dd["new"], len(dd))
di = defaultdict(int); di["a"] += 5; print(di)
dq = deque([1, 2, 3])
dq.append(4); dq.appendleft(0); dq.rotate(1); print(dq, dq.pop(), dq.popleft(), dq, len(dq), dq[0], dq[-1])
bounded = deque(maxlen=3)
for i in range(5):
    bounded.append(i)
print(bounded, list(bounded))
Pt = namedtuple("Pt", ["x", "y"])
p = Pt(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), Pt._fields, tuple(p), p == (1, 2), isinstance(p, tuple))
x, y = p; print(x + y)
od = OrderedDict(); od["b"] = 1; od["a"] = 2; od.move_to_end("b"); print(od, list(od), od.popitem(last=False))
try:
    deque().pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    Pt(1)
except TypeError as e:
    print(type(e).__name__, e)
