# _thread for a single thread: locks, re-entrant locks, identity, _local, errors
import _thread


def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


lock = _thread.allocate_lock()
print(type(lock).__name__, type(lock) is _thread.LockType, lock.locked())
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(blocking=False))
print(lock.acquire(timeout=0.01), lock.acquire(True, 0))
lock.release()
print(lock.locked())
err(lambda: lock.release())
with lock:
    print("inside", lock.locked())
print("after", lock.locked())
err(lambda: lock.acquire(False, 1))
err(lambda: lock.acquire(True, -2))
err(lambda: lock.acquire(True, 1e20))
print(repr(lock).startswith("<unlocked _thread.lock object at"))
lock.acquire()
print(repr(lock).startswith("<locked _thread.lock object at"))
lock.release()

r = _thread.RLock()
print(r.acquire(), r.acquire(), r._recursion_count(), r._is_owned())
r.release()
r.release()
print(r._recursion_count(), r._is_owned())
err(lambda: r.release())
with r:
    with r:
        print("nested", r._recursion_count())
print(r._recursion_count(), repr(r).startswith("<unlocked _thread.RLock object owner=0 count=0"))


class MyLock(_thread.RLock):
    pass


m = MyLock()
with m:
    print(type(m).__name__, m._is_owned())

print(_thread.get_ident() == _thread.get_ident(), _thread.get_ident() > 0, _thread.TIMEOUT_MAX)
print(_thread.error is RuntimeError, _thread._count(), _thread.stack_size())
loc = _thread._local()
loc.x = 5
print(loc.x, hasattr(loc, 'y'))
err(lambda: _thread._local(1))


class L(_thread._local):
    def __init__(self, v):
        self.v = v


print(L(3).v)
import weakref
print(weakref.ref(lock)() is lock, weakref.ref(r)() is r)
