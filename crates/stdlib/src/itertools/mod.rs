//! The `itertools` module: every iterator of CPython 3.11's `Modules/itertoolsmodule.c`
//! with the same laziness, reprs and error messages. Each iterator is a boxed object whose
//! state implements the native `__next__` used by `ops::iter::next`.

mod basic;
mod combinatorics;
mod filters;
mod groupby;
mod tee;

use crate::common;
use pyrs_interp::value::Value;
use pyrs_interp::vm::{NativeFn, PyResult, Vm};

/// A class of the module: its key, whether Python code may subclass it, its `__new__` and
/// its other methods.
struct TypeSpec {
    key: &'static str,
    basetype: bool,
    new: Option<NativeFn>,
    methods: &'static [(&'static str, NativeFn)],
}

/// Creates the classes of `specs` (iterators: `__iter__` returns self, `__next__` runs the
/// state's native next) and adds them to module `m` under their names.
fn add_types(vm: &mut Vm, m: Value, specs: &[TypeSpec]) {
    for s in specs {
        let cls = common::new_type(vm, s.key, None, s.basetype);
        if let Some(new) = s.new {
            vm.add_staticmethod(cls, "__new__", new);
        }
        vm.add_methods(
            cls,
            &[
                ("__iter__", common::iter_self_method),
                ("__next__", common::iter_next_method),
            ],
        );
        vm.add_methods(cls, s.methods);
        if s.new.is_some() {
            let name = s.key.rsplit_once('.').map(|(_, n)| n).unwrap_or(s.key);
            vm.module_set(m, name, cls);
        }
    }
}

/// Creates the `itertools` module.
pub fn init(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("itertools");
    add_types(vm, m, basic::TYPES);
    add_types(vm, m, filters::TYPES);
    add_types(vm, m, groupby::TYPES);
    add_types(vm, m, tee::TYPES);
    add_types(vm, m, combinatorics::TYPES);
    basic::init_extra(vm)?;
    vm.module_add_functions(m, &[("tee", tee::tee)]);
    Ok(m)
}
