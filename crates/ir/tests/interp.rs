//! The IR interpreter: the reference semantics backends are compared with.

use std::sync::atomic::{AtomicU64, Ordering};

use pyrs_jit_ir::testing::{random_inputs, random_trace, test_env};
use pyrs_jit_ir::{
    interpret, parse, print, Exit, ExitId, ExitKind, InterpError, JitEnv, TraceId, WriteBarrier,
};

fn run_env(text: &str, env: &JitEnv, inputs: &[u64]) -> Result<Exit, InterpError> {
    let t = parse(text).unwrap_or_else(|e| panic!("{e}"));
    // SAFETY: the test traces only touch memory the tests own.
    unsafe { interpret(&t, env, inputs, Some(10_000)) }
}

fn run(text: &str, inputs: &[u64]) -> Result<Exit, InterpError> {
    run_env(text, &test_env(), inputs)
}

fn assert_exit(got: Result<Exit, InterpError>, kind: ExitKind, values: &[u64]) {
    let got = got.unwrap();
    assert_eq!((got.kind, got.values.as_slice()), (kind, values));
}

const BRIDGE: &str = "trace T1 bridge T0.g0\n";

#[test]
fn integer_arithmetic() {
    let text = format!(
        "{BRIDGE}[i0, i1]
i2 = int_add(i0, i1)
i3 = int_sub(i0, i1)
i4 = int_mul(i0, i1)
i5 = int_floordiv(i0, ConstInt(-4))
i6 = int_mod(i0, ConstInt(-4))
i7 = int_lshift(i1, ConstInt(65))
i8 = int_rshift(ConstInt(-16), ConstInt(2))
i9 = uint_rshift(ConstInt(-16), ConstInt(60))
i10 = int_neg(i0)
i11 = int_invert(i0)
i12 = uint_lt(ConstInt(-1), i0)
i13 = int_le(i1, i0)
i14 = int_is_zero(i1)
i15 = int_and(i0, ConstInt(6))
i16 = int_xor(i0, i1)
finish(i2, i3, i4, i5, i6, i7, i8, i9, i10, i11, i12, i13, i14, i15, i16) g0
"
    );
    let r = |v: i64| v as u64;
    let want = [
        r(10),
        r(4),
        r(21),
        r(-1),
        r(3),
        r(6),
        r(-4),
        r(15),
        r(-7),
        r(!7),
        0,
        1,
        0,
        6,
        4,
    ];
    let got = run(&text, &[7, 3]).unwrap();
    assert_eq!(got.values, want);
    assert_eq!(got.op, 15);
}

#[test]
fn undefined_integer_ops_are_reported() {
    let text = format!("{BRIDGE}[i0, i1]\ni2 = int_floordiv(i0, i1)\nfinish(i2) g0\n");
    assert_eq!(run(&text, &[7, 0]), Err(InterpError::Undefined(0)));
    assert_eq!(
        run(&text, &[i64::MIN as u64, -1i64 as u64]),
        Err(InterpError::Undefined(0))
    );
    let text = format!("{BRIDGE}[f0]\ni1 = cast_float_to_int(f0)\nfinish(i1) g0\n");
    assert_eq!(
        run(&text, &[f64::NAN.to_bits()]),
        Err(InterpError::Undefined(0))
    );
    assert_eq!(
        run(&text, &[9.3e18f64.to_bits()]),
        Err(InterpError::Undefined(0))
    );
    assert_exit(
        run(&text, &[(-2.9f64).to_bits()]),
        ExitKind::Finish(ExitId(0)),
        &[-2i64 as u64],
    );
    assert!(matches!(
        run(&text, &[]),
        Err(InterpError::InputCount {
            expected: 1,
            got: 0
        })
    ));
}

#[test]
fn overflow_guards_exit_with_their_fail_args() {
    let text = format!(
        "{BRIDGE}[i0, p1]
i2 = int_add_ovf(i0, ConstInt(1))
guard_no_overflow() [s0] g3
i4 = int_mul_ovf(i2, ConstInt(2))
guard_overflow() [s1] g5
finish(i4) g6
snapshot s0
  frame code=0x10 pc=4 [p1, i0, ConstInt(9), p1, -]
snapshot s1
  frame code=0x10 pc=5 [i2]
"
    );
    let max = i64::MAX as u64;
    assert_exit(
        run(&text, &[max, 0x80]),
        ExitKind::Guard(ExitId(3)),
        &[0x80, max],
    );
    assert_exit(run(&text, &[5, 0x80]), ExitKind::Guard(ExitId(5)), &[6]);
    let big = (i64::MAX / 2) as u64;
    assert_exit(
        run(&text, &[big, 0x80]),
        ExitKind::Finish(ExitId(6)),
        &[(big + 1).wrapping_mul(2)],
    );
}

