//! pyrs-gc: the garbage collector of pyrs, independent of Python.
//!
//! The VM allocates objects that start with a [`Header`] (type id + GC flags), registers one
//! [`TypeDescriptor`] per type id saying where the references are, and calls
//! [`Heap::collect`] only at safepoints, handing over its roots through [`vm::RootSet`].
//! An allocation never collects: when the allocation budget is used up, allocation continues
//! in an overflow chunk and [`Heap::collection_requested`] turns true.
//!
//! A word is a reference when it is non-zero and its low 3 bits are 0. Everything else (small
//! ints, raw data) is left alone. Pinned objects never move and are kept alive for the whole
//! run; they are traced at every collection.
//!
//! Modules by direction, as MMTk does: [`api`] is what the VM calls, [`vm`] is what the VM
//! implements. Plans are selected at run time by [`PlanKind`].

pub mod api;
mod config;
mod header;
mod plan;
mod region;
mod semispace;
pub mod vm;

pub use api::{CollectOutcome, GcStats, Heap, JitInterface, Layout, TypeDescriptor, TypeId};
pub use config::GcConfig;
pub use header::{flags, Header, HEADER_SIZE, MIN_OBJECT_SIZE};
pub use plan::{PlanConstraints, PlanKind};

/// Whether `word` is a reference to a GC object: non-zero with its low 3 bits clear.
#[inline(always)]
pub fn is_ref(word: u64) -> bool {
    word != 0 && word & 7 == 0
}

#[cfg(test)]
mod tests;
