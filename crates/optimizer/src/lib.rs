//! pyrs-optimizer: the JIT's optimization passes over `pyrs-jit-ir` traces, and the
//! [`Pipeline`] that runs a named selection of them (`--jit enable_opts=rewrite:pure:dce`).
//!
//! Knows nothing about Python: it depends on the IR crate only. The tracer builds a
//! pipeline once from the user's pass list ([`Pipeline::from_names`]) and runs every
//! recorded trace through it; tests and benchmarks pick any order and subset.
//!
//! Map: `registry` (the one table of pass names, and the PyPy names not implemented yet),
//! `pipeline` (building from names, running, verifying between passes), `config` (what
//! passes may know about the VM beyond the trace), `rebuild` (the shared rebuild idiom:
//! renumbering, snapshot mapping, label operands), and one module per pass: `rewrite`
//! (constant folding, algebraic simplification, guard removal and strengthening), `pure`
//! (common-subexpression elimination), `dce` (dead-code elimination).
//!
//! Promises: every pass honours the [`Pass`](pyrs_jit_ir::Pass) contract (a trace that
//! verifies in, a trace that verifies out, same inputs, exits a subset of the input's with
//! the same ids and resume state); the pipeline checks this after each pass in debug
//! builds and under `PYRS_VERIFY=1`.

#![deny(missing_docs)]

mod config;
mod dce;
mod pipeline;
mod pure;
mod rebuild;
mod registry;
mod rewrite;

pub use config::Config;
pub use dce::Dce;
pub use pipeline::{Pipeline, PipelineError};
pub use pure::Pure;
pub use registry::{pass_names, PLANNED_PASSES};
pub use rewrite::Rewrite;
