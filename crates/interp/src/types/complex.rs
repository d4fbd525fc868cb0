//! `complex`: allocation, arithmetic as CPython's `_Py_c_*` functions compute it, parsing,
//! and the methods and dunders of the class.

use crate::object::{self, ComplexObj, InstanceObj};
use crate::types::{float, int};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};
use pyrs_frontend::bytecode::{BinOp, CmpOp};

/// A complex number as (real, imaginary).
pub type C = (f64, f64);

/// A new complex.
pub fn new_complex(vm: &mut Vm, re: f64, im: f64) -> Value {
    let cls = vm.cls.complex;
    let (v, obj) = vm.alloc_obj::<ComplexObj>(cls);
    obj.re = re;
    obj.im = im;
    v
}

/// The value of a complex (or complex-subclass instance).
pub fn as_complex(v: Value) -> Option<C> {
    if let Some(c) = object::downcast::<ComplexObj>(v) {
        return Some((c.re, c.im));
    }
    object::downcast::<InstanceObj>(v)
        .and_then(|i| object::downcast::<ComplexObj>(i.native))
        .map(|c| (c.re, c.im))
}

/// A complex, float or int operand as a complex; `None` for other values.
fn operand(vm: &mut Vm, v: Value) -> Option<PyResult<C>> {
    if let Some(c) = as_complex(v) {
        return Some(Ok(c));
    }
    if let Some(f) = float::as_f64(v) {
        return Some(Ok((f, 0.0)));
    }
    int::to_f64(vm, v).map(|r| r.map(|f| (f, 0.0)))
}

// ---------------------------------------------------------------------------------------
// Arithmetic (CPython's Objects/complexobject.c)

fn c_prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a / b`; `None` for division by zero.
pub fn c_quot(a: C, b: C) -> Option<C> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// Errors of [`c_pow`].
#[derive(Debug, PartialEq, Eq)]
pub enum PowError {
    /// `0 ** negative-or-complex`.
    ZeroToNegative,
    /// The result overflowed.
    Overflow,
}

fn c_pow_general(a: C, b: C) -> Result<C, PowError> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(PowError::ZeroToNegative);
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

fn c_powu(x: C, n: u64) -> C {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask = 1u64;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// `a ** b` as CPython's `complex_pow` computes it.
pub fn c_pow(a: C, b: C) -> Result<C, PowError> {
    let int_exp = b.0 as i64;
    let r = if b.1 == 0.0 && b.0 == int_exp as f64 && (-100..=100).contains(&int_exp) {
        if int_exp >= 0 {
            Ok(c_powu(a, int_exp as u64))
        } else {
            c_quot((1.0, 0.0), c_powu(a, int_exp.unsigned_abs())).ok_or(PowError::ZeroToNegative)
        }
    } else {
        c_pow_general(a, b)
    }?;
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(PowError::Overflow);
    }
    Ok(r)
}

/// `a ** b` as a Python value.
pub fn pow_value(vm: &mut Vm, a: C, b: C) -> PyResult<Value> {
    match c_pow(a, b) {
        Ok((re, im)) => Ok(new_complex(vm, re, im)),
        Err(PowError::ZeroToNegative) => {
            Err(vm.zero_division("0.0 to a negative or complex power"))
        }
        Err(PowError::Overflow) => Err(vm.overflow_error("complex exponentiation")),
    }
}

/// `abs(z)`; `None` when it overflows.
pub fn c_abs(z: C) -> Option<f64> {
    if !z.0.is_finite() || !z.1.is_finite() {
        if z.0.is_infinite() || z.1.is_infinite() {
            return Some(f64::INFINITY);
        }
        return Some(f64::NAN);
    }
    let r = z.0.hypot(z.1);
    if r.is_infinite() {
        None
    } else {
        Some(r)
    }
}

/// `a op b` where at least one operand is complex and the other complex, float or int;
/// `vm.not_implemented` otherwise (including `//` and `%`, which complex lacks).
pub fn binary(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    if as_complex(a).is_none() && as_complex(b).is_none() {
        return Ok(vm.not_implemented);
    }
    let Some(x) = operand(vm, a) else {
        return Ok(vm.not_implemented);
    };
    let Some(y) = operand(vm, b) else {
        return Ok(vm.not_implemented);
    };
    let (x, y) = (x?, y?);
    let r = match op.plain() {
        BinOp::Add => (x.0 + y.0, x.1 + y.1),
        BinOp::Sub => (x.0 - y.0, x.1 - y.1),
        BinOp::Mul => c_prod(x, y),
        BinOp::TrueDiv => match c_quot(x, y) {
            Some(r) => r,
            None => return Err(vm.zero_division("complex division by zero")),
        },
        BinOp::Pow => return pow_value(vm, x, y),
        _ => return Ok(vm.not_implemented),
    };
    Ok(new_complex(vm, r.0, r.1))
}

