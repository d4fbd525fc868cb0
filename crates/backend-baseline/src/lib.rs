//! pyrs-backend-baseline: the JIT's first tier. It compiles each trace-IR op with one
//! fixed x86-64 machine-code template (dynasmrt), keeping every value in its jitframe
//! slot, so compiling takes microseconds and the code is simple enough to trust.
//!
//! Who uses it: the binary creates a [`BaselineBackend`] with the VM's
//! [`JitEnv`](pyrs_jit_ir::JitEnv) and hands it to the tracer as a
//! [`Backend`](pyrs_jit_ir::Backend). It knows nothing about the guest language.
//!
//! What it promises (the shared entry and exit ABI of `pyrs_jit_ir::backend`):
//! - a loop's code is called with a pointer to the jitframe (inputs in slots `0..n`) and
//!   returns an exit word that `execute` turns into the [`ExitRef`](pyrs_jit_ir::ExitRef);
//!   on leaving, the exit's values (a guard's fail args, a `finish`'s operands) are in
//!   slots `0..k`;
//! - results are those of [`pyrs_jit_ir::interpret`], bit for bit (NaN payloads aside);
//! - each guard fails through its own indirect slot, so attaching a bridge is one store;
//!   bridges jump to loop headers, `finish`, or fail into bridges of their own;
//! - between ops no value lives in a register: across calls (which may collect) every
//!   reference is in the jitframe;
//! - published code is never moved or freed while the backend lives, and the backend
//!   may be re-entered from code it runs.
//!
//! Map: `backend` (the [`Backend`](pyrs_jit_ir::Backend) impl), `code` (compiled traces
//! and how they connect), `layout` (value → slot, exit words), `moves` (parallel moves),
//! `emit` (the templates, one module per op family), `entry` (calling machine code),
//! `disasm` (iced-x86). Only x86-64 with the System V ABI is supported; elsewhere
//! compiling fails with a [`BackendError`](pyrs_jit_ir::BackendError).

#![deny(missing_docs)]

mod backend;
mod code;
mod disasm;
mod emit;
mod entry;
mod layout;
mod moves;

pub use backend::BaselineBackend;
