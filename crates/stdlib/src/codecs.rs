//! The `_codecs` module: the codec registry (`register`, `lookup`, `encode`, `decode`),
//! error-handler registry, and the codec functions the `encodings` package calls, built on
//! the interpreter's UTF-8/16/32, ASCII and Latin-1 codecs.
//!
//! The registry (search functions, lookup cache, error handlers) lives in a pinned holder
//! found through `vm.native_classes`.

use crate::common::{self, boxed_state};
use pyrs_interp::ops::{self, call, convert};
use pyrs_interp::types::boxed;
use pyrs_interp::types::bytes::{bytes_like, new_bytes};
use pyrs_interp::types::int::new_i64;
use pyrs_interp::types::str::codec;
use pyrs_interp::types::str::{as_str, new_str};
use pyrs_interp::types::tuple::{self, new_tuple};
use pyrs_interp::types::{dict, list};
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};

const HOLDER: &str = "_codecs._registry";

/// The codec registry of a VM.
struct Registry {
    /// Search functions (a list).
    search: Value,
    /// Normalized name to codec info (a dict).
    cache: Value,
    /// Error handler name to handler (a dict).
    errors: Value,
}
boxed_state!(Registry {
    search,
    cache,
    errors
});

fn registry(vm: &mut Vm) -> PyResult<&'static mut Registry> {
    let h = common::type_of(vm, HOLDER)?;
    match boxed::state::<Registry>(h) {
        Some(r) => Ok(r),
        None => Err(vm.runtime_error("pyrs: codec registry missing")),
    }
}

/// CPython's normalization of codec names: lower case, runs of other characters than
/// letters, digits and `.` become one `_`, none at either end.
fn normalize(name: &str) -> String {
    let mut out = String::new();
    let mut punct = false;
    for c in name.chars() {
        if c.is_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            out.extend(c.to_lowercase());
            punct = false;
        } else {
            punct = true;
        }
    }
    out
}

fn str_of(vm: &mut Vm, v: Value, fname: &str, n: usize) -> PyResult<String> {
    match as_str(v) {
        Some(s) => Ok(s.to_string()),
        None => {
            let t = common::type_name(vm, v);
            Err(vm.type_error(format!("{fname}() argument {n} must be str, not {t}")))
        }
    }
}

fn bytes_of(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match bytes_like(v) {
        Some(b) => Ok(b.to_vec()),
        None => {
            let t = common::type_name(vm, v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

/// The `errors` argument (None means strict).
fn errors_of(vm: &mut Vm, v: Option<Value>, fname: &str) -> PyResult<String> {
    match v {
        Some(e) if e != vm.none => str_of(vm, e, fname, 2),
        _ => Ok("strict".to_string()),
    }
}

// --- registry ---

fn register(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "register", 0, 1, 1)?;
    let f = pos[0];
    if !common::is_callable(vm, f) {
        return Err(vm.type_error("argument must be callable"));
    }
    let search = registry(vm)?.search;
    list::list_append(vm, search, f);
    Ok(vm.none)
}

fn unregister(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "unregister", 0, 1, 1)?;
    let search = registry(vm)?.search;
    let items: Vec<Value> = list::list_items(search).to_vec();
    let kept: Vec<Value> = items.into_iter().filter(|&f| f != pos[0]).collect();
    let new = list::new_list(vm, kept);
    let cleared = dict::new_dict(vm);
    let r = registry(vm)?;
    r.search = new;
    r.cache = cleared;
    Ok(vm.none)
}

/// `codecs.lookup(encoding)`: the codec info of `encoding`, importing `encodings` (which
/// registers its search function) on first use.
pub fn lookup_codec(vm: &mut Vm, encoding: &str) -> PyResult {
    let norm = normalize(encoding);
    let key = new_str(vm, &norm);
    let cache = registry(vm)?.cache;
    if let Some(c) = dict::get(vm, cache, key)? {
        return Ok(c);
    }
    if list::list_items(registry(vm)?.search).is_empty() {
        let name = new_str(vm, "encodings");
        let g = dict::new_dict(vm);
        pyrs_interp::eval::api::import(vm, name, g, Value::NULL, Value::NULL)?;
    }
    let search: Vec<Value> = list::list_items(registry(vm)?.search).to_vec();
    for f in search {
        let r = call::call(vm, f, &[key])?;
        if r == vm.none {
            continue;
        }
        let ok = tuple::as_tuple(r).is_some_and(|t| t.items().len() >= 4);
        if !ok {
            return Err(vm.type_error("codec search functions must return 4-tuples"));
        }
        let cache = registry(vm)?.cache;
        dict::set(vm, cache, key, r)?;
        return Ok(r);
    }
    let c = vm.cls.lookup_error;
    Err(vm.raise_new(c, &format!("unknown encoding: {encoding}")))
}

fn lookup(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "lookup", 0, 1, 1)?;
    let enc = str_of(vm, pos[0], "lookup", 1)?;
    lookup_codec(vm, &enc)
}

fn forget_codec(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "_forget_codec", 0, 1, 1)?;
    let enc = str_of(vm, pos[0], "_forget_codec", 1)?;
    let key = new_str(vm, &normalize(&enc));
    let cache = registry(vm)?.cache;
    if dict::get(vm, cache, key)?.is_some() {
        dict::del(vm, cache, key)?;
    }
    Ok(vm.none)
}

