//! [`Backend`]: turns traces into machine code and runs it. Backends depend on this crate
//! only; the binary chooses one at run time (`--backend=`).
//!
//! Entry and exit ABI (DESIGN.md §6): compiled code is called with a pointer to a
//! *jitframe* (an array of 64-bit words); the loop's inputs are in slots `0..n`. When it
//! leaves through an exit (a failing guard or a `finish`, of the loop or of any bridge
//! attached to it), it writes that exit's [`Trace::exit_args`] values to slots `0..k` and
//! reports the exit as an [`ExitRef`]. Each guard exits through its own indirect slot, so
//! attaching a bridge is one store. Across anything that can collect, compiled code keeps
//! references only in the jitframe (which the VM scans as a root).

use std::fmt;

use crate::ids::{ExitRef, TraceId};
use crate::trace::Trace;

/// Why a backend refused a trace or a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackendError {
    /// The backend ([`Backend::name`]).
    pub backend: &'static str,
    /// What went wrong (an unsupported op, an unknown trace id, ...).
    pub message: String,
}

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "backend {}: {}", self.backend, self.message)
    }
}

impl std::error::Error for BackendError {}

/// What compiling a trace produced, for statistics and logs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct CompiledInfo {
    /// Bytes of machine code emitted.
    pub code_size: usize,
    /// Jitframe slots the trace needs.
    pub frame_size: usize,
}

/// A code generator. Compiled code is keyed by [`TraceId`]: a loop is entered by its id,
/// and an exit is reported as (trace id, exit id) so the caller can find the guard's op
/// and snapshot in the trace it compiled.
///
/// All methods take `&self` (backends use interior mutability) because they are
/// re-entrant: compiled code calls out into the VM, which may trace, compile and enter
/// other loops, or attach bridges, while an `execute` is still running on the same thread.
/// A backend gets the [`JitEnv`](crate::JitEnv) when it is created.
pub trait Backend {
    /// The backend's name (`baseline`, `cranelift`).
    fn name(&self) -> &'static str;

    /// Compiles a loop or an entry trace (of kind [`TraceKind::Loop`](crate::TraceKind::Loop)
    /// or [`TraceKind::Entry`](crate::TraceKind::Entry), verified) so that
    /// `execute(trace.id, ..)` runs it. Ids must be new.
    fn compile_loop(&self, trace: &Trace) -> Result<CompiledInfo, BackendError>;

    /// Compiles a bridge and attaches it to the guard `parent` (of a loop or of another
    /// bridge): from now on that guard's failure continues in the bridge, whose inputs are
    /// the guard's fail args. The bridge ends with a `jump` to a compiled loop or a
    /// `finish`.
    fn compile_bridge(&self, parent: ExitRef, trace: &Trace) -> Result<CompiledInfo, BackendError>;

    /// Runs the compiled loop `trace` on `jitframe` until it leaves, and returns the exit
    /// taken (possibly one of a bridge). Fails without running if the loop is unknown or
    /// `jitframe` is shorter than [`frame_size`](Backend::frame_size).
    ///
    /// # Safety
    /// The compiled code dereferences the addresses its trace computes and those of the
    /// backend's [`JitEnv`](crate::JitEnv); they must be valid, as for
    /// [`interpret`](crate::interpret).
    unsafe fn execute(&self, trace: TraceId, jitframe: &mut [u64])
        -> Result<ExitRef, BackendError>;

    /// The jitframe slots needed to execute loop `trace`: enough for every trace execution
    /// can reach from it as compiled so far (its bridges, and the loops they jump to), so
    /// attaching a bridge may grow it; `None` if unknown.
    fn frame_size(&self, trace: TraceId) -> Option<usize>;

    /// The machine code of `trace` (loop or bridge), disassembled; `None` if unknown.
    fn disassemble(&self, trace: TraceId) -> Option<String>;
}
