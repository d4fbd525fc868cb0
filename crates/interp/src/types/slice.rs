//! `slice`: the object, CPython's index clamping rules (used by every sequence's slicing),
//! and the conversion of index-like values.

use crate::object::{self, SliceObj};
use crate::ops::compare::rich_compare;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};
use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;
use pyrs_frontend::bytecode::CmpOp;

/// A new slice object.
pub fn new_slice(vm: &mut Vm, start: Value, stop: Value, step: Value) -> Value {
    let cls = vm.cls.slice;
    let (v, s) = vm.alloc_obj::<SliceObj>(cls);
    s.start = start;
    s.stop = stop;
    s.step = step;
    v
}

/// Whether `v` is an int or has `__index__`.
pub fn is_index_like(vm: &mut Vm, v: Value) -> bool {
    if crate::types::int::is_int(v) {
        return true;
    }
    let n = vm.names.__index__;
    !crate::ops::lookup_special(vm, v, n).is_null()
}

/// The integer of an index-like value (int or `__index__`) for subscripting: `None` when
/// `v` is not index-like; `IndexError` "cannot fit 'int' into an index-sized integer" when
/// it does not fit in 64 bits (as CPython's `PyNumber_AsSsize_t(v, IndexError)`).
#[inline]
pub fn as_index(vm: &mut Vm, v: Value) -> PyResult<Option<i64>> {
    if let Some(i) = v.as_small() {
        return Ok(Some(i));
    }
    if !is_index_like(vm, v) {
        return Ok(None);
    }
    let b = crate::ops::convert::index(vm, v)?;
    match b.to_i64() {
        Some(i) => Ok(Some(i)),
        None => {
            let t = crate::types::class::type_name(vm, v).to_string();
            Err(vm.index_error(format!("cannot fit '{t}' into an index-sized integer")))
        }
    }
}

