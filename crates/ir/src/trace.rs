//! [`Trace`] and [`Op`]: a linear SSA trace with its constant pool, descriptor table and
//! snapshots.

use crate::args::OpArgs;
use crate::descr::Descr;
use crate::flags::OpFlags;
use crate::ids::{DescrId, ExitId, ExitRef, SnapId, TraceId};
use crate::opcode::Opcode;
use crate::snapshot::Snapshot;
use crate::types::{Const, OpRef, Type};

/// One operation of a trace.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Op {
    /// What it does.
    pub opcode: Opcode,
    /// Its operands.
    pub args: OpArgs,
    /// Its descriptor, for ops that take one ([`Opcode::descr_use`]).
    pub descr: Option<DescrId>,
    /// Its resume data: set on guards, and only on guards.
    pub snapshot: Option<SnapId>,
    /// Its exit: set on guards and `finish`, and only on them.
    pub exit: Option<ExitId>,
}

impl Op {
    /// An op with these operands and no descriptor, snapshot or exit.
    pub fn new(opcode: Opcode, args: &[OpRef]) -> Op {
        Op {
            opcode,
            args: OpArgs::from_slice(args),
            descr: None,
            snapshot: None,
            exit: None,
        }
    }

    /// The result type (that of the opcode).
    pub fn result_type(&self) -> Type {
        self.opcode.result_type()
    }
}

/// What a trace is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TraceKind {
    /// A loop: the ops before its last `label` run once per entry (a preamble); a `jump`
    /// without target re-enters that label.
    Loop,
    /// A bridge from a guard of another trace: its inputs are that guard's fail args.
    Bridge {
        /// The guard it is attached to.
        parent: ExitRef,
    },
    /// An entry trace: entered by the interpreter at a position that is not a loop header
    /// (a function's first instruction); it has no label and ends with a `jump` to a
    /// compiled loop or a `finish`.
    Entry,
}

/// What defines a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueDef {
    /// Trace input number `k`.
    Input(usize),
    /// The result of op number `n`.
    Op(usize),
    /// A constant.
    Const(Const),
}

/// A recorded (or optimized) trace. Build one with [`TraceBuilder`](crate::TraceBuilder)
/// or [`parse`](crate::parse); check it with [`verify`](crate::verify).
///
/// Invariant: input `k` is the value `OpRef::value(inputs[k], k)` and op `n` defines
/// `OpRef::value(ops[n].result_type(), inputs.len() + n)`; passes that remove or insert ops
/// therefore rebuild the trace (see [`TraceBuilder::derived`](crate::TraceBuilder::derived)).
///
/// Equality compares constants by value, not by pool slot: two traces are equal when
/// they print the same.
#[derive(Clone, Debug)]
pub struct Trace {
    /// The trace's identity.
    pub id: TraceId,
    /// Loop or bridge.
    pub kind: TraceKind,
    /// Types of the inputs (jitframe slots `0..n` on entry).
    pub inputs: Vec<Type>,
    /// The ops, in execution order; the last is a `jump` or a `finish`.
    pub ops: Vec<Op>,
    /// The constant pool, indexed by constant `OpRef`s.
    pub consts: Vec<Const>,
    /// The descriptor table, indexed by [`DescrId`].
    pub descrs: Vec<Descr>,
    /// The snapshot table, indexed by [`SnapId`].
    pub snapshots: Vec<Snapshot>,
}

impl Trace {
    /// An empty trace.
    pub fn new(id: TraceId, kind: TraceKind) -> Trace {
        Trace {
            id,
            kind,
            inputs: Vec::new(),
            ops: Vec::new(),
            consts: Vec::new(),
            descrs: Vec::new(),
            snapshots: Vec::new(),
        }
    }

    /// The size of the dense value index space: inputs plus ops.
    pub fn num_values(&self) -> usize {
        self.inputs.len() + self.ops.len()
    }

    /// The value of input `k`.
    pub fn input_ref(&self, k: usize) -> OpRef {
        OpRef::value(self.inputs[k], k as u32)
    }

