//! Python-level finalization: `__del__` methods and the closing of suspended generators.
//!
//! CPython runs these when the last reference goes away. pyrs has no reference counts: an
//! object that needs one is guarded on the heap ([`pyrs_gc::Heap::guard`]), the collection
//! that finds it unreachable keeps it alive and hands it over, and the VM runs its finalizer
//! once, right after that collection. At exit, what is still guarded is finalized too, as
//! CPython does when it tears the modules down. A `del` of a guarded object collects at
//! once, so that the common `del obj` runs `__del__` where CPython would.
//!
//! Guarded objects: instances of classes whose MRO defines `__del__` (from creation on),
//! and plain generators suspended inside a `try` or `with` block (from that suspension on:
//! closing any other generator runs no Python code).

use crate::object::{self, Kind};
use crate::types::class::{self, flags};
use crate::value::Value;
use crate::vm::Vm;

/// Guards a new instance of `cls` if its class defines `__del__`.
#[inline]
pub fn guard_instance(vm: &mut Vm, cls: Value, inst: Value) {
    if class::class_obj(cls).flags & flags::HAS_DEL != 0 {
        vm.heap.guard(inst.addr());
    }
}

/// Guards generator `g`, suspended at instruction `pc` of `code`, when closing it would run
/// a handler of its own.
pub(crate) fn guard_suspended_generator(
    vm: &mut Vm,
    g: Value,
    code: &pyrs_frontend::bytecode::CodeObject,
    pc: u32,
) {
    if !code.exception_table.is_empty()
        && !object::is_guarded(g)
        && class::class_of(vm, g) == vm.cls.generator
        && code.handler_for(pc).is_some()
    {
        vm.heap.guard(g.addr());
    }
}

/// After a `del` or a rebinding dropped a reference to `old`: when it is guarded, collects
/// now if a collection may run here, so that its finalizer runs before the next statement
/// if that was its last reference, as in CPython. The caller holds no Values outside frames
/// and roots (a safepoint).
#[inline]
pub fn collect_after_del(vm: &mut Vm, old: Value) -> crate::vm::PyResult<()> {
    if object::is_guarded(old) {
        collect_if_safe(vm)?;
    }
    Ok(())
}

/// Collects now if no native code is on the stack and eager collections have not taken
/// more than their share of the run (a guarded object's last reference was probably just
/// dropped); the caller holds no Values outside frames and roots. Under `PYRS_GC_STRESS`
/// every such point collects, as every safepoint does.
pub fn collect_if_safe(vm: &mut Vm) -> crate::vm::PyResult<()> {
    if vm.native_depth == 0 && (vm.eager_collections.allowed() || vm.heap.config().stress) {
        let start = std::time::Instant::now();
        let r = vm.collect_now();
        vm.eager_collections.spent += start.elapsed();
        r?;
    }
    Ok(())
}

/// The time spent in collections run only to finalize early, kept to a small share of the
/// run: a program that drops guarded objects in a hot loop gets its finalizers at the
/// regular collections instead of paying a full collection for each.
pub struct EagerCollections {
    started: std::time::Instant,
    spent: std::time::Duration,
}

impl EagerCollections {
    /// Eager collections may take this share of the time since start-up...
    const SHARE: f64 = 0.1;
    /// ...plus this much, so that short programs finalize as promptly as CPython.
    const ALLOWANCE: std::time::Duration = std::time::Duration::from_millis(20);

    /// Starts counting now.
    pub fn new() -> EagerCollections {
        EagerCollections {
            started: std::time::Instant::now(),
            spent: std::time::Duration::ZERO,
        }
    }

    fn allowed(&self) -> bool {
        self.spent < Self::ALLOWANCE + self.started.elapsed().mul_f64(Self::SHARE)
    }
}

impl Default for EagerCollections {
    fn default() -> Self {
        Self::new()
    }
}

/// Whether a returning frame held a guarded object that its caller did not pass in (a local
/// that is not a parameter, or a stack entry): the call may have dropped its last reference.
pub(crate) fn frame_drops_guarded(frame: &crate::eval::frame::Frame) -> bool {
    let code = &frame.code;
    let mut params = (code.argcount + code.kwonlyargcount) as usize;
    params += (code.flags & pyrs_frontend::bytecode::flags::VARARGS != 0) as usize;
    params += (code.flags & pyrs_frontend::bytecode::flags::VARKEYWORDS != 0) as usize;
    frame
        .values
        .get(params..)
        .is_some_and(|rest| rest.iter().any(|&v| object::is_guarded(v)))
}

/// The value of str key `name` in `namespace` when it is a dict (NULL otherwise), read
/// before a `del` removes it.
pub fn dict_value(namespace: Value, name: Value) -> Value {
    if object::kind_of(namespace) == Some(Kind::Dict) {
        crate::types::dict::get_str_key(namespace, name).unwrap_or(Value::NULL)
    } else {
        Value::NULL
    }
}

/// Takes the guarded objects the last collection found unreachable and runs their
/// finalizers. Called after every collection, where Python code may run.
pub(crate) fn run_unreachable(vm: &mut Vm) {
    loop {
        let found = vm.heap.take_unreachable_guarded();
        if found.is_empty() {
            return;
        }
        run_all(vm, found);
    }
}

/// At exit: finalizes the guarded objects that are already garbage, then all the others,
/// each in the order they were guarded. Objects that these finalizers create are left
/// alone, as CPython leaves what its module teardown creates (else a finalizer that makes
/// a new finalizable object would never let the program end).
pub fn run_at_exit(vm: &mut Vm) {
    if vm.collect_now().is_err() {
        vm.exc = Value::NULL;
    }
    let left = vm.heap.take_all_guarded();
    run_all(vm, left);
}

/// Runs the finalizers of `objs` (heap addresses valid until the next collection), keeping
/// them rooted meanwhile.
fn run_all(vm: &mut Vm, objs: Vec<*mut u8>) {
    let base = vm.roots.len();
    vm.roots
        .extend(objs.into_iter().map(|p| Value::from_addr(p)));
    for i in base..vm.roots.len() {
        let obj = vm.roots[i];
        finalize_one(vm, obj);
    }
    vm.roots.truncate(base);
}

/// Runs the finalizer of one object; an exception it raises is reported, not propagated.
fn finalize_one(vm: &mut Vm, obj: Value) {
    let saved = std::mem::replace(&mut vm.exc, Value::NULL);
    if object::kind_of(obj) == Some(Kind::Generator) {
        if crate::eval::generator::close(vm, obj).is_err() {
            report_unraisable(vm, obj);
        }
    } else {
        let cls = class::class_of(vm, obj);
        let name = vm.names.__del__;
        let del = class::lookup(vm, cls, name);
        if !del.is_null() && crate::ops::call::call(vm, del, &[obj]).is_err() {
            report_unraisable(vm, del);
        }
    }
    vm.exc = saved;
}

/// Prints "Exception ignored in: ..." and the traceback of the raised exception, clearing
/// it, as CPython does for errors that have nowhere to go (finalizers, weakref callbacks).
pub(crate) fn report_unraisable(vm: &mut Vm, obj: Value) {
    let exc = std::mem::replace(&mut vm.exc, Value::NULL);
    let what = crate::ops::convert::repr_string(vm, obj).unwrap_or_else(|_| "<object>".to_string());
    vm.exc = Value::NULL;
    let tb = crate::eval::traceback::format_exception_unchained(vm, exc);
    if crate::builtins::write_stderr(vm, &format!("Exception ignored in: {what}\n{tb}")).is_err() {
        vm.exc = Value::NULL;
    }
}
