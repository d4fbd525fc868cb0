//! The interpreter's side of the tracing JIT: what only a Python VM can know.
//!
//! - [`recorder`]: records traces by watching the eval loop's recording instantiation
//!   execute (the loop is written once, generic over [`Record`]);
//! - entering compiled loops at back-edges and resuming after a guard failed
//!   (deoptimization: the tracer decodes the snapshot, this module rebuilds the frames);
//! - [`helpers`]: the residual calls compiled code makes into the VM;
//! - [`layout`]: the IR descriptors of the object layouts.
//!
//! Compiled code never collects: it runs from the eval loop, allocates without collecting,
//! and reaches Python code only through residual calls, which raise `native_depth`. A
//! collection requested meanwhile happens at the interpreter's next safepoint.

mod helpers;
mod layout;
pub use layout::CLASS_OFFSET;
mod recorder;
mod shadow;

use crate::eval::{self, Exit};
use crate::object::{self, FunctionObj};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use pyrs_frontend::bytecode::Instr;
use pyrs_gc::vm::Visitor;
use pyrs_jit_ir::{Backend, ExitRef, JitEnv, NoRecorder, Pass, Position, Recorder, TraceId};
use pyrs_tracer::{AbortReason, BackEdgeAction, Jit, JitLog, JitParams};
use recorder::TraceRecorder;
use shadow::SlotRep;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// The JIT attached to a VM.
pub struct JitState {
    /// The language-independent driver.
    pub driver: Jit,
    /// Heap objects traces refer to, at stable addresses.
    pub(crate) consts: ConstTable,
    /// Print `--jit-stats` at exit.
    pub print_stats: bool,
    /// Spare jitframes (entries nest through residual calls, each takes one).
    frames: Vec<Vec<u64>>,
    /// How each compiled loop's label carries the frame's slots (jumps into it must match).
    pub(crate) layouts: HashMap<TraceId, Rc<[SlotRep]>>,
    /// Loop headers whose slots changed type between iterations: recorded all boxed.
    pub(crate) unstable: HashSet<Position>,
}

/// Values compiled code loads by address: GC roots in fixed-size chunks that never move
/// (the GC updates the Values inside them).
#[derive(Default)]
pub(crate) struct ConstTable {
    chunks: Vec<Box<[Value; CHUNK]>>,
    len: usize,
}

const CHUNK: usize = 256;

impl ConstTable {
    /// Stores `v` and returns the address of its slot.
    pub(crate) fn add(&mut self, v: Value) -> usize {
        if self.len % CHUNK == 0 {
            self.chunks.push(Box::new([Value::NULL; CHUNK]));
        }
        let chunk = self.chunks.last_mut().expect("a chunk");
        let slot = &mut chunk[self.len % CHUNK];
        *slot = v;
        self.len += 1;
        slot as *mut Value as usize
    }

    /// Visits every stored Value (GC roots).
    pub(crate) fn visit(&mut self, visit: &mut Visitor<'_>) {
        for c in &mut self.chunks {
            for v in c.iter_mut() {
                visit(&mut v.0);
            }
        }
    }
}

/// Attaches a JIT to `vm`: `make_backend` gets the environment compiled code needs (heap
/// addresses, helpers) and returns the backend; `passes` run on every trace in order.
pub fn install(
    vm: &mut Vm,
    params: JitParams,
    make_backend: impl FnOnce(JitEnv) -> Rc<dyn Backend>,
    passes: Vec<Box<dyn Pass>>,
    log: JitLog,
    print_stats: bool,
) {
    if !params.enabled {
        return;
    }
    let gc = vm.heap.jit_interface();
    let env = JitEnv {
        class_offset: layout::CLASS_OFFSET,
        exc_pending: helpers::exc_pending_address(),
        alloc: helpers::alloc,
        nursery_free: gc.free,
        nursery_top: gc.top,
        write_barrier: None,
    };
    let backend = make_backend(env);
    vm.jit = Some(Box::new(JitState {
        driver: Jit::new(params, backend, passes, log),
        consts: ConstTable::default(),
        print_stats,
        frames: Vec::new(),
        layouts: HashMap::new(),
        unstable: HashSet::new(),
    }));
}

/// Prints `--jit-stats` and the `jit-summary` log, if asked for.
pub fn report(vm: &mut Vm) {
    if let Some(j) = vm.jit.as_mut() {
        let text = j.driver.stats.to_string();
        if j.print_stats {
            eprintln!("{text}");
        }
        if j.driver.log.summary {
            j.driver.log.write(&text);
        }
    }
}

/// The eval loop's recorder hooks beyond [`Recorder`]: called before each instruction
/// with the real interpreter state. The plain interpreter's [`NoRecorder`] does nothing.
pub(crate) trait Record: Recorder {
    /// Records `instr` at `pc` of the innermost frame; false stops the recording run
    /// before the instruction executes.
    fn instruction(&mut self, vm: &mut Vm, pc: u32, instr: Instr) -> bool;
    /// The instruction just executed raised.
    fn raised(&mut self, vm: &mut Vm);
    /// Whether the call being executed runs in a nested loop (a residual call in the
    /// trace) instead of pushing its frame onto this loop.
    fn nested_call(&self) -> bool {
        false
    }
}