/// `codecs.encode` / `codecs.decode`: item `which` (0 encode, 1 decode) of the codec.
fn transcode(vm: &mut Vm, args: Args<'_>, fname: &str, which: usize) -> PyResult {
    let a = common::parse(vm, &args, 0, fname, &["obj", "encoding", "errors"], 1, 3)?;
    let enc = match a[1] {
        Some(e) => str_of(vm, e, fname, 2)?,
        None => "utf-8".to_string(),
    };
    let errors = match a[2] {
        Some(e) => e,
        None => new_str(vm, "strict"),
    };
    let info = lookup_codec(vm, &enc)?;
    let f = tuple::as_tuple(info)
        .and_then(|t| t.items().get(which).copied())
        .unwrap_or(Value::NULL);
    let r = call::call(vm, f, &[a[0].unwrap_or(Value::NULL), errors])?;
    match tuple::as_tuple(r).map(|t| t.items().to_vec()) {
        Some(items) if items.len() == 2 => Ok(items[0]),
        _ => {
            let what = if which == 0 { "encoder" } else { "decoder" };
            Err(vm.type_error(format!("{what} must return a tuple (object, integer)")))
        }
    }
}

fn encode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    transcode(vm, args, "encode", 0)
}

fn decode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    transcode(vm, args, "decode", 1)
}

// --- error handlers ---

fn register_error(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "register_error", 0, 2, 2)?;
    str_of(vm, pos[0], "register_error", 1)?;
    if !common::is_callable(vm, pos[1]) {
        return Err(vm.type_error("handler must be callable"));
    }
    let errors = registry(vm)?.errors;
    dict::set(vm, errors, pos[0], pos[1])?;
    Ok(vm.none)
}

fn lookup_error(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "lookup_error", 0, 1, 1)?;
    let name = str_of(vm, pos[0], "lookup_error", 1)?;
    let errors = registry(vm)?.errors;
    match dict::get(vm, errors, pos[0])? {
        Some(h) => Ok(h),
        None => {
            let c = vm.cls.lookup_error;
            Err(vm.raise_new(c, &format!("unknown error handler name '{name}'")))
        }
    }
}

/// `(start, end)` of the failing part of a Unicode error.
fn error_span(vm: &mut Vm, exc: Value) -> PyResult<(i64, i64)> {
    let s = ops::attr::getattr_str(vm, exc, "start")?;
    let e = ops::attr::getattr_str(vm, exc, "end")?;
    Ok((convert::index_isize(vm, s)?, convert::index_isize(vm, e)?))
}

fn is_encode_error(vm: &mut Vm, exc: Value) -> bool {
    let c = vm.cls.unicode_encode_error;
    pyrs_interp::types::class::is_subclass(pyrs_interp::types::class::class_of(vm, exc), c)
}

