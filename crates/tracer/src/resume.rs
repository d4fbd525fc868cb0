//! Deoptimization, the language-independent half: turns a failed guard's snapshot and the
//! values compiled code wrote to the jitframe into plain words per frame slot,
//! materializing virtual objects and applying delayed stores. The VM then rebuilds its
//! frames from [`ResumedFrame`]s.

use pyrs_jit_ir::{Const, Descr, OpRef, SnapValue, Snapshot, Trace, VirtualObject};

/// One interpreter frame to rebuild: the snapshot's code and pc, with every slot a word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResumedFrame {
    /// The VM's code identity.
    pub code: u64,
    /// Where to resume.
    pub pc: u32,
    /// One word per slot; 0 for an empty slot.
    pub slots: Vec<u64>,
}

/// Allocates objects for virtuals: `(size, header) -> address`. The memory must be zeroed
/// except for the header word, as the IR's `new` defines.
pub type Allocate<'a> = &'a mut dyn FnMut(u64, u64) -> u64;

/// Decodes `snapshot` of `trace` given the exit values (`values[i]` belongs to
/// `fail_args[i]`, which must be `snapshot.fail_args()`, precomputed by the caller).
///
/// # Safety
/// `values` must be what compiled code wrote for this guard: references in it point to
/// live objects, and `alloc` returns writable zeroed objects of the requested size, so the
/// field stores of virtuals and pending writes (at descriptor offsets) stay in bounds.
pub unsafe fn resume(
    trace: &Trace,
    snapshot: &Snapshot,
    fail_args: &[OpRef],
    values: &[u64],
    alloc: Allocate<'_>,
) -> Vec<ResumedFrame> {
    let mut r = Resolver {
        trace,
        snapshot,
        fail_args,
        values,
        virtuals: vec![None; snapshot.virtuals.len()],
    };
    let mut frames = Vec::with_capacity(snapshot.frames.len());
    for f in &snapshot.frames {
        let slots = f.slots.iter().map(|v| r.word(*v, alloc)).collect();
        frames.push(ResumedFrame {
            code: f.code,
            pc: f.pc,
            slots,
        });
    }
    for w in &snapshot.pending_writes {
        let target = r.word(w.target, alloc);
        let value = r.word(w.value, alloc);
        let index = w.index.map(|i| r.word(i, alloc));
        match (trace.descr(w.descr), index) {
            (Some(Descr::Field(fd)), None) => store(target + fd.offset as u64, fd.size, value),
            (Some(Descr::Array(ad)), Some(i)) => store(
                target + ad.base_offset as u64 + i * ad.item_size as u64,
                ad.item_size,
                value,
            ),
            _ => {}
        }
    }
    frames
}

struct Resolver<'a> {
    trace: &'a Trace,
    snapshot: &'a Snapshot,
    fail_args: &'a [OpRef],
    values: &'a [u64],
    virtuals: Vec<Option<u64>>,
}

impl Resolver<'_> {
    /// The word for one snapshot value; virtuals are materialized once each (a virtual may
    /// refer to itself through a field: the object exists before its fields are written).
    unsafe fn word(&mut self, v: SnapValue, alloc: Allocate<'_>) -> u64 {
        match v {
            SnapValue::Empty => 0,
            SnapValue::Const(c) => const_word(c),
            SnapValue::Value(r) => self
                .fail_args
                .iter()
                .position(|a| *a == r)
                .and_then(|i| self.values.get(i).copied())
                .or_else(|| self.trace.konst(r).map(const_word))
                .unwrap_or(0),
            SnapValue::Virtual(id) => {
                let i = id.index();
                if let Some(Some(addr)) = self.virtuals.get(i) {
                    return *addr;
                }
                let Some(obj) = self.snapshot.virtuals.get(i) else {
                    return 0;
                };
                match obj {
                    VirtualObject::Struct { descr, fields } => {
                        let Some(Descr::Size(sd)) = self.trace.descr(*descr) else {
                            return 0;
                        };
                        let addr = alloc(sd.size as u64, sd.header);
                        self.virtuals[i] = Some(addr);
                        for (fdescr, fv) in fields.clone() {
                            let w = self.word(fv, alloc);
                            if let Some(Descr::Field(fd)) = self.trace.descr(fdescr) {
                                store(addr + fd.offset as u64, fd.size, w);
                            }
                        }
                        addr
                    }
                    VirtualObject::Array { descr, items } => {
                        let Some(Descr::Array(ad)) = self.trace.descr(*descr) else {
                            return 0;
                        };
                        let size = ad.base_offset as u64 + items.len() as u64 * ad.item_size as u64;
                        let addr = alloc(size, ad.header);
                        self.virtuals[i] = Some(addr);
                        store(addr + ad.len_offset as u64, 8, items.len() as u64);
                        for (k, item) in items.clone().into_iter().enumerate() {
                            let w = self.word(item, alloc);
                            store(
                                addr + ad.base_offset as u64 + k as u64 * ad.item_size as u64,
                                ad.item_size,
                                w,
                            );
                        }
                        addr
                    }
                }
            }
        }
    }
}

fn const_word(c: Const) -> u64 {
    c.bits
}

/// Stores the low `size` bytes of `value` at `addr`.
///
/// # Safety
/// `addr..addr+size` must be writable.
unsafe fn store(addr: u64, size: u8, value: u64) {
    match size {
        1 => (addr as *mut u8).write_unaligned(value as u8),
        2 => (addr as *mut u16).write_unaligned(value as u16),
        4 => (addr as *mut u32).write_unaligned(value as u32),
        _ => (addr as *mut u64).write_unaligned(value),
    }
}
