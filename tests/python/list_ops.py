# list methods and operators
a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a, len(a), a[0], a[-1], a[2:5], a[::2], a[::-1], a[5:1:-2], a[-3:], a[:100])
a.append(7); a.extend([8, 9]); a.insert(0, 0); a.insert(-1, 99); a.insert(100, 100); a.insert(-100, -100)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a.index(1), a.index(1, 3), a.count(1), a.count(42))
a.remove(1); print(a)
a.reverse(); print(a)
b = a.copy(); b.clear(); print(a == b, b, len(a))
print([1, 2] + [3], [0] * 3, 3 * [1, 2], [[]] * 2, [1, 2] * 0, [1, 2] * -1)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [] < [0], [1, "a"] == [1, "a"])
print(2 in [1, 2], 5 not in [1, 2], [1, [2, 3]].index([2, 3]), list("abc"), list(range(3)), list((1, 2)), list({1: 2}))
x = [1, 2, 3]
x += [4]; x *= 2; print(x)
y = x
y += [5]; print(x is y, x)
s = list(range(10))
s[2:5] = ["a", "b"]; print(s)
s[::3] = [0, 0, 0]; print(s)
del s[1]; print(s)
del s[::2]; print(s)
s[1:1] = [7, 7, 7]; print(s)
s[:] = []; print(s)
s = list(range(10)); s[-2:] = "xyz"; print(s)
del s[:]; print(s)
m = [[1, 2], [3, 4]]
m[1][0] = 30; print(m, [r[:] for r in m])
for bad in [lambda: [][0], lambda: [1].pop(5), lambda: [].pop(), lambda: [1, 2].index(3), lambda: [1].remove(2)]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
try:
    l = list(range(10)); l[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    [1] + (2,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    [3, "a"].sort()
except TypeError as e:
    print(type(e).__name__, e)
try:
    lst = [1, 2]; lst["x"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    l = [1]; l[3] = 0
except IndexError as e:
    print(type(e).__name__, e)
r = [1, 2, 3]
r.append(r); print(r)
print(sum([[1], [2]], []), max([[1, 2], [1, 3]]), sorted([[2], [1, 5], [1]]))
print(list(map(len, [[1], [], [1, 2]])), [x for x in [5, 6] if x > 5], list(reversed([1, 2, 3])))
n = [10, 20, 30]
for i, v in enumerate(n):
    n[i] = v + i
print(n, n.__len__(), n.__getitem__(1), n.__contains__(21))
