//! The format-spec mini-language (`format(value, spec)`, f-strings, `str.format`) for ints,
//! floats, complex numbers and strs, and Python's float-to-text conversions (`repr(float)`,
//! the `e`/`f`/`g` codes shared with %-formatting).
//!
//! The pure functions here ([`parse_spec`], [`apply_int`], [`apply_float`], [`apply_str`],
//! [`apply_complex`], [`float_to_string`], [`repr_float`]) follow CPython 3.11's
//! `Python/formatter_unicode.c` and `Python/pystrtod.c` step by step, so padding, grouping and
//! error messages agree; the `format_*` wrappers raise their errors on the VM.

pub mod fields;

use crate::vm::{PyResult, Raised, Vm};
use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// A parsed format spec: `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character (`' '` unless given, `'0'` for the `0` flag).
    pub fill: char,
    /// `'<'`, `'>'`, `'^'` or `'='`; `None` for the type's default.
    pub align: Option<char>,
    /// Whether the `0` flag asked for zero padding (and no explicit fill was given).
    pub zero: bool,
    /// `'+'`, `'-'` or `' '`.
    pub sign: Option<char>,
    /// The `z` flag: negative zero is shown as zero.
    pub no_neg_zero: bool,
    /// The `#` flag.
    pub alternate: bool,
    /// Minimum width.
    pub width: Option<usize>,
    /// `','` or `'_'`.
    pub grouping: Option<char>,
    /// Precision.
    pub precision: Option<usize>,
    /// The presentation type, if given.
    pub ty: Option<char>,
}

/// Why formatting failed: the Python exception it maps to and its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FmtError {
    /// `ValueError(msg)`.
    Value(String),
    /// `OverflowError(msg)`.
    Overflow(String),
    /// A feature pyrs lacks (raised as `NotImplementedError`).
    Unsupported(String),
    /// A result too large to build (`MemoryError`).
    Memory,
}

impl FmtError {
    /// Raises the error on the VM.
    pub fn raise(self, vm: &mut Vm) -> Raised {
        match self {
            FmtError::Value(m) => vm.value_error(m),
            FmtError::Overflow(m) => vm.overflow_error(m),
            FmtError::Unsupported(m) => vm.not_implemented(m),
            FmtError::Memory => vm.memory_error(),
        }
    }
}

fn verr<T>(msg: impl Into<String>) -> Result<T, FmtError> {
    Err(FmtError::Value(msg.into()))
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '^' | '=')
}

/// Reads a decimal integer at `chars[*pos..]`; `None` if there are no digits.
fn read_int(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FmtError> {
    let start = *pos;
    let mut n: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        n = match n.checked_mul(10).and_then(|n| n.checked_add(d as usize)) {
            Some(n) if n <= isize::MAX as usize => n,
            _ => return verr("Too many decimal digits in format string"),
        };
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(n) })
}

/// Parses a format spec for an object of type `type_name` (named in the "Invalid format
/// specifier" error), as CPython's `parse_internal_render_format_spec`. The messages are
/// CPython's `ValueError` messages.
pub fn parse_spec(spec: &str, type_name: &str) -> Result<FormatSpec, String> {
    parse_spec_inner(spec, type_name).map_err(|e| match e {
        FmtError::Value(m) | FmtError::Overflow(m) | FmtError::Unsupported(m) => m,
        FmtError::Memory => "Too many decimal digits in format string".to_string(),
    })
}

fn parse_spec_inner(spec: &str, type_name: &str) -> Result<FormatSpec, FmtError> {
    let chars: Vec<char> = spec.chars().collect();
    let mut f = FormatSpec {
        fill: ' ',
        align: None,
        zero: false,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        width: None,
        grouping: None,
        precision: None,
        ty: None,
    };
    let mut pos = 0;
    let mut fill_given = false;
    if chars.len() >= 2 && is_align(chars[1]) {
        f.fill = chars[0];
        f.align = Some(chars[1]);
        fill_given = true;
        pos = 2;
    } else if chars.first().is_some_and(|&c| is_align(c)) {
        f.align = chars.first().copied();
        pos = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
        f.sign = Some(c);
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        f.no_neg_zero = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        f.alternate = true;
        pos += 1;
    }
    if !fill_given && chars.get(pos) == Some(&'0') {
        f.fill = '0';
        f.zero = true;
        pos += 1;
    }
    f.width = read_int(&chars, &mut pos)?;
    if chars.get(pos) == Some(&',') {
        f.grouping = Some(',');
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if f.grouping.is_some() {
            return verr("Cannot specify both ',' and '_'.");
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if chars.get(pos) == Some(&',') && f.grouping == Some('_') {
        return verr("Cannot specify both ',' and '_'.");
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        f.precision = read_int(&chars, &mut pos)?;
        if f.precision.is_none() {
            return verr("Format specifier missing precision");
        }
    }
    if chars.len() - pos > 1 {
        return verr(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        ));
    }
    f.ty = chars.get(pos).copied();
    Ok(f)
}

/// The `char` shown in messages about presentation type `c` (CPython prints `\x..` for
/// non-printable ASCII and non-ASCII).
fn type_char_text(c: char) -> String {
    if (c as u32) > 32 && (c as u32) < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", c as u32)
    }
}

