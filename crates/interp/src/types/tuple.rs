//! `tuple`: allocation, access, methods and dunders.

use crate::object::{self, InstanceObj, TupleObj};
use crate::types::class::type_name;
use crate::types::list::{
    cant_multiply, check_new_cls, item_eq, method_args, repeat_count, repeat_items, repr_enter,
    repr_leave, repr_seq, seq_richcompare, user_defines,
};
use crate::types::slice::{as_index, positions, slice_indices};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};
use pyrs_frontend::bytecode::CmpOp;

/// A new tuple of `items`.
pub fn new_tuple(vm: &mut Vm, items: &[Value]) -> Value {
    let cls = vm.cls.tuple;
    let size = std::mem::size_of::<TupleObj>() + 8 * items.len();
    let p = vm.alloc(object::Kind::Tuple, size, cls);
    // SAFETY: `p` is a fresh Tuple object with room for `items.len()` Values.
    unsafe {
        let t = &mut *(p as *mut TupleObj);
        t.len = items.len() as u64;
        t.items().copy_from_slice(items);
    }
    Value::from_addr(p)
}

/// The tuple object of `v` (a tuple or a tuple-subclass instance's native tuple).
#[inline]
pub fn as_tuple<'a>(v: Value) -> Option<&'a mut TupleObj> {
    if let Some(t) = object::downcast::<TupleObj>(v) {
        return Some(t);
    }
    object::downcast::<InstanceObj>(v).and_then(|i| object::downcast::<TupleObj>(i.native))
}

/// The items of a tuple value, or an empty slice for anything else.
#[inline]
pub fn items<'a>(v: Value) -> &'a mut [Value] {
    match as_tuple(v) {
        Some(t) => t.items(),
        None => &mut [],
    }
}

/// A tuple of `items` checked against the heap limit (`MemoryError` when too large).
fn new_tuple_checked(vm: &mut Vm, items: &[Value]) -> PyResult {
    if !vm.heap.can_allocate(items.len().saturating_mul(8)) {
        return Err(vm.memory_error());
    }
    Ok(new_tuple(vm, items))
}

/// `t[index]` for a tuple (or subclass instance): int or slice index.
#[inline]
pub fn getitem(vm: &mut Vm, t: Value, index: Value) -> PyResult {
    if let Some(i) = index.as_small() {
        let it = items(t);
        let j = if i < 0 { i + it.len() as i64 } else { i };
        if j >= 0 && (j as usize) < it.len() {
            return Ok(it[j as usize]);
        }
        return Err(vm.index_error("tuple index out of range"));
    }
    if let Some(i) = as_index(vm, index)? {
        let it = items(t);
        let j = if i < 0 {
            i.saturating_add(it.len() as i64)
        } else {
            i
        };
        if j >= 0 && (j as usize) < it.len() {
            return Ok(it[j as usize]);
        }
        return Err(vm.index_error("tuple index out of range"));
    }
    if object::is::<object::SliceObj>(index) {
        let len = items(t).len();
        let (start, _, step, n) = slice_indices(vm, index, len)?;
        if step == 1 && n == len && object::is::<TupleObj>(t) {
            return Ok(t);
        }
        let it = items(t);
        let out: Vec<Value> = positions(start, step, n)
            .filter_map(|k| it.get(k).copied())
            .collect();
        return Ok(new_tuple(vm, &out));
    }
    let tn = type_name(vm, index).to_string();
    Err(vm.type_error(format!(
        "tuple indices must be integers or slices, not {tn}"
    )))
}

fn this(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    match args.pos.first() {
        Some(&v) if as_tuple(v).is_some() => Ok(v),
        other => Err(crate::types::native::bad_receiver(
            vm,
            "tuple",
            name,
            other.copied(),
        )),
    }
}

fn find_item(vm: &mut Vm, t: Value, x: Value, lo: usize, hi: usize) -> PyResult<Option<usize>> {
    let mut i = lo;
    while i < hi {
        let Some(&v) = items(t).get(i) else {
            return Ok(None);
        };
        if item_eq(vm, v, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn m_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = this(vm, &args, "count")?;
    let a = method_args(vm, &args, "tuple.count", 1, 1)?;
    let mut n = 0;
    let mut i = 0;
    while let Some(&v) = items(t).get(i) {
        if item_eq(vm, v, a[0])? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::from_usize(n))
}

fn m_index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = this(vm, &args, "index")?;
    let a = method_args(vm, &args, "index", 1, 3)?;
    let len = items(t).len();
    let (lo, hi) = crate::types::slice::index_range(vm, a.get(1).copied(), a.get(2).copied(), len)?;
    match find_item(vm, t, a[0], lo, hi)? {
        Some(i) => Ok(Value::from_usize(i)),
        None => Err(vm.value_error("tuple.index(x): x not in tuple")),
    }
}

fn d_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = vm.cls.tuple;
    let cls = check_new_cls(vm, &args, "tuple", base)?;
    if !args.kw.is_empty() {
        return Err(vm.type_error("tuple() takes no keyword arguments"));
    }
    let a = method_args(vm, &args, "tuple", 0, 1)?;
    let obj = match a.first() {
        None => new_tuple(vm, &[]),
        Some(&it) if cls == base && object::is::<TupleObj>(it) => it,
        Some(&it) => {
            let v = crate::ops::iter::collect(vm, it)?;
            new_tuple_checked(vm, &v)?
        }
    };
    if cls == base {
        Ok(obj)
    } else {
        Ok(crate::types::instance::new_instance(vm, cls, obj))
    }
}

