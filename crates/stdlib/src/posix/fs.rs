//! File-system functions of `posix`: `stat` and friends, directories, links, renames,
//! permissions and times.

use super::args::{self, PathArg, Target};
use crate::common;
use crate::structseq;
use pyrs_interp::ops::convert;
use pyrs_interp::types::float::{as_f64, new_float};
use pyrs_interp::types::int::{new_i64, new_int};
use pyrs_interp::types::list::new_list;
use pyrs_interp::types::tuple;
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, PyResult, Vm};
use std::os::unix::fs::{MetadataExt, PermissionsExt};

/// `os.stat_result` of `meta`.
pub fn stat_result(vm: &mut Vm, meta: &std::fs::Metadata) -> PyResult {
    let cls = common::type_of(vm, "posix.stat_result")?;
    let i = |vm: &mut Vm, x: i64| new_i64(vm, x);
    let u = |vm: &mut Vm, x: u64| new_int(vm, x.into());
    let visible = [
        i(vm, meta.mode() as i64),
        u(vm, meta.ino()),
        u(vm, meta.dev()),
        u(vm, meta.nlink()),
        i(vm, meta.uid() as i64),
        i(vm, meta.gid() as i64),
        i(vm, meta.size() as i64),
        i(vm, meta.atime()),
        i(vm, meta.mtime()),
        i(vm, meta.ctime()),
    ];
    let secs = |s: i64, ns: i64| s as f64 + ns as f64 * 1e-9;
    let nanos = |s: i64, ns: i64| s as i128 * 1_000_000_000 + ns as i128;
    let hidden = [
        (
            "st_atime",
            new_float(vm, secs(meta.atime(), meta.atime_nsec())),
        ),
        (
            "st_mtime",
            new_float(vm, secs(meta.mtime(), meta.mtime_nsec())),
        ),
        (
            "st_ctime",
            new_float(vm, secs(meta.ctime(), meta.ctime_nsec())),
        ),
        (
            "st_atime_ns",
            new_int(vm, nanos(meta.atime(), meta.atime_nsec()).into()),
        ),
        (
            "st_mtime_ns",
            new_int(vm, nanos(meta.mtime(), meta.mtime_nsec()).into()),
        ),
        (
            "st_ctime_ns",
            new_int(vm, nanos(meta.ctime(), meta.ctime_nsec()).into()),
        ),
        ("st_blksize", i(vm, meta.blksize() as i64)),
        ("st_blocks", i(vm, meta.blocks() as i64)),
        ("st_rdev", u(vm, meta.rdev())),
    ];
    Ok(structseq::new(vm, cls, &visible, &hidden))
}

/// The shape of `os.stat_result`.
pub const STAT_SHAPE: structseq::Shape<'static> = structseq::Shape {
    module: "os",
    name: "stat_result",
    visible: &[
        "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
    ],
    unnamed: 3,
    hidden: &[
        "st_atime",
        "st_mtime",
        "st_ctime",
        "st_atime_ns",
        "st_mtime_ns",
        "st_ctime_ns",
        "st_blksize",
        "st_blocks",
        "st_rdev",
    ],
};

/// The metadata of a file descriptor.
pub fn fd_metadata(fd: i32) -> std::io::Result<std::fs::Metadata> {
    use std::os::fd::FromRawFd;
    // SAFETY: the File is wrapped in ManuallyDrop, so the descriptor is only borrowed for the
    // `metadata` call and never closed here.
    let f = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
    f.metadata()
}

fn do_stat(vm: &mut Vm, args: &Args<'_>, fname: &str, follow_default: bool) -> PyResult {
    let a = common::parse(
        vm,
        args,
        0,
        fname,
        &["path", "dir_fd", "follow_symlinks"],
        1,
        1,
    )?;
    let none = vm.none;
    if a[1].is_some_and(|d| d != none) {
        return Err(vm.not_implemented(format!("{fname}(dir_fd=...)")));
    }
    let follow = match a[2] {
        Some(f) => convert::truthy(vm, f)?,
        None => follow_default,
    };
    let r = match args::target(vm, a[0].unwrap_or(none), fname, "path", true)? {
        Target::Fd(fd) => fd_metadata(fd).map_err(|e| args::io_error(vm, &e, None))?,
        Target::Path(p) => {
            let m = if follow {
                std::fs::metadata(&p.path)
            } else {
                std::fs::symlink_metadata(&p.path)
            };
            m.map_err(|e| args::io_error(vm, &e, Some(p.orig)))?
        }
    };
    stat_result(vm, &r)
}

