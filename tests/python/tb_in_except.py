# corpus: compare-stderr
# An exception raised while handling another, from a finally block path.
def parse(text):
    try:
        return int(text)
    except ValueError:
        raise RuntimeError("could not parse " + repr(text))


def main():
    values = ["1", "2", "x3"]
    out = []
    for v in values:
        out.append(parse(v))
        print("parsed", out[-1])
    return out


main()