const COUNT: &str = "\
trace T2 loop
[i0, i1, i2]
label(i0, i1, i2)
i4 = int_add(i1, i0)
i5 = int_add(i0, ConstInt(1))
i6 = int_lt(i5, i2)
guard_true(i6) [s0] g0
jump(i5, i4, i2)
snapshot s0
  frame code=0x20 pc=7 [i5, i4]
";

#[test]
fn counting_loop() {
    // sum(range(100)) leaves when i reaches 100.
    assert_exit(
        run(COUNT, &[0, 0, 100]),
        ExitKind::Guard(ExitId(0)),
        &[100, 4950],
    );
    let t = parse(COUNT).unwrap();
    // SAFETY: the trace touches no memory.
    let limited = unsafe { interpret(&t, &test_env(), &[0, 0, 100], Some(10)) };
    assert_eq!(limited, Err(InterpError::IterationLimit(10)));
}

#[test]
fn float_loop() {
    let text = "\
[f0, i1]
label(f0, i1)
f3 = float_mul(f0, ConstFloat(0.5))
f4 = float_add(f3, ConstFloat(1.0))
i5 = int_sub(i1, ConstInt(1))
i6 = int_is_true(i5)
guard_true(i6) [s0] g0
jump(f4, i5)
snapshot s0
  frame code=0x30 pc=1 [f4, i5]
";
    let mut x = 10.0f64;
    for _ in 0..30 {
        x = x * 0.5 + 1.0;
    }
    assert_exit(
        run(text, &[10.0f64.to_bits(), 30]),
        ExitKind::Guard(ExitId(0)),
        &[x.to_bits(), 0],
    );
    let text = "\
[f0, f1]
f2 = float_truediv(f0, f1)
f3 = float_sqrt(f0)
f4 = float_neg(f0)
f5 = float_abs(f4)
i6 = float_ne(f2, f2)
i7 = float_ge(f0, f1)
f8 = cast_int_to_float(ConstInt(-3))
finish(f2, f3, f4, f5, i6, i7, f8) g0
";
    let got = run(
        &format!("{BRIDGE}{text}"),
        &[4.0f64.to_bits(), 0.0f64.to_bits()],
    )
    .unwrap();
    let want = [f64::INFINITY, 2.0, -4.0, 4.0].map(f64::to_bits);
    assert_eq!(&got.values[..4], want);
    assert_eq!(&got.values[4..6], [0, 1]);
    assert_eq!(f64::from_bits(got.values[6]), -3.0);
}

#[test]
fn memory_ops_on_rust_buffers() {
    let mut buf = [0u64; 6];
    buf[1] = 0xffff_fffe; // low 4 bytes: -2 as i32
    buf[2] = 3; // array length
    let addr = buf.as_mut_ptr() as u64;
    let text = format!(
        "{BRIDGE}descr d0 = field B.s offset=8 size=4 int signed
descr d1 = field B.u offset=8 size=4 int
descr d2 = field B.w offset=0 size=8 int
descr d3 = array B.items base=24 item=8 float len=16 header=0x0
descr d4 = field B.b offset=40 size=1 int
[i0, p1, f2]
i3 = getfield_raw_i(i0, descr=d0)
i4 = getfield_raw_i(i0, descr=d1)
setfield_raw(i0, ConstInt(77), descr=d2)
setarrayitem_raw(i0, ConstInt(1), f2, descr=d3)
f7 = getarrayitem_raw_f(i0, ConstInt(1), descr=d3)
i8 = arraylen_gc(p1, descr=d3)
setfield_gc(p1, ConstInt(511), descr=d4)
i10 = getfield_gc_i(p1, descr=d4)
setarrayitem_gc(p1, ConstInt(0), ConstFloat(2.5), descr=d3)
finish(i3, i4, f7, i8, i10) g0
"
    );
    let got = run(&text, &[addr, addr, 1.25f64.to_bits()]).unwrap();
    assert_eq!(
        got.values,
        [-2i64 as u64, 0xffff_fffe, 1.25f64.to_bits(), 3, 0xff]
    );
    assert_eq!(buf[0], 77);
    assert_eq!(f64::from_bits(buf[4]), 1.25);
    assert_eq!(f64::from_bits(buf[3]), 2.5);
    assert_eq!(buf[5], 0xff, "a 1-byte store writes one byte");
}

