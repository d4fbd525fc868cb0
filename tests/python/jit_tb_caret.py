# corpus: compare-stderr
# JIT reproducer: an exception raised in a call made from a hot loop must show the call's
# carets in the traceback (the frame's last instruction must be the call).
def parse(text):
    return int(text)


def main():
    out = []
    for v in ["1", "2", "x3"]:
        out.append(parse(v))
    return out


main()
