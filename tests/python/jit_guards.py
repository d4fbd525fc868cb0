# Loops whose types, branches and callees change while they run: every guard fails at
# some point, bridges form, and resumed frames (also inlined ones) must be exact.
def step(x, k):
    if k % 7 == 0:
        return x * 1.5
    return x + k

def mixed(n):
    acc = 0
    for k in range(n):
        acc = step(acc, k)
        if k == 40:
            acc = 2 ** 62          # small ints overflow into big ints from here
    return acc

print(mixed(100))

def overflow(n):
    x = 1
    for i in range(n):
        x = x * 3 + i
    return x

print(overflow(60))

def complex_walk(n):
    z = 0j
    c = complex(0.25, 0.5)
    for i in range(n):
        z = z * z + c
        if (z.real * z.real + z.imag * z.imag) >= 4:
            return i, z
    return n, z

print(complex_walk(50), complex_walk(5))

def poly(items):
    out = []
    for it in items:
        out.append(it + it)
    return out

print(poly([1, 2.5, "s", (1,), [2], 3, 4.0, 2 ** 70]))

def raising(n):
    hits = 0
    for i in range(n):
        try:
            if i % 9 == 0:
                raise ValueError(i)
            hits += 10 // (i % 4)
        except ZeroDivisionError:
            hits -= 1
        except ValueError as e:
            hits += e.args[0]
    return hits

print(raising(200))

def nested(n):
    t = 0
    for i in range(n):
        for j in range(i % 5):
            t += i * j
        t -= 1
    return t

print(nested(300))

class P:
    def __init__(self, x):
        self.x = x

def attrs(n):
    ps = [P(i) for i in range(10)]
    s = 0
    for i in range(n):
        p = ps[i % 10]
        s += p.x
        if i == 500:
            ps[3] = P(0.5)
    return s

print(attrs(1000))

def unpack(pairs):
    a = b = 0
    for (x, y) in pairs:
        a += x
        b -= y
    return a, b

print(unpack([(i, i * 2) for i in range(300)] + [[1, 2]] + [(0.5, 1)]))

def lists(n):
    data = [0.0] * 8
    for i in range(n):
        data[i % 8] += i * 0.5
        data[(i + 3) % 8] -= data[i % 8] / 3
    return data

print(lists(400))

def globals_rebound(n):
    global SCALE
    t = 0
    for i in range(n):
        t += SCALE * i
        if i == 600:
            SCALE = 3
    return t

SCALE = 2
print(globals_rebound(1000))
