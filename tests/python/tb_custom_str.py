# corpus: compare-stderr
# Uncaught exception at module level with no message and one with a custom __str__.
class Custom(Exception):
    def __str__(self):
        return "custom message"


try:
    raise KeyError
except KeyError as e:
    print("caught", repr(e))
raise Custom()
