# corpus: compare-stderr
# sys.exit(3): exit code 3, empty stderr, finally blocks run.
import sys
print("about to exit")
try:
    sys.exit(3)
finally:
    print("finally runs on exit")
print("not reached")
