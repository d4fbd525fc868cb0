//! `_io._IOBase` and its abstract subclasses: the generic stream protocol (closing,
//! context management, line iteration, `readline`/`readlines`/`writelines` on top of
//! `read`/`write`) that `io.IOBase` and Python-level streams inherit.

use crate::common;
use pyrs_interp::ops::{self, call, convert};
use pyrs_interp::types::bytes::bytes_like;
use pyrs_interp::types::list::new_list;
use pyrs_interp::types::str::as_str;
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};

/// The attribute that records a base stream's closed state.
const CLOSED_ATTR: &str = "__IOBase_closed";

/// Raises `io.UnsupportedOperation(what)`.
pub(super) fn unsupported(vm: &mut Vm, what: &str) -> pyrs_interp::Raised {
    match common::type_of(vm, "_io.UnsupportedOperation") {
        Ok(cls) => vm.raise_new(cls, what),
        Err(r) => r,
    }
}

/// Raises `ValueError: I/O operation on closed file.` as the base classes word it.
pub(super) fn closed_error(vm: &mut Vm) -> pyrs_interp::Raised {
    vm.value_error("I/O operation on closed file.")
}

fn is_closed(vm: &mut Vm, me: Value) -> PyResult<bool> {
    let v = ops::attr::getattr_str(vm, me, "closed")?;
    convert::truthy(vm, v)
}

fn check_closed(vm: &mut Vm, me: Value) -> PyResult<()> {
    if is_closed(vm, me)? {
        Err(closed_error(vm))
    } else {
        Ok(())
    }
}

fn me(vm: &mut Vm, args: &Args<'_>) -> PyResult<Value> {
    match args.pos.first() {
        Some(&v) => Ok(v),
        None => Err(vm.type_error("method needs a stream")),
    }
}

fn b_closed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = me(vm, &args)?;
    let n = vm.intern(CLOSED_ATTR);
    let v = ops::attr::getattr_opt(vm, s, n)?;
    let closed = match v {
        Some(v) => convert::truthy(vm, v)?,
        None => false,
    };
    Ok(vm.bool(closed))
}

fn b_close(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = me(vm, &args)?;
    if is_closed(vm, s)? {
        return Ok(vm.none);
    }
    let r = ops::call::call_method(vm, s, "flush", &[]);
    let n = vm.intern(CLOSED_ATTR);
    let t = vm.true_;
    ops::attr::setattr(vm, s, n, t)?;
    r?;
    Ok(vm.none)
}

fn b_flush(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = me(vm, &args)?;
    check_closed(vm, s)?;
    Ok(vm.none)
}

fn b_false(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(vm.false_)
}

fn b_isatty(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = me(vm, &args)?;
    check_closed(vm, s)?;
    Ok(vm.false_)
}

fn b_fileno(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(unsupported(vm, "fileno"))
}

fn b_seek(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(unsupported(vm, "seek"))
}

fn b_truncate(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(unsupported(vm, "truncate"))
}

fn b_tell(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = me(vm, &args)?;
    let zero = Value::from_usize(0);
    let one = Value::from_usize(1);
    ops::call::call_method(vm, s, "seek", &[zero, one])
}

fn b_enter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = me(vm, &args)?;
    check_closed(vm, s)?;
    Ok(s)
}

fn b_exit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = me(vm, &args)?;
    ops::call::call_method(vm, s, "close", &[])?;
    Ok(vm.none)
}

fn b_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = me(vm, &args)?;
    check_closed(vm, s)?;
    Ok(s)
}

fn b_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = me(vm, &args)?;
    let line = ops::call::call_method(vm, s, "readline", &[])?;
    if convert::len(vm, line)? == 0 {
        return Err(common::stop(vm));
    }
    Ok(line)
}

/// `readline(size=-1)` from `read(1)` calls.
fn b_readline(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = me(vm, &args)?;
    let pos = common::positional(vm, &args, "readline", 1, 0, 1)?;
    let limit = match pos.first() {
        Some(&v) if v != vm.none => convert::index_isize(vm, v)?,
        _ => -1,
    };
    let mut text = String::new();
    let mut data: Vec<u8> = Vec::new();
    let mut is_text = None;
    let one = Value::from_usize(1);
    while limit < 0 || (text.chars().count() + data.len()) < limit as usize {
        let b = ops::call::call_method(vm, s, "read", &[one])?;
        if let Some(t) = as_str(b) {
            is_text = Some(true);
            if t.is_empty() {
                break;
            }
            text.push_str(t);
            if t.ends_with('\n') {
                break;
            }
        } else if let Some(d) = bytes_like(b) {
            is_text = Some(false);
            if d.is_empty() {
                break;
            }
            data.extend_from_slice(d);
            if d.ends_with(b"\n") {
                break;
            }
        } else {
            break;
        }
    }
    Ok(if is_text == Some(false) {
        pyrs_interp::types::bytes::new_bytes(vm, &data)
    } else {
        pyrs_interp::types::str::new_str(vm, &text)
    })
}

