# int arithmetic: + - * / // % ** with negatives, comparisons
vals = [7, -7, 3, -3, 1, 0, 100, -1]
for a in vals:
    for b in [3, -3, 2, -2, 7]:
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b), a / b)
print(2 ** 10, 2 ** -1, (-2) ** 3, (-2) ** -2, 0 ** 0, (-8) ** 0)
print(pow(2, 100), pow(-3, 5), pow(3, 4, 5), pow(-3, 4, 5), pow(3, -1, 7), pow(2, 3, -5))
print(10 // 3, -10 // 3, 10 // -3, -10 // -3)
print(10 % 3, -10 % 3, 10 % -3, -10 % -3)
print(abs(-5), -(-5), +5, ~5, ~-1, ~0)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, 2 != 2, 5 >= 5, 4 <= 3)
print(int("42"), int("-0x1f", 16), int("0b101", 0), int("  12  "), int("1_000"), int(3.99), int(-3.99), int(True))
print(int("z", 36), int("777", 8), int("0o17", 0), int("ff", 16))
for bad in ["", "1.5", "abc", "1__0", "0x"]:
    try:
        int(bad)
    except ValueError as e:
        print(type(e).__name__, e)
for op in [lambda: 1 // 0, lambda: 1 % 0, lambda: 1 / 0, lambda: divmod(5, 0), lambda: 0 ** -1, lambda: pow(2, 3, 0)]:
    try:
        op()
    except (ZeroDivisionError, ValueError) as e:
        print(type(e).__name__, e)
try:
    1 + "a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" * "b"
except TypeError as e:
    print(type(e).__name__, e)
try:
    int("12", 1)
except ValueError as e:
    print(type(e).__name__, e)
print(int.__name__, (5).bit_length(), (-255).bit_length(), (0).bit_length())
print((1024).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"), (-1).to_bytes(2, "big", signed=True))
print((10).__add__(5), (10).__radd__(5), (10).__sub__(5.0), (7).conjugate(), (7).real, (7).imag, (7).numerator, (7).denominator)
x = 5
x += 3; print(x)
x -= 10; print(x)
x *= -4; print(x)
x //= 3; print(x)
x %= 5; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x |= 0b1010; print(x)
x &= 0b0111; print(x)
x ^= 0xff; print(x)
print(sum(range(1000)), max(3, -7, 12), min(3, -7, 12))
print(True + True, True * 10, -True, 3 - False)
