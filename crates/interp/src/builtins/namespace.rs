//! `types.SimpleNamespace` (the class of `sys.implementation`): an instance whose
//! keyword arguments become attributes, shown as `namespace(a=1, b='x')`.

use crate::object;
use crate::ops::{compare, convert};
use crate::types::class::{class_name, class_of, is_subclass};
use crate::types::{dict, instance};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// Creates the `SimpleNamespace` class (module `types`).
pub(crate) fn new_namespace_class(vm: &mut Vm) -> PyResult<Value> {
    let ns = dict::new_dict(vm);
    let k = vm.names.__module__;
    let types_name = vm.intern("types");
    dict::set_str_key(ns, k, types_name);
    let name = vm.intern("SimpleNamespace");
    let (meta, base) = (vm.cls.type_, vm.cls.object);
    let cls = crate::types::class::new_class(vm, meta, name, &[base], ns)?;
    vm.add_methods(
        cls,
        &[
            ("__init__", namespace_init),
            ("__repr__", namespace_repr),
            ("__eq__", namespace_eq),
        ],
    );
    Ok(cls)
}

/// `SimpleNamespace(**kwargs)`: each keyword becomes an attribute.
fn namespace_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if args.pos.len() > 1 {
        return Err(vm.type_error("no positional arguments expected"));
    }
    let Some(&obj) = args.pos.first() else {
        return Err(vm.type_error(
            "descriptor '__init__' of 'types.SimpleNamespace' object needs an argument",
        ));
    };
    for (&k, &v) in args.kwnames.iter().zip(args.kw) {
        let k = vm.intern_value(k);
        crate::ops::attr::setattr(vm, obj, k, v)?;
    }
    Ok(vm.none)
}

/// `namespace(a=1, b='x')` (a subclass shows its own name); `namespace(...)` when
/// recursive.
pub(crate) fn namespace_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__repr__", 1, 1)?;
    let obj = args.pos[0];
    let cls = class_of(vm, obj);
    let name = if class_name(cls) == "SimpleNamespace" {
        "namespace".to_string()
    } else {
        class_name(cls).to_string()
    };
    if !object::is::<object::InstanceObj>(obj) {
        return Ok(crate::types::str::new_str(vm, &format!("{name}()")));
    }
    if !crate::types::list::repr_enter(obj) {
        return Ok(crate::types::str::new_str(vm, &format!("{name}(...)")));
    }
    let r = namespace_fields(vm, obj);
    crate::types::list::repr_leave(obj);
    let fields = r?;
    Ok(crate::types::str::new_str(vm, &format!("{name}({fields})")))
}

fn namespace_fields(vm: &mut Vm, obj: Value) -> PyResult<String> {
    let d = instance::materialize_dict(vm, obj);
    let mut out = String::new();
    for (i, (k, v)) in dict::items(d).into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&convert::str_string(vm, k)?);
        out.push('=');
        out.push_str(&convert::repr_string(vm, v)?);
    }
    Ok(out)
}

/// Namespaces are equal when both are namespaces with equal attribute dicts.
fn namespace_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__eq__", 2, 2)?;
    let (a, b) = (args.pos[0], args.pos[1]);
    let ns = class_of(vm, a);
    let base = crate::types::class::mro(ns)
        .iter()
        .copied()
        .find(|&c| class_name(c) == "SimpleNamespace")
        .unwrap_or(ns);
    let both = is_subclass(class_of(vm, b), base)
        && object::is::<object::InstanceObj>(a)
        && object::is::<object::InstanceObj>(b);
    if !both {
        return Ok(vm.not_implemented);
    }
    let (da, db) = (
        instance::materialize_dict(vm, a),
        instance::materialize_dict(vm, b),
    );
    let eq = compare::eq(vm, da, db)?;
    Ok(vm.bool(eq))
}
