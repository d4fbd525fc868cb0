//! Binary and unary operators: fast paths for exact builtin numbers, then the dunder
//! protocol with reflected and in-place methods.

use super::call::call_unbound;
use crate::object;
use crate::types::class::{class_of, is_subclass, lookup, type_name};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use pyrs_frontend::bytecode::{BinOp, UnOp};

/// `a op b` (including in-place forms).
#[inline]
pub fn binary_op(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    if a.is_small() && b.is_small() {
        let (x, y) = (a.small_value(), b.small_value());
        let r = match op.plain() {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mul => x.checked_mul(y),
            BinOp::And => Some(x & y),
            BinOp::Or => Some(x | y),
            BinOp::Xor => Some(x ^ y),
            _ => None,
        };
        if let Some(v) = r.and_then(Value::small) {
            return Ok(v);
        }
    }
    if let Some((x, y)) = float_operands(a, b) {
        let r = match op.plain() {
            BinOp::Add => Some(x + y),
            BinOp::Sub => Some(x - y),
            BinOp::Mul => Some(x * y),
            BinOp::TrueDiv if y != 0.0 => Some(x / y),
            _ => None,
        };
        if let Some(r) = r {
            return Ok(crate::types::float::new_float(vm, r));
        }
    }
    let r = match numeric_rank(a).max(numeric_rank(b)) {
        NumRank::Int => crate::types::int::binary(vm, op, a, b)?,
        NumRank::Float => crate::types::float::binary(vm, op, a, b)?,
        NumRank::Complex => crate::types::complex::binary(vm, op, a, b)?,
        NumRank::Other => return binary_op_slow(vm, a, b, op),
    };
    if r != vm.not_implemented {
        return Ok(r);
    }
    binary_op_slow(vm, a, b, op)
}

/// The values of two operands that are exact floats, or an exact float and a small int
/// (converted as CPython converts an int for mixed arithmetic: rounded to nearest).
#[inline(always)]
fn float_operands(a: Value, b: Value) -> Option<(f64, f64)> {
    let fa = object::downcast::<object::FloatObj>(a).map(|f| f.value);
    let fb = object::downcast::<object::FloatObj>(b).map(|f| f.value);
    match (fa, fb) {
        (Some(x), Some(y)) => Some((x, y)),
        (Some(x), None) if b.is_small() => Some((x, b.small_value() as f64)),
        (None, Some(y)) if a.is_small() => Some((a.small_value() as f64, y)),
        _ => None,
    }
}

/// How wide an exact builtin number is; the wider operand's type does the arithmetic.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum NumRank {
    Int,
    Float,
    Complex,
    Other,
}

#[inline]
fn numeric_rank(v: Value) -> NumRank {
    if v.is_small() {
        return NumRank::Int;
    }
    match object::kind_of(v) {
        Some(object::Kind::BigInt) => NumRank::Int,
        Some(object::Kind::Float) => NumRank::Float,
        Some(object::Kind::Complex) => NumRank::Complex,
        _ => NumRank::Other,
    }
}

fn binary_op_slow(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    let plain = op.plain();
    let [name_v, rname_v, iname] = vm.binop_names[plain as usize];
    if op.is_inplace() {
        let m = super::lookup_special(vm, a, iname);
        if !m.is_null() {
            let r = call_unbound(vm, m, a, &[a, b])?;
            if r != vm.not_implemented {
                return Ok(r);
            }
        }
    }
    let (ca, cb) = (class_of(vm, a), class_of(vm, b));
    let slotv = lookup(vm, ca, name_v);
    let slotw = if ca != cb {
        lookup(vm, cb, rname_v)
    } else {
        Value::NULL
    };
    let mut slotw_pending = slotw;
    if !slotv.is_null() {
        if !slotw.is_null() && is_subclass(cb, ca) {
            let r = call_unbound(vm, slotw, b, &[b, a])?;
            if r != vm.not_implemented {
                return Ok(r);
            }
            slotw_pending = Value::NULL;
        }
        let r = call_unbound(vm, slotv, a, &[a, b])?;
        if r != vm.not_implemented {
            return Ok(r);
        }
    }
    if !slotw_pending.is_null() {
        let r = call_unbound(vm, slotw_pending, b, &[b, a])?;
        if r != vm.not_implemented {
            return Ok(r);
        }
    }
    if let Some(e) = crate::types::seqops::binop_fallback_error(vm, a, b, op) {
        return Err(e);
    }
    let (ta, tb) = (type_name(vm, a).to_string(), type_name(vm, b).to_string());
    let sym = if plain == BinOp::Pow && !op.is_inplace() {
        "** or pow()".to_string()
    } else {
        op.symbol().to_string()
    };
    Err(vm.type_error(format!(
        "unsupported operand type(s) for {sym}: '{ta}' and '{tb}'"
    )))
}

/// `op v`.
pub fn unary_op(vm: &mut Vm, v: Value, op: UnOp) -> PyResult<Value> {
    if let Some(i) = v.as_small() {
        match op {
            UnOp::Neg => {
                if let Some(r) = i.checked_neg().and_then(Value::small) {
                    return Ok(r);
                }
            }
            UnOp::Pos => return Ok(v),
            UnOp::Invert => return Ok(Value::small(!i).unwrap_or(v)),
            UnOp::Not => return Ok(vm.bool(i == 0)),
        }
    }
    let (name, sym) = match op {
        UnOp::Not => {
            let t = super::convert::truthy(vm, v)?;
            return Ok(vm.bool(!t));
        }
        UnOp::Neg => (vm.names.__neg__, "-"),
        UnOp::Pos => (vm.names.__pos__, "+"),
        UnOp::Invert => (vm.names.__invert__, "~"),
    };
    let m = super::lookup_special(vm, v, name);
    if m.is_null() {
        let t = type_name(vm, v).to_string();
        return Err(vm.type_error(format!("bad operand type for unary {sym}: '{t}'")));
    }
    call_unbound(vm, m, v, &[v])
}
