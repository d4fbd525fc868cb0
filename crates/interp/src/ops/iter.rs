//! Iteration: `iter()`, `next()`, and collecting an iterable.

use super::call::call_unbound;
use crate::object::{self, Kind};
use crate::types::class::type_name;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `iter(v)`.
pub fn iter(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let name = vm.names.__iter__;
    let m = super::lookup_special(vm, v, name);
    if !m.is_null() && m != vm.none {
        let it = call_unbound(vm, m, v, &[v])?;
        let next = vm.names.__next__;
        if super::lookup_special(vm, it, next).is_null() {
            let t = type_name(vm, it).to_string();
            return Err(vm.type_error(format!("iter() returned non-iterator of type '{t}'")));
        }
        return Ok(it);
    }
    let gi = vm.names.__getitem__;
    if (m.is_null()) && !super::lookup_special(vm, v, gi).is_null() {
        let cls = vm.cls.seq_iterator;
        return Ok(crate::types::iters::new_seq_iter(vm, cls, v));
    }
    let t = type_name(vm, v).to_string();
    Err(vm.type_error(format!("'{t}' object is not iterable")))
}

/// `next(it)`: `Ok(None)` when exhausted (StopIteration is swallowed).
#[inline]
pub fn next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    if let Some(r) = crate::types::iters::next_fast(vm, it) {
        return r;
    }
    if object::kind_of(it) == Some(Kind::Generator) {
        return crate::eval::generator::next(vm, it);
    }
    let name = vm.names.__next__;
    let m = super::lookup_special(vm, it, name);
    if m.is_null() {
        let t = type_name(vm, it).to_string();
        return Err(vm.type_error(format!("'{t}' object is not an iterator")));
    }
    match call_unbound(vm, m, it, &[it]) {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            let si = vm.cls.stop_iteration;
            if vm.exc_matches(si) {
                vm.exc = Value::NULL;
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

/// All items of an iterable.
pub fn collect(vm: &mut Vm, iterable: Value) -> PyResult<Vec<Value>> {
    match object::kind_of(iterable) {
        Some(Kind::Tuple) => return Ok(crate::types::tuple::items(iterable).to_vec()),
        Some(Kind::List) => return Ok(crate::types::list::list_items(iterable).to_vec()),
        _ => {}
    }
    let it = iter(vm, iterable)?;
    let mut out = Vec::new();
    while let Some(v) = next(vm, it)? {
        out.push(v);
    }
    Ok(out)
}
