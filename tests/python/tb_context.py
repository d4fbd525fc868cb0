# corpus: compare-stderr
# Uncaught exception raised while handling another: "During handling of the above exception..."
def parse(s):
    try:
        table = {"a": 1}
        table.pop(s)
    except KeyError:
        print("handling KeyError for", s)
        raise RuntimeError("lookup failed")


print("before")
parse("zz")
