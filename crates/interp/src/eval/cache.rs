//! Per-instruction inline caches (DESIGN.md §5): attribute reads and writes keyed by class
//! version and instance map, methods by class version, globals by the identity of the dict
//! entry that holds them, class instantiation by class version.
//!
//! Each instruction of a code object owns one [`Cache`] entry (in its `CodeInfo`), an
//! attribute instruction [`super::code::POLY`] of them (most recent first), so that sites
//! that see a few classes stay fast. A hit checks every condition under which the generic
//! protocol would give the same answer; a miss runs the generic protocol and records a new
//! entry. Invariants that make the keys sound:
//! classes and code objects are pinned and immortal, maps and dict tables are Rust-owned
//! (maps immortal; a dict table is freed only by a collection), and a class version is
//! globally unique and changes whenever the namespace of the class or of a base changes.
//! Entries that hold a movable Value (or rely on a dict table not being freed) record the
//! GC epoch they were filled in and are ignored after a collection.

use crate::object::{self, BuiltinObj, ClassObj, FunctionObj, InstanceObj, Kind, PropertyObj};
use crate::ops;
use crate::types::class::{class_obj, flags, lookup};
use crate::types::dict::{self, DictData};
use crate::types::instance::{map_of, Map};
use crate::value::Value;
use crate::vm::{Args, NativeFn, PyResult, Vm};
use std::cell::Cell;

/// One inline cache entry; what it means depends on the instruction that owns it.
#[derive(Clone, Copy)]
pub enum Cache {
    /// Nothing cached yet (or the last fill found nothing cacheable).
    Empty,
    /// The attribute lives in slot `index` of instances of `class` whose map is `map`; the
    /// class (at `version`) has no data descriptor for it.
    Slot {
        /// The instances' class (pinned).
        class: Value,
        /// Its version when filled.
        version: u64,
        /// The instances' map.
        map: *const Map,
        /// The slot.
        index: usize,
    },
    /// Storing adds the attribute: instances of `class` with map `map` move to map `next`,
    /// the value going to slot `index`.
    AddSlot {
        /// The instances' class (pinned).
        class: Value,
        /// Its version when filled.
        version: u64,
        /// The map before the store.
        map: *const Map,
        /// The map after it.
        next: *const Map,
        /// The new attribute's slot.
        index: usize,
    },
    /// A class attribute `value` of `class` (at `version`) that instances with map `map` do
    /// not shadow (`map` is null for builtin types, whose instances have no attributes).
    /// `method`: it is a Python function or native method, bound on access.
    ClassAttr {
        /// The receivers' class (pinned).
        class: Value,
        /// Its version when filled.
        version: u64,
        /// The receivers' map, or null.
        map: *const Map,
        /// The attribute.
        value: Value,
        /// Whether `value` is a function or native method (a method to bind).
        method: bool,
        /// The GC epoch of `value`.
        epoch: u64,
    },
    /// A native getter of a builtin class (`complex.real`).
    Getter {
        /// The receivers' class (pinned, builtin).
        class: Value,
        /// Its version when filled.
        version: u64,
        /// The getter, called with the receiver.
        get: NativeFn,
    },
    /// A module attribute: entry `index` of the module's dict table `dict`.
    ModuleEntry {
        /// The module dict's table.
        dict: *const DictData,
        /// The entry.
        index: usize,
    },
    /// A global found in the globals: entry `index` of table `globals`.
    Global {
        /// The globals' table.
        globals: *const DictData,
        /// The entry.
        index: usize,
    },
    /// A global found in the builtins: absent from table `globals` at `version`, entry
    /// `index` of table `builtins`.
    Builtin {
        /// The globals' table.
        globals: *const DictData,
        /// Its version when filled.
        version: u64,
        /// The builtins' table.
        builtins: *const DictData,
        /// The entry.
        index: usize,
        /// The GC epoch (tables are freed only by collections).
        epoch: u64,
    },
    /// Calling `class` (at `version`) creates an instance with `object.__new__` (the
    /// native `new`) and runs the Python function `init` on it.
    Init {
        /// The class (pinned).
        class: Value,
        /// Its version when filled.
        version: u64,
        /// `object.__new__`.
        new: NativeFn,
        /// `__init__`.
        init: Value,
        /// The GC epoch of `init`.
        epoch: u64,
    },
}