/// `hash(complex)` from the hashes of the parts (`identity` for nan parts).
pub fn hash_complex(z: C, identity: u64) -> i64 {
    let hr = crate::ops::hash::hash_f64(z.0, identity) as u64;
    let hi = crate::ops::hash::hash_f64(z.1, identity) as u64;
    let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

// ---------------------------------------------------------------------------------------
// Parsing

/// Parses `complex(text)`; `None` if malformed.
pub fn parse_complex(text: &str) -> Option<C> {
    let space = crate::types::str::unicode::is_space;
    let mut s = text.trim_matches(space);
    if let Some(inner) = s.strip_prefix('(') {
        s = inner.strip_suffix(')')?.trim_matches(space);
    }
    if s.is_empty() || s.chars().any(space) {
        return None;
    }
    let Some(body) = s.strip_suffix(['j', 'J']) else {
        return float::parse_float(s).map(|f| (f, 0.0));
    };
    let bytes = body.as_bytes();
    let split = (1..bytes.len())
        .rev()
        .find(|&i| matches!(bytes[i], b'+' | b'-') && !matches!(bytes[i - 1], b'e' | b'E'));
    let imag = |t: &str| match t {
        "" | "+" => Some(1.0),
        "-" => Some(-1.0),
        _ => float::parse_float(t),
    };
    match split {
        Some(i) => Some((float::parse_float(&body[..i])?, imag(&body[i..])?)),
        None => Some((0.0, imag(body)?)),
    }
}

// ---------------------------------------------------------------------------------------
// Methods and dunders

fn recv(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<C> {
    let v = args.pos.first().copied().unwrap_or(Value::NULL);
    match as_complex(v) {
        Some(c) => Ok(c),
        None => {
            let t = if v.is_null() {
                "nothing".to_string()
            } else {
                crate::types::class::type_name(vm, v).to_string()
            };
            Err(vm.type_error(format!(
                "descriptor '{name}' requires a 'complex' object but received a '{t}'"
            )))
        }
    }
}

fn check_one_arg(vm: &mut Vm, args: &Args<'_>) -> PyResult<()> {
    if args.pos.len() != 2 || !args.kw.is_empty() {
        return Err(vm.type_error(format!(
            "expected 1 argument, got {}",
            args.pos.len().saturating_sub(1) + args.kw.len()
        )));
    }
    Ok(())
}

fn is_operand(v: Value) -> bool {
    as_complex(v).is_some() || float::as_f64(v).is_some() || int::is_int(v)
}

fn complex_dunder(vm: &mut Vm, args: Args<'_>, name: &str, op: BinOp, reflected: bool) -> PyResult {
    recv(vm, &args, name)?;
    if op == BinOp::Pow {
        if args.pos.len() == 3 && args.kw.is_empty() {
            if args.pos[2] != vm.none {
                return Err(vm.value_error("complex modulo"));
            }
        } else {
            check_one_arg(vm, &args)?;
        }
    } else {
        check_one_arg(vm, &args)?;
    }
    let (a, b) = (args.pos[0], args.pos[1]);
    if !is_operand(b) {
        return Ok(vm.not_implemented);
    }
    if reflected {
        binary(vm, op, b, a)
    } else {
        binary(vm, op, a, b)
    }
}

macro_rules! complex_binops {
    ($( $op:ident : $f:ident $name:literal, $rf:ident $rname:literal );* $(;)?) => {
        $(
            fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult { complex_dunder(vm, args, $name, BinOp::$op, false) }
            fn $rf(vm: &mut Vm, args: Args<'_>) -> PyResult { complex_dunder(vm, args, $rname, BinOp::$op, true) }
        )*
        const COMPLEX_BINOPS: &[(&str, crate::vm::NativeFn)] = &[ $( ($name, $f), ($rname, $rf) ),* ];
    };
}

complex_binops! {
    Add: complex_add "__add__", complex_radd "__radd__";
    Sub: complex_sub "__sub__", complex_rsub "__rsub__";
    Mul: complex_mul "__mul__", complex_rmul "__rmul__";
    TrueDiv: complex_truediv "__truediv__", complex_rtruediv "__rtruediv__";
    Pow: complex_pow "__pow__", complex_rpow "__rpow__";
}

/// `a == b` where `a` is complex and `b` complex, float or int; `None` for other operands.
pub fn equals(a: Value, b: Value) -> Option<bool> {
    let x = as_complex(a)?;
    if let Some(y) = as_complex(b) {
        return Some(x == y);
    }
    if let Some(f) = float::as_f64(b) {
        return Some(x.1 == 0.0 && x.0 == f);
    }
    let i = int::as_bigint(b)?;
    Some(x.1 == 0.0 && int::cmp_int_f64(&i, x.0) == Some(std::cmp::Ordering::Equal))
}

fn complex_cmp(vm: &mut Vm, args: Args<'_>, name: &str, op: CmpOp) -> PyResult {
    recv(vm, &args, name)?;
    check_one_arg(vm, &args)?;
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(vm.not_implemented);
    }
    match equals(args.pos[0], args.pos[1]) {
        Some(e) => Ok(vm.bool(e == (op == CmpOp::Eq))),
        None => Ok(vm.not_implemented),
    }
}

fn complex_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    complex_cmp(vm, args, "__eq__", CmpOp::Eq)
}
fn complex_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    complex_cmp(vm, args, "__ne__", CmpOp::Ne)
}
fn complex_lt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    complex_cmp(vm, args, "__lt__", CmpOp::Lt)
}
fn complex_le(vm: &mut Vm, args: Args<'_>) -> PyResult {
    complex_cmp(vm, args, "__le__", CmpOp::Le)
}
fn complex_gt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    complex_cmp(vm, args, "__gt__", CmpOp::Gt)
}
fn complex_ge(vm: &mut Vm, args: Args<'_>) -> PyResult {
    complex_cmp(vm, args, "__ge__", CmpOp::Ge)
}