/// The integer of a subscript already checked to be index-like, with [`as_index`]'s
/// `IndexError` for one that does not fit in 64 bits.
pub fn subscript_index(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match as_index(vm, v)? {
        Some(i) => Ok(i),
        None => {
            let t = crate::types::class::type_name(vm, v).to_string();
            Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

/// Clamps a big integer into the i64 range (CPython clamps slice bounds to `Py_ssize_t`).
pub fn clamp_i64(b: &BigInt) -> i64 {
    b.to_i64().unwrap_or(if b.sign() == Sign::Minus {
        i64::MIN
    } else {
        i64::MAX
    })
}

/// A slice bound (`start`/`stop`/`step`): `None` for None, else the clamped integer;
/// `TypeError` with `msg` when not index-like.
fn slice_bound(vm: &mut Vm, v: Value, msg: &str) -> PyResult<Option<i64>> {
    if v.is_null() || v == vm.none {
        return Ok(None);
    }
    if let Some(i) = v.as_small() {
        return Ok(Some(i));
    }
    if !is_index_like(vm, v) {
        return Err(vm.type_error(msg));
    }
    let b = crate::ops::convert::index(vm, v)?;
    Ok(Some(clamp_i64(&b)))
}

const SLICE_MSG: &str = "slice indices must be integers or None or have an __index__ method";

/// An optional `start`/`stop` argument of `index()`-style methods (CPython's
/// `_PyEval_SliceIndexNotNone`): clamped, `TypeError` when not index-like.
pub fn slice_index_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Some(i) = v.as_small() {
        return Ok(i);
    }
    if !is_index_like(vm, v) {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    }
    let b = crate::ops::convert::index(vm, v)?;
    Ok(clamp_i64(&b))
}

/// Resolves `start`/`stop` of `index(x, start, stop)` against `len` as CPython does
/// (negative values count from the end, then clamp to `0..=len`).
pub fn index_range(
    vm: &mut Vm,
    start: Option<Value>,
    stop: Option<Value>,
    len: usize,
) -> PyResult<(usize, usize)> {
    let len_i = len as i64;
    let fix = |i: i64| -> usize {
        if i < 0 {
            (i + len_i).max(0) as usize
        } else {
            (i.min(len_i)) as usize
        }
    };
    let s = match start {
        Some(v) => fix(slice_index_arg(vm, v)?),
        None => 0,
    };
    let e = match stop {
        Some(v) => fix(slice_index_arg(vm, v)?),
        None => len,
    };
    Ok((s, e))
}

/// The step and unadjusted bounds of a slice (CPython's `PySlice_Unpack`).
fn unpack(vm: &mut Vm, slice: Value) -> PyResult<(i64, i64, i64)> {
    let Some(s) = object::downcast::<SliceObj>(slice) else {
        return Err(vm.type_error("expected a slice"));
    };
    let (start_v, stop_v, step_v) = (s.start, s.stop, s.step);
    let step = match slice_bound(vm, step_v, SLICE_MSG)? {
        None => 1,
        Some(0) => return Err(vm.value_error("slice step cannot be zero")),
        Some(s) => s.max(-i64::MAX),
    };
    let start = slice_bound(vm, start_v, SLICE_MSG)?.unwrap_or(if step < 0 { i64::MAX } else { 0 });
    let stop =
        slice_bound(vm, stop_v, SLICE_MSG)?.unwrap_or(if step < 0 { i64::MIN } else { i64::MAX });
    Ok((start, stop, step))
}

/// Clamps unpacked slice bounds to a sequence of `len` items (CPython's
/// `PySlice_AdjustIndices`): returns (start, stop, slice length).
pub fn adjust_indices(mut start: i64, mut stop: i64, step: i64, len: usize) -> (i64, i64, usize) {
    let length = len as i64;
    for b in [&mut start, &mut stop] {
        if *b < 0 {
            *b += length;
            if *b < 0 {
                *b = if step < 0 { -1 } else { 0 };
            }
        } else if *b >= length {
            *b = if step < 0 { length - 1 } else { length };
        }
    }
    let n = if step < 0 {
        if stop < start {
            ((start - stop - 1) as u64 / step.unsigned_abs() + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) as u64 / step as u64 + 1) as usize
    } else {
        0
    };
    (start, stop, n)
}

/// The indices a slice selects in a sequence of `len` items, with CPython's clamping:
/// (start, stop, step, slice length). `ValueError` "slice step cannot be zero".
pub fn slice_indices(vm: &mut Vm, slice: Value, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let (start, stop, step) = unpack(vm, slice)?;
    let (start, stop, n) = adjust_indices(start, stop, step, len);
    Ok((start, stop, step, n))
}

/// The indices a slice selects in a sequence of `len` items, on big ints (CPython's
/// `_PySlice_GetLongIndices`, behind `slice.indices` and range slicing): (start, stop,
/// step), clamped as the step's sign requires.
pub fn slice_indices_big(
    vm: &mut Vm,
    slice: Value,
    len: &BigInt,
) -> PyResult<(BigInt, BigInt, BigInt)> {
    let Some(s) = object::downcast::<SliceObj>(slice) else {
        return Err(vm.type_error("expected a slice"));
    };
    let (start_v, stop_v, step_v) = (s.start, s.stop, s.step);
    let step = match big_bound(vm, step_v)? {
        None => BigInt::from(1),
        Some(s) if s.sign() == Sign::NoSign => {
            return Err(vm.value_error("slice step cannot be zero"))
        }
        Some(s) => s,
    };
    let negative = step.sign() == Sign::Minus;
    let lower = if negative {
        BigInt::from(-1)
    } else {
        BigInt::from(0)
    };
    let upper = if negative { len + &lower } else { len.clone() };
    let clamp = |v: BigInt| -> BigInt {
        if v.sign() == Sign::Minus {
            let v = v + len;
            if v < lower {
                lower.clone()
            } else {
                v
            }
        } else if v > upper {
            upper.clone()
        } else {
            v
        }
    };
    let start = match big_bound(vm, start_v)? {
        Some(v) => clamp(v),
        None if negative => upper.clone(),
        None => lower.clone(),
    };
    let stop = match big_bound(vm, stop_v)? {
        Some(v) => clamp(v),
        None if negative => lower.clone(),
        None => upper.clone(),
    };
    Ok((start, stop, step))
}

/// A slice bound as a big int (`None` for None).
fn big_bound(vm: &mut Vm, v: Value) -> PyResult<Option<BigInt>> {
    if v.is_null() || v == vm.none {
        return Ok(None);
    }
    if let Some(i) = v.as_small() {
        return Ok(Some(i.into()));
    }
    if !is_index_like(vm, v) {
        return Err(vm.type_error(SLICE_MSG));
    }
    crate::ops::convert::index(vm, v).map(Some)
}

/// The positions selected by a slice, as an iterator of item indices.
pub fn positions(start: i64, step: i64, n: usize) -> impl Iterator<Item = usize> {
    (0..n).map(move |k| (start + k as i64 * step) as usize)
}

fn receiver<'a>(vm: &mut Vm, args: &Args<'_>) -> PyResult<(Value, &'a mut SliceObj)> {
    match args
        .pos
        .first()
        .and_then(|&s| object::downcast::<SliceObj>(s).map(|o| (s, o)))
    {
        Some(r) => Ok(r),
        None => Err(vm.type_error("descriptor requires a 'slice' object")),
    }
}

fn slice_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let rest = Args {
        pos: args.pos.get(1..).unwrap_or(&[]),
        ..args
    };
    rest.check(vm, "slice", 1, 3)?;
    let none = vm.none;
    let p = rest.pos;
    Ok(match p.len() {
        1 => new_slice(vm, none, p[0], none),
        2 => new_slice(vm, p[0], p[1], none),
        _ => new_slice(vm, p[0], p[1], p[2]),
    })
}

fn field(vm: &mut Vm, args: &Args<'_>, which: usize) -> PyResult {
    let (_, o) = receiver(vm, args)?;
    Ok([o.start, o.stop, o.step][which])
}

fn slice_start(vm: &mut Vm, args: Args<'_>) -> PyResult {
    field(vm, &args, 0)
}

fn slice_stop(vm: &mut Vm, args: Args<'_>) -> PyResult {
    field(vm, &args, 1)
}

