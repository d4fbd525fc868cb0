import _helper_cycle_b
A = "a"
def get_b():
    return _helper_cycle_b.B
