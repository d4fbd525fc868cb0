//! `list`: storage (an Array of capacity `len(items)`, the first `len` slots live), methods
//! and dunders, plus helpers shared by the sequence types (comparison, repr recursion guard,
//! argument checks of methods).

use crate::object::{self, ArrayObj, InstanceObj, Kind, ListObj};
use crate::ops::compare::{compare_bool, rich_compare};
use crate::types::class::{class_of, type_name};
use crate::types::slice::{as_index, positions, slice_indices};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};
use num_traits::ToPrimitive;
use pyrs_frontend::bytecode::CmpOp;
use std::cell::RefCell;

// ---------------------------------------------------------------------------------------
// Shared helpers of the container types.

thread_local! {
    /// Addresses of the containers whose repr is being computed (CPython's `Py_ReprEnter`).
    /// Objects do not move while native code runs, so addresses identify them.
    static REPR_ACTIVE: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// Marks `v` as being repr'd; false if it already is (a recursive repr).
pub(crate) fn repr_enter(v: Value) -> bool {
    REPR_ACTIVE.with(|r| {
        let mut r = r.borrow_mut();
        if r.contains(&v.0) {
            false
        } else {
            r.push(v.0);
            true
        }
    })
}

/// Ends the repr of `v` started by [`repr_enter`].
pub(crate) fn repr_leave(v: Value) {
    REPR_ACTIVE.with(|r| {
        let mut r = r.borrow_mut();
        if let Some(p) = r.iter().rposition(|&x| x == v.0) {
            r.remove(p);
        }
    })
}

/// Runs `f` one level deeper in the recursion count (`RecursionError` "maximum recursion
/// depth exceeded{what}" past the limit): native recursion through nested containers
/// (repr, comparison) must not overflow the Rust stack.
pub(crate) fn nested<T>(
    vm: &mut Vm,
    what: &str,
    f: impl FnOnce(&mut Vm) -> PyResult<T>,
) -> PyResult<T> {
    if vm.call_depth >= vm.recursion_limit {
        let c = vm.cls.recursion_error;
        return Err(vm.raise_new(c, &format!("maximum recursion depth exceeded{what}")));
    }
    vm.call_depth += 1;
    let r = f(vm);
    vm.call_depth -= 1;
    r
}

/// Checks the arguments of a method (receiver excluded) and returns them: no keywords,
/// between `min` and `max` positional ones, with CPython's messages for `name`.
pub(crate) fn method_args<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    let rest = Args {
        pos: args.pos.get(1..).unwrap_or(&[]),
        kw: args.kw,
        kwnames: args.kwnames,
    };
    if rest.kw.is_empty() && (min..=max).contains(&rest.pos.len()) {
        return Ok(rest.pos);
    }
    if name.contains('.') {
        rest.check_method(vm, name, min, max)?;
    } else {
        let base = builtin_base_name(vm, args.pos.first().copied());
        rest.check_method(vm, &format!("{base}.{name}"), min, max)?;
    }
    Ok(rest.pos)
}

/// The name of the builtin class a receiver's method comes from (its class or the nearest
/// builtin base).
fn builtin_base_name(vm: &Vm, receiver: Option<Value>) -> &'static str {
    let Some(r) = receiver else { return "object" };
    let cls = crate::types::class::class_of(vm, r);
    crate::types::class::mro(cls)
        .iter()
        .find(|&&c| {
            crate::types::class::class_obj(c).flags & crate::types::class::flags::BUILTIN != 0
        })
        .map(|&c| crate::types::class::class_name(c))
        .unwrap_or("object")
}

/// `a == b` as containers compare items: identity first, then `==`.
#[inline]
pub(crate) fn item_eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if a == b {
        return Ok(true);
    }
    if let Some(r) = crate::ops::compare::fast_eq(a, b) {
        return Ok(r);
    }
    crate::ops::compare::eq(vm, a, b)
}

/// Lexicographic rich comparison of two item snapshots (lists, tuples).
pub(crate) fn seq_richcompare(vm: &mut Vm, a: &[Value], b: &[Value], op: CmpOp) -> PyResult {
    nested(vm, " in comparison", |vm| {
        seq_richcompare_inner(vm, a, b, op)
    })
}

fn seq_richcompare_inner(vm: &mut Vm, a: &[Value], b: &[Value], op: CmpOp) -> PyResult {
    if a.len() != b.len() && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(vm.bool(op == CmpOp::Ne));
    }
    let n = a.len().min(b.len());
    let mut i = 0;
    while i < n {
        if !item_eq(vm, a[i], b[i])? {
            break;
        }
        i += 1;
    }
    if i >= n {
        let (x, y) = (a.len(), b.len());
        let r = match op {
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
        };
        return Ok(vm.bool(r));
    }
    match op {
        CmpOp::Eq => Ok(vm.false_),
        CmpOp::Ne => Ok(vm.true_),
        _ => rich_compare(vm, a[i], b[i], op),
    }
}

