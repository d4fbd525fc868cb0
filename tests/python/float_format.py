# float formatting
vals = [0.0, -0.0, 1.0, 0.1, 1.5, 2.5, -1234.5678, 1e-7, 1e16, 123456789.987654321, 3.141592653589793, float("inf"), float("nan"), float("-inf")]
for v in vals:
    print("%s|%r|%f|%.2f|%e|%.3E|%g|%G|%10.3f|%-10.1f|%+.1f" % (v, v, v, v, v, v, v, v, v, v, v))
for v in vals:
    print(f"{v}|{v:f}|{v:.0f}|{v:e}|{v:g}|{v:.3g}|{v:%}|{v:.1%}|{v:12.4e}|{v:<12g}|{v:^12.2f}|{v:+}|{v: }")
for v in [1234567.891, -0.5, 1e21, 12.0, 100.0, 0.000123]:
    print(format(v, ","), format(v, "_.2f"), format(v, ",.3f"), format(v, "012.3f"), format(v, "#g"), format(v, ".0e"), format(v, "n"), format(v, ""))
print(format(1e-5, ""), format(1e16, ""), format(1.5, ".10g"), format(2.0, "g"), format(123456789.0, "g"), format(0.0001, "g"))
print(str(1e-5), str(1.0e-4), str(1e15), str(1e16), str(-1e16))
print("%5.1f%%" % 99.44, "%d" % 3.99, "%i" % -2.5, "%x" % 255)
print(round(3.14159, 2), round(-0.5), round(0.5 + 1e-9), round(1e300, 2))
