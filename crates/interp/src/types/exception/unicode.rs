//! `UnicodeEncodeError(encoding, object, start, end, reason)` and
//! `UnicodeDecodeError(...)`: their constructors, fields and messages. Native codecs
//! build them with [`encode_error`] and [`decode_error`] so that the fields are there.

use super::fields::{field, set_field};
use crate::types::class::type_name;
use crate::types::str::{as_str, new_str};
use crate::value::Value;
use crate::vm::{Args, PyResult, Raised, Vm};

/// Which of the two errors a constructor or message is for.
#[derive(Clone, Copy, PartialEq)]
enum Dir {
    Encode,
    Decode,
}

/// A `UnicodeEncodeError` for `text[start..end]` (character positions), raised.
pub fn encode_error(
    vm: &mut Vm,
    encoding: &str,
    text: &str,
    start: usize,
    end: usize,
    reason: &str,
) -> Raised {
    let o = new_str(vm, text);
    let cls = vm.cls.unicode_encode_error;
    raise_with(vm, cls, encoding, o, start, end, reason)
}

/// A `UnicodeDecodeError` for `data[start..end]`, raised.
pub fn decode_error(
    vm: &mut Vm,
    encoding: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> Raised {
    let o = crate::types::bytes::new_bytes(vm, data);
    let cls = vm.cls.unicode_decode_error;
    raise_with(vm, cls, encoding, o, start, end, reason)
}

fn raise_with(
    vm: &mut Vm,
    cls: Value,
    encoding: &str,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> Raised {
    let e = new_str(vm, encoding);
    let s = crate::types::int::new_i64(vm, start as i64);
    let en = crate::types::int::new_i64(vm, end as i64);
    let r = new_str(vm, reason);
    match crate::ops::call::call(vm, cls, &[e, object, s, en, r]) {
        Ok(exc) => vm.raise(exc),
        Err(r) => r,
    }
}

/// `TypeError` "argument N must be W, not T" unless `ok`.
fn check_arg(vm: &mut Vm, ok: bool, n: usize, what: &str, v: Value) -> PyResult<()> {
    if ok {
        return Ok(());
    }
    let t = type_name(vm, v).to_string();
    Err(vm.type_error(format!("argument {n} must be {what}, not {t}")))
}

fn init(vm: &mut Vm, args: Args<'_>, dir: Dir) -> PyResult {
    super::exc_init(
        vm,
        Args {
            pos: args.pos,
            kw: args.kw,
            kwnames: args.kwnames,
        },
    )?;
    let given = args.pos.len().saturating_sub(1);
    if given != 5 {
        return Err(vm.type_error(format!(
            "function takes exactly 5 arguments ({given} given)"
        )));
    }
    let (enc, obj, start, end, reason) = (
        args.pos[1],
        args.pos[2],
        args.pos[3],
        args.pos[4],
        args.pos[5],
    );
    check_arg(vm, as_str(enc).is_some(), 1, "str", enc)?;
    match dir {
        Dir::Encode => check_arg(vm, as_str(obj).is_some(), 2, "str", obj)?,
        Dir::Decode => {
            if crate::types::bytes::bytes_like(obj).is_none() {
                let t = type_name(vm, obj).to_string();
                return Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")));
            }
        }
    }
    for v in [start, end] {
        if !crate::types::int::is_int(v) {
            let t = type_name(vm, v).to_string();
            return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
        }
    }
    check_arg(vm, as_str(reason).is_some(), 5, "str", reason)?;
    let e = args.pos[0];
    for (name, v) in [
        ("encoding", enc),
        ("object", obj),
        ("start", start),
        ("end", end),
        ("reason", reason),
    ] {
        set_field(vm, e, name, v)?;
    }
    Ok(vm.none)
}

fn encode_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    init(vm, args, Dir::Encode)
}

fn decode_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    init(vm, args, Dir::Decode)
}

/// `'\xe9'`, `'\u20ac'` or `'\U0001f600'`: how CPython's messages quote a character.
fn quoted(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("'\\x{n:02x}'")
    } else if n < 0x10000 {
        format!("'\\u{n:04x}'")
    } else {
        format!("'\\U{n:08x}'")
    }
}

fn message(vm: &mut Vm, e: Value, dir: Dir) -> PyResult<Option<String>> {
    let mut vals = Vec::new();
    for name in ["encoding", "object", "start", "end", "reason"] {
        match field(vm, e, name)? {
            Some(v) => vals.push(v),
            None => return Ok(None),
        }
    }
    let enc = crate::ops::convert::str_string(vm, vals[0])?;
    let reason = crate::ops::convert::str_string(vm, vals[4])?;
    let start = crate::types::int::as_i64(vals[2]).unwrap_or(0).max(0) as usize;
    let end = crate::types::int::as_i64(vals[3]).unwrap_or(0).max(0) as usize;
    let at = match dir {
        Dir::Decode => {
            let data = crate::types::bytes::bytes_like(vals[1]).unwrap_or(&[]);
            match data.get(start) {
                Some(b) if end == start + 1 => format!("byte 0x{b:02x} in position {start}"),
                _ => format!("bytes in position {start}-{}", end.saturating_sub(1)),
            }
        }
        Dir::Encode => {
            let c = as_str(vals[1]).and_then(|s| s.chars().nth(start));
            match c {
                Some(c) if end == start + 1 => {
                    format!("character {} in position {start}", quoted(c))
                }
                _ => format!("characters in position {start}-{}", end.saturating_sub(1)),
            }
        }
    };
    let verb = match dir {
        Dir::Encode => "encode",
        Dir::Decode => "decode",
    };
    Ok(Some(format!("'{enc}' codec can't {verb} {at}: {reason}")))
}

fn str_of(vm: &mut Vm, args: Args<'_>, dir: Dir) -> PyResult {
    match message(vm, args.pos[0], dir)? {
        Some(m) => Ok(new_str(vm, &m)),
        None => super::exc_str(vm, args),
    }
}

fn encode_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    str_of(vm, args, Dir::Encode)
}

fn decode_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    str_of(vm, args, Dir::Decode)
}

macro_rules! unicode_field {
    ($get:ident, $set:ident, $name:literal) => {
        fn $get(vm: &mut Vm, args: Args<'_>) -> PyResult {
            Ok(field(vm, args.pos[0], $name)?.unwrap_or(vm.none))
        }
        fn $set(vm: &mut Vm, args: Args<'_>) -> PyResult {
            set_field(vm, args.pos[0], $name, args.pos[1])?;
            Ok(vm.none)
        }
    };
}
unicode_field!(get_encoding, set_encoding, "encoding");
unicode_field!(get_object, set_object, "object");
unicode_field!(get_start, set_start, "start");
unicode_field!(get_end, set_end, "end");
unicode_field!(get_reason, set_reason, "reason");

/// Registers the constructors, fields and messages.
pub(crate) fn init_classes(vm: &mut Vm) {
    let (enc, dec) = (vm.cls.unicode_encode_error, vm.cls.unicode_decode_error);
    vm.add_methods(enc, &[("__init__", encode_init), ("__str__", encode_str)]);
    vm.add_methods(dec, &[("__init__", decode_init), ("__str__", decode_str)]);
    for cls in [enc, dec] {
        for (name, get, set) in [
            (
                "encoding",
                get_encoding as crate::vm::NativeFn,
                set_encoding as crate::vm::NativeFn,
            ),
            ("object", get_object, set_object),
            ("start", get_start, set_start),
            ("end", get_end, set_end),
            ("reason", get_reason, set_reason),
        ] {
            vm.add_getset(cls, name, get, Some(set));
        }
    }
}