pub(super) fn stat(vm: &mut Vm, args: Args<'_>) -> PyResult {
    do_stat(vm, &args, "stat", true)
}

pub(super) fn lstat(vm: &mut Vm, args: Args<'_>) -> PyResult {
    do_stat(vm, &args, "lstat", false)
}

pub(super) fn fstat(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(vm, &args, 0, "fstat", &["fd"], 1, 1)?;
    let fd = convert::index_isize(vm, a[0].unwrap_or(Value::NULL))? as i32;
    let m = fd_metadata(fd).map_err(|e| args::io_error(vm, &e, None))?;
    stat_result(vm, &m)
}

pub(super) fn listdir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(vm, &args, 0, "listdir", &["path"], 0, 1)?;
    let (dir, bytes, orig) = match a[0] {
        Some(v) if v != vm.none => match args::target_ext(vm, v, "listdir", "path", true, true)? {
            Target::Path(p) => (p.path, p.bytes, Some(p.orig)),
            Target::Fd(fd) => (format!("/proc/self/fd/{fd}").into(), false, None),
        },
        _ => (
            ".".into(),
            false,
            Some(pyrs_interp::types::str::new_str(vm, ".")),
        ),
    };
    let rd = std::fs::read_dir(&dir).map_err(|e| args::io_error(vm, &e, orig))?;
    let mut out = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| args::io_error(vm, &e, orig))?;
        out.push(args::name_value(vm, &entry.file_name(), bytes));
    }
    Ok(new_list(vm, out))
}

/// Runs a one-path operation, raising `OSError` with the path as filename.
fn with_path(
    vm: &mut Vm,
    args: &Args<'_>,
    fname: &str,
    op: impl FnOnce(&PathArg) -> std::io::Result<()>,
) -> PyResult {
    let a = common::parse(vm, args, 0, fname, &["path", "dir_fd"], 1, 1)?;
    let none = vm.none;
    if a[1].is_some_and(|d| d != none) {
        return Err(vm.not_implemented(format!("{fname}(dir_fd=...)")));
    }
    let p = args::path(vm, a[0].unwrap_or(none), fname, "path")?;
    op(&p).map_err(|e| args::io_error(vm, &e, Some(p.orig)))?;
    Ok(none)
}

pub(super) fn rmdir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    with_path(vm, &args, "rmdir", |p| std::fs::remove_dir(&p.path))
}

pub(super) fn unlink(vm: &mut Vm, args: Args<'_>) -> PyResult {
    with_path(vm, &args, "unlink", |p| std::fs::remove_file(&p.path))
}

pub(super) fn remove(vm: &mut Vm, args: Args<'_>) -> PyResult {
    with_path(vm, &args, "remove", |p| std::fs::remove_file(&p.path))
}

pub(super) fn chdir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(vm, &args, 0, "chdir", &["path"], 1, 1)?;
    let p = args::path(vm, a[0].unwrap_or(Value::NULL), "chdir", "path")?;
    std::env::set_current_dir(&p.path).map_err(|e| args::io_error(vm, &e, Some(p.orig)))?;
    Ok(vm.none)
}

pub(super) fn mkdir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    use std::os::unix::fs::DirBuilderExt;
    let a = common::parse(vm, &args, 0, "mkdir", &["path", "mode", "dir_fd"], 1, 2)?;
    let none = vm.none;
    if a[2].is_some_and(|d| d != none) {
        return Err(vm.not_implemented("mkdir(dir_fd=...)"));
    }
    let p = args::path(vm, a[0].unwrap_or(none), "mkdir", "path")?;
    let mode = match a[1] {
        Some(m) => convert::index_isize(vm, m)? as u32,
        None => 0o777,
    };
    std::fs::DirBuilder::new()
        .mode(mode)
        .create(&p.path)
        .map_err(|e| args::io_error(vm, &e, Some(p.orig)))?;
    Ok(none)
}

