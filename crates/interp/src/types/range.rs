//! `range` and its iterators.
//!
//! A range whose start, stop and step fit in an i64 keeps them inline (the common case,
//! iterated by the `range_iterator` fast path); otherwise `big` holds the three ints as a
//! tuple, as CPython allows arbitrary ints. Everything but iteration, `len` and integer
//! indexing of small ranges computes on big ints.

use crate::object::{self, RangeIterObj, RangeObj};
use crate::types::class::type_name;
use crate::types::int::{as_bigint, new_i64, new_int};
use crate::types::list::method_args;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// A new range object of i64 bounds (`step` must be non-zero).
pub fn new_range(vm: &mut Vm, start: i64, stop: i64, step: i64) -> Value {
    let cls = vm.cls.range;
    let (v, r) = vm.alloc_obj::<RangeObj>(cls);
    r.start = start;
    r.stop = stop;
    r.step = step;
    v
}

/// A new range object of any int bounds (`step` must be non-zero).
pub fn new_range_big(vm: &mut Vm, start: &BigInt, stop: &BigInt, step: &BigInt) -> Value {
    if let (Some(a), Some(b), Some(c)) = (start.to_i64(), stop.to_i64(), step.to_i64()) {
        return new_range(vm, a, b, c);
    }
    let items = [
        new_int(vm, start.clone()),
        new_int(vm, stop.clone()),
        new_int(vm, step.clone()),
    ];
    let t = crate::types::tuple::new_tuple(vm, &items);
    let cls = vm.cls.range;
    let (v, r) = vm.alloc_obj::<RangeObj>(cls);
    r.big = t;
    r.step = 1;
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

/// The start, stop and step of a range as big ints.
struct Bounds {
    start: BigInt,
    stop: BigInt,
    step: BigInt,
}

impl Bounds {
    fn of(r: &RangeObj) -> Bounds {
        match small(r) {
            Some((a, b, c)) => Bounds {
                start: a.into(),
                stop: b.into(),
                step: c.into(),
            },
            None => {
                let t = crate::types::tuple::items(r.big);
                let get = |i: usize| t.get(i).and_then(|&v| as_bigint(v)).unwrap_or_default();
                Bounds {
                    start: get(0),
                    stop: get(1),
                    step: get(2),
                }
            }
        }
    }

    /// The number of values.
    fn len(&self) -> BigInt {
        let (lo, hi, step) = if self.step.is_positive() {
            (&self.start, &self.stop, self.step.clone())
        } else {
            (&self.stop, &self.start, -&self.step)
        };
        if lo >= hi {
            return BigInt::zero();
        }
        (hi - lo - 1u32) / step + 1u32
    }

    /// The value at position `i` (not checked against the length).
    fn item(&self, i: &BigInt) -> BigInt {
        &self.start + i * &self.step
    }

    /// The position of the int `x` if it is one of the values.
    fn position(&self, x: &BigInt) -> Option<BigInt> {
        let inside = if self.step.is_positive() {
            x >= &self.start && x < &self.stop
        } else {
            x <= &self.start && x > &self.stop
        };
        if !inside {
            return None;
        }
        let (q, r) = (x - &self.start).div_rem(&self.step);
        r.is_zero().then_some(q)
    }
}

/// The inline bounds of a range that has no big ones.
fn small(r: &RangeObj) -> Option<(i64, i64, i64)> {
    r.big.is_null().then_some((r.start, r.stop, r.step))
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

fn overflow(vm: &mut Vm) -> crate::vm::Raised {
    vm.overflow_error("Python int too large to convert to C ssize_t")
}

/// `len(r)`: `OverflowError` beyond `sys.maxsize`, as CPython.
fn len_of(vm: &mut Vm, r: &RangeObj) -> PyResult<usize> {
    let n = match small(r) {
        Some((a, b, c)) => range_len(a, b, c),
        None => Bounds::of(r).len().to_u128().unwrap_or(u128::MAX),
    };
    if n > i64::MAX as u128 {
        return Err(overflow(vm));
    }
    Ok(n as usize)
}

fn int_arg(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if let Some(i) = v.as_small() {
        return Ok(i.into());
    }
    crate::ops::convert::index(vm, v)
}

fn d_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let rest = Args {
        pos: args.pos.get(1..).unwrap_or(&[]),
        ..args
    };
    if !rest.kw.is_empty() {
        return Err(vm.type_error("range() takes no keyword arguments"));
    }
    rest.check(vm, "range", 1, 3)?;
    let p = rest.pos;
    let (start, stop, step) = match p.len() {
        1 => (BigInt::zero(), int_arg(vm, p[0])?, BigInt::one()),
        2 => (int_arg(vm, p[0])?, int_arg(vm, p[1])?, BigInt::one()),
        _ => {
            let a = int_arg(vm, p[0])?;
            let b = int_arg(vm, p[1])?;
            let c = int_arg(vm, p[2])?;
            if c.is_zero() {
                return Err(vm.value_error("range() arg 3 must not be zero"));
            }
            (a, b, c)
        }
    };
    Ok(new_range_big(vm, &start, &stop, &step))
}

fn d_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "__len__")?;
    method_args(vm, &args, "range.__len__", 0, 0)?;
    let n = len_of(vm, r)?;
    Ok(new_i64(vm, n as i64))
}

