//! Every heap layout of the interpreter, declared once. `Kind` numbers are GC type ids:
//! [`register_all`] registers the layouts in declaration order.

use super::{heap_struct, ObjHead};
use crate::value::Value;
use pyrs_gc::{Heap, Layout, TypeDescriptor, TypeId};

/// Declares the `Kind` enum and the registration of every layout, in one list.
macro_rules! kinds {
    ($( $(#[$doc:meta])* $kind:ident => $desc:expr ),* $(,)?) => {
        /// The layout of a heap object; equal to its GC type id.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u32)]
        pub enum Kind { $( $(#[$doc])* $kind ),* }

        /// Registers every layout with the heap; type ids equal `Kind` numbers.
        pub fn register_all(heap: &mut Heap) {
            $(
                let id = heap.register_type($desc);
                assert_eq!(id, TypeId(Kind::$kind as u32));
            )*
        }
    };
}

kinds! {
    /// `str`: immutable UTF-8 text, inline.
    Str => var_raw::<StrObj>("str", std::mem::offset_of!(StrObj, len), 1),
    /// `bytes`: immutable bytes, inline.
    Bytes => var_raw::<BytesObj>("bytes", std::mem::offset_of!(BytesObj, len), 1),
    /// `tuple`: immutable, items inline.
    Tuple => var_refs::<TupleObj>("tuple", std::mem::offset_of!(TupleObj, len)),
    /// A bare array of Values: the storage of lists and instance attributes.
    Array => var_refs::<ArrayObj>("array", std::mem::offset_of!(ArrayObj, len)),
    /// `float`.
    Float => FloatObj::descriptor(),
    /// `complex`.
    Complex => ComplexObj::descriptor(),
    /// An int beyond 63 bits.
    BigInt => with_finalizer(BigIntObj::descriptor(), crate::types::int::finalize_bigint),
    /// `True` and `False`.
    Bool => BoolObj::descriptor(),
    /// `None`, `NotImplemented`, `Ellipsis`.
    Singleton => SingletonObj::descriptor(),
    /// `list`.
    List => ListObj::descriptor(),
    /// `dict`.
    Dict => with_trace(DictObj::descriptor(), crate::types::dict::trace_dict, crate::types::dict::finalize_dict),
    /// `set` and `frozenset`.
    Set => with_trace(SetObj::descriptor(), crate::types::set::trace_set, crate::types::set::finalize_set),
    /// `bytearray`.
    ByteArray => with_finalizer(ByteArrayObj::descriptor(), crate::types::bytes::finalize_bytearray),
    /// `range`.
    Range => RangeObj::descriptor(),
    /// `slice`.
    Slice => SliceObj::descriptor(),
    /// A class (`type` instance). Always pinned.
    Class => ClassObj::descriptor(),
    /// An instance of a user class (attributes through maps).
    Instance => InstanceObj::descriptor(),
    /// A Python function.
    Function => FunctionObj::descriptor(),
    /// A code object. Always pinned.
    Code => CodeObj::descriptor(),
    /// A native function or a native method bound to its receiver.
    Builtin => BuiltinObj::descriptor(),
    /// A bound method of a Python function.
    Method => MethodObj::descriptor(),
    /// A closure cell.
    Cell => CellObj::descriptor(),
    /// A module.
    Module => ModuleObj::descriptor(),
    /// A generator, coroutine or async generator: owns a suspended frame.
    Generator => with_trace(GeneratorObj::descriptor(), crate::eval::generator::trace_generator, crate::eval::generator::finalize_generator),
    /// `property`.
    Property => PropertyObj::descriptor(),
    /// `staticmethod` and `classmethod` (the class tells which).
    MethodWrapper => MethodWrapperObj::descriptor(),
    /// `super`.
    Super => SuperObj::descriptor(),
    /// Iterator over a sequence by index (list, tuple, str, bytes, `__getitem__`).
    SeqIter => SeqIterObj::descriptor(),
    /// Iterator over a range.
    RangeIter => RangeIterObj::descriptor(),
    /// Iterator over a dict or set.
    DictIter => DictIterObj::descriptor(),
    /// The other native iterators (enumerate, zip, map, filter, reversed, callable-iter...).
    NativeIter => NativeIterObj::descriptor(),
    /// A dict view (`keys()`, `values()`, `items()`).
    DictView => DictViewObj::descriptor(),
    /// A `memoryview`.
    MemoryView => MemoryViewObj::descriptor(),
    /// The exception state of an exception instance.
    ExcData => ExcDataObj::descriptor(),
    /// A traceback entry.
    Traceback => TracebackObj::descriptor(),
    /// An open file.
    File => with_finalizer(FileObj::descriptor(), crate::types::file::finalize_file),
    /// A Python-visible frame object (`types.FrameType`).
    Frame => with_trace(FrameObj::descriptor(), crate::types::frame::trace_frame, crate::types::frame::finalize_frame),
    /// The awaitable of an async generator's `asend`/`athrow`/`aclose`/`__anext__`.
    AsyncGenOp => AsyncGenOpObj::descriptor(),
    /// An object whose state is a Rust value (the types of native modules).
    Boxed => with_trace(BoxedObj::descriptor(), crate::types::boxed::trace_boxed, crate::types::boxed::finalize_boxed),
}

fn var_raw<T>(name: &'static str, len_offset: usize, item_size: usize) -> TypeDescriptor {
    TypeDescriptor {
        name,
        layout: Layout::Var {
            base: std::mem::size_of::<T>(),
            len_offset,
            item_size,
            items_are_refs: false,
        },
        ref_offsets: vec![std::mem::offset_of!(ObjHead, class)],
        trace: None,
        finalize: None,
    }
}

fn var_refs<T>(name: &'static str, len_offset: usize) -> TypeDescriptor {
    TypeDescriptor {
        name,
        layout: Layout::Var {
            base: std::mem::size_of::<T>(),
            len_offset,
            item_size: 8,
            items_are_refs: true,
        },
        ref_offsets: vec![std::mem::offset_of!(ObjHead, class)],
        trace: None,
        finalize: None,
    }
}

fn with_finalizer(mut d: TypeDescriptor, f: pyrs_gc::api::FinalizeFn) -> TypeDescriptor {
    d.finalize = Some(f);
    d
}

fn with_trace(
    mut d: TypeDescriptor,
    t: pyrs_gc::api::TraceFn,
    f: pyrs_gc::api::FinalizeFn,
) -> TypeDescriptor {
    d.trace = Some(t);
    d.finalize = Some(f);
    d
}

/// `str`: `len` UTF-8 bytes follow the struct.
#[repr(C)]
pub struct StrObj {
    /// Header and class.
    pub head: ObjHead,
    /// Cached hash; 0 means not computed yet (a computed 0 is stored as 1 would collide, so
    /// the hash function maps 0 to itself only when the string is empty).
    pub hash: i64,
    /// Number of code points.
    pub char_len: u64,
    /// Number of bytes (the GC's item count).
    pub len: u64,
}

/// `bytes`: `len` bytes follow the struct.
#[repr(C)]
pub struct BytesObj {
    /// Header and class.
    pub head: ObjHead,
    /// Cached hash (0: not computed).
    pub hash: i64,
    /// Number of bytes.
    pub len: u64,
}

/// `tuple`: `len` Values follow the struct.
#[repr(C)]
pub struct TupleObj {
    /// Header and class.
    pub head: ObjHead,
    /// Number of items.
    pub len: u64,
}

/// A bare array of `len` Values following the struct. Its class word is NULL.
#[repr(C)]
pub struct ArrayObj {
    /// Header and (NULL) class.
    pub head: ObjHead,
    /// Capacity in items.
    pub len: u64,
}

macro_rules! impl_var_kind {
    ($t:ident, $k:ident) => {
        impl super::HeapObj for $t {
            const KIND: Kind = Kind::$k;
        }
    };
}
impl_var_kind!(StrObj, Str);
impl_var_kind!(BytesObj, Bytes);
impl_var_kind!(TupleObj, Tuple);
impl_var_kind!(ArrayObj, Array);

impl StrObj {
    /// The text. Valid until the next safepoint.
    #[inline]
    pub fn as_str<'a>(&self) -> &'a str {
        // SAFETY: `len` bytes of valid UTF-8 follow the struct (written at allocation and
        // never changed).
        unsafe {
            let p = (self as *const StrObj as *const u8).add(std::mem::size_of::<StrObj>());
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(p, self.len as usize))
        }
    }

    /// Whether every character is ASCII (O(1) indexing).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.len
    }
}

impl BytesObj {
    /// The bytes. Valid until the next safepoint.
    #[inline]
    pub fn as_bytes<'a>(&self) -> &'a [u8] {
        // SAFETY: `len` bytes follow the struct.
        unsafe {
            let p = (self as *const BytesObj as *const u8).add(std::mem::size_of::<BytesObj>());
            std::slice::from_raw_parts(p, self.len as usize)
        }
    }
}

impl TupleObj {
    /// The items. Valid until the next safepoint.
    #[inline]
    pub fn items<'a>(&self) -> &'a mut [Value] {
        // SAFETY: `len` Values follow the struct.
        unsafe {
            let p = (self as *const TupleObj as *mut u8).add(std::mem::size_of::<TupleObj>());
            std::slice::from_raw_parts_mut(p as *mut Value, self.len as usize)
        }
    }
}

impl ArrayObj {
    /// All `len` slots. Valid until the next safepoint.
    #[inline]
    pub fn slots<'a>(&self) -> &'a mut [Value] {
        // SAFETY: `len` Values follow the struct.
        unsafe {
            let p = (self as *const ArrayObj as *mut u8).add(std::mem::size_of::<ArrayObj>());
            std::slice::from_raw_parts_mut(p as *mut Value, self.len as usize)
        }
    }
}

heap_struct! {
    /// `float`.
    FloatObj: Float { refs {} raw { /** The value. */ value: f64 } }
}
heap_struct! {
    /// `complex`.
    ComplexObj: Complex { refs {} raw { /** Real part. */ re: f64, /** Imaginary part. */ im: f64 } }
}
heap_struct! {
    /// An int beyond the small-int range; holds its `BigInt` (never in small range) inline.
    BigIntObj: BigInt { refs {} raw { /** The value, owned (dropped or recycled by the finalizer; its digits live outside the GC heap). */ value: std::mem::ManuallyDrop<num_bigint::BigInt> } }
}
heap_struct! {
    /// `True` / `False`.
    BoolObj: Bool { refs {} raw { /** 0 or 1. */ value: u64 } }
}
heap_struct! {
    /// `None`, `NotImplemented`, `Ellipsis`.
    SingletonObj: Singleton { refs {} raw { /** Which singleton (0 None, 1 NotImplemented, 2 Ellipsis). */ which: u64 } }
}
heap_struct! {
    /// `list`: `len` items live at the front of the `items` array (or `items` is NULL when
    /// the list never had items).
    ListObj: List { refs { /** Storage array; its length is the capacity. */ items } raw { /** Item count. */ len: u64 } }
}
heap_struct! {
    /// `dict`: the table lives in a Rust-owned box (traced and finalized by `types::dict`).
    DictObj: Dict { refs {} raw { /** The table. */ data: *mut crate::types::dict::DictData } }
}
heap_struct! {
    /// `set` / `frozenset`.
    SetObj: Set { refs {} raw { /** The table. */ data: *mut crate::types::set::SetData, /** Cached hash for frozenset (0: none). */ hash: i64 } }
}
heap_struct! {
    /// `bytearray`.
    ByteArrayObj: ByteArray { refs {} raw { /** The bytes. */ data: *mut Vec<u8> } }
}
heap_struct! {
    /// `range`: i64 bounds inline, or `big` when one does not fit in an i64.
    RangeObj: Range { refs { /** `(start, stop, step)` as ints when a bound exceeds i64, else NULL. */ big } raw { /** Start. */ start: i64, /** Stop. */ stop: i64, /** Step (non-zero). */ step: i64 } }
}
heap_struct! {
    /// `slice`.
    SliceObj: Slice { refs { /** Start or None. */ start, /** Stop or None. */ stop, /** Step or None. */ step } raw {} }
}
heap_struct! {
    /// A class. Pinned: compiled code and caches may hold its address.
    ClassObj: Class {
        refs {
            /** `__name__` (str). */ name,
            /** `__qualname__` (str). */ qualname,
            /** `__bases__` (tuple). */ bases,
            /** `__mro__` (tuple, starting with the class itself). */ mro,
            /** The namespace (dict). */ dict,
        }
        raw {
            /** Bumped whenever the namespace of this class or a base changes. */ version: u64,
            /** [`crate::types::class::flags`] bits. */ flags: u64,
            /** The layout its instances have (Instance for user classes). */ instance_kind: Kind,
            /** The root map of its instances' attributes. */ map: *const crate::types::instance::Map,
            /** Direct subclasses (pinned classes), to propagate version bumps. */ subclasses: *mut Vec<Value>,
            /** The layout of the nearest builtin base that holds native state (or Instance). */ native_kind: Kind,
        }
    }
}
heap_struct! {
    /// An instance of a user class: attributes in `slots` as its map says, and the state of a
    /// builtin base class (list, dict, int, exception, ...) in `native`.
    InstanceObj: Instance {
        refs {
            /** Attribute storage (Array) or NULL. */ slots,
            /** The builtin base's object, or NULL. */ native,
        }
        raw { /** Which attribute lives in which slot. */ map: *const crate::types::instance::Map }
    }
}
heap_struct! {
    /// A Python function.
    FunctionObj: Function {
        refs {
            /** The code object. */ code,
            /** The globals dict. */ globals,
            /** Positional defaults (tuple) or NULL. */ defaults,
            /** Keyword-only defaults (dict) or NULL. */ kwdefaults,
            /** Closure cells (tuple) or NULL. */ closure,
            /** `__name__`. */ name,
            /** `__qualname__`. */ qualname,
            /** `__doc__`. */ doc,
            /** `__dict__` or NULL. */ dict,
            /** `__module__`. */ module,
            /** `__annotations__` (dict) or NULL. */ annotations,
        }
        raw {}
    }
}
heap_struct! {
    /// A code object. Pinned.
    CodeObj: Code {
        refs { /** Constants (tuple). */ consts, /** Interned names (tuple). */ names }
        raw {
            /** The compiled code, leaked: code objects live for the whole run. */ code: *const pyrs_frontend::bytecode::CodeObject,
            /** The eval loop's companion data (inline caches, frame size), leaked; null until first needed. */ info: *const crate::eval::code::CodeInfo,
        }
    }
}
heap_struct! {
    /// A native function, possibly bound to a receiver. Its class tells its kind:
    /// `builtin_function_or_method`, `method_descriptor`, `wrapper_descriptor` (unbound
    /// slot dunders) or `method-wrapper` (bound ones).
    BuiltinObj: Builtin {
        refs { /** The bound receiver or NULL. */ receiver, /** `__name__`. */ name, /** `__qualname__` (e.g. `list.append`). */ qualname, /** The class defining a method (`__objclass__`) or the module of a function; NULL when unknown. */ owner }
        raw { /** The native function. */ func: crate::vm::NativeFn }
    }
}
heap_struct! {
    /// A Python function bound to an instance.
    MethodObj: Method { refs { /** The function. */ func, /** The receiver. */ receiver } raw {} }
}
heap_struct! {
    /// A closure cell.
    CellObj: Cell { refs { /** Content or NULL when empty. */ value } raw {} }
}
heap_struct! {
    /// A module.
    ModuleObj: Module { refs { /** Its namespace. */ dict, /** `__name__`. */ name } raw {} }
}
heap_struct! {
    /// A generator / coroutine / async generator.
    GeneratorObj: Generator {
        refs { /** `__name__`. */ name, /** `__qualname__`. */ qualname, /** The code object (`gi_code`). */ code }
        raw { /** The suspended frame (Rust-owned), or null once finished. */ frame: *mut crate::eval::frame::Frame, /** [`crate::eval::generator::GenState`]. */ state: u64 }
    }
}
heap_struct! {
    /// `property`.
    PropertyObj: Property { refs { /** Getter. */ fget, /** Setter. */ fset, /** Deleter. */ fdel, /** Doc. */ doc } raw {} }
}
heap_struct! {
    /// `staticmethod` / `classmethod`.
    MethodWrapperObj: MethodWrapper { refs { /** The wrapped callable. */ func } raw {} }
}
heap_struct! {
    /// `super(type, obj)`.
    SuperObj: Super { refs { /** The class to start after. */ this_class, /** The bound object or class. */ obj, /** `type(obj)` or obj if a class. */ obj_type } raw {} }
}
heap_struct! {
    /// Iterator over a sequence by index.
    SeqIterObj: SeqIter { refs { /** The sequence (NULL once exhausted). */ seq } raw { /** Next index (in bytes for non-ASCII str). */ index: u64 } }
}
heap_struct! {
    /// Iterator over a range.
    RangeIterObj: RangeIter { refs {} raw { /** Next value. */ next: i64, /** Step. */ step: i64, /** Items left. */ remaining: u64 } }
}
heap_struct! {
    /// Iterator over a dict (keys, values or items) or a set.
    DictIterObj: DictIter { refs { /** The dict or set. */ container } raw { /** Next entry index. */ index: u64, /** 0 keys, 1 values, 2 items, 3 set. */ which: u64, /** Size at creation, to detect resizing. */ size: u64 } }
}
heap_struct! {
    /// enumerate, zip, map, filter, reversed, iter(callable, sentinel), ...
    NativeIterObj: NativeIter { refs { /** First operand. */ a, /** Second operand. */ b, /** Third operand. */ c } raw { /** A counter. */ index: i64, /** [`crate::types::iters::NativeIterKind`]. */ which: u64 } }
}
heap_struct! {
    /// A dict view.
    DictViewObj: DictView { refs { /** The dict. */ dict } raw { /** 0 keys, 1 values, 2 items. */ which: u64 } }
}
heap_struct! {
    /// A `memoryview`: `len` items of `itemsize` bytes of `obj`, the first at byte `start`,
    /// each next `stride` bytes further ([`crate::types::memoryview`]).
    MemoryViewObj: MemoryView {
        refs { /** The exporter (bytes or bytearray). */ obj, /** `format` (str). */ format, /** The dimensions after the first (tuple), or NULL for 1-D views. */ shape }
        raw { /** Byte offset of the first item. */ start: u64, /** Items in the first dimension. */ len: u64, /** Bytes between items of the first dimension. */ stride: i64, /** Bytes per item. */ itemsize: u64, /** Released / read-only bits. */ flags: u64 }
    }
}
heap_struct! {
    /// Exception state, the `native` of exception instances.
    ExcDataObj: ExcData {
        refs { /** `args` (tuple). */ args, /** `__traceback__` or NULL. */ traceback, /** `__cause__` or NULL. */ cause, /** `__context__` or NULL. */ context, /** `__notes__` or NULL. */ notes, /** Fields of exception subclasses (`ImportError.name`, ...): a dict, or NULL. */ extra }
        raw { /** `__suppress_context__`. */ suppress_context: u64 }
    }
}
heap_struct! {
    /// One traceback entry (`tb_next` towards the frame that raised).
    TracebackObj: Traceback { refs { /** `tb_next`. */ next, /** The code object of the frame. */ code, /** `tb_frame` (a frame object). */ frame } raw { /** `tb_lineno`. */ lineno: u64, /** `tb_lasti`. */ lasti: u64 } }
}
heap_struct! {
    /// An open file.
    FileObj: File { refs { /** `name`. */ name, /** `mode`. */ mode } raw { /** The OS file and buffers. */ data: *mut crate::types::file::FileData } }
}
heap_struct! {
    /// An object whose state is a Rust value owned by it ([`crate::types::boxed`]).
    BoxedObj: Boxed { refs {} raw { /** The state, or null before it is set. */ data: *mut Box<dyn crate::types::boxed::BoxedState> } }
}
heap_struct! {
    /// A frame object. While its frame runs (or is suspended in a generator) it reads the
    /// live frame, found through the frame's `pyframe` link; when the frame ends it is
    /// detached: the fast locals move into `fast` and `lasti` keeps the last instruction.
    FrameObj: Frame {
        refs {
            /** `f_code`. */ code,
            /** `f_globals`. */ globals,
            /** `f_builtins` (the builtins dict). */ builtins,
            /** The locals mapping of module and class frames, or the cached `f_locals` dict of function frames (NULL until asked). */ locals,
            /** `f_back` recorded at creation (non-generator frames), or NULL. */ back,
            /** The generator, coroutine or async generator owning the frame, or NULL. */ gen,
            /** `f_trace`, or NULL. */ trace,
        }
        raw {
            /** [`crate::types::frame::FrameState`]. */ state: u64,
            /** The last instruction once detached. */ lasti: u64,
            /** The fast locals once detached: the buffer of a Vec<Value> given up by the frame (traced and freed by `types::frame`), or null. */ fast: *mut Value,
            /** Length of `fast`. */ fast_len: u64,
            /** Capacity of `fast`. */ fast_cap: u64,
        }
    }
}
heap_struct! {
    /// The awaitable returned by an async generator's `__anext__`, `asend`, `athrow` and
    /// `aclose`: driving it resumes the async generator.
    AsyncGenOpObj: AsyncGenOp {
        refs { /** The async generator. */ gen, /** The value to send, or the exception to throw. */ value }
        raw { /** [`crate::eval::asyncgen::OpKind`]. */ kind: u64, /** [`crate::eval::asyncgen::OpState`]. */ state: u64 }
    }
}
