# importlib.import_module / util.find_spec on top of the import statement.
import importlib, importlib.util, sys
print(importlib.import_module("textwrap").fill("hello world foo bar", 10))
m = importlib.import_module("xml.dom")
print(m.__name__, m.__spec__.name, m.__spec__.parent)
print(importlib.util.find_spec("nosuchmod_xyz"))
spec = importlib.util.find_spec("json")
print(spec.name, spec.origin.endswith("json/__init__.py"), spec.submodule_search_locations is not None)
try:
    importlib.import_module("nosuchmod_xyz")
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
print(importlib.import_module(".decoder", "json").__name__)
print(importlib.reload(importlib.import_module("json")).__name__ if hasattr(importlib, "reload") else 1)
