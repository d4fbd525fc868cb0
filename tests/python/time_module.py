# time: only check types and monotonicity
import time
t1 = time.time()
p1 = time.perf_counter()
m1 = time.monotonic()
x = 0
for i in range(10000):
    x += i
t2 = time.time()
p2 = time.perf_counter()
m2 = time.monotonic()
print(type(t1).__name__, type(p1).__name__, type(m1).__name__)
print(t2 >= t1, p2 >= p1, m2 >= m1, t1 > 1.6e9)
time.sleep(0.01)
p3 = time.perf_counter()
print(p3 - p2 >= 0.009, x)
print(type(time.time_ns()).__name__, time.time_ns() > 1600000000 * 10 ** 9)
