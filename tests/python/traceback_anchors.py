# traceback.format_exc() places ~~~^^^ anchors with ast.parse (subscripts, binary operators).
import traceback


def show(f):
    try:
        f()
    except Exception:
        text = traceback.format_exc()
        print('\n'.join(l for l in text.splitlines() if not l.startswith('  File')))


def subscript():
    data = {'a': 1}
    return data['missing']


def nested_subscript():
    rows = [[1, 2], [3]]
    return rows[1][1]


def binop():
    x = 1
    y = 'a'
    return x + y


def binop_chain():
    a, b, c = 1, 2, 0
    return a * b // c


def binop_spaced():
    left = 10
    right = 0
    return (left    %    right)


def call_attr():
    obj = None
    return obj.missing()


def multiline():
    return (1 +
            'x')


def divide_in_call():
    return str(1 / 0)


for f in [subscript, nested_subscript, binop, binop_chain, binop_spaced, call_attr,
          multiline, divide_in_call]:
    show(f)
    print('-' * 20)
