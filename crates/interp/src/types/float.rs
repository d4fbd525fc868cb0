//! `float`: allocation and conversion helpers, arithmetic with CPython's special cases and
//! error messages, exact rounding helpers, and the methods and dunders of the class.

use crate::object::{self, FloatObj, InstanceObj};
use crate::types::int;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{ToPrimitive, Zero};
use pyrs_frontend::bytecode::{BinOp, CmpOp};

/// A new float.
#[inline]
pub fn new_float(vm: &mut Vm, f: f64) -> Value {
    let cls = vm.cls.float;
    let (v, obj) = vm.alloc_obj::<FloatObj>(cls);
    obj.value = f;
    v
}

/// The value of a float (or float-subclass instance).
#[inline]
pub fn as_f64(v: Value) -> Option<f64> {
    if let Some(f) = object::downcast::<FloatObj>(v) {
        return Some(f.value);
    }
    object::downcast::<InstanceObj>(v)
        .and_then(|i| object::downcast::<FloatObj>(i.native))
        .map(|f| f.value)
}

/// A float or an int as f64 (`None` for other values; `Some(Err)` when an int is too big).
fn num_f64(vm: &mut Vm, v: Value) -> Option<PyResult<f64>> {
    if let Some(f) = as_f64(v) {
        return Some(Ok(f));
    }
    int::to_f64(vm, v)
}

/// `PyFloat_AsDouble`: the float value of a float, an int, or an object with `__float__`
/// or `__index__`; `TypeError` "must be real number, not str" otherwise.
pub fn to_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(r) = num_f64(vm, v) {
        return r;
    }
    let name = vm.names.__float__;
    if let Some(r) = crate::ops::call_special(vm, v, name, &[])? {
        return match as_f64(r) {
            Some(f) => Ok(f),
            None => {
                let (t, rt) = (
                    crate::types::class::type_name(vm, v).to_string(),
                    crate::types::class::type_name(vm, r).to_string(),
                );
                Err(vm.type_error(format!("{t}.__float__ returned non-float (type {rt})")))
            }
        };
    }
    let name = vm.names.__index__;
    if !crate::ops::lookup_special(vm, v, name).is_null() {
        let b = crate::ops::convert::index(vm, v)?;
        return int::bigint_to_f64(&b)
            .ok_or_else(|| vm.overflow_error("int too large to convert to float"));
    }
    let t = crate::types::class::type_name(vm, v).to_string();
    Err(vm.type_error(format!("must be real number, not {t}")))
}

// ---------------------------------------------------------------------------------------
// Exact helpers

/// `2**n` for `n` in `-1074..=1023`.
fn pow2(n: i64) -> f64 {
    if n >= -1022 {
        f64::from_bits(((n + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (n + 1074))
    }
}

/// C's `frexp`: `(m, e)` with `x == m * 2**e` and `0.5 <= |m| < 1` (`(x, 0)` for zero,
/// infinities and nan).
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * pow2(54));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// C's `ldexp`: `x * 2**e`, correctly rounded (one rounding, also for subnormal results).
pub fn ldexp(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (m, k) = frexp(x);
    let t = (k as i64).saturating_add(e);
    if t > 1024 {
        return f64::INFINITY.copysign(x);
    }
    if t >= -1021 {
        return (m * 2.0) * pow2(t - 1);
    }
    if t < -1074 {
        return 0.0f64.copysign(x);
    }
    (m * pow2(t + 1074)) * pow2(-1074)
}

/// The float nearest to `(m + δ) * 2**e`, where `δ` is a positive amount below one unit
/// when `inexact` (a sticky bit), ties to even; infinity when too large.
pub fn scaled_to_f64(m: &BigUint, e: i64, inexact: bool) -> f64 {
    if m.is_zero() {
        return 0.0;
    }
    let bits = m.bits() as i64;
    let top = bits - 1 + e;
    if top > 1023 {
        return f64::INFINITY;
    }
    let lsb = (top - 52).max(-1074);
    let shift = lsb - e;
    if shift <= 0 {
        // m has at most 53 bits: exact.
        return ldexp(m.to_f64().unwrap_or(f64::INFINITY), e);
    }
    let shift = shift as u64;
    let q = m >> shift;
    let rem = m - (&q << shift);
    let half = BigUint::from(1u32) << (shift - 1);
    let mut q = q.to_u64().unwrap_or(u64::MAX);
    let up = match rem.cmp(&half) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => inexact || q & 1 == 1,
        std::cmp::Ordering::Less => false,
    };
    if up {
        q += 1;
    }
    ldexp(q as f64, lsb)
}

