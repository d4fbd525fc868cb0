# word frequency and text statistics (dict order is insertion order)
text = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair."""
words = [w.strip(",.").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(len(words), len(freq))
print(freq)
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
print(top)
lengths = {}
for w in freq:
    lengths.setdefault(len(w), []).append(w)
for k in sorted(lengths):
    print(k, sorted(lengths[k]))
print(max(words, key=len), min(words, key=len), sum(map(len, words)) / len(words))
lines = text.splitlines()
print([len(l) for l in lines], [l.count("it was") for l in lines])
caps = [w for w in text.replace(",", " ").replace(".", " ").split() if w[0].isupper()]
print(caps)
def wrap(s, width):
    out, line = [], ""
    for w in s.split():
        if line and len(line) + 1 + len(w) > width:
            out.append(line)
            line = w
        else:
            line = (line + " " + w) if line else w
    out.append(line)
    return out
for l in wrap(text, 40):
    print("|" + l.ljust(40) + "|")
vowels = sum(text.lower().count(v) for v in "aeiou")
print(vowels, text.count("\n"), text.title()[:30], text.upper().split()[-1])
acr = "".join(w[0].upper() for w in "portable operating system interface".split())
print(acr, "racecar" == "racecar"[::-1], sorted("listen") == sorted("silent"))
