//! The fields of particular exception classes: `ImportError.msg/name/path`,
//! `OSError.errno/strerror/filename/filename2` (and the errno → subclass mapping of
//! `OSError(...)`), `BlockingIOError.characters_written`, `StopIteration.value`,
//! `SystemExit.code`, `NameError.name`, `AttributeError.name/obj`, and `SyntaxError`'s
//! `msg`, `filename`, `lineno`, `offset`, `text`, `end_lineno`, `end_offset`.
//!
//! A field set by `__init__` or by assignment lives in the exception's `extra` dict; an
//! exception created natively without `__init__` derives it from `args` as CPython's
//! constructor would have.

use super::{data, exc_init, exc_str};
use crate::ops;
use crate::types::str::new_str;
use crate::types::tuple;
use crate::value::Value;
use crate::vm::{Args, NativeFn, PyResult, Vm};

/// The field `name` of exception `exc`, if it was set.
pub fn field(vm: &mut Vm, exc: Value, name: &str) -> PyResult<Option<Value>> {
    let extra = data(vm, exc)?.extra;
    if extra.is_null() {
        return Ok(None);
    }
    let k = vm.intern(name);
    Ok(crate::types::dict::get_str_key(extra, k))
}

/// Sets the field `name` of exception `exc`.
pub fn set_field(vm: &mut Vm, exc: Value, name: &str, v: Value) -> PyResult<()> {
    if data(vm, exc)?.extra.is_null() {
        let d = crate::types::dict::new_dict(vm);
        data(vm, exc)?.extra = d;
    }
    let extra = data(vm, exc)?.extra;
    let k = vm.intern(name);
    crate::types::dict::set_str_key(extra, k, v);
    Ok(())
}

/// Sets `name` and `obj` of the `AttributeError` being raised (for its suggestion).
pub fn set_name_and_obj(vm: &mut Vm, name: Value, obj: Value) {
    let exc = vm.exc;
    if crate::errors::exc_data(exc).is_some() {
        let _ = set_field(vm, exc, "name", name);
        let _ = set_field(vm, exc, "obj", obj);
    }
}

fn args_of(vm: &mut Vm, exc: Value) -> PyResult<Vec<Value>> {
    Ok(tuple::items(data(vm, exc)?.args).to_vec())
}

/// Runs `BaseException.__init__` with the positional arguments only.
fn base_init(vm: &mut Vm, args: &Args<'_>) -> PyResult<()> {
    exc_init(vm, Args::positional(args.pos))?;
    Ok(())
}

/// Binds the keyword arguments `allowed` of an exception `__init__`.
fn keywords(
    vm: &mut Vm,
    args: &Args<'_>,
    allowed: &[&str],
) -> PyResult<Vec<(&'static str, Value)>> {
    let mut out = Vec::new();
    let cname = crate::types::class::type_name(vm, args.pos[0]).to_string();
    for (&k, &v) in args.kwnames.iter().zip(args.kw) {
        let key = crate::types::str::as_str(k).unwrap_or("");
        match allowed.iter().find(|&&a| a == key) {
            Some(&a) => out.push((static_name(a), v)),
            None => {
                return Err(vm.type_error(format!(
                    "'{key}' is an invalid keyword argument for {cname}()"
                )))
            }
        }
    }
    Ok(out)
}

fn static_name(n: &str) -> &'static str {
    match n {
        "name" => "name",
        "path" => "path",
        _ => "obj",
    }
}

macro_rules! field_getter {
    ($fname:ident, $field:literal, |$vm:ident, $a:ident| $derive:expr) => {
        #[allow(unused_variables)]
        fn $fname(vm: &mut Vm, args: Args<'_>) -> PyResult {
            let e = args.pos[0];
            if let Some(v) = field(vm, e, $field)? {
                return Ok(v);
            }
            let $a = args_of(vm, e)?;
            let $vm = vm;
            Ok($derive)
        }
    };
}

macro_rules! field_setter {
    ($fname:ident, $field:literal) => {
        fn $fname(vm: &mut Vm, args: Args<'_>) -> PyResult {
            set_field(vm, args.pos[0], $field, args.pos[1])?;
            Ok(vm.none)
        }
    };
}

fn nth_if_oserror_args(vm: &Vm, a: &[Value], i: usize) -> Value {
    if (2..=5).contains(&a.len()) && i < a.len() {
        a[i]
    } else {
        vm.none
    }
}

