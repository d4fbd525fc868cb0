//! Weak references: `weakref.ReferenceType`, `ProxyType` and `CallableProxyType`, and the
//! table through which the GC clears them.
//!
//! A weak reference is a boxed object whose state keeps its referent in a slot the GC does
//! not trace. The VM's [`WeakTable`] lists every weak reference object in weak slots; after
//! each collection has found everything reachable, [`WeakTable::visit_weak`] moves the
//! surviving weak references' referents along or clears them when they died. Callbacks of
//! cleared references run after the collection ([`run_pending_callbacks`]), never during it.

use crate::object::{self, Kind};
use crate::ops;
use crate::types::boxed::{self, BoxedState, Tracer};
use crate::types::class::{self, class_obj, class_of, flags};
use crate::value::Value;
use crate::vm::{Args, NativeFn, PyResult, Vm};
use pyrs_frontend::bytecode::{BinOp, CmpOp, UnOp};
use pyrs_gc::vm::Visitor;
use std::collections::HashMap;

/// Which kind of weak reference an object is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefKind {
    /// `weakref.ref`: called to get the referent.
    Ref,
    /// `weakref.proxy` of a non-callable object.
    Proxy,
    /// `weakref.proxy` of a callable object.
    CallableProxy,
}

/// The state of a weak reference object.
pub struct WeakRef {
    /// The referent; a weak slot (not traced), NULL once it died.
    referent: Value,
    /// The callback, NULL when none was given or once it was called.
    callback: Value,
    /// The referent's hash once computed (kept after it dies, as CPython does).
    hash: Option<i64>,
    kind: RefKind,
}

impl BoxedState for WeakRef {
    fn trace(&mut self, t: &mut Tracer<'_, '_>) {
        t.value(&mut self.callback);
    }
}

/// Every weak reference of the VM, and the callbacks due to run.
#[derive(Default)]
pub struct WeakTable {
    /// The Python-visible weak reference objects (a ref, a proxy, or an instance of a ref
    /// subclass), in creation order. Weak slots: NULL after their object died.
    refs: Vec<Value>,
    /// Weak references whose referent died and whose callback has to run. Strong roots.
    pending: Vec<Value>,
    /// Indices into `refs` by referent address; rebuilt after each collection.
    by_referent: HashMap<u64, Vec<usize>>,
    /// `weakref.ReferenceType`.
    pub ref_class: Value,
    /// `weakref.ProxyType`.
    pub proxy_class: Value,
    /// `weakref.CallableProxyType`.
    pub callable_proxy_class: Value,
}

impl WeakTable {
    /// Visits the strong roots of the table (weak references with a pending callback).
    pub(crate) fn visit_roots(&mut self, visit: &mut Visitor<'_>) {
        for v in self.pending.iter_mut() {
            visit(&mut v.0);
        }
    }

    /// Updates every weak slot after a collection found everything reachable: moves the
    /// weak references and their referents along, clears the referents that died and
    /// queues the callbacks of those that had one.
    pub(crate) fn visit_weak(&mut self, update: &mut Visitor<'_>) {
        for slot in self.refs.iter_mut() {
            update(&mut slot.0);
            if slot.is_null() {
                continue;
            }
            let Some(st) = boxed::state::<WeakRef>(*slot) else {
                continue;
            };
            if st.referent.is_null() {
                continue;
            }
            update(&mut st.referent.0);
            if st.referent.is_null() && !st.callback.is_null() {
                self.pending.push(*slot);
            }
        }
    }

    /// Forgets the dead weak references and re-indexes the others by referent.
    pub(crate) fn after_collection(&mut self) {
        self.refs.retain(|v| !v.is_null());
        self.by_referent.clear();
        for (i, &r) in self.refs.iter().enumerate() {
            if let Some(st) = boxed::state::<WeakRef>(r) {
                if !st.referent.is_null() {
                    self.by_referent.entry(st.referent.0).or_default().push(i);
                }
            }
        }
    }

    /// The live weak references to `obj`, oldest first.
    fn refs_to(&self, obj: Value) -> Vec<Value> {
        let Some(ixs) = self.by_referent.get(&obj.0) else {
            return Vec::new();
        };
        ixs.iter()
            .map(|&i| self.refs[i])
            .filter(|&r| boxed::state::<WeakRef>(r).is_some_and(|s| s.referent == obj))
            .collect()
    }

