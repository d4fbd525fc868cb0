# typing (Generic, NamedTuple, TypedDict, get_type_hints), pprint, reprlib, contextlib, weakref, numbers and collections.abc.
import typing, pprint, reprlib, contextlib, weakref, io, enum, abc, numbers, collections.abc as cabc
from typing import List, Dict, Optional, Union, Callable, TypeVar, Generic, NamedTuple, TypedDict, Any
T = TypeVar('T')
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
print(Box[int], Box(1).v, List[int], Dict[str, int], Optional[int], Union[int, str], Callable[[int], str], T, Any)
class NT(NamedTuple):
    a: int
    b: str = 'x'
print(NT(1), NT._fields, NT.__annotations__, NT(1)._asdict())
class TD(TypedDict):
    k: int
print(TD(k=1), typing.get_type_hints(NT), typing.get_origin(List[int]), typing.get_args(Dict[str, int]))
def ann(x: int, y: 'str' = 'a') -> List[int]: pass
print(ann.__annotations__, typing.get_type_hints(ann))
pprint.pprint({'b': [1, 2, 3] * 10, 'a': {'nested': list(range(5))}})
print(pprint.pformat([1, 2], width=3), reprlib.repr(list(range(100))), reprlib.repr('x' * 100))
@contextlib.contextmanager
def cm(n):
    print('enter', n); yield n * 2; print('exit', n)
with cm(3) as v: print(v)
with contextlib.suppress(KeyError): {}['x']
print(type(cm(1)).__name__)
with contextlib.ExitStack() as st:
    st.callback(print, 'callback ran')
    print(st.enter_context(cm(1)))
class W: pass
w = W(); r = weakref.ref(w); print(r() is w, type(r).__name__, weakref.getweakrefcount(w))
wd = weakref.WeakValueDictionary(); wd['a'] = w; print(len(wd), list(wd.keys()))
print(isinstance(1, numbers.Number), isinstance(1.0, numbers.Real), issubclass(list, cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(iter([]), cabc.Iterator))
print(isinstance([], cabc.Hashable), isinstance((), cabc.Hashable), isinstance(len, cabc.Callable), issubclass(dict, cabc.MutableMapping), isinstance(range(1), cabc.Sized))
class MySeq(cabc.Sequence):
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i
s = MySeq(); print(list(s), s.index(2), s.count(1), 2 in s, list(reversed(s)))
try: cabc.Sequence()
except TypeError as e: print(e)
print(typing.TYPE_CHECKING, typing.cast(int, 'x'), typing.Literal['a'], typing.Tuple[int, ...], typing.Set[int], typing.FrozenSet[str])
print(list[int] == list[int], isinstance([], list), List[int].__origin__, typing.Iterable[int], type(None) | int)
