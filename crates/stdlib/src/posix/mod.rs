//! The `posix` module (what `os` is built on): files and directories, file descriptors,
//! the environment, process identity and a few process operations. Functions CPython has
//! and pyrs lacks are simply absent, so `os` treats them as unsupported.

mod args;
mod fd;
mod fs;
mod scandir;

use crate::common;
use crate::structseq;
use pyrs_interp::ops::convert;
use pyrs_interp::types::bytes::{bytes_like, new_bytes};
use pyrs_interp::types::float::new_float;
use pyrs_interp::types::int::new_i64;
use pyrs_interp::types::str::new_str;
use pyrs_interp::types::{dict, list};
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};

fn no_args(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<()> {
    common::positional(vm, args, name, 0, 0, 0).map(|_| ())
}

macro_rules! id_getters {
    ($($f:ident $name:literal $call:expr),* $(,)?) => {
        $(
            fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult {
                no_args(vm, &args, $name)?;
                // SAFETY: these libc calls take no arguments and cannot fail.
                let v = unsafe { $call } as i64;
                Ok(new_i64(vm, v))
            }
        )*
    };
}
id_getters! {
    getpid "getpid" libc::getpid(),
    getppid "getppid" libc::getppid(),
    getuid "getuid" libc::getuid(),
    geteuid "geteuid" libc::geteuid(),
    getgid "getgid" libc::getgid(),
    getegid "getegid" libc::getegid(),
    getpgrp "getpgrp" libc::getpgrp(),
}

fn umask(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "umask", 0, 1, 1)?;
    let m = convert::index_isize(vm, pos[0])? as libc::mode_t;
    // SAFETY: umask only reads its integer argument.
    let old = unsafe { libc::umask(m) };
    Ok(new_i64(vm, old as i64))
}

fn urandom(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "urandom", 0, 1, 1)?;
    let n = convert::index_isize(vm, pos[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    if !vm.heap.can_allocate(n as usize) {
        return Err(vm.memory_error());
    }
    let mut buf = vec![0u8; n as usize];
    let mut filled = 0;
    while filled < buf.len() {
        // SAFETY: the pointer and length describe the unfilled tail of `buf`.
        let r = unsafe {
            libc::getrandom(
                buf[filled..].as_mut_ptr() as *mut libc::c_void,
                buf.len() - filled,
                0,
            )
        };
        if r < 0 {
            let e = args::errno();
            if e == libc::EINTR {
                continue;
            }
            return Err(args::os_error(vm, e, None, None));
        }
        filled += r as usize;
    }
    Ok(new_bytes(vm, &buf))
}

fn strerror(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "strerror", 0, 1, 1)?;
    let n = convert::index_isize(vm, pos[0])? as i32;
    let s = args::strerror(n);
    Ok(new_str(vm, &s))
}

fn fspath(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(vm, &args, 0, "fspath", &["path"], 1, 1)?;
    args::fspath(vm, a[0].unwrap_or(Value::NULL))
}

/// An environment key or value as bytes, from str or bytes.
fn env_bytes(vm: &mut Vm, v: Value, fname: &str) -> PyResult<Vec<u8>> {
    if let Some(s) = pyrs_interp::types::str::as_str(v) {
        return Ok(s.as_bytes().to_vec());
    }
    if let Some(b) = bytes_like(v) {
        return Ok(b.to_vec());
    }
    let t = common::type_name(vm, v);
    Err(vm.type_error(format!(
        "{fname}: expected str, bytes or os.PathLike object, not {t}"
    )))
}

fn putenv(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "putenv", 0, 2, 2)?;
    let k = env_bytes(vm, pos[0], "putenv")?;
    let v = env_bytes(vm, pos[1], "putenv")?;
    if k.is_empty() || k.contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    if k.contains(&0) || v.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    std::env::set_var(OsStr::from_bytes(&k), OsStr::from_bytes(&v));
    Ok(vm.none)
}

fn unsetenv(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "unsetenv", 0, 1, 1)?;
    let k = env_bytes(vm, pos[0], "unsetenv")?;
    if k.is_empty() || k.contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    if k.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    std::env::remove_var(OsStr::from_bytes(&k));
    Ok(vm.none)
}

/// `posix.environ`: the environment as a dict of bytes to bytes.
fn environ(vm: &mut Vm) -> PyResult {
    let d = dict::new_dict(vm);
    for (k, v) in std::env::vars_os() {
        let k = new_bytes(vm, &k.into_vec());
        let v = new_bytes(vm, &v.into_vec());
        dict::set(vm, d, k, v)?;
    }
    Ok(d)
}

