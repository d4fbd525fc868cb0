# Complex numbers: construction, arithmetic, repr, attributes, errors.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

a = 3 + 4j
b = complex(1, -2)
print(a, b, a + b, a - b, a * b, a / b, -a, +a, abs(a))
print(a.real, a.imag, a.conjugate(), a == 3 + 4j, a != b, complex("1+2j"), complex("-3j"))
print(1j * 1j, 1j ** 2, (1 + 1j) ** 3, 2 ** (1j), pow(1j, 2))
print(complex(2), complex(0, 0), complex(-0.0, -0.0), complex(1.5, 2.5), 0j, -1j, 1e20j)
print(repr(complex(float("inf"), float("nan"))), complex("(1+2j)"), complex(" 2j "))
print(hash(3 + 0j) == hash(3), (1 + 2j) == complex(1, 2), 2 + 0j == 2)
print(format(1 + 2j, ".2f"), format(3 - 4j), "%s" % (1 - 1j), f"{2.5+1j:>12}")
print(type(a).__name__, isinstance(a, complex), bool(0j), bool(1j))
print(complex(1, 2) * 2.5, 3 / (1 + 1j), (1 + 1j) / 2, 1j.imag, (2 + 3j).real)
show(lambda: (1 + 1j) / 0)
show(lambda: (1 + 1j) // 2)
show(lambda: (1 + 1j) % 2)
show(lambda: (1 + 1j) < (2 + 2j))
show(lambda: complex("abc"))
show(lambda: complex("1+2j", 3))
show(lambda: int(1 + 2j))
show(lambda: float(1j))
show(lambda: 0j ** -1)
show(lambda: complex([1]))
show(lambda: round(1 + 1j))
print(sum([1j, 2, 3.5]), [x * 1j for x in range(3)], sorted([3, 1], key=lambda x: (x * 1j).imag))
