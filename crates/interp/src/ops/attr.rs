//! Attribute access: the generic instance protocol (data descriptors, instance attributes
//! through maps, non-data descriptors and methods, `__getattr__`), classes, modules, `super`.

use super::call::{call, call_unbound};
use crate::object::{
    self, BuiltinObj, ClassObj, FunctionObj, InstanceObj, Kind, MethodObj, MethodWrapperObj,
    ModuleObj, PropertyObj, SuperObj,
};
use crate::types::class::{self, class_name, class_obj, class_of, flags, lookup, type_name};
use crate::types::instance;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// What a class attribute is, as far as binding goes.
enum DescrKind {
    /// A Python function: binds to a method.
    Function,
    /// A native method: binds its receiver.
    Native,
    /// `staticmethod`.
    Static,
    /// `classmethod`.
    ClassMethod,
    /// `property` (a data descriptor).
    Property,
    /// An object whose class defines `__get__` (and `__set__`/`__delete__` if `data`).
    Custom { data: bool },
    /// Anything else: returned as is.
    Plain,
}

fn descr_kind(vm: &mut Vm, d: Value) -> DescrKind {
    match object::kind_of(d) {
        Some(Kind::Function) => DescrKind::Function,
        Some(Kind::Builtin) if crate::types::builtin_func::binds_on_access(d) => DescrKind::Native,
        Some(Kind::Property) => DescrKind::Property,
        Some(Kind::MethodWrapper) => {
            if crate::types::function::is_classmethod(vm, d) {
                DescrKind::ClassMethod
            } else {
                DescrKind::Static
            }
        }
        Some(Kind::Instance) => {
            let cls = class_of(vm, d);
            let get = vm.names.__get__;
            if lookup(vm, cls, get).is_null() {
                return DescrKind::Plain;
            }
            let (set, del) = (vm.names.__set__, vm.names.__delete__);
            let data = !lookup(vm, cls, set).is_null() || !lookup(vm, cls, del).is_null();
            DescrKind::Custom { data }
        }
        _ => DescrKind::Plain,
    }
}

/// A bound method of `func` to `receiver`.
pub fn bind(vm: &mut Vm, func: Value, receiver: Value) -> Value {
    let cls = vm.cls.method;
    let (m, obj) = vm.alloc_obj::<MethodObj>(cls);
    obj.func = func;
    obj.receiver = receiver;
    m
}

/// A native method bound to `receiver`.
pub fn bind_native(vm: &mut Vm, native: Value, receiver: Value) -> Value {
    let b = object::downcast::<BuiltinObj>(native).expect("a builtin");
    let (name, qualname, func, owner) = (b.name, b.qualname, b.func, b.owner);
    let cls = if class_of(vm, native) == vm.cls.wrapper_descriptor {
        vm.cls.method_wrapper
    } else {
        vm.cls.builtin_function
    };
    let (v, obj) = vm.alloc_obj::<BuiltinObj>(cls);
    obj.name = name;
    obj.qualname = qualname;
    obj.func = func;
    obj.receiver = receiver;
    obj.owner = owner;
    v
}

/// Applies a class attribute found for an instance (`obj` NULL when accessed on the class
/// `owner` itself).
fn get_descr(vm: &mut Vm, d: Value, kind: DescrKind, obj: Value, owner: Value) -> PyResult<Value> {
    match kind {
        DescrKind::Function => Ok(if obj.is_null() { d } else { bind(vm, d, obj) }),
        DescrKind::Native => Ok(if obj.is_null() {
            d
        } else {
            bind_native(vm, d, obj)
        }),
        DescrKind::Static => Ok(object::downcast::<MethodWrapperObj>(d)
            .map(|w| w.func)
            .unwrap_or(d)),
        DescrKind::ClassMethod => {
            let f = object::downcast::<MethodWrapperObj>(d)
                .map(|w| w.func)
                .unwrap_or(d);
            if object::is::<BuiltinObj>(f) {
                Ok(bind_native(vm, f, owner))
            } else {
                Ok(bind(vm, f, owner))
            }
        }
        DescrKind::Property => {
            if obj.is_null() {
                return Ok(d);
            }
            let fget = object::downcast::<PropertyObj>(d)
                .map(|p| p.fget)
                .unwrap_or(Value::NULL);
            if fget.is_null() || fget == vm.none {
                return Err(vm.attribute_error("unreadable attribute"));
            }
            call(vm, fget, &[obj])
        }
        DescrKind::Custom { .. } => {
            let get = vm.names.__get__;
            let m = super::lookup_special(vm, d, get);
            let o = if obj.is_null() { vm.none } else { obj };
            call_unbound(vm, m, d, &[d, o, owner])
        }
        DescrKind::Plain => Ok(d),
    }
}

