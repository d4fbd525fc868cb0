# corpus: compare-stderr
# SystemExit raised in nested code with an int code; except Exception does not catch it.
import sys
def inner():
    try:
        sys.exit(42)
    except Exception:
        print("not caught by except Exception")
def outer():
    try:
        inner()
    finally:
        print("outer finally")
outer()