static BARRIER_CALLS: AtomicU64 = AtomicU64::new(0);

extern "C" fn barrier_slow(_obj: u64) {
    BARRIER_CALLS.fetch_add(1, Ordering::SeqCst);
}

#[test]
fn allocation_and_write_barrier() {
    let text = format!(
        "{BRIDGE}descr d0 = size S size=20 header=0x5
descr d1 = field S.x offset=16 size=8 ref
descr d2 = array A base=16 item=2 int signed len=8 header=0x6
[i0]
p1 = new(descr=d0)
setfield_gc(p1, p1, descr=d1)
p3 = new_array(i0, descr=d2)
setarrayitem_gc(p3, ConstInt(2), ConstInt(-3), descr=d2)
i5 = getarrayitem_gc_i(p3, ConstInt(2), descr=d2)
i6 = arraylen_gc(p3, descr=d2)
p7 = getfield_gc_r(p1, descr=d1)
i8 = ptr_eq(p7, p1)
finish(p1, p3, i5, i6, i8) g0
"
    );
    // Inline allocation in a nursery made of a Rust buffer, falling back to `alloc`.
    let mut nursery = vec![0xdddd_dddd_u64; 5];
    let mut free = nursery.as_mut_ptr() as usize;
    let top = free + 5 * 8;
    let mut env = test_env();
    env.nursery_free = &mut free;
    env.nursery_top = &top;
    env.write_barrier = Some(WriteBarrier {
        flag_mask: 4,
        slow: barrier_slow,
    });
    let got = run_env(&text, &env, &[4]).unwrap();
    let [p1, p3, i5, i6, i8] = got.values[..] else {
        panic!()
    };
    assert_eq!(
        p1,
        nursery.as_ptr() as u64,
        "the object is bumped in the nursery"
    );
    assert_eq!(free, top - 2 * 8, "24 bytes used (20 rounded up)");
    assert_ne!(
        p3,
        p1 + 24,
        "the 24-byte array does not fit: allocated by the slow path"
    );
    assert_eq!((i5 as i64, i6, i8), (-3, 4, 1));
    assert_eq!(&nursery[..3], [0x5, 0, p1]);
    // SAFETY: p3 is a live 24-byte allocation from test_env's allocator.
    let words = unsafe { std::slice::from_raw_parts(p3 as *const u64, 3) };
    assert_eq!(words, [0x6, 4, 0xfffd_0000_0000]);
    assert_eq!(
        BARRIER_CALLS.load(Ordering::SeqCst),
        1,
        "header 5 has flag 4: one slow call"
    );
}

static EXC: AtomicU64 = AtomicU64::new(0);

extern "C" fn sum6(a: u64, b: u64, c: u64, d: u64, e: u64, f: u64) -> u64 {
    a + 10 * b + 100 * c + 1000 * d + 10_000 * e + 100_000 * f
}

extern "C" fn hypot(a: u64, b: u64) -> u64 {
    f64::from_bits(a).hypot(f64::from_bits(b)).to_bits()
}

extern "C" fn raise() -> u64 {
    EXC.store(1, Ordering::SeqCst);
    0
}

#[test]
fn calls_follow_the_call_abi() {
    let f6 = sum6 as *const () as usize;
    let fh = hypot as *const () as usize;
    let fr = raise as *const () as usize;
    let text = format!(
        "{BRIDGE}descr d0 = call sum6 (int, int, int, int, int, int) -> int
descr d1 = call hypot (float, float) -> float effects=pure
descr d2 = call raise () -> void effects=can_raise
[i0]
i1 = call_i(ConstInt({f6}), i0, ConstInt(2), ConstInt(3), ConstInt(4), ConstInt(5), ConstInt(6), descr=d0)
f2 = call_f(ConstInt({fh}), ConstFloat(3.0), ConstFloat(4.0), descr=d1)
guard_no_exception() [s0] g0
call_n(ConstInt({fr}), descr=d2)
guard_no_exception() [s1] g1
finish(i1) g2
snapshot s0
  frame code=0x0 pc=0 []
snapshot s1
  frame code=0x0 pc=1 [f2, i1]
"
    );
    let mut env = test_env();
    env.exc_pending = EXC.as_ptr();
    assert_exit(
        run_env(&text, &env, &[1]),
        ExitKind::Guard(ExitId(1)),
        &[5f64.to_bits(), 654_321],
    );
}

