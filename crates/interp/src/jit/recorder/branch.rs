//! Conditional jumps on the truth of the stack top: `POP_JUMP_IF_TRUE/FALSE` and
//! `JUMP_IF_TRUE/FALSE_OR_POP`. The trace follows the direction taken now and guards it;
//! the guard resumes the interpreter where the other direction leads.

use super::{Step, TraceRecorder, R};
use crate::jit::helpers;
use crate::jit::shadow::Sh;
use crate::types::class::{class_obj, flags, lookup};
use crate::value::Value;
use crate::vm::Vm;
use pyrs_frontend::bytecode::Op;
use pyrs_jit_ir::{OpRef, Opcode as O, Snapshot, Type};
use pyrs_tracer::AbortReason;

/// The truth of `v` when computing it runs no Python code (builtin types, and instances
/// of classes with neither `__bool__` nor `__len__`): recording must not run user code
/// that the interpreter runs again.
pub(super) fn static_truth(vm: &mut Vm, v: Value) -> Option<bool> {
    if !v.is_ptr() || v == vm.true_ || v == vm.false_ || v == vm.none {
        return crate::ops::convert::truthy(vm, v).ok();
    }
    let cls = super::class_of(v);
    if class_obj(cls).flags & flags::BUILTIN != 0 {
        return crate::ops::convert::truthy(vm, v).ok();
    }
    let (b, l) = (vm.names.__bool__, vm.names.__len__);
    if lookup(vm, cls, b).is_null() && lookup(vm, cls, l).is_null() {
        return Some(true);
    }
    None
}

impl TraceRecorder {
    /// The truth of `s` (run-time value `cond`) as an Int 0/1, and its value now. Guards
    /// taken on the way resume at `before`. For a `branch` (whose direction is guarded
    /// anyway) a bool or None is pinned by `guard_value`; as data, a bool is only
    /// class-guarded.
    pub(super) fn truth(
        &mut self,
        vm: &mut Vm,
        s: Sh,
        cond: Value,
        before: &Snapshot,
        branch: bool,
    ) -> R<(OpRef, bool)> {
        let now = static_truth(vm, cond).ok_or(AbortReason::Unsupported)?;
        let t = match s {
            Sh::Bool(b) => b,
            _ => match self.specialize(vm, s, cond, before) {
                Sh::Int(i) => {
                    let z = self.b.const_int(1);
                    self.b.op(O::IntNe, &[i, z], None)
                }
                Sh::Float(x, _) => {
                    let z = self.b.const_float(0.0);
                    self.b.op(O::FloatNe, &[x, z], None)
                }
                s if !branch && (cond == vm.true_ || cond == vm.false_) => {
                    // Either bool as data: a class guard, then the truth without a branch.
                    let r = self.val(s);
                    self.guard_class(r, vm.cls.bool_, before);
                    let t = self.b.const_ptr(vm.true_.0);
                    self.b.op(O::PtrEq, &[r, t], None)
                }
                s if cond == vm.true_ || cond == vm.false_ || cond == vm.none => {
                    let r = self.val(s);
                    let c = self.b.const_ptr(cond.0);
                    self.guard(O::GuardValue, &[r, c], before.clone());
                    self.b.const_int((cond == vm.true_) as i64)
                }
                s => {
                    let r = self.val(s);
                    self.call(
                        helpers::truthy as *const () as usize,
                        &[r],
                        Type::Int,
                        before.clone(),
                    )
                }
            },
        };
        Ok((t, now))
    }

    /// A conditional jump at `pc` to `target` on the truth of the top (run-time `cond`).
    pub(super) fn cond_jump(
        &mut self,
        vm: &mut Vm,
        pc: u32,
        op: Op,
        target: u32,
        cond: Value,
    ) -> R<Step> {
        let s = self.peek(1);
        let before = self.snapshot(pc, 0);
        let (truth, now) = self.truth(vm, s, cond, &before, true)?;
        let (jump_if, pops_always) = match op {
            Op::PopJumpIfTrue => (true, true),
            Op::PopJumpIfFalse => (false, true),
            Op::JumpIfTrueOrPop => (true, false),
            _ => (false, false),
        };
        let jumps = now == jump_if;
        // On failure the jump went the other way: to the next instruction (the top popped),
        // or to the target (popped by POP_JUMP, kept by JUMP_IF_..._OR_POP).
        let after = if jumps {
            self.snapshot(pc + 1, 1)
        } else {
            self.snapshot(target, pops_always as usize)
        };
        let g = if now { O::GuardTrue } else { O::GuardFalse };
        self.guard(g, &[truth], after);
        if pops_always || !jumps {
            self.pop();
        }
        Ok(Step::Go)
    }
}