fn handler_arg(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    let pos = common::positional(vm, args, name, 0, 1, 1)?;
    let exc = pos[0];
    let base = vm.cls.unicode_error;
    if !pyrs_interp::types::class::is_subclass(pyrs_interp::types::class::class_of(vm, exc), base) {
        let t = common::type_name(vm, exc);
        return Err(vm.type_error(format!("don't know how to handle {t} in error callback")));
    }
    Ok(exc)
}

fn strict_errors(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "strict_errors", 0, 1, 1)?;
    Err(vm.raise(pos[0]))
}

fn ignore_errors(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let exc = handler_arg(vm, &args, "ignore_errors")?;
    let (_, end) = error_span(vm, exc)?;
    let s = new_str(vm, "");
    let e = new_i64(vm, end);
    Ok(new_tuple(vm, &[s, e]))
}

fn replace_errors(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let exc = handler_arg(vm, &args, "replace_errors")?;
    let (start, end) = error_span(vm, exc)?;
    let text = if is_encode_error(vm, exc) {
        "?".repeat((end - start).max(0) as usize)
    } else {
        "\u{fffd}".to_string()
    };
    let s = new_str(vm, &text);
    let e = new_i64(vm, end);
    Ok(new_tuple(vm, &[s, e]))
}

/// The characters `[start, end)` of the `object` of an encode error.
fn failed_chars(vm: &mut Vm, exc: Value) -> PyResult<(Vec<char>, i64)> {
    let (start, end) = error_span(vm, exc)?;
    let obj = ops::attr::getattr_str(vm, exc, "object")?;
    let s = as_str(obj).unwrap_or("");
    let chars: Vec<char> = s
        .chars()
        .skip(start.max(0) as usize)
        .take((end - start).max(0) as usize)
        .collect();
    Ok((chars, end))
}

