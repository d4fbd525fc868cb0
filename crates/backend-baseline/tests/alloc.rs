//! Inline nursery allocation and its slow path, and the write barrier's fast path, each
//! against the IR interpreter on the same deterministic heap.

mod common;

use common::*;

/// Reads word `i` of object `p`.
fn word(p: u64, i: usize) -> u64 {
    // SAFETY: tests only read words of objects they allocated with at least `i + 1` words.
    unsafe { (p as *const u64).add(i).read() }
}

const OBJECT: &str = "descr d0 = size Obj size=20 header=0x77
descr d1 = field Obj.x offset=8 size=8 int
p1 = new(descr=d0)
setfield_gc(p1, i0, descr=d1)
i3 = getfield_gc_i(p1, descr=d1)
finish(p1, i3) g0";

#[test]
fn new_bumps_the_nursery_and_zeroes() {
    let heap = Heap::new(1024, false);
    heap.poison_nursery();
    let t = trace(&loop_of("i0", OBJECT));
    let got = check_with(&t, &heap, &[5]);
    let p = got.values[0];
    assert!(heap.in_nursery(p));
    assert_eq!(heap.nursery_used(), 24, "20 bytes rounded up to 24");
    assert_eq!(slow_calls(), 0);
    assert_eq!((word(p, 0), word(p, 1), word(p, 2)), (0x77, 5, 0));
    assert_eq!(got.values[1], 5);
}

#[test]
fn new_takes_the_slow_path_when_the_nursery_is_full() {
    let heap = Heap::new(1024, false);
    let t = trace(&loop_of("i0", OBJECT));
    heap.reset();
    heap.set_nursery_room(2);
    let got = check_with(&t, &heap, &[9]);
    let p = got.values[0];
    assert!(!heap.in_nursery(p));
    assert_eq!(slow_calls(), 1);
    assert_eq!(heap.nursery_used(), 0);
    assert_eq!((word(p, 0), word(p, 1), word(p, 2)), (0x77, 9, 0));
    heap.set_nursery_room(3);
    let got = check_with(&t, &heap, &[9]);
    assert!(heap.in_nursery(got.values[0]), "exactly enough room");
    heap.set_nursery_room(1024);
}

#[test]
fn without_a_nursery_every_allocation_calls_alloc() {
    let heap = Heap::new(0, false);
    let t = trace(&loop_of("i0", OBJECT));
    let got = check_with(&t, &heap, &[1]);
    assert_eq!(slow_calls(), 1);
    assert_eq!(word(got.values[0], 0), 0x77);
}

#[test]
fn large_objects_are_zeroed_with_a_loop() {
    let heap = Heap::new(4096, false);
    heap.poison_nursery();
    let body = "descr d0 = size Big size=300 header=0x5
descr d1 = field Big.last offset=296 size=8 int
descr d2 = field Big.mid offset=160 size=8 int
p1 = new(descr=d0)
i2 = getfield_gc_i(p1, descr=d1)
i3 = getfield_gc_i(p1, descr=d2)
finish(p1, i2, i3) g0";
    let t = trace(&loop_of("i0", body));
    let got = check_with(&t, &heap, &[0]);
    assert_eq!(heap.nursery_used(), 304);
    assert_eq!(&got.values[1..], [0, 0]);
    let p = got.values[0];
    assert!((1..38).all(|i| word(p, i) == 0));
    assert_eq!(word(p, 0), 5);
}

#[test]
fn new_array_sizes_lengths_and_items() {
    for nursery in [0, 4096] {
        let heap = Heap::new(nursery, false);
        for (item, base) in [(1, 16), (2, 16), (4, 12), (8, 16), (8, 24)] {
            let body = format!(
                "descr d0 = array A base={base} item={item} int len=8 header=0x66
p1 = new_array(i0, descr=d0)
i2 = arraylen_gc(p1, descr=d0)
finish(p1, i2) g0"
            );
            let t = trace(&loop_of("i0", &body));
            for len in [0u64, 1, 2, 3, 7, 8, 40, 200] {
                heap.poison_nursery();
                let got = check_with(&t, &heap, &[len]);
                let p = got.values[0];
                let size = ((base + item * len as usize).max(8)).next_multiple_of(8);
                if nursery > 0 {
                    assert_eq!(heap.nursery_used(), size, "item {item} len {len}");
                    assert!(heap.in_nursery(p));
                } else {
                    assert_eq!(slow_calls(), 1);
                }
                assert_eq!(got.values[1], len);
                assert_eq!(word(p, 0), 0x66);
                let zeroed = (1..size / 8).all(|i| i == 1 || word(p, i) == 0);
                assert!(zeroed, "items of a fresh array are zero");
            }
        }
    }
}

