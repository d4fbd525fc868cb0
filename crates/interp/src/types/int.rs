//! `int` and `bool`: representation helpers, arithmetic with Python semantics (a fast path
//! for two small ints that never allocates, then exact big-int and mixed int/float paths),
//! conversions to and from text, and the methods and dunders of both classes.

use crate::object::{self, BigIntObj, BoolObj, InstanceObj, Kind};
use crate::ops::hash::{hash_bigint, hash_i64};
use crate::types::float;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Pow, Signed, ToPrimitive, Zero};
use pyrs_frontend::bytecode::{BinOp, CmpOp};
use std::borrow::Cow;
use std::cmp::Ordering;

/// CPython 3.11's default limit on decimal digits converted between int and str.
pub const MAX_STR_DIGITS: usize = 4300;

/// Results beyond this many bits are refused with `MemoryError` instead of being computed.
const MAX_RESULT_BITS: u64 = 1 << 31;

/// GC finalizer of the BigInt layout.
///
/// # Safety
/// `obj` must be a dead BigInt object whose value was written at creation.
pub unsafe fn finalize_bigint(obj: *mut u8) {
    let b = &mut *(obj as *mut BigIntObj);
    recycle(std::mem::ManuallyDrop::take(&mut b.value));
}

/// Most values kept for reuse, and the largest value (bits) kept.
const POOL_MAX: usize = 1 << 20;
const POOL_MAX_BITS: u64 = 256;

thread_local! {
    /// Values of dead big ints, whose digit vectors new ones reuse: most big ints are
    /// short-lived temporaries, and this saves their allocations.
    static POOL: std::cell::RefCell<Vec<BigInt>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn recycle(v: BigInt) {
    if v.bits() <= POOL_MAX_BITS {
        POOL.with(|p| {
            let mut p = p.borrow_mut();
            if p.len() < POOL_MAX {
                p.push(v);
            }
        });
    }
}

/// A BigInt object holding `v` (a value beyond the small-int range).
fn new_big(vm: &mut Vm, v: BigInt) -> Value {
    let bytes = (v.bits() / 8) as usize + 32;
    let cls = vm.cls.int;
    let p = vm.alloc(Kind::BigInt, std::mem::size_of::<BigIntObj>(), cls);
    // SAFETY: `p` is a fresh BigInt object; its value field is written here, before anything
    // reads it.
    unsafe {
        std::ptr::addr_of_mut!((*(p as *mut BigIntObj)).value)
            .write(std::mem::ManuallyDrop::new(v));
    }
    vm.heap.add_external_pressure(bytes);
    Value::from_addr(p)
}

/// An int value: small when it fits, else a BigInt object.
pub fn new_int(vm: &mut Vm, v: BigInt) -> Value {
    if let Some(small) = v.to_i64().and_then(Value::small) {
        return small;
    }
    new_big(vm, v)
}

/// An int value from an i64.
#[inline]
pub fn new_i64(vm: &mut Vm, i: i64) -> Value {
    match Value::small(i) {
        Some(v) => v,
        None => new_int(vm, BigInt::from(i)),
    }
}

/// An int value from an i128.
#[inline]
fn new_i128(vm: &mut Vm, i: i128) -> Value {
    if let Some(v) = i64::try_from(i).ok().and_then(Value::small) {
        return v;
    }
    let v = match POOL.with(|p| p.borrow_mut().pop()) {
        Some(mut b) => {
            // Reuses the digit vector of the pooled value.
            let sign = if i < 0 { Sign::Minus } else { Sign::Plus };
            let m = i.unsigned_abs();
            b.assign_from_slice(
                sign,
                &[
                    m as u32,
                    (m >> 32) as u32,
                    (m >> 64) as u32,
                    (m >> 96) as u32,
                ],
            );
            b
        }
        None => BigInt::from(i),
    };
    new_big(vm, v)
}

/// The integer of an int-like value (small int, big int, bool, or int-subclass instance).
pub fn as_bigint(v: Value) -> Option<BigInt> {
    int_ref(v).map(|i| i.big().into_owned())
}

/// The i64 of an int-like value if it fits.
#[inline]
pub fn as_i64(v: Value) -> Option<i64> {
    match int_ref(v)? {
        IntRef::Small(i) => Some(i),
        IntRef::Big(b) => b.to_i64(),
    }
}

/// Whether `v` is an int (including bool and int subclasses).
pub fn is_int(v: Value) -> bool {
    int_ref(v).is_some()
}

/// Whether `v` is `True` or `False`.
#[inline]
fn is_bool(v: Value) -> bool {
    object::is::<BoolObj>(v)
}

/// An int operand, borrowed (no copy of big digits).
#[derive(Clone, Copy)]
enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl<'a> IntRef<'a> {
    fn big(self) -> Cow<'a, BigInt> {
        match self {
            IntRef::Small(i) => Cow::Owned(BigInt::from(i)),
            IntRef::Big(b) => Cow::Borrowed(b),
        }
    }

    fn with_big<R>(self, f: impl FnOnce(&BigInt) -> R) -> R {
        match self {
            IntRef::Small(i) => f(&BigInt::from(i)),
            IntRef::Big(b) => f(b),
        }
    }

    fn to_i128(self) -> Option<i128> {
        match self {
            IntRef::Small(i) => Some(i as i128),
            IntRef::Big(b) => b.to_i128(),
        }
    }

    fn is_negative(self) -> bool {
        match self {
            IntRef::Small(i) => i < 0,
            IntRef::Big(b) => b.sign() == Sign::Minus,
        }
    }

    fn is_zero(self) -> bool {
        match self {
            IntRef::Small(i) => i == 0,
            IntRef::Big(b) => b.is_zero(),
        }
    }
}