fn d_bool(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "__bool__")?;
    let b = match small(r) {
        Some((a, b, c)) => range_len(a, b, c) > 0,
        None => Bounds::of(r).len().is_positive(),
    };
    Ok(vm.bool(b))
}

/// `r[index]`: int or slice.
pub fn getitem(vm: &mut Vm, rv: Value, index: Value) -> PyResult {
    let Some(r) = object::downcast::<RangeObj>(rv) else {
        return Err(vm.type_error("expected a range"));
    };
    if let (Some((start, stop, step)), Some(i)) = (small(r), index.as_small()) {
        let n = range_len(start, stop, step) as i128;
        let j = if i < 0 { i as i128 + n } else { i as i128 };
        if j < 0 || j >= n {
            return Err(vm.index_error("range object index out of range"));
        }
        let v = start as i128 + j * step as i128;
        return Ok(new_i64(vm, v as i64));
    }
    let b = Bounds::of(r);
    if crate::types::slice::is_index_like(vm, index) {
        let i = crate::ops::convert::index(vm, index)?;
        let n = b.len();
        let j = if i.is_negative() { i + &n } else { i };
        if j.is_negative() || j >= n {
            return Err(vm.index_error("range object index out of range"));
        }
        return Ok(new_int(vm, b.item(&j)));
    }
    if object::is::<object::SliceObj>(index) {
        let n = b.len();
        let (s_start, s_stop, s_step) = crate::types::slice::slice_indices_big(vm, index, &n)?;
        let start = b.item(&s_start);
        let stop = b.item(&s_stop);
        let step = &b.step * s_step;
        return Ok(new_range_big(vm, &start, &stop, &step));
    }
    let t = type_name(vm, index).to_string();
    Err(vm.type_error(format!("range indices must be integers or slices, not {t}")))
}

fn d_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(vm, &args, "__getitem__")?;
    let a = method_args(vm, &args, "range.__getitem__", 1, 1)?;
    getitem(vm, args.pos[0], a[0])
}

fn is_exact_int(vm: &Vm, v: Value) -> bool {
    v.is_small() || {
        let c = crate::types::class::class_of(vm, v);
        c == vm.cls.int || c == vm.cls.bool_
    }
}

/// Calls `f` with each value of the range until it returns `true`; the position where it
/// did. Used for non-int needles, compared with `==` as CPython's sequence search does.
fn search(
    vm: &mut Vm,
    rv: Value,
    mut f: impl FnMut(&mut Vm, Value) -> PyResult<bool>,
) -> PyResult<Option<BigInt>> {
    let Some(r) = object::downcast::<RangeObj>(rv) else {
        return Ok(None);
    };
    let b = Bounds::of(r);
    let n = b.len();
    let mut i = BigInt::zero();
    while i < n {
        let v = new_int(vm, b.item(&i));
        if f(vm, v)? {
            return Ok(Some(i));
        }
        i += 1u32;
    }
    Ok(None)
}

