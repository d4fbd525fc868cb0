# corpus: compare-stderr
# Uncaught exception whose traceback lines show CPython 3.11's caret lines (~~^~~ under
# binary operations and subscripts, ^^^ under calls and attributes).
def divide(a, b):
    return a / b


def lookup(d, k):
    return d[k] + 1


def call_attr(o):
    return o.missing_attr


def run():
    values = {"a": 1}
    total = divide(10, 2) + lookup(values, "a")
    try:
        lookup(values, "zz")
    except KeyError:
        pass
    try:
        call_attr(values)
    except AttributeError:
        pass
    result = divide(total, len(values) - 1)
    return result


print("running")
run()
