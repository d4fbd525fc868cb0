# str indexing and slicing, incl. non-ASCII
s = "héllo wörld ☃ 😀!"
print(len(s), s[0], s[1], s[-1], s[-2], s[12], s[14])
print(s[2:5], s[:5], s[6:], s[-6:], s[::2], s[::-1], s[1:10:3], s[10:1:-2], s[100:], s[-100:3], s[5:2])
print(s[slice(2, 8)], s[slice(None, None, -3)], s.find("ö"), s.index("☃"), s.count("l"), s.upper(), s.encode("utf-8"))
print(list("añ☃"), [ord(c) for c in "añ☃😀"], [chr(x) for x in [97, 241, 9731, 128512]])
for i in [-20, 20]:
    try:
        s[i]
    except IndexError as e:
        print(type(e).__name__, e)
try:
    s[1] = "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    s["a"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
t = "abcdefghij"
for a in [None, -12, -3, 0, 3, 12]:
    print(a, [t[a:b] for b in [None, -12, -3, 0, 3, 12]])
print([t[::k] for k in [1, 2, 3, -1, -2, -4]])
print("".join(reversed(t)), t[3:3] == "", t[-1:-5:-1], t[8:2:-3])
u = ""
for ch in "naïve café":
    u = ch + u
print(u, u.isalpha(), "café".startswith("caf"), "é" in "café", "café".find("é"))
for i, c in enumerate("añb"):
    print(i, c, repr(c))
print(ord("€"), chr(8364), "\u20ac" == "€", "\N{SNOWMAN}", "a\u0301", len("a\u0301"))
try:
    ord("ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    chr(-1)
except ValueError as e:
    print(type(e).__name__, e)
