//! [`random_any_trace`]: random traces using every opcode, every descriptor kind and every
//! snapshot feature. They verify but are not meant to run (addresses are made up): they
//! test the printer, the parser, the verifier and passes.

use super::gen::Gen;
use crate::descr::{CallDescr, Descr, Effects, TargetDescr};
use crate::ids::{ExitId, ExitRef, TraceId};
use crate::opcode::{ArgType, DescrUse, Opcode, Operands};
use crate::trace::{Trace, TraceKind};
use crate::types::{OpRef, Type};

/// A random verifiable trace (loop, entry or bridge) exercising the whole IR.
pub fn random_any_trace(seed: u64) -> Trace {
    let mut probe = super::Rng::new(seed);
    let id = TraceId(probe.below(100) as u32);
    let kind = if probe.chance(60) {
        TraceKind::Loop
    } else if probe.chance(25) {
        TraceKind::Entry
    } else {
        let parent = ExitRef {
            trace: TraceId(probe.below(100) as u32),
            exit: ExitId(probe.below(50) as u32),
        };
        TraceKind::Bridge { parent }
    };
    let mut g = Gen::new(probe.next_u64(), id, kind);
    for _ in 0..1 + g.rng.below(6) {
        let ty = *g.rng.pick(&Type::VALUES);
        g.input(ty);
    }
    let is_loop = kind == TraceKind::Loop;
    if is_loop {
        let inputs = g.b.trace().input_refs();
        g.b.op(Opcode::Label, &inputs, None);
    }
    let body = 1 + g.rng.below(40);
    let second_label = if is_loop && g.rng.chance(30) {
        g.rng.below(body)
    } else {
        body
    };
    for i in 0..body {
        if i == second_label {
            relabel(&mut g);
        }
        any_op(&mut g);
    }
    finish(&mut g, is_loop);
    g.b.finish()
}

/// A second label (after a preamble): carries a random subset of the visible values.
fn relabel(g: &mut Gen) {
    let carried: Vec<OpRef> = g
        .visible()
        .into_iter()
        .filter(|_| g.rng.chance(60))
        .collect();
    g.b.op(Opcode::Label, &carried, None);
    g.only_visible(&carried);
}

fn finish(g: &mut Gen, is_loop: bool) {
    if is_loop && g.rng.chance(85) {
        let label = g.b.trace().loop_label().unwrap_or(0);
        let types: Vec<Type> = g.b.trace().ops[label].args.types().collect();
        let args: Vec<OpRef> = types.iter().map(|&t| g.operand(t)).collect();
        g.b.op(Opcode::Jump, &args, None);
        return;
    }
    let types: Vec<Type> = (0..g.rng.below(5))
        .map(|_| *g.rng.pick(&Type::VALUES))
        .collect();
    let args: Vec<OpRef> = types.iter().map(|&t| g.operand(t)).collect();
    if g.rng.chance(50) {
        let trace = TraceId(g.rng.below(100) as u32);
        let d =
            g.b.add_descr(Descr::Target(TargetDescr { trace, args: types }));
        g.b.op(Opcode::Jump, &args, Some(d));
    } else {
        g.b.op(Opcode::Finish, &args, None);
    }
}

fn any_op(g: &mut Gen) {
    use Opcode::*;
    let op = loop {
        let op = *g.rng.pick(Opcode::ALL);
        if !matches!(op, Label | Jump | Finish | GuardNoOverflow | GuardOverflow) {
            break op;
        }
    };
    let ty = *g.rng.pick(&Type::VALUES);
    let (args, descr): (Vec<OpRef>, _) = match op {
        GuardValue => (vec![g.operand(ty), g.konst(ty)], None),
        GuardClass => (vec![g.operand(Type::Ref), g.konst(Type::Int)], None),
        GuardNotInvalidated => (vec![g.konst(Type::Int)], None),
        DebugMergePoint => (vec![g.konst(Type::Int), g.konst(Type::Int)], None),
        SetfieldGc | SetfieldRaw => {
            let base = g.operand(if op == SetfieldGc {
                Type::Ref
            } else {
                Type::Int
            });
            (vec![base, g.operand(ty)], Some(g.field_descr(ty)))
        }
        SetarrayitemGc | SetarrayitemRaw => {
            let base = g.operand(if op == SetarrayitemGc {
                Type::Ref
            } else {
                Type::Int
            });
            (
                vec![base, g.operand(Type::Int), g.operand(ty)],
                Some(g.array_descr(ty)),
            )
        }
        CallI | CallF | CallR | CallN => {
            let types: Vec<Type> = (0..g.rng.below(7))
                .map(|_| *g.rng.pick(&Type::VALUES))
                .collect();
            let mut args = vec![g.operand(Type::Int)];
            args.extend(types.iter().map(|&t| g.operand(t)));
            let effects = Effects {
                can_raise: g.rng.chance(30),
                can_collect: g.rng.chance(30),
                pure: g.rng.chance(30),
                may_force: g.rng.chance(30),
            };
            let name = g.name();
            let call = CallDescr {
                name,
                args: types,
                result: op.result_type(),
                effects,
            };
            (args, Some(g.b.add_descr(Descr::Call(call))))
        }
        _ => {
            let Operands::Fixed(types) = op.operands() else {
                return;
            };
            let args = types
                .iter()
                .map(|at| match at {
                    ArgType::Int => g.operand(Type::Int),
                    ArgType::Float => g.operand(Type::Float),
                    ArgType::Ref => g.operand(Type::Ref),
                    ArgType::Any => g.operand(ty),
                })
                .collect();
            let descr = match op.descr_use() {
                DescrUse::Field => Some(g.field_descr(op.result_type())),
                DescrUse::Array => {
                    let item = if matches!(op, ArraylenGc | NewArray) {
                        ty
                    } else {
                        op.result_type()
                    };
                    Some(g.array_descr(item))
                }
                DescrUse::Size => Some(g.size_descr()),
                _ => None,
            };
            (args, descr)
        }
    };
    if op.is_guard() {
        g.guard(op, &args, true);
        return;
    }
    g.emit(op, &args, descr);
    if op.is_ovf() {
        let guard = if g.rng.chance(50) {
            GuardNoOverflow
        } else {
            GuardOverflow
        };
        g.guard(guard, &[], true);
    }
}
