//! The `semispace` plan: a copying collector over the whole heap.
//!
//! Objects are bump-allocated in the current space. A collection copies everything reachable
//! into a fresh space (Cheney's breadth-first scan) and releases the old one, so every live
//! object moves at every collection: the reference plan for testing the rooting rule.

use crate::api::{object_size, trace_object, Guards, TypeDescriptor};
use crate::config::GcConfig;
use crate::header::{flags, Header};
use crate::is_ref;
use crate::region::Region;
use crate::vm::RootSet;
use std::alloc::{alloc_zeroed, dealloc, handle_alloc_error, Layout};

/// Byte written over memory that objects were moved out of, in stress mode.
const POISON: u8 = 0xdb;

/// A zero-initialised block of memory owned by the heap, for one pinned object.
pub(crate) struct Chunk {
    ptr: *mut u8,
    size: usize,
}

impl Chunk {
    /// Allocates `size` zeroed bytes, 16-aligned.
    pub(crate) fn new(size: usize) -> Chunk {
        let size = size.max(16);
        let layout = Layout::from_size_align(size, 16)
            .unwrap_or_else(|_| handle_alloc_error(Layout::new::<u128>()));
        // SAFETY: the layout has a non-zero size.
        let ptr = unsafe { alloc_zeroed(layout) };
        if ptr.is_null() {
            handle_alloc_error(layout);
        }
        Chunk { ptr, size }
    }

    pub(crate) fn start(&self) -> *mut u8 {
        self.ptr
    }
}

impl Drop for Chunk {
    fn drop(&mut self) {
        // SAFETY: `ptr` came from `alloc_zeroed` with this exact layout.
        unsafe { dealloc(self.ptr, Layout::from_size_align_unchecked(self.size, 16)) }
    }
}

/// A chunk of the current space and how far it has been filled.
struct SpaceChunk {
    chunk: Region,
    used_end: *mut u8,
}

/// The plan's state: the chunks of the current space.
///
/// Invariant: the last chunk is the one being bump-allocated; `used_end` of the others is
/// final.
pub(crate) struct Semispace {
    chunks: Vec<SpaceChunk>,
    budget_end: *mut u8,
    poisoned: Vec<Region>,
    /// The largest chunk of the last from-space, zeroed again, reused as the next to-space
    /// when it is big enough: fresh memory from the OS costs a page fault per page.
    spare: Option<Region>,
}

impl Semispace {
    pub(crate) fn new(budget: usize) -> Semispace {
        let chunk = Region::new(budget);
        let start = chunk.start();
        let end = chunk.end();
        Semispace {
            chunks: vec![SpaceChunk {
                chunk,
                used_end: start,
            }],
            budget_end: end,
            poisoned: Vec::new(),
            spare: None,
        }
    }

    /// The free and top pointers for bump allocation in the current chunk.
    pub(crate) fn bump_region(&self) -> (*mut u8, *mut u8) {
        let last = self.chunks.last().expect("a space always has a chunk");
        (last.used_end, self.budget_end)
    }

    /// Records that the current chunk is filled up to `free`.
    pub(crate) fn retire(&mut self, free: *mut u8) {
        if let Some(last) = self.chunks.last_mut() {
            if last.chunk.contains(free as usize) || free == last.chunk.end() {
                last.used_end = free;
            }
        }
    }

    /// Makes room for at least `size` bytes past the budget: the rest of the current chunk
    /// if it has enough, else a new chunk. Returns the bump region.
    pub(crate) fn overflow_chunk(&mut self, size: usize) -> (*mut u8, *mut u8) {
        // `collect` sizes the chunk with room past the budget.
        if let Some(last) = self.chunks.last() {
            let end = last.chunk.end();
            if self.budget_end < end && end as usize - last.used_end as usize >= size {
                self.budget_end = end;
                return (last.used_end, end);
            }
        }
        let chunk = Region::new(size.max(1 << 20));
        let start = chunk.start();
        let end = chunk.end();
        self.chunks.push(SpaceChunk {
            chunk,
            used_end: start,
        });
        self.budget_end = end;
        (start, end)
    }

    /// Bytes handed out in the current space.
    pub(crate) fn committed_bytes(&self) -> usize {
        self.chunks
            .iter()
            .map(|c| c.used_end as usize - c.chunk.start() as usize)
            .sum()
    }

