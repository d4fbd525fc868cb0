//! The `gc` module: control of the collector from Python.
//!
//! `collect()` asks for a full collection at the safepoint that follows the call, which
//! also runs the `__del__` methods and generator closings it makes due (`pyrs_interp::
//! finalize`); `enable()`/`disable()` switch the automatic collections. The count returned
//! by `collect()` is that of CPython's cycle detector, which pyrs does not need: all
//! garbage, cyclic or not, is freed the same way, so it is always 0.

use crate::common;
use pyrs_interp::ops::convert;
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};

fn collect(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(vm, &args, 0, "collect", &["generation"], 0, 1)?;
    if let Some(g) = a[0] {
        let g = convert::index(vm, g)?;
        if g < 0.into() || g > 2.into() {
            return Err(vm.value_error("invalid generation"));
        }
    }
    vm.heap.force_collection();
    Ok(Value::from_usize(0))
}

/// The check of a function that takes no arguments, with CPython's messages.
fn no_args(vm: &mut Vm, args: &Args<'_>, qualname: &str) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{qualname}() takes no keyword arguments")));
    }
    if !args.pos.is_empty() {
        let n = args.pos.len();
        return Err(vm.type_error(format!("{qualname}() takes no arguments ({n} given)")));
    }
    Ok(())
}

fn enable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    no_args(vm, &args, "gc.enable")?;
    vm.heap.set_enabled(true);
    Ok(vm.none)
}

fn disable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    no_args(vm, &args, "gc.disable")?;
    vm.heap.set_enabled(false);
    Ok(vm.none)
}

fn isenabled(vm: &mut Vm, args: Args<'_>) -> PyResult {
    no_args(vm, &args, "gc.isenabled")?;
    Ok(vm.bool(vm.heap.is_enabled()))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("collect", collect),
    ("enable", enable),
    ("disable", disable),
    ("isenabled", isenabled),
];

/// Creates the `gc` module.
pub fn init(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("gc");
    vm.module_add_functions(m, FUNCTIONS);
    Ok(m)
}
