//! The trace recorder: the eval loop's recording instantiation calls [`TraceRecorder`]
//! before each instruction, with the real operands on the real stack. The recorder emits
//! the IR that does what the instruction is about to do, guarded by what it sees: a guard
//! for every decision taken on a run-time value (type, branch direction, overflow, callee)
//! and an IR op for the work. Guards taken before an instruction's work resume the
//! interpreter at that instruction; a branch's guard resumes at the branch not taken.

use super::helpers;
use super::layout::Descrs;
use super::shadow::{Sh, SlotRep};
use crate::eval::frame::Frame;
use crate::object::{self, FunctionObj, Kind};
use crate::value::Value;
use crate::vm::Vm;
use pyrs_frontend::bytecode::{BinOp, CmpOp, CodeObject, Instr, Op};
use pyrs_jit_ir::{
    Const, Descr, Effects, FrameSnapshot, OpRef, Opcode as O, Position, SnapValue, Snapshot,
    TargetDescr, TraceBuilder, TraceId, Type, VirtualId, VirtualObject,
};
use pyrs_tracer::{AbortReason, RecordingKind};
use std::collections::HashMap;

mod attr;
mod branch;
mod calls;
mod facts;
mod globals;
mod residual;

/// One interpreter frame as the recorder sees it.
struct ShadowFrame {
    code: &'static CodeObject,
    /// The function (for inlined frames, to rebuild them on resume); `Null` for the base.
    func: Sh,
    /// The globals dict.
    globals: OpRef,
    /// Where a caller frame resumes (after its call) while a callee runs.
    resume_pc: u32,
    /// Localsplus then the value stack, as the interpreter's `Frame::values`.
    slots: Vec<Sh>,
}

/// Records one trace (a loop or a bridge) while the interpreter runs it.
pub(crate) struct TraceRecorder {
    b: TraceBuilder,
    d: Descrs,
    kind: RecordingKind,
    /// Index in `vm.frames` of the frame the trace started in.
    base: usize,
    frames: Vec<ShadowFrame>,
    /// Unboxed views of Value refs already guarded.
    facts: HashMap<OpRef, Sh>,
    limit: usize,
    /// The words of the classes and singletons that boxing writes.
    words: Words,
    /// Whether an instruction was recorded yet (a bridge may start at a loop header).
    started: bool,
    /// The call being recorded is residual: the interpreter runs it in a nested loop.
    pub(crate) nested_call: bool,
    /// Guards already emitted that hold until the next residual call.
    heap: facts::HeapFacts,
    /// Dict values whose table address was guarded (tables live as long as their dict).
    checked_tables: HashMap<OpRef, i64>,
    /// False once the recording ended (closed or aborted).
    pub(crate) active: bool,
    /// A loop's label: how each base-frame slot is carried around the loop.
    layout: Vec<SlotRep>,
    /// This bridge or entry trace went on through a compiled loop header once because
    /// its slots did not fit the loop's label.
    deferred_close: bool,
    /// Label arguments checked before the label to be list or tuple iterators over an
    /// exact list or tuple ([`SlotRep::ListIter`]).
    checked_iters: std::collections::HashSet<OpRef>,
}

/// Class and singleton words (all pinned) the recorder embeds.
struct Words {
    float: u64,
    complex: u64,
    true_: u64,
    false_: u64,
}

/// The outcome of recording one instruction.
enum Step {
    /// Recorded; let the interpreter execute it.
    Go,
    /// The trace is complete or abandoned; stop before executing the instruction.
    Stop,
}

type R<T> = Result<T, AbortReason>;

fn code_id(code: &'static CodeObject) -> u64 {
    code as *const CodeObject as u64
}

impl TraceRecorder {
    /// Starts recording a loop whose header is where the innermost frame now stands.
    /// Slots holding small ints, floats or complexes are carried unboxed around the loop
    /// (unless an earlier recording found the loop type-unstable).
    pub(crate) fn for_loop(vm: &mut Vm, header: Position) -> TraceRecorder {
        let jit = vm.jit.as_mut().expect("jit");
        let b = jit.driver.start_loop(header);
        let unstable = jit.unstable.contains(&header);
        let mut r = TraceRecorder::from_innermost(vm, b, RecordingKind::Loop(header));
        let values = &vm.frames[r.base].values;
        r.layout = if unstable {
            vec![SlotRep::Ref; values.len()]
        } else {
            values.iter().map(|&v| SlotRep::of(vm, v)).collect()
        };
        r.label(vm, header.pc);
        r
    }

    /// Emits a loop's label after unboxing the slots its layout carries unboxed (guarded
    /// with snapshots at the header, where the interpreter's boxed slots are intact).
    fn label(&mut self, vm: &mut Vm, header_pc: u32) {
        let snap = self.snapshot(header_pc, 0);
        let mut args = Vec::new();
        for k in 0..self.layout.len() {
            let s = self.frames[0].slots[k];
            let v = vm.frames[self.base].values[k];
            let unboxed = match self.layout[k] {
                SlotRep::Ref => s,
                SlotRep::ListIter | SlotRep::TupleIter => {
                    let r = self.val(s);
                    self.check_iter(vm, r, self.layout[k], &snap);
                    self.checked_iters.insert(r);
                    s
                }
                _ => self.specialize(vm, s, v, &snap),
            };
            let carried = match unboxed {
                Sh::Int(w) => {
                    args.push(w);
                    Sh::Int(w)
                }
                Sh::Float(f, _) => {
                    args.push(f);
                    Sh::Float(f, None)
                }
                Sh::Complex(re, im, _) => {
                    args.extend([re, im]);
                    Sh::Complex(re, im, None)
                }
                other => {
                    args.push(self.val(other));
                    other
                }
            };
            self.frames[0].slots[k] = carried;
        }
        self.facts.clear();
        self.b.op(O::Label, &args, None);
        // Values loaded before the label are not visible after it.
        let globals = vm.frames[self.base].globals;
        self.frames[0].globals = self.constant(vm, globals);
    }

    /// Starts recording an entry trace from the first instruction of the innermost frame,
    /// a function just called.
    pub(crate) fn for_entry(vm: &mut Vm, entry: Position) -> TraceRecorder {
        let jit = vm.jit.as_mut().expect("jit");
        let b = jit.driver.start_entry(entry);
        TraceRecorder::from_innermost(vm, b, RecordingKind::Entry(entry))
    }

    /// A recorder whose inputs are the innermost frame's slots.
    fn from_innermost(vm: &mut Vm, mut b: TraceBuilder, kind: RecordingKind) -> TraceRecorder {
        let base = vm.frames.len() - 1;
        let f = &vm.frames[base];
        let inputs: Vec<OpRef> = f.values.iter().map(|_| b.input(Type::Ref)).collect();
        let slots = inputs.into_iter().map(Sh::Val).collect();
        let mut r = TraceRecorder::new(vm, b, kind, base);
        let globals = r.constant(vm, vm.frames[base].globals);
        r.frames.push(ShadowFrame {
            code: vm.frames[base].code,
            func: Sh::Null,
            globals,
            resume_pc: 0,
            slots,
        });
        r
    }