field_getter!(import_msg, "msg", |vm, a| if a.len() == 1 {
    a[0]
} else {
    vm.none
});
field_getter!(import_name, "name", |vm, a| vm.none);
field_getter!(import_path, "path", |vm, a| vm.none);
field_setter!(set_import_msg, "msg");
field_setter!(set_import_name, "name");
field_setter!(set_import_path, "path");
field_getter!(os_errno, "errno", |vm, a| nth_if_oserror_args(vm, &a, 0));
field_getter!(os_strerror, "strerror", |vm, a| nth_if_oserror_args(
    vm, &a, 1
));
field_getter!(
    os_filename,
    "filename",
    |vm, a| if (3..=5).contains(&a.len()) {
        a[2]
    } else {
        vm.none
    }
);
field_getter!(os_filename2, "filename2", |vm, a| if a.len() == 5 {
    a[4]
} else {
    vm.none
});
field_setter!(set_os_errno, "errno");
field_setter!(set_os_strerror, "strerror");
field_setter!(set_os_filename, "filename");
field_setter!(set_os_filename2, "filename2");
field_getter!(stop_value, "value", |vm, a| a
    .first()
    .copied()
    .unwrap_or(vm.none));
field_setter!(set_stop_value, "value");
field_getter!(exit_code, "code", |vm, a| match a.len() {
    0 => vm.none,
    1 => a[0],
    _ => tuple::new_tuple(vm, &a),
});
field_setter!(set_exit_code, "code");
field_getter!(name_field, "name", |vm, a| vm.none);
field_setter!(set_name_field, "name");
field_getter!(obj_field, "obj", |vm, a| vm.none);
field_setter!(set_obj_field, "obj");

/// `ImportError(*args, name=None, path=None)`.
fn import_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let kw = keywords(vm, &args, &["name", "path"])?;
    base_init(vm, &args)?;
    let e = args.pos[0];
    let none = vm.none;
    let msg = if args.pos.len() == 2 {
        args.pos[1]
    } else {
        none
    };
    set_field(vm, e, "msg", msg)?;
    for n in ["name", "path"] {
        let v = kw
            .iter()
            .find(|(k, _)| *k == n)
            .map(|p| p.1)
            .unwrap_or(none);
        set_field(vm, e, n, v)?;
    }
    Ok(none)
}

fn import_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let msg = import_msg(vm, args)?;
    if crate::types::str::as_str(msg).is_some() && msg != vm.none {
        return Ok(msg);
    }
    exc_str(vm, args)
}

/// `NameError(*args, name=None)` and `AttributeError(*args, name=None, obj=None)`.
fn named_init(vm: &mut Vm, args: Args<'_>, allowed: &[&str]) -> PyResult {
    let kw = keywords(vm, &args, allowed)?;
    base_init(vm, &args)?;
    for (k, v) in kw {
        set_field(vm, args.pos[0], k, v)?;
    }
    Ok(vm.none)
}

fn name_error_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    named_init(vm, args, &["name"])
}

fn attribute_error_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    named_init(vm, args, &["name", "obj"])
}

/// The OSError subclass CPython picks for an errno (Linux numbers).
fn errno_subclass(vm: &Vm, errno: i64) -> Option<Value> {
    let c = &vm.cls;
    Some(match errno {
        11 | 114 | 115 => c.blocking_io_error,
        10 => c.child_process_error,
        32 | 108 => c.broken_pipe_error,
        103 => c.connection_aborted_error,
        111 => c.connection_refused_error,
        104 => c.connection_reset_error,
        17 => c.file_exists_error,
        2 => c.file_not_found_error,
        21 => c.is_a_directory_error,
        20 => c.not_a_directory_error,
        4 => c.interrupted_error,
        1 | 13 => c.permission_error,
        3 => c.process_lookup_error,
        110 => c.timeout_error,
        _ => return None,
    })
}

/// `OSError(errno, strerror, ...)` of class OSError itself makes the subclass matching
/// the errno (`FileNotFoundError` for 2, ...).
fn os_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mut cls = args.pos[0];
    let rest = &args.pos[1..];
    if cls == vm.cls.os_error && (2..=5).contains(&rest.len()) {
        if let Some(sub) = crate::types::int::as_i64(rest[0])
            .filter(|_| crate::types::int::is_int(rest[0]))
            .and_then(|n| errno_subclass(vm, n))
        {
            cls = sub;
        }
    }
    Ok(vm.new_exception(cls, rest))
}

