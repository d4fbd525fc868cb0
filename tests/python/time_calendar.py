# time's broken-down time: struct_time, gmtime, localtime (TZ=UTC expected), mktime,
# strftime, asctime, ctime, strptime, and their errors
import time

t = time.gmtime(1700000000)
print(t, t.tm_zone, t.tm_gmtoff, len(t), t[0], t.tm_yday, t[-1])
print(time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %y %%', t))
print(time.asctime(t), time.ctime(0), time.gmtime(0)[:6])
print(time.strftime('%d/%m', (2024, 1, 5, 0, 0, 0, 0, 1, -1)), time.strftime(''))
print(time.struct_time((2024, 1, 2, 3, 4, 5, 6, 7, 0)), type(time.localtime()).__name__)
print(time.strptime('2024-03-05 10:20', '%Y-%m-%d %H:%M')[:6], time.gmtime(86400 * 365.5)[:3])
print(time.mktime(time.gmtime(1000000)) == 1000000 + time.timezone, isinstance(time.tzname, tuple))
for bad in [(2024, 13, 1, 0, 0, 0, 0, 1, 0), (2024, 1, 1, 25, 0, 0, 0, 1, 0), (2024, 1, 1, 0, 61, 0, 0, 1, 0)]:
    try:
        time.strftime('%Y', bad)
    except ValueError as e:
        print(e)
for f in [lambda: time.gmtime('x'), lambda: time.strftime(1), lambda: time.asctime((1, 2)),
          lambda: time.struct_time((1, 2)), lambda: time.strptime('x', '%Y')]:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
