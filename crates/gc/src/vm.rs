//! What the VM implements for the GC.

/// Visits one reference slot; the GC may overwrite it with the object's new address.
pub type Visitor<'a> = dyn FnMut(&mut u64) + 'a;

/// The VM's roots at a safepoint: every slot outside the heap that may hold a reference
/// (frames, VM globals, handle stacks). Slots not visited are not updated when objects move,
/// so every live reference held outside the heap must be visited.
pub trait RootSet {
    /// Calls `visit` once for each root slot.
    fn visit_roots(&mut self, visit: &mut Visitor<'_>);

    /// Calls `update` once for each weak slot, after everything reachable was found:
    /// `update` rewrites the slot to the object's new address, or to 0 if it died.
    fn visit_weak_roots(&mut self, update: &mut Visitor<'_>) {
        let _ = update;
    }
}
