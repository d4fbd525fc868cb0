# bit operations and shifts
for a in [0, 1, 5, -5, 255, -256, 12345]:
    print(a, a & 0xF, a | 0x10, a ^ 0xFF, ~a, a << 3, a >> 2, a >> 100, -a << 1)
print(1 << 64, 1 << 100 >> 99, -1 >> 5, -1 << 5)
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010)
print(bin(0b1100 & ~0b0100), bin(-10), oct(-8), hex(-255))
for bad in [lambda: 1 << -1, lambda: 1 >> -1]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
try:
    1.0 << 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 & 2.0
except TypeError as e:
    print(type(e).__name__, e)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 3).__name__)
print((255).bit_count() if hasattr(int, "bit_count") else 8, (-7).bit_count())
x = 0
for i in range(0, 64, 3):
    x |= 1 << i
print(x, bin(x).count("1"))
