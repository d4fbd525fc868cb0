//! The template emitter: turns one verified trace into x86-64 machine code, one template
//! per op.
//!
//! Register conventions inside compiled code (shared by every trace, so any trace may
//! jump into any other): `rbx` holds the jitframe base and `r12` its length in slots for
//! the whole run (both callee-saved, so they survive calls); every other general
//! register and `xmm0`/`xmm1` are scratch within one op's template. Between templates no
//! value lives in a register: each op loads its operands from their slots (or as
//! immediates) and stores its result to its slot, so calls that move objects find every
//! reference in the jitframe. The machine stack stays 16-byte aligned in the body.
//!
//! Code layout: entry (loops: prologue; bridges: the jitframe-length check), the ops in
//! order, then out of line each guard's failure path and exit stub, and the epilogue.

mod alloc;
mod call;
mod control;
mod float;
mod guard;
mod int;
mod memory;

use std::cell::Cell;
use std::collections::HashMap;

use dynasmrt::x64::{Assembler, Rq, Rx};
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, ExecutableBuffer};
use pyrs_jit_ir::{ExitId, ExitRef, JitEnv, OpRef, Opcode, Trace, TraceId, TraceKind, Type};

use crate::layout::{disp, Layout};
use crate::moves::Src;

/// What emission needs to know about a loop that a `jump` targets.
#[derive(Clone, Debug)]
pub(crate) struct JumpTarget {
    /// Address of its loop header (the code of its last `label`).
    pub(crate) label_addr: usize,
    /// The slots of the label's operands, in operand order.
    pub(crate) label_slots: Vec<u32>,
    /// The types of the label's operands.
    pub(crate) label_types: Vec<Type>,
    /// The slots that loop needs by itself.
    pub(crate) own_need: usize,
}

/// A compilation request.
pub(crate) struct Request<'a> {
    /// The (verified) trace.
    pub(crate) trace: &'a Trace,
    /// The VM's addresses and hooks.
    pub(crate) env: &'a JitEnv,
    /// The compiled loops this trace's `jump`s with a target descriptor may name.
    pub(crate) targets: &'a HashMap<TraceId, JumpTarget>,
}

/// One guard of the compiled trace.
pub(crate) struct GuardExit {
    /// Its exit id.
    pub(crate) exit: ExitId,
    /// The types of its fail args (a bridge's inputs must match them).
    pub(crate) fail_types: Vec<Type>,
}

/// The machine code of one trace and what is needed to run it and attach bridges.
pub(crate) struct Output {
    /// The code; never moved or freed while the backend lives.
    pub(crate) code: ExecutableBuffer,
    /// Offset of the entry point (a loop's prologue, or a bridge's first instruction).
    pub(crate) entry: usize,
    /// A loop's header: the offset of its last label's code.
    pub(crate) label: Option<usize>,
    /// The slots of the loop header's operands (empty for bridges).
    pub(crate) label_slots: Vec<u32>,
    /// The label's operand types.
    pub(crate) label_types: Vec<Type>,
    /// The guards, in op order; guard `i` jumps through `slots[i]`.
    pub(crate) guards: Vec<GuardExit>,
    /// Each guard's indirect slot: the address its failure path continues at (its exit
    /// stub, or a bridge). Embedded in the code by address, so it must never move.
    pub(crate) slots: Box<[Cell<u64>]>,
    /// Code offsets with the IR op (or stub) the code from there on comes from.
    pub(crate) markers: Vec<(usize, String)>,
    /// Slots this trace and the loops it jumps to need by themselves.
    pub(crate) need: usize,
    /// The slots the trace itself needs.
    pub(crate) own_need: usize,
}

type R = Result<(), String>;

/// A guard whose out-of-line code is still to be emitted.
struct PendingGuard {
    exit: ExitId,
    fail: DynamicLabel,
    fail_args: Vec<OpRef>,
    stub_offset: usize,
}

/// The state of one compilation: the assembler, the trace and what is known so far.
pub(crate) struct Emitter<'a> {
    a: Assembler,
    trace: &'a Trace,
    env: &'a JitEnv,
    layout: Layout,
    targets: &'a HashMap<TraceId, JumpTarget>,
    epilogue: DynamicLabel,
    /// The op index and code label of the loop header (last `label`), for loops.
    loop_label: Option<(usize, DynamicLabel)>,
    loop_label_offset: Option<usize>,
    guards: Vec<PendingGuard>,
    slots: Box<[Cell<u64>]>,
    markers: Vec<(usize, String)>,
}

