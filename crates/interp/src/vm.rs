//! The virtual machine's state: the heap, the builtin classes, interned names, the frame
//! stack, the raised exception, and the roots the GC sees.

use crate::eval::frame::Frame;
use crate::object::{self, Kind};
use crate::types::class::BuiltinClasses;
use crate::value::Value;
use pyrs_gc::vm::{RootSet, Visitor};
use pyrs_gc::{CollectOutcome, GcConfig, Heap, PlanKind};
use std::collections::HashMap;

/// Marks that a Python exception was raised; the exception object is in [`Vm::exc`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Raised;

/// The result of anything that can raise.
pub type PyResult<T = Value> = Result<T, Raised>;

/// The arguments of a native call: positional values, then keyword values named by
/// `kwnames` (interned strs, same length as `kw`).
#[derive(Clone, Copy)]
pub struct Args<'a> {
    /// Positional arguments (for methods, the receiver first).
    pub pos: &'a [Value],
    /// Keyword argument values.
    pub kw: &'a [Value],
    /// Keyword argument names.
    pub kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    /// Positional-only arguments.
    pub fn positional(pos: &'a [Value]) -> Args<'a> {
        Args {
            pos,
            kw: &[],
            kwnames: &[],
        }
    }
}

/// A native function: a builtin, or a method of a builtin class (receiver in `pos[0]`).
pub type NativeFn = fn(&mut Vm, Args<'_>) -> PyResult;

/// Initialises a native module: returns the module object.
pub type ModuleInit = fn(&mut Vm) -> PyResult;

/// Options the embedder chooses.
#[derive(Clone, Debug)]
pub struct VmOptions {
    /// The GC plan.
    pub gc_plan: PlanKind,
    /// GC tuning.
    pub gc_config: GcConfig,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Entries put in front of `sys.path` (the script's folder).
    pub path: Vec<String>,
}

/// The interpreter.
pub struct Vm {
    /// The GC heap.
    pub heap: Heap,
    /// The builtin classes.
    pub cls: BuiltinClasses,
    /// `None`.
    pub none: Value,
    /// `True`.
    pub true_: Value,
    /// `False`.
    pub false_: Value,
    /// `NotImplemented`.
    pub not_implemented: Value,
    /// `Ellipsis`.
    pub ellipsis: Value,
    /// The exception being raised (valid after an `Err(Raised)`).
    pub exc: Value,
    /// The exception being handled (`sys.exc_info()`), or NULL.
    pub handled: Value,
    /// The active interpreter frames, innermost last.
    pub frames: Vec<Box<Frame>>,
    /// How many native calls into Python are active. Collections run only at depth 0, so
    /// native code may hold plain Values across calls into Python.
    pub native_depth: usize,
    /// Python call depth, for `RecursionError`.
    pub call_depth: usize,
    /// `sys.getrecursionlimit()`.
    pub recursion_limit: usize,
    /// Values kept alive and updated by the GC for native code (handles), and VM-global
    /// references (modules, builtins, sys).
    pub roots: Vec<Value>,
    /// Interned strings by content. They are pinned, so the map needs no updating.
    interned: HashMap<Box<str>, Value>,
    /// Native modules by name, created on first import.
    pub native_modules: HashMap<String, ModuleInit>,
    /// Well-known interned names.
    pub names: crate::names::Names,
    /// Index in `roots` of `sys.modules`.
    pub(crate) sys_modules_root: usize,
    /// Index in `roots` of the builtins dict.
    pub(crate) builtins_root: usize,
    /// Index in `roots` of the `sys` module.
    pub(crate) sys_root: usize,
    /// Attribute lookup cache on classes, cleared at each collection.
    pub(crate) method_cache: crate::types::class::MethodCache,
    /// Number of collections so far: inline caches that hold movable Values record it and
    /// are ignored once it changed (their Value may have moved).
    pub gc_epoch: u64,
    /// Frames of finished calls kept for reuse, so that a call allocates nothing.
    pub(crate) frame_pool: Vec<Box<Frame>>,
    /// The interned dunder names of each binary operator: (`__op__`, `__rop__`, `__iop__`),
    /// indexed like `BinOp`'s plain forms.
    pub(crate) binop_names: [[Value; 3]; 13],
    /// Options given at creation.
    pub options: VmOptions,
    /// Identities of movable objects (`id()`).
    pub(crate) ids: crate::types::identity::IdTable,
    /// Every weak reference, cleared by the GC when its referent dies.
    pub weakrefs: crate::types::weakref::WeakTable,
    /// Pinned objects of native modules (their classes and module-wide state), by
    /// `module.name`.
    pub native_classes: HashMap<&'static str, Value>,
    /// The tracing JIT, when one is installed (`jit::install`).
    pub jit: Option<Box<crate::jit::JitState>>,
    /// The time collections run to finalize early may take (`crate::finalize`).
    pub(crate) eager_collections: crate::finalize::EagerCollections,
}

struct VmRoots<'a> {
    frames: &'a mut Vec<Box<Frame>>,
    roots: &'a mut Vec<Value>,
    exc: &'a mut Value,
    handled: &'a mut Value,
    ids: &'a mut crate::types::identity::IdTable,
    weakrefs: &'a mut crate::types::weakref::WeakTable,
    jit: &'a mut Option<Box<crate::jit::JitState>>,
}

impl RootSet for VmRoots<'_> {
    fn visit_roots(&mut self, visit: &mut Visitor<'_>) {
        for f in self.frames.iter_mut() {
            f.visit(visit);
        }
        for r in self.roots.iter_mut() {
            visit(&mut r.0);
        }
        visit(&mut self.exc.0);
        visit(&mut self.handled.0);
        self.weakrefs.visit_roots(visit);
        if let Some(j) = self.jit.as_mut() {
            j.consts.visit(visit);
        }
    }

    fn visit_weak_roots(&mut self, update: &mut Visitor<'_>) {
        for (v, _) in self.ids.entries.iter_mut() {
            update(&mut v.0);
        }
        self.weakrefs.visit_weak(update);
    }
}

