//! [`TraceBuilder`]: appends ops to a trace while recording (or while a pass rebuilds one).
//! It interns constants and descriptors and numbers exits; each call is a few pushes and
//! at most one hash lookup.

use std::collections::HashMap;

use crate::descr::Descr;
use crate::ids::{DescrId, ExitId, SnapId, TraceId};
use crate::opcode::Opcode;
use crate::snapshot::{SnapValue, Snapshot};
use crate::trace::{Op, Trace, TraceKind};
use crate::types::{Const, OpRef, Type};

/// Builds a [`Trace`] op by op. The result is not verified: call
/// [`verify`](crate::verify) on it.
#[derive(Clone, Debug)]
pub struct TraceBuilder {
    trace: Trace,
    const_slots: HashMap<Const, u32>,
    descr_ids: HashMap<Descr, DescrId>,
    next_exit: u32,
}

impl TraceBuilder {
    /// An empty trace.
    pub fn new(id: TraceId, kind: TraceKind) -> TraceBuilder {
        TraceBuilder {
            trace: Trace::new(id, kind),
            const_slots: HashMap::new(),
            descr_ids: HashMap::new(),
            next_exit: 0,
        }
    }

    /// A builder for a rewritten version of `from`: same id, kind, inputs, constant pool and
    /// descriptor table (so `from`'s input refs, constant refs and [`DescrId`]s stay valid),
    /// no ops and no snapshots. This is how a pass starts its output trace.
    pub fn derived(from: &Trace) -> TraceBuilder {
        let mut b = TraceBuilder::new(from.id, from.kind);
        b.trace.inputs = from.inputs.clone();
        b.trace.consts = from.consts.clone();
        b.trace.descrs = from.descrs.clone();
        for (slot, &c) in from.consts.iter().enumerate() {
            b.const_slots.entry(c).or_insert(slot as u32);
        }
        for (id, d) in from.descrs.iter().enumerate() {
            b.descr_ids.entry(d.clone()).or_insert(DescrId(id as u32));
        }
        b
    }

    /// Declares the next input.
    ///
    /// # Panics
    /// If an op was already added: inputs come first (their numbering precedes the ops').
    pub fn input(&mut self, ty: Type) -> OpRef {
        assert!(
            self.trace.ops.is_empty(),
            "trace inputs must be declared before any op"
        );
        assert!(ty != Type::Void, "a trace input cannot be void");
        self.trace.inputs.push(ty);
        OpRef::value(ty, (self.trace.inputs.len() - 1) as u32)
    }

    /// Appends a non-guard op (`finish` gets the next exit id) and returns its value
    /// (typed `Void` when it has none).
    pub fn op(&mut self, opcode: Opcode, args: &[OpRef], descr: Option<DescrId>) -> OpRef {
        let mut op = Op::new(opcode, args);
        op.descr = descr;
        self.push(op)
    }

    /// Appends a guard with a new snapshot and the next exit id.
    pub fn guard(&mut self, opcode: Opcode, args: &[OpRef], snapshot: Snapshot) -> OpRef {
        let snap = self.add_snapshot(snapshot);
        self.guard_with(opcode, args, snap)
    }

    /// Appends a guard sharing an existing snapshot (guards of one guest instruction).
    pub fn guard_with(&mut self, opcode: Opcode, args: &[OpRef], snapshot: SnapId) -> OpRef {
        let mut op = Op::new(opcode, args);
        op.snapshot = Some(snapshot);
        self.push(op)
    }

    /// Appends `op` as given. An op that takes an exit but has none gets the next exit id;
    /// an explicit exit id moves the counter past it.
    pub fn push(&mut self, mut op: Op) -> OpRef {
        if op.opcode.has_exit() {
            match op.exit {
                Some(e) => self.next_exit = self.next_exit.max(e.0.saturating_add(1)),
                None => {
                    op.exit = Some(ExitId(self.next_exit));
                    self.next_exit += 1;
                }
            }
        }
        let index = self.trace.num_values() as u32;
        let ty = op.result_type();
        self.trace.ops.push(op);
        OpRef::value(ty, index)
    }

