# AttributeError/NameError name and obj fields and the "Did you mean" hint of traceback.format_exception_only.
import traceback, math, collections
class Point:
    def __init__(self):
        self.x_coord = 1
        self.colour = 'red'
    def distance(self): return 0
def show(f):
    try:
        f()
    except (AttributeError, NameError) as e:
        print(type(e).__name__, repr(e.name), type(getattr(e, 'obj', None)).__name__)
        print(traceback.format_exception_only(type(e), e)[-1].rstrip())
p = Point()
show(lambda: p.x_cord)
show(lambda: p.color)
show(lambda: p.distanse())
show(lambda: p.zzzzzz)
show(lambda: math.sqr(2))
show(lambda: math.PI)
show(lambda: [].apend(1))
show(lambda: 'abc'.uper())
show(lambda: {}.iteritems())
show(lambda: collections.defaultdic)
show(lambda: Point.distanc)
def local_scope():
    counter = 1
    return countr
show(local_scope)
show(lambda: lenn([]))
show(lambda: Prnt)
show(lambda: undefined_thing_xyz)
global_value = 3
show(lambda: global_valu)
try:
    raise AttributeError('custom', name='nme', obj=p)
except AttributeError as e:
    print(e.name, e.obj is p)
print(NameError('x').name, AttributeError('y').name, AttributeError('y').obj)
