# The gc module: collect() runs pending finalizers and weakref callbacks before it returns.
import gc
import weakref


class Node:
    pass


o = Node()
r = weakref.ref(o, lambda ref: print("callback ran"))
o = None
gc.collect()
print("dead:", r() is None)

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.collect()
gc.enable()
print(gc.isenabled())
print(gc.collect(0), gc.collect(generation=2))
for bad in (3, -1):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    gc.collect("x")
except TypeError as e:
    print("TypeError", e)
try:
    gc.enable(1)
except TypeError as e:
    print("TypeError", e)
