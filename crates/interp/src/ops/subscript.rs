//! Subscription and membership: `obj[key]`, `obj[key] = v`, `del obj[key]`, `item in obj`.

use super::call::call_unbound;
use crate::object::{self, Kind};
use crate::types::class::{class_obj, class_of, flags, type_name};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn is_exact_builtin(vm: &Vm, v: Value) -> bool {
    class_obj(class_of(vm, v)).flags & flags::BUILTIN != 0
}

/// Item `i` (negative counts from the end) of `items`, if in range.
#[inline(always)]
fn item_at(items: &[Value], i: i64) -> Option<usize> {
    let j = if i < 0 { i + items.len() as i64 } else { i };
    (j >= 0 && (j as usize) < items.len()).then_some(j as usize)
}

/// `obj[key]`.
#[inline]
pub fn getitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<Value> {
    if let Some(i) = key.as_small() {
        let items: &[Value] = match object::kind_of(obj) {
            Some(Kind::List) => crate::types::list::list_items(obj),
            Some(Kind::Tuple) => crate::types::tuple::items(obj),
            _ => &[],
        };
        if let Some(j) = item_at(items, i) {
            return Ok(items[j]);
        }
    }
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
        if obj == vm.cls.type_ {
            return Ok(crate::types::genericalias::new_alias(vm, obj, key));
        }
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
#[inline]
pub fn setitem(vm: &mut Vm, obj: Value, key: Value, value: Value) -> PyResult<()> {
    if let (Some(i), Some(l)) = (key.as_small(), object::downcast::<object::ListObj>(obj)) {
        let items = crate::types::list::list_items(obj);
        if let Some(j) = item_at(items, i) {
            items[j] = value;
            vm.heap.write_barrier(l.items.addr());
            return Ok(());
        }
    }
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
    match object::kind_of(container) {
        Some(Kind::Set) if object::kind_of(item) != Some(Kind::Set) => {
            // SAFETY: `container` is a pointer Value (its kind was read).
            let cls = unsafe { object::class_word(container) };
            if cls == vm.cls.set || cls == vm.cls.frozenset {
                return crate::types::set::contains(vm, container, item);
            }
        }
        Some(Kind::Dict) => {
            // SAFETY: as above.
            if unsafe { object::class_word(container) } == vm.cls.dict {
                return Ok(crate::types::dict::get(vm, container, item)?.is_some());
            }
        }
        _ => {}
    }
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
