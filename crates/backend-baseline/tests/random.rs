//! Random traces: `ir::testing::random_trace` loops on the backend and in the IR
//! interpreter must leave through the same exit with the same values; random bridges
//! (into the loop, bridges of bridges) through the `Backend` trait must behave as
//! `InterpBackend`; `random_any_trace` loops (every op) must compile, or be refused for
//! their jump target.

mod common;

use std::cell::Cell;
use std::collections::HashMap;

use common::*;
use pyrs_backend_baseline::BaselineBackend;
use pyrs_jit_ir::testing::{random_any_trace, random_inputs, random_trace, InterpBackend, Rng};
use pyrs_jit_ir::{
    Backend, CallDescr, Descr, Effects, ExitRef, OpRef, Opcode, SnapValue, Snapshot, TargetDescr,
    Trace, TraceBuilder, TraceId, TraceKind, Type,
};

/// Seeds per test: thousands in release builds, fewer in debug builds.
fn seeds(release: u64) -> u64 {
    if cfg!(debug_assertions) {
        release / 10
    } else {
        release
    }
}

/// Three heaps: plain, a roomy nursery with a barrier on every object, a tiny nursery.
fn heaps() -> [Heap; 3] {
    [
        Heap::new(0, false),
        Heap::new(4096, false).with_barrier_mask(1),
        Heap::new(6, true),
    ]
}

#[test]
fn random_loops_match_the_interpreter() {
    let heaps = heaps();
    let mut undefined = 0;
    let n = seeds(20_000);
    for seed in 0..n {
        let t = random_trace(seed);
        let inputs = random_inputs(&t, seed);
        let heap = &heaps[(seed % 3) as usize];
        heap.reset();
        // SAFETY: random traces only touch objects they allocate.
        if unsafe { pyrs_jit_ir::interpret(&t, &heap.env, &inputs, Some(1_000_000)) }.is_err() {
            undefined += 1;
            continue;
        }
        check_with(&t, heap, &inputs);
    }
    assert!(
        undefined < n / 20,
        "{undefined} of {n} traces could not be interpreted"
    );
}

thread_local! {
    static TICKS: Cell<u64> = const { Cell::new(0) };
}

/// Counts bridge entries, so that bridges jumping back into their loop end.
extern "C" fn tick() -> u64 {
    TICKS.with(|t| {
        t.set(t.get() + 1);
        t.get()
    })
}

/// A random bridge from `exit` (leaving with `types`): it counts its entries and, while
/// below `limit`, mixes its inputs and jumps back into `loop_trace`; else its guard
/// fails. Sometimes it finishes instead.
fn random_bridge(
    id: TraceId,
    exit: ExitRef,
    types: &[Type],
    loop_trace: &Trace,
    limit: i64,
    rng: &mut Rng,
) -> Trace {
    let mut b = TraceBuilder::new(id, TraceKind::Bridge { parent: exit });
    let inputs: Vec<OpRef> = types.iter().map(|&t| b.input(t)).collect();
    let call = b.add_descr(Descr::Call(CallDescr {
        name: "tick".into(),
        args: vec![],
        result: Type::Int,
        effects: Effects::NONE,
    }));
    let f = b.const_int(tick as *const () as usize as i64);
    let k = b.op(Opcode::CallI, &[f], Some(call));
    let lim = b.const_int(limit);
    let below = b.op(Opcode::IntLt, &[k, lim], None);
    let mut slots: Vec<SnapValue> = inputs.iter().map(|&r| SnapValue::Value(r)).collect();
    slots.push(SnapValue::Value(k));
    b.guard(Opcode::GuardTrue, &[below], Snapshot::frame(0x10, 3, slots));
    let mut values = inputs.clone();
    for &r in &inputs {
        match r.ty() {
            Type::Int if rng.chance(50) => values.push(b.op(Opcode::IntXor, &[r, k], None)),
            Type::Float if rng.chance(50) => {
                let c = b.const_float(rng.range(-100, 100) as f64 / 8.0);
                values.push(b.op(Opcode::FloatAdd, &[r, c], None));
            }
            _ => {}
        }
    }
    if rng.chance(15) {
        let picked: Vec<OpRef> = values.iter().copied().filter(|_| rng.chance(60)).collect();
        b.op(Opcode::Finish, &picked, None);
        return b.finish();
    }
    let label_types = loop_trace.inputs.clone();
    let mut args = Vec::new();
    for (i, &ty) in label_types.iter().enumerate() {
        let same: Vec<OpRef> = values.iter().copied().filter(|r| r.ty() == ty).collect();
        let arg = if i == 0 {
            // The loop's counter: a few more iterations.
            b.const_int(rng.range(1, 4))
        } else if !same.is_empty() && rng.chance(80) {
            *rng.pick(&same)
        } else {
            match ty {
                Type::Int => b.const_int(rng.range(-50, 50)),
                Type::Float => b.const_float(rng.range(-50, 50) as f64 / 4.0),
                _ => b.const_ptr(8 * (1 + rng.below(1000))),
            }
        };
        args.push(arg);
    }
    let target = b.add_descr(Descr::Target(TargetDescr {
        trace: loop_trace.id,
        args: label_types,
    }));
    b.op(Opcode::Jump, &args, Some(target));
    b.finish()
}

