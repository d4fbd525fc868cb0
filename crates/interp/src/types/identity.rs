//! `id()`: identities that survive moves. Pinned objects use their address; a movable
//! object gets a number the first time `id()` is asked of it, kept in a table whose slots
//! the GC updates as weak roots (dead objects drop out).

use crate::value::Value;
use crate::vm::Vm;
use std::collections::HashMap;

/// The identity table.
#[derive(Default)]
pub struct IdTable {
    /// (object, id) pairs; the object slots are weak roots.
    pub(crate) entries: Vec<(Value, i64)>,
    by_addr: HashMap<u64, i64>,
    next: i64,
}

impl IdTable {
    /// Rebuilds the address index after a collection updated the weak slots.
    pub(crate) fn after_collection(&mut self) {
        self.entries.retain(|(v, _)| !v.is_null());
        self.by_addr = self.entries.iter().map(|(v, i)| (v.0, *i)).collect();
    }
}

/// The identity of `v`: stable while the object lives, distinct from every live object's.
pub fn id_of(vm: &mut Vm, v: Value) -> i64 {
    if v.is_small() {
        return (v.0 as i64) & !1;
    }
    if crate::object::is_pinned(v) {
        return v.0 as i64;
    }
    let t = &mut vm.ids;
    if let Some(&i) = t.by_addr.get(&v.0) {
        return i;
    }
    t.next += 1;
    // Numbered ids live just below the top of the user address space, where the heap's
    // pinned objects (whose ids are their addresses) are never placed.
    let id = (0x7f00_0000_0000i64) + t.next * 16;
    t.entries.push((v, id));
    t.by_addr.insert(v.0, id);
    id
}
