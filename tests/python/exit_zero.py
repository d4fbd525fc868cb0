# corpus: compare-stderr
# sys.exit() / SystemExit(None) and SystemExit(0) exit with code 0 and print nothing.
import sys
def f():
    raise SystemExit(0)
print("exiting with 0")
sys.stdout.flush()
f()
