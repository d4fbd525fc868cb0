//! Tests on a toy object model that knows nothing of Python: pairs of words, arrays of
//! words, raw byte strings and objects owning a Rust buffer.

use crate::api::{CollectOutcome, Heap, Layout, TypeDescriptor, TypeId};
use crate::vm::{RootSet, Visitor};
use crate::{GcConfig, PlanKind};
use std::cell::Cell;

struct Roots(Vec<u64>);

impl RootSet for Roots {
    fn visit_roots(&mut self, visit: &mut Visitor<'_>) {
        for r in &mut self.0 {
            visit(r);
        }
    }
}

thread_local! {
    static FINALIZED: Cell<usize> = const { Cell::new(0) };
}

/// Toy object owning a Rust `Vec<u64>` of words that may be references.
unsafe fn boxed_trace(obj: *mut u8, visit: &mut Visitor<'_>) {
    let v = &mut *(*(obj.add(8) as *mut *mut Vec<u64>));
    for w in v.iter_mut() {
        visit(w);
    }
}

unsafe fn boxed_finalize(obj: *mut u8) {
    drop(Box::from_raw(*(obj.add(8) as *mut *mut Vec<u64>)));
    FINALIZED.with(|f| f.set(f.get() + 1));
}

struct Toy {
    heap: Heap,
    pair: TypeId,
    array: TypeId,
    bytes: TypeId,
    boxed: TypeId,
}

fn toy(config: GcConfig) -> Toy {
    let mut heap = Heap::new(PlanKind::Semispace, config);
    let pair = heap.register_type(TypeDescriptor {
        name: "pair",
        layout: Layout::Fixed { size: 24 },
        ref_offsets: vec![8, 16],
        trace: None,
        finalize: None,
    });
    let array = heap.register_type(TypeDescriptor {
        name: "array",
        layout: Layout::Var {
            base: 16,
            len_offset: 8,
            item_size: 8,
            items_are_refs: true,
        },
        ref_offsets: vec![],
        trace: None,
        finalize: None,
    });
    let bytes = heap.register_type(TypeDescriptor {
        name: "bytes",
        layout: Layout::Var {
            base: 16,
            len_offset: 8,
            item_size: 1,
            items_are_refs: false,
        },
        ref_offsets: vec![],
        trace: None,
        finalize: None,
    });
    let boxed = heap.register_type(TypeDescriptor {
        name: "boxed",
        layout: Layout::Fixed { size: 16 },
        ref_offsets: vec![],
        trace: Some(boxed_trace),
        finalize: Some(boxed_finalize),
    });
    Toy {
        heap,
        pair,
        array,
        bytes,
        boxed,
    }
}

fn word(p: *mut u8, off: usize) -> u64 {
    // SAFETY: tests only read inside objects they allocated.
    unsafe { *(p.add(off) as *const u64) }
}

fn set_word(p: *mut u8, off: usize, w: u64) {
    // SAFETY: tests only write inside objects they allocated.
    unsafe { *(p.add(off) as *mut u64) = w }
}

impl Toy {
    fn pair(&mut self, a: u64, b: u64) -> u64 {
        let p = self.heap.alloc(self.pair, 24);
        set_word(p, 8, a);
        set_word(p, 16, b);
        p as u64
    }

    fn array(&mut self, items: &[u64]) -> u64 {
        let p = self.heap.alloc(self.array, 16 + 8 * items.len());
        set_word(p, 8, items.len() as u64);
        for (i, &w) in items.iter().enumerate() {
            set_word(p, 16 + 8 * i, w);
        }
        p as u64
    }
}

fn small(n: i64) -> u64 {
    ((n << 1) | 1) as u64
}

/// Sums a list built of pairs `(small int, next)`.
fn sum_list(mut p: u64) -> i64 {
    let mut total = 0;
    while p != 0 {
        total += (word(p as *mut u8, 8) as i64) >> 1;
        p = word(p as *mut u8, 16);
    }
    total
}

#[test]
fn objects_move_and_roots_follow() {
    let mut t = toy(GcConfig::default());
    let mut head = 0;
    for i in 0..1000 {
        head = t.pair(small(i), head);
    }
    let mut roots = Roots(vec![head]);
    let before = roots.0[0];
    assert_eq!(t.heap.collect(&mut roots), CollectOutcome::Collected);
    assert_ne!(roots.0[0], before, "semispace moves every live object");
    assert_eq!(sum_list(roots.0[0]), 999 * 1000 / 2);
    assert_eq!(t.heap.stats().live_bytes, 1000 * 24);
}