impl Vm {
    /// Creates an interpreter with the builtin classes, builtins and `sys` ready.
    pub fn new(options: VmOptions) -> Box<Vm> {
        let mut heap = Heap::new(options.gc_plan, options.gc_config.clone());
        object::register_all(&mut heap);
        let mut vm = Box::new(Vm {
            heap,
            cls: BuiltinClasses::default(),
            none: Value::NULL,
            true_: Value::NULL,
            false_: Value::NULL,
            not_implemented: Value::NULL,
            ellipsis: Value::NULL,
            exc: Value::NULL,
            handled: Value::NULL,
            frames: Vec::new(),
            native_depth: 0,
            call_depth: 0,
            recursion_limit: 1000,
            roots: Vec::new(),
            interned: HashMap::new(),
            native_modules: HashMap::new(),
            names: crate::names::Names::default(),
            sys_modules_root: 0,
            builtins_root: 0,
            sys_root: 0,
            method_cache: Default::default(),
            gc_epoch: 0,
            frame_pool: Vec::new(),
            binop_names: [[Value::NULL; 3]; 13],
            options,
            ids: Default::default(),
            weakrefs: Default::default(),
            jit: None,
            native_classes: HashMap::new(),
            eager_collections: Default::default(),
        });
        crate::bootstrap::bootstrap(&mut vm);
        for (i, (name, rname, iname)) in crate::names::BINOP_DUNDERS.iter().enumerate() {
            vm.binop_names[i] = [vm.intern(name), vm.intern(rname), vm.intern(iname)];
        }
        vm
    }

    /// A safepoint of the outermost eval loop: collects if one is due and no native code is
    /// on the stack. Every reference the caller holds must be in a frame or a root.
    #[inline]
    pub fn safepoint(&mut self) -> PyResult<()> {
        if self.native_depth == 0 && self.heap.collection_requested() {
            self.collect_now()?;
        }
        Ok(())
    }

    /// Runs a collection now (`gc.collect()`); only legal when no native code holds Values
    /// outside roots (native depth 0, or everything such code holds is in `roots`).
    /// Afterwards, runs the callbacks of the weak references it cleared.
    pub fn collect_now(&mut self) -> PyResult<()> {
        self.method_cache.clear();
        self.gc_epoch += 1;
        let mut roots = VmRoots {
            frames: &mut self.frames,
            roots: &mut self.roots,
            exc: &mut self.exc,
            handled: &mut self.handled,
            ids: &mut self.ids,
            weakrefs: &mut self.weakrefs,
            jit: &mut self.jit,
        };
        let outcome = self.heap.collect(&mut roots);
        self.ids.after_collection();
        self.weakrefs.after_collection();
        crate::types::weakref::run_pending_callbacks(self);
        crate::finalize::run_unreachable(self);
        if outcome == CollectOutcome::OutOfMemory {
            return Err(self.memory_error());
        }
        Ok(())
    }