fn d_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "__contains__")?;
    let a = method_args(vm, &args, "range.__contains__", 1, 1)?;
    let x = a[0];
    if is_exact_int(vm, x) {
        let found = Bounds::of(r)
            .position(&as_bigint(x).unwrap_or_default())
            .is_some();
        return Ok(vm.bool(found));
    }
    let found = search(vm, args.pos[0], |vm, v| {
        crate::types::list::item_eq(vm, v, x)
    })?;
    Ok(vm.bool(found.is_some()))
}

/// CPython's `range_iter`: the int iterator when start, stop, step and the length fit in
/// an i64 and stepping cannot overflow, else `longrange_iterator`.
fn fast_forward(r: &RangeObj) -> Option<(i64, i64, u64)> {
    let (start, stop, step) = small(r)?;
    let n = range_len(start, stop, step);
    if n > i64::MAX as u128 {
        return None;
    }
    if n > 0 {
        let overflows = if step > 0 {
            stop > i64::MAX - (step - 1)
        } else {
            stop < i64::MIN + (-1 - step)
        };
        if overflows {
            return None;
        }
    }
    Some((start, step, n as u64))
}

/// CPython's `range_reverse`: the int iterator when `-step`, `start - step` and the length
/// fit in an i64, else `longrange_iterator`.
fn fast_reverse(r: &RangeObj) -> Option<(i64, i64, u64)> {
    let (start, stop, step) = small(r)?;
    let neg = step.checked_neg()?;
    start.checked_sub(step)?;
    let n = range_len(start, stop, step);
    if n > i64::MAX as u128 {
        return None;
    }
    if n == 0 {
        return Some((0, 1, 0));
    }
    let last = (start as i128 + (n as i128 - 1) * step as i128) as i64;
    Some((last, neg, n as u64))
}

fn d_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "__iter__")?;
    method_args(vm, &args, "range.__iter__", 0, 0)?;
    if let Some((start, step, n)) = fast_forward(r) {
        return Ok(new_range_iter(vm, start, step, n));
    }
    let b = Bounds::of(r);
    let n = b.len();
    Ok(new_long_iter(vm, &b.start, &b.step, &n))
}

fn d_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "__reversed__")?;
    method_args(vm, &args, "range.__reversed__", 0, 0)?;
    if let Some((last, step, n)) = fast_reverse(r) {
        return Ok(new_range_iter(vm, last, step, n));
    }
    let b = Bounds::of(r);
    let n = b.len();
    let last = if n.is_zero() {
        b.start.clone()
    } else {
        b.item(&(&n - 1u32))
    };
    Ok(new_long_iter(vm, &last, &-&b.step, &n))
}

/// A `longrange_iterator`: `n` values from `start` by `step`, any ints.
fn new_long_iter(vm: &mut Vm, start: &BigInt, step: &BigInt, n: &BigInt) -> Value {
    let a = new_int(vm, start.clone());
    let b = new_int(vm, step.clone());
    let c = new_int(vm, n.clone());
    crate::types::iters::new_long_range_iter(vm, a, b, c)
}

/// The next value of a `longrange_iterator` whose next value, step and remaining count
/// are `next`, `step` and `left`: `(value, new next, new left)`, `None` when exhausted.
pub(crate) fn long_iter_step(
    next: Value,
    step: Value,
    left: Value,
) -> Option<(BigInt, BigInt, BigInt)> {
    let left = as_bigint(left)?;
    if !left.is_positive() {
        return None;
    }
    let v = as_bigint(next)?;
    let s = as_bigint(step)?;
    let following = &v + s;
    Some((v, following, left - 1u32))
}

