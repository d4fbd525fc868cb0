//! Numeric builtins: `abs`, `round`, `divmod`, `pow`, `sum`, `min`, `max`, `hex`, `oct`,
//! `bin`, `chr`, `ord`.

use crate::object::{self, FloatObj};
use crate::ops::{arith, call_special, compare, convert, iter};
use crate::types::class::{class_of, is_subclass, lookup, type_name};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use pyrs_frontend::bytecode::{BinOp, CmpOp};

/// `abs(x)` through `__abs__`.
pub(crate) fn builtin_abs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "abs", 1, 1)?;
    let x = args.pos[0];
    if let Some(i) = x.as_small() {
        return Ok(crate::types::int::new_i64(vm, i.abs()));
    }
    let name = vm.names.__abs__;
    match call_special(vm, x, name, &[])? {
        Some(r) => Ok(r),
        None => {
            let t = type_name(vm, x).to_string();
            Err(vm.type_error(format!("bad operand type for abs(): '{t}'")))
        }
    }
}

/// `round(number, ndigits=None)` through `__round__`.
pub(crate) fn builtin_round(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = super::bind(vm, &args, "round", &["number", "ndigits"], 1)?;
    let number = a[0].unwrap_or(Value::NULL);
    let name = vm.names.__round__;
    let r = match super::not_none(vm, a[1]) {
        None => call_special(vm, number, name, &[])?,
        Some(nd) => call_special(vm, number, name, &[nd])?,
    };
    match r {
        Some(r) => Ok(r),
        None => {
            let t = type_name(vm, number).to_string();
            Err(vm.type_error(format!("type {t} doesn't define __round__ method")))
        }
    }
}

/// Calls `a.__name__(b)`, then `b.__rname__(a)` (first when b's class is a proper subclass
/// of a's), as the binary operators do; `None` when both decline.
fn binary_dunder(
    vm: &mut Vm,
    a: Value,
    b: Value,
    name: &str,
    rname: &str,
) -> PyResult<Option<Value>> {
    let (ca, cb) = (class_of(vm, a), class_of(vm, b));
    let n = vm.intern(name);
    let rn = vm.intern(rname);
    let slot_a = lookup(vm, ca, n);
    let mut slot_b = if ca != cb {
        lookup(vm, cb, rn)
    } else {
        Value::NULL
    };
    if !slot_a.is_null() {
        if !slot_b.is_null() && is_subclass(cb, ca) {
            let r = crate::ops::call::call_unbound(vm, slot_b, b, &[b, a])?;
            if r != vm.not_implemented {
                return Ok(Some(r));
            }
            slot_b = Value::NULL;
        }
        let r = crate::ops::call::call_unbound(vm, slot_a, a, &[a, b])?;
        if r != vm.not_implemented {
            return Ok(Some(r));
        }
    }
    if !slot_b.is_null() {
        let r = crate::ops::call::call_unbound(vm, slot_b, b, &[b, a])?;
        if r != vm.not_implemented {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

/// `divmod(a, b)`.
pub(crate) fn builtin_divmod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("divmod() takes no keyword arguments"));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "divmod expected 2 arguments, got {}",
            args.pos.len()
        )));
    }
    let (a, b) = (args.pos[0], args.pos[1]);
    if let (Some(x), Some(y)) = (a.as_small(), b.as_small()) {
        if y == 0 {
            return Err(vm.zero_division("integer division or modulo by zero"));
        }
        // Floor semantics: the remainder takes the divisor's sign.
        let (q, r) = (x / y, x % y);
        let (q, r) = if r != 0 && (r < 0) != (y < 0) {
            (q - 1, r + y)
        } else {
            (q, r)
        };
        let (q, r) = (
            crate::types::int::new_i64(vm, q),
            crate::types::int::new_i64(vm, r),
        );
        return Ok(crate::types::tuple::new_tuple(vm, &[q, r]));
    }
    match binary_dunder(vm, a, b, "__divmod__", "__rdivmod__")? {
        Some(r) => Ok(r),
        None => {
            let (ta, tb) = (type_name(vm, a).to_string(), type_name(vm, b).to_string());
            Err(vm.type_error(format!(
                "unsupported operand type(s) for divmod(): '{ta}' and '{tb}'"
            )))
        }
    }
}

