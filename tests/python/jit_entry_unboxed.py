# corpus: no-gc-stress  (a full moving collection at every safepoint makes it too slow)
# Function-entry traces (a function with a loop, called often, runs compiled from its
# first instruction) and loop-carried unboxed values (small ints, floats and complexes
# carried around a compiled loop unboxed): every exit must rebuild exact Python state.


def escape_time(cx, cy, limit):
    c = complex(cx, cy)
    z = 0j
    for i in range(limit):
        z = z * z + c
        if abs(z) > 2.0:
            return i
    return limit


def total(n):
    s = 0
    for k in range(n):
        s += k
    return s


def mixed(n):
    # Starts as an int, becomes a float after the first iteration.
    x = 0
    for k in range(n):
        x = x + 0.5
    return x


def alternating(n):
    # The carried slot changes type every iteration.
    v = 0
    for k in range(n):
        if k % 2:
            v = v + 1
        else:
            v = v + 1.0
    return v


def unbound_after(n):
    for i in range(n):
        pass
    try:
        return i
    except UnboundLocalError as e:
        return "unbound: " + str(e)


def overflow(n):
    x = 1
    for k in range(n):
        x = x * 3
    return x


def cplx(n):
    z = 1 + 1j
    for k in range(n):
        z = z * (0.5 + 0.25j) + 1
    return z


def gen(n):
    for k in range(n):
        yield k * 2


def recursive(n):
    acc = 0
    for k in range(2):
        acc += k
    if n > 0:
        acc += recursive(n - 1)
    return acc


counts = [0] * 10
for y in range(42):
    for x in range(42):
        counts[escape_time(x / 21 - 1.5, y / 21 - 1.0, 12) % 10] += 1
print("escape", counts)
print("total", [total(n) for n in range(0, 300, 37)], sum(total(n % 9) for n in range(1700)))
print("mixed", [mixed(n) for n in range(5)], sum(mixed(n % 7) for n in range(1700)))
print("alternating", [alternating(n) for n in range(6)], sum(alternating(n % 8) for n in range(1700)))
print("unbound", [unbound_after(n) for n in range(3)], [unbound_after(n % 3) for n in range(1700)][-3:])
print("overflow", overflow(5), overflow(70), sum(overflow(n % 45) % 1000 for n in range(1700)))
print("complex", cplx(3), sum(cplx(n % 9) for n in range(1700)))
print("gen", sum(sum(gen(n % 6)) for n in range(1700)))
print("recursive", recursive(10), sum(recursive(n % 4) for n in range(1700)))
# The same function entered with another type than the one it was compiled for.
print("types", total(10), [mixed(n) for n in (0, 1)], escape_time(0, 0, 5), escape_time(2, 2, 5))