fn complex_neg(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let z = recv(vm, &args, "__neg__")?;
    Ok(new_complex(vm, -z.0, -z.1))
}

/// `__pos__`, `__complex__`: the exact complex value.
fn complex_pos(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let z = recv(vm, &args, "__pos__")?;
    if object::is::<ComplexObj>(args.pos[0]) {
        return Ok(args.pos[0]);
    }
    Ok(new_complex(vm, z.0, z.1))
}

fn complex_abs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let z = recv(vm, &args, "__abs__")?;
    match c_abs(z) {
        Some(r) => Ok(float::new_float(vm, r)),
        None => Err(vm.overflow_error("absolute value too large")),
    }
}

fn complex_bool(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let z = recv(vm, &args, "__bool__")?;
    Ok(vm.bool(z.0 != 0.0 || z.1 != 0.0))
}

fn complex_conjugate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let z = recv(vm, &args, "conjugate")?;
    Ok(new_complex(vm, z.0, -z.1))
}

fn complex_real(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let z = recv(vm, &args, "real")?;
    Ok(float::new_float(vm, z.0))
}

fn complex_imag(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let z = recv(vm, &args, "imag")?;
    Ok(float::new_float(vm, z.1))
}

fn complex_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let z = recv(vm, &args, "__hash__")?;
    let id = if z.0.is_nan() || z.1.is_nan() {
        crate::types::identity::id_of(vm, args.pos[0]) as u64
    } else {
        0
    };
    Ok(int::new_i64(vm, hash_complex(z, id)))
}

fn complex_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let z = recv(vm, &args, "__repr__")?;
    let s = crate::types::format::repr_complex(z.0, z.1);
    Ok(crate::types::str::new_str(vm, &s))
}

