# Instructions traced as cheap IR or residual calls: `and`/`or` jumps, truth of objects
# (a user __bool__ must run exactly once per test), unary operators (overflow into big
# ints), `in`, slices, closure cells, and comprehension appends.
class Loud:
    def __init__(self):
        self.calls = 0

    def __bool__(self):
        self.calls += 1
        return self.calls % 3 == 0


class Empty:
    pass


def branches(n):
    t = 0
    loud, e = Loud(), Empty()
    for i in range(n):
        x = (i % 3) or 7
        y = (i % 2) and 5
        z = [] or "s"
        w = (i % 4 == 0) and "yes" or "no"
        if e:
            t += 1
        if loud:
            t += 1000
        t += x + y + len(z) + len(w) + (not i) + (not loud)
    return t, loud.calls


print("branches", branches(60))


def unary(n):
    t = 0
    f = 0.5
    big = 2 ** 62
    for i in range(n):
        t += -i + (+i) + ~i
        f = -f * 1.5 + (-1.0)
        if i == n - 3:
            big = -(-big - 1) if i % 2 else -big
    return t, f, -(-2 ** 62), big


print("unary", unary(40))


def contains_slices(n):
    s = {1, 4, 9}
    d = {"a": 1}
    lst = list(range(10))
    t = 0
    for i in range(n):
        if i % 10 in s:
            t += 1
        if "b" not in d:
            t += 2
        t += sum(lst[i % 5:i % 5 + 3]) + len(lst[::3]) + lst[-1:][0]
        lst[1:3] = lst[2:0:-1]
    return t, lst


print("contains/slices", contains_slices(40))


def cells(n):
    count = 0
    scale = 3

    def bump(k):
        nonlocal count
        count += k * scale
        return count

    out = 0
    for i in range(n):
        out += bump(i)
        if i == n // 2:
            scale = -1
    return out, count


print("cells", cells(40))


def comprehensions(n):
    t = 0
    for i in range(n):
        sq = [k * k for k in range(i % 5)]
        st = {k % 3 for k in range(i % 7)}
        dc = {k: -k for k in range(i % 4)}
        t += sum(sq) + len(st) + sum(dc.values())
    return t


print("comprehensions", comprehensions(40))


def unbound_cell(n):
    def make():
        def get():
            return late
        out = []
        for i in range(n):
            try:
                out.append(get())
            except NameError as e:
                out.append(type(e).__name__)
            if i == n // 2:
                late = i
        return out[n // 2 - 1:n // 2 + 3]
    return make()


print("unbound cell", unbound_cell(30))
