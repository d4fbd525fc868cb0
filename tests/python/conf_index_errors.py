# Huge subscripts (IndexError, not OverflowError) and %-formatting of bytes with a str
# argument (a str is not a mapping for bytes formatting).
cases = ["b'' % 'a,b,c'", "b'' % 5", "b'x' % ()", "b'%s' % b'a'", "b'%(k)s' % {b'k': b'v'}",
         "'%(k)s' % {'k': 'v'}", "'' % 'abc'", "'' % []", "b'' % bytearray(b'x')",
         "'abc'[10**20]", "[1][-2**64]", "(1,)[2**63]", "b''[-2**64]", "bytearray(b'a')[2**64]",
         "range(3)[10**20]", "'ab' * 10**20", "[0][10**20:]", "'abc'[-10**20:10**20]"]
for src in cases:
    try:
        print(src, "=", repr(eval(src)))
    except Exception as e:
        print(src, "->", type(e).__name__, e)
ba = bytearray(b"abc")
for op in (lambda: ba.__setitem__(10**20, 1), lambda: ba.__delitem__(-10**20)):
    try:
        op()
    except Exception as e:
        print(type(e).__name__, e)