/// The version of a class Value taken from a cache key.
#[inline(always)]
fn version_of(cls: Value) -> u64 {
    // SAFETY: cache keys only hold class Values (pinned class objects).
    unsafe { object::cast::<ClassObj>(cls).version }
}

/// The class word of a pointer Value.
#[inline(always)]
fn class_word(v: Value) -> Value {
    // SAFETY: callers pass pointer Values.
    unsafe { object::class_word(v) }
}

/// Slot `index` of an instance's attribute array, if set.
#[inline(always)]
fn slot(inst: &InstanceObj, index: usize) -> Option<Value> {
    let arr = object::downcast::<object::ArrayObj>(inst.slots)?;
    arr.slots().get(index).copied().filter(|v| !v.is_null())
}

/// What attribute cache entries are keyed on for pointer Value `obj`: its class and, for an
/// instance, its map (null for other objects, whose class attributes nothing shadows) and
/// the instance itself.
#[inline(always)]
fn receiver_key<'a>(obj: Value) -> (Value, *const Map, Option<&'a mut InstanceObj>) {
    match object::downcast::<InstanceObj>(obj) {
        Some(inst) => (inst.head.class, inst.map, Some(inst)),
        None => (class_word(obj), std::ptr::null(), None),
    }
}

/// Layouts of builtin classes whose instances hold no attributes of their own, so a class
/// attribute can never be shadowed.
fn attributeless(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Str
            | Kind::Bytes
            | Kind::Tuple
            | Kind::Float
            | Kind::Complex
            | Kind::BigInt
            | Kind::Bool
            | Kind::List
            | Kind::Dict
            | Kind::Set
            | Kind::ByteArray
            | Kind::Range
            | Kind::Slice
            | Kind::SeqIter
            | Kind::RangeIter
            | Kind::DictIter
            | Kind::DictView
            | Kind::NativeIter
    )
}

/// How a class attribute behaves on instance access, when that depends only on the class
/// version (so it can be cached). `None`: a data descriptor or an object whose behaviour
/// depends on its own class (not cacheable).
enum ClassAttrKind {
    /// No class attribute.
    Absent,
    /// A function or native method: bound on access.
    Method,
    /// A plain value returned as is.
    Plain,
}

fn class_attr_kind(d: Value) -> Option<ClassAttrKind> {
    if d.is_null() {
        return Some(ClassAttrKind::Absent);
    }
    match object::kind_of(d) {
        Some(Kind::Function) => Some(ClassAttrKind::Method),
        Some(Kind::Builtin) if crate::types::builtin_func::binds_on_access(d) => {
            Some(ClassAttrKind::Method)
        }
        Some(Kind::Property) | Some(Kind::MethodWrapper) | Some(Kind::Instance) => None,
        _ => Some(ClassAttrKind::Plain),
    }
}

/// What a read of `obj.name` can cache (after the generic read succeeded).
fn attr_entry(vm: &mut Vm, obj: Value, name: Value) -> Cache {
    if !obj.is_ptr() {
        return Cache::Empty;
    }
    match object::kind_of(obj) {
        Some(Kind::Instance) => instance_entry(vm, obj, name),
        Some(Kind::Module) => module_entry(vm, obj, name),
        _ => builtin_entry(vm, obj, name),
    }
}

