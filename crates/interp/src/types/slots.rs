//! `__slots__`: the instance layout of a new class (how many member slots, whether its
//! instances have a `__dict__`) and the `member_descriptor`s that read and write the slots.
//!
//! A member descriptor uses the property layout with class `member_descriptor`: its getter,
//! setter and deleter are native functions bound to an info tuple `(index, name, owner)`,
//! so attribute access takes the property fast path of the attribute protocol.

use crate::object::{self, BuiltinObj, InstanceObj, Kind, PropertyObj};
use crate::types::class::{class_name, class_obj, class_of, is_subclass, mro, type_name};
use crate::types::instance::{self, Map};
use crate::value::Value;
use crate::vm::{Args, NativeFn, PyResult, Vm};

/// The root map of instances of a new class `cls` with `bases`, whose namespace `ns` is
/// already its dict: creates the member descriptors of `__slots__` in it and checks the
/// layout CPython would refuse.
pub(crate) fn class_root_map(vm: &mut Vm, cls: Value, bases: &[Value]) -> PyResult<*const Map> {
    let base_layout = solid_layout(vm, bases)?;
    let base_has_dict = bases.iter().any(|&b| root_map(b).has_dict());
    let base_has_weakref = bases.iter().any(|&b| root_map(b).has_weakref());
    let native = class_obj(cls).native_kind;
    let variable_size = matches!(native, Kind::BigInt | Kind::Tuple | Kind::Bytes);
    let d = class_obj(cls).dict;
    let sk = vm.names.__slots__;
    let Some(spec) = crate::types::dict::get_str_key(d, sk) else {
        let weakref = base_has_weakref || !variable_size;
        crate::types::getset::add_instance_attrs(
            vm,
            cls,
            !base_has_dict,
            weakref && !base_has_weakref,
        );
        return Ok(Map::new_layout(base_layout, true, weakref));
    };
    let names = slot_names(vm, spec)?;
    let mut has_dict = base_has_dict;
    let mut has_weakref = base_has_weakref;
    let mut members: Vec<String> = Vec::new();
    for n in names {
        match n.as_str() {
            "__dict__" => {
                if has_dict {
                    return Err(vm.type_error("__dict__ slot disallowed: we already got one"));
                }
                has_dict = true;
            }
            "__weakref__" => {
                if has_weakref || variable_size {
                    return Err(vm.type_error(
                        "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0",
                    ));
                }
                has_weakref = true;
            }
            _ => members.push(mangle(class_name(cls), &n)),
        }
    }
    members.sort();
    if !members.is_empty() && variable_size {
        let base = bases
            .iter()
            .copied()
            .find(|&b| class_obj(b).native_kind == native)
            .unwrap_or(cls);
        let n = class_name(base).to_string();
        return Err(vm.type_error(format!(
            "nonempty __slots__ not supported for subtype of '{n}'"
        )));
    }
    for m in &members {
        let k = vm.intern(m);
        if crate::types::dict::get_str_key(d, k).is_some() {
            return Err(vm.value_error(format!("'{m}' in __slots__ conflicts with class variable")));
        }
    }
    for (i, m) in members.iter().enumerate() {
        let k = vm.intern(m);
        let descr = new_member(vm, base_layout + i, k, cls);
        crate::types::dict::set_str_key(class_obj(cls).dict, k, descr);
    }
    crate::types::getset::add_instance_attrs(
        vm,
        cls,
        has_dict && !base_has_dict,
        has_weakref && !base_has_weakref,
    );
    Ok(Map::new_layout(
        base_layout + members.len(),
        has_dict,
        has_weakref,
    ))
}

/// The root map of class `cls`.
fn root_map<'a>(cls: Value) -> &'a Map {
    // SAFETY: every class gets a leaked, immortal root map at creation.
    unsafe { &*class_obj(cls).map }
}

