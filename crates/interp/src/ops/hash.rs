//! `hash()`: Python's numeric hash (`hash(n) == n mod (2**61 - 1)`) and the dunder protocol.

use crate::object::{self, Kind};
use crate::types::class::type_name;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// The modulus of numeric hashes.
pub const MODULUS: i64 = (1 << 61) - 1;

/// Hash of an i64, as CPython's.
#[inline]
pub fn hash_i64(i: i64) -> i64 {
    if i.unsigned_abs() < MODULUS as u64 {
        return if i == -1 { -2 } else { i };
    }
    let m = MODULUS as i128;
    let r = (i as i128).rem_euclid(m);
    let h = if i < 0 {
        -(((-(i as i128)) % m) as i64)
    } else {
        r as i64
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Hash of a big int, as CPython's.
pub fn hash_bigint(b: &BigInt) -> i64 {
    if let Some(i) = b.to_i64() {
        return hash_i64(i);
    }
    let m = BigInt::from(MODULUS);
    let mag = (b.magnitude() % m.magnitude()).to_i64().unwrap_or(0);
    let h = if b.sign() == Sign::Minus { -mag } else { mag };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Hash of a float, as CPython's (`hash(1.0) == hash(1)`, inf 314159, nan by identity).
pub fn hash_f64(f: f64, identity: u64) -> i64 {
    if f.is_nan() {
        return (identity >> 4) as i64;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    let (mut m, mut e) = frexp(f.abs());
    let sign: i64 = if f < 0.0 { -1 } else { 1 };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS as u64) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS as u64 {
            x -= MODULUS as u64;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    x = ((x << e) & MODULUS as u64) | (x >> (61 - e));
    let h = x as i64 * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 {
        return (0.0, 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(f * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// Hash of a tuple of item hashes, as CPython 3.11's (xxHash-based).
pub fn hash_tuple_items(hashes: &[i64]) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for &h in hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((hashes.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// `hash(v)`.
pub fn hash(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Some(i) = v.as_small() {
        return Ok(hash_i64(i));
    }
    let cls = crate::types::class::class_of(vm, v);
    let exact_builtin =
        crate::types::class::class_obj(cls).flags & crate::types::class::flags::BUILTIN != 0;
    if exact_builtin {
        match object::kind_of(v) {
            Some(Kind::Str) => return Ok(crate::types::str::str_hash(v)),
            Some(Kind::Float) => {
                let f = object::downcast::<object::FloatObj>(v)
                    .map(|f| f.value)
                    .unwrap_or(0.0);
                return Ok(hash_f64(f, v.0));
            }
            Some(Kind::BigInt) | Some(Kind::Bool) => {
                let b = crate::types::int::as_bigint(v).unwrap_or_default();
                return Ok(hash_bigint(&b));
            }
            Some(Kind::Tuple) => {
                let items: Vec<Value> = crate::types::tuple::items(v).to_vec();
                let mut hs = Vec::with_capacity(items.len());
                for it in items {
                    hs.push(hash(vm, it)?);
                }
                return Ok(hash_tuple_items(&hs));
            }
            _ => {}
        }
    }
    let name = vm.names.__hash__;
    let m = super::lookup_special(vm, v, name);
    if m.is_null() || m == vm.none {
        let t = type_name(vm, v).to_string();
        return Err(vm.type_error(format!("unhashable type: '{t}'")));
    }
    let r = super::call::call_unbound(vm, m, v, &[v])?;
    match crate::types::int::as_bigint(r) {
        Some(b) if crate::types::int::is_int(r) => {
            let h = b
                .to_i64()
                .map(|i| if i == -1 { -2 } else { i })
                .unwrap_or_else(|| hash_bigint(&b));
            Ok(h)
        }
        _ => Err(vm.type_error("__hash__ method should return an integer")),
    }
}

/// Identity hash of an object (default `object.__hash__`): stable while the object lives.
pub fn identity_hash(vm: &mut Vm, v: Value) -> i64 {
    crate::types::identity::id_of(vm, v) >> 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_hashes_match_cpython() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(1 << 61), 1);
        assert_eq!(hash_i64(-(1 << 61)), -1 - 1);
        assert_eq!(hash_f64(1.5, 0), 1152921504606846977);
        assert_eq!(hash_f64(-2.0, 0), -2);
        assert_eq!(hash_f64(0.1, 0), 230584300921369408);
        assert_eq!(hash_tuple_items(&[1, 2]), -3550055125485641917);
        assert_eq!(hash_tuple_items(&[]), 5740354900026072187);
    }
}