// ---------------------------------------------------------------------------------------
// Arithmetic

/// `(x // y, x % y)` for floats with Python's sign rules; `y` must be non-zero.
fn divmod_f64(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let fd = if div != 0.0 {
        let mut fd = div.floor();
        if div - fd > 0.5 {
            fd += 1.0;
        }
        fd
    } else {
        0.0f64.copysign(x / y)
    };
    (fd, m)
}

/// `x % y` for floats with Python's sign rules; `y` must be non-zero.
fn mod_f64(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m + y
        } else {
            m
        }
    } else {
        0.0f64.copysign(y)
    }
}

fn is_odd_integer(y: f64) -> bool {
    y.is_finite() && (y % 2.0).abs() == 1.0
}

/// Outcome of [`pow_f64`].
#[derive(Debug, PartialEq)]
pub enum PowResult {
    /// A float.
    Float(f64),
    /// A negative base with a non-integral exponent: the result is complex.
    Complex,
    /// `0.0 ** negative`.
    ZeroToNegative,
    /// Overflow.
    Overflow,
}

/// `x ** y` for floats as CPython's `float_pow` computes it.
pub fn pow_f64(x: f64, y: f64) -> PowResult {
    if y == 0.0 {
        return PowResult::Float(1.0);
    }
    if x.is_nan() {
        return PowResult::Float(x);
    }
    if y.is_nan() {
        return PowResult::Float(if x == 1.0 { 1.0 } else { y });
    }
    if y.is_infinite() {
        let ax = x.abs();
        return PowResult::Float(if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return PowResult::Float(if y > 0.0 {
            if odd {
                x
            } else {
                x.abs()
            }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        });
    }
    if x == 0.0 {
        if y < 0.0 {
            return PowResult::ZeroToNegative;
        }
        return PowResult::Float(if is_odd_integer(y) { x } else { 0.0 });
    }
    let mut base = x;
    let mut negate = false;
    if x < 0.0 {
        if y != y.floor() {
            return PowResult::Complex;
        }
        base = -x;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return PowResult::Float(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(y);
    if r.is_infinite() {
        return PowResult::Overflow;
    }
    PowResult::Float(if negate { -r } else { r })
}

/// `x ** y` as a Python value (a complex for a negative base and fractional exponent).
pub fn pow_value(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    match pow_f64(x, y) {
        PowResult::Float(f) => Ok(new_float(vm, f)),
        PowResult::Complex => crate::types::complex::pow_value(vm, (x, 0.0), (y, 0.0)),
        PowResult::ZeroToNegative => {
            Err(vm.zero_division("0.0 cannot be raised to a negative power"))
        }
        PowResult::Overflow => Err(vm.overflow_error("(34, 'Numerical result out of range')")),
    }
}

/// `a op b` for floats mixed with floats or ints; `vm.not_implemented` for other operands.
/// In-place forms behave as the plain ones.
pub fn binary(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    let Some(x) = num_f64(vm, a) else {
        return Ok(vm.not_implemented);
    };
    let Some(y) = num_f64(vm, b) else {
        return Ok(vm.not_implemented);
    };
    let (x, y) = (x?, y?);
    let r = match op.plain() {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(vm.zero_division("float floor division by zero"));
            }
            divmod_f64(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(vm.zero_division("float modulo"));
            }
            mod_f64(x, y)
        }
        BinOp::Pow => return pow_value(vm, x, y),
        _ => return Ok(vm.not_implemented),
    };
    Ok(new_float(vm, r))
}

/// `divmod(a, b)` for floats mixed with floats or ints; `vm.not_implemented` otherwise.
pub fn divmod(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let Some(x) = num_f64(vm, a) else {
        return Ok(vm.not_implemented);
    };
    let Some(y) = num_f64(vm, b) else {
        return Ok(vm.not_implemented);
    };
    let (x, y) = (x?, y?);
    if y == 0.0 {
        return Err(vm.zero_division("float divmod()"));
    }
    let (q, r) = divmod_f64(x, y);
    let (q, r) = (new_float(vm, q), new_float(vm, r));
    Ok(crate::types::tuple::new_tuple(vm, &[q, r]))
}

/// `a op b` where `a` is a float and `b` a float or an int (exact, as CPython); `None` for
/// other operands.
pub fn compare(a: Value, b: Value, op: CmpOp) -> Option<bool> {
    let x = as_f64(a)?;
    if let Some(y) = as_f64(b) {
        let ord = x.partial_cmp(&y);
        return Some(int::cmp_holds(ord, op));
    }
    let i = int::as_bigint(b)?;
    let ord = int::cmp_int_f64(&i, x).map(|o| o.reverse());
    Some(int::cmp_holds(ord, op))
}

// ---------------------------------------------------------------------------------------
// Rounding and text

/// `round(x, ndigits)` as CPython's correctly rounded `double_round`; `None` when the
/// result overflows.
pub fn round_digits(x: f64, ndigits: i64) -> Option<f64> {
    if !x.is_finite() || x == 0.0 {
        return Some(x);
    }
    if ndigits > 323 {
        return Some(x);
    }
    if ndigits < -308 {
        return Some(0.0f64.copysign(x));
    }
    let r = if ndigits >= 0 {
        let s = format!("{:.*}", ndigits as usize, x);
        s.parse::<f64>().unwrap_or(x)
    } else {
        let k = (-ndigits) as u32;
        let p = num_traits::Pow::pow(&BigUint::from(10u32), k);
        let a = x.abs();
        let whole = int::f64_to_bigint(a).unwrap_or_default();
        let frac_nonzero = a != a.trunc();
        let whole = whole.magnitude().clone();
        let q = &whole / &p;
        let rem = &whole - &q * &p;
        let twice = &rem * 2u32;
        let up = match twice.cmp(&p) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Equal => frac_nonzero || (&q % 2u32) == BigUint::from(1u32),
            std::cmp::Ordering::Less => false,
        };
        let q = if up { q + 1u32 } else { q };
        let v = scaled_to_f64(&(q * p), 0, false);
        v.copysign(x)
    };
    if r.is_infinite() {
        None
    } else {
        Some(r)
    }
}

