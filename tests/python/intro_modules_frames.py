# Generator introspection, module attributes, sys, compile/exec/eval, frames and inspect.
import inspect, math, sys, os, json, collections, types
def gen():
    x = yield 1
    yield x
g = gen()
print(type(g).__name__, g.__name__, g.__qualname__, g.gi_running, g.gi_code.co_name, g.gi_frame is not None, inspect.getgeneratorstate(g))
next(g); print(inspect.getgeneratorstate(g), g.gi_frame.f_lineno, g.send(5)); g.close(); print(inspect.getgeneratorstate(g), g.gi_frame)
def deleg(): yield from gen()
d = deleg(); next(d); print(type(d.gi_yieldfrom).__name__)
print(hasattr(g, '__next__'), hasattr(g, 'send'), iter(g) is g, repr(gen).split(' at ')[0])
print(math.__name__)
print(json.__name__, json.__package__, json.__file__.endswith('__init__.py'), json.decoder.__name__)
print(collections.__name__, type(collections).__name__, repr(sys).split(' at ')[0], repr(json).split(' from ')[0])
print(os.path.__name__, os.sep, sys.__name__, sys.version_info[:2], sys.version_info.major, sys.maxsize, sys.byteorder)
print(sys.getrecursionlimit(), sys.platform, type(sys.argv).__name__, sys.flags.optimize, sys.float_info.max, sys.int_info.bits_per_digit if hasattr(sys.int_info, 'bits_per_digit') else '')
print(type(sys.implementation).__name__, sys.implementation.name != '', hasattr(sys, 'getsizeof'), sys.getdefaultencoding())
m = types.ModuleType('dyn', 'docstring'); m.x = 1; print(m, m.__doc__, m.__name__, vars(m).keys())
print(sorted(k for k in vars(types.ModuleType('e')).keys()))
c = compile('x = 1\ny = x + 1', '<s>', 'exec'); ns = {}; exec(c, ns); print(ns['y'], type(c).__name__, c.co_filename, c.co_name)
print(eval('1 + 2'), eval('a * 2', {'a': 3}), eval(compile('5', '<e>', 'eval')))
fr = sys._getframe(); print(fr.f_code.co_name, fr.f_globals is globals(), fr.f_back, type(fr.f_locals).__name__, fr.f_lineno)
def caller(): return sys._getframe(1).f_code.co_name
def outer_fn(): return caller()
print(outer_fn(), inspect.currentframe().f_code.co_name, [f.function for f in inspect.stack()][:2])
print(inspect.getmodule(math.sqrt) is math if inspect.getmodule(math.sqrt) else 'None', inspect.ismodule(math), inspect.isroutine(len), inspect.isbuiltin([].append), inspect.ismethoddescriptor(list.append))
print(inspect.getmembers(collections.namedtuple('T', 'a'), inspect.isfunction)[:1] == [] or True, inspect.isabstract(int))
print(sorted(n for n, _ in inspect.getmembers(json) if not n.startswith('_'))[:8])
class K:
    "Kdoc"
    def m(self, a, b=1): "mdoc"
print(inspect.getdoc(K), inspect.signature(K.m), inspect.signature(K().m), inspect.getmro(K), inspect.getattr_static(K, 'm').__name__)
