//! [`Jit`]: counters, the trace cache, compilation and the bookkeeping of exits.

use crate::abort::AbortReason;
use crate::log::JitLog;
use crate::params::JitParams;
use crate::poshash::PosMap;
use crate::stats::JitStats;
use pyrs_jit_ir::{
    Backend, ExitRef, Pass, Position, Snapshot, Trace, TraceBuilder, TraceId, TraceKind, Type,
};
use std::rc::Rc;
use std::time::Instant;

/// What the interpreter should do after a back-edge or at a function entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackEdgeAction {
    /// Keep interpreting.
    Interpret,
    /// Start recording a trace here (a loop at a header, an entry trace at a function entry).
    Record,
    /// Enter this compiled trace.
    Enter(TraceId),
}

/// Recordings abandoned at one header before it is never traced again.
const MAX_ABORTS_PER_HEADER: u32 = 4;
/// Bridge recordings abandoned at one guard before it is never traced again.
const MAX_ABORTS_PER_GUARD: u32 = 2;

/// A compiled trace and what the driver knows about it, precomputed so that leaving
/// compiled code costs no search.
struct CompiledTrace {
    /// The optimized trace, kept for its snapshots.
    trace: Trace,
    /// Per exit id: the guard's snapshot (None for `finish`) and its fail arguments.
    exits: Vec<Option<(pyrs_jit_ir::SnapId, Vec<pyrs_jit_ir::OpRef>)>>,
    /// Per exit id: failure counts and bridge state.
    guards: Vec<GuardState>,
}

/// What is being recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordingKind {
    /// A loop starting at a header.
    Loop(Position),
    /// A bridge from a failing guard.
    Bridge(ExitRef),
    /// An entry trace from a function's first instruction.
    Entry(Position),
}

/// The failure count and state of one guard.
#[derive(Default)]
struct GuardState {
    failures: u32,
    aborts: u32,
    bridged: bool,
}

/// The tracing JIT's driver. The guest VM owns one and calls it at back-edges, to record,
/// to enter compiled code and after every exit.
pub struct Jit {
    /// The parameters in force.
    pub params: JitParams,
    /// What happened so far.
    pub stats: JitStats,
    /// Where logs go.
    pub log: JitLog,
    backend: Rc<dyn Backend>,
    passes: Vec<Box<dyn Pass>>,
    counters: PosMap<Position, u32>,
    aborts: PosMap<Position, u32>,
    loops: PosMap<Position, TraceId>,
    /// Function entries: call counts, abandoned recordings and compiled entry traces
    /// (kept apart from loops: a loop header may be a function's first instruction).
    entry_counters: PosMap<Position, u32>,
    entry_aborts: PosMap<Position, u32>,
    entries: PosMap<Position, TraceId>,
    traces: Vec<Option<CompiledTrace>>,
    /// jitframe size per trace (bridges grow it), refreshed after every compilation.
    frame_sizes: Vec<usize>,
    recording: Option<(RecordingKind, Instant)>,
    /// Nesting of compiled code (residual calls may enter other loops) and when the
    /// outermost entry began.
    running: (u32, Option<Instant>),
}

impl Jit {
    /// A driver compiling with `backend` after running `passes` in order.
    pub fn new(
        params: JitParams,
        backend: Rc<dyn Backend>,
        passes: Vec<Box<dyn Pass>>,
        log: JitLog,
    ) -> Jit {
        Jit {
            params,
            stats: JitStats::default(),
            log,
            backend,
            passes,
            counters: PosMap::default(),
            aborts: PosMap::default(),
            loops: PosMap::default(),
            entry_counters: PosMap::default(),
            entry_aborts: PosMap::default(),
            entries: PosMap::default(),
            traces: Vec::new(),
            frame_sizes: Vec::new(),
            recording: None,
            running: (0, None),
        }
    }

    /// The backend, to run compiled code without borrowing the driver (compiled code may
    /// call back into the VM, which uses the driver again).
    pub fn backend(&self) -> Rc<dyn Backend> {
        self.backend.clone()
    }

    /// Whether a recording is in progress.
    pub fn is_recording(&self) -> bool {
        self.recording.is_some()
    }

    /// Counts a back-edge to `header` and says what to do.
    pub fn back_edge(&mut self, header: Position) -> BackEdgeAction {
        if let Some(&id) = self.loops.get(&header) {
            return BackEdgeAction::Enter(id);
        }
        if self.recording.is_some() {
            return BackEdgeAction::Interpret;
        }
        let threshold = self.params.threshold;
        count_arrival(&mut self.counters, &self.aborts, header, threshold)
    }

    /// Counts a call entering a function at `entry` (its first instruction) and says what
    /// to do: entry traces lead from there into the function's compiled loops, so that a
    /// function called often does not interpret its way to them on every call.
    pub fn function_entry(&mut self, entry: Position) -> BackEdgeAction {
        if let Some(&id) = self.entries.get(&entry) {
            return BackEdgeAction::Enter(id);
        }
        if self.recording.is_some() {
            return BackEdgeAction::Interpret;
        }
        let threshold = self.params.function_threshold;
        count_arrival(
            &mut self.entry_counters,
            &self.entry_aborts,
            entry,
            threshold,
        )
    }