/// `float.hex()`.
pub fn to_hex(x: f64) -> String {
    if !x.is_finite() {
        return crate::types::format::repr_float(x);
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0x0.0p+0".into()
        } else {
            "0x0.0p+0".into()
        };
    }
    let (m, e) = frexp(x.abs());
    let shift = 1 - (-1021 - e).max(0);
    let mut m = ldexp(m, shift as i64);
    let e = e - shift;
    let mut s = String::new();
    if x < 0.0 {
        s.push('-');
    }
    s.push_str("0x");
    let d = m as u32;
    s.push(char::from_digit(d, 16).unwrap_or('0'));
    m -= d as f64;
    s.push('.');
    for _ in 0..13 {
        m *= 16.0;
        let d = m as u32;
        s.push(char::from_digit(d, 16).unwrap_or('0'));
        m -= d as f64;
    }
    s.push('p');
    if e >= 0 {
        s.push('+');
    }
    s.push_str(&e.to_string());
    s
}

/// Why [`from_hex`] failed.
#[derive(Debug, PartialEq, Eq)]
pub enum FromHexError {
    /// Malformed text.
    Invalid,
    /// Too large for a float.
    Overflow,
}

/// `float.fromhex(text)`.
pub fn from_hex(text: &str) -> Result<f64, FromHexError> {
    let s = text.trim_matches(crate::types::str::unicode::is_space);
    let (neg, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let sign = if neg { -1.0 } else { 1.0 };
    let lower = s.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(sign * f64::INFINITY);
    }
    if lower == "nan" {
        return Ok(f64::NAN);
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (int_part, frac_part) = match mant.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mant, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(FromHexError::Invalid);
    }
    let all_hex = |t: &str| t.bytes().all(|b| b.is_ascii_hexdigit());
    if !all_hex(int_part) || !all_hex(frac_part) {
        return Err(FromHexError::Invalid);
    }
    let exp: i64 = match exp {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(FromHexError::Invalid);
            }
            // Clamp absurd exponents; the result is 0 or overflow either way.
            let v: i64 = digits
                .get(..digits.len().min(12))
                .unwrap_or("0")
                .parse()
                .unwrap_or(0);
            let v = if digits.len() > 12 { 1 << 40 } else { v };
            if e.starts_with('-') {
                -v
            } else {
                v
            }
        }
    };
    let all: String = format!("{int_part}{frac_part}");
    let m = BigUint::parse_bytes(all.as_bytes(), 16).unwrap_or_default();
    if m.is_zero() {
        return Ok(sign * 0.0);
    }
    let e = exp - 4 * frac_part.len() as i64;
    let r = scaled_to_f64(&m, e, false);
    if r.is_infinite() {
        return Err(FromHexError::Overflow);
    }
    Ok(sign * r)
}