/// The int behind `v`, if it is one. The reference is valid until the next safepoint.
#[inline]
fn int_ref<'a>(v: Value) -> Option<IntRef<'a>> {
    if let Some(i) = v.as_small() {
        return Some(IntRef::Small(i));
    }
    match object::kind_of(v)? {
        Kind::BigInt => {
            let b = object::downcast::<BigIntObj>(v)?;
            Some(IntRef::Big(&b.value))
        }
        Kind::Bool => object::downcast::<BoolObj>(v).map(|b| IntRef::Small(b.value as i64)),
        Kind::Instance => {
            let n = object::downcast::<InstanceObj>(v)?.native;
            if n.is_null() || object::kind_of(n) == Some(Kind::Instance) {
                None
            } else {
                int_ref(n)
            }
        }
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------
// Arithmetic

/// `a op b` for ints (and int/float mixes, computed as floats), with Python's semantics and
/// error messages; `vm.not_implemented` for operands it does not handle. In-place forms
/// behave as the plain ones. Two small ints are handled first without allocation.
#[inline]
pub fn binary(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    if a.is_small() && b.is_small() {
        let (x, y) = (a.small_value(), b.small_value());
        let r = match op.plain() {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mul => x.checked_mul(y),
            BinOp::FloorDiv if y != 0 => Some(Integer::div_floor(&x, &y)),
            BinOp::Mod if y != 0 => Some(Integer::mod_floor(&x, &y)),
            BinOp::And => Some(x & y),
            BinOp::Or => Some(x | y),
            BinOp::Xor => Some(x ^ y),
            BinOp::RShift if y >= 0 => Some(x >> y.min(63)),
            BinOp::LShift if (0..63).contains(&y) && (x << y) >> y == x => Some(x << y),
            _ => None,
        };
        if let Some(v) = r.and_then(Value::small) {
            return Ok(v);
        }
    }
    binary_slow(vm, op.plain(), a, b)
}

#[inline(never)]
fn binary_slow(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (int_ref(a), int_ref(b)) else {
        let a_num = is_int(a) || float::as_f64(a).is_some();
        let b_num = is_int(b) || float::as_f64(b).is_some();
        if a_num && b_num {
            return float::binary(vm, op, a, b);
        }
        return Ok(vm.not_implemented);
    };
    if matches!(op, BinOp::And | BinOp::Or | BinOp::Xor) && is_bool(a) && is_bool(b) {
        let (p, q) = (x.is_zero(), y.is_zero());
        let r = match op {
            BinOp::And => !p && !q,
            BinOp::Or => !p || !q,
            _ => p != q,
        };
        return Ok(vm.bool(r));
    }
    match (x, y) {
        (IntRef::Small(x), IntRef::Small(y)) => small_op(vm, op, x, y),
        _ => big_op(vm, op, x, y),
    }
}

/// `a op b` computed exactly in i128 (operands of big ints that fit: no digit vectors);
/// `None` when the result does not fit or the operation needs the general path.
fn i128_op(op: BinOp, a: i128, b: i128) -> Option<i128> {
    match op {
        BinOp::Add => a.checked_add(b),
        BinOp::Sub => a.checked_sub(b),
        BinOp::Mul => a.checked_mul(b),
        BinOp::And => Some(a & b),
        BinOp::Or => Some(a | b),
        BinOp::Xor => Some(a ^ b),
        BinOp::FloorDiv if b != 0 && !(a == i128::MIN && b == -1) => {
            Some(Integer::div_floor(&a, &b))
        }
        BinOp::Mod if b != 0 && !(a == i128::MIN && b == -1) => Some(Integer::mod_floor(&a, &b)),
        BinOp::RShift if b >= 0 => Some(a >> b.min(127)),
        _ => None,
    }
}

/// `x op y` for two i64 operands, exactly.
fn small_op(vm: &mut Vm, op: BinOp, x: i64, y: i64) -> PyResult<Value> {
    let (wx, wy) = (x as i128, y as i128);
    match op {
        BinOp::Add => Ok(new_i128(vm, wx + wy)),
        BinOp::Sub => Ok(new_i128(vm, wx - wy)),
        BinOp::Mul => Ok(new_i128(vm, wx * wy)),
        BinOp::FloorDiv | BinOp::Mod => {
            if y == 0 {
                let msg = if op == BinOp::Mod {
                    "integer modulo by zero"
                } else {
                    "integer division or modulo by zero"
                };
                return Err(vm.zero_division(msg));
            }
            let r = if op == BinOp::Mod {
                Integer::mod_floor(&wx, &wy)
            } else {
                Integer::div_floor(&wx, &wy)
            };
            Ok(new_i128(vm, r))
        }
        BinOp::TrueDiv => {
            if y == 0 {
                return Err(vm.zero_division("division by zero"));
            }
            const EXACT: i64 = 1 << 53;
            if (-EXACT..=EXACT).contains(&x) && (-EXACT..=EXACT).contains(&y) {
                return Ok(float::new_float(vm, x as f64 / y as f64));
            }
            big_op(vm, op, IntRef::Small(x), IntRef::Small(y))
        }
        BinOp::And => Ok(new_i64(vm, x & y)),
        BinOp::Or => Ok(new_i64(vm, x | y)),
        BinOp::Xor => Ok(new_i64(vm, x ^ y)),
        BinOp::RShift => {
            if y < 0 {
                return Err(vm.value_error("negative shift count"));
            }
            Ok(new_i64(vm, x >> y.min(63)))
        }
        _ => big_op(vm, op, IntRef::Small(x), IntRef::Small(y)),
    }
}

/// `x op y` on big ints.
fn big_op(vm: &mut Vm, op: BinOp, x: IntRef<'_>, y: IntRef<'_>) -> PyResult<Value> {
    if let (Some(a), Some(b)) = (x.to_i128(), y.to_i128()) {
        if let Some(r) = i128_op(op, a, b) {
            return Ok(new_i128(vm, r));
        }
    }
    match op {
        BinOp::TrueDiv => {
            let r = x.with_big(|a| y.with_big(|b| true_divide(a, b)));
            match r {
                Ok(f) => Ok(float::new_float(vm, f)),
                Err(DivError::ZeroDivision) => Err(vm.zero_division("division by zero")),
                Err(DivError::Overflow) => {
                    Err(vm.overflow_error("integer division result too large for a float"))
                }
            }
        }
        BinOp::Pow => {
            if y.is_negative() {
                let fx = int_to_f64_checked(vm, x)?;
                let fy = int_to_f64_checked(vm, y)?;
                return float::pow_value(vm, fx, fy);
            }
            let base = x.big();
            let r = pow_nonneg(vm, &base, y)?;
            Ok(new_int(vm, r))
        }
        BinOp::LShift | BinOp::RShift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            let a = x.big();
            let count = match y {
                IntRef::Small(i) => Some(i as u64),
                IntRef::Big(b) => b.to_u64(),
            };
            if op == BinOp::RShift {
                return match count {
                    Some(c) if c < a.bits() + 1 => Ok(new_int(vm, a.as_ref() >> c)),
                    _ => Ok(new_i64(vm, if a.sign() == Sign::Minus { -1 } else { 0 })),
                };
            }
            if a.is_zero() {
                return Ok(Value::from_usize(0));
            }
            match count {
                None => Err(vm.overflow_error("too many digits in integer")),
                Some(c) if c > MAX_RESULT_BITS => Err(vm.memory_error()),
                Some(c) => Ok(new_int(vm, a.as_ref() << c)),
            }
        }
        _ => {
            let (a, b) = (x.big(), y.big());
            let (a, b) = (a.as_ref(), b.as_ref());
            let r = match op {
                BinOp::Add => a + b,
                BinOp::Sub => a - b,
                BinOp::Mul => a * b,
                BinOp::FloorDiv | BinOp::Mod => {
                    if b.is_zero() {
                        let msg = if op == BinOp::Mod {
                            "integer modulo by zero"
                        } else {
                            "integer division or modulo by zero"
                        };
                        return Err(vm.zero_division(msg));
                    }
                    match small_quotient_div_rem(a, b) {
                        Some((q, r)) => {
                            if op == BinOp::Mod {
                                r
                            } else {
                                q
                            }
                        }
                        None if op == BinOp::Mod => a.mod_floor(b),
                        None => a.div_floor(b),
                    }
                }
                BinOp::And => a & b,
                BinOp::Or => a | b,
                BinOp::Xor => a ^ b,
                _ => return Ok(vm.not_implemented),
            };
            Ok(new_int(vm, r))
        }
    }
}

/// `a // b` and `a % b` for `a >= 0` and `b > 0` of more than 64 bits whose quotient
/// fits in 64 bits (say a spigot's next digit), in linear time: the quotient is estimated
/// from the leading bits and corrected on the exact remainder. num-bigint divides such
/// operands by recursive division, much slower when the quotient is that small. `None`
/// for other operands.
fn small_quotient_div_rem(a: &BigInt, b: &BigInt) -> Option<(BigInt, BigInt)> {
    if a.sign() == Sign::Minus || b.sign() != Sign::Plus || b.bits() <= 64 {
        return None;
    }
    if a.bits() >= b.bits() + 64 {
        return None;
    }
    let shift = b.bits() - 64;
    let (at, bt) = (top_bits(a, shift), top_bits(b, shift));
    if bt == 0 {
        return None;
    }
    let q = u64::try_from(at / bt).ok()?;
    let mut q = BigInt::from(q);
    let mut r = a - b * &q;
    while r.sign() == Sign::Minus {
        q -= 1u32;
        r += b;
    }
    while &r >= b {
        q += 1u32;
        r -= b;
    }
    Some((q, r))
}

/// `x >> shift` for a non-negative `x` where that fits in 128 bits, from its top digits.
fn top_bits(x: &BigInt, shift: u64) -> u128 {
    let digits = x.iter_u64_digits();
    let n = digits.len();
    let first = (shift / 64) as usize;
    let off = (shift % 64) as u32;
    let mut acc: u128 = 0;
    // The digits from `first` up, most significant first (at most three of them).
    for (k, d) in digits.rev().take(n.saturating_sub(first)).enumerate() {
        // Digit `index` holds bits `64 * index..`, which land at `64 * index - shift`.
        let pos = (n - 1 - k - first) as u32 * 64;
        let d = u128::from(d);
        if pos < off {
            acc |= d >> (off - pos);
        } else if pos - off < 128 {
            acc |= d << (pos - off);
        }
    }
    acc
}

/// `base ** exp` for a non-negative exponent; `MemoryError` for absurdly large results.
fn pow_nonneg(vm: &mut Vm, base: &BigInt, exp: IntRef<'_>) -> PyResult<BigInt> {
    if base.is_zero() {
        return Ok(if exp.is_zero() {
            BigInt::one()
        } else {
            BigInt::zero()
        });
    }
    if base.is_one() {
        return Ok(BigInt::one());
    }
    let odd = match exp {
        IntRef::Small(i) => i & 1 == 1,
        IntRef::Big(b) => b.is_odd(),
    };
    if *base == BigInt::from(-1) {
        return Ok(if odd { BigInt::from(-1) } else { BigInt::one() });
    }
    let e = match exp {
        IntRef::Small(i) => i as u64,
        IntRef::Big(b) => b.to_u64().unwrap_or(u64::MAX),
    };
    if e.saturating_mul(base.bits().saturating_sub(1).max(1)) > MAX_RESULT_BITS
        || e > u32::MAX as u64
    {
        return Err(vm.memory_error());
    }
    Ok(Pow::pow(base, e as u32))
}

/// `pow(a, b, m)` for ints (`vm.not_implemented` if one is not an int).
pub fn pow_mod(vm: &mut Vm, a: Value, b: Value, m: Value) -> PyResult<Value> {
    let (Some(x), Some(y), Some(z)) = (int_ref(a), int_ref(b), int_ref(m)) else {
        let numeric = |v: Value| is_int(v) || float::as_f64(v).is_some();
        if numeric(a) && numeric(b) && numeric(m) {
            return Err(
                vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
            );
        }
        return Ok(vm.not_implemented);
    };
    let (mut base, exp, modulus) = (
        x.big().into_owned(),
        y.big().into_owned(),
        z.big().into_owned(),
    );
    if modulus.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let m_abs = modulus.abs();
    let mut exp = exp;
    if exp.sign() == Sign::Minus {
        match mod_inverse(&base, &m_abs) {
            Some(inv) => base = inv,
            None => return Err(vm.value_error("base is not invertible for the given modulus")),
        }
        exp = -exp;
    }
    let r = base.mod_floor(&m_abs).modpow(&exp, &m_abs);
    let r = if modulus.sign() == Sign::Minus && !r.is_zero() {
        r + &modulus
    } else {
        r
    };
    Ok(new_int(vm, r))
}

/// The inverse of `a` modulo `m` (m > 0), if it exists.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let e = a.mod_floor(m).extended_gcd(m);
    if e.gcd.is_one() {
        Some(e.x.mod_floor(m))
    } else if m.is_one() {
        Some(BigInt::zero())
    } else {
        None
    }
}

