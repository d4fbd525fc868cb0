//! pyrs-stdlib: native modules of the Python standard library for pyrs (`math`, `time`).
//!
//! The embedder calls [`register`] once after creating the [`Vm`]; each module is then
//! built on its first import. Every function matches CPython 3.11's results and error
//! messages and never panics on any input.

#![deny(missing_docs)]

use pyrs_interp::vm::Vm;

pub mod math;
pub mod time;

/// Registers every native module of this crate with `vm` (created on first import).
pub fn register(vm: &mut Vm) {
    vm.register_native_module("math", math::init);
    vm.register_native_module("time", time::init);
}
