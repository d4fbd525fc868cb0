//! `io.StringIO` and `io.BytesIO`: in-memory streams over a buffer of characters or bytes
//! with a position, CPython's newline handling for `StringIO`, and its error messages.

use super::base;
use crate::common::{self, boxed_state};
use pyrs_interp::ops::convert;
use pyrs_interp::types::bytes::{bytes_like, new_bytes};
use pyrs_interp::types::int::new_i64;
use pyrs_interp::types::str::{as_str, new_str};
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};

const STRINGIO: &str = "_io.StringIO";
const BYTESIO: &str = "_io.BytesIO";

/// How a `StringIO` translates newlines (its `newline` argument).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Newline {
    /// None: `\r\n` and `\r` written become `\n`.
    Universal,
    /// `''`: kept; lines end at `\r`, `\n` or `\r\n`.
    Any,
    /// `'\n'`, `'\r'` or `'\r\n'`: `\n` written becomes it; lines end at it.
    Fixed(&'static str),
}

/// A stream's buffer: characters (StringIO) or bytes (BytesIO).
struct Memory<T> {
    buf: Vec<T>,
    pos: usize,
    closed: bool,
}

impl<T: Copy + Default> Memory<T> {
    fn write(&mut self, data: &[T]) {
        if self.pos > self.buf.len() {
            self.buf.resize(self.pos, T::default());
        }
        let end = self.pos + data.len();
        if end > self.buf.len() {
            self.buf.resize(end, T::default());
        }
        self.buf[self.pos..end].copy_from_slice(data);
        self.pos = end;
    }

    /// The next `n` items (all when negative).
    fn read(&mut self, n: i64) -> Vec<T> {
        let start = self.pos.min(self.buf.len());
        let end = if n < 0 {
            self.buf.len()
        } else {
            (start + n as usize).min(self.buf.len())
        };
        self.pos = end.max(self.pos);
        self.buf[start..end].to_vec()
    }
}

struct StringIo {
    mem: Memory<char>,
    newline: Newline,
}
boxed_state!(StringIo {}, weakref: true);

struct BytesIo {
    mem: Memory<u8>,
}
boxed_state!(BytesIo {}, weakref: true);

fn sio<'a>(vm: &mut Vm, args: &Args<'_>, m: &str) -> PyResult<&'a mut StringIo> {
    let s = common::this::<StringIo>(vm, args, m, STRINGIO)?;
    if s.mem.closed {
        return Err(vm.value_error("I/O operation on closed file"));
    }
    Ok(s)
}

fn bio<'a>(vm: &mut Vm, args: &Args<'_>, m: &str) -> PyResult<&'a mut BytesIo> {
    let s = common::this::<BytesIo>(vm, args, m, BYTESIO)?;
    if s.mem.closed {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(s)
}

/// The optional size argument of `read`/`readline` (None or negative: everything).
fn size_arg(vm: &mut Vm, args: &Args<'_>, m: &str) -> PyResult<i64> {
    let pos = common::positional(vm, args, m, 1, 0, 1)?;
    match pos.first() {
        Some(&v) if v != vm.none => {
            let n = vm.names.__index__;
            if !pyrs_interp::types::int::is_int(v)
                && pyrs_interp::ops::lookup_special(vm, v, n).is_null()
            {
                let t = common::type_name(vm, v);
                return Err(vm.type_error(format!("argument should be integer or None, not '{t}'")));
            }
            convert::index_isize(vm, v)
        }
        _ => Ok(-1),
    }
}

// --- StringIO ---

fn parse_newline(vm: &mut Vm, v: Option<Value>) -> PyResult<Newline> {
    let Some(v) = v else {
        return Ok(Newline::Fixed("\n"));
    };
    if v == vm.none {
        return Ok(Newline::Universal);
    }
    let Some(s) = as_str(v) else {
        let t = common::type_name(vm, v);
        return Err(vm.type_error(format!("newline must be str or None, not {t}")));
    };
    Ok(match s {
        "" => Newline::Any,
        "\n" => Newline::Fixed("\n"),
        "\r" => Newline::Fixed("\r"),
        "\r\n" => Newline::Fixed("\r\n"),
        _ => {
            let r = convert::repr_string(vm, v)?;
            return Err(vm.value_error(format!("illegal newline value: {r}")));
        }
    })
}