fn complex_format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let z = recv(vm, &args, "__format__")?;
    check_one_arg(vm, &args)?;
    let Some(spec) = crate::types::str::as_str(args.pos[1]) else {
        let t = crate::types::class::type_name(vm, args.pos[1]).to_string();
        return Err(vm.type_error(format!("__format__() argument must be str, not {t}")));
    };
    if spec.is_empty() {
        return crate::ops::convert::to_str(vm, args.pos[0]);
    }
    let spec = spec.to_string();
    let s = crate::types::format::format_complex(vm, z.0, z.1, &spec)?;
    Ok(crate::types::str::new_str(vm, &s))
}

fn complex_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let z = recv(vm, &args, "__getnewargs__")?;
    let (re, im) = (float::new_float(vm, z.0), float::new_float(vm, z.1));
    Ok(crate::types::tuple::new_tuple(vm, &[re, im]))
}

/// A `complex()` argument: its value and whether it was a complex.
fn complex_arg(vm: &mut Vm, v: Value, first: bool) -> PyResult<(C, bool)> {
    let name = vm.names.__complex__;
    if !crate::ops::lookup_special(vm, v, name).is_null() && !object::is::<ComplexObj>(v) {
        let r = crate::ops::call_special(vm, v, name, &[])?.unwrap_or(Value::NULL);
        return match as_complex(r) {
            Some(c) => Ok((c, true)),
            None => {
                let t = crate::types::class::type_name(vm, r).to_string();
                Err(vm.type_error(format!("__complex__ returned non-complex (type {t})")))
            }
        };
    }
    if let Some(c) = as_complex(v) {
        return Ok((c, true));
    }
    let fname = vm.names.__float__;
    let iname = vm.names.__index__;
    let numeric = float::as_f64(v).is_some()
        || int::is_int(v)
        || !crate::ops::lookup_special(vm, v, fname).is_null()
        || !crate::ops::lookup_special(vm, v, iname).is_null();
    if !numeric {
        let t = crate::types::class::type_name(vm, v).to_string();
        let which = if first {
            "first argument must be a string or a number"
        } else {
            "second argument must be a number"
        };
        return Err(vm.type_error(format!("complex() {which}, not '{t}'")));
    }
    Ok(((float::to_f64(vm, v)?, 0.0), false))
}

/// `complex.__new__(cls, real=0, imag=0)`.
fn complex_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = vm.cls.complex;
    let cls = crate::types::list::check_new_cls(vm, &args, "complex", base)?;
    let pos = args.pos.get(1..).unwrap_or(&[]);
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "complex() takes at most 2 arguments ({} given)",
            pos.len() + args.kw.len()
        )));
    }
    let (mut r, mut i) = (pos.first().copied(), pos.get(1).copied());
    for (&k, &v) in args.kwnames.iter().zip(args.kw) {
        let k = crate::types::str::as_str(k).unwrap_or("").to_string();
        let slot = match k.as_str() {
            "real" => &mut r,
            "imag" => &mut i,
            _ => {
                return Err(vm.type_error(format!(
                    "complex() got an unexpected keyword argument '{k}'"
                )))
            }
        };
        if slot.is_some() {
            let p = if k == "real" { 1 } else { 2 };
            return Err(vm.type_error(format!(
                "argument for complex() given by name ('{k}') and position ({p})"
            )));
        }
        *slot = Some(v);
    }
    let (re, im) = complex_value(vm, r, i)?;
    if cls == vm.cls.complex {
        if let (Some(r), None) = (r, i) {
            if object::is::<ComplexObj>(r) {
                return Ok(r);
            }
        }
        return Ok(new_complex(vm, re, im));
    }
    if !crate::types::class::is_subclass(cls, vm.cls.complex) {
        let t = crate::types::class::class_name(cls).to_string();
        return Err(vm.type_error(format!(
            "complex.__new__({t}): {t} is not a subtype of complex"
        )));
    }
    let native = new_complex(vm, re, im);
    Ok(crate::types::instance::new_instance(vm, cls, native))
}

