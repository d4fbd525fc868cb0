# open() for text and binary files under /tmp (names unique per process: the test
# configurations run in parallel)
import os

path = f"/tmp/pyrs_corpus_file_io_{os.getpid()}.txt"
bpath = f"/tmp/pyrs_corpus_file_io_{os.getpid()}.bin"
with open(path, "w") as f:
    n = f.write("line one\n")
    f.write("line two\nline three\n")
    f.write("no newline at end")
print(n)
with open(path) as f:
    print(repr(f.read()))
with open(path, "r") as f:
    print(f.readline(), end="")
    print(repr(f.readline()))
    print(f.readlines())
with open(path) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open(path, "a") as f:
    print("appended via print", file=f)
with open(path) as f:
    lines = f.read().splitlines()
print(lines[-1], len(lines))
with open(path, "w", encoding="utf-8") as f:
    f.write("héllo ☃\n")
with open(path, encoding="utf-8") as f:
    s = f.read()
print(s, len(s))
with open(path, "rb") as f:
    raw = f.read()
print(raw, len(raw), type(raw).__name__)
with open(bpath, "wb") as f:
    f.write(bytes(range(0, 256, 17)))
    f.write(b"\x00\xff")
with open(bpath, "rb") as f:
    data = f.read()
print(data, len(data), data[0], data[-1], list(data[:4]))
with open(bpath, "rb") as f:
    print(f.read(3), f.read(2), f.read())
f = open(path)
print(f.closed, f.name == path, f.mode)
f.close()
print(f.closed)
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, e)
try:
    open("/tmp/pyrs_corpus_definitely_missing_dir/x.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    with open(path, "w") as f:
        f.write(b"bytes")
except TypeError as e:
    print(type(e).__name__, e)
try:
    with open(bpath, "wb") as f:
        f.write("text")
except TypeError as e:
    print(type(e).__name__, e)
with open(path, "w") as f:
    f.writelines(["a\n", "b\n", "c"])
with open(path) as f:
    print(list(f))
with open(path, "r+") as f:
    f.seek(2)
    print(repr(f.read(1)), f.tell())
try:
    open(path, "zz")
except ValueError as e:
    print(type(e).__name__, e)
with open(path, "w") as f:
    pass
with open(path) as f:
    print(repr(f.read()))
for p in (path, bpath):
    if os.path.exists(p):
        os.remove(p)