#[test]
fn unreachable_objects_are_dropped_and_finalized() {
    let mut t = toy(GcConfig::default());
    for i in 0..50 {
        let p = t.heap.alloc(t.boxed, 16);
        set_word(p, 8, Box::into_raw(Box::new(vec![small(i)])) as u64);
    }
    let keep = t.heap.alloc(t.boxed, 16);
    let inner = t.pair(small(7), 0);
    set_word(keep, 8, Box::into_raw(Box::new(vec![inner])) as u64);
    let mut roots = Roots(vec![keep as u64]);
    FINALIZED.with(|f| f.set(0));
    t.heap.collect(&mut roots);
    assert_eq!(FINALIZED.with(|f| f.get()), 50);
    // The pair reachable only through the Rust-owned buffer was traced and moved.
    // SAFETY: the buffer pointer was stored by this test and survives the move.
    let v = unsafe { &*(word(roots.0[0] as *mut u8, 8) as *const Vec<u64>) };
    assert_ne!(v[0], inner);
    assert_eq!(word(v[0] as *mut u8, 8), small(7));
}

#[test]
fn variable_size_objects_and_cycles() {
    let mut t = toy(GcConfig::default());
    let a = t.pair(small(1), 0);
    let b = t.pair(small(2), a);
    set_word(a as *mut u8, 16, b);
    let arr = t.array(&[a, b, small(3), 0]);
    let raw = t.heap.alloc(t.bytes, 16 + 5);
    set_word(raw, 8, 5);
    // SAFETY: five payload bytes were allocated.
    unsafe { std::ptr::copy_nonoverlapping(b"hello".as_ptr(), raw.add(16), 5) };
    let mut roots = Roots(vec![arr, raw as u64]);
    t.heap.collect(&mut roots);
    let arr = roots.0[0] as *mut u8;
    let (a2, b2) = (word(arr, 16), word(arr, 24));
    assert_eq!(word(a2 as *mut u8, 16), b2);
    assert_eq!(word(b2 as *mut u8, 16), a2);
    assert_eq!(word(arr, 32), small(3));
    // SAFETY: the copied byte string keeps its five payload bytes.
    let s = unsafe { std::slice::from_raw_parts((roots.0[1] as *mut u8).add(16), 5) };
    assert_eq!(s, b"hello");
}

#[test]
fn pinned_objects_stay_and_keep_referents_alive() {
    let mut t = toy(GcConfig::default());
    let pinned = t.heap.alloc_pinned(t.pair, 24);
    let young = t.pair(small(5), 0);
    set_word(pinned, 8, young);
    let mut roots = Roots(vec![]);
    t.heap.collect(&mut roots);
    let moved = word(pinned, 8);
    assert_ne!(moved, young);
    assert_eq!(word(moved as *mut u8, 8), small(5));
}

#[test]
fn overflow_requests_a_collection() {
    let mut t = toy(GcConfig {
        min_budget: 64 << 10,
        ..GcConfig::default()
    });
    assert!(!t.heap.collection_requested());
    let mut head = 0;
    for i in 0..10_000 {
        head = t.pair(small(i), head);
    }
    assert!(t.heap.collection_requested());
    let mut roots = Roots(vec![head]);
    t.heap.safepoint(&mut roots);
    assert!(!t.heap.collection_requested());
    assert_eq!(sum_list(roots.0[0]), 9999 * 10_000 / 2);
}

#[test]
fn stress_mode_poisons_old_copies() {
    let mut t = toy(GcConfig {
        stress: true,
        ..GcConfig::default()
    });
    let p = t.pair(small(1), 0);
    let mut roots = Roots(vec![p]);
    assert_eq!(t.heap.safepoint(&mut roots), CollectOutcome::Collected);
    assert_eq!(word(p as *mut u8, 16), 0xdbdb_dbdb_dbdb_dbdb);
    assert_eq!(word(roots.0[0] as *mut u8, 8), small(1));
}

#[test]
fn max_heap_reports_out_of_memory() {
    let mut t = toy(GcConfig {
        max_heap: 1000,
        ..GcConfig::default()
    });
    let arr = t.array(&[0; 200]);
    let mut roots = Roots(vec![arr]);
    assert_eq!(t.heap.collect(&mut roots), CollectOutcome::OutOfMemory);
}

