# big integers
a = 2 ** 200
b = 3 ** 150
print(a)
print(b)
print(a + b, a - b, b - a)
print(a * b)
print(a // b, a % b, b // 12345, b % 12345)
print(-a // 7, -a % 7, a // -7, a % -7)
print(divmod(a, -b), divmod(-a, b))
print(a >> 100, a << 10, -a >> 3, (-a) >> 300)
print(a & b, a | b, a ^ b, ~a, -a & b)
print(a == 2 ** 200, a < b, a > b, a == float(a), a + 1 > float(a))
print(pow(7, 500, 10 ** 9 + 7), pow(123456789, 0xffff, 2 ** 64))
f = 1
for i in range(1, 51):
    f *= i
print(f, len(str(f)), str(f).count("0"))
print(int("9" * 60) + 1)
print(hex(a), oct(b)[:20], bin(2 ** 70 + 5))
print(abs(-a), -(-a) == a, hash(a) == hash(2 ** 200))
print(a.bit_length(), (a - 1).bit_length())
print(float(2 ** 60), 2 ** 64 / 2 ** 32, 10 ** 30 / 10 ** 10)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (10 ** 400) / 3
except OverflowError as e:
    print(type(e).__name__, e)
print(10 ** 400 // 10 ** 398)
print((-7) ** 41, (-2) ** 101 % 1000)
n = 1
for i in range(100):
    n = n * 31 + i
print(n, n % 1000000007)
print(12345678901234567890 * 98765432109876543210)
print(sorted([2 ** 65, -2 ** 65, 3, 2 ** 64, -1]))
print(int(1e20), int(-1.5e19), int(2.0 ** 80))
print(str(-10 ** 25), repr(10 ** 25))
print(round(123456789012345678901234567890, -10))
print((2 ** 100).to_bytes(13, "big"))
