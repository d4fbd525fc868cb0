//! The `sys` module.

use crate::object::{self, Kind};
use crate::ops::convert;
use crate::types::class::{class_obj, class_of, type_name};
use crate::value::Value;
use crate::vm::{Args, NativeFn, PyResult, Vm};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The micro version of CPython whose behaviour pyrs follows.
const MICRO: usize = 7;

/// `sys.get_int_max_str_digits()`: 0 (no limit) or the most digits `int`/`str`
/// conversions accept.
static INT_MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(4300);

/// The current `sys.get_int_max_str_digits()` limit (0: unlimited), for int/str conversions.
pub fn int_max_str_digits() -> usize {
    INT_MAX_STR_DIGITS.load(Ordering::Relaxed)
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("exit", sys_exit),
    ("getrecursionlimit", sys_getrecursionlimit),
    ("setrecursionlimit", sys_setrecursionlimit),
    ("getsizeof", sys_getsizeof),
    ("intern", sys_intern),
    ("exc_info", sys_exc_info),
    ("exception", sys_exception),
    ("getdefaultencoding", sys_getdefaultencoding),
    ("getfilesystemencoding", sys_getdefaultencoding),
    ("getfilesystemencodeerrors", sys_getfilesystemencodeerrors),
    ("get_int_max_str_digits", sys_get_int_max_str_digits),
    ("set_int_max_str_digits", sys_set_int_max_str_digits),
    ("_getframe", sys_getframe),
    ("audit", sys_audit),
    ("excepthook", sys_excepthook),
    ("__excepthook__", sys_excepthook),
    ("addaudithook", sys_audit),
    ("settrace", sys_settrace),
    ("setprofile", sys_settrace),
    ("gettrace", sys_gettrace),
    ("getprofile", sys_gettrace),
    ("getswitchinterval", sys_getswitchinterval),
    ("setswitchinterval", sys_setswitchinterval),
    ("is_finalizing", sys_is_finalizing),
];

