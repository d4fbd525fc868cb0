# list and tuple methods and their errors
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
l = [3, 1, 2]
t(lambda: l.index(5))
t(lambda: l.index(1, 2))
t(lambda: l.remove(9))
t(lambda: [].pop())
t(lambda: [1].pop(5))
t(lambda: l.insert(10, 4) or l)
t(lambda: l.insert(-10, 0) or l)
t(lambda: sorted(l, key=lambda x: -x))
t(lambda: [1, "a"].sort())
t(lambda: l * 2)
t(lambda: l + (1,))
t(lambda: l.__add__((1,)))
t(lambda: [1, 2] < [1, 3])
t(lambda: [1, 2] < [1, "a"])
t(lambda: [1] < "a")
t(lambda: l[10])
t(lambda: l["a"])
t(lambda: l[1.0])
t(lambda: l.copy())
t(lambda: l.count(1))
t(lambda: [1, 2, 3, 4][::2])
t(lambda: [1, 2, 3, 4][-1:0:-1])
def sa():
    x = [1, 2, 3, 4, 5]
    x[1:3] = "ab"
    x[::2] = [0, 0, 0]
    return x
t(sa)
def sb():
    x = [1, 2, 3, 4, 5]
    x[::2] = [0]
    return x
t(sb)
def sc():
    x = [1, 2, 3, 4, 5]
    del x[::2]
    return x
t(sc)
def sd():
    x = [1, 2, 3]
    x += "ab"
    return x
t(sd)
t(lambda: [1, 2].extend(5))
t(lambda: list(5))
t(lambda: list("ab", 1))
t(lambda: [].sort(key=1))
t(lambda: [3, 1].sort(reverse=True))
t(lambda: [1].sort(1))
t(lambda: hash([]))
t(lambda: repr([[1], (2,), {3: 4}, {5}, "s"]))
def se():
    x = [1]; x.append(x); return x
t(se)
t(lambda: type([1, 2, 3].__reversed__()).__name__)
t(lambda: list(reversed([1, 2])))
t(lambda: [0] * 3)
t(lambda: [1, 2] * "a")
t(lambda: [1,2,3].clear())
t(lambda: list.__len__([1]))
t(lambda: [].index(1))
t(lambda: (1, 2).index(3))
t(lambda: (1, 2)[5])
t(lambda: (1, 2) + [3])
t(lambda: (1,) * 3)
t(lambda: tuple([1, 2]))
t(lambda: (1, 2).count(1))
t(lambda: hash((1, 2)) == hash((1, 2)))
t(lambda: hash((1, [])))
t(lambda: (1, 2) < (1, 2, 3))
t(lambda: ())
t(lambda: (1,))
t(lambda: tuple.__new__(tuple, [1]))
t(lambda: [1, 2, 3].pop(-1))
t(lambda: [1,2,3][1:2:0])
t(lambda: max([]))
t(lambda: max([], default=3))
t(lambda: min(1, 2, key=lambda x: -x))
t(lambda: max(1))
t(lambda: sum([1, 2], 10))
t(lambda: sum(["a"], ""))
t(lambda: sum([[1], [2]], []))
t(lambda: sorted([3, 1], reverse=1))
t(lambda: any([]), )
t(lambda: all([0]))
t(lambda: list(zip([1, 2], "ab", strict=True)))
t(lambda: list(zip([1, 2], "a", strict=True)))
t(lambda: list(enumerate("ab", 1)))
t(lambda: list(map(lambda a, b: a + b, [1, 2], [3])))
t(lambda: list(filter(None, [0, 1, 2])))
t(lambda: [x for x in range(3)] == list(range(3)))
t(lambda: list(reversed(range(0))))
t(lambda: l.__getitem__(slice(0, 1)))
t(lambda: [1, 2, 3].__contains__(2))
t(lambda: [1, 2] == (1, 2))
t(lambda: [1,2].__eq__((1,2)))
t(lambda: [].__iadd__(5))
t(lambda: [1, 2, 3].__delitem__(5))
t(lambda: l.sort(key=lambda x: x, cmp=1))
t(lambda: [1, 2].index(2, -1))
t(lambda: list.index([1,2], 2, 0, 1))
