//! Instances of user classes: attributes through maps (hidden classes).
//!
//! A map lists attribute names in slot order and caches its transitions; instances with the
//! same attributes added in the same order share a map. Maps are Rust-owned and immortal;
//! names are interned (pinned) strs, compared by address. An instance whose `__dict__` was
//! asked for switches to the dict map: its single slot holds a real dict.

use crate::object::{self, ArrayObj, InstanceObj};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;
use std::collections::HashMap;

/// A hidden class: which attribute lives in which slot.
pub struct Map {
    names: Vec<Value>,
    transitions: RefCell<HashMap<u64, *const Map>>,
    dict_mode: bool,
}

static DICT_MAP: std::sync::OnceLock<usize> = std::sync::OnceLock::new();

impl Map {
    /// A new empty root map (one per class).
    pub fn new_root() -> *const Map {
        Box::into_raw(Box::new(Map {
            names: Vec::new(),
            transitions: RefCell::default(),
            dict_mode: false,
        }))
    }

    /// The map of instances that keep their attributes in a dict (slot 0).
    pub fn dict_map() -> *const Map {
        *DICT_MAP.get_or_init(|| {
            Box::into_raw(Box::new(Map {
                names: Vec::new(),
                transitions: RefCell::default(),
                dict_mode: true,
            })) as usize
        }) as *const Map
    }

    /// Whether attributes live in a dict.
    pub fn is_dict_mode(&self) -> bool {
        self.dict_mode
    }

    /// The slot of attribute `name` (interned).
    #[inline]
    pub fn index_of(&self, name: Value) -> Option<usize> {
        self.names.iter().position(|&n| n == name)
    }

    /// Attribute names in slot order.
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
        let m = Box::into_raw(Box::new(Map {
            names,
            transitions: RefCell::default(),
            dict_mode: false,
        })) as *const Map;
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
    if map_of(inst).is_dict_mode() {
        Some(slots(inst)[0])
    } else {
        None
    }
}

/// Reads attribute `name` (interned) of an instance's own attributes.
#[inline]
pub fn get_attr(inst: &InstanceObj, name: Value) -> Option<Value> {
    let map = map_of(inst);
    if map.is_dict_mode() {
        return crate::types::dict::get_str_key(slots(inst)[0], name);
    }
    map.index_of(name).map(|i| slots(inst)[i])
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

/// Sets attribute `name` (interned) of an instance.
pub fn set_attr(vm: &mut Vm, obj: Value, name: Value, value: Value) {
    let inst = object::downcast::<InstanceObj>(obj).expect("an instance");
    let map = map_of(inst);
    if map.is_dict_mode() {
        crate::types::dict::set_str_key(slots(inst)[0], name, value);
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

/// Switches an instance to dict mode (if needed) and returns its attribute dict.
pub fn materialize_dict(vm: &mut Vm, obj: Value) -> Value {
    let inst = object::downcast::<InstanceObj>(obj).expect("an instance");
    if let Some(d) = attr_dict(inst) {
        return d;
    }
    let names: Vec<Value> = map_of(inst).names().to_vec();
    let values: Vec<Value> = slots(inst)[..names.len()].to_vec();
    let d = crate::types::dict::new_dict(vm);
    for (n, v) in names.into_iter().zip(values) {
        crate::types::dict::set_str_key(d, n, v);
    }
    let arr = grow(vm, &[d], 1);
    let inst = object::downcast::<InstanceObj>(obj).expect("an instance");
    inst.slots = arr;
    inst.map = Map::dict_map();
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
