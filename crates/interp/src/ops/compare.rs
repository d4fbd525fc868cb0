//! Rich comparisons: `==`, `<`, ... with reflected operands, and equality for containers.

use super::{call::call_unbound, lookup_special};
use crate::object::{self, FloatObj};
use crate::types::class::{class_of, is_subclass, lookup, type_name};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use pyrs_frontend::bytecode::CmpOp;

/// Equality decided without calling Python, where possible (identity implies equality, as
/// containers assume): small ints, exact strs, floats.
#[inline]
pub fn fast_eq(a: Value, b: Value) -> Option<bool> {
    if a == b {
        return Some(true);
    }
    if a.is_small() && b.is_small() {
        return Some(false);
    }
    if let (Some(x), Some(y)) = (
        crate::types::str::as_exact_str(a),
        crate::types::str::as_exact_str(b),
    ) {
        return Some(x == y);
    }
    if let (Some(x), Some(y)) = (
        object::downcast::<FloatObj>(a),
        object::downcast::<FloatObj>(b),
    ) {
        return Some(x.value == y.value);
    }
    None
}

/// `a == b` as a container does it (identity first), as a bool.
pub fn eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if let Some(r) = fast_eq(a, b) {
        return Ok(r);
    }
    let r = rich_compare(vm, a, b, CmpOp::Eq)?;
    super::convert::truthy(vm, r)
}

fn swapped(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        CmpOp::Eq => CmpOp::Eq,
        CmpOp::Ne => CmpOp::Ne,
    }
}

fn dunder(vm: &Vm, op: CmpOp) -> Value {
    match op {
        CmpOp::Lt => vm.names.__lt__,
        CmpOp::Le => vm.names.__le__,
        CmpOp::Eq => vm.names.__eq__,
        CmpOp::Ne => vm.names.__ne__,
        CmpOp::Gt => vm.names.__gt__,
        CmpOp::Ge => vm.names.__ge__,
    }
}

#[inline]
fn cmp_ord<T: PartialOrd>(x: T, y: T, op: CmpOp) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
    }
}

/// `a op b` for small ints and floats (decided exactly, without calling Python): the eval
/// loop's inline fast path (`None`: use [`rich_compare`]).
#[inline(always)]
pub fn fast_compare(a: Value, b: Value, op: CmpOp) -> Option<bool> {
    if a.is_small() && b.is_small() {
        return Some(cmp_ord(a.small_value(), b.small_value(), op));
    }
    if let Some(x) = object::downcast::<FloatObj>(a) {
        return float_cmp(x.value, b, op);
    }
    let y = object::downcast::<FloatObj>(b)?;
    float_cmp(y.value, a, swapped(op))
}

/// `a op b` for two values of a type whose order needs no Python code: small ints, floats
/// (exactly, as [`fast_compare`]) and exact strs (by code point).
#[inline]
fn fast_order(a: Value, b: Value, op: CmpOp) -> Option<bool> {
    if let Some(r) = fast_compare(a, b, op) {
        return Some(r);
    }
    let x = crate::types::str::as_exact_str(a)?;
    let y = crate::types::str::as_exact_str(b)?;
    Some(cmp_ord(x, y, op))
}

/// `a op b` for two exact tuples whose items are decided without Python code (see
/// [`fast_eq`] and [`fast_order`]), as CPython compares tuples: the first items that differ
/// decide, else the lengths. `None` when an item needs the general protocol.
fn tuple_compare(a: Value, b: Value, op: CmpOp) -> Option<bool> {
    let (x, y) = (
        object::downcast::<object::TupleObj>(a)?.items(),
        object::downcast::<object::TupleObj>(b)?.items(),
    );
    if x.len() != y.len() && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Some(op == CmpOp::Ne);
    }
    for (&p, &q) in x.iter().zip(y.iter()) {
        if !fast_eq(p, q)? {
            return match op {
                CmpOp::Eq => Some(false),
                CmpOp::Ne => Some(true),
                _ => fast_order(p, q, op),
            };
        }
    }
    Some(cmp_ord(x.len(), y.len(), op))
}

/// `x op b` for a float `x` and an exact float or a small int `b` that converts exactly;
/// `None` for other operands.
#[inline]
fn float_cmp(x: f64, b: Value, op: CmpOp) -> Option<bool> {
    if let Some(y) = object::downcast::<FloatObj>(b) {
        return Some(cmp_ord(x, y.value, op));
    }
    let i = b.as_small()?;
    (i.unsigned_abs() <= 1 << 53).then(|| cmp_ord(x, i as f64, op))
}

/// `a op b` with Python's rules: the reflected method of a right operand whose class is a
/// subclass of the left's goes first; `NotImplemented` from both sides falls back to identity
/// for `==`/`!=` and raises `TypeError` for orderings.
pub fn rich_compare(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if a.is_small() && b.is_small() {
        return Ok(vm.bool(cmp_ord(a.small_value(), b.small_value(), op)));
    }
    if let Some(x) = object::downcast::<FloatObj>(a) {
        if let Some(r) = float_cmp(x.value, b, op) {
            return Ok(vm.bool(r));
        }
    } else if let Some(y) = object::downcast::<FloatObj>(b) {
        if let Some(r) = float_cmp(y.value, a, swapped(op)) {
            return Ok(vm.bool(r));
        }
    }
    if let (Some(x), Some(y)) = (
        crate::types::str::as_exact_str(a),
        crate::types::str::as_exact_str(b),
    ) {
        return Ok(vm.bool(cmp_ord(x, y, op)));
    }
    if let Some(r) = tuple_compare(a, b, op) {
        return Ok(vm.bool(r));
    }
    let (ca, cb) = (class_of(vm, a), class_of(vm, b));
    let name = dunder(vm, op);
    let rname = dunder(vm, swapped(op));
    let mut tried_reflected = false;
    if ca != cb && is_subclass(cb, ca) {
        let m = lookup(vm, cb, rname);
        if !m.is_null() {
            tried_reflected = true;
            let r = call_unbound(vm, m, b, &[b, a])?;
            if r != vm.not_implemented {
                return Ok(r);
            }
        }
    }
    let m = lookup_special(vm, a, name);
    if !m.is_null() {
        let r = call_unbound(vm, m, a, &[a, b])?;
        if r != vm.not_implemented {
            return Ok(r);
        }
    }
    if !tried_reflected {
        let m = lookup(vm, cb, rname);
        if !m.is_null() {
            let r = call_unbound(vm, m, b, &[b, a])?;
            if r != vm.not_implemented {
                return Ok(r);
            }
        }
    }
    match op {
        CmpOp::Eq => Ok(vm.bool(a == b)),
        CmpOp::Ne => Ok(vm.bool(a != b)),
        _ => {
            let (ta, tb) = (type_name(vm, a).to_string(), type_name(vm, b).to_string());
            Err(vm.type_error(format!(
                "'{}' not supported between instances of '{ta}' and '{tb}'",
                op.symbol()
            )))
        }
    }
}

/// `a op b` as a bool.
pub fn compare_bool(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<bool> {
    if a.is_small() && b.is_small() {
        return Ok(cmp_ord(a.small_value(), b.small_value(), op));
    }
    let r = rich_compare(vm, a, b, op)?;
    super::convert::truthy(vm, r)
}
