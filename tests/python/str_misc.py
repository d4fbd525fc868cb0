# more string behaviour: format_map, multiplication, comparisons, conversions
print("{name}-{n:03}".format_map({"name": "x", "n": 7}), "%(a)s" % {"a": [1]}, str.format("{}", 1))
print("abc" * 0, "" * 5, "-" * -1, "ab" < "abc", "b" > "abc", "A" < "a", sorted(["b", "B", "a", "A", "_", "1"]))
print(str(1.0), str(10 ** 20), str(-0.5), str(True), int("0012"), float("-.5"), "3" + str(4), int("3") + 4)
print("a b c".split(" ", -1), "a  b".split(" "), " a b ".split(" "), "x".split("x"), "abc".split("abc"), "aXbXc".split("X", maxsplit=1))
print("\t".isspace(), "".isspace(), "abc".isidentifier(), "1abc".isidentifier(), "class".isidentifier(), "Ab Cd".istitle(), "ab cd".istitle())
print("Hello"[1:-1], "Hello"[-100:100], "x"[5:], "hello"[::-2], ",".join(["a"] * 3), "a".center(4, "-"), "abc".center(6, "*"))
print(min("bca"), max(["apple", "pear", "fig"]), "".join(sorted("zyx")), list(map(str.strip, [" a ", "b "])), "a-b_c".replace("-", "_").split("_"))
print("%-5s|%5s|" % ("ab", "cd"), "{:-^11}".format(" mid "), "abc".encode("utf-16-le") if False else "skip", "ABC".lower().upper().swapcase())
print("a\u00e9" == "a\xe9", "é".encode("utf-8"), len("é".encode()), "日本語".encode("utf-8").decode("utf-8"), len("日本語"), "日本語"[1])
print(hash("abc") == hash("ab" + "c"), "abc".__hash__() == hash("abc"))
s = "The Quick Brown Fox"
print(s.lower().count("o"), s.index("Q"), s.rfind("o"), [w[::-1] for w in s.split()], s.swapcase(), s.isupper(), s.upper().isupper())
print("tHIS is A test".capitalize(), "hello world".title(), "they're bill's".title(), "1st 2nd".title(), "ǆemal".title())
print("ab".ljust(1), "ab".rjust(0), "5".zfill(0), "-".zfill(3), "+0".zfill(4), "abc".zfill(5))
print(str(b"abc", "ascii"), str(b"\xc3\xa9", encoding="utf-8"), repr(str()), str(object).startswith("<class"))
try:
    "abc" + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc".center(10, "ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    "{0}{1}".format(1)
except IndexError as e:
    print(type(e).__name__, e)