/// `getattr(obj, name)`; `name` must be a str (interned or not).
pub fn getattr(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Value> {
    match getattr_inner(vm, obj, name)? {
        Some(v) => Ok(v),
        None => Err(no_attribute(vm, obj, name)),
    }
}

/// `getattr(obj, "name")` with Rust text.
pub fn getattr_str(vm: &mut Vm, obj: Value, name: &str) -> PyResult<Value> {
    let n = vm.intern(name);
    getattr(vm, obj, n)
}

/// `getattr(obj, name, None)`-like: `None` instead of `AttributeError`.
pub fn getattr_opt(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    match getattr_inner(vm, obj, name) {
        Ok(r) => Ok(r),
        Err(e) => {
            let ae = vm.cls.attribute_error;
            if vm.exc_matches(ae) {
                vm.exc = Value::NULL;
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

/// The `AttributeError` for a missing attribute, worded as CPython does.
pub fn no_attribute(vm: &mut Vm, obj: Value, name: Value) -> crate::vm::Raised {
    let r = no_attribute_message(vm, obj, name);
    crate::types::exception::fields::set_name_and_obj(vm, name, obj);
    r
}

fn no_attribute_message(vm: &mut Vm, obj: Value, name: Value) -> crate::vm::Raised {
    let n = crate::types::str::as_str(name).unwrap_or("?").to_string();
    if let Some(m) = object::downcast::<ModuleObj>(obj) {
        let mname = crate::types::str::as_str(m.name).unwrap_or("?").to_string();
        return vm.attribute_error(format!("module '{mname}' has no attribute '{n}'"));
    }
    if object::is::<ClassObj>(obj) {
        let c = class_name(obj).to_string();
        return vm.attribute_error(format!("type object '{c}' has no attribute '{n}'"));
    }
    let t = type_name(vm, obj).to_string();
    vm.attribute_error(format!("'{t}' object has no attribute '{n}'"))
}

fn getattr_inner(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    let name = if object::kind_of(name) == Some(Kind::Str) {
        vm.intern_value(name)
    } else {
        name
    };
    let cls = class_of(vm, obj);
    let cflags = class_obj(cls).flags;
    if cflags & flags::CUSTOM_ATTR != 0 {
        let ga = vm.names.__getattribute__;
        let m = lookup(vm, cls, ga);
        let object_ga = crate::types::dict::get_str_key(class_obj(vm.cls.object).dict, ga)
            .unwrap_or(Value::NULL);
        if m != object_ga && !m.is_null() {
            let r = call_unbound(vm, m, obj, &[obj, name]);
            return match r {
                Ok(v) => Ok(Some(v)),
                Err(e) => {
                    let ae = vm.cls.attribute_error;
                    if cflags & flags::HAS_GETATTR != 0 && vm.exc_matches(ae) {
                        vm.exc = Value::NULL;
                        call_getattr_hook(vm, obj, cls, name)
                    } else {
                        Err(e)
                    }
                }
            };
        }
    }
    if cflags & flags::HAS_GETATTR != 0 {
        return getattr_with_hook(vm, obj, cls, name);
    }
    generic_getattr(vm, obj, cls, name)
}

/// The generic lookup, then `__getattr__` when it finds nothing or raises AttributeError
/// (a property or descriptor failing included).
fn getattr_with_hook(vm: &mut Vm, obj: Value, cls: Value, name: Value) -> PyResult<Option<Value>> {
    match generic_getattr(vm, obj, cls, name) {
        Ok(Some(v)) => return Ok(Some(v)),
        Ok(None) => {}
        Err(e) => {
            let ae = vm.cls.attribute_error;
            if !vm.exc_matches(ae) {
                return Err(e);
            }
            vm.exc = Value::NULL;
        }
    }
    call_getattr_hook(vm, obj, cls, name)
}

fn call_getattr_hook(vm: &mut Vm, obj: Value, cls: Value, name: Value) -> PyResult<Option<Value>> {
    let ga = vm.names.__getattr__;
    let m = lookup(vm, cls, ga);
    if m.is_null() {
        return Ok(None);
    }
    call_unbound(vm, m, obj, &[obj, name]).map(Some)
}

/// `object.__getattribute__`: the protocol without `__getattr__`.
pub fn generic_getattr(
    vm: &mut Vm,
    obj: Value,
    cls: Value,
    name: Value,
) -> PyResult<Option<Value>> {
    match object::kind_of(obj) {
        Some(Kind::Class) => return class_getattr(vm, obj, name),
        Some(Kind::Super) => return super_getattr(vm, obj, name),
        _ => {}
    }
    let d = lookup(vm, cls, name);
    let mut kind = DescrKind::Plain;
    if !d.is_null() {
        kind = descr_kind(vm, d);
        if matches!(kind, DescrKind::Property | DescrKind::Custom { data: true }) {
            return get_descr(vm, d, kind, obj, cls).map(Some);
        }
    }
    if let Some(v) = own_attr(vm, obj, name) {
        return Ok(Some(v));
    }
    if !d.is_null() {
        return get_descr(vm, d, kind, obj, cls).map(Some);
    }
    Ok(None)
}

/// An attribute stored on the object itself (instance attributes, module globals,
/// function attributes).
fn own_attr(vm: &mut Vm, obj: Value, name: Value) -> Option<Value> {
    match object::kind_of(obj) {
        Some(Kind::Instance) => {
            let inst = object::downcast::<InstanceObj>(obj)?;
            if name == vm.names.__dict__ {
                return instance::instance_dict(vm, obj);
            }
            instance::get_attr(inst, name)
        }
        Some(Kind::Module) => {
            let m = object::downcast::<ModuleObj>(obj)?;
            if name == vm.names.__dict__ {
                return Some(m.dict);
            }
            crate::types::dict::get_str_key(m.dict, name)
        }
        Some(Kind::Function) => {
            let f = object::downcast::<FunctionObj>(obj)?;
            if f.dict.is_null() {
                None
            } else {
                crate::types::dict::get_str_key(f.dict, name)
            }
        }
        _ => None,
    }
}

fn class_getattr(vm: &mut Vm, cls: Value, name: Value) -> PyResult<Option<Value>> {
    let meta = class_of(vm, cls);
    let md = lookup(vm, meta, name);
    let mut mkind = DescrKind::Plain;
    if !md.is_null() {
        mkind = descr_kind(vm, md);
        if matches!(
            mkind,
            DescrKind::Property | DescrKind::Custom { data: true }
        ) {
            return get_descr(vm, md, mkind, cls, meta).map(Some);
        }
    }
    let d = lookup(vm, cls, name);
    if !d.is_null() {
        let kind = descr_kind(vm, d);
        return match kind {
            DescrKind::Function | DescrKind::Native | DescrKind::Property | DescrKind::Plain => {
                Ok(Some(d))
            }
            DescrKind::Custom { .. } => {
                let get = vm.names.__get__;
                let m = super::lookup_special(vm, d, get);
                let none = vm.none;
                call_unbound(vm, m, d, &[d, none, cls]).map(Some)
            }
            k => get_descr(vm, d, k, Value::NULL, cls).map(Some),
        };
    }
    if !md.is_null() {
        return get_descr(vm, md, mkind, cls, meta).map(Some);
    }
    Ok(None)
}

fn super_getattr(vm: &mut Vm, sup: Value, name: Value) -> PyResult<Option<Value>> {
    let s = object::downcast::<SuperObj>(sup).expect("a super object");
    let (this, obj, obj_type) = (s.this_class, s.obj, s.obj_type);
    if name == vm.names.__class__ {
        return Ok(Some(vm.cls.super_));
    }
    let mro: Vec<Value> = class::mro(obj_type).to_vec();
    let start = mro
        .iter()
        .position(|&c| c == this)
        .map(|i| i + 1)
        .unwrap_or(mro.len());
    for &c in &mro[start..] {
        if let Some(d) = crate::types::dict::get_str_key(class_obj(c).dict, name) {
            let kind = descr_kind(vm, d);
            let inst = if obj == obj_type { Value::NULL } else { obj };
            return get_descr(vm, d, kind, inst, obj_type).map(Some);
        }
    }
    let cls = class_of(vm, sup);
    generic_getattr_plain(vm, sup, cls, name)
}

fn generic_getattr_plain(
    vm: &mut Vm,
    obj: Value,
    cls: Value,
    name: Value,
) -> PyResult<Option<Value>> {
    let d = lookup(vm, cls, name);
    if d.is_null() {
        return Ok(None);
    }
    let kind = descr_kind(vm, d);
    get_descr(vm, d, kind, obj, cls).map(Some)
}

/// `setattr(obj, name, value)`.
pub fn setattr(vm: &mut Vm, obj: Value, name: Value, value: Value) -> PyResult<()> {
    let name = vm.intern_value(name);
    let cls = class_of(vm, obj);
    if class_obj(cls).flags & flags::CUSTOM_ATTR != 0 {
        let sa = vm.names.__setattr__;
        let m = lookup(vm, cls, sa);
        let object_sa = crate::types::dict::get_str_key(class_obj(vm.cls.object).dict, sa)
            .unwrap_or(Value::NULL);
        if m != object_sa && !m.is_null() {
            call_unbound(vm, m, obj, &[obj, name, value])?;
            return Ok(());
        }
    }
    generic_setattr(vm, obj, name, value)
}

/// `object.__setattr__`.
pub fn generic_setattr(vm: &mut Vm, obj: Value, name: Value, value: Value) -> PyResult<()> {
    let cls = class_of(vm, obj);
    if object::kind_of(obj) == Some(Kind::Class) {
        return class_setattr(vm, obj, name, value);
    }
    let d = lookup(vm, cls, name);
    if !d.is_null() {
        match descr_kind(vm, d) {
            DescrKind::Property => {
                let fset = object::downcast::<PropertyObj>(d)
                    .map(|p| p.fset)
                    .unwrap_or(Value::NULL);
                if fset.is_null() || fset == vm.none {
                    let (n, t) = (
                        crate::types::str::as_str(name).unwrap_or("?").to_string(),
                        type_name(vm, obj).to_string(),
                    );
                    return Err(
                        vm.attribute_error(format!("property '{n}' of '{t}' object has no setter"))
                    );
                }
                call(vm, fset, &[obj, value])?;
                return Ok(());
            }
            DescrKind::Custom { data: true } => {
                let set = vm.names.__set__;
                let m = super::lookup_special(vm, d, set);
                if m.is_null() {
                    return Err(vm.attribute_error("__set__"));
                }
                call_unbound(vm, m, d, &[d, obj, value])?;
                return Ok(());
            }
            _ => {}
        }
    }
    match object::kind_of(obj) {
        Some(Kind::Instance) => {
            if name == vm.names.__dict__ {
                return Err(vm.not_implemented("assigning __dict__"));
            }
            instance::try_set_attr(vm, obj, name, value)
        }
        Some(Kind::Module) => {
            let d = object::downcast::<ModuleObj>(obj).expect("a module").dict;
            crate::types::dict::set_str_key(d, name, value);
            Ok(())
        }
        Some(Kind::Function) => {
            let f = object::downcast::<FunctionObj>(obj).expect("a function");
            if f.dict.is_null() {
                let d = crate::types::dict::new_dict(vm);
                object::downcast::<FunctionObj>(obj)
                    .expect("a function")
                    .dict = d;
            }
            let d = object::downcast::<FunctionObj>(obj)
                .expect("a function")
                .dict;
            crate::types::dict::set_str_key(d, name, value);
            Ok(())
        }
        _ => {
            let (n, t) = (
                crate::types::str::as_str(name).unwrap_or("?").to_string(),
                type_name(vm, obj).to_string(),
            );
            if d.is_null() {
                Err(vm.attribute_error(format!("'{t}' object has no attribute '{n}'")))
            } else {
                Err(vm.attribute_error(format!("'{t}' object attribute '{n}' is read-only")))
            }
        }
    }
}

/// `obj.__class__ = value` for instances of user classes.
pub(crate) fn set_class(vm: &mut Vm, obj: Value, value: Value) -> PyResult<()> {
    if object::kind_of(obj) != Some(Kind::Instance)
        || !object::is::<ClassObj>(value)
        || class_obj(value).flags & flags::BUILTIN != 0
    {
        return Err(vm.type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    let inst = object::downcast::<InstanceObj>(obj).expect("an instance");
    let old_map = instance::map_of(inst);
    if !old_map.is_dict_mode() {
        instance::materialize_dict(vm, obj);
    }
    // SAFETY: `obj` is a live instance; its class word may be any class with the same layout.
    unsafe { (*(obj.addr() as *mut object::ObjHead)).class = value };
    Ok(())
}

fn class_setattr(vm: &mut Vm, cls: Value, name: Value, value: Value) -> PyResult<()> {
    let meta = class_of(vm, cls);
    let md = lookup(vm, meta, name);
    if !md.is_null() && matches!(descr_kind(vm, md), DescrKind::Property) {
        let fset = object::downcast::<PropertyObj>(md)
            .map(|p| p.fset)
            .unwrap_or(Value::NULL);
        if !fset.is_null() && fset != vm.none {
            call(vm, fset, &[cls, value])?;
            return Ok(());
        }
        let n = crate::types::str::as_str(name).unwrap_or("?").to_string();
        return Err(
            vm.attribute_error(format!("attribute '{n}' of 'type' objects is not writable"))
        );
    }
    if class_obj(cls).flags & flags::BUILTIN != 0 {
        let (n, c) = (
            crate::types::str::as_str(name).unwrap_or("?").to_string(),
            class_name(cls).to_string(),
        );
        return Err(vm.type_error(format!(
            "cannot set '{n}' attribute of immutable type '{c}'"
        )));
    }
    crate::types::dict::set_str_key(class_obj(cls).dict, name, value);
    class::bump_version(cls);
    if crate::types::str::as_str(name).is_some_and(|s| s.starts_with("__")) {
        class::update_slot_flags(vm, cls);
    }
    Ok(())
}

/// `delattr(obj, name)`.
pub fn delattr(vm: &mut Vm, obj: Value, name: Value) -> PyResult<()> {
    let name = vm.intern_value(name);
    let cls = class_of(vm, obj);
    if class_obj(cls).flags & flags::CUSTOM_ATTR != 0 {
        let da = vm.names.__delattr__;
        let m = lookup(vm, cls, da);
        let object_da = crate::types::dict::get_str_key(class_obj(vm.cls.object).dict, da)
            .unwrap_or(Value::NULL);
        if m != object_da && !m.is_null() {
            call_unbound(vm, m, obj, &[obj, name])?;
            return Ok(());
        }
    }
    generic_delattr(vm, obj, name)
}

/// `object.__delattr__`.
pub fn generic_delattr(vm: &mut Vm, obj: Value, name: Value) -> PyResult<()> {
    let cls = class_of(vm, obj);
    let d = lookup(vm, cls, name);
    if !d.is_null() {
        match descr_kind(vm, d) {
            DescrKind::Property => {
                let fdel = object::downcast::<PropertyObj>(d)
                    .map(|p| p.fdel)
                    .unwrap_or(Value::NULL);
                if fdel.is_null() || fdel == vm.none {
                    let (n, t) = (
                        crate::types::str::as_str(name).unwrap_or("?").to_string(),
                        type_name(vm, obj).to_string(),
                    );
                    return Err(vm.attribute_error(format!(
                        "property '{n}' of '{t}' object has no deleter"
                    )));
                }
                call(vm, fdel, &[obj])?;
                return Ok(());
            }
            DescrKind::Custom { data: true } => {
                let del = vm.names.__delete__;
                let m = super::lookup_special(vm, d, del);
                if !m.is_null() {
                    call_unbound(vm, m, d, &[d, obj])?;
                    return Ok(());
                }
            }
            _ => {}
        }
    }
    let removed = match object::kind_of(obj) {
        Some(Kind::Instance) => instance::del_attr(vm, obj, name),
        Some(Kind::Module) => crate::types::dict::del_str_key(
            object::downcast::<ModuleObj>(obj).expect("a module").dict,
            name,
        ),
        Some(Kind::Class) => {
            if class_obj(obj).flags & flags::BUILTIN != 0 {
                let (n, c) = (
                    crate::types::str::as_str(name).unwrap_or("?").to_string(),
                    class_name(obj).to_string(),
                );
                return Err(vm.type_error(format!(
                    "cannot set '{n}' attribute of immutable type '{c}'"
                )));
            }
            let r = crate::types::dict::del_str_key(class_obj(obj).dict, name);
            class::bump_version(obj);
            class::update_slot_flags(vm, obj);
            r
        }
        Some(Kind::Function) => {
            let f = object::downcast::<FunctionObj>(obj).expect("a function");
            !f.dict.is_null() && crate::types::dict::del_str_key(f.dict, name)
        }
        _ => false,
    };
    if removed {
        Ok(())
    } else {
        Err(no_attribute(vm, obj, name))
    }
}