/// Creates the `sys` module (called at bootstrap, after the builtin classes are ready).
pub fn create_sys_module(vm: &mut Vm) -> Value {
    let m = vm.new_module("sys");
    vm.module_add_functions(m, FUNCTIONS);
    let set_str = |vm: &mut Vm, name: &str, s: &str| {
        let v = crate::types::str::new_str(vm, s);
        vm.module_set(m, name, v);
    };
    let argv: Vec<String> = vm.options.argv.clone();
    let argv: Vec<Value> = argv
        .iter()
        .map(|a| crate::types::str::new_str(vm, a))
        .collect();
    let argv = crate::types::list::new_list(vm, argv);
    vm.module_set(m, "argv", argv);
    let exe = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let orig: Vec<String> = std::iter::once(exe.clone())
        .chain(vm.options.argv.iter().cloned())
        .collect();
    let orig: Vec<Value> = orig
        .iter()
        .map(|a| crate::types::str::new_str(vm, a))
        .collect();
    let orig = crate::types::list::new_list(vm, orig);
    vm.module_set(m, "orig_argv", orig);
    let stdlib = find_stdlib();
    let mut path: Vec<String> = vm.options.path.clone();
    if let Some(dir) = &stdlib {
        path.push(dir.to_string_lossy().into_owned());
    }
    let path: Vec<Value> = path
        .iter()
        .map(|p| crate::types::str::new_str(vm, p))
        .collect();
    let path = crate::types::list::new_list(vm, path);
    vm.module_set(m, "path", path);
    let modules = vm.sys_modules();
    vm.module_set(m, "modules", modules);
    let [stdin, stdout, stderr] = super::io::std_streams(vm);
    for (name, v) in [("stdin", stdin), ("stdout", stdout), ("stderr", stderr)] {
        vm.module_set(m, name, v);
        vm.module_set(m, &format!("__{name}__"), v);
    }
    set_str(
        vm,
        "version",
        &format!("3.11.{MICRO} (pyrs {}) [rustc]", env!("CARGO_PKG_VERSION")),
    );
    vm.module_set(
        m,
        "hexversion",
        Value::from_usize(0x030b_00f0 | (MICRO << 8)),
    );
    vm.module_set(m, "api_version", Value::from_usize(1013));
    set_str(vm, "platform", "linux");
    set_str(
        vm,
        "byteorder",
        if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        },
    );
    set_str(vm, "float_repr_style", "short");
    set_str(vm, "abiflags", "");
    set_str(vm, "platlibdir", "lib");
    let maxsize = crate::types::int::new_i64(vm, i64::MAX);
    vm.module_set(m, "maxsize", maxsize);
    vm.module_set(m, "maxunicode", Value::from_usize(0x10ffff));
    set_str(vm, "executable", &exe);
    set_str(vm, "_base_executable", &exe);
    let prefix = stdlib
        .as_ref()
        .and_then(|d| d.parent().and_then(|p| p.parent()))
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|| "/usr/local".to_string());
    for name in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] {
        set_str(vm, name, &prefix);
    }
    match &stdlib {
        Some(d) => set_str(vm, "_stdlib_dir", &d.to_string_lossy()),
        None => {
            let none = vm.none;
            vm.module_set(m, "_stdlib_dir", none);
        }
    }
    let t = vm.true_;
    vm.module_set(m, "dont_write_bytecode", t);
    let none = vm.none;
    vm.module_set(m, "pycache_prefix", none);
    for name in ["meta_path", "path_hooks", "warnoptions"] {
        let l = crate::types::list::new_list(vm, Vec::new());
        vm.module_set(m, name, l);
    }
    for name in ["path_importer_cache", "_xoptions"] {
        let d = crate::types::dict::new_dict(vm);
        vm.module_set(m, name, d);
    }
    let mut names: Vec<String> = vm.native_modules.keys().cloned().collect();
    names.extend(["builtins".to_string(), "sys".to_string()]);
    names.sort();
    names.dedup();
    let names: Vec<Value> = names
        .iter()
        .map(|n| crate::types::str::new_str(vm, n))
        .collect();
    let names = crate::types::tuple::new_tuple(vm, &names);
    vm.module_set(m, "builtin_module_names", names);
    if add_struct_seqs(vm, m).is_err() {
        vm.exc = Value::NULL;
    }
    m
}

/// The CPython 3.11 standard library folder (pure-Python modules): `$PYRS_STDLIB`, else
/// the first existing of pyenv's 3.11, `/usr/local/lib/python3.11`, `/usr/lib/python3.11`.
fn find_stdlib() -> Option<std::path::PathBuf> {
    use std::path::PathBuf;
    if let Ok(p) = std::env::var("PYRS_STDLIB") {
        return Some(PathBuf::from(p));
    }
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Ok(home) = std::env::var("HOME") {
        let versions = PathBuf::from(home).join(".pyenv/versions");
        if let Ok(rd) = std::fs::read_dir(&versions) {
            let mut vs: Vec<PathBuf> = rd
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().starts_with("3.11"))
                .map(|e| e.path().join("lib/python3.11"))
                .collect();
            vs.sort();
            vs.reverse();
            candidates.extend(vs);
        }
    }
    candidates.push(PathBuf::from("/usr/local/lib/python3.11"));
    candidates.push(PathBuf::from("/usr/lib/python3.11"));
    candidates.into_iter().find(|d| d.join("os.py").is_file())
}

