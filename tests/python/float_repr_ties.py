# repr of floats whose shortest form is a tie between two candidates: CPython picks the
# even last digit (round-half-even), as do str, format and %r.
values = [1e15 + 0.3, 2.0 ** 53 + 2, 1e16 + 2, 123456789012345680.0, 0.1 + 0.2, 1 / 3, 2 / 3,
          5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 9007199254740993.0]
for e in range(44, 58):
    for k in (1, 3, 5, 7, 11):
        values.append(float(2 ** e + k) + 0.25 * (k % 4))
for v in values:
    print(repr(v), str(v), format(v, ""), "%r" % v, -v)
x = 0.0
for i in range(50):
    x += 1234567.891
print(x, [round(x / 7, n) for n in range(4)])