    fn add(&mut self, wr: Value, referent: Value) {
        self.refs.push(wr);
        self.by_referent
            .entry(referent.0)
            .or_default()
            .push(self.refs.len() - 1);
    }
}

/// Runs the callbacks of the weak references cleared by the last collection. An exception
/// in a callback is reported on stderr and otherwise ignored, as CPython does.
pub(crate) fn run_pending_callbacks(vm: &mut Vm) {
    while !vm.weakrefs.pending.is_empty() {
        let batch = std::mem::take(&mut vm.weakrefs.pending);
        for wr in batch {
            let Some(st) = boxed::state::<WeakRef>(wr) else {
                continue;
            };
            let cb = std::mem::replace(&mut st.callback, Value::NULL);
            if cb.is_null() || cb == vm.none {
                continue;
            }
            let saved = vm.exc;
            vm.exc = Value::NULL;
            if ops::call::call(vm, cb, &[wr]).is_err() {
                crate::finalize::report_unraisable(vm, cb);
            }
            vm.exc = saved;
        }
    }
}

/// Whether weak references to `obj` may be created (CPython's `tp_weaklistoffset`).
pub fn weakrefable(vm: &Vm, obj: Value) -> bool {
    match object::kind_of(obj) {
        Some(
            Kind::Function
            | Kind::Class
            | Kind::Set
            | Kind::Builtin
            | Kind::Method
            | Kind::Generator
            | Kind::Code
            | Kind::Module
            | Kind::File,
        ) => true,
        Some(Kind::Boxed) => boxed::dyn_state(obj).is_some_and(|s| s.weakrefable()),
        Some(Kind::Instance) => {
            let Some(inst) = object::downcast::<object::InstanceObj>(obj) else {
                return false;
            };
            let cls = class_of(vm, obj);
            if class_allows_weakrefs(vm, cls) {
                return !matches!(
                    class_obj(cls).native_kind,
                    Kind::BigInt | Kind::Bool | Kind::Tuple | Kind::Bytes
                );
            }
            object::kind_of(inst.native) == Some(Kind::Boxed)
                && boxed::dyn_state(inst.native).is_some_and(|s| s.weakrefable())
        }
        _ => false,
    }
}

/// Whether a Python class gives its instances a `__weakref__` slot: some class of its MRO
/// defined in Python has no `__slots__`, or lists `__weakref__` in them.
fn class_allows_weakrefs(vm: &Vm, cls: Value) -> bool {
    let key = vm.names.__slots__;
    for &c in class::mro(cls) {
        if class_obj(c).flags & flags::BUILTIN != 0 {
            continue;
        }
        let Some(spec) = crate::types::dict::get_str_key(class_obj(c).dict, key) else {
            return true;
        };
        let names: Vec<Value> = if crate::types::str::as_str(spec).is_some() {
            vec![spec]
        } else if let Some(t) = crate::types::tuple::as_tuple(spec) {
            t.items().to_vec()
        } else if crate::types::list::as_list(spec).is_some() {
            crate::types::list::list_items(spec).to_vec()
        } else {
            Vec::new()
        };
        if names
            .iter()
            .any(|&n| crate::types::str::as_str(n) == Some("__weakref__"))
        {
            return true;
        }
    }
    false
}

/// The name CPython gives the type of `v` in messages: `module.name` for the types of
/// native modules (their class name already says it), the bare name for the others.
pub fn display_type_name(vm: &mut Vm, v: Value) -> String {
    class::type_name(vm, v).to_string()
}

/// Creates (or reuses) a weak reference of class `cls` (ReferenceType, a subclass, or a
/// proxy class) to `obj` with `callback` (NULL or None for none).
pub fn new_weakref(vm: &mut Vm, cls: Value, obj: Value, callback: Value) -> PyResult {
    if !weakrefable(vm, obj) {
        let t = display_type_name(vm, obj);
        return Err(vm.type_error(format!("cannot create weak reference to '{t}' object")));
    }
    let callback = if callback == vm.none {
        Value::NULL
    } else {
        callback
    };
    let kind = if cls == vm.weakrefs.proxy_class || cls == vm.weakrefs.callable_proxy_class {
        if cls == vm.weakrefs.callable_proxy_class {
            RefKind::CallableProxy
        } else {
            RefKind::Proxy
        }
    } else {
        RefKind::Ref
    };
    let plain = kind != RefKind::Ref || cls == vm.weakrefs.ref_class;
    if callback.is_null() && plain {
        for r in vm.weakrefs.refs_to(obj) {
            let reusable = class_of(vm, r) == cls
                && boxed::state::<WeakRef>(r).is_some_and(|s| s.callback.is_null());
            if reusable {
                return Ok(r);
            }
        }
    }
    let base = match kind {
        RefKind::Ref => vm.weakrefs.ref_class,
        RefKind::Proxy => vm.weakrefs.proxy_class,
        RefKind::CallableProxy => vm.weakrefs.callable_proxy_class,
    };
    let st = WeakRef {
        referent: obj,
        callback,
        hash: None,
        kind,
    };
    let b = boxed::new_boxed(vm, base, st);
    let wr = if cls == base {
        b
    } else {
        crate::types::instance::new_instance(vm, cls, b)
    };
    vm.weakrefs.add(wr, obj);
    Ok(wr)
}