/// Compiles `req.trace`.
pub(crate) fn compile(req: &Request) -> Result<Output, String> {
    let trace = req.trace;
    let layout = Layout::new(trace)?;
    let mut a = Assembler::new().map_err(|e| format!("cannot map code memory: {e}"))?;
    let epilogue = a.new_dynamic_label();
    let loop_label = match trace.kind {
        TraceKind::Loop => trace.loop_label().map(|n| (n, a.new_dynamic_label())),
        TraceKind::Bridge { .. } | TraceKind::Entry => None,
    };
    let guard_count = trace.ops.iter().filter(|op| op.opcode.is_guard()).count();
    let slots: Box<[Cell<u64>]> = (0..guard_count).map(|_| Cell::new(0)).collect();
    let mut e = Emitter {
        a,
        trace,
        env: req.env,
        layout,
        targets: req.targets,
        epilogue,
        loop_label,
        loop_label_offset: None,
        guards: Vec::with_capacity(guard_count),
        slots,
        markers: Vec::new(),
    };
    let own_need = e.layout.own_need;
    let need = e.static_need()?;
    let entry = e.offset();
    match trace.kind {
        TraceKind::Loop | TraceKind::Entry => e.prologue(),
        TraceKind::Bridge { parent } => e.bridge_entry(parent, need)?,
    }
    for n in 0..trace.ops.len() {
        e.mark(trace.op_text(n));
        e.op(n)?;
    }
    e.out_of_line()?;
    e.finish_code(entry, need, own_need)
}

impl<'a> Emitter<'a> {
    fn offset(&self) -> usize {
        self.a.offset().0
    }

    /// Records that the code from here on comes from `what`.
    fn mark(&mut self, what: String) {
        let at = self.offset();
        self.markers.push((at, what));
    }

    /// The slots needed by this trace and by the loops its `jump`s enter.
    fn static_need(&self) -> Result<usize, String> {
        let mut need = self.layout.own_need;
        if let Some(last) = self.trace.ops.last() {
            if last.opcode == Opcode::Jump {
                if let Some(t) = self.jump_target(last)? {
                    need = need.max(t.own_need);
                }
            }
        }
        Ok(need)
    }

    /// Emits op `n`: the exhaustive dispatch to the op families.
    fn op(&mut self, n: usize) -> R {
        use Opcode::*;
        match self.trace.ops[n].opcode {
            Label => self.label(n),
            Jump => self.jump(n),
            Finish => self.finish(n),
            DebugMergePoint => Ok(()),
            GuardTrue | GuardFalse | GuardValue | GuardClass | GuardNonnull | GuardIsnull
            | GuardNoOverflow | GuardOverflow | GuardNoException | GuardNotInvalidated => {
                self.guard(n)
            }
            IntAdd | IntSub | IntMul | IntAnd | IntOr | IntXor | IntLshift | IntRshift
            | UintRshift => self.int_binary(n),
            IntAddOvf | IntSubOvf | IntMulOvf => self.int_ovf(n),
            IntFloordiv | IntMod => self.int_div(n),
            IntNeg | IntInvert | IntIsTrue | IntIsZero => self.int_unary(n),
            IntLt | IntLe | IntEq | IntNe | IntGt | IntGe | UintLt | UintGe | PtrEq | PtrNe => {
                self.int_compare(n)
            }
            CastPtrToInt | CastIntToPtr | SameAsI | SameAsF | SameAsR => self.copy(n),
            FloatAdd | FloatSub | FloatMul | FloatTruediv => self.float_binary(n),
            FloatNeg | FloatAbs | FloatSqrt | CastIntToFloat | CastFloatToInt => {
                self.float_unary(n)
            }
            FloatLt | FloatLe | FloatEq | FloatNe | FloatGt | FloatGe => self.float_compare(n),
            GetfieldGcI | GetfieldGcF | GetfieldGcR | GetfieldRawI => self.getfield(n),
            SetfieldGc | SetfieldRaw => self.setfield(n),
            GetarrayitemGcI | GetarrayitemGcF | GetarrayitemGcR | GetarrayitemRawI
            | GetarrayitemRawF | GetarrayitemRawR => self.getarrayitem(n),
            SetarrayitemGc | SetarrayitemRaw => self.setarrayitem(n),
            ArraylenGc => self.arraylen(n),
            New => self.new_object(n),
            NewArray => self.new_array(n),
            CallI | CallF | CallR | CallN => self.call(n),
        }
    }

    /// Where the value `r` comes from: its slot, or a constant.
    fn src(&self, r: OpRef) -> Result<Src, String> {
        if let Some(c) = self.trace.konst(r) {
            return Ok(Src::Const(c.bits));
        }
        self.layout
            .slot(r)
            .map(Src::Slot)
            .ok_or_else(|| format!("`{r}` has no jitframe slot"))
    }

    /// Operand `i` of op `n`.
    fn arg(&self, n: usize, i: usize) -> Result<OpRef, String> {
        let op = &self.trace.ops[n];
        op.args
            .get(i)
            .copied()
            .ok_or_else(|| format!("`{}` has no operand {i}", op.opcode))
    }