/// `pow(base, exp, mod=None)`.
pub(crate) fn builtin_pow(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = super::bind(vm, &args, "pow", &["base", "exp", "mod"], 2)?;
    let (base, exp) = (a[0].unwrap_or(Value::NULL), a[1].unwrap_or(Value::NULL));
    let Some(m) = super::not_none(vm, a[2]) else {
        return arith::binary_op(vm, base, exp, BinOp::Pow);
    };
    let name = vm.intern("__pow__");
    if let Some(r) = call_special(vm, base, name, &[exp, m])? {
        if r != vm.not_implemented {
            return Ok(r);
        }
    }
    // As CPython's ternary_op: the exponent's type gets a turn only through a builtin
    // `__rpow__` (Python classes never see a three-argument `__rpow__`).
    let (cb, ce) = (class_of(vm, base), class_of(vm, exp));
    if cb != ce {
        let rname = vm.intern("__rpow__");
        let slot = lookup(vm, ce, rname);
        if object::is::<object::BuiltinObj>(slot) {
            let r = crate::ops::call::call_unbound(vm, slot, exp, &[exp, base, m])?;
            if r != vm.not_implemented {
                return Ok(r);
            }
        }
    }
    let (t1, t2, t3) = (
        type_name(vm, base).to_string(),
        type_name(vm, exp).to_string(),
        type_name(vm, m).to_string(),
    );
    Err(vm.type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{t1}', '{t2}', '{t3}'"
    )))
}

/// `sum(iterable, /, start=0)`.
pub(crate) fn builtin_sum(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.only_kwargs(vm, "sum", &["start"])?;
    if args.pos.is_empty() {
        return Err(vm.type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    if args.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            args.pos.len() + args.kw.len()
        )));
    }
    let start = match (args.pos.get(1), args.kwarg("start")) {
        (Some(_), Some(_)) => {
            return Err(vm.type_error("argument for sum() given by name ('start') and position (2)"))
        }
        (Some(&s), None) | (None, Some(s)) => s,
        (None, None) => Value::from_usize(0),
    };
    if crate::types::str::as_str(start).is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if crate::types::bytes::as_bytes(start).is_some() {
        return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    if crate::types::bytes::as_bytearray(start).is_some() {
        return Err(vm.type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
    }
    let it = iter::iter(vm, args.pos[0])?;
    let mut acc = start;
    // Float partial sum kept unboxed while the items are floats or small ints (as CPython's
    // float fast path does); `acc` is stale while it is `Some`.
    let mut facc: Option<f64> = object::downcast::<FloatObj>(start).map(|f| f.value);
    while let Some(x) = iter::next(vm, it)? {
        if let Some(f) = facc {
            if let Some(xf) = object::downcast::<FloatObj>(x) {
                facc = Some(f + xf.value);
                continue;
            }
            if let Some(i) = x.as_small() {
                facc = Some(f + i as f64);
                continue;
            }
            acc = crate::types::float::new_float(vm, f);
        } else if let (Some(a), Some(b)) = (acc.as_small(), x.as_small()) {
            if let Some(v) = a.checked_add(b).and_then(Value::small) {
                acc = v;
                continue;
            }
        }
        acc = arith::binary_op(vm, acc, x, BinOp::Add)?;
        facc = object::downcast::<FloatObj>(acc).map(|f| f.value);
    }
    if let Some(f) = facc {
        acc = crate::types::float::new_float(vm, f);
    }
    Ok(acc)
}

/// Shared body of `min` and `max`.
fn min_max(vm: &mut Vm, args: Args<'_>, name: &str, op: CmpOp) -> PyResult {
    for &k in args.kwnames {
        let k = crate::types::str::as_str(k).unwrap_or("");
        if k != "key" && k != "default" {
            return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()")));
        }
    }
    let key = super::not_none(vm, args.kwarg("key"));
    let default = args.kwarg("default");
    let it = match args.pos.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => Some(iter::iter(vm, args.pos[0])?),
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            None
        }
    };
    let mut best: Option<(Value, Value)> = None;
    let mut index = 0;
    loop {
        let item = match it {
            Some(it) => match iter::next(vm, it)? {
                Some(x) => x,
                None => break,
            },
            None => match args.pos.get(index) {
                Some(&x) => {
                    index += 1;
                    x
                }
                None => break,
            },
        };
        let k = match key {
            Some(f) => crate::ops::call::call(vm, f, &[item])?,
            None => item,
        };
        best = match best {
            Some((bi, bk)) if !compare::compare_bool(vm, k, bk, op)? => Some((bi, bk)),
            _ => Some((item, k)),
        };
    }
    match (best, default) {
        (Some((item, _)), _) => Ok(item),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
    }
}