    /// Copies everything reachable from `roots` and the pinned objects into a new space,
    /// then the guarded objects found unreachable and what they reference (moved to
    /// `guards.unreachable`); runs the finalizers of the objects left behind. Returns the
    /// live bytes.
    pub(crate) fn collect(
        &mut self,
        types: &[TypeDescriptor],
        pinned: &[Chunk],
        roots: &mut dyn RootSet,
        finalizable: &mut Vec<*mut u8>,
        guards: &mut Guards,
        config: &GcConfig,
    ) -> usize {
        self.poisoned.clear();
        let used = self.committed_bytes();
        let headroom = config
            .min_budget
            .max((used as f64 * config.growth) as usize);
        // Room to spare (untouched pages cost nothing) so that the chunk can be reused
        // while the live size grows a little.
        let to = match self.spare.take() {
            Some(c) if c.size() >= used + headroom => c,
            Some(c) => c.grown((used + headroom) / 2 * 3),
            None => Region::new((used + headroom) / 2 * 3),
        };
        let from = std::mem::take(&mut self.chunks);
        let mut copier = Copier {
            from: &from,
            free: to.start(),
            types,
        };

        roots.visit_roots(&mut |slot| copier.forward(slot));
        // Unreachable guarded objects the VM has not taken yet stay alive for it.
        for obj in &mut guards.unreachable {
            let mut slot = *obj as u64;
            copier.forward(&mut slot);
            *obj = slot as *mut u8;
        }
        for p in pinned {
            // SAFETY: every pinned chunk holds exactly one valid pinned object.
            unsafe { trace_object(types, p.start(), &mut |slot| copier.forward(slot)) };
        }
        let scan = copier.scan(to.start());
        // Guarded objects not reached are decided on all together before any is kept
        // alive, so that one referenced only by another is found unreachable too.
        let first_unreachable = guards.unreachable.len();
        guards.watched.retain_mut(|obj| {
            // SAFETY: watched objects are from-space objects, intact until it is released.
            let h = unsafe { &mut *(*obj as *mut Header) };
            if h.flags & flags::FORWARDED != 0 {
                // SAFETY: forwarded objects keep their new address in the second word.
                *obj = unsafe { *(obj.add(8) as *const *mut u8) };
                true
            } else {
                h.flags = h.flags & !flags::GUARDED | flags::GUARD_SPENT;
                guards.unreachable.push(*obj);
                false
            }
        });
        for obj in &mut guards.unreachable[first_unreachable..] {
            let mut slot = *obj as u64;
            copier.forward(&mut slot);
            *obj = slot as *mut u8;
        }
        copier.scan(scan);
        let free = copier.free;
        roots.visit_weak_roots(&mut |slot| {
            let word = *slot;
            if is_ref(word) && copier.in_from_space(word as usize) {
                // SAFETY: `word` is an object of the from-space, still intact.
                let h = unsafe { &*(word as *const Header) };
                *slot = if h.flags & flags::FORWARDED != 0 {
                    // SAFETY: forwarded objects keep their new address in the second word.
                    unsafe { *((word as *const u64).add(1)) }
                } else {
                    0
                };
            }
        });

        // Compacted in place: the list stays allocated at its size between collections.
        let mut kept = 0;
        for i in 0..finalizable.len() {
            let obj = finalizable[i];
            // SAFETY: entries are objects of the from-space with a finalizer; their memory is
            // still intact because the from-space is released only below.
            unsafe {
                let h = &*(obj as *const Header);
                if h.flags & flags::FORWARDED != 0 {
                    finalizable[kept] = *(obj.add(8) as *const *mut u8);
                    kept += 1;
                } else if let Some(f) = types[h.type_id as usize].finalize {
                    f(obj);
                }
            }
        }
        finalizable.truncate(kept);

        let live = free as usize - to.start() as usize;
        let budget_end = free.wrapping_add(
            config
                .min_budget
                .max((live as f64 * config.growth) as usize),
        );
        self.budget_end = if budget_end > to.end() || budget_end < free {
            to.end()
        } else {
            budget_end
        };
        self.chunks.push(SpaceChunk {
            chunk: to,
            used_end: free,
        });
        if config.stress {
            for c in from {
                // Only `start..used_end` ever held objects: poisoning it is enough to make a
                // stale reference fail, and stays cheap however large the budget.
                let used = c.used_end as usize - c.chunk.start() as usize;
                // SAFETY: the chunk is owned here and no longer referenced by any live object;
                // `used` is within its size.
                unsafe { std::ptr::write_bytes(c.chunk.start(), POISON, used) };
                self.poisoned.push(c.chunk);
            }
        } else if let Some(c) = from.into_iter().max_by_key(|c| c.chunk.size()) {
            // SAFETY: the chunk is owned here and no longer referenced by any live object;
            // only `start..used_end` was ever written, the rest is still zero.
            unsafe {
                let used = c.used_end as usize - c.chunk.start() as usize;
                std::ptr::write_bytes(c.chunk.start(), 0, used);
            }
            self.spare = Some(c.chunk);
        }
        live
    }
}

/// Copies objects out of the from-space chunks on first visit and leaves forwarding
/// addresses behind.
struct Copier<'a> {
    from: &'a [SpaceChunk],
    free: *mut u8,
    types: &'a [TypeDescriptor],
}

impl Copier<'_> {
    /// Traces the copied objects from `scan` on until every object reachable from them is
    /// copied (Cheney's scan); returns where the scan stopped (the free pointer).
    fn scan(&mut self, mut scan: *mut u8) -> *mut u8 {
        let types = self.types;
        while scan < self.free {
            // SAFETY: the to-space below `free` holds the copied objects back to back, each a
            // complete valid object; `scan` is at the start of one.
            unsafe {
                let size = object_size(types, scan);
                trace_object(types, scan, &mut |slot| self.forward(slot));
                scan = scan.add(size);
            }
        }
        scan
    }

    fn in_from_space(&self, addr: usize) -> bool {
        self.from
            .iter()
            .any(|c| addr >= c.chunk.start() as usize && addr < c.used_end as usize)
    }

    fn forward(&mut self, slot: &mut u64) {
        let word = *slot;
        if !is_ref(word) || !self.in_from_space(word as usize) {
            return;
        }
        let obj = word as *mut u8;
        // SAFETY: `obj` is the start of an object in the from-space (the VM only stores
        // object addresses in reference slots). A forwarded object keeps its new address in
        // its second word; the to-space has room for every from-space byte.
        unsafe {
            let header = &mut *(obj as *mut Header);
            if header.flags & flags::FORWARDED != 0 {
                *slot = *(obj.add(8) as *const u64);
                return;
            }
            let size = object_size(self.types, obj);
            let new = self.free;
            std::ptr::copy_nonoverlapping(obj, new, size);
            self.free = new.add(size);
            header.flags |= flags::FORWARDED;
            *(obj.add(8) as *mut u64) = new as u64;
            *slot = new as u64;
        }
    }
}
