//! Classes: the builtin class table, class creation, C3 MRO, lookup through the MRO with a
//! version-checked cache, and `isinstance`/`issubclass` on classes.

use crate::object::{self, ClassObj, Kind, TupleObj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Class flag bits (`ClassObj::flags`).
pub mod flags {
    /// A builtin class: its namespace is immutable from Python.
    pub const BUILTIN: u64 = 1;
    /// Python code may subclass it.
    pub const BASETYPE: u64 = 2;
    /// Defines `__getattr__` somewhere in its MRO (set at creation / version bump).
    pub const HAS_GETATTR: u64 = 4;
    /// Overrides `__getattribute__`, `__setattr__` or `__delattr__` (slow attribute paths).
    pub const CUSTOM_ATTR: u64 = 8;
    /// An exception class (BaseException in its MRO).
    pub const EXCEPTION: u64 = 16;
    /// Defines `__del__` somewhere in its MRO: instances are guarded for finalization.
    pub const HAS_DEL: u64 = 32;
    /// Its own `__abstractmethods__` is non-empty: `object.__new__` refuses to instantiate it.
    pub const ABSTRACT: u64 = 64;
}

macro_rules! builtin_classes {
    ($( $field:ident = $name:literal : $base:ident, $kind:ident, $flags:expr );* $(;)?) => {
        /// The builtin classes, created at start-up (pinned).
        #[derive(Default)]
        #[allow(missing_docs)]
        pub struct BuiltinClasses { $(pub $field: Value),* }

        /// Creates every builtin class in declaration order (bases first).
        pub(crate) fn create_builtin_classes(vm: &mut Vm) {
            $(
                let base = builtin_classes!(@base vm, $base);
                vm.cls.$field = new_builtin_class(vm, $name, base, Kind::$kind, $flags);
            )*
        }

        /// Every builtin class that `builtins` exposes by name, with that name.
        pub(crate) fn exposed_builtin_classes(vm: &Vm) -> Vec<(&'static str, Value)> {
            vec![$(($name, vm.cls.$field)),*]
        }
    };
    (@base $vm:ident, none) => { Value::NULL };
    (@base $vm:ident, $base:ident) => { $vm.cls.$base };
}

const B: u64 = flags::BUILTIN;
const BB: u64 = flags::BUILTIN | flags::BASETYPE;
const EX: u64 = flags::BUILTIN | flags::BASETYPE | flags::EXCEPTION;

builtin_classes! {
    object = "object": none, Instance, BB;
    type_ = "type": object, Class, BB;
    int = "int": object, BigInt, BB;
    bool_ = "bool": int, Bool, B;
    float = "float": object, Float, BB;
    complex = "complex": object, Complex, BB;
    str = "str": object, Str, BB;
    bytes = "bytes": object, Bytes, BB;
    bytearray = "bytearray": object, ByteArray, BB;
    list = "list": object, List, BB;
    tuple = "tuple": object, Tuple, BB;
    dict = "dict": object, Dict, BB;
    set = "set": object, Set, BB;
    frozenset = "frozenset": object, Set, BB;
    range = "range": object, Range, B;
    slice = "slice": object, Slice, B;
    none_type = "NoneType": object, Singleton, B;
    not_implemented_type = "NotImplementedType": object, Singleton, B;
    ellipsis_type = "ellipsis": object, Singleton, B;
    function = "function": object, Function, B;
    builtin_function = "builtin_function_or_method": object, Builtin, B;
    method_descriptor = "method_descriptor": object, Builtin, B;
    wrapper_descriptor = "wrapper_descriptor": object, Builtin, B;
    method_wrapper = "method-wrapper": object, Builtin, B;
    method = "method": object, Method, B;
    cell = "cell": object, Cell, B;
    module = "module": object, Module, BB;
    generator = "generator": object, Generator, B;
    coroutine = "coroutine": object, Generator, B;
    async_generator = "async_generator": object, Generator, B;
    property = "property": object, Property, BB;
    member_descriptor = "member_descriptor": object, Property, B;
    getset_descriptor = "getset_descriptor": object, Property, B;
    staticmethod = "staticmethod": object, MethodWrapper, BB;
    classmethod = "classmethod": object, MethodWrapper, BB;
    classmethod_descriptor = "classmethod_descriptor": object, MethodWrapper, B;
    super_ = "super": object, Super, BB;
    code = "code": object, Code, B;
    traceback = "traceback": object, Traceback, B;
    frame = "frame": object, Frame, B;
    async_generator_asend = "async_generator_asend": object, AsyncGenOp, B;
    async_generator_athrow = "async_generator_athrow": object, AsyncGenOp, B;
    union_type = "UnionType": object, Boxed, B;
    list_iterator = "list_iterator": object, SeqIter, B;
    tuple_iterator = "tuple_iterator": object, SeqIter, B;
    str_ascii_iterator = "str_ascii_iterator": object, SeqIter, B;
    str_iterator = "str_iterator": object, SeqIter, B;
    bytes_iterator = "bytes_iterator": object, SeqIter, B;
    bytearray_iterator = "bytearray_iterator": object, SeqIter, B;
    list_reverseiterator = "list_reverseiterator": object, NativeIter, B;
    longrange_iterator = "longrange_iterator": object, NativeIter, B;
    seq_iterator = "iterator": object, SeqIter, B;
    range_iterator = "range_iterator": object, RangeIter, B;
    dict_keyiterator = "dict_keyiterator": object, DictIter, B;
    dict_valueiterator = "dict_valueiterator": object, DictIter, B;
    dict_itemiterator = "dict_itemiterator": object, DictIter, B;
    dict_reversekeyiterator = "dict_reversekeyiterator": object, DictIter, B;
    dict_reversevalueiterator = "dict_reversevalueiterator": object, DictIter, B;
    dict_reverseitemiterator = "dict_reverseitemiterator": object, DictIter, B;
    set_iterator = "set_iterator": object, DictIter, B;
    dict_keys = "dict_keys": object, DictView, B;
    dict_values = "dict_values": object, DictView, B;
    dict_items = "dict_items": object, DictView, B;
    mappingproxy = "mappingproxy": object, DictView, B;
    generic_alias = "GenericAlias": object, Boxed, BB;
    memoryview = "memoryview": object, MemoryView, B;
    memory_iterator = "memory_iterator": object, SeqIter, B;
    enumerate = "enumerate": object, NativeIter, BB;
    zip = "zip": object, NativeIter, BB;
    map = "map": object, NativeIter, BB;
    filter = "filter": object, NativeIter, BB;
    reversed = "reversed": object, NativeIter, BB;
    callable_iterator = "callable_iterator": object, NativeIter, B;
    anext_awaitable = "anext_awaitable": object, Boxed, B;
    file = "TextIOWrapper": object, File, B;
    binary_file = "BufferedReader": object, File, B;
    base_exception = "BaseException": object, ExcData, EX;
    base_exception_group = "BaseExceptionGroup": base_exception, ExcData, EX;
    exception = "Exception": base_exception, ExcData, EX;
    generator_exit = "GeneratorExit": base_exception, ExcData, EX;
    keyboard_interrupt = "KeyboardInterrupt": base_exception, ExcData, EX;
    system_exit = "SystemExit": base_exception, ExcData, EX;
    arithmetic_error = "ArithmeticError": exception, ExcData, EX;
    floating_point_error = "FloatingPointError": arithmetic_error, ExcData, EX;
    overflow_error = "OverflowError": arithmetic_error, ExcData, EX;
    zero_division_error = "ZeroDivisionError": arithmetic_error, ExcData, EX;
    assertion_error = "AssertionError": exception, ExcData, EX;
    attribute_error = "AttributeError": exception, ExcData, EX;
    buffer_error = "BufferError": exception, ExcData, EX;
    eof_error = "EOFError": exception, ExcData, EX;
    exception_group = "ExceptionGroup": base_exception_group, ExcData, EX;
    import_error = "ImportError": exception, ExcData, EX;
    module_not_found_error = "ModuleNotFoundError": import_error, ExcData, EX;
    lookup_error = "LookupError": exception, ExcData, EX;
    index_error = "IndexError": lookup_error, ExcData, EX;
    key_error = "KeyError": lookup_error, ExcData, EX;
    memory_error = "MemoryError": exception, ExcData, EX;
    name_error = "NameError": exception, ExcData, EX;
    unbound_local_error = "UnboundLocalError": name_error, ExcData, EX;
    os_error = "OSError": exception, ExcData, EX;
    blocking_io_error = "BlockingIOError": os_error, ExcData, EX;
    child_process_error = "ChildProcessError": os_error, ExcData, EX;
    connection_error = "ConnectionError": os_error, ExcData, EX;
    broken_pipe_error = "BrokenPipeError": connection_error, ExcData, EX;
    connection_aborted_error = "ConnectionAbortedError": connection_error, ExcData, EX;
    connection_refused_error = "ConnectionRefusedError": connection_error, ExcData, EX;
    connection_reset_error = "ConnectionResetError": connection_error, ExcData, EX;
    file_exists_error = "FileExistsError": os_error, ExcData, EX;
    file_not_found_error = "FileNotFoundError": os_error, ExcData, EX;
    interrupted_error = "InterruptedError": os_error, ExcData, EX;
    is_a_directory_error = "IsADirectoryError": os_error, ExcData, EX;
    not_a_directory_error = "NotADirectoryError": os_error, ExcData, EX;
    permission_error = "PermissionError": os_error, ExcData, EX;
    process_lookup_error = "ProcessLookupError": os_error, ExcData, EX;
    timeout_error = "TimeoutError": os_error, ExcData, EX;
    reference_error = "ReferenceError": exception, ExcData, EX;
    runtime_error = "RuntimeError": exception, ExcData, EX;
    not_implemented_error = "NotImplementedError": runtime_error, ExcData, EX;
    recursion_error = "RecursionError": runtime_error, ExcData, EX;
    stop_async_iteration = "StopAsyncIteration": exception, ExcData, EX;
    stop_iteration = "StopIteration": exception, ExcData, EX;
    syntax_error = "SyntaxError": exception, ExcData, EX;
    indentation_error = "IndentationError": syntax_error, ExcData, EX;
    tab_error = "TabError": indentation_error, ExcData, EX;
    system_error = "SystemError": exception, ExcData, EX;
    type_error = "TypeError": exception, ExcData, EX;
    value_error = "ValueError": exception, ExcData, EX;
    unicode_error = "UnicodeError": value_error, ExcData, EX;
    unicode_decode_error = "UnicodeDecodeError": unicode_error, ExcData, EX;
    unicode_encode_error = "UnicodeEncodeError": unicode_error, ExcData, EX;
    unicode_translate_error = "UnicodeTranslateError": unicode_error, ExcData, EX;
    warning = "Warning": exception, ExcData, EX;
    bytes_warning = "BytesWarning": warning, ExcData, EX;
    deprecation_warning = "DeprecationWarning": warning, ExcData, EX;
    encoding_warning = "EncodingWarning": warning, ExcData, EX;
    future_warning = "FutureWarning": warning, ExcData, EX;
    import_warning = "ImportWarning": warning, ExcData, EX;
    pending_deprecation_warning = "PendingDeprecationWarning": warning, ExcData, EX;
    resource_warning = "ResourceWarning": warning, ExcData, EX;
    runtime_warning = "RuntimeWarning": warning, ExcData, EX;
    syntax_warning = "SyntaxWarning": warning, ExcData, EX;
    unicode_warning = "UnicodeWarning": warning, ExcData, EX;
    user_warning = "UserWarning": warning, ExcData, EX;
}

static NEXT_VERSION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_version() -> u64 {
    NEXT_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// The class object behind a class Value.
#[inline(always)]
pub fn class_obj<'a>(cls: Value) -> &'a mut ClassObj {
    object::downcast::<ClassObj>(cls).expect("a class value")
}

fn new_builtin_class(vm: &mut Vm, name: &str, base: Value, kind: Kind, fl: u64) -> Value {
    let type_cls = vm.cls.type_;
    let (cls, obj) = vm.alloc_pinned_obj::<ClassObj>(type_cls);
    obj.instance_kind = kind;
    obj.native_kind = kind;
    obj.flags = fl;
    obj.version = next_version();
    // Which builtin instances carry a `__dict__` / accept weak references natively (so
    // subclasses get no `__dict__` / `__weakref__` descriptor of their own).
    let has_dict = fl & flags::EXCEPTION != 0 || matches!(kind, Kind::Class | Kind::Module);
    let has_weakref = matches!(kind, Kind::Class | Kind::Module | Kind::Set);
    obj.map = crate::types::instance::Map::new_layout(0, has_dict, has_weakref);
    obj.subclasses = Box::into_raw(Box::default());
    let n = vm.intern(name);
    let obj = class_obj(cls);
    obj.name = n;
    obj.qualname = n;
    let bases: Vec<Value> = if base.is_null() { vec![] } else { vec![base] };
    let bases_t = crate::types::tuple::new_tuple(vm, &bases);
    class_obj(cls).bases = bases_t;
    let d = crate::types::dict::new_dict(vm);
    class_obj(cls).dict = d;
    let mut mro = vec![cls];
    if !base.is_null() {
        mro.extend_from_slice(tuple_items(class_obj(base).mro));
        register_subclass(base, cls);
    }
    let mro_t = crate::types::tuple::new_tuple(vm, &mro);
    class_obj(cls).mro = mro_t;
    cls
}

/// Creates the class of a type of native module `module` (not exposed in `builtins`):
/// instances have layout `kind`; Python code may subclass it when `basetype`.
pub fn new_native_class(
    vm: &mut Vm,
    module: &str,
    name: &str,
    base: Value,
    kind: Kind,
    basetype: bool,
) -> Value {
    let cls = new_builtin_class(vm, name, base, kind, if basetype { BB } else { B });
    // Like CPython's `tp_name`, the name says the module (messages show it); `__name__`
    // is its last part (see `type.__name__`).
    let full = vm.intern(&format!("{module}.{name}"));
    class_obj(cls).name = full;
    let m = crate::types::str::new_str(vm, module);
    let key = vm.names.__module__;
    crate::types::dict::set_str_key(class_obj(cls).dict, key, m);
    let (doc, none) = (vm.names.__doc__, vm.none);
    crate::types::dict::set_str_key(class_obj(cls).dict, doc, none);
    cls
}

/// The number of `__slots__` members the instances of `bases` reserve (the widest base).
fn reserved_slots(bases: &[Value]) -> usize {
    bases
        .iter()
        // SAFETY: a class's root map is leaked at creation and never freed.
        .map(|&b| unsafe { (*class_obj(b).map).reserved() })
        .max()
        .unwrap_or(0)
}

/// `cls.__bases__ = bases`: checks the new bases keep the instance layout and make no
/// cycle, then recomputes the MRO of `cls` and of its subclasses.
pub fn set_bases(vm: &mut Vm, cls: Value, bases: &[Value]) -> PyResult<()> {
    let name = class_name(cls).to_string();
    if class_obj(cls).flags & flags::BUILTIN != 0 {
        return Err(vm.type_error(format!(
            "cannot set '__bases__' attribute of immutable type '{name}'"
        )));
    }
    if bases.is_empty() {
        return Err(vm.type_error(format!(
            "can only assign non-empty tuple to {name}.__bases__, not ()"
        )));
    }
    for &b in bases {
        let Some(bo) = object::downcast::<ClassObj>(b) else {
            let t = crate::types::class::type_name(vm, b).to_string();
            return Err(vm.type_error(format!(
                "{name}.__bases__ must be tuple of classes, not '{t}'"
            )));
        };
        if bo.flags & flags::BASETYPE == 0 {
            let n = class_name(b).to_string();
            return Err(vm.type_error(format!("type '{n}' is not an acceptable base type")));
        }
        if is_subclass(b, cls) {
            return Err(vm.type_error("a __bases__ item causes an inheritance cycle"));
        }
    }
    let old: Vec<Value> = tuple_items(class_obj(cls).bases).to_vec();
    let same_kind = solid_base_kind(vm, bases)? == class_obj(cls).native_kind;
    if !same_kind || reserved_slots(bases) != reserved_slots(&old) {
        let (n, o) = (
            class_name(bases[0]).to_string(),
            class_name(old[0]).to_string(),
        );
        let what = if same_kind {
            "object layout"
        } else {
            "deallocator"
        };
        return Err(vm.type_error(format!(
            "__bases__ assignment: '{n}' {what} differs from '{o}'"
        )));
    }
    let bt = crate::types::tuple::new_tuple(vm, bases);
    class_obj(cls).bases = bt;
    if let Err(e) = recompute_mro(vm, cls) {
        let bt = crate::types::tuple::new_tuple(vm, &old);
        class_obj(cls).bases = bt;
        recompute_mro(vm, cls)?;
        return Err(e);
    }
    for &b in &old {
        // SAFETY: `subclasses` is a leaked Box owned by the pinned class, never freed.
        unsafe { (*class_obj(b).subclasses).retain(|&s| s != cls) };
    }
    for &b in bases {
        register_subclass(b, cls);
    }
    bump_version(cls);
    update_slot_flags(vm, cls);
    Ok(())
}

/// Recomputes the MRO of `cls` from its bases, then those of its subclasses.
fn recompute_mro(vm: &mut Vm, cls: Value) -> PyResult<()> {
    let bases: Vec<Value> = tuple_items(class_obj(cls).bases).to_vec();
    let m = c3_mro(vm, cls, &bases)?;
    let mt = crate::types::tuple::new_tuple(vm, &m);
    class_obj(cls).mro = mt;
    // SAFETY: `subclasses` is a leaked Box owned by the pinned class, never freed.
    let subs = unsafe { (*class_obj(cls).subclasses).clone() };
    for s in subs {
        recompute_mro(vm, s)?;
    }
    Ok(())
}

fn register_subclass(base: Value, sub: Value) {
    // SAFETY: `subclasses` is a leaked Box owned by the pinned class, never freed.
    unsafe { (*class_obj(base).subclasses).push(sub) };
}

fn tuple_items<'a>(t: Value) -> &'a [Value] {
    match object::downcast::<TupleObj>(t) {
        Some(t) => t.items(),
        None => &[],
    }
}

/// The MRO of a class as a slice (valid until the next safepoint).
#[inline]
pub fn mro<'a>(cls: Value) -> &'a [Value] {
    tuple_items(class_obj(cls).mro)
}

/// Whether `sub` is `sup` or a subclass of it (by MRO).
#[inline]
pub fn is_subclass(sub: Value, sup: Value) -> bool {
    sub == sup || mro(sub).contains(&sup)
}

/// The class of any value.
#[inline(always)]
pub fn class_of(vm: &Vm, v: Value) -> Value {
    if v.is_small() {
        vm.cls.int
    } else {
        // SAFETY: every non-small Value that reaches Python code is a pointer to an object.
        unsafe { object::class_word(v) }
    }
}

/// Computes the C3 linearization of a class with `bases`; `TypeError` if none exists.
pub fn c3_mro(vm: &mut Vm, cls: Value, bases: &[Value]) -> PyResult<Vec<Value>> {
    for (i, &b) in bases.iter().enumerate() {
        if bases[..i].contains(&b) {
            let n = class_name(b).to_string();
            return Err(vm.type_error(format!("duplicate base class {n}")));
        }
    }
    let mut seqs: Vec<Vec<Value>> = bases.iter().map(|&b| mro(b).to_vec()).collect();
    seqs.push(bases.to_vec());
    let mut out = vec![cls];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs
            .iter()
            .map(|s| s[0])
            .find(|&c| seqs.iter().all(|s| !s[1..].contains(&c)));
        let Some(c) = candidate else {
            let mut heads: Vec<Value> = Vec::new();
            for s in &seqs {
                if !heads.contains(&s[0]) {
                    heads.push(s[0]);
                }
            }
            let names: Vec<&str> = heads.iter().map(|&h| class_name(h)).collect();
            return Err(vm.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        out.push(c);
        for s in seqs.iter_mut() {
            if s[0] == c {
                s.remove(0);
            }
        }
    }
}

/// A direct-mapped cache of MRO lookups keyed by (class, name, class version).
pub struct MethodCache {
    entries: Vec<CacheEntry>,
}

#[derive(Clone, Copy, Default)]
struct CacheEntry {
    class: Value,
    name: Value,
    version: u64,
    result: Value,
}

const CACHE_SIZE: usize = 4096;

impl Default for MethodCache {
    fn default() -> Self {
        MethodCache {
            entries: vec![CacheEntry::default(); CACHE_SIZE],
        }
    }
}

impl MethodCache {
    /// Forgets everything (results may move at a collection).
    pub fn clear(&mut self) {
        for e in &mut self.entries {
            *e = CacheEntry::default();
        }
    }
}

#[inline(always)]
fn cache_slot(cls: Value, name: Value) -> usize {
    (((cls.0 >> 3) ^ (name.0 >> 3).wrapping_mul(31)) as usize) & (CACHE_SIZE - 1)
}

/// Looks `name` (an interned str) up along the MRO of `cls`; NULL if absent.
#[inline]
pub fn lookup(vm: &mut Vm, cls: Value, name: Value) -> Value {
    let version = class_obj(cls).version;
    let slot = cache_slot(cls, name);
    let e = vm.method_cache.entries[slot];
    if e.class == cls && e.name == name && e.version == version {
        return e.result;
    }
    let result = lookup_uncached(cls, name);
    vm.method_cache.entries[slot] = CacheEntry {
        class: cls,
        name,
        version,
        result,
    };
    result
}

/// Looks `name` up along the MRO without the cache.
pub fn lookup_uncached(cls: Value, name: Value) -> Value {
    for &c in mro(cls) {
        if let Some(v) = crate::types::dict::get_str_key(class_obj(c).dict, name) {
            return v;
        }
    }
    Value::NULL
}

/// Records that the namespace of `cls` changed: new versions for it and every subclass.
pub fn bump_version(cls: Value) {
    let obj = class_obj(cls);
    obj.version = next_version();
    // SAFETY: `subclasses` is a leaked Box owned by the pinned class, never freed.
    let subs = unsafe { (*obj.subclasses).clone() };
    for s in subs {
        bump_version(s);
    }
}

/// Creates a class from `__build_class__` / `type(name, bases, dict)`: computes the MRO, the
/// layout of instances and the flags. `ns` becomes the class namespace (copied).
pub fn new_class(
    vm: &mut Vm,
    metaclass: Value,
    name: Value,
    bases: &[Value],
    ns: Value,
) -> PyResult<Value> {
    let bases: Vec<Value> = if bases.is_empty() {
        vec![vm.cls.object]
    } else {
        bases.to_vec()
    };
    for &b in &bases {
        let Some(bo) = object::downcast::<ClassObj>(b) else {
            return Err(vm.type_error("bases must be types"));
        };
        if bo.flags & flags::BASETYPE == 0 {
            let n = crate::types::str::as_str(bo.name)
                .unwrap_or("?")
                .to_string();
            return Err(vm.type_error(format!("type '{n}' is not an acceptable base type")));
        }
    }
    let native_kind = solid_base_kind(vm, &bases)?;
    let (cls, obj) = vm.alloc_pinned_obj::<ClassObj>(metaclass);
    obj.instance_kind = Kind::Instance;
    obj.native_kind = native_kind;
    obj.version = next_version();
    obj.map = crate::types::instance::Map::new_root();
    obj.subclasses = Box::into_raw(Box::default());
    let mut fl = flags::BASETYPE;
    for &b in &bases {
        fl |= class_obj(b).flags & flags::EXCEPTION;
    }
    obj.flags = fl;
    let name = vm.intern_value(name);
    let obj = class_obj(cls);
    obj.name = name;
    obj.qualname = name;
    let bt = crate::types::tuple::new_tuple(vm, &bases);
    class_obj(cls).bases = bt;
    let d = crate::types::dict::copy_dict(vm, ns)?;
    class_obj(cls).dict = d;
    let (eq, hash) = (vm.names.__eq__, vm.names.__hash__);
    if crate::types::dict::get_str_key(d, eq).is_some()
        && crate::types::dict::get_str_key(d, hash).is_none()
    {
        // A class that defines `__eq__` but not `__hash__` is unhashable, as in CPython.
        let none = vm.none;
        crate::types::dict::set_str_key(d, hash, none);
    }
    let m = c3_mro(vm, cls, &bases)?;
    let mt = crate::types::tuple::new_tuple(vm, &m);
    class_obj(cls).mro = mt;
    class_obj(cls).map = crate::types::slots::class_root_map(vm, cls, &bases)?;
    for &b in &bases {
        register_subclass(b, cls);
    }
    update_slot_flags(vm, cls);
    Ok(cls)
}

/// Recomputes the flags that depend on which special methods the MRO defines.
pub fn update_slot_flags(vm: &mut Vm, cls: Value) {
    let obj = class_obj(cls);
    if obj.flags & flags::BUILTIN != 0 {
        return;
    }
    let mut fl =
        obj.flags & !(flags::HAS_GETATTR | flags::CUSTOM_ATTR | flags::HAS_DEL | flags::ABSTRACT);
    if has_abstract_methods(vm, cls) {
        fl |= flags::ABSTRACT;
    }
    let (ga, gat, sa, da) = (
        vm.names.__getattr__,
        vm.names.__getattribute__,
        vm.names.__setattr__,
        vm.names.__delattr__,
    );
    let object = vm.cls.object;
    if !lookup_uncached(cls, ga).is_null() {
        fl |= flags::HAS_GETATTR;
    }
    if !lookup_uncached(cls, vm.names.__del__).is_null() {
        fl |= flags::HAS_DEL;
    }
    for n in [gat, sa, da] {
        let found = lookup_uncached(cls, n);
        if !found.is_null()
            && found
                != crate::types::dict::get_str_key(class_obj(object).dict, n).unwrap_or(Value::NULL)
        {
            fl |= flags::CUSTOM_ATTR;
        }
    }
    class_obj(cls).flags = fl;
    // SAFETY: `subclasses` is a leaked Box owned by the pinned class, never freed.
    let subs = unsafe { (*class_obj(cls).subclasses).clone() };
    for s in subs {
        update_slot_flags(vm, s);
    }
}

/// Whether the class's own `__abstractmethods__` is a non-empty collection.
fn has_abstract_methods(vm: &Vm, cls: Value) -> bool {
    let key = vm.names.__abstractmethods__;
    match crate::types::dict::get_str_key(class_obj(cls).dict, key) {
        None => false,
        Some(v) if v == vm.none || v == vm.false_ => false,
        Some(v) => match object::kind_of(v) {
            Some(Kind::Set) => crate::types::set::set_len(v) > 0,
            Some(Kind::Tuple) => !crate::types::tuple::items(v).is_empty(),
            _ => true,
        },
    }
}

/// The layout holding native state that instances of a class with `bases` need: the one
/// non-Instance layout among the bases (Instance if none); `TypeError` on a conflict.
fn solid_base_kind(vm: &mut Vm, bases: &[Value]) -> PyResult<Kind> {
    let mut kind = Kind::Instance;
    for &b in bases {
        let k = class_obj(b).native_kind;
        if k == Kind::Instance {
            continue;
        }
        if kind != Kind::Instance && kind != k {
            return Err(vm.type_error("multiple bases have instance lay-out conflict"));
        }
        kind = k;
    }
    Ok(kind)
}

/// The `__name__` of a class as Rust text.
pub fn class_name<'a>(cls: Value) -> &'a str {
    crate::types::str::as_str(class_obj(cls).name).unwrap_or("?")
}

/// The `__name__` of the class of `v` (for error messages; "NULL" for no value, which a
/// message about a missing argument may be handed).
pub fn type_name<'a>(vm: &Vm, v: Value) -> &'a str {
    if v.is_null() {
        return "NULL";
    }
    class_name(class_of(vm, v))
}
