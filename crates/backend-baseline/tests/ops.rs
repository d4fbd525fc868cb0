//! Every op family against the IR interpreter on hand-written traces: integer and float
//! arithmetic, comparisons, casts, reference ops, guards, memory ops and calls.

mod common;

use std::cell::Cell;

use common::*;
use pyrs_backend_baseline::BaselineBackend;
use pyrs_jit_ir::{Backend, ExitId};

const INT_BINARY: &[&str] = &[
    "int_add",
    "int_sub",
    "int_mul",
    "int_and",
    "int_or",
    "int_xor",
    "int_lshift",
    "int_rshift",
    "uint_rshift",
    "int_lt",
    "int_le",
    "int_eq",
    "int_ne",
    "int_gt",
    "int_ge",
    "uint_lt",
    "uint_ge",
];

/// Constants covering every immediate encoding (u32, sign-extended i32, full 64 bits).
const CONSTS: &[i64] = &[
    0,
    5,
    -3,
    0x7fff_ffff,
    0x8000_0000,
    0xffff_ffff,
    -0x8000_0001,
    i64::MIN,
];

fn snapshot(values: &str) -> String {
    format!("snapshot s0\n  frame code=0x0 pc=0 [{values}]\n")
}

#[test]
fn int_binary_ops() {
    let heap = Heap::new(0, false);
    for op in INT_BINARY {
        let t = trace(&loop_of(
            "i0, i1",
            &format!("i2 = {op}(i0, i1)\nfinish(i2) g0"),
        ));
        check_all(&t, &heap, &pairs(&int_words()));
        for &c in CONSTS {
            let body = format!(
                "i2 = {op}(i0, ConstInt({c}))\ni3 = {op}(ConstInt({c}), i0)\nfinish(i2, i3) g0"
            );
            let t = trace(&loop_of("i0", &body));
            let ins: Vec<Vec<u64>> = int_words().into_iter().map(|w| vec![w]).collect();
            check_all(&t, &heap, &ins);
        }
    }
}

#[test]
fn int_unary_ops() {
    let heap = Heap::new(0, false);
    for op in [
        "int_neg",
        "int_invert",
        "int_is_true",
        "int_is_zero",
        "same_as_i",
    ] {
        let t = trace(&loop_of("i0", &format!("i1 = {op}(i0)\nfinish(i1) g0")));
        let ins: Vec<Vec<u64>> = int_words().into_iter().map(|w| vec![w]).collect();
        check_all(&t, &heap, &ins);
    }
}

#[test]
fn overflow_ops_and_their_guards() {
    let heap = Heap::new(0, false);
    for op in ["int_add_ovf", "int_sub_ovf", "int_mul_ovf"] {
        for guard in ["guard_no_overflow", "guard_overflow"] {
            let body = format!(
                "i2 = {op}(i0, i1)\n{guard}() [s0] g0\nfinish(i2) g1\n{}",
                snapshot("i1, i0")
            );
            let t = trace(&loop_of("i0, i1", &body));
            check_all(&t, &heap, &pairs(&int_words()));
        }
    }
}

#[test]
fn division_and_modulo() {
    let heap = Heap::new(0, false);
    let defined: Vec<Vec<u64>> = pairs(&int_words())
        .into_iter()
        .filter(|p| p[1] != 0 && !(p[0] == i64::MIN as u64 && p[1] == -1i64 as u64))
        .collect();
    for op in ["int_floordiv", "int_mod"] {
        let t = trace(&loop_of(
            "i0, i1",
            &format!("i2 = {op}(i0, i1)\nfinish(i2) g0"),
        ));
        check_all(&t, &heap, &defined);
        for c in [1, 2, 3, 7, -5, 100, i64::MAX, i64::MIN] {
            let t = trace(&loop_of(
                "i0",
                &format!("i1 = {op}(i0, ConstInt({c}))\nfinish(i1) g0"),
            ));
            let ins: Vec<Vec<u64>> = int_words().into_iter().map(|w| vec![w]).collect();
            check_all(&t, &heap, &ins);
        }
    }
}

