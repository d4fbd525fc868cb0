//! Conversions every object supports: `repr`, `str`, truth value, `len`, `__index__`,
//! `format`.

use super::{call::call_unbound, lookup_special};
use crate::object::{self, Kind};
use crate::types::class::type_name;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// `repr(v)` as a str Value.
pub fn repr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let name = vm.names.__repr__;
    let m = lookup_special(vm, v, name);
    if m.is_null() {
        let t = type_name(vm, v).to_string();
        return Err(vm.type_error(format!("'{t}' object has no __repr__")));
    }
    let r = call_unbound(vm, m, v, &[v])?;
    if crate::types::str::as_str(r).is_none() {
        let t = type_name(vm, r).to_string();
        return Err(vm.type_error(format!("__repr__ returned non-string (type {t})")));
    }
    Ok(r)
}

/// `str(v)` as a str Value.
pub fn to_str(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if object::kind_of(v) == Some(Kind::Str) && crate::types::class::class_of(vm, v) == vm.cls.str {
        return Ok(v);
    }
    let name = vm.names.__str__;
    let m = lookup_special(vm, v, name);
    if m.is_null() {
        return repr(vm, v);
    }
    let r = call_unbound(vm, m, v, &[v])?;
    if crate::types::str::as_str(r).is_none() {
        let t = type_name(vm, r).to_string();
        return Err(vm.type_error(format!("__str__ returned non-string (type {t})")));
    }
    Ok(r)
}

/// `repr(v)` as Rust text.
pub fn repr_string(vm: &mut Vm, v: Value) -> PyResult<String> {
    let r = repr(vm, v)?;
    Ok(crate::types::str::as_str(r).unwrap_or("").to_string())
}

/// `str(v)` as Rust text.
pub fn str_string(vm: &mut Vm, v: Value) -> PyResult<String> {
    let r = to_str(vm, v)?;
    Ok(crate::types::str::as_str(r).unwrap_or("").to_string())
}

/// The truth value of `v` (`bool(v)`).
pub fn truthy(vm: &mut Vm, v: Value) -> PyResult<bool> {
    if v == vm.true_ {
        return Ok(true);
    }
    if v == vm.false_ || v == vm.none {
        return Ok(false);
    }
    if let Some(i) = v.as_small() {
        return Ok(i != 0);
    }
    let cls = crate::types::class::class_of(vm, v);
    if crate::types::class::class_obj(cls).flags & crate::types::class::flags::BUILTIN != 0 {
        match object::kind_of(v) {
            Some(Kind::Float) => {
                return Ok(object::downcast::<object::FloatObj>(v)
                    .map(|f| f.value != 0.0)
                    .unwrap_or(false))
            }
            Some(Kind::Str) => {
                return Ok(crate::types::str::as_str(v).is_some_and(|s| !s.is_empty()))
            }
            Some(Kind::List) => {
                return Ok(object::downcast::<object::ListObj>(v).is_some_and(|l| l.len != 0))
            }
            Some(Kind::Tuple) => return Ok(!crate::types::tuple::items(v).is_empty()),
            Some(Kind::Dict) => return Ok(crate::types::dict::len(v) != 0),
            _ => {}
        }
    }
    let name = vm.names.__bool__;
    let m = lookup_special(vm, v, name);
    if !m.is_null() {
        let r = call_unbound(vm, m, v, &[v])?;
        if r == vm.true_ {
            return Ok(true);
        }
        if r == vm.false_ {
            return Ok(false);
        }
        let t = type_name(vm, r).to_string();
        return Err(vm.type_error(format!("__bool__ should return bool, returned {t}")));
    }
    let name = vm.names.__len__;
    let m = lookup_special(vm, v, name);
    if !m.is_null() {
        let r = call_unbound(vm, m, v, &[v])?;
        return Ok(len_result(vm, r)? != 0);
    }
    Ok(true)
}

fn len_result(vm: &mut Vm, r: Value) -> PyResult<usize> {
    if !crate::types::int::is_int(r) {
        let t = type_name(vm, r).to_string();
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    let b = crate::types::int::as_bigint(r).unwrap_or_default();
    if b < BigInt::from(0) {
        return Err(vm.value_error("__len__() should return >= 0"));
    }
    match b.to_usize() {
        Some(n) => Ok(n),
        None => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
    }
}

/// `len(v)`.
pub fn len(vm: &mut Vm, v: Value) -> PyResult<usize> {
    match object::kind_of(v) {
        Some(Kind::List) => {
            return Ok(object::downcast::<object::ListObj>(v)
                .map(|l| l.len as usize)
                .unwrap_or(0))
        }
        Some(Kind::Tuple) => return Ok(crate::types::tuple::items(v).len()),
        Some(Kind::Str) => {
            return Ok(crate::types::str::as_str_obj(v)
                .map(|s| s.char_len as usize)
                .unwrap_or(0))
        }
        Some(Kind::Dict) => return Ok(crate::types::dict::len(v)),
        _ => {}
    }
    let name = vm.names.__len__;
    let m = lookup_special(vm, v, name);
    if m.is_null() {
        let t = type_name(vm, v).to_string();
        return Err(vm.type_error(format!("object of type '{t}' has no len()")));
    }
    let r = call_unbound(vm, m, v, &[v])?;
    len_result(vm, r)
}

/// `operator.index(v)`: the integer of an int-like value (`__index__`).
pub fn index(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if let Some(i) = v.as_small() {
        return Ok(BigInt::from(i));
    }
    if matches!(object::kind_of(v), Some(Kind::BigInt) | Some(Kind::Bool)) {
        return Ok(crate::types::int::as_bigint(v).unwrap_or_default());
    }
    let name = vm.names.__index__;
    let m = lookup_special(vm, v, name);
    if m.is_null() {
        let t = type_name(vm, v).to_string();
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    let r = call_unbound(vm, m, v, &[v])?;
    if !crate::types::int::is_int(r) {
        let t = type_name(vm, r).to_string();
        return Err(vm.type_error(format!("__index__ returned non-int (type {t})")));
    }
    Ok(crate::types::int::as_bigint(r).unwrap_or_default())
}

/// `__index__` as an i64; `OverflowError` if it does not fit.
pub fn index_isize(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Some(i) = v.as_small() {
        return Ok(i);
    }
    let b = index(vm, v)?;
    match b.to_i64() {
        Some(i) => Ok(i),
        None => {
            let t = type_name(vm, v).to_string();
            Err(vm.overflow_error(format!("cannot fit '{t}' into an index-sized integer")))
        }
    }
}

/// `format(v, spec)` through `__format__`.
pub fn format(vm: &mut Vm, v: Value, spec: &str) -> PyResult<Value> {
    let name = vm.names.__format__;
    let m = lookup_special(vm, v, name);
    let s = crate::types::str::new_str(vm, spec);
    if m.is_null() {
        return to_str(vm, v);
    }
    let r = call_unbound(vm, m, v, &[v, s])?;
    if crate::types::str::as_str(r).is_none() {
        let t = type_name(vm, r).to_string();
        return Err(vm.type_error(format!("__format__ must return a str, not {t}")));
    }
    Ok(r)
}
