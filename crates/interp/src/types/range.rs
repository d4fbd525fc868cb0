//! `range` (bounds limited to i64; larger bounds raise `OverflowError`) and its iterator.

use crate::object::{self, RangeIterObj, RangeObj};
use crate::types::class::type_name;
use crate::types::int::new_i64;
use crate::types::list::method_args;
use crate::types::slice::{as_index, slice_indices};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};
use num_traits::ToPrimitive;

/// A new range object (`step` must be non-zero).
pub fn new_range(vm: &mut Vm, start: i64, stop: i64, step: i64) -> Value {
    let cls = vm.cls.range;
    let (v, r) = vm.alloc_obj::<RangeObj>(cls);
    r.start = start;
    r.stop = stop;
    r.step = step;
    v
}

/// The number of items of range(start, stop, step) (`step` non-zero).
pub fn range_len(start: i64, stop: i64, step: i64) -> u128 {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    if step > 0 && start < stop {
        ((stop - start - 1) / step + 1) as u128
    } else if step < 0 && start > stop {
        ((start - stop - 1) / (-step) + 1) as u128
    } else {
        0
    }
}

/// The next value of a range iterator, or `None` once exhausted (FOR_ITER's fast path).
#[inline]
pub fn range_iter_next(it: &mut RangeIterObj) -> Option<i64> {
    if it.remaining == 0 {
        return None;
    }
    let v = it.next;
    it.remaining -= 1;
    if it.remaining > 0 {
        it.next = v.wrapping_add(it.step);
    }
    Some(v)
}

/// A new iterator over `remaining` values from `start` by `step`.
pub fn new_range_iter(vm: &mut Vm, start: i64, step: i64, remaining: u64) -> Value {
    let cls = vm.cls.range_iterator;
    let (v, it) = vm.alloc_obj::<RangeIterObj>(cls);
    it.next = start;
    it.step = step;
    it.remaining = remaining;
    v
}

fn this<'a>(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<&'a mut RangeObj> {
    match args
        .pos
        .first()
        .and_then(|&v| object::downcast::<RangeObj>(v))
    {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!("descriptor '{name}' requires a 'range' object"))),
    }
}

fn to_i64(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Some(i) = v.as_small() {
        return Ok(i);
    }
    let b = crate::ops::convert::index(vm, v)?;
    match b.to_i64() {
        Some(i) => Ok(i),
        None => Err(vm.overflow_error("Python int too large to convert to C long")),
    }
}

fn len_of(vm: &mut Vm, r: &RangeObj) -> PyResult<usize> {
    let n = range_len(r.start, r.stop, r.step);
    if n > i64::MAX as u128 {
        return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
    }
    Ok(n as usize)
}

fn item_at(start: i64, step: i64, i: u128) -> i64 {
    (start as i128 + i as i128 * step as i128) as i64
}

fn d_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let rest = Args {
        pos: args.pos.get(1..).unwrap_or(&[]),
        ..args
    };
    rest.check(vm, "range", 1, 3)?;
    let p = rest.pos;
    let (start, stop, step) = match p.len() {
        1 => (0, to_i64(vm, p[0])?, 1),
        2 => (to_i64(vm, p[0])?, to_i64(vm, p[1])?, 1),
        _ => {
            let a = to_i64(vm, p[0])?;
            let b = to_i64(vm, p[1])?;
            let c = to_i64(vm, p[2])?;
            if c == 0 {
                return Err(vm.value_error("range() arg 3 must not be zero"));
            }
            (a, b, c)
        }
    };
    Ok(new_range(vm, start, stop, step))
}

fn d_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "__len__")?;
    method_args(vm, &args, "range.__len__", 0, 0)?;
    let n = len_of(vm, r)?;
    Ok(new_i64(vm, n as i64))
}

fn d_bool(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "__bool__")?;
    let b = range_len(r.start, r.stop, r.step) > 0;
    Ok(vm.bool(b))
}

