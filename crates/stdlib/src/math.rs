//! The `math` module, following CPython 3.11's `Modules/mathmodule.c`: the same special
//! cases, the same error rules ("math domain error" / "math range error"), the same
//! algorithms where CPython has its own (gamma, lgamma, fsum, hypot, remainder).

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use pyrs_frontend::bytecode::BinOp;
use pyrs_interp::ops::{self, arith, convert, iter};
use pyrs_interp::types::class::type_name;
use pyrs_interp::types::float::{self, as_f64, frexp, ldexp, new_float, to_f64};
use pyrs_interp::types::int::{self, new_i64, new_int};
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};

/// The C library's functions where Rust's standard library has none or its own version.
mod libm {
    extern "C" {
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn dlsym(handle: *mut u8, name: *const u8) -> *mut u8;
    }
}

fn c_erf(x: f64) -> f64 {
    // SAFETY: a pure libm function taking and returning a double.
    unsafe { libm::erf(x) }
}
fn c_erfc(x: f64) -> f64 {
    // SAFETY: a pure libm function taking and returning a double.
    unsafe { libm::erfc(x) }
}
fn c_asinh(x: f64) -> f64 {
    // SAFETY: a pure libm function taking and returning a double.
    unsafe { libm::asinh(x) }
}
fn c_acosh(x: f64) -> f64 {
    // SAFETY: a pure libm function taking and returning a double.
    unsafe { libm::acosh(x) }
}
/// The C library's `cbrt` (Rust's runtime links its own, which rounds differently from the
/// one CPython calls), looked up once through `dlsym`; Rust's if it cannot be found.
fn c_cbrt(x: f64) -> f64 {
    static CBRT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let addr = *CBRT.get_or_init(|| {
        // SAFETY: dlsym with RTLD_DEFAULT (null) and a NUL-terminated name only reads them.
        unsafe { libm::dlsym(std::ptr::null_mut(), c"cbrt".as_ptr() as *const u8) as usize }
    });
    if addr == 0 {
        return x.cbrt();
    }
    // SAFETY: `addr` is the address of the C library's `double cbrt(double)`.
    let f: extern "C" fn(f64) -> f64 =
        unsafe { std::mem::transmute::<usize, extern "C" fn(f64) -> f64>(addr) };
    f(x)
}
fn c_atanh(x: f64) -> f64 {
    // SAFETY: a pure libm function taking and returning a double.
    unsafe { libm::atanh(x) }
}

/// A libm-style failure: `Domain` is "math domain error", `Range` "math range error".
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum MathError {
    /// ValueError.
    Domain,
    /// OverflowError.
    Range,
}

fn raise(vm: &mut Vm, e: MathError) -> pyrs_interp::Raised {
    match e {
        MathError::Domain => vm.value_error("math domain error"),
        MathError::Range => vm.overflow_error("math range error"),
    }
}

// ---------------------------------------------------------------------------------------
// Argument helpers

fn one_arg(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    args.check(vm, &format!("math.{name}"), 1, 1)?;
    Ok(args.pos[0])
}

fn two_args(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(Value, Value)> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "{name} expected 2 arguments, got {}",
            args.pos.len()
        )));
    }
    Ok((args.pos[0], args.pos[1]))
}

fn f1(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<f64> {
    let v = one_arg(vm, args, name)?;
    to_f64(vm, v)
}

fn f2(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(f64, f64)> {
    let (a, b) = two_args(vm, args, name)?;
    Ok((to_f64(vm, a)?, to_f64(vm, b)?))
}

fn ret_f(vm: &mut Vm, r: Result<f64, MathError>) -> PyResult {
    match r {
        Ok(f) => Ok(new_float(vm, f)),
        Err(e) => Err(raise(vm, e)),
    }
}

/// CPython's `math_1`: a nan result from a non-nan argument is a domain error; an infinite
/// result from a finite argument is a range error (`can_overflow`) or a domain error.
pub fn math_1(x: f64, f: fn(f64) -> f64, can_overflow: bool) -> Result<f64, MathError> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(MathError::Domain);
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            MathError::Range
        } else {
            MathError::Domain
        });
    }
    Ok(r)
}

