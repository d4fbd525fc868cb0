//! Folding and simplification agree with the IR interpreter bit for bit. Random straight
//! traces of pure ops over a few inputs, with operands drawn heavily from edge-case
//! constants (0, ±1, shift counts around 64, `i64::MIN`, NaNs, infinities, values just
//! outside the `i64` range...) and repeated operands, end in a `finish` of every value;
//! each is run on edge-case inputs before and after `rewrite` (and the full pipeline),
//! and the finish values must agree. Where the interpreter calls a run undefined (division
//! by zero, an out-of-range float cast), `rewrite` alone must leave it undefined (it never
//! folds such an op); after `dce` anything goes.

use pyrs_jit_ir::testing::{same_word, test_env, Rng};
use pyrs_jit_ir::{
    interpret, print, ArgType, Const, DescrUse, Exit, InterpError, OpFlags, OpRef, Opcode,
    Operands, Trace, TraceBuilder, TraceId, TraceKind, Type,
};
use pyrs_optimizer::Pipeline;

const INTS: &[i64] = &[
    0,
    1,
    -1,
    2,
    3,
    -7,
    8,
    63,
    64,
    65,
    -64,
    i64::MIN,
    i64::MAX,
    i64::MIN + 1,
    1 << 62,
];

const FLOATS: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.5,
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    1e19,
    -1e19,
    9.2e18,
    9_223_372_036_854_775_808.0,
    -9_223_372_036_854_775_808.0,
    5e-324,
];

fn int_value(rng: &mut Rng) -> i64 {
    if rng.chance(70) {
        *rng.pick(INTS)
    } else {
        rng.range(-1000, 1000)
    }
}

fn float_value(rng: &mut Rng) -> f64 {
    if rng.chance(70) {
        *rng.pick(FLOATS)
    } else {
        rng.range(-1000, 1000) as f64 / 8.0
    }
}

fn word(rng: &mut Rng, ty: Type) -> u64 {
    match ty {
        Type::Int => int_value(rng) as u64,
        Type::Float => {
            let f = float_value(rng);
            if f.is_nan() && rng.chance(50) {
                (-f).to_bits()
            } else {
                f.to_bits()
            }
        }
        _ => {
            let random = rng.below(1 << 20) * 8;
            *rng.pick(&[0, 8, 16, random])
        }
    }
}

/// The pure ops without descriptor, with their operand types.
fn pure_ops() -> Vec<(Opcode, &'static [ArgType])> {
    Opcode::ALL
        .iter()
        .filter(|op| op.flags().contains(OpFlags::PURE) && op.descr_use() == DescrUse::None)
        .filter_map(|&op| match op.operands() {
            Operands::Fixed(types) => Some((op, types)),
            _ => None,
        })
        .collect()
}

fn arg_type(a: ArgType) -> Type {
    match a {
        ArgType::Int => Type::Int,
        ArgType::Float => Type::Float,
        _ => Type::Ref,
    }
}

/// A random straight trace of pure ops over inputs `i0, i1, f2, p3`.
fn dense_trace(seed: u64) -> Trace {
    let mut rng = Rng::new(seed);
    let mut b = TraceBuilder::new(TraceId(1), TraceKind::Loop);
    let inputs: Vec<OpRef> = [Type::Int, Type::Int, Type::Float, Type::Ref]
        .iter()
        .map(|&ty| b.input(ty))
        .collect();
    b.op(Opcode::Label, &inputs, None);
    let mut values = inputs.clone();
    let ops = pure_ops();
    for _ in 0..1 + rng.below(12) {
        let (code, types) = *rng.pick(&ops);
        let mut args: Vec<OpRef> = Vec::new();
        for &a in types {
            let ty = arg_type(a);
            let same: Vec<OpRef> = values.iter().copied().filter(|v| v.ty() == ty).collect();
            let r = if args.first().is_some_and(|f| f.ty() == ty) && rng.chance(15) {
                args[0]
            } else if rng.chance(45) || same.is_empty() {
                let c = Const {
                    ty,
                    bits: word(&mut rng, ty),
                };
                b.konst(c)
            } else {
                // Recent values more often, to build chains (double negations, ...).
                let k = same.len() - 1 - (rng.below(same.len() as u64).min(rng.below(3))) as usize;
                same[k]
            };
            args.push(r);
        }
        let r = b.op(code, &args, None);
        values.push(r);
    }
    b.op(Opcode::Finish, &values, None);
    b.finish()
}

fn run(t: &Trace, inputs: &[u64]) -> Result<Exit, InterpError> {
    // SAFETY: the trace has no memory op, call or allocation.
    unsafe { interpret(t, &test_env(), inputs, Some(1)) }
}

fn agree(t: &Trace, a: &Exit, b: &Exit) -> bool {
    let types = t.ops[a.op].args.types();
    a.kind == b.kind
        && a.values.len() == b.values.len()
        && types
            .zip(a.values.iter().zip(&b.values))
            .all(|(ty, (&x, &y))| same_word(ty, x, y))
}

#[test]
fn folding_and_simplification_match_the_interpreter() {
    let mut runs = 0;
    for seed in 0..20_000 {
        let t = dense_trace(seed);
        for names in [&["rewrite"][..], &["pure", "rewrite", "dce"]] {
            let mut p = Pipeline::from_names(names).unwrap();
            p.set_verify(true);
            let opt = p
                .run(t.clone())
                .unwrap_or_else(|e| panic!("seed {seed}: {e}\n{}", print(&t)));
            let mut rng = Rng::new(seed ^ 0x1234);
            for _ in 0..4 {
                let inputs: Vec<u64> = t.inputs.iter().map(|&ty| word(&mut rng, ty)).collect();
                let got = run(&opt, &inputs);
                let want = match run(&t, &inputs) {
                    Err(InterpError::Undefined(_)) => {
                        // Without dce, an undefined op stays: folding never makes it defined.
                        assert!(
                            names.len() > 1 || matches!(got, Err(InterpError::Undefined(_))),
                            "seed {seed} inputs {inputs:x?}: an undefined op was folded\n{}{}",
                            print(&t),
                            print(&opt)
                        );
                        continue;
                    }
                    want => want.unwrap_or_else(|e| panic!("seed {seed}: {e}")),
                };
                let got = got.unwrap_or_else(|_| {
                    panic!(
                        "seed {seed} {names:?} inputs {inputs:x?}: the optimized trace fails\n{}{}",
                        print(&t),
                        print(&opt)
                    )
                });
                assert!(
                    agree(&t, &want, &got),
                    "seed {seed} {names:?} inputs {inputs:x?}:\nwant {:x?}\n got {:x?}\n{}{}",
                    want.values,
                    got.values,
                    print(&t),
                    print(&opt)
                );
                runs += 1;
            }
        }
    }
    assert!(runs > 100_000, "only {runs} defined runs");
}
