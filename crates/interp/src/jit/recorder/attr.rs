//! Recording attribute access on instances of user classes through their maps, and method
//! lookup through the class, with the same conditions as the interpreter's inline caches
//! (`eval::cache`): the class (no custom attribute hooks) and its version, the instance's
//! map, and what the class has under the name (no data descriptor). Anything else stays a
//! residual call.
//!
//! Guards on a receiver's class and map, and on a class version, are emitted once per
//! receiver until the next residual call (`facts`); an inline store that changes a map
//! forgets every other receiver's map (it may alias).

use super::{class_of, TraceRecorder};
use crate::jit::shadow::Sh;
use crate::object::{self, FunctionObj, InstanceObj, Kind};
use crate::types::class::{class_obj, flags, lookup};
use crate::types::instance::{map_of, Map};
use crate::value::Value;
use crate::vm::Vm;
use pyrs_jit_ir::{OpRef, Opcode as O, Snapshot};

/// How an instance attribute read resolves, judged from the run-time objects.
enum Found {
    /// The instance's own slot.
    Slot(usize),
    /// A plain class attribute that no instance attribute shadows.
    ClassValue(Value),
    /// A Python function of the class (a method), not shadowed.
    Method(Value),
}

/// The receiver `obj`'s class, version, map and what `obj.name` finds, when the read can
/// be traced inline.
fn resolve(vm: &mut Vm, obj: Value, name: Value) -> Option<(Value, &'static Map, Found)> {
    let inst = object::downcast::<InstanceObj>(obj)?;
    let cls = inst.head.class;
    if class_obj(cls).flags & flags::CUSTOM_ATTR != 0 || class_word_is_odd(vm, cls) {
        return None;
    }
    let map = map_of(inst);
    if map.is_dict_mode() || name == vm.names.__dict__ {
        return None;
    }
    let d = lookup(vm, cls, name);
    let plain = d.is_null() || d.is_small() || !is_descriptor(d);
    if !plain {
        return None;
    }
    let found = match map.index_of(name) {
        // A NULL slot under the same map may be set again later: only a set slot is
        // traced (its load is guarded non-null).
        Some(i) => {
            let set = object::downcast::<object::ArrayObj>(inst.slots)
                .and_then(|a| a.slots().get(i).copied())
                .is_some_and(|v| !v.is_null());
            if !set {
                return None;
            }
            Found::Slot(i)
        }
        None if d.is_null() => return None,
        None if object::is::<FunctionObj>(d) => Found::Method(d),
        None if object::kind_of(d) == Some(Kind::Builtin) => return None,
        None => Found::ClassValue(d),
    };
    Some((cls, map, found))
}

/// Classes whose instances are not plain user instances (a metaclass other than `type`
/// is fine; a class that is not a class object is not).
fn class_word_is_odd(_vm: &Vm, cls: Value) -> bool {
    !object::is::<object::ClassObj>(cls)
}

/// Whether a class attribute may act on instance access (anything with a `__get__` the
/// interpreter honours): properties, static/class methods, instances of user classes.
/// Functions and native methods bind, which [`Found::Method`] handles or refuses.
fn is_descriptor(d: Value) -> bool {
    matches!(
        object::kind_of(d),
        Some(Kind::Property) | Some(Kind::MethodWrapper) | Some(Kind::Instance) | None
    )
}

impl TraceRecorder {
    /// Guards that `r` (run-time value `obj`, an instance of `cls` with map `map`) still has
    /// that class, the class that version, and the instance that map.
    fn guard_receiver(&mut self, r: OpRef, cls: Value, map: *const Map, snap: &Snapshot) {
        if self.heap.known.get(&r) == Some(&(cls, map as usize)) {
            return;
        }
        self.guard_class(r, cls, snap);
        self.guard_class_version(cls, snap);
        let m = self.b.op(O::GetfieldGcI, &[r], Some(self.d.inst_map));
        let k = self.b.const_int(map as i64);
        self.guard(O::GuardValue, &[m, k], snap.clone());
        self.heap.known.insert(r, (cls, map as usize));
    }

    /// Guards that pinned class `cls` still has the version it has now.
    pub(super) fn guard_class_version(&mut self, cls: Value, snap: &Snapshot) {
        if !self.heap.versions.insert(cls.0) {
            return;
        }
        let c = self.b.const_ptr(cls.0);
        let v = self.b.op(O::GetfieldGcI, &[c], Some(self.d.class_version));
        let k = self.b.const_int(class_obj(cls).version as i64);
        self.guard(O::GuardValue, &[v, k], snap.clone());
    }

    /// `obj.name` inline, when the receiver is a plain instance: its slot, or a plain
    /// class attribute (a constant). `None`: record it some other way.
    pub(super) fn load_attr_inline(
        &mut self,
        vm: &mut Vm,
        o: Sh,
        obj: Value,
        name: Value,
        snap: &Snapshot,
    ) -> Option<Sh> {
        let (cls, map, found) = resolve(vm, obj, name)?;
        if matches!(found, Found::Method(_)) {
            return None;
        }
        let r = self.val(o);
        self.guard_receiver(r, cls, map, snap);
        Some(match found {
            Found::Slot(i) => Sh::Val(self.load_slot(r, i, snap)),
            Found::ClassValue(v) => self.constant_sh(vm, v),
            Found::Method(_) => return None,
        })
    }

