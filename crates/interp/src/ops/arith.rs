//! Binary and unary operators: fast paths for exact builtin numbers, then the dunder
//! protocol with reflected and in-place methods.

use super::call::call_unbound;
use crate::object;
use crate::types::class::{class_of, is_subclass, lookup, type_name};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use pyrs_frontend::bytecode::{BinOp, UnOp};

/// `a op b` for small ints and floats when it cannot fail and needs no dunder: the eval
/// loop's inline fast path (`None`: use [`binary_op`]).
#[inline(always)]
pub fn fast_binary(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> Option<Value> {
    if a.is_small() && b.is_small() {
        let (x, y) = (a.small_value(), b.small_value());
        let r = match op.plain() {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mul => x.checked_mul(y),
            BinOp::And => Some(x & y),
            BinOp::Or => Some(x | y),
            BinOp::Xor => Some(x ^ y),
            BinOp::FloorDiv if y > 0 => Some(x.div_euclid(y)),
            BinOp::Mod if y > 0 => Some(x.rem_euclid(y)),
            _ => None,
        };
        return r.and_then(Value::small);
    }
    let (x, y) = float_operands(a, b)?;
    let r = match op.plain() {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv if y != 0.0 => x / y,
        _ => return None,
    };
    Some(crate::types::float::new_float(vm, r))
}

/// `a op b` (including in-place forms).
pub fn binary_op(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    if let Some(r) = fast_binary(vm, a, b, op) {
        return Ok(r);
    }
    if op.plain() == BinOp::Add {
        if let Some(r) = concat_exact(vm, a, b, op) {
            return Ok(r);
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

/// `a + b` for two exact strs, tuples or lists (`+=` of lists extends in place, so it is
/// left to `list.__iadd__`); `None` for other operands. As CPython, adding an empty str or
/// tuple gives the other operand itself.
fn concat_exact(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> Option<Value> {
    match (object::kind_of(a)?, object::kind_of(b)?) {
        (object::Kind::Str, object::Kind::Str) => {
            let (x, y) = (
                object::downcast::<object::StrObj>(a)?,
                object::downcast::<object::StrObj>(b)?,
            );
            if y.len == 0 {
                return Some(a);
            }
            if x.len == 0 {
                return Some(b);
            }
            let (xs, ys) = (x.as_str().as_bytes(), y.as_str().as_bytes());
            let char_len = x.char_len + y.char_len;
            let n = xs.len() + ys.len();
            let cls = vm.cls.str;
            let p = vm.alloc(
                object::Kind::Str,
                std::mem::size_of::<object::StrObj>() + n,
                cls,
            );
            // SAFETY: `p` is a fresh zeroed Str object with room for `n` bytes after the struct;
            // the bytes are two valid UTF-8 texts back to back.
            unsafe {
                let s = &mut *(p as *mut object::StrObj);
                s.len = n as u64;
                s.char_len = char_len;
                let text = p.add(std::mem::size_of::<object::StrObj>());
                std::ptr::copy_nonoverlapping(xs.as_ptr(), text, xs.len());
                std::ptr::copy_nonoverlapping(ys.as_ptr(), text.add(xs.len()), ys.len());
            }
            Some(Value::from_addr(p))
        }
        (object::Kind::Tuple, object::Kind::Tuple) => {
            let (x, y) = (crate::types::tuple::items(a), crate::types::tuple::items(b));
            if y.is_empty() {
                return Some(a);
            }
            if x.is_empty() {
                return Some(b);
            }
            let n = x.len() + y.len();
            let cls = vm.cls.tuple;
            let p = vm.alloc(
                object::Kind::Tuple,
                std::mem::size_of::<object::TupleObj>() + 8 * n,
                cls,
            );
            // SAFETY: `p` is a fresh zeroed Tuple object with room for `n` Values.
            unsafe {
                let t = &mut *(p as *mut object::TupleObj);
                t.len = n as u64;
                let items = t.items();
                items[..x.len()].copy_from_slice(x);
                items[x.len()..].copy_from_slice(y);
            }
            Some(Value::from_addr(p))
        }
        (object::Kind::List, object::Kind::List) if op == BinOp::Add => {
            let items = [
                crate::types::list::list_items(a),
                crate::types::list::list_items(b),
            ]
            .concat();
            Some(crate::types::list::new_list(vm, items))
        }
        _ => None,
    }
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
    Err(unsupported(vm, a, b, op))
}

/// The `TypeError` of an operator no operand supports.
fn unsupported(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> crate::vm::Raised {
    if let Some(e) = crate::types::seqops::binop_fallback_error(vm, a, b, op) {
        return e;
    }
    let (ta, tb) = (type_name(vm, a).to_string(), type_name(vm, b).to_string());
    let sym = if op.plain() == BinOp::Pow && !op.is_inplace() {
        "** or pow()".to_string()
    } else {
        op.symbol().to_string()
    };
    vm.type_error(format!(
        "unsupported operand type(s) for {sym}: '{ta}' and '{tb}'"
    ))
}

/// The Python function the eval loop may run in a frame of its own for `a op b`: the left
/// operand is an instance whose class defines the operator's method as a Python function,
/// and the protocol calls that method first (no in-place method, no right operand of a
/// subclass overriding the reflected method). `None`: use [`binary_op`].
pub fn left_dunder(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> Option<Value> {
    if object::kind_of(a) != Some(object::Kind::Instance) {
        return None;
    }
    let (ca, cb) = (class_of(vm, a), class_of(vm, b));
    let [name, rname, iname] = vm.binop_names[op.plain() as usize];
    if op.is_inplace() && !lookup(vm, ca, iname).is_null() {
        return None;
    }
    let f = lookup(vm, ca, name);
    let code = object::downcast::<object::FunctionObj>(f)?.code;
    if crate::eval::code::code_of(code).is_generator_like() {
        return None;
    }
    if ca != cb && is_subclass(cb, ca) && !lookup(vm, cb, rname).is_null() {
        return None;
    }
    Some(f)
}

/// The rest of `a op b` once the left operand's method (see [`left_dunder`]) returned
/// `NotImplemented`: the right operand's reflected method, else `TypeError`.
pub fn binary_op_rest(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    let (ca, cb) = (class_of(vm, a), class_of(vm, b));
    if ca != cb {
        let rname = vm.binop_names[op.plain() as usize][1];
        let w = lookup(vm, cb, rname);
        if !w.is_null() {
            let r = call_unbound(vm, w, b, &[b, a])?;
            if r != vm.not_implemented {
                return Ok(r);
            }
        }
    }
    Err(unsupported(vm, a, b, op))
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
