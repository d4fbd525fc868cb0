//! pyrs-tracer: the driver of the tracing JIT, independent of the guest language.
//!
//! It counts back-edges per loop header, decides when to record, holds the cache of
//! compiled loops and bridges, runs the optimizer pipeline and the backend on recorded
//! traces, counts guard failures (a guard that fails `trace_eagerness` times gets a bridge)
//! and turns a failed guard's snapshot and exit values into the frames the interpreter
//! resumes from (deoptimization). The guest VM records traces itself with an
//! `ir::TraceBuilder`, since only it knows its semantics; `--jit-stats` reads [`JitStats`].

#![deny(missing_docs)]

mod abort;
mod driver;
mod log;
mod params;
mod poshash;
mod resume;
mod stats;

pub use abort::AbortReason;
pub use driver::{BackEdgeAction, Jit, RecordingKind};
pub use log::JitLog;
pub use params::{JitParams, DEFAULT_OPTS};
pub use resume::{resume, Allocate, ResumedFrame};
pub use stats::JitStats;