/// Creates a struct-sequence class (a tuple subclass whose items are also named
/// attributes, like `sys.version_info`) named `module.name` with `fields`.
fn struct_seq_class(vm: &mut Vm, module: &str, name: &str, fields: &[&str]) -> PyResult<Value> {
    let ns = crate::types::dict::new_dict(vm);
    let k = vm.names.__module__;
    let v = vm.intern(module);
    crate::types::dict::set_str_key(ns, k, v);
    let names: Vec<Value> = fields.iter().map(|f| vm.intern(f)).collect();
    let t = crate::types::tuple::new_tuple(vm, &names);
    let k = vm.names.__match_args__;
    crate::types::dict::set_str_key(ns, k, t);
    let n = Value::from_usize(fields.len());
    for key in ["n_fields", "n_sequence_fields"] {
        let k = vm.intern(key);
        crate::types::dict::set_str_key(ns, k, n);
    }
    let k = vm.intern("n_unnamed_fields");
    crate::types::dict::set_str_key(ns, k, Value::from_usize(0));
    let nm = vm.intern(name);
    let (meta, base) = (vm.cls.type_, vm.cls.tuple);
    let cls = crate::types::class::new_class(vm, meta, nm, &[base], ns)?;
    vm.add_methods(
        cls,
        &[
            ("__getattr__", struct_seq_getattr),
            ("__repr__", struct_seq_repr),
        ],
    );
    crate::types::class::update_slot_flags(vm, cls);
    Ok(cls)
}

/// An instance of struct-sequence class `cls` holding `values`.
fn struct_seq(vm: &mut Vm, cls: Value, values: &[Value]) -> Value {
    let t = crate::types::tuple::new_tuple(vm, values);
    crate::types::instance::new_instance(vm, cls, t)
}

/// The field names of a struct sequence's class.
fn struct_seq_fields(vm: &mut Vm, v: Value) -> Vec<Value> {
    let cls = class_of(vm, v);
    let k = vm.names.__match_args__;
    let f = crate::types::class::lookup(vm, cls, k);
    crate::types::tuple::items(f).to_vec()
}

/// The `module.name` of a struct sequence's class.
fn struct_seq_name(vm: &mut Vm, v: Value) -> String {
    let cls = class_of(vm, v);
    let k = vm.names.__module__;
    let module = crate::types::dict::get_str_key(class_obj(cls).dict, k)
        .and_then(crate::types::str::as_str)
        .unwrap_or("sys");
    format!("{module}.{}", crate::types::class::class_name(cls))
}

/// `seq.__getattr__(name)`: the item of the named field.
fn struct_seq_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__getattr__", 2, 2)?;
    let (s, name) = (args.pos[0], args.pos[1]);
    let wanted = crate::types::str::as_str(name).unwrap_or("");
    let fields = struct_seq_fields(vm, s);
    let items = crate::types::tuple::items(s);
    for (i, f) in fields.iter().enumerate() {
        if crate::types::str::as_str(*f) == Some(wanted) {
            if let Some(&v) = items.get(i) {
                return Ok(v);
            }
        }
    }
    let n = struct_seq_name(vm, s);
    Err(vm.attribute_error(format!("'{n}' object has no attribute '{wanted}'")))
}

/// `repr(seq)`: `sys.version_info(major=3, minor=11, ...)`.
fn struct_seq_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__repr__", 1, 1)?;
    let s = args.pos[0];
    let fields = struct_seq_fields(vm, s);
    let items = crate::types::tuple::items(s).to_vec();
    let mut out = format!("{}(", struct_seq_name(vm, s));
    for (i, (f, v)) in fields.iter().zip(items).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(crate::types::str::as_str(*f).unwrap_or("?"));
        out.push('=');
        out.push_str(&convert::repr_string(vm, v)?);
    }
    out.push(')');
    Ok(crate::types::str::new_str(vm, &out))
}

fn float(vm: &mut Vm, f: f64) -> Value {
    crate::types::float::new_float(vm, f)
}

fn int(vm: &mut Vm, i: i64) -> Value {
    crate::types::int::new_i64(vm, i)
}

