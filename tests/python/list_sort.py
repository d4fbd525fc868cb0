# sort with key/reverse and stability
data = [("bob", 3), ("alice", 1), ("carol", 3), ("dave", 2), ("eve", 1), ("frank", 2)]
print(sorted(data))
print(sorted(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[1], reverse=True))
print(sorted(data, key=lambda t: (-t[1], t[0])))
l = list(data); l.sort(key=lambda t: len(t[0])); print(l)
l.sort(key=lambda t: len(t[0]), reverse=True); print(l)
nums = [5, -3, 2, -8, 0, 7, -1]
print(sorted(nums), sorted(nums, reverse=True), sorted(nums, key=abs), sorted(nums, key=abs, reverse=True))
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=lambda w: w[::-1]))
print(sorted([3.5, 1, 2.25, -1e9, 1e9]), sorted("hello world"), sorted((3, 1, 2)), sorted({3: 0, 1: 0, 2: 0}))
print(sorted([[3, 1], [1, 2], [3, 0], [1]]), sorted([(1, "b"), (1, "a"), (0, "z")]))
big = [(i * 7919) % 1000 for i in range(2000)]
s = sorted(big)
print(s[:10], s[-10:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
st = sorted(range(2000), key=lambda i: big[i] % 10)
print(st[:12], all(big[st[i]] % 10 < big[st[i + 1]] % 10 or (big[st[i]] % 10 == big[st[i + 1]] % 10 and st[i] < st[i + 1]) for i in range(len(st) - 1)))
e = []; e.sort(); print(e, sorted([]), sorted([1]))
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return "K(%d)" % self.v
print(sorted([K(3), K(1), K(2)]), max([K(3), K(5), K(2)], key=lambda k: k.v), min(K(4), K(2)))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], key=lambda x: x.foo)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    [1, 2].sort(lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