/// `divmod(a, b)` for ints (and int/float mixes); `vm.not_implemented` otherwise.
pub fn divmod(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (int_ref(a), int_ref(b)) else {
        let a_num = is_int(a) || float::as_f64(a).is_some();
        let b_num = is_int(b) || float::as_f64(b).is_some();
        if a_num && b_num {
            return float::divmod(vm, a, b);
        }
        return Ok(vm.not_implemented);
    };
    if y.is_zero() {
        return Err(vm.zero_division("integer division or modulo by zero"));
    }
    let (q, r) = match (x, y) {
        (IntRef::Small(x), IntRef::Small(y)) => {
            let (q, r) = (x as i128).div_mod_floor(&(y as i128));
            (new_i128(vm, q), new_i128(vm, r))
        }
        _ => {
            let (q, r) = x.big().div_mod_floor(&y.big());
            (new_int(vm, q), new_int(vm, r))
        }
    };
    Ok(crate::types::tuple::new_tuple(vm, &[q, r]))
}

/// Errors of [`true_divide`].
#[derive(Debug, PartialEq, Eq)]
pub enum DivError {
    /// The divisor is zero.
    ZeroDivision,
    /// The quotient is too large for a float.
    Overflow,
}

/// `a / b` correctly rounded to the nearest float (ties to even), as CPython computes it.
pub fn true_divide(a: &BigInt, b: &BigInt) -> Result<f64, DivError> {
    if b.is_zero() {
        return Err(DivError::ZeroDivision);
    }
    let negative = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let sign = if negative { -1.0 } else { 1.0 };
    let (a, b) = (a.magnitude(), b.magnitude());
    let diff = a.bits() as i64 - b.bits() as i64;
    if a.is_zero() || diff < -1080 {
        return Ok(sign * 0.0);
    }
    if diff > 1025 {
        return Err(DivError::Overflow);
    }
    // Scale so that the quotient has at least 55 significant bits.
    let k = (56 - diff).max(0);
    let (q, r) = (a << k as u64).div_rem(b);
    let f = float::scaled_to_f64(&q, -k, !r.is_zero());
    if f.is_infinite() {
        return Err(DivError::Overflow);
    }
    Ok(sign * f)
}

/// The nearest float to an int (ties to even); `None` if it is too large.
pub fn bigint_to_f64(b: &BigInt) -> Option<f64> {
    if let Some(i) = b.to_i64() {
        return Some(i as f64);
    }
    let f = float::scaled_to_f64(b.magnitude(), 0, false);
    if f.is_infinite() {
        return None;
    }
    Some(if b.sign() == Sign::Minus { -f } else { f })
}

fn int_to_f64_checked(vm: &mut Vm, x: IntRef<'_>) -> PyResult<f64> {
    match x {
        IntRef::Small(i) => Ok(i as f64),
        IntRef::Big(b) => {
            bigint_to_f64(b).ok_or_else(|| vm.overflow_error("int too large to convert to float"))
        }
    }
}

/// The float of an int value (`float(n)`): `OverflowError` "int too large to convert to
/// float" when out of range. `None` if `v` is not an int.
pub fn to_f64(vm: &mut Vm, v: Value) -> Option<PyResult<f64>> {
    int_ref(v).map(|x| int_to_f64_checked(vm, x))
}

/// The integer part of a finite float, exactly; `None` for inf and nan.
pub fn f64_to_bigint(f: f64) -> Option<BigInt> {
    if !f.is_finite() {
        return None;
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Some(BigInt::from(t as i64));
    }
    let bits = t.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let b = BigInt::from(mant) << (exp - 1075) as u64;
    Some(if t < 0.0 { -b } else { b })
}

