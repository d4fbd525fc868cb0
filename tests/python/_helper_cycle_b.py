import _helper_cycle_a
B = "b"
def get_a():
    return _helper_cycle_a.A
