//! The object protocols: what the eval loop and native code call to operate on any value.
//! Each protocol has fast paths for builtin layouts and otherwise looks the dunder method up
//! on the class (builtin classes register their dunders as native methods, so the generic
//! path works for every object).

pub mod arith;
pub mod attr;
pub mod call;
pub mod compare;
pub mod convert;
pub mod hash;
pub mod iter;
pub mod subscript;

use crate::types::class::{class_of, lookup};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Looks a special method up on the class of `obj` (not the instance); NULL if absent.
#[inline]
pub fn lookup_special(vm: &mut Vm, obj: Value, name: Value) -> Value {
    let cls = class_of(vm, obj);
    lookup(vm, cls, name)
}

/// Calls special method `name` of `obj` with `args` after the receiver; `None` if the
/// class does not define it.
pub fn call_special(
    vm: &mut Vm,
    obj: Value,
    name: Value,
    args: &[Value],
) -> PyResult<Option<Value>> {
    let m = lookup_special(vm, obj, name);
    if m.is_null() {
        return Ok(None);
    }
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(obj);
    full.extend_from_slice(args);
    call::call_unbound(vm, m, obj, &full).map(Some)
}