/// An int from a float, truncating: `OverflowError` for infinities, `ValueError` for nan.
pub fn from_f64(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    if f.abs() < 4.0e18 {
        return Ok(new_i64(vm, f as i64));
    }
    let b = f64_to_bigint(f).unwrap_or_default();
    Ok(new_int(vm, b))
}

/// Exact comparison of an int with a float; `None` when the float is nan.
pub fn cmp_int_f64(i: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let Some(s) = i.to_i64() {
        if s.unsigned_abs() <= 1 << 53 {
            return (s as f64).partial_cmp(&f);
        }
    }
    let t = f64_to_bigint(f).unwrap_or_default();
    match i.cmp(&t) {
        Ordering::Equal => {
            let frac = f - f.trunc();
            Some(if frac > 0.0 {
                Ordering::Less
            } else if frac < 0.0 {
                Ordering::Greater
            } else {
                Ordering::Equal
            })
        }
        o => Some(o),
    }
}

/// Whether `ord` satisfies comparison `op`.
pub fn cmp_holds(ord: Option<Ordering>, op: CmpOp) -> bool {
    match ord {
        None => op == CmpOp::Ne,
        Some(o) => match op {
            CmpOp::Lt => o == Ordering::Less,
            CmpOp::Le => o != Ordering::Greater,
            CmpOp::Eq => o == Ordering::Equal,
            CmpOp::Ne => o != Ordering::Equal,
            CmpOp::Gt => o == Ordering::Greater,
            CmpOp::Ge => o != Ordering::Less,
        },
    }
}

/// `a op b` where `a` is an int and `b` an int or a float; `None` for other operands.
pub fn compare(a: Value, b: Value, op: CmpOp) -> Option<bool> {
    let x = int_ref(a)?;
    if let Some(y) = int_ref(b) {
        let ord = match (x, y) {
            (IntRef::Small(p), IntRef::Small(q)) => p.cmp(&q),
            _ => x.big().cmp(&y.big()),
        };
        return Some(cmp_holds(Some(ord), op));
    }
    let f = float::as_f64(b)?;
    Some(cmp_holds(x.with_big(|i| cmp_int_f64(i, f)), op))
}

/// `hash(n)` of an int value (0 for non-ints).
pub fn hash_int(v: Value) -> i64 {
    match int_ref(v) {
        Some(IntRef::Small(i)) => hash_i64(i),
        Some(IntRef::Big(b)) => hash_bigint(b),
        None => 0,
    }
}

// ---------------------------------------------------------------------------------------
// Text conversion

/// The error message for ints whose decimal text exceeds [`MAX_STR_DIGITS`].
const STR_LIMIT_MSG: &str =
    "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit";

/// Decimal text of an int; `None` if it has more than [`MAX_STR_DIGITS`] digits.
pub fn int_to_string(b: &BigInt) -> Option<String> {
    // 10**4300 < 2**14285
    if b.bits() > 14290 {
        return None;
    }
    let s = b.to_string();
    let digits = s.len() - (b.sign() == Sign::Minus) as usize;
    if digits > MAX_STR_DIGITS {
        None
    } else {
        Some(s)
    }
}

/// `str(n)` / `repr(n)` as a Python str value, checking the digit limit.
fn int_repr_value(vm: &mut Vm, x: IntRef<'_>) -> PyResult<Value> {
    let s = match x {
        IntRef::Small(i) => i.to_string(),
        IntRef::Big(b) => match int_to_string(b) {
            Some(s) => s,
            None => return Err(vm.value_error(STR_LIMIT_MSG)),
        },
    };
    Ok(crate::types::str::new_str(vm, &s))
}

/// Why [`parse_int`] failed.
#[derive(Debug, PartialEq, Eq)]
pub enum ParseIntError {
    /// Not a valid literal.
    Invalid,
    /// Too many decimal digits (the count).
    TooManyDigits(usize),
}

fn is_py_space(c: char) -> bool {
    crate::types::str::unicode::is_space(c)
}

/// The value of a Unicode decimal digit (`unicodedata.decimal`).
pub(crate) fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    if c.is_ascii() || !crate::types::str::unicode::is_decimal(c) {
        return None;
    }
    // Decimal digits come in runs of 0..9 (some runs adjacent): count back to the run start.
    let mut n = 0u32;
    let mut cp = c as u32;
    while cp > 0 {
        match char::from_u32(cp - 1) {
            Some(p) if crate::types::str::unicode::is_decimal(p) && !p.is_ascii() => {
                n += 1;
                cp -= 1;
            }
            _ => break,
        }
    }
    Some(n % 10)
}

/// Parses `int(text, base)` as CPython does: surrounding whitespace, a sign, a base prefix
/// (`0x`, `0o`, `0b`; required for base 0 unless decimal), single underscores between
/// digits, Unicode decimal digits. `base` must be 0 or 2..=36.
pub fn parse_int(text: &str, base: u32) -> Result<BigInt, ParseIntError> {
    let s = text.trim_matches(is_py_space);
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower2 = s
        .get(..2)
        .map(|p| p.to_ascii_lowercase())
        .unwrap_or_default();
    let prefix_base = match lower2.as_str() {
        "0x" => Some(16),
        "0o" => Some(8),
        "0b" => Some(2),
        _ => None,
    };
    let (base, body, had_prefix) = match (base, prefix_base) {
        (0, Some(p)) => (p, &s[2..], true),
        (0, None) => (10, s, false),
        (b, Some(p)) if b == p => (b, &s[2..], true),
        (b, _) => (b, s, false),
    };
    let mut digits: Vec<u8> = Vec::with_capacity(body.len());
    let mut prev_underscore = false;
    for c in body.chars() {
        if c == '_' {
            if prev_underscore || (digits.is_empty() && !had_prefix) {
                return Err(ParseIntError::Invalid);
            }
            prev_underscore = true;
            continue;
        }
        let d = match decimal_value(c) {
            Some(d) => d,
            None => match c.to_ascii_lowercase() {
                l @ 'a'..='z' => l as u32 - 'a' as u32 + 10,
                _ => return Err(ParseIntError::Invalid),
            },
        };
        if d >= base {
            return Err(ParseIntError::Invalid);
        }
        digits.push(if d < 10 {
            b'0' + d as u8
        } else {
            b'a' + (d - 10) as u8
        });
        prev_underscore = false;
    }
    if digits.is_empty() || prev_underscore {
        return Err(ParseIntError::Invalid);
    }
    if !base.is_power_of_two() && digits.len() > MAX_STR_DIGITS {
        return Err(ParseIntError::TooManyDigits(digits.len()));
    }
    let v = BigInt::parse_bytes(&digits, base).ok_or(ParseIntError::Invalid)?;
    Ok(if negative { -v } else { v })
}

/// `int(text, base)` with base 0's rule that a decimal literal may not have leading zeros.
fn parse_int_checked(text: &str, base: u32) -> Result<BigInt, ParseIntError> {
    let v = parse_int(text, base)?;
    if base == 0 {
        let s = text.trim_matches(is_py_space);
        let s = s.strip_prefix(['+', '-']).unwrap_or(s);
        let lower = s.to_ascii_lowercase();
        let prefixed =
            lower.starts_with("0x") || lower.starts_with("0o") || lower.starts_with("0b");
        if !prefixed && s.starts_with('0') && !v.is_zero() {
            return Err(ParseIntError::Invalid);
        }
    }
    Ok(v)
}

// ---------------------------------------------------------------------------------------
// Methods and dunders

