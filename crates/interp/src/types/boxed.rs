//! Objects whose state is a Rust value: the layout that native modules use for their types
//! (`collections.deque`, the `itertools` iterators, `functools.partial`, locks, weak
//! references...). The state lives in a box the object owns; the GC traces it through
//! [`BoxedState::trace`] and drops it when the object dies.
//!
//! A boxed object of a subclass is wrapped in an instance (its `native`), as for the other
//! builtin layouts; [`state`] accepts both.

use crate::object::{self, BoxedObj, InstanceObj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use pyrs_gc::vm::Visitor;
use std::any::Any;

/// Advances a native iterator: `Ok(None)` when exhausted.
pub type NextFn = fn(&mut Vm, Value) -> PyResult<Option<Value>>;

/// Hands the references of a state to the GC, which may rewrite them (objects move).
pub struct Tracer<'a, 'b> {
    visit: &'a mut Visitor<'b>,
}

impl Tracer<'_, '_> {
    /// Visits one reference (NULL and small ints are skipped by the GC).
    #[inline]
    pub fn value(&mut self, v: &mut Value) {
        (self.visit)(&mut v.0);
    }

    /// Visits several references.
    pub fn values<'v>(&mut self, vs: impl IntoIterator<Item = &'v mut Value>) {
        for v in vs {
            (self.visit)(&mut v.0);
        }
    }
}

/// The Rust state of a boxed object.
///
/// Invariant: every `Value` the state keeps alive is visited by `trace`; a `Value` it does
/// not visit (a weak reference) must be updated by other means before it is read again.
pub trait BoxedState: Any {
    /// Visits every strong reference of the state.
    fn trace(&mut self, t: &mut Tracer<'_, '_>);

    /// The native `__next__` of iterator states, used by `ops::iter::next` without a
    /// method lookup.
    fn next_fn(&self) -> Option<NextFn> {
        None
    }

    /// Whether weak references to the object may be created.
    fn weakrefable(&self) -> bool {
        false
    }
}

/// Allocates a boxed object of class `cls` holding `state`.
pub fn new_boxed<T: BoxedState>(vm: &mut Vm, cls: Value, state: T) -> Value {
    vm.heap.add_external_pressure(std::mem::size_of::<T>() + 16);
    let (v, o) = vm.alloc_obj::<BoxedObj>(cls);
    let b: Box<dyn BoxedState> = Box::new(state);
    o.data = Box::into_raw(Box::new(b));
    v
}

/// Allocates a pinned boxed object (never moved, never freed; its state is traced at every
/// collection): module-wide state that native code finds by address.
pub fn new_pinned_boxed<T: BoxedState>(vm: &mut Vm, cls: Value, state: T) -> Value {
    let (v, o) = vm.alloc_pinned_obj::<BoxedObj>(cls);
    let b: Box<dyn BoxedState> = Box::new(state);
    o.data = Box::into_raw(Box::new(b));
    v
}

/// The boxed object behind `v`: itself, or the payload of a subclass instance.
#[inline]
pub fn payload(v: Value) -> Value {
    match object::downcast::<InstanceObj>(v) {
        Some(i) if !i.native.is_null() => i.native,
        _ => v,
    }
}

/// The state of the boxed object behind `v` (see [`payload`]) as a `&mut dyn`, if any.
/// Valid until the next safepoint, and only while no other reference to the same state
/// is in use.
pub fn dyn_state<'a>(v: Value) -> Option<&'a mut dyn BoxedState> {
    let o = object::downcast::<BoxedObj>(payload(v))?;
    if o.data.is_null() {
        return None;
    }
    // SAFETY: `data` is the box written by `new_boxed`, owned by the live object and freed
    // only by its finalizer after it died.
    Some(unsafe { &mut **o.data })
}

/// The state of the boxed object behind `v` if it is a `T`. Valid until the next
/// safepoint; after calling back into Python, fetch it again (Python code may have
/// changed it), and never hold two references to the same state.
#[inline]
pub fn state<'a, T: BoxedState>(v: Value) -> Option<&'a mut T> {
    let s: &mut dyn Any = dyn_state(v)?;
    s.downcast_mut::<T>()
}

/// The native `__next__` of `v` if it is a boxed iterator itself (instances of subclasses,
/// which may override `__next__`, go through the method).
#[inline]
pub fn next_fn(v: Value) -> Option<NextFn> {
    let o = object::downcast::<BoxedObj>(v)?;
    // SAFETY: as in `dyn_state`.
    unsafe { o.data.as_ref() }?.next_fn()
}

/// GC tracer of the Boxed layout.
///
/// # Safety
/// `obj` must be a live Boxed object.
pub unsafe fn trace_boxed(obj: *mut u8, visit: &mut Visitor<'_>) {
    let o = &mut *(obj as *mut BoxedObj);
    if let Some(b) = o.data.as_mut() {
        b.trace(&mut Tracer { visit });
    }
}

/// GC finalizer of the Boxed layout.
///
/// # Safety
/// `obj` must be a dead Boxed object whose `data` is null or a box no one else owns.
pub unsafe fn finalize_boxed(obj: *mut u8) {
    let o = &mut *(obj as *mut BoxedObj);
    if !o.data.is_null() {
        drop(Box::from_raw(o.data));
        o.data = std::ptr::null_mut();
    }
}