/// Parses `float(text)`: whitespace, underscores between digits, `inf`/`nan` spellings,
/// Unicode decimal digits. `None` if malformed.
pub fn parse_float(text: &str) -> Option<f64> {
    let s = text.trim_matches(crate::types::str::unicode::is_space);
    let mut ascii = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let is_digit = |c: Option<&char>| c.is_some_and(|&c| int::decimal_value(c).is_some());
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            if i == 0 || !is_digit(chars.get(i - 1)) || !is_digit(chars.get(i + 1)) {
                return None;
            }
            continue;
        }
        if c.is_ascii() {
            ascii.push(c);
        } else {
            let d = int::decimal_value(c)?;
            ascii.push(char::from_digit(d, 10)?);
        }
    }
    let body = ascii.strip_prefix(['+', '-']).unwrap_or(&ascii);
    let lower = body.to_ascii_lowercase();
    let special = matches!(lower.as_str(), "inf" | "infinity" | "nan");
    if !special
        && !body
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        return None;
    }
    ascii.parse::<f64>().ok()
}

// ---------------------------------------------------------------------------------------
// Methods and dunders

fn recv(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<f64> {
    let v = args.pos.first().copied().unwrap_or(Value::NULL);
    match as_f64(v) {
        Some(f) => Ok(f),
        None => {
            let t = if v.is_null() {
                "nothing".to_string()
            } else {
                crate::types::class::type_name(vm, v).to_string()
            };
            Err(vm.type_error(format!(
                "descriptor '{name}' requires a 'float' object but received a '{t}'"
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

fn check_no_arg(vm: &mut Vm, args: &Args<'_>) -> PyResult<()> {
    if args.pos.len() > 1 || !args.kw.is_empty() {
        return Err(vm.type_error(format!(
            "expected 0 arguments, got {}",
            args.pos.len().saturating_sub(1) + args.kw.len()
        )));
    }
    Ok(())
}

fn is_float_operand(v: Value) -> bool {
    as_f64(v).is_some() || int::is_int(v)
}

fn float_dunder(vm: &mut Vm, args: Args<'_>, name: &str, op: BinOp, reflected: bool) -> PyResult {
    recv(vm, &args, name)?;
    check_one_arg(vm, &args)?;
    let (a, b) = (args.pos[0], args.pos[1]);
    if !is_float_operand(b) {
        return Ok(vm.not_implemented);
    }
    if reflected {
        binary(vm, op, b, a)
    } else {
        binary(vm, op, a, b)
    }
}

macro_rules! float_binops {
    ($( $op:ident : $f:ident $name:literal, $rf:ident $rname:literal );* $(;)?) => {
        $(
            fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult { float_dunder(vm, args, $name, BinOp::$op, false) }
            fn $rf(vm: &mut Vm, args: Args<'_>) -> PyResult { float_dunder(vm, args, $rname, BinOp::$op, true) }
        )*
        const FLOAT_BINOPS: &[(&str, crate::vm::NativeFn)] = &[ $( ($name, $f), ($rname, $rf) ),* ];
    };
}

float_binops! {
    Add: float_add "__add__", float_radd "__radd__";
    Sub: float_sub "__sub__", float_rsub "__rsub__";
    Mul: float_mul "__mul__", float_rmul "__rmul__";
    TrueDiv: float_truediv "__truediv__", float_rtruediv "__rtruediv__";
    FloorDiv: float_floordiv "__floordiv__", float_rfloordiv "__rfloordiv__";
    Mod: float_mod "__mod__", float_rmod "__rmod__";
}

fn float_divmod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    recv(vm, &args, "__divmod__")?;
    check_one_arg(vm, &args)?;
    if !is_float_operand(args.pos[1]) {
        return Ok(vm.not_implemented);
    }
    divmod(vm, args.pos[0], args.pos[1])
}

fn float_rdivmod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    recv(vm, &args, "__rdivmod__")?;
    check_one_arg(vm, &args)?;
    if !is_float_operand(args.pos[1]) {
        return Ok(vm.not_implemented);
    }
    divmod(vm, args.pos[1], args.pos[0])
}

fn pow_common(vm: &mut Vm, args: Args<'_>, name: &str, reflected: bool) -> PyResult {
    recv(vm, &args, name)?;
    if !args.kw.is_empty() || args.pos.len() < 2 || args.pos.len() > 3 {
        return Err(vm.type_error(format!(
            "expected 1 or 2 arguments, got {}",
            args.pos.len().saturating_sub(1) + args.kw.len()
        )));
    }
    if args.pos.len() == 3 && args.pos[2] != vm.none {
        return Err(
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    }
    let (a, b) = (args.pos[0], args.pos[1]);
    if !is_float_operand(b) {
        return Ok(vm.not_implemented);
    }
    if reflected {
        binary(vm, BinOp::Pow, b, a)
    } else {
        binary(vm, BinOp::Pow, a, b)
    }
}

fn float_pow(vm: &mut Vm, args: Args<'_>) -> PyResult {
    pow_common(vm, args, "__pow__", false)
}

fn float_rpow(vm: &mut Vm, args: Args<'_>) -> PyResult {
    pow_common(vm, args, "__rpow__", true)
}

fn float_cmp(vm: &mut Vm, args: Args<'_>, name: &str, op: CmpOp) -> PyResult {
    recv(vm, &args, name)?;
    check_one_arg(vm, &args)?;
    match compare(args.pos[0], args.pos[1], op) {
        Some(r) => Ok(vm.bool(r)),
        None => Ok(vm.not_implemented),
    }
}

fn float_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    float_cmp(vm, args, "__eq__", CmpOp::Eq)
}
fn float_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    float_cmp(vm, args, "__ne__", CmpOp::Ne)
}
fn float_lt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    float_cmp(vm, args, "__lt__", CmpOp::Lt)
}
fn float_le(vm: &mut Vm, args: Args<'_>) -> PyResult {
    float_cmp(vm, args, "__le__", CmpOp::Le)
}
fn float_gt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    float_cmp(vm, args, "__gt__", CmpOp::Gt)
}
fn float_ge(vm: &mut Vm, args: Args<'_>) -> PyResult {
    float_cmp(vm, args, "__ge__", CmpOp::Ge)
}

fn float_neg(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__neg__")?;
    check_no_arg(vm, &args)?;
    Ok(new_float(vm, -x))
}

fn float_pos(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__pos__")?;
    check_no_arg(vm, &args)?;
    if object::is::<FloatObj>(args.pos[0]) {
        return Ok(args.pos[0]);
    }
    Ok(new_float(vm, x))
}

fn float_abs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__abs__")?;
    check_no_arg(vm, &args)?;
    Ok(new_float(vm, x.abs()))
}

fn float_bool(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__bool__")?;
    check_no_arg(vm, &args)?;
    Ok(vm.bool(x != 0.0))
}

fn float_trunc(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__trunc__")?;
    check_no_arg(vm, &args)?;
    int::from_f64(vm, x)
}

fn float_floor(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__floor__")?;
    check_no_arg(vm, &args)?;
    int::from_f64(vm, x.floor())
}

fn float_ceil(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__ceil__")?;
    check_no_arg(vm, &args)?;
    int::from_f64(vm, x.ceil())
}

/// `__float__`, `conjugate`, `real`: the exact float value.
fn float_float(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__float__")?;
    check_no_arg(vm, &args)?;
    if object::is::<FloatObj>(args.pos[0]) {
        return Ok(args.pos[0]);
    }
    Ok(new_float(vm, x))
}

fn float_imag(vm: &mut Vm, args: Args<'_>) -> PyResult {
    recv(vm, &args, "imag")?;
    Ok(new_float(vm, 0.0))
}

fn float_round(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__round__")?;
    if args.pos.len() > 2 || !args.kw.is_empty() {
        return Err(vm.type_error(format!(
            "__round__ expected at most 1 argument, got {}",
            args.pos.len() - 1 + args.kw.len()
        )));
    }
    let nd = args.pos.get(1).copied().filter(|&v| v != vm.none);
    let Some(nd) = nd else {
        let mut r = x.round();
        if (x - r).abs() == 0.5 {
            r = 2.0 * (x / 2.0).round();
        }
        return int::from_f64(vm, r);
    };
    let nd = crate::ops::convert::index(vm, nd)?;
    let nd = nd.to_i64().unwrap_or(if nd.sign() == Sign::Minus {
        i64::MIN
    } else {
        i64::MAX
    });
    match round_digits(x, nd) {
        Some(r) => Ok(new_float(vm, r)),
        None => Err(vm.overflow_error("rounded value too large to represent")),
    }
}

fn float_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__hash__")?;
    let id = if x.is_nan() {
        crate::types::identity::id_of(vm, args.pos[0]) as u64
    } else {
        0
    };
    let h = crate::ops::hash::hash_f64(x, id);
    Ok(int::new_i64(vm, h))
}

fn float_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__repr__")?;
    let s = crate::types::format::repr_float(x);
    Ok(crate::types::str::new_str(vm, &s))
}

