# corpus: compare-stderr
# An uncaught exception group is printed in CPython's nested boxes, with notes and chains.
def fail(kind, n):
    if kind == "v":
        raise ValueError(f"bad value {n}")
    raise TypeError(f"bad type {n}")


def collect():
    errors = []
    for i, kind in enumerate("vtv"):
        try:
            fail(kind, i)
        except Exception as e:
            e.add_note(f"while handling item {i}")
            errors.append(e)
    inner = ExceptionGroup("inner problems", [KeyError("k"), ValueError("deep")])
    errors.append(inner)
    try:
        raise RuntimeError("context for the group")
    except RuntimeError:
        raise ExceptionGroup("several failures", errors)


print("collecting")
collect()
