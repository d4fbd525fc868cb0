//! What the VM calls: type registration, allocation, safepoint collection, statistics.

use crate::config::GcConfig;
use crate::header::{flags, Header, HEADER_SIZE, MIN_OBJECT_SIZE};
use crate::plan::{PlanConstraints, PlanKind};
use crate::semispace::{Chunk, Semispace};
use crate::vm::{RootSet, Visitor};
use std::time::Duration;

/// A registered object type. Index into the heap's descriptor table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TypeId(pub u32);

/// How big an object of a type is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Every object has `size` bytes (header included).
    Fixed {
        /// Total size in bytes.
        size: usize,
    },
    /// `base` bytes followed by `len` items of `item_size` bytes, where `len` is the `u64`
    /// at `len_offset`. When `items_are_refs`, each item is one word that may be a reference.
    Var {
        /// Size of the fixed part, header included.
        base: usize,
        /// Offset of the item count.
        len_offset: usize,
        /// Size of one item in bytes.
        item_size: usize,
        /// Whether items are words that may hold references.
        items_are_refs: bool,
    },
}

/// Extra tracing for references kept outside the object's own words (in Rust-owned buffers
/// the object points to).
pub type TraceFn = unsafe fn(obj: *mut u8, visit: &mut Visitor<'_>);

/// Releases Rust-owned resources of a dead object. Runs after the object's last collection,
/// while its memory is still intact; it must not allocate or touch other GC objects.
pub type FinalizeFn = unsafe fn(obj: *mut u8);

/// Everything the GC knows about a type.
#[derive(Clone, Debug)]
pub struct TypeDescriptor {
    /// For statistics and debugging.
    pub name: &'static str,
    /// Object size.
    pub layout: Layout,
    /// Offsets (from the object's start) of the words of the fixed part that may hold
    /// references.
    pub ref_offsets: Vec<usize>,
    /// References held in Rust-owned buffers, if any.
    pub trace: Option<TraceFn>,
    /// Destructor of Rust-owned resources, if any.
    pub finalize: Option<FinalizeFn>,
}

/// Collection statistics, as `gc.get_stats()` reports them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GcStats {
    /// Collections run so far.
    pub collections: u64,
    /// Sum of all pauses.
    pub total_pause: Duration,
    /// Longest pause.
    pub max_pause: Duration,
    /// Bytes that survived the last collection.
    pub live_bytes: usize,
    /// Bytes allocated since the start (moving-space objects only).
    pub allocated_bytes: u64,
    /// Bytes of pinned objects.
    pub pinned_bytes: usize,
}

/// Addresses compiled code reads and writes to allocate inline and to notice that a
/// collection is due (it then leaves compiled code for the interpreter's next safepoint).
#[derive(Clone, Copy, Debug)]
pub struct JitInterface {
    /// The bump pointer of the allocation region.
    pub free: *mut usize,
    /// The end of the allocation region.
    pub top: *const usize,
    /// A byte that is non-zero when the next safepoint should collect.
    pub collection_requested: *const u8,
}

/// The outcome of a safepoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CollectOutcome {
    /// Nothing was due.
    Skipped,
    /// A collection ran.
    Collected,
    /// A collection ran and live data exceeds `PYRS_GC_MAX`: the VM raises `MemoryError`.
    OutOfMemory,
}

/// The heap: allocation fast path, the selected plan and the type table.
///
/// Invariant: `free <= top`, both inside the current chunk of the plan's space (or both null
/// before the first allocation).
pub struct Heap {
    free: *mut u8,
    top: *mut u8,
    kind: PlanKind,
    config: GcConfig,
    types: Vec<TypeDescriptor>,
    space: Semispace,
    pinned: Vec<Chunk>,
    finalizable: Vec<*mut u8>,
    guards: Guards,
    requested: bool,
    forced: bool,
    enabled: bool,
    stats: GcStats,
    external: usize,
}