fn unknown_code(ty: char, type_name: &str) -> FmtError {
    FmtError::Value(format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        type_char_text(ty)
    ))
}

/// Validates the grouping option against the type (`default_ty` when none was given), as
/// the end of CPython's parser does; returns the separator and group size to use.
fn grouping_for(spec: &FormatSpec, default_ty: char) -> Result<Option<(char, usize)>, FmtError> {
    let Some(sep) = spec.grouping else {
        return Ok(None);
    };
    let ty = spec.ty.unwrap_or(default_ty);
    match ty {
        'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => Ok(Some((sep, 3))),
        'b' | 'o' | 'x' | 'X' if sep == '_' => Ok(Some((sep, 4))),
        _ => verr(format!(
            "Cannot specify '{sep}' with '{}'.",
            type_char_text(ty)
        )),
    }
}

/// Inserts `sep` every `group` digits from the right, padding with zeros to `min_width`
/// (CPython's `_PyUnicode_InsertThousandsGrouping`; `group == 0` means no separators).
fn group_digits(digits: &str, min_width: isize, grouping: Option<(char, usize)>) -> String {
    let d: Vec<char> = digits.chars().collect();
    let mut remaining = d.len() as isize;
    let mut min_width = min_width;
    let mut parts: Vec<String> = Vec::new();
    let mut end = d.len();
    let mut take = |l: isize, remaining: isize| -> String {
        let n_zeros = (l - remaining).max(0) as usize;
        let n_chars = remaining.min(l).max(0) as usize;
        let mut s: String = "0".repeat(n_zeros);
        s.extend(&d[end - n_chars..end]);
        end -= n_chars;
        s
    };
    let mut broken = false;
    if let Some((_, group)) = grouping {
        loop {
            let l = (group as isize).min(remaining.max(min_width).max(1));
            parts.push(take(l, remaining));
            remaining -= l.min(remaining).max(0);
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broken {
        let l = remaining.max(min_width).max(1);
        parts.push(take(l, remaining));
    }
    parts.reverse();
    let sep = grouping.map(|(s, _)| s.to_string()).unwrap_or_default();
    parts.join(&sep)
}

/// The pieces of a formatted number: `[sign][prefix][digits][.][remainder]`.
struct Number<'a> {
    negative: bool,
    prefix: &'a str,
    /// How many leading chars of the body are digits to group and zero-pad: given for ints
    /// (hex digits included; none for the `c` code), found by scanning for floats.
    n_digits: Option<usize>,
    /// The formatted magnitude (digits, then possibly `.`, fraction, exponent, `%`).
    body: &'a str,
}

/// Lays a number out as CPython's `calc_number_widths` + `fill_number` do.
fn layout_number(
    n: &Number<'_>,
    sign_opt: Option<char>,
    fill: char,
    align: char,
    width: Option<usize>,
    grouping: Option<(char, usize)>,
) -> String {
    let n_digits = n
        .n_digits
        .unwrap_or_else(|| n.body.bytes().take_while(|b| b.is_ascii_digit()).count());
    let digits = &n.body[..n_digits];
    let rest = &n.body[n_digits..];
    let sign = match (sign_opt, n.negative) {
        (_, true) => Some('-'),
        (Some('+'), false) => Some('+'),
        (Some(' '), false) => Some(' '),
        _ => None,
    };
    let non_digit =
        sign.is_some() as isize + n.prefix.chars().count() as isize + rest.chars().count() as isize;
    let width = width.map(|w| w as isize).unwrap_or(-1);
    let min_width = if fill == '0' && align == '=' {
        width - non_digit
    } else {
        0
    };
    let grouped = if n_digits == 0 {
        String::new()
    } else {
        group_digits(digits, min_width, grouping)
    };
    let padding = (width - (non_digit + grouped.chars().count() as isize)).max(0) as usize;
    let (lpad, spad, rpad) = match align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::with_capacity(n.body.len() + padding + 8);
    out.extend(std::iter::repeat(fill).take(lpad));
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(n.prefix);
    out.extend(std::iter::repeat(fill).take(spad));
    out.push_str(&grouped);
    out.push_str(rest);
    out.extend(std::iter::repeat(fill).take(rpad));
    out
}

/// Pads `s` (of `len` chars) to `width` with `fill` on the `align` side.
fn pad(s: &str, len: usize, fill: char, align: char, width: Option<usize>) -> String {
    let total = width.unwrap_or(0).max(len);
    let padding = total - len;
    let left = match align {
        '>' => padding,
        '^' => padding / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(s.len() + padding);
    out.extend(std::iter::repeat(fill).take(left));
    out.push_str(s);
    out.extend(std::iter::repeat(fill).take(padding - left));
    out
}

/// `MemoryError` for a width (or float precision) pyrs will not allocate.
fn check_size(n: Option<usize>) -> Result<(), FmtError> {
    match n {
        Some(n) if n > crate::types::str::MAX_ALLOC => Err(FmtError::Memory),
        _ => Ok(()),
    }
}

/// The alignment to use for a number: explicit, else `=` under the `0` flag, else `>`.
fn number_align(spec: &FormatSpec) -> char {
    spec.align.unwrap_or(if spec.zero { '=' } else { '>' })
}

/// Formats an int by `spec` (`format(int, spec)` for a non-empty spec).
pub fn apply_int(value: &BigInt, spec: &FormatSpec) -> Result<String, FmtError> {
    check_size(spec.width)?;
    let ty = spec.ty.unwrap_or('d');
    let grouping = grouping_for(spec, 'd')?;
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let Some(f) = value.to_f64().filter(|f| f.is_finite()) else {
                return Err(FmtError::Overflow(
                    "int too large to convert to float".into(),
                ));
            };
            return apply_float(f, spec, "int");
        }
        _ => return Err(unknown_code(ty, "int")),
    }
    if spec.precision.is_some() {
        return verr("Precision not allowed in integer format specifier");
    }
    if spec.no_neg_zero {
        return verr("Negative zero coercion (z) not allowed in integer format specifier");
    }
    let align = number_align(spec);
    if ty == 'c' {
        if spec.sign.is_some() {
            return verr("Sign not allowed with integer format specifier 'c'");
        }
        if spec.alternate {
            return verr("Alternate form (#) not allowed with integer format specifier 'c'");
        }
        let code = value.to_u32().filter(|&c| c <= 0x10FFFF);
        let Some(code) = code else {
            return Err(FmtError::Overflow("%c arg not in range(0x110000)".into()));
        };
        let Some(ch) = char::from_u32(code) else {
            return Err(FmtError::Unsupported("lone surrogates in str".into()));
        };
        let body = ch.to_string();
        let n = Number {
            negative: false,
            prefix: "",
            n_digits: Some(0),
            body: &body,
        };
        return Ok(layout_number(&n, None, spec.fill, align, spec.width, None));
    }
    let mag = value.magnitude();
    let (body, prefix) = match ty {
        'b' => (mag.to_str_radix(2), "0b"),
        'o' => (mag.to_str_radix(8), "0o"),
        'x' => (mag.to_str_radix(16), "0x"),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
        _ => (mag.to_str_radix(10), ""),
    };
    let prefix = if spec.alternate { prefix } else { "" };
    let n = Number {
        negative: value.sign() == Sign::Minus,
        prefix,
        n_digits: Some(body.len()),
        body: &body,
    };
    Ok(layout_number(
        &n, spec.sign, spec.fill, align, spec.width, grouping,
    ))
}