#[test]
fn undefined_divisions_do_not_trap() {
    let heap = Heap::new(0, false);
    let t = trace(&loop_of(
        "i0, i1",
        "i2 = int_floordiv(i0, i1)\ni3 = int_mod(i0, i1)\nfinish(i2, i3) g0",
    ));
    let min = i64::MIN as u64;
    let got = compile_and_run(&t, &heap, &[min, -1i64 as u64]);
    assert_eq!(got.values, [min, 0], "i64::MIN / -1 wraps");
    let got = compile_and_run(&t, &heap, &[7, 0]);
    assert_eq!(got.values, [0, 0], "division by zero gives 0");
    let got = compile_and_run(&t, &heap, &[7, -1i64 as u64]);
    assert_eq!(got.values, [-7i64 as u64, 0]);
}

#[test]
fn float_ops() {
    let heap = Heap::new(0, false);
    let fl = pairs(&float_words());
    for op in ["float_add", "float_sub", "float_mul", "float_truediv"] {
        let t = trace(&loop_of(
            "f0, f1",
            &format!("f2 = {op}(f0, f1)\nfinish(f2) g0"),
        ));
        check_all(&t, &heap, &fl);
        let body = format!(
            "f1 = {op}(f0, ConstFloat(-2.5))\nf2 = {op}(ConstFloat(1e300), f0)\nfinish(f1, f2) g0"
        );
        let ins: Vec<Vec<u64>> = float_words().into_iter().map(|w| vec![w]).collect();
        check_all(&trace(&loop_of("f0", &body)), &heap, &ins);
    }
    for op in ["float_neg", "float_abs", "float_sqrt", "same_as_f"] {
        let t = trace(&loop_of("f0", &format!("f1 = {op}(f0)\nfinish(f1) g0")));
        let mut words = float_words();
        words.push(0xfff8_0000_0000_1234); // a negative NaN with a payload
        let ins: Vec<Vec<u64>> = words.into_iter().map(|w| vec![w]).collect();
        check_all(&t, &heap, &ins);
    }
}

#[test]
fn sign_bit_ops_keep_nan_payloads() {
    let heap = Heap::new(0, false);
    let t = trace(&loop_of(
        "f0",
        "f1 = float_neg(f0)\nf2 = float_abs(f0)\nfinish(f1, f2) g0",
    ));
    let nan = 0xfff8_0000_0000_1234u64;
    let got = compile_and_run(&t, &heap, &[nan]);
    assert_eq!(got.values, [nan ^ (1 << 63), nan & !(1 << 63)]);
}

#[test]
fn float_comparisons_with_nans_and_zeros() {
    let heap = Heap::new(0, false);
    for op in [
        "float_lt", "float_le", "float_eq", "float_ne", "float_gt", "float_ge",
    ] {
        let t = trace(&loop_of(
            "f0, f1",
            &format!("i2 = {op}(f0, f1)\nfinish(i2) g0"),
        ));
        check_all(&t, &heap, &pairs(&float_words()));
    }
}

#[test]
fn casts_between_ints_and_floats() {
    let heap = Heap::new(0, false);
    let t = trace(&loop_of("i0", "f1 = cast_int_to_float(i0)\nfinish(f1) g0"));
    let ins: Vec<Vec<u64>> = int_words().into_iter().map(|w| vec![w]).collect();
    check_all(&t, &heap, &ins);
    let t = trace(&loop_of("f0", "i1 = cast_float_to_int(f0)\nfinish(i1) g0"));
    let in_range: Vec<Vec<u64>> = FLOATS
        .iter()
        .chain(&[-2.9, 2.9, -0.5, 4503599627370497.0, -9.223372036854775e18])
        .filter(|f| f.abs() < 9.2e18)
        .map(|f| vec![f.to_bits()])
        .collect();
    check_all(&t, &heap, &in_range);
}

#[test]
fn reference_ops() {
    let heap = Heap::new(0, false);
    let refs: Vec<u64> = vec![0, 8, 0x7f00_0000_1000, 0x7f00_0000_1000, u64::MAX - 7];
    for op in ["ptr_eq", "ptr_ne"] {
        let t = trace(&loop_of(
            "p0, p1",
            &format!("i2 = {op}(p0, p1)\nfinish(i2) g0"),
        ));
        check_all(&t, &heap, &pairs(&refs));
    }
    let body = "i1 = cast_ptr_to_int(p0)\np2 = cast_int_to_ptr(i1)\np3 = same_as_r(p2)\n\
                i4 = ptr_eq(p3, ConstPtr(0x7f0000001000))\nfinish(i1, p2, p3, i4, ConstPtr(0x10)) g0";
    let t = trace(&loop_of("p0", body));
    let ins: Vec<Vec<u64>> = refs.iter().map(|&r| vec![r]).collect();
    check_all(&t, &heap, &ins);
}

