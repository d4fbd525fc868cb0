# A suspended generator that is dropped is closed: its finally blocks and with-exits run.
def numbers(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("cleanup", n)


for x in numbers(3):
    print("got", x)
    break
print("after loop")

g = numbers(5)
print(next(g), next(g))
del g
print("after del")


def first_of(n):
    it = numbers(n)
    return next(it)


print("first", first_of(7))


def plain():
    yield 1
    yield 2


p = plain()
next(p)
del p
print("plain generator dropped")


class Manager:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
        return False


def managed():
    with Manager():
        yield "inside"
        yield "never"


m = managed()
print(next(m))
m = None
print("after rebinding")


def catching():
    try:
        yield 1
    except GeneratorExit:
        print("caught GeneratorExit")
        raise


c = catching()
next(c)
del c
print("after catching")

done = numbers(2)
print(list(done))
del done
print("finished generators are not closed again")

left = numbers(9)
next(left)
print("end of program")