/// Runs loop `id` on `backend` from `inputs` with the heap and ticks rewound.
fn run(
    backend: &dyn Backend,
    traces: &HashMap<TraceId, Trace>,
    id: TraceId,
    heap: &Heap,
    inputs: &[u64],
) -> Outcome {
    TICKS.with(|t| t.set(0));
    let (exit, frame) = execute_loop(backend, id, heap, inputs);
    // The exit may be one of a bridge: take its values from that trace's exit.
    let owner = &traces[&exit.trace];
    let n = owner.exit_op(exit.exit).expect("an exit of its trace");
    Outcome {
        exit,
        values: frame[..owner.exit_args(n).len()].to_vec(),
    }
}

#[test]
fn random_bridges_match_the_interp_backend() {
    let heaps = heaps();
    let (mut attached, mut left_from_bridges) = (0, 0);
    let n = seeds(3000);
    for seed in 0..n {
        let heap = &heaps[(seed % 3) as usize];
        let t = random_trace(seed);
        let inputs = random_inputs(&t, seed);
        heap.reset();
        // SAFETY: random traces only touch objects they allocate.
        if unsafe { pyrs_jit_ir::interpret(&t, &heap.env, &inputs, Some(1_000_000)) }.is_err() {
            continue;
        }
        let baseline = BaselineBackend::new(heap.env);
        let reference = InterpBackend::new(heap.env);
        let backends: [&dyn Backend; 2] = [&baseline, &reference];
        let mut traces = HashMap::new();
        for b in backends {
            b.compile_loop(&t).unwrap();
        }
        traces.insert(t.id, t.clone());
        let mut rng = Rng::new(seed ^ 0xb1d9e);
        for round in 0..4u32 {
            let outs: Vec<Outcome> = backends
                .iter()
                .map(|b| run(*b, &traces, t.id, heap, &inputs))
                .collect();
            let owner = &traces[&outs[0].exit.trace];
            assert!(
                same_outcome(owner, &outs[0], &outs[1]),
                "seed {seed} round {round}\nbaseline: {:x?}\ninterp:   {:x?}\n{}",
                outs[0],
                outs[1],
                pyrs_jit_ir::print(owner)
            );
            let exit = outs[0].exit;
            if exit.trace != t.id {
                left_from_bridges += 1;
            }
            let op = owner.exit_op(exit.exit).expect("an exit");
            if !owner.ops[op].opcode.is_guard() {
                break;
            }
            let types: Vec<Type> = owner.exit_args(op).iter().map(|r| r.ty()).collect();
            let id = TraceId(2000 + round);
            let limit = 3 * (round as i64 + 1);
            let bridge = random_bridge(id, exit, &types, &t, limit, &mut rng);
            for b in backends {
                b.compile_bridge(exit, &bridge).unwrap_or_else(|e| {
                    panic!("seed {seed}: {e}\n{}", pyrs_jit_ir::print(&bridge))
                });
            }
            traces.insert(id, bridge);
            attached += 1;
        }
    }
    assert!(
        attached > n && left_from_bridges > n / 2,
        "{attached} {left_from_bridges}"
    );
}

#[test]
fn any_loop_compiles_or_is_refused_with_a_reason() {
    let mut compiled = 0;
    let n = seeds(6000);
    for seed in 0..n {
        let t = random_any_trace(seed);
        if t.kind != TraceKind::Loop {
            continue;
        }
        let b = BaselineBackend::new(pyrs_jit_ir::testing::test_env());
        match b.compile_loop(&t) {
            Ok(info) => {
                compiled += 1;
                assert!(info.code_size > 0 && info.frame_size >= t.inputs.len());
                let text = b.disassemble(t.id).expect("compiled");
                assert!(text.lines().count() > t.ops.len() / 2);
            }
            Err(e) => assert!(
                e.message.contains("jump target"),
                "seed {seed}: {e}\n{}",
                pyrs_jit_ir::print(&t)
            ),
        }
    }
    assert!(compiled > n / 4, "only {compiled} of {n} compiled");
}