impl Heap {
    /// Creates a heap for `kind` configured by `config`.
    pub fn new(kind: PlanKind, config: GcConfig) -> Heap {
        let space = Semispace::new(config.min_budget);
        let stress = config.stress;
        let mut heap = Heap {
            free: std::ptr::null_mut(),
            top: std::ptr::null_mut(),
            kind,
            config,
            types: Vec::new(),
            space,
            pinned: Vec::new(),
            finalizable: Vec::new(),
            guards: Guards::default(),
            requested: stress,
            forced: false,
            enabled: true,
            stats: GcStats::default(),
            external: 0,
        };
        let (free, top) = heap.space.bump_region();
        heap.free = free;
        heap.top = top;
        heap
    }

    /// The selected plan.
    pub fn plan(&self) -> PlanKind {
        self.kind
    }

    /// The selected plan's constraints.
    pub fn constraints(&self) -> PlanConstraints {
        self.kind.constraints()
    }

    /// The configuration in force.
    pub fn config(&self) -> &GcConfig {
        &self.config
    }

    /// Registers a type; its id is what objects carry in their header.
    pub fn register_type(&mut self, desc: TypeDescriptor) -> TypeId {
        if let Layout::Fixed { size } = desc.layout {
            assert!(
                size >= MIN_OBJECT_SIZE,
                "type {} smaller than the minimum object",
                desc.name
            );
        }
        self.types.push(desc);
        TypeId(self.types.len() as u32 - 1)
    }

    /// The descriptor of a registered type.
    pub fn descriptor(&self, ty: TypeId) -> &TypeDescriptor {
        &self.types[ty.0 as usize]
    }

    /// Allocates `size` zeroed bytes (rounded up to 8, at least [`MIN_OBJECT_SIZE`]) for an
    /// object of type `ty` and writes its header. Never collects. The result is 8-aligned and
    /// valid until the next collection, which may move it.
    #[inline]
    pub fn alloc(&mut self, ty: TypeId, size: usize) -> *mut u8 {
        let size = round_size(size);
        let free = self.free;
        if (self.top as usize).wrapping_sub(free as usize) >= size && !free.is_null() {
            // SAFETY: `free..free+size` lies inside the current chunk (checked above), which
            // was zero-initialised and not yet handed out.
            unsafe {
                self.free = free.add(size);
                Self::init_object(free, ty);
            }
            self.stats.allocated_bytes += size as u64;
            self.after_alloc(free, ty);
            free
        } else {
            self.alloc_slow(ty, size)
        }
    }

    #[inline]
    fn after_alloc(&mut self, obj: *mut u8, ty: TypeId) {
        if self.types[ty.0 as usize].finalize.is_some() {
            // SAFETY: `obj` was just initialised with a header.
            unsafe { (*(obj as *mut Header)).flags |= flags::HAS_FINALIZER };
            self.finalizable.push(obj);
        }
    }

    /// # Safety
    /// `obj` must point to at least `HEADER_SIZE` writable bytes.
    #[inline]
    unsafe fn init_object(obj: *mut u8, ty: TypeId) {
        (obj as *mut Header).write(Header {
            type_id: ty.0,
            flags: 0,
        });
    }

    #[cold]
    fn alloc_slow(&mut self, ty: TypeId, size: usize) -> *mut u8 {
        self.space.retire(self.free);
        let (free, top) = self.space.overflow_chunk(size);
        self.requested = true;
        self.free = free;
        self.top = top;
        self.alloc(ty, size)
    }

    /// Allocates a non-moving object that lives for the rest of the run (type objects, code,
    /// interned names). It is traced at every collection.
    pub fn alloc_pinned(&mut self, ty: TypeId, size: usize) -> *mut u8 {
        let size = round_size(size);
        let chunk = Chunk::new(size);
        let obj = chunk.start();
        // SAFETY: the chunk holds `size >= HEADER_SIZE` zeroed bytes.
        unsafe {
            Self::init_object(obj, ty);
            (*(obj as *mut Header)).flags |= flags::PINNED;
        }
        self.pinned.push(chunk);
        self.stats.pinned_bytes += size;
        obj
    }

    /// Records `bytes` allocated outside the heap on behalf of heap objects (Rust-owned
    /// buffers freed by finalizers), so that they also bring the next collection closer.
    #[inline]
    pub fn add_external_pressure(&mut self, bytes: usize) {
        self.external += bytes;
        if self.external > self.config.min_budget.max(self.stats.live_bytes) {
            self.requested = true;
        }
    }