/// `weakref.proxy(obj, callback)`.
pub fn new_proxy(vm: &mut Vm, obj: Value, callback: Value) -> PyResult {
    let callable = is_callable(vm, obj);
    let cls = if callable {
        vm.weakrefs.callable_proxy_class
    } else {
        vm.weakrefs.proxy_class
    };
    new_weakref(vm, cls, obj, callback)
}

fn is_callable(vm: &mut Vm, v: Value) -> bool {
    match object::kind_of(v) {
        Some(Kind::Function | Kind::Builtin | Kind::Method | Kind::Class) => true,
        _ => {
            let n = vm.names.__call__;
            !ops::lookup_special(vm, v, n).is_null()
        }
    }
}

/// The weak references to `obj` (`weakref.getweakrefs`).
pub fn weakrefs_to(vm: &Vm, obj: Value) -> Vec<Value> {
    vm.weakrefs.refs_to(obj)
}

/// The referent of weak reference `wr`: `Some(None)` when it died, `None` if `wr` is not a
/// weak reference.
pub fn referent(wr: Value) -> Option<Option<Value>> {
    let st = boxed::state::<WeakRef>(wr)?;
    Some(if st.referent.is_null() {
        None
    } else {
        Some(st.referent)
    })
}

fn this<'a>(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<&'a mut WeakRef> {
    match args.pos.first().and_then(|&v| boxed::state::<WeakRef>(v)) {
        Some(s) => Ok(s),
        None => Err(vm.type_error(format!("descriptor '{name}' requires a weakref object"))),
    }
}

fn ref_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = vm.weakrefs.ref_class;
    let Some(&cls) = args.pos.first() else {
        return Err(vm.type_error("ref.__new__(): not enough arguments"));
    };
    if !object::is::<object::ClassObj>(cls) || !class::is_subclass(cls, base) {
        return Err(vm.type_error("ref.__new__(X): X is not a subtype of ref"));
    }
    if !args.kw.is_empty() && cls == base {
        return Err(vm.type_error("ref() takes no keyword arguments"));
    }
    let n = args.pos.len() - 1;
    if n < 1 {
        return Err(vm.type_error(format!("__new__ expected at least 1 argument, got {n}")));
    }
    if n > 2 {
        return Err(vm.type_error(format!("__new__ expected at most 2 arguments, got {n}")));
    }
    let cb = args.pos.get(2).copied().unwrap_or(Value::NULL);
    new_weakref(vm, cls, args.pos[1], cb)
}

fn ref_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = args.pos.len().saturating_sub(1);
    if n > 2 {
        return Err(vm.type_error(format!("__init__ expected at most 2 arguments, got {n}")));
    }
    Ok(vm.none)
}

fn ref_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let st = this(vm, &args, "__call__")?;
    if args.pos.len() > 1 || !args.kw.is_empty() {
        return Err(vm.type_error(format!(
            "weakref() takes no arguments ({} given)",
            args.pos.len() - 1 + args.kw.len()
        )));
    }
    Ok(if st.referent.is_null() {
        vm.none
    } else {
        st.referent
    })
}

fn ref_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let st = this(vm, &args, "__hash__")?;
    if let Some(h) = st.hash {
        return Ok(crate::types::int::new_i64(vm, h));
    }
    let r = st.referent;
    if r.is_null() {
        return Err(vm.type_error("weak object has gone away"));
    }
    let h = ops::hash::hash(vm, r)?;
    if let Some(st) = boxed::state::<WeakRef>(args.pos[0]) {
        st.hash = Some(h);
    }
    Ok(crate::types::int::new_i64(vm, h))
}

