//! `getset_descriptor`: the computed attributes of builtin types (`int.real`,
//! `function.__name__`) and the `__dict__`/`__weakref__` attributes of user classes.
//!
//! A getset descriptor uses the property layout with class `getset_descriptor` and its
//! owner class in `doc`, so attribute access takes the property path of the attribute
//! protocol. The getter is an unbound native called with the instance; without a setter,
//! assignment and deletion raise CPython's "attribute 'x' of 'T' objects is not writable";
//! deletion with a setter calls it with None (setters validate their values as CPython's
//! do, so `del f.__name__` raises the same error as assigning None).

use crate::object::{self, BuiltinObj, PropertyObj};
use crate::types::class::{class_name, class_obj, class_of, type_name};
use crate::value::Value;
use crate::vm::{Args, NativeFn, PyResult, Vm};

/// A getset descriptor named `name` for instances of `owner`.
pub fn new_getset(
    vm: &mut Vm,
    owner: Value,
    name: &str,
    getter: NativeFn,
    setter: Option<NativeFn>,
) -> Value {
    let q = format!("{}.{}", class_name(owner), name);
    let get = vm.new_native(name, &q, getter);
    let n = vm.intern(name);
    let (set, del) = match setter {
        Some(f) => {
            let set = vm.new_native(name, &q, f);
            let info = crate::types::tuple::new_tuple(vm, &[n, owner, set]);
            (set, bound(vm, n, info, delete_via_setter))
        }
        None => {
            let info = crate::types::tuple::new_tuple(vm, &[n, owner]);
            (
                bound(vm, n, info, readonly_set),
                bound(vm, n, info, readonly_delete),
            )
        }
    };
    let cls = vm.cls.getset_descriptor;
    let (v, p) = vm.alloc_obj::<PropertyObj>(cls);
    p.fget = get;
    p.fset = set;
    p.fdel = del;
    p.doc = owner;
    v
}

fn bound(vm: &mut Vm, name: Value, info: Value, f: NativeFn) -> Value {
    let cls = vm.cls.builtin_function;
    let (v, b) = vm.alloc_obj::<BuiltinObj>(cls);
    b.name = name;
    b.qualname = name;
    b.func = f;
    b.receiver = info;
    v
}

fn not_writable(vm: &mut Vm, info: Value) -> crate::vm::Raised {
    let t = crate::types::tuple::items(info);
    let n = crate::types::str::as_str(t[0]).unwrap_or("?").to_string();
    let o = class_name(t[1]).to_string();
    vm.attribute_error(format!("attribute '{n}' of '{o}' objects is not writable"))
}

fn readonly_set(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Err(not_writable(vm, args.pos[0]))
}

fn readonly_delete(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Err(not_writable(vm, args.pos[0]))
}

fn delete_via_setter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let set = crate::types::tuple::items(args.pos[0])[2];
    let none = vm.none;
    crate::ops::call::call(vm, set, &[args.pos[1], none])
}

/// The getset descriptor `args.pos[0]`, checked.
fn this<'a>(vm: &mut Vm, args: &Args<'_>, what: &str) -> PyResult<&'a mut PropertyObj> {
    let d = args.pos.first().copied().unwrap_or(Value::NULL);
    match object::downcast::<PropertyObj>(d) {
        Some(p) if class_of(vm, d) == vm.cls.getset_descriptor => Ok(p),
        _ => Err(vm.type_error(format!(
            "descriptor '{what}' requires a 'getset_descriptor' object"
        ))),
    }
}

fn name_of(p: &PropertyObj) -> Value {
    object::downcast::<BuiltinObj>(p.fget)
        .map(|b| b.name)
        .unwrap_or(Value::NULL)
}

fn d_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = this(vm, &args, "__get__")?;
    let (fget, owner) = (p.fget, p.doc);
    args.check(vm, "__get__", 2, 3)?;
    let obj = args.pos[1];
    if obj == vm.none {
        return Ok(args.pos[0]);
    }
    if !crate::types::class::is_subclass(class_of(vm, obj), owner) {
        let n = crate::types::str::as_str(name_of(p))
            .unwrap_or("?")
            .to_string();
        let (o, t) = (
            class_name(owner).to_string(),
            type_name(vm, obj).to_string(),
        );
        return Err(vm.type_error(format!(
            "descriptor '{n}' for '{o}' objects doesn't apply to a '{t}' object"
        )));
    }
    crate::ops::call::call(vm, fget, &[obj])
}