fn complex_value(vm: &mut Vm, r: Option<Value>, i: Option<Value>) -> PyResult<C> {
    let Some(r) = r else {
        return match i {
            None => Ok((0.0, 0.0)),
            Some(i) => {
                let (ci, ci_complex) = complex_arg(vm, i, false)?;
                Ok(if ci_complex {
                    (-ci.1, ci.0)
                } else {
                    (0.0, ci.0)
                })
            }
        };
    };
    if let Some(text) = crate::types::str::as_str(r) {
        if i.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let text = text.to_string();
        return parse_complex(&text)
            .ok_or_else(|| vm.value_error("complex() arg is a malformed string"));
    }
    if let Some(i) = i {
        if crate::types::str::as_str(i).is_some() {
            return Err(vm.type_error("complex() second arg can't be a string"));
        }
    }
    let (cr, cr_complex) = complex_arg(vm, r, true)?;
    let Some(i) = i else {
        return Ok(cr);
    };
    let (ci, ci_complex) = complex_arg(vm, i, false)?;
    let mut re = cr.0;
    let mut im = ci.0;
    if ci_complex {
        re -= ci.1;
    }
    if cr_complex {
        im += cr.1;
    }
    Ok((re, im))
}

/// Registers the methods of `complex`.
pub(crate) fn init(vm: &mut Vm) {
    let c = vm.cls.complex;
    vm.add_methods(c, COMPLEX_BINOPS);
    vm.add_methods(
        c,
        &[
            ("__eq__", complex_eq),
            ("__ne__", complex_ne),
            ("__lt__", complex_lt),
            ("__le__", complex_le),
            ("__gt__", complex_gt),
            ("__ge__", complex_ge),
            ("__neg__", complex_neg),
            ("__pos__", complex_pos),
            ("__complex__", complex_pos),
            ("__abs__", complex_abs),
            ("__bool__", complex_bool),
            ("__hash__", complex_hash),
            ("__repr__", complex_repr),
            ("__format__", complex_format),
            ("__getnewargs__", complex_getnewargs),
            ("conjugate", complex_conjugate),
        ],
    );
    vm.add_staticmethod(c, "__new__", complex_new);
    vm.add_getset(c, "real", complex_real, None);
    vm.add_getset(c, "imag", complex_imag, None);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_matches_cpython() {
        assert_eq!(c_quot((1.0, 2.0), (3.0, -4.0)), Some((-0.2, 0.4)));
        assert_eq!(c_quot((1.0, 0.0), (0.0, 0.0)), None);
        assert_eq!(
            c_pow((1.0, 2.0), (0.5, 0.0)),
            Ok((1.272019649514069, 0.7861513777574233))
        );
        assert_eq!(
            c_pow((1.0, 1.0), (1000.0, 0.0)),
            Ok((3.273390607896366e+150, -2.6303055750020937e+137))
        );
        assert_eq!(c_pow((10.0, 1.0), (1000.0, 0.0)), Err(PowError::Overflow));
        assert_eq!(
            c_pow((0.0, 0.0), (-1.0, 0.0)),
            Err(PowError::ZeroToNegative)
        );
        assert_eq!(c_pow((0.0, 1e200), (2.0, 0.0)), Err(PowError::Overflow));
        assert_eq!(
            c_pow((-8.0, 0.0), (1.0 / 3.0, 0.0)),
            Ok((1.0000000000000002, 1.7320508075688772))
        );
        assert_eq!(
            c_pow((-2.0, 0.0), (0.5, 0.0)),
            Ok((8.659560562354934e-17, 1.4142135623730951))
        );
    }

    #[test]
    fn hash_matches_cpython() {
        assert_eq!(hash_complex((1.0, 2.0), 0), 2000007);
        assert_eq!(
            hash_complex((1.5, 0.0), 0),
            crate::ops::hash::hash_f64(1.5, 0)
        );
    }

    #[test]
    fn parsing() {
        assert_eq!(parse_complex("1+2j"), Some((1.0, 2.0)));
        assert_eq!(parse_complex(" ( -1.5e-3-2J ) "), Some((-1.5e-3, -2.0)));
        assert_eq!(parse_complex("j"), Some((0.0, 1.0)));
        assert_eq!(parse_complex("-j"), Some((0.0, -1.0)));
        assert_eq!(parse_complex("3+j"), Some((3.0, 1.0)));
        assert_eq!(parse_complex("1e5"), Some((1e5, 0.0)));
        assert_eq!(parse_complex("1e+5j"), Some((0.0, 1e5)));
        assert_eq!(parse_complex("1_0+2_0j"), Some((10.0, 20.0)));
        assert_eq!(parse_complex("x"), None);
        assert_eq!(parse_complex("1 + 2j"), None);
        assert_eq!(parse_complex("(1+2j"), None);
        assert_eq!(parse_complex(""), None);
    }
}