/// Formats a float by `spec` (`format(float, spec)`; `type_name` names the type in errors).
pub fn apply_float(value: f64, spec: &FormatSpec, type_name: &str) -> Result<String, FmtError> {
    let grouping = grouping_for(spec, '\0')?;
    check_size(spec.width)?;
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return verr("precision too big");
    }
    check_size(spec.precision)?;
    let ty = spec.ty.unwrap_or('\0');
    let (mut code, mut add_dot_0) = match ty {
        '\0' => ('r', true),
        'n' => ('g', false),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => (ty, false),
        _ => return Err(unknown_code(ty, type_name)),
    };
    let mut val = value;
    let pct = code == '%';
    if pct {
        code = 'f';
        val *= 100.0;
    }
    let precision = match spec.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
        None if code == 'r' => 0,
        None => 6,
    };
    if code != 'g' && code != 'r' {
        add_dot_0 = false;
    }
    let mut s = float_to_string(
        val,
        code,
        precision,
        spec.alternate,
        add_dot_0,
        spec.no_neg_zero,
    );
    if pct {
        s.push('%');
    }
    let (negative, body) = match s.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, s.as_str()),
    };
    let n = Number {
        negative,
        prefix: "",
        n_digits: None,
        body,
    };
    Ok(layout_number(
        &n,
        spec.sign,
        spec.fill,
        number_align(spec),
        spec.width,
        grouping,
    ))
}

