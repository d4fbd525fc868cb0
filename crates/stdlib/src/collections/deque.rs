//! `collections.deque`: a double-ended queue with an optional maximum length, and its
//! forward and reverse iterators, which fail once the deque was mutated.
//!
//! Item comparisons may run Python code that mutates the deque; every loop re-reads the
//! state after such a call and reports the mutation as CPython does.

use crate::common::{self, boxed_state};
use pyrs_frontend::bytecode::CmpOp;
use pyrs_interp::object;
use pyrs_interp::ops::{self, compare, convert, iter};
use pyrs_interp::types::boxed;
use pyrs_interp::types::class::{self, class_obj, class_of};
use pyrs_interp::types::int::{self, new_i64};
use pyrs_interp::types::str::new_str;
use pyrs_interp::types::tuple::new_tuple;
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};
use std::collections::VecDeque;

const TNAME: &str = "collections.deque";

/// The state of a deque.
pub(crate) struct Deque {
    items: VecDeque<Value>,
    maxlen: Option<usize>,
    /// Bumped by every change of the items' positions (not by `d[i] = x`).
    state: u64,
}
boxed_state!(Deque { items }, weakref: true);

impl Deque {
    fn changed(&mut self) {
        self.state = self.state.wrapping_add(1);
    }

    fn push_back(&mut self, v: Value) {
        self.changed();
        if self.maxlen == Some(0) {
            return;
        }
        if self.maxlen == Some(self.items.len()) {
            self.items.pop_front();
        }
        self.items.push_back(v);
    }

    fn push_front(&mut self, v: Value) {
        self.changed();
        if self.maxlen == Some(0) {
            return;
        }
        if self.maxlen == Some(self.items.len()) {
            self.items.pop_back();
        }
        self.items.push_front(v);
    }

    fn rotate(&mut self, n: i64) {
        let len = self.items.len();
        if len <= 1 {
            return;
        }
        let k = n.rem_euclid(len as i64) as usize;
        if k != 0 {
            self.changed();
            self.items.rotate_right(k);
        }
    }
}

struct DequeIter {
    deque: Value,
    index: usize,
    state: u64,
    left: usize,
    reversed: bool,
}
boxed_state!(DequeIter { deque } next: deque_iter_next);

fn deque_of<'a>(v: Value) -> Option<&'a mut Deque> {
    boxed::state::<Deque>(v)
}

fn this<'a>(vm: &mut Vm, args: &Args<'_>, method: &str) -> PyResult<&'a mut Deque> {
    common::this::<Deque>(vm, args, method, TNAME)
}

/// The single argument of a one-argument method (`METH_O`).
fn one_arg(vm: &mut Vm, args: &Args<'_>, qualname: &str) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{qualname}() takes no keyword arguments")));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "{qualname}() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        )));
    }
    Ok(args.pos[1])
}

fn no_arg(vm: &mut Vm, args: &Args<'_>, qualname: &str) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{qualname}() takes no keyword arguments")));
    }
    if args.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "{qualname}() takes no arguments ({} given)",
            args.pos.len().saturating_sub(1)
        )));
    }
    Ok(())
}

fn mutated(vm: &mut Vm, what: &str) -> pyrs_interp::Raised {
    vm.runtime_error(format!("deque mutated during {what}"))
}

fn index_error(vm: &mut Vm) -> pyrs_interp::Raised {
    vm.index_error("deque index out of range")
}

/// A new deque of class `cls` (deque or a subclass) with `items`.
fn new_deque(vm: &mut Vm, cls: Value, items: VecDeque<Value>, maxlen: Option<usize>) -> PyResult {
    let base = common::type_of(vm, TNAME)?;
    let st = Deque {
        items,
        maxlen,
        state: 0,
    };
    Ok(common::alloc(vm, cls, base, st))
}

/// A copy of `d` of the same class: for subclasses through `type(d)(d, maxlen)`.
fn copy_of(vm: &mut Vm, d: Value) -> PyResult {
    let base = common::type_of(vm, TNAME)?;
    let cls = class_of(vm, d);
    let Some(s) = deque_of(d) else {
        return Err(vm.type_error("expected a deque"));
    };
    let (items, maxlen) = (s.items.clone(), s.maxlen);
    if cls == base {
        return new_deque(vm, cls, items, maxlen);
    }
    let m = match maxlen {
        Some(n) => new_i64(vm, n as i64),
        None => vm.none,
    };
    ops::call::call(vm, cls, &[d, m])
}

