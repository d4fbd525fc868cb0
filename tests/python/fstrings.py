# f-strings
x = 42
name = "Wörld"
f = 3.14159
items = [1, 2, 3]
d = {"k": "v", "n": 5}
print(f"hello {name}", f"{x}", f"{x + 1}", f"{x * 2 = }", f"{x=}", f"{name=!s}", f"{f=:.2f}", f"{ x = }")
print(f"{name!r}", f"{name!s}", f"{name!a}", f"{items}", f"{items[1]}", f"{d['k']}", f"{d['n']:03d}")
w, p = 10, 3
print(f"[{f:{w}.{p}f}]", f"[{f:<{w}}]", f"[{name:^{w}}]", f"[{x:{'>'}{w}}]", f"[{x:#{'x'}}]")
print(f"{'nested ' + f'{x}'}", f"{{braces}}", f"{{{x}}}", f"{x:,}", f"{10**9:_}", f"{0.5:.0%}")
print(f"{len(items)} items, sum={sum(items)}", f"{'yes' if x > 10 else 'no'}", f"{[i * i for i in range(4)]}")
print(f"{x!r:>6}|", f"{name!r:^12}|", f"{3.0!s:>5}|", f"{None}", f"{True:>5}", f"{b'x'}")
class C:
    def __str__(self):
        return "C-str"
    def __repr__(self):
        return "C-repr"
    def __format__(self, spec):
        return "C-fmt[" + spec + "]"
c = C()
print(f"{c}", f"{c!s}", f"{c!r}", f"{c:xyz}", f"{c=}", str(c), repr(c))
print(f"{'a' 'b'}", f"multi" f"ple {x}", rf"\n{x}", f"\t{x}\t|", f"{x:5d}|{x:<5d}|{-x:+d}")
lam = (lambda y: y + 1)
print(f"{lam(1)}", f"{(lambda: 7)()}", f"{x if x else 0:>4}")
try:
    print(f"{x:s}")
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(f"{d['missing']}")
except KeyError as e:
    print(type(e).__name__, e)