/// `readlines(hint=-1)`: lines until their total size reaches `hint`.
pub(super) fn b_readlines(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = me(vm, &args)?;
    let pos = common::positional(vm, &args, "readlines", 1, 0, 1)?;
    let hint = match pos.first() {
        Some(&v) if v != vm.none => convert::index_isize(vm, v)?,
        _ => -1,
    };
    let mut out = Vec::new();
    let mut total = 0usize;
    loop {
        let line = ops::call::call_method(vm, s, "readline", &[])?;
        let n = convert::len(vm, line)?;
        if n == 0 {
            break;
        }
        out.push(line);
        total += n;
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    Ok(new_list(vm, out))
}

/// `writelines(lines)`: `write` for each.
pub(super) fn b_writelines(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = me(vm, &args)?;
    let pos = common::positional(vm, &args, "writelines", 1, 1, 1)?;
    check_closed(vm, s)?;
    let it = ops::iter::iter(vm, pos[0])?;
    let write = ops::attr::getattr_str(vm, s, "write")?;
    while let Some(line) = ops::iter::next(vm, it)? {
        call::call(vm, write, &[line])?;
    }
    Ok(vm.none)
}

fn b_check_closed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = me(vm, &args)?;
    check_closed(vm, s)?;
    Ok(vm.none)
}

/// `_checkReadable` & co: `UnsupportedOperation` unless the stream says it can.
fn check_ability(vm: &mut Vm, args: &Args<'_>, ability: &str, msg: &str) -> PyResult {
    let s = me(vm, args)?;
    let r = ops::call::call_method(vm, s, ability, &[])?;
    if convert::truthy(vm, r)? {
        Ok(vm.none)
    } else {
        Err(unsupported(vm, msg))
    }
}

fn b_check_readable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    check_ability(vm, &args, "readable", "File or stream is not readable.")
}

fn b_check_writable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    check_ability(vm, &args, "writable", "File or stream is not writable.")
}

fn b_check_seekable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    check_ability(vm, &args, "seekable", "File or stream is not seekable.")
}

fn raw_read(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = me(vm, &args)?;
    let pos = common::positional(vm, &args, "read", 1, 0, 1)?;
    let n = match pos.first() {
        Some(&v) if v != vm.none => convert::index_isize(vm, v)?,
        _ => -1,
    };
    if n < 0 {
        return ops::call::call_method(vm, s, "readall", &[]);
    }
    Err(vm.not_implemented("_io._RawIOBase.read without readinto"))
}

fn detach(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(unsupported(vm, "detach"))
}

const BASE_METHODS: &[(&str, NativeFn)] = &[
    ("close", b_close),
    ("flush", b_flush),
    ("readable", b_false),
    ("writable", b_false),
    ("seekable", b_false),
    ("isatty", b_isatty),
    ("fileno", b_fileno),
    ("seek", b_seek),
    ("tell", b_tell),
    ("truncate", b_truncate),
    ("__enter__", b_enter),
    ("__exit__", b_exit),
    ("__iter__", b_iter),
    ("__next__", b_next),
    ("readline", b_readline),
    ("readlines", b_readlines),
    ("writelines", b_writelines),
    ("_checkClosed", b_check_closed),
    ("_checkReadable", b_check_readable),
    ("_checkWritable", b_check_writable),
    ("_checkSeekable", b_check_seekable),
];

/// Creates `_IOBase`, `_RawIOBase`, `_BufferedIOBase` and `_TextIOBase`.
pub(super) fn init(vm: &mut Vm) {
    let base = new_base(vm, "_io._IOBase", None);
    vm.add_methods(base, BASE_METHODS);
    vm.add_getset(base, "closed", b_closed, None);
    let raw = new_base(vm, "_io._RawIOBase", Some(base));
    vm.add_method(raw, "read", raw_read);
    let buffered = new_base(vm, "_io._BufferedIOBase", Some(base));
    vm.add_method(buffered, "detach", detach);
    let text = new_base(vm, "_io._TextIOBase", Some(base));
    vm.add_method(text, "detach", detach);
}

fn new_base(vm: &mut Vm, key: &'static str, base: Option<Value>) -> Value {
    let cls = common::new_type_of_kind(vm, key, base, pyrs_interp::object::Kind::Instance, true);
    pyrs_interp::types::class::class_obj(cls).map =
        pyrs_interp::types::instance::Map::new_class_root(0, true);
    vm.add_staticmethod(cls, "__new__", base_new);
    cls
}

/// `__new__` of the base classes: a plain instance with a `__dict__`.
fn base_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = common::type_of(vm, "_io._IOBase")?;
    let cls = common::new_cls(vm, &args, base)?;
    Ok(pyrs_interp::types::instance::new_instance(
        vm,
        cls,
        Value::NULL,
    ))
}
