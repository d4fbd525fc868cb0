# corpus: no-gc-stress  (a full moving collection at every back-edge makes it too slow)
# classic sorting algorithms on deterministic pseudo-random data
def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        yield seed
g = lcg(42)
data = [next(g) % 1000 for _ in range(300)]
def bubble(a):
    a = list(a)
    for i in range(len(a)):
        swapped = False
        for j in range(len(a) - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swapped = True
        if not swapped:
            break
    return a
def insertion(a):
    a = list(a)
    for i in range(1, len(a)):
        k, j = a[i], i - 1
        while j >= 0 and a[j] > k:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = k
    return a
def merge_sort(a):
    if len(a) <= 1:
        return list(a)
    mid = len(a) // 2
    l, r = merge_sort(a[:mid]), merge_sort(a[mid:])
    out, i, j = [], 0, 0
    while i < len(l) and j < len(r):
        if l[i] <= r[j]:
            out.append(l[i]); i += 1
        else:
            out.append(r[j]); j += 1
    return out + l[i:] + r[j:]
def quick(a):
    if len(a) <= 1:
        return a
    p = a[len(a) // 2]
    return quick([x for x in a if x < p]) + [x for x in a if x == p] + quick([x for x in a if x > p])
def heap_sort(a):
    a = list(a)
    n = len(a)
    def sift(i, end):
        while True:
            c = 2 * i + 1
            if c >= end:
                return
            if c + 1 < end and a[c + 1] > a[c]:
                c += 1
            if a[i] >= a[c]:
                return
            a[i], a[c] = a[c], a[i]
            i = c
    for i in range(n // 2 - 1, -1, -1):
        sift(i, n)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift(0, end)
    return a
ref = sorted(data)
for fn in (bubble, insertion, merge_sort, quick, heap_sort):
    out = fn(data)
    print(fn.__name__, out == ref, out[:8], out[-3:])
import heapq
h = []
for v in data[:20]:
    heapq.heappush(h, v)
print([heapq.heappop(h) for _ in range(5)], heapq.nsmallest(3, data), heapq.nlargest(3, data))
import bisect
print(bisect.bisect_left(ref, 500), bisect.bisect_right(ref, 500), bisect.bisect(ref, -1))
ins = []
for v in [5, 1, 4, 1, 3]:
    bisect.insort(ins, v)
print(ins)
