# UTF-16 and UTF-32 codecs (BOM, little and big endian) and their decoding errors
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
for enc in ["utf-16", "utf-16-le", "utf-16-be", "utf_16", "UTF16", "utf-32", "utf-32-le", "utf-32-be", "utf32"]:
    for s in ["", "abc", "é€😀"]:
        b = s.encode(enc)
        print(enc, repr(s), b, b.decode(enc) == s, str(b, enc) == s)
t(lambda: b"\xff\xfea".decode("utf-16"))
t(lambda: b"\xfe\xff\x00a".decode("utf-16"))
t(lambda: b"a\x00b".decode("utf-16-le"))
t(lambda: b"\x00\xd8".decode("utf-16-le"))
t(lambda: b"\x00\xdc\x00\x00".decode("utf-16-le"))
t(lambda: b"\x00\xd8a\x00".decode("utf-16-le"))
t(lambda: b"\x00\xd8a\x00".decode("utf-16-le", "replace"))
t(lambda: b"\x00\xd8a\x00".decode("utf-16-le", "ignore"))
t(lambda: b"\x00\xd8a\x00".decode("utf-16-le", "backslashreplace"))
t(lambda: b"a\x00\x00".decode("utf-32-le"))
t(lambda: b"\x00\x00\x11\x00".decode("utf-32-le"))
t(lambda: b"\x00\xd8\x00\x00".decode("utf-32-le"))
t(lambda: b"\x00\x00\xfe\xff\x00\x00\x00a".decode("utf-32"))
t(lambda: "x".encode("utf-16", "strict"))
t(lambda: bytes("hi", "utf-16-be"))