fn ref_compare(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult {
    args.check(vm, "__eq__", 2, 2)?;
    let (a, b) = (args.pos[0], args.pos[1]);
    let base = vm.weakrefs.ref_class;
    if !class::is_subclass(class_of(vm, b), base) {
        return Ok(vm.not_implemented);
    }
    let (Some(Some(ra)), Some(Some(rb))) = (referent(a), referent(b)) else {
        let same = a == b;
        return Ok(vm.bool(if op == CmpOp::Eq { same } else { !same }));
    };
    ops::compare::rich_compare(vm, ra, rb, op)
}

fn ref_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    ref_compare(vm, args, CmpOp::Eq)
}

fn ref_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    ref_compare(vm, args, CmpOp::Ne)
}

fn ref_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let st = this(vm, &args, "__repr__")?;
    let r = st.referent;
    let me = crate::types::identity::id_of(vm, args.pos[0]);
    let s = if r.is_null() {
        format!("<weakref at {me:#x}; dead>")
    } else {
        let t = display_type_name(vm, r);
        let id = crate::types::identity::id_of(vm, r);
        let name_key = vm.names.__name__;
        let name = ops::attr::getattr_opt(vm, r, name_key)?;
        match name.and_then(|n| crate::types::str::as_str(n).map(|s| s.to_string())) {
            Some(n) => format!("<weakref at {me:#x}; to '{t}' at {id:#x} ({n})>"),
            None => format!("<weakref at {me:#x}; to '{t}' at {id:#x}>"),
        }
    };
    Ok(crate::types::str::new_str(vm, &s))
}

fn ref_callback(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let st = this(vm, &args, "__callback__")?;
    Ok(if st.callback.is_null() {
        vm.none
    } else {
        st.callback
    })
}

/// The referent of a proxy, or `ReferenceError` when it died; other values unchanged.
fn unwrap_proxy(vm: &mut Vm, v: Value) -> PyResult {
    match boxed::state::<WeakRef>(v) {
        Some(st) if st.kind != RefKind::Ref => {
            if st.referent.is_null() {
                let c = vm.cls.reference_error;
                Err(vm.raise_new(c, "weakly-referenced object no longer exists"))
            } else {
                Ok(st.referent)
            }
        }
        _ => Ok(v),
    }
}

fn proxy_target(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult {
    let Some(&p) = args.pos.first() else {
        return Err(vm.type_error(format!("{name} needs an argument")));
    };
    unwrap_proxy(vm, p)
}

fn proxy_getattribute(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__getattribute__", 2, 2)?;
    let o = proxy_target(vm, &args, "__getattribute__")?;
    ops::attr::getattr(vm, o, args.pos[1])
}

fn proxy_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__setattr__", 3, 3)?;
    let o = proxy_target(vm, &args, "__setattr__")?;
    ops::attr::setattr(vm, o, args.pos[1], args.pos[2])?;
    Ok(vm.none)
}

fn proxy_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__delattr__", 2, 2)?;
    let o = proxy_target(vm, &args, "__delattr__")?;
    ops::attr::delattr(vm, o, args.pos[1])?;
    Ok(vm.none)
}

fn proxy_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.pos[0];
    let r = referent(p).flatten().unwrap_or(vm.none);
    let me = crate::types::identity::id_of(vm, p);
    let id = crate::types::identity::id_of(vm, r);
    let t = display_type_name(vm, r);
    let s = format!("<weakproxy at {me:#x}; to '{t}' at {id:#x}>");
    Ok(crate::types::str::new_str(vm, &s))
}

fn proxy_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let o = proxy_target(vm, &args, "__str__")?;
    ops::convert::to_str(vm, o)
}

fn proxy_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = display_type_name(vm, args.pos[0]);
    Err(vm.type_error(format!("unhashable type: '{t}'")))
}

fn proxy_bool(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let o = proxy_target(vm, &args, "__bool__")?;
    let b = ops::convert::truthy(vm, o)?;
    Ok(vm.bool(b))
}

fn proxy_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let o = proxy_target(vm, &args, "__len__")?;
    let n = ops::convert::len(vm, o)?;
    Ok(crate::types::int::new_i64(vm, n as i64))
}

fn proxy_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let o = proxy_target(vm, &args, "__iter__")?;
    ops::iter::iter(vm, o)
}