fn cpu_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    no_args(vm, &args, "cpu_count")?;
    match std::thread::available_parallelism() {
        Ok(n) => Ok(new_i64(vm, n.get() as i64)),
        Err(_) => Ok(vm.none),
    }
}

/// The shape of `posix.uname_result`.
const UNAME_SHAPE: structseq::Shape<'static> = structseq::Shape {
    module: "posix",
    name: "uname_result",
    visible: &["sysname", "nodename", "release", "version", "machine"],
    unnamed: 0,
    hidden: &[],
};

/// The shape of `posix.times_result`.
const TIMES_SHAPE: structseq::Shape<'static> = structseq::Shape {
    module: "posix",
    name: "times_result",
    visible: &[
        "user",
        "system",
        "children_user",
        "children_system",
        "elapsed",
    ],
    unnamed: 0,
    hidden: &[],
};

fn uname(vm: &mut Vm, args: Args<'_>) -> PyResult {
    no_args(vm, &args, "uname")?;
    // SAFETY: an all-zero utsname is valid (arrays of C chars).
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: uname fills the struct it is given.
    if unsafe { libc::uname(&mut u) } != 0 {
        return Err(args::os_error(vm, args::errno(), None, None));
    }
    let field = |vm: &mut Vm, f: &[libc::c_char]| {
        let bytes: Vec<u8> = f
            .iter()
            .take_while(|&&c| c != 0)
            .map(|&c| c as u8)
            .collect();
        new_str(vm, &String::from_utf8_lossy(&bytes))
    };
    let vals = [
        field(vm, &u.sysname),
        field(vm, &u.nodename),
        field(vm, &u.release),
        field(vm, &u.version),
        field(vm, &u.machine),
    ];
    let cls = common::type_of(vm, "posix.uname_result")?;
    Ok(structseq::new(vm, cls, &vals, &[]))
}

fn times(vm: &mut Vm, args: Args<'_>) -> PyResult {
    no_args(vm, &args, "times")?;
    // SAFETY: an all-zero tms is valid (integers).
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    // SAFETY: times fills the struct it is given.
    let elapsed = unsafe { libc::times(&mut t) };
    // SAFETY: sysconf only reads its integer argument.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    let vals = [
        new_float(vm, t.tms_utime as f64 / ticks),
        new_float(vm, t.tms_stime as f64 / ticks),
        new_float(vm, t.tms_cutime as f64 / ticks),
        new_float(vm, t.tms_cstime as f64 / ticks),
        new_float(vm, elapsed as f64 / ticks),
    ];
    let cls = common::type_of(vm, "posix.times_result")?;
    Ok(structseq::new(vm, cls, &vals, &[]))
}

fn kill(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "kill", 0, 2, 2)?;
    let pid = convert::index_isize(vm, pos[0])? as libc::pid_t;
    let sig = convert::index_isize(vm, pos[1])? as i32;
    // SAFETY: kill only reads its integer arguments.
    if unsafe { libc::kill(pid, sig) } != 0 {
        return Err(args::os_error(vm, args::errno(), None, None));
    }
    Ok(vm.none)
}

fn system(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(vm, &args, 0, "system", &["command"], 1, 1)?;
    let cmd = env_bytes(vm, a[0].unwrap_or(Value::NULL), "system")?;
    let status = std::process::Command::new("/bin/sh")
        .arg("-c")
        .arg(OsString::from_vec(cmd))
        .status();
    match status {
        Ok(s) => {
            use std::os::unix::process::ExitStatusExt;
            Ok(new_i64(vm, s.into_raw() as i64))
        }
        Err(e) => Err(args::io_error(vm, &e, None)),
    }
}

fn waitstatus_to_exitcode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(vm, &args, 0, "waitstatus_to_exitcode", &["status"], 1, 1)?;
    let st = convert::index_isize(vm, a[0].unwrap_or(Value::NULL))? as i32;
    if libc::WIFEXITED(st) {
        return Ok(new_i64(vm, libc::WEXITSTATUS(st) as i64));
    }
    if libc::WIFSIGNALED(st) {
        return Ok(new_i64(vm, -(libc::WTERMSIG(st) as i64)));
    }
    Err(vm.value_error(format!("invalid wait status: {st}")))
}

fn exit_now(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(vm, &args, 0, "_exit", &["status"], 1, 1)?;
    let code = convert::index_isize(vm, a[0].unwrap_or(Value::NULL))? as i32;
    std::process::exit(code)
}