    /// The slot op `n`'s result goes to.
    fn result_slot(&self, n: usize) -> Result<u32, String> {
        let r = self.trace.op_ref(n);
        self.layout
            .slot(r)
            .ok_or_else(|| format!("`{}` has no result slot", self.trace.ops[n].opcode))
    }

    /// Loads a constant word into a general register, with the shortest encoding.
    fn mov_imm(&mut self, r: Rq, c: u64) {
        if c <= u32::MAX as u64 {
            dynasm!(self.a ; .arch x64 ; mov Rd(r), c as u32 as i32);
        } else if i32::try_from(c as i64).is_ok() {
            dynasm!(self.a ; .arch x64 ; mov Rq(r), c as i64 as i32);
        } else {
            dynasm!(self.a ; .arch x64 ; mov Rq(r), QWORD c as i64);
        }
    }

    /// Loads value `v` into general register `r`.
    fn load(&mut self, r: Rq, v: OpRef) -> R {
        match self.src(v)? {
            Src::Slot(s) => dynasm!(self.a ; .arch x64 ; mov Rq(r), QWORD [rbx + disp(s)]),
            Src::Const(c) => self.mov_imm(r, c),
            Src::Temp => return Err("the move temporary is not an operand".to_string()),
        }
        Ok(())
    }

    /// Loads operand `i` of op `n` into general register `r`.
    fn load_arg(&mut self, r: Rq, n: usize, i: usize) -> R {
        let v = self.arg(n, i)?;
        self.load(r, v)
    }

    /// Loads operand `i` of op `n` (a float) into `xmm{x}`; constants go through `r10`.
    fn load_arg_xmm(&mut self, x: Rx, n: usize, i: usize) -> R {
        match self.src(self.arg(n, i)?)? {
            Src::Slot(s) => dynasm!(self.a ; .arch x64 ; movq Rx(x), QWORD [rbx + disp(s)]),
            Src::Const(c) => {
                self.mov_imm(Rq::R10, c);
                dynasm!(self.a ; .arch x64 ; movq Rx(x), r10);
            }
            Src::Temp => return Err("the move temporary is not an operand".to_string()),
        }
        Ok(())
    }

    /// Stores general register `r` as op `n`'s result.
    fn store(&mut self, n: usize, r: Rq) -> R {
        let s = self.result_slot(n)?;
        dynasm!(self.a ; .arch x64 ; mov QWORD [rbx + disp(s)], Rq(r));
        Ok(())
    }

    /// Stores `xmm{x}` as op `n`'s result.
    fn store_xmm(&mut self, n: usize, x: Rx) -> R {
        let s = self.result_slot(n)?;
        dynasm!(self.a ; .arch x64 ; movq QWORD [rbx + disp(s)], Rx(x));
        Ok(())
    }

    /// Commits the code, maps it executable and fills the guard slots with the exit
    /// stubs' addresses.
    fn finish_code(mut self, entry: usize, need: usize, own_need: usize) -> Result<Output, String> {
        self.a
            .commit()
            .map_err(|e| format!("assembling failed: {e}"))?;
        let code = self
            .a
            .finalize()
            .map_err(|_| "the code buffer is still shared".to_string())?;
        let base = code.as_ptr() as u64;
        for (slot, g) in self.slots.iter().zip(&self.guards) {
            slot.set(base + g.stub_offset as u64);
        }
        let (label_slots, label_types) = match self.loop_label {
            Some((n, _)) => {
                let args = &self.trace.ops[n].args;
                let slots = args
                    .iter()
                    .map(|&r| self.layout.slot(r).ok_or(format!("`{r}` has no slot")))
                    .collect::<Result<Vec<u32>, String>>()?;
                (slots, args.types().collect())
            }
            None => (Vec::new(), Vec::new()),
        };
        let guards = self
            .guards
            .iter()
            .map(|g| GuardExit {
                exit: g.exit,
                fail_types: g.fail_args.iter().map(|r| r.ty()).collect(),
            })
            .collect();
        Ok(Output {
            code,
            entry,
            label: self.loop_label_offset,
            label_slots,
            label_types,
            guards,
            slots: self.slots,
            markers: self.markers,
            need,
            own_need,
        })
    }

    /// The exit word for exit `exit` of this trace.
    fn exit_word(&self, exit: ExitId) -> u64 {
        crate::layout::exit_code(ExitRef {
            trace: self.trace.id,
            exit,
        })
    }
}

/// The error for an op routed to a family that does not handle it (a dispatch bug,
/// reported instead of trusted).
fn not_in_family(op: Opcode, family: &str) -> String {
    format!("`{op}` is not a {family} op")
}