    /// Asks to be told once when `obj` becomes unreachable, for a finalizer the VM runs
    /// itself (Python's `__del__`, closing a suspended generator): the collection that finds
    /// it unreachable keeps it and everything it references alive instead, and hands it over
    /// through [`Heap::take_unreachable_guarded`]. An object is handed over at most once in
    /// its life (a finalizer runs once, even if it makes the object reachable again): guarding
    /// it again has no effect, nor does guarding a pinned one (it is never unreachable).
    pub fn guard(&mut self, obj: *mut u8) {
        // SAFETY: `obj` is a live object of this heap (the VM only passes object addresses).
        let h = unsafe { &mut *(obj as *mut Header) };
        if h.flags & (flags::GUARDED | flags::GUARD_SPENT | flags::PINNED) == 0 {
            h.flags |= flags::GUARDED;
            self.guards.watched.push(obj);
        }
    }

    /// Whether any object is guarded (and not yet found unreachable).
    #[inline]
    pub fn has_guarded(&self) -> bool {
        !self.guards.watched.is_empty()
    }

    /// The guarded objects the last collections found unreachable, at their current
    /// addresses, in the order they were guarded; they are no longer guarded. The VM must
    /// root them before the next collection (they are kept alive only until then).
    pub fn take_unreachable_guarded(&mut self) -> Vec<*mut u8> {
        std::mem::take(&mut self.guards.unreachable)
    }

    /// Every object still guarded, reachable or not, in the order they were guarded; none
    /// stays guarded. For finalizing what is left when the program ends; the addresses are
    /// valid until the next collection.
    pub fn take_all_guarded(&mut self) -> Vec<*mut u8> {
        let mut all = std::mem::take(&mut self.guards.unreachable);
        all.append(&mut self.guards.watched);
        for &obj in &all {
            // SAFETY: guarded objects are live objects of this heap at their current address.
            unsafe {
                let h = &mut *(obj as *mut Header);
                h.flags = h.flags & !flags::GUARDED | flags::GUARD_SPENT;
            }
        }
        all
    }

    /// Whether a collection is due at the next safepoint.
    #[inline(always)]
    pub fn collection_requested(&self) -> bool {
        (self.requested || self.config.stress) && self.enabled || self.forced
    }

    /// Makes the next safepoint collect even when collection is disabled (`gc.collect()`).
    pub fn force_collection(&mut self) {
        self.forced = true;
    }

    /// `gc.enable()` / `gc.disable()`: a disabled heap collects only when forced.
    pub fn set_enabled(&mut self, on: bool) {
        self.enabled = on;
    }

    /// Whether automatic collection is enabled.
    pub fn is_enabled(&self) -> bool {
        self.enabled
    }

    /// A safepoint: collects if one is due.
    #[inline]
    pub fn safepoint(&mut self, roots: &mut dyn RootSet) -> CollectOutcome {
        if self.collection_requested() {
            self.collect(roots)
        } else {
            CollectOutcome::Skipped
        }
    }

    /// Runs a full collection now (`gc.collect()`). Every reference outside the heap must be
    /// reachable through `roots`; afterwards, references not visited are dangling.
    pub fn collect(&mut self, roots: &mut dyn RootSet) -> CollectOutcome {
        let start = std::time::Instant::now();
        self.space.retire(self.free);
        let live = self.space.collect(
            &self.types,
            &self.pinned,
            roots,
            &mut self.finalizable,
            &mut self.guards,
            &self.config,
        );
        let (free, top) = self.space.bump_region();
        self.free = free;
        self.top = top;
        // Under stress the next safepoint collects again; compiled code polls this flag.
        self.requested = self.config.stress;
        self.forced = false;
        self.external = 0;
        let pause = start.elapsed();
        self.stats.collections += 1;
        self.stats.total_pause += pause;
        self.stats.max_pause = self.stats.max_pause.max(pause);
        self.stats.live_bytes = live;
        if self.config.debug {
            eprintln!(
                "[gc] collection {}: {} bytes live, {:?}",
                self.stats.collections, live, pause
            );
        }
        if self.config.max_heap != 0 && live > self.config.max_heap {
            CollectOutcome::OutOfMemory
        } else {
            CollectOutcome::Collected
        }
    }