fn d_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = common::type_of(vm, TNAME)?;
    let cls = common::new_cls(vm, &args, base)?;
    new_deque(vm, cls, VecDeque::new(), None)
}

fn d_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(vm, &args, "__init__")?;
    let a = common::parse(vm, &args, 1, "deque", &["iterable", "maxlen"], 0, 2)?;
    let none = vm.none;
    let maxlen = match a[1] {
        Some(m) if m != none => {
            if !int::is_int(m) {
                return Err(vm.type_error("an integer is required"));
            }
            let n = convert::index_isize(vm, m)?;
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
        _ => None,
    };
    let d = args.pos[0];
    if let Some(s) = deque_of(d) {
        s.maxlen = maxlen;
        if !s.items.is_empty() {
            s.items.clear();
            s.changed();
        }
    }
    if let Some(iterable) = a[0] {
        extend(vm, d, iterable, false)?;
    }
    Ok(none)
}

/// Appends (or prepends, one by one) the items of `iterable`.
fn extend(vm: &mut Vm, d: Value, iterable: Value, left: bool) -> PyResult<()> {
    let push = |s: &mut Deque, v: Value| {
        if left {
            s.push_front(v);
        } else {
            s.push_back(v);
        }
    };
    if iterable == d {
        if let Some(s) = deque_of(d) {
            let items: Vec<Value> = s.items.iter().copied().collect();
            for v in items {
                push(s, v);
            }
        }
        return Ok(());
    }
    let it = iter::iter(vm, iterable)?;
    while let Some(v) = iter::next(vm, it)? {
        if let Some(s) = deque_of(d) {
            push(s, v);
        }
    }
    Ok(())
}

fn d_append(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = one_arg(vm, &args, "deque.append")?;
    this(vm, &args, "append")?.push_back(v);
    Ok(vm.none)
}

fn d_appendleft(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = one_arg(vm, &args, "deque.appendleft")?;
    this(vm, &args, "appendleft")?.push_front(v);
    Ok(vm.none)
}