/// Formats a complex number by `spec` (`format(complex, spec)`).
pub fn apply_complex(re: f64, im: f64, spec: &FormatSpec) -> Result<String, FmtError> {
    let grouping = grouping_for(spec, '\0')?;
    check_size(spec.width)?;
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return verr("precision too big");
    }
    check_size(spec.precision)?;
    let ty = spec.ty.unwrap_or('\0');
    let mut code = match ty {
        '\0' => 'r',
        'n' => 'g',
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => ty,
        _ => return Err(unknown_code(ty, "complex")),
    };
    if spec.fill == '0' {
        return verr("Zero padding is not allowed in complex format specifier");
    }
    if spec.align == Some('=') {
        return verr("'=' alignment flag is not allowed in complex format specifier");
    }
    let (mut skip_re, mut parens) = (false, false);
    if ty == '\0' {
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    let precision = match spec.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
        None if code == 'r' => 0,
        None => 6,
    };
    let part = |v: f64, sign: Option<char>| -> String {
        let s = float_to_string(v, code, precision, spec.alternate, false, spec.no_neg_zero);
        let (negative, body) = match s.strip_prefix('-') {
            Some(b) => (true, b),
            None => (false, s.as_str()),
        };
        layout_number(
            &Number {
                negative,
                prefix: "",
                n_digits: None,
                body,
            },
            sign,
            ' ',
            '<',
            None,
            grouping,
        )
    };
    let mut inner = String::new();
    if parens {
        inner.push('(');
    }
    if !skip_re {
        inner.push_str(&part(re, spec.sign));
    }
    inner.push_str(&part(im, if skip_re { spec.sign } else { Some('+') }));
    inner.push('j');
    if parens {
        inner.push(')');
    }
    let len = inner.chars().count();
    Ok(pad(
        &inner,
        len,
        spec.fill,
        spec.align.unwrap_or('>'),
        spec.width,
    ))
}

/// Formats a str by `spec` (`format(str, spec)`).
pub fn apply_str(s: &str, spec: &FormatSpec) -> Result<String, FmtError> {
    grouping_for(spec, 's')?;
    check_size(spec.width)?;
    if let Some(ty) = spec.ty.filter(|&t| t != 's') {
        return Err(unknown_code(ty, "str"));
    }
    match spec.sign {
        Some(' ') => return verr("Space not allowed in string format specifier"),
        Some(_) => return verr("Sign not allowed in string format specifier"),
        None => {}
    }
    if spec.no_neg_zero {
        return verr("Negative zero coercion (z) not allowed in string format specifier");
    }
    if spec.alternate {
        return verr("Alternate form (#) not allowed in string format specifier");
    }
    if spec.align == Some('=') {
        return verr("'=' alignment not allowed in string format specifier");
    }
    let (text, len) = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => (&s[..i], p),
            None => (s, s.chars().count()),
        },
        None => (s, s.chars().count()),
    };
    Ok(pad(
        text,
        len,
        spec.fill,
        spec.align.unwrap_or('<'),
        spec.width,
    ))
}

