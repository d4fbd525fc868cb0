//! `compress`, `dropwhile`, `takewhile`, `filterfalse` and `islice`.

use super::TypeSpec;
use crate::common::{self, boxed_state};
use num_traits::ToPrimitive;
use pyrs_interp::ops::{call, convert, iter};
use pyrs_interp::types::boxed;
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, PyResult, Vm};

pub(super) const TYPES: &[TypeSpec] = &[
    TypeSpec {
        key: "itertools.compress",
        basetype: true,
        new: Some(compress_new),
        methods: &[],
    },
    TypeSpec {
        key: "itertools.dropwhile",
        basetype: true,
        new: Some(dropwhile_new),
        methods: &[],
    },
    TypeSpec {
        key: "itertools.takewhile",
        basetype: true,
        new: Some(takewhile_new),
        methods: &[],
    },
    TypeSpec {
        key: "itertools.filterfalse",
        basetype: true,
        new: Some(filterfalse_new),
        methods: &[],
    },
    TypeSpec {
        key: "itertools.islice",
        basetype: true,
        new: Some(islice_new),
        methods: &[],
    },
];

fn classes(vm: &mut Vm, args: &Args<'_>, key: &'static str) -> PyResult<(Value, Value)> {
    let base = common::type_of(vm, key)?;
    let cls = common::new_cls(vm, args, base)?;
    Ok((cls, base))
}

/// `(predicate, iterator)` of the two-argument constructors.
fn pred_and_iter(
    vm: &mut Vm,
    args: &Args<'_>,
    name: &str,
    base: Value,
    cls: Value,
) -> PyResult<(Value, Value)> {
    if cls == base {
        common::no_kwargs(vm, args, name)?;
    }
    let pos = &args.pos[1..];
    common::check_count(vm, name, pos.len(), 2, 2)?;
    let it = iter::iter(vm, pos[1])?;
    Ok((pos[0], it))
}

// --- compress ---

struct Compress {
    data: Value,
    selectors: Value,
}
boxed_state!(Compress { data, selectors } next: compress_next);

fn compress_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (cls, base) = classes(vm, &args, "itertools.compress")?;
    let a = common::parse(vm, &args, 1, "compress", &["data", "selectors"], 2, 2)?;
    let none = vm.none;
    let data = iter::iter(vm, a[0].unwrap_or(none))?;
    let selectors = iter::iter(vm, a[1].unwrap_or(none))?;
    Ok(common::alloc(vm, cls, base, Compress { data, selectors }))
}

fn compress_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(s) = boxed::state::<Compress>(it) else {
        return Ok(None);
    };
    let (data, selectors) = (s.data, s.selectors);
    loop {
        let Some(d) = iter::next(vm, data)? else {
            return Ok(None);
        };
        let Some(sel) = iter::next(vm, selectors)? else {
            return Ok(None);
        };
        if convert::truthy(vm, sel)? {
            return Ok(Some(d));
        }
    }
}

// --- dropwhile / takewhile ---

struct DropWhile {
    pred: Value,
    it: Value,
    started: bool,
}
boxed_state!(DropWhile { pred, it } next: dropwhile_next);

fn dropwhile_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (cls, base) = classes(vm, &args, "itertools.dropwhile")?;
    let (pred, it) = pred_and_iter(vm, &args, "dropwhile", base, cls)?;
    let st = DropWhile {
        pred,
        it,
        started: false,
    };
    Ok(common::alloc(vm, cls, base, st))
}

fn dropwhile_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(s) = boxed::state::<DropWhile>(it) else {
        return Ok(None);
    };
    let (pred, src) = (s.pred, s.it);
    loop {
        let Some(v) = iter::next(vm, src)? else {
            return Ok(None);
        };
        if boxed::state::<DropWhile>(it).is_some_and(|s| s.started) {
            return Ok(Some(v));
        }
        let r = call::call(vm, pred, &[v])?;
        if !convert::truthy(vm, r)? {
            if let Some(s) = boxed::state::<DropWhile>(it) {
                s.started = true;
            }
            return Ok(Some(v));
        }
    }
}

struct TakeWhile {
    pred: Value,
    it: Value,
    stopped: bool,
}
boxed_state!(TakeWhile { pred, it } next: takewhile_next);

fn takewhile_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (cls, base) = classes(vm, &args, "itertools.takewhile")?;
    let (pred, it) = pred_and_iter(vm, &args, "takewhile", base, cls)?;
    let st = TakeWhile {
        pred,
        it,
        stopped: false,
    };
    Ok(common::alloc(vm, cls, base, st))
}

fn takewhile_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(s) = boxed::state::<TakeWhile>(it) else {
        return Ok(None);
    };
    if s.stopped {
        return Ok(None);
    }
    let (pred, src) = (s.pred, s.it);
    let Some(v) = iter::next(vm, src)? else {
        return Ok(None);
    };
    let r = call::call(vm, pred, &[v])?;
    if convert::truthy(vm, r)? {
        return Ok(Some(v));
    }
    if let Some(s) = boxed::state::<TakeWhile>(it) {
        s.stopped = true;
    }
    Ok(None)
}

