//! pyrs-interp: the Python object model, the builtin types, the eval loop, exceptions and
//! imports.
//!
//! Called by the `pyrs` binary (and by native-module crates such as pyrs-stdlib) through
//! [`vm::Vm`] and [`eval::api`]. It promises CPython 3.11's behaviour for what it implements
//! and a clear Python exception (never a panic) for what it does not. Objects live on the
//! moving GC heap of pyrs-gc; the rooting rule is kept by construction: collections happen
//! only at safepoints of the outermost eval loop, where every reference is in a frame or a
//! VM root (see `object` and `vm::Vm::native_depth`).

mod bootstrap;
pub mod builtins;
pub mod errors;
pub mod eval;
pub mod finalize;
pub mod jit;
pub mod names;
pub mod object;
pub mod ops;
pub mod types;
pub mod value;
pub mod vm;

pub use value::Value;
pub use vm::{PyResult, Raised, Vm, VmOptions};