/// Text as a `StringIO` stores it after newline translation.
fn translate(s: &str, newline: Newline) -> Vec<char> {
    match newline {
        Newline::Universal => s
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .collect(),
        Newline::Fixed(nl) if nl != "\n" => s.replace('\n', nl).chars().collect(),
        _ => s.chars().collect(),
    }
}

fn sio_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = common::type_of(vm, STRINGIO)?;
    let cls = common::new_cls(vm, &args, base)?;
    let st = StringIo {
        mem: Memory {
            buf: Vec::new(),
            pos: 0,
            closed: false,
        },
        newline: Newline::Fixed("\n"),
    };
    Ok(common::alloc_with_dict(vm, cls, base, st))
}

fn sio_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(
        vm,
        &args,
        1,
        "StringIO",
        &["initial_value", "newline"],
        0,
        2,
    )?;
    let newline = parse_newline(vm, a[1])?;
    let init = match a[0] {
        Some(v) if v != vm.none => match as_str(v) {
            Some(s) => s.to_string(),
            None => {
                let t = common::type_name(vm, v);
                return Err(vm.type_error(format!("initial_value must be str or None, not {t}")));
            }
        },
        _ => String::new(),
    };
    let s = common::this::<StringIo>(vm, &args, "__init__", STRINGIO)?;
    s.newline = newline;
    s.mem = Memory {
        buf: translate(&init, newline),
        pos: 0,
        closed: false,
    };
    Ok(vm.none)
}

fn sio_write(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "write", 1, 1, 1)?;
    let Some(text) = as_str(pos[0]).map(|s| s.to_string()) else {
        let t = common::type_name(vm, pos[0]);
        return Err(vm.type_error(format!("string argument expected, got '{t}'")));
    };
    let s = sio(vm, &args, "write")?;
    let chars = translate(&text, s.newline);
    s.mem.write(&chars);
    Ok(new_i64(vm, text.chars().count() as i64))
}

fn sio_read(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = size_arg(vm, &args, "read")?;
    let s = sio(vm, &args, "read")?;
    let out: String = s.mem.read(n).into_iter().collect();
    Ok(new_str(vm, &out))
}

/// The end of the line starting at `from` (exclusive), at most `limit` characters on.
fn line_end(buf: &[char], from: usize, newline: Newline, limit: i64) -> usize {
    let stop = if limit < 0 {
        buf.len()
    } else {
        (from + limit as usize).min(buf.len())
    };
    let mut i = from;
    while i < stop {
        let c = buf[i];
        match newline {
            Newline::Any => {
                if c == '\n' {
                    return i + 1;
                }
                if c == '\r' {
                    return if i + 1 < stop && buf[i + 1] == '\n' {
                        i + 2
                    } else {
                        i + 1
                    };
                }
            }
            Newline::Fixed(nl) if nl != "\n" => {
                let nl: Vec<char> = nl.chars().collect();
                if buf[i..].starts_with(&nl) && i + nl.len() <= stop {
                    return i + nl.len();
                }
            }
            _ => {
                if c == '\n' {
                    return i + 1;
                }
            }
        }
        i += 1;
    }
    stop
}

fn sio_readline(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = size_arg(vm, &args, "readline")?;
    let s = sio(vm, &args, "readline")?;
    let start = s.mem.pos.min(s.mem.buf.len());
    let end = line_end(&s.mem.buf, start, s.newline, n);
    let out: String = s.mem.buf[start..end].iter().collect();
    s.mem.pos = end.max(s.mem.pos);
    Ok(new_str(vm, &out))
}

fn sio_getvalue(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = sio(vm, &args, "getvalue")?;
    let out: String = s.mem.buf.iter().collect();
    Ok(new_str(vm, &out))
}

fn sio_seek(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "seek", 1, 1, 2)?;
    let off = convert::index_isize(vm, pos[0])?;
    let whence = match pos.get(1) {
        Some(&w) => convert::index_isize(vm, w)?,
        None => 0,
    };
    let s = sio(vm, &args, "seek")?;
    match whence {
        0 => {
            if off < 0 {
                return Err(vm.value_error(format!("Negative seek position {off}")));
            }
            s.mem.pos = off as usize;
        }
        1 | 2 => {
            if off != 0 {
                return Err(base::unsupported(vm, "Can't do nonzero cur-relative seeks"));
            }
            if whence == 2 {
                s.mem.pos = s.mem.buf.len();
            }
        }
        _ => return Err(vm.value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)"))),
    }
    let p = s.mem.pos;
    Ok(new_i64(vm, p as i64))
}

