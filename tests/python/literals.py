# literals: numbers, strings, escapes
print(0x1F, 0o17, 0b1011, 1_000_000, 0x_ff, 1e3, 1E-3, 1.5e+2, .5, 5., 0.0, 1j, 2.5J, 0_0, 00)
print("single", 'double', """triple
quoted""", '''also
triple''', "con" "cat" 'enated', r"raw\n\t", R"RAW\\", b"bytes", rb"\x00raw", f"{1}" "plain")
print("\a\b\f\v".encode(), "\x41\101\u0041\U00000041\N{LATIN SMALL LETTER A}", "\\", "\'", "\"", "tab\there")
print("line1\
continued")
print(len("\n"), len(r"\n"), len("\x00"), "\0" == "\x00", "\777"[0] == chr(511))
print(True, False, None, ..., [1, 2,], (1,), {1,}, {"a": 1,})
x = (1 +
     2 +
     3)
y = [
    "multi",
    "line",
]
print(x, y, (
    "implicit"
    " join"
))
print(type(1_0).__name__, type(1.0).__name__, type(1j).__name__, -1, - 1, +-1, --1, not not 1)
print(0.1 + 0.7, 1 / 7, 2 / 3, 10 / 3, 1e23, 9007199254740993, 0.30000000000000004)
