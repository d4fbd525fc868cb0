//! The errors CPython's abstract layer raises for `+` and `*` when neither operand's
//! dunder handled them but one is a builtin sequence (its `sq_concat`/`sq_repeat` gets the
//! last word): "can only concatenate str (not "V") to str", "can't multiply sequence by
//! non-int of type 'V'", and their list, tuple, bytes and bytearray forms.

use crate::types::class::type_name;
use crate::value::Value;
use crate::vm::{Raised, Vm};
use pyrs_frontend::bytecode::BinOp;

/// The builtin sequence behind `v` (exact or subclass instance), by name.
fn sequence_kind(v: Value) -> Option<&'static str> {
    if crate::types::str::as_str(v).is_some() {
        Some("str")
    } else if crate::types::list::as_list(v).is_some() {
        Some("list")
    } else if crate::types::tuple::as_tuple(v).is_some() {
        Some("tuple")
    } else if crate::types::bytes::as_bytes(v).is_some() {
        Some("bytes")
    } else if crate::types::bytes::as_bytearray(v).is_some() {
        Some("bytearray")
    } else {
        None
    }
}

/// The error for `a op b` once every dunder declined, when a sequence decides it; `None`
/// when the generic "unsupported operand type(s)" message applies.
pub fn binop_fallback_error(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> Option<Raised> {
    match op.plain() {
        BinOp::Add => {
            let kind = sequence_kind(a)?;
            let t = type_name(vm, b).to_string();
            let msg = match kind {
                "list" if op.is_inplace() => format!("'{t}' object is not iterable"),
                "bytes" | "bytearray" => format!("can't concat {t} to {kind}"),
                _ => format!("can only concatenate {kind} (not \"{t}\") to {kind}"),
            };
            Some(vm.type_error(msg))
        }
        BinOp::Mul => {
            let other = if sequence_kind(a).is_some() {
                b
            } else {
                sequence_kind(b)?;
                a
            };
            let t = type_name(vm, other).to_string();
            Some(vm.type_error(format!("can't multiply sequence by non-int of type '{t}'")))
        }
        _ => None,
    }
}
