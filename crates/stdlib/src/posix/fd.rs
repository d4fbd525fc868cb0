//! File-descriptor functions of `posix`: `open`, `read`, `write`, `close`, `lseek`, `dup`,
//! `pipe`, flags, and terminal queries.

use super::args;
use crate::common;
use crate::structseq;
use pyrs_interp::ops::convert;
use pyrs_interp::types::bytes::{bytes_like, new_bytes};
use pyrs_interp::types::int::new_i64;
use pyrs_interp::types::str::new_str;
use pyrs_interp::types::tuple::new_tuple;
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, PyResult, Vm};

fn fd_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i32> {
    let v = v.unwrap_or(Value::NULL);
    if !pyrs_interp::types::int::is_int(v) {
        let t = common::type_name(vm, v);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    Ok(convert::index_isize(vm, v)? as i32)
}

/// Raises the `OSError` of the current `errno` when `r` is -1.
fn check(vm: &mut Vm, r: i64) -> PyResult<i64> {
    if r == -1 {
        Err(args::os_error(vm, args::errno(), None, None))
    } else {
        Ok(r)
    }
}

pub(super) fn open(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(
        vm,
        &args,
        0,
        "open",
        &["path", "flags", "mode", "dir_fd"],
        2,
        3,
    )?;
    let none = vm.none;
    let p = args::path(vm, a[0].unwrap_or(none), "open", "path")?;
    let flags = convert::index_isize(vm, a[1].unwrap_or(none))? as i32;
    let mode = match a[2] {
        Some(m) => convert::index_isize(vm, m)? as libc::c_uint,
        None => 0o777,
    };
    let c = p.c_path(vm)?;
    // SAFETY: `c` is a NUL-terminated path alive for the call; flags and mode are integers.
    let fd = unsafe { libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, mode) };
    if fd < 0 {
        return Err(args::os_error(vm, args::errno(), Some(p.orig), None));
    }
    Ok(new_i64(vm, fd as i64))
}

pub(super) fn close(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(vm, &args, 0, "close", &["fd"], 1, 1)?;
    let fd = fd_arg(vm, a[0])?;
    // SAFETY: closing a descriptor number is memory-safe; Python code owns its descriptors.
    check(vm, unsafe { libc::close(fd) } as i64)?;
    Ok(vm.none)
}

pub(super) fn closerange(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "closerange", 0, 2, 2)?;
    let lo = fd_arg(vm, Some(pos[0]))?;
    let hi = fd_arg(vm, Some(pos[1]))?;
    for fd in lo.max(0)..hi {
        // SAFETY: as in `close`; errors are ignored as CPython does.
        unsafe { libc::close(fd) };
    }
    Ok(vm.none)
}

pub(super) fn read(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "read", 0, 2, 2)?;
    let fd = fd_arg(vm, Some(pos[0]))?;
    let n = convert::index_isize(vm, pos[1])?;
    if n < 0 {
        return Err(args::os_error(vm, libc::EINVAL, None, None));
    }
    if !vm.heap.can_allocate(n as usize) {
        return Err(vm.memory_error());
    }
    let mut buf = vec![0u8; n as usize];
    // SAFETY: `buf` has room for `n` bytes.
    let r = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) };
    let r = check(vm, r as i64)?;
    buf.truncate(r as usize);
    Ok(new_bytes(vm, &buf))
}

pub(super) fn write(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "write", 0, 2, 2)?;
    let fd = fd_arg(vm, Some(pos[0]))?;
    let Some(data) = bytes_like(pos[1]).map(|b| b.to_vec()) else {
        let t = common::type_name(vm, pos[1]);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")));
    };
    // SAFETY: `data` is a live buffer of `data.len()` bytes.
    let r = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
    let r = check(vm, r as i64)?;
    Ok(new_i64(vm, r))
}

pub(super) fn lseek(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "lseek", 0, 3, 3)?;
    let fd = fd_arg(vm, Some(pos[0]))?;
    let off = convert::index_isize(vm, pos[1])?;
    let how = convert::index_isize(vm, pos[2])? as i32;
    // SAFETY: lseek only reads its integer arguments.
    let r = unsafe { libc::lseek(fd, off as libc::off_t, how) };
    let r = check(vm, r as i64)?;
    Ok(new_i64(vm, r))
}

pub(super) fn isatty(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "isatty", 0, 1, 1)?;
    let fd = fd_arg(vm, Some(pos[0]))?;
    // SAFETY: isatty only reads its integer argument.
    let r = unsafe { libc::isatty(fd) };
    Ok(vm.bool(r == 1))
}

pub(super) fn fsync(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(vm, &args, 0, "fsync", &["fd"], 1, 1)?;
    let v = a[0].unwrap_or(Value::NULL);
    let fd = if pyrs_interp::types::int::is_int(v) {
        fd_arg(vm, Some(v))?
    } else {
        let f = pyrs_interp::ops::call::call_method(vm, v, "fileno", &[])?;
        fd_arg(vm, Some(f))?
    };
    // SAFETY: fsync only reads its integer argument.
    check(vm, unsafe { libc::fsync(fd) } as i64)?;
    Ok(vm.none)
}

/// `ftruncate(fd, length)`.
pub(super) fn ftruncate_fd(vm: &mut Vm, fd: i32, len: i64) -> PyResult<()> {
    // SAFETY: ftruncate only reads its integer arguments.
    check(vm, unsafe { libc::ftruncate(fd, len as libc::off_t) }
        as i64)?;
    Ok(())
}

