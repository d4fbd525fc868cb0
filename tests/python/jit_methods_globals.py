# corpus: no-gc-stress  (loops must pass the default threshold; jit_inline_small.py runs the same code small under stress)
# Method calls inlined through the class, builtins traced inline (len, isinstance,
# list.append), and globals folded into traces: every assumption broken mid-loop
# (monkey-patched methods, instance attributes shadowing methods, rebound globals and
# builtins, builtins shadowed by new globals).
import builtins

N = 1200


class Shape:
    def __init__(self, w):
        self.w = w

    def area(self):
        return self.w * self.w

    def scaled(self, k, extra):
        return self.area() * k + extra


class Square(Shape):
    pass


class Circle(Shape):
    def area(self):
        return 3 * self.w * self.w


def areas(shapes, n):
    t = 0
    for i in range(n):
        s = shapes[i % len(shapes)]
        t += s.scaled(2, 1) + s.area()
    return t


shapes = [Square(1), Square(2), Circle(3)]
print("methods", areas(shapes, N))
Square.area = lambda self: -self.w
print("patched", areas(shapes, N))
shapes[0].area = lambda: 1000
print("shadowed", areas(shapes, N))
del Square.area
print("restored", areas(shapes, N))


def patch_midloop(n):
    s = Square(2)
    t = 0
    for i in range(n):
        if i == 1000:
            Shape.area = lambda self: 7
        t += s.area()
    return t


print("patch midloop", patch_midloop(N))


def builtin_calls(n):
    items = [[1, 2], (1, 2, 3), "abcd", {"a": 1}, [], "", (), {}]
    acc = []
    t = 0
    for i in range(n):
        x = items[i % len(items)]
        t += len(x)
        if isinstance(x, list):
            t += 100
        if isinstance(x, (tuple, str)):
            t += 1000
        if isinstance(i, int) and not isinstance(i, bool):
            t += 1
        acc.append(t)
        if i == 1100:
            items.append(b"xyz")
            items.append(Sized())
    return t, len(acc), acc[-1]


class Sized:
    def __len__(self):
        return 9


class MyList(list):
    def append(self, x):
        list.append(self, x * 2)


print("builtins", builtin_calls(N))


def appends(n, lst):
    for i in range(n):
        lst.append(i)
    return len(lst), sum(lst)


print("append list", appends(N, []))
print("append subclass", appends(N, MyList()))

LIMIT = 10
factor = 2


def use_globals(n):
    global LIMIT
    t = 0
    for i in range(n):
        t += (i % LIMIT) * factor
        if i == 700:
            LIMIT = 7
        if i == 1100:
            rebind_factor()
    return t


def rebind_factor():
    global factor
    factor = 5


print("globals", use_globals(N))


def helper(x):
    return x + 1


def other_helper(x):
    return x - 1


def call_global_fn(n):
    global helper
    t = 0
    for i in range(n):
        t += helper(i)
        if i == 1000:
            helper = other_helper
    return t


print("global fn", call_global_fn(N))


def shadow_builtin(n):
    t = 0
    for i in range(n):
        t += abs(-i) + len("ab")
        if i == 900:
            globals()["abs"] = lambda v: 0
        if i == 1000:
            del globals()["abs"]
        if i == 1150:
            builtins.len = lambda v: 100
    builtins.len = orig_len
    return t


orig_len = len
print("shadow builtin", shadow_builtin(N))


def class_global(n):
    global Square
    t = 0
    for i in range(n):
        t += isinstance(shapes[i % 3], Square)
        if i == 1000:
            Square = Circle
    return t


print("class global", class_global(N))
