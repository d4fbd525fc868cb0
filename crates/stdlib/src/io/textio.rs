//! `io.TextIOWrapper`: a text stream over any binary buffer object (`BytesIO`, a binary
//! file, a Python object with `read`/`write`), decoding and encoding with the
//! interpreter's codecs and translating newlines as CPython does.

use super::base;
use crate::common::{self, boxed_state};
use pyrs_interp::ops::{self, convert};
use pyrs_interp::types::bytes::{bytes_like, new_bytes};
use pyrs_interp::types::int::new_i64;
use pyrs_interp::types::str::codec;
use pyrs_interp::types::str::{as_str, new_str};
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};

const TNAME: &str = "_io.TextIOWrapper";
/// Bytes asked of the buffer per read.
const CHUNK: i64 = 8192;

/// Newline handling (the `newline` argument).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Newline {
    /// None: any line ending reads as `\n`.
    Universal,
    /// `''`: line endings kept; lines end at any of them.
    Any,
    /// `'\n'`, `'\r'` or `'\r\n'`: lines end at it; `\n` is written as it.
    Fixed(&'static str),
}

struct Wrapper {
    buffer: Value,
    encoding: String,
    errors: String,
    newline: Newline,
    line_buffering: bool,
    /// Decoded text not yet returned.
    pending: Vec<char>,
    /// Bytes read but not decoded yet (an unfinished sequence).
    undecoded: Vec<u8>,
    /// A `\r` held back (universal newlines) until the next chunk says if `\n` follows.
    held_cr: bool,
    eof: bool,
    detached: bool,
}
boxed_state!(Wrapper { buffer }, weakref: true);

fn this<'a>(vm: &mut Vm, args: &Args<'_>, m: &str) -> PyResult<&'a mut Wrapper> {
    let w = common::this::<Wrapper>(vm, args, m, TNAME)?;
    if w.detached {
        return Err(vm.value_error("underlying buffer has been detached"));
    }
    Ok(w)
}

/// The codec name pyrs uses for `encoding` (`locale` is UTF-8).
fn codec_name(encoding: &str) -> &str {
    if encoding.eq_ignore_ascii_case("locale") {
        "utf-8"
    } else {
        encoding
    }
}

fn new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = common::type_of(vm, TNAME)?;
    let cls = common::new_cls(vm, &args, base)?;
    let a = common::parse(
        vm,
        &args,
        1,
        "TextIOWrapper",
        &[
            "buffer",
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        1,
        6,
    )?;
    let none = vm.none;
    let opt_str = |vm: &mut Vm, v: Option<Value>, what: &str| -> PyResult<Option<String>> {
        match v {
            Some(v) if v != vm.none => match as_str(v) {
                Some(s) => Ok(Some(s.to_string())),
                None => {
                    let t = common::type_name(vm, v);
                    Err(vm.type_error(format!(
                        "TextIOWrapper() argument '{what}' must be str or None, not {t}"
                    )))
                }
            },
            _ => Ok(None),
        }
    };
    let encoding = opt_str(vm, a[1], "encoding")?.unwrap_or_else(|| "UTF-8".to_string());
    let errors = opt_str(vm, a[2], "errors")?.unwrap_or_else(|| "strict".to_string());
    codec::encode(vm, "", codec_name(&encoding), "strict")?;
    let newline = match a[3] {
        None => Newline::Universal,
        Some(v) if v == none => Newline::Universal,
        Some(v) => match as_str(v) {
            Some("") => Newline::Any,
            Some("\n") => Newline::Fixed("\n"),
            Some("\r") => Newline::Fixed("\r"),
            Some("\r\n") => Newline::Fixed("\r\n"),
            Some(_) => {
                let r = convert::repr_string(vm, v)?;
                return Err(vm.value_error(format!("illegal newline value: {r}")));
            }
            None => {
                let t = common::type_name(vm, v);
                return Err(vm.type_error(format!(
                    "TextIOWrapper() argument 'newline' must be str or None, not {t}"
                )));
            }
        },
    };
    let line_buffering = match a[4] {
        Some(v) => convert::truthy(vm, v)?,
        None => false,
    };
    let st = Wrapper {
        buffer: a[0].unwrap_or(none),
        encoding,
        errors,
        newline,
        line_buffering,
        pending: Vec::new(),
        undecoded: Vec::new(),
        held_cr: false,
        eof: false,
        detached: false,
    };
    Ok(common::alloc_with_dict(vm, cls, base, st))
}

