//! Instructions recorded as cheap inline IR or as residual calls, so that the loops and
//! bridges that contain them compile instead of aborting: closure cells, unary
//! operators, `in`, slices and the appends of comprehensions.

use super::{Step, TraceRecorder, R};
use crate::eval::frame::Frame;
use crate::jit::helpers;
use crate::jit::shadow::Sh;
use crate::object::{self, CellObj};
use crate::vm::Vm;
use pyrs_frontend::bytecode::{Instr, Op, UnOp};
use pyrs_jit_ir::{Effects, OpRef, Opcode as O, Type};
use pyrs_tracer::AbortReason;

impl TraceRecorder {
    /// Records `instr` if it is one of this module's; `None` when it is not.
    pub(super) fn residual_instr(
        &mut self,
        vm: &mut Vm,
        pc: u32,
        instr: Instr,
        f: &Frame,
    ) -> Option<R<Step>> {
        let arg = instr.arg as usize;
        let rt = |n: usize| f.values[f.values.len() - n];
        Some(match instr.op {
            Op::LoadClosure => {
                let s = self.top_frame().slots[arg];
                self.push(s);
                Ok(Step::Go)
            }
            Op::LoadDeref => self.load_deref(pc, f, arg),
            Op::StoreDeref => {
                if object::downcast::<CellObj>(f.values[arg]).is_none() {
                    return Some(Err(AbortReason::Unsupported));
                }
                let v = self.pop();
                let w = self.val(v);
                let c = self.top_frame().slots[arg];
                let c = self.val(c);
                self.b.op(O::SetfieldGc, &[c, w], Some(self.d.cell_value));
                Ok(Step::Go)
            }
            Op::UnaryOp => self.unary(vm, pc, instr.arg, rt(1)),
            Op::ContainsOp => {
                let snap = self.snapshot(pc, 0);
                let container = self.pop();
                let item = self.pop();
                let (c, i) = (self.val(container), self.val(item));
                let r = self.call(
                    helpers::contains as *const () as usize,
                    &[c, i],
                    Type::Ref,
                    snap,
                );
                if arg == 1 {
                    let t = self.b.const_ptr(vm.true_.0);
                    let is_true = self.b.op(O::PtrEq, &[r, t], None);
                    let one = self.b.const_int(1);
                    let r = self.b.op(O::IntXor, &[is_true, one], None);
                    self.push(Sh::Bool(r));
                } else {
                    self.push(Sh::Val(r));
                }
                Ok(Step::Go)
            }
            Op::BuildSlice => {
                let snap = self.snapshot(pc, 0);
                let step = if arg == 3 {
                    let s = self.pop();
                    self.val(s)
                } else {
                    self.b.const_ptr(vm.none.0)
                };
                let stop = self.pop();
                let start = self.pop();
                let (a, b) = (self.val(start), self.val(stop));
                let r = self.call(
                    helpers::build_slice as *const () as usize,
                    &[a, b, step],
                    Type::Ref,
                    snap,
                );
                self.push(Sh::Val(r));
                Ok(Step::Go)
            }
            Op::ListAppend => {
                let x = self.pop();
                let l = self.peek(arg);
                let (l, x) = (self.val(l), self.val(x));
                self.list_append(l, x);
                Ok(Step::Go)
            }
            Op::SetAdd => {
                let snap = self.snapshot(pc, 0);
                let x = self.pop();
                let s = self.peek(arg);
                let (s, x) = (self.val(s), self.val(x));
                self.call(
                    helpers::set_add as *const () as usize,
                    &[s, x],
                    Type::Ref,
                    snap,
                );
                Ok(Step::Go)
            }
            Op::MapAdd => {
                let snap = self.snapshot(pc, 0);
                let x = self.pop();
                let k = self.pop();
                let d = self.peek(arg);
                let (d, k, x) = (self.val(d), self.val(k), self.val(x));
                self.call(
                    helpers::map_add as *const () as usize,
                    &[d, k, x],
                    Type::Ref,
                    snap,
                );
                Ok(Step::Go)
            }
            _ => return None,
        })
    }

    /// The content of the cell in slot `arg`: a field load, guarded non-empty (an empty
    /// cell raises, which the interpreter does after the guard fails).
    fn load_deref(&mut self, pc: u32, f: &Frame, arg: usize) -> R<Step> {
        let Some(cell) = object::downcast::<CellObj>(f.values[arg]) else {
            return Err(AbortReason::Unsupported);
        };
        if cell.value.is_null() {
            return Err(AbortReason::ExceptionRaised);
        }
        let snap = self.snapshot(pc, 0);
        let c = self.top_frame().slots[arg];
        let c = self.val(c);
        let v = self.b.op(O::GetfieldGcR, &[c], Some(self.d.cell_value));
        self.guard(O::GuardNonnull, &[v], snap);
        self.push(Sh::Val(v));
        Ok(Step::Go)
    }

    fn unary(&mut self, vm: &mut Vm, pc: u32, arg: u32, x: crate::value::Value) -> R<Step> {
        let op = UnOp::from_arg(arg).ok_or(AbortReason::Unsupported)?;
        let snap = self.snapshot(pc, 0);
        let s = self.pop();
        let s = self.specialize(vm, s, x, &snap);
        let r = match (op, s) {
            (UnOp::Not, s) if super::branch::static_truth(vm, x).is_some() => {
                let (t, _) = self.truth(vm, s, x, &snap, false)?;
                let one = self.b.const_int(1);
                Sh::Bool(self.b.op(O::IntXor, &[t, one], None))
            }
            (UnOp::Neg, Sh::Int(i)) => {
                // The tagged word of -n is 2 - (2n + 1).
                let two = self.b.const_int(2);
                let r = self.b.op(O::IntSubOvf, &[two, i], None);
                self.guard(O::GuardNoOverflow, &[], snap);
                Sh::Int(r)
            }
            (UnOp::Neg, Sh::Float(v, _)) => Sh::Float(self.b.op(O::FloatNeg, &[v], None), None),
            (UnOp::Pos, Sh::Int(_) | Sh::Float(..)) => s,
            _ => {
                let w = self.val(s);
                let k = self.b.const_int(arg as i64);
                Sh::Val(self.call(
                    helpers::unary_op as *const () as usize,
                    &[w, k],
                    Type::Ref,
                    snap,
                ))
            }
        };
        self.push(r);
        Ok(Step::Go)
    }

    /// `list.append(x)` on a list the trace knows is exact (a comprehension's or a guarded
    /// receiver): a helper call that cannot raise, collect or run Python code.
    pub(super) fn list_append(&mut self, l: OpRef, x: OpRef) {
        let effects = Effects {
            can_raise: false,
            can_collect: false,
            pure: false,
            may_force: false,
        };
        self.call_with(
            helpers::list_append as *const () as usize,
            &[l, x],
            Type::Ref,
            effects,
            None,
        );
    }
}