fn float_format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__format__")?;
    check_one_arg(vm, &args)?;
    let Some(spec) = crate::types::str::as_str(args.pos[1]) else {
        let t = crate::types::class::type_name(vm, args.pos[1]).to_string();
        return Err(vm.type_error(format!("__format__() argument must be str, not {t}")));
    };
    if spec.is_empty() && !object::is::<FloatObj>(args.pos[0]) {
        return crate::ops::convert::to_str(vm, args.pos[0]);
    }
    let spec = spec.to_string();
    let s = crate::types::format::format_float(vm, x, &spec)?;
    Ok(crate::types::str::new_str(vm, &s))
}

fn float_is_integer(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "is_integer")?;
    check_no_arg(vm, &args)?;
    Ok(vm.bool(x.is_finite() && x == x.floor()))
}

/// `(numerator, denominator)` of a finite float.
pub fn integer_ratio(x: f64) -> Option<(BigInt, BigInt)> {
    if !x.is_finite() {
        return None;
    }
    let (mut m, mut e) = frexp(x);
    for _ in 0..300 {
        if m == m.floor() {
            break;
        }
        m *= 2.0;
        e -= 1;
    }
    let n = int::f64_to_bigint(m).unwrap_or_default();
    Some(if e >= 0 {
        (n << e as u32, BigInt::from(1))
    } else {
        (n, BigInt::from(1) << (-e) as u32)
    })
}