/// Adds `version_info`, `float_info`, `int_info`, `hash_info`, `flags` and
/// `implementation`.
fn add_struct_seqs(vm: &mut Vm, m: Value) -> PyResult<()> {
    let cls = struct_seq_class(
        vm,
        "sys",
        "version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
    )?;
    let fin = crate::types::str::new_str(vm, "final");
    let vals = [
        Value::from_usize(3),
        Value::from_usize(11),
        Value::from_usize(MICRO),
        fin,
        Value::from_usize(0),
    ];
    let version_info = struct_seq(vm, cls, &vals);
    vm.module_set(m, "version_info", version_info);

    let cls = struct_seq_class(
        vm,
        "sys",
        "float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
    )?;
    let vals = [
        float(vm, f64::MAX),
        int(vm, 1024),
        int(vm, 308),
        float(vm, f64::MIN_POSITIVE),
        int(vm, -1021),
        int(vm, -307),
        int(vm, 15),
        int(vm, 53),
        float(vm, f64::EPSILON),
        int(vm, 2),
        int(vm, 1),
    ];
    let v = struct_seq(vm, cls, &vals);
    vm.module_set(m, "float_info", v);

    let cls = struct_seq_class(
        vm,
        "sys",
        "int_info",
        &[
            "bits_per_digit",
            "sizeof_digit",
            "default_max_str_digits",
            "str_digits_check_threshold",
        ],
    )?;
    let vals = [int(vm, 30), int(vm, 4), int(vm, 4300), int(vm, 640)];
    let v = struct_seq(vm, cls, &vals);
    vm.module_set(m, "int_info", v);

    let cls = struct_seq_class(
        vm,
        "sys",
        "hash_info",
        &[
            "width",
            "modulus",
            "inf",
            "nan",
            "imag",
            "algorithm",
            "hash_bits",
            "seed_bits",
            "cutoff",
        ],
    )?;
    let alg = crate::types::str::new_str(vm, "fnv");
    let vals = [
        int(vm, 64),
        int(vm, (1 << 61) - 1),
        int(vm, 314159),
        int(vm, 0),
        int(vm, 1000003),
        alg,
        int(vm, 64),
        int(vm, 128),
        int(vm, 0),
    ];
    let v = struct_seq(vm, cls, &vals);
    vm.module_set(m, "hash_info", v);

    let fields = [
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
        "dev_mode",
        "utf8_mode",
        "warn_default_encoding",
        "safe_path",
        "int_max_str_digits",
    ];
    let cls = struct_seq_class(vm, "sys", "flags", &fields)?;
    let (f, z) = (vm.false_, Value::from_usize(0));
    let vals = [
        z,
        z,
        z,
        z,
        Value::from_usize(1),
        z,
        z,
        z,
        z,
        z,
        z,
        z,
        z,
        f,
        z,
        z,
        f,
        int(vm, -1),
    ];
    let v = struct_seq(vm, cls, &vals);
    vm.module_set(m, "flags", v);

    let cls = super::namespace::new_namespace_class(vm)?;
    let imp = crate::types::instance::new_instance(vm, cls, Value::NULL);
    let pyrs = crate::types::str::new_str(vm, "pyrs");
    let none = vm.none;
    let hexversion = Value::from_usize(0x030b_00f0 | (MICRO << 8));
    let mult = crate::types::str::new_str(vm, "x86_64-linux-gnu");
    for (k, v) in [
        ("name", pyrs),
        ("cache_tag", none),
        ("version", version_info),
        ("hexversion", hexversion),
        ("_multiarch", mult),
    ] {
        let k = vm.intern(k);
        crate::types::instance::set_attr(vm, imp, k, v);
    }
    vm.module_set(m, "implementation", imp);
    Ok(())
}

/// `sys.exit(status=None)`: raises `SystemExit(status)`.
fn sys_exit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "exit", 0, 1)?;
    let code = args.pos.first().copied().unwrap_or(vm.none);
    Err(super::introspection::raise_system_exit(vm, code))
}

/// `sys.getrecursionlimit()`.
fn sys_getrecursionlimit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "getrecursionlimit", 0, 0)?;
    let n = vm.recursion_limit;
    Ok(crate::types::int::new_int(vm, n.into()))
}