#[test]
fn value_guards() {
    let heap = Heap::new(0, false);
    let ints: Vec<Vec<u64>> = int_words().into_iter().map(|w| vec![w, w ^ 1]).collect();
    for guard in [
        "guard_true(i0)",
        "guard_false(i0)",
        "guard_value(i0, ConstInt(7))",
        "guard_value(i0, ConstInt(-9223372036854775808))",
    ] {
        let body = format!(
            "{guard} [s0] g0\nfinish(i0) g1\n{}",
            snapshot("i1, -, ConstInt(3), i0, i1")
        );
        check_all(&trace(&loop_of("i0, i1", &body)), &heap, &ints);
    }
    let fl: Vec<Vec<u64>> = float_words().into_iter().map(|w| vec![w]).collect();
    for c in ["-0.0", "1.0", "0x7ff8000000000000"] {
        let body = format!(
            "guard_value(f0, ConstFloat({c})) [s0] g0\nfinish() g1\n{}",
            snapshot("f0")
        );
        check_all(&trace(&loop_of("f0", &body)), &heap, &fl);
    }
    let refs: Vec<Vec<u64>> = [0u64, 8, 0x1000].iter().map(|&r| vec![r]).collect();
    for guard in [
        "guard_nonnull(p0)",
        "guard_isnull(p0)",
        "guard_value(p0, ConstPtr(0x1000))",
    ] {
        let body = format!("{guard} [s0] g0\nfinish(p0) g1\n{}", snapshot("p0"));
        check_all(&trace(&loop_of("p0", &body)), &heap, &refs);
    }
}

#[test]
fn class_guards_read_the_class_word() {
    let heap = Heap::new(0, false);
    // class_offset is 8 in the test env.
    let a: Box<[u64; 2]> = Box::new([0, 0x1230]);
    let b: Box<[u64; 2]> = Box::new([0, 0x4560]);
    let body = format!(
        "guard_class(p0, ConstInt(4656)) [s0] g0\nfinish(p0) g1\n{}",
        snapshot("p0")
    );
    let t = trace(&loop_of("p0", &body));
    let ins = vec![vec![a.as_ptr() as u64], vec![b.as_ptr() as u64]];
    check_all(&t, &heap, &ins);
    let got = compile_and_run(&t, &heap, &ins[0]);
    assert_eq!(got.exit.exit, ExitId(1), "0x1230 is the class");
    let got = compile_and_run(&t, &heap, &ins[1]);
    assert_eq!(got.exit.exit, ExitId(0));
}

#[test]
fn exception_and_invalidation_guards() {
    let heap = Heap::new(0, false);
    let flag: Box<Cell<u64>> = Box::new(Cell::new(0));
    let body = format!(
        "guard_no_exception() [s0] g0\nguard_not_invalidated(ConstInt({})) [s1] g1\nfinish(i0) g2\n{}snapshot s1\n  frame code=0x0 pc=1 [i0, i0]\n",
        flag.as_ptr() as u64,
        snapshot("i0")
    );
    let t = trace(&loop_of("i0", &body));
    let backend = BaselineBackend::new(heap.env);
    backend.compile_loop(&t).unwrap();
    let run = |exc: u64, invalid: u64| {
        flag.set(invalid);
        let mut frame = vec![0; backend.frame_size(t.id).unwrap()];
        frame[0] = 42;
        heap.reset();
        set_exception(exc);
        // SAFETY: the flag cell and the env's words are alive.
        let exit = unsafe { backend.execute(t.id, &mut frame) }.unwrap();
        set_exception(0);
        (exit.exit, frame[..1].to_vec())
    };
    assert_eq!(run(0, 0).0, ExitId(2));
    assert_eq!(run(1, 0), (ExitId(0), vec![42]));
    assert_eq!(run(0, 5), (ExitId(1), vec![42]));
    assert_eq!(run(3, 5).0, ExitId(0));
}