fn float_as_integer_ratio(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "as_integer_ratio")?;
    check_no_arg(vm, &args)?;
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    let Some((n, d)) = integer_ratio(x) else {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    };
    let (n, d) = (int::new_int(vm, n), int::new_int(vm, d));
    Ok(crate::types::tuple::new_tuple(vm, &[n, d]))
}

fn float_hex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "hex")?;
    check_no_arg(vm, &args)?;
    let s = to_hex(x);
    Ok(crate::types::str::new_str(vm, &s))
}

fn float_fromhex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos.first().copied().unwrap_or(vm.cls.float);
    if args.pos.len() != 2 || !args.kw.is_empty() {
        return Err(vm.type_error(format!(
            "fromhex() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1) + args.kw.len()
        )));
    }
    let Some(text) = crate::types::str::as_str(args.pos[1]) else {
        let t = crate::types::class::type_name(vm, args.pos[1]).to_string();
        return Err(vm.type_error(format!("fromhex() argument must be str, not {t}")));
    };
    let f = match from_hex(text) {
        Ok(f) => f,
        Err(FromHexError::Invalid) => {
            return Err(vm.value_error("invalid hexadecimal floating-point string"))
        }
        Err(FromHexError::Overflow) => {
            return Err(vm.overflow_error("hexadecimal value too large to represent as a float"))
        }
    };
    let v = new_float(vm, f);
    if cls == vm.cls.float {
        Ok(v)
    } else {
        crate::ops::call::call(vm, cls, &[v])
    }
}

fn float_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__getnewargs__")?;
    let v = new_float(vm, x);
    Ok(crate::types::tuple::new_tuple(vm, &[v]))
}