/// CPython's `math_2` error rules for a two-argument function.
fn math_2(x: f64, y: f64, f: fn(f64, f64) -> f64) -> Result<f64, MathError> {
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(MathError::Domain);
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(MathError::Range);
    }
    Ok(r)
}

macro_rules! math1_functions {
    ($( $name:ident = $f:expr, $ovf:expr; )*) => {
        $(
            fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult {
                let x = f1(vm, &args, stringify!($name))?;
                let r = math_1(x, $f, $ovf);
                ret_f(vm, r)
            }
        )*
    };
}

math1_functions! {
    acos = f64::acos, false;
    acosh = c_acosh, false;
    asin = f64::asin, false;
    asinh = c_asinh, false;
    atan = f64::atan, false;
    atanh = c_atanh, false;
    cbrt = c_cbrt, false;
    cos = f64::cos, false;
    cosh = f64::cosh, true;
    exp = f64::exp, true;
    exp2 = f64::exp2, true;
    expm1 = f64::exp_m1, true;
    fabs = f64::abs, false;
    log1p = f64::ln_1p, false;
    sin = f64::sin, false;
    sinh = f64::sinh, true;
    sqrt = f64::sqrt, false;
    tan = f64::tan, false;
    tanh = f64::tanh, false;
}

fn math_erf(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = f1(vm, &args, "erf")?;
    Ok(new_float(vm, c_erf(x)))
}

fn math_erfc(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = f1(vm, &args, "erfc")?;
    Ok(new_float(vm, c_erfc(x)))
}

// ---------------------------------------------------------------------------------------
// gamma and lgamma (CPython's Lanczos approximation; constants as published, full digits)

#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024680040776729583740234375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (std::f64::consts::PI * y).sin(),
        1 => (std::f64::consts::PI * (y - 0.5)).cos(),
        2 => (std::f64::consts::PI * (1.0 - y)).sin(),
        3 => -(std::f64::consts::PI * (y - 1.5)).cos(),
        _ => (std::f64::consts::PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// `math.gamma(x)`.
pub fn tgamma(x: f64) -> Result<f64, MathError> {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(MathError::Domain);
    }
    if x == 0.0 {
        return Err(MathError::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(MathError::Domain);
        }
        if x <= 23.0 {
            return Ok(GAMMA_INTEGRAL[x as usize - 1]);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() {
            Err(MathError::Range)
        } else {
            Ok(r)
        };
    }
    if absx > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / sinpi(x));
        }
        return Err(MathError::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let r = if x < 0.0 {
        let mut r = -std::f64::consts::PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
        r
    } else {
        let mut r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
        r
    };
    if r.is_infinite() {
        return Err(MathError::Range);
    }
    Ok(r)
}

/// `math.lgamma(x)`.
pub fn lgamma(x: f64) -> Result<f64, MathError> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 {
            Err(MathError::Domain)
        } else {
            Ok(0.0)
        };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        #[allow(clippy::excessive_precision)]
        let logpi = 1.144729885849400174143427351353058711647;
        r = logpi - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err(MathError::Range);
    }
    Ok(r)
}

fn math_gamma(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = f1(vm, &args, "gamma")?;
    let r = tgamma(x);
    ret_f(vm, r)
}

fn math_lgamma(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = f1(vm, &args, "lgamma")?;
    let r = lgamma(x);
    ret_f(vm, r)
}

// ---------------------------------------------------------------------------------------
// Rounding to integers

/// `math.floor` / `math.ceil`: exact floats directly, else `__floor__`/`__ceil__`, else
/// through float.
fn floor_ceil(vm: &mut Vm, args: Args<'_>, name: &str, up: bool) -> PyResult {
    let x = one_arg(vm, &args, name)?;
    if !pyrs_interp::object::is::<pyrs_interp::object::FloatObj>(x) {
        let dunder = if up {
            vm.names.__ceil__
        } else {
            vm.names.__floor__
        };
        if let Some(r) = ops::call_special(vm, x, dunder, &[])? {
            return Ok(r);
        }
    }
    let f = to_f64(vm, x)?;
    int::from_f64(vm, if up { f.ceil() } else { f.floor() })
}

