# corpus: compare-stderr
# Uncaught KeyError from an augmented subscript inside a method called through a
# decorator: caret lines with ~^^^ under subscripts and ^^^ under method calls.
import functools


def logged(f):
    @functools.wraps(f)
    def wrapper(*args):
        print("calling", f.__name__)
        return f(*args)
    return wrapper


class Counter:
    def __init__(self):
        self.counts = {"a": 1}

    @logged
    def bump(self, key):
        self.counts[key] += 1
        return self.counts[key]


c = Counter()
print(c.bump("a"))
c.bump("missing")