/// `float(x)` for any object.
pub fn float_from_object(vm: &mut Vm, x: Value) -> PyResult<f64> {
    let text: Option<String> = if let Some(s) = crate::types::str::as_str(x) {
        Some(s.to_string())
    } else if let Some(b) = crate::types::bytes::bytes_like(x) {
        Some(String::from_utf8_lossy(b).into_owned())
    } else {
        crate::types::memoryview::buffer_of(vm, x)?
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    };
    if let Some(text) = text {
        return match parse_float(&text) {
            Some(f) => Ok(f),
            None => {
                let r = crate::ops::convert::repr_string(vm, x)?;
                Err(vm.value_error(format!("could not convert string to float: {r}")))
            }
        };
    }
    if let Some(f) = as_f64(x) {
        if object::is::<FloatObj>(x) {
            return Ok(f);
        }
    }
    if let Some(r) = int::to_f64(vm, x) {
        return r;
    }
    let name = vm.names.__float__;
    let has_float = !crate::ops::lookup_special(vm, x, name).is_null();
    let name = vm.names.__index__;
    let has_index = !crate::ops::lookup_special(vm, x, name).is_null();
    if has_float || has_index || as_f64(x).is_some() {
        return to_f64(vm, x);
    }
    let t = crate::types::class::type_name(vm, x).to_string();
    Err(vm.type_error(format!(
        "float() argument must be a string or a real number, not '{t}'"
    )))
}

/// `float.__new__(cls, x=0.0)`.
fn float_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = vm.cls.float;
    let cls = crate::types::list::check_new_cls(vm, &args, "float", base)?;
    if !args.kw.is_empty() {
        return Err(vm.type_error("float() takes no keyword arguments"));
    }
    let f = match args.pos.len() {
        0 | 1 => 0.0,
        2 => {
            let x = args.pos[1];
            if cls == vm.cls.float && object::is::<FloatObj>(x) {
                return Ok(x);
            }
            float_from_object(vm, x)?
        }
        n => return Err(vm.type_error(format!("float expected at most 1 argument, got {}", n - 1))),
    };
    let v = new_float(vm, f);
    if cls == vm.cls.float {
        return Ok(v);
    }
    if !crate::types::class::is_subclass(cls, vm.cls.float) {
        let t = crate::types::class::class_name(cls).to_string();
        return Err(vm.type_error(format!("float.__new__({t}): {t} is not a subtype of float")));
    }
    Ok(crate::types::instance::new_instance(vm, cls, v))
}

/// Registers the methods of `float`.
/// `float.__getformat__('double' | 'float')`: the storage format of floats.
fn float_getformat(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__getformat__", 2, 2)?;
    let t = args.pos[1];
    match crate::types::str::as_str(t) {
        Some("double" | "float") => Ok(crate::types::str::new_str(vm, "IEEE, little-endian")),
        Some(_) => Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'")),
        None => {
            let n = crate::types::class::type_name(vm, t).to_string();
            Err(vm.type_error(format!("__getformat__() argument must be str, not {n}")))
        }
    }
}