    /// Starts recording a bridge from `exit`, whose snapshot the interpreter's frames from
    /// `base` up were just rebuilt from.
    pub(crate) fn for_bridge(
        vm: &mut Vm,
        exit: pyrs_jit_ir::ExitRef,
        base: usize,
    ) -> Option<TraceRecorder> {
        let jit = vm.jit.as_mut().expect("jit");
        let snapshot = jit.driver.snapshot_of(exit)?.clone();
        let parent = jit.driver.trace(exit.trace)?.clone();
        let (b, inputs) = jit.driver.start_bridge(exit);
        let mut r = TraceRecorder::new(vm, b, RecordingKind::Bridge(exit), base);
        let fail_args = snapshot.fail_args();
        let mut virtuals: HashMap<usize, OpRef> = HashMap::new();
        for (k, fs) in snapshot.frames.iter().enumerate() {
            let mut slots = Vec::with_capacity(fs.slots.len());
            for sv in &fs.slots {
                let sh =
                    r.snap_to_sh(*sv, &fail_args, &inputs, &snapshot, &parent, &mut virtuals)?;
                slots.push(sh);
            }
            let code = vm.frames.get(base + k)?.code;
            if code_id(code) != fs.code {
                return None;
            }
            let (func, globals) = if k == 0 {
                let g = vm.frames[base].globals;
                (Sh::Null, r.constant(vm, g))
            } else {
                let func = slots.remove(0);
                let fv = r.val(func);
                let g = r.b.op(O::GetfieldGcR, &[fv], Some(r.d.func_globals));
                (func, g)
            };
            r.frames.push(ShadowFrame {
                code,
                func,
                globals,
                resume_pc: fs.pc,
                slots,
            });
        }
        Some(r)
    }

    fn new(vm: &mut Vm, mut b: TraceBuilder, kind: RecordingKind, base: usize) -> TraceRecorder {
        let d = Descrs::register(&mut b);
        let limit = vm
            .jit
            .as_ref()
            .map(|j| j.driver.params.trace_limit)
            .unwrap_or(6000);
        TraceRecorder {
            b,
            d,
            kind,
            base,
            frames: Vec::new(),
            facts: HashMap::new(),
            limit: limit as usize,
            words: Words {
                float: vm.cls.float.0,
                complex: vm.cls.complex.0,
                true_: vm.true_.0,
                false_: vm.false_.0,
            },
            started: false,
            nested_call: false,
            heap: facts::HeapFacts::default(),
            checked_tables: HashMap::new(),
            active: true,
            layout: Vec::new(),
            deferred_close: false,
            checked_iters: std::collections::HashSet::new(),
        }
    }

    /// Maps a parent snapshot value to the bridge's view of it.
    fn snap_to_sh(
        &mut self,
        sv: SnapValue,
        fail_args: &[OpRef],
        inputs: &[OpRef],
        snapshot: &Snapshot,
        parent: &pyrs_jit_ir::Trace,
        virtuals: &mut HashMap<usize, OpRef>,
    ) -> Option<Sh> {
        Some(match sv {
            SnapValue::Empty => Sh::Null,
            SnapValue::Const(c) => {
                let r = self.b.konst(c);
                if c.ty == Type::Int {
                    Sh::Int(r)
                } else {
                    Sh::Val(r)
                }
            }
            SnapValue::Value(r) => {
                let i = fail_args.iter().position(|a| *a == r)?;
                let inp = inputs[i];
                match r.ty() {
                    Type::Int => Sh::Int(inp),
                    Type::Ref => Sh::Val(inp),
                    _ => return None,
                }
            }
            SnapValue::Virtual(id) => {
                if let Some(&p) = virtuals.get(&id.index()) {
                    return Some(Sh::Val(p));
                }
                let VirtualObject::Struct { descr, fields } =
                    snapshot.virtuals.get(id.index())?.clone()
                else {
                    return None;
                };
                let Some(Descr::Size(sd)) = parent.descr(descr) else {
                    return None;
                };
                let sdescr = self.b.add_descr(Descr::Size(sd.clone()));
                let p = self.b.op(O::New, &[], Some(sdescr));
                virtuals.insert(id.index(), p);
                for (fd, fv) in fields {
                    let Some(Descr::Field(fdesc)) = parent.descr(fd) else {
                        return None;
                    };
                    let fdescr = self.b.add_descr(Descr::Field(fdesc.clone()));
                    let w = match fv {
                        SnapValue::Const(c) => self.b.konst(c),
                        SnapValue::Value(r) => inputs[fail_args.iter().position(|a| *a == r)?],
                        _ => return None,
                    };
                    self.b.op(O::SetfieldGc, &[p, w], Some(fdescr));
                }
                Sh::Val(p)
            }
        })
    }

    /// A heap Value as a trace constant: pinned objects and small ints directly, others
    /// through a slot of the JIT's constant table (a GC root the trace loads from).
    fn constant(&mut self, vm: &mut Vm, v: Value) -> OpRef {
        if v.is_small() || v.is_null() || object::is_pinned(v) {
            return self.b.const_ptr(v.0);
        }
        let addr = vm.jit.as_mut().expect("jit").consts.add(v);
        let a = self.b.const_int(addr as i64);
        let zero = self.b.const_int(0);
        self.b
            .op(O::GetarrayitemRawR, &[a, zero], Some(self.d.const_slot))
    }

    /// Records `instr` of the innermost frame at `pc`; false stops the recording run.
    pub(crate) fn instruction(&mut self, vm: &mut Vm, pc: u32, instr: Instr) -> bool {
        if !self.active {
            return false;
        }
        self.nested_call = false;
        let step = self.step(vm, pc, instr);
        match step {
            Ok(Step::Go) => {
                if self.b.trace().ops.len() > self.limit {
                    self.abort(vm, AbortReason::TraceTooLong);
                    return false;
                }
                true
            }
            Ok(Step::Stop) => false,
            Err(reason) => {
                if let Some(j) = vm.jit.as_mut() {
                    if j.driver.log.summary {
                        j.driver.log.write(&format!(
                            "[jit] recording stops at {:?} (pc {pc})",
                            instr.op
                        ));
                    }
                }
                self.abort(vm, reason);
                false
            }
        }
    }

    /// The interpreter raised while recording: the trace is abandoned.
    pub(crate) fn raised(&mut self, vm: &mut Vm) {
        if self.active {
            self.abort(vm, AbortReason::ExceptionRaised);
        }
    }

    fn abort(&mut self, vm: &mut Vm, reason: AbortReason) {
        self.active = false;
        if let Some(j) = vm.jit.as_mut() {
            j.driver.abort(reason);
        }
    }

    fn finish(&mut self, vm: &mut Vm) {
        self.active = false;
        let b = std::mem::replace(
            &mut self.b,
            TraceBuilder::new(TraceId(0), pyrs_jit_ir::TraceKind::Loop),
        );
        if let Some(j) = vm.jit.as_mut() {
            if let Ok(id) = j.driver.finish(b) {
                if matches!(self.kind, RecordingKind::Loop(_)) {
                    j.layouts
                        .insert(id, std::mem::take(&mut self.layout).into());
                }
            }
        }
    }

    // ---- shadow stack -------------------------------------------------------------

    fn top_frame(&mut self) -> &mut ShadowFrame {
        self.frames.last_mut().expect("a shadow frame")
    }

    fn push(&mut self, s: Sh) {
        self.top_frame().slots.push(s);
    }

    fn pop(&mut self) -> Sh {
        self.top_frame().slots.pop().unwrap_or(Sh::Null)
    }

    fn peek(&mut self, n: usize) -> Sh {
        let s = &self.top_frame().slots;
        s[s.len() - n]
    }

    // ---- snapshots ----------------------------------------------------------------

    /// The state before the current instruction (innermost frame at `pc`), with the
    /// innermost stack's top `pop` items dropped.
    fn snapshot(&mut self, pc: u32, pop: usize) -> Snapshot {
        let mut snap = Snapshot::default();
        let n = self.frames.len();
        for k in 0..n {
            let mut slots = Vec::new();
            if k > 0 {
                let f = self.frames[k].func;
                slots.push(self.snap_value(f, &mut snap));
            }
            let count = self.frames[k].slots.len() - if k == n - 1 { pop } else { 0 };
            for i in 0..count {
                let s = self.frames[k].slots[i];
                let v = self.snap_value(s, &mut snap);
                slots.push(v);
            }
            let fpc = if k == n - 1 {
                pc
            } else {
                self.frames[k].resume_pc
            };
            snap.frames.push(FrameSnapshot {
                code: code_id(self.frames[k].code),
                pc: fpc,
                slots,
            });
        }
        snap
    }