fn d_set(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = this(vm, &args, "__set__")?;
    let fset = p.fset;
    args.check(vm, "__set__", 3, 3)?;
    crate::ops::call::call(vm, fset, &[args.pos[1], args.pos[2]])
}

fn d_delete(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = this(vm, &args, "__delete__")?;
    let fdel = p.fdel;
    args.check(vm, "__delete__", 2, 2)?;
    crate::ops::call::call(vm, fdel, &[args.pos[1]])
}

fn d_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = this(vm, &args, "__repr__")?;
    let s = format!(
        "<attribute '{}' of '{}' objects>",
        crate::types::str::as_str(name_of(p)).unwrap_or("?"),
        class_name(p.doc)
    );
    Ok(crate::types::str::new_str(vm, &s))
}

fn g_name(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = this(vm, &args, "__name__")?;
    Ok(name_of(p))
}

fn g_qualname(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = this(vm, &args, "__qualname__")?;
    let q = crate::types::str::as_str(class_obj(p.doc).qualname).unwrap_or("?");
    let s = format!(
        "{q}.{}",
        crate::types::str::as_str(name_of(p)).unwrap_or("?")
    );
    Ok(crate::types::str::new_str(vm, &s))
}

fn g_objclass(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(this(vm, &args, "__objclass__")?.doc)
}

fn g_doc(vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(vm, &args, "__doc__")?;
    Ok(vm.none)
}

/// `instance.__dict__` of user classes.
fn dict_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let obj = args.pos[0];
    match crate::types::instance::instance_dict(vm, obj) {
        Some(d) => Ok(d),
        None => {
            let n = vm.names.__dict__;
            Err(crate::ops::attr::no_attribute(vm, obj, n))
        }
    }
}

/// `instance.__dict__ = d` (and `del instance.__dict__`, which leaves an empty one).
fn dict_set(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (obj, value) = (args.pos[0], args.pos[1]);
    let d = if value == vm.none {
        crate::types::dict::new_dict(vm)
    } else if crate::types::dict::as_dict(value).is_some() {
        value
    } else {
        let t = type_name(vm, value).to_string();
        return Err(vm.type_error(format!("__dict__ must be set to a dictionary, not a '{t}'")));
    };
    if !crate::types::instance::replace_dict(vm, obj, d) {
        let n = vm.names.__dict__;
        return Err(crate::ops::attr::no_attribute(vm, obj, n));
    }
    Ok(vm.none)
}

/// `instance.__weakref__`: its first weak reference, or None.
fn weakref_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let refs = crate::types::weakref::weakrefs_to(vm, args.pos[0]);
    Ok(refs.first().copied().unwrap_or(vm.none))
}

/// Adds `__dict__` and/or `__weakref__` descriptors to the new class `cls` (those its
/// bases do not give its instances already), unless its namespace defines them.
pub(crate) fn add_instance_attrs(vm: &mut Vm, cls: Value, dict: bool, weakref: bool) {
    let d = class_obj(cls).dict;
    let wanted: [(bool, &str, NativeFn, Option<NativeFn>); 2] = [
        (dict, "__dict__", dict_get, Some(dict_set)),
        (weakref, "__weakref__", weakref_get, None),
    ];
    for (add, name, get, set) in wanted {
        let k = vm.intern(name);
        if add && crate::types::dict::get_str_key(d, k).is_none() {
            let g = new_getset(vm, cls, name, get, set);
            crate::types::dict::set_str_key(class_obj(cls).dict, k, g);
        }
    }
}

/// Registers the methods of `getset_descriptor`.
pub(crate) fn init(vm: &mut Vm) {
    let cls = vm.cls.getset_descriptor;
    vm.add_methods(
        cls,
        &[
            ("__get__", d_get),
            ("__set__", d_set),
            ("__delete__", d_delete),
            ("__repr__", d_repr),
        ],
    );
    vm.add_getset(cls, "__name__", g_name, None);
    vm.add_getset(cls, "__qualname__", g_qualname, None);
    vm.add_getset(cls, "__objclass__", g_objclass, None);
    vm.add_getset(cls, "__doc__", g_doc, None);
}
