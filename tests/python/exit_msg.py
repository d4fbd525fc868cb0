# corpus: compare-stderr
# sys.exit("msg"): the message goes to stderr and the exit code is 1.
import sys
print("stdout before exit")
sys.exit("fatal: something went wrong")