/// Shortest digits and decimal-point position of a finite, non-negative `f`:
/// `f == 0.DIGITS * 10**decpt`. Zero gives `("0", 1)`.
fn shortest_digits(f: f64) -> (String, i32) {
    let (digits, decpt) = sci_digits(&format!("{f:e}"));
    // Only long outputs can sit exactly halfway between two shortest candidates.
    if digits.len() >= 16 {
        if let Some(even) = half_even_candidate(f, &digits, decpt) {
            return (even, decpt);
        }
    }
    (digits, decpt)
}

/// When `f` lies exactly halfway between two `digits.len()`-digit decimals that both read
/// back as `f`, the one with an even last digit (CPython's choice; Rust may pick the other).
fn half_even_candidate(f: f64, digits: &str, decpt: i32) -> Option<String> {
    let n = digits.len();
    let (exact, exp_decpt) = {
        let s = format!("{f:.60e}");
        let (mant, exp) = s.split_once('e')?;
        let d: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
        (d, exp.parse::<i32>().ok()? + 1)
    };
    if exp_decpt != decpt || exact.len() <= n + 1 || exact[n] != b'5' {
        return None;
    }
    if exact[n + 1..].iter().any(|&b| b != b'0') {
        return None;
    }
    let mut cand = exact[..n].to_vec();
    if (cand[n - 1] - b'0') % 2 == 1 {
        let mut i = n;
        loop {
            i = i.checked_sub(1)?;
            if cand[i] == b'9' {
                cand[i] = b'0';
            } else {
                cand[i] += 1;
                break;
            }
        }
    }
    while cand.len() > 1 && cand.last() == Some(&b'0') {
        cand.pop();
    }
    let cand = String::from_utf8(cand).ok()?;
    if cand == digits {
        return None;
    }
    let back: f64 = format!("0.{cand}e{decpt}").parse().ok()?;
    (back == f).then_some(cand)
}

/// Digits (trailing zeros removed, at least one) and decimal-point position of a number
/// printed by Rust's `{:e}` / `{:.Ne}` (`"1.2345e-5"`).
fn sci_digits(s: &str) -> (String, i32) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    if digits == "0" {
        return (digits, 1);
    }
    (digits, exp + 1)
}

/// Lays digits out as CPython's `format_float_short` does (the `r` and `g` codes).
fn layout_digits(
    digits: &str,
    decpt: i32,
    use_exp: bool,
    vdigits_end: i32,
    add_dot_0: bool,
    alt: bool,
    upper: bool,
) -> String {
    let digits_len = digits.len() as i32;
    let (mut decpt, mut exp) = (decpt, 0);
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    let mut vdigits_end = vdigits_end.max(digits_len);
    vdigits_end = if !use_exp && add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };
    let zeros = |n: i32| "0".repeat(n.max(0) as usize);
    let mut p = String::new();
    if decpt <= 0 {
        p.push_str(&zeros(decpt - vdigits_start));
        p.push('.');
        p.push_str(&zeros(-decpt));
    } else {
        p.push_str(&zeros(-vdigits_start));
    }
    if 0 < decpt && decpt <= digits_len {
        p.push_str(&digits[..decpt as usize]);
        p.push('.');
        p.push_str(&digits[decpt as usize..]);
    } else {
        p.push_str(digits);
    }
    if digits_len < decpt {
        p.push_str(&zeros(decpt - digits_len));
        p.push('.');
        p.push_str(&zeros(vdigits_end - decpt));
    } else {
        p.push_str(&zeros(vdigits_end - digits_len));
    }
    if p.ends_with('.') && !alt {
        p.pop();
    }
    if use_exp {
        p.push(if upper { 'E' } else { 'e' });
        p.push(if exp < 0 { '-' } else { '+' });
        p.push_str(&format!("{:02}", exp.unsigned_abs()));
    }
    p
}

/// Rewrites Rust's exponent suffix (`e-5`) as Python's (`e-05`), upper-casing if asked.
fn python_exponent(s: &str, upper: bool) -> String {
    let Some((mant, exp)) = s.split_once('e') else {
        return s.to_string();
    };
    let (sign, digits) = match exp.strip_prefix('-') {
        Some(d) => ('-', d),
        None => ('+', exp),
    };
    let e = if upper { 'E' } else { 'e' };
    format!("{mant}{e}{sign}{digits:0>2}")
}