/// A random sequence of allocations, stores and collections checked against a model heap
/// (plain Rust vectors indexed by object number).
#[test]
fn random_operations_match_a_model() {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut rand = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    for config in [
        GcConfig {
            min_budget: 64 << 10,
            ..GcConfig::default()
        },
        GcConfig {
            stress: true,
            ..GcConfig::default()
        },
    ] {
        let mut t = toy(config);
        // Model: each root object is an array of 4 slots holding small ints or other roots.
        let mut model: Vec<[Option<i64>; 4]> = Vec::new();
        let mut roots = Roots(Vec::new());
        let mut links: Vec<[Option<usize>; 4]> = Vec::new();
        for _ in 0..3000 {
            match rand(4) {
                0 | 1 => {
                    let v = rand(1000) as i64;
                    roots.0.push(t.array(&[small(v), 0, 0, 0]));
                    model.push([Some(v), None, None, None]);
                    links.push([None; 4]);
                }
                2 if !roots.0.is_empty() => {
                    let (i, j, slot) = (
                        rand(roots.0.len() as u64) as usize,
                        rand(roots.0.len() as u64) as usize,
                        1 + rand(3) as usize,
                    );
                    set_word(roots.0[i] as *mut u8, 16 + 8 * slot, roots.0[j]);
                    links[i][slot] = Some(j);
                }
                _ => {
                    t.heap.safepoint(&mut roots);
                }
            }
            for (i, r) in roots.0.iter().enumerate() {
                assert_eq!(word(*r as *mut u8, 16), small(model[i][0].unwrap_or(0)));
                for slot in 1..4 {
                    if let Some(j) = links[i][slot] {
                        assert_eq!(word(*r as *mut u8, 16 + 8 * slot), roots.0[j]);
                    }
                }
            }
        }
    }
}

struct WeakRoots {
    strong: Vec<u64>,
    weak: Vec<u64>,
}

impl RootSet for WeakRoots {
    fn visit_roots(&mut self, visit: &mut Visitor<'_>) {
        for r in &mut self.strong {
            visit(r);
        }
    }

    fn visit_weak_roots(&mut self, update: &mut Visitor<'_>) {
        for r in &mut self.weak {
            update(r);
        }
    }
}

#[test]
fn weak_roots_follow_survivors_and_clear_the_dead() {
    let mut t = toy(GcConfig::default());
    let live = t.pair(small(1), 0);
    let dead = t.pair(small(2), 0);
    let mut roots = WeakRoots {
        strong: vec![live],
        weak: vec![live, dead, small(3)],
    };
    t.heap.collect(&mut roots);
    assert_eq!(roots.weak[0], roots.strong[0]);
    assert_ne!(roots.weak[0], live);
    assert_eq!(roots.weak[1], 0);
    assert_eq!(roots.weak[2], small(3));
}

#[test]
fn external_pressure_requests_a_collection() {
    let mut t = toy(GcConfig {
        min_budget: 64 << 10,
        ..GcConfig::default()
    });
    t.heap.add_external_pressure(1 << 10);
    assert!(!t.heap.collection_requested());
    t.heap.add_external_pressure(1 << 20);
    assert!(t.heap.collection_requested());
    t.heap.collect(&mut Roots(vec![]));
    assert!(!t.heap.collection_requested());
}

#[test]
fn guarded_objects_found_unreachable_are_kept_with_their_referents() {
    let mut t = toy(GcConfig::default());
    // `a` is reachable, `b` only from garbage guarded object `c`, which references `d`.
    let a = t.pair(small(1), 0);
    let d = t.pair(small(4), 0);
    let b = t.pair(small(2), 0);
    let c = t.pair(small(3), d);
    set_word(c as *mut u8, 16, d);
    set_word(d as *mut u8, 16, b);
    for obj in [a, b, c, a] {
        t.heap.guard(obj as *mut u8);
    }
    let mut roots = Roots(vec![a]);
    t.heap.collect(&mut roots);
    let found = t.heap.take_unreachable_guarded();
    // Found in guarding order; `b` is unreachable although `c` keeps it alive now.
    assert_eq!(found.len(), 2);
    assert_eq!(word(found[0], 8), small(2));
    assert_eq!(word(found[1], 8), small(3));
    let d_moved = word(found[1], 16);
    assert_eq!(word(d_moved as *mut u8, 8), small(4));
    assert_eq!(word(d_moved as *mut u8, 16), found[0] as u64);
    // Reported once: rooted by the VM now, no longer guarded, and never again.
    roots.0.extend(found.iter().map(|&p| p as u64));
    t.heap.guard(found[0]);
    t.heap.collect(&mut roots);
    assert!(t.heap.take_unreachable_guarded().is_empty());
    roots.0.truncate(1);
    t.heap.collect(&mut roots);
    assert!(t.heap.take_unreachable_guarded().is_empty());
    // Still-guarded live objects are handed over at the end, at their current address.
    let all = t.heap.take_all_guarded();
    assert_eq!(all, vec![roots.0[0] as *mut u8]);
    assert!(t.heap.take_all_guarded().is_empty());
}

#[test]
fn unreachable_guarded_objects_not_taken_survive_the_next_collection() {
    let mut t = toy(GcConfig::default());
    let g = t.pair(small(9), 0);
    t.heap.guard(g as *mut u8);
    let mut roots = Roots(vec![]);
    t.heap.collect(&mut roots);
    t.heap.collect(&mut roots);
    let found = t.heap.take_unreachable_guarded();
    assert_eq!(found.len(), 1);
    assert_eq!(word(found[0], 8), small(9));
}
