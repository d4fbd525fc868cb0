//! Subscription and membership: `obj[key]`, `obj[key] = v`, `del obj[key]`, `item in obj`.

use super::call::call_unbound;
use crate::object::{self, Kind};
use crate::types::class::{class_obj, class_of, flags, type_name};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn is_exact_builtin(vm: &Vm, v: Value) -> bool {
    class_obj(class_of(vm, v)).flags & flags::BUILTIN != 0
}

/// `obj[key]`.
#[inline]
pub fn getitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<Value> {
    if is_exact_builtin(vm, obj) {
        match object::kind_of(obj) {
            Some(Kind::List) => return crate::types::list::getitem(vm, obj, key),
            Some(Kind::Tuple) => return crate::types::tuple::getitem(vm, obj, key),
            Some(Kind::Dict) => return crate::types::dict::getitem(vm, obj, key),
            _ => {}
        }
    }
    let name = vm.names.__getitem__;
    let m = super::lookup_special(vm, obj, name);
    if !m.is_null() {
        return call_unbound(vm, m, obj, &[obj, key]);
    }
    if object::is::<object::ClassObj>(obj) {
        let cg = vm.names.__class_getitem__;
        if let Some(f) = super::attr::getattr_opt(vm, obj, cg)? {
            return super::call::call(vm, f, &[key]);
        }
        let t = crate::types::class::class_name(obj).to_string();
        return Err(vm.type_error(format!("type '{t}' is not subscriptable")));
    }
    let t = type_name(vm, obj).to_string();
    Err(vm.type_error(format!("'{t}' object is not subscriptable")))
}

/// `obj[key] = value`.
pub fn setitem(vm: &mut Vm, obj: Value, key: Value, value: Value) -> PyResult<()> {
    if is_exact_builtin(vm, obj) {
        match object::kind_of(obj) {
            Some(Kind::List) => return crate::types::list::setitem(vm, obj, key, value),
            Some(Kind::Dict) => return crate::types::dict::set(vm, obj, key, value),
            _ => {}
        }
    }
    let name = vm.names.__setitem__;
    let m = super::lookup_special(vm, obj, name);
    if m.is_null() {
        let t = type_name(vm, obj).to_string();
        return Err(vm.type_error(format!("'{t}' object does not support item assignment")));
    }
    call_unbound(vm, m, obj, &[obj, key, value])?;
    Ok(())
}

/// `del obj[key]`.
pub fn delitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<()> {
    let name = vm.names.__delitem__;
    let m = super::lookup_special(vm, obj, name);
    if m.is_null() {
        let t = type_name(vm, obj).to_string();
        return Err(vm.type_error(format!("'{t}' object does not support item deletion")));
    }
    call_unbound(vm, m, obj, &[obj, key])?;
    Ok(())
}

/// `item in container`.
pub fn contains(vm: &mut Vm, container: Value, item: Value) -> PyResult<bool> {
    let name = vm.names.__contains__;
    let m = super::lookup_special(vm, container, name);
    if !m.is_null() {
        let r = call_unbound(vm, m, container, &[container, item])?;
        return super::convert::truthy(vm, r);
    }
    let it = match super::iter::iter(vm, container) {
        Ok(it) => it,
        Err(e) => {
            let te = vm.cls.type_error;
            if vm.exc_matches(te) {
                let t = type_name(vm, container).to_string();
                return Err(vm.type_error(format!("argument of type '{t}' is not iterable")));
            }
            return Err(e);
        }
    };
    while let Some(v) = super::iter::next(vm, it)? {
        if super::compare::eq(vm, v, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}