/// `sys.setrecursionlimit(limit)`.
fn sys_setrecursionlimit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "setrecursionlimit", 1, 1)?;
    let v = args.pos[0];
    let n = convert::index(vm, v)?;
    let Some(n) = num_traits::ToPrimitive::to_i32(&n) else {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    };
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = vm.call_depth;
    if (n as usize) <= depth {
        let c = vm.cls.recursion_error;
        return Err(vm.raise_new(c, &format!("cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low")));
    }
    vm.recursion_limit = n as usize;
    Ok(vm.none)
}

/// Approximately CPython's `sys.getsizeof` for the builtin layouts.
fn approx_size(vm: &Vm, v: Value) -> usize {
    if v.is_small() {
        let n = v.small_value().unsigned_abs();
        let bits = 64 - n.leading_zeros() as usize;
        return 24 + 4 * bits.div_ceil(30).max(1);
    }
    match object::kind_of(v) {
        Some(Kind::BigInt) => {
            let bits = crate::types::int::as_bigint(v)
                .map(|b| b.bits() as usize)
                .unwrap_or(64);
            24 + 4 * bits.div_ceil(30)
        }
        Some(Kind::Bool) => 28,
        Some(Kind::Float) => 24,
        Some(Kind::Complex) => 32,
        Some(Kind::Singleton) => 16,
        Some(Kind::Str) => {
            let s = crate::types::str::as_str(v).unwrap_or("");
            let n = s.chars().count();
            match s.chars().map(|c| c as u32).max().unwrap_or(0) {
                0..=0x7f => 49 + n,
                0x80..=0xff => 73 + n,
                0x100..=0xffff => 74 + 2 * n,
                _ => 76 + 4 * n,
            }
        }
        Some(Kind::Bytes) => 33 + crate::types::bytes::as_bytes(v).map_or(0, |b| b.len()),
        Some(Kind::ByteArray) => crate::types::bytes::as_bytearray(v).map_or(56, |b| {
            if b.is_empty() {
                56
            } else {
                57 + b.len()
            }
        }),
        Some(Kind::Tuple) => 40 + 8 * crate::types::tuple::items(v).len(),
        Some(Kind::List) => {
            let cap = object::downcast::<object::ListObj>(v)
                .and_then(|l| object::downcast::<object::ArrayObj>(l.items))
                .map_or(0, |a| a.len as usize);
            56 + 8 * cap
        }
        Some(Kind::Dict) => {
            let n = crate::types::dict::len(v);
            if n == 0 {
                64
            } else {
                let mut size = 8;
                while size * 2 / 3 < n {
                    size *= 2;
                }
                104 + size + (size * 2 / 3) * 24
            }
        }
        Some(Kind::Set) => 216,
        Some(Kind::Range) => 48,
        Some(Kind::Class) => 1688,
        Some(Kind::Function) => 152,
        Some(Kind::Builtin) => 72,
        Some(Kind::Instance) if class_of(vm, v) != vm.cls.object => 56,
        _ => 16,
    }
}

/// `sys.getsizeof(object[, default])` (approximate sizes of CPython's layouts).
fn sys_getsizeof(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = super::bind(vm, &args, "getsizeof", &["object", "default"], 1)?;
    let n = approx_size(vm, a[0].unwrap_or(Value::NULL));
    Ok(Value::from_usize(n))
}

/// `sys.intern(string)`.
fn sys_intern(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "intern", 1, 1)?;
    let s = args.pos[0];
    if crate::types::str::as_exact_str(s).is_none() || class_of(vm, s) != vm.cls.str {
        let t = type_name(vm, s).to_string();
        return Err(vm.type_error(format!("intern() argument must be str, not {t}")));
    }
    Ok(vm.intern_value(s))
}

/// The exception being handled, or None.
fn handled(vm: &Vm) -> Value {
    if vm.handled.is_null() {
        vm.none
    } else {
        vm.handled
    }
}

