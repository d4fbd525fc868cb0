print("init pkg_alpha.helpers", __name__)
def shout(s):
    return s.upper() + "!"
COUNTER = 0
def bump():
    global COUNTER
    COUNTER += 1
    return COUNTER
