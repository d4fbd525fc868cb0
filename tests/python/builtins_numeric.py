# abs, min, max, sum, round, divmod, pow, hex/oct/bin, chr/ord, int/float/complex constructors
print(abs(-3), abs(3.5), abs(-0.0), abs(-2 ** 70), abs(3 - 4j))
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max("abc"), min([], default="empty"), max([], default=None), min((5, 1), key=lambda x: -x))
print(max([(1, "b"), (1, "a")]), max([1, 3, 3.0], key=float), min(["bb", "a", "ccc"], key=len), max(["bb", "a", "cc"], key=len), max(range(10), key=lambda x: x % 4))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 3), sum([[1], [2]], start=[]), sum(range(5), start=100), sum([1.5, 2]), sum([]), sum((x for x in [1j, 2])))
print(round(3.7), round(-3.7), round(2.5), round(3.5), round(7.25, 1), round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, 2))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(2 ** 70, 3))
print(pow(2, 10), pow(2, -2), pow(2, 10, 1000), pow(7, -1, 13), pow(2.5, 2), pow(-8, 1 / 3) == pow(-8, 1 / 3), pow(0, 0))
print(hex(255), hex(-1), oct(64), bin(10), bin(-3), hex(0), bin(0), oct(2 ** 40))
print(chr(65), chr(0x263A), ord("A"), ord("\n"), ord("😀"), [chr(i) for i in range(97, 102)])
print(int("101", 2), int(" 7 "), int(-0.5), int("-0"), float("  1e-3 "), complex(1, 2), complex("3"), bool([]), int(), float(), complex(), str())
for bad in [lambda: min([]), lambda: max(), lambda: min(1), lambda: sum(["a", "b"], ""), lambda: round("x"), lambda: divmod(1, "a"),
            lambda: pow(2, 0.5, 3), lambda: pow(2, -1, 4), lambda: hex(1.5), lambda: chr(0x110000), lambda: chr("a"), lambda: abs("x")]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sum([1, 2.5, True]), max(1, 2.0), max(2.0, 1), min(True, 0), type(max(1, True)).__name__)