#[test]
fn new_array_falls_back_when_it_does_not_fit() {
    let heap = Heap::new(8, false);
    let body = "descr d0 = array A base=16 item=8 int len=8 header=0x66
p1 = new_array(i0, descr=d0)
p2 = new_array(i0, descr=d0)
finish(p1, p2) g0";
    let t = trace(&loop_of("i0", body));
    let got = check_with(&t, &heap, &[4]);
    assert!(heap.in_nursery(got.values[0]));
    assert!(!heap.in_nursery(got.values[1]));
    assert_eq!(slow_calls(), 1);
    assert_eq!(heap.nursery_used(), 48);
}

const STORES: &str = "descr d0 = field O.r offset=8 size=8 ref
descr d1 = field O.i offset=16 size=8 int
descr d2 = array A base=16 item=8 ref len=8 header=0x0
descr d3 = array B base=16 item=8 int len=8 header=0x0
setfield_gc(p0, p1, descr=d0)
setfield_gc(p0, i2, descr=d1)
setarrayitem_gc(p1, ConstInt(1), p0, descr=d2)
setarrayitem_gc(p1, i2, i2, descr=d3)
setfield_raw(i3, i2, descr=d1)
setarrayitem_raw(i3, ConstInt(0), p0, descr=d2)
p10 = getfield_gc_r(p0, descr=d0)
p11 = getarrayitem_gc_r(p1, ConstInt(1), descr=d2)
finish(p10, p11) g0";

#[test]
fn write_barrier_runs_only_for_flagged_objects_and_ref_stores() {
    for heap in [
        Heap::new(0, true),
        Heap::new(0, false).with_barrier_mask(0x4),
    ] {
        let flag = heap.env.write_barrier.map_or(0, |wb| wb.flag_mask);
        let t = trace(&loop_of("p0, p1, i2, i3", STORES));
        for (h0, h1) in [(0, 0), (flag, 0), (0, flag), (flag, flag | 1)] {
            let obj: Box<[u64; 4]> = Box::new([h0, 0, 0, 0]);
            let arr: Box<[u64; 4]> = Box::new([h1, 2, 0, 0]);
            let raw: Box<[u64; 4]> = Box::new([0; 4]);
            let (p0, p1) = (obj.as_ptr() as u64, arr.as_ptr() as u64);
            let got = check_with(&t, &heap, &[p0, p1, 0, raw.as_ptr() as u64]);
            assert_eq!(got.values, [p1, p0]);
            let mut want = Vec::new();
            if h0 != 0 {
                want.push(p0);
            }
            if h1 != 0 {
                want.push(p1);
            }
            assert_eq!(barrier_calls(), want, "headers {h0:#x} {h1:#x}");
        }
    }
}

#[test]
fn no_barrier_without_one_in_the_env() {
    let heap = Heap::new(0, false);
    let t = trace(&loop_of("p0, p1, i2, i3", STORES));
    let obj: Box<[u64; 4]> = Box::new([WB_FLAG, 0, 0, 0]);
    let arr: Box<[u64; 4]> = Box::new([WB_FLAG, 2, 0, 0]);
    let raw: Box<[u64; 4]> = Box::new([0; 4]);
    check_with(
        &t,
        &heap,
        &[
            obj.as_ptr() as u64,
            arr.as_ptr() as u64,
            1,
            raw.as_ptr() as u64,
        ],
    );
    assert!(barrier_calls().is_empty());
}
