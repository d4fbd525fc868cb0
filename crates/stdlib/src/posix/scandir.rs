//! `os.scandir()`: the `ScandirIterator` (a context manager) and its `DirEntry` objects.

use super::args;
use crate::common::{self, boxed_state};
use pyrs_interp::ops::convert;
use pyrs_interp::types::boxed;
use pyrs_interp::types::int::new_int;
use pyrs_interp::types::str::new_str;
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};
use std::ffi::OsString;
use std::os::unix::fs::DirEntryExt;
use std::path::PathBuf;

struct Scandir {
    dir: Option<std::fs::ReadDir>,
    bytes: bool,
    orig: Value,
}
boxed_state!(Scandir { orig } next: scandir_next);

struct DirEntry {
    name: OsString,
    path: PathBuf,
    ino: u64,
    file_type: Option<std::fs::FileType>,
    bytes: bool,
}
boxed_state!(DirEntry {});

pub(super) fn scandir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(vm, &args, 0, "scandir", &["path"], 0, 1)?;
    let (path, bytes, orig) = match a[0] {
        Some(v) if v != vm.none => match args::target_ext(vm, v, "scandir", "path", true, true)? {
            args::Target::Path(p) => (p.path, p.bytes, p.orig),
            args::Target::Fd(fd) => (PathBuf::from(format!("/proc/self/fd/{fd}")), false, v),
        },
        _ => (PathBuf::from("."), false, new_str(vm, ".")),
    };
    let rd = std::fs::read_dir(&path).map_err(|e| args::io_error(vm, &e, Some(orig)))?;
    let cls = common::type_of(vm, "posix.ScandirIterator")?;
    Ok(boxed::new_boxed(
        vm,
        cls,
        Scandir {
            dir: Some(rd),
            bytes,
            orig,
        },
    ))
}

fn scandir_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(s) = boxed::state::<Scandir>(it) else {
        return Ok(None);
    };
    let (bytes, orig) = (s.bytes, s.orig);
    let Some(dir) = s.dir.as_mut() else {
        return Ok(None);
    };
    let entry = match dir.next() {
        None => {
            s.dir = None;
            return Ok(None);
        }
        Some(Err(e)) => return Err(args::io_error(vm, &e, Some(orig))),
        Some(Ok(e)) => e,
    };
    let st = DirEntry {
        name: entry.file_name(),
        path: entry.path(),
        ino: entry.ino(),
        file_type: entry.file_type().ok(),
        bytes,
    };
    let cls = common::type_of(vm, "posix.DirEntry")?;
    Ok(Some(boxed::new_boxed(vm, cls, st)))
}

fn scandir_close(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = common::this::<Scandir>(vm, &args, "close", "posix.ScandirIterator")?;
    s.dir = None;
    Ok(vm.none)
}

fn scandir_enter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::this::<Scandir>(vm, &args, "__enter__", "posix.ScandirIterator")?;
    Ok(args.pos[0])
}

fn entry<'a>(vm: &mut Vm, args: &Args<'_>, m: &str) -> PyResult<&'a mut DirEntry> {
    common::this::<DirEntry>(vm, args, m, "posix.DirEntry")
}

fn follow(vm: &mut Vm, args: &Args<'_>, m: &str) -> PyResult<bool> {
    let a = common::parse(vm, args, 1, m, &["follow_symlinks"], 0, 0)?;
    match a[0] {
        Some(v) => convert::truthy(vm, v),
        None => Ok(true),
    }
}

fn entry_name(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let e = entry(vm, &args, "name")?;
    let (n, b) = (e.name.clone(), e.bytes);
    Ok(args::path_value(vm, n, b))
}

fn entry_path(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let e = entry(vm, &args, "path")?;
    let (p, b) = (e.path.clone(), e.bytes);
    Ok(args::path_value(vm, p.into_os_string(), b))
}

/// The metadata of an entry (following symlinks or not); errors name the entry's path.
fn entry_meta(vm: &mut Vm, args: &Args<'_>, follow_links: bool) -> PyResult<std::fs::Metadata> {
    let e = entry(vm, args, "stat")?;
    let (p, b) = (e.path.clone(), e.bytes);
    let r = if follow_links {
        std::fs::metadata(&p)
    } else {
        std::fs::symlink_metadata(&p)
    };
    r.map_err(|err| {
        let f = args::path_value(vm, p.into_os_string(), b);
        args::io_error(vm, &err, Some(f))
    })
}

/// Whether the entry is of a kind: from the directory listing, or (for symlinks being
/// followed) from the target; a vanished target is simply `False`.
fn entry_is(vm: &mut Vm, args: Args<'_>, m: &str, dir: bool) -> PyResult {
    let follow_links = follow(vm, &args, m)?;
    let e = entry(vm, &args, m)?;
    let ft = e.file_type;
    let is_link = ft.is_some_and(|t| t.is_symlink());
    let r = if !is_link || !follow_links {
        ft.is_some_and(|t| if dir { t.is_dir() } else { t.is_file() })
    } else {
        match std::fs::metadata(&e.path) {
            Ok(md) => {
                if dir {
                    md.is_dir()
                } else {
                    md.is_file()
                }
            }
            Err(_) => false,
        }
    };
    Ok(vm.bool(r))
}

fn entry_is_dir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    entry_is(vm, args, "is_dir", true)
}

fn entry_is_file(vm: &mut Vm, args: Args<'_>) -> PyResult {
    entry_is(vm, args, "is_file", false)
}

fn entry_is_symlink(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let e = entry(vm, &args, "is_symlink")?;
    let r = e.file_type.is_some_and(|t| t.is_symlink());
    Ok(vm.bool(r))
}

fn entry_stat(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let follow_links = follow(vm, &args, "stat")?;
    let md = entry_meta(vm, &args, follow_links)?;
    super::fs::stat_result(vm, &md)
}

fn entry_inode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let ino = entry(vm, &args, "inode")?.ino;
    Ok(new_int(vm, ino.into()))
}

fn entry_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let e = entry(vm, &args, "__repr__")?;
    let (n, b) = (e.name.clone(), e.bytes);
    let v = args::path_value(vm, n, b);
    let r = convert::repr_string(vm, v)?;
    let s = format!("<DirEntry {r}>");
    Ok(new_str(vm, &s))
}

const ITER_METHODS: &[(&str, NativeFn)] = &[
    ("__iter__", common::iter_self_method),
    ("__next__", common::iter_next_method),
    ("close", scandir_close),
    ("__enter__", scandir_enter),
    ("__exit__", scandir_close),
];

const ENTRY_METHODS: &[(&str, NativeFn)] = &[
    ("is_dir", entry_is_dir),
    ("is_file", entry_is_file),
    ("is_symlink", entry_is_symlink),
    ("stat", entry_stat),
    ("inode", entry_inode),
    ("__fspath__", entry_path),
    ("__repr__", entry_repr),
];

/// Creates the classes; returns `DirEntry`.
pub(super) fn init(vm: &mut Vm) -> Value {
    let it = common::new_type(vm, "posix.ScandirIterator", None, false);
    vm.add_methods(it, ITER_METHODS);
    let e = common::new_type(vm, "posix.DirEntry", None, false);
    vm.add_methods(e, ENTRY_METHODS);
    vm.add_getset(e, "name", entry_name, None);
    vm.add_getset(e, "path", entry_path, None);
    e
}
