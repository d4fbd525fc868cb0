print("init pkg_alpha.sub.deep", __name__)
from .. import helpers
from ..helpers import bump
from . import sibling
def describe():
    return "deep uses " + helpers.shout("x") + " and " + sibling.NAME