fn instance_entry(vm: &mut Vm, obj: Value, name: Value) -> Cache {
    let cls = class_word(obj);
    let c = class_obj(cls);
    if c.flags & flags::CUSTOM_ATTR != 0 {
        return Cache::Empty;
    }
    let version = c.version;
    let Some(inst) = object::downcast::<InstanceObj>(obj) else {
        return Cache::Empty;
    };
    let map = map_of(inst);
    if map.is_dict_mode() || name == vm.names.__dict__ {
        return Cache::Empty;
    }
    let d = lookup(vm, cls, name);
    let own = map.index_of(name).filter(|&i| slot(inst, i).is_some());
    match (class_attr_kind(d), own) {
        (Some(_), Some(index)) => Cache::Slot {
            class: cls,
            version,
            map: inst.map,
            index,
        },
        (Some(ClassAttrKind::Method), None) | (Some(ClassAttrKind::Plain), None) => {
            Cache::ClassAttr {
                class: cls,
                version,
                map: inst.map,
                value: d,
                method: matches!(class_attr_kind(d), Some(ClassAttrKind::Method)),
                epoch: vm.gc_epoch,
            }
        }
        _ => Cache::Empty,
    }
}

fn module_entry(vm: &mut Vm, obj: Value, name: Value) -> Cache {
    let module_cls = vm.cls.module;
    if class_word(obj) != module_cls || !lookup(vm, module_cls, name).is_null() {
        return Cache::Empty;
    }
    let Some(m) = object::downcast::<object::ModuleObj>(obj) else {
        return Cache::Empty;
    };
    match entry_index(m.dict, name) {
        Some((dict, index)) => Cache::ModuleEntry { dict, index },
        None => Cache::Empty,
    }
}

fn builtin_entry(vm: &mut Vm, obj: Value, name: Value) -> Cache {
    let cls = class_word(obj);
    let c = class_obj(cls);
    if c.flags & flags::BUILTIN == 0 || !attributeless(c.instance_kind) {
        return Cache::Empty;
    }
    let version = c.version;
    let d = lookup(vm, cls, name);
    match object::kind_of(d) {
        Some(Kind::Property)
            if class_word(d) == vm.cls.property || class_word(d) == vm.cls.getset_descriptor =>
        {
            let fget = object::downcast::<PropertyObj>(d).map_or(Value::NULL, |p| p.fget);
            match object::downcast::<BuiltinObj>(fget) {
                Some(b) if b.receiver.is_null() => Cache::Getter {
                    class: cls,
                    version,
                    get: b.func,
                },
                _ => Cache::Empty,
            }
        }
        _ => match class_attr_kind(d) {
            Some(ClassAttrKind::Method) | Some(ClassAttrKind::Plain) => Cache::ClassAttr {
                class: cls,
                version,
                map: std::ptr::null(),
                value: d,
                method: matches!(class_attr_kind(d), Some(ClassAttrKind::Method)),
                epoch: vm.gc_epoch,
            },
            _ => Cache::Empty,
        },
    }
}

/// The table of dict `d` and the index of the entry whose key is `name` itself.
fn entry_index(d: Value, name: Value) -> Option<(*const DictData, usize)> {
    dict::as_dict(d)?;
    let t = dict::data(d);
    let index = t.entries.iter().position(|e| e.key == name)?;
    Some((t as *const DictData, index))
}

/// The value of entry `index` of `d`'s table if that table is `table` and the entry's key
/// is `name`.
#[inline(always)]
fn entry_value(d: Value, table: *const DictData, index: usize, name: Value) -> Option<Value> {
    let t = dict::data(d);
    if !std::ptr::eq(t, table) {
        return None;
    }
    let e = t.entries.get(index)?;
    (e.key == name).then_some(e.value)
}

/// `obj.name` (LoadAttr). An instance attribute found by the first cache entry (the usual
/// case) is read inline in the eval loop.
#[inline(always)]
pub fn load_attr(vm: &mut Vm, caches: &[Cell<Cache>], obj: Value, name: Value) -> PyResult<Value> {
    if let Some(v) = first_slot_hit(caches, obj) {
        return Ok(v);
    }
    load_attr_poly(vm, caches, obj, name)
}

/// The attribute of instance `obj` if the first cache entry is a matching `Slot`.
#[inline(always)]
fn first_slot_hit(caches: &[Cell<Cache>], obj: Value) -> Option<Value> {
    if !obj.is_ptr() {
        return None;
    }
    let inst = object::downcast::<InstanceObj>(obj)?;
    match caches.first()?.get() {
        Cache::Slot {
            class,
            version,
            map,
            index,
        } if class == inst.head.class && map == inst.map && version_of(class) == version => {
            slot(inst, index)
        }
        _ => None,
    }
}