/// Whether two ranges hold the same values.
fn same(a: &RangeObj, b: &RangeObj) -> bool {
    let (x, y) = (Bounds::of(a), Bounds::of(b));
    let n = x.len();
    if n != y.len() {
        return false;
    }
    n.is_zero() || (x.start == y.start && (n.is_one() || x.step == y.step))
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

/// `hash(r)`: the hash of `(len, start, step)` with None for what the length makes
/// irrelevant, as CPython.
fn d_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "__hash__")?;
    let b = Bounds::of(r);
    let n = b.len();
    let none = vm.none;
    let hn = crate::ops::hash::hash(vm, none)?;
    let hs = [
        crate::ops::hash::hash_bigint(&n),
        if n.is_zero() {
            hn
        } else {
            crate::ops::hash::hash_bigint(&b.start)
        },
        if n <= BigInt::one() {
            hn
        } else {
            crate::ops::hash::hash_bigint(&b.step)
        },
    ];
    let h = crate::ops::hash::hash_tuple_items(&hs);
    Ok(new_i64(vm, h))
}

fn d_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "__repr__")?;
    let b = Bounds::of(r);
    let s = if b.step.is_one() {
        format!("range({}, {})", b.start, b.stop)
    } else {
        format!("range({}, {}, {})", b.start, b.stop, b.step)
    };
    Ok(crate::types::str::new_str(vm, &s))
}

fn d_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "__reduce__")?;
    let b = Bounds::of(r);
    let items = [
        new_int(vm, b.start),
        new_int(vm, b.stop),
        new_int(vm, b.step),
    ];
    let t = crate::types::tuple::new_tuple(vm, &items);
    let cls = vm.cls.range;
    Ok(crate::types::tuple::new_tuple(vm, &[cls, t]))
}

fn m_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "count")?;
    let a = method_args(vm, &args, "range.count", 1, 1)?;
    let x = a[0];
    if is_exact_int(vm, x) {
        let found = Bounds::of(r)
            .position(&as_bigint(x).unwrap_or_default())
            .is_some();
        return Ok(Value::from_usize(found as usize));
    }
    let mut count = 0usize;
    search(vm, args.pos[0], |vm, v| {
        if crate::types::list::item_eq(vm, v, x)? {
            count += 1;
        }
        Ok(false)
    })?;
    Ok(Value::from_usize(count))
}

fn m_index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "index")?;
    let a = method_args(vm, &args, "range.index", 1, 1)?;
    let x = a[0];
    if is_exact_int(vm, x) {
        if let Some(i) = Bounds::of(r).position(&as_bigint(x).unwrap_or_default()) {
            return Ok(new_int(vm, i));
        }
        let s = crate::ops::convert::repr_string(vm, x)?;
        return Err(vm.value_error(format!("{s} is not in range")));
    }
    match search(vm, args.pos[0], |vm, v| {
        crate::types::list::item_eq(vm, v, x)
    })? {
        Some(i) => Ok(new_int(vm, i)),
        None => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

fn g_start(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "start")?;
    let v = Bounds::of(r).start;
    Ok(new_int(vm, v))
}

fn g_stop(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "stop")?;
    let v = Bounds::of(r).stop;
    Ok(new_int(vm, v))
}

fn g_step(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this(vm, &args, "step")?;
    let v = Bounds::of(r).step;
    Ok(new_int(vm, v))
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
            ("__reduce__", d_reduce),
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
    fn big_lengths_and_positions() {
        let b = Bounds {
            start: BigInt::from(-10),
            stop: BigInt::from(10).pow(20),
            step: BigInt::from(7),
        };
        let n = b.len();
        assert_eq!(n, (BigInt::from(10).pow(20) + 10 - 1) / 7 + 1);
        assert_eq!(b.position(&BigInt::from(4)), Some(BigInt::from(2)));
        assert_eq!(b.position(&BigInt::from(5)), None);
        let down = Bounds {
            start: BigInt::from(3),
            stop: BigInt::from(-3),
            step: BigInt::from(-2),
        };
        assert_eq!(down.len(), BigInt::from(3));
        assert_eq!(down.position(&BigInt::from(-1)), Some(BigInt::from(2)));
        assert_eq!(down.position(&BigInt::from(-3)), None);
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
