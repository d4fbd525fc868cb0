//! The `_io` module under `io`: the abstract stream classes, `StringIO`, `BytesIO` and
//! `TextIOWrapper` (over any binary buffer), with `open` being the interpreter's builtin.
//! The raw and buffered file classes CPython layers under `open` are pyrs's file objects:
//! `BufferedReader` and the text class of `open()` are those; `FileIO`, `BufferedWriter`,
//! `BufferedRandom`, `BufferedRWPair` and `IncrementalNewlineDecoder` exist but cannot be
//! created yet.

mod base;
mod memory;
mod textio;

use crate::common;
use pyrs_interp::types::class::new_class;
use pyrs_interp::types::dict;
use pyrs_interp::types::str::{as_str, new_str};
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};

/// `io.DEFAULT_BUFFER_SIZE`.
const DEFAULT_BUFFER_SIZE: usize = 8192;

/// Classes pyrs does not provide yet: constructing one raises `NotImplementedError`.
const MISSING: &[&str] = &[
    "_io.FileIO",
    "_io.BufferedWriter",
    "_io.BufferedRandom",
    "_io.BufferedRWPair",
    "_io.IncrementalNewlineDecoder",
];

fn missing_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let name = match args.pos.first() {
        Some(&c) => pyrs_interp::types::class::class_name(c).to_string(),
        None => "this io class".to_string(),
    };
    Err(vm.not_implemented(name))
}

/// `open_code(path)`: `open(path, 'rb')`.
fn open_code(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(vm, &args, 0, "open_code", &["path"], 1, 1)?;
    let path = a[0].unwrap_or(vm.none);
    if as_str(path).is_none() {
        let t = common::type_name(vm, path);
        return Err(vm.type_error(format!("open_code() argument 'path' must be str, not {t}")));
    }
    let open = builtin(vm, "open")?;
    let mode = new_str(vm, "rb");
    pyrs_interp::ops::call::call(vm, open, &[path, mode])
}

/// `text_encoding(encoding, stacklevel=2)`: the encoding, or `"locale"` for None.
fn text_encoding(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "text_encoding", 0, 1, 2)?;
    if pos[0] != vm.none {
        return Ok(pos[0]);
    }
    Ok(new_str(vm, "locale"))
}

fn builtin(vm: &mut Vm, name: &str) -> PyResult {
    let k = vm.intern(name);
    match dict::get_str_key(vm.builtins(), k) {
        Some(v) => Ok(v),
        None => Err(vm.runtime_error(format!("pyrs: builtin {name} missing"))),
    }
}

/// `io.UnsupportedOperation`: both an `OSError` and a `ValueError`.
fn unsupported_operation(vm: &mut Vm) -> PyResult {
    if let Some(&c) = vm.native_classes.get("_io.UnsupportedOperation") {
        return Ok(c);
    }
    let ns = dict::new_dict(vm);
    let k = vm.names.__module__;
    let m = new_str(vm, "io");
    dict::set_str_key(ns, k, m);
    let name = new_str(vm, "UnsupportedOperation");
    let (meta, a, b) = (vm.cls.type_, vm.cls.os_error, vm.cls.value_error);
    let c = new_class(vm, meta, name, &[a, b], ns)?;
    vm.native_classes.insert("_io.UnsupportedOperation", c);
    Ok(c)
}

const FUNCTIONS: &[(&str, NativeFn)] =
    &[("open_code", open_code), ("text_encoding", text_encoding)];

/// Creates the `_io` module.
pub fn init(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("_io");
    let unsupported = unsupported_operation(vm)?;
    vm.module_set(m, "UnsupportedOperation", unsupported);
    base::init(vm);
    for key in [
        "_io._IOBase",
        "_io._RawIOBase",
        "_io._BufferedIOBase",
        "_io._TextIOBase",
    ] {
        let c = common::type_of(vm, key)?;
        vm.module_set(m, &key[4..], c);
    }
    let (sio, bio) = memory::init(vm)?;
    vm.module_set(m, "StringIO", sio);
    vm.module_set(m, "BytesIO", bio);
    let tw = textio::init(vm)?;
    vm.module_set(m, "TextIOWrapper", tw);
    let br = vm.cls.binary_file;
    vm.module_set(m, "BufferedReader", br);
    for &key in MISSING {
        let c = common::new_type(vm, key, None, true);
        vm.add_staticmethod(c, "__new__", missing_new);
        vm.module_set(m, &key[4..], c);
    }
    let open = builtin(vm, "open")?;
    vm.module_set(m, "open", open);
    let bio_err = vm.cls.blocking_io_error;
    vm.module_set(m, "BlockingIOError", bio_err);
    vm.module_set(
        m,
        "DEFAULT_BUFFER_SIZE",
        Value::from_usize(DEFAULT_BUFFER_SIZE),
    );
    vm.module_add_functions(m, FUNCTIONS);
    Ok(m)
}
