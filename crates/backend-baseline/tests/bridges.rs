//! Loops, bridges (back into their loop, into another loop, bridges of bridges) and
//! re-entrant use, through the `Backend` trait and against `InterpBackend`.

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use common::*;
use pyrs_backend_baseline::BaselineBackend;
use pyrs_jit_ir::testing::{test_env, InterpBackend};
use pyrs_jit_ir::{Backend, ExitId, ExitRef, TraceId};

/// Counts `i0` up to `i1`, summing even numbers into `i2`; the guard on odd `i0` fails.
const LOOP: &str = "\
trace T1 loop
[i0, i1, i2]
label(i0, i1, i2)
i4 = int_and(i0, ConstInt(1))
guard_false(i4) [s0] g0
i6 = int_add(i2, i0)
i7 = int_add(i0, ConstInt(1))
i8 = int_lt(i7, i1)
guard_true(i8) [s1] g1
jump(i7, i1, i6)
snapshot s0
  frame code=0x0 pc=0 [i0, i1, i2]
snapshot s1
  frame code=0x0 pc=9 [i6]
";

/// From the odd guard: adds 100 instead of `i0`, then back into the loop.
const BRIDGE: &str = "\
trace T2 bridge T1.g0
descr d0 = target T1 (int, int, int)
[i0, i1, i2]
i3 = int_add(i2, ConstInt(100))
i4 = int_add(i0, ConstInt(1))
i5 = int_lt(i4, i1)
guard_true(i5) [s0] g0
jump(i4, i1, i3, descr=d0)
snapshot s0
  frame code=0x0 pc=9 [i3, i4]
";

/// From the bridge's end guard: doubles the sum and finishes.
const BRIDGE_OF_BRIDGE: &str = "\
trace T3 bridge T2.g0
[i0, i1]
i2 = int_mul(i0, ConstInt(2))
finish(i2, i1, ConstFloat(0.5)) g0
";

/// A second loop: counts `i0` down, multiplying `i1` by 3 each time; the two labels
/// exercise a preamble, and the jump swaps nothing but moves every value.
const OTHER_LOOP: &str = "\
trace T4 loop
[i0, i1]
label(i0, i1)
i3 = int_add(i1, ConstInt(0))
label(i3, i0)
i5 = int_mul(i3, ConstInt(3))
i6 = int_sub(i0, ConstInt(1))
i7 = int_gt(i6, ConstInt(0))
guard_true(i7) [s0] g0
jump(i5, i6)
snapshot s0
  frame code=0x0 pc=2 [i5, i6]
";

/// From the loop's end guard (fail args: the sum) into the other loop.
const BRIDGE_TO_OTHER: &str = "\
trace T5 bridge T1.g1
descr d0 = target T4 (int, int)
[i0]
jump(i0, ConstInt(4), descr=d0)
";

fn ex(trace: u32, exit: u32) -> ExitRef {
    ExitRef {
        trace: TraceId(trace),
        exit: ExitId(exit),
    }
}

/// Runs loop `id` from `inputs`; returns the exit and the first `k` slots.
fn run(b: &dyn Backend, id: u32, inputs: &[u64], k: usize) -> (ExitRef, Vec<u64>) {
    let mut frame = vec![0u64; b.frame_size(TraceId(id)).unwrap()];
    frame[..inputs.len()].copy_from_slice(inputs);
    // SAFETY: the traces touch no memory.
    let exit = unsafe { b.execute(TraceId(id), &mut frame) }.unwrap();
    (exit, frame[..k].to_vec())
}

/// Loops, a bridge back into its loop, a bridge of that bridge, and a bridge into
/// another loop; returns every observed exit.
fn scenario(b: &dyn Backend) -> Vec<(ExitRef, Vec<u64>)> {
    let mut seen = Vec::new();
    b.compile_loop(&trace(LOOP)).unwrap();
    seen.push(run(b, 1, &[0, 10, 0], 3));
    b.compile_bridge(ex(1, 0), &trace(BRIDGE)).unwrap();
    seen.push(run(b, 1, &[0, 10, 0], 2));
    b.compile_bridge(ex(2, 0), &trace(BRIDGE_OF_BRIDGE))
        .unwrap();
    seen.push(run(b, 1, &[0, 10, 0], 3));
    seen.push(run(b, 1, &[3, 8, 1], 3));
    b.compile_loop(&trace(OTHER_LOOP)).unwrap();
    seen.push(run(b, 4, &[3, 1], 2));
    b.compile_bridge(ex(1, 1), &trace(BRIDGE_TO_OTHER)).unwrap();
    seen.push(run(b, 1, &[4, 5, 1], 2));
    seen
}