    /// Raises `MemoryError`.
    pub fn memory_error(&mut self) -> Raised {
        let cls = self.cls.memory_error;
        self.raise_new(cls, "")
    }

    /// Allocates a movable object of layout `kind` with `size` zeroed bytes and class `class`.
    #[inline]
    pub fn alloc(&mut self, kind: Kind, size: usize, class: Value) -> *mut u8 {
        let p = self.heap.alloc(pyrs_gc::TypeId(kind as u32), size);
        // SAFETY: `p` is a fresh zeroed object of at least MIN_OBJECT_SIZE bytes.
        unsafe { (*(p as *mut object::ObjHead)).class = class };
        p
    }

    /// Allocates a fixed-size object of layout `T` (zeroed apart from head) with class `class`.
    #[inline]
    pub fn alloc_obj<'a, T: object::HeapObj>(&mut self, class: Value) -> (Value, &'a mut T) {
        let p = self.alloc(T::KIND, std::mem::size_of::<T>(), class);
        // SAFETY: `p` is a fresh zeroed object of layout `T`; all-zero is a valid `T` (Values
        // NULL, numbers 0, raw pointers null).
        (Value::from_addr(p), unsafe { &mut *(p as *mut T) })
    }

    /// As [`Vm::alloc_obj`] but pinned (never moves, never freed).
    pub fn alloc_pinned_obj<'a, T: object::HeapObj>(&mut self, class: Value) -> (Value, &'a mut T) {
        let p = self
            .heap
            .alloc_pinned(pyrs_gc::TypeId(T::KIND as u32), std::mem::size_of::<T>());
        // SAFETY: as in `alloc_obj`.
        unsafe {
            (*(p as *mut object::ObjHead)).class = class;
            (Value::from_addr(p), &mut *(p as *mut T))
        }
    }

    /// The interned str for `s` (pinned: its address identifies the name).
    pub fn intern(&mut self, s: &str) -> Value {
        if let Some(&v) = self.interned.get(s) {
            return v;
        }
        let v = crate::types::str::alloc_str(self, s, true);
        self.interned.insert(s.into(), v);
        v
    }

    /// The interned version of a str value (itself if already interned).
    pub fn intern_value(&mut self, s: Value) -> Value {
        // Interned strs are exactly the pinned ones.
        if crate::object::kind_of(s) == Some(Kind::Str) && crate::object::is_pinned(s) {
            return s;
        }
        let text = crate::types::str::as_str(s).unwrap_or("");
        if let Some(&v) = self.interned.get(text) {
            return v;
        }
        let text: Box<str> = text.into();
        let v = crate::types::str::alloc_str(self, &text, true);
        self.interned.insert(text, v);
        v
    }

    /// Pushes a Value on the root stack; returns its index for [`Vm::root_get`].
    pub fn root_push(&mut self, v: Value) -> usize {
        self.roots.push(v);
        self.roots.len() - 1
    }

    /// Reads a rooted Value (it may have moved since it was pushed).
    pub fn root_get(&self, i: usize) -> Value {
        self.roots[i]
    }

    /// Pops the root stack back to `len` entries.
    pub fn root_truncate(&mut self, len: usize) {
        self.roots.truncate(len);
    }

    /// `sys.modules`.
    pub fn sys_modules(&self) -> Value {
        self.roots[self.sys_modules_root]
    }

    /// The builtins namespace dict.
    pub fn builtins(&self) -> Value {
        self.roots[self.builtins_root]
    }

    /// The `sys` module.
    pub fn sys_module(&self) -> Value {
        self.roots[self.sys_root]
    }

    /// Registers a native module, created on first import.
    pub fn register_native_module(&mut self, name: &str, init: ModuleInit) {
        self.native_modules.insert(name.to_string(), init);
    }

    /// A Python bool.
    #[inline(always)]
    pub fn bool(&self, b: bool) -> Value {
        if b {
            self.true_
        } else {
            self.false_
        }
    }
}