    /// Starts recording an entry trace at `entry`: the builder the VM records into.
    pub fn start_entry(&mut self, entry: Position) -> TraceBuilder {
        self.start(RecordingKind::Entry(entry), TraceKind::Entry)
    }

    /// The compiled loop at `header`, if any.
    pub fn loop_at(&self, header: Position) -> Option<TraceId> {
        self.loops.get(&header).copied()
    }

    /// Starts recording a loop at `header`: the builder the VM records into.
    pub fn start_loop(&mut self, header: Position) -> TraceBuilder {
        self.start(RecordingKind::Loop(header), TraceKind::Loop)
    }

    /// Starts recording a bridge from the guard `exit`. The builder's inputs are the guard's
    /// fail arguments, in order (their types in `inputs`).
    pub fn start_bridge(&mut self, exit: ExitRef) -> (TraceBuilder, Vec<pyrs_jit_ir::OpRef>) {
        let types: Vec<Type> = self
            .exit_info(exit)
            .map(|(_, _, args)| args.iter().map(|r| r.ty()).collect())
            .unwrap_or_default();
        let mut b = self.start(
            RecordingKind::Bridge(exit),
            TraceKind::Bridge { parent: exit },
        );
        let inputs = types.into_iter().map(|t| b.input(t)).collect();
        (b, inputs)
    }

    fn start(&mut self, kind: RecordingKind, trace_kind: TraceKind) -> TraceBuilder {
        self.stats.recordings += 1;
        self.recording = Some((kind, Instant::now()));
        let id = TraceId(self.traces.len() as u32);
        self.traces.push(None);
        TraceBuilder::new(id, trace_kind)
    }

    /// What is being recorded.
    pub fn recording_kind(&self) -> Option<RecordingKind> {
        self.recording.map(|(k, _)| k)
    }

    /// Abandons the recording in progress.
    pub fn abort(&mut self, reason: AbortReason) {
        let Some((kind, start)) = self.recording.take() else {
            return;
        };
        self.stats.recording += start.elapsed();
        self.stats.abort(reason);
        match kind {
            RecordingKind::Loop(header) => *self.aborts.entry(header).or_insert(0) += 1,
            RecordingKind::Entry(entry) => *self.entry_aborts.entry(entry).or_insert(0) += 1,
            RecordingKind::Bridge(exit) => {
                if let Some(g) = self.guard_mut(exit) {
                    g.aborts += 1;
                    g.failures = 0;
                }
            }
        }
        if self.log.summary {
            self.log
                .write(&format!("[jit] abort {kind:?}: {}", reason.name()));
        }
    }

    /// Ends the recording in progress with `builder`'s trace: optimizes, compiles and
    /// installs it (a loop at its header, a bridge on its guard).
    pub fn finish(&mut self, builder: TraceBuilder) -> Result<TraceId, AbortReason> {
        let Some((kind, start)) = self.recording.take() else {
            return Err(AbortReason::CompileFailed);
        };
        self.stats.recording += start.elapsed();
        let trace = builder.finish();
        let id = trace.id;
        self.stats.ops_recorded += trace.ops.len() as u64;
        if self.log.noopt {
            self.log
                .write(&format!("# {kind:?} (unoptimized)\n{trace}"));
        }
        let t = Instant::now();
        let optimized = self.optimize(trace);
        self.stats.optimizing += t.elapsed();
        let trace = match optimized {
            Ok(t) => t,
            Err(msg) => return Err(self.failed(kind, &msg)),
        };
        self.stats.ops_optimized += trace.ops.len() as u64;
        if self.log.opt {
            self.log.write(&format!("# {kind:?} (optimized)\n{trace}"));
        }
        let t = Instant::now();
        let compiled = match kind {
            RecordingKind::Loop(_) | RecordingKind::Entry(_) => self.backend.compile_loop(&trace),
            RecordingKind::Bridge(exit) => self.backend.compile_bridge(exit, &trace),
        };
        self.stats.compiling += t.elapsed();
        if let Err(e) = compiled {
            return Err(self.failed(kind, &e.to_string()));
        }
        if self.log.backend_dump {
            if let Some(text) = self.backend.disassemble(id) {
                self.log
                    .write(&format!("# {kind:?} {id}: machine code\n{text}"));
            }
        }
        match kind {
            RecordingKind::Loop(header) => {
                self.stats.loops += 1;
                self.loops.insert(header, id);
            }
            RecordingKind::Entry(entry) => {
                self.stats.entries_compiled += 1;
                self.entries.insert(entry, id);
            }
            RecordingKind::Bridge(exit) => {
                self.stats.bridges += 1;
                if let Some(g) = self.guard_mut(exit) {
                    g.bridged = true;
                }
            }
        }
        let mut exits = Vec::new();
        for (e, n) in trace.exits() {
            let info = trace.ops[n]
                .snapshot
                .and_then(|s| Some((s, trace.snapshot(s)?.fail_args())));
            if exits.len() <= e.index() {
                exits.resize(e.index() + 1, None);
            }
            exits[e.index()] = info;
        }
        let guards = (0..exits.len()).map(|_| GuardState::default()).collect();
        self.traces[id.index()] = Some(CompiledTrace {
            trace,
            exits,
            guards,
        });
        self.frame_sizes = (0..self.traces.len())
            .map(|i| self.backend.frame_size(TraceId(i as u32)).unwrap_or(0))
            .collect();
        Ok(id)
    }

