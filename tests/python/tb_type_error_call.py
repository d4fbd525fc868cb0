# corpus: compare-stderr
# A TypeError from a bad call, raised in a nested function, with an exception note.
def area(width, height):
    return width * height


def report(shapes):
    total = 0
    for s in shapes:
        total += area(*s)
    return total


try:
    report([(1, 2), (3,)])
except TypeError as e:
    e.add_note("while computing the report")
    print("handled:", e)
    raise
