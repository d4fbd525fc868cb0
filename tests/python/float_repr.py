# float repr / str / arithmetic
vals = [0.1, 0.2, 0.1 + 0.2, 1e16, 1e15, 1e-5, 1e-4, 0.0001, 123456789.123, 1.5, 2.0, -0.0, 0.0,
        1e22, 1e300 * 10, 1 / 3, 2 / 3, 100.0, 1e100, 5e-324, 1.7976931348623157e308, 3.14159, 12345678901234567.0]
for v in vals:
    print(repr(v), str(v), v)
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(inf), float("-inf"), float("Infinity"), float("nAn"))
print(inf + 1, inf - inf, inf * 0, -inf < 0 < inf, nan == nan, nan != nan, nan < 1, nan > 1)
print(float("1.5"), float(" -2.25 "), float("1e3"), float(7), float("1_0.5"), float(".5"), float("5."))
for bad in ["abc", "", "1.2.3", "0x10"]:
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(2.675, 2), round(1.23456, 3), round(-1.5))
print(round(1234.5678, -2), round(5.0), type(round(5.0)).__name__, type(round(5.0, 1)).__name__, round(0.125, 2))
print(7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, divmod(7.5, 2), divmod(-7.5, 2), divmod(7, 2.5))
print(5.0 / 2, 5 / 2.0, 2 ** 0.5, 2.0 ** -1, (-8.0) ** (1 / 3) if False else 0, 10.0 ** 20, 4 ** 0.5)
print(1.0 == 1, 1.5 > 1, 0.1 + 0.2 == 0.3, abs(-3.5), -0.0 == 0.0)
for op in [lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 1.0 % 0.0, lambda: divmod(1.0, 0.0), lambda: 0.0 ** -1]:
    try:
        op()
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
try:
    10.0 ** 400
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(inf)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(nan)
except ValueError as e:
    print(type(e).__name__, e)
print((2.5).is_integer(), (2.0).is_integer(), (0.5).as_integer_ratio(), (2.5).hex(), float.fromhex("0x1.8p1"))
print(1e16 + 1, 2 ** 53 + 1.0, 0.1 * 3, 1.1 * 1.1, 1 - 0.9, 3 * 1.1)
print(float(10 ** 20), 1e20 == 10 ** 20, int(1e20) == 10 ** 20)
print(hash(1.0) == hash(1), hash(0.5) == hash(0.5), hash(-0.0) == hash(0.0))
print(sum([0.1] * 10), max(1.5, 2), min(-0.0, 0.0), [1.5, 2.25], (3.0,), {"a": 0.1})
x = 1.0
for i in range(20):
    x = x * 1.1 + 0.01
print(x)
