# imports: modules, packages, relative imports, aliases, module attributes, __name__
print("main __name__:", __name__)
import _helper_mod
import _helper_mod as hm
from _helper_mod import twice, value as v
print(_helper_mod.value, hm is _helper_mod, twice(21), v, _helper_mod.__name__, type(_helper_mod).__name__, hm.Thing.__module__)
import pkg_alpha
print(pkg_alpha.VERSION, pkg_alpha.loud("hi"), pkg_alpha.helpers.shout("x"), pkg_alpha.__name__)
import pkg_alpha.sub.deep
print(pkg_alpha.sub.deep.describe(), pkg_alpha.sub.deep.__name__)
from pkg_alpha.sub import deep as d2
from pkg_alpha.helpers import bump, COUNTER
print(d2 is pkg_alpha.sub.deep, bump(), bump(), COUNTER, pkg_alpha.helpers.COUNTER, d2.bump is bump)
import pkg_alpha.helpers as h2
print(h2.COUNTER, h2 is pkg_alpha.helpers)
import sys
print("_helper_mod" in sys.modules, "pkg_alpha.sub.deep" in sys.modules, sys.modules["pkg_alpha"] is pkg_alpha)
import _helper_mod
print("second import did not re-run")
from _helper_star import *
print(exported, also)
try:
    not_exported
except NameError as e:
    print(type(e).__name__, e)
import _helper_cycle_a
print(_helper_cycle_a.get_b(), _helper_cycle_a._helper_cycle_b.get_a())
try:
    import does_not_exist_module
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from _helper_mod import missing_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)
try:
    import pkg_alpha.nope
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
_helper_mod.value = 7
import _helper_mod as again
print(again.value, hasattr(_helper_mod, "__file__"), sorted(k for k in dir(_helper_mod) if not k.startswith("__")))
def local_import():
    import math as m
    from pkg_alpha import helpers
    return m.floor(2.5), helpers.shout("l")
print(local_import())
