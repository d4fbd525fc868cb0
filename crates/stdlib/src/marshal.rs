//! The `marshal` module. pyrs code objects have no CPython bytecode to serialise, so only
//! the module's constants exist; the functions raise `NotImplementedError`.

use pyrs_interp::vm::{Args, PyResult, Vm};

fn unsupported(vm: &mut Vm, name: &str) -> PyResult {
    Err(vm.not_implemented(format!("marshal.{name}")))
}

fn dumps(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    unsupported(vm, "dumps")
}

fn loads(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    unsupported(vm, "loads")
}

fn dump(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    unsupported(vm, "dump")
}

fn load(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    unsupported(vm, "load")
}

/// Creates the `marshal` module.
pub fn init(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("marshal");
    vm.module_add_functions(
        m,
        &[
            ("dumps", dumps),
            ("loads", loads),
            ("dump", dump),
            ("load", load),
        ],
    );
    vm.module_set(m, "version", pyrs_interp::value::Value::from_usize(4));
    Ok(m)
}