/// The repr of a sequence of items between `open` and `close` ("[1, 2]"); `get(i)` reads
/// item `i` afresh each time (repr of an item may mutate the container).
pub(crate) fn repr_seq(
    vm: &mut Vm,
    open: &str,
    close: &str,
    get: impl Fn(usize) -> Option<Value>,
) -> PyResult<String> {
    nested(vm, " while getting the repr of an object", |vm| {
        repr_seq_inner(vm, open, close, get)
    })
}

fn repr_seq_inner(
    vm: &mut Vm,
    open: &str,
    close: &str,
    get: impl Fn(usize) -> Option<Value>,
) -> PyResult<String> {
    let mut out = String::from(open);
    let mut i = 0;
    while let Some(v) = get(i) {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&crate::ops::convert::repr_string(vm, v)?);
        i += 1;
    }
    out.push_str(close);
    Ok(out)
}

/// Whether `v` can be iterated (has `__iter__` or `__getitem__`).
pub(crate) fn is_iterable(vm: &mut Vm, v: Value) -> bool {
    let (it, gi) = (vm.names.__iter__, vm.names.__getitem__);
    !crate::ops::lookup_special(vm, v, it).is_null()
        || !crate::ops::lookup_special(vm, v, gi).is_null()
}

/// The items of an iterable as a vector (lists and tuples copied directly); `TypeError`
/// with `msg` when `v` is not iterable (CPython's `PySequence_Fast`).
pub(crate) fn seq_fast(vm: &mut Vm, v: Value, msg: &str) -> PyResult<Vec<Value>> {
    if let Some(t) = crate::types::tuple::as_tuple(v) {
        return Ok(t.items().to_vec());
    }
    if as_list(v).is_some() {
        return Ok(list_items(v).to_vec());
    }
    if !is_iterable(vm, v) {
        return Err(vm.type_error(msg));
    }
    crate::ops::iter::collect(vm, v)
}

/// Whether `other`'s class is a user class defining `name` (so a binary dunder of a builtin
/// sequence should return NotImplemented and let the reflected method run).
pub(crate) fn user_defines(vm: &mut Vm, other: Value, name: &str) -> bool {
    let cls = class_of(vm, other);
    if crate::types::class::class_obj(cls).flags & crate::types::class::flags::BUILTIN != 0 {
        return false;
    }
    let n = vm.intern(name);
    !crate::types::class::lookup(vm, cls, n).is_null()
}

/// The repeat count of `seq * n`: `None` when `n` is not an integer.
pub(crate) fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<Option<i64>> {
    if let Some(i) = n.as_small() {
        return Ok(Some(i));
    }
    if !crate::types::slice::is_index_like(vm, n) {
        return Ok(None);
    }
    let b = crate::ops::convert::index(vm, n)?;
    match b.to_i64() {
        Some(i) => Ok(Some(i)),
        None => {
            let t = type_name(vm, n).to_string();
            Err(vm.overflow_error(format!("cannot fit '{t}' into an index-sized integer")))
        }
    }
}

/// `TypeError` "can't multiply sequence by non-int of type 'X'".
pub(crate) fn cant_multiply(vm: &mut Vm, n: Value) -> crate::vm::Raised {
    let t = type_name(vm, n).to_string();
    vm.type_error(format!("can't multiply sequence by non-int of type '{t}'"))
}

