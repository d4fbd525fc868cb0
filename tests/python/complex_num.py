# complex numbers
z = 3 + 4j
w = complex(1, -2)
print(z, w, repr(z), abs(z), z.real, z.imag, z.conjugate())
print(z + w, z - w, z * w, z / w, z ** 2, -z, +z, z == complex(3, 4), z != w)
print(1j, 2j * 2j, 1j ** 2, complex(0, 0), complex(-0.0, -0.0), complex("1+2j"), complex("-3.5j"), complex(2))
print(complex(1.5, 0), (1 + 0j), 0j, 1 + 1j - 1, (1e20 + 1e-20j), complex(float("inf"), float("nan")))
print(type(z).__name__, isinstance(z, complex), z == 3 + 4j, (1 + 0j) == 1, hash(1 + 0j) == hash(1))
print(f"{z}", f"{z:.2f}", format(w, "^20"), str(complex(1, 1)), (2 + 3j) * 1.5, 2 * (1 - 1j))
for bad in [lambda: z < w, lambda: z // 2, lambda: z % 2]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
try:
    z / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    complex("abc")
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(z)
except TypeError as e:
    print(type(e).__name__, e)