/// The int receiver of an int method, or `TypeError` as CPython words it.
fn recv<'a>(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<IntRef<'a>> {
    let Some(&v) = args.pos.first() else {
        return Err(vm.type_error(format!(
            "descriptor '{name}' of 'int' object needs an argument"
        )));
    };
    match int_ref(v) {
        Some(i) => Ok(i),
        None => {
            let t = crate::types::class::type_name(vm, v).to_string();
            Err(vm.type_error(format!(
                "descriptor '{name}' requires a 'int' object but received a '{t}'"
            )))
        }
    }
}

/// The exact int value of an int-like receiver (strips bool and subclasses).
fn exact(vm: &mut Vm, x: IntRef<'_>) -> Value {
    match x {
        IntRef::Small(i) => new_i64(vm, i),
        IntRef::Big(b) => new_int(vm, b.clone()),
    }
}

fn check_one_arg(vm: &mut Vm, args: &Args<'_>) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("wrapper takes no keyword arguments"));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "expected 1 argument, got {}",
            args.pos.len().saturating_sub(1)
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

/// A binary dunder of int: `reflected` swaps the operands.
fn int_dunder(vm: &mut Vm, args: Args<'_>, name: &str, op: BinOp, reflected: bool) -> PyResult {
    recv(vm, &args, name)?;
    check_one_arg(vm, &args)?;
    let (a, b) = (args.pos[0], args.pos[1]);
    if !is_int(b) {
        return Ok(vm.not_implemented);
    }
    if reflected {
        binary(vm, op, b, a)
    } else {
        binary(vm, op, a, b)
    }
}

macro_rules! int_binops {
    ($( $op:ident : $f:ident $name:literal, $rf:ident $rname:literal );* $(;)?) => {
        $(
            fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult { int_dunder(vm, args, $name, BinOp::$op, false) }
            fn $rf(vm: &mut Vm, args: Args<'_>) -> PyResult { int_dunder(vm, args, $rname, BinOp::$op, true) }
        )*
        const INT_BINOPS: &[(&str, crate::vm::NativeFn)] = &[ $( ($name, $f), ($rname, $rf) ),* ];
    };
}

int_binops! {
    Add: int_add "__add__", int_radd "__radd__";
    Sub: int_sub "__sub__", int_rsub "__rsub__";
    Mul: int_mul "__mul__", int_rmul "__rmul__";
    TrueDiv: int_truediv "__truediv__", int_rtruediv "__rtruediv__";
    FloorDiv: int_floordiv "__floordiv__", int_rfloordiv "__rfloordiv__";
    Mod: int_mod "__mod__", int_rmod "__rmod__";
    LShift: int_lshift "__lshift__", int_rlshift "__rlshift__";
    RShift: int_rshift "__rshift__", int_rrshift "__rrshift__";
    And: int_and "__and__", int_rand "__rand__";
    Or: int_or "__or__", int_ror "__ror__";
    Xor: int_xor "__xor__", int_rxor "__rxor__";
}

fn int_divmod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    recv(vm, &args, "__divmod__")?;
    check_one_arg(vm, &args)?;
    if !is_int(args.pos[1]) {
        return Ok(vm.not_implemented);
    }
    divmod(vm, args.pos[0], args.pos[1])
}

fn int_rdivmod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    recv(vm, &args, "__rdivmod__")?;
    check_one_arg(vm, &args)?;
    if !is_int(args.pos[1]) {
        return Ok(vm.not_implemented);
    }
    divmod(vm, args.pos[1], args.pos[0])
}

fn pow_args(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Option<Value>> {
    recv(vm, args, name)?;
    if !args.kw.is_empty() {
        return Err(vm.type_error("wrapper takes no keyword arguments"));
    }
    match args.pos.len() {
        2 => Ok(None),
        3 if args.pos[2] == vm.none => Ok(None),
        3 => Ok(Some(args.pos[2])),
        n if n < 2 => Err(vm.type_error(format!(
            "expected at least 1 argument, got {}",
            n.saturating_sub(1)
        ))),
        n => Err(vm.type_error(format!("expected at most 2 arguments, got {}", n - 1))),
    }
}

fn int_pow(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let m = pow_args(vm, &args, "__pow__")?;
    let (a, b) = (args.pos[0], args.pos[1]);
    if let Some(m) = m {
        if !is_int(b) {
            return Ok(vm.not_implemented);
        }
        return pow_mod(vm, a, b, m);
    }
    if !is_int(b) {
        return Ok(vm.not_implemented);
    }
    binary(vm, BinOp::Pow, a, b)
}

fn int_rpow(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let m = pow_args(vm, &args, "__rpow__")?;
    let (a, b) = (args.pos[0], args.pos[1]);
    if !is_int(b) {
        return Ok(vm.not_implemented);
    }
    match m {
        Some(m) => pow_mod(vm, b, a, m),
        None => binary(vm, BinOp::Pow, b, a),
    }
}

fn int_cmp(vm: &mut Vm, args: Args<'_>, name: &str, op: CmpOp) -> PyResult {
    recv(vm, &args, name)?;
    check_one_arg(vm, &args)?;
    if !is_int(args.pos[1]) {
        return Ok(vm.not_implemented);
    }
    match compare(args.pos[0], args.pos[1], op) {
        Some(r) => Ok(vm.bool(r)),
        None => Ok(vm.not_implemented),
    }
}

fn int_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    int_cmp(vm, args, "__eq__", CmpOp::Eq)
}
fn int_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    int_cmp(vm, args, "__ne__", CmpOp::Ne)
}
fn int_lt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    int_cmp(vm, args, "__lt__", CmpOp::Lt)
}
fn int_le(vm: &mut Vm, args: Args<'_>) -> PyResult {
    int_cmp(vm, args, "__le__", CmpOp::Le)
}
fn int_gt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    int_cmp(vm, args, "__gt__", CmpOp::Gt)
}
fn int_ge(vm: &mut Vm, args: Args<'_>) -> PyResult {
    int_cmp(vm, args, "__ge__", CmpOp::Ge)
}

fn int_neg(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__neg__")?;
    check_no_arg(vm, &args)?;
    Ok(match x {
        IntRef::Small(i) => new_i128(vm, -(i as i128)),
        IntRef::Big(b) => new_int(vm, -b),
    })
}

fn int_abs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__abs__")?;
    check_no_arg(vm, &args)?;
    Ok(match x {
        IntRef::Small(i) => new_i128(vm, (i as i128).abs()),
        IntRef::Big(b) => new_int(vm, b.abs()),
    })
}

fn int_invert(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__invert__")?;
    check_no_arg(vm, &args)?;
    Ok(match x {
        IntRef::Small(i) => new_i64(vm, !i),
        IntRef::Big(b) => new_int(vm, -(b + 1u32)),
    })
}

fn int_bool(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__bool__")?;
    check_no_arg(vm, &args)?;
    Ok(vm.bool(!x.is_zero()))
}

/// `__int__`, `__index__`, `__pos__`, `__trunc__`, `__floor__`, `__ceil__`, `conjugate`,
/// `real`, `numerator`: the exact int value.
fn int_exact(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__int__")?;
    check_no_arg(vm, &args)?;
    Ok(exact(vm, x))
}

fn int_float(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__float__")?;
    check_no_arg(vm, &args)?;
    let f = int_to_f64_checked(vm, x)?;
    Ok(float::new_float(vm, f))
}