fn backslashreplace_errors(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let exc = handler_arg(vm, &args, "backslashreplace_errors")?;
    let mut out = String::new();
    let end;
    if is_encode_error(vm, exc) {
        let (chars, e) = failed_chars(vm, exc)?;
        end = e;
        for c in chars {
            let n = c as u32;
            if n < 0x100 {
                out.push_str(&format!("\\x{n:02x}"));
            } else if n < 0x10000 {
                out.push_str(&format!("\\u{n:04x}"));
            } else {
                out.push_str(&format!("\\U{n:08x}"));
            }
        }
    } else {
        let (start, e) = error_span(vm, exc)?;
        end = e;
        let obj = ops::attr::getattr_str(vm, exc, "object")?;
        let data = bytes_like(obj).unwrap_or(&[]).to_vec();
        for &b in data
            .iter()
            .take(e.max(0) as usize)
            .skip(start.max(0) as usize)
        {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    let s = new_str(vm, &out);
    let e = new_i64(vm, end);
    Ok(new_tuple(vm, &[s, e]))
}

fn xmlcharrefreplace_errors(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let exc = handler_arg(vm, &args, "xmlcharrefreplace_errors")?;
    if !is_encode_error(vm, exc) {
        let t = common::type_name(vm, exc);
        return Err(vm.type_error(format!("don't know how to handle {t} in error callback")));
    }
    let (chars, end) = failed_chars(vm, exc)?;
    let out: String = chars.iter().map(|&c| format!("&#{};", c as u32)).collect();
    let s = new_str(vm, &out);
    let e = new_i64(vm, end);
    Ok(new_tuple(vm, &[s, e]))
}

fn unsupported_handler(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(vm.not_implemented("this codec error handler"))
}

// --- codec functions ---

/// Encodes argument 1 (a str) with `encoding`: `(bytes, length)`.
fn encode_with(vm: &mut Vm, args: &Args<'_>, fname: &str, encoding: &str) -> PyResult {
    let pos = common::positional(vm, args, fname, 0, 1, 2)?;
    let s = str_of(vm, pos[0], fname, 1)?;
    let errors = errors_of(vm, pos.get(1).copied(), fname)?;
    let out = codec::encode(vm, &s, encoding, &errors)?;
    let b = new_bytes(vm, &out);
    let n = new_i64(vm, s.chars().count() as i64);
    Ok(new_tuple(vm, &[b, n]))
}

/// How many trailing bytes of `data` form an unfinished UTF-8 sequence.
fn utf8_incomplete_tail(data: &[u8]) -> usize {
    for back in 1..=3.min(data.len()) {
        let b = data[data.len() - back];
        if b & 0xc0 == 0x80 {
            continue;
        }
        let need = match b {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => return 0,
        };
        return if back < need { back } else { 0 };
    }
    0
}

/// Decodes argument 1 (bytes-like) with `encoding`: `(str, consumed)`; without `final`,
/// an unfinished trailing sequence is left for the next call.
fn decode_with(vm: &mut Vm, args: &Args<'_>, fname: &str, encoding: &str, unit: usize) -> PyResult {
    let pos = common::positional(vm, args, fname, 0, 1, 3)?;
    let data = bytes_of(vm, pos[0])?;
    let errors = errors_of(vm, pos.get(1).copied(), fname)?;
    let final_ = match pos.get(2) {
        Some(&f) => convert::truthy(vm, f)?,
        None => false,
    };
    let keep = if final_ {
        0
    } else if unit == 0 {
        utf8_incomplete_tail(&data)
    } else {
        data.len() % unit
    };
    let used = data.len() - keep;
    let s = codec::decode(vm, &data[..used], encoding, &errors)?;
    let t = new_str(vm, &s);
    let n = new_i64(vm, used as i64);
    Ok(new_tuple(vm, &[t, n]))
}

macro_rules! codec_fns {
    ($( $enc:ident $dec:ident $name:literal $unit:expr ),* $(,)?) => {
        $(
            fn $enc(vm: &mut Vm, args: Args<'_>) -> PyResult {
                encode_with(vm, &args, stringify!($enc), $name)
            }
            fn $dec(vm: &mut Vm, args: Args<'_>) -> PyResult {
                decode_with(vm, &args, stringify!($dec), $name, $unit)
            }
        )*
        /// The encode/decode function pairs by name.
        const CODEC_FNS: &[(&str, NativeFn)] = &[
            $( (stringify!($enc), $enc), (stringify!($dec), $dec), )*
        ];
    };
}

codec_fns! {
    utf_8_encode utf_8_decode "utf-8" 0,
    ascii_encode ascii_decode "ascii" 1,
    latin_1_encode latin_1_decode "latin-1" 1,
    utf_16_encode utf_16_decode "utf-16" 2,
    utf_16_le_encode utf_16_le_decode "utf-16-le" 2,
    utf_16_be_encode utf_16_be_decode "utf-16-be" 2,
    utf_32_encode utf_32_decode "utf-32" 4,
    utf_32_le_encode utf_32_le_decode "utf-32-le" 4,
    utf_32_be_encode utf_32_be_decode "utf-32-be" 4,
}

/// `charmap_build(decoding_table)`: the encoding map `{ord(char): byte}`.
fn charmap_build(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "charmap_build", 0, 1, 1)?;
    let table = str_of(vm, pos[0], "charmap_build", 1)?;
    let d = dict::new_dict(vm);
    for (i, c) in table.chars().enumerate() {
        let k = new_i64(vm, c as i64);
        dict::set(vm, d, k, Value::from_usize(i))?;
    }
    Ok(d)
}

/// `charmap_decode(data, errors=None, mapping=None)`: bytes through a decoding table (a
/// str indexed by byte) or mapping; None means Latin-1.
fn charmap_decode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "charmap_decode", 0, 1, 3)?;
    let data = bytes_of(vm, pos[0])?;
    let errors = errors_of(vm, pos.get(1).copied(), "charmap_decode")?;
    let mapping = pos.get(2).copied().unwrap_or(vm.none);
    let mut out = String::new();
    let table: Option<Vec<char>> = as_str(mapping).map(|s| s.chars().collect());
    for (i, &b) in data.iter().enumerate() {
        let c = if mapping == vm.none {
            Some(b as char)
        } else if let Some(t) = &table {
            t.get(b as usize).copied().filter(|&c| c != '\u{fffe}')
        } else {
            let k = Value::from_usize(b as usize);
            match ops::subscript::getitem(vm, mapping, k) {
                Ok(v) if v == vm.none => None,
                Ok(v) => match as_str(v) {
                    Some(s) => {
                        out.push_str(s);
                        continue;
                    }
                    None => char::from_u32(convert::index_isize(vm, v)? as u32),
                },
                Err(_) => {
                    vm.exc = Value::NULL;
                    None
                }
            }
        };
        match c {
            Some(c) => out.push(c),
            None => match errors.as_str() {
                "ignore" => {}
                "replace" => out.push('\u{fffd}'),
                _ => {
                    return Err(unicode_decode_error(
                        vm,
                        "charmap",
                        &data,
                        i,
                        "character maps to <undefined>",
                    ))
                }
            },
        }
    }
    let s = new_str(vm, &out);
    let n = new_i64(vm, data.len() as i64);
    Ok(new_tuple(vm, &[s, n]))
}