    fn ref_snap(&self, r: OpRef) -> SnapValue {
        match self.b.trace().konst(r) {
            Some(c) => SnapValue::Const(c),
            None => SnapValue::Value(r),
        }
    }

    fn snap_value(&mut self, s: Sh, snap: &mut Snapshot) -> SnapValue {
        match s {
            Sh::Null => SnapValue::Empty,
            Sh::Val(r) | Sh::Int(r) => self.ref_snap(r),
            Sh::Float(_, Some(p)) | Sh::Complex(_, _, Some(p)) => self.ref_snap(p),
            Sh::Float(f, None) => {
                let fields = vec![
                    (self.d.class, SnapValue::Const(Const::ptr(self.words.float))),
                    (self.d.float_value, self.ref_snap(f)),
                ];
                snap.virtuals.push(VirtualObject::Struct {
                    descr: self.d.float_size,
                    fields,
                });
                SnapValue::Virtual(VirtualId(snap.virtuals.len() as u32 - 1))
            }
            Sh::Complex(re, im, None) => {
                let fields = vec![
                    (
                        self.d.class,
                        SnapValue::Const(Const::ptr(self.words.complex)),
                    ),
                    (self.d.complex_re, self.ref_snap(re)),
                    (self.d.complex_im, self.ref_snap(im)),
                ];
                snap.virtuals.push(VirtualObject::Struct {
                    descr: self.d.complex_size,
                    fields,
                });
                SnapValue::Virtual(VirtualId(snap.virtuals.len() as u32 - 1))
            }
            Sh::Bool(b) => {
                let p = self.box_bool(b);
                self.ref_snap(p)
            }
        }
    }

    fn guard(&mut self, op: O, args: &[OpRef], snap: Snapshot) {
        self.b.guard(op, args, snap);
    }

    // ---- boxing and unboxing ----------------------------------------------------------

    fn box_bool(&mut self, b: OpRef) -> OpRef {
        let (t, f) = (self.words.true_ as i64, self.words.false_ as i64);
        let k = self.b.const_int(t - f);
        let m = self.b.op(O::IntMul, &[b, k], None);
        let fc = self.b.const_int(f);
        let w = self.b.op(O::IntAdd, &[m, fc], None);
        self.b.op(O::CastIntToPtr, &[w], None)
    }

    /// The Value word of `s` (allocating a box for an unboxed float or complex).
    fn val(&mut self, s: Sh) -> OpRef {
        match s {
            Sh::Null => self.b.const_ptr(0),
            Sh::Val(r) => r,
            Sh::Int(r) => match self.b.trace().konst(r) {
                Some(c) => self.b.const_ptr(c.bits),
                None => self.b.op(O::CastIntToPtr, &[r], None),
            },
            Sh::Float(_, Some(p)) | Sh::Complex(_, _, Some(p)) => p,
            Sh::Float(f, None) => {
                let p = self.b.op(O::New, &[], Some(self.d.float_size));
                let c = self.b.const_ptr(self.words.float);
                self.b.op(O::SetfieldGc, &[p, c], Some(self.d.class));
                self.b.op(O::SetfieldGc, &[p, f], Some(self.d.float_value));
                self.facts.insert(p, Sh::Float(f, Some(p)));
                p
            }
            Sh::Complex(re, im, None) => {
                let p = self.b.op(O::New, &[], Some(self.d.complex_size));
                let c = self.b.const_ptr(self.words.complex);
                self.b.op(O::SetfieldGc, &[p, c], Some(self.d.class));
                self.b.op(O::SetfieldGc, &[p, re], Some(self.d.complex_re));
                self.b.op(O::SetfieldGc, &[p, im], Some(self.d.complex_im));
                self.facts.insert(p, Sh::Complex(re, im, Some(p)));
                p
            }
            Sh::Bool(b) => self.box_bool(b),
        }
    }

    /// Guards that Value ref `r` (whose run-time value is `v`) is a heap object of class
    /// `cls`.
    fn guard_class(&mut self, r: OpRef, cls: Value, snap: &Snapshot) {
        let w = self.b.op(O::CastPtrToInt, &[r], None);
        let one = self.b.const_int(1);
        let tag = self.b.op(O::IntAnd, &[w, one], None);
        self.guard(O::GuardFalse, &[tag], snap.clone());
        let c = self.b.const_int(cls.0 as i64);
        self.guard(O::GuardClass, &[r, c], snap.clone());
    }

    /// Specializes `s` on the run-time value `v`: a small int, float or complex becomes its
    /// unboxed view (guarded); anything else stays a Value.
    fn specialize(&mut self, vm: &Vm, s: Sh, v: Value, snap: &Snapshot) -> Sh {
        let Sh::Val(r) = s else { return s };
        if let Some(k) = self.facts.get(&r) {
            return *k;
        }
        if let Some(c) = self.b.trace().konst(r) {
            if v.is_small() {
                return Sh::Int(self.b.const_int(c.bits as i64));
            }
            return s;
        }
        let out = if v.is_small() {
            let w = self.b.op(O::CastPtrToInt, &[r], None);
            let one = self.b.const_int(1);
            let tag = self.b.op(O::IntAnd, &[w, one], None);
            self.guard(O::GuardTrue, &[tag], snap.clone());
            Sh::Int(w)
        } else if object::kind_of(v) == Some(Kind::Float) && class_of(v) == vm.cls.float {
            self.guard_class(r, vm.cls.float, snap);
            let f = self.b.op(O::GetfieldGcF, &[r], Some(self.d.float_value));
            Sh::Float(f, Some(r))
        } else if object::kind_of(v) == Some(Kind::Complex) && class_of(v) == vm.cls.complex {
            self.guard_class(r, vm.cls.complex, snap);
            let re = self.b.op(O::GetfieldGcF, &[r], Some(self.d.complex_re));
            let im = self.b.op(O::GetfieldGcF, &[r], Some(self.d.complex_im));
            Sh::Complex(re, im, Some(r))
        } else {
            return s;
        };
        self.facts.insert(r, out);
        out
    }

    fn untag(&mut self, i: OpRef) -> OpRef {
        let one = self.b.const_int(1);
        self.b.op(O::IntRshift, &[i, one], None)
    }

    fn to_float(&mut self, s: Sh) -> Option<OpRef> {
        match s {
            Sh::Float(f, _) => Some(f),
            Sh::Int(i) => {
                if let Some(c) = self.b.trace().konst(i) {
                    let n = (c.bits as i64) >> 1;
                    if n.unsigned_abs() < (1 << 53) {
                        return Some(self.b.const_float(n as f64));
                    }
                    return None;
                }
                None
            }
            _ => None,
        }
    }

    // ---- residual calls ------------------------------------------------------------------

    /// A residual call of a helper that may run Python code and raise.
    fn call(&mut self, target: usize, args: &[OpRef], result: Type, snap: Snapshot) -> OpRef {
        let effects = Effects {
            can_raise: true,
            can_collect: false,
            pure: false,
            may_force: true,
        };
        self.call_with(target, args, result, effects, Some(snap))
    }