#[test]
fn other_guards() {
    let flag = Box::new(0u64);
    let flag_addr = &*flag as *const u64 as u64;
    let object = [0u64, 0x1234];
    let obj = object.as_ptr() as u64;
    let text = format!(
        "{BRIDGE}[p0, i1, f2]
guard_not_invalidated(ConstInt({flag_addr})) [s0] g0
guard_class(p0, ConstInt(4660)) [s0] g1
guard_nonnull(p0) [s0] g2
guard_value(f2, ConstFloat(1.5)) [s0] g3
guard_false(i1) [s0] g4
guard_isnull(p0) [s0] g5
finish() g6
snapshot s0
  frame code=0x0 pc=0 [i1]
"
    );
    let f = 1.5f64.to_bits();
    assert_exit(run(&text, &[obj, 0, f]), ExitKind::Guard(ExitId(5)), &[0]);
    assert_exit(run(&text, &[obj, 3, f]), ExitKind::Guard(ExitId(4)), &[3]);
    assert_exit(
        run(&text, &[obj, 0, 2f64.to_bits()]),
        ExitKind::Guard(ExitId(3)),
        &[0],
    );
    let other = [0u64, 0x9999];
    assert_exit(
        run(&text, &[other.as_ptr() as u64, 0, f]),
        ExitKind::Guard(ExitId(1)),
        &[0],
    );
    assert_eq!(run(&text, &[0, 0, f]), Err(InterpError::Null(1)));
    let invalidated = Box::new(1u64);
    let text = text.replace(
        &flag_addr.to_string(),
        &(&*invalidated as *const u64 as u64).to_string(),
    );
    assert_exit(run(&text, &[obj, 0, f]), ExitKind::Guard(ExitId(0)), &[0]);
}

#[test]
fn guard_fail_args_cover_virtuals_and_pending_writes_in_order() {
    let text = format!(
        "{BRIDGE}descr d0 = size S size=16 header=0x1
descr d1 = field S.x offset=8 size=8 int
[i0, i1, i2, f3]
i4 = int_add(i0, i1)
guard_true(ConstInt(0)) [s0] g0
finish() g1
snapshot s0
  frame code=0x0 pc=0 [i4, -, ConstInt(1)]
  frame code=0x8 pc=3 [v0, i0, i4]
  virtual v0 = new d0 {{d1: i2}}
  write v0.d1 = i1
"
    );
    assert_exit(
        run(&text, &[1, 2, 3, 0]),
        ExitKind::Guard(ExitId(0)),
        &[3, 1, 3, 2],
    );
}

#[test]
fn jumps_to_other_traces_and_preambles() {
    let text = "trace T4 bridge T2.g0\ndescr d0 = target T2 (int, int)\n[i0]\ni1 = int_mul(i0, ConstInt(3))\njump(i1, i0, descr=d0)\n";
    assert_exit(run(text, &[5]), ExitKind::Jump(TraceId(2)), &[15, 5]);
    // A preamble, then the loop header: jumps go to the last label.
    let text = "\
[i0, i1]
label(i0, i1)
i3 = int_add(i0, ConstInt(100))
label(i3, i1)
i5 = int_add(i3, ConstInt(1))
i6 = int_lt(i5, i1)
guard_true(i6) [s0] g0
jump(i5, i1)
snapshot s0
  frame code=0x0 pc=0 [i5]
";
    assert_exit(run(text, &[0, 110]), ExitKind::Guard(ExitId(0)), &[110]);
}

#[test]
fn invalid_traces_are_rejected_before_running() {
    assert!(matches!(
        run("[i0]\nlabel(i0)\njump(i0, i0)\n", &[1]),
        Err(InterpError::Invalid(_))
    ));
}

#[test]
fn random_traces_run_to_a_guard() {
    let env = test_env();
    let mut exits = [0usize; 2];
    for seed in 0..3000 {
        let t = random_trace(seed);
        let inputs = random_inputs(&t, seed);
        // SAFETY: random traces only dereference objects they allocate through `env`.
        let exit = unsafe { interpret(&t, &env, &inputs, Some(100)) }
            .unwrap_or_else(|e| panic!("seed {seed}: {e}\n{}", print(&t)));
        let ExitKind::Guard(_) = exit.kind else {
            panic!("seed {seed}: {exit:?}")
        };
        assert_eq!(exit.values.len(), t.exit_args(exit.op).len());
        exits[(exit.op == t.ops.len() - 2) as usize] += 1;
    }
    // Both early guard failures and loops that ran out their counter are common.
    assert!(exits[0] > 300 && exits[1] > 300, "{exits:?}");
}