/// The number of member slots instances of a class with `bases` inherit; `TypeError` when
/// two bases add member slots along different lines.
fn solid_layout(vm: &mut Vm, bases: &[Value]) -> PyResult<usize> {
    let Some(&widest) = bases.iter().max_by_key(|&&b| root_map(b).reserved()) else {
        return Ok(0);
    };
    let reserved = root_map(widest).reserved();
    for &b in bases {
        let Some(owner) = slot_owner(b) else { continue };
        if !mro(widest).contains(&owner) {
            return Err(vm.type_error("multiple bases have instance lay-out conflict"));
        }
    }
    Ok(reserved)
}

/// The class nearest to `cls` in its MRO that added member slots.
fn slot_owner(cls: Value) -> Option<Value> {
    let reserved = root_map(cls).reserved();
    if reserved == 0 {
        return None;
    }
    let mut owner = cls;
    for &c in mro(cls) {
        if root_map(c).reserved() == reserved {
            owner = c;
        }
    }
    Some(owner)
}

/// The names listed by a `__slots__` value (a str is one name).
fn slot_names(vm: &mut Vm, spec: Value) -> PyResult<Vec<String>> {
    let items = if crate::types::str::as_str(spec).is_some() {
        vec![spec]
    } else {
        crate::ops::iter::collect(vm, spec)?
    };
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let Some(s) = crate::types::str::as_str(it) else {
            let t = type_name(vm, it).to_string();
            return Err(vm.type_error(format!("__slots__ items must be strings, not '{t}'")));
        };
        if !crate::types::str::methods::isidentifier_text(s) {
            return Err(vm.type_error("__slots__ must be identifiers"));
        }
        if s == "__dict__" && out.iter().any(|n: &String| n == "__dict__") {
            return Err(vm.type_error("__dict__ slot disallowed: we already got one"));
        }
        out.push(s.to_string());
    }
    Ok(out)
}

/// Private name mangling (`__x` in class `C` is `_C__x`).
fn mangle(class: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// A member descriptor for slot `index` named `name` of class `owner`.
fn new_member(vm: &mut Vm, index: usize, name: Value, owner: Value) -> Value {
    let info = crate::types::tuple::new_tuple(vm, &[Value::from_usize(index), name, owner]);
    let get = bound(vm, name, info, member_get);
    let set = bound(vm, name, info, member_set);
    let del = bound(vm, name, info, member_delete);
    let cls = vm.cls.member_descriptor;
    let (v, p) = vm.alloc_obj::<PropertyObj>(cls);
    p.fget = get;
    p.fset = set;
    p.fdel = del;
    p.doc = vm.none;
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

/// The `(index, name, owner)` of a member descriptor's info tuple.
fn info_of(info: Value) -> (usize, Value, Value) {
    let t = crate::types::tuple::items(info);
    let index = t.first().and_then(|v| v.as_small()).unwrap_or(0) as usize;
    (index, t[1], t[2])
}

/// Checks `obj` is an instance of the member's class; its instance object.
fn check_owner(vm: &mut Vm, info: Value, obj: Value) -> PyResult<()> {
    let (_, name, owner) = info_of(info);
    let c = class_of(vm, obj);
    if is_subclass(c, owner) && object::is::<InstanceObj>(obj) {
        return Ok(());
    }
    let (n, o, t) = (
        crate::types::str::as_str(name).unwrap_or("?").to_string(),
        class_name(owner).to_string(),
        type_name(vm, obj).to_string(),
    );
    Err(vm.type_error(format!(
        "descriptor '{n}' for '{o}' objects doesn't apply to a '{t}' object"
    )))
}

fn no_attribute(vm: &mut Vm, obj: Value, name: Value) -> crate::vm::Raised {
    let t = type_name(vm, obj).to_string();
    let n = crate::types::str::as_str(name).unwrap_or("?").to_string();
    vm.attribute_error(format!("'{t}' object has no attribute '{n}'"))
}

fn member_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (info, obj) = (args.pos[0], args.pos[1]);
    check_owner(vm, info, obj)?;
    let (index, name, _) = info_of(info);
    let v = object::downcast::<InstanceObj>(obj)
        .map(|i| instance::get_reserved(i, index))
        .unwrap_or(Value::NULL);
    if v.is_null() {
        return Err(no_attribute(vm, obj, name));
    }
    Ok(v)
}

fn member_set(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (info, obj, value) = (args.pos[0], args.pos[1], args.pos[2]);
    check_owner(vm, info, obj)?;
    let (index, _, _) = info_of(info);
    instance::set_reserved(vm, obj, index, value);
    Ok(vm.none)
}

fn member_delete(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (info, obj) = (args.pos[0], args.pos[1]);
    check_owner(vm, info, obj)?;
    let (index, name, _) = info_of(info);
    let unset = object::downcast::<InstanceObj>(obj)
        .map(|i| instance::get_reserved(i, index).is_null())
        .unwrap_or(true);
    if unset {
        let n = crate::types::str::as_str(name).unwrap_or("?").to_string();
        return Err(vm.attribute_error(n));
    }
    instance::set_reserved(vm, obj, index, Value::NULL);
    Ok(vm.none)
}

/// The info tuple of the member descriptor `args.pos[0]`.
fn this_info(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    let p = args.pos.first().copied().unwrap_or(Value::NULL);
    let info = object::downcast::<PropertyObj>(p)
        .filter(|_| class_of(vm, p) == vm.cls.member_descriptor)
        .and_then(|p| object::downcast::<BuiltinObj>(p.fget))
        .map(|b| b.receiver);
    match info {
        Some(i) => Ok(i),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' requires a 'member_descriptor' object"
        ))),
    }
}