    fn optimize(&mut self, mut trace: Trace) -> Result<Trace, String> {
        for pass in &mut self.passes {
            trace = pass.run(trace).map_err(|e| e.to_string())?;
        }
        Ok(trace)
    }

    fn failed(&mut self, kind: RecordingKind, msg: &str) -> AbortReason {
        self.recording = Some((kind, Instant::now()));
        if self.log.summary || self.log.noopt || self.log.opt {
            self.log
                .write(&format!("[jit] {kind:?} not compiled: {msg}"));
        }
        self.abort(AbortReason::CompileFailed);
        AbortReason::CompileFailed
    }

    /// The jitframe size compiled trace `id` needs.
    pub fn frame_size(&self, id: TraceId) -> usize {
        self.frame_sizes.get(id.index()).copied().unwrap_or(0)
    }

    fn guard_mut(&mut self, exit: ExitRef) -> Option<&mut GuardState> {
        self.traces
            .get_mut(exit.trace.index())?
            .as_mut()?
            .guards
            .get_mut(exit.exit.index())
    }

    /// Whether `exit` is a `finish` (compiled code completed what the trace does; its
    /// values are the finish's arguments) rather than a guard.
    pub fn is_finish(&self, exit: ExitRef) -> bool {
        self.traces
            .get(exit.trace.index())
            .and_then(|c| c.as_ref())
            .and_then(|c| c.exits.get(exit.exit.index()))
            .is_some_and(|e| e.is_none())
    }

    /// The snapshot of the guard behind `exit` and its fail arguments, if it is a guard.
    pub fn exit_info(&self, exit: ExitRef) -> Option<(&Trace, &Snapshot, &[pyrs_jit_ir::OpRef])> {
        let c = self.traces.get(exit.trace.index())?.as_ref()?;
        let (snap, fail_args) = c.exits.get(exit.exit.index())?.as_ref()?;
        Some((&c.trace, c.trace.snapshot(*snap)?, fail_args))
    }

    /// The compiled (optimized) trace `id`.
    pub fn trace(&self, id: TraceId) -> Option<&Trace> {
        self.traces.get(id.index())?.as_ref().map(|c| &c.trace)
    }

    /// The snapshot of the guard behind `exit`, if it is a guard.
    pub fn snapshot_of(&self, exit: ExitRef) -> Option<&Snapshot> {
        self.exit_info(exit).map(|(_, s, _)| s)
    }

    /// Notes an entry into compiled code (for statistics and timing).
    pub fn entering(&mut self) {
        self.stats.entries += 1;
        if self.running.0 == 0 {
            self.running.1 = Some(Instant::now());
        }
        self.running.0 += 1;
    }

    /// Notes that compiled code left through `exit`; says whether a bridge should now be
    /// recorded from it.
    pub fn left(&mut self, exit: ExitRef) -> bool {
        self.running.0 = self.running.0.saturating_sub(1);
        if self.running.0 == 0 {
            if let Some(t) = self.running.1.take() {
                self.stats.running += t.elapsed();
            }
        }
        self.stats.guard_failures += 1;
        let eagerness = self.params.trace_eagerness;
        let recording = self.recording.is_some();
        let Some(g) = self.guard_mut(exit) else {
            return false;
        };
        if g.bridged || g.aborts >= MAX_ABORTS_PER_GUARD || recording {
            return false;
        }
        g.failures += 1;
        if g.failures >= eagerness {
            g.failures = 0;
            return true;
        }
        false
    }
}

/// Counts one more arrival at `at` (a loop header or a function entry) and says whether to
/// record there now: every `threshold` arrivals, unless recordings there were abandoned
/// too often.
fn count_arrival(
    counters: &mut PosMap<Position, u32>,
    aborts: &PosMap<Position, u32>,
    at: Position,
    threshold: u32,
) -> BackEdgeAction {
    let count = counters.entry(at).or_insert(0);
    *count += 1;
    if *count < threshold {
        return BackEdgeAction::Interpret;
    }
    *count = 0;
    if aborts.get(&at).copied().unwrap_or(0) >= MAX_ABORTS_PER_HEADER {
        return BackEdgeAction::Interpret;
    }
    BackEdgeAction::Record
}