/// Items of `src` repeated `n` times; `MemoryError` when too large.
pub(crate) fn repeat_items(vm: &mut Vm, src: &[Value], n: i64) -> PyResult<Vec<Value>> {
    if n <= 0 || src.is_empty() {
        return Ok(Vec::new());
    }
    let total = (src.len() as u64)
        .checked_mul(n as u64)
        .and_then(|t| t.checked_mul(8));
    match total {
        Some(bytes) if bytes <= usize::MAX as u64 && vm.heap.can_allocate(bytes as usize) => {}
        _ => return Err(vm.memory_error()),
    }
    let mut out = Vec::with_capacity(src.len() * n as usize);
    for _ in 0..n {
        out.extend_from_slice(src);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Storage.

/// The list object of `v`: a list, or the native list of a list-subclass instance.
#[inline]
pub fn as_list<'a>(v: Value) -> Option<&'a mut ListObj> {
    if let Some(l) = object::downcast::<ListObj>(v) {
        return Some(l);
    }
    object::downcast::<InstanceObj>(v).and_then(|i| object::downcast::<ListObj>(i.native))
}

/// The Value of the native list object of `v` (itself, or a subclass instance's payload).
fn native(v: Value) -> Value {
    if object::is::<ListObj>(v) {
        return v;
    }
    object::downcast::<InstanceObj>(v)
        .map(|i| i.native)
        .unwrap_or(v)
}

fn storage<'a>(l: &ListObj) -> &'a mut [Value] {
    match object::downcast::<ArrayObj>(l.items) {
        Some(a) => a.slots(),
        None => &mut [],
    }
}

/// The live items of a list (or list-subclass instance); empty for anything else. Valid
/// until the list is next modified.
#[inline]
pub fn list_items<'a>(v: Value) -> &'a mut [Value] {
    match as_list(v) {
        Some(l) => {
            let s = storage(l);
            let n = (l.len as usize).min(s.len());
            &mut s[..n]
        }
        None => &mut [],
    }
}

fn alloc_array(vm: &mut Vm, cap: usize) -> PyResult<Value> {
    check_alloc(vm, cap)?;
    Ok(raw_array(vm, cap))
}

/// `MemoryError` when an array of `cap` slots exceeds the heap limit.
fn check_alloc(vm: &mut Vm, cap: usize) -> PyResult<()> {
    let bytes = cap
        .checked_mul(8)
        .and_then(|b| b.checked_add(std::mem::size_of::<ArrayObj>()));
    if bytes.filter(|&b| vm.heap.can_allocate(b)).is_none() {
        return Err(vm.memory_error());
    }
    Ok(())
}

fn raw_array(vm: &mut Vm, cap: usize) -> Value {
    if cap == 0 {
        return Value::NULL;
    }
    let p = vm.alloc(
        Kind::Array,
        std::mem::size_of::<ArrayObj>() + cap * 8,
        Value::NULL,
    );
    // SAFETY: `p` is a fresh zeroed Array object with room for `cap` Values.
    unsafe { (*(p as *mut ArrayObj)).len = cap as u64 };
    Value::from_addr(p)
}

/// A new list of class `cls` (list itself, or a subclass's native payload keeps `list`).
fn new_list_raw(vm: &mut Vm, items: &[Value]) -> PyResult<Value> {
    let arr = alloc_array(vm, items.len())?;
    if let Some(a) = object::downcast::<ArrayObj>(arr) {
        a.slots().copy_from_slice(items);
    }
    let cls = vm.cls.list;
    let (v, l) = vm.alloc_obj::<ListObj>(cls);
    l.items = arr;
    l.len = items.len() as u64;
    Ok(v)
}

/// A new list holding `items`.
pub fn new_list(vm: &mut Vm, items: Vec<Value>) -> Value {
    // The items already exist in memory, so their storage is within bounds.
    let arr = raw_array(vm, items.len());
    if let Some(a) = object::downcast::<ArrayObj>(arr) {
        a.slots().copy_from_slice(&items);
    }
    let cls = vm.cls.list;
    let (v, l) = vm.alloc_obj::<ListObj>(cls);
    l.items = arr;
    l.len = items.len() as u64;
    v
}

/// Replaces the whole contents of a list.
fn set_items(vm: &mut Vm, list: Value, items: &[Value]) -> PyResult<()> {
    let arr = alloc_array(vm, items.len())?;
    if let Some(a) = object::downcast::<ArrayObj>(arr) {
        a.slots().copy_from_slice(items);
    }
    let nl = native(list);
    if let Some(l) = object::downcast::<ListObj>(nl) {
        l.items = arr;
        l.len = items.len() as u64;
        vm.heap.write_barrier(nl.addr());
    }
    Ok(())
}

/// Makes room for `total` items (`MemoryError` beyond the heap limit).
fn reserve(vm: &mut Vm, list: Value, total: usize) -> PyResult<()> {
    let cap = as_list(list)
        .map(|l| storage(l).len())
        .unwrap_or(usize::MAX);
    if total <= cap {
        return Ok(());
    }
    let new_cap = (total + (total >> 3) + 6).max(4);
    check_alloc(vm, new_cap)?;
    grow_to(vm, list, new_cap);
    Ok(())
}

/// Moves the items of a list into a new array of `new_cap` slots.
fn grow_to(vm: &mut Vm, list: Value, new_cap: usize) {
    let arr = raw_array(vm, new_cap);
    let Some(l) = as_list(list) else { return };
    let n = (l.len as usize).min(new_cap);
    if let Some(a) = object::downcast::<ArrayObj>(arr) {
        a.slots()[..n].copy_from_slice(&storage(l)[..n]);
    }
    l.items = arr;
    let nl = native(list);
    vm.heap.write_barrier(nl.addr());
}

/// Appends `v` to a list (or list-subclass instance; anything else is left alone).
pub fn list_append(vm: &mut Vm, list: Value, v: Value) {
    let Some(l) = as_list(list) else { return };
    let n = l.len as usize;
    if n >= storage(l).len() {
        grow_to(vm, list, (n + 1 + ((n + 1) >> 3) + 6).max(4));
    }
    if let Some(l) = as_list(list) {
        let s = storage(l);
        if n < s.len() {
            s[n] = v;
            l.len = n as u64 + 1;
            vm.heap.write_barrier(l.items.addr());
        }
    }
}

/// Truncates to `n` items, clearing the vacated slots.
fn truncate(list: Value, n: usize) {
    if let Some(l) = as_list(list) {
        let s = storage(l);
        let old = (l.len as usize).min(s.len());
        if n < old {
            for x in &mut s[n..old] {
                *x = Value::NULL;
            }
            l.len = n as u64;
        }
    }
}

fn extend_from(vm: &mut Vm, list: Value, iterable: Value) -> PyResult<()> {
    if let Some(t) = crate::types::tuple::as_tuple(iterable) {
        let items = t.items().to_vec();
        return extend_slice(vm, list, &items);
    }
    if as_list(iterable).is_some() {
        let items = list_items(iterable).to_vec();
        return extend_slice(vm, list, &items);
    }
    let it = crate::ops::iter::iter(vm, iterable)?;
    while let Some(x) = crate::ops::iter::next(vm, it)? {
        list_append(vm, list, x);
    }
    Ok(())
}

fn extend_slice(vm: &mut Vm, list: Value, items: &[Value]) -> PyResult<()> {
    let n = list_items(list).len();
    reserve(vm, list, n + items.len())?;
    if let Some(l) = as_list(list) {
        let s = storage(l);
        if n + items.len() <= s.len() {
            s[n..n + items.len()].copy_from_slice(items);
            l.len = (n + items.len()) as u64;
            vm.heap.write_barrier(l.items.addr());
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Fast paths for the eval loop.

fn list_index_error(vm: &mut Vm, index: Value, what: &str) -> crate::vm::Raised {
    let t = type_name(vm, index).to_string();
    vm.type_error(format!(
        "{what} indices must be integers or slices, not {t}"
    ))
}

/// `list[index]` for a list (or subclass instance): int or slice index.
#[inline]
pub fn getitem(vm: &mut Vm, list: Value, index: Value) -> PyResult {
    if let Some(i) = index.as_small() {
        let items = list_items(list);
        let j = if i < 0 { i + items.len() as i64 } else { i };
        if j >= 0 && (j as usize) < items.len() {
            return Ok(items[j as usize]);
        }
        return Err(vm.index_error("list index out of range"));
    }
    getitem_slow(vm, list, index)
}

fn getitem_slow(vm: &mut Vm, list: Value, index: Value) -> PyResult {
    if let Some(i) = as_index(vm, index)? {
        let items = list_items(list);
        let j = if i < 0 {
            i.saturating_add(items.len() as i64)
        } else {
            i
        };
        if j >= 0 && (j as usize) < items.len() {
            return Ok(items[j as usize]);
        }
        return Err(vm.index_error("list index out of range"));
    }
    if object::is::<object::SliceObj>(index) {
        let len = list_items(list).len();
        let (start, _, step, n) = slice_indices(vm, index, len)?;
        let items = list_items(list);
        let out: Vec<Value> = positions(start, step, n)
            .filter_map(|k| items.get(k).copied())
            .collect();
        return new_list_raw(vm, &out);
    }
    Err(list_index_error(vm, index, "list"))
}

/// `list[index] = v` for a list (or subclass instance): int or slice index.
pub fn setitem(vm: &mut Vm, list: Value, index: Value, v: Value) -> PyResult<()> {
    if let Some(i) = as_index(vm, index)? {
        let items = list_items(list);
        let j = if i < 0 {
            i.saturating_add(items.len() as i64)
        } else {
            i
        };
        if j >= 0 && (j as usize) < items.len() {
            items[j as usize] = v;
            if let Some(l) = as_list(list) {
                vm.heap.write_barrier(l.items.addr());
            }
            return Ok(());
        }
        return Err(vm.index_error("list assignment index out of range"));
    }
    if object::is::<object::SliceObj>(index) {
        let len = list_items(list).len();
        let (start, stop, step, n) = slice_indices(vm, index, len)?;
        if step == 1 {
            let new = seq_fast(vm, v, "can only assign an iterable")?;
            let items = list_items(list).to_vec();
            let lo = (start.max(0) as usize).min(items.len());
            let hi = (stop.max(start).max(0) as usize).min(items.len()).max(lo);
            let mut out = Vec::with_capacity(items.len() - (hi - lo) + new.len());
            out.extend_from_slice(&items[..lo]);
            out.extend_from_slice(&new);
            out.extend_from_slice(&items[hi..]);
            return set_items(vm, list, &out);
        }
        let new = seq_fast(vm, v, "must assign iterable to extended slice")?;
        if new.len() != n {
            return Err(vm.value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new.len(),
                n
            )));
        }
        let items = list_items(list);
        for (k, pos) in positions(start, step, n).enumerate() {
            if let Some(slot) = items.get_mut(pos) {
                *slot = new[k];
            }
        }
        if let Some(l) = as_list(list) {
            vm.heap.write_barrier(l.items.addr());
        }
        return Ok(());
    }
    Err(list_index_error(vm, index, "list"))
}

/// `del list[index]`.
fn delitem(vm: &mut Vm, list: Value, index: Value) -> PyResult<()> {
    if let Some(i) = as_index(vm, index)? {
        let len = list_items(list).len();
        let j = if i < 0 {
            i.saturating_add(len as i64)
        } else {
            i
        };
        if j < 0 || j as usize >= len {
            return Err(vm.index_error("list assignment index out of range"));
        }
        remove_at(list, j as usize);
        return Ok(());
    }
    if object::is::<object::SliceObj>(index) {
        let len = list_items(list).len();
        let (start, _, step, n) = slice_indices(vm, index, len)?;
        if n == 0 {
            return Ok(());
        }
        let mut drop = vec![false; len];
        for p in positions(start, step, n) {
            if let Some(d) = drop.get_mut(p) {
                *d = true;
            }
        }
        let items = list_items(list);
        let kept: Vec<Value> = items
            .iter()
            .zip(&drop)
            .filter(|(_, &d)| !d)
            .map(|(&v, _)| v)
            .collect();
        items[..kept.len()].copy_from_slice(&kept);
        truncate(list, kept.len());
        return Ok(());
    }
    Err(list_index_error(vm, index, "list"))
}

fn remove_at(list: Value, j: usize) -> Option<Value> {
    let items = list_items(list);
    if j >= items.len() {
        return None;
    }
    let v = items[j];
    items.copy_within(j + 1.., j);
    let n = items.len() - 1;
    truncate(list, n);
    Some(v)
}

// ---------------------------------------------------------------------------------------
// Methods.

fn this(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    match args.pos.first() {
        Some(&v) if as_list(v).is_some() => Ok(v),
        other => Err(crate::types::native::bad_receiver(
            vm,
            "list",
            name,
            other.copied(),
        )),
    }
}

fn m_append(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "append")?;
    let a = method_args(vm, &args, "list.append", 1, 1)?;
    list_append(vm, l, a[0]);
    Ok(vm.none)
}

fn m_extend(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "extend")?;
    let a = method_args(vm, &args, "list.extend", 1, 1)?;
    extend_from(vm, l, a[0])?;
    Ok(vm.none)
}

fn m_insert(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "insert")?;
    let a = method_args(vm, &args, "insert", 2, 2)?;
    let i = crate::ops::convert::index_isize(vm, a[0])?;
    let n = list_items(l).len();
    let pos = if i < 0 {
        (i.saturating_add(n as i64)).max(0) as usize
    } else {
        (i as u64).min(n as u64) as usize
    };
    reserve(vm, l, n + 1)?;
    if let Some(lo) = as_list(l) {
        let s = storage(lo);
        if n < s.len() {
            s.copy_within(pos..n, pos + 1);
            s[pos] = a[1];
            lo.len = n as u64 + 1;
            vm.heap.write_barrier(lo.items.addr());
        }
    }
    Ok(vm.none)
}

