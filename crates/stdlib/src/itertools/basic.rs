//! `count`, `cycle`, `repeat`, `accumulate`, `chain`, `starmap`, `pairwise` and
//! `zip_longest`.

use super::TypeSpec;
use crate::common::{self, boxed_state};
use pyrs_frontend::bytecode::BinOp;
use pyrs_interp::object::{self, Kind};
use pyrs_interp::ops::{self, arith, call, convert, iter};
use pyrs_interp::types::boxed;
use pyrs_interp::types::int::{self, new_i64};
use pyrs_interp::types::str::new_str;
use pyrs_interp::types::tuple::{self, new_tuple};
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, PyResult, Vm};

pub(super) const TYPES: &[TypeSpec] = &[
    TypeSpec {
        key: "itertools.count",
        basetype: true,
        new: Some(count_new),
        methods: &[("__repr__", count_repr)],
    },
    TypeSpec {
        key: "itertools.cycle",
        basetype: true,
        new: Some(cycle_new),
        methods: &[],
    },
    TypeSpec {
        key: "itertools.repeat",
        basetype: true,
        new: Some(repeat_new),
        methods: &[
            ("__repr__", repeat_repr),
            ("__length_hint__", repeat_length_hint),
        ],
    },
    TypeSpec {
        key: "itertools.accumulate",
        basetype: true,
        new: Some(accumulate_new),
        methods: &[],
    },
    TypeSpec {
        key: "itertools.chain",
        basetype: true,
        new: Some(chain_new),
        methods: &[],
    },
    TypeSpec {
        key: "itertools.starmap",
        basetype: true,
        new: Some(starmap_new),
        methods: &[],
    },
    TypeSpec {
        key: "itertools.pairwise",
        basetype: true,
        new: Some(pairwise_new),
        methods: &[],
    },
    TypeSpec {
        key: "itertools.zip_longest",
        basetype: true,
        new: Some(zip_longest_new),
        methods: &[],
    },
];

/// Adds what a [`TypeSpec`] cannot say: `chain.from_iterable` and `__class_getitem__`.
pub(super) fn init_extra(vm: &mut Vm) -> PyResult<()> {
    let chain = common::type_of(vm, "itertools.chain")?;
    vm.add_classmethod(chain, "from_iterable", chain_from_iterable);
    vm.add_classmethod(chain, "__class_getitem__", class_getitem);
    Ok(())
}

fn class_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(args.pos.first().copied().unwrap_or(vm.none))
}

/// The base class registered as `key` and the class being instantiated.
fn classes(vm: &mut Vm, args: &Args<'_>, key: &'static str) -> PyResult<(Value, Value)> {
    let base = common::type_of(vm, key)?;
    let cls = common::new_cls(vm, args, base)?;
    Ok((cls, base))
}

// --- count ---

struct Count {
    next: Value,
    step: Value,
}
boxed_state!(Count { next, step } next: count_next);

/// Whether `v` is a number for `count()` (CPython's `PyNumber_Check`).
fn is_number(vm: &mut Vm, v: Value) -> bool {
    if v.is_small() {
        return true;
    }
    if matches!(
        object::kind_of(v),
        Some(Kind::BigInt | Kind::Bool | Kind::Float | Kind::Complex)
    ) {
        return true;
    }
    ["__index__", "__int__", "__float__", "__complex__"]
        .iter()
        .any(|n| {
            let n = vm.intern(n);
            !ops::lookup_special(vm, v, n).is_null()
        })
}

fn count_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (cls, base) = classes(vm, &args, "itertools.count")?;
    let a = common::parse(vm, &args, 1, "count", &["start", "step"], 0, 2)?;
    let start = a[0].unwrap_or(Value::from_usize(0));
    let step = a[1].unwrap_or(Value::from_usize(1));
    if !is_number(vm, start) || !is_number(vm, step) {
        return Err(vm.type_error("a number is required"));
    }
    let start = if is_int_one(step) && int::is_int(start) && start.as_small().is_none() {
        let b = int::as_bigint(start).unwrap_or_default();
        int::new_int(vm, b)
    } else {
        start
    };
    Ok(common::alloc(vm, cls, base, Count { next: start, step }))
}

/// Whether `v` is an int (or bool) equal to 1: `count` then counts one by one.
fn is_int_one(v: Value) -> bool {
    int::is_int(v) && int::as_i64(v) == Some(1)
}