#[inline(never)]
fn load_attr_poly(vm: &mut Vm, caches: &[Cell<Cache>], obj: Value, name: Value) -> PyResult<Value> {
    if obj.is_ptr() {
        let (cls, map, inst) = receiver_key(obj);
        for cache in caches {
            match cache.get() {
                Cache::Slot {
                    class,
                    version,
                    map: m,
                    index,
                } if class == cls && m == map && version_of(class) == version => {
                    if let Some(v) = inst.as_deref().and_then(|i| slot(i, index)) {
                        return Ok(v);
                    }
                }
                Cache::ClassAttr {
                    class,
                    version,
                    map: m,
                    value,
                    method,
                    epoch,
                } if class == cls
                    && m == map
                    && epoch == vm.gc_epoch
                    && version_of(class) == version =>
                {
                    return Ok(if !method {
                        value
                    } else if object::is::<FunctionObj>(value) {
                        ops::attr::bind(vm, value, obj)
                    } else {
                        ops::attr::bind_native(vm, value, obj)
                    });
                }
                Cache::Getter {
                    class,
                    version,
                    get,
                } if class == cls && version_of(class) == version => {
                    return get(vm, Args::positional(&[obj]));
                }
                Cache::ModuleEntry { dict, index } => {
                    if let Some(m) = object::downcast::<object::ModuleObj>(obj) {
                        if let Some(v) = entry_value(m.dict, dict, index, name) {
                            return Ok(v);
                        }
                    }
                }
                Cache::Empty => break,
                _ => {}
            }
        }
    }
    load_attr_miss(vm, caches, obj, name)
}

#[inline(never)]
fn load_attr_miss(vm: &mut Vm, caches: &[Cell<Cache>], obj: Value, name: Value) -> PyResult<Value> {
    let v = ops::attr::getattr(vm, obj, name)?;
    let entry = attr_entry(vm, obj, name);
    insert(caches, entry);
    Ok(v)
}

/// Records a new entry first in a polymorphic cache (the oldest falls out).
fn insert(caches: &[Cell<Cache>], entry: Cache) {
    if matches!(entry, Cache::Empty) {
        return;
    }
    for i in (1..caches.len()).rev() {
        caches[i].set(caches[i - 1].get());
    }
    caches[0].set(entry);
}

/// `obj.name` for a method call (LoadMethod): `(function, obj)` for a method found on the
/// class, else `(attribute, NULL)`.
#[inline]
pub fn load_method(
    vm: &mut Vm,
    caches: &[Cell<Cache>],
    obj: Value,
    name: Value,
) -> PyResult<(Value, Value)> {
    if obj.is_ptr() {
        let (cls, map, inst) = receiver_key(obj);
        for cache in caches {
            match cache.get() {
                Cache::ClassAttr {
                    class,
                    version,
                    map: m,
                    value,
                    method,
                    epoch,
                } if class == cls
                    && m == map
                    && epoch == vm.gc_epoch
                    && version_of(class) == version =>
                {
                    return Ok(if method {
                        (value, obj)
                    } else {
                        (value, Value::NULL)
                    });
                }
                Cache::Slot {
                    class,
                    version,
                    map: m,
                    index,
                } if class == cls && m == map && version_of(class) == version => {
                    if let Some(v) = inst.as_deref().and_then(|i| slot(i, index)) {
                        return Ok((v, Value::NULL));
                    }
                }
                Cache::ModuleEntry { dict, index } => {
                    if let Some(m) = object::downcast::<object::ModuleObj>(obj) {
                        if let Some(v) = entry_value(m.dict, dict, index, name) {
                            return Ok((v, Value::NULL));
                        }
                    }
                }
                Cache::Empty => break,
                _ => {}
            }
        }
    }
    load_method_miss(vm, caches, obj, name)
}