fn proxy_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let o = proxy_target(vm, &args, "__next__")?;
    let n = vm.names.__next__;
    if ops::lookup_special(vm, o, n).is_null() {
        let t = display_type_name(vm, o);
        return Err(vm.type_error(format!(
            "Weakref proxy referenced a non-iterator '{t}' object"
        )));
    }
    match ops::iter::next(vm, o)? {
        Some(v) => Ok(v),
        None => {
            let none = vm.none;
            Err(vm.stop_iteration(none))
        }
    }
}

fn proxy_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__getitem__", 2, 2)?;
    let o = proxy_target(vm, &args, "__getitem__")?;
    ops::subscript::getitem(vm, o, args.pos[1])
}

fn proxy_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__setitem__", 3, 3)?;
    let o = proxy_target(vm, &args, "__setitem__")?;
    ops::subscript::setitem(vm, o, args.pos[1], args.pos[2])?;
    Ok(vm.none)
}

fn proxy_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__delitem__", 2, 2)?;
    let o = proxy_target(vm, &args, "__delitem__")?;
    ops::subscript::delitem(vm, o, args.pos[1])?;
    Ok(vm.none)
}

fn proxy_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__contains__", 2, 2)?;
    let o = proxy_target(vm, &args, "__contains__")?;
    let b = ops::subscript::contains(vm, o, args.pos[1])?;
    Ok(vm.bool(b))
}

fn proxy_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let o = proxy_target(vm, &args, "__call__")?;
    ops::call::call_args(
        vm,
        o,
        Args {
            pos: &args.pos[1..],
            kw: args.kw,
            kwnames: args.kwnames,
        },
    )
}

fn proxy_special(vm: &mut Vm, args: Args<'_>, name: &str) -> PyResult {
    let o = proxy_target(vm, &args, name)?;
    let n = vm.intern(name);
    let m = ops::lookup_special(vm, o, n);
    if m.is_null() {
        let t = class::type_name(vm, o).to_string();
        return Err(vm.type_error(format!("'{t}' object has no attribute '{name}'")));
    }
    ops::call::call_unbound(vm, m, o, &[o])
}