fn d_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let info = this_info(vm, &args, "__get__")?;
    args.check(vm, "__get__", 2, 3)?;
    let obj = args.pos[1];
    if obj == vm.none {
        let owner = args.pos.get(2).copied().unwrap_or(vm.none);
        if owner == vm.none {
            return Err(vm.type_error("__get__(None, None) is invalid"));
        }
        return Ok(args.pos[0]);
    }
    member_get(vm, Args::positional(&[info, obj]))
}

fn d_set(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let info = this_info(vm, &args, "__set__")?;
    args.check(vm, "__set__", 3, 3)?;
    member_set(vm, Args::positional(&[info, args.pos[1], args.pos[2]]))
}

fn d_delete(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let info = this_info(vm, &args, "__delete__")?;
    args.check(vm, "__delete__", 2, 2)?;
    member_delete(vm, Args::positional(&[info, args.pos[1]]))
}

fn d_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let info = this_info(vm, &args, "__repr__")?;
    let (_, name, owner) = info_of(info);
    let s = format!(
        "<member '{}' of '{}' objects>",
        crate::types::str::as_str(name).unwrap_or("?"),
        class_name(owner)
    );
    Ok(crate::types::str::new_str(vm, &s))
}

fn g_name(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let info = this_info(vm, &args, "__name__")?;
    Ok(info_of(info).1)
}

fn g_qualname(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let info = this_info(vm, &args, "__qualname__")?;
    let (_, name, owner) = info_of(info);
    let q = crate::types::str::as_str(class_obj(owner).qualname).unwrap_or("?");
    let s = format!("{q}.{}", crate::types::str::as_str(name).unwrap_or("?"));
    Ok(crate::types::str::new_str(vm, &s))
}

fn g_objclass(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let info = this_info(vm, &args, "__objclass__")?;
    Ok(info_of(info).2)
}

fn g_doc(vm: &mut Vm, args: Args<'_>) -> PyResult {
    this_info(vm, &args, "__doc__")?;
    Ok(vm.none)
}

/// Registers the methods of `member_descriptor`.
pub(crate) fn init(vm: &mut Vm) {
    let cls = vm.cls.member_descriptor;
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
