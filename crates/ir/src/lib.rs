//! pyrs-jit-ir: the trace IR the JIT crates meet on, and the traits that connect them.
//!
//! Knows nothing about Python: it could serve any VM. Who uses what:
//! - the interpreter's eval loop is generic over [`Recorder`] ([`NoRecorder`] for plain
//!   interpretation);
//! - the tracer records a [`Trace`] with a [`TraceBuilder`], attaching a [`Snapshot`] to
//!   every guard;
//! - optimizer passes ([`Pass`]) rewrite traces, checked by [`verify`] between passes;
//! - backends ([`Backend`]) compile them; [`interpret`] is the reference semantics they
//!   are tested against, on hand-written and random ([`testing`]) traces;
//! - logs and tests use the text form ([`print()`] / [`parse()`], which round-trip).
//!
//! Map: `types` (value types, constants, [`OpRef`]), `ids` (typed indices), `opcode` (the
//! op table, declared once) with `flags`, `descr` (descriptors and the call ABI),
//! `snapshot` (resume data and the fail-args contract), `trace` / `builder`, `print` /
//! `parse`, `verify`, `env` ([`JitEnv`], shared with backends), `interp`, `pass` /
//! `backend` (the traits), `testing` (random traces, a PRNG, a test environment, and
//! `InterpBackend`: the IR interpreter behind the `Backend` trait).
//!
//! Contracts every component relies on:
//! - all run-time values are 64-bit words (floats as their bits);
//! - the **call ABI** (see [`descr`]): `extern "C"` targets taking up to
//!   [`MAX_CALL_ARGS`] integer words and returning one;
//! - the **exit ABI**: compiled code gets its inputs in jitframe slots `0..n`; when it
//!   leaves through an exit it writes [`Trace::exit_args`] (a guard's
//!   [`Snapshot::fail_args`]) to slots `0..k` and reports the [`ExitRef`]; a bridge's inputs
//!   are exactly its guard's fail args.

#![deny(missing_docs)]

mod args;
mod backend;
mod builder;
mod cursor;
pub mod descr;
mod env;
mod flags;
mod ids;
mod interp;
mod opcode;
mod parse;
mod pass;
mod print;
mod recorder;
mod snapshot;
pub mod testing;
mod trace;
mod types;
mod verify;

pub use args::OpArgs;
pub use backend::{Backend, BackendError, CompiledInfo};
pub use builder::TraceBuilder;
pub use descr::{
    ArrayDescr, CallDescr, Descr, Effects, FieldDescr, SizeDescr, TargetDescr, MAX_CALL_ARGS,
};
pub use env::{JitEnv, WriteBarrier};
pub use flags::OpFlags;
pub use ids::{DescrId, ExitId, ExitRef, SnapId, TraceId, VirtualId};
pub use interp::{interpret, interpret_from_loop_header, Exit, ExitKind, InterpError};
pub use opcode::{ArgType, DescrUse, Opcode, Operands};
pub use parse::{parse, ParseError};
pub use pass::{Pass, PassError};
pub use print::print;
pub use recorder::{NoRecorder, Position, Recorder};
pub use snapshot::{FrameSnapshot, PendingWrite, SnapValue, Snapshot, VirtualObject};
pub use trace::{Op, Trace, TraceKind, ValueDef};
pub use types::{Const, OpRef, Type};
pub use verify::{verify, VerifyError};
