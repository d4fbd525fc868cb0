# __del__ runs when the last reference goes: del, rebinding, the end of a call, a dropped
# temporary, and at exit for what is still alive (in creation order).
class Resource:
    def __init__(self, name):
        self.name = name
        print("open", name)

    def __del__(self):
        print("close", self.name)


r = Resource("a")
del r
print("after del")

r = Resource("b")
r = Resource("c")
print("after rebinding")


def work():
    local = Resource("d")
    print("working with", local.name)
    return len(local.name)


print("work returned", work())

Resource("e")
print("after temporary")


class Child(Resource):
    pass


kid = Child("f")
del kid
print("subclass finalized")


class Late:
    pass


Late.__del__ = lambda self: print("late __del__")
x = Late()
del x
print("after Late")


class Once(Resource):
    def __del__(self):
        print("resurrect", self.name)
        global saved
        saved = self


o = Once("g")
del o
print("saved", saved.name)
del saved
print("not finalized twice")


def method_calls():
    res = Resource("h")
    for _ in range(3):
        res.name += "!"
    return res


kept = method_calls()
print("kept", kept.name)
survivor = Resource("i")
print("end of program")