    /// Whether an allocation of `bytes` could ever succeed under `PYRS_GC_MAX` (the VM checks
    /// sizes computed from user input before allocating, and raises `MemoryError` otherwise).
    pub fn can_allocate(&self, bytes: usize) -> bool {
        let limit = if self.config.max_heap != 0 {
            self.config.max_heap
        } else {
            1 << 40
        };
        bytes <= limit
    }

    /// What compiled code needs to allocate and poll inline. Allocation bumps `*free` up to
    /// `*top` and writes the header itself; when the region is full it calls the VM's slow
    /// path (which ends in [`Heap::alloc`]). Only types without a finalizer may be allocated
    /// inline. The addresses stay valid as long as the heap does not move.
    pub fn jit_interface(&mut self) -> JitInterface {
        JitInterface {
            free: &mut self.free as *mut *mut u8 as *mut usize,
            top: &self.top as *const *mut u8 as *const usize,
            collection_requested: &self.requested as *const bool as *const u8,
        }
    }

    /// Must be called after storing a reference into a heap object; no-op for plans whose
    /// constraints say they need no barrier.
    #[inline(always)]
    pub fn write_barrier(&mut self, _obj: *mut u8) {}

    /// Statistics so far.
    pub fn stats(&self) -> &GcStats {
        &self.stats
    }

    /// Total bytes in use by the moving space, pinned objects excluded.
    pub fn heap_size(&self) -> usize {
        self.space.committed_bytes()
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        for &obj in &self.finalizable {
            // SAFETY: every entry is a live, non-forwarded object of a type with a finalizer:
            // the list is rebuilt at each collection from survivors only.
            unsafe {
                let ty = (*(obj as *const Header)).type_id;
                if let Some(f) = self.types[ty as usize].finalize {
                    f(obj);
                }
            }
        }
    }
}

/// The objects the VM asked to be told about when they become unreachable.
#[derive(Default)]
pub(crate) struct Guards {
    /// Guarded objects not yet found unreachable, oldest first.
    pub(crate) watched: Vec<*mut u8>,
    /// Guarded objects found unreachable and kept alive for their finalizers, oldest first.
    pub(crate) unreachable: Vec<*mut u8>,
}

/// Object size after rounding to 8 bytes and the minimum.
#[inline(always)]
fn round_size(size: usize) -> usize {
    ((size + 7) & !7).max(MIN_OBJECT_SIZE)
}

/// The size in bytes of the object at `obj` according to its type's layout.
///
/// # Safety
/// `obj` must point to a valid object of a type in `types`.
pub(crate) unsafe fn object_size(types: &[TypeDescriptor], obj: *const u8) -> usize {
    let ty = (*(obj as *const Header)).type_id as usize;
    match types[ty].layout {
        Layout::Fixed { size } => round_size(size),
        Layout::Var {
            base,
            len_offset,
            item_size,
            ..
        } => {
            let len = *(obj.add(len_offset) as *const u64) as usize;
            round_size(base + len * item_size)
        }
    }
}

/// Visits every reference slot of the object at `obj`.
///
/// # Safety
/// `obj` must point to a valid, non-forwarded object of a type in `types`.
pub(crate) unsafe fn trace_object(types: &[TypeDescriptor], obj: *mut u8, visit: &mut Visitor<'_>) {
    let ty = (*(obj as *const Header)).type_id as usize;
    let desc = &types[ty];
    for &off in &desc.ref_offsets {
        visit(&mut *(obj.add(off) as *mut u64));
    }
    if let Layout::Var {
        base,
        len_offset,
        item_size,
        items_are_refs: true,
    } = desc.layout
    {
        let len = *(obj.add(len_offset) as *const u64) as usize;
        for i in 0..len {
            visit(&mut *(obj.add(base + i * item_size) as *mut u64));
        }
    }
    if let Some(trace) = desc.trace {
        trace(obj, visit);
    }
}

const _: () = assert!(HEADER_SIZE == std::mem::size_of::<Header>());
