//! [`Rebuild`]: the rebuild idiom every pass shares. A pass walks the old trace op by op
//! and, for each, emits zero or more ops into a [`TraceBuilder::derived`] copy and
//! [`defines`](Rebuild::define) what the old op's value became. The helper keeps the map
//! from old value indices to new refs, maps snapshots (sharing a mapped snapshot between
//! guards that shared the old one, within a label region), and emits labels whose operands
//! stay distinct non-constant values.

use std::collections::{HashMap, HashSet};

use pyrs_jit_ir::{Const, Op, OpArgs, OpRef, Opcode, SnapId, SnapValue, Trace, TraceBuilder, Type};

/// What a removed op's value maps to: nothing may use it (an op is only removed when its
/// value is unused or has been replaced), so it is typed `Void` and never read.
pub(crate) const REMOVED: OpRef = OpRef::value(Type::Void, 0);

/// The state of one pass run over one trace.
pub(crate) struct Rebuild<'a> {
    /// The trace being rewritten.
    pub(crate) old: &'a Trace,
    b: TraceBuilder,
    /// Old value index -> the new ref it became (a value or a constant of the new trace).
    map: Vec<OpRef>,
    /// Old snapshot -> its mapped copy, and the label region it was made in.
    snaps: HashMap<SnapId, (SnapId, u32)>,
    region: u32,
    /// The index of the last label in the new trace.
    region_start: Option<usize>,
}

impl<'a> Rebuild<'a> {
    /// Starts rewriting `old`: inputs and constants keep their refs.
    pub(crate) fn new(old: &'a Trace) -> Rebuild<'a> {
        let mut map = Vec::with_capacity(old.num_values());
        map.extend(old.input_refs());
        Rebuild {
            old,
            b: TraceBuilder::derived(old),
            map,
            snaps: HashMap::new(),
            region: 0,
            region_start: None,
        }
    }

    /// What old ref `r` became (constants are shared between both traces).
    pub(crate) fn get(&self, r: OpRef) -> OpRef {
        match r.value_index() {
            Some(i) => self.map[i],
            None => r,
        }
    }

    /// Records what the next old op's value became ([`REMOVED`] if it has none or is
    /// gone). Called exactly once per old op, in order.
    pub(crate) fn define(&mut self, new: OpRef) {
        self.map.push(new);
    }

    /// The value of new ref `r` if it is a constant.
    pub(crate) fn konst(&self, r: OpRef) -> Option<Const> {
        self.b.trace().konst(r)
    }

    /// The op defining new value `r`, if an op after the current label does. (A label
    /// operand's defining op is before the label: inside the loop the operand holds
    /// whatever the `jump` passed, so that op says nothing about it.)
    pub(crate) fn def_op(&self, r: OpRef) -> Option<&Op> {
        let t = self.b.trace();
        let n = t.op_index(r)?;
        (self.region_start.is_none_or(|l| n > l)).then(|| &t.ops[n])
    }

    /// The constant `c` as a ref of the new trace.
    pub(crate) fn intern(&mut self, c: Const) -> OpRef {
        self.b.konst(c)
    }

    /// Emits a new op without snapshot or exit.
    pub(crate) fn emit(&mut self, opcode: Opcode, args: &[OpRef]) -> OpRef {
        self.b.op(opcode, args, None)
    }

    /// Emits a copy of old op `op` with its operands and snapshot mapped through
    /// [`Rebuild::get`] and then `resolve`; descriptor and exit id are kept.
    pub(crate) fn copy_with(&mut self, op: &Op, resolve: impl Fn(OpRef) -> OpRef) -> OpRef {
        let args = op.args.iter().map(|&r| resolve(self.get(r))).collect();
        self.push_with(op, op.opcode, args, resolve)
    }

    /// [`Rebuild::copy_with`] without a resolver.
    pub(crate) fn copy(&mut self, op: &Op) -> OpRef {
        self.copy_with(op, |r| r)
    }

    /// Emits old op `op` as `opcode(args)` (already mapped), keeping its descriptor and
    /// exit, with its snapshot mapped through [`Rebuild::get`] and then `resolve`.
    pub(crate) fn push_with(
        &mut self,
        op: &Op,
        opcode: Opcode,
        args: OpArgs,
        resolve: impl Fn(OpRef) -> OpRef,
    ) -> OpRef {
        let snapshot = op.snapshot.map(|s| self.snapshot_with(s, resolve));
        self.b.push(Op {
            opcode,
            args,
            descr: op.descr,
            snapshot,
            exit: op.exit,
        })
    }

    /// The mapped copy of old snapshot `old`: made once per label region (a value that was
    /// visible and correct at the first guard using it still is at the later ones).
    fn snapshot_with(&mut self, old: SnapId, resolve: impl Fn(OpRef) -> OpRef) -> SnapId {
        if let Some(&(id, region)) = self.snaps.get(&old) {
            if region == self.region {
                return id;
            }
        }
        let mapped =
            self.old.snapshots[old.index()].map_values(|r| SnapValue::Value(resolve(self.get(r))));
        let id = self.b.add_snapshot(mapped);
        self.snaps.insert(old, (id, self.region));
        id
    }

    /// Emits old `label` op `op`. Its operands map through [`Rebuild::get`]; one that
    /// became a constant or repeats an earlier operand is first copied with `same_as` (a
    /// label binds distinct values). After the label, each old operand maps to its new
    /// operand: the label re-binds it on every iteration.
    pub(crate) fn label(&mut self, op: &Op) -> OpRef {
        let mut seen = HashSet::with_capacity(op.args.len());
        let mut args = Vec::with_capacity(op.args.len());
        for &old in op.args.iter() {
            let mut r = self.get(old);
            if r.is_const() || !seen.insert(r) {
                if let Some(copy) = Opcode::same_as_for(r.ty()) {
                    r = self.b.op(copy, &[r], None);
                    seen.insert(r);
                }
            }
            args.push(r);
        }
        self.region_start = Some(self.b.trace().ops.len());
        let label = self.b.op(Opcode::Label, &args, None);
        self.region += 1;
        for (&old, &new) in op.args.iter().zip(&args) {
            if let Some(i) = old.value_index() {
                self.map[i] = new;
            }
        }
        label
    }

    /// The rewritten trace.
    pub(crate) fn finish(self) -> Trace {
        self.b.finish()
    }
}