#[test]
fn raw_fields_of_every_size() {
    let heap = Heap::new(0, false);
    let src: Box<[u64; 4]> =
        Box::new([0x8182_8384_f5f6_f7f8, 0x0102_0304_0506_0708, u64::MAX, 0x7f]);
    let dst: Box<[u64; 4]> = Box::new([0; 4]);
    let mut body = String::new();
    let mut loads = Vec::new();
    let mut d = 0;
    for (offset, size) in [
        (0, 1),
        (0, 2),
        (0, 4),
        (0, 8),
        (3, 1),
        (6, 2),
        (4, 4),
        (8, 8),
        (17, 2),
    ] {
        for signed in [false, true] {
            if size == 8 && signed {
                continue;
            }
            let sign = if signed { " signed" } else { "" };
            body += &format!("descr d{d} = field F offset={offset} size={size} int{sign}\n");
            let v = 100 + d;
            body += &format!("i{v} = getfield_raw_i(i0, descr=d{d})\n");
            loads.push(format!("i{v}"));
            d += 1;
        }
    }
    // Stores of each size into `dst`, read back as whole words.
    body += &format!("descr d{d} = field W offset=0 size=8 int\n");
    let word = d;
    d += 1;
    for (offset, size) in [(0, 1), (2, 2), (4, 4), (8, 8), (19, 1), (21, 2)] {
        body += &format!("descr d{d} = field S offset={offset} size={size} int\n");
        body += &format!("setfield_raw(i1, i{}, descr=d{d})\n", 100);
        d += 1;
    }
    body += &format!("i200 = getfield_raw_i(i1, descr=d{word})\n");
    body += &format!("descr d{d} = field W1 offset=8 size=8 int\n");
    body += &format!("i201 = getfield_raw_i(i1, descr=d{d})\n");
    d += 1;
    body += &format!("descr d{d} = field W2 offset=16 size=8 int\n");
    body += &format!("i202 = getfield_raw_i(i1, descr=d{d})\n");
    body += &format!("finish({}, i200, i201, i202) g0\n", loads.join(", "));
    let t = trace(&loop_of("i0, i1", &body));
    check_all(&t, &heap, &[vec![src.as_ptr() as u64, dst.as_ptr() as u64]]);
}

#[test]
fn gc_fields_of_every_type() {
    let heap = Heap::new(0, false);
    let body = "descr d0 = field O.f offset=16 size=8 float
descr d1 = field O.r offset=24 size=8 ref
descr d2 = field O.i offset=8 size=4 int signed
descr d3 = array O.fs base=16 item=8 float len=0 header=0x0
f1 = getfield_gc_f(p0, descr=d0)
f2 = float_mul(f1, ConstFloat(2.0))
setfield_gc(p0, f2, descr=d0)
setfield_gc(p0, p0, descr=d1)
p5 = getfield_gc_r(p0, descr=d1)
i6 = getfield_gc_i(p5, descr=d2)
f7 = getfield_gc_f(p5, descr=d0)
f8 = getarrayitem_gc_f(p5, ConstInt(0), descr=d3)
i9 = ptr_eq(p5, p0)
debug_merge_point(ConstInt(4096), ConstInt(12))
finish(f1, i6, f7, f8, i9) g0";
    let t = trace(&loop_of("p0", body));
    // The trace writes its object: give each run a fresh copy.
    let fresh = || Box::new([0x1u64, 0x1230, 1.5f64.to_bits(), 0]);
    let (a, b) = (fresh(), fresh());
    let want = interpret_loop(&t, &heap, &[a.as_ptr() as u64]);
    let got = compile_and_run(&t, &heap, &[b.as_ptr() as u64]);
    assert!(same_outcome(&t, &want, &got), "{want:x?}\n{got:x?}");
    let three = 3.0f64.to_bits();
    assert_eq!(got.values, [1.5f64.to_bits(), 0x1230, three, three, 1]);
    assert_eq!(b[3], b.as_ptr() as u64);
}

#[test]
fn loop_carried_values_swap() {
    let heap = Heap::new(0, false);
    // Each iteration swaps i0 and i1 (a cycle of moves) and counts i3 down.
    let body = "i4 = int_sub(i3, ConstInt(1))
i5 = int_gt(i4, ConstInt(0))
guard_true(i5) [s0] g0
f7 = cast_int_to_float(i0)
f8 = float_add(f2, f7)
jump(i1, i0, f8, i4)
snapshot s0
  frame code=0x0 pc=0 [f2, i1, i0, i4]
";
    let t = trace(&loop_of("i0, i1, f2, i3", body));
    let ins: Vec<Vec<u64>> = (1..8)
        .map(|n| vec![11, -22i64 as u64, 33.0f64.to_bits(), n])
        .collect();
    check_all(&t, &heap, &ins);
}

