//! `product`, `permutations`, `combinations` and `combinations_with_replacement`: the
//! input is read into pools up front; each step advances an index vector in the order
//! CPython's algorithms do.

use super::TypeSpec;
use crate::common::{self, boxed_state};
use pyrs_interp::ops::{convert, iter};
use pyrs_interp::types::boxed;
use pyrs_interp::types::int;
use pyrs_interp::types::tuple::new_tuple;
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, PyResult, Vm};

pub(super) const TYPES: &[TypeSpec] = &[
    TypeSpec {
        key: "itertools.product",
        basetype: true,
        new: Some(product_new),
        methods: &[],
    },
    TypeSpec {
        key: "itertools.permutations",
        basetype: true,
        new: Some(permutations_new),
        methods: &[],
    },
    TypeSpec {
        key: "itertools.combinations",
        basetype: true,
        new: Some(combinations_new),
        methods: &[],
    },
    TypeSpec {
        key: "itertools.combinations_with_replacement",
        basetype: true,
        new: Some(cwr_new),
        methods: &[],
    },
];

fn classes(vm: &mut Vm, args: &Args<'_>, key: &'static str) -> PyResult<(Value, Value)> {
    let base = common::type_of(vm, key)?;
    let cls = common::new_cls(vm, args, base)?;
    Ok((cls, base))
}

/// Where an index-vector iterator is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    First,
    Running,
    Done,
}

// --- product ---

struct Product {
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    phase: Phase,
}
boxed_state!(Product { pools } next: product_next);

fn product_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (cls, base) = classes(vm, &args, "itertools.product")?;
    let mut repeat = 1i64;
    for (k, &v) in args.kwnames.iter().zip(args.kw) {
        let key = pyrs_interp::types::str::as_str(*k).unwrap_or("");
        if key != "repeat" {
            return Err(vm.type_error(format!(
                "'{key}' is an invalid keyword argument for product()"
            )));
        }
        repeat = convert::index_isize(vm, v)?;
    }
    if repeat < 0 {
        return Err(vm.value_error("repeat argument cannot be negative"));
    }
    let mut base_pools = Vec::with_capacity(args.pos.len() - 1);
    for &x in &args.pos[1..] {
        base_pools.push(iter::collect(vm, x)?);
    }
    let total = base_pools.len().saturating_mul(repeat as usize);
    if !vm.heap.can_allocate(total.saturating_mul(8)) {
        return Err(vm.overflow_error("repeat argument too large"));
    }
    let mut pools = Vec::with_capacity(total);
    for _ in 0..repeat {
        pools.extend(base_pools.iter().cloned());
    }
    let indices = vec![0; pools.len()];
    let st = Product {
        pools,
        indices,
        phase: Phase::First,
    };
    Ok(common::alloc(vm, cls, base, st))
}

fn product_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(s) = boxed::state::<Product>(it) else {
        return Ok(None);
    };
    match s.phase {
        Phase::Done => return Ok(None),
        Phase::First => {
            if s.pools.iter().any(|p| p.is_empty()) {
                s.phase = Phase::Done;
                return Ok(None);
            }
            s.phase = Phase::Running;
        }
        Phase::Running => {
            let mut i = s.pools.len();
            loop {
                if i == 0 {
                    s.phase = Phase::Done;
                    return Ok(None);
                }
                i -= 1;
                s.indices[i] += 1;
                if s.indices[i] == s.pools[i].len() {
                    s.indices[i] = 0;
                } else {
                    break;
                }
            }
        }
    }
    let items: Vec<Value> = s.pools.iter().zip(&s.indices).map(|(p, &i)| p[i]).collect();
    Ok(Some(new_tuple(vm, &items)))
}

// --- permutations ---

struct Permutations {
    pool: Vec<Value>,
    r: usize,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    phase: Phase,
}
boxed_state!(Permutations { pool } next: permutations_next);