fn slice_step(vm: &mut Vm, args: Args<'_>) -> PyResult {
    field(vm, &args, 2)
}

fn slice_indices_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, _) = receiver(vm, &args)?;
    let rest = Args {
        pos: &args.pos[1..],
        ..args
    };
    rest.check(vm, "slice.indices", 1, 1)?;
    let n = crate::ops::convert::index(vm, rest.pos[0])?;
    if n.sign() == Sign::Minus {
        return Err(vm.value_error("length should not be negative"));
    }
    let (start, stop, step) = slice_indices_big(vm, s, &n)?;
    let items = [
        crate::types::int::new_int(vm, start),
        crate::types::int::new_int(vm, stop),
        crate::types::int::new_int(vm, step),
    ];
    Ok(crate::types::tuple::new_tuple(vm, &items))
}

fn slice_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, o) = receiver(vm, &args)?;
    let (a, b, c) = (o.start, o.stop, o.step);
    let a = crate::ops::convert::repr_string(vm, a)?;
    let b = crate::ops::convert::repr_string(vm, b)?;
    let c = crate::ops::convert::repr_string(vm, c)?;
    Ok(crate::types::str::new_str(
        vm,
        &format!("slice({a}, {b}, {c})"),
    ))
}

fn as_tuple3(vm: &mut Vm, s: Value) -> Value {
    match object::downcast::<SliceObj>(s) {
        Some(o) => {
            let items = [o.start, o.stop, o.step];
            crate::types::tuple::new_tuple(vm, &items)
        }
        None => crate::types::tuple::new_tuple(vm, &[]),
    }
}

fn compare(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult {
    let (s, _) = receiver(vm, &args)?;
    let Some(&other) = args.pos.get(1) else {
        return Err(vm.type_error("expected 1 argument, got 0"));
    };
    if !object::is::<SliceObj>(other) {
        return Ok(vm.not_implemented);
    }
    let a = as_tuple3(vm, s);
    let b = as_tuple3(vm, other);
    rich_compare(vm, a, b, op)
}

fn slice_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, CmpOp::Eq)
}
fn slice_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, CmpOp::Ne)
}
fn slice_lt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, CmpOp::Lt)
}
fn slice_le(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, CmpOp::Le)
}
fn slice_gt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, CmpOp::Gt)
}
fn slice_ge(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, CmpOp::Ge)
}

/// Registers the methods.
pub(crate) fn init(vm: &mut Vm) {
    let cls = vm.cls.slice;
    vm.add_staticmethod(cls, "__new__", slice_new);
    vm.add_getset(cls, "start", slice_start, None);
    vm.add_getset(cls, "stop", slice_stop, None);
    vm.add_getset(cls, "step", slice_step, None);
    vm.add_methods(
        cls,
        &[
            ("indices", slice_indices_method),
            ("__repr__", slice_repr),
            ("__eq__", slice_eq),
            ("__ne__", slice_ne),
            ("__lt__", slice_lt),
            ("__le__", slice_le),
            ("__gt__", slice_gt),
            ("__ge__", slice_ge),
        ],
    );
    let none = vm.none;
    vm.add_attr(cls, "__hash__", none);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idx(start: Option<i64>, stop: Option<i64>, step: i64, len: usize) -> (i64, i64, usize) {
        let s = start.unwrap_or(if step < 0 { i64::MAX } else { 0 });
        let e = stop.unwrap_or(if step < 0 { i64::MIN } else { i64::MAX });
        adjust_indices(s, e, step, len)
    }

    #[test]
    fn adjust_matches_cpython() {
        // slice(None).indices(5) == (0, 5, 1)
        assert_eq!(idx(None, None, 1, 5), (0, 5, 5));
        // slice(None, None, -1).indices(5) == (4, -1, -1)
        assert_eq!(idx(None, None, -1, 5), (4, -1, 5));
        // slice(-2, None).indices(5) == (3, 5, 1)
        assert_eq!(idx(Some(-2), None, 1, 5), (3, 5, 2));
        // slice(-100, 100, 2).indices(5) == (0, 5, 2): 0, 2, 4
        assert_eq!(idx(Some(-100), Some(100), 2, 5), (0, 5, 3));
        // slice(10, 2, -3).indices(5) == (4, 2, -3): 4
        assert_eq!(idx(Some(10), Some(2), -3, 5), (4, 2, 1));
        // slice(1, 1).indices(5): empty
        assert_eq!(idx(Some(1), Some(1), 1, 5), (1, 1, 0));
        // empty sequence, reversed
        assert_eq!(idx(None, None, -1, 0), (-1, -1, 0));
        // huge steps do not overflow
        assert_eq!(idx(None, None, i64::MAX, 5), (0, 5, 1));
        assert_eq!(idx(None, None, -i64::MAX, 5), (4, -1, 1));
        assert_eq!(idx(Some(i64::MIN), Some(i64::MAX), 1, 3), (0, 3, 3));
    }

    #[test]
    fn positions_walk_the_slice() {
        let (s, _, n) = idx(None, None, -2, 5);
        assert_eq!(positions(s, -2, n).collect::<Vec<_>>(), vec![4, 2, 0]);
    }
}