/// `min(iterable, *, key=None, default=...)` / `min(a, b, *rest, key=None)`.
pub(crate) fn builtin_min(vm: &mut Vm, args: Args<'_>) -> PyResult {
    min_max(vm, args, "min", CmpOp::Lt)
}

/// `max(iterable, *, key=None, default=...)` / `max(a, b, *rest, key=None)`.
pub(crate) fn builtin_max(vm: &mut Vm, args: Args<'_>) -> PyResult {
    min_max(vm, args, "max", CmpOp::Gt)
}

/// Formats an integer with a radix prefix as `hex`/`oct`/`bin` do: `-0x1f`.
pub fn radix_string(n: &BigInt, radix: u32, prefix: &str) -> String {
    let digits = n.abs().to_str_radix(radix);
    if n.is_negative() {
        format!("-{prefix}{digits}")
    } else {
        format!("{prefix}{digits}")
    }
}

fn radix_builtin(vm: &mut Vm, args: Args<'_>, name: &str, radix: u32, prefix: &str) -> PyResult {
    args.check(vm, name, 1, 1)?;
    let n = convert::index(vm, args.pos[0])?;
    let s = radix_string(&n, radix, prefix);
    Ok(crate::types::str::new_str(vm, &s))
}

/// `hex(x)`.
pub(crate) fn builtin_hex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    radix_builtin(vm, args, "hex", 16, "0x")
}

/// `oct(x)`.
pub(crate) fn builtin_oct(vm: &mut Vm, args: Args<'_>) -> PyResult {
    radix_builtin(vm, args, "oct", 8, "0o")
}

/// `bin(x)`.
pub(crate) fn builtin_bin(vm: &mut Vm, args: Args<'_>) -> PyResult {
    radix_builtin(vm, args, "bin", 2, "0b")
}

/// `chr(i)`.
pub(crate) fn builtin_chr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "chr", 1, 1)?;
    let n = convert::index(vm, args.pos[0])?;
    let Some(i) = n.to_i32() else {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    };
    if !(0..0x110000).contains(&i) {
        return Err(vm.value_error("chr() arg not in range(0x110000)"));
    }
    match char::from_u32(i as u32) {
        Some(c) => {
            let mut buf = [0u8; 4];
            Ok(crate::types::str::new_str(vm, c.encode_utf8(&mut buf)))
        }
        None => Err(vm.not_implemented("str with lone surrogates")),
    }
}

/// `ord(c)`: the code point of a one-character str, or the value of a one-byte bytes.
pub(crate) fn builtin_ord(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "ord", 1, 1)?;
    let c = args.pos[0];
    let len = if let Some(s) = crate::types::str::as_str_obj(c) {
        let text = s.as_str();
        let mut chars = text.chars();
        if let (Some(ch), None) = (chars.next(), chars.next()) {
            return Ok(Value::from_usize(ch as usize));
        }
        s.char_len as usize
    } else if let Some(b) = crate::types::bytes::as_bytes(c)
        .map(|b| b.to_vec())
        .or_else(|| crate::types::bytes::as_bytearray(c).map(|b| b.clone()))
    {
        if b.len() == 1 {
            return Ok(Value::from_usize(b[0] as usize));
        }
        b.len()
    } else {
        let t = type_name(vm, c).to_string();
        return Err(vm.type_error(format!("ord() expected string of length 1, but {t} found")));
    };
    Err(vm.type_error(format!(
        "ord() expected a character, but string of length {len} found"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radix_strings() {
        assert_eq!(radix_string(&BigInt::from(-255), 16, "0x"), "-0xff");
        assert_eq!(radix_string(&BigInt::from(8), 8, "0o"), "0o10");
        assert_eq!(radix_string(&BigInt::from(0), 2, "0b"), "0b0");
    }
}