#[test]
fn raw_and_gc_array_items() {
    let heap = Heap::new(0, false);
    // A GC array: header, length at 8, items from 16.
    let arr: Box<[u64; 6]> = Box::new([0x99, 4, 0x8081_8283_8485_8687, 2, 3, 0]);
    let buf: Box<[u64; 4]> = Box::new([0; 4]);
    for (item, sign) in [
        (1, ""),
        (1, " signed"),
        (2, ""),
        (2, " signed"),
        (4, ""),
        (4, " signed"),
        (8, ""),
    ] {
        let body = format!(
            "descr d0 = array A base=16 item={item} int{sign} len=8 header=0x99
descr d1 = array B base=0 item={item} int len=0 header=0x0
i2 = getarrayitem_gc_i(p0, i1, descr=d0)
i3 = getarrayitem_gc_i(p0, ConstInt(3), descr=d0)
setarrayitem_raw(ConstInt({}), i1, i2, descr=d1)
i5 = getarrayitem_raw_i(ConstInt({}), i1, descr=d1)
i6 = arraylen_gc(p0, descr=d0)
finish(i2, i3, i5, i6) g0",
            buf.as_ptr() as u64,
            buf.as_ptr() as u64
        );
        let t = trace(&loop_of("p0, i1", &body));
        let ins: Vec<Vec<u64>> = (0..4).map(|i| vec![arr.as_ptr() as u64, i]).collect();
        check_all(&t, &heap, &ins);
    }
    let floats: Box<[f64; 4]> = Box::new([0.5, -1.0, 2.0, f64::NAN]);
    let body = "descr d0 = array F base=0 item=8 float len=0 header=0x0
descr d1 = array R base=0 item=8 ref len=0 header=0x0
f2 = getarrayitem_raw_f(i0, i1, descr=d0)
f3 = float_add(f2, ConstFloat(1.0))
setarrayitem_raw(i0, ConstInt(3), f3, descr=d0)
f5 = getarrayitem_raw_f(i0, ConstInt(3), descr=d0)
p6 = getarrayitem_raw_r(i0, i1, descr=d1)
finish(f2, f5, p6) g0";
    let t = trace(&loop_of("i0, i1", body));
    let ins: Vec<Vec<u64>> = (0..3).map(|i| vec![floats.as_ptr() as u64, i]).collect();
    check_all(&t, &heap, &ins);
}

#[test]
fn large_constant_array_indices_use_a_register() {
    let heap = Heap::new(0, false);
    let buf: Box<[u64; 4]> = Box::new([10, 20, 30, 40]);
    // base + 0x1_0000_0000 * 8 - 0x7_ffff_fff8 * ... : an index whose byte offset does
    // not fit 32 bits, applied to a base that brings it back into the buffer.
    let index: i64 = 0x1_0000_0000;
    let base = (buf.as_ptr() as u64).wrapping_sub((index as u64).wrapping_mul(8)) + 8;
    let body = format!(
        "descr d0 = array A base=0 item=8 int len=0 header=0x0
i1 = getarrayitem_raw_i(i0, ConstInt({index}), descr=d0)
finish(i1) g0"
    );
    let t = trace(&loop_of("i0", &body));
    let got = check_with(&t, &heap, &[base]);
    assert_eq!(got.values, [20]);
}

thread_local! {
    static CALLS: Cell<u64> = const { Cell::new(0) };
}

