//! The `_sre` module: the regular-expression engine under `re`. `re._compiler` turns a
//! pattern into SRE code (CPython 3.11's opcodes, `MAGIC` 20220615); `_sre.compile` wraps
//! that code in a `re.Pattern`, whose methods run [`engine`] over the subject.

mod chars;
mod engine;
mod matchobj;
mod pattern;

use crate::common;
use engine::{Abort, Found, Request};
use pyrs_interp::ops::convert;
use pyrs_interp::types::bytes::{bytes_like, new_bytes};
use pyrs_interp::types::int::new_i64;
use pyrs_interp::types::str::{as_str, new_str};
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};

/// The code version `re._compiler` checks.
const MAGIC: i64 = 20220615;
/// The largest group count.
const MAXGROUPS: i64 = 1_073_741_823;
/// Nesting allowed on the interpreter's own stack before retrying on a big one.
const SHALLOW_DEPTH: usize = 3_000;
/// Nesting allowed on the big stack.
const DEEP_DEPTH: usize = 2_000_000;
/// The big stack's size.
const DEEP_STACK: usize = 1 << 30;

/// A subject as the engine sees it: code points of a str or bytes of a bytes-like object.
pub(crate) struct Subject {
    /// The characters.
    pub text: Vec<u32>,
    /// Whether it is bytes-like.
    pub bytes: bool,
}

/// Converts `v` to a subject; `TypeError` unless it is str or bytes-like, or if its kind
/// does not match the pattern's.
pub(crate) fn subject(vm: &mut Vm, v: Value, pattern_bytes: Option<bool>) -> PyResult<Subject> {
    let s = if let Some(s) = as_str(v) {
        Subject {
            text: s.chars().map(|c| c as u32).collect(),
            bytes: false,
        }
    } else if let Some(b) = bytes_like(v) {
        Subject {
            text: b.iter().map(|&c| c as u32).collect(),
            bytes: true,
        }
    } else {
        let t = common::type_name(vm, v);
        return Err(vm.type_error(format!("expected string or bytes-like object, got '{t}'")));
    };
    match pattern_bytes {
        Some(false) if s.bytes => {
            Err(vm.type_error("cannot use a string pattern on a bytes-like object"))
        }
        Some(true) if !s.bytes => {
            Err(vm.type_error("cannot use a bytes pattern on a string-like object"))
        }
        _ => Ok(s),
    }
}

/// `subject[start:end]` as a new str or bytes.
pub(crate) fn slice(vm: &mut Vm, text: &[u32], bytes: bool, start: usize, end: usize) -> Value {
    let part = &text[start.min(text.len())..end.min(text.len()).max(start.min(text.len()))];
    if bytes {
        let b: Vec<u8> = part.iter().map(|&c| c as u8).collect();
        new_bytes(vm, &b)
    } else {
        let s: String = part.iter().filter_map(|&c| char::from_u32(c)).collect();
        new_str(vm, &s)
    }
}

/// Runs a match or search, on a big stack if the pattern nests too deeply for ours.
pub(crate) fn run(vm: &mut Vm, req: Request<'_>, search: bool) -> PyResult<Option<Found>> {
    let go = |r: Request<'_>| {
        if search {
            engine::search(r)
        } else {
            engine::match_here(r)
        }
    };
    match go(Request {
        depth_limit: SHALLOW_DEPTH,
        ..req
    }) {
        Ok(f) => return Ok(f),
        Err(Abort::TooDeep) => {}
    }
    let code = req.code.to_vec();
    let text = req.text.to_vec();
    let (pos, end, groups, match_all, must_advance) = (
        req.pos,
        req.end,
        req.groups,
        req.match_all,
        req.must_advance,
    );
    let worker = std::thread::Builder::new()
        .stack_size(DEEP_STACK)
        .spawn(move || {
            let r = Request {
                code: &code,
                text: &text,
                pos,
                end,
                groups,
                match_all,
                must_advance,
                depth_limit: DEEP_DEPTH,
            };
            if search {
                engine::search(r)
            } else {
                engine::match_here(r)
            }
        });
    let outcome = match worker {
        Ok(h) => h.join().ok(),
        Err(_) => None,
    };
    match outcome {
        Some(Ok(f)) => Ok(f),
        _ => {
            let c = vm.cls.recursion_error;
            Err(vm.raise_new(c, "maximum recursion limit exceeded"))
        }
    }
}

/// A code-point argument of the case helpers.
fn char_arg(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<u32> {
    let pos = common::positional(vm, args, name, 0, 1, 1)?;
    let c = convert::index_isize(vm, pos[0])?;
    Ok(c.clamp(0, u32::MAX as i64) as u32)
}

fn ascii_iscased(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = char_arg(vm, &args, "ascii_iscased")?;
    Ok(vm.bool(chars::ascii_iscased(c)))
}

fn unicode_iscased(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = char_arg(vm, &args, "unicode_iscased")?;
    Ok(vm.bool(chars::unicode_iscased(c)))
}

fn ascii_tolower(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = char_arg(vm, &args, "ascii_tolower")?;
    Ok(new_i64(vm, chars::lower_ascii(c) as i64))
}

fn unicode_tolower(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = char_arg(vm, &args, "unicode_tolower")?;
    Ok(new_i64(vm, chars::lower_unicode(c) as i64))
}

fn getcodesize(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::positional(vm, &args, "getcodesize", 0, 0, 0)?;
    Ok(Value::from_usize(4))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("compile", pattern::compile),
    ("getcodesize", getcodesize),
    ("ascii_iscased", ascii_iscased),
    ("unicode_iscased", unicode_iscased),
    ("ascii_tolower", ascii_tolower),
    ("unicode_tolower", unicode_tolower),
];

/// Creates the `_sre` module.
pub fn init(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("_sre");
    pattern::init_types(vm);
    matchobj::init_type(vm);
    vm.module_add_functions(m, FUNCTIONS);
    for (name, v) in [
        ("MAGIC", MAGIC),
        ("CODESIZE", 4),
        ("MAXREPEAT", engine::MAXREPEAT as i64),
        ("MAXGROUPS", MAXGROUPS),
    ] {
        let v = new_i64(vm, v);
        vm.module_set(m, name, v);
    }
    Ok(m)
}