fn d_pop(vm: &mut Vm, args: Args<'_>) -> PyResult {
    no_arg(vm, &args, "deque.pop")?;
    let s = this(vm, &args, "pop")?;
    match s.items.pop_back() {
        Some(v) => {
            s.changed();
            Ok(v)
        }
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn d_popleft(vm: &mut Vm, args: Args<'_>) -> PyResult {
    no_arg(vm, &args, "deque.popleft")?;
    let s = this(vm, &args, "popleft")?;
    match s.items.pop_front() {
        Some(v) => {
            s.changed();
            Ok(v)
        }
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn d_extend(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = one_arg(vm, &args, "deque.extend")?;
    this(vm, &args, "extend")?;
    extend(vm, args.pos[0], v, false)?;
    Ok(vm.none)
}

fn d_extendleft(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = one_arg(vm, &args, "deque.extendleft")?;
    this(vm, &args, "extendleft")?;
    extend(vm, args.pos[0], v, true)?;
    Ok(vm.none)
}

fn d_clear(vm: &mut Vm, args: Args<'_>) -> PyResult {
    no_arg(vm, &args, "deque.clear")?;
    let s = this(vm, &args, "clear")?;
    s.items.clear();
    s.changed();
    Ok(vm.none)
}

fn d_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    no_arg(vm, &args, "deque.copy")?;
    this(vm, &args, "copy")?;
    copy_of(vm, args.pos[0])
}

fn d_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = one_arg(vm, &args, "deque.count")?;
    let d = args.pos[0];
    let s = this(vm, &args, "count")?;
    let (snapshot, state) = (s.items.clone(), s.state);
    let mut n = 0;
    for v in snapshot {
        if compare::eq(vm, v, x)? {
            n += 1;
        }
        if deque_of(d).map(|s| s.state) != Some(state) {
            return Err(mutated(vm, "iteration"));
        }
    }
    Ok(new_i64(vm, n))
}

/// A start/stop argument of `index`, clamped like a slice bound to `0..=len`.
fn slice_bound(vm: &mut Vm, v: Value, len: usize) -> PyResult<usize> {
    let n = vm.names.__index__;
    if !int::is_int(v) && ops::lookup_special(vm, v, n).is_null() {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    }
    let b = convert::index(vm, v)?;
    let i = num_traits::ToPrimitive::to_i64(&b).unwrap_or(if b.sign() == num_bigint::Sign::Minus {
        i64::MIN
    } else {
        i64::MAX
    });
    let len = len as i64;
    Ok(if i < 0 { (i + len).max(0) } else { i.min(len) } as usize)
}

fn d_index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::no_kwargs(vm, &args, "index")?;
    let n = args.pos.len().saturating_sub(1);
    if n < 1 {
        return Err(vm.type_error(format!("index() takes at least 1 argument ({n} given)")));
    }
    if n > 3 {
        return Err(vm.type_error(format!("index() takes at most 3 arguments ({n} given)")));
    }
    let d = args.pos[0];
    let x = args.pos[1];
    let len = this(vm, &args, "index")?.items.len();
    let start = match args.pos.get(2) {
        Some(&v) => slice_bound(vm, v, len)?,
        None => 0,
    };
    let stop = match args.pos.get(3) {
        Some(&v) => slice_bound(vm, v, len)?,
        None => len,
    };
    let Some(s) = deque_of(d) else {
        return Ok(vm.none);
    };
    let state = s.state;
    let mut i = start;
    while i < stop {
        let Some(s) = deque_of(d) else {
            break;
        };
        let Some(&v) = s.items.get(i) else {
            break;
        };
        if compare::eq(vm, v, x)? {
            return Ok(new_i64(vm, i as i64));
        }
        if deque_of(d).map(|s| s.state) != Some(state) {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
        i += 1;
    }
    let r = convert::repr_string(vm, x)?;
    Err(vm.value_error(format!("{r} is not in deque")))
}

fn d_insert(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "insert", 1, 2, 2)?;
    let i = convert::index_isize(vm, pos[0])?;
    let x = pos[1];
    let s = this(vm, &args, "insert")?;
    if s.maxlen == Some(s.items.len()) {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    let len = s.items.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    s.items.insert(at, x);
    s.changed();
    Ok(vm.none)
}

fn d_remove(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = one_arg(vm, &args, "deque.remove")?;
    let d = args.pos[0];
    let s = this(vm, &args, "remove")?;
    let state = s.state;
    let mut i = 0;
    while let Some(&v) = deque_of(d).and_then(|s| s.items.get(i)) {
        let eq = compare::eq(vm, v, x)?;
        let Some(s) = deque_of(d) else {
            break;
        };
        if s.state != state {
            return Err(vm.index_error("deque mutated during remove()."));
        }
        if eq {
            s.items.remove(i);
            s.changed();
            return Ok(vm.none);
        }
        i += 1;
    }
    let r = convert::repr_string(vm, x)?;
    Err(vm.value_error(format!("{r} is not in deque")))
}

fn d_reverse(vm: &mut Vm, args: Args<'_>) -> PyResult {
    no_arg(vm, &args, "deque.reverse")?;
    let s = this(vm, &args, "reverse")?;
    s.items.make_contiguous().reverse();
    s.changed();
    Ok(vm.none)
}

fn d_rotate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "deque.rotate", 1, 0, 1)?;
    let n = match pos.first() {
        Some(&v) => convert::index_isize(vm, v)?,
        None => 1,
    };
    this(vm, &args, "rotate")?.rotate(n);
    Ok(vm.none)
}

fn d_maxlen(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(vm, &args, "maxlen")?;
    Ok(match s.maxlen {
        Some(n) => new_i64(vm, n as i64),
        None => vm.none,
    })
}

fn d_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = this(vm, &args, "__len__")?.items.len();
    Ok(Value::from_usize(n))
}

fn d_bool(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = this(vm, &args, "__bool__")?.items.len();
    Ok(vm.bool(n != 0))
}