fn math_floor(vm: &mut Vm, args: Args<'_>) -> PyResult {
    floor_ceil(vm, args, "floor", false)
}

fn math_ceil(vm: &mut Vm, args: Args<'_>) -> PyResult {
    floor_ceil(vm, args, "ceil", true)
}

fn math_trunc(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = one_arg(vm, &args, "trunc")?;
    if pyrs_interp::object::is::<pyrs_interp::object::FloatObj>(x) {
        return int::from_f64(vm, as_f64(x).unwrap_or(0.0));
    }
    let name = vm.names.__trunc__;
    match ops::call_special(vm, x, name, &[])? {
        Some(r) => Ok(r),
        None => {
            let t = type_name(vm, x).to_string();
            Err(vm.type_error(format!("type {t} doesn't define __trunc__ method")))
        }
    }
}

// ---------------------------------------------------------------------------------------
// Two-argument and decomposition functions

fn m_atan2(y: f64, x: f64) -> f64 {
    use std::f64::consts::PI;
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            return if x.is_sign_positive() {
                (0.25 * PI).copysign(y)
            } else {
                (0.75 * PI).copysign(y)
            };
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() {
            0.0f64.copysign(y)
        } else {
            PI.copysign(y)
        };
    }
    y.atan2(x)
}

/// IEEE 754 remainder, as CPython's `m_remainder`.
pub fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (absx, absy) = (x.abs(), y.abs());
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

fn math_atan2(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (y, x) = f2(vm, &args, "atan2")?;
    let r = math_2(y, x, m_atan2);
    ret_f(vm, r)
}

fn math_copysign(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (x, y) = f2(vm, &args, "copysign")?;
    let r = math_2(x, y, f64::copysign);
    ret_f(vm, r)
}

fn math_remainder(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (x, y) = f2(vm, &args, "remainder")?;
    let r = math_2(x, y, remainder);
    ret_f(vm, r)
}

fn math_fmod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (x, y) = f2(vm, &args, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(new_float(vm, x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(raise(vm, MathError::Domain));
    }
    Ok(new_float(vm, r))
}

/// `math.pow(x, y)` with C99's special cases.
pub fn pow(x: f64, y: f64) -> Result<f64, MathError> {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
        return Ok(r);
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(MathError::Domain);
    }
    if r.is_infinite() {
        return Err(if x == 0.0 {
            MathError::Domain
        } else {
            MathError::Range
        });
    }
    Ok(r)
}

fn math_pow(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (x, y) = f2(vm, &args, "pow")?;
    let r = pow(x, y);
    ret_f(vm, r)
}

fn math_ldexp(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (xv, iv) = two_args(vm, &args, "ldexp")?;
    let x = to_f64(vm, xv)?;
    if !int::is_int(iv) {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    }
    let e = match int::as_bigint(iv) {
        Some(b) => b.to_i64().unwrap_or(if b.sign() == Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        }),
        None => 0,
    };
    let r = ldexp(x, e);
    if r.is_infinite() && x.is_finite() {
        return Err(raise(vm, MathError::Range));
    }
    Ok(new_float(vm, r))
}

fn math_frexp(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = f1(vm, &args, "frexp")?;
    let (m, e) = frexp(x);
    let (m, e) = (new_float(vm, m), new_i64(vm, e as i64));
    Ok(pyrs_interp::types::tuple::new_tuple(vm, &[m, e]))
}

fn math_modf(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = f1(vm, &args, "modf")?;
    let (frac, whole) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let w = x.trunc();
        ((x - w).copysign(x), w)
    };
    let (a, b) = (new_float(vm, frac), new_float(vm, whole));
    Ok(pyrs_interp::types::tuple::new_tuple(vm, &[a, b]))
}

// ---------------------------------------------------------------------------------------
// Logarithms