#[test]
fn bridges_agree_with_the_interp_backend() {
    let baseline = scenario(&BaselineBackend::new(test_env()));
    let reference = scenario(&InterpBackend::new(test_env()));
    assert_eq!(baseline, reference);
    assert_eq!(
        baseline[0],
        (ex(1, 0), vec![1, 10, 0]),
        "the odd guard's fail args"
    );
    // 0 + 2 + 4 + 6 + 8 from the loop, 5 * 100 from the bridge.
    assert_eq!(baseline[1], (ex(2, 0), vec![520, 10]));
    assert_eq!(baseline[2], (ex(3, 0), vec![1040, 10, 0.5f64.to_bits()]));
    // From 3 to 8 with sum 1: the bridge adds 100 for 3, 5 and 7, the loop 4 and 6; the
    // bridge's guard ends it at 8 and its bridge doubles the sum.
    assert_eq!(baseline[3], (ex(3, 0), vec![622, 8, 0.5f64.to_bits()]));
    assert_eq!(baseline[4], (ex(4, 0), vec![27, 0]));
    // The loop ends at once (sum 5) and its bridge enters T4's second label with (5, 4).
    assert_eq!(baseline[5], (ex(4, 0), vec![405, 0]));
}

#[test]
fn frame_size_grows_with_bridges_and_short_frames_are_refused() {
    let b = BaselineBackend::new(test_env());
    let info = b.compile_loop(&trace(LOOP)).unwrap();
    assert!(info.code_size > 0);
    let small = b.frame_size(TraceId(1)).unwrap();
    assert_eq!(info.frame_size, small);
    let mut big = String::from("trace T2 bridge T1.g0\n[i0, i1, i2]\n");
    for k in 3..60 {
        big += &format!("i{k} = int_add(i{}, ConstInt(1))\n", k - 1);
    }
    big += "finish(i59, i0) g0\n";
    let info = b.compile_bridge(ex(1, 0), &trace(&big)).unwrap();
    let grown = b.frame_size(TraceId(1)).unwrap();
    assert!(grown > small && grown >= 60, "{small} -> {grown}");
    assert_eq!(info.frame_size, grown);
    let mut frame = vec![0u64; small];
    frame[..3].copy_from_slice(&[1, 10, 0]);
    // SAFETY: the traces touch no memory.
    let refused = unsafe { b.execute(TraceId(1), &mut frame) };
    assert!(refused.unwrap_err().message.contains("jitframe"));
    assert_eq!(run(&b, 1, &[1, 10, 0], 2), (ex(2, 0), vec![57, 1]));
}

thread_local! {
    static REENTRANT: RefCell<Option<Rc<BaselineBackend>>> = const { RefCell::new(None) };
}

/// Called from compiled loop T10 on every iteration: on the first, compiles and
/// attaches a bridge needing a large jitframe to T10's guard, and every time runs loop
/// T11 in a nested `execute`, returning its result.
extern "C" fn reentrant_hook(i: u64) -> u64 {
    let Some(b) = REENTRANT.with(|r| r.borrow().clone()) else {
        return u64::MAX;
    };
    if i == 0 {
        let mut big = String::from("trace T12 bridge T10.g0\n[i0, i1]\n");
        for k in 2..50 {
            let prev = if k == 2 { 0 } else { k - 1 };
            big += &format!("i{k} = int_add(i{prev}, i1)\n");
        }
        big += "finish(i49) g0\n";
        b.compile_bridge(ex(10, 0), &trace(&big)).unwrap();
    }
    // T11 doubles its input three times.
    let (exit, values) = run(&*b, 11, &[i, 3], 1);
    assert_eq!(exit, ex(11, 0));
    values[0]
}

