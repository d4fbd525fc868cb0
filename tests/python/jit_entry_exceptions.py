# An exception raised in a call inlined into a loop or an entry trace is caught by the
# caller's try (the exceptions benchmark's pattern).
class RetryLater(Exception):
    pass

def check(i):
    if i % 3 == 0:
        raise RetryLater(i)
    return i

def work(n):
    total = 0
    for i in range(n):
        try:
            total += check(i)
        except RetryLater as e:
            total -= 1
    return total

def outer(n):
    try:
        return check(n)
    except RetryLater:
        return -5

s = 0
for k in range(3000):
    s += work(k % 7) + outer(k)
print(s)
