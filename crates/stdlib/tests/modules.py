# Checks of the time module (values vary, so only their properties are checked).
import time

t = time.time()
assert isinstance(t, float) and t > 1.6e9, t
assert isinstance(time.time_ns(), int) and time.time_ns() > 1.6e18
a = time.perf_counter()
time.sleep(0.01)
b = time.perf_counter()
assert b - a >= 0.009, (a, b)
m1 = time.monotonic_ns()
m2 = time.monotonic_ns()
assert m2 >= m1, (m1, m2)
assert isinstance(time.perf_counter_ns(), int)
assert 0 <= time.process_time() < 1e6
time.sleep(0)
for bad, exc, msg in [(-1, ValueError, 'sleep length must be non-negative'),
                      ('a', TypeError, "'str' object cannot be interpreted as an integer")]:
    try:
        time.sleep(bad)
    except exc as e:
        assert str(e) == msg, str(e)
    else:
        raise AssertionError('no error')
print('modules: ok')
