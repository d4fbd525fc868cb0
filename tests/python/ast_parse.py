# ast.parse / ast.dump / ast.literal_eval / visitors / unparse (compile with PyCF_ONLY_AST).
import ast
import re

SOURCES = [
    'x = 1',
    '"""Doc."""\nimport os\n',
    '@d\n@e.f(1)\ndef f(a, /, b=2, *c, d, e=3, **g) -> int:\n    return a\n',
    'class A(B, metaclass=M):\n    x: int = 3\n    def m(self): pass\n',
    'async def g():\n    async with a as b: pass\n    async for i in y: await i\n',
    'x[1:2, 3]', 'x[::2]', 'a.b.c = d[e]', '(a, b) = c, d', '*a, b = c', 'x = (1,)', '()',
    'a + b * c ** -d // e % f @ g', 'a << b >> c & d | e ^ ~f',
    'x if y else z', 'lambda a, *, b=1: a', 'lambda: 0',
    '[i for i in range(3) if i]', '{k: v for k, v in d.items()}', '{a for a in b}',
    '(x for x in y)', '{1: 2, **d}', '{1, 2}', '[1, *a]',
    'with a as b, c: pass', 'try:\n  pass\nexcept E as e:\n  pass\nelse:\n  pass\nfinally:\n  pass',
    'try:\n  pass\nexcept* E:\n  pass',
    'match x:\n  case [1, *r] | {"k": v, **kw} | C(1, a=b) | None | (p as q) | _:\n    pass',
    'from ..m import a as b, c', 'from . import x', 'import a.b as c, d', 'global g', 'nonlocal n',
    'del a[1], b.c', 'x += 1', 'x: int', 'x: int = 3', 'assert a, b', 'raise E from F', 'raise',
    'while 1:\n  break\nelse:\n  continue', 'if a:\n    pass\nelif b:\n    pass\nelse:\n    pass',
    'for (a, b) in c:\n  pass', "u'x'", "b'x' b'y'", "'a' 'b'", '1.5j + 2.0', '...', 'True, False, None',
    '0x10, 1_000, 1e3', 'a < b <= c is not d not in e', 'not a and b or c and d',
    'f(*a, **k, x=1)', 'def g():\n    yield\n    yield x\n    return (yield from y)', 'await x',
    '(y := 3)', 'x = "é" + y', 'print(1,\n      2)', 'f"a{x!r}b{y}" "c"', 'f"{x=}"',
    '"x" f"a{x:>{w}}b" "c"', 'f"{x:>3}" f"{y:<2}"', '(f"a"\n f"{x:>3}")', 'f"{x:{y}.{z}}"',
    'f(x for x in y)', 'f((x for x in y))', 'f((a) * 2 for a in b)', '(f)(x for x in y)',
    'g(\n  x\n  for x in y\n)', 'h(", ".join((s for s in t)))',
    'return 1', 'break', 'x = 1  # comment\n\n\ny = 2\n',
]

for src in SOURCES:
    tree = ast.parse(src)
    print(ast.dump(tree))
    print(ast.dump(tree, include_attributes=True))

print(ast.dump(ast.parse('f"{x:>{w}}"')))
print(ast.dump(ast.parse('1 + 2', mode='eval')))
print(ast.dump(ast.parse('x = 1', mode='single')))
print(ast.dump(ast.parse('[1, 2]'), indent=2))
print(type(compile('a = 1', '<s>', 'exec', ast.PyCF_ONLY_AST)).__name__)
print(type(ast.parse('a')).__name__, isinstance(ast.parse('a'), ast.AST))
print(ast.parse('a + b').body[0].value.op is ast.parse('c + d').body[0].value.op or 'distinct')

for bad in ['x = ', 'def f(:', '1 +* 2', 'f(**a, *b)', '(a for a in b) = 1']:
    try:
        ast.parse(bad)
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.lineno, e.offset)

# literal_eval of every literal kind, and its errors.
for s in ['1', '-1', '+1.5', '1e10', '2j', '1+2j', '-3-4j', "'s'", "b'b'", 'True', 'None',
          '[1, 2]', '(1,)', '()', '{1: 2, "a": [3]}', '{1, 2}', 'set()', '  7', '[[], {}, ()]',
          '...' ]:
    try:
        print(repr(ast.literal_eval(s)))
    except ValueError as e:
        print('ValueError', e)
for s in ['x', 'f()', '1 + x', '{**a}', '[*a]', 'a.b', '1 +', '-"s"']:
    try:
        print(ast.literal_eval(s))
    except (ValueError, SyntaxError, TypeError) as e:
        print(type(e).__name__, re.sub(' at 0x[0-9a-f]+', '', str(e)))
print(ast.literal_eval(ast.parse('[1, 2]', mode='eval')))

# walk, NodeVisitor, NodeTransformer.
tree = ast.parse('def f(x):\n    return x * 2 + y\n')
print(sorted(type(n).__name__ for n in ast.walk(tree)))


class Names(ast.NodeVisitor):
    def __init__(self):
        self.names = []

    def visit_Name(self, node):
        self.names.append((node.id, type(node.ctx).__name__, node.lineno, node.col_offset))
        self.generic_visit(node)


v = Names()
v.visit(tree)
print(v.names)


class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node


t2 = ast.fix_missing_locations(Double().visit(ast.parse('a = 1 + 2 * 3')))
print(ast.unparse(t2))
ns = {}
exec(ast.unparse(t2), ns)
print(ns['a'])

# unparse round trips.
for src in SOURCES:
    print(ast.unparse(ast.parse(src)))

# docstrings and source segments.
mod = ast.parse('"""Module doc."""\nclass C:\n    """  Class doc.\n\n    More.\n    """\n    def m(self):\n        "m doc"\n')
print(repr(ast.get_docstring(mod)))
print(repr(ast.get_docstring(mod.body[1])))
print(repr(ast.get_docstring(mod.body[1], clean=False)))
print(repr(ast.get_docstring(mod.body[1].body[1])))
src = 'x = foo(a,\n        b) + [1]\n'
node = ast.parse(src).body[0].value
print(repr(ast.get_source_segment(src, node)))
print(repr(ast.get_source_segment(src, node.left)))
print(ast.increment_lineno(ast.parse('x'), 3).body[0].lineno)
