# re module basics
import re
print(re.findall(r"\d+", "a1b22c333"), re.sub(r"\s+", " ", "a  b\t\nc"), re.split(r"[,;]", "a,b;c"))
m = re.match(r"(\w+)@(\w+)\.com", "joe@example.com")
print(m.group(0), m.group(1), m.groups(), m.span(), m.start(2), bool(re.match("x", "yx")), re.search("x", "yx").start())
p = re.compile(r"(?P<key>\w+)=(?P<val>\d+)")
print([(mm.group("key"), int(mm.group("val"))) for mm in p.finditer("a=1, bb=22, c=x")], p.pattern)
print(re.fullmatch(r"[a-z]+", "abc") is not None, re.fullmatch(r"[a-z]+", "abc1"), re.sub(r"(\w)(\w)", r"\2\1", "abcd"))
print(re.sub(r"\d", lambda mo: str(int(mo.group()) * 2), "a1b2c9"), re.escape("a.b*c"), re.I == re.IGNORECASE, re.findall("A", "aA", re.I))
try:
    re.compile("(")
except re.error as e:
    print(type(e).__name__)
