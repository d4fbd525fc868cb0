//! The text encodings pyrs knows (`str.encode`, `bytes.decode`, `str(bytes, encoding)`):
//! UTF-8 (and UTF-8 with signature), ASCII and Latin-1, with the error handlers `strict`,
//! `ignore`, `replace`, `backslashreplace` and (encoding only) `xmlcharrefreplace`.

use crate::types::class::type_name;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The codecs pyrs implements.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Codec {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
}

impl Codec {
    /// The name CPython's error messages use.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Utf8Sig => "utf-8-sig",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// The largest code point the codec encodes (`None`: every one).
    fn limit(self) -> Option<u32> {
        match self {
            Codec::Ascii => Some(0x80),
            Codec::Latin1 => Some(0x100),
            _ => None,
        }
    }
}

/// An optional str argument of `fname` named `argname`, as Rust text.
pub fn str_arg(
    vm: &mut Vm,
    v: Option<Value>,
    fname: &str,
    argname: &str,
) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(v) => match super::as_str(v) {
            Some(s) => Ok(Some(s.to_string())),
            None => {
                let t = type_name(vm, v).to_string();
                Err(vm.type_error(format!(
                    "{fname}() argument '{argname}' must be str, not {t}"
                )))
            }
        },
    }
}

fn lookup(vm: &mut Vm, encoding: &str) -> PyResult<Codec> {
    let norm: String = encoding
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect();
    match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Ok(Codec::Utf8),
        "utf_8_sig" | "utf8_sig" => Ok(Codec::Utf8Sig),
        "ascii" | "us_ascii" | "646" | "us" => Ok(Codec::Ascii),
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" | "csisolatin1" => Ok(Codec::Latin1),
        n if n.starts_with("utf_16")
            || n.starts_with("utf16")
            || n.starts_with("utf_32")
            || n.starts_with("utf32") =>
        {
            Err(vm.not_implemented(format!("the '{encoding}' codec")))
        }
        _ => {
            let c = vm.cls.lookup_error;
            Err(vm.raise_new(c, &format!("unknown encoding: {encoding}")))
        }
    }
}

fn unknown_handler(vm: &mut Vm, errors: &str) -> crate::vm::Raised {
    let c = vm.cls.lookup_error;
    vm.raise_new(c, &format!("unknown error handler name '{errors}'"))
}

/// `c` as CPython quotes a character in codec messages: `'\xe9'`, `'\u20ac'`.
fn quoted_char(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("'\\x{n:02x}'")
    } else if n < 0x10000 {
        format!("'\\u{n:04x}'")
    } else {
        format!("'\\U{n:08x}'")
    }
}

/// `s.encode(encoding, errors)`.
pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(vm, encoding)?;
    let Some(limit) = codec.limit() else {
        let mut out = Vec::with_capacity(s.len() + 3);
        if codec == Codec::Utf8Sig {
            out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
        }
        out.extend_from_slice(s.as_bytes());
        return Ok(out);
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < chars.len() && chars[end] as u32 >= limit {
            end += 1;
        }
        match errors {
            "strict" => {
                let what = if end - i == 1 {
                    format!("character {} in position {i}", quoted_char(c))
                } else {
                    format!("characters in position {i}-{}", end - 1)
                };
                let msg = format!(
                    "'{}' codec can't encode {what}: ordinal not in range({limit})",
                    codec.name()
                );
                let cls = vm.cls.unicode_encode_error;
                return Err(vm.raise_new(cls, &msg));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat(b'?').take(end - i)),
            "backslashreplace" => {
                for &c in &chars[i..end] {
                    let n = c as u32;
                    let e = if n < 0x100 {
                        format!("\\x{n:02x}")
                    } else if n < 0x10000 {
                        format!("\\u{n:04x}")
                    } else {
                        format!("\\U{n:08x}")
                    };
                    out.extend_from_slice(e.as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            _ => return Err(unknown_handler(vm, errors)),
        }
        i = end;
    }
    Ok(out)
}

/// Applies a decoding error handler to the bad bytes `data[start..end]`; `Err` for `strict`.
fn decode_error(
    vm: &mut Vm,
    out: &mut String,
    codec: Codec,
    errors: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyResult<()> {
    match errors {
        "strict" => {
            let what = if end - start == 1 {
                format!("byte 0x{:02x} in position {start}", data[start])
            } else {
                format!("bytes in position {start}-{}", end - 1)
            };
            let msg = format!("'{}' codec can't decode {what}: {reason}", codec.name());
            let cls = vm.cls.unicode_decode_error;
            Err(vm.raise_new(cls, &msg))
        }
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{FFFD}');
            Ok(())
        }
        "backslashreplace" => {
            for b in &data[start..end] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
        "surrogateescape" | "surrogatepass" => {
            Err(vm.not_implemented(format!("the '{errors}' error handler")))
        }
        _ => Err(unknown_handler(vm, errors)),
    }
}

/// `data.decode(encoding, errors)`.
pub fn decode(vm: &mut Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = lookup(vm, encoding)?;
    let mut out = String::with_capacity(data.len());
    match codec {
        Codec::Latin1 => out.extend(data.iter().map(|&b| b as char)),
        Codec::Ascii => {
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    decode_error(
                        vm,
                        &mut out,
                        codec,
                        errors,
                        data,
                        i,
                        i + 1,
                        "ordinal not in range(128)",
                    )?;
                }
            }
        }
        Codec::Utf8 | Codec::Utf8Sig => {
            let mut pos = 0;
            if codec == Codec::Utf8Sig && data.starts_with(&[0xEF, 0xBB, 0xBF]) {
                pos = 3;
            }
            while pos < data.len() {
                match std::str::from_utf8(&data[pos..]) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        // SAFETY: `from_utf8` checked that these bytes are valid UTF-8.
                        out.push_str(unsafe {
                            std::str::from_utf8_unchecked(&data[pos..pos + good])
                        });
                        let start = pos + good;
                        let (end, reason) = match e.error_len() {
                            None => (data.len(), "unexpected end of data"),
                            Some(n) => {
                                let b = data[start];
                                let invalid_start = !(0xC2..=0xF4).contains(&b);
                                (
                                    start + n,
                                    if invalid_start {
                                        "invalid start byte"
                                    } else {
                                        "invalid continuation byte"
                                    },
                                )
                            }
                        };
                        decode_error(vm, &mut out, codec, errors, data, start, end, reason)?;
                        pos = end;
                    }
                }
            }
        }
    }
    Ok(out)
}
