//! The driver end to end on a guest-free trace: a loop compiled by each backend runs until
//! a guard fails inside an "inlined" frame; resume must rebuild both frames and
//! materialize the virtual object the snapshot describes, with the exit's values.

use pyrs_jit_ir::{
    Const, Descr, FieldDescr, FrameSnapshot, Opcode as O, Position, SizeDescr, SnapValue, Snapshot,
    Type, VirtualId, VirtualObject,
};
use pyrs_tracer::{resume, BackEdgeAction, Jit, JitLog, JitParams};
use std::rc::Rc;

fn params() -> JitParams {
    JitParams {
        threshold: 2,
        trace_eagerness: 3,
        ..JitParams::default()
    }
}

/// `while True: i += 1; if i >= limit: <guard fails>` with a snapshot of two frames, the
/// inner one holding a virtual struct {f0: i, f8: 7}.
fn record(jit: &mut Jit, header: Position) -> pyrs_jit_ir::TraceId {
    let mut b = jit.start_loop(header);
    let i = b.input(Type::Int);
    let limit = b.input(Type::Int);
    b.op(O::Label, &[i, limit], None);
    let one = b.const_int(1);
    let i2 = b.op(O::IntAdd, &[i, one], None);
    let lt = b.op(O::IntLt, &[i2, limit], None);
    let size = b.add_descr(Descr::Size(SizeDescr {
        name: "Pair".into(),
        size: 24,
        header: 42,
    }));
    let f0 = b.add_descr(Descr::Field(FieldDescr {
        name: "Pair.a".into(),
        offset: 8,
        ty: Type::Int,
        size: 8,
        signed: true,
    }));
    let f1 = b.add_descr(Descr::Field(FieldDescr {
        name: "Pair.b".into(),
        offset: 16,
        ty: Type::Int,
        size: 8,
        signed: true,
    }));
    let snap = Snapshot {
        frames: vec![
            FrameSnapshot {
                code: 1,
                pc: 10,
                slots: vec![SnapValue::Value(limit), SnapValue::Empty],
            },
            FrameSnapshot {
                code: 2,
                pc: 3,
                slots: vec![SnapValue::Value(i2), SnapValue::Virtual(VirtualId(0))],
            },
        ],
        virtuals: vec![VirtualObject::Struct {
            descr: size,
            fields: vec![
                (f0, SnapValue::Value(i2)),
                (f1, SnapValue::Const(Const::int(7))),
            ],
        }],
        pending_writes: vec![],
    };
    b.guard(O::GuardTrue, &[lt], snap);
    b.op(O::Jump, &[i2, limit], None);
    jit.finish(b).expect("compiles")
}

fn run_on(backend: Rc<dyn pyrs_jit_ir::Backend>) {
    let mut jit = Jit::new(params(), backend, Vec::new(), JitLog::default());
    let header = Position { code: 1, pc: 4 };
    assert_eq!(jit.back_edge(header), BackEdgeAction::Interpret);
    assert_eq!(jit.back_edge(header), BackEdgeAction::Record);
    let id = record(&mut jit, header);
    assert_eq!(jit.back_edge(header), BackEdgeAction::Enter(id));
    let mut frame = vec![0u64; jit.frame_size(id).max(2)];
    frame[0] = 0;
    frame[1] = 5;
    jit.entering();
    // SAFETY: the trace reads only its two integer inputs.
    let exit = unsafe { jit.backend().execute(id, &mut frame) }.expect("runs");
    assert!(!jit.left(exit));
    let (trace, snapshot, fail_args) = jit.exit_info(exit).expect("a guard");
    let mut objects: Vec<Box<[u64; 3]>> = Vec::new();
    let mut alloc = |size: u64, header: u64| {
        assert_eq!(size, 24);
        let mut o = Box::new([header, 0, 0]);
        let addr = o.as_mut_ptr() as u64;
        objects.push(o);
        addr
    };
    // SAFETY: the frame holds the guard's exit values; `alloc` returns 24-byte objects.
    let frames = unsafe { resume(trace, snapshot, fail_args, &frame, &mut alloc) };
    assert_eq!(frames.len(), 2);
    assert_eq!((frames[0].code, frames[0].pc), (1, 10));
    assert_eq!(frames[0].slots, vec![5, 0]);
    assert_eq!(
        (frames[1].code, frames[1].pc, frames[1].slots[0]),
        (2, 3, 5)
    );
    let obj = frames[1].slots[1] as *const u64;
    // SAFETY: `obj` is the box allocated above, still alive in `objects`.
    let fields = unsafe { [*obj, *obj.add(1), *obj.add(2)] };
    assert_eq!(fields, [42, 5, 7]);
    assert_eq!(jit.stats.guard_failures, 1);
    assert!(
        !jit.left(exit) && jit.left(exit),
        "the third failure asks for a bridge"
    );
}

#[test]
fn deopt_from_inlined_frame_with_virtual_ir_interp() {
    let env = pyrs_jit_ir::testing::test_env();
    run_on(Rc::new(pyrs_jit_ir::testing::InterpBackend::new(env)));
}

#[test]
fn deopt_from_inlined_frame_with_virtual_baseline() {
    let env = pyrs_jit_ir::testing::test_env();
    run_on(Rc::new(pyrs_backend_baseline::BaselineBackend::new(env)));
}
