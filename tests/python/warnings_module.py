# The warnings module: default output goes to stderr (not compared), filters, catch_warnings.
import warnings
def f():
    warnings.warn("deprecated thing", DeprecationWarning, stacklevel=2)
warnings.warn("plain warning")
f()
warnings.simplefilter("error")
try:
    warnings.warn("now an error", UserWarning)
except UserWarning as e:
    print("caught", e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("recorded", RuntimeWarning)
    print(len(w), w[0].category.__name__, str(w[0].message))
import importlib, importlib.util
print(importlib.import_module("json").dumps([1]))
print(importlib.util.find_spec("json") is not None)