/// `r[index]`: int or slice.
pub fn getitem(vm: &mut Vm, rv: Value, index: Value) -> PyResult {
    let Some(r) = object::downcast::<RangeObj>(rv) else {
        return Err(vm.type_error("expected a range"));
    };
    let (start, stop, step) = (r.start, r.stop, r.step);
    let n = range_len(start, stop, step);
    if let Some(i) = as_index(vm, index)? {
        let j = if i < 0 {
            i as i128 + n as i128
        } else {
            i as i128
        };
        if j < 0 || j as u128 >= n {
            return Err(vm.index_error("range object index out of range"));
        }
        return Ok(new_i64(vm, item_at(start, step, j as u128)));
    }
    if object::is::<object::SliceObj>(index) {
        let len = (n.min(i64::MAX as u128)) as usize;
        let (s_start, s_stop, s_step, _) = slice_indices(vm, index, len)?;
        let calc = |k: i64| -> i128 { start as i128 + k as i128 * step as i128 };
        let new_step = step as i128 * s_step as i128;
        let (a, b) = (calc(s_start), calc(s_stop));
        let fits = |x: i128| x >= i64::MIN as i128 && x <= i64::MAX as i128;
        if !fits(a) || !fits(b) || !fits(new_step) {
            return Err(vm.overflow_error("Python int too large to convert to C long"));
        }
        return Ok(new_range(vm, a as i64, b as i64, new_step as i64));
    }
    let t = type_name(vm, index).to_string();
    Err(vm.type_error(format!("range indices must be integers or slices, not {t}")))
}

fn d_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(vm, &args, "__getitem__")?;
    let a = method_args(vm, &args, "range.__getitem__", 1, 1)?;
    getitem(vm, args.pos[0], a[0])
}

/// Whether the int `x` is one of the range's values.
fn contains_int((start, stop, step): (i64, i64, i64), x: &num_bigint::BigInt) -> bool {
    let Some(x) = x.to_i128() else { return false };
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let inside = if step > 0 {
        x >= start && x < stop
    } else {
        x <= start && x > stop
    };
    inside && (x - start) % step == 0
}

fn is_exact_int(vm: &Vm, v: Value) -> bool {
    v.is_small() || {
        let c = crate::types::class::class_of(vm, v);
        c == vm.cls.int || c == vm.cls.bool_
    }
}

fn d_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "__contains__")?;
    let a = method_args(vm, &args, "range.__contains__", 1, 1)?;
    if is_exact_int(vm, a[0]) {
        let b = crate::types::int::as_bigint(a[0]).unwrap_or_default();
        return Ok(vm.bool(contains_int((r.start, r.stop, r.step), &b)));
    }
    let (start, stop, step) = (r.start, r.stop, r.step);
    let n = range_len(start, stop, step);
    let mut i: u128 = 0;
    while i < n {
        let v = new_i64(vm, item_at(start, step, i));
        if crate::types::list::item_eq(vm, v, a[0])? {
            return Ok(vm.true_);
        }
        i += 1;
    }
    Ok(vm.false_)
}

fn d_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "__iter__")?;
    method_args(vm, &args, "range.__iter__", 0, 0)?;
    let (start, step) = (r.start, r.step);
    let n = len_of(vm, r)?;
    Ok(new_range_iter(vm, start, step, n as u64))
}

fn d_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "__reversed__")?;
    method_args(vm, &args, "range.__reversed__", 0, 0)?;
    let n = len_of(vm, r)?;
    if n == 0 {
        return Ok(new_range_iter(vm, 0, 1, 0));
    }
    let last = item_at(r.start, r.step, n as u128 - 1);
    let Some(step) = r.step.checked_neg() else {
        return Err(vm.overflow_error("Python int too large to convert to C long"));
    };
    Ok(new_range_iter(vm, last, step, n as u64))
}

/// Whether two ranges hold the same values.
fn same(a: &RangeObj, b: &RangeObj) -> bool {
    let n = range_len(a.start, a.stop, a.step);
    if n != range_len(b.start, b.stop, b.step) {
        return false;
    }
    n == 0 || (a.start == b.start && (n == 1 || a.step == b.step))
}

fn eq_common(vm: &mut Vm, args: &Args<'_>) -> PyResult<Option<bool>> {
    let r = this(vm, args, "__eq__")?;
    let a = method_args(vm, args, "range.__eq__", 1, 1)?;
    Ok(object::downcast::<RangeObj>(a[0]).map(|o| same(r, o)))
}

fn d_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(match eq_common(vm, &args)? {
        Some(b) => vm.bool(b),
        None => vm.not_implemented,
    })
}

fn d_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(match eq_common(vm, &args)? {
        Some(b) => vm.bool(!b),
        None => vm.not_implemented,
    })
}

fn d_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "__hash__")?;
    let (start, stop, step) = (r.start, r.stop, r.step);
    let n = range_len(start, stop, step);
    let none = vm.none;
    let hn = crate::ops::hash::hash(vm, none)?;
    let hs = [
        crate::ops::hash::hash_i64(n.min(i64::MAX as u128) as i64),
        if n == 0 {
            hn
        } else {
            crate::ops::hash::hash_i64(start)
        },
        if n <= 1 {
            hn
        } else {
            crate::ops::hash::hash_i64(step)
        },
    ];
    let h = crate::ops::hash::hash_tuple_items(&hs);
    Ok(new_i64(vm, h))
}

