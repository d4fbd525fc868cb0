# dataclasses (stdlib) basics
from dataclasses import dataclass, field
@dataclass
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = P(1)
print(p, P(1, 2) == P(1, 2), P(1) == P(2), p.tags is not P(1).tags)
@dataclass(frozen=True, order=True)
class F:
    a: int
    b: str = "z"
print(F(1) < F(2), sorted([F(2, "a"), F(1, "b")]), hash(F(1)) == hash(F(1)))
try:
    F(1).a = 5
except Exception as e:
    print(type(e).__name__, e)
match P(3, 4):
    case P(x, y):
        print("matched", x, y)
try:
    P()
except TypeError as e:
    print(type(e).__name__, e)