    /// A residual call with the given effects; a helper that can raise is followed by
    /// `guard_no_exception` with `snap`, and one that may run Python code voids the
    /// heap facts.
    fn call_with(
        &mut self,
        target: usize,
        args: &[OpRef],
        result: Type,
        effects: Effects,
        snap: Option<Snapshot>,
    ) -> OpRef {
        if effects.may_force {
            self.heap.clear();
        }
        let can_raise = effects.can_raise;
        let descr = self.b.add_descr(Descr::Call(pyrs_jit_ir::CallDescr {
            name: "helper".to_string(),
            args: args.iter().map(|a| a.ty()).collect(),
            result,
            effects,
        }));
        let f = self.b.const_int(target as i64);
        let mut all = vec![f];
        all.extend_from_slice(args);
        let op = if result == Type::Int {
            O::CallI
        } else {
            O::CallR
        };
        let r = self.b.op(op, &all, Some(descr));
        if let (true, Some(snap)) = (can_raise, snap) {
            self.guard(O::GuardNoException, &[], snap);
        }
        r
    }

    // ---- the instructions --------------------------------------------------------------

    fn step(&mut self, vm: &mut Vm, pc: u32, instr: Instr) -> R<Step> {
        let depth = vm.frames.len() - 1 - self.base;
        if depth + 1 != self.frames.len()
            || vm.frames[vm.frames.len() - 1].values.len() != self.top_frame().slots.len()
        {
            return Err(AbortReason::Unsupported);
        }
        if self.frames.len() == 1 && self.started {
            let here = self.position(pc);
            let own = matches!(self.kind, RecordingKind::Loop(h) if h == here);
            if !own {
                if let Some(id) = vm.jit.as_ref().and_then(|j| j.driver.loop_at(here)) {
                    // A slot the loop carries unboxed may not hold its type yet (a loop
                    // variable is unbound before the first iteration): record one more
                    // iteration, then close at the header.
                    if self.fits(vm, id) {
                        self.close(vm, pc, Some(id))?;
                        return Ok(Step::Stop);
                    }
                    if self.deferred_close {
                        return Err(AbortReason::TypeUnstable);
                    }
                    self.deferred_close = true;
                }
            }
        }
        self.started = true;
        // SAFETY: frames are boxed and stay on the stack during this call.
        let f: &Frame = unsafe { &*(&*vm.frames[vm.frames.len() - 1] as *const Frame) };
        let arg = instr.arg;
        let rt = |n: usize| f.values[f.values.len() - n];
        match instr.op {
            Op::Nop => {}
            Op::PopTop => {
                self.pop();
            }
            Op::Copy => {
                let s = self.peek(arg as usize);
                self.push(s);
            }
            Op::Swap => {
                let slots = &mut self.top_frame().slots;
                let n = slots.len();
                slots.swap(n - 1, n - arg as usize);
            }
            Op::LoadFast => {
                if f.values[arg as usize].is_null() {
                    return Err(AbortReason::ExceptionRaised);
                }
                let s = self.top_frame().slots[arg as usize];
                self.push(s);
            }
            Op::StoreFast => {
                let s = self.pop();
                self.top_frame().slots[arg as usize] = s;
            }
            Op::LoadConst => {
                let c = crate::types::tuple::items(
                    object::downcast::<object::CodeObj>(f.code_obj)
                        .expect("code")
                        .consts,
                )[arg as usize];
                let s = if c.is_small() {
                    Sh::Int(self.b.const_int(c.0 as i64))
                } else if object::kind_of(c) == Some(Kind::Float) && class_of(c) == vm.cls.float {
                    let x = object::downcast::<object::FloatObj>(c)
                        .expect("float")
                        .value;
                    Sh::Float(self.b.const_float(x), None)
                } else {
                    Sh::Val(self.constant(vm, c))
                };
                self.push(s);
            }
            Op::LoadGlobal => {
                let name = names_of(f)[arg as usize];
                let snap = self.snapshot(pc, 0);
                if let Some(s) = self.load_global_inline(vm, name, &snap) {
                    self.push(s);
                    return Ok(Step::Go);
                }
                let g = self.top_frame().globals;
                let n = self.b.const_ptr(name.0);
                let r = self.call(
                    helpers::load_global as *const () as usize,
                    &[g, n],
                    Type::Ref,
                    snap,
                );
                self.push(Sh::Val(r));
            }
            Op::LoadAttr | Op::LoadMethod if class_of(rt(1)) == vm.cls.frame => {
                return Err(AbortReason::Unsupported);
            }
            Op::LoadAttr => {
                let name = names_of(f)[arg as usize];
                let snap = self.snapshot(pc, 0);
                let o = self.pop();
                let o = self.specialize(vm, o, rt(1), &snap);
                let nm = crate::types::str::as_str(name).unwrap_or("");
                let inline = match o {
                    Sh::Val(_) => self.load_attr_inline(vm, o, rt(1), name, &snap),
                    _ => None,
                };
                let r = match (o, nm) {
                    _ if inline.is_some() => inline.unwrap_or(Sh::Null),
                    (Sh::Complex(re, _, _), "real") => Sh::Float(re, None),
                    (Sh::Complex(_, im, _), "imag") => Sh::Float(im, None),
                    _ => {
                        let ov = self.val(o);
                        let n = self.b.const_ptr(name.0);
                        Sh::Val(self.call(
                            helpers::getattr as *const () as usize,
                            &[ov, n],
                            Type::Ref,
                            snap,
                        ))
                    }
                };
                self.push(r);
            }
            Op::StoreAttr => {
                let name = names_of(f)[arg as usize];
                let snap = self.snapshot(pc, 0);
                let o = self.pop();
                let v = self.pop();
                if self.store_attr_inline(vm, o, v, rt(1), name, &snap) {
                    return Ok(Step::Go);
                }
                let (ov, vv) = (self.val(o), self.val(v));
                let n = self.b.const_ptr(name.0);
                self.call(
                    helpers::setattr as *const () as usize,
                    &[ov, n, vv],
                    Type::Ref,
                    snap,
                );
            }
            Op::BinaryOp => return self.binary_op(vm, pc, arg, rt(2), rt(1)),
            Op::CompareOp => return self.compare_op(vm, pc, arg, rt(2), rt(1)),
            Op::IsOp => {
                let b = self.pop();
                let a = self.pop();
                let (av, bv) = (self.val(a), self.val(b));
                let op = if arg == 1 { O::PtrNe } else { O::PtrEq };
                let r = self.b.op(op, &[av, bv], None);
                self.push(Sh::Bool(r));
            }
            Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                return self.cond_jump(vm, pc, instr.op, arg, rt(1))
            }
            Op::PopJumpIfNone | Op::PopJumpIfNotNone => {
                let snap = self.snapshot(pc, 0);
                let s = self.pop();
                let r = self.val(s);
                let none = self.b.const_ptr(vm.none.0);
                let is = self.b.op(O::PtrEq, &[r, none], None);
                let g = if rt(1) == vm.none {
                    O::GuardTrue
                } else {
                    O::GuardFalse
                };
                self.guard(g, &[is], snap);
            }
            Op::Jump => {}
            Op::JumpBackward => return self.back_edge(vm, arg),
            Op::ForIter => return self.for_iter(vm, pc, arg, rt(1)),
            Op::UnpackSequence => return self.unpack(vm, pc, arg, rt(1)),
            Op::BinarySubscr => return self.subscr(vm, pc, rt(2), rt(1), None),
            Op::StoreSubscr => return self.subscr(vm, pc, rt(2), rt(1), Some(rt(3))),
            Op::Call => return self.call_op(vm, pc, arg, f, false),
            Op::CallMethod => return self.call_op(vm, pc, arg, f, true),
            Op::LoadMethod => {
                let name = names_of(f)[arg as usize];
                let snap = self.snapshot(pc, 0);
                let o = self.pop();
                if let Some((m, s)) = self.load_method_inline(vm, o, rt(1), name, &snap) {
                    self.push(m);
                    self.push(s);
                    return Ok(Step::Go);
                }
                let ov = self.val(o);
                let n = self.b.const_ptr(name.0);
                let m = self.call(
                    helpers::getattr as *const () as usize,
                    &[ov, n],
                    Type::Ref,
                    snap,
                );
                self.push(Sh::Val(m));
                self.push(Sh::Null);
            }
            Op::GetIter => {
                let snap = self.snapshot(pc, 0);
                let o = self.pop();
                let ov = self.val(o);
                let r = self.call(helpers::iter as *const () as usize, &[ov], Type::Ref, snap);
                self.push(Sh::Val(r));
            }
            Op::BuildList if arg <= 4 => {
                let snap = self.snapshot(pc, 0);
                let mut items = Vec::new();
                for _ in 0..arg {
                    let s = self.pop();
                    items.push(s);
                }
                items.reverse();
                let mut cargs = vec![self.b.const_int(arg as i64)];
                for s in items {
                    let w = self.val(s);
                    cargs.push(w);
                }
                while cargs.len() < 5 {
                    cargs.push(self.b.const_int(0));
                }
                let r = self.call(
                    helpers::build_list as *const () as usize,
                    &cargs,
                    Type::Ref,
                    snap,
                );
                self.push(Sh::Val(r));
            }
            Op::ReturnValue => {
                if self.frames.len() == 1 {
                    // A bridge or an entry trace may end by returning from its base frame.
                    let plain = !f.is_init
                        && f.generator.is_null()
                        && f.returns_to == crate::eval::frame::ReturnTo::Caller;
                    if matches!(self.kind, RecordingKind::Loop(_)) || !plain {
                        return Err(AbortReason::LeftLoop);
                    }
                    let s = self.pop();
                    let v = self.val(s);
                    self.b.op(O::Finish, &[v], None);
                    self.finish(vm);
                    return Ok(Step::Stop);
                }
                let v = self.pop();
                self.frames.pop();
                self.push(v);
            }
            Op::BuildTuple => {
                let n = arg as usize;
                let snap = self.snapshot(pc, 0);
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    let s = self.pop();
                    items.push(s);
                }
                items.reverse();
                let vals: Vec<OpRef> = items.into_iter().map(|s| self.val(s)).collect();
                let _ = snap;
                let t = self.new_tuple(vm, &vals);
                self.push(Sh::Val(t));
            }
            _ => {
                return self
                    .residual_instr(vm, pc, instr, f)
                    .unwrap_or(Err(AbortReason::Unsupported))
            }
        }
        Ok(Step::Go)
    }

    fn new_tuple(&mut self, vm: &Vm, items: &[OpRef]) -> OpRef {
        let len = self.b.const_int(items.len() as i64);
        let descr = self.b.add_descr(Descr::Array(pyrs_jit_ir::ArrayDescr {
            name: "Tuple".to_string(),
            base_offset: std::mem::size_of::<object::TupleObj>() as u32,
            item_size: 8,
            ty: Type::Ref,
            signed: false,
            len_offset: std::mem::offset_of!(object::TupleObj, len) as u32,
            header: super::layout::header(Kind::Tuple),
        }));
        let t = self.b.op(O::NewArray, &[len], Some(descr));
        let c = self.b.const_ptr(vm.cls.tuple.0);
        self.b.op(O::SetfieldGc, &[t, c], Some(self.d.class));
        for (i, &it) in items.iter().enumerate() {
            let k = self.b.const_int(i as i64);
            self.b
                .op(O::SetarrayitemGc, &[t, k, it], Some(self.d.tuple_items));
        }
        t
    }

    /// A back-edge: closes a loop trace at its own header; any other loop's header is
    /// just followed (the next instruction closes the trace there if it is compiled).
    fn back_edge(&mut self, vm: &mut Vm, target: u32) -> R<Step> {
        if self.frames.len() != 1 {
            return Err(AbortReason::InnerLoop);
        }
        let header = self.position(target);
        match self.kind {
            RecordingKind::Loop(h) if h == header => {
                self.close(vm, target, None)?;
                Ok(Step::Stop)
            }
            // An entry trace leads into compiled loops; it does not unroll one that is not.
            RecordingKind::Entry(_)
                if vm
                    .jit
                    .as_ref()
                    .and_then(|j| j.driver.loop_at(header))
                    .is_none() =>
            {
                Err(AbortReason::InnerLoop)
            }
            _ => Ok(Step::Go),
        }
    }

    fn position(&self, pc: u32) -> Position {
        Position {
            code: self.frames[0].code as *const CodeObject as usize,
            pc,
        }
    }

    /// Guards that `r` is a list (tuple) iterator whose sequence is a live exact list
    /// (tuple), as [`SlotRep::ListIter`] ([`SlotRep::TupleIter`]) promises.
    fn check_iter(&mut self, vm: &Vm, r: OpRef, rep: SlotRep, snap: &Snapshot) {
        let (it_cls, seq_cls) = if rep == SlotRep::ListIter {
            (vm.cls.list_iterator, vm.cls.list)
        } else {
            (vm.cls.tuple_iterator, vm.cls.tuple)
        };
        self.guard_class(r, it_cls, snap);
        let seq = self.b.op(O::GetfieldGcR, &[r], Some(self.d.seq_seq));
        let null = self.b.const_ptr(0);
        let nn = self.b.op(O::PtrNe, &[seq, null], None);
        self.guard(O::GuardTrue, &[nn], snap.clone());
        let k = self.b.const_int(seq_cls.0 as i64);
        self.guard(O::GuardClass, &[seq, k], snap.clone());
    }

    /// Whether the base frame's slots, as they are now, can jump to the label of compiled
    /// loop `target` (each slot it carries unboxed holds a value of that type).
    fn fits(&self, vm: &Vm, target: TraceId) -> bool {
        let Some(layout) = vm.jit.as_ref().and_then(|j| j.layouts.get(&target)) else {
            return false;
        };
        let values = &vm.frames[self.base].values;
        layout.len() == values.len()
            && layout
                .iter()
                .zip(values)
                .enumerate()
                .all(|(k, (&rep, &v))| {
                    rep == SlotRep::Ref
                        || match self.frames[0].slots[k] {
                            Sh::Int(_) => rep == SlotRep::Int,
                            Sh::Float(..) => rep == SlotRep::Float,
                            Sh::Complex(..) => rep == SlotRep::Complex,
                            Sh::Val(_) => SlotRep::of(vm, v) == rep,
                            Sh::Null | Sh::Bool(_) => false,
                        }
                })
    }

    /// Ends the trace with a jump carrying the base frame's slots as the label of its own
    /// loop, or of the compiled loop `target`, takes them. Fails if a slot that label
    /// takes unboxed holds a value of another type.
    fn close(&mut self, vm: &mut Vm, header_pc: u32, target: Option<TraceId>) -> R<()> {
        // Compiled loops do not collect: when a collection is due, leave for the
        // interpreter's next safepoint (at the header, with the slots as they are).
        let poll = vm.heap.jit_interface().collection_requested as i64;
        let snap = self.snapshot(header_pc, 0);
        let byte = self.b.add_descr(Descr::Field(pyrs_jit_ir::FieldDescr {
            name: "gc.collection_requested".to_string(),
            offset: 0,
            ty: Type::Int,
            size: 1,
            signed: false,
        }));
        let addr = self.b.const_int(poll);
        let due = self.b.op(O::GetfieldRawI, &[addr], Some(byte));
        self.guard(O::GuardFalse, &[due], snap.clone());
        let layout: std::rc::Rc<[SlotRep]> = match target {
            None => self.layout.clone().into(),
            Some(id) => vm
                .jit
                .as_ref()
                .and_then(|j| j.layouts.get(&id).cloned())
                .unwrap_or_else(|| std::rc::Rc::from([])),
        };
        let slots = self.frames[0].slots.clone();
        if layout.len() != slots.len() {
            return Err(AbortReason::TypeUnstable);
        }
        let mut args = Vec::with_capacity(slots.len());
        for (k, s) in slots.into_iter().enumerate() {
            let v = vm.frames[self.base].values[k];
            let s = match layout[k] {
                SlotRep::Ref | SlotRep::ListIter | SlotRep::TupleIter => s,
                _ => self.specialize(vm, s, v, &snap),
            };
            match (layout[k], s) {
                (SlotRep::Ref, s) => {
                    let w = self.val(s);
                    args.push(w);
                }
                (SlotRep::ListIter | SlotRep::TupleIter, Sh::Val(w))
                    if self.checked_iters.contains(&w) || SlotRep::of(vm, v) == layout[k] =>
                {
                    // Jumping to a label skips its preamble: check here what it checks.
                    if !self.checked_iters.contains(&w) {
                        self.check_iter(vm, w, layout[k], &snap);
                    }
                    args.push(w);
                }
                (SlotRep::Int, Sh::Int(w)) | (SlotRep::Float, Sh::Float(w, _)) => args.push(w),
                (SlotRep::Complex, Sh::Complex(re, im, _)) => args.extend([re, im]),
                _ => {
                    if let (None, RecordingKind::Loop(h)) = (target, self.kind) {
                        if let Some(j) = vm.jit.as_mut() {
                            j.unstable.insert(h);
                        }
                    }
                    return Err(AbortReason::TypeUnstable);
                }
            }
        }
        let descr = target.map(|id| {
            self.b.add_descr(Descr::Target(TargetDescr {
                trace: id,
                args: args.iter().map(|a| a.ty()).collect(),
            }))
        });
        self.b.op(O::Jump, &args, descr);
        self.finish(vm);
        Ok(())
    }

    fn binary_op(&mut self, vm: &mut Vm, pc: u32, arg: u32, av: Value, bv: Value) -> R<Step> {
        let op = BinOp::from_arg(arg).ok_or(AbortReason::Unsupported)?;
        let snap = self.snapshot(pc, 0);
        let b = self.pop();
        let a = self.pop();
        let a = self.specialize(vm, a, av, &snap);
        let b = self.specialize(vm, b, bv, &snap);
        let base = match op {
            BinOp::IAdd => BinOp::Add,
            BinOp::ISub => BinOp::Sub,
            BinOp::IMul => BinOp::Mul,
            BinOp::ITrueDiv => BinOp::TrueDiv,
            BinOp::IAnd => BinOp::And,
            BinOp::IOr => BinOp::Or,
            BinOp::IXor => BinOp::Xor,
            o => o,
        };
        let r = match (a, b, base) {
            (Sh::Int(x), Sh::Int(y), BinOp::Add) => {
                let one = self.b.const_int(1);
                let t = self.b.op(O::IntSub, &[x, one], None);
                let r = self.b.op(O::IntAddOvf, &[t, y], None);
                self.guard(O::GuardNoOverflow, &[], snap.clone());
                Some(Sh::Int(r))
            }
            (Sh::Int(x), Sh::Int(y), BinOp::Sub) => {
                let r = self.b.op(O::IntSubOvf, &[x, y], None);
                self.guard(O::GuardNoOverflow, &[], snap.clone());
                let one = self.b.const_int(1);
                Some(Sh::Int(self.b.op(O::IntAdd, &[r, one], None)))
            }
            (Sh::Int(x), Sh::Int(y), BinOp::Mul) => {
                let ux = self.untag(x);
                let one = self.b.const_int(1);
                let ty = self.b.op(O::IntSub, &[y, one], None);
                let p = self.b.op(O::IntMulOvf, &[ux, ty], None);
                self.guard(O::GuardNoOverflow, &[], snap.clone());
                Some(Sh::Int(self.b.op(O::IntAdd, &[p, one], None)))
            }
            (Sh::Int(x), Sh::Int(y), BinOp::And) => {
                Some(Sh::Int(self.b.op(O::IntAnd, &[x, y], None)))
            }
            (Sh::Int(x), Sh::Int(y), BinOp::Or) => {
                Some(Sh::Int(self.b.op(O::IntOr, &[x, y], None)))
            }
            (Sh::Int(x), Sh::Int(y), BinOp::Xor) => {
                let t = self.b.op(O::IntXor, &[x, y], None);
                let one = self.b.const_int(1);
                Some(Sh::Int(self.b.op(O::IntOr, &[t, one], None)))
            }
            (Sh::Complex(ar, ai, _), Sh::Complex(br, bi, _), BinOp::Add | BinOp::Sub) => {
                let o = if base == BinOp::Add {
                    O::FloatAdd
                } else {
                    O::FloatSub
                };
                let re = self.b.op(o, &[ar, br], None);
                let im = self.b.op(o, &[ai, bi], None);
                Some(Sh::Complex(re, im, None))
            }
            (Sh::Complex(ar, ai, _), Sh::Complex(br, bi, _), BinOp::Mul) => {
                let rr = self.b.op(O::FloatMul, &[ar, br], None);
                let ii = self.b.op(O::FloatMul, &[ai, bi], None);
                let re = self.b.op(O::FloatSub, &[rr, ii], None);
                let ri = self.b.op(O::FloatMul, &[ar, bi], None);
                let ir = self.b.op(O::FloatMul, &[ai, br], None);
                let im = self.b.op(O::FloatAdd, &[ri, ir], None);
                Some(Sh::Complex(re, im, None))
            }
            (x, y, _) => {
                let fx = self.to_float(x);
                let fy = self.to_float(y);
                let floats = matches!(x, Sh::Float(..)) || matches!(y, Sh::Float(..));
                match (fx, fy, base) {
                    (Some(p), Some(q), BinOp::Add | BinOp::Sub | BinOp::Mul) if floats => {
                        let o = match base {
                            BinOp::Add => O::FloatAdd,
                            BinOp::Sub => O::FloatSub,
                            _ => O::FloatMul,
                        };
                        Some(Sh::Float(self.b.op(o, &[p, q], None), None))
                    }
                    (Some(p), Some(q), BinOp::TrueDiv) if floats && bv_nonzero(bv) => {
                        let z = self.b.const_float(0.0);
                        let nz = self.b.op(O::FloatNe, &[q, z], None);
                        self.guard(O::GuardTrue, &[nz], snap.clone());
                        Some(Sh::Float(self.b.op(O::FloatTruediv, &[p, q], None), None))
                    }
                    _ => None,
                }
            }
        };
        let r = match r {
            Some(r) => r,
            None => {
                let (xa, xb) = (self.val(a), self.val(b));
                let k = self.b.const_int(arg as i64);
                Sh::Val(self.call(
                    helpers::binary_op as *const () as usize,
                    &[xa, xb, k],
                    Type::Ref,
                    snap,
                ))
            }
        };
        self.push(r);
        Ok(Step::Go)
    }

    fn compare_op(&mut self, vm: &mut Vm, pc: u32, arg: u32, av: Value, bv: Value) -> R<Step> {
        let op = CmpOp::from_arg(arg).ok_or(AbortReason::Unsupported)?;
        let snap = self.snapshot(pc, 0);
        let b = self.pop();
        let a = self.pop();
        let a = self.specialize(vm, a, av, &snap);
        let b = self.specialize(vm, b, bv, &snap);
        let (io, fo) = match op {
            CmpOp::Lt => (O::IntLt, O::FloatLt),
            CmpOp::Le => (O::IntLe, O::FloatLe),
            CmpOp::Eq => (O::IntEq, O::FloatEq),
            CmpOp::Ne => (O::IntNe, O::FloatNe),
            CmpOp::Gt => (O::IntGt, O::FloatGt),
            CmpOp::Ge => (O::IntGe, O::FloatGe),
        };
        let r = match (a, b) {
            (Sh::Int(x), Sh::Int(y)) => Sh::Bool(self.b.op(io, &[x, y], None)),
            (x, y) => match (self.to_float(x), self.to_float(y)) {
                (Some(p), Some(q)) if matches!(x, Sh::Float(..)) || matches!(y, Sh::Float(..)) => {
                    Sh::Bool(self.b.op(fo, &[p, q], None))
                }
                _ => {
                    let (xa, xb) = (self.val(a), self.val(b));
                    let k = self.b.const_int(arg as i64);
                    Sh::Val(self.call(
                        helpers::compare as *const () as usize,
                        &[xa, xb, k],
                        Type::Ref,
                        snap,
                    ))
                }
            },
        };
        self.push(r);
        Ok(Step::Go)
    }

    fn for_iter(&mut self, vm: &mut Vm, pc: u32, exit_pc: u32, it: Value) -> R<Step> {
        let snap = self.snapshot(pc, 0);
        let s = self.peek(1);
        let r = self.val(s);
        let cls = class_of(it);
        if cls == vm.cls.range_iterator {
            self.guard_class(r, cls, &snap);
            let o = object::downcast::<object::RangeIterObj>(it).ok_or(AbortReason::Unsupported)?;
            let rem = self
                .b
                .op(O::GetfieldGcI, &[r], Some(self.d.range_remaining));
            let zero = self.b.const_int(0);
            let more = self.b.op(O::IntNe, &[rem, zero], None);
            if o.remaining == 0 {
                self.guard(O::GuardFalse, &[more], snap);
                self.pop();
                return self.exit_loop(exit_pc);
            }
            self.guard(O::GuardTrue, &[more], snap.clone());
            let next = self.b.op(O::GetfieldGcI, &[r], Some(self.d.range_next));
            let twice = self.b.op(O::IntAddOvf, &[next, next], None);
            self.guard(O::GuardNoOverflow, &[], snap);
            let one = self.b.const_int(1);
            let tagged = self.b.op(O::IntAdd, &[twice, one], None);
            let step = self.b.op(O::GetfieldGcI, &[r], Some(self.d.range_step));
            let n2 = self.b.op(O::IntAdd, &[next, step], None);
            self.b.op(O::SetfieldGc, &[r, n2], Some(self.d.range_next));
            let rem2 = self.b.op(O::IntSub, &[rem, one], None);
            self.b
                .op(O::SetfieldGc, &[r, rem2], Some(self.d.range_remaining));
            self.push(Sh::Int(tagged));
            return Ok(Step::Go);
        }
        // The sequence of a list or tuple iterator may be a subclass instance (whose items
        // live in its native payload): only an exact list or tuple is read inline.
        let exact_seq = if cls == vm.cls.list_iterator {
            vm.cls.list
        } else {
            vm.cls.tuple
        };
        let seq_ok = |it: Value| {
            object::downcast::<object::SeqIterObj>(it)
                .is_some_and(|o| o.seq.is_null() || class_of(o.seq) == exact_seq)
        };
        if (cls == vm.cls.list_iterator || cls == vm.cls.tuple_iterator) && seq_ok(it) {
            let checked = self.checked_iters.contains(&r);
            if !checked {
                self.guard_class(r, cls, &snap);
            }
            let o = object::downcast::<object::SeqIterObj>(it).ok_or(AbortReason::Unsupported)?;
            let seq = self.b.op(O::GetfieldGcR, &[r], Some(self.d.seq_seq));
            let live = !o.seq.is_null();
            let null = self.b.const_ptr(0);
            let nn = self.b.op(O::PtrNe, &[seq, null], None);
            if !live {
                self.guard(O::GuardFalse, &[nn], snap);
                self.pop();
                return self.exit_loop(exit_pc);
            }
            self.guard(O::GuardTrue, &[nn], snap.clone());
            if !checked {
                let k = self.b.const_int(exact_seq.0 as i64);
                self.guard(O::GuardClass, &[seq, k], snap.clone());
            }
            let idx = self.b.op(O::GetfieldGcI, &[r], Some(self.d.seq_index));
            let is_list = cls == vm.cls.list_iterator;
            let len = if is_list {
                self.b.op(O::GetfieldGcI, &[seq], Some(self.d.list_len))
            } else {
                self.b.op(O::GetfieldGcI, &[seq], Some(self.d.tuple_len))
            };
            let in_range = self.b.op(O::IntLt, &[idx, len], None);
            let len_now = if is_list {
                crate::types::list::list_items(o.seq).len()
            } else {
                crate::types::tuple::items(o.seq).len()
            };
            if o.index as usize >= len_now {
                self.guard(O::GuardFalse, &[in_range], snap);
                let null = self.b.const_ptr(0);
                self.b.op(O::SetfieldGc, &[r, null], Some(self.d.seq_seq));
                self.pop();
                return self.exit_loop(exit_pc);
            }
            self.guard(O::GuardTrue, &[in_range], snap);
            let item = if is_list {
                let items = self.b.op(O::GetfieldGcR, &[seq], Some(self.d.list_items));
                self.b
                    .op(O::GetarrayitemGcR, &[items, idx], Some(self.d.array_items))
            } else {
                self.b
                    .op(O::GetarrayitemGcR, &[seq, idx], Some(self.d.tuple_items))
            };
            let one = self.b.const_int(1);
            let idx2 = self.b.op(O::IntAdd, &[idx, one], None);
            self.b.op(O::SetfieldGc, &[r, idx2], Some(self.d.seq_index));
            self.push(Sh::Val(item));
            return Ok(Step::Go);
        }
        let x = self.call(
            helpers::next as *const () as usize,
            &[r],
            Type::Ref,
            snap.clone(),
        );
        let null = self.b.const_ptr(0);
        let nn = self.b.op(O::PtrNe, &[x, null], None);
        // A failing guard resumes at FOR_ITER, whose `next` finds the iterator exhausted
        // again (iterators stay exhausted).
        self.guard(O::GuardTrue, &[nn], snap);
        self.push(Sh::Val(x));
        Ok(Step::Go)
    }

    /// The recorded path leaves the loop (the iterator is popped): a loop trace cannot
    /// close any more, a bridge or an entry trace goes on after the loop.
    fn exit_loop(&mut self, _exit_pc: u32) -> R<Step> {
        match self.kind {
            RecordingKind::Loop(_) => Err(AbortReason::LeftLoop),
            RecordingKind::Bridge(_) | RecordingKind::Entry(_) => Ok(Step::Go),
        }
    }

    fn unpack(&mut self, vm: &mut Vm, pc: u32, n: u32, seq: Value) -> R<Step> {
        let snap = self.snapshot(pc, 0);
        let s = self.peek(1);
        let r = self.val(s);
        let cls = class_of(seq);
        let n = n as usize;
        let items: Vec<OpRef> = if cls == vm.cls.tuple && crate::types::tuple::items(seq).len() == n
        {
            self.guard_class(r, cls, &snap);
            let len = self.b.op(O::GetfieldGcI, &[r], Some(self.d.tuple_len));
            let k = self.b.const_int(n as i64);
            self.guard(O::GuardValue, &[len, k], snap);
            (0..n)
                .map(|i| {
                    let k = self.b.const_int(i as i64);
                    self.b
                        .op(O::GetarrayitemGcR, &[r, k], Some(self.d.tuple_items))
                })
                .collect()
        } else if cls == vm.cls.list && crate::types::list::list_items(seq).len() == n {
            self.guard_class(r, cls, &snap);
            let len = self.b.op(O::GetfieldGcI, &[r], Some(self.d.list_len));
            let k = self.b.const_int(n as i64);
            self.guard(O::GuardValue, &[len, k], snap);
            let arr = self.b.op(O::GetfieldGcR, &[r], Some(self.d.list_items));
            (0..n)
                .map(|i| {
                    let k = self.b.const_int(i as i64);
                    self.b
                        .op(O::GetarrayitemGcR, &[arr, k], Some(self.d.array_items))
                })
                .collect()
        } else {
            return Err(AbortReason::Unsupported);
        };
        self.pop();
        for it in items.into_iter().rev() {
            self.push(Sh::Val(it));
        }
        Ok(Step::Go)
    }

    /// `obj[key]` (or `obj[key] = value` with `store`): inline for lists and tuples indexed
    /// by a non-negative small int, else a residual call.
    fn subscr(
        &mut self,
        vm: &mut Vm,
        pc: u32,
        objv: Value,
        keyv: Value,
        store: Option<Value>,
    ) -> R<Step> {
        let snap = self.snapshot(pc, 0);
        let key = self.pop();
        let obj = self.pop();
        let value = if store.is_some() {
            Some(self.pop())
        } else {
            None
        };
        let key = self.specialize(vm, key, keyv, &snap);
        let cls = if objv.is_small() {
            Value::NULL
        } else {
            class_of(objv)
        };
        let in_bounds = |len: usize| {
            keyv.as_small()
                .is_some_and(|i| i >= 0 && (i as usize) < len)
        };
        let inline = match key {
            Sh::Int(k)
                if cls == vm.cls.list && in_bounds(crate::types::list::list_items(objv).len()) =>
            {
                Some((k, true))
            }
            Sh::Int(k)
                if cls == vm.cls.tuple
                    && store.is_none()
                    && in_bounds(crate::types::tuple::items(objv).len()) =>
            {
                Some((k, false))
            }
            _ => None,
        };
        if let Some((k, is_list)) = inline {
            let o = self.val(obj);
            self.guard_class(o, cls, &snap);
            let i = self.untag(k);
            let zero = self.b.const_int(0);
            let nonneg = self.b.op(O::IntGe, &[i, zero], None);
            self.guard(O::GuardTrue, &[nonneg], snap.clone());
            let len = if is_list {
                self.b.op(O::GetfieldGcI, &[o], Some(self.d.list_len))
            } else {
                self.b.op(O::GetfieldGcI, &[o], Some(self.d.tuple_len))
            };
            let lt = self.b.op(O::IntLt, &[i, len], None);
            self.guard(O::GuardTrue, &[lt], snap);
            if let Some(v) = value {
                let arr = self.b.op(O::GetfieldGcR, &[o], Some(self.d.list_items));
                let w = self.val(v);
                self.b
                    .op(O::SetarrayitemGc, &[arr, i, w], Some(self.d.array_items));
            } else {
                let item = if is_list {
                    let arr = self.b.op(O::GetfieldGcR, &[o], Some(self.d.list_items));
                    self.b
                        .op(O::GetarrayitemGcR, &[arr, i], Some(self.d.array_items))
                } else {
                    self.b
                        .op(O::GetarrayitemGcR, &[o, i], Some(self.d.tuple_items))
                };
                self.push(Sh::Val(item));
            }
            return Ok(Step::Go);
        }
        let (o, k) = (self.val(obj), self.val(key));
        match value {
            Some(v) => {
                let w = self.val(v);
                self.call(
                    helpers::setitem as *const () as usize,
                    &[o, k, w],
                    Type::Ref,
                    snap,
                );
            }
            None => {
                let r = self.call(
                    helpers::getitem as *const () as usize,
                    &[o, k],
                    Type::Ref,
                    snap,
                );
                self.push(Sh::Val(r));
            }
        }
        Ok(Step::Go)
    }

    fn call_op(&mut self, vm: &mut Vm, pc: u32, argc: u32, f: &Frame, method: bool) -> R<Step> {
        let argc = argc as usize;
        let len = f.values.len();
        let snap = self.snapshot(pc, 0);
        let mut args: Vec<Sh> = (0..argc).map(|_| self.pop()).collect();
        args.reverse();
        let mut argv: Vec<Value> = f.values[len - argc..].to_vec();
        let (callable, callee) = if method {
            let s = self.pop();
            let m = self.pop();
            if reads_frames(f.values[len - argc - 2]) {
                return Err(AbortReason::Unsupported);
            }
            if s == Sh::Null {
                // A residual LOAD_METHOD left (bound method, NULL) in the shadow while
                // the interpreter may hold (function, receiver): call the bound method.
                (Value::NULL, m)
            } else {
                // (method, receiver) on both stacks: the receiver is the first argument.
                let recv = f.values[len - argc - 1];
                let callable = f.values[len - argc - 2];
                if let Some(r) = self.call_native_method_inline(vm, callable, s, recv, &args) {
                    self.push(r);
                    return Ok(Step::Go);
                }
                args.insert(0, s);
                argv.insert(0, recv);
                (callable, m)
            }
        } else {
            (f.values[len - argc - 1], self.pop())
        };
        if let Some(r) = self.call_builtin_inline(vm, callee, callable, &args, &argv, &snap) {
            self.push(r);
            return Ok(Step::Go);
        }
        let argc = args.len();
        self.nested_call = true;
        if let Some(fo) = object::downcast::<FunctionObj>(callable) {
            let code = crate::eval::code::code_of(fo.code);
            let info = crate::eval::code::info(fo.code);
            let recursive = self.frames.iter().any(|fr| std::ptr::eq(fr.code, code));
            if info.simple_args
                && argc == code.argcount as usize
                && !code.is_generator_like()
                && !info.has_loop
                && !recursive
                && class_of(callable) == vm.cls.function
            {
                let fr = self.val(callee);
                self.guard_class(fr, vm.cls.function, &snap);
                let c = self.b.op(O::GetfieldGcR, &[fr], Some(self.d.func_code));
                let k = self.b.const_ptr(fo.code.0);
                self.guard(O::GuardValue, &[c, k], snap);
                let globals = self.b.op(O::GetfieldGcR, &[fr], Some(self.d.func_globals));
                let mut slots = args;
                slots.resize(code.nlocalsplus(), Sh::Null);
                self.top_frame().resume_pc = pc + 1;
                self.frames.push(ShadowFrame {
                    code,
                    func: Sh::Val(fr),
                    globals,
                    resume_pc: 0,
                    slots,
                });
                self.nested_call = false;
                return Ok(Step::Go);
            }
        }
        if argc > 4 || reads_frames(callable) {
            return Err(AbortReason::Unsupported);
        }
        let fv = self.val(callee);
        let mut cargs = vec![fv, self.b.const_int(argc as i64)];
        for a in args {
            let w = self.val(a);
            cargs.push(w);
        }
        while cargs.len() < 6 {
            cargs.push(self.b.const_int(0));
        }
        let r = self.call(helpers::call as *const () as usize, &cargs, Type::Ref, snap);
        self.push(Sh::Val(r));
        Ok(Step::Go)
    }
}

/// Builtins that look at the calling frame's variables: compiled code keeps those in the
/// jitframe, so a trace must not call them.
fn reads_frames(callable: Value) -> bool {
    let Some(b) = object::downcast::<object::BuiltinObj>(callable) else {
        return false;
    };
    matches!(
        crate::types::str::as_str(b.name),
        Some("locals" | "vars" | "dir" | "eval" | "exec" | "_getframe" | "exc_info")
    )
}

fn names_of(f: &Frame) -> &'static [Value] {
    object::downcast::<object::CodeObj>(f.code_obj)
        .map(|c| &*crate::types::tuple::items(c.names))
        .unwrap_or(&[])
}

fn bv_nonzero(v: Value) -> bool {
    match object::downcast::<object::FloatObj>(v) {
        Some(f) => f.value != 0.0,
        None => v.as_small().is_some_and(|i| i != 0),
    }
}

fn class_of(v: Value) -> Value {
    if v.is_small() || v.is_null() {
        return Value::NULL;
    }
    // SAFETY: `v` is a pointer Value to a live object.
    unsafe { object::class_word(v) }
}