/// Applies universal-newline translation to freshly decoded `text`.
fn translate_read(w: &mut Wrapper, text: &str, final_: bool) -> Vec<char> {
    if w.newline != Newline::Universal {
        return text.chars().collect();
    }
    let mut out = Vec::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    if w.held_cr {
        w.held_cr = false;
        out.push('\n');
        if chars.peek() == Some(&'\n') {
            chars.next();
        }
    }
    while let Some(c) = chars.next() {
        if c == '\r' {
            match chars.peek() {
                Some('\n') => {
                    chars.next();
                    out.push('\n');
                }
                Some(_) => out.push('\n'),
                None if final_ => out.push('\n'),
                None => w.held_cr = true,
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Reads one chunk (or everything, `size < 0`) from the buffer into `pending`; false at
/// the end of the stream.
fn fill(vm: &mut Vm, me: Value, size: i64) -> PyResult<bool> {
    let Some(w) = common_state(me) else {
        return Ok(false);
    };
    if w.eof {
        return Ok(false);
    }
    let buffer = w.buffer;
    let n = new_i64(vm, size);
    let method = if size >= 0 {
        let read1 = vm.intern("read1");
        if ops::attr::getattr_opt(vm, buffer, read1)?.is_some() {
            "read1"
        } else {
            "read"
        }
    } else {
        "read"
    };
    let chunk = if size >= 0 {
        ops::call::call_method(vm, buffer, method, &[n])?
    } else {
        ops::call::call_method(vm, buffer, "read", &[])?
    };
    let data = match bytes_like(chunk) {
        Some(d) => d.to_vec(),
        None if chunk == vm.none => Vec::new(),
        None => {
            let t = common::type_name(vm, chunk);
            return Err(vm.type_error(format!(
                "underlying {method}() should have returned a bytes-like object, not '{t}'"
            )));
        }
    };
    let Some(w) = common_state(me) else {
        return Ok(false);
    };
    let at_end = data.is_empty() || size < 0;
    let mut all = std::mem::take(&mut w.undecoded);
    all.extend_from_slice(&data);
    let keep = if at_end {
        0
    } else {
        incomplete_tail(&w.encoding, &all)
    };
    let tail = all.split_off(all.len() - keep);
    let (enc, errors) = (w.encoding.clone(), w.errors.clone());
    let text = codec::decode(vm, &all, codec_name(&enc), &errors)?;
    let Some(w) = common_state(me) else {
        return Ok(false);
    };
    w.undecoded = tail;
    let chars = translate_read(w, &text, at_end);
    w.pending.extend(chars);
    if at_end {
        w.eof = true;
    }
    Ok(!data.is_empty())
}

fn common_state<'a>(me: Value) -> Option<&'a mut Wrapper> {
    pyrs_interp::types::boxed::state::<Wrapper>(me)
}

/// How many trailing bytes may start a character the next chunk completes.
fn incomplete_tail(encoding: &str, data: &[u8]) -> usize {
    let e = encoding.to_ascii_lowercase().replace('_', "-");
    if e.starts_with("utf-16") {
        return data.len() % 2;
    }
    if e.starts_with("utf-32") {
        return data.len() % 4;
    }
    if !(e.starts_with("utf-8") || e == "utf8" || e == "locale") {
        return 0;
    }
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

fn read(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "read", 1, 0, 1)?;
    let me = args.pos[0];
    this(vm, &args, "read")?;
    let n = match pos.first() {
        Some(&v) if v != vm.none => convert::index_isize(vm, v)?,
        _ => -1,
    };
    if n < 0 {
        fill(vm, me, -1)?;
        let w = this(vm, &args, "read")?;
        let out: String = std::mem::take(&mut w.pending).into_iter().collect();
        return Ok(new_str(vm, &out));
    }
    while this(vm, &args, "read")?.pending.len() < n as usize {
        if !fill(vm, me, CHUNK)? {
            break;
        }
    }
    let w = this(vm, &args, "read")?;
    let take = (n as usize).min(w.pending.len());
    let out: String = w.pending.drain(..take).collect();
    Ok(new_str(vm, &out))
}

/// Where the first line of `pending` ends (exclusive), if a whole line is there.
fn find_line_end(w: &Wrapper) -> Option<usize> {
    let p = &w.pending;
    match w.newline {
        Newline::Universal | Newline::Fixed("\n") => {
            p.iter().position(|&c| c == '\n').map(|i| i + 1)
        }
        Newline::Any => {
            let i = p.iter().position(|&c| c == '\n' || c == '\r')?;
            if p[i] == '\n' {
                return Some(i + 1);
            }
            match p.get(i + 1) {
                Some('\n') => Some(i + 2),
                Some(_) => Some(i + 1),
                None if w.eof => Some(i + 1),
                None => None,
            }
        }
        Newline::Fixed(nl) => {
            let nl: Vec<char> = nl.chars().collect();
            p.windows(nl.len())
                .position(|win| win == nl.as_slice())
                .map(|i| i + nl.len())
        }
    }
}

fn readline(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "readline", 1, 0, 1)?;
    let me = args.pos[0];
    let limit = match pos.first() {
        Some(&v) if v != vm.none => convert::index_isize(vm, v)?,
        _ => -1,
    };
    loop {
        let w = this(vm, &args, "readline")?;
        let end = find_line_end(w);
        let enough = limit >= 0 && w.pending.len() >= limit as usize;
        if end.is_some() || enough || w.eof {
            let mut take = end.unwrap_or(w.pending.len());
            if limit >= 0 {
                take = take.min(limit as usize);
            }
            let out: String = w.pending.drain(..take).collect();
            return Ok(new_str(vm, &out));
        }
        fill(vm, me, CHUNK)?;
    }
}

fn next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let line = readline(vm, Args::positional(&args.pos[..1]))?;
    if as_str(line).is_some_and(|s| s.is_empty()) {
        return Err(common::stop(vm));
    }
    Ok(line)
}

fn write(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "write", 1, 1, 1)?;
    let Some(text) = as_str(pos[0]).map(|s| s.to_string()) else {
        let t = common::type_name(vm, pos[0]);
        return Err(vm.type_error(format!("write() argument must be str, not {t}")));
    };
    let w = this(vm, &args, "write")?;
    let out = match w.newline {
        Newline::Fixed(nl) if nl != "\n" => text.replace('\n', nl),
        _ => text.clone(),
    };
    let (buffer, enc, errors, lb) = (
        w.buffer,
        w.encoding.clone(),
        w.errors.clone(),
        w.line_buffering,
    );
    w.pending.clear();
    w.undecoded.clear();
    let data = codec::encode(vm, &out, codec_name(&enc), &errors)?;
    let b = new_bytes(vm, &data);
    ops::call::call_method(vm, buffer, "write", &[b])?;
    if lb && (text.contains('\n') || text.contains('\r')) {
        ops::call::call_method(vm, buffer, "flush", &[])?;
    }
    Ok(new_i64(vm, text.chars().count() as i64))
}

/// Calls `buffer.<name>()` and returns its result.
fn delegate(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult {
    let buffer = this(vm, args, name)?.buffer;
    ops::call::call_method(vm, buffer, name, &[])
}

fn flush(vm: &mut Vm, args: Args<'_>) -> PyResult {
    delegate(vm, &args, "flush")
}

fn close(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let buffer = this(vm, &args, "close")?.buffer;
    let closed = ops::attr::getattr_str(vm, buffer, "closed")?;
    if convert::truthy(vm, closed)? {
        return Ok(vm.none);
    }
    let r = ops::call::call_method(vm, buffer, "flush", &[]);
    ops::call::call_method(vm, buffer, "close", &[])?;
    r?;
    Ok(vm.none)
}

fn getter(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult {
    let buffer = this(vm, args, name)?.buffer;
    ops::attr::getattr_str(vm, buffer, name)
}

fn closed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    getter(vm, &args, "closed")
}

fn name(vm: &mut Vm, args: Args<'_>) -> PyResult {
    getter(vm, &args, "name")
}

fn fileno(vm: &mut Vm, args: Args<'_>) -> PyResult {
    delegate(vm, &args, "fileno")
}

fn readable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    delegate(vm, &args, "readable")
}

fn writable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    delegate(vm, &args, "writable")
}

