//! Optimization preserves semantics. For thousands of random traces (and copies of them
//! with redundant guards and recomputed pure ops added), every pipeline's output verifies
//! and the IR interpreter leaves it through the same exit, with the same resume state,
//! as the original: the guard's snapshot decoded slot by slot (frames, virtual objects,
//! pending writes), since optimization legitimately turns snapshot values into constants
//! and so changes the raw exit values. Exit ids must match exactly: a guard is only
//! removed when a constant or an earlier guard that passed implies it, so removal never
//! changes which guard fails.
//!
//! Objects a run allocates have different addresses in the two runs: they are matched
//! one-to-one and compared by contents. Traces that turn such an address into an integer
//! (`cast_ptr_to_int`) compute with it, so two runs legitimately differ: they are
//! skipped (a small fraction, checked).

use std::alloc::{alloc_zeroed, Layout};
use std::cell::RefCell;
use std::collections::HashMap;

use pyrs_jit_ir::testing::{
    random_any_trace, random_inputs, random_trace, same_word, test_env, Rng,
};
use pyrs_jit_ir::{
    interpret, print, verify, Const, Exit, ExitId, ExitKind, JitEnv, Op, OpRef, Opcode, SnapValue,
    Snapshot, Trace, TraceBuilder, Type,
};
use pyrs_optimizer::{Config, Pipeline};

thread_local! {
    /// Objects allocated by the current run: address -> size in bytes.
    static FRESH: RefCell<HashMap<u64, u64>> = RefCell::new(HashMap::new());
}

extern "C" fn recording_alloc(size: u64, header: u64) -> u64 {
    let Ok(layout) = Layout::from_size_align(size.max(8) as usize, 8) else {
        return 0;
    };
    // SAFETY: the layout has a non-zero size.
    let p = unsafe { alloc_zeroed(layout) };
    if p.is_null() {
        return 0;
    }
    // SAFETY: `p` is 8-aligned and at least 8 bytes long.
    unsafe { p.cast::<u64>().write(header) };
    FRESH.with(|f| f.borrow_mut().insert(p as u64, size));
    p as u64
}

fn env() -> JitEnv {
    JitEnv {
        alloc: recording_alloc,
        ..test_env()
    }
}

/// A run's exit and the objects it allocated (never freed: they stay readable).
struct Run {
    exit: Exit,
    fresh: HashMap<u64, u64>,
}

fn run(trace: &Trace, inputs: &[u64]) -> Result<Run, String> {
    FRESH.with(|f| f.borrow_mut().clear());
    // SAFETY: random traces only dereference objects they allocate through `env`, whose
    // allocations are never freed.
    let exit =
        unsafe { interpret(trace, &env(), inputs, Some(1000)) }.map_err(|e| e.to_string())?;
    Ok(Run {
        exit,
        fresh: FRESH.with(|f| f.take()),
    })
}

#[derive(Clone, Copy, Debug)]
enum Slot {
    Word(Type, u64),
    Virtual(u32),
    Empty,
}

/// Where a run left and the state it resumes with.
#[derive(Debug)]
struct State {
    kind: ExitKind,
    /// The snapshot with every value blanked: frames, virtuals, writes, descriptors.
    shape: Snapshot,
    slots: Vec<Slot>,
}

fn state(trace: &Trace, exit: &Exit) -> State {
    let op = &trace.ops[exit.op];
    let Some(snap) = op.snapshot.map(|s| &trace.snapshots[s.index()]) else {
        let slots = op
            .args
            .iter()
            .zip(&exit.values)
            .map(|(r, &w)| Slot::Word(r.ty(), w))
            .collect();
        return State {
            kind: exit.kind,
            shape: Snapshot::default(),
            slots,
        };
    };
    let fail_args = snap.fail_args();
    let slots = snap
        .values()
        .map(|v| match *v {
            SnapValue::Value(r) => {
                let k = fail_args.iter().position(|&a| a == r).expect("a fail arg");
                Slot::Word(r.ty(), exit.values[k])
            }
            SnapValue::Const(c) => Slot::Word(c.ty, c.bits),
            SnapValue::Virtual(id) => Slot::Virtual(id.0),
            SnapValue::Empty => Slot::Empty,
        })
        .collect();
    let mut shape = snap.clone();
    for v in shape.values_mut() {
        *v = SnapValue::Empty;
    }
    State {
        kind: exit.kind,
        shape,
        slots,
    }
}