fn m_pop(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "pop")?;
    let a = method_args(vm, &args, "pop", 0, 1)?;
    let i = match a.first() {
        Some(&x) => crate::ops::convert::index_isize(vm, x)?,
        None => -1,
    };
    let n = list_items(l).len();
    if n == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let j = if i < 0 { i.saturating_add(n as i64) } else { i };
    if j < 0 || j as usize >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    match remove_at(l, j as usize) {
        Some(v) => Ok(v),
        None => Err(vm.index_error("pop index out of range")),
    }
}

/// Index of the first item equal to `x` in `lo..hi` (re-reading the list as `==` runs).
fn find_item(vm: &mut Vm, l: Value, x: Value, lo: usize, hi: usize) -> PyResult<Option<usize>> {
    let mut i = lo;
    loop {
        let items = list_items(l);
        if i >= hi || i >= items.len() {
            return Ok(None);
        }
        let v = items[i];
        if item_eq(vm, v, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn m_remove(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "remove")?;
    let a = method_args(vm, &args, "list.remove", 1, 1)?;
    match find_item(vm, l, a[0], 0, usize::MAX)? {
        Some(i) => {
            remove_at(l, i);
            Ok(vm.none)
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

fn m_index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "index")?;
    let a = method_args(vm, &args, "index", 1, 3)?;
    let len = list_items(l).len();
    let (lo, hi) = crate::types::slice::index_range(vm, a.get(1).copied(), a.get(2).copied(), len)?;
    match find_item(vm, l, a[0], lo, hi)? {
        Some(i) => Ok(Value::from_usize(i)),
        None => {
            let r = crate::ops::convert::repr_string(vm, a[0])?;
            Err(vm.value_error(format!("{r} is not in list")))
        }
    }
}

fn m_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "count")?;
    let a = method_args(vm, &args, "list.count", 1, 1)?;
    let mut i = 0;
    let mut n = 0;
    loop {
        let items = list_items(l);
        if i >= items.len() {
            break;
        }
        let v = items[i];
        if item_eq(vm, v, a[0])? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::from_usize(n))
}

fn m_clear(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "clear")?;
    method_args(vm, &args, "list.clear", 0, 0)?;
    set_items(vm, l, &[])?;
    Ok(vm.none)
}