// --- filterfalse ---

struct FilterFalse {
    pred: Value,
    it: Value,
}
boxed_state!(FilterFalse { pred, it } next: filterfalse_next);

fn filterfalse_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (cls, base) = classes(vm, &args, "itertools.filterfalse")?;
    let (pred, it) = pred_and_iter(vm, &args, "filterfalse", base, cls)?;
    Ok(common::alloc(vm, cls, base, FilterFalse { pred, it }))
}

fn filterfalse_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(s) = boxed::state::<FilterFalse>(it) else {
        return Ok(None);
    };
    let (pred, src) = (s.pred, s.it);
    loop {
        let Some(v) = iter::next(vm, src)? else {
            return Ok(None);
        };
        let keep = if pred == vm.none || pred == vm.cls.bool_ {
            convert::truthy(vm, v)?
        } else {
            let r = call::call(vm, pred, &[v])?;
            convert::truthy(vm, r)?
        };
        if !keep {
            return Ok(Some(v));
        }
    }
}

// --- islice ---

struct Islice {
    /// The source iterator; NULL once exhausted.
    it: Value,
    /// Index of the next item to return.
    next: i64,
    /// Stop index, or `None` for no limit.
    stop: Option<i64>,
    step: i64,
    /// Items consumed so far.
    count: i64,
}
boxed_state!(Islice { it } next: islice_next);

/// `v` as a C `Py_ssize_t` the way `PyNumber_AsSsize_t(v, NULL)` converts it: ints beyond
/// the range are clamped; `None` when `v` is not an integer (the error is cleared).
fn as_ssize(vm: &mut Vm, v: Value) -> Option<i64> {
    let n = vm.names.__index__;
    if !pyrs_interp::types::int::is_int(v) && pyrs_interp::ops::lookup_special(vm, v, n).is_null() {
        return None;
    }
    match convert::index(vm, v) {
        Ok(b) => Some(
            b.to_i64()
                .unwrap_or(if b.sign() == num_bigint::Sign::Minus {
                    i64::MIN
                } else {
                    i64::MAX
                }),
        ),
        Err(_) => {
            vm.exc = Value::NULL;
            None
        }
    }
}

const STOP_MSG: &str =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const INDEX_MSG: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const STEP_MSG: &str = "Step for islice() must be a positive integer or None.";

/// The stop argument: -1 for None (a given -1 or a non-integer is an error).
fn islice_stop(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v == vm.none {
        return Ok(-1);
    }
    match as_ssize(vm, v) {
        Some(i) if i != -1 => Ok(i),
        _ => Err(vm.value_error(STOP_MSG)),
    }
}

fn islice_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (cls, base) = classes(vm, &args, "itertools.islice")?;
    if cls == base {
        common::no_kwargs(vm, &args, "islice")?;
    }
    let pos = &args.pos[1..];
    common::check_count(vm, "islice", pos.len(), 2, 4)?;
    let none = vm.none;
    let (start, stop) = if pos.len() == 2 {
        (0, islice_stop(vm, pos[1])?)
    } else {
        let start = if pos[1] == none {
            0
        } else {
            as_ssize(vm, pos[1]).unwrap_or(-1)
        };
        (start, islice_stop(vm, pos[2])?)
    };
    if start < 0 || stop < -1 {
        return Err(vm.value_error(INDEX_MSG));
    }
    let step = match pos.get(3) {
        Some(&s) if s != none => as_ssize(vm, s).unwrap_or(-1),
        _ => 1,
    };
    if step < 1 {
        return Err(vm.value_error(STEP_MSG));
    }
    let it = iter::iter(vm, pos[0])?;
    let st = Islice {
        it,
        next: start,
        stop: if stop == -1 { None } else { Some(stop) },
        step,
        count: 0,
    };
    Ok(common::alloc(vm, cls, base, st))
}

fn islice_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(s) = boxed::state::<Islice>(it) else {
        return Ok(None);
    };
    let src = s.it;
    if src.is_null() {
        return Ok(None);
    }
    loop {
        let Some(s) = boxed::state::<Islice>(it) else {
            return Ok(None);
        };
        if s.count >= s.next {
            break;
        }
        if iter::next(vm, src)?.is_none() {
            clear_islice(it);
            return Ok(None);
        }
        if let Some(s) = boxed::state::<Islice>(it) {
            s.count += 1;
        }
    }
    if let Some(s) = boxed::state::<Islice>(it) {
        if s.stop.is_some_and(|stop| s.count >= stop) {
            s.it = Value::NULL;
            return Ok(None);
        }
    }
    let Some(v) = iter::next(vm, src)? else {
        clear_islice(it);
        return Ok(None);
    };
    if let Some(s) = boxed::state::<Islice>(it) {
        s.count += 1;
        let old = s.next;
        s.next = s.next.saturating_add(s.step);
        if let Some(stop) = s.stop {
            if s.next < old || s.next > stop {
                s.next = stop;
            }
        }
    }
    Ok(Some(v))
}

fn clear_islice(it: Value) {
    if let Some(s) = boxed::state::<Islice>(it) {
        s.it = Value::NULL;
    }
}