/// The position of item index `key` in a deque of `len` items.
fn item_index(vm: &mut Vm, key: Value, len: usize) -> PyResult<usize> {
    let n = vm.names.__index__;
    if !int::is_int(key) && ops::lookup_special(vm, key, n).is_null() {
        let t = class::type_name(vm, key).to_string();
        return Err(vm.type_error(format!("sequence index must be integer, not '{t}'")));
    }
    let i = convert::index_isize(vm, key)?;
    let i = if i < 0 { i + len as i64 } else { i };
    if i < 0 || i >= len as i64 {
        return Err(index_error(vm));
    }
    Ok(i as usize)
}

fn d_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let key = one_arg(vm, &args, "deque.__getitem__")?;
    let len = this(vm, &args, "__getitem__")?.items.len();
    let i = item_index(vm, key, len)?;
    match deque_of(args.pos[0]).and_then(|s| s.items.get(i).copied()) {
        Some(v) => Ok(v),
        None => Err(index_error(vm)),
    }
}

fn d_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "__setitem__", 1, 2, 2)?;
    let len = this(vm, &args, "__setitem__")?.items.len();
    let i = item_index(vm, pos[0], len)?;
    match deque_of(args.pos[0]).and_then(|s| s.items.get_mut(i)) {
        Some(slot) => {
            *slot = pos[1];
            Ok(vm.none)
        }
        None => Err(index_error(vm)),
    }
}

fn d_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let key = one_arg(vm, &args, "deque.__delitem__")?;
    let len = this(vm, &args, "__delitem__")?.items.len();
    let i = item_index(vm, key, len)?;
    match deque_of(args.pos[0]) {
        Some(s) if i < s.items.len() => {
            s.items.remove(i);
            s.changed();
            Ok(vm.none)
        }
        _ => Err(index_error(vm)),
    }
}

fn d_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = one_arg(vm, &args, "deque.__contains__")?;
    let d = args.pos[0];
    let s = this(vm, &args, "__contains__")?;
    let (snapshot, state) = (s.items.clone(), s.state);
    for v in snapshot {
        if compare::eq(vm, v, x)? {
            return Ok(vm.true_);
        }
        if deque_of(d).map(|s| s.state) != Some(state) {
            return Err(mutated(vm, "iteration"));
        }
    }
    Ok(vm.false_)
}

fn new_iter(vm: &mut Vm, d: Value, reversed: bool) -> PyResult {
    let key = if reversed {
        "_collections._deque_reverse_iterator"
    } else {
        "_collections._deque_iterator"
    };
    let cls = common::type_of(vm, key)?;
    let Some(s) = deque_of(d) else {
        return Err(vm.type_error("expected a deque"));
    };
    let len = s.items.len();
    let st = DequeIter {
        deque: d,
        index: if reversed { len.wrapping_sub(1) } else { 0 },
        state: s.state,
        left: len,
        reversed,
    };
    Ok(boxed::new_boxed(vm, cls, st))
}

fn d_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(vm, &args, "__iter__")?;
    new_iter(vm, args.pos[0], false)
}

fn d_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(vm, &args, "__reversed__")?;
    new_iter(vm, args.pos[0], true)
}

fn deque_iter_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(s) = boxed::state::<DequeIter>(it) else {
        return Ok(None);
    };
    let Some(d) = deque_of(s.deque) else {
        return Ok(None);
    };
    if d.state != s.state {
        s.left = 0;
        return Err(mutated(vm, "iteration"));
    }
    if s.left == 0 {
        return Ok(None);
    }
    let Some(&v) = d.items.get(s.index) else {
        s.left = 0;
        return Ok(None);
    };
    s.left -= 1;
    s.index = if s.reversed {
        s.index.wrapping_sub(1)
    } else {
        s.index + 1
    };
    Ok(Some(v))
}

fn iter_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s =
        common::this::<DequeIter>(vm, &args, "__length_hint__", "_collections._deque_iterator")?;
    Ok(Value::from_usize(s.left))
}

