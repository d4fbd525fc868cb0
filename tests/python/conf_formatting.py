# %-formatting, str.format and f-strings: conversions, specs, nesting, errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

x, y, name = 42, 3.14159, "pyrs"
print("%d %i %5d %-5d| %05d %+d %x %X %#x %o %#o" % (x, x, x, x, x, x, 255, 255, 255, 8, 8))
print("%s %r %a %c %c %%" % ("s", "r", "é", 65, "z"))
print("%.2f %10.3f %-10.1f| %e %E %g %G" % (y, y, y, y, y, 1e-10, 1e20))
print("%(a)s and %(b)05.1f" % {"a": "A", "b": 2.25}, "%*d|%-*d|" % (5, 1, 4, 2), "%.*f" % (2, 1.5))
print("%s" % [1, 2], "%s" % (1,), "%s %s" % (True, None), "%d" % 3.9, "%x" % -255, "%5s|%-5s|" % ("a", "b"))
print("{} {} {}".format(1, "a", None), "{0}{1}{0}".format("x", "y"), "{a}-{b}".format(a=1, b=2))
print("{:>8}|{:<8}|{:^8}|{:*^9}|".format("r", "l", "c", "s"), "{:08.3f}".format(-y), "{:,}".format(10 ** 9))
print("{:x} {:X} {:o} {:b} {:#b} {:c} {:e} {:%} {:.1%}".format(255, 255, 8, 5, 5, 97, 0.5, 0.25, 1 / 3))
print("{0[1]} {1[k]} {2.real}".format([5, 6], {"k": "v"}, 3j), "{!r} {!s} {!a}".format("a", "b", "ñ"))
print("{:_} {:_x} {:+.2e} {: d} {:=+6d}".format(1234567, 0xFFFFFF, 12345.6789, 5, 42))
print("{{literal}} {}".format(1), "{:{w}.{p}f}".format(y, w=10, p=2), format("txt", "^7"))
print(f"{x} {y:.2f} {name!r} {name.upper()} {x * 2 + 1} {'q'} {x:>6} {x:#06x} {[1, 2][0]}")
w = 8
print(f"{name:>{w}}|{y:{w}.{2}f}|{x=}|{y = :.1f}|{{}}|{'nested ' + f'{x}'}")
print(f"{3.0:g} {1e20:.3g} {123.456:10.2e} {-0.0} {x!s:>4} {None} {True:d} {12:n}")
d = {"k": [1, 2]}
print(f"{d['k'][1]} {len(d)} {'yes' if x else 'no'} {(lambda: 5)()} {x:,} {2**64:,}")
class P:
    def __format__(self, spec):
        return "P<" + spec + ">"
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-str"
print(f"{P()} {P():abc} {P()!r} {P()!s}", "{:xyz}".format(P()), format(P(), "q"), "%s %r" % (P(), P()))
print("{:10}|{:<10}|{:10}|".format(5, 5, "s"), "{:.3}".format("abcdef"), "{:.0f}".format(2.5), "{:.0f}".format(3.5))
show(lambda: "%d" % "a")
show(lambda: "%z" % 1)
show(lambda: "%(k)s" % {})
show(lambda: "%s %s" % 1)
show(lambda: "%c" % 1234567)
show(lambda: "{".format())
show(lambda: "}".format())
show(lambda: "{0}".format())
show(lambda: "{:d}".format("a"))
show(lambda: "{:s}".format(1))
show(lambda: "{:,d}".format("x"))
show(lambda: format(1.5, "d"))
show(lambda: format("s", "+"))
show(lambda: "{0:{1}}".format(1, "x"))
show(lambda: "{!z}".format(1))
show(lambda: "{a.b}".format(a=1))
show(lambda: "{0[5]}".format([1]))
show(lambda: format(10, ".2"))
show(lambda: "%.2f" % "x")
show(lambda: f"{x:q}")
