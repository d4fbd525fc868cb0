//! The `module` type's own methods: construction from Python (`types.ModuleType(name, doc)`)
//! and `repr`. Attribute access on modules lives in the attribute protocol (`ops::attr`).

use crate::object::{self, ModuleObj};
use crate::types::dict;
use crate::types::str::{as_str, new_str};
use crate::vm::{Args, PyResult, Vm};

/// Registers the dunders of `module`.
pub(crate) fn init(vm: &mut Vm) {
    let cls = vm.cls.module;
    vm.add_staticmethod(cls, "__new__", module_new);
    vm.add_methods(cls, &[("__init__", module_init), ("__repr__", module_repr)]);
}

/// `module.__new__(cls, *args, **kw)`: an empty module of class `cls`.
fn module_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(&cls) = args.pos.first() else {
        return Err(vm.type_error("module.__new__(): not enough arguments"));
    };
    if !object::is::<object::ClassObj>(cls) || !crate::types::class::is_subclass(cls, vm.cls.module)
    {
        return Err(vm.type_error("module.__new__(X): X is not a subtype of module"));
    }
    let d = dict::new_dict(vm);
    let none = vm.none;
    let (m, obj) = vm.alloc_obj::<ModuleObj>(cls);
    obj.dict = d;
    obj.name = none;
    Ok(m)
}

/// `module.__init__(self, name, doc=None)`: sets the module's standard attributes.
fn module_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.only_kwargs(vm, "module", &["name", "doc"])?;
    let Some(name) = args.arg(1, "name") else {
        return Err(vm.type_error("module() missing required argument 'name' (pos 1)"));
    };
    let total = args.pos.len() + args.kw.len();
    if total > 3 {
        return Err(vm.type_error(format!(
            "module() takes at most 2 arguments ({} given)",
            total - 1
        )));
    }
    if as_str(name).is_none() {
        let t = crate::types::class::type_name(vm, name);
        return Err(vm.type_error(format!("module() argument 'name' must be str, not {t}")));
    }
    let doc = args.arg(2, "doc").unwrap_or(vm.none);
    let Some(m) = object::downcast::<ModuleObj>(args.pos[0]) else {
        return Err(vm.type_error("descriptor '__init__' requires a 'module' object"));
    };
    m.name = name;
    let d = m.dict;
    let none = vm.none;
    let fields = [
        ("__name__", name),
        ("__doc__", doc),
        ("__package__", none),
        ("__loader__", none),
        ("__spec__", none),
    ];
    for (k, v) in fields {
        let k = vm.intern(k);
        dict::set_str_key(d, k, v);
    }
    Ok(none)
}

/// `repr(module)`: `<module 'name' from 'file'>`, `<module 'name' (built-in)>` for native
/// modules, `<module 'name'>` otherwise.
fn module_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__repr__", 1, 1)?;
    let Some(m) = object::downcast::<ModuleObj>(args.pos[0]) else {
        return Err(vm.type_error("descriptor '__repr__' requires a 'module' object"));
    };
    let d = m.dict;
    let name_key = vm.names.__name__;
    let name = dict::get_str_key(d, name_key)
        .and_then(|n| as_str(n).map(str::to_string))
        .unwrap_or_else(|| "?".to_string());
    let file_key = vm.names.__file__;
    let file = dict::get_str_key(d, file_key).and_then(|f| as_str(f).map(str::to_string));
    let text = match file {
        Some(f) => format!("<module '{name}' from '{f}'>"),
        None if vm.native_modules.contains_key(&name) || name == "sys" || name == "builtins" => {
            format!("<module '{name}' (built-in)>")
        }
        None => format!("<module '{name}'>"),
    };
    Ok(new_str(vm, &text))
}
