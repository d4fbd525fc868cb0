//! `print`, `input`, and writing to the standard streams from Rust. Writes go through
//! `sys.stdout` / `sys.stderr`: straight into the buffer of a native text file, through its
//! `write` method for anything else.

use crate::types::file::{self, FileHandle};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// `sys.<name>` if the `sys` module exists and has it.
pub(crate) fn sys_attr(vm: &mut Vm, name: &str) -> Option<Value> {
    let sys = vm.roots.get(vm.sys_root).copied()?;
    let d = crate::object::downcast::<crate::object::ModuleObj>(sys)?.dict;
    let k = vm.intern(name);
    crate::types::dict::get_str_key(d, k)
}

/// Whether `f` is a native File object in text mode (writes take the fast path).
fn is_native_text(f: Value) -> bool {
    file::file_data(f).is_some_and(|d| d.text)
}

/// Writes `s` to the stream object `f` (a file or anything with `write`).
fn write_to(vm: &mut Vm, f: Value, s: &str) -> PyResult<()> {
    if is_native_text(f) {
        return file::write_text(vm, f, s);
    }
    let sv = crate::types::str::new_str(vm, s);
    crate::ops::call::call_method(vm, f, "write", &[sv])?;
    Ok(())
}

/// Writes text to `sys.stdout` (nothing if it is None; `RuntimeError` if it is gone).
pub fn write_stdout(vm: &mut Vm, s: &str) -> PyResult<()> {
    match sys_attr(vm, "stdout") {
        None => Err(vm.runtime_error("lost sys.stdout")),
        Some(f) if f == vm.none => Ok(()),
        Some(f) => write_to(vm, f, s),
    }
}

/// Writes text to `sys.stderr`, flushing stdout first. Falls back to the process's stderr
/// when `sys.stderr` is gone, so tracebacks are never lost.
pub fn write_stderr(vm: &mut Vm, s: &str) -> PyResult<()> {
    flush_stdout(vm);
    match sys_attr(vm, "stderr") {
        Some(f) if f == vm.none => Ok(()),
        Some(f) => write_to(vm, f, s),
        None => {
            use std::io::Write;
            let _ = std::io::stderr().lock().write_all(s.as_bytes());
            Ok(())
        }
    }
}

/// Flushes the buffers of the native stdout files (`sys.stdout`, `sys.__stdout__`), ignoring
/// errors: called before anything goes to stderr and before reading stdin.
pub fn flush_stdout(vm: &mut Vm) {
    for name in ["stdout", "__stdout__"] {
        if let Some(d) = sys_attr(vm, name).and_then(file::file_data) {
            d.flush_quietly();
        }
    }
}

/// Flushes `sys.stdout` and `sys.stderr` (calling `flush()` on Python stream objects, errors
/// ignored) and the original streams: called at exit.
pub fn flush_std_streams(vm: &mut Vm) {
    for name in ["stdout", "stderr"] {
        let Some(f) = sys_attr(vm, name) else {
            continue;
        };
        if f == vm.none {
            continue;
        }
        if let Some(d) = file::file_data(f) {
            d.flush_quietly();
        } else {
            let saved = vm.exc;
            let _ = crate::ops::call::call_method(vm, f, "flush", &[]);
            vm.exc = saved;
        }
    }
    for name in ["__stdout__", "__stderr__"] {
        if let Some(d) = sys_attr(vm, name).and_then(file::file_data) {
            d.flush_quietly();
        }
    }
}