fn os_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    base_init(vm, &args)?;
    let e = args.pos[0];
    let rest = &args.pos[1..];
    if !(2..=5).contains(&rest.len()) {
        return Ok(vm.none);
    }
    set_field(vm, e, "errno", rest[0])?;
    set_field(vm, e, "strerror", rest[1])?;
    let none = vm.none;
    let filename = rest.get(2).copied().unwrap_or(none);
    if filename == none {
        return Ok(none);
    }
    let is_blocking = crate::types::class::class_of(vm, e) == vm.cls.blocking_io_error;
    if is_blocking && crate::types::int::is_int(filename) {
        let n = ops::convert::index(vm, filename)?;
        let n = crate::types::int::new_int(vm, n);
        set_field(vm, e, "characters_written", n)?;
        return Ok(none);
    }
    set_field(vm, e, "filename", filename)?;
    if let Some(&f2) = rest.get(4).filter(|&&f| f != none) {
        set_field(vm, e, "filename2", f2)?;
    }
    let t = tuple::new_tuple(vm, &rest[..2]);
    data(vm, e)?.args = t;
    Ok(none)
}

fn os_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let e = args.pos[0];
    let a = args_of(vm, e)?;
    let filename = match field(vm, e, "filename")? {
        Some(f) => Some(f),
        None if (3..=5).contains(&a.len()) && a[2] != vm.none => Some(a[2]),
        None => None,
    };
    let filename2 = match field(vm, e, "filename2")? {
        Some(f) => Some(f),
        None if a.len() == 5 && a[4] != vm.none => Some(a[4]),
        None => None,
    };
    let errno = os_errno(vm, args)?;
    let strerror = os_strerror(vm, args)?;
    let has_pair = field(vm, e, "errno")?.is_some() || (2..=5).contains(&a.len());
    if filename.is_none() && !has_pair {
        return exc_str(vm, args);
    }
    let en = ops::convert::str_string(vm, errno)?;
    let se = ops::convert::str_string(vm, strerror)?;
    let s = match (filename, filename2) {
        (Some(f), Some(f2)) => {
            let f = ops::convert::repr_string(vm, f)?;
            let f2 = ops::convert::repr_string(vm, f2)?;
            format!("[Errno {en}] {se}: {f} -> {f2}")
        }
        (Some(f), None) => {
            let f = ops::convert::repr_string(vm, f)?;
            format!("[Errno {en}] {se}: {f}")
        }
        _ => format!("[Errno {en}] {se}"),
    };
    Ok(new_str(vm, &s))
}

fn characters_written(vm: &mut Vm, args: Args<'_>) -> PyResult {
    match field(vm, args.pos[0], "characters_written")? {
        Some(v) => Ok(v),
        None => Err(vm.attribute_error("characters_written")),
    }
}

fn set_characters_written(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = ops::convert::index(vm, args.pos[1])?;
    let n = crate::types::int::new_int(vm, n);
    set_field(vm, args.pos[0], "characters_written", n)?;
    Ok(vm.none)
}

/// The `(filename, lineno, offset, text[, end_lineno[, end_offset]])` details of a
/// SyntaxError made without `__init__` (natively), from its args.
fn syntax_detail(vm: &Vm, a: &[Value], i: usize) -> Value {
    if a.len() == 2 {
        if let Some(t) = tuple::as_tuple(a[1]) {
            let items = t.items();
            if (4..=6).contains(&items.len()) && i < items.len() {
                return items[i];
            }
        }
    }
    vm.none
}

field_getter!(se_msg, "msg", |vm, a| a.first().copied().unwrap_or(vm.none));
field_getter!(se_filename, "filename", |vm, a| syntax_detail(vm, &a, 0));
field_getter!(se_lineno, "lineno", |vm, a| syntax_detail(vm, &a, 1));
field_getter!(se_offset, "offset", |vm, a| syntax_detail(vm, &a, 2));
field_getter!(se_text, "text", |vm, a| syntax_detail(vm, &a, 3));
field_getter!(se_end_lineno, "end_lineno", |vm, a| syntax_detail(
    vm, &a, 4
));
field_getter!(se_end_offset, "end_offset", |vm, a| syntax_detail(
    vm, &a, 5
));
field_getter!(se_print_file_and_line, "print_file_and_line", |vm, a| vm
    .none);
field_setter!(set_se_msg, "msg");
field_setter!(set_se_filename, "filename");
field_setter!(set_se_lineno, "lineno");
field_setter!(set_se_offset, "offset");
field_setter!(set_se_text, "text");
field_setter!(set_se_end_lineno, "end_lineno");
field_setter!(set_se_end_offset, "end_offset");
field_setter!(set_se_print_file_and_line, "print_file_and_line");