fn m_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "copy")?;
    method_args(vm, &args, "list.copy", 0, 0)?;
    let items = list_items(l).to_vec();
    new_list_raw(vm, &items)
}

fn m_reverse(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "reverse")?;
    method_args(vm, &args, "list.reverse", 0, 0)?;
    list_items(l).reverse();
    Ok(vm.none)
}

/// `a < b` for sorting, with fast paths for small ints and exact strs.
fn sort_lt(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (a.as_small(), b.as_small()) {
        return Ok(x < y);
    }
    if let (Some(x), Some(y)) = (
        crate::types::str::as_exact_str(a),
        crate::types::str::as_exact_str(b),
    ) {
        return Ok(x < y);
    }
    compare_bool(vm, a, b, CmpOp::Lt)
}

/// A stable merge sort of (key, item) pairs by key with a fallible `<`. On error the slice
/// holds a permutation of its items.
fn merge_sort(vm: &mut Vm, v: &mut [(Value, Value)]) -> PyResult<()> {
    const RUN: usize = 16;
    let n = v.len();
    // Binary insertion sort of short runs.
    let mut lo = 0;
    while lo < n {
        let hi = (lo + RUN).min(n);
        for i in lo + 1..hi {
            let x = v[i];
            let (mut l, mut r) = (lo, i);
            while l < r {
                let mid = (l + r) / 2;
                if sort_lt(vm, x.0, v[mid].0)? {
                    r = mid;
                } else {
                    l = mid + 1;
                }
            }
            v[l..=i].rotate_right(1);
        }
        lo = hi;
    }
    // Bottom-up merges.
    let mut width = RUN;
    let mut buf: Vec<(Value, Value)> = Vec::with_capacity(n);
    while width < n {
        let mut lo = 0;
        while lo + width < n {
            let mid = lo + width;
            let hi = (lo + 2 * width).min(n);
            buf.clear();
            let (mut i, mut j) = (lo, mid);
            while i < mid && j < hi {
                if sort_lt(vm, v[j].0, v[i].0)? {
                    buf.push(v[j]);
                    j += 1;
                } else {
                    buf.push(v[i]);
                    i += 1;
                }
            }
            buf.extend_from_slice(&v[i..mid]);
            buf.extend_from_slice(&v[j..hi]);
            v[lo..hi].copy_from_slice(&buf);
            lo = hi;
        }
        width *= 2;
    }
    Ok(())
}