fn d_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = args.pos[0];
    this(vm, &args, "__repr__")?;
    let Some(_guard) = common::ReprGuard::enter(d) else {
        return Ok(new_str(vm, "[...]"));
    };
    let name = common::short_type_name(vm, d);
    let mut out = format!("{name}([");
    let mut i = 0;
    while let Some(v) = deque_of(d).and_then(|s| s.items.get(i).copied()) {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&convert::repr_string(vm, v)?);
        i += 1;
    }
    out.push(']');
    if let Some(n) = deque_of(d).and_then(|s| s.maxlen) {
        out.push_str(&format!(", maxlen={n}"));
    }
    out.push(')');
    Ok(new_str(vm, &out))
}

/// The items of `other` if it is a deque (for comparisons and `+`).
fn items_of(other: Value) -> Option<Vec<Value>> {
    deque_of(other).map(|s| s.items.iter().copied().collect())
}

fn richcompare(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult {
    let pos = common::positional(vm, &args, "comparison", 1, 1, 1)?;
    let a = this(vm, &args, "comparison")?
        .items
        .iter()
        .copied()
        .collect::<Vec<_>>();
    let Some(b) = items_of(pos[0]) else {
        return Ok(vm.not_implemented);
    };
    if a.len() != b.len() && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(vm.bool(op == CmpOp::Ne));
    }
    let n = a.len().min(b.len());
    let mut i = 0;
    while i < n && compare::eq(vm, a[i], b[i])? {
        i += 1;
    }
    if i < n {
        return match op {
            CmpOp::Eq => Ok(vm.false_),
            CmpOp::Ne => Ok(vm.true_),
            _ => compare::rich_compare(vm, a[i], b[i], op),
        };
    }
    let (x, y) = (a.len(), b.len());
    let r = match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
    };
    Ok(vm.bool(r))
}

fn d_lt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    richcompare(vm, args, CmpOp::Lt)
}
fn d_le(vm: &mut Vm, args: Args<'_>) -> PyResult {
    richcompare(vm, args, CmpOp::Le)
}
fn d_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    richcompare(vm, args, CmpOp::Eq)
}
fn d_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    richcompare(vm, args, CmpOp::Ne)
}
fn d_gt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    richcompare(vm, args, CmpOp::Gt)
}
fn d_ge(vm: &mut Vm, args: Args<'_>) -> PyResult {
    richcompare(vm, args, CmpOp::Ge)
}

fn d_add(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let other = one_arg(vm, &args, "deque.__add__")?;
    this(vm, &args, "__add__")?;
    let Some(b) = items_of(other) else {
        let t = common::type_name(vm, other);
        return Err(vm.type_error(format!("can only concatenate deque (not \"{t}\") to deque")));
    };
    let c = copy_of(vm, args.pos[0])?;
    if let Some(s) = deque_of(c) {
        for v in b {
            s.push_back(v);
        }
    }
    Ok(c)
}

fn d_iadd(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let other = one_arg(vm, &args, "deque.__iadd__")?;
    this(vm, &args, "__iadd__")?;
    extend(vm, args.pos[0], other, false)?;
    Ok(args.pos[0])
}

/// Repeats the items of deque `d` `n` times in place (`maxlen` keeps the last ones).
fn repeat_in_place(vm: &mut Vm, d: Value, n: Value) -> PyResult<()> {
    let n = match common::repeat_count(vm, n)? {
        Some(n) => n,
        None => {
            let t = class::type_name(vm, n).to_string();
            return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{t}'")));
        }
    };
    let Some(s) = deque_of(d) else {
        return Ok(());
    };
    let items: Vec<Value> = s.items.iter().copied().collect();
    if n <= 0 || items.is_empty() {
        s.items.clear();
        s.changed();
        return Ok(());
    }
    let total = (items.len() as u128) * (n as u128);
    let keep = s.maxlen.map(|m| m as u128).unwrap_or(total).min(total);
    if !vm.heap.can_allocate((keep as usize).saturating_mul(8)) || keep > isize::MAX as u128 {
        return Err(vm.memory_error());
    }
    let Some(s) = deque_of(d) else {
        return Ok(());
    };
    let skip = (total - keep) as usize;
    s.items.clear();
    s.changed();
    let len = items.len();
    for k in skip..(total as usize) {
        s.items.push_back(items[k % len]);
    }
    Ok(())
}