/// Python's `PyOS_double_to_string`: `f` formatted with code `e E f F g G` and `precision`,
/// or `r` for the shortest repr. `alt` is the `#` flag, `add_dot_0` keeps a `.0` on integral
/// results (the no-type case), `no_neg_zero` drops the sign of a result that rounds to zero.
pub fn float_to_string(
    f: f64,
    code: char,
    precision: usize,
    alt: bool,
    add_dot_0: bool,
    no_neg_zero: bool,
) -> String {
    let upper = matches!(code, 'E' | 'F' | 'G');
    if !f.is_finite() {
        let s = if f.is_nan() {
            "nan"
        } else if f < 0.0 {
            "-inf"
        } else {
            "inf"
        };
        return if upper {
            s.to_uppercase()
        } else {
            s.to_string()
        };
    }
    let a = f.abs();
    let body = match code {
        'e' | 'E' => {
            let mut s = format!("{a:.precision$e}");
            if alt && precision == 0 {
                s = s.replacen('e', ".e", 1);
            }
            python_exponent(&s, upper)
        }
        'f' | 'F' => {
            let mut s = format!("{a:.precision$}");
            if alt && precision == 0 {
                s.push('.');
            }
            s
        }
        'g' | 'G' => {
            let p = precision.max(1);
            let (digits, decpt) = sci_digits(&format!("{a:.prec$e}", prec = p - 1));
            let limit = if add_dot_0 { p as i32 - 1 } else { p as i32 };
            let use_exp = decpt <= -4 || decpt > limit;
            let vend = if alt { p as i32 } else { digits.len() as i32 };
            layout_digits(&digits, decpt, use_exp, vend, add_dot_0, alt, upper)
        }
        _ => {
            let (digits, decpt) = shortest_digits(a);
            let use_exp = decpt <= -4 || decpt > 16;
            layout_digits(
                &digits,
                decpt,
                use_exp,
                digits.len() as i32,
                add_dot_0,
                alt,
                false,
            )
        }
    };
    let negative = f.is_sign_negative();
    let all_zero = || {
        body.split(['e', 'E'])
            .next()
            .unwrap_or("")
            .bytes()
            .all(|b| b == b'0' || b == b'.')
    };
    if negative && !(no_neg_zero && all_zero()) {
        format!("-{body}")
    } else {
        body
    }
}

/// `repr(float)`: the shortest text that reads back as `f`, in Python's style (`1.0`,
/// `1e+16`, `1e-05`, `inf`, `nan`, `-0.0`).
pub fn repr_float(f: f64) -> String {
    float_to_string(f, 'r', 0, false, true, false)
}

/// `format(int, spec)`; an empty spec gives `str(int)`.
pub fn format_int(vm: &mut Vm, value: &BigInt, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(value.to_string());
    }
    let parsed = parse_spec(spec, "int").map_err(|m| vm.value_error(m))?;
    apply_int(value, &parsed).map_err(|e| e.raise(vm))
}

/// `format(float, spec)`; an empty spec gives `repr(float)`.
pub fn format_float(vm: &mut Vm, value: f64, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(repr_float(value));
    }
    let parsed = parse_spec(spec, "float").map_err(|m| vm.value_error(m))?;
    apply_float(value, &parsed, "float").map_err(|e| e.raise(vm))
}

/// `format(complex, spec)`; an empty spec gives `str(complex)`.
pub fn format_complex(vm: &mut Vm, re: f64, im: f64, spec: &str) -> PyResult<String> {
    let parsed = parse_spec(spec, "complex").map_err(|m| vm.value_error(m))?;
    apply_complex(re, im, &parsed).map_err(|e| e.raise(vm))
}

/// `repr(complex)` / `str(complex)`: `(1+2j)`, `2j`, `(-0-1j)`, `(nan+infj)`.
pub fn repr_complex(re: f64, im: f64) -> String {
    let spec = FormatSpec {
        fill: ' ',
        align: None,
        zero: false,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        width: None,
        grouping: None,
        precision: None,
        ty: None,
    };
    apply_complex(re, im, &spec).unwrap_or_default()
}

/// `format(str, spec)`.
pub fn format_str(vm: &mut Vm, s: &str, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let parsed = parse_spec(spec, "str").map_err(|m| vm.value_error(m))?;
    apply_str(s, &parsed).map_err(|e| e.raise(vm))
}

#[cfg(test)]
mod tests;
