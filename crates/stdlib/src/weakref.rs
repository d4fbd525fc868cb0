//! The `_weakref` module: the weak reference types live in the interpreter
//! (`pyrs_interp::types::weakref`, where the GC clears them); this module exposes them.

use crate::common;
use pyrs_interp::types::{dict, weakref};
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};

fn getweakrefcount(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "getweakrefcount", 0, 1, 1)?;
    let n = weakref::weakrefs_to(vm, pos[0]).len();
    Ok(Value::from_usize(n))
}

fn getweakrefs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "getweakrefs", 0, 1, 1)?;
    let refs = weakref::weakrefs_to(vm, pos[0]);
    Ok(pyrs_interp::types::list::new_list(vm, refs))
}

fn proxy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "proxy", 0, 1, 2)?;
    let cb = pos.get(1).copied().unwrap_or(Value::NULL);
    weakref::new_proxy(vm, pos[0], cb)
}

/// `_remove_dead_weakref(d, key)`: deletes `d[key]` if it is a dead weak reference.
fn remove_dead_weakref(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "_remove_dead_weakref", 0, 2, 2)?;
    let (d, key) = (pos[0], pos[1]);
    if dict::as_dict(d).is_none() {
        let t = common::type_name(vm, d);
        return Err(vm.type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {t}"
        )));
    }
    if let Some(v) = dict::get(vm, d, key)? {
        if weakref::referent(v) == Some(None) {
            dict::del(vm, d, key)?;
        }
    }
    Ok(vm.none)
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("getweakrefcount", getweakrefcount),
    ("getweakrefs", getweakrefs),
    ("proxy", proxy),
    ("_remove_dead_weakref", remove_dead_weakref),
];

/// Creates the `_weakref` module.
pub fn init(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("_weakref");
    vm.module_add_functions(m, FUNCTIONS);
    let t = &vm.weakrefs;
    let (r, p, cp) = (t.ref_class, t.proxy_class, t.callable_proxy_class);
    vm.module_set(m, "ref", r);
    vm.module_set(m, "ReferenceType", r);
    vm.module_set(m, "ProxyType", p);
    vm.module_set(m, "CallableProxyType", cp);
    Ok(m)
}
