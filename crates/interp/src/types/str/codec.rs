//! The text encodings pyrs knows (`str.encode`, `bytes.decode`, `str(bytes, encoding)`):
//! UTF-8 (and UTF-8 with signature), UTF-16 and UTF-32 (with a BOM, or little/big endian),
//! ASCII and Latin-1, with the error handlers `strict`, `ignore`, `replace`,
//! `backslashreplace` and (encoding only) `xmlcharrefreplace`.

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
    /// UTF-16 or UTF-32 (`wide`): `big` endian or little; `bom` writes and reads a BOM.
    Utf16or32 {
        wide: bool,
        big: bool,
        bom: bool,
    },
}

impl Codec {
    /// The name CPython's error messages use.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Utf8Sig => "utf-8-sig",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16or32 { wide, big, bom } => match (wide, big, bom) {
                (false, _, true) => "utf-16",
                (false, false, false) => "utf-16-le",
                (false, true, false) => "utf-16-be",
                (true, _, true) => "utf-32",
                (true, false, false) => "utf-32-le",
                (true, true, false) => "utf-32-be",
            },
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
        "utf_16" | "utf16" | "u16" => Ok(Codec::Utf16or32 {
            wide: false,
            big: false,
            bom: true,
        }),
        "utf_16_le" | "utf_16le" | "utf16le" => Ok(Codec::Utf16or32 {
            wide: false,
            big: false,
            bom: false,
        }),
        "utf_16_be" | "utf_16be" | "utf16be" => Ok(Codec::Utf16or32 {
            wide: false,
            big: true,
            bom: false,
        }),
        "utf_32" | "utf32" | "u32" => Ok(Codec::Utf16or32 {
            wide: true,
            big: false,
            bom: true,
        }),
        "utf_32_le" | "utf_32le" | "utf32le" => Ok(Codec::Utf16or32 {
            wide: true,
            big: false,
            bom: false,
        }),
        "utf_32_be" | "utf_32be" | "utf32be" => Ok(Codec::Utf16or32 {
            wide: true,
            big: true,
            bom: false,
        }),
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

/// `s.encode(encoding, errors)`.
pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(vm, encoding)?;
    if let Codec::Utf16or32 { wide, big, bom } = codec {
        return Ok(encode_wide(s, wide, big, bom));
    }
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
                let reason = format!("ordinal not in range({limit})");
                return Err(crate::types::exception::unicode::encode_error(
                    vm,
                    codec.name(),
                    s,
                    i,
                    end,
                    &reason,
                ));
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

/// UTF-16 (`wide` false) or UTF-32 bytes of `s`; a BOM first if `bom` (then little endian).
fn encode_wide(s: &str, wide: bool, big: bool, bom: bool) -> Vec<u8> {
    let unit = if wide { 4 } else { 2 };
    let mut out = Vec::with_capacity((s.len() + 1) * unit);
    let mut push = |u: u32| {
        if wide {
            let b = if big {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            };
            out.extend_from_slice(&b);
        } else {
            let u = u as u16;
            let b = if big {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            };
            out.extend_from_slice(&b);
        }
    };
    if bom {
        push(0xFEFF);
    }
    for c in s.chars() {
        if wide {
            push(c as u32);
        } else {
            let mut buf = [0u16; 2];
            for &u in c.encode_utf16(&mut buf).iter() {
                push(u as u32);
            }
        }
    }
    out
}

/// Decodes UTF-16 or UTF-32 `data` into `out`, with the error handler `errors`.
fn decode_wide(
    vm: &mut Vm,
    out: &mut String,
    codec: Codec,
    errors: &str,
    data: &[u8],
) -> PyResult<()> {
    let Codec::Utf16or32 { wide, mut big, bom } = codec else {
        return Ok(());
    };
    let unit = if wide { 4 } else { 2 };
    let mut pos = 0;
    if bom && data.len() >= unit {
        let head = &data[..unit];
        let (le, be): (&[u8], &[u8]) = if wide {
            (&[0xFF, 0xFE, 0, 0], &[0, 0, 0xFE, 0xFF])
        } else {
            (&[0xFF, 0xFE], &[0xFE, 0xFF])
        };
        if head == le {
            pos = unit;
        } else if head == be {
            big = true;
            pos = unit;
        }
    }
    // Errors name the byte order actually read, as CPython's do.
    let codec = Codec::Utf16or32 {
        wide,
        big,
        bom: false,
    };
    let read = |at: usize| -> u32 {
        let b = &data[at..at + unit];
        match (wide, big) {
            (true, true) => u32::from_be_bytes([b[0], b[1], b[2], b[3]]),
            (true, false) => u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
            (false, true) => u16::from_be_bytes([b[0], b[1]]) as u32,
            (false, false) => u16::from_le_bytes([b[0], b[1]]) as u32,
        }
    };
    while pos < data.len() {
        if pos + unit > data.len() {
            return decode_error(
                vm,
                out,
                codec,
                errors,
                data,
                pos,
                data.len(),
                "truncated data",
            );
        }
        let u = read(pos);
        if wide {
            match char::from_u32(u) {
                Some(c) => out.push(c),
                None => {
                    let reason = if (0xD800..0xE000).contains(&u) {
                        "code point in surrogate code point range(0xd800, 0xe000)"
                    } else {
                        "code point not in range(0x110000)"
                    };
                    decode_error(vm, out, codec, errors, data, pos, pos + 4, reason)?;
                }
            }
            pos += 4;
            continue;
        }
        if !(0xD800..0xE000).contains(&u) {
            out.push(char::from_u32(u).unwrap_or('\u{FFFD}'));
            pos += 2;
            continue;
        }
        if u >= 0xDC00 {
            decode_error(
                vm,
                out,
                codec,
                errors,
                data,
                pos,
                pos + 2,
                "illegal encoding",
            )?;
            pos += 2;
            continue;
        }
        if pos + 4 > data.len() {
            let end = data.len();
            decode_error(
                vm,
                out,
                codec,
                errors,
                data,
                pos,
                end,
                "unexpected end of data",
            )?;
            pos = end;
            continue;
        }
        let low = read(pos + 2);
        if !(0xDC00..0xE000).contains(&low) {
            decode_error(
                vm,
                out,
                codec,
                errors,
                data,
                pos,
                pos + 2,
                "illegal UTF-16 surrogate",
            )?;
            pos += 2;
            continue;
        }
        let c = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
        out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
        pos += 4;
    }
    Ok(())
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
        "strict" => Err(crate::types::exception::unicode::decode_error(
            vm,
            codec.name(),
            data,
            start,
            end,
            reason,
        )),
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
        Codec::Utf16or32 { .. } => decode_wide(vm, &mut out, codec, errors, data)?,
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
