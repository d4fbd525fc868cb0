# assert with message, del statement
assert True
assert 1 == 1, "never"
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert False
except AssertionError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    x = [1, 2]
    assert len(x) > 5, f"len is {len(x)}"
except AssertionError as e:
    print(e)
a = 1
del a
try:
    a
except NameError as e:
    print(type(e).__name__, e)
l = [0, 1, 2, 3, 4, 5]
del l[0], l[-1]
print(l)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
class O:
    pass
o = O(); o.x = 1; o.y = 2
del o.x
print(vars(o))
p, q = 1, 2
del p, q
try:
    print(q)
except NameError as e:
    print(type(e).__name__, e)
def f():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return type(e).__name__ + " " + str(e)
print(f())
try:
    del undefined_thing
except NameError as e:
    print(type(e).__name__, e)
try:
    del d["zz"]
except KeyError as e:
    print(type(e).__name__, e)
lst = [[1, 2], [3, 4]]
del lst[1][0]
print(lst)
for i in range(3):
    pass
del i
print("i" in dir())
