//! Instances of user classes: attributes through maps (hidden classes).
//!
//! A map lists attribute names in slot order and caches its transitions; instances with the
//! same attributes added in the same order share a map. Maps are Rust-owned and immortal;
//! names are interned (pinned) strs, compared by address. An instance whose `__dict__` was
//! asked for switches to a dict map: the slot after the reserved ones holds a real dict.
//!
//! The first `reserved` slots of every map of a class belong to its `__slots__` members
//! (read and written by `member_descriptor`s, see [`crate::types::slots`]); their names in
//! the map are small-int placeholders that never equal an attribute name. Instances of a
//! class whose root map has no dict (`object()`, classes with `__slots__` all the way up)
//! accept no other attributes.

use crate::object::{self, ArrayObj, InstanceObj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::collections::HashMap;

/// A hidden class: which attribute lives in which slot.
pub struct Map {
    names: Vec<Value>,
    transitions: RefCell<HashMap<u64, *const Map>>,
    dict_mode: bool,
    reserved: usize,
    has_dict: bool,
    has_weakref: bool,
}

/// Dict maps by number of reserved slots (addresses of leaked maps).
static DICT_MAPS: std::sync::Mutex<Vec<usize>> = std::sync::Mutex::new(Vec::new());

/// The placeholder name of reserved slot `i`.
fn reserved_name(i: usize) -> Value {
    Value::from_usize(i)
}

fn leak(names: Vec<Value>, dict_mode: bool, reserved: usize, has_dict: bool) -> *const Map {
    Box::into_raw(Box::new(Map {
        names,
        transitions: RefCell::default(),
        dict_mode,
        reserved,
        has_dict,
        has_weakref: false,
    }))
}

impl Map {
    /// A new empty root map whose instances may get any attribute.
    pub fn new_root() -> *const Map {
        Map::new_class_root(0, true)
    }

    /// A new root map (one per class) with `reserved` slots for `__slots__` members;
    /// `has_dict` tells whether instances accept other attributes.
    pub fn new_class_root(reserved: usize, has_dict: bool) -> *const Map {
        Map::new_layout(reserved, has_dict, false)
    }

    /// As [`Map::new_class_root`]; `has_weakref` tells whether the class (or a base) has a
    /// `__weakref__` attribute.
    pub fn new_layout(reserved: usize, has_dict: bool, has_weakref: bool) -> *const Map {
        let m = leak(
            (0..reserved).map(reserved_name).collect(),
            false,
            reserved,
            has_dict,
        );
        // SAFETY: `m` was just leaked from a Box and nothing else refers to it yet.
        unsafe { (*(m as *mut Map)).has_weakref = has_weakref };
        m
    }

    /// The map of instances with `reserved` member slots that keep their other attributes
    /// in a dict (held in slot `reserved`).
    pub fn dict_map(reserved: usize) -> *const Map {
        let mut maps = DICT_MAPS.lock().unwrap_or_else(|e| e.into_inner());
        while maps.len() <= reserved {
            let r = maps.len();
            maps.push(leak((0..r).map(reserved_name).collect(), true, r, true) as usize);
        }
        maps[reserved] as *const Map
    }

    /// Whether attributes live in a dict.
    pub fn is_dict_mode(&self) -> bool {
        self.dict_mode
    }

    /// How many leading slots belong to `__slots__` members.
    pub fn reserved(&self) -> usize {
        self.reserved
    }

    /// Whether instances with this map may hold attributes other than their members.
    pub fn has_dict(&self) -> bool {
        self.has_dict
    }

    /// Whether the class of a root map gives its instances a `__weakref__` attribute.
    pub fn has_weakref(&self) -> bool {
        self.has_weakref
    }

    /// The slot of attribute `name` (interned).
    #[inline]
    pub fn index_of(&self, name: Value) -> Option<usize> {
        self.names.iter().position(|&n| n == name)
    }

    /// Attribute names in slot order (reserved slots have small-int placeholder names).
    pub fn names(&self) -> &[Value] {
        &self.names
    }

    /// The map with `name` added after the existing attributes (cached transition).
    pub fn with_attr(&self, name: Value) -> *const Map {
        if let Some(&m) = self.transitions.borrow().get(&name.0) {
            return m;
        }
        let mut names = self.names.clone();
        names.push(name);
        let m = leak(names, false, self.reserved, true);
        self.transitions.borrow_mut().insert(name.0, m);
        m
    }
}

/// The map of an instance.
#[inline]
pub fn map_of<'a>(inst: &InstanceObj) -> &'a Map {
    // SAFETY: maps are leaked boxes that live for the whole run; every instance gets one at
    // creation.
    unsafe { &*inst.map }
}

/// Creates an instance of `cls` with no attributes and the given native payload.
pub fn new_instance(vm: &mut Vm, cls: Value, native: Value) -> Value {
    let map = crate::types::class::class_obj(cls).map;
    let (v, i) = vm.alloc_obj::<InstanceObj>(cls);
    i.map = map;
    i.native = native;
    crate::finalize::guard_instance(vm, cls, v);
    v
}

fn slots<'a>(inst: &InstanceObj) -> &'a mut [Value] {
    match object::downcast::<ArrayObj>(inst.slots) {
        Some(a) => a.slots(),
        None => &mut [],
    }
}

/// The instance's attribute dict if it is in dict mode.
pub fn attr_dict(inst: &InstanceObj) -> Option<Value> {
    let map = map_of(inst);
    if map.is_dict_mode() {
        Some(slots(inst)[map.reserved()])
    } else {
        None
    }
}

/// Reads attribute `name` (interned) of an instance's own attributes.
#[inline]
pub fn get_attr(inst: &InstanceObj, name: Value) -> Option<Value> {
    let map = map_of(inst);
    if map.is_dict_mode() {
        return crate::types::dict::get_str_key(slots(inst)[map.reserved()], name);
    }
    map.index_of(name).and_then(|i| slots(inst).get(i).copied())
}

/// Reads reserved slot `i` of an instance (NULL when unset).
pub fn get_reserved(inst: &InstanceObj, i: usize) -> Value {
    slots(inst).get(i).copied().unwrap_or(Value::NULL)
}

/// Writes reserved slot `i` of an instance (NULL clears it).
pub fn set_reserved(vm: &mut Vm, obj: Value, i: usize, value: Value) {
    let inst = object::downcast::<InstanceObj>(obj).expect("an instance");
    if i >= slots(inst).len() {
        let old: Vec<Value> = slots(inst).to_vec();
        let want = map_of(inst).names().len().max(i + 1).max(4);
        let arr = grow(vm, &old, want);
        object::downcast::<InstanceObj>(obj)
            .expect("an instance")
            .slots = arr;
    }
    let inst = object::downcast::<InstanceObj>(obj).expect("an instance");
    slots(inst)[i] = value;
    vm.heap.write_barrier(obj.addr());
}

/// A new slot array of `len` slots holding `old` at the front.
fn grow(vm: &mut Vm, old: &[Value], len: usize) -> Value {
    let p = vm.alloc(
        object::Kind::Array,
        std::mem::size_of::<ArrayObj>() + 8 * len,
        Value::NULL,
    );
    // SAFETY: a fresh Array object with room for `len` Values.
    unsafe {
        let a = &mut *(p as *mut ArrayObj);
        a.len = len as u64;
        a.slots()[..old.len()].copy_from_slice(old);
    }
    Value::from_addr(p)
}

/// Sets attribute `name` (interned) of an instance, raising `AttributeError` as CPython
/// does when the instance has no `__dict__`.
pub fn try_set_attr(vm: &mut Vm, obj: Value, name: Value, value: Value) -> PyResult<()> {
    let inst = object::downcast::<InstanceObj>(obj).expect("an instance");
    if !map_of(inst).has_dict() {
        let t = crate::types::class::type_name(vm, obj).to_string();
        let n = crate::types::str::as_str(name).unwrap_or("?").to_string();
        return Err(vm.attribute_error(format!("'{t}' object has no attribute '{n}'")));
    }
    set_attr(vm, obj, name, value);
    Ok(())
}

/// Sets attribute `name` (interned) of an instance that has a `__dict__`.
pub fn set_attr(vm: &mut Vm, obj: Value, name: Value, value: Value) {
    let inst = object::downcast::<InstanceObj>(obj).expect("an instance");
    let map = map_of(inst);
    if map.is_dict_mode() {
        crate::types::dict::set_str_key(slots(inst)[map.reserved()], name, value);
        return;
    }
    if let Some(i) = map.index_of(name) {
        slots(inst)[i] = value;
        return;
    }
    let n = map.names().len();
    let new_map = map.with_attr(name);
    if n >= slots(inst).len() {
        let old: Vec<Value> = slots(inst).to_vec();
        let arr = grow(vm, &old, (n * 2).max(4));
        let inst = object::downcast::<InstanceObj>(obj).expect("an instance");
        inst.slots = arr;
    }
    let inst = object::downcast::<InstanceObj>(obj).expect("an instance");
    slots(inst)[n] = value;
    inst.map = new_map;
    vm.heap.write_barrier(obj.addr());
}

/// The instance's `__dict__` (switching it to dict mode if needed), or `None` when its
/// class gives it none.
pub fn instance_dict(vm: &mut Vm, obj: Value) -> Option<Value> {
    let inst = object::downcast::<InstanceObj>(obj)?;
    if !map_of(inst).has_dict() {
        return None;
    }
    Some(materialize_dict(vm, obj))
}

/// Makes `d` the `__dict__` of instance `obj`; `false` when its class gives it none.
pub fn replace_dict(vm: &mut Vm, obj: Value, d: Value) -> bool {
    if instance_dict(vm, obj).is_none() {
        return false;
    }
    let inst = object::downcast::<InstanceObj>(obj).expect("an instance");
    let r = map_of(inst).reserved();
    slots(inst)[r] = d;
    vm.heap.write_barrier(obj.addr());
    true
}

/// Switches an instance to dict mode (if needed) and returns its attribute dict; an
/// instance without `__dict__` gets a fresh dict that is not attached to it.
pub fn materialize_dict(vm: &mut Vm, obj: Value) -> Value {
    let inst = object::downcast::<InstanceObj>(obj).expect("an instance");
    if let Some(d) = attr_dict(inst) {
        return d;
    }
    let map = map_of(inst);
    if !map.has_dict() {
        return crate::types::dict::new_dict(vm);
    }
    let reserved = map.reserved();
    let names: Vec<Value> = map.names()[reserved..].to_vec();
    let mut kept: Vec<Value> = (0..reserved).map(|i| get_reserved(inst, i)).collect();
    let values: Vec<Value> = (reserved..reserved + names.len())
        .map(|i| get_reserved(inst, i))
        .collect();
    let d = crate::types::dict::new_dict(vm);
    for (n, v) in names.into_iter().zip(values) {
        if !v.is_null() {
            crate::types::dict::set_str_key(d, n, v);
        }
    }
    kept.push(d);
    let arr = grow(vm, &kept, kept.len());
    let inst = object::downcast::<InstanceObj>(obj).expect("an instance");
    inst.slots = arr;
    inst.map = Map::dict_map(reserved);
    vm.heap.write_barrier(obj.addr());
    d
}

/// Deletes attribute `name`; whether it existed.
pub fn del_attr(vm: &mut Vm, obj: Value, name: Value) -> bool {
    let inst = object::downcast::<InstanceObj>(obj).expect("an instance");
    if get_attr(inst, name).is_none() {
        return false;
    }
    let d = materialize_dict(vm, obj);
    crate::types::dict::del_str_key(d, name)
}
