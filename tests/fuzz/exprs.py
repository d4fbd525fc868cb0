"""Differential fuzzer: random expressions evaluated by CPython and pyrs.

Generates programs of random expressions over builtin values (each evaluated in a
try/except that prints the result's repr or the exception's type and message), runs them
under python3 and pyrs, and reports lines that differ, crashes and hangs.

    python3 tests/fuzz/exprs.py [--bin target/release/pyrs] [--programs 50] [--exprs 200]
                                [--seed 1] [--jit-low] [--out /tmp/pyrs-exprs]
"""
import argparse
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

ATOMS = [
    "0", "1", "-1", "7", "2**63", "-2**64", "10**20", "0.0", "-0.0", "1.5", "-2.25", "1e300",
    "float('inf')", "float('nan')", "1j", "(1+2j)", "True", "False", "None", "''", "'abc'",
    "'a,b,c'", "'Hello World'", "b''", "b'xyz'", "bytearray(b'ab')", "[]", "[1, 2, 3]",
    "[3, 1, 2]", "['b', 'a']", "()", "(1,)", "(1, 'a')", "{}", "{'a': 1}", "{1: 2, 3: 4}",
    "{1, 2}", "frozenset({3})", "set()", "range(5)", "range(1, 10, 3)", "slice(1, 3)",
    "...", "int", "str", "list", "len", "abs", "'%s'", "'{}'", "'{0}{1}'", "'%d%%'",
]
UNARY = ["-", "+", "~", "not "]
BINARY = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "<", "<=", "==",
          "!=", ">", ">=", "in", "not in", "is", "and", "or"]
FUNCS = ["len", "abs", "bool", "int", "float", "str", "repr", "list", "tuple", "sorted",
         "sum", "min", "max", "hash", "round", "divmod", "pow", "complex", "bytes", "set",
         "reversed", "iter", "chr", "ord", "hex", "bin", "oct", "format", "isinstance",
         "any", "all", "enumerate", "zip", "dict", "type", "ascii", "frozenset", "range",
         "slice", "bytearray", "callable"]
METHODS = ["upper", "split", "join", "strip", "find", "index", "count", "replace",
           "startswith", "format", "append", "pop", "sort", "keys", "items", "get",
           "copy", "add", "union", "bit_length", "real", "imag", "conjugate", "is_integer",
           "encode", "decode", "center", "zfill", "partition", "__len__", "__add__",
           "__mul__", "__getitem__", "__contains__", "__eq__", "__lt__", "__hash__",
           "__iter__", "__reversed__", "__round__", "__format__", "__sizeof__", "hex",
           "fromkeys", "setdefault", "update", "extend", "insert", "remove", "isdigit",
           "to_bytes", "as_integer_ratio", "indices", "start", "step", "rjust", "title"]


def expr(rng, depth=0):
    """A random expression string."""
    if depth >= 3 or rng.random() < 0.25:
        return rng.choice(ATOMS)
    k = rng.randrange(10)
    a = lambda: expr(rng, depth + 1)
    if k == 0:
        return f"({rng.choice(UNARY)}{a()})"
    if k <= 2:
        return f"({a()} {rng.choice(BINARY)} {a()})"
    if k == 3:
        n = rng.randrange(3)
        return f"{rng.choice(FUNCS)}({', '.join(a() for _ in range(n))})"
    if k == 4:
        n = rng.randrange(3)
        return f"({a()}).{rng.choice(METHODS)}({', '.join(a() for _ in range(n))})"
    if k == 5:
        return f"({a()}).{rng.choice(METHODS)}"
    if k == 6:
        return f"{a()}[{a()}]"
    if k == 7:
        return f"{a()}[{rng.choice(['', '1', '-1', a()])}:{rng.choice(['', '2', a()])}]"
    if k == 8:
        return f"({a()} % {a()})"
    if depth == 0:
        # Only at the top: a nested f-string may not reuse the quote of the outer one.
        spec = rng.choice(['', '!r', ':>5', ':x', ':.2f', ':,', ':^7'])
        return f'f"{{{a()}{spec}}}"'
    return f"format({a()}, {rng.choice(['', '>5', 'x', '.2f', ',', '^7', '+', '#o'])!r})"


PRELUDE = '''
def show(src):
    try:
        r = eval(src)
    except Exception as e:
        print(src, "->", type(e).__name__, e)
        return
    t = type(r)
    if t in (int, float, complex, str, bytes, bool, type(None), list, tuple, dict,
             range, slice, bytearray, frozenset, set) and t not in (set, frozenset) or t in (set, frozenset) and all(type(x) is int for x in r):
        try:
            text = repr(r)
        except Exception as e:
            text = "repr failed: " + type(e).__name__
        print(src, "=", text[:200])
    else:
        print(src, ":", t.__name__)
'''


def make_program(rng, n):
    lines = [PRELUDE]
    for _ in range(n):
        lines.append(f"show({expr(rng)!r})")
    return "\n".join(lines) + "\n"


def run(cmd, path, timeout):
    try:
        p = subprocess.run(cmd + [path], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return None, "", "timeout"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "..", "target", "release", "pyrs"))
    ap.add_argument("--programs", type=int, default=50)
    ap.add_argument("--exprs", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jit-low", action="store_true")
    ap.add_argument("--out", default="/tmp/pyrs-exprs")
    ap.add_argument("--timeout", type=float, default=30)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    cmd = [args.bin] + (["--jit", "threshold=1,trace_eagerness=1"] if args.jit_low else [])
    bad = 0
    for i in range(args.programs):
        path = os.path.join(args.out, f"p_{args.seed}_{i}.py")
        with open(path, "w") as f:
            f.write(make_program(rng, args.exprs))
        code_c, out_c, _ = run([sys.executable], path, args.timeout)
        code_p, out_p, err_p = run(cmd, path, args.timeout)
        if code_p is None or code_p < 0 or code_p >= 128 or "panicked" in err_p:
            bad += 1
            print(f"CRASH {path}: {code_p} {err_p[-500:]}", flush=True)
            continue
        if out_c != out_p:
            lc, lp = out_c.splitlines(), out_p.splitlines()
            for a, b in zip(lc, lp):
                if a != b:
                    print(f"DIFF {path}\n  cpython: {a}\n  pyrs:    {b}", flush=True)
                    bad += 1
                    break
            else:
                print(f"DIFF {path}: {len(lc)} vs {len(lp)} lines; stderr {err_p[-300:]}", flush=True)
                bad += 1
            continue
        os.remove(path)
    print(f"{args.programs} programs, {bad} with differences or crashes", flush=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
