# %-formatting
print("%s %s" % ("a", 1), "%r" % "q", "%d%%" % 50, "%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %o %#x %#o %#X %e %c %c" % (255, 255, 8, 255, 8, 255, 12345.678, 65, "z"))
print("%(name)s is %(age)d" % {"name": "Bob", "age": 30}, "%s" % [1, 2], "%s" % (1,), "%s" % ((1, 2),))
print("%.3s|%10.2s|%-6s|" % ("abcdef", "xyz", "ab"), "%*d|%-*d|" % (5, 1, 4, 2), "%.*f" % (2, 3.14159))
print("%a" % "é", "%r" % 1.0, "%s" % 1.0, "%i" % 7, "%u" % 7, "%d" % -0, "%.0f" % 0.5, "%.0f" % 1.5)
print("%s" % None, "%s and %s" % (True, None), "%-8s|" % "hi", "%08.3f" % -3.14159, "%+.2e" % 0.000123)
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(a)s", 1), ("%c", 1234567890)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
print(b"%s-%d" % (b"ab", 5), b"%x" % 255)