fn d_mul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = one_arg(vm, &args, "deque.__mul__")?;
    this(vm, &args, "__mul__")?;
    if common::repeat_count(vm, n)?.is_none() {
        let cls = class_of(vm, n);
        if class_obj(cls).flags & class::flags::BUILTIN == 0 {
            return Ok(vm.not_implemented);
        }
    }
    let c = copy_of(vm, args.pos[0])?;
    repeat_in_place(vm, c, n)?;
    Ok(c)
}

fn d_imul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = one_arg(vm, &args, "deque.__imul__")?;
    this(vm, &args, "__imul__")?;
    repeat_in_place(vm, args.pos[0], n)?;
    Ok(args.pos[0])
}

fn d_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    no_arg(vm, &args, "deque.__reduce__")?;
    let d = args.pos[0];
    let maxlen = this(vm, &args, "__reduce__")?.maxlen;
    let cls = class_of(vm, d);
    let empty = new_tuple(vm, &[]);
    let ctor_args = match maxlen {
        Some(n) => {
            let m = new_i64(vm, n as i64);
            new_tuple(vm, &[empty, m])
        }
        None => empty,
    };
    let state = attr_dict(vm, d)?;
    let it = new_iter(vm, d, false)?;
    Ok(new_tuple(vm, &[cls, ctor_args, state, it]))
}

/// The `__dict__` of a subclass instance, or None.
fn attr_dict(vm: &mut Vm, v: Value) -> PyResult {
    if object::kind_of(v) != Some(object::Kind::Instance) {
        return Ok(vm.none);
    }
    let n = vm.names.__dict__;
    match ops::attr::getattr_opt(vm, v, n)? {
        Some(d) if pyrs_interp::types::dict::len(d) > 0 => Ok(d),
        _ => Ok(vm.none),
    }
}

fn class_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(args.pos.first().copied().unwrap_or(vm.none))
}

const METHODS: &[(&str, NativeFn)] = &[
    ("__init__", d_init),
    ("append", d_append),
    ("appendleft", d_appendleft),
    ("pop", d_pop),
    ("popleft", d_popleft),
    ("extend", d_extend),
    ("extendleft", d_extendleft),
    ("clear", d_clear),
    ("copy", d_copy),
    ("__copy__", d_copy),
    ("count", d_count),
    ("index", d_index),
    ("insert", d_insert),
    ("remove", d_remove),
    ("reverse", d_reverse),
    ("rotate", d_rotate),
    ("__len__", d_len),
    ("__bool__", d_bool),
    ("__getitem__", d_getitem),
    ("__setitem__", d_setitem),
    ("__delitem__", d_delitem),
    ("__contains__", d_contains),
    ("__iter__", d_iter),
    ("__reversed__", d_reversed),
    ("__repr__", d_repr),
    ("__lt__", d_lt),
    ("__le__", d_le),
    ("__eq__", d_eq),
    ("__ne__", d_ne),
    ("__gt__", d_gt),
    ("__ge__", d_ge),
    ("__add__", d_add),
    ("__iadd__", d_iadd),
    ("__mul__", d_mul),
    ("__rmul__", d_mul),
    ("__imul__", d_imul),
    ("__reduce__", d_reduce),
];

/// Creates `deque` and its iterator types; returns the deque class.
pub(crate) fn init(vm: &mut Vm) -> Value {
    let cls = common::new_type(vm, TNAME, None, true);
    vm.add_staticmethod(cls, "__new__", d_new);
    vm.add_methods(cls, METHODS);
    vm.add_getset(cls, "maxlen", d_maxlen, None);
    vm.add_classmethod(cls, "__class_getitem__", class_getitem);
    let none = vm.none;
    vm.add_attr(cls, "__hash__", none);
    for key in [
        "_collections._deque_iterator",
        "_collections._deque_reverse_iterator",
    ] {
        let it = common::new_type(vm, key, None, false);
        vm.add_methods(
            it,
            &[
                ("__iter__", common::iter_self_method),
                ("__next__", common::iter_next_method),
                ("__length_hint__", iter_length_hint),
            ],
        );
    }
    cls
}