pub(crate) fn init(vm: &mut Vm) {
    let c = vm.cls.float;
    vm.add_methods(c, FLOAT_BINOPS);
    vm.add_methods(
        c,
        &[
            ("__divmod__", float_divmod),
            ("__rdivmod__", float_rdivmod),
            ("__pow__", float_pow),
            ("__rpow__", float_rpow),
            ("__eq__", float_eq),
            ("__ne__", float_ne),
            ("__lt__", float_lt),
            ("__le__", float_le),
            ("__gt__", float_gt),
            ("__ge__", float_ge),
            ("__neg__", float_neg),
            ("__pos__", float_pos),
            ("__abs__", float_abs),
            ("__bool__", float_bool),
            ("__int__", float_trunc),
            ("__trunc__", float_trunc),
            ("__floor__", float_floor),
            ("__ceil__", float_ceil),
            ("__float__", float_float),
            ("__round__", float_round),
            ("__hash__", float_hash),
            ("__repr__", float_repr),
            ("__format__", float_format),
            ("__getnewargs__", float_getnewargs),
            ("is_integer", float_is_integer),
            ("as_integer_ratio", float_as_integer_ratio),
            ("hex", float_hex),
            ("conjugate", float_float),
        ],
    );
    vm.add_staticmethod(c, "__new__", float_new);
    vm.add_classmethod(c, "fromhex", float_fromhex);
    vm.add_classmethod(c, "__getformat__", float_getformat);
    vm.add_getset(c, "real", float_float, None);
    vm.add_getset(c, "imag", float_imag, None);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ldexp_and_frexp() {
        assert_eq!(frexp(8.0), (0.5, 4));
        assert_eq!(frexp(5e-324), (0.5, -1073));
        assert_eq!(ldexp(1.0, -1074), 5e-324);
        assert_eq!(ldexp(1.0, -1075), 0.0);
        assert_eq!(ldexp(3.0, -1075), 1e-323);
        assert_eq!(ldexp(1.0, 1024), f64::INFINITY);
        assert_eq!(ldexp(0.75, 1024), 1.348269851146737e+308);
    }

    #[test]
    fn floor_div_and_mod_signs() {
        assert_eq!(divmod_f64(-7.5, 2.0), (-4.0, 0.5));
        assert_eq!(mod_f64(1.5, -1.0), -0.5);
        assert_eq!(divmod_f64(-1.5, 1.0).0, -2.0);
        assert!(mod_f64(-0.0, 1.0) == 0.0 && mod_f64(-0.0, 1.0).is_sign_positive());
        assert!(divmod_f64(f64::INFINITY, 1.0).0.is_nan());
    }

    #[test]
    fn pow_special_cases() {
        assert_eq!(pow_f64(0.0, 0.0), PowResult::Float(1.0));
        assert_eq!(pow_f64(0.0, -1.0), PowResult::ZeroToNegative);
        assert_eq!(pow_f64(-8.0, 1.0 / 3.0), PowResult::Complex);
        assert_eq!(pow_f64(10.0, 400.0), PowResult::Overflow);
        assert_eq!(pow_f64(-1.0, f64::INFINITY), PowResult::Float(1.0));
        assert_eq!(pow_f64(f64::INFINITY, -1.0), PowResult::Float(0.0));
        assert_eq!(pow_f64(-2.0, 3.0), PowResult::Float(-8.0));
        assert_eq!(pow_f64(2.0, -1075.0), PowResult::Float(0.0));
    }

    #[test]
    fn rounding_is_correct() {
        assert_eq!(round_digits(2.675, 2), Some(2.67));
        assert_eq!(round_digits(0.125, 2), Some(0.12));
        assert_eq!(round_digits(1e300, -400), Some(0.0));
        assert_eq!(round_digits(1.5, 400), Some(1.5));
        assert_eq!(round_digits(1250.0, -2), Some(1200.0));
        assert_eq!(round_digits(1250.5, -2), Some(1300.0));
        assert_eq!(round_digits(-1350.0, -2), Some(-1400.0));
        assert_eq!(round_digits(1.7976931348623157e308, -308), None);
    }

    #[test]
    fn hex_round_trip() {
        assert_eq!(to_hex(1.5), "0x1.8000000000000p+0");
        assert_eq!(to_hex(2.5), "0x1.4000000000000p+1");
        assert_eq!(to_hex(-0.0), "-0x0.0p+0");
        assert_eq!(to_hex(1e-320), "0x0.00000000007e8p-1022");
        assert_eq!(from_hex("0x1.8p1"), Ok(3.0));
        assert_eq!(from_hex("0x10"), Ok(16.0));
        assert_eq!(from_hex("0x.8"), Ok(0.5));
        assert_eq!(from_hex("1.8p1"), Ok(3.0));
        assert_eq!(from_hex("-0x1p-1074"), Ok(-5e-324));
        assert_eq!(from_hex("0x1.00000000000008p0"), Ok(1.0));
        assert_eq!(from_hex("0x1.00000000000018p0"), Ok(1.0000000000000004));
        assert_eq!(from_hex("0x1p1024"), Err(FromHexError::Overflow));
        assert_eq!(from_hex("x"), Err(FromHexError::Invalid));
    }

    #[test]
    fn parse_float_text() {
        assert_eq!(parse_float("  inf "), Some(f64::INFINITY));
        assert_eq!(parse_float("1_0.5"), Some(10.5));
        assert_eq!(parse_float("1e5_0"), Some(1e50));
        assert_eq!(parse_float(" -iNfinity"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_float("infinit"), None);
        assert_eq!(parse_float("1.5e"), None);
        assert_eq!(parse_float("."), None);
        assert_eq!(parse_float("0x10"), None);
        assert_eq!(parse_float("1_"), None);
        assert_eq!(parse_float("_1"), None);
        assert_eq!(parse_float("1__0"), None);
        assert_eq!(parse_float(".5"), Some(0.5));
        assert_eq!(parse_float("١.٥"), Some(1.5));
    }

    #[test]
    fn integer_ratios() {
        assert_eq!(
            integer_ratio(0.1),
            Some((
                BigInt::from(3602879701896397u64),
                BigInt::from(36028797018963968u64)
            ))
        );
        assert_eq!(
            integer_ratio(-2.0),
            Some((BigInt::from(-2), BigInt::from(1)))
        );
        assert_eq!(integer_ratio(f64::NAN), None);
    }
}