#[test]
fn reentrant_compilation_and_execution() {
    let b = Rc::new(BaselineBackend::new(test_env()));
    let inner = "trace T11 loop
[i0, i1]
label(i0, i1)
i2 = int_add(i0, i0)
i3 = int_sub(i1, ConstInt(1))
i4 = int_gt(i3, ConstInt(0))
guard_true(i4) [s0] g0
jump(i2, i3)
snapshot s0
  frame code=0x0 pc=0 [i2]
";
    b.compile_loop(&trace(inner)).unwrap();
    let outer = format!(
        "trace T10 loop
descr d0 = call hook (int) -> int effects=may_force
[i0, i1]
label(i0, i1)
i3 = call_i(ConstInt({}), i0, descr=d0)
i4 = int_add(i1, i3)
i5 = int_add(i0, ConstInt(1))
i6 = int_lt(i5, ConstInt(4))
guard_true(i6) [s0] g0
jump(i5, i4)
snapshot s0
  frame code=0x0 pc=0 [i4, i5]
",
        reentrant_hook as *const () as usize
    );
    b.compile_loop(&trace(&outer)).unwrap();
    REENTRANT.with(|r| *r.borrow_mut() = Some(b.clone()));
    let small = b.frame_size(TraceId(10)).unwrap();
    let mut frame = vec![0u64; small];
    // SAFETY: the traces touch no memory; the hook keeps the backend alive.
    let exit = unsafe { b.execute(TraceId(10), &mut frame) }.unwrap();
    // 8 * (0 + 1 + 2 + 3) = 48. The bridge attached during the run needs more slots
    // than this jitframe has, so the guard exits as if it had no bridge.
    assert_eq!((exit, frame[..2].to_vec()), (ex(10, 0), vec![48, 4]));
    let grown = b.frame_size(TraceId(10)).unwrap();
    assert!(grown > small);
    let mut frame = vec![0u64; grown];
    frame[0] = 1;
    // SAFETY: as above.
    let exit = unsafe { b.execute(TraceId(10), &mut frame) }.unwrap();
    // 8 * (1 + 2 + 3) = 48, then the bridge adds i1 = 4 forty-eight times.
    assert_eq!((exit, frame[0]), (ex(12, 0), 48 + 48 * 4));
    REENTRANT.with(|r| *r.borrow_mut() = None);
}

#[test]
fn refusals_are_errors() {
    let b = BaselineBackend::new(test_env());
    let err = |r: Result<_, pyrs_jit_ir::BackendError>| r.map(|_| ()).unwrap_err().message;
    assert!(err(b.compile_bridge(ex(1, 0), &trace(BRIDGE))).contains("unknown trace T1"));
    b.compile_loop(&trace(LOOP)).unwrap();
    assert!(err(b.compile_loop(&trace(LOOP))).contains("already compiled"));
    assert!(err(b.compile_loop(&trace(BRIDGE))).contains("not a loop"));
    let wrong_inputs = BRIDGE
        .replace("[i0, i1, i2]", "[i0, i1, f2]")
        .replace("i2, ConstInt(100)", "i1, ConstInt(100)");
    assert!(err(b.compile_bridge(ex(1, 0), &trace(&wrong_inputs))).contains("leaves with"));
    assert!(
        err(b.compile_bridge(ex(1, 7), &trace(&BRIDGE.replace("T1.g0", "T1.g7"))))
            .contains("not a guard")
    );
    b.compile_bridge(ex(1, 0), &trace(BRIDGE)).unwrap();
    let again = BRIDGE.replace("trace T2", "trace T9");
    assert!(err(b.compile_bridge(ex(1, 0), &trace(&again))).contains("already has a bridge"));
    let mismatched = BRIDGE.replace("trace T2", "trace T8");
    assert!(
        err(b.compile_bridge(ex(1, 1), &trace(&mismatched))).contains("not a bridge from T1.g1")
    );
    let to_nowhere = BRIDGE_TO_OTHER
        .replace("T1.g1", "T2.g0")
        .replace("[i0]", "[i0, i1]");
    assert!(
        err(b.compile_bridge(ex(2, 0), &trace(&to_nowhere))).contains("T4 is not a compiled loop")
    );
    let mut frame = vec![0u64; 8];
    // SAFETY: nothing runs.
    unsafe {
        assert!(b
            .execute(TraceId(2), &mut frame)
            .unwrap_err()
            .message
            .contains("not a loop"));
        assert!(b
            .execute(TraceId(7), &mut frame)
            .unwrap_err()
            .message
            .contains("unknown"));
    }
    assert_eq!(b.frame_size(TraceId(7)), None);
    assert_eq!(b.disassemble(TraceId(7)), None);
}

#[test]
fn disassembly_shows_ops_and_instructions() {
    let b = BaselineBackend::new(test_env());
    b.compile_loop(&trace(LOOP)).unwrap();
    b.compile_bridge(ex(1, 0), &trace(BRIDGE)).unwrap();
    let text = b.disassemble(TraceId(1)).unwrap();
    assert!(text.starts_with("; T1 loop: "), "{text}");
    for needle in [
        "; entry",
        "; i4 = int_and(i0, ConstInt(1))",
        "; guard_false(i4) [s0] g0",
        "; jump(i7, i1, i6)",
        "; guard g0 failed",
        "; exit stub of guard g1",
        "; epilogue",
        "push    rbp",
        "and     rax, 1",
        "ret",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    let line = text.lines().find(|l| l.contains("push")).unwrap();
    assert!(
        line.starts_with("0x"),
        "instruction lines start with their address: {line}"
    );
    let bridge = b.disassemble(TraceId(2)).unwrap();
    assert!(bridge.starts_with("; T2 bridge from T1.g0"), "{bridge}");
    assert!(bridge.contains("; bridge entry"), "{bridge}");
    assert!(bridge.contains("jmp     rax"), "{bridge}");
}
