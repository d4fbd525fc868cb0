//! The text form round-trips: `parse(print(t)) == t`, and printing is a fixpoint.

use pyrs_jit_ir::testing::{random_any_trace, random_trace};
use pyrs_jit_ir::{parse, print, verify, Trace};

fn round_trip(t: &Trace) {
    let text = print(t);
    let back = parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(&back, t, "\n{text}");
    assert_eq!(print(&back), text);
}

#[test]
fn random_traces_verify_and_round_trip() {
    for seed in 0..2000 {
        let t = random_any_trace(seed);
        verify(&t).unwrap_or_else(|e| panic!("seed {seed}: {e}\n{}", print(&t)));
        round_trip(&t);
    }
}

#[test]
fn random_executable_traces_verify_and_round_trip() {
    for seed in 0..1000 {
        let t = random_trace(seed);
        verify(&t).unwrap_or_else(|e| panic!("seed {seed}: {e}\n{}", print(&t)));
        round_trip(&t);
    }
}

#[test]
fn every_opcode_appears_in_random_traces() {
    let mut seen = std::collections::HashSet::new();
    for seed in 0..500 {
        for op in random_any_trace(seed).ops {
            seen.insert(op.opcode);
        }
    }
    for op in pyrs_jit_ir::Opcode::ALL {
        assert!(seen.contains(op), "{op} never generated");
    }
}

#[test]
fn hand_written_trace_round_trips() {
    let text = "\
trace T7 loop
descr d0 = field W_Float.floatval offset=16 size=8 float
descr d1 = size W_Float size=24 header=0x2a
descr d2 = call \"float pow\" (float, float) -> float effects=pure
[p0, i1, f2]
label(p0, i1, f2)
debug_merge_point(ConstInt(4096), ConstInt(12))
guard_class(p0, ConstInt(1024)) [s0] g0
f6 = getfield_gc_f(p0, descr=d0)
f7 = call_f(ConstInt(8192), f6, ConstFloat(-0.0), descr=d2)
f8 = float_add(f2, f7)
i9 = int_sub_ovf(i1, ConstInt(1))
guard_no_overflow() [s1] g1
i11 = int_gt(i9, ConstInt(0))
guard_true(i11) [s1] g2
jump(p0, i9, f8)
snapshot s0
  frame code=0x1000 pc=12 [p0, i1, f2]
snapshot s1
  frame code=0x1000 pc=20 [p0, i1, v0]
  virtual v0 = new d1 {d0: f8}
";
    let t = parse(text).unwrap();
    verify(&t).unwrap();
    assert_eq!(print(&t), text);
    round_trip(&t);
}