fn d_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = this(vm, &args, "__len__")?;
    method_args(vm, &args, "tuple.__len__", 0, 0)?;
    Ok(Value::from_usize(items(t).len()))
}

fn d_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = this(vm, &args, "__getitem__")?;
    let a = method_args(vm, &args, "tuple.__getitem__", 1, 1)?;
    getitem(vm, t, a[0])
}

fn d_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = this(vm, &args, "__contains__")?;
    let a = method_args(vm, &args, "tuple.__contains__", 1, 1)?;
    let found = find_item(vm, t, a[0], 0, usize::MAX)?.is_some();
    Ok(vm.bool(found))
}

fn d_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = this(vm, &args, "__iter__")?;
    method_args(vm, &args, "tuple.__iter__", 0, 0)?;
    let cls = vm.cls.tuple_iterator;
    Ok(crate::types::iters::new_seq_iter(vm, cls, t))
}

fn d_add(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = this(vm, &args, "__add__")?;
    let a = method_args(vm, &args, "tuple.__add__", 1, 1)?;
    if as_tuple(a[0]).is_none() {
        if user_defines(vm, a[0], "__radd__") {
            return Ok(vm.not_implemented);
        }
        let tn = type_name(vm, a[0]).to_string();
        return Err(vm.type_error(format!(
            "can only concatenate tuple (not \"{tn}\") to tuple"
        )));
    }
    if items(a[0]).is_empty() && object::is::<TupleObj>(t) {
        return Ok(t);
    }
    if items(t).is_empty() && object::is::<TupleObj>(a[0]) {
        return Ok(a[0]);
    }
    let mut v = items(t).to_vec();
    v.extend_from_slice(items(a[0]));
    new_tuple_checked(vm, &v)
}

fn repeat(vm: &mut Vm, t: Value, n: Value, reflected: bool) -> PyResult {
    let Some(n) = repeat_count(vm, n)? else {
        if reflected || user_defines(vm, n, "__rmul__") {
            return Ok(vm.not_implemented);
        }
        return Err(cant_multiply(vm, n));
    };
    if n == 1 && object::is::<TupleObj>(t) {
        return Ok(t);
    }
    let src = items(t).to_vec();
    let out = repeat_items(vm, &src, n)?;
    new_tuple_checked(vm, &out)
}

fn d_mul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = this(vm, &args, "__mul__")?;
    let a = method_args(vm, &args, "tuple.__mul__", 1, 1)?;
    repeat(vm, t, a[0], false)
}

fn d_rmul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = this(vm, &args, "__rmul__")?;
    let a = method_args(vm, &args, "tuple.__rmul__", 1, 1)?;
    repeat(vm, t, a[0], true)
}

fn compare(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult {
    let t = this(vm, &args, "__eq__")?;
    let a = method_args(vm, &args, "tuple.__eq__", 1, 1)?;
    if as_tuple(a[0]).is_none() {
        return Ok(vm.not_implemented);
    }
    let x = items(t).to_vec();
    let y = items(a[0]).to_vec();
    seq_richcompare(vm, &x, &y, op)
}

fn d_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, CmpOp::Eq)
}
fn d_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, CmpOp::Ne)
}
fn d_lt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, CmpOp::Lt)
}
fn d_le(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, CmpOp::Le)
}
fn d_gt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, CmpOp::Gt)
}
fn d_ge(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, CmpOp::Ge)
}

fn d_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = this(vm, &args, "__hash__")?;
    method_args(vm, &args, "tuple.__hash__", 0, 0)?;
    let v = items(t).to_vec();
    let mut hs = Vec::with_capacity(v.len());
    for x in v {
        hs.push(crate::ops::hash::hash(vm, x)?);
    }
    let h = crate::ops::hash::hash_tuple_items(&hs);
    Ok(crate::types::int::new_i64(vm, h))
}

fn d_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = this(vm, &args, "__repr__")?;
    method_args(vm, &args, "tuple.__repr__", 0, 0)?;
    let n = items(t).len();
    if n == 0 {
        return Ok(crate::types::str::new_str(vm, "()"));
    }
    if !repr_enter(t) {
        return Ok(crate::types::str::new_str(vm, "(...)"));
    }
    let close = if n == 1 { ",)" } else { ")" };
    let r = repr_seq(vm, "(", close, |i| items(t).get(i).copied());
    repr_leave(t);
    let s = r?;
    Ok(crate::types::str::new_str(vm, &s))
}

fn d_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = this(vm, &args, "__getnewargs__")?;
    let v = items(t).to_vec();
    let inner = new_tuple(vm, &v);
    Ok(new_tuple(vm, &[inner]))
}

/// Registers the methods.
pub(crate) fn init(vm: &mut Vm) {
    let cls = vm.cls.tuple;
    vm.add_classmethod(cls, "__class_getitem__", crate::types::list::class_getitem);
    vm.add_staticmethod(cls, "__new__", d_new);
    vm.add_methods(
        cls,
        &[
            ("count", m_count),
            ("index", m_index),
            ("__len__", d_len),
            ("__getitem__", d_getitem),
            ("__contains__", d_contains),
            ("__iter__", d_iter),
            ("__add__", d_add),
            ("__mul__", d_mul),
            ("__rmul__", d_rmul),
            ("__eq__", d_eq),
            ("__ne__", d_ne),
            ("__lt__", d_lt),
            ("__le__", d_le),
            ("__gt__", d_gt),
            ("__ge__", d_ge),
            ("__hash__", d_hash),
            ("__repr__", d_repr),
            ("__getnewargs__", d_getnewargs),
        ],
    );
}