/// Compares words of two runs, pairing the objects each allocated one-to-one.
struct Matcher<'a> {
    a: &'a HashMap<u64, u64>,
    b: &'a HashMap<u64, u64>,
    pairs: HashMap<u64, u64>,
    back: HashMap<u64, u64>,
}

impl Matcher<'_> {
    fn word(&mut self, ty: Type, x: u64, y: u64) -> bool {
        match (self.a.get(&x), self.b.get(&y)) {
            (None, None) => same_word(ty, x, y),
            (Some(&sx), Some(&sy)) => self.object(x, sx, y, sy),
            _ => false,
        }
    }

    fn object(&mut self, x: u64, sx: u64, y: u64, sy: u64) -> bool {
        if let Some(&p) = self.pairs.get(&x) {
            return p == y;
        }
        if self.back.contains_key(&y) || sx != sy {
            return false;
        }
        self.pairs.insert(x, y);
        self.back.insert(y, x);
        (0..sx / 8).all(|k| {
            // SAFETY: both are live allocations of `sx` bytes (never freed), 8-aligned.
            let (wx, wy) = unsafe {
                (
                    *(x as *const u64).add(k as usize),
                    *(y as *const u64).add(k as usize),
                )
            };
            // Fields may hold floats: any two NaNs agree.
            self.word(Type::Float, wx, wy)
        })
    }
}

fn same_state(a: &State, ra: &Run, b: &State, rb: &Run) -> bool {
    let mut m = Matcher {
        a: &ra.fresh,
        b: &rb.fresh,
        pairs: HashMap::new(),
        back: HashMap::new(),
    };
    a.kind == b.kind
        && a.shape == b.shape
        && a.slots.len() == b.slots.len()
        && a.slots.iter().zip(&b.slots).all(|(x, y)| match (*x, *y) {
            (Slot::Word(tx, wx), Slot::Word(ty, wy)) => tx == ty && m.word(tx, wx, wy),
            (Slot::Virtual(i), Slot::Virtual(j)) => i == j,
            (Slot::Empty, Slot::Empty) => true,
            _ => false,
        })
}

/// Whether runs of `t` may compute with object addresses (see the module docs).
fn address_dependent(t: &Trace) -> bool {
    let has = |code: &[Opcode]| t.ops.iter().any(|op| code.contains(&op.opcode));
    has(&[Opcode::CastPtrToInt]) && has(&[Opcode::New, Opcode::NewArray])
}

fn is_plain_guard(code: Opcode) -> bool {
    use Opcode::*;
    matches!(
        code,
        GuardTrue | GuardFalse | GuardValue | GuardNonnull | GuardIsnull | GuardClass
    )
}

/// Turns a copy of guard `g` into one that fails where `g` passes.
fn contradict(g: &mut Op, b: &mut TraceBuilder) {
    use Opcode::*;
    match g.opcode {
        GuardTrue => g.opcode = GuardFalse,
        GuardFalse => g.opcode = GuardTrue,
        GuardNonnull => g.opcode = GuardIsnull,
        GuardIsnull => g.opcode = GuardNonnull,
        GuardValue | GuardClass => {
            if let Some(c) = b.trace().konst(g.args[1]) {
                g.args[1] = b.konst(Const {
                    bits: c.bits ^ 8,
                    ..c
                });
            }
        }
        _ => {}
    }
}