fn seekable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    delegate(vm, &args, "seekable")
}

fn isatty(vm: &mut Vm, args: Args<'_>) -> PyResult {
    delegate(vm, &args, "isatty")
}

fn detach(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let buffer = this(vm, &args, "detach")?.buffer;
    ops::call::call_method(vm, buffer, "flush", &[])?;
    if let Some(w) = common_state(args.pos[0]) {
        w.detached = true;
    }
    Ok(buffer)
}

fn tell(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let w = this(vm, &args, "tell")?;
    let (buffer, enc) = (w.buffer, w.encoding.clone());
    let pending: String = w.pending.iter().collect();
    let unread = w.undecoded.len() + usize::from(w.held_cr);
    let pos = ops::call::call_method(vm, buffer, "tell", &[])?;
    let pos = convert::index_isize(vm, pos)?;
    let back = codec::encode(vm, &pending, codec_name(&enc), "strict")?.len() + unread;
    Ok(new_i64(vm, pos - back as i64))
}

fn seek(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "seek", 1, 1, 2)?;
    let whence = match pos.get(1) {
        Some(&w) => convert::index_isize(vm, w)?,
        None => 0,
    };
    let off = convert::index_isize(vm, pos[0])?;
    if whence != 0 && off != 0 {
        let msg = if whence == 1 {
            "can't do nonzero cur-relative seeks"
        } else {
            "can't do nonzero end-relative seeks"
        };
        return Err(base::unsupported(vm, msg));
    }
    if whence == 1 {
        return tell(vm, Args::positional(&args.pos[..1]));
    }
    let w = this(vm, &args, "seek")?;
    let buffer = w.buffer;
    w.pending.clear();
    w.undecoded.clear();
    w.held_cr = false;
    w.eof = false;
    let o = new_i64(vm, off);
    let wh = new_i64(vm, whence);
    ops::call::call_method(vm, buffer, "seek", &[o, wh])
}