impl Record for NoRecorder {
    #[inline(always)]
    fn instruction(&mut self, _vm: &mut Vm, _pc: u32, _instr: Instr) -> bool {
        true
    }

    #[inline(always)]
    fn raised(&mut self, _vm: &mut Vm) {}
}

impl Recorder for TraceRecorder {
    const ACTIVE: bool = true;

    fn back_edge(&mut self, _from: Position, _to: Position) {}

    fn function_entry(&mut self, _entry: Position) {}
}

impl Record for TraceRecorder {
    fn instruction(&mut self, vm: &mut Vm, pc: u32, instr: Instr) -> bool {
        TraceRecorder::instruction(self, vm, pc, instr)
    }

    fn raised(&mut self, vm: &mut Vm) {
        TraceRecorder::raised(self, vm)
    }

    fn nested_call(&self) -> bool {
        self.nested_call
    }
}

/// What the eval loop does after the JIT looked at a back-edge.
pub(crate) enum JitFlow {
    /// Continue with the instruction at the frame's pc.
    Continue,
    /// Frames were rebuilt or changed: re-derive the innermost frame (and unwind the
    /// pending exception when `raising`).
    Resumed {
        /// An exception raised in compiled code must now propagate.
        raising: bool,
    },
    /// The run's entry frame finished while recording.
    Finished(PyResult<Exit>),
}

/// Called by the plain eval loop after a back-edge jumped to `header_pc` of the innermost
/// frame: counts it, and records or enters compiled code.
pub(crate) fn back_edge(vm: &mut Vm, base: usize, header_pc: u32) -> JitFlow {
    let Some(f) = vm.frames.last() else {
        return JitFlow::Continue;
    };
    if !f.generator.is_null() {
        return JitFlow::Continue;
    }
    let header = Position {
        code: f.code as *const _ as usize,
        pc: header_pc,
    };
    let action = match vm.jit.as_mut() {
        Some(j) => j.driver.back_edge(header),
        None => return JitFlow::Continue,
    };
    act(vm, base, action, |vm| TraceRecorder::for_loop(vm, header))
}

/// Carries out what the driver decided at a loop header or function entry.
fn act(
    vm: &mut Vm,
    base: usize,
    action: BackEdgeAction,
    recorder: impl FnOnce(&mut Vm) -> TraceRecorder,
) -> JitFlow {
    match action {
        BackEdgeAction::Interpret => JitFlow::Continue,
        BackEdgeAction::Enter(id) => enter(vm, base, id),
        BackEdgeAction::Record => {
            let mut rec = recorder(vm);
            record(vm, base, &mut rec)
        }
    }
}

/// Called by the plain eval loop when the innermost frame is a function call about to run
/// its first instruction: counts the call, and records or enters an entry trace. Only
/// plain calls of functions with loops qualify: a finished entry trace returns to the
/// caller like `return` does, and loop-free functions are inlined into their callers'
/// traces instead.
pub(crate) fn function_entry(vm: &mut Vm, base: usize) -> JitFlow {
    let Some(f) = vm.frames.last() else {
        return JitFlow::Continue;
    };
    let plain = f.pc == 0
        && f.generator.is_null()
        && !f.is_init
        && f.locals.is_null()
        && f.returns_to == eval::frame::ReturnTo::Caller
        && eval::code::info(f.code_obj).has_loop;
    if !plain {
        return JitFlow::Continue;
    }
    let entry = Position {
        code: f.code as *const _ as usize,
        pc: 0,
    };
    let action = match vm.jit.as_mut() {
        Some(j) => j.driver.function_entry(entry),
        None => return JitFlow::Continue,
    };
    act(vm, base, action, |vm| TraceRecorder::for_entry(vm, entry))
}

fn record(vm: &mut Vm, base: usize, rec: &mut TraceRecorder) -> JitFlow {
    let r = eval::run::<TraceRecorder>(vm, base, false, rec);
    if rec.active {
        rec.active = false;
        if let Some(j) = vm.jit.as_mut() {
            j.driver.abort(AbortReason::LeftLoop);
        }
    }
    match r {
        Ok(Exit::Recorded) => JitFlow::Resumed { raising: false },
        r => JitFlow::Finished(r),
    }
}