pub(super) fn ftruncate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "ftruncate", 0, 2, 2)?;
    let fd = fd_arg(vm, Some(pos[0]))?;
    let len = convert::index_isize(vm, pos[1])?;
    ftruncate_fd(vm, fd, len)?;
    Ok(vm.none)
}

pub(super) fn dup(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "dup", 0, 1, 1)?;
    let fd = fd_arg(vm, Some(pos[0]))?;
    // SAFETY: fcntl(F_DUPFD_CLOEXEC) only reads its integer arguments.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    let r = check(vm, r as i64)?;
    Ok(new_i64(vm, r))
}

pub(super) fn dup2(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(vm, &args, 0, "dup2", &["fd", "fd2", "inheritable"], 2, 3)?;
    let fd = fd_arg(vm, a[0])?;
    let fd2 = fd_arg(vm, a[1])?;
    let inheritable = match a[2] {
        Some(v) => convert::truthy(vm, v)?,
        None => true,
    };
    let flags = if inheritable { 0 } else { libc::O_CLOEXEC };
    // SAFETY: dup3/dup2 only read their integer arguments.
    let r = unsafe {
        if fd == fd2 {
            libc::dup2(fd, fd2)
        } else {
            libc::dup3(fd, fd2, flags)
        }
    };
    let r = check(vm, r as i64)?;
    Ok(new_i64(vm, r))
}

pub(super) fn pipe(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::positional(vm, &args, "pipe", 0, 0, 0)?;
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for the two descriptors pipe2 writes.
    let r = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) };
    check(vm, r as i64)?;
    let a = new_i64(vm, fds[0] as i64);
    let b = new_i64(vm, fds[1] as i64);
    Ok(new_tuple(vm, &[a, b]))
}

fn fd_flag(vm: &mut Vm, args: &Args<'_>, fname: &str, get: i32, set: i32, bit: i32) -> PyResult {
    let pos = common::positional(vm, args, fname, 0, 1, 2)?;
    let fd = fd_arg(vm, Some(pos[0]))?;
    // SAFETY: fcntl with a get command only reads its integer arguments.
    let flags = check(vm, unsafe { libc::fcntl(fd, get) } as i64)? as i32;
    match pos.get(1) {
        None => Ok(vm.bool(flags & bit != 0)),
        Some(&v) => {
            let on = convert::truthy(vm, v)?;
            let nf = if on { flags | bit } else { flags & !bit };
            // SAFETY: fcntl with a set command only reads its integer arguments.
            check(vm, unsafe { libc::fcntl(fd, set, nf) } as i64)?;
            Ok(vm.none)
        }
    }
}

pub(super) fn get_inheritable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = fd_flag(
        vm,
        &args,
        "get_inheritable",
        libc::F_GETFD,
        libc::F_SETFD,
        libc::FD_CLOEXEC,
    )?;
    Ok(vm.bool(r != vm.true_))
}

pub(super) fn set_inheritable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "set_inheritable", 0, 2, 2)?;
    let inheritable = convert::truthy(vm, pos[1])?;
    let cloexec = vm.bool(!inheritable);
    let a = [pos[0], cloexec];
    fd_flag(
        vm,
        &Args::positional(&a),
        "set_inheritable",
        libc::F_GETFD,
        libc::F_SETFD,
        libc::FD_CLOEXEC,
    )
}

pub(super) fn get_blocking(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = fd_flag(
        vm,
        &args,
        "get_blocking",
        libc::F_GETFL,
        libc::F_SETFL,
        libc::O_NONBLOCK,
    )?;
    Ok(vm.bool(r != vm.true_))
}

pub(super) fn set_blocking(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "set_blocking", 0, 2, 2)?;
    let blocking = convert::truthy(vm, pos[1])?;
    let nonblock = vm.bool(!blocking);
    let a = [pos[0], nonblock];
    fd_flag(
        vm,
        &Args::positional(&a),
        "set_blocking",
        libc::F_GETFL,
        libc::F_SETFL,
        libc::O_NONBLOCK,
    )
}

pub(super) fn device_encoding(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(vm, &args, 0, "device_encoding", &["fd"], 1, 1)?;
    let fd = fd_arg(vm, a[0])?;
    // SAFETY: isatty only reads its integer argument.
    if unsafe { libc::isatty(fd) } == 1 {
        Ok(new_str(vm, "utf-8"))
    } else {
        Ok(vm.none)
    }
}

/// The shape of `os.terminal_size`.
pub const TERMINAL_SIZE_SHAPE: structseq::Shape<'static> = structseq::Shape {
    module: "os",
    name: "terminal_size",
    visible: &["columns", "lines"],
    unnamed: 0,
    hidden: &[],
};

pub(super) fn get_terminal_size(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "get_terminal_size", 0, 0, 1)?;
    let fd = match pos.first() {
        Some(&v) => fd_arg(vm, Some(v))?,
        None => 1,
    };
    let mut ws = libc::winsize {
        ws_row: 0,
        ws_col: 0,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCGWINSZ writes one `winsize` into `ws`.
    let r = unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) };
    check(vm, r as i64)?;
    let cls = common::type_of(vm, "posix.terminal_size")?;
    let c = new_i64(vm, ws.ws_col as i64);
    let l = new_i64(vm, ws.ws_row as i64);
    Ok(structseq::new(vm, cls, &[c, l], &[]))
}