fn sio_tell(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = sio(vm, &args, "tell")?.mem.pos;
    Ok(new_i64(vm, p as i64))
}

fn truncate_arg(vm: &mut Vm, args: &Args<'_>, cur: usize) -> PyResult<usize> {
    let pos = common::positional(vm, args, "truncate", 1, 0, 1)?;
    match pos.first() {
        Some(&v) if v != vm.none => {
            let n = convert::index_isize(vm, v)?;
            if n < 0 {
                return Err(vm.value_error(format!("Negative size value {n}")));
            }
            Ok(n as usize)
        }
        _ => Ok(cur),
    }
}

fn sio_truncate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cur = sio(vm, &args, "truncate")?.mem.pos;
    let n = truncate_arg(vm, &args, cur)?;
    let s = sio(vm, &args, "truncate")?;
    s.mem.buf.truncate(n);
    Ok(new_i64(vm, n as i64))
}

fn sio_close(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::this::<StringIo>(vm, &args, "close", STRINGIO)?
        .mem
        .closed = true;
    Ok(vm.none)
}

fn sio_closed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = common::this::<StringIo>(vm, &args, "closed", STRINGIO)?
        .mem
        .closed;
    Ok(vm.bool(c))
}

fn sio_true(vm: &mut Vm, args: Args<'_>) -> PyResult {
    sio(vm, &args, "readable")?;
    Ok(vm.true_)
}

fn sio_newlines(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::this::<StringIo>(vm, &args, "newlines", STRINGIO)?;
    Ok(vm.none)
}

fn sio_line_buffering(vm: &mut Vm, args: Args<'_>) -> PyResult {
    sio(vm, &args, "line_buffering")?;
    Ok(vm.false_)
}

fn sio_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let line = sio_readline(vm, Args::positional(&args.pos[..1]))?;
    if as_str(line).is_some_and(|s| s.is_empty()) {
        return Err(common::stop(vm));
    }
    Ok(line)
}

fn none_attr(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(vm.none)
}

const SIO_METHODS: &[(&str, NativeFn)] = &[
    ("__init__", sio_init),
    ("write", sio_write),
    ("read", sio_read),
    ("readline", sio_readline),
    ("getvalue", sio_getvalue),
    ("seek", sio_seek),
    ("tell", sio_tell),
    ("truncate", sio_truncate),
    ("close", sio_close),
    ("readable", sio_true),
    ("writable", sio_true),
    ("seekable", sio_true),
    ("__next__", sio_next),
];

// --- BytesIO ---

fn bio_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = common::type_of(vm, BYTESIO)?;
    let cls = common::new_cls(vm, &args, base)?;
    let st = BytesIo {
        mem: Memory {
            buf: Vec::new(),
            pos: 0,
            closed: false,
        },
    };
    Ok(common::alloc_with_dict(vm, cls, base, st))
}

fn bytes_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match bytes_like(v) {
        Some(b) => Ok(b.to_vec()),
        None => {
            let t = common::type_name(vm, v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

fn bio_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(vm, &args, 1, "BytesIO", &["initial_bytes"], 0, 1)?;
    let init = match a[0] {
        Some(v) if v != vm.none => bytes_arg(vm, v)?,
        _ => Vec::new(),
    };
    let s = common::this::<BytesIo>(vm, &args, "__init__", BYTESIO)?;
    s.mem = Memory {
        buf: init,
        pos: 0,
        closed: false,
    };
    Ok(vm.none)
}

fn bio_write(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "write", 1, 1, 1)?;
    let data = bytes_arg(vm, pos[0])?;
    bio(vm, &args, "write")?.mem.write(&data);
    Ok(new_i64(vm, data.len() as i64))
}

fn bio_read(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = size_arg(vm, &args, "read")?;
    let out = bio(vm, &args, "read")?.mem.read(n);
    Ok(new_bytes(vm, &out))
}

fn bio_readline(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = size_arg(vm, &args, "readline")?;
    let s = bio(vm, &args, "readline")?;
    let start = s.mem.pos.min(s.mem.buf.len());
    let stop = if n < 0 {
        s.mem.buf.len()
    } else {
        (start + n as usize).min(s.mem.buf.len())
    };
    let end = s.mem.buf[start..stop]
        .iter()
        .position(|&b| b == b'\n')
        .map(|i| start + i + 1)
        .unwrap_or(stop);
    let out = s.mem.buf[start..end].to_vec();
    s.mem.pos = end.max(s.mem.pos);
    Ok(new_bytes(vm, &out))
}

fn bio_getvalue(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let out = bio(vm, &args, "getvalue")?.mem.buf.clone();
    Ok(new_bytes(vm, &out))
}

fn bio_seek(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "seek", 1, 1, 2)?;
    let off = convert::index_isize(vm, pos[0])?;
    let whence = match pos.get(1) {
        Some(&w) => convert::index_isize(vm, w)?,
        None => 0,
    };
    let s = bio(vm, &args, "seek")?;
    let new = match whence {
        0 => {
            if off < 0 {
                return Err(vm.value_error(format!("negative seek value {off}")));
            }
            off
        }
        1 => (s.mem.pos as i64 + off).max(0),
        2 => (s.mem.buf.len() as i64 + off).max(0),
        _ => return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    s.mem.pos = new as usize;
    Ok(new_i64(vm, new))
}

fn bio_tell(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = bio(vm, &args, "tell")?.mem.pos;
    Ok(new_i64(vm, p as i64))
}

fn bio_truncate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cur = bio(vm, &args, "truncate")?.mem.pos;
    let n = truncate_arg(vm, &args, cur)?;
    bio(vm, &args, "truncate")?.mem.buf.truncate(n);
    Ok(new_i64(vm, n as i64))
}