fn truncate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "truncate", 1, 0, 1)?;
    let buffer = this(vm, &args, "truncate")?.buffer;
    ops::call::call_method(vm, buffer, "flush", &[])?;
    match pos.first() {
        Some(&p) => ops::call::call_method(vm, buffer, "truncate", &[p]),
        None => ops::call::call_method(vm, buffer, "truncate", &[]),
    }
}

fn encoding(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let e = this(vm, &args, "encoding")?.encoding.clone();
    Ok(new_str(vm, &e))
}

fn errors(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let e = this(vm, &args, "errors")?.errors.clone();
    Ok(new_str(vm, &e))
}

fn line_buffering(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let lb = this(vm, &args, "line_buffering")?.line_buffering;
    Ok(vm.bool(lb))
}

fn buffer(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(this(vm, &args, "buffer")?.buffer)
}

fn newlines(vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(vm, &args, "newlines")?;
    Ok(vm.none)
}

fn repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let w = this(vm, &args, "__repr__")?;
    let (buffer, enc) = (w.buffer, w.encoding.clone());
    let tname = common::type_name(vm, args.pos[0]);
    let mut s = format!("<{tname}");
    for attr in ["name", "mode"] {
        let key = vm.intern(attr);
        let v = if attr == "name" {
            ops::attr::getattr_opt(vm, buffer, key)?
        } else {
            ops::attr::getattr_opt(vm, args.pos[0], key)?
        };
        if let Some(v) = v {
            let r = convert::repr_string(vm, v)?;
            s.push_str(&format!(" {attr}={r}"));
        }
    }
    let ev = new_str(vm, &enc);
    let e = convert::repr_string(vm, ev)?;
    s.push_str(&format!(" encoding={e}>"));
    Ok(new_str(vm, &s))
}

const METHODS: &[(&str, NativeFn)] = &[
    ("read", read),
    ("readline", readline),
    ("__next__", next),
    ("write", write),
    ("flush", flush),
    ("close", close),
    ("fileno", fileno),
    ("readable", readable),
    ("writable", writable),
    ("seekable", seekable),
    ("isatty", isatty),
    ("detach", detach),
    ("tell", tell),
    ("seek", seek),
    ("truncate", truncate),
    ("__repr__", repr),
];

/// Creates `TextIOWrapper`; returns it.
pub(super) fn init(vm: &mut Vm) -> PyResult {
    let text_base = common::type_of(vm, "_io._TextIOBase")?;
    let cls = common::new_type(vm, TNAME, Some(text_base), true);
    common::allow_dict(cls);
    vm.add_staticmethod(cls, "__new__", new);
    vm.add_methods(cls, METHODS);
    for (n, f) in [
        ("closed", closed as NativeFn),
        ("name", name),
        ("encoding", encoding),
        ("errors", errors),
        ("line_buffering", line_buffering),
        ("buffer", buffer),
        ("newlines", newlines),
    ] {
        vm.add_getset(cls, n, f, None);
    }
    Ok(cls)
}