    /// The values of all inputs, in order.
    pub fn input_refs(&self) -> Vec<OpRef> {
        (0..self.inputs.len()).map(|k| self.input_ref(k)).collect()
    }

    /// The value op `n` defines (typed `Void` if it has no result).
    pub fn op_ref(&self, n: usize) -> OpRef {
        OpRef::value(self.ops[n].result_type(), (self.inputs.len() + n) as u32)
    }

    /// What defines `r`, or `None` if `r` is out of range or its type disagrees.
    pub fn def(&self, r: OpRef) -> Option<ValueDef> {
        if r.is_const() {
            return self.konst(r).map(ValueDef::Const);
        }
        let i = r.index() as usize;
        let (def, ty) = if i < self.inputs.len() {
            (ValueDef::Input(i), self.inputs[i])
        } else {
            let n = i - self.inputs.len();
            (ValueDef::Op(n), self.ops.get(n)?.result_type())
        };
        (ty == r.ty()).then_some(def)
    }

    /// The index of the op defining `r`, if an op does.
    pub fn op_index(&self, r: OpRef) -> Option<usize> {
        match self.def(r)? {
            ValueDef::Op(n) => Some(n),
            _ => None,
        }
    }

    /// The op defining `r`, if an op does.
    pub fn defining_op(&self, r: OpRef) -> Option<&Op> {
        self.op_index(r).map(|n| &self.ops[n])
    }

    /// The constant `r` names, if it names one of this trace's constants.
    pub fn konst(&self, r: OpRef) -> Option<Const> {
        if !r.is_const() {
            return None;
        }
        self.consts
            .get(r.index() as usize)
            .copied()
            .filter(|c| c.ty == r.ty())
    }

    /// The descriptor `id`.
    pub fn descr(&self, id: DescrId) -> Option<&Descr> {
        self.descrs.get(id.index())
    }

    /// The snapshot `id`.
    pub fn snapshot(&self, id: SnapId) -> Option<&Snapshot> {
        self.snapshots.get(id.index())
    }

    /// The values an exit leaves with, written to jitframe slots `0..k`: for a guard, its
    /// snapshot's [`fail_args`](Snapshot::fail_args); for `finish`, its operands (which may
    /// be constants); empty for other ops.
    pub fn exit_args(&self, n: usize) -> Vec<OpRef> {
        let op = &self.ops[n];
        if op.opcode == Opcode::Finish {
            op.args.to_vec()
        } else {
            op.snapshot
                .and_then(|s| self.snapshot(s))
                .map(Snapshot::fail_args)
                .unwrap_or_default()
        }
    }

    /// The exits of the trace with the index of their op, in op order.
    pub fn exits(&self) -> impl Iterator<Item = (ExitId, usize)> + '_ {
        self.ops
            .iter()
            .enumerate()
            .filter_map(|(n, op)| op.exit.map(|e| (e, n)))
    }

    /// The index of the op carrying exit `exit`.
    pub fn exit_op(&self, exit: ExitId) -> Option<usize> {
        self.exits().find(|&(e, _)| e == exit).map(|(_, n)| n)
    }

    /// The index of the loop header: the last `label`, where an untargeted `jump` goes.
    pub fn loop_label(&self) -> Option<usize> {
        self.ops.iter().rposition(|op| op.opcode == Opcode::Label)
    }

    /// The op's flags, refined for calls by their descriptor's effects: a call without
    /// `can_raise` / `can_collect` loses those flags, `may_force` keeps both, and a `pure`
    /// call becomes `PURE` and neither reads nor writes the heap.
    pub fn op_flags(&self, op: &Op) -> OpFlags {
        let flags = op.opcode.flags();
        let Some(call) = op
            .descr
            .and_then(|d| self.descr(d))
            .and_then(Descr::as_call)
        else {
            return flags;
        };
        let e = call.effects;
        let mut flags = flags;
        if !e.may_force {
            if !e.can_raise {
                flags = flags.without(OpFlags::CAN_RAISE);
            }
            if !e.can_collect {
                flags = flags.without(OpFlags::CAN_COLLECT);
            }
            if e.pure {
                flags = flags.without(OpFlags::READS_HEAP | OpFlags::WRITES_HEAP) | OpFlags::PURE;
            }
        }
        flags
    }

    fn same_ref(&self, a: OpRef, other: &Trace, b: OpRef) -> bool {
        if a.is_const() && b.is_const() {
            self.konst(a) == other.konst(b) && a.ty() == b.ty()
        } else {
            a == b
        }
    }
}