/// Checks `sep=`/`end=` of `print`: a str or None.
fn sep_arg(
    vm: &mut Vm,
    v: Option<Value>,
    what: &str,
    default: &'static str,
) -> PyResult<Option<String>> {
    match v {
        None => Ok(Some(default.to_string())),
        Some(v) if v == vm.none => Ok(Some(default.to_string())),
        Some(v) => match crate::types::str::as_str(v) {
            Some(s) => Ok(Some(s.to_string())),
            None => {
                let t = crate::types::class::type_name(vm, v).to_string();
                Err(vm.type_error(format!("{what} must be None or a string, not {t}")))
            }
        },
    }
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
pub(crate) fn builtin_print(vm: &mut Vm, args: Args<'_>) -> PyResult {
    for &k in args.kwnames {
        let k = crate::types::str::as_str(k).unwrap_or("");
        if !matches!(k, "sep" | "end" | "file" | "flush") {
            return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for print()")));
        }
    }
    let sep = sep_arg(vm, args.kwarg("sep"), "sep", " ")?.unwrap_or_default();
    let end = sep_arg(vm, args.kwarg("end"), "end", "\n")?.unwrap_or_default();
    let file = match super::not_none(vm, args.kwarg("file")) {
        Some(f) => f,
        None => match sys_attr(vm, "stdout") {
            None => return Err(vm.runtime_error("lost sys.stdout")),
            Some(f) if f == vm.none => return Ok(vm.none),
            Some(f) => f,
        },
    };
    let flush = match args.kwarg("flush") {
        Some(v) => crate::ops::convert::truthy(vm, v)?,
        None => false,
    };
    if is_native_text(file) {
        let mut out = String::new();
        for (i, &a) in args.pos.iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            if let Some(s) = crate::types::str::as_exact_str(a) {
                out.push_str(s);
            } else {
                out.push_str(&crate::ops::convert::str_string(vm, a)?);
            }
        }
        out.push_str(&end);
        file::write_text(vm, file, &out)?;
        if flush {
            file::flush_file(vm, file)?;
        }
        return Ok(vm.none);
    }
    let write = crate::ops::attr::getattr_str(vm, file, "write")?;
    for (i, &a) in args.pos.iter().enumerate() {
        if i > 0 {
            let s = crate::types::str::new_str(vm, &sep);
            crate::ops::call::call(vm, write, &[s])?;
        }
        let s = crate::ops::convert::to_str(vm, a)?;
        crate::ops::call::call(vm, write, &[s])?;
    }
    let s = crate::types::str::new_str(vm, &end);
    crate::ops::call::call(vm, write, &[s])?;
    if flush {
        crate::ops::call::call_method(vm, file, "flush", &[])?;
    }
    Ok(vm.none)
}

/// `input(prompt='')`: writes the prompt to stdout, reads a line from stdin without its
/// newline; `EOFError` at end of input.
pub(crate) fn builtin_input(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "input", 0, 1)?;
    if let Some(&p) = args.pos.first() {
        let s = crate::ops::convert::str_string(vm, p)?;
        write_stdout(vm, &s)?;
    }
    match sys_attr(vm, "stdout") {
        Some(f) if file::file_data(f).is_some() => file::flush_file(vm, f)?,
        Some(f) if f != vm.none => {
            crate::ops::call::call_method(vm, f, "flush", &[])?;
        }
        _ => {}
    }
    let stdin = match sys_attr(vm, "stdin") {
        Some(f) if f != vm.none => f,
        _ => return Err(vm.runtime_error("input(): lost sys.stdin")),
    };
    let line = crate::ops::call::call_method(vm, stdin, "readline", &[])?;
    let Some(text) = crate::types::str::as_str(line) else {
        let t = crate::types::class::type_name(vm, line).to_string();
        return Err(vm.type_error(format!("object.readline() returned non-string (type {t})")));
    };
    if text.is_empty() {
        let c = vm.cls.eof_error;
        return Err(vm.raise_new(c, "EOF when reading a line"));
    }
    let text = text.strip_suffix('\n').unwrap_or(text).to_string();
    Ok(crate::types::str::new_str(vm, &text))
}

/// Creates the native stream objects for `sys.stdin`, `sys.stdout`, `sys.stderr`.
pub(crate) fn std_streams(vm: &mut Vm) -> [Value; 3] {
    use std::io::IsTerminal;
    let cls = vm.cls.file;
    let make = |vm: &mut Vm, h: FileHandle, name: &str, mode: &str, read: bool, line: bool| {
        let mut d = file::FileData::new(h, true, read, !read);
        d.line_buffered = line;
        let n = crate::types::str::new_str(vm, name);
        file::new_file(vm, cls, d, n, mode)
    };
    let tty = std::io::stdout().is_terminal();
    [
        make(vm, FileHandle::Stdin, "<stdin>", "r", true, false),
        make(vm, FileHandle::Stdout, "<stdout>", "w", false, tty),
        make(vm, FileHandle::Stderr, "<stderr>", "w", false, true),
    ]
}
