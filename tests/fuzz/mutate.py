"""Crash fuzzer for pyrs: runs mutants of the corpus programs and reports crashes.

A crash is a Rust panic ("panicked" on stderr), an abort/segfault (exit status >= 128 or a
signal) or a hang past the timeout. Python-level errors are fine: mutants are expected to
raise SyntaxError, NameError, TypeError...

    python3 tests/fuzz/mutate.py [--bin target/release/pyrs] [--count 2000] [--seed 1]
                                 [--jit-low] [--out /tmp/pyrs-fuzz] [--timeout 10]

Each crashing mutant is saved in --out with its stderr, for reduction by hand.
"""
import argparse
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "python")

TOKEN_RE = re.compile(r"\w+|\d+\.\d*|'[^'\n]*'|\"[^\"\n]*\"|\*\*|//|<<|>>|[=!<>]=|\S")

SNIPPETS = [
    "None", "0", "-1", "1.5", "'s'", "b'b'", "[]", "()", "{}", "{1}", "2**64", "1j",
    "float('nan')", "object()", "print", "len", "type", "int", "str", "lambda: 0",
    "range(3)", "iter([])", "NotImplemented", "...", "True", "[1, 2]", "(1,)", "{'a': 1}",
    "10**100", "-0.0", "slice(1, 2)", "super", "__import__", "globals()", "sys", "x", "self",
]
OPERATORS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@",
             "<", ">", "==", "!=", "<=", ">=", "in", "not in", "is", "and", "or"]
KEYWORDS = ["if", "else", "for", "while", "def", "class", "return", "yield", "await",
            "lambda", "try", "except", "finally", "with", "as", "del", "global", "nonlocal",
            "pass", "break", "continue", "raise", "from", "import", "async", "not", ":",
            "(", ")", "[", "]", "{", "}", ",", ".", "=", "*", "**"]


def random_expr(rng, depth=0):
    """A random, mostly well-formed expression."""
    if depth > 3 or rng.random() < 0.3:
        return rng.choice(SNIPPETS)
    kind = rng.randrange(8)
    a = random_expr(rng, depth + 1)
    b = random_expr(rng, depth + 1)
    if kind == 0:
        return f"({a} {rng.choice(OPERATORS)} {b})"
    if kind == 1:
        return f"{a}({b})"
    if kind == 2:
        return f"{a}[{b}]"
    if kind == 3:
        return f"{a}.{rng.choice(['__class__', '__dict__', 'append', 'real', '__len__', 'x'])}"
    if kind == 4:
        return f"[{a} for _ in {b}]"
    if kind == 5:
        return f"({rng.choice(['-', '~', 'not ', '+'])}{a})"
    if kind == 6:
        return f"{a}[{b}:{random_expr(rng, depth + 1)}]"
    return f"({a} if {b} else {random_expr(rng, depth + 1)})"


def mutate_lines(rng, lines):
    op = rng.randrange(7)
    if not lines:
        return lines
    i = rng.randrange(len(lines))
    j = rng.randrange(len(lines))
    if op == 0:
        del lines[i]
    elif op == 1:
        lines.insert(j, lines[i])
    elif op == 2:
        lines[i], lines[j] = lines[j], lines[i]
    elif op == 3:
        indent = re.match(r"\s*", lines[i]).group(0)
        lines.insert(i, indent + random_expr(rng))
    elif op == 4:
        indent = re.match(r"\s*", lines[i]).group(0)
        lines.insert(i, indent + f"{rng.choice(['x', 'self.x', 'a[0]', 'a, b'])} = {random_expr(rng)}")
    elif op == 5:
        lines[i] = " " * rng.randrange(9) + lines[i].lstrip()
    else:
        lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
    return lines


def mutate_tokens(rng, text):
    toks = list(TOKEN_RE.finditer(text))
    if not toks:
        return text
    t = rng.choice(toks)
    op = rng.randrange(5)
    if op == 0:
        rep = ""
    elif op == 1:
        rep = t.group(0) + " " + t.group(0)
    elif op == 2:
        rep = rng.choice(toks).group(0)
    elif op == 3:
        rep = rng.choice(KEYWORDS + OPERATORS)
    else:
        rep = random_expr(rng)
    return text[: t.start()] + rep + text[t.end():]


def make_mutant(rng, source):
    n = rng.randrange(1, 4)
    text = source
    for _ in range(n):
        if rng.random() < 0.5:
            text = "\n".join(mutate_lines(rng, text.split("\n")))
        else:
            text = mutate_tokens(rng, text)
    return text


def cpython_hangs(path, workdir, timeout):
    """Whether CPython also runs `path` past `timeout` seconds."""
    try:
        subprocess.run([sys.executable, path], cwd=workdir, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=timeout)
    except subprocess.TimeoutExpired:
        return True
    return False


def is_crash(code, stderr):
    if "panicked" in stderr or "RUST_BACKTRACE" in stderr:
        return True
    return code < 0 or code >= 128


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "..", "target", "release", "pyrs"))
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jit-low", action="store_true")
    ap.add_argument("--env", action="append", default=[], help="NAME=VALUE for pyrs")
    ap.add_argument("--out", default="/tmp/pyrs-fuzz")
    ap.add_argument("--timeout", type=float, default=10)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    sources = []
    for name in sorted(os.listdir(CORPUS)):
        if name.endswith(".py") and not name.startswith("_") and "no-fuzz" not in name:
            with open(os.path.join(CORPUS, name)) as f:
                src = f.read()
            if "input(" not in src and "sleep" not in src and len(src) < 20000:
                sources.append((name, src))
    os.makedirs(args.out, exist_ok=True)
    env = dict(os.environ)
    for kv in args.env:
        k, _, v = kv.partition("=")
        env[k] = v
    cmd = [args.bin] + (["--jit", "threshold=1,trace_eagerness=1"] if args.jit_low else [])
    crashes = 0
    workdir = os.path.join(args.out, "work")
    os.makedirs(workdir, exist_ok=True)
    for n in range(args.count):
        name, src = rng.choice(sources)
        mutant = make_mutant(rng, src)
        path = os.path.join(workdir, "m.py")
        with open(path, "w") as f:
            f.write(mutant)
        try:
            p = subprocess.run(cmd + [path], cwd=workdir, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               timeout=args.timeout)
            code, err = p.returncode, p.stderr.decode("utf-8", "replace")
            crashed = is_crash(code, err)
            why = f"exit {code}"
        except subprocess.TimeoutExpired:
            # A mutant that loops forever under CPython too is not a pyrs bug.
            crashed, err, why = not cpython_hangs(path, workdir, args.timeout), "", "timeout"
        if crashed:
            crashes += 1
            base = os.path.join(args.out, f"crash_{args.seed}_{n}_{name}")
            with open(base, "w") as f:
                f.write(mutant)
            with open(base + ".stderr", "w") as f:
                f.write(why + "\n" + err[-3000:])
            line = next((l for l in err.splitlines() if "panicked" in l), why)
            print(f"[{n}] {name}: {line}", flush=True)
    print(f"{args.count} mutants, {crashes} crashes", flush=True)
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
