# int/float/complex/bool mixing and comparisons
print(1 + 2.0, 3 * 1.5, 7 / 2, 7 // 2.0, 2 ** 0.5, 1 + True, 1.5 + 1j, True + 1j, 3 - 0.5j)
print(1 == 1.0 == 1 + 0j, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53 + 1, 2 ** 53 + 1 > 2.0 ** 53, 10 ** 20 > 1e19, -10 ** 20 < -1e19)
print(0.1 < 1, 1 < 1.5 < 2, float("inf") > 10 ** 1000, float("-inf") < -(10 ** 1000), 3 == 3.0000000000000001, 1e308 < 10 ** 309)
print(type(1 + 1.0).__name__, type(2 * True).__name__, type(True + False).__name__, type(4 / 2).__name__, type(4 // 2).__name__, type(2 ** -1).__name__, type(2 ** 2).__name__)
print(max(1, 1.0), max(1.0, 1), min(0, -0.0), min(-0.0, 0), sorted([2, 1.5, True, 0.0]), sum([1, 0.5, True]))
print(int(7.9), int(-7.9), round(7.5), round(8.5), float(2 ** 60), int(float(2 ** 60)), 7 % 2.5, -7 % 2.5, divmod(-7, 2.5))
print(hash(2) == hash(2.0) == hash(2 + 0j), {1: "a", 1.0: "b"}, {2.0: 1}[2], 1.0 in {1}, 0 in {False: 1})
print(abs(-2) * 1.0, 10 / 4, 10 // 4, -10 / 4, -10 // 4, 10 % -4, 1e3 == 1000, 1_000.5, 0x10 + 0o10 + 0b10, 1e-3 * 1000 == 1)
print((1).__truediv__(2), (1).__add__(1.0), (1.0).__radd__(1), 3 .real, 5.0.real, (2 + 3j).imag)
x = 0
for i in range(1, 11):
    x += 1 / i
print(x, round(x, 6), int(x * 1000))