fn int_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__hash__")?;
    let h = match x {
        IntRef::Small(i) => hash_i64(i),
        IntRef::Big(b) => hash_bigint(b),
    };
    Ok(new_i64(vm, h))
}

fn int_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__repr__")?;
    int_repr_value(vm, x)
}

fn int_format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__format__")?;
    check_one_arg(vm, &args)?;
    let Some(spec) = crate::types::str::as_str(args.pos[1]) else {
        let t = crate::types::class::type_name(vm, args.pos[1]).to_string();
        return Err(vm.type_error(format!("__format__() argument must be str, not {t}")));
    };
    if spec.is_empty() {
        if args.pos[0].is_small() || object::is::<BigIntObj>(args.pos[0]) {
            return int_repr_value(vm, x);
        }
        return crate::ops::convert::to_str(vm, args.pos[0]);
    }
    let spec = spec.to_string();
    let s = crate::types::format::format_int(vm, &x.big(), &spec)?;
    Ok(crate::types::str::new_str(vm, &s))
}

fn int_round(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__round__")?;
    if args.pos.len() > 2 || !args.kw.is_empty() {
        return Err(vm.type_error(format!(
            "__round__ expected at most 1 argument, got {}",
            args.pos.len() - 1 + args.kw.len()
        )));
    }
    let Some(&nd) = args.pos.get(1) else {
        return Ok(exact(vm, x));
    };
    let nd = crate::ops::convert::index(vm, nd)?;
    if nd.sign() != Sign::Minus {
        return Ok(exact(vm, x));
    }
    let value = x.big().into_owned();
    let digits_bound = value.bits() / 3 + 2;
    let neg_nd = (-nd).to_u64().unwrap_or(u64::MAX);
    if neg_nd > digits_bound {
        return Ok(Value::from_usize(0));
    }
    Ok(new_int(vm, round_to_pow10(&value, neg_nd as u32)))
}

/// `n` rounded to a multiple of `10**k`, ties to even.
fn round_to_pow10(n: &BigInt, k: u32) -> BigInt {
    let p = Pow::pow(&BigInt::from(10u32), k);
    let (q, r) = n.div_mod_floor(&p);
    let twice = &r * 2u32;
    let q = match twice.cmp(&p) {
        Ordering::Greater => q + 1u32,
        Ordering::Equal if q.is_odd() => q + 1u32,
        _ => q,
    };
    q * p
}

fn int_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "__getnewargs__")?;
    let v = exact(vm, x);
    Ok(crate::types::tuple::new_tuple(vm, &[v]))
}

fn int_bit_length(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "bit_length")?;
    args.check(vm, "bit_length", 1, 1)?;
    let n = match x {
        IntRef::Small(i) => 64 - i.unsigned_abs().leading_zeros() as u64,
        IntRef::Big(b) => b.bits(),
    };
    Ok(new_i64(vm, n as i64))
}

fn int_bit_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "bit_count")?;
    args.check(vm, "bit_count", 1, 1)?;
    let n = match x {
        IntRef::Small(i) => i.unsigned_abs().count_ones() as u64,
        IntRef::Big(b) => b.magnitude().count_ones(),
    };
    Ok(new_i64(vm, n as i64))
}

fn int_as_integer_ratio(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "as_integer_ratio")?;
    let v = exact(vm, x);
    Ok(crate::types::tuple::new_tuple(
        vm,
        &[v, Value::from_usize(1)],
    ))
}

fn int_zero_getter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    recv(vm, &args, "imag")?;
    Ok(Value::from_usize(0))
}

fn int_one_getter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    recv(vm, &args, "denominator")?;
    Ok(Value::from_usize(1))
}

/// Parses the byteorder argument of `to_bytes` / `from_bytes`.
fn byteorder(vm: &mut Vm, v: Option<Value>) -> PyResult<bool> {
    let Some(v) = v else { return Ok(false) };
    match crate::types::str::as_str(v) {
        Some("big") => Ok(false),
        Some("little") => Ok(true),
        Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        None => {
            let t = crate::types::class::type_name(vm, v).to_string();
            Err(vm.type_error(format!(
                "to_bytes() argument 'byteorder' must be str, not {t}"
            )))
        }
    }
}

/// Binds `(pos0, pos1, *, signed)` arguments of `to_bytes` / `from_bytes`.
fn bind_bytes_args(
    vm: &mut Vm,
    args: &Args<'_>,
    fname: &str,
    names: [&str; 2],
) -> PyResult<[Option<Value>; 3]> {
    let mut out = [None, None, None];
    let pos = &args.pos[1..];
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "{fname}() takes at most 2 positional arguments ({} given)",
            pos.len()
        )));
    }
    for (i, &p) in pos.iter().enumerate() {
        out[i] = Some(p);
    }
    for (&k, &v) in args.kwnames.iter().zip(args.kw) {
        let k = crate::types::str::as_str(k).unwrap_or("");
        let slot = if k == names[0] {
            0
        } else if k == names[1] {
            1
        } else if k == "signed" {
            2
        } else {
            return Err(vm.type_error(format!(
                "{fname}() got an unexpected keyword argument '{k}'"
            )));
        };
        if out[slot].is_some() {
            return Err(vm.type_error(format!(
                "argument for {fname}() given by name ('{k}') and position ({})",
                slot + 1
            )));
        }
        out[slot] = Some(v);
    }
    Ok(out)
}

fn int_to_bytes(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = recv(vm, &args, "to_bytes")?;
    let [length, order, signed] = bind_bytes_args(vm, &args, "to_bytes", ["length", "byteorder"])?;
    let length = match length {
        Some(l) => crate::ops::convert::index_isize(vm, l)?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = byteorder(vm, order)?;
    let signed = match signed {
        Some(s) => crate::ops::convert::truthy(vm, s)?,
        None => false,
    };
    let value = x.big();
    if !signed && value.sign() == Sign::Minus {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed {
        value.to_signed_bytes_le()
    } else {
        value.magnitude().to_bytes_le()
    };
    if value.is_zero() {
        bytes.clear();
    }
    if length as u64 > MAX_RESULT_BITS / 8 {
        return Err(vm.memory_error());
    }
    let length = length as usize;
    if bytes.len() > length {
        // to_signed_bytes_le is minimal except that it may need no trimming; too long means
        // the value does not fit.
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if signed && value.sign() == Sign::Minus {
        0xff
    } else {
        0
    };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(crate::types::bytes::new_bytes(vm, &bytes))
}

fn int_from_bytes(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos.first().copied().unwrap_or(Value::NULL);
    let [data, order, signed] = bind_bytes_args(vm, &args, "from_bytes", ["bytes", "byteorder"])?;
    let Some(data) = data else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let little = byteorder(vm, order)?;
    let signed = match signed {
        Some(s) => crate::ops::convert::truthy(vm, s)?,
        None => false,
    };
    let mut bytes: Vec<u8> = match crate::types::bytes::bytes_like(data) {
        Some(b) => b.to_vec(),
        None => {
            if crate::types::str::as_str(data).is_some() {
                return Err(vm.type_error("cannot convert 'str' object to bytes"));
            }
            let items = crate::ops::iter::collect(vm, data)?;
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                let i = crate::ops::convert::index(vm, it)?;
                match i.to_u8() {
                    Some(b) => out.push(b),
                    None => return Err(vm.value_error("bytes must be in range(0, 256)")),
                }
            }
            out
        }
    };
    if !little {
        bytes.reverse();
    }
    let v = if signed {
        BigInt::from_signed_bytes_le(&bytes)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &bytes)
    };
    let r = new_int(vm, v);
    if cls == vm.cls.int || cls.is_null() {
        Ok(r)
    } else {
        crate::ops::call::call(vm, cls, &[r])
    }
}

/// `int.__new__(cls, x=0, base=10)`.
fn int_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = vm.cls.int;
    let cls = crate::types::list::check_new_cls(vm, &args, "int", base)?;
    let pos = args.pos.get(1..).unwrap_or(&[]);
    let mut x = pos.first().copied();
    let mut base = pos.get(1).copied();
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            pos.len() + args.kw.len()
        )));
    }
    for (&k, &v) in args.kwnames.iter().zip(args.kw) {
        let k = crate::types::str::as_str(k).unwrap_or("");
        if k == "base" && base.is_none() {
            base = Some(v);
        } else if k == "base" {
            return Err(vm.type_error("argument for int() given by name ('base') and position (2)"));
        } else {
            return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for int()")));
        }
    }
    if x.is_none() && base.is_some() {
        return Err(vm.type_error("int() missing string argument"));
    }
    let value = match x.take() {
        None => Value::from_usize(0),
        Some(x) => int_from_object(vm, x, base)?,
    };
    if cls == vm.cls.int {
        return Ok(value);
    }
    if !crate::types::class::is_subclass(cls, vm.cls.int) {
        let t = crate::types::class::class_name(cls).to_string();
        return Err(vm.type_error(format!("int.__new__({t}): {t} is not a subtype of int")));
    }
    let native = match int_ref(value) {
        Some(i) => exact(vm, i),
        None => value,
    };
    Ok(crate::types::instance::new_instance(vm, cls, native))
}