    /// A constant's shadow (small ints in their tagged form).
    fn constant_sh(&mut self, vm: &mut Vm, v: Value) -> Sh {
        if v.is_small() {
            Sh::Int(self.b.const_int(v.0 as i64))
        } else {
            Sh::Val(self.constant(vm, v))
        }
    }

    fn load_slot(&mut self, r: OpRef, i: usize, snap: &Snapshot) -> OpRef {
        let slots = self.b.op(O::GetfieldGcR, &[r], Some(self.d.inst_slots));
        let k = self.b.const_int(i as i64);
        let x = self
            .b
            .op(O::GetarrayitemGcR, &[slots, k], Some(self.d.array_items));
        self.guard(O::GuardNonnull, &[x], snap.clone());
        x
    }

    /// `obj.name` for a method call: a Python function of the class gives the pair
    /// (function, receiver), as the interpreter pushes it; an own attribute gives
    /// (attribute, NULL). `None`: record it some other way.
    pub(super) fn load_method_inline(
        &mut self,
        vm: &mut Vm,
        o: Sh,
        obj: Value,
        name: Value,
        snap: &Snapshot,
    ) -> Option<(Sh, Sh)> {
        if !obj.is_ptr() {
            return None;
        }
        if object::kind_of(obj) != Some(Kind::Instance) {
            return self.load_builtin_method(vm, o, obj, name, snap);
        }
        let (cls, map, found) = resolve(vm, obj, name)?;
        let r = self.val(o);
        self.guard_receiver(r, cls, map, snap);
        Some(match found {
            Found::Slot(i) => (Sh::Val(self.load_slot(r, i, snap)), Sh::Null),
            Found::ClassValue(v) => (self.constant_sh(vm, v), Sh::Null),
            Found::Method(f) => (Sh::Val(self.constant(vm, f)), Sh::Val(r)),
        })
    }

    /// A native method of an immutable builtin class whose instances hold no attributes
    /// (`list.append`): (method, receiver) after a class guard.
    fn load_builtin_method(
        &mut self,
        vm: &mut Vm,
        o: Sh,
        obj: Value,
        name: Value,
        snap: &Snapshot,
    ) -> Option<(Sh, Sh)> {
        let cls = class_of(obj);
        let c = class_obj(cls);
        let attributeless = matches!(
            object::kind_of(obj),
            Some(Kind::List | Kind::Dict | Kind::Set | Kind::Str | Kind::Tuple)
        );
        if c.flags & flags::BUILTIN == 0 || !attributeless || c.instance_kind == Kind::Instance {
            return None;
        }
        let d = lookup(vm, cls, name);
        let b = object::downcast::<object::BuiltinObj>(d)?;
        if !b.receiver.is_null() {
            return None;
        }
        let r = self.val(o);
        self.guard_class(r, cls, snap);
        Some((Sh::Val(self.constant(vm, d)), Sh::Val(r)))
    }

    /// `obj.name = value` inline, when the receiver is a plain instance whose class has no
    /// data descriptor for the name: a slot store, or an attribute added by a map
    /// transition when the slot array has room. False: record it some other way.
    pub(super) fn store_attr_inline(
        &mut self,
        vm: &mut Vm,
        o: Sh,
        v: Sh,
        obj: Value,
        name: Value,
        snap: &Snapshot,
    ) -> bool {
        let Some(inst) = object::downcast::<InstanceObj>(obj) else {
            return false;
        };
        let cls = inst.head.class;
        if class_word_is_odd(vm, cls) || class_obj(cls).flags & flags::CUSTOM_ATTR != 0 {
            return false;
        }
        let map = map_of(inst);
        if map.is_dict_mode() || !map.has_dict() || name == vm.names.__dict__ {
            return false;
        }
        let d = lookup(vm, cls, name);
        if !d.is_null() && !d.is_small() && is_descriptor(d) {
            return false;
        }
        let cap = object::downcast::<object::ArrayObj>(inst.slots).map_or(0, |a| a.len as usize);
        let (index, next) = match map.index_of(name) {
            Some(i) => (i, None),
            None if map.names().len() < cap => (map.names().len(), Some(map.with_attr(name))),
            None => return false,
        };
        let r = self.val(o);
        let w = self.val(v);
        self.guard_receiver(r, cls, map, snap);
        let slots = self.b.op(O::GetfieldGcR, &[r], Some(self.d.inst_slots));
        let k = self.b.const_int(index as i64);
        if let Some(next) = next {
            self.guard(O::GuardNonnull, &[slots], snap.clone());
            let len = self.b.op(O::GetfieldGcI, &[slots], Some(self.d.array_len));
            let room = self.b.op(O::IntLt, &[k, len], None);
            self.guard(O::GuardTrue, &[room], snap.clone());
            self.b
                .op(O::SetarrayitemGc, &[slots, k, w], Some(self.d.array_items));
            let m = self.b.const_int(next as i64);
            self.b.op(O::SetfieldGc, &[r, m], Some(self.d.inst_map));
            self.heap.known.clear();
            self.heap.known.insert(r, (cls, next as usize));
        } else {
            self.b
                .op(O::SetarrayitemGc, &[slots, k, w], Some(self.d.array_items));
        }
        true
    }
}
