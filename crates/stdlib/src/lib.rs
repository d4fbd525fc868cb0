//! pyrs-stdlib: native modules of the Python standard library for pyrs (`math`, `time`,
//! `itertools`, `_weakref`, ...), the C modules that CPython's pure-Python standard library
//! imports.
//!
//! The embedder calls [`register`] once after creating the [`Vm`]; each module is then
//! built on its first import. Every function matches CPython 3.11's results and error
//! messages and never panics on any input.

#![deny(missing_docs)]

use pyrs_interp::vm::Vm;

pub mod ast;
pub mod ast_build;
pub mod atexit;
pub mod codecs;
pub mod collections;
mod common;
pub mod contextvars;
pub mod errno;
pub mod functools;
pub mod gc;
pub mod imp;
pub mod io;
pub mod itertools;
pub mod marshal;
pub mod math;
pub mod posix;
pub mod random;
pub mod sha512;
pub mod sre;
pub mod string;
mod structseq;
pub mod thread;
pub mod time;
pub mod warnings;
pub mod weakref;

/// Registers every native module of this crate with `vm` (created on first import).
pub fn register(vm: &mut Vm) {
    vm.register_native_module("_ast", ast::init);
    ast_build::register(vm);
    vm.register_native_module("atexit", atexit::init);
    vm.register_native_module("_codecs", codecs::init);
    vm.register_native_module("_collections", collections::init);
    vm.register_native_module("_contextvars", contextvars::init);
    vm.register_native_module("errno", errno::init);
    vm.register_native_module("_functools", functools::init);
    vm.register_native_module("gc", gc::init);
    vm.register_native_module("_imp", imp::init);
    vm.register_native_module("_io", io::init);
    vm.register_native_module("itertools", itertools::init);
    vm.register_native_module("marshal", marshal::init);
    vm.register_native_module("math", math::init);
    vm.register_native_module("posix", posix::init);
    vm.register_native_module("_random", random::init);
    vm.register_native_module("_sha512", sha512::init);
    vm.register_native_module("_sre", sre::init);
    vm.register_native_module("time", time::init);
    vm.register_native_module("_string", string::init);
    vm.register_native_module("_thread", thread::init);
    vm.register_native_module("_warnings", warnings::init);
    vm.register_native_module("_weakref", weakref::init);
    publish_module_names(vm);
}

/// Sets `sys.builtin_module_names` to every native module (`os` looks for `posix` there).
fn publish_module_names(vm: &mut Vm) {
    let mut names: Vec<String> = vm.native_modules.keys().cloned().collect();
    names.extend(["builtins".to_string(), "sys".to_string()]);
    names.sort();
    names.dedup();
    let names: Vec<pyrs_interp::Value> = names
        .iter()
        .map(|n| pyrs_interp::types::str::new_str(vm, n))
        .collect();
    let t = pyrs_interp::types::tuple::new_tuple(vm, &names);
    let sys = vm.sys_module();
    vm.module_set(sys, "builtin_module_names", t);
}