fn count_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(s) = boxed::state::<Count>(it) else {
        return Ok(None);
    };
    let (cur, step) = (s.next, s.step);
    let next = match (cur.as_small(), step.as_small()) {
        (Some(a), Some(b)) => match a.checked_add(b) {
            Some(n) => new_i64(vm, n),
            None => arith::binary_op(vm, cur, step, BinOp::Add)?,
        },
        _ => arith::binary_op(vm, cur, step, BinOp::Add)?,
    };
    if let Some(s) = boxed::state::<Count>(it) {
        s.next = next;
    }
    Ok(Some(cur))
}

fn count_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = common::this::<Count>(vm, &args, "__repr__", "itertools.count")?;
    let (next, step) = (s.next, s.step);
    let name = common::short_type_name(vm, args.pos[0]);
    let a = convert::repr_string(vm, next)?;
    let text = if is_int_one(step) {
        format!("{name}({a})")
    } else {
        let b = convert::repr_string(vm, step)?;
        format!("{name}({a}, {b})")
    };
    Ok(new_str(vm, &text))
}

// --- cycle ---

struct Cycle {
    it: Value,
    saved: Vec<Value>,
    index: usize,
}
boxed_state!(Cycle { it, saved } next: cycle_next);

fn cycle_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (cls, base) = classes(vm, &args, "itertools.cycle")?;
    if cls == base {
        common::no_kwargs(vm, &args, "cycle")?;
    }
    let pos = &args.pos[1..];
    common::check_count(vm, "cycle", pos.len(), 1, 1)?;
    let it = iter::iter(vm, pos[0])?;
    let st = Cycle {
        it,
        saved: Vec::new(),
        index: 0,
    };
    Ok(common::alloc(vm, cls, base, st))
}

fn cycle_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(s) = boxed::state::<Cycle>(it) else {
        return Ok(None);
    };
    let src = s.it;
    if !src.is_null() {
        if let Some(v) = iter::next(vm, src)? {
            if let Some(s) = boxed::state::<Cycle>(it) {
                s.saved.push(v);
            }
            return Ok(Some(v));
        }
        if let Some(s) = boxed::state::<Cycle>(it) {
            s.it = Value::NULL;
        }
    }
    let Some(s) = boxed::state::<Cycle>(it) else {
        return Ok(None);
    };
    if s.saved.is_empty() {
        return Ok(None);
    }
    let v = s.saved[s.index % s.saved.len()];
    s.index = (s.index + 1) % s.saved.len();
    Ok(Some(v))
}

// --- repeat ---

struct Repeat {
    element: Value,
    /// Items left, or `None` for ever.
    left: Option<i64>,
}
boxed_state!(Repeat { element } next: repeat_next);

fn repeat_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (cls, base) = classes(vm, &args, "itertools.repeat")?;
    let a = common::parse(vm, &args, 1, "repeat", &["object", "times"], 1, 2)?;
    let element = a[0].unwrap_or(vm.none);
    let left = match a[1] {
        Some(t) => Some(convert::index_isize(vm, t)?.max(0)),
        None => None,
    };
    Ok(common::alloc(vm, cls, base, Repeat { element, left }))
}

fn repeat_next(_vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(s) = boxed::state::<Repeat>(it) else {
        return Ok(None);
    };
    match &mut s.left {
        None => Ok(Some(s.element)),
        Some(0) => Ok(None),
        Some(n) => {
            *n -= 1;
            Ok(Some(s.element))
        }
    }
}

fn repeat_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = common::this::<Repeat>(vm, &args, "__repr__", "itertools.repeat")?;
    let (element, left) = (s.element, s.left);
    let name = common::short_type_name(vm, args.pos[0]);
    let Some(_guard) = common::ReprGuard::enter(args.pos[0]) else {
        return Ok(new_str(vm, "..."));
    };
    let e = convert::repr_string(vm, element)?;
    let text = match left {
        Some(n) => format!("{name}({e}, {n})"),
        None => format!("{name}({e})"),
    };
    Ok(new_str(vm, &text))
}

fn repeat_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = common::this::<Repeat>(vm, &args, "__length_hint__", "itertools.repeat")?;
    match s.left {
        Some(n) => Ok(new_i64(vm, n)),
        None => Err(vm.type_error("len() of unsized object")),
    }
}

