# corpus: compare-stderr
# A whole file that fails to compile: a list display missing a comma.
values = [
    1,
    2
    3,
]
print(values)