fn m_log(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            x.ln()
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

fn m_log2(x: f64) -> f64 {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { x } else { f64::NAN };
    }
    if x > 0.0 {
        x.log2()
    } else if x == 0.0 {
        f64::NEG_INFINITY
    } else {
        f64::NAN
    }
}

fn m_log10(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            x.log10()
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

/// CPython's `loghelper`: ints of any size are handled exactly enough (`log(m) + e*log(2)`).
fn loghelper(vm: &mut Vm, v: Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if int::is_int(v) {
        let b = int::as_bigint(v).unwrap_or_default();
        if b.sign() != Sign::Plus {
            return Err(raise(vm, MathError::Domain));
        }
        if let Some(x) = int::bigint_to_f64(&b) {
            return Ok(f(x));
        }
        // x = m * 2**e with m in [0.5, 1): use the top 64 bits for m.
        let bits = b.bits();
        let shift = bits - 64;
        let top = (&b >> shift).to_u64().unwrap_or(u64::MAX);
        let m = top as f64 / 2f64.powi(64);
        return Ok(f(m) + f(2.0) * bits as f64);
    }
    let x = to_f64(vm, v)?;
    math_1(x, f, false).map_err(|e| raise(vm, e))
}

fn math_log(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("log() takes no keyword arguments"));
    }
    match args.pos.len() {
        1 | 2 => {}
        n => {
            return Err(vm.type_error(format!(
                "log expected {} arguments, got {n}",
                if n == 0 { "at least 1" } else { "at most 2" }
            )))
        }
    }
    let num = loghelper(vm, args.pos[0], m_log)?;
    let Some(&base) = args.pos.get(1) else {
        return Ok(new_float(vm, num));
    };
    let den = loghelper(vm, base, m_log)?;
    if den == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    Ok(new_float(vm, num / den))
}

fn math_log2(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = one_arg(vm, &args, "log2")?;
    let r = loghelper(vm, x, m_log2)?;
    Ok(new_float(vm, r))
}

fn math_log10(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = one_arg(vm, &args, "log10")?;
    let r = loghelper(vm, x, m_log10)?;
    Ok(new_float(vm, r))
}

// ---------------------------------------------------------------------------------------
// Norms

/// CPython's `vector_norm`: `sqrt(sum(x*x))`, almost always correctly rounded. `vec` holds
/// absolute values, `max` the largest.
pub fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0;
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    if max_e >= -1023 {
        let scale = ldexp(1.0, -(max_e as i64));
        let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
        for &v in vec {
            let x = v * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;
            let x = hi * hi;
            let old = csum;
            csum += x;
            frac1 += (old - csum) + x;
            let x = 2.0 * hi * lo;
            let old = csum;
            csum += x;
            frac2 += (old - csum) + x;
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        let x = h;
        let t = x * T27;
        let hi = t - (t - x);
        let lo = x - hi;
        let x = -hi * hi;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
        let x = -2.0 * hi * lo;
        let old = csum;
        csum += x;
        frac2 += (old - csum) + x;
        let x = -lo * lo;
        let old = csum;
        csum += x;
        frac3 += (old - csum) + x;
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    let (mut csum, mut frac1) = (1.0f64, 0.0f64);
    for &v in vec {
        let x = v / max;
        let x = x * x;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
    }
    max * (csum - 1.0 + frac1).sqrt()
}

fn norm_of(values: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut found_nan = false;
    let abs: Vec<f64> = values.iter().map(|v| v.abs()).collect();
    for &x in &abs {
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
    }
    vector_norm(&abs, max, found_nan)
}

fn math_hypot(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("hypot() takes no keyword arguments"));
    }
    let mut xs = Vec::with_capacity(args.pos.len());
    for &v in args.pos {
        xs.push(to_f64(vm, v)?);
    }
    let r = norm_of(&xs);
    Ok(new_float(vm, r))
}

fn math_dist(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (p, q) = two_args(vm, &args, "dist")?;
    let p = iter::collect(vm, p)?;
    let q = iter::collect(vm, q)?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (a, b) in p.into_iter().zip(q) {
        let (a, b) = (to_f64(vm, a)?, to_f64(vm, b)?);
        diffs.push(a - b);
    }
    let r = norm_of(&diffs);
    Ok(new_float(vm, r))
}

