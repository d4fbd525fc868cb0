# string building patterns, joins, repeated concatenation
parts = []
for i in range(20):
    parts.append(str(i * i))
print(",".join(parts))
s = ""
for i in range(200):
    s += chr(97 + i % 26)
print(s[:30], len(s), s.count("a"))
words = "the quick brown fox jumps over the lazy dog".split()
print(" ".join(w.capitalize() for w in words), " ".join(reversed(words)), "".join(w[0] for w in words))
print("-" * 20, "=" * 0, "ab" * 3)
table = [("name", "qty"), ("apple", 3), ("kiwi", 12)]
for row in table:
    print("|" + "|".join(f"{str(c):>6}" for c in row) + "|")
lines = ["%03d: %s" % (i, w) for i, w in enumerate(words)]
print("\n".join(lines[:3]))
csv = "a,1\nb,2\nc,3"
print({k: int(v) for k, v in (line.split(",") for line in csv.splitlines())})
print("".join(sorted(set("mississippi"))), "mississippi".replace("ss", "SS").title())
acc = []
for ch in "Hello, World":
    if ch.isupper():
        acc.append(ch.lower())
    elif ch.islower():
        acc.append(ch.upper())
    else:
        acc.append("_")
print("".join(acc))
n = 1234567
digits = []
while n:
    n, r = divmod(n, 10)
    digits.append(str(r))
print("".join(reversed(digits)))
print(str(12).rjust(5, "0"), "x".join("abc"), "abc"[::-1].upper(), " padded ".strip().center(12, "~"))
