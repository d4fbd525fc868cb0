# type(x).__name__/__qualname__/__module__ and repr of iterators, views and other builtin objects.
import collections, itertools
d = {1: 2}
s = {1}
objs = {
 'list_iter': iter([1]), 'tuple_iter': iter((1,)), 'str_iter': iter('ab'), 'ustr_iter': iter('é'),
 'range_iter': iter(range(2)), 'longrange': iter(range(2**64)), 'bytes_iter': iter(b'a'),
 'bytearray_iter': iter(bytearray(b'a')), 'set_iter': iter(s), 'frozenset_iter': iter(frozenset(s)),
 'dict_iter': iter(d), 'keys_iter': iter(d.keys()), 'values_iter': iter(d.values()), 'items_iter': iter(d.items()),
 'rev_list': reversed([1]), 'rev_tuple': reversed((1,)), 'rev_range': reversed(range(3)), 'rev_str': reversed('ab'),
 'rev_dict': reversed(d), 'rev_keys': reversed(d.keys()), 'rev_values': reversed(d.values()), 'rev_items': reversed(d.items()),
 'keys': d.keys(), 'values': d.values(), 'items': d.items(), 'zip': zip([1]), 'map': map(str, [1]),
 'filter': filter(None, [1]), 'enumerate': enumerate([1]), 'callable_iter': iter(int, 1),
 'seq_iter': iter(collections.UserList([1])), 'gen': (x for x in []), 'deque_iter': iter(collections.deque()),
 'deque_rev': reversed(collections.deque()), 'chain': itertools.chain(), 'count': itertools.count(),
 'islice': itertools.islice([], 1), 'groupby': itertools.groupby([]), 'product': itertools.product(),
 'permutations': itertools.permutations([]), 'accumulate': itertools.accumulate([]),
 'memoryview_iter': iter(memoryview(b'a')), 'mappingproxy': type('K', (), {'a': 1}).__dict__, 'cycle': itertools.cycle([]),
 'defaultdict_keys': collections.defaultdict(int).keys(), 'counter': collections.Counter(), 'ellipsis': ...,
 'nonetype': None, 'notimpl': NotImplemented, 'code': (lambda: 0).__code__, 'frame_type': type(iter([])),
}
for k, v in objs.items():
    t = type(v)
    print(k, t.__name__, t.__qualname__, t.__module__, repr(v).split(' at ')[0] if ' at 0x' in repr(v) else repr(v))
print(type(iter([])) is type(iter([2])), type(iter('é')) is type(iter('a')))
it = iter([1, 2, 3]); next(it)
print(it.__length_hint__(), list(it), it.__length_hint__())
print(iter(range(5)).__length_hint__(), reversed([1, 2]).__length_hint__())
import operator
print(operator.length_hint(iter([1, 2])), operator.length_hint(map(int, []), 7))
try:
    type(iter([]))()
except TypeError as e: print(e)
try:
    type({}.keys())()
except TypeError as e: print(e)
print(d.keys() & {1, 3}, d.items() | {(5, 6)}, d.keys() == {1}, d.values().mapping if hasattr(d.values(), 'mapping') else '')
print(d.keys().isdisjoint([2]), len(d.items()), (1, 2) in d.items(), reversed(d.keys()).__class__.__name__)