// ---------------------------------------------------------------------------------------
// Integer functions

fn math_gcd(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("gcd() takes no keyword arguments"));
    }
    let mut g = BigInt::zero();
    for &v in args.pos {
        let x = convert::index(vm, v)?;
        if !g.is_one() {
            g = g.gcd(&x);
        }
    }
    Ok(new_int(vm, g))
}

fn math_lcm(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("lcm() takes no keyword arguments"));
    }
    let mut l = BigInt::one();
    for &v in args.pos {
        let x = convert::index(vm, v)?;
        if !l.is_zero() {
            l = if x.is_zero() {
                BigInt::zero()
            } else {
                l.lcm(&x)
            };
        }
    }
    Ok(new_int(vm, l.abs()))
}

fn math_isqrt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = one_arg(vm, &args, "isqrt")?;
    let n = convert::index(vm, v)?;
    if n.sign() == Sign::Minus {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(new_int(vm, n.sqrt()))
}

/// The product of the integers in `lo..hi`, by binary splitting.
fn range_product(lo: &BigInt, hi: &BigInt) -> BigInt {
    let n = hi - lo;
    if n <= BigInt::from(16) {
        let mut p = BigInt::one();
        let mut i = lo.clone();
        while &i < hi {
            p *= &i;
            i += 1u32;
        }
        return p;
    }
    let mid: BigInt = lo + (&n >> 1u32);
    range_product(lo, &mid) * range_product(&mid, hi)
}

/// `n!`.
pub fn factorial(n: u64) -> BigInt {
    range_product(&BigInt::one(), &BigInt::from(n + 1))
}

fn math_factorial(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = one_arg(vm, &args, "factorial")?;
    let n = convert::index(vm, v)?;
    if n.sign() == Sign::Minus {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_i64() else {
        return Err(vm.overflow_error("factorial() argument should not exceed 9223372036854775807"));
    };
    if n > 50_000_000 {
        return Err(vm.memory_error());
    }
    let r = factorial(n as u64);
    Ok(new_int(vm, r))
}

/// Reads `n` and `k` of `comb`/`perm` (non-negative ints).
fn n_k(vm: &mut Vm, n: Value, k: Value) -> PyResult<(BigInt, BigInt)> {
    let n = convert::index(vm, n)?;
    let k = convert::index(vm, k)?;
    if n.sign() == Sign::Minus {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.sign() == Sign::Minus {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn math_comb(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (n, k) = two_args(vm, &args, "comb")?;
    let (n, k) = n_k(vm, n, k)?;
    if k > n {
        return Ok(Value::from_usize(0));
    }
    let k = k.clone().min(&n - &k);
    if k.to_i64().is_none() {
        return Err(vm.overflow_error("min(n - k, k) must not exceed 9223372036854775807"));
    }
    if k > BigInt::from(10_000_000) {
        return Err(vm.memory_error());
    }
    let num = range_product(&(&n - &k + 1u32), &(&n + 1u32));
    let den = range_product(&BigInt::one(), &(&k + 1u32));
    Ok(new_int(vm, num / den))
}

fn math_perm(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("perm() takes no keyword arguments"));
    }
    let (n, k) = match args.pos.len() {
        1 => (args.pos[0], args.pos[0]),
        2 if args.pos[1] == vm.none => (args.pos[0], args.pos[0]),
        2 => (args.pos[0], args.pos[1]),
        0 => return Err(vm.type_error("perm expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("perm expected at most 2 arguments, got {n}"))),
    };
    let (n, k) = n_k(vm, n, k)?;
    if k > n {
        return Ok(Value::from_usize(0));
    }
    if k.to_i64().is_none() {
        return Err(vm.overflow_error("k must not exceed 9223372036854775807"));
    }
    if k > BigInt::from(50_000_000) {
        return Err(vm.memory_error());
    }
    let r = range_product(&(&n - &k + 1u32), &(&n + 1u32));
    Ok(new_int(vm, r))
}

// ---------------------------------------------------------------------------------------
// Summation and products

/// Exact float summation (Shewchuk / Hettinger's msum, as CPython's `math.fsum`).
pub fn fsum(values: impl IntoIterator<Item = f64>) -> Result<f64, &'static str> {
    let mut p: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    for xsave in values {
        let mut x = xsave;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err("intermediate overflow in fsum");
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err("-inf + inf in fsum");
        }
        return Ok(special_sum);
    }
    let mut n = p.len();
    let mut hi = 0.0f64;
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

fn math_fsum(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let seq = one_arg(vm, &args, "fsum")?;
    let it = iter::iter(vm, seq)?;
    let mut xs = Vec::new();
    while let Some(v) = iter::next(vm, it)? {
        xs.push(to_f64(vm, v)?);
    }
    match fsum(xs) {
        Ok(f) => Ok(new_float(vm, f)),
        Err(m) if m.starts_with("intermediate") => Err(vm.overflow_error(m)),
        Err(m) => Err(vm.value_error(m)),
    }
}

fn math_prod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.only_kwargs(vm, "prod", &["start"])?;
    if args.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.pos.len()
        )));
    }
    let mut acc = args.kwarg("start").unwrap_or(Value::from_usize(1));
    let it = iter::iter(vm, args.pos[0])?;
    while let Some(v) = iter::next(vm, it)? {
        acc = arith::binary_op(vm, acc, v, BinOp::Mul)?;
    }
    Ok(acc)
}

