//! `collections.defaultdict`: a builtin subclass of `dict` whose `__missing__` calls
//! `default_factory`. Its instances are dict-subclass instances (a native dict in
//! `native`) with one reserved slot, which holds the factory (read and written through the
//! class's `default_factory` property); they take no other attributes.

use crate::common;
use pyrs_interp::object::{self, InstanceObj, Kind};
use pyrs_interp::ops::{self, call, convert};
use pyrs_interp::types::class::{self, class_obj, class_of};
use pyrs_interp::types::str::new_str;
use pyrs_interp::types::tuple::new_tuple;
use pyrs_interp::types::{dict, instance};
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};

const TNAME: &str = "collections.defaultdict";
/// The reserved instance slot of the factory.
const FACTORY_SLOT: usize = 0;

fn check(vm: &mut Vm, args: &Args<'_>, method: &str) -> PyResult<Value> {
    let base = common::type_of(vm, TNAME)?;
    match args.pos.first() {
        Some(&d) if class::is_subclass(class_of(vm, d), base) && dict::as_dict(d).is_some() => {
            Ok(d)
        }
        Some(&d) => {
            let t = common::type_name(vm, d);
            Err(vm.type_error(format!(
                "descriptor '{method}' requires a 'collections.defaultdict' object but received a '{t}'"
            )))
        }
        None => Err(vm.type_error(format!("{method}() needs an argument"))),
    }
}

/// The factory of defaultdict `d` (None when unset).
fn factory(vm: &mut Vm, d: Value) -> Value {
    object::downcast::<InstanceObj>(d)
        .map(|i| instance::get_reserved(i, FACTORY_SLOT))
        .filter(|v| !v.is_null())
        .unwrap_or(vm.none)
}

fn set_factory(vm: &mut Vm, d: Value, f: Value) {
    if object::kind_of(d) == Some(Kind::Instance) {
        instance::set_reserved(vm, d, FACTORY_SLOT, f);
    }
}

/// Calls `dict.<name>` on `d`.
fn dict_method(vm: &mut Vm, name: &str, args: Args<'_>) -> PyResult {
    let n = vm.intern(name);
    let m = dict::get_str_key(class_obj(vm.cls.dict).dict, n).unwrap_or(Value::NULL);
    if m.is_null() {
        return Err(vm.not_implemented(format!("dict.{name}")));
    }
    call::call_args(vm, m, args)
}

fn dd_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = check(vm, &args, "__init__")?;
    let none = vm.none;
    let (f, rest) = match args.pos.get(1) {
        Some(&f) => (f, &args.pos[2..]),
        None => (none, &args.pos[1..]),
    };
    if f != none && !common::is_callable(vm, f) {
        return Err(vm.type_error("first argument must be callable or None"));
    }
    set_factory(vm, d, f);
    let mut pos = vec![d];
    pos.extend_from_slice(rest);
    dict_method(
        vm,
        "__init__",
        Args {
            pos: &pos,
            kw: args.kw,
            kwnames: args.kwnames,
        },
    )
}

fn dd_missing(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = check(vm, &args, "__missing__")?;
    let pos = common::positional(vm, &args, "__missing__", 1, 1, 1)?;
    let key = pos[0];
    let f = factory(vm, d);
    if f == vm.none {
        return Err(vm.key_error(key));
    }
    let v = call::call(vm, f, &[])?;
    ops::subscript::setitem(vm, d, key, v)?;
    Ok(v)
}

fn dd_factory_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = check(vm, &args, "default_factory")?;
    Ok(factory(vm, d))
}

fn dd_factory_set(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = check(vm, &args, "default_factory")?;
    let f = args.pos.get(1).copied().unwrap_or(vm.none);
    set_factory(vm, d, f);
    Ok(vm.none)
}

fn dd_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = check(vm, &args, "__repr__")?;
    let base = dict_method(vm, "__repr__", Args::positional(&[d]))?;
    let base = convert::str_string(vm, base)?;
    let f = factory(vm, d);
    let frepr = if f == vm.none {
        "None".to_string()
    } else {
        match common::ReprGuard::enter(f) {
            Some(_g) => convert::repr_string(vm, f)?,
            None => "...".to_string(),
        }
    };
    let name = common::short_type_name(vm, d);
    let s = format!("{name}({frepr}, {base})");
    Ok(new_str(vm, &s))
}

/// `type(d)(factory, src)`.
fn new_like(vm: &mut Vm, d: Value, src: Value) -> PyResult {
    let cls = class_of(vm, d);
    let f = factory(vm, d);
    call::call(vm, cls, &[f, src])
}

fn dd_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = check(vm, &args, "copy")?;
    common::positional(vm, &args, "copy", 1, 0, 0)?;
    new_like(vm, d, d)
}

fn dd_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = check(vm, &args, "__reduce__")?;
    let cls = class_of(vm, d);
    let f = factory(vm, d);
    let ctor_args = if f == vm.none {
        new_tuple(vm, &[])
    } else {
        new_tuple(vm, &[f])
    };
    let items = ops::call::call_method(vm, d, "items", &[])?;
    let it = ops::iter::iter(vm, items)?;
    let none = vm.none;
    Ok(new_tuple(vm, &[cls, ctor_args, none, none, it]))
}

fn dd_or(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = check(vm, &args, "__or__")?;
    let pos = common::positional(vm, &args, "__or__", 1, 1, 1)?;
    let other = pos[0];
    if dict::as_dict(other).is_none() {
        return Ok(vm.not_implemented);
    }
    let new = new_like(vm, d, d)?;
    dict::update_from(vm, new, other)?;
    Ok(new)
}

fn dd_ror(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = check(vm, &args, "__ror__")?;
    let pos = common::positional(vm, &args, "__ror__", 1, 1, 1)?;
    let other = pos[0];
    if dict::as_dict(other).is_none() {
        return Ok(vm.not_implemented);
    }
    let new = new_like(vm, d, other)?;
    dict::update_from(vm, new, d)?;
    Ok(new)
}

const METHODS: &[(&str, NativeFn)] = &[
    ("__init__", dd_init),
    ("__missing__", dd_missing),
    ("__repr__", dd_repr),
    ("copy", dd_copy),
    ("__copy__", dd_copy),
    ("__reduce__", dd_reduce),
    ("__or__", dd_or),
    ("__ror__", dd_ror),
];

/// Creates `defaultdict`; returns its class.
pub(crate) fn init(vm: &mut Vm) -> Value {
    let base = vm.cls.dict;
    let cls = common::new_type_of_kind(vm, TNAME, Some(base), Kind::Dict, true);
    class_obj(cls).map = instance::Map::new_class_root(FACTORY_SLOT + 1, false);
    vm.add_methods(cls, METHODS);
    vm.add_getset(cls, "default_factory", dd_factory_get, Some(dd_factory_set));
    cls
}
