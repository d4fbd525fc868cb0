//! Arguments and errors of the `posix` functions: path-like arguments (str, bytes,
//! `os.PathLike`, and file descriptors where allowed) and `OSError`s built from `errno`.

use pyrs_interp::object::{self, Kind};
use pyrs_interp::ops::{self, call, convert};
use pyrs_interp::types::bytes::new_bytes;
use pyrs_interp::types::str::{as_str, new_str};
use pyrs_interp::value::Value;
use pyrs_interp::vm::{PyResult, Raised, Vm};
use std::ffi::{CString, OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::PathBuf;

/// A path argument, or a file descriptor where the function accepts one.
pub enum Target {
    /// A file-system path.
    Path(PathArg),
    /// An open file descriptor.
    Fd(i32),
}

/// A path argument: the path, whether it was given as bytes (results then are bytes), and
/// the original object (for error messages).
pub struct PathArg {
    /// The path.
    pub path: PathBuf,
    /// Whether it was given as bytes.
    pub bytes: bool,
    /// The object given (the `filename` of errors).
    pub orig: Value,
}

impl PathArg {
    /// The path as a C string; `ValueError` for an embedded NUL.
    pub fn c_path(&self, vm: &mut Vm) -> PyResult<CString> {
        CString::new(self.path.as_os_str().as_bytes())
            .map_err(|_| vm.value_error("embedded null byte"))
    }
}

/// `os.fspath(v)`: str and bytes as they are, else `__fspath__()`.
pub fn fspath(vm: &mut Vm, v: Value) -> PyResult {
    if as_str(v).is_some() || object::kind_of(v) == Some(Kind::Bytes) {
        return Ok(v);
    }
    let name = vm.intern("__fspath__");
    let m = ops::lookup_special(vm, v, name);
    if m.is_null() {
        let t = crate::common::type_name(vm, v);
        return Err(vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {t}"
        )));
    }
    let r = call::call_unbound(vm, m, v, &[v])?;
    if as_str(r).is_some() || object::kind_of(r) == Some(Kind::Bytes) {
        return Ok(r);
    }
    let (t, rt) = (
        crate::common::type_name(vm, v),
        crate::common::type_name(vm, r),
    );
    Err(vm.type_error(format!(
        "expected {t}.__fspath__() to return str or bytes, not {rt}"
    )))
}

/// Converts argument `argname` of `fname` to a path (file descriptors allowed with
/// `allow_fd`), with CPython's message for other types (which mentions None when
/// `nullable`).
pub fn target(
    vm: &mut Vm,
    v: Value,
    fname: &str,
    argname: &str,
    allow_fd: bool,
) -> PyResult<Target> {
    target_ext(vm, v, fname, argname, allow_fd, false)
}

/// As [`target`], for arguments that may also be None.
pub fn target_ext(
    vm: &mut Vm,
    v: Value,
    fname: &str,
    argname: &str,
    allow_fd: bool,
    nullable: bool,
) -> PyResult<Target> {
    if allow_fd && pyrs_interp::types::int::is_int(v) && object::kind_of(v) != Some(Kind::Bool) {
        let fd = convert::index_isize(vm, v)?;
        return Ok(Target::Fd(fd as i32));
    }
    let bad = |vm: &mut Vm| {
        let t = crate::common::type_name(vm, v);
        let also = match (allow_fd, nullable) {
            (true, true) => ", os.PathLike, integer or None",
            (true, false) => ", os.PathLike or integer",
            (false, true) => ", os.PathLike or None",
            (false, false) => " or os.PathLike",
        };
        vm.type_error(format!(
            "{fname}: {argname} should be string, bytes{also}, not {t}"
        ))
    };
    let p = if as_str(v).is_some() || object::kind_of(v) == Some(Kind::Bytes) {
        v
    } else {
        let name = vm.intern("__fspath__");
        if ops::lookup_special(vm, v, name).is_null() {
            return Err(bad(vm));
        }
        fspath(vm, v)?
    };
    let (path, bytes) = match as_str(p) {
        Some(s) => (PathBuf::from(s), false),
        None => match pyrs_interp::types::bytes::as_bytes(p) {
            Some(b) => (PathBuf::from(OsStr::from_bytes(b)), true),
            None => return Err(bad(vm)),
        },
    };
    if path.as_os_str().as_bytes().contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(Target::Path(PathArg {
        path,
        bytes,
        orig: v,
    }))
}

/// A path argument (no file descriptors).
pub fn path(vm: &mut Vm, v: Value, fname: &str, argname: &str) -> PyResult<PathArg> {
    match target(vm, v, fname, argname, false)? {
        Target::Path(p) => Ok(p),
        Target::Fd(_) => Err(vm.type_error(format!("{fname}: {argname} must be a path"))),
    }
}

/// A file name as Python sees it: str, or bytes when the argument was bytes.
pub fn name_value(vm: &mut Vm, name: &OsStr, bytes: bool) -> Value {
    if bytes {
        new_bytes(vm, name.as_bytes())
    } else {
        new_str(vm, &name.to_string_lossy())
    }
}

/// A path as Python sees it (see [`name_value`]).
pub fn path_value(vm: &mut Vm, p: OsString, bytes: bool) -> Value {
    if bytes {
        new_bytes(vm, &p.into_vec())
    } else {
        new_str(vm, &p.to_string_lossy())
    }
}

/// The message of `errno` (`strerror`).
pub fn strerror(errno: i32) -> String {
    let s = std::io::Error::from_raw_os_error(errno).to_string();
    match s.rfind(" (os error ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Raises the `OSError` subclass for `errno`, naming `filename` (and `filename2`) if given.
pub fn os_error(
    vm: &mut Vm,
    errno: i32,
    filename: Option<Value>,
    filename2: Option<Value>,
) -> Raised {
    let msg = strerror(errno);
    let e = pyrs_interp::types::int::new_i64(vm, errno as i64);
    let m = new_str(vm, &msg);
    let mut a = vec![e, m];
    if let Some(f) = filename {
        a.push(f);
        if let Some(f2) = filename2 {
            let zero = Value::from_usize(0);
            a.push(zero);
            a.push(f2);
        }
    }
    let cls = vm.cls.os_error;
    match call::call(vm, cls, &a) {
        Ok(exc) => vm.raise(exc),
        Err(r) => r,
    }
}

/// Raises the `OSError` of an `io::Error`.
pub fn io_error(vm: &mut Vm, err: &std::io::Error, filename: Option<Value>) -> Raised {
    match err.raw_os_error() {
        Some(n) => os_error(vm, n, filename, None),
        None => {
            let cls = vm.cls.os_error;
            vm.raise_new(cls, &err.to_string())
        }
    }
}

/// The current `errno`.
pub fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}