fn permutations_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (cls, base) = classes(vm, &args, "itertools.permutations")?;
    let a = common::parse(vm, &args, 1, "permutations", &["iterable", "r"], 1, 2)?;
    let none = vm.none;
    let pool = iter::collect(vm, a[0].unwrap_or(none))?;
    let n = pool.len();
    let r = match a[1] {
        Some(r) if r != none => {
            if !int::is_int(r) {
                return Err(vm.type_error("Expected int as r"));
            }
            let r = convert::index_isize(vm, r)?;
            if r < 0 {
                return Err(vm.value_error("r must be non-negative"));
            }
            r as usize
        }
        _ => n,
    };
    let st = Permutations {
        pool,
        r,
        indices: (0..n).collect(),
        cycles: (0..r.min(n)).map(|i| n - i).collect(),
        phase: Phase::First,
    };
    Ok(common::alloc(vm, cls, base, st))
}

fn permutations_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(s) = boxed::state::<Permutations>(it) else {
        return Ok(None);
    };
    let (n, r) = (s.pool.len(), s.r);
    match s.phase {
        Phase::Done => return Ok(None),
        Phase::First => {
            if r > n {
                s.phase = Phase::Done;
                return Ok(None);
            }
            s.phase = Phase::Running;
        }
        Phase::Running => {
            if n == 0 {
                s.phase = Phase::Done;
                return Ok(None);
            }
            let mut i = r;
            loop {
                if i == 0 {
                    s.phase = Phase::Done;
                    return Ok(None);
                }
                i -= 1;
                s.cycles[i] -= 1;
                if s.cycles[i] == 0 {
                    s.indices[i..].rotate_left(1);
                    s.cycles[i] = n - i;
                } else {
                    let j = s.cycles[i];
                    s.indices.swap(i, n - j);
                    break;
                }
            }
        }
    }
    let items: Vec<Value> = s.indices[..r].iter().map(|&i| s.pool[i]).collect();
    Ok(Some(new_tuple(vm, &items)))
}

// --- combinations ---

struct Combinations {
    pool: Vec<Value>,
    indices: Vec<usize>,
    replacement: bool,
    phase: Phase,
}
boxed_state!(Combinations { pool } next: combinations_next);

/// `(iterable, r)` of the combinations constructors.
fn pool_and_r(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(Vec<Value>, usize)> {
    let a = common::parse(vm, args, 1, name, &["iterable", "r"], 2, 2)?;
    let none = vm.none;
    let pool = iter::collect(vm, a[0].unwrap_or(none))?;
    let r = convert::index_isize(vm, a[1].unwrap_or(none))?;
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    Ok((pool, r as usize))
}

fn combinations_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (cls, base) = classes(vm, &args, "itertools.combinations")?;
    let (pool, r) = pool_and_r(vm, &args, "combinations")?;
    let st = Combinations {
        pool,
        indices: (0..r).collect(),
        replacement: false,
        phase: Phase::First,
    };
    Ok(common::alloc(vm, cls, base, st))
}

fn cwr_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (cls, base) = classes(vm, &args, "itertools.combinations_with_replacement")?;
    let (pool, r) = pool_and_r(vm, &args, "combinations_with_replacement")?;
    let st = Combinations {
        pool,
        indices: vec![0; r],
        replacement: true,
        phase: Phase::First,
    };
    Ok(common::alloc(vm, cls, base, st))
}

fn combinations_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(s) = boxed::state::<Combinations>(it) else {
        return Ok(None);
    };
    let (n, r) = (s.pool.len(), s.indices.len());
    match s.phase {
        Phase::Done => return Ok(None),
        Phase::First => {
            let empty = if s.replacement {
                n == 0 && r > 0
            } else {
                r > n
            };
            if empty {
                s.phase = Phase::Done;
                return Ok(None);
            }
            s.phase = Phase::Running;
        }
        Phase::Running => {
            let limit = |i: usize| if s.replacement { n - 1 } else { i + n - r };
            let Some(i) = (0..r).rev().find(|&i| s.indices[i] != limit(i)) else {
                s.phase = Phase::Done;
                return Ok(None);
            };
            if s.replacement {
                let v = s.indices[i] + 1;
                for j in i..r {
                    s.indices[j] = v;
                }
            } else {
                s.indices[i] += 1;
                for j in i + 1..r {
                    s.indices[j] = s.indices[j - 1] + 1;
                }
            }
        }
    }
    let items: Vec<Value> = s.indices.iter().map(|&i| s.pool[i]).collect();
    Ok(Some(new_tuple(vm, &items)))
}
