# str methods
s = "  Hello, World! hello  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")), repr("abcba".strip("ab")))
print(s.split(), s.split(","), "a,b,,c".split(","), "a,b,,c".split(",", 1), "a b  c".split(" "), "".split(), "".split(","))
print("a,b,c,d".rsplit(",", 2), "  a  b  ".rsplit(), "a.b.c".rsplit("."), "x".rsplit("x"), "a b c".split(maxsplit=1))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), "|".join(str(i) for i in range(4)))
print("hello".replace("l", "L"), "hello".replace("l", "L", 1), "aaa".replace("", "-"), "abc".replace("x", "y"))
print("hello".find("l"), "hello".find("l", 3), "hello".find("z"), "hello".rfind("l"), "hello".find(""), "hello".find("lo", 0, 4))
print("hello".index("e"), "hello".rindex("l"), "hello".count("l"), "aaaa".count("aa"), "abc".count(""))
print("hello".startswith("he"), "hello".startswith(("x", "h")), "hello".endswith("lo"), "hello".endswith("l", 0, 4), "hello".startswith("l", 2))
print("hello world".upper(), "HeLLo".lower(), "hello wORLD foo's".title(), "hELLO world".capitalize(), "HeLLo".swapcase(), "ß".upper(), "ǅ".lower())
print(repr("ab".center(7)), repr("ab".center(7, "*")), repr("ab".ljust(5, ".")), repr("ab".rjust(5)), "42".zfill(5), "-42".zfill(6), "+7".zfill(4), "abc".zfill(2))
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "abc".rpartition("x"))
print("line1\nline2\r\nline3\rline4".splitlines(), "a\nb\n".splitlines(keepends=True), "".splitlines(), "x\n\ny".splitlines())
for t in ["123", "12a", "", "abc", "ABC", "aBc", " ", "\t\n", "Hello World", "hello world", "½", "²", "x1_", "_x1", "1x", "٣"]:
    print(repr(t), t.isdigit(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.islower(), t.istitle(), t.isdecimal(), t.isnumeric(), t.isidentifier(), t.isascii(), t.isprintable())
print("héllo".encode(), "héllo".encode("utf-8"), "abc".encode("ascii"), "héllo".encode("latin-1"), b"h\xc3\xa9llo".decode())
try:
    "héllo".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    "hello".index("z")
except ValueError as e:
    print(type(e).__name__, e)
try:
    "a".join([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc".split("")
except ValueError as e:
    print(type(e).__name__, e)
print("a\tb\tc".expandtabs(4), "abc".casefold(), "Straße".casefold(), "x".removeprefix("y"), "prefix_x".removeprefix("prefix_"), "x.py".removesuffix(".py"))
print("{} {}".format(1, 2), str.upper("x"), "abc" * 3, 3 * "ab", "ab" + "cd", "b" in "abc", "ab" not in "abc", "" in "abc")
print("abc" < "abd", "abc" < "ab", "Z" < "a", "é" > "z", max("hello"), min("hello"), sorted("hello"), len("héllo"))
print("hello".translate(str.maketrans("el", "ip")), "hello".translate({ord("h"): "J", ord("o"): None}), str.maketrans("ab", "xy") == {97: 120, 98: 121})
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\tnl\nbs\\"), repr("\x00\x7f\u00e9\u2603\U0001f600"), ascii("é☃"))
print(str(123), str(-1.5), str([1, "a"]), str(("a",)), str(b"x"), repr(str), str(None))
print("%s" % "x", "abc".__len__(), "abc".__contains__("b"), "a".__add__("b"), "ab".__mul__(2), "x".__eq__("x"))
