//! Well-known interned names, declared once.

use crate::value::Value;

macro_rules! names {
    ($($field:ident = $text:expr),* $(,)?) => {
        /// Interned strs for names the interpreter looks up itself (dunder methods, ...).
        #[derive(Default)]
        #[allow(non_snake_case, missing_docs)]
        pub struct Names { $(pub $field: Value),* }

        impl Names {
            /// Interns every name.
            pub fn init(vm: &mut crate::vm::Vm) {
                $( vm.names.$field = vm.intern($text); )*
            }
        }
    };
}

names! {
    __init__ = "__init__", __new__ = "__new__", __call__ = "__call__", __repr__ = "__repr__",
    __str__ = "__str__", __hash__ = "__hash__", __eq__ = "__eq__", __ne__ = "__ne__",
    __lt__ = "__lt__", __le__ = "__le__", __gt__ = "__gt__", __ge__ = "__ge__",
    __bool__ = "__bool__", __len__ = "__len__", __iter__ = "__iter__", __next__ = "__next__",
    __getitem__ = "__getitem__", __setitem__ = "__setitem__", __delitem__ = "__delitem__",
    __contains__ = "__contains__", __getattr__ = "__getattr__",
    __getattribute__ = "__getattribute__", __setattr__ = "__setattr__",
    __delattr__ = "__delattr__", __get__ = "__get__", __set__ = "__set__",
    __delete__ = "__delete__", __enter__ = "__enter__", __exit__ = "__exit__",
    __aenter__ = "__aenter__", __aexit__ = "__aexit__", __await__ = "__await__",
    __aiter__ = "__aiter__", __anext__ = "__anext__",
    __name__ = "__name__", __qualname__ = "__qualname__", __module__ = "__module__",
    __doc__ = "__doc__", __dict__ = "__dict__", __class__ = "__class__",
    __classcell__ = "__classcell__", __slots__ = "__slots__", __file__ = "__file__",
    __builtins__ = "__builtins__", __package__ = "__package__", __path__ = "__path__",
    __spec__ = "__spec__", __loader__ = "__loader__", __all__ = "__all__",
    __annotations__ = "__annotations__", __mro_entries__ = "__mro_entries__",
    __init_subclass__ = "__init_subclass__", __set_name__ = "__set_name__",
    __prepare__ = "__prepare__", __instancecheck__ = "__instancecheck__",
    __subclasscheck__ = "__subclasscheck__", __index__ = "__index__", __int__ = "__int__",
    __float__ = "__float__", __complex__ = "__complex__", __abs__ = "__abs__",
    __neg__ = "__neg__", __pos__ = "__pos__", __invert__ = "__invert__",
    __round__ = "__round__", __trunc__ = "__trunc__", __floor__ = "__floor__",
    __ceil__ = "__ceil__", __format__ = "__format__", __reversed__ = "__reversed__",
    __length_hint__ = "__length_hint__", __missing__ = "__missing__", __del__ = "__del__",
    __class_getitem__ = "__class_getitem__", __match_args__ = "__match_args__",
    __weakref__ = "__weakref__", __dir__ = "__dir__", __sizeof__ = "__sizeof__",
    __traceback__ = "__traceback__", __cause__ = "__cause__", __context__ = "__context__",
    __suppress_context__ = "__suppress_context__", __notes__ = "__notes__",
    __func__ = "__func__", __self__ = "__self__", __wrapped__ = "__wrapped__",
    __abstractmethods__ = "__abstractmethods__", __bases__ = "__bases__", __mro__ = "__mro__",
    __base__ = "__base__", __defaults__ = "__defaults__", __kwdefaults__ = "__kwdefaults__",
    __code__ = "__code__", __closure__ = "__closure__", __globals__ = "__globals__",
    __main__ = "__main__", __import__ = "__import__",
    args = "args", send = "send", throw = "throw", close = "close", keys = "keys",
    items = "items", values = "values", append = "append", mro = "mro", write = "write",
    flush = "flush", read = "read", readline = "readline", value = "value",
    __build_class__ = "__build_class__", __orig_bases__ = "__orig_bases__",
    builtins = "builtins", sys = "sys", join = "join",
    empty = "", lambda = "<lambda>", module = "<module>",
}

/// The name and reflected name of each binary operator's dunder methods, indexed like
/// `pyrs_frontend::bytecode::BinOp` (plain forms), and the in-place names.
pub const BINOP_DUNDERS: [(&str, &str, &str); 13] = [
    ("__add__", "__radd__", "__iadd__"),
    ("__sub__", "__rsub__", "__isub__"),
    ("__mul__", "__rmul__", "__imul__"),
    ("__matmul__", "__rmatmul__", "__imatmul__"),
    ("__truediv__", "__rtruediv__", "__itruediv__"),
    ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    ("__mod__", "__rmod__", "__imod__"),
    ("__pow__", "__rpow__", "__ipow__"),
    ("__lshift__", "__rlshift__", "__ilshift__"),
    ("__rshift__", "__rrshift__", "__irshift__"),
    ("__and__", "__rand__", "__iand__"),
    ("__or__", "__ror__", "__ior__"),
    ("__xor__", "__rxor__", "__ixor__"),
];
