# corpus: no-gc-stress  (a full moving collection at every back-edge makes it too slow)
# hot loops over ints and floats (exercise the JIT with stable types)
def int_loop(n):
    total = 0
    i = 0
    while i < n:
        total += i * i % 7
        i += 1
    return total
def float_loop(n):
    x = 0.0
    for i in range(n):
        x += (i % 10) * 0.25
        x *= 0.999
    return x
def nested(n):
    count = 0
    for i in range(n):
        for j in range(i):
            if (i ^ j) & 1:
                count += 1
    return count
def list_sum(n):
    data = [i * 3 for i in range(n)]
    s = 0
    for v in data:
        s += v
    for k in range(len(data)):
        data[k] = data[k] // 2
    return s, sum(data)
def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(int_loop(20000), round(float_loop(20000), 6), nested(300), list_sum(20000), fib_iter(300))
def overflow_loop():
    x = 1
    for i in range(100):
        x = x * 3 + 1
    return x
print(overflow_loop(), overflow_loop() % 1000003)
def early_exit(n):
    for i in range(n):
        if i * i > 50000:
            return i
    return -1
print([early_exit(k) for k in (10, 100000)])
def guard_on_value(n):
    out = []
    for i in range(n):
        if i == n - 3:
            out.append("late branch")
        elif i % 1000 == 0:
            out.append(i)
    return out
print(guard_on_value(5000))