fn proxy_compare(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult {
    args.check(vm, "comparison", 2, 2)?;
    let a = proxy_target(vm, &args, "comparison")?;
    let b = unwrap_proxy(vm, args.pos[1])?;
    ops::compare::rich_compare(vm, a, b, op)
}

fn proxy_binary(vm: &mut Vm, args: Args<'_>, op: BinOp, reflected: bool) -> PyResult {
    args.check(vm, "operator", 2, 2)?;
    let a = proxy_target(vm, &args, "operator")?;
    let b = unwrap_proxy(vm, args.pos[1])?;
    if reflected {
        ops::arith::binary_op(vm, b, a, op)
    } else {
        ops::arith::binary_op(vm, a, b, op)
    }
}

fn proxy_unary(vm: &mut Vm, args: Args<'_>, op: UnOp) -> PyResult {
    let o = proxy_target(vm, &args, "operator")?;
    ops::arith::unary_op(vm, o, op)
}

/// Declares forwarding functions of proxies: one native function per dunder.
macro_rules! forwarders {
    (
        compare { $( $cname:literal $cf:ident $cop:ident ),* $(,)? }
        binary { $( $bname:literal $bf:ident $rname:literal $rf:ident $iname:literal $if_:ident $op:ident $iop:ident ),* $(,)? }
        unary { $( $uname:literal $uf:ident $uop:ident ),* $(,)? }
        special { $( $sname:literal $sf:ident ),* $(,)? }
    ) => {
        $( fn $cf(vm: &mut Vm, args: Args<'_>) -> PyResult { proxy_compare(vm, args, CmpOp::$cop) } )*
        $(
            fn $bf(vm: &mut Vm, args: Args<'_>) -> PyResult { proxy_binary(vm, args, BinOp::$op, false) }
            fn $rf(vm: &mut Vm, args: Args<'_>) -> PyResult { proxy_binary(vm, args, BinOp::$op, true) }
            fn $if_(vm: &mut Vm, args: Args<'_>) -> PyResult { proxy_binary(vm, args, BinOp::$iop, false) }
        )*
        $( fn $uf(vm: &mut Vm, args: Args<'_>) -> PyResult { proxy_unary(vm, args, UnOp::$uop) } )*
        $( fn $sf(vm: &mut Vm, args: Args<'_>) -> PyResult { proxy_special(vm, args, $sname) } )*

        /// The forwarding dunders of proxies.
        const PROXY_FORWARDERS: &[(&str, NativeFn)] = &[
            $( ($cname, $cf), )*
            $( ($bname, $bf), ($rname, $rf), ($iname, $if_), )*
            $( ($uname, $uf), )*
            $( ($sname, $sf), )*
        ];
    };
}

forwarders! {
    compare {
        "__lt__" p_lt Lt, "__le__" p_le Le, "__eq__" p_eq Eq,
        "__ne__" p_ne Ne, "__gt__" p_gt Gt, "__ge__" p_ge Ge,
    }
    binary {
        "__add__" p_add "__radd__" p_radd "__iadd__" p_iadd Add IAdd,
        "__sub__" p_sub "__rsub__" p_rsub "__isub__" p_isub Sub ISub,
        "__mul__" p_mul "__rmul__" p_rmul "__imul__" p_imul Mul IMul,
        "__matmul__" p_matmul "__rmatmul__" p_rmatmul "__imatmul__" p_imatmul MatMul IMatMul,
        "__truediv__" p_truediv "__rtruediv__" p_rtruediv "__itruediv__" p_itruediv TrueDiv ITrueDiv,
        "__floordiv__" p_floordiv "__rfloordiv__" p_rfloordiv "__ifloordiv__" p_ifloordiv FloorDiv IFloorDiv,
        "__mod__" p_mod "__rmod__" p_rmod "__imod__" p_imod Mod IMod,
        "__pow__" p_pow "__rpow__" p_rpow "__ipow__" p_ipow Pow IPow,
        "__lshift__" p_lshift "__rlshift__" p_rlshift "__ilshift__" p_ilshift LShift ILShift,
        "__rshift__" p_rshift "__rrshift__" p_rrshift "__irshift__" p_irshift RShift IRShift,
        "__and__" p_and "__rand__" p_rand "__iand__" p_iand And IAnd,
        "__or__" p_or "__ror__" p_ror "__ior__" p_ior Or IOr,
        "__xor__" p_xor "__rxor__" p_rxor "__ixor__" p_ixor Xor IXor,
    }
    unary {
        "__neg__" p_neg Neg, "__pos__" p_pos Pos, "__invert__" p_invert Invert,
    }
    special {
        "__abs__" p_abs, "__int__" p_int, "__float__" p_float, "__index__" p_index,
        "__bytes__" p_bytes, "__reversed__" p_reversed,
    }
}

/// Creates the weak reference classes and registers their methods.
pub(crate) fn init(vm: &mut Vm) {
    let object = vm.cls.object;
    let r = class::new_native_class(vm, "weakref", "ReferenceType", object, Kind::Boxed, true);
    let p = class::new_native_class(vm, "weakref", "ProxyType", object, Kind::Boxed, false);
    let cp = class::new_native_class(
        vm,
        "weakref",
        "CallableProxyType",
        object,
        Kind::Boxed,
        false,
    );
    vm.weakrefs.ref_class = r;
    vm.weakrefs.proxy_class = p;
    vm.weakrefs.callable_proxy_class = cp;
    vm.add_staticmethod(r, "__new__", ref_new);
    vm.add_classmethod(r, "__class_getitem__", crate::types::list::class_getitem);
    vm.add_methods(
        r,
        &[
            ("__init__", ref_init),
            ("__call__", ref_call),
            ("__hash__", ref_hash),
            ("__eq__", ref_eq),
            ("__ne__", ref_ne),
            ("__repr__", ref_repr),
        ],
    );
    vm.add_getset(r, "__callback__", ref_callback, None);
    for cls in [p, cp] {
        vm.add_methods(cls, PROXY_FORWARDERS);
        vm.add_methods(
            cls,
            &[
                ("__getattribute__", proxy_getattribute),
                ("__setattr__", proxy_setattr),
                ("__delattr__", proxy_delattr),
                ("__repr__", proxy_repr),
                ("__str__", proxy_str),
                ("__hash__", proxy_hash),
                ("__bool__", proxy_bool),
                ("__len__", proxy_len),
                ("__iter__", proxy_iter),
                ("__next__", proxy_next),
                ("__getitem__", proxy_getitem),
                ("__setitem__", proxy_setitem),
                ("__delitem__", proxy_delitem),
                ("__contains__", proxy_contains),
            ],
        );
        class_obj(cls).flags |= flags::CUSTOM_ATTR;
    }
    vm.add_method(cp, "__call__", proxy_call);
}