/// Sorts a list in place: `key` (None for identity) and `reverse`, stable, as `list.sort`.
pub fn sort_list(vm: &mut Vm, l: Value, key: Value, reverse: bool) -> PyResult<()> {
    let items = list_items(l).to_vec();
    // Empty the list while sorting so that mutations by key/__lt__ are detected.
    set_items(vm, l, &[])?;
    let mut pairs: Vec<(Value, Value)> = Vec::with_capacity(items.len());
    let mut result = Ok(());
    if key.is_null() || key == vm.none {
        pairs.extend(items.iter().map(|&x| (x, x)));
    } else {
        for &x in &items {
            match crate::ops::call::call(vm, key, &[x]) {
                Ok(k) => pairs.push((k, x)),
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
    }
    let modified = as_list(l).is_some_and(|o| o.len != 0 || !o.items.is_null());
    if result.is_err() {
        set_items(vm, l, &items)?;
        return result;
    }
    if reverse {
        pairs.reverse();
    }
    let r = merge_sort(vm, &mut pairs);
    if reverse {
        pairs.reverse();
    }
    let modified = modified || as_list(l).is_some_and(|o| o.len != 0 || !o.items.is_null());
    let sorted: Vec<Value> = pairs.iter().map(|p| p.1).collect();
    set_items(vm, l, &sorted)?;
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(())
}

fn m_sort(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "sort")?;
    if args.pos.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    for &k in args.kwnames {
        let k = crate::types::str::as_str(k).unwrap_or("");
        if k != "key" && k != "reverse" {
            return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for sort()")));
        }
    }
    let key = args.kwarg("key").unwrap_or(Value::NULL);
    let reverse = match args.kwarg("reverse") {
        Some(r) => crate::ops::convert::truthy(vm, r)?,
        None => false,
    };
    sort_list(vm, l, key, reverse)?;
    Ok(vm.none)
}

// ---------------------------------------------------------------------------------------
// Dunders.

fn d_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = vm.cls.list;
    let cls = check_new_cls(vm, &args, "list", base)?;
    let obj = new_list_raw(vm, &[])?;
    if cls == vm.cls.list {
        Ok(obj)
    } else {
        Ok(crate::types::instance::new_instance(vm, cls, obj))
    }
}