fn d_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "__repr__")?;
    let s = if r.step == 1 {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    };
    Ok(crate::types::str::new_str(vm, &s))
}

fn m_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "count")?;
    let a = method_args(vm, &args, "range.count", 1, 1)?;
    if is_exact_int(vm, a[0]) {
        let b = crate::types::int::as_bigint(a[0]).unwrap_or_default();
        return Ok(Value::from_usize(
            contains_int((r.start, r.stop, r.step), &b) as usize,
        ));
    }
    let (start, stop, step) = (r.start, r.stop, r.step);
    let n = range_len(start, stop, step);
    let mut count = 0usize;
    let mut i: u128 = 0;
    while i < n {
        let v = new_i64(vm, item_at(start, step, i));
        if crate::types::list::item_eq(vm, v, a[0])? {
            count += 1;
        }
        i += 1;
    }
    Ok(Value::from_usize(count))
}

fn m_index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "index")?;
    let a = method_args(vm, &args, "range.index", 1, 1)?;
    let (start, stop, step) = (r.start, r.stop, r.step);
    if is_exact_int(vm, a[0]) {
        let b = crate::types::int::as_bigint(a[0]).unwrap_or_default();
        if contains_int((start, stop, step), &b) {
            let x = b.to_i128().unwrap_or(0);
            let idx = (x - start as i128) / step as i128;
            return Ok(new_i64(vm, idx as i64));
        }
    } else {
        let n = range_len(start, stop, step);
        let mut i: u128 = 0;
        while i < n {
            let v = new_i64(vm, item_at(start, step, i));
            if crate::types::list::item_eq(vm, v, a[0])? {
                return Ok(new_i64(vm, i as i64));
            }
            i += 1;
        }
        return Err(vm.value_error("sequence.index(x): x not in sequence"));
    }
    let s = crate::ops::convert::repr_string(vm, a[0])?;
    Err(vm.value_error(format!("{s} is not in range")))
}

fn g_start(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "start")?;
    let v = r.start;
    Ok(new_i64(vm, v))
}

fn g_stop(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "stop")?;
    let v = r.stop;
    Ok(new_i64(vm, v))
}

fn g_step(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "step")?;
    let v = r.step;
    Ok(new_i64(vm, v))
}

/// Registers the methods.
pub(crate) fn init(vm: &mut Vm) {
    let cls = vm.cls.range;
    vm.add_staticmethod(cls, "__new__", d_new);
    vm.add_getset(cls, "start", g_start, None);
    vm.add_getset(cls, "stop", g_stop, None);
    vm.add_getset(cls, "step", g_step, None);
    vm.add_methods(
        cls,
        &[
            ("__len__", d_len),
            ("__bool__", d_bool),
            ("__getitem__", d_getitem),
            ("__contains__", d_contains),
            ("__iter__", d_iter),
            ("__reversed__", d_reversed),
            ("__eq__", d_eq),
            ("__ne__", d_ne),
            ("__hash__", d_hash),
            ("__repr__", d_repr),
            ("count", m_count),
            ("index", m_index),
        ],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test_head() -> object::ObjHead {
        object::ObjHead {
            gc: pyrs_gc::Header {
                type_id: object::Kind::RangeIter as u32,
                flags: 0,
            },
            class: Value::NULL,
        }
    }

    #[test]
    fn lengths() {
        assert_eq!(range_len(0, 10, 1), 10);
        assert_eq!(range_len(0, 10, 3), 4);
        assert_eq!(range_len(10, 0, -3), 4);
        assert_eq!(range_len(0, 0, 1), 0);
        assert_eq!(range_len(5, 0, 1), 0);
        assert_eq!(range_len(i64::MIN, i64::MAX, 1), u64::MAX as u128);
    }

    #[test]
    fn iterator_stops() {
        let mut it = RangeIterObj {
            head: test_head(),
            next: 3,
            step: -2,
            remaining: 3,
        };
        let got: Vec<i64> = std::iter::from_fn(|| range_iter_next(&mut it)).collect();
        assert_eq!(got, vec![3, 1, -1]);
        let mut it = RangeIterObj {
            head: test_head(),
            next: i64::MAX,
            step: 1,
            remaining: 1,
        };
        assert_eq!(range_iter_next(&mut it), Some(i64::MAX));
        assert_eq!(range_iter_next(&mut it), None);
    }
}