impl PartialEq for Trace {
    fn eq(&self, other: &Trace) -> bool {
        self.id == other.id
            && self.kind == other.kind
            && self.inputs == other.inputs
            && self.descrs == other.descrs
            && self.snapshots == other.snapshots
            && self.ops.len() == other.ops.len()
            && self.ops.iter().zip(&other.ops).all(|(a, b)| {
                a.opcode == b.opcode
                    && a.descr == b.descr
                    && a.snapshot == b.snapshot
                    && a.exit == b.exit
                    && a.args.len() == b.args.len()
                    && a.args
                        .iter()
                        .zip(b.args.iter())
                        .all(|(&x, &y)| self.same_ref(x, other, y))
            })
    }
}

impl Eq for Trace {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::descr::{CallDescr, Effects};

    fn small() -> Trace {
        let mut t = Trace::new(TraceId(1), TraceKind::Loop);
        t.inputs = vec![Type::Ref, Type::Int];
        t.consts = vec![Const::int(1)];
        let i1 = OpRef::value(Type::Int, 1);
        t.ops
            .push(Op::new(Opcode::Label, &[OpRef::value(Type::Ref, 0), i1]));
        t.ops.push(Op::new(
            Opcode::IntAdd,
            &[i1, OpRef::constant(Type::Int, 0)],
        ));
        t
    }

    #[test]
    fn values_are_numbered_inputs_first() {
        let t = small();
        assert_eq!(t.num_values(), 4);
        assert_eq!(
            t.input_refs(),
            [OpRef::value(Type::Ref, 0), OpRef::value(Type::Int, 1)]
        );
        assert_eq!(t.op_ref(1), OpRef::value(Type::Int, 3));
        assert_eq!(t.def(t.op_ref(1)), Some(ValueDef::Op(1)));
        assert_eq!(t.def(OpRef::value(Type::Int, 0)), None, "type mismatch");
        assert_eq!(t.def(OpRef::value(Type::Int, 4)), None, "out of range");
        assert_eq!(t.konst(OpRef::constant(Type::Int, 0)), Some(Const::int(1)));
        assert_eq!(
            t.defining_op(t.op_ref(1)).map(|o| o.opcode),
            Some(Opcode::IntAdd)
        );
        assert_eq!(t.loop_label(), Some(0));
    }

    #[test]
    fn equality_compares_constants_by_value() {
        let a = small();
        let mut b = small();
        b.consts = vec![Const::float(2.0), Const::int(1)];
        b.ops[1].args[1] = OpRef::constant(Type::Int, 1);
        assert_eq!(a, b);
        b.consts[1] = Const::int(2);
        assert_ne!(a, b);
    }

    #[test]
    fn call_flags_follow_effects() {
        let mut t = small();
        let effects = Effects {
            pure: true,
            ..Effects::NONE
        };
        t.descrs.push(Descr::Call(CallDescr {
            name: "h".into(),
            args: vec![],
            result: Type::Int,
            effects,
        }));
        let mut op = Op::new(Opcode::CallI, &[OpRef::constant(Type::Int, 0)]);
        op.descr = Some(DescrId(0));
        let f = t.op_flags(&op);
        assert!(f.contains(OpFlags::PURE | OpFlags::CALL));
        assert!(!f.intersects(OpFlags::CAN_RAISE | OpFlags::CAN_COLLECT | OpFlags::WRITES_HEAP));
    }
}
