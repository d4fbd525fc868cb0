# a tiny tokenizer, recursive-descent parser and evaluator
class Num:
    def __init__(self, v): self.v = v
    def ev(self, env): return self.v
    def __repr__(self): return f"Num({self.v})"
class Var:
    def __init__(self, n): self.n = n
    def ev(self, env):
        if self.n not in env:
            raise NameError(f"undefined variable {self.n!r}")
        return env[self.n]
    def __repr__(self): return f"Var({self.n})"
class Bin:
    OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b, "^": lambda a, b: a ** b}
    def __init__(self, op, l, r): self.op, self.l, self.r = op, l, r
    def ev(self, env): return Bin.OPS[self.op](self.l.ev(env), self.r.ev(env))
    def __repr__(self): return f"Bin({self.op!r}, {self.l}, {self.r})"
def tokenize(s):
    out, i = [], 0
    while i < len(s):
        ch = s[i]
        if ch.isdigit():
            j = i
            while j < len(s) and (s[j].isdigit() or s[j] == "."):
                j += 1
            num = s[i:j]
            out.append(float(num) if "." in num else int(num))
            i = j
            continue
        if not ch.isspace():
            out.append(ch)
        i += 1
    return out
class Parser:
    def __init__(self, toks):
        self.toks, self.i = toks, 0
    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else None
    def take(self):
        t = self.peek(); self.i += 1; return t
    def expr(self):
        node = self.term()
        while self.peek() in ("+", "-"):
            node = Bin(self.take(), node, self.term())
        return node
    def term(self):
        node = self.power()
        while self.peek() in ("*", "/"):
            node = Bin(self.take(), node, self.power())
        return node
    def power(self):
        base = self.atom()
        if self.peek() == "^":
            self.take()
            return Bin("^", base, self.power())
        return base
    def atom(self):
        t = self.take()
        if isinstance(t, (int, float)):
            return Num(t)
        if t == "(":
            e = self.expr()
            if self.take() != ")":
                raise SyntaxError("expected )")
            return e
        if t == "-":
            return Bin("-", Num(0), self.atom())
        if isinstance(t, str) and t.isalpha():
            return Var(t)
        raise SyntaxError(f"unexpected token {t!r}")
def run(src, env={"x": 3, "y": 4}):
    try:
        tree = Parser(tokenize(src)).expr()
        return repr(tree) + " = " + repr(tree.ev(env))
    except (SyntaxError, NameError, ZeroDivisionError) as e:
        return f"{type(e).__name__}: {e}"
for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "x * x + y * y", "10 / 4", "-x + 1.5", "1 / 0", "z + 1", "(1 + ", "2 * * 3", "7 - 2 - 1"]:
    print(src, "=>", run(src))