/// Two-path operations (`rename`, `replace`, `link`, `symlink`).
fn two_paths(
    vm: &mut Vm,
    args: &Args<'_>,
    fname: &str,
    names: [&str; 2],
    op: impl FnOnce(&PathArg, &PathArg) -> std::io::Result<()>,
) -> PyResult {
    let a = common::parse(vm, args, 0, fname, &[names[0], names[1]], 2, 2)?;
    let none = vm.none;
    let src = args::path(vm, a[0].unwrap_or(none), fname, names[0])?;
    let dst = args::path(vm, a[1].unwrap_or(none), fname, names[1])?;
    if let Err(e) = op(&src, &dst) {
        return Err(match e.raw_os_error() {
            Some(n) => args::os_error(vm, n, Some(src.orig), Some(dst.orig)),
            None => args::io_error(vm, &e, Some(src.orig)),
        });
    }
    Ok(none)
}

pub(super) fn rename(vm: &mut Vm, args: Args<'_>) -> PyResult {
    two_paths(vm, &args, "rename", ["src", "dst"], |a, b| {
        std::fs::rename(&a.path, &b.path)
    })
}

pub(super) fn replace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    two_paths(vm, &args, "replace", ["src", "dst"], |a, b| {
        std::fs::rename(&a.path, &b.path)
    })
}

pub(super) fn link(vm: &mut Vm, args: Args<'_>) -> PyResult {
    two_paths(vm, &args, "link", ["src", "dst"], |a, b| {
        std::fs::hard_link(&a.path, &b.path)
    })
}

pub(super) fn symlink(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos_only: Vec<Value> = args.pos.iter().take(2).copied().collect();
    let plain = Args {
        pos: &pos_only,
        kw: &[],
        kwnames: &[],
    };
    if args.pos.len() > 3 {
        return Err(vm.type_error(format!(
            "symlink() takes at most 3 arguments ({} given)",
            args.pos.len()
        )));
    }
    two_paths(vm, &plain, "symlink", ["src", "dst"], |a, b| {
        std::os::unix::fs::symlink(&a.path, &b.path)
    })
}

pub(super) fn readlink(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(vm, &args, 0, "readlink", &["path", "dir_fd"], 1, 1)?;
    let p = args::path(vm, a[0].unwrap_or(Value::NULL), "readlink", "path")?;
    let t = std::fs::read_link(&p.path).map_err(|e| args::io_error(vm, &e, Some(p.orig)))?;
    Ok(args::path_value(vm, t.into_os_string(), p.bytes))
}

pub(super) fn access(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(
        vm,
        &args,
        0,
        "access",
        &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        2,
        2,
    )?;
    let p = args::path(vm, a[0].unwrap_or(Value::NULL), "access", "path")?;
    let mode = convert::index_isize(vm, a[1].unwrap_or(Value::NULL))? as i32;
    let c = p.c_path(vm)?;
    // SAFETY: `c` is a NUL-terminated path that outlives the call.
    let r = unsafe { libc::access(c.as_ptr(), mode) };
    Ok(vm.bool(r == 0))
}

pub(super) fn chmod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(
        vm,
        &args,
        0,
        "chmod",
        &["path", "mode", "dir_fd", "follow_symlinks"],
        2,
        2,
    )?;
    let none = vm.none;
    let mode = convert::index_isize(vm, a[1].unwrap_or(none))? as u32;
    match args::target(vm, a[0].unwrap_or(none), "chmod", "path", true)? {
        Target::Path(p) => {
            std::fs::set_permissions(&p.path, std::fs::Permissions::from_mode(mode))
                .map_err(|e| args::io_error(vm, &e, Some(p.orig)))?;
        }
        Target::Fd(fd) => {
            // SAFETY: fchmod only reads its integer arguments.
            if unsafe { libc::fchmod(fd, mode) } != 0 {
                return Err(args::os_error(vm, args::errno(), None, None));
            }
        }
    }
    Ok(none)
}