/// `charmap_encode(str, errors=None, mapping=None)`.
fn charmap_encode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "charmap_encode", 0, 1, 3)?;
    let s = str_of(vm, pos[0], "charmap_encode", 1)?;
    let errors = errors_of(vm, pos.get(1).copied(), "charmap_encode")?;
    let mapping = pos.get(2).copied().unwrap_or(vm.none);
    if mapping == vm.none {
        return encode_with(vm, &args, "charmap_encode", "latin-1");
    }
    let mut out = Vec::new();
    for c in s.chars() {
        let k = new_i64(vm, c as i64);
        let v = match ops::subscript::getitem(vm, mapping, k) {
            Ok(v) if v != vm.none => Some(v),
            Ok(_) => None,
            Err(_) => {
                vm.exc = Value::NULL;
                None
            }
        };
        match v {
            Some(v) => match bytes_like(v) {
                Some(b) => out.extend_from_slice(b),
                None => out.push(convert::index_isize(vm, v)? as u8),
            },
            None => match errors.as_str() {
                "ignore" => {}
                "replace" => out.push(b'?'),
                _ => {
                    let cls = vm.cls.unicode_encode_error;
                    let n = c as u32;
                    let shown = if n < 0x100 {
                        format!("'\\x{n:02x}'")
                    } else if n < 0x10000 {
                        format!("'\\u{n:04x}'")
                    } else {
                        format!("'\\U{n:08x}'")
                    };
                    return Err(vm.raise_new(
                        cls,
                        &format!("'charmap' codec can't encode character {shown}: character maps to <undefined>"),
                    ));
                }
            },
        }
    }
    let b = new_bytes(vm, &out);
    let n = new_i64(vm, s.chars().count() as i64);
    Ok(new_tuple(vm, &[b, n]))
}

/// Raises `UnicodeDecodeError(encoding, data, pos, pos + 1, reason)`.
fn unicode_decode_error(
    vm: &mut Vm,
    encoding: &str,
    data: &[u8],
    pos: usize,
    reason: &str,
) -> pyrs_interp::Raised {
    let e = new_str(vm, encoding);
    let d = new_bytes(vm, data);
    let s = new_i64(vm, pos as i64);
    let en = new_i64(vm, pos as i64 + 1);
    let r = new_str(vm, reason);
    let cls = vm.cls.unicode_decode_error;
    match call::call(vm, cls, &[e, d, s, en, r]) {
        Ok(exc) => vm.raise(exc),
        Err(r) => r,
    }
}