fn bio_close(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::this::<BytesIo>(vm, &args, "close", BYTESIO)?
        .mem
        .closed = true;
    Ok(vm.none)
}

fn bio_closed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = common::this::<BytesIo>(vm, &args, "closed", BYTESIO)?
        .mem
        .closed;
    Ok(vm.bool(c))
}

fn bio_true(vm: &mut Vm, args: Args<'_>) -> PyResult {
    bio(vm, &args, "readable")?;
    Ok(vm.true_)
}

fn bio_flush(vm: &mut Vm, args: Args<'_>) -> PyResult {
    bio(vm, &args, "flush")?;
    Ok(vm.none)
}

fn bio_readinto(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "readinto", 1, 1, 1)?;
    let Some(buf) = pyrs_interp::types::bytes::as_bytearray(pos[0]) else {
        return Err(vm.not_implemented("readinto() into anything but a bytearray"));
    };
    let want = buf.len();
    let data = bio(vm, &args, "readinto")?.mem.read(want as i64);
    if let Some(buf) = pyrs_interp::types::bytes::as_bytearray(pos[0]) {
        buf[..data.len()].copy_from_slice(&data);
    }
    Ok(new_i64(vm, data.len() as i64))
}

fn bio_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let line = bio_readline(vm, Args::positional(&args.pos[..1]))?;
    if bytes_like(line).is_some_and(|b| b.is_empty()) {
        return Err(common::stop(vm));
    }
    Ok(line)
}

const BIO_METHODS: &[(&str, NativeFn)] = &[
    ("__init__", bio_init),
    ("write", bio_write),
    ("read", bio_read),
    ("read1", bio_read),
    ("readline", bio_readline),
    ("readinto", bio_readinto),
    ("getvalue", bio_getvalue),
    ("seek", bio_seek),
    ("tell", bio_tell),
    ("truncate", bio_truncate),
    ("close", bio_close),
    ("flush", bio_flush),
    ("readable", bio_true),
    ("writable", bio_true),
    ("seekable", bio_true),
    ("__next__", bio_next),
];

/// Creates `StringIO` and `BytesIO`; returns them.
pub(super) fn init(vm: &mut Vm) -> PyResult<(Value, Value)> {
    let text_base = common::type_of(vm, "_io._TextIOBase")?;
    let s = common::new_type(vm, STRINGIO, Some(text_base), true);
    common::allow_dict(s);
    vm.add_staticmethod(s, "__new__", sio_new);
    vm.add_methods(s, SIO_METHODS);
    vm.add_getset(s, "closed", sio_closed, None);
    vm.add_getset(s, "newlines", sio_newlines, None);
    vm.add_getset(s, "line_buffering", sio_line_buffering, None);
    vm.add_getset(s, "encoding", none_attr, None);
    vm.add_getset(s, "errors", none_attr, None);
    let buffered = common::type_of(vm, "_io._BufferedIOBase")?;
    let b = common::new_type(vm, BYTESIO, Some(buffered), true);
    common::allow_dict(b);
    vm.add_staticmethod(b, "__new__", bio_new);
    vm.add_methods(b, BIO_METHODS);
    vm.add_getset(b, "closed", bio_closed, None);
    Ok((s, b))
}