/// `SyntaxError(msg, (filename, lineno, offset, text[, end_lineno[, end_offset]]))`.
fn syntax_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    base_init(vm, &args)?;
    let e = args.pos[0];
    let rest = &args.pos[1..];
    if let Some(&m) = rest.first() {
        set_field(vm, e, "msg", m)?;
    }
    if rest.len() != 2 {
        return Ok(vm.none);
    }
    let info = ops::iter::collect(vm, rest[1])?;
    if info.len() < 4 {
        return Err(vm.type_error(format!(
            "function takes at least 4 arguments ({} given)",
            info.len()
        )));
    }
    if info.len() > 6 {
        return Err(vm.type_error(format!(
            "function takes at most 6 arguments ({} given)",
            info.len()
        )));
    }
    let names = [
        "filename",
        "lineno",
        "offset",
        "text",
        "end_lineno",
        "end_offset",
    ];
    for (n, v) in names.iter().zip(info) {
        set_field(vm, e, n, v)?;
    }
    Ok(vm.none)
}

/// `str(SyntaxError)`: `msg (file, line N)` with the file's base name.
fn syntax_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let msg = se_msg(vm, args)?;
    let filename = se_filename(vm, args)?;
    let lineno = se_lineno(vm, args)?;
    let m = ops::convert::str_string(vm, msg)?;
    let file = crate::types::str::as_str(filename).map(|f| match f.rsplit_once('/') {
        Some((_, base)) => base.to_string(),
        None => f.to_string(),
    });
    let line = crate::types::int::as_i64(lineno).filter(|_| crate::types::int::is_int(lineno));
    let s = match (file, line) {
        (Some(f), Some(l)) => format!("{m} ({f}, line {l})"),
        (Some(f), None) => format!("{m} ({f})"),
        (None, Some(l)) => format!("{m} (line {l})"),
        (None, None) => m,
    };
    Ok(new_str(vm, &s))
}

/// `StopIteration(*args)`: `value` is the first argument.
fn stop_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    base_init(vm, &args)?;
    let v = args.pos.get(1).copied().unwrap_or(vm.none);
    set_field(vm, args.pos[0], "value", v)?;
    Ok(vm.none)
}

fn getsets(vm: &mut Vm, cls: Value, list: &[(&str, NativeFn, NativeFn)]) {
    for &(name, get, set) in list {
        vm.add_getset(cls, name, get, Some(set));
    }
}

/// Registers the subclass fields and constructors.
pub(crate) fn init(vm: &mut Vm) {
    let ie = vm.cls.import_error;
    vm.add_methods(ie, &[("__init__", import_init), ("__str__", import_str)]);
    getsets(
        vm,
        ie,
        &[
            ("msg", import_msg, set_import_msg),
            ("name", import_name, set_import_name),
            ("path", import_path, set_import_path),
        ],
    );
    let o = vm.cls.os_error;
    vm.add_staticmethod(o, "__new__", os_new);
    vm.add_methods(o, &[("__init__", os_init), ("__str__", os_str)]);
    getsets(
        vm,
        o,
        &[
            ("errno", os_errno, set_os_errno),
            ("strerror", os_strerror, set_os_strerror),
            ("filename", os_filename, set_os_filename),
            ("filename2", os_filename2, set_os_filename2),
        ],
    );
    let b = vm.cls.blocking_io_error;
    getsets(
        vm,
        b,
        &[(
            "characters_written",
            characters_written,
            set_characters_written,
        )],
    );
    let si = vm.cls.stop_iteration;
    vm.add_methods(si, &[("__init__", stop_init)]);
    getsets(vm, si, &[("value", stop_value, set_stop_value)]);
    let se = vm.cls.system_exit;
    getsets(vm, se, &[("code", exit_code, set_exit_code)]);
    let sy = vm.cls.syntax_error;
    vm.add_methods(sy, &[("__init__", syntax_init), ("__str__", syntax_str)]);
    getsets(
        vm,
        sy,
        &[
            ("msg", se_msg, set_se_msg),
            ("filename", se_filename, set_se_filename),
            ("lineno", se_lineno, set_se_lineno),
            ("offset", se_offset, set_se_offset),
            ("text", se_text, set_se_text),
            ("end_lineno", se_end_lineno, set_se_end_lineno),
            ("end_offset", se_end_offset, set_se_end_offset),
            (
                "print_file_and_line",
                se_print_file_and_line,
                set_se_print_file_and_line,
            ),
        ],
    );
    let ne = vm.cls.name_error;
    vm.add_methods(ne, &[("__init__", name_error_init)]);
    getsets(vm, ne, &[("name", name_field, set_name_field)]);
    let ae = vm.cls.attribute_error;
    vm.add_methods(ae, &[("__init__", attribute_error_init)]);
    getsets(
        vm,
        ae,
        &[
            ("name", name_field, set_name_field),
            ("obj", obj_field, set_obj_field),
        ],
    );
}