/// Validates the class argument of `X.__new__(cls, ...)` for builtin class `base`.
pub(crate) fn check_new_cls(
    vm: &mut Vm,
    args: &Args<'_>,
    name: &str,
    base: Value,
) -> PyResult<Value> {
    let Some(&cls) = args.pos.first() else {
        return Err(vm.type_error(format!("{name}.__new__(): not enough arguments")));
    };
    if !object::is::<object::ClassObj>(cls) {
        let t = type_name(vm, cls).to_string();
        return Err(vm.type_error(format!("{name}.__new__(X): X is not a type object ({t})")));
    }
    if !crate::types::class::is_subclass(cls, base) {
        let c = crate::types::class::class_name(cls).to_string();
        return Err(vm.type_error(format!(
            "{name}.__new__({c}): {c} is not a subtype of {name}"
        )));
    }
    Ok(cls)
}

fn d_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "__init__")?;
    if !args.kw.is_empty() {
        return Err(vm.type_error("list() takes no keyword arguments"));
    }
    let a = method_args(vm, &args, "list", 0, 1)?;
    set_items(vm, l, &[])?;
    if let Some(&it) = a.first() {
        extend_from(vm, l, it)?;
    }
    Ok(vm.none)
}

fn d_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "__len__")?;
    method_args(vm, &args, "list.__len__", 0, 0)?;
    Ok(Value::from_usize(list_items(l).len()))
}

fn d_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "__getitem__")?;
    let a = method_args(vm, &args, "list.__getitem__", 1, 1)?;
    getitem(vm, l, a[0])
}

fn d_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "__setitem__")?;
    let a = method_args(vm, &args, "__setitem__", 2, 2)?;
    setitem(vm, l, a[0], a[1])?;
    Ok(vm.none)
}

fn d_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "__delitem__")?;
    let a = method_args(vm, &args, "list.__delitem__", 1, 1)?;
    delitem(vm, l, a[0])?;
    Ok(vm.none)
}

fn d_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "__contains__")?;
    let a = method_args(vm, &args, "list.__contains__", 1, 1)?;
    let found = find_item(vm, l, a[0], 0, usize::MAX)?.is_some();
    Ok(vm.bool(found))
}

fn d_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "__iter__")?;
    method_args(vm, &args, "list.__iter__", 0, 0)?;
    let cls = vm.cls.list_iterator;
    Ok(crate::types::iters::new_seq_iter(vm, cls, l))
}

fn d_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "__reversed__")?;
    method_args(vm, &args, "list.__reversed__", 0, 0)?;
    let n = list_items(l).len();
    let cls = vm.cls.list_reverseiterator;
    Ok(crate::types::iters::new_reversed_iter(vm, cls, l, n))
}