extern "C" fn f0() -> u64 {
    CALLS.with(|c| c.set(c.get() + 1));
    1000
}
extern "C" fn f1(a: u64) -> u64 {
    a.wrapping_mul(3)
}
extern "C" fn f2(a: u64, b: u64) -> u64 {
    a.wrapping_sub(b)
}
extern "C" fn f3(a: u64, b: u64, c: u64) -> u64 {
    a ^ b.rotate_left(3) ^ c.rotate_left(7)
}
extern "C" fn f4(a: u64, b: u64, c: u64, d: u64) -> u64 {
    a.wrapping_mul(1)
        .wrapping_add(b << 1)
        .wrapping_add(c << 2)
        .wrapping_add(d << 3)
}
extern "C" fn f5(a: u64, b: u64, c: u64, d: u64, e: u64) -> u64 {
    f4(a, b, c, d) ^ e.rotate_left(11)
}
extern "C" fn f6(a: u64, b: u64, c: u64, d: u64, e: u64, f: u64) -> u64 {
    f5(a, b, c, d, e).wrapping_mul(31) ^ f
}
extern "C" fn hypot(a: u64, b: u64) -> u64 {
    f64::from_bits(a).hypot(f64::from_bits(b)).to_bits()
}
extern "C" fn count() -> u64 {
    CALLS.with(|c| c.get())
}
/// A 16-byte-aligned stack local: the compiler places it assuming the ABI's stack
/// alignment at the call, so its address modulo 16 is 0 exactly when the call was
/// aligned.
#[repr(align(16))]
struct Aligned(#[allow(dead_code)] u8);

extern "C" fn misalignment() -> u64 {
    let local = std::hint::black_box(Aligned(1));
    let addr = std::hint::black_box(&local) as *const Aligned as usize;
    (addr % 16) as u64
}

#[test]
fn calls_with_zero_to_six_arguments() {
    let heap = Heap::new(0, false);
    let body = format!(
        "descr d0 = call f0 () -> int
descr d1 = call f1 (int) -> int
descr d2 = call f2 (int, int) -> int
descr d3 = call f3 (int, int, int) -> int
descr d4 = call f4 (int, int, int, int) -> int
descr d5 = call f5 (int, int, int, int, int) -> int
descr d6 = call f6 (int, int, int, int, int, int) -> int
descr d7 = call hypot (float, float) -> float effects=pure
descr d8 = call f0 () -> void
descr d9 = call count () -> int
descr d10 = call f1 (ref) -> ref
descr d11 = call misalignment () -> int
i3 = call_i(ConstInt({}), descr=d0)
i4 = call_i(ConstInt({}), i0, descr=d1)
i5 = call_i(ConstInt({}), i0, i1, descr=d2)
i6 = call_i(ConstInt({}), i0, i1, i4, descr=d3)
i7 = call_i(ConstInt({}), i0, i1, i4, i5, descr=d4)
i8 = call_i(ConstInt({}), i0, i1, i4, i5, ConstInt(-2), descr=d5)
i9 = call_i(i10_fn, i0, i1, i4, i5, i6, i7, descr=d6)
f10 = call_f(ConstInt({}), f2, ConstFloat(4.0), descr=d7)
call_n(ConstInt({}), descr=d8)
i12 = call_i(ConstInt({}), descr=d9)
p13 = call_r(ConstInt({}), ConstPtr(0x10), descr=d10)
i14 = call_i(ConstInt({}), descr=d11)
finish(i3, i4, i5, i6, i7, i8, i9, f10, i12, p13, i14) g0",
        f0 as *const () as usize,
        f1 as *const () as usize,
        f2 as *const () as usize,
        f3 as *const () as usize,
        f4 as *const () as usize,
        f5 as *const () as usize,
        hypot as *const () as usize,
        f0 as *const () as usize,
        count as *const () as usize,
        f1 as *const () as usize,
        misalignment as *const () as usize,
    );
    // The function address of the 6-argument call is a trace value (an input).
    let body = body.replace("i10_fn", "i15");
    let t = trace(&loop_of("i0, i1, f2, i15", &body));
    let ins = vec![
        vec![3, 5, 3.0f64.to_bits(), f6 as *const () as usize as u64],
        vec![
            -1i64 as u64,
            i64::MIN as u64,
            f64::NAN.to_bits(),
            f6 as *const () as usize as u64,
        ],
    ];
    for input in &ins {
        CALLS.with(|c| c.set(0));
        let want = interpret_loop(&t, &heap, input);
        CALLS.with(|c| c.set(0));
        let got = compile_and_run(&t, &heap, input);
        assert!(same_outcome(&t, &want, &got), "{want:x?}\n{got:x?}");
        assert_eq!(got.values[8], 2, "two calls of f0, one through call_n");
        assert_eq!(got.values[10], 0, "calls are made with an aligned stack");
    }
}
