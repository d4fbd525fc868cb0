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

/// The items of an exact list (Lists always have class `list`; subclasses are instances).
#[inline(always)]
fn exact_list_items<'a>(v: Value) -> Option<&'a mut [Value]> {
    let l = object::downcast::<object::ListObj>(v)?;
    let arr = object::downcast::<object::ArrayObj>(l.items)?;
    let slots = arr.slots();
    let n = (l.len as usize).min(slots.len());
    Some(&mut slots[..n])
}

/// `obj[key]` for an exact list or tuple and an in-range small int: the eval loop's inline
/// fast path (`None`: use [`getitem`]).
#[inline(always)]
pub fn fast_getitem(obj: Value, key: Value) -> Option<Value> {
    let i = key.as_small()?;
    let items: &[Value] = match object::kind_of(obj)? {
        Kind::List => exact_list_items(obj)?,
        Kind::Tuple => crate::types::tuple::items(obj),
        _ => return None,
    };
    item_at(items, i).map(|j| items[j])
}

/// `obj[key] = value` for an exact list and an in-range small int: the eval loop's inline
/// fast path (`false`: use [`setitem`]).
#[inline(always)]
pub fn fast_setitem(vm: &mut Vm, obj: Value, key: Value, value: Value) -> bool {
    let (Some(i), Some(items)) = (key.as_small(), exact_list_items(obj)) else {
        return false;
    };
    let Some(j) = item_at(items, i) else {
        return false;
    };
    items[j] = value;
    if let Some(l) = object::downcast::<object::ListObj>(obj) {
        vm.heap.write_barrier(l.items.addr());
    }
    true
}

/// Whether `key` is a slice whose bounds are None or small ints: computing its indices runs
/// no Python code (which could change the sequence meanwhile).
fn simple_slice(vm: &Vm, key: Value) -> bool {
    object::downcast::<object::SliceObj>(key).is_some_and(|s| {
        [s.start, s.stop, s.step]
            .iter()
            .all(|&v| v.is_small() || v == vm.none)
    })
}

/// `list[slice]` for an exact list and a simple slice: a new list of the selected items.
fn list_slice(vm: &mut Vm, list: Value, slice: Value) -> PyResult<Value> {
    let len = exact_list_items(list).map_or(0, |s| s.len());
    let (start, _, step, n) = crate::types::slice::slice_indices(vm, slice, len)?;
    let p = vm.alloc(
        Kind::Array,
        std::mem::size_of::<object::ArrayObj>() + 8 * n,
        Value::NULL,
    );
    // SAFETY: `p` is a fresh zeroed Array object with room for `n` Values.
    let arr = unsafe { &mut *(p as *mut object::ArrayObj) };
    arr.len = n as u64;
    let src = exact_list_items(list).unwrap_or_default();
    for (k, slot) in arr.slots().iter_mut().enumerate() {
        *slot = src[(start + k as i64 * step) as usize];
    }
    let cls = vm.cls.list;
    let (l, obj) = vm.alloc_obj::<object::ListObj>(cls);
    obj.items = Value::from_addr(p);
    obj.len = n as u64;
    Ok(l)
}

/// `list[slice] = seq` for an exact list, a simple slice and an exact list or tuple `seq`
/// (another object)
/// of as many items as the slice selects: the items are replaced in place. `false` when
/// the general path must run.
fn list_assign_slice(vm: &mut Vm, list: Value, slice: Value, seq: Value) -> PyResult<bool> {
    let new: &[Value] = match object::kind_of(seq) {
        Some(Kind::List) if seq != list => exact_list_items(seq).unwrap_or_default(),
        Some(Kind::Tuple) => crate::types::tuple::items(seq),
        _ => return Ok(false),
    };
    let len = exact_list_items(list).map_or(0, |s| s.len());
    let (start, _, step, n) = crate::types::slice::slice_indices(vm, slice, len)?;
    let Some(items) = exact_list_items(list) else {
        return Ok(false);
    };
    if n != new.len() || items.len() != len {
        return Ok(false);
    }
    for (k, &v) in new.iter().enumerate() {
        items[(start + k as i64 * step) as usize] = v;
    }
    if let Some(l) = object::downcast::<object::ListObj>(list) {
        vm.heap.write_barrier(l.items.addr());
    }
    Ok(true)
}

/// `obj[key]`.
pub fn getitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<Value> {
    if let Some(v) = fast_getitem(obj, key) {
        return Ok(v);
    }
    if object::kind_of(obj) == Some(Kind::List) && simple_slice(vm, key) {
        return list_slice(vm, obj, key);
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
pub fn setitem(vm: &mut Vm, obj: Value, key: Value, value: Value) -> PyResult<()> {
    if fast_setitem(vm, obj, key, value) {
        return Ok(());
    }
    if object::kind_of(obj) == Some(Kind::List)
        && simple_slice(vm, key)
        && list_assign_slice(vm, obj, key, value)?
    {
        return Ok(());
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
        // SAFETY: as above.
        Some(Kind::Dict) if unsafe { object::class_word(container) } == vm.cls.dict => {
            return Ok(crate::types::dict::get(vm, container, item)?.is_some());
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
