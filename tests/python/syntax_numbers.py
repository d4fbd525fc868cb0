# Malformed number literals and other syntax errors: CPython's messages and positions.
cases = [
    "x = 7.upper", "x = 1abc", "y = (10**20.copy())", "x = 0x1g", "x = 1_", "x = 1.5j2",
    "x = 0b12", "x = 0o8", "x = 1e5x", "x = 1__0", "x = 0777", "x = 12_a", "x = 0_7",
    "x = 1.e", "x = 0xg", "x = 00_1", "x = 0b", "x = 1 if 1 else 2", "x = 0x_ff + 1_0.5e-3j",
    "x = [1, 2", "x = (1, 2]", "def f(:\n    pass", "if x\n    pass", "x = 'abc",
    "return 5", "x += 1 = 2", "f(x for x in y, 1)", "a, b += 1", "del f()", "x = 5 = 6",
    "for x in range(3):\npass", "class A:\n    def f(self):\n    return 1", "print 'x'",
    "lambda x: yield x", "x = {1: 2, 3}", "f(**x, *y)", "f(a=1, b)", "import", "from . import",
    "x = 1 +", "while True:\n    break\n  x = 1", "try:\n    pass\nx = 1", "nonlocal x",
    "def f():\n    global x\n    x = 1\n    global x", "@\ndef f(): pass", "x = `1`",
    "x = 1\n\tif x:\n        pass", "def f(a, a): pass", "f(a=1, a=2)", "async = 1",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset)
