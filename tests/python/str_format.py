# str.format and format specs
print("{} {} {}".format(1, "a", 2.5), "{0} {1} {0}".format("x", "y"), "{a}-{b}".format(a=1, b=2), "{0[1]} {1[k]}".format([5, 6], {"k": "v"}))
class P:
    x = 3
    def __format__(self, spec):
        return "P(" + spec + ")"
print("{0.x} {p.x}".format(P(), p=P()), "{:abc}".format(P()), format(P(), "zz"))
for spec in ["", "<8", ">8", "^8", "*^9", "0>6", "+", "-", " ", "#b", "#o", "#x", "#X", "08", "08b", ",", "_", "_b", "_x", "b", "c", "d", "o", "x", "X", "n", "e", "E", "f", "F", "g", "G", "%", "=+8", "+08,", "x<4"]:
    print(repr(spec), "[" + format(255, spec) + "]", "[" + format(-12345, spec if spec != "c" else "d") + "]")
for spec in ["", ".3", "<6", ">6", "^7", "*<7.2", "s", "10s"]:
    print(repr(spec), "[" + format("hello", spec) + "]")
for spec in ["", "e", "E", "f", "F", "g", "G", "%", ".2f", ".3e", "+.1f", "010.2f", ",.2f", "_.1f", "^+12.3g", "#.0f", ".0%", "10", "<10.3"]:
    print(repr(spec), "[" + format(1234.5678, spec) + "]", "[" + format(-0.000123, spec) + "]")
print("{:{w}.{p}f}|{:>{w}}".format(3.14159, "x", w=10, p=3), "{{literal}}", "{!r:>8}".format("a"), "{0!s}{0!r}{0!a}".format("é"))
print("{:,}".format(10 ** 12), "{:_}".format(10 ** 9), "{:,.2f}".format(1234567.891), "{:.2%}".format(0.4567), "{:c}".format(9731))
print(format(10 ** 30, ","), format(-(2 ** 70), "x"), format(True, "d"), format(3, ".2f"), format(2, "e"), format(5, "%"))
for fmt, args in [("{:d}", ("x",)), ("{:s}", (1,)), ("{", ()), ("{}", ()), ("{0} {}", (1, 2)), ("{:,s}", ("a",)), ("{:=s}", ("a",)), ("{x}", ())]:
    try:
        print(fmt.format(*args))
    except (ValueError, IndexError, KeyError, TypeError) as e:
        print(type(e).__name__, e)
try:
    format(1.5, "d")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(1, ".2d")
except ValueError as e:
    print(type(e).__name__, e)
print("{0:>{1}}".format("ab", 5), "{:#010x}".format(255), "{:+#o}".format(8), "{:<5}|{:^5}|{:>5}".format(1, 2, 3))
print("{0:.3}|{0:.3s}".format("abcdef"), "{}".format([1, {"a": (2,)}]), "{:5}|{:<5}".format(True, None.__class__.__name__))