pub(super) fn truncate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(vm, &args, 0, "truncate", &["path", "length"], 2, 2)?;
    let none = vm.none;
    let len = convert::index_isize(vm, a[1].unwrap_or(none))?;
    match args::target(vm, a[0].unwrap_or(none), "truncate", "path", true)? {
        Target::Path(p) => {
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(&p.path)
                .map_err(|e| args::io_error(vm, &e, Some(p.orig)))?;
            f.set_len(len.max(0) as u64)
                .map_err(|e| args::io_error(vm, &e, Some(p.orig)))?;
        }
        Target::Fd(fd) => super::fd::ftruncate_fd(vm, fd, len)?,
    }
    Ok(none)
}

/// `(atime, mtime)` in nanoseconds from `times=(a, m)` (seconds) or `ns=(a, m)`.
fn utime_times(vm: &mut Vm, times: Value, ns: Value) -> PyResult<Option<(i128, i128)>> {
    let pair = |vm: &mut Vm, v: Value, what: &str| -> PyResult<(Value, Value)> {
        match tuple::as_tuple(v).map(|t| t.items().to_vec()).as_deref() {
            Some(&[a, b]) => Ok((a, b)),
            _ => Err(vm.type_error(format!("utime: '{what}' must be a tuple of two ints"))),
        }
    };
    let none = vm.none;
    if times != none && !times.is_null() {
        if ns != none && !ns.is_null() {
            return Err(
                vm.value_error("utime: you may specify either 'times' or 'ns' but not both")
            );
        }
        let Some(items) = tuple::as_tuple(times).map(|t| t.items().to_vec()) else {
            return Err(vm.type_error("utime: 'times' must be either a tuple of two ints or None"));
        };
        let [a, b] = items[..] else {
            return Err(vm.type_error("utime: 'times' must be either a tuple of two ints or None"));
        };
        let secs = |vm: &mut Vm, v: Value| -> PyResult<i128> {
            match as_f64(v) {
                Some(f) => Ok((f * 1e9).round() as i128),
                None => Ok(convert::index_isize(vm, v)? as i128 * 1_000_000_000),
            }
        };
        return Ok(Some((secs(vm, a)?, secs(vm, b)?)));
    }
    if ns != none && !ns.is_null() {
        let (a, b) = pair(vm, ns, "ns")?;
        let a = convert::index(vm, a)?;
        let b = convert::index(vm, b)?;
        let conv = |x: num_bigint::BigInt| num_traits::ToPrimitive::to_i128(&x).unwrap_or(0);
        return Ok(Some((conv(a), conv(b))));
    }
    Ok(None)
}

pub(super) fn utime(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(
        vm,
        &args,
        0,
        "utime",
        &["path", "times", "ns", "dir_fd", "follow_symlinks"],
        1,
        2,
    )?;
    let none = vm.none;
    let p = args::path(vm, a[0].unwrap_or(none), "utime", "path")?;
    let times = utime_times(vm, a[1].unwrap_or(none), a[2].unwrap_or(none))?;
    let ts = |n: i128| libc::timespec {
        tv_sec: n.div_euclid(1_000_000_000) as libc::time_t,
        tv_nsec: n.rem_euclid(1_000_000_000) as libc::c_long,
    };
    let now = libc::timespec {
        tv_sec: 0,
        tv_nsec: libc::UTIME_NOW,
    };
    let spec = match times {
        Some((at, mt)) => [ts(at), ts(mt)],
        None => [now, now],
    };
    let c = p.c_path(vm)?;
    // SAFETY: `c` is a NUL-terminated path and `spec` two timespecs, both alive for the call.
    let r = unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), spec.as_ptr(), 0) };
    if r != 0 {
        return Err(args::os_error(vm, args::errno(), Some(p.orig), None));
    }
    Ok(none)
}

pub(super) fn getcwd(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::positional(vm, &args, "getcwd", 0, 0, 0)?;
    let d = std::env::current_dir().map_err(|e| args::io_error(vm, &e, None))?;
    Ok(args::path_value(vm, d.into_os_string(), false))
}

pub(super) fn getcwdb(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::positional(vm, &args, "getcwdb", 0, 0, 0)?;
    let d = std::env::current_dir().map_err(|e| args::io_error(vm, &e, None))?;
    Ok(args::path_value(vm, d.into_os_string(), true))
}
