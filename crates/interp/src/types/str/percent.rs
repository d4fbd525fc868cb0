//! printf-style formatting: `str % args` (CPython 3.11's `PyUnicode_Format`) and
//! `bytes % args` (`_PyBytes_FormatEx`). Bytes are handled as Latin-1 text, so one engine
//! serves both.

use crate::object::{self, FloatObj, InstanceObj};
use crate::ops;
use crate::types::class::type_name;
use crate::types::format::float_to_string;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use num_bigint::{BigInt, Sign};
use num_traits::{FromPrimitive, ToPrimitive};

/// The flags of one conversion.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct Flags {
    /// `-`: left-justify.
    pub left: bool,
    /// `+`: always a sign.
    pub plus: bool,
    /// ` `: a space for positive numbers.
    pub space: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0`: zero padding.
    pub zero: bool,
}

/// Where the arguments come from, with CPython's cursor semantics (`argidx`, `arglen`).
struct ArgCursor {
    args: Value,
    /// Tuple items, or the single argument.
    items: Vec<Value>,
    /// -1 for a single (non-tuple) argument.
    arglen: i64,
    argidx: i64,
    dict: Option<Value>,
}

impl ArgCursor {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Value> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.args);
            }
            return Ok(self.items[i as usize]);
        }
        Err(vm.type_error("not enough arguments for format string"))
    }
}

/// The float of a float or float-subclass instance.
fn float_value(v: Value) -> Option<f64> {
    if let Some(f) = object::downcast::<FloatObj>(v) {
        return Some(f.value);
    }
    object::downcast::<InstanceObj>(v)
        .and_then(|i| object::downcast::<FloatObj>(i.native))
        .map(|f| f.value)
}

fn has_special(vm: &mut Vm, v: Value, name: &str) -> bool {
    let n = vm.intern(name);
    !ops::lookup_special(vm, v, n).is_null()
}

/// The integer a `%d`/`%x`-style conversion formats.
fn int_arg(vm: &mut Vm, v: Value, conv: char) -> PyResult<BigInt> {
    if let Some(b) = crate::types::int::as_bigint(v).filter(|_| crate::types::int::is_int(v)) {
        return Ok(b);
    }
    let decimal = matches!(conv, 'd' | 'i' | 'u');
    if decimal {
        if let Some(f) = float_value(v) {
            return float_to_int(vm, f);
        }
    }
    if has_special(vm, v, "__index__") {
        return ops::convert::index(vm, v);
    }
    if decimal && has_special(vm, v, "__int__") {
        let r = ops::call::call_method(vm, v, "__int__", &[])?;
        if let Some(b) = crate::types::int::as_bigint(r).filter(|_| crate::types::int::is_int(r)) {
            return Ok(b);
        }
        let t = type_name(vm, r).to_string();
        return Err(vm.type_error(format!("__int__ returned non-int (type {t})")));
    }
    if decimal && has_special(vm, v, "__float__") {
        let r = ops::call::call_method(vm, v, "__float__", &[])?;
        if let Some(f) = float_value(r) {
            return float_to_int(vm, f);
        }
    }
    let t = type_name(vm, v).to_string();
    if decimal {
        Err(vm.type_error(format!(
            "%{conv} format: a real number is required, not {t}"
        )))
    } else {
        Err(vm.type_error(format!("%{conv} format: an integer is required, not {t}")))
    }
}

fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<BigInt> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    match BigInt::from_f64(f.trunc()) {
        Some(b) => Ok(b),
        None => Err(vm.overflow_error("cannot convert float infinity to integer")),
    }
}

/// The float a `%f`-style conversion formats.
fn float_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(f) = float_value(v) {
        return Ok(f);
    }
    if crate::types::int::is_int(v) {
        let b = crate::types::int::as_bigint(v).unwrap_or_default();
        return match b.to_f64().filter(|f| f.is_finite()) {
            Some(f) => Ok(f),
            None => Err(vm.overflow_error("int too large to convert to float")),
        };
    }
    if has_special(vm, v, "__float__") {
        let r = ops::call::call_method(vm, v, "__float__", &[])?;
        if let Some(f) = float_value(r) {
            return Ok(f);
        }
        let (t, rt) = (type_name(vm, v).to_string(), type_name(vm, r).to_string());
        return Err(vm.type_error(format!("{t}.__float__ returned non-float (type {rt})")));
    }
    if has_special(vm, v, "__index__") {
        let b = ops::convert::index(vm, v)?;
        return match b.to_f64().filter(|f| f.is_finite()) {
            Some(f) => Ok(f),
            None => Err(vm.overflow_error("int too large to convert to float")),
        };
    }
    let t = type_name(vm, v).to_string();
    Err(vm.type_error(format!("must be real number, not {t}")))
}

/// Lays out a number: sign, prefix, digits, padded to `width` as the flags say.
pub fn pad_number(
    negative: bool,
    prefix: &str,
    digits: &str,
    flags: Flags,
    width: usize,
) -> String {
    let sign = if negative {
        "-"
    } else if flags.plus {
        "+"
    } else if flags.space {
        " "
    } else {
        ""
    };
    let len = sign.len() + prefix.len() + digits.chars().count();
    let pad = width.saturating_sub(len);
    let mut out = String::with_capacity(len + pad);
    if flags.left {
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(digits);
        out.extend(std::iter::repeat(' ').take(pad));
    } else if flags.zero {
        out.push_str(sign);
        out.push_str(prefix);
        out.extend(std::iter::repeat('0').take(pad));
        out.push_str(digits);
    } else {
        out.extend(std::iter::repeat(' ').take(pad));
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(digits);
    }
    out
}

/// Formats an integer for conversion `conv` (`d i u x X o`).
pub fn format_int(
    v: &BigInt,
    conv: char,
    flags: Flags,
    width: usize,
    precision: Option<usize>,
) -> String {
    let mag = v.magnitude();
    let (mut digits, prefix) = match conv {
        'x' => (mag.to_str_radix(16), "0x"),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
        'o' => (mag.to_str_radix(8), "0o"),
        _ => (mag.to_str_radix(10), ""),
    };
    if let Some(p) = precision {
        if digits.len() < p {
            digits = format!("{}{digits}", "0".repeat(p - digits.len()));
        }
    }
    let prefix = if flags.alt { prefix } else { "" };
    pad_number(v.sign() == Sign::Minus, prefix, &digits, flags, width)
}

/// Formats a float for conversion `conv` (`e E f F g G`).
pub fn format_float(
    f: f64,
    conv: char,
    flags: Flags,
    width: usize,
    precision: Option<usize>,
) -> String {
    let s = float_to_string(f, conv, precision.unwrap_or(6), flags.alt, false, false);
    let (negative, body) = match s.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, s.as_str()),
    };
    pad_number(negative, "", body, flags, width)
}

fn pad_text(s: &str, flags: Flags, width: usize) -> String {
    let len = s.chars().count();
    let pad = width.saturating_sub(len);
    if flags.left {
        format!("{s}{}", " ".repeat(pad))
    } else {
        format!("{}{s}", " ".repeat(pad))
    }
}

/// Reads a decimal number for a width or precision.
fn read_number(vm: &mut Vm, chars: &[char], pos: &mut usize, what: &str) -> PyResult<usize> {
    let mut n: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        n = match n.checked_mul(10).and_then(|n| n.checked_add(d as usize)) {
            Some(n) if n <= i32::MAX as usize => n,
            _ => return Err(vm.value_error(format!("{what} too big"))),
        };
        *pos += 1;
    }
    Ok(n)
}

/// A `*` width or precision: the next argument, which must be an int.
fn star_arg(vm: &mut Vm, cur: &mut ArgCursor) -> PyResult<i64> {
    let v = cur.next(vm)?;
    if !crate::types::int::is_int(v) {
        return Err(vm.type_error("* wants int"));
    }
    match crate::types::int::as_i64(v) {
        Some(i) if i.unsigned_abs() <= i32::MAX as u64 => Ok(i),
        _ => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

/// `fmt % args` for a str `fmt`.
pub fn format(vm: &mut Vm, fmt: &str, args: Value) -> PyResult<String> {
    format_impl(vm, fmt, args, false)
}

/// `fmt % args` for a bytes or bytearray `fmt`.
pub fn format_bytes(vm: &mut Vm, fmt: &[u8], args: Value) -> PyResult<Vec<u8>> {
    let text: String = fmt.iter().map(|&b| b as char).collect();
    let out = format_impl(vm, &text, args, true)?;
    Ok(out.chars().map(|c| c as u32 as u8).collect())
}

/// The `%s`/`%b` payload of `bytes % args`, as Latin-1 text.
fn bytes_payload(vm: &mut Vm, v: Value) -> PyResult<String> {
    if let Some(b) = crate::types::bytes::bytes_like(v) {
        return Ok(b.iter().map(|&b| b as char).collect());
    }
    let n = vm.intern("__bytes__");
    let m = ops::lookup_special(vm, v, n);
    if !m.is_null() {
        let r = ops::call::call_unbound(vm, m, v, &[v])?;
        if let Some(b) = crate::types::bytes::as_bytes(r) {
            return Ok(b.iter().map(|&b| b as char).collect());
        }
        let t = type_name(vm, r).to_string();
        return Err(vm.type_error(format!("__bytes__ returned non-bytes (type {t})")));
    }
    let t = type_name(vm, v).to_string();
    Err(vm.type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{t}'"
    )))
}

/// The engine: `bytes_mode` switches `%s`, `%r`, `%c`, mapping keys and `%b` to the bytes
/// rules; text is Latin-1 then.
fn format_impl(vm: &mut Vm, fmt: &str, args: Value, bytes_mode: bool) -> PyResult<String> {
    let tuple = crate::types::tuple::as_tuple(args).map(|t| t.items().to_vec());
    let excluded = if bytes_mode {
        crate::types::bytes::bytes_like(args).is_some() || super::as_str(args).is_some()
    } else {
        super::as_str(args).is_some()
    };
    let is_mapping = tuple.is_none() && !excluded && {
        let n = vm.names.__getitem__;
        !ops::lookup_special(vm, args, n).is_null()
    };
    let mut cur = match tuple {
        Some(items) => ArgCursor {
            args,
            arglen: items.len() as i64,
            items,
            argidx: 0,
            dict: None,
        },
        None => ArgCursor {
            args,
            items: Vec::new(),
            arglen: -1,
            argidx: -2,
            dict: None,
        },
    };
    if is_mapping {
        cur.dict = Some(args);
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut pos = 0;
    while pos < chars.len() {
        let c = chars[pos];
        pos += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        if chars.get(pos) == Some(&'%') {
            out.push('%');
            pos += 1;
            continue;
        }
        if chars.get(pos) == Some(&'(') {
            let Some(dict) = cur.dict else {
                return Err(vm.type_error("format requires a mapping"));
            };
            pos += 1;
            let key_start = pos;
            let mut depth = 1;
            while pos < chars.len() {
                match chars[pos] {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                pos += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let key: String = chars[key_start..pos].iter().collect();
            pos += 1;
            let k = if bytes_mode {
                let raw: Vec<u8> = key.chars().map(|c| c as u32 as u8).collect();
                crate::types::bytes::new_bytes(vm, &raw)
            } else {
                super::new_str(vm, &key)
            };
            let v = ops::subscript::getitem(vm, dict, k)?;
            cur.args = v;
            cur.arglen = -1;
            cur.argidx = -2;
        }
        let mut flags = Flags::default();
        while let Some(&f) = chars.get(pos) {
            match f {
                '-' => flags.left = true,
                '+' => flags.plus = true,
                ' ' => flags.space = true,
                '#' => flags.alt = true,
                '0' => flags.zero = true,
                _ => break,
            }
            pos += 1;
        }
        let width = if chars.get(pos) == Some(&'*') {
            pos += 1;
            let w = star_arg(vm, &mut cur)?;
            if w < 0 {
                flags.left = true;
            }
            w.unsigned_abs() as usize
        } else {
            read_number(vm, &chars, &mut pos, "width")?
        };
        let mut precision = None;
        if chars.get(pos) == Some(&'.') {
            pos += 1;
            if chars.get(pos) == Some(&'*') {
                pos += 1;
                precision = Some(star_arg(vm, &mut cur)?.max(0) as usize);
            } else {
                precision = Some(read_number(vm, &chars, &mut pos, "precision")?);
            }
        }
        if flags.left {
            flags.zero = false;
        }
        if width > super::MAX_ALLOC || precision.is_some_and(|p| p > super::MAX_ALLOC) {
            return Err(vm.memory_error());
        }
        let Some(&conv) = chars.get(pos) else {
            return Err(vm.value_error("incomplete format"));
        };
        let conv_index = pos;
        pos += 1;
        let v = cur.next(vm)?;
        let piece = match conv {
            's' | 'r' | 'a' | 'b' if conv != 'b' || bytes_mode => {
                let text = match conv {
                    's' | 'b' if bytes_mode => bytes_payload(vm, v)?,
                    's' => ops::convert::str_string(vm, v)?,
                    'r' if !bytes_mode => ops::convert::repr_string(vm, v)?,
                    _ => {
                        let r = ops::convert::repr_string(vm, v)?;
                        super::ascii_escape(&r)
                    }
                };
                let text = match precision.and_then(|p| text.char_indices().nth(p)) {
                    Some((i, _)) => &text[..i],
                    None => text.as_str(),
                };
                pad_text(text, flags, width)
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = int_arg(vm, v, conv)?;
                format_int(&n, conv, flags, width, precision)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = float_arg(vm, v)?;
                format_float(f, conv, flags, width, precision)
            }
            'c' if bytes_mode => {
                let ch =
                    if let Some(b) = crate::types::bytes::bytes_like(v).filter(|b| b.len() == 1) {
                        b[0] as char
                    } else if crate::types::int::is_int(v) {
                        match crate::types::int::as_i64(v).filter(|c| (0..256).contains(c)) {
                            Some(c) => c as u8 as char,
                            None => return Err(vm.overflow_error("%c arg not in range(256)")),
                        }
                    } else {
                        return Err(
                            vm.type_error("%c requires an integer in range(256) or a single byte")
                        );
                    };
                pad_text(&ch.to_string(), flags, width)
            }
            'c' => {
                let ch = if let Some(s) = super::as_str(v) {
                    let mut it = s.chars();
                    match (it.next(), it.next()) {
                        (Some(ch), None) => ch,
                        _ => return Err(vm.type_error("%c requires int or char")),
                    }
                } else if crate::types::int::is_int(v) {
                    let code = crate::types::int::as_i64(v).filter(|c| (0..0x110000).contains(c));
                    let Some(code) = code else {
                        return Err(vm.overflow_error("%c arg not in range(0x110000)"));
                    };
                    match char::from_u32(code as u32) {
                        Some(ch) => ch,
                        None => return Err(vm.not_implemented("lone surrogates in str")),
                    }
                } else {
                    return Err(vm.type_error("%c requires int or char"));
                };
                pad_text(&ch.to_string(), flags, width)
            }
            _ => {
                let shown = if (' '..='~').contains(&conv) {
                    conv
                } else {
                    '?'
                };
                return Err(vm.value_error(format!(
                    "unsupported format character '{shown}' (0x{:x}) at index {conv_index}",
                    conv as u32
                )));
            }
        };
        out.push_str(&piece);
    }
    if cur.argidx < cur.arglen && cur.dict.is_none() {
        let what = if bytes_mode { "bytes" } else { "string" };
        return Err(vm.type_error(format!(
            "not all arguments converted during {what} formatting"
        )));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fl(s: &str) -> Flags {
        Flags {
            left: s.contains('-'),
            plus: s.contains('+'),
            space: s.contains(' '),
            alt: s.contains('#'),
            zero: s.contains('0') && !s.contains('-'),
        }
    }

    #[test]
    fn ints_match_cpython() {
        let b = |i: i64| BigInt::from(i);
        assert_eq!(format_int(&b(255), 'x', fl("#"), 0, None), "0xff");
        assert_eq!(format_int(&b(255), 'X', fl("#"), 0, None), "0XFF");
        assert_eq!(format_int(&b(255), 'o', fl("#"), 0, None), "0o377");
        assert_eq!(format_int(&b(3), 'd', fl("+0"), 5, None), "+0003");
        assert_eq!(format_int(&b(3), 'd', fl(" "), 0, None), " 3");
        assert_eq!(format_int(&b(5), 'd', fl(""), 0, Some(3)), "005");
        assert_eq!(format_int(&b(5), 'x', fl("#"), 0, Some(3)), "0x005");
        assert_eq!(format_int(&b(-255), 'x', fl(""), 0, None), "-ff");
        assert_eq!(format_int(&b(-3), 'd', fl("-"), 5, None), "-3   ");
        assert_eq!(format_int(&b(8), 'o', fl("#"), 5, None), " 0o10");
        assert_eq!(format_int(&b(255), 'x', fl("0#"), 8, None), "0x0000ff");
        assert_eq!(format_int(&b(-7), 'd', fl(""), 5, Some(3)), " -007");
        assert_eq!(format_int(&b(0), 'd', fl(""), 0, Some(0)), "0");
        assert_eq!(format_int(&b(3), 'd', fl(" 0"), 5, None), " 0003");
    }

    #[test]
    fn floats_match_cpython() {
        assert_eq!(format_float(-2.5, 'f', fl("0"), 5, Some(1)), "-02.5");
        assert_eq!(format_float(-3.14159, 'f', fl("0"), 8, Some(3)), "-003.142");
        assert_eq!(
            format_float(12345.678, 'e', fl(""), 0, None),
            "1.234568e+04"
        );
        assert_eq!(format_float(0.00001, 'g', fl(""), 0, None), "1e-05");
        assert_eq!(format_float(1e20, 'G', fl(""), 0, None), "1E+20");
        assert_eq!(format_float(1.5, 'g', fl("#"), 0, None), "1.50000");
        assert_eq!(format_float(2.0, 'e', fl("#"), 0, Some(0)), "2.e+00");
        assert_eq!(format_float(1.0, 'f', fl("#"), 0, Some(0)), "1.");
        assert_eq!(format_float(0.5, 'f', fl(""), 0, Some(0)), "0");
        assert_eq!(format_float(3.0, 'e', fl(""), 10, Some(4)), "3.0000e+00");
        assert_eq!(format_float(-0.0, 'e', fl("+"), 0, Some(2)), "-0.00e+00");
        assert_eq!(format_float(1.0, 'f', fl(" "), 0, None), " 1.000000");
        assert_eq!(format_float(f64::INFINITY, 'f', fl("0"), 5, None), "00inf");
        assert_eq!(format_float(1234567.0, 'g', fl(""), 0, Some(3)), "1.23e+06");
        assert_eq!(format_float(1234567.0, 'g', fl(""), 0, Some(10)), "1234567");
        assert_eq!(format_float(2.675, 'f', fl(""), 0, Some(2)), "2.67");
    }
}