fn abort(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    std::process::abort()
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("stat", fs::stat),
    ("lstat", fs::lstat),
    ("fstat", fs::fstat),
    ("listdir", fs::listdir),
    ("scandir", scandir::scandir),
    ("mkdir", fs::mkdir),
    ("rmdir", fs::rmdir),
    ("unlink", fs::unlink),
    ("remove", fs::remove),
    ("rename", fs::rename),
    ("replace", fs::replace),
    ("link", fs::link),
    ("symlink", fs::symlink),
    ("readlink", fs::readlink),
    ("access", fs::access),
    ("chmod", fs::chmod),
    ("chdir", fs::chdir),
    ("truncate", fs::truncate),
    ("utime", fs::utime),
    ("getcwd", fs::getcwd),
    ("getcwdb", fs::getcwdb),
    ("open", fd::open),
    ("close", fd::close),
    ("closerange", fd::closerange),
    ("read", fd::read),
    ("write", fd::write),
    ("lseek", fd::lseek),
    ("isatty", fd::isatty),
    ("fsync", fd::fsync),
    ("ftruncate", fd::ftruncate),
    ("dup", fd::dup),
    ("dup2", fd::dup2),
    ("pipe", fd::pipe),
    ("get_inheritable", fd::get_inheritable),
    ("set_inheritable", fd::set_inheritable),
    ("get_blocking", fd::get_blocking),
    ("set_blocking", fd::set_blocking),
    ("device_encoding", fd::device_encoding),
    ("get_terminal_size", fd::get_terminal_size),
    ("getpid", getpid),
    ("getppid", getppid),
    ("getuid", getuid),
    ("geteuid", geteuid),
    ("getgid", getgid),
    ("getegid", getegid),
    ("getpgrp", getpgrp),
    ("umask", umask),
    ("urandom", urandom),
    ("strerror", strerror),
    ("fspath", fspath),
    ("putenv", putenv),
    ("unsetenv", unsetenv),
    ("cpu_count", cpu_count),
    ("uname", uname),
    ("times", times),
    ("kill", kill),
    ("system", system),
    ("waitstatus_to_exitcode", waitstatus_to_exitcode),
    ("_exit", exit_now),
    ("abort", abort),
];

/// Integer constants of the module.
const CONSTANTS: &[(&str, i64)] = &[
    ("F_OK", libc::F_OK as i64),
    ("R_OK", libc::R_OK as i64),
    ("W_OK", libc::W_OK as i64),
    ("X_OK", libc::X_OK as i64),
    ("O_RDONLY", libc::O_RDONLY as i64),
    ("O_WRONLY", libc::O_WRONLY as i64),
    ("O_RDWR", libc::O_RDWR as i64),
    ("O_APPEND", libc::O_APPEND as i64),
    ("O_CREAT", libc::O_CREAT as i64),
    ("O_EXCL", libc::O_EXCL as i64),
    ("O_TRUNC", libc::O_TRUNC as i64),
    ("O_NONBLOCK", libc::O_NONBLOCK as i64),
    ("O_NDELAY", libc::O_NDELAY as i64),
    ("O_SYNC", libc::O_SYNC as i64),
    ("O_DSYNC", libc::O_DSYNC as i64),
    ("O_NOCTTY", libc::O_NOCTTY as i64),
    ("O_CLOEXEC", libc::O_CLOEXEC as i64),
    ("O_DIRECTORY", libc::O_DIRECTORY as i64),
    ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
    ("O_ACCMODE", libc::O_ACCMODE as i64),
    ("SEEK_SET", libc::SEEK_SET as i64),
    ("SEEK_CUR", libc::SEEK_CUR as i64),
    ("SEEK_END", libc::SEEK_END as i64),
    ("EX_OK", 0),
    ("WNOHANG", libc::WNOHANG as i64),
];

/// Creates the `posix` module.
pub fn init(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("posix");
    vm.module_add_functions(m, FUNCTIONS);
    for &(name, v) in CONSTANTS {
        let v = new_i64(vm, v);
        vm.module_set(m, name, v);
    }
    let env = environ(vm)?;
    vm.module_set(m, "environ", env);
    let have = list::new_list(vm, Vec::new());
    vm.module_set(m, "_have_functions", have);
    let err = vm.cls.os_error;
    vm.module_set(m, "error", err);
    for (key, shape) in [
        ("posix.stat_result", &fs::STAT_SHAPE),
        ("posix.uname_result", &UNAME_SHAPE),
        ("posix.times_result", &TIMES_SHAPE),
        ("posix.terminal_size", &fd::TERMINAL_SIZE_SHAPE),
    ] {
        let cls = match vm.native_classes.get(key) {
            Some(&c) => c,
            None => {
                let c = structseq::new_class(vm, shape)?;
                vm.native_classes.insert(key, c);
                c
            }
        };
        vm.module_set(m, shape.name, cls);
    }
    let entry = scandir::init(vm);
    vm.module_set(m, "DirEntry", entry);
    Ok(m)
}
