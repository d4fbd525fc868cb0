print("init pkg_alpha", __name__)
VERSION = "1.0"
from . import helpers
from .helpers import shout as loud