// ---------------------------------------------------------------------------------------
// Classification and neighbours

fn math_isnan(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = f1(vm, &args, "isnan")?;
    Ok(vm.bool(x.is_nan()))
}

fn math_isinf(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = f1(vm, &args, "isinf")?;
    Ok(vm.bool(x.is_infinite()))
}

fn math_isfinite(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = f1(vm, &args, "isfinite")?;
    Ok(vm.bool(x.is_finite()))
}

fn math_isclose(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.only_kwargs(vm, "isclose", &["a", "b", "rel_tol", "abs_tol"])?;
    if args.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.pos.len()
        )));
    }
    let Some(a) = args.arg(0, "a") else {
        return Err(vm.type_error("isclose() missing required argument 'a' (pos 1)"));
    };
    let Some(b) = args.arg(1, "b") else {
        return Err(vm.type_error("isclose() missing required argument 'b' (pos 2)"));
    };
    let (a, b) = (to_f64(vm, a)?, to_f64(vm, b)?);
    let rel_tol = match args.kwarg("rel_tol") {
        Some(v) => to_f64(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match args.kwarg("abs_tol") {
        Some(v) => to_f64(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    Ok(vm.bool(isclose(a, b, rel_tol, abs_tol)))
}

/// `math.isclose` with valid tolerances.
pub fn isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> bool {
    if a == b {
        return true;
    }
    if a.is_infinite() || b.is_infinite() {
        return false;
    }
    let diff = (b - a).abs();
    diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol
}

/// C's `nextafter`.
pub fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn math_nextafter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (x, y) = f2(vm, &args, "nextafter")?;
    Ok(new_float(vm, nextafter(x, y)))
}

/// `math.ulp(x)`.
pub fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let x2 = nextafter(x, f64::INFINITY);
    if x2.is_infinite() {
        return x - nextafter(x, f64::NEG_INFINITY);
    }
    x2 - x
}

fn math_ulp(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = f1(vm, &args, "ulp")?;
    Ok(new_float(vm, ulp(x)))
}

fn math_degrees(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = f1(vm, &args, "degrees")?;
    Ok(new_float(vm, x * (180.0 / std::f64::consts::PI)))
}

fn math_radians(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = f1(vm, &args, "radians")?;
    Ok(new_float(vm, x * (std::f64::consts::PI / 180.0)))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("acos", acos),
    ("acosh", acosh),
    ("asin", asin),
    ("asinh", asinh),
    ("atan", atan),
    ("atan2", math_atan2),
    ("atanh", atanh),
    ("cbrt", cbrt),
    ("ceil", math_ceil),
    ("comb", math_comb),
    ("copysign", math_copysign),
    ("cos", cos),
    ("cosh", cosh),
    ("degrees", math_degrees),
    ("dist", math_dist),
    ("erf", math_erf),
    ("erfc", math_erfc),
    ("exp", exp),
    ("exp2", exp2),
    ("expm1", expm1),
    ("fabs", fabs),
    ("factorial", math_factorial),
    ("floor", math_floor),
    ("fmod", math_fmod),
    ("frexp", math_frexp),
    ("fsum", math_fsum),
    ("gamma", math_gamma),
    ("gcd", math_gcd),
    ("hypot", math_hypot),
    ("isclose", math_isclose),
    ("isfinite", math_isfinite),
    ("isinf", math_isinf),
    ("isnan", math_isnan),
    ("isqrt", math_isqrt),
    ("lcm", math_lcm),
    ("ldexp", math_ldexp),
    ("lgamma", math_lgamma),
    ("log", math_log),
    ("log10", math_log10),
    ("log1p", log1p),
    ("log2", math_log2),
    ("modf", math_modf),
    ("nextafter", math_nextafter),
    ("perm", math_perm),
    ("pow", math_pow),
    ("prod", math_prod),
    ("radians", math_radians),
    ("remainder", math_remainder),
    ("sin", sin),
    ("sinh", sinh),
    ("sqrt", sqrt),
    ("tan", tan),
    ("tanh", tanh),
    ("trunc", math_trunc),
    ("ulp", math_ulp),
];

/// Creates the `math` module.
pub fn init(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("math");
    vm.module_add_functions(m, FUNCTIONS);
    for (name, value) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        let v = float::new_float(vm, value);
        vm.module_set(m, name, v);
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_functions_match_cpython() {
        assert_eq!(tgamma(0.5), Ok(1.7724538509055159));
        assert_eq!(tgamma(-1.0), Err(MathError::Domain));
        assert_eq!(tgamma(172.0), Err(MathError::Range));
        assert_eq!(tgamma(5.0), Ok(24.0));
        assert_eq!(lgamma(0.5), Ok(0.5723649429247004));
        assert_eq!(lgamma(-1.0), Err(MathError::Domain));
        assert_eq!(c_erf(0.5), 0.5204998778130465);
        assert_eq!(c_erfc(0.5), 0.4795001221869535);
    }

    #[test]
    fn sums_and_norms() {
        assert_eq!(fsum([1e-16, 1.0, 1e16]), Ok(1.0000000000000002e+16));
        assert_eq!(fsum([0.1; 10]), Ok(1.0));
        assert_eq!(fsum([1e308, 1e308]), Err("intermediate overflow in fsum"));
        assert_eq!(
            fsum([f64::INFINITY, f64::NEG_INFINITY]),
            Err("-inf + inf in fsum")
        );
        assert_eq!(norm_of(&[3.0, 4.0]), 5.0);
        assert_eq!(norm_of(&[1e308, 1e308]), 1.4142135623730951e+308);
        assert_eq!(norm_of(&[]), 0.0);
    }

    #[test]
    fn float_helpers() {
        assert_eq!(remainder(5.0, 2.0), 1.0);
        assert!(remainder(1.0, 0.0).is_nan());
        assert_eq!(nextafter(1.0, 2.0), 1.0000000000000002);
        assert_eq!(ulp(1.0), 2.220446049250313e-16);
        assert_eq!(pow(0.0, -1.0), Err(MathError::Domain));
        assert_eq!(pow(2.0, 10000.0), Err(MathError::Range));
        assert_eq!(pow(f64::INFINITY, -1.0), Ok(0.0));
        assert_eq!(math_1(1000.0, f64::cosh, true), Err(MathError::Range));
        assert_eq!(math_1(1.0, c_atanh, false), Err(MathError::Domain));
        assert_eq!(
            factorial(30).to_string(),
            "265252859812191058636308480000000"
        );
        assert!(isclose(1.0, 1.0 + 1e-10, 1e-9, 0.0));
    }
}
