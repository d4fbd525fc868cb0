# atexit: handlers run after the main program, last registered first, with their
# arguments; unregister removes every registration of a function; exit codes still hold
import atexit


def bye(who, punct="!"):
    print("bye", who + punct)


def never():
    print("never printed")


atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")
atexit.register(never)
atexit.register(never)
atexit.unregister(never)
r = atexit.register(print, "printed first at exit")
print(r is print)
try:
    atexit.register(1)
except TypeError as e:
    print(e)
print("end of main")
