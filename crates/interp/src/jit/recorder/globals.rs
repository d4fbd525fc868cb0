//! Globals and builtins read inline from their dicts' tables.
//!
//! A dict's table (`DictData`) is Rust-owned at a stable address; its `version` changes
//! whenever entries move or keys come or go, so while the version is the one seen when
//! recording, the global's value is at the same address. The trace guards the frame's
//! globals table (once per frame) and the versions, then loads the value. A value that is
//! a pinned object (a class, a builtin function) is folded: a `guard_value` on the loaded
//! word makes the trace leave when the name is rebound, and everything after sees a
//! constant. Other values (data such as ints, movable functions) are read fresh each time.
//! A global found in the builtins also guards that the globals still lack the name.

use super::TraceRecorder;
use crate::jit::shadow::Sh;
use crate::object;
use crate::types::dict::{self, DictData};
use crate::value::Value;
use crate::vm::Vm;
use pyrs_jit_ir::{OpRef, Opcode as O, Snapshot};

/// The index of the entry whose key is `name` itself (interned names), if any.
fn entry_of(t: &DictData, name: Value) -> Option<usize> {
    t.entries.iter().position(|e| e.key == name)
}

impl TraceRecorder {
    /// Guards that the dict `g` (run-time value `d`) still has the table it has now, once
    /// per dict value in the trace; returns the table.
    fn guard_table(&mut self, g: OpRef, d: Value, snap: &Snapshot) -> &'static mut DictData {
        let t = dict::data(d);
        let addr = t as *const DictData as i64;
        if self.checked_tables.get(&g) != Some(&addr) {
            let p = self.b.op(O::GetfieldGcI, &[g], Some(self.d.dict_data.data));
            let k = self.b.const_int(addr);
            self.guard(O::GuardValue, &[p, k], snap.clone());
            self.checked_tables.insert(g, addr);
        }
        t
    }

    /// Guards that table `t` still has its current version.
    fn guard_version(&mut self, t: &DictData, snap: &Snapshot) {
        if !self.heap.tables.insert(t as *const DictData as i64) {
            return;
        }
        let a = self.b.const_int(t as *const DictData as i64);
        let v = self
            .b
            .op(O::GetfieldRawI, &[a], Some(self.d.dict_data.version));
        let k = self.b.const_int(t.version as i64);
        self.guard(O::GuardValue, &[v, k], snap.clone());
    }

    /// Reads entry `ix` of table `t` (whose version is guarded), folding pinned values.
    fn load_entry(&mut self, t: &DictData, ix: usize, snap: &Snapshot) -> Sh {
        let key = (t as *const DictData as i64, ix);
        if let Some(&s) = self.heap.globals.get(&key) {
            return s;
        }
        let e = &t.entries[ix];
        let a = self.b.const_int(&e.value as *const Value as i64);
        let zero = self.b.const_int(0);
        let x = self
            .b
            .op(O::GetarrayitemRawR, &[a, zero], Some(self.d.const_slot));
        if object::is_pinned(e.value) {
            let k = self.b.const_ptr(e.value.0);
            self.guard(O::GuardValue, &[x, k], snap.clone());
            self.heap.globals.insert(key, Sh::Val(k));
            return Sh::Val(k);
        }
        self.heap.globals.insert(key, Sh::Val(x));
        Sh::Val(x)
    }

    /// `LOAD_GLOBAL name` of the innermost frame inline; `None`: record it as a residual
    /// lookup (the name is missing, or the dicts are unusual).
    pub(super) fn load_global_inline(
        &mut self,
        vm: &mut Vm,
        name: Value,
        snap: &Snapshot,
    ) -> Option<Sh> {
        let f = vm.frames.last()?;
        let (globals, builtins) = (f.globals, f.builtins);
        if builtins != vm.builtins() {
            return None;
        }
        dict::as_dict(globals)?;
        dict::as_dict(builtins)?;
        let g = self.top_frame().globals;
        let gt = self.guard_table(g, globals, snap);
        self.guard_version(gt, snap);
        if let Some(ix) = entry_of(gt, name) {
            return Some(self.load_entry(gt, ix, snap));
        }
        if crate::types::dict::get_str_key(globals, name).is_some() {
            return None;
        }
        let bt = dict::data(builtins);
        let ix = entry_of(bt, name)?;
        self.guard_version(bt, snap);
        Some(self.load_entry(bt, ix, snap))
    }
}