fn d_add(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "__add__")?;
    let a = method_args(vm, &args, "list.__add__", 1, 1)?;
    if as_list(a[0]).is_none() {
        if user_defines(vm, a[0], "__radd__") {
            return Ok(vm.not_implemented);
        }
        let t = type_name(vm, a[0]).to_string();
        return Err(vm.type_error(format!("can only concatenate list (not \"{t}\") to list")));
    }
    let mut items = list_items(l).to_vec();
    items.extend_from_slice(list_items(a[0]));
    new_list_raw(vm, &items)
}

fn d_iadd(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "__iadd__")?;
    let a = method_args(vm, &args, "list.__iadd__", 1, 1)?;
    extend_from(vm, l, a[0])?;
    Ok(l)
}

fn d_mul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "__mul__")?;
    let a = method_args(vm, &args, "list.__mul__", 1, 1)?;
    let Some(n) = repeat_count(vm, a[0])? else {
        if user_defines(vm, a[0], "__rmul__") {
            return Ok(vm.not_implemented);
        }
        return Err(cant_multiply(vm, a[0]));
    };
    let items = list_items(l).to_vec();
    let out = repeat_items(vm, &items, n)?;
    new_list_raw(vm, &out)
}

fn d_rmul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "__rmul__")?;
    let a = method_args(vm, &args, "list.__rmul__", 1, 1)?;
    let Some(n) = repeat_count(vm, a[0])? else {
        return Ok(vm.not_implemented);
    };
    let items = list_items(l).to_vec();
    let out = repeat_items(vm, &items, n)?;
    new_list_raw(vm, &out)
}

fn d_imul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "__imul__")?;
    let a = method_args(vm, &args, "list.__imul__", 1, 1)?;
    let Some(n) = repeat_count(vm, a[0])? else {
        if user_defines(vm, a[0], "__rmul__") {
            return Ok(vm.not_implemented);
        }
        return Err(cant_multiply(vm, a[0]));
    };
    let items = list_items(l).to_vec();
    let out = repeat_items(vm, &items, n)?;
    set_items(vm, l, &out)?;
    Ok(l)
}

fn compare(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult {
    let l = this(vm, &args, "__eq__")?;
    let a = method_args(vm, &args, "list.__eq__", 1, 1)?;
    if as_list(a[0]).is_none() {
        return Ok(vm.not_implemented);
    }
    let x = list_items(l).to_vec();
    let y = list_items(a[0]).to_vec();
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

fn d_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(vm, &args, "__repr__")?;
    method_args(vm, &args, "list.__repr__", 0, 0)?;
    if list_items(l).is_empty() {
        return Ok(crate::types::str::new_str(vm, "[]"));
    }
    if !repr_enter(l) {
        return Ok(crate::types::str::new_str(vm, "[...]"));
    }
    let r = repr_seq(vm, "[", "]", |i| list_items(l).get(i).copied());
    repr_leave(l);
    let s = r?;
    Ok(crate::types::str::new_str(vm, &s))
}

/// `X[item]` on the builtin generic classes: a `types.GenericAlias`.
pub(crate) fn class_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    crate::types::genericalias::class_getitem(vm, args)
}

/// Registers the methods.
pub(crate) fn init(vm: &mut Vm) {
    let cls = vm.cls.list;
    vm.add_classmethod(cls, "__class_getitem__", class_getitem);
    vm.add_staticmethod(cls, "__new__", d_new);
    vm.add_methods(
        cls,
        &[
            ("append", m_append),
            ("extend", m_extend),
            ("insert", m_insert),
            ("pop", m_pop),
            ("remove", m_remove),
            ("index", m_index),
            ("count", m_count),
            ("clear", m_clear),
            ("copy", m_copy),
            ("reverse", m_reverse),
            ("sort", m_sort),
            ("__init__", d_init),
            ("__len__", d_len),
            ("__getitem__", d_getitem),
            ("__setitem__", d_setitem),
            ("__delitem__", d_delitem),
            ("__contains__", d_contains),
            ("__iter__", d_iter),
            ("__reversed__", d_reversed),
            ("__add__", d_add),
            ("__iadd__", d_iadd),
            ("__mul__", d_mul),
            ("__rmul__", d_rmul),
            ("__imul__", d_imul),
            ("__eq__", d_eq),
            ("__ne__", d_ne),
            ("__lt__", d_lt),
            ("__le__", d_le),
            ("__gt__", d_gt),
            ("__ge__", d_ge),
            ("__repr__", d_repr),
        ],
    );
    let none = vm.none;
    vm.add_attr(cls, "__hash__", none);
}
