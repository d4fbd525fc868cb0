# helper module imported by imports_basic.py (not a test itself)
print("importing _helper_mod as", __name__)
value = 42
_private = "p"
def twice(x):
    return 2 * x
class Thing:
    pass
if __name__ == "__main__":
    print("never printed when imported")
