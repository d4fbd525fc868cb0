# os on top of the native posix module: paths, directories, stat, scandir, walk, file
# descriptors, environment and errors. Works under /tmp/pyrs_corpus_os_posix_<pid> (the test
# configurations run in parallel).
import os
import stat

base = f"/tmp/pyrs_corpus_os_posix_{os.getpid()}"


def err(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e.args if isinstance(e, OSError) else e)


def rmtree(p):
    if not os.path.exists(p):
        return
    for root, dirs, files in os.walk(p, topdown=False):
        for f in files:
            os.remove(os.path.join(root, f))
        for d in dirs:
            os.rmdir(os.path.join(root, d))
    os.rmdir(p)


rmtree(base)
os.makedirs(os.path.join(base, "a", "b"))
os.mkdir(os.path.join(base, "c"))
with open(os.path.join(base, "a", "f.txt"), "w") as f:
    f.write("hello")
with open(os.path.join(base, "top.bin"), "wb") as f:
    f.write(b"\x00\x01\x02")
print(sorted(os.listdir(base)), sorted(os.listdir(os.path.join(base, "a"))))
print(sorted(os.listdir(os.fsencode(base))))
st = os.stat(os.path.join(base, "a", "f.txt"))
print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat(base).st_mode), len(st), st[6])
print(type(st).__name__, type(st.st_mtime).__name__, type(st[8]).__name__, st.st_mtime_ns // 10**9 == st[8])
entries = sorted(os.scandir(base), key=lambda e: e.name)
print([(e.name, e.is_dir(), e.is_file(), e.is_symlink()) for e in entries])
print([e.path[len(base):] for e in entries], repr(entries[0]))
with os.scandir(base) as it:
    print(sorted(e.name for e in it))
for root, dirs, files in os.walk(base):
    dirs.sort()
    print(root[len(base):] or ".", sorted(dirs), sorted(files))
os.rename(os.path.join(base, "top.bin"), os.path.join(base, "moved.bin"))
os.replace(os.path.join(base, "moved.bin"), os.path.join(base, "c", "m.bin"))
print(os.path.exists(os.path.join(base, "c", "m.bin")), os.path.getsize(os.path.join(base, "c", "m.bin")))
os.symlink(os.path.join(base, "a", "f.txt"), os.path.join(base, "link"))
print(os.path.islink(os.path.join(base, "link")), os.readlink(os.path.join(base, "link"))[len(base):])
print(os.lstat(os.path.join(base, "link")).st_size != os.stat(os.path.join(base, "link")).st_size)
os.chmod(os.path.join(base, "a", "f.txt"), 0o600)
print(oct(stat.S_IMODE(os.stat(os.path.join(base, "a", "f.txt")).st_mode)))
print(os.access(base, os.R_OK), os.access(os.path.join(base, "nope"), os.F_OK))
os.utime(os.path.join(base, "a", "f.txt"), (1000000000, 1200000000))
print(os.stat(os.path.join(base, "a", "f.txt")).st_mtime)
os.truncate(os.path.join(base, "a", "f.txt"), 2)
print(open(os.path.join(base, "a", "f.txt")).read())

# file descriptors
fd = os.open(os.path.join(base, "fd.txt"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"abcdef"), os.lseek(fd, 0, os.SEEK_CUR))
os.close(fd)
fd = os.open(os.path.join(base, "fd.txt"), os.O_RDONLY)
print(os.read(fd, 3), os.read(fd, 10), os.read(fd, 10), os.fstat(fd).st_size, os.isatty(fd))
print(os.lseek(fd, 1, os.SEEK_SET), os.read(fd, 2), os.get_inheritable(fd))
fd2 = os.dup(fd)
print(fd2 != fd, os.read(fd2, 1))
os.close(fd2)
os.close(fd)
r, w = os.pipe()
os.write(w, b"through the pipe")
os.close(w)
print(os.read(r, 100), os.read(r, 100))
os.close(r)

# errors
err(lambda: os.stat(os.path.join(base, "missing")))
err(lambda: os.mkdir(base))
err(lambda: os.rmdir(os.path.join(base, "a")))
err(lambda: os.listdir(os.path.join(base, "a", "f.txt")))
err(lambda: os.remove(os.path.join(base, "c")))
err(lambda: os.rename(os.path.join(base, "zz"), os.path.join(base, "yy")))
err(lambda: os.close(9999))
err(lambda: os.stat(1.5))
err(lambda: os.listdir([]))
err(lambda: os.open(base + "/a\x00b", os.O_RDONLY))
e = None
try:
    open(os.path.join(base, "missing.txt"))
except FileNotFoundError as ex:
    e = ex
print(e.errno, e.strerror, os.strerror(e.errno))

# environment and process
os.environ["PYRS_TEST_VAR"] = "value"
print(os.environ["PYRS_TEST_VAR"], os.getenv("PYRS_TEST_VAR"), "PYRS_TEST_VAR" in os.environ)
del os.environ["PYRS_TEST_VAR"]
print(os.getenv("PYRS_TEST_VAR"), os.getenv("PYRS_TEST_VAR", "dflt"))
print(os.getpid() > 0, os.getppid() > 0, isinstance(os.getuid(), int), len(os.urandom(16)))
print(os.uname().sysname, type(os.times()).__name__, os.cpu_count() >= 1)
print(os.fspath("p"), os.fspath(b"p"), os.sep, os.curdir, os.pardir, os.name)


class P:
    def __fspath__(self):
        return base


print(os.path.isdir(P()), os.fspath(P()) == base)
err(lambda: os.fspath(1))
old = os.getcwd()
os.chdir(base)
print(os.getcwd() == os.path.realpath(base), sorted(os.listdir()))
os.chdir(old)
print(os.path.join("a", "b", "c"), os.path.split("/x/y/z.txt"), os.path.splitext("f.tar.gz"))
print(os.path.basename("/x/y"), os.path.dirname("/x/y"), os.path.normpath("/a/./b/../c"), os.path.isabs("/a"))
print(os.path.relpath("/a/b/c", "/a"), os.path.commonpath(["/a/b", "/a/c"]), os.path.expanduser("~") != "~")
rmtree(base)
print(os.path.exists(base))
