# bytes and bytearray
b = b"hello world"
print(b, len(b), b[0], b[-1], b[1:5], b[::-1], b.upper(), b.split(), b.replace(b"l", b"L"), b.find(b"o"), b.count(b"l"), b"lo" in b, 104 in b)
print(bytes(3), bytes([65, 66, 67]), bytes("é", "utf-8"), bytes(range(5)), b"a" + b"b", b"ab" * 2, b"abc" < b"abd", b"x" == b"x", b"x" == "x")
print(b.hex(), bytes.fromhex("48 65 6c"), b.decode(), b.startswith(b"he"), b.strip(b"hd"), b"a,b".split(b","), b"-".join([b"x", b"y"]), list(b"ab"))
print(repr(b"\x00\x01\x7f\x80\xff'\""), b"\t\n\r\\", bytes([0x41]) * 3, b"%d-%s" % (5, b"x"), b.isalpha(), b"123".isdigit(), b.title())
ba = bytearray(b"abc")
ba[0] = 65; ba.append(100); ba.extend(b"ef"); ba += b"!"
print(ba, len(ba), ba[1], bytes(ba), ba.pop(), ba, bytearray(2), bytearray([1, 2]))
del ba[0]; ba[0:2] = b"XYZ"; print(ba, ba.decode(), ba.upper(), type(ba.upper()).__name__)
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"], sorted([b"b", b"a"]), max(b"az"), b"abc".index(b"c"))
for bad in [lambda: b"a" + "b", lambda: bytes([256]), lambda: b"abc"[5], lambda: bytearray(b"a").__setitem__(0, 300), lambda: b"x".decode("ascii", "strict") + b"\xff".decode("ascii")]:
    try:
        bad()
    except (TypeError, ValueError, IndexError, UnicodeDecodeError) as e:
        print(type(e).__name__, e)
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
m = memoryview(b"abcdef")
print(m[1], bytes(m[1:3]), len(m), m.tobytes())
print(int.from_bytes(b"\x00\x10", "big"), (4096).to_bytes(2, "little"), b"\xff".decode("latin-1"), b"abc".decode("utf-8", "ignore"), b"a\xffb".decode("utf-8", "replace"))
