# An uncaught exception exits with code 1; only stdout and the exit code are compared.
def boom():
    return 1 / 0
print("partial output")
print(boom())
