//! The `_warnings` module: `warn` and `warn_explicit` for code that imports them directly
//! (`importlib._bootstrap`). They forward to the pure-Python implementation in `warnings`,
//! which uses its own filters because this module has no `filters` attribute.

use pyrs_interp::ops::{attr, call};
use pyrs_interp::vm::{Args, PyResult, Vm};

fn forward(vm: &mut Vm, args: Args<'_>, name: &str) -> PyResult {
    let warnings = pyrs_interp::eval::import::import_module(vm, "warnings")?;
    let f = attr::getattr_str(vm, warnings, name)?;
    call::call_args(vm, f, args)
}

/// `warn(message, category=None, stacklevel=1, source=None)`.
fn warn(vm: &mut Vm, args: Args<'_>) -> PyResult {
    forward(vm, args, "warn")
}

/// `warn_explicit(message, category, filename, lineno, ...)`.
fn warn_explicit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    forward(vm, args, "warn_explicit")
}

/// Creates the `_warnings` module.
pub fn init(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("_warnings");
    vm.module_add_functions(m, &[("warn", warn), ("warn_explicit", warn_explicit)]);
    Ok(m)
}
