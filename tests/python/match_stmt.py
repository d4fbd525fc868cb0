# match statement: every pattern kind
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Circle:
    def __init__(self, r):
        self.r = r
def describe(v):
    match v:
        case 0:
            return "literal zero"
        case None:
            return "None"
        case True:
            return "True"
        case -1 | 1:
            return "plus/minus one"
        case 2.5:
            return "float literal"
        case "hello" | "hi":
            return "greeting"
        case b"bytes":
            return "bytes literal"
        case 1 + 2j:
            return "complex literal"
        case []:
            return "empty sequence"
        case [x]:
            return f"one element {x}"
        case [1, 2, *rest]:
            return f"starts 1,2 rest={rest}"
        case (a, b, c):
            return f"triple {a} {b} {c}"
        case [first, *_, last] if first == last:
            return f"same ends {first}"
        case [str() as s, *others]:
            return f"str head {s} +{len(others)}"
        case {"type": "user", "name": str(name), **extra}:
            return f"user {name} extra={extra}"
        case {"id": int(i)}:
            return f"id {i}"
        case {}:
            return "some mapping"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(x=px):
            return f"point x={px}"
        case Circle(r=r) if r > 10:
            return "big circle"
        case Circle():
            return "small circle"
        case int(n) if n > 100:
            return f"big int {n}"
        case int() | float() as num:
            return f"number {num}"
        case str(s):
            return f"other string {s!r}"
        case _:
            return f"fallback {type(v).__name__}"
tests = [0, None, True, False, 1, -1, 2.5, "hi", b"bytes", 1 + 2j, [], [9], (7,), [1, 2, 3, 4], [1, 2], (4, 5, 6), [3, 8, 8, 3], ["s", 1, 2, 3, 4],
         [5, 6, 7, 8], {"type": "user", "name": "ann", "age": 3}, {"type": "user", "name": 5}, {"id": 7, "x": 1}, {"k": 1}, {},
         Point(0, 0), Point(0, 4), Point(3, 3), Point(5, 6), Circle(20), Circle(1), 500, 50, 3.75, "other", object.__new__(object).__class__, "hello"]
for t in tests:
    print(repr(t) if not isinstance(t, (Point, Circle)) else type(t).__name__, "->", describe(t))
Const = type("Const", (), {"RED": "red", "BLUE": "blue"})
def color(c):
    match c:
        case Const.RED:
            return "is red"
        case Const.BLUE:
            return "is blue"
        case other:
            return "capture " + other
print(color("red"), color("blue"), color("green"))
def nested(cmd):
    match cmd.split():
        case ["go", ("north" | "south") as direction]:
            return "going " + direction
        case ["go", direction]:
            return "unknown direction " + direction
        case ["pick", "up", *items] if items:
            return "picking " + ",".join(items)
        case ["quit" | "exit"]:
            return "bye"
        case _:
            return "??"
for c in ["go north", "go west", "pick up a b", "pick up", "exit", ""]:
    print(repr(c), nested(c))
class DC:
    __match_args__ = ("a", "b")
    def __init__(self, a, b="x"):
        self.a, self.b = a, b
match DC(1, "y"):
    case DC(1, b):
        print("match_args positional", b)
match (1, [2, {"k": (3, 4)}]):
    case (one, [two, {"k": (three, four)}]):
        print(one, two, three, four)
match "abc":
    case [*chars]:
        print("str is not a sequence pattern", chars)
    case _:
        print("str does not match sequence pattern")
match {"a": 1, "b": 2}:
    case {"a": 1, **rest}:
        print("rest", rest)
x = 5
match x:
    case y if y > 3:
        print("guard bound", y)
print(y)
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(type(e).__name__, e)