/// `int(x)` / `int(x, base)`.
fn int_from_object(vm: &mut Vm, x: Value, base: Option<Value>) -> PyResult<Value> {
    let text: Option<String> = if let Some(s) = crate::types::str::as_str(x) {
        Some(s.to_string())
    } else {
        crate::types::bytes::bytes_like(x).map(|b| String::from_utf8_lossy(b).into_owned())
    };
    if let Some(base_v) = base {
        // CPython checks the base before the type of `x`.
        let b = crate::ops::convert::index(vm, base_v)?;
        let b = match b.to_u32() {
            Some(b) if b == 0 || (2..=36).contains(&b) => b,
            _ => return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0")),
        };
        let Some(text) = text else {
            return Err(vm.type_error("int() can't convert non-string with explicit base"));
        };
        return int_from_text(vm, x, &text, b);
    }
    if let Some(text) = text {
        return int_from_text(vm, x, &text, 10);
    }
    if let Some(data) = crate::types::memoryview::buffer_of(vm, x)? {
        // Other buffers are read as the bytes they hold (and named so in errors).
        let b = crate::types::bytes::new_bytes(vm, &data);
        let text = String::from_utf8_lossy(&data).into_owned();
        return int_from_text(vm, b, &text, 10);
    }
    if let Some(i) = int_ref(x) {
        return Ok(exact(vm, i));
    }
    if let Some(f) = float::as_f64(x) {
        if object::is::<object::FloatObj>(x) {
            return from_f64(vm, f);
        }
    }
    let int_name = vm.names.__int__;
    if let Some(r) = crate::ops::call_special(vm, x, int_name, &[])? {
        return checked_int_result(vm, r, "__int__");
    }
    let index_name = vm.names.__index__;
    if let Some(r) = crate::ops::call_special(vm, x, index_name, &[])? {
        return checked_int_result(vm, r, "__index__");
    }
    let trunc_name = vm.names.__trunc__;
    if let Some(r) = crate::ops::call_special(vm, x, trunc_name, &[])? {
        if let Some(i) = int_ref(r) {
            return Ok(exact(vm, i));
        }
        let index_name = vm.names.__index__;
        return match crate::ops::call_special(vm, r, index_name, &[])? {
            Some(v) => checked_int_result(vm, v, "__index__"),
            None => {
                let t = crate::types::class::type_name(vm, r).to_string();
                Err(vm.type_error(format!("__trunc__ returned non-Integral (type {t})")))
            }
        };
    }
    let t = crate::types::class::type_name(vm, x).to_string();
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{t}'"
    )))
}

fn checked_int_result(vm: &mut Vm, r: Value, name: &str) -> PyResult<Value> {
    match int_ref(r) {
        Some(i) => Ok(exact(vm, i)),
        None => {
            let t = crate::types::class::type_name(vm, r).to_string();
            Err(vm.type_error(format!("{name} returned non-int (type {t})")))
        }
    }
}

fn int_from_text(vm: &mut Vm, original: Value, text: &str, base: u32) -> PyResult<Value> {
    match parse_int_checked(text, base) {
        Ok(v) => Ok(new_int(vm, v)),
        Err(ParseIntError::TooManyDigits(n)) => Err(vm.value_error(format!(
            "Exceeds the limit (4300 digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
        ))),
        Err(ParseIntError::Invalid) => {
            let r = crate::ops::convert::repr_string(vm, original)?;
            Err(vm.value_error(format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}

// bool -------------------------------------------------------------------------------------

fn bool_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(&v) = args.pos.first() else {
        return Err(vm.type_error("unbound method bool.__repr__() needs an argument"));
    };
    if args.pos.len() > 1 {
        let n = args.pos.len() - 1;
        return Err(vm.type_error(format!("expected 0 arguments, got {n}")));
    }
    if !is_bool(v) {
        let t = crate::types::class::type_name(vm, v).to_string();
        return Err(vm.type_error(format!(
            "descriptor '__repr__' requires a 'bool' object but received a '{t}'"
        )));
    }
    let s = if v == vm.true_ { "True" } else { "False" };
    Ok(vm.intern(s))
}

fn bool_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("bool() takes no keyword arguments"));
    }
    match args.pos.len() {
        0 | 1 => Ok(vm.false_),
        2 => {
            let b = crate::ops::convert::truthy(vm, args.pos[1])?;
            Ok(vm.bool(b))
        }
        n => Err(vm.type_error(format!("bool expected at most 1 argument, got {}", n - 1))),
    }
}

fn bool_dunder(vm: &mut Vm, args: Args<'_>, name: &str, op: BinOp, reflected: bool) -> PyResult {
    recv(vm, &args, name)?;
    check_one_arg(vm, &args)?;
    let (a, b) = (args.pos[0], args.pos[1]);
    if !is_int(b) {
        return Ok(vm.not_implemented);
    }
    if reflected {
        binary(vm, op, b, a)
    } else {
        binary(vm, op, a, b)
    }
}

fn bool_and(vm: &mut Vm, args: Args<'_>) -> PyResult {
    bool_dunder(vm, args, "__and__", BinOp::And, false)
}
fn bool_rand(vm: &mut Vm, args: Args<'_>) -> PyResult {
    bool_dunder(vm, args, "__rand__", BinOp::And, true)
}
fn bool_or(vm: &mut Vm, args: Args<'_>) -> PyResult {
    bool_dunder(vm, args, "__or__", BinOp::Or, false)
}
fn bool_ror(vm: &mut Vm, args: Args<'_>) -> PyResult {
    bool_dunder(vm, args, "__ror__", BinOp::Or, true)
}
fn bool_xor(vm: &mut Vm, args: Args<'_>) -> PyResult {
    bool_dunder(vm, args, "__xor__", BinOp::Xor, false)
}
fn bool_rxor(vm: &mut Vm, args: Args<'_>) -> PyResult {
    bool_dunder(vm, args, "__rxor__", BinOp::Xor, true)
}