/// `sys.exc_info()`: `(type, value, traceback)` of the exception being handled.
fn sys_exc_info(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "exc_info", 0, 0)?;
    let e = handled(vm);
    if e == vm.none {
        let n = vm.none;
        return Ok(crate::types::tuple::new_tuple(vm, &[n, n, n]));
    }
    let cls = class_of(vm, e);
    let tb = crate::errors::exc_data(e)
        .map(|d| d.traceback)
        .filter(|t| !t.is_null())
        .unwrap_or(vm.none);
    Ok(crate::types::tuple::new_tuple(vm, &[cls, e, tb]))
}

/// `sys.exception()`: the exception being handled, or None.
fn sys_exception(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "exception", 0, 0)?;
    Ok(handled(vm))
}

/// `sys.getdefaultencoding()` / `sys.getfilesystemencoding()`.
fn sys_getdefaultencoding(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "getdefaultencoding", 0, 0)?;
    Ok(crate::types::str::new_str(vm, "utf-8"))
}

/// `sys.excepthook(type, value, traceback)`: prints the exception as an uncaught one.
fn sys_excepthook(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "excepthook", 3, 3)?;
    let text = crate::eval::traceback::format_exception(vm, args.pos[1]);
    crate::builtins::write_stderr(vm, &text)?;
    Ok(vm.none)
}

/// `sys.audit(event, *args)` and `sys.addaudithook(hook)`: pyrs raises no audit events.
fn sys_audit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if args.pos.is_empty() {
        return Err(vm.type_error("audit() missing 1 required positional argument: 'event'"));
    }
    Ok(vm.none)
}

/// `sys.getfilesystemencodeerrors()`.
fn sys_getfilesystemencodeerrors(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "getfilesystemencodeerrors", 0, 0)?;
    Ok(crate::types::str::new_str(vm, "surrogateescape"))
}

/// `sys.get_int_max_str_digits()`.
fn sys_get_int_max_str_digits(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "get_int_max_str_digits", 0, 0)?;
    Ok(Value::from_usize(int_max_str_digits()))
}

/// `sys.set_int_max_str_digits(maxdigits)`.
fn sys_set_int_max_str_digits(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = super::bind(vm, &args, "set_int_max_str_digits", &["maxdigits"], 1)?;
    let n = convert::index(vm, a[0].unwrap_or(Value::NULL))?;
    let n = num_traits::ToPrimitive::to_i64(&n).unwrap_or(-1);
    if n != 0 && !(641..=i32::MAX as i64).contains(&n) {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    INT_MAX_STR_DIGITS.store(n as usize, Ordering::Relaxed);
    Ok(vm.none)
}

/// `sys._getframe([depth])`: the caller's frame object, or the one `depth` calls below.
fn sys_getframe(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "_getframe", 0, 1)?;
    let depth = match args.pos.first() {
        Some(&d) => convert::index_isize(vm, d)?,
        None => 0,
    };
    crate::types::frame::getframe(vm, depth)
}

/// `sys.settrace(f)` / `sys.setprofile(f)`: only `None` (no tracing) is supported.
fn sys_settrace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "settrace", 1, 1)?;
    if args.pos[0] != vm.none {
        return Err(vm.not_implemented("tracing and profiling hooks"));
    }
    Ok(vm.none)
}

/// `sys.gettrace()` / `sys.getprofile()`: always None.
fn sys_gettrace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "gettrace", 0, 0)?;
    Ok(vm.none)
}

/// `sys.getswitchinterval()`.
fn sys_getswitchinterval(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "getswitchinterval", 0, 0)?;
    Ok(float(vm, 0.005))
}

/// `sys.setswitchinterval(interval)`: accepted and ignored (one thread).
fn sys_setswitchinterval(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "setswitchinterval", 1, 1)?;
    Ok(vm.none)
}

/// `sys.is_finalizing()`.
fn sys_is_finalizing(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "is_finalizing", 0, 0)?;
    Ok(vm.false_)
}