    /// Adds a snapshot, turning constant refs in it into [`SnapValue::Const`].
    pub fn add_snapshot(&mut self, mut snapshot: Snapshot) -> SnapId {
        for v in snapshot.values_mut() {
            if let SnapValue::Value(r) = *v {
                if let Some(c) = self.trace.konst(r) {
                    *v = SnapValue::Const(c);
                }
            }
        }
        self.trace.snapshots.push(snapshot);
        SnapId((self.trace.snapshots.len() - 1) as u32)
    }

    /// The constant `c` (interned: equal bits give the same ref).
    pub fn konst(&mut self, c: Const) -> OpRef {
        let consts = &mut self.trace.consts;
        let slot = *self.const_slots.entry(c).or_insert_with(|| {
            consts.push(c);
            (consts.len() - 1) as u32
        });
        OpRef::constant(c.ty, slot)
    }

    /// An `Int` constant.
    pub fn const_int(&mut self, v: i64) -> OpRef {
        self.konst(Const::int(v))
    }

    /// A `Float` constant.
    pub fn const_float(&mut self, v: f64) -> OpRef {
        self.konst(Const::float(v))
    }

    /// A `Ref` constant.
    pub fn const_ptr(&mut self, bits: u64) -> OpRef {
        self.konst(Const::ptr(bits))
    }

    /// Adds a descriptor; an equal one already in the table is reused.
    pub fn add_descr(&mut self, d: Descr) -> DescrId {
        if let Some(&id) = self.descr_ids.get(&d) {
            return id;
        }
        let id = DescrId(self.trace.descrs.len() as u32);
        self.trace.descrs.push(d.clone());
        self.descr_ids.insert(d, id);
        id
    }

    /// The trace so far (to look at defining ops, constants, descriptors).
    pub fn trace(&self) -> &Trace {
        &self.trace
    }

    /// The finished trace.
    pub fn finish(self) -> Trace {
        self.trace
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::descr::SizeDescr;

    #[test]
    fn builds_numbered_values_exits_and_snapshots() {
        let mut b = TraceBuilder::new(TraceId(3), TraceKind::Loop);
        let p0 = b.input(Type::Ref);
        let i1 = b.input(Type::Int);
        assert_eq!((p0.index(), i1.index()), (0, 1));
        let label = b.op(Opcode::Label, &[p0, i1], None);
        assert_eq!((label.ty(), label.index()), (Type::Void, 2));
        let one = b.const_int(1);
        assert_eq!(b.const_int(1), one);
        let i3 = b.op(Opcode::IntAddOvf, &[i1, one], None);
        assert_eq!(i3, OpRef::value(Type::Int, 3));
        let snap = Snapshot::frame(7, 2, vec![SnapValue::Value(p0), SnapValue::Value(one)]);
        b.guard(Opcode::GuardNoOverflow, &[], snap);
        b.op(Opcode::Jump, &[p0, i3], None);
        let t = b.finish();
        assert_eq!(t.ops[2].exit, Some(ExitId(0)));
        assert_eq!(
            t.snapshots[0].frames[0].slots[1],
            SnapValue::Const(Const::int(1))
        );
        assert_eq!(t.exit_args(2), [p0]);
    }

    #[test]
    fn descriptors_are_deduplicated_and_derived_builders_keep_tables() {
        let mut b = TraceBuilder::new(TraceId(0), TraceKind::Loop);
        let size = || {
            Descr::Size(SizeDescr {
                name: "S".into(),
                size: 16,
                header: 5,
            })
        };
        let d = b.add_descr(size());
        assert_eq!(b.add_descr(size()), d);
        let c = b.const_float(2.5);
        b.input(Type::Int);
        let t = b.finish();
        let mut d2 = TraceBuilder::derived(&t);
        assert_eq!(d2.add_descr(size()), d);
        assert_eq!(d2.const_float(2.5), c);
        assert_eq!(d2.trace().inputs, [Type::Int]);
    }

    #[test]
    fn explicit_exits_advance_the_counter() {
        let mut b = TraceBuilder::new(TraceId(0), TraceKind::Loop);
        let mut op = Op::new(Opcode::GuardNoException, &[]);
        op.exit = Some(ExitId(5));
        b.push(op);
        b.op(Opcode::Finish, &[], None);
        assert_eq!(b.trace().ops[1].exit, Some(ExitId(6)));
    }
}