/// One escape sequence, starting at a backslash.
enum Escape {
    /// The character it stands for.
    Char(u32),
    /// A backslash-newline: nothing.
    Nothing,
    /// Not an escape: the backslash stays.
    Backslash,
    /// A malformed escape.
    Bad(&'static str),
}

/// The escape at `data[i]` (a backslash followed by at least one byte) and its length.
fn escape_at(data: &[u8], i: usize, unicode: bool) -> (Escape, usize) {
    let hex = |n: usize, what: &'static str| -> (Escape, usize) {
        let digits = data.get(i + 2..i + 2 + n);
        match digits
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|t| u32::from_str_radix(t, 16).ok())
        {
            Some(v) => (Escape::Char(v), 2 + n),
            None => (Escape::Bad(what), 2),
        }
    };
    let simple = |c: u8| (Escape::Char(c as u32), 2);
    match data[i + 1] {
        b'\n' => (Escape::Nothing, 2),
        b'\\' => simple(b'\\'),
        b'\'' => simple(b'\''),
        b'"' => simple(b'"'),
        b'a' => simple(7),
        b'b' => simple(8),
        b'f' => simple(12),
        b'n' => simple(10),
        b'r' => simple(13),
        b't' => simple(9),
        b'v' => simple(11),
        b'x' => hex(2, "truncated \\xXX escape"),
        b'u' if unicode => hex(4, "truncated \\uXXXX escape"),
        b'U' if unicode => hex(8, "truncated \\UXXXXXXXX escape"),
        b'0'..=b'7' => {
            let mut n = 0u32;
            let mut k = 0;
            while k < 3 && matches!(data.get(i + 1 + k), Some(b'0'..=b'7')) {
                n = n * 8 + (data[i + 1 + k] - b'0') as u32;
                k += 1;
            }
            (Escape::Char(n), 1 + k)
        }
        _ => (Escape::Backslash, 1),
    }
}

/// Decodes the escape sequences of `data` (`\u` and `\U` too when `unicode`; only those
/// when `raw`).
fn unescape(vm: &mut Vm, data: &[u8], unicode: bool, raw: bool) -> PyResult<Vec<u32>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b != b'\\' {
            out.push(b as u32);
            i += 1;
            continue;
        }
        if i + 1 >= data.len() {
            if raw {
                out.push(b as u32);
                i += 1;
                continue;
            }
            return Err(unicode_decode_error(
                vm,
                "unicodeescape",
                data,
                i,
                "\\ at end of string",
            ));
        }
        let (esc, len) = if raw && !matches!(data[i + 1], b'u' | b'U') {
            (Escape::Backslash, 1)
        } else {
            escape_at(data, i, unicode)
        };
        match esc {
            Escape::Char(v) => out.push(v),
            Escape::Nothing => {}
            Escape::Backslash => out.push(b'\\' as u32),
            Escape::Bad(reason) => {
                return Err(unicode_decode_error(vm, "unicodeescape", data, i, reason));
            }
        }
        i += len;
    }
    Ok(out)
}

fn unicode_escape_decode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    escape_decoder(vm, args, "unicode_escape_decode", true, false)
}

fn raw_unicode_escape_decode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    escape_decoder(vm, args, "raw_unicode_escape_decode", true, true)
}

fn escape_decoder(vm: &mut Vm, args: Args<'_>, fname: &str, unicode: bool, raw: bool) -> PyResult {
    let pos = common::positional(vm, &args, fname, 0, 1, 3)?;
    let data = match as_str(pos[0]) {
        Some(s) => s.as_bytes().to_vec(),
        None => bytes_of(vm, pos[0])?,
    };
    let cps = unescape(vm, &data, unicode, raw)?;
    let s: String = cps.iter().filter_map(|&c| char::from_u32(c)).collect();
    let t = new_str(vm, &s);
    let n = new_i64(vm, data.len() as i64);
    Ok(new_tuple(vm, &[t, n]))
}

fn escape_decode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "escape_decode", 0, 1, 2)?;
    let data = match as_str(pos[0]) {
        Some(s) => s.as_bytes().to_vec(),
        None => bytes_of(vm, pos[0])?,
    };
    let cps = unescape(vm, &data, false, false)?;
    let b: Vec<u8> = cps.iter().map(|&c| c as u8).collect();
    let t = new_bytes(vm, &b);
    let n = new_i64(vm, data.len() as i64);
    Ok(new_tuple(vm, &[t, n]))
}

