# **kwargs preserve call order; keyword argument forwarding
def show(**kw):
    return list(kw.items())
print(show(b=1, a=2, c=3), show(**{"z": 1, "y": 2}, x=3), show())
def fwd(*a, **k):
    return show(**k), a
print(fwd(1, 2, q=1, p=2))
def defaults(a, b=2, c=3):
    return a, b, c
print(defaults(1, c=5), defaults(a=0), defaults(*[7], **{"b": 8}))
def kw_only_with_defaults(*, x=1, y):
    return x, y
print(kw_only_with_defaults(y=2), kw_only_with_defaults(y=3, x=4))
opts = {"sep": "-", "end": "!\n"}
print("a", "b", **opts)
print(dict(b=1, a=2), sorted(dict(b=1, a=2)))
class C:
    def __init__(self, **attrs):
        for k, v in attrs.items():
            setattr(self, k, v)
c = C(x=1, y="two")
print(c.x, c.y, list(vars(c)))
def mutate(**kw):
    kw["new"] = 1
    return kw
src = {"a": 1}
print(mutate(**src), src)
try:
    defaults(1, 2, 3, b=4)
except TypeError as e:
    print(type(e).__name__, e)
try:
    show(1)
except TypeError as e:
    print(type(e).__name__, e)