/// Runs compiled trace `id` (a loop or an entry trace) from the innermost frame, which
/// stands where the trace begins.
fn enter(vm: &mut Vm, base: usize, id: TraceId) -> JitFlow {
    let entry = vm.frames.len() - 1;
    let Some(j) = vm.jit.as_mut() else {
        return JitFlow::Continue;
    };
    let ninputs = match j.driver.trace(id) {
        Some(t) => t.inputs.len(),
        None => return JitFlow::Continue,
    };
    let values = &vm.frames[entry].values;
    if values.len() != ninputs {
        return JitFlow::Continue;
    }
    let backend = j.driver.backend();
    let size = j.driver.frame_size(id).max(ninputs);
    let mut frame = j.frames.pop().unwrap_or_default();
    if frame.len() < size {
        frame.resize(size, 0);
    }
    for (slot, v) in frame.iter_mut().zip(values.iter()) {
        *slot = v.0;
    }
    j.driver.entering();
    let prev = helpers::set_current_vm(vm as *mut Vm);
    // SAFETY: the jitframe holds the trace's inputs (the frame's slots, live Values) and is
    // as large as the backend asked; no collection can happen while compiled code runs.
    let exit = unsafe { backend.execute(id, &mut frame) };
    helpers::set_current_vm(prev);
    let flow = match exit {
        Ok(exit) => resume(vm, base, entry, exit, &frame),
        Err(_) => JitFlow::Continue,
    };
    if let Some(j) = vm.jit.as_mut() {
        j.frames.push(frame);
    }
    flow
}

/// Compiled code ran the entry frame to its `return`: finish the return as the eval loop
/// would (a bridge only finishes frames that are neither generators nor `__init__`).
fn return_from(vm: &mut Vm, base: usize, v: Value) -> JitFlow {
    vm.call_depth -= 1;
    let Some(done) = vm.frames.pop() else {
        return JitFlow::Continue;
    };
    vm.recycle_frame(done);
    if vm.frames.len() == base {
        return JitFlow::Finished(Ok(Exit::Return(v)));
    }
    if let Some(caller) = vm.frames.last_mut() {
        caller.values.push(v);
    }
    JitFlow::Resumed { raising: false }
}

/// Rebuilds the interpreter frames from the snapshot of the guard that failed, then maybe
/// records a bridge from it.
fn resume(vm: &mut Vm, base: usize, entry: usize, exit: ExitRef, frame: &[u64]) -> JitFlow {
    let raising = helpers::take_exc_pending();
    let Vm { jit, heap, .. } = vm;
    let Some(j) = jit.as_mut() else {
        return JitFlow::Continue;
    };
    if j.driver.is_finish(exit) {
        j.driver.left(exit);
        return return_from(vm, base, Value(frame[0]));
    }
    // A guard that failed because a collection is due (the back-edge poll) gets no
    // bridge: the next iteration will poll again anyway.
    let want_bridge = j.driver.left(exit) && !raising && !heap.collection_requested();
    let Some((trace, snapshot, fail_args)) = j.driver.exit_info(exit) else {
        return JitFlow::Continue;
    };
    let mut alloc =
        |size: u64, header: u64| heap.alloc(pyrs_gc::TypeId(header as u32), size as usize) as u64;
    // SAFETY: `frame` holds what compiled code wrote for this guard's fail arguments; the
    // allocator returns zeroed objects of the requested sizes.
    let frames = unsafe { pyrs_tracer::resume(trace, snapshot, fail_args, frame, &mut alloc) };
    // A caller frame resumes after its call instruction, which stays its last
    // instruction (tracebacks point at it); the innermost frame stands at `pc` itself.
    let innermost = frames.len().saturating_sub(1);
    let lasti = |k: usize, pc: u32| {
        if k < innermost {
            pc.saturating_sub(1)
        } else {
            pc
        }
    };
    let mut frames = frames.into_iter().enumerate();
    let Some((_, first)) = frames.next() else {
        return JitFlow::Continue;
    };
    {
        let f = &mut vm.frames[entry];
        f.values.clear();
        f.values.extend(first.slots.iter().map(|&w| Value(w)));
        f.pc = first.pc;
        f.lasti = lasti(0, first.pc);
    }
    for (k, rf) in frames {
        let func = Value(rf.slots.first().copied().unwrap_or(0));
        let Some(fo) = object::downcast::<FunctionObj>(func) else {
            break;
        };
        let (code_obj, globals) = (fo.code, fo.globals);
        let code = eval::code::code_of(code_obj);
        let builtins = vm.builtins();
        let mut fr = vm.new_frame(code, code_obj, func, globals, builtins, Value::NULL);
        fr.values.clear();
        fr.values.extend(rf.slots[1..].iter().map(|&w| Value(w)));
        fr.pc = rf.pc;
        fr.lasti = lasti(k, rf.pc);
        vm.frames.push(fr);
        vm.call_depth += 1;
    }
    if raising {
        return JitFlow::Resumed { raising: true };
    }
    if want_bridge {
        if let Some(mut rec) = TraceRecorder::for_bridge(vm, exit, entry) {
            return record(vm, base, &mut rec);
        }
        if let Some(j) = vm.jit.as_mut() {
            let _ = j.driver.start_bridge(exit);
            j.driver.abort(AbortReason::Unsupported);
        }
    }
    JitFlow::Resumed { raising: false }
}