/// Escapes `s` as `unicode_escape` (or `raw_unicode_escape`) does.
fn escape_text(s: &str, raw: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for c in s.chars() {
        let n = c as u32;
        match c {
            '\\' if !raw => out.extend_from_slice(b"\\\\"),
            '\t' if !raw => out.extend_from_slice(b"\\t"),
            '\n' if !raw => out.extend_from_slice(b"\\n"),
            '\r' if !raw => out.extend_from_slice(b"\\r"),
            _ if n < 0x20 || (0x7f..0x100).contains(&n) => {
                if raw {
                    out.push(n as u8);
                } else {
                    out.extend_from_slice(format!("\\x{n:02x}").as_bytes());
                }
            }
            _ if n < 0x80 => out.push(n as u8),
            _ if n < 0x10000 => out.extend_from_slice(format!("\\u{n:04x}").as_bytes()),
            _ => out.extend_from_slice(format!("\\U{n:08x}").as_bytes()),
        }
    }
    out
}

fn escaped(vm: &mut Vm, args: Args<'_>, fname: &str, raw: bool) -> PyResult {
    let pos = common::positional(vm, &args, fname, 0, 1, 2)?;
    let s = str_of(vm, pos[0], fname, 1)?;
    let b = new_bytes(vm, &escape_text(&s, raw));
    let n = new_i64(vm, s.chars().count() as i64);
    Ok(new_tuple(vm, &[b, n]))
}

fn unicode_escape_encode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    escaped(vm, args, "unicode_escape_encode", false)
}

fn raw_unicode_escape_encode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    escaped(vm, args, "raw_unicode_escape_encode", true)
}

fn readbuffer_encode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "readbuffer_encode", 0, 1, 2)?;
    let data = match as_str(pos[0]) {
        Some(s) => s.as_bytes().to_vec(),
        None => bytes_of(vm, pos[0])?,
    };
    let b = new_bytes(vm, &data);
    let n = new_i64(vm, data.len() as i64);
    Ok(new_tuple(vm, &[b, n]))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("register", register),
    ("unregister", unregister),
    ("lookup", lookup),
    ("_forget_codec", forget_codec),
    ("encode", encode),
    ("decode", decode),
    ("register_error", register_error),
    ("lookup_error", lookup_error),
    ("charmap_build", charmap_build),
    ("charmap_decode", charmap_decode),
    ("charmap_encode", charmap_encode),
    ("escape_decode", escape_decode),
    ("unicode_escape_decode", unicode_escape_decode),
    ("unicode_escape_encode", unicode_escape_encode),
    ("raw_unicode_escape_decode", raw_unicode_escape_decode),
    ("raw_unicode_escape_encode", raw_unicode_escape_encode),
    ("readbuffer_encode", readbuffer_encode),
];

/// The builtin error handlers by name.
const HANDLERS: &[(&str, NativeFn)] = &[
    ("strict", strict_errors),
    ("ignore", ignore_errors),
    ("replace", replace_errors),
    ("backslashreplace", backslashreplace_errors),
    ("xmlcharrefreplace", xmlcharrefreplace_errors),
    ("namereplace", unsupported_handler),
    ("surrogateescape", unsupported_handler),
    ("surrogatepass", unsupported_handler),
];

/// Creates the `_codecs` module.
pub fn init(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("_codecs");
    vm.module_add_functions(m, FUNCTIONS);
    vm.module_add_functions(m, CODEC_FNS);
    if !vm.native_classes.contains_key(HOLDER) {
        let cls = common::new_type(vm, "_codecs._Registry", None, false);
        let search = list::new_list(vm, Vec::new());
        let cache = dict::new_dict(vm);
        let errors = dict::new_dict(vm);
        for &(name, f) in HANDLERS {
            let fname = format!("{name}_errors");
            let h = vm.new_native(&fname, &fname, f);
            let k = new_str(vm, name);
            dict::set(vm, errors, k, h)?;
        }
        let holder = boxed::new_pinned_boxed(
            vm,
            cls,
            Registry {
                search,
                cache,
                errors,
            },
        );
        vm.native_classes.insert(HOLDER, holder);
    }
    Ok(m)
}