#[inline(never)]
fn load_method_miss(
    vm: &mut Vm,
    caches: &[Cell<Cache>],
    obj: Value,
    name: Value,
) -> PyResult<(Value, Value)> {
    let r = super::ops_exc::load_method(vm, obj, name)?;
    let entry = match attr_entry(vm, obj, name) {
        Cache::Getter { .. } => Cache::Empty,
        e => e,
    };
    insert(caches, entry);
    Ok(r)
}

/// `obj.name = value` (StoreAttr).
#[inline]
pub fn store_attr(
    vm: &mut Vm,
    caches: &[Cell<Cache>],
    obj: Value,
    name: Value,
    value: Value,
) -> PyResult<()> {
    if let Some(inst) = object::downcast::<InstanceObj>(obj) {
        let (cls, map) = (inst.head.class, inst.map);
        for cache in caches {
            match cache.get() {
                Cache::Slot {
                    class,
                    version,
                    map: m,
                    index,
                } if class == cls && m == map && version_of(class) == version => {
                    if let Some(arr) = object::downcast::<object::ArrayObj>(inst.slots) {
                        if let Some(s) = arr.slots().get_mut(index) {
                            *s = value;
                            vm.heap.write_barrier(inst.slots.addr());
                            return Ok(());
                        }
                    }
                }
                Cache::AddSlot {
                    class,
                    version,
                    map: m,
                    next,
                    index,
                } if class == cls && m == map && version_of(class) == version => {
                    let arr = match object::downcast::<object::ArrayObj>(inst.slots) {
                        Some(a) if a.slots().len() > index => a,
                        other => {
                            let old: &[Value] = match other {
                                Some(a) => a.slots(),
                                None => &[],
                            };
                            let (arr_v, arr) = new_slots(vm, old, (index * 2).max(4));
                            let inst = object::downcast::<InstanceObj>(obj).expect("an instance");
                            inst.slots = arr_v;
                            vm.heap.write_barrier(obj.addr());
                            arr
                        }
                    };
                    arr.slots()[index] = value;
                    let inst = object::downcast::<InstanceObj>(obj).expect("an instance");
                    inst.map = next;
                    vm.heap.write_barrier(inst.slots.addr());
                    return Ok(());
                }
                Cache::Empty => break,
                _ => {}
            }
        }
    }
    store_attr_miss(vm, caches, obj, name, value)
}

#[inline(never)]
fn store_attr_miss(
    vm: &mut Vm,
    caches: &[Cell<Cache>],
    obj: Value,
    name: Value,
    value: Value,
) -> PyResult<()> {
    let entry = store_entry(vm, obj, name);
    ops::attr::setattr(vm, obj, name, value)?;
    insert(caches, entry);
    Ok(())
}

/// A new attribute array of `len` slots starting with `old`.
fn new_slots<'a>(vm: &mut Vm, old: &[Value], len: usize) -> (Value, &'a mut object::ArrayObj) {
    let p = vm.alloc(
        Kind::Array,
        std::mem::size_of::<object::ArrayObj>() + 8 * len,
        Value::NULL,
    );
    // SAFETY: a fresh zeroed Array object with room for `len` Values.
    let arr = unsafe { &mut *(p as *mut object::ArrayObj) };
    arr.len = len as u64;
    arr.slots()[..old.len()].copy_from_slice(old);
    (Value::from_addr(p), arr)
}

/// What a store to `obj.name` can cache, judged before the store.
fn store_entry(vm: &mut Vm, obj: Value, name: Value) -> Cache {
    let Some(inst) = object::downcast::<InstanceObj>(obj) else {
        return Cache::Empty;
    };
    let cls = inst.head.class;
    let c = class_obj(cls);
    if c.flags & flags::CUSTOM_ATTR != 0 {
        return Cache::Empty;
    }
    let version = c.version;
    let map = map_of(inst);
    if map.is_dict_mode() || !map.has_dict() || name == vm.names.__dict__ {
        return Cache::Empty;
    }
    let d = lookup(vm, cls, name);
    if class_attr_kind(d).is_none() {
        return Cache::Empty;
    }
    match map.index_of(name) {
        Some(index) => Cache::Slot {
            class: cls,
            version,
            map: inst.map,
            index,
        },
        None => Cache::AddSlot {
            class: cls,
            version,
            map: inst.map,
            next: map.with_attr(name),
            index: map.names().len(),
        },
    }
}