/// A copy of `t` with redundancy added: before some ops, an earlier guard of the same
/// label region is repeated (new exit id, same snapshot; now and then contradicting the
/// original), or an earlier pure op is recomputed and later uses of its value switched
/// to the copy.
fn augment(t: &Trace, seed: u64) -> Trace {
    let mut rng = Rng::new(seed ^ 0xa06e);
    let mut b = TraceBuilder::derived(t);
    let mut map: Vec<OpRef> = t.input_refs();
    let get = |map: &[OpRef], r: OpRef| r.value_index().map_or(r, |i| map[i]);
    let mut guards: Vec<Op> = Vec::new();
    let mut pures: Vec<(usize, Op)> = Vec::new();
    let mut next_exit = 10_000;
    for op in &t.ops {
        let code = op.opcode;
        let insertable = !matches!(
            code,
            Opcode::GuardNoOverflow | Opcode::GuardOverflow | Opcode::Label
        ) && !code.is_final();
        if insertable && !guards.is_empty() && rng.chance(25) {
            let mut g = rng.pick(&guards).clone();
            if rng.chance(20) {
                contradict(&mut g, &mut b);
            }
            g.exit = Some(ExitId(next_exit));
            next_exit += 1;
            b.push(g);
        }
        if insertable && !pures.is_empty() && rng.chance(25) {
            let (old, p) = rng.pick(&pures).clone();
            map[old] = b.push(p);
        }
        if code == Opcode::Label {
            guards.clear();
            pures.clear();
        }
        let mut new = op.clone();
        for a in new.args.iter_mut() {
            *a = get(&map, *a);
        }
        if let Some(s) = op.snapshot {
            let snap = t.snapshots[s.index()].map_values(|r| SnapValue::Value(get(&map, r)));
            new.snapshot = Some(b.add_snapshot(snap));
        }
        let r = b.push(new.clone());
        map.push(r);
        if is_plain_guard(code) {
            guards.push(new);
        } else if code.flags().contains(pyrs_jit_ir::OpFlags::PURE) && r.ty() != Type::Void {
            pures.push((map.len() - 1, new));
        }
    }
    b.finish()
}

fn pipelines() -> Vec<(Vec<&'static str>, Config)> {
    let known = Config {
        class_offset: Some(test_env().class_offset),
    };
    vec![
        (vec!["rewrite", "pure", "dce"], Config::default()),
        (vec!["rewrite", "pure", "dce"], known),
        (vec!["pure", "rewrite", "rewrite", "dce", "pure"], known),
        (vec!["rewrite"], known),
        (vec!["pure"], Config::default()),
        (vec!["dce"], Config::default()),
    ]
}

fn optimize(names: &[&str], config: Config, t: &Trace) -> Trace {
    let mut p = Pipeline::with_config(names, config).unwrap();
    p.set_verify(true);
    let out = p
        .run(t.clone())
        .unwrap_or_else(|e| panic!("{names:?}: {e}\n{}", print(t)));
    verify(&out).unwrap_or_else(|e| panic!("{names:?}: {e}\n{}", print(&out)));
    out
}

/// Checks every pipeline on `t`; returns (ops before, ops after the full pipeline).
fn check_trace(t: &Trace, inputs: &[u64], what: &str) -> (usize, usize) {
    let original = run(t, inputs).unwrap_or_else(|e| panic!("{what}: {e}\n{}", print(t)));
    let want = state(t, &original.exit);
    let mut sizes = (t.ops.len(), t.ops.len());
    for (i, (names, config)) in pipelines().into_iter().enumerate() {
        let opt = optimize(&names, config, t);
        if i == 1 {
            sizes.1 = opt.ops.len();
        }
        let got_run = run(&opt, inputs).unwrap_or_else(|e| {
            panic!(
                "{what} {names:?}: {e}\nbefore:\n{}after:\n{}",
                print(t),
                print(&opt)
            )
        });
        let got = state(&opt, &got_run.exit);
        assert!(
            same_state(&want, &original, &got, &got_run),
            "{what} {names:?}: resume states differ\nwant {want:?}\n got {got:?}\nbefore:\n{}after:\n{}",
            print(t),
            print(&opt)
        );
    }
    sizes
}

#[test]
fn random_traces_keep_their_exits_and_resume_states() {
    let (mut checked, mut skipped, mut before, mut after) = (0, 0, 0, 0);
    for seed in 0..3000 {
        let plain = random_trace(seed);
        if address_dependent(&plain) {
            skipped += 1;
            continue;
        }
        let inputs = random_inputs(&plain, seed);
        for (what, t) in [
            ("plain", plain.clone()),
            ("augmented", augment(&plain, seed)),
        ] {
            let (b, a) = check_trace(&t, &inputs, &format!("seed {seed} {what}"));
            before += b;
            after += a;
            checked += 1;
        }
    }
    assert!(
        skipped * 10 < checked,
        "skipped {skipped} of {}",
        checked / 2 + skipped
    );
    // The pipeline does real work on these traces.
    assert!(after * 10 < before * 9, "{before} ops became {after}");
}

#[test]
fn arbitrary_traces_optimize_to_verified_traces() {
    for seed in 0..2000 {
        let t = random_any_trace(seed);
        for t in [augment(&t, seed), t] {
            for (names, config) in pipelines() {
                optimize(&names, config, &t);
            }
        }
    }
}