// --- accumulate ---

struct Accumulate {
    it: Value,
    func: Value,
    total: Value,
    initial: Value,
}
boxed_state!(Accumulate { it, func, total, initial } next: accumulate_next);

fn accumulate_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (cls, base) = classes(vm, &args, "itertools.accumulate")?;
    let a = common::parse(
        vm,
        &args,
        1,
        "accumulate",
        &["iterable", "func", "initial"],
        1,
        2,
    )?;
    let none = vm.none;
    let it = iter::iter(vm, a[0].unwrap_or(none))?;
    let func = match a[1] {
        Some(f) if f != none => f,
        _ => Value::NULL,
    };
    let initial = match a[2] {
        Some(i) if i != none => i,
        _ => Value::NULL,
    };
    let st = Accumulate {
        it,
        func,
        total: Value::NULL,
        initial,
    };
    Ok(common::alloc(vm, cls, base, st))
}

fn accumulate_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(s) = boxed::state::<Accumulate>(it) else {
        return Ok(None);
    };
    if !s.initial.is_null() {
        let v = std::mem::replace(&mut s.initial, Value::NULL);
        s.total = v;
        return Ok(Some(v));
    }
    let (src, func, total) = (s.it, s.func, s.total);
    let Some(v) = iter::next(vm, src)? else {
        return Ok(None);
    };
    let new_total = if total.is_null() {
        v
    } else if func.is_null() {
        arith::binary_op(vm, total, v, BinOp::Add)?
    } else {
        call::call(vm, func, &[total, v])?
    };
    if let Some(s) = boxed::state::<Accumulate>(it) {
        s.total = new_total;
    }
    Ok(Some(new_total))
}

// --- chain ---

struct Chain {
    /// Iterator over the iterables; NULL once exhausted.
    source: Value,
    /// Iterator over the current iterable, or NULL.
    active: Value,
}
boxed_state!(Chain { source, active } next: chain_next);

fn chain_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (cls, base) = classes(vm, &args, "itertools.chain")?;
    if cls == base {
        common::no_kwargs(vm, &args, "chain")?;
    }
    let t = new_tuple(vm, &args.pos[1..]);
    let source = iter::iter(vm, t)?;
    let st = Chain {
        source,
        active: Value::NULL,
    };
    Ok(common::alloc(vm, cls, base, st))
}

fn chain_from_iterable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (cls, base) = classes(vm, &args, "itertools.chain")?;
    if !args.kw.is_empty() || args.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "chain.from_iterable() takes exactly one argument ({} given)",
            args.pos.len() - 1 + args.kw.len()
        )));
    }
    let source = iter::iter(vm, args.pos[1])?;
    let st = Chain {
        source,
        active: Value::NULL,
    };
    Ok(common::alloc(vm, cls, base, st))
}

fn chain_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    loop {
        let Some(s) = boxed::state::<Chain>(it) else {
            return Ok(None);
        };
        let (source, active) = (s.source, s.active);
        if source.is_null() {
            return Ok(None);
        }
        let active = if active.is_null() {
            let next = match iter::next(vm, source) {
                Ok(n) => n,
                Err(e) => {
                    clear_chain(it);
                    return Err(e);
                }
            };
            let Some(iterable) = next else {
                clear_chain(it);
                return Ok(None);
            };
            let a = match iter::iter(vm, iterable) {
                Ok(a) => a,
                Err(e) => {
                    clear_chain(it);
                    return Err(e);
                }
            };
            if let Some(s) = boxed::state::<Chain>(it) {
                s.active = a;
            }
            a
        } else {
            active
        };
        if let Some(v) = iter::next(vm, active)? {
            return Ok(Some(v));
        }
        if let Some(s) = boxed::state::<Chain>(it) {
            s.active = Value::NULL;
        }
    }
}

fn clear_chain(it: Value) {
    if let Some(s) = boxed::state::<Chain>(it) {
        s.source = Value::NULL;
        s.active = Value::NULL;
    }
}

// --- starmap ---

struct Starmap {
    func: Value,
    it: Value,
}
boxed_state!(Starmap { func, it } next: starmap_next);

