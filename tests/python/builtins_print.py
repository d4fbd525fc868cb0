# print with sep/end/file/flush; sys.stdout.write; stderr output is not in stdout
import sys
print("a", "b", "c")
print("a", "b", sep="-")
print("x", end="|")
print("y", end="\n")
print(1, 2, 3, sep="", end="!\n")
print()
print("no sep", sep=None, end=None)
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*[1, 2, 3], sep=", ")
print("multi\nline")
n = sys.stdout.write("written directly\n")
print(n)
sys.stderr.write("stderr write\n")
print("", end="")
print("tab\tsep", "x", sep="\t")
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass
w = W()
print("into", "object", file=w, sep="+")
print(w.parts)
print(None, True, 1.5, [1], (2,), {3: 4}, "s", b"b", sep=" | ")
try:
    print("x", sep=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", bogus=1)
except TypeError as e:
    print(type(e).__name__, e)
print("end of", "output", end="")
print()
