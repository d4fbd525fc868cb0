# corpus: compare-stderr
# An uncaught NameError inside a function: CPython's "Did you mean" hint names the local.
def total(values):
    accumulator = 0
    for v in values:
        accumulator += v
    return acumulator

print("start")
print(total([1, 2, 3]))