/// A global `name` (LoadGlobal): the globals, then the builtins.
#[inline]
pub fn load_global(
    vm: &mut Vm,
    cache: &Cell<Cache>,
    globals: Value,
    builtins: Value,
    name: Value,
) -> PyResult<Value> {
    match cache.get() {
        Cache::Global {
            globals: table,
            index,
        } => {
            if let Some(v) = entry_value(globals, table, index, name) {
                return Ok(v);
            }
        }
        Cache::Builtin {
            globals: table,
            version,
            builtins: btable,
            index,
            epoch,
        } => {
            let g = dict::data(globals);
            if epoch == vm.gc_epoch && std::ptr::eq(g, table) && g.version == version {
                if let Some(v) = entry_value(builtins, btable, index, name) {
                    return Ok(v);
                }
            }
        }
        _ => {}
    }
    load_global_miss(vm, cache, globals, builtins, name)
}

#[inline(never)]
fn load_global_miss(
    vm: &mut Vm,
    cache: &Cell<Cache>,
    globals: Value,
    builtins: Value,
    name: Value,
) -> PyResult<Value> {
    if let Some(v) = dict::get_str_key(globals, name) {
        if let Some((table, index)) = entry_index(globals, name) {
            cache.set(Cache::Global {
                globals: table,
                index,
            });
        }
        return Ok(v);
    }
    if let Some(v) = dict::get_str_key(builtins, name) {
        if let Some((btable, index)) = entry_index(builtins, name) {
            let g = dict::data(globals);
            cache.set(Cache::Builtin {
                globals: g as *const DictData,
                version: g.version,
                builtins: btable,
                index,
                epoch: vm.gc_epoch,
            });
        }
        return Ok(v);
    }
    let n = crate::types::str::as_str(name).unwrap_or("?").to_string();
    Err(vm.name_error(format!("name '{n}' is not defined")))
}

/// For a call of class `cls`: `object.__new__` and the Python `__init__` to run, when the
/// cache (refilled on a miss) says the call can be inlined by the eval loop.
#[inline]
pub fn class_init(vm: &mut Vm, cache: &Cell<Cache>, cls: Value) -> Option<(NativeFn, Value)> {
    if let Cache::Init {
        class,
        version,
        new,
        init,
        epoch,
    } = cache.get()
    {
        if class == cls
            && version_of(cls) == version
            && epoch == vm.gc_epoch
            && class_word(cls) == vm.cls.type_
        {
            return Some((new, init));
        }
    }
    let entry = init_entry(vm, cls);
    cache.set(entry);
    match entry {
        Cache::Init { new, init, .. } => Some((new, init)),
        _ => None,
    }
}

fn init_entry(vm: &mut Vm, cls: Value) -> Cache {
    let c = class_obj(cls);
    if class_word(cls) != vm.cls.type_
        || c.flags & flags::BUILTIN != 0
        || c.native_kind != Kind::Instance
        || c.instance_kind != Kind::Instance
    {
        return Cache::Empty;
    }
    let version = c.version;
    let (new_name, init_name) = (vm.names.__new__, vm.names.__init__);
    let object_cls = vm.cls.object;
    let object_new = lookup(vm, object_cls, new_name);
    if object_new.is_null() || lookup(vm, cls, new_name) != object_new {
        return Cache::Empty;
    }
    let new_fn =
        object::downcast::<object::MethodWrapperObj>(object_new).map_or(object_new, |w| w.func);
    let new = match object::downcast::<BuiltinObj>(new_fn) {
        Some(b) if b.receiver.is_null() => b.func,
        _ => return Cache::Empty,
    };
    let init = lookup(vm, cls, init_name);
    match object::downcast::<FunctionObj>(init) {
        Some(f) if !super::code::code_of(f.code).is_generator_like() => Cache::Init {
            class: cls,
            version,
            new,
            init,
            epoch: vm.gc_epoch,
        },
        _ => Cache::Empty,
    }
}
