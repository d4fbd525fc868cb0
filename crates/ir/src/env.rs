//! [`JitEnv`]: the addresses and entry points of the VM and GC that compiled code (and the
//! IR interpreter) use. Plain data, `Copy`; a backend receives it when it is created.

/// The write barrier's fast-path test and slow path (DESIGN.md §3).
///
/// A store of a `Ref` into a GC object (`setfield_gc`, `setarrayitem_gc`) first tests
/// `header & flag_mask`, where `header` is the object's first word; if non-zero it calls
/// `slow(object)`, which never collects.
#[derive(Clone, Copy, Debug)]
pub struct WriteBarrier {
    /// The header flags that select the slow path.
    pub flag_mask: u64,
    /// The slow path, called with the object being stored into.
    pub slow: extern "C" fn(object: u64),
}

/// What compiled code needs to know about the VM and the GC.
///
/// Invariants: `exc_pending` points to a word that stays valid as long as compiled code
/// may run; `nursery_free` and `nursery_top` are both null or both valid; `alloc` and
/// the barrier's slow path never collect.
#[derive(Clone, Copy, Debug)]
pub struct JitEnv {
    /// Byte offset of the class word in objects (read by `guard_class`).
    pub class_offset: u32,
    /// The exception-pending word: non-zero when an exception is pending
    /// (`guard_no_exception` fails then).
    pub exc_pending: *const u64,
    /// Allocation slow path: returns the address of `size` bytes (a multiple of 8) with
    /// `header` in the first word and the rest zeroed. Never collects (it may request a
    /// collection for the next safepoint); never returns 0.
    pub alloc: extern "C" fn(size: u64, header: u64) -> u64,
    /// Address of the nursery's free pointer, for inline bump allocation; null to always
    /// call `alloc`.
    pub nursery_free: *mut usize,
    /// Address of the nursery's top (end) pointer; null to always call `alloc`.
    pub nursery_top: *const usize,
    /// The write barrier, if the GC plan needs one.
    pub write_barrier: Option<WriteBarrier>,
}

// SAFETY: a `JitEnv` is a bundle of addresses; sending or sharing it dereferences
// nothing. Whoever dereferences them (compiled code, the IR interpreter) runs under the
// VM's own threading rules, which `interpret`'s and `Backend::execute`'s safety contracts
// state.
unsafe impl Send for JitEnv {}
// SAFETY: as for `Send`: the struct is immutable plain data.
unsafe impl Sync for JitEnv {}

impl JitEnv {
    /// Whether inline (bump) allocation in the nursery is possible.
    pub fn has_nursery(&self) -> bool {
        !self.nursery_free.is_null() && !self.nursery_top.is_null()
    }
}