/// Registers the methods of `int` and `bool`.
pub(crate) fn init(vm: &mut Vm) {
    let int = vm.cls.int;
    vm.add_methods(int, INT_BINOPS);
    vm.add_methods(
        int,
        &[
            ("__divmod__", int_divmod),
            ("__rdivmod__", int_rdivmod),
            ("__pow__", int_pow),
            ("__rpow__", int_rpow),
            ("__eq__", int_eq),
            ("__ne__", int_ne),
            ("__lt__", int_lt),
            ("__le__", int_le),
            ("__gt__", int_gt),
            ("__ge__", int_ge),
            ("__neg__", int_neg),
            ("__pos__", int_exact),
            ("__abs__", int_abs),
            ("__invert__", int_invert),
            ("__bool__", int_bool),
            ("__int__", int_exact),
            ("__index__", int_exact),
            ("__trunc__", int_exact),
            ("__floor__", int_exact),
            ("__ceil__", int_exact),
            ("__float__", int_float),
            ("__round__", int_round),
            ("__hash__", int_hash),
            ("__repr__", int_repr),
            ("__format__", int_format),
            ("__getnewargs__", int_getnewargs),
            ("bit_length", int_bit_length),
            ("bit_count", int_bit_count),
            ("to_bytes", int_to_bytes),
            ("conjugate", int_exact),
            ("as_integer_ratio", int_as_integer_ratio),
        ],
    );
    vm.add_staticmethod(int, "__new__", int_new);
    vm.add_classmethod(int, "from_bytes", int_from_bytes);
    vm.add_getset(int, "real", int_exact, None);
    vm.add_getset(int, "numerator", int_exact, None);
    vm.add_getset(int, "imag", int_zero_getter, None);
    vm.add_getset(int, "denominator", int_one_getter, None);

    let b = vm.cls.bool_;
    vm.add_methods(
        b,
        &[
            ("__repr__", bool_repr),
            ("__and__", bool_and),
            ("__rand__", bool_rand),
            ("__or__", bool_or),
            ("__ror__", bool_ror),
            ("__xor__", bool_xor),
            ("__rxor__", bool_rxor),
        ],
    );
    vm.add_staticmethod(b, "__new__", bool_new);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    #[test]
    fn true_divide_matches_cpython() {
        let p = |a: &str, b: &str| true_divide(&big(a), &big(b));
        assert_eq!(p("1", "3"), Ok(0.3333333333333333));
        assert_eq!(p("0", "-5").map(|f| f.is_sign_negative()), Ok(true));
        let ten400 = Pow::pow(&BigInt::from(10), 400u32);
        let ten399 = Pow::pow(&BigInt::from(10), 399u32);
        assert_eq!(true_divide(&ten400, &ten399), Ok(10.0));
        assert_eq!(true_divide(&BigInt::one(), &ten400), Ok(0.0));
        assert_eq!(
            true_divide(&ten400, &BigInt::one()),
            Err(DivError::Overflow)
        );
        assert_eq!(p("1", "0"), Err(DivError::ZeroDivision));
        // (2**60 + 1) / 3, checked against CPython
        assert_eq!(p("1152921504606846977", "3"), Ok(3.843071682022823e+17));
        // 10**30 / 7
        assert_eq!(
            p("1000000000000000000000000000000", "7"),
            Ok(1.4285714285714285e+29)
        );
        // subnormal result: 1 / 2**1074
        let two1074 = BigInt::one() << 1074u32;
        assert_eq!(true_divide(&BigInt::one(), &two1074), Ok(5e-324));
        assert_eq!(true_divide(&BigInt::one(), &(two1074 << 1u32)), Ok(0.0));
    }

    #[test]
    fn bigint_to_f64_rounds_half_even() {
        assert_eq!(
            bigint_to_f64(&big("9007199254740993")),
            Some(9007199254740992.0)
        );
        assert_eq!(
            bigint_to_f64(&big("9007199254740995")),
            Some(9007199254740996.0)
        );
        assert_eq!(bigint_to_f64(&(BigInt::one() << 1024u32)), None);
        assert_eq!(
            bigint_to_f64(&-(BigInt::one() << 1000u32)),
            Some(-(2f64.powi(1000)))
        );
        let x = (BigInt::one() << 100u32) + (BigInt::one() << 47u32) + 1u32;
        assert_eq!(bigint_to_f64(&x), Some(1.2676506002282297e+30));
    }

    #[test]
    fn parse_int_follows_python_rules() {
        assert_eq!(parse_int(" 12 ", 10), Ok(big("12")));
        assert_eq!(parse_int("1_000", 10), Ok(big("1000")));
        assert_eq!(parse_int("0x1f", 0), Ok(big("31")));
        assert_eq!(parse_int("0x_1", 16), Ok(big("1")));
        assert_eq!(parse_int(" -0x1_0 ", 16), Ok(big("-16")));
        assert_eq!(parse_int("٣", 10), Ok(big("3")));
        assert_eq!(parse_int("1__0", 10), Err(ParseIntError::Invalid));
        assert_eq!(parse_int("_1", 10), Err(ParseIntError::Invalid));
        assert_eq!(parse_int("1_", 10), Err(ParseIntError::Invalid));
        assert_eq!(parse_int("0b", 0), Err(ParseIntError::Invalid));
        assert_eq!(parse_int("", 10), Err(ParseIntError::Invalid));
        assert_eq!(parse_int("+ 1", 10), Err(ParseIntError::Invalid));
        assert_eq!(parse_int("1e5", 10), Err(ParseIntError::Invalid));
        assert_eq!(parse_int("z", 36), Ok(big("35")));
        assert_eq!(parse_int_checked("010", 0), Err(ParseIntError::Invalid));
        assert_eq!(parse_int_checked("00", 0), Ok(big("0")));
        assert_eq!(parse_int_checked("0_0", 0), Ok(big("0")));
        assert_eq!(
            parse_int(&"1".repeat(4301), 10),
            Err(ParseIntError::TooManyDigits(4301))
        );
    }

    #[test]
    fn int_float_comparison_is_exact() {
        let two53p1 = big("9007199254740993");
        assert_eq!(
            cmp_int_f64(&two53p1, 9007199254740992.0),
            Some(Ordering::Greater)
        );
        assert_eq!(cmp_int_f64(&big("1"), f64::NAN), None);
        assert_eq!(cmp_int_f64(&big("-3"), -2.5), Some(Ordering::Less));
        let p1000 = BigInt::one() << 1000u32;
        assert_eq!(cmp_int_f64(&p1000, 2f64.powi(1000)), Some(Ordering::Equal));
        assert_eq!(cmp_int_f64(&p1000, f64::INFINITY), Some(Ordering::Less));
    }

    #[test]
    fn rounding_to_powers_of_ten_is_half_even() {
        assert_eq!(round_to_pow10(&big("1250"), 2), big("1200"));
        assert_eq!(round_to_pow10(&big("1350"), 2), big("1400"));
        assert_eq!(round_to_pow10(&big("-1250"), 2), big("-1200"));
        assert_eq!(round_to_pow10(&big("15"), 1), big("20"));
        assert_eq!(round_to_pow10(&big("5"), 1), big("0"));
    }

    #[test]
    fn modular_inverse() {
        assert_eq!(mod_inverse(&big("2"), &big("7")), Some(big("4")));
        assert_eq!(mod_inverse(&big("2"), &big("4")), None);
        assert_eq!(mod_inverse(&big("-3"), &big("7")), Some(big("2")));
    }
}
