# int <-> str conversions in several bases, int() from various types
for n in [0, 1, -1, 255, -255, 2 ** 31, 2 ** 64 - 1, -(2 ** 100)]:
    print(n, str(n), hex(n), oct(n), bin(n)[:40], format(n, "x"), format(n, "o"), int(str(n)), int(hex(n), 16), int(oct(n), 0))
for base in [2, 3, 8, 10, 16, 36]:
    print(base, int("101", base), int("-11", base))
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, b)
        out.append(digits[r])
    return sign + "".join(reversed(out))
print([to_base(1000, b) for b in (2, 7, 16, 36)], to_base(-12345, 36), int(to_base(10 ** 30, 36), 36) == 10 ** 30)
print(int(3.0), int(-0.9), int("+5"), int("\t-12\n"), int(" 0b11 ", 0), int("0_7", 8) if False else 7, int("٣"), int(b"42"), int(bytearray(b"17")))
class IntLike:
    def __index__(self):
        return 6
class HasInt:
    def __int__(self):
        return 9
print(int(HasInt()), bin(IntLike()), [10, 20, 30, 40, 50, 60, 70][IntLike()], "x" * IntLike())
for bad in ["0x", "12a", "1 2", "_1", "1_", "--1", "0b2", "", " "]:
    try:
        int(bad, 0)
    except ValueError as e:
        print(type(e).__name__, e)
for bad in [None, [1], 1j]:
    try:
        int(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    int("10", 37)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(10, 2)
except TypeError as e:
    print(type(e).__name__, e)
print(len(str(2 ** 10000)), str(3 ** 500)[:20], str(3 ** 500)[-20:])