fn starmap_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (cls, base) = classes(vm, &args, "itertools.starmap")?;
    if cls == base {
        common::no_kwargs(vm, &args, "starmap")?;
    }
    let pos = &args.pos[1..];
    common::check_count(vm, "starmap", pos.len(), 2, 2)?;
    let src = iter::iter(vm, pos[1])?;
    Ok(common::alloc(
        vm,
        cls,
        base,
        Starmap {
            func: pos[0],
            it: src,
        },
    ))
}

fn starmap_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(s) = boxed::state::<Starmap>(it) else {
        return Ok(None);
    };
    let (func, src) = (s.func, s.it);
    let Some(a) = iter::next(vm, src)? else {
        return Ok(None);
    };
    let argv = if object::kind_of(a) == Some(Kind::Tuple) {
        tuple::items(a).to_vec()
    } else {
        iter::collect(vm, a)?
    };
    call::call(vm, func, &argv).map(Some)
}

// --- pairwise ---

struct Pairwise {
    it: Value,
    old: Value,
}
boxed_state!(Pairwise { it, old } next: pairwise_next);

fn pairwise_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (cls, base) = classes(vm, &args, "itertools.pairwise")?;
    if cls == base {
        common::no_kwargs(vm, &args, "pairwise")?;
    }
    let pos = &args.pos[1..];
    common::check_count(vm, "pairwise", pos.len(), 1, 1)?;
    let src = iter::iter(vm, pos[0])?;
    Ok(common::alloc(
        vm,
        cls,
        base,
        Pairwise {
            it: src,
            old: Value::NULL,
        },
    ))
}

fn pairwise_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(s) = boxed::state::<Pairwise>(it) else {
        return Ok(None);
    };
    let (src, mut old) = (s.it, s.old);
    if src.is_null() {
        return Ok(None);
    }
    if old.is_null() {
        match iter::next(vm, src)? {
            Some(v) => old = v,
            None => {
                if let Some(s) = boxed::state::<Pairwise>(it) {
                    s.it = Value::NULL;
                }
                return Ok(None);
            }
        }
        if let Some(s) = boxed::state::<Pairwise>(it) {
            s.old = old;
        }
    }
    let Some(new) = iter::next(vm, src)? else {
        if let Some(s) = boxed::state::<Pairwise>(it) {
            s.it = Value::NULL;
            s.old = Value::NULL;
        }
        return Ok(None);
    };
    if let Some(s) = boxed::state::<Pairwise>(it) {
        s.old = new;
    }
    Ok(Some(new_tuple(vm, &[old, new])))
}

// --- zip_longest ---

struct ZipLongest {
    /// The iterators; NULL for exhausted ones.
    its: Vec<Value>,
    active: usize,
    fill: Value,
}
boxed_state!(ZipLongest { its, fill } next: zip_longest_next);

fn zip_longest_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (cls, base) = classes(vm, &args, "itertools.zip_longest")?;
    let mut fill = vm.none;
    for (k, &v) in args.kwnames.iter().zip(args.kw) {
        if pyrs_interp::types::str::as_str(*k) != Some("fillvalue") {
            return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
        }
        fill = v;
    }
    let mut its = Vec::with_capacity(args.pos.len() - 1);
    for &x in &args.pos[1..] {
        its.push(iter::iter(vm, x)?);
    }
    let active = its.len();
    Ok(common::alloc(
        vm,
        cls,
        base,
        ZipLongest { its, active, fill },
    ))
}

fn zip_longest_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(s) = boxed::state::<ZipLongest>(it) else {
        return Ok(None);
    };
    if s.its.is_empty() || s.active == 0 {
        return Ok(None);
    }
    let its = s.its.clone();
    let fill = s.fill;
    let mut out = Vec::with_capacity(its.len());
    for (i, &x) in its.iter().enumerate() {
        if x.is_null() {
            out.push(fill);
            continue;
        }
        let r = iter::next(vm, x);
        let Some(s) = boxed::state::<ZipLongest>(it) else {
            return Ok(None);
        };
        match r {
            Ok(Some(v)) => out.push(v),
            Ok(None) => {
                s.active -= 1;
                if s.active == 0 {
                    return Ok(None);
                }
                s.its[i] = Value::NULL;
                out.push(fill);
            }
            Err(e) => {
                s.active = 0;
                return Err(e);
            }
        }
    }
    Ok(Some(new_tuple(vm, &out)))
}
