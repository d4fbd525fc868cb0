//! The native iterators: sequence, range, dict/set, and enumerate/zip/map/filter/reversed/
//! callable iterators. [`next_fast`] advances any of them without a method lookup.

use crate::object::{
    self, DictIterObj, InstanceObj, Kind, NativeIterObj, RangeIterObj, SeqIterObj,
};
use crate::types::list::list_items;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// Which native iterator a `NativeIter` object is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u64)]
pub enum NativeIterKind {
    /// `enumerate(a)`: `index` counts.
    Enumerate,
    /// `zip(*a)`: `a` is a tuple of iterators.
    Zip,
    /// `map(a, *b)`: `b` is a tuple of iterators.
    Map,
    /// `filter(a, b)`.
    Filter,
    /// `reversed(a)`: `index` counts down.
    Reversed,
    /// `iter(a, b)`: call `a` until it returns `b`.
    CallIter,
    /// `longrange_iterator`: `a` next value, `b` step, `c` values left (all ints).
    LongRange,
}

impl NativeIterKind {
    fn from_u64(w: u64) -> Option<NativeIterKind> {
        use NativeIterKind::*;
        [Enumerate, Zip, Map, Filter, Reversed, CallIter, LongRange]
            .get(w as usize)
            .copied()
    }
}

/// `DictIterObj::which` for a set iterator.
pub const WHICH_SET: u64 = 3;
/// Added to `which` (0 keys, 1 values, 2 items) for a reversed dict iterator.
pub const WHICH_REVERSED: u64 = 4;

/// A new index-based iterator of class `cls` (list_iterator, tuple_iterator, or `iterator`
/// for objects that only have `__getitem__`) over `seq`.
pub fn new_seq_iter(vm: &mut Vm, cls: Value, seq: Value) -> Value {
    let (v, it) = vm.alloc_obj::<SeqIterObj>(cls);
    it.seq = seq;
    it.index = 0;
    v
}

/// A reversed iterator of class `cls` (`reversed`, `list_reverseiterator`) over the first
/// `len` items of the sequence `seq`.
pub fn new_reversed_iter(vm: &mut Vm, cls: Value, seq: Value, len: usize) -> Value {
    new_native(
        vm,
        cls,
        NativeIterKind::Reversed,
        seq,
        Value::NULL,
        Value::NULL,
        len as i64 - 1,
    )
}

/// `iter(callable, sentinel)`.
pub fn new_callable_iter(vm: &mut Vm, callable: Value, sentinel: Value) -> Value {
    let cls = vm.cls.callable_iterator;
    new_native(
        vm,
        cls,
        NativeIterKind::CallIter,
        callable,
        sentinel,
        Value::NULL,
        0,
    )
}

/// A `longrange_iterator` yielding `left` ints from `next` by `step`.
pub fn new_long_range_iter(vm: &mut Vm, next: Value, step: Value, left: Value) -> Value {
    let cls = vm.cls.longrange_iterator;
    new_native(vm, cls, NativeIterKind::LongRange, next, step, left, 0)
}

/// A dict or set iterator of class `cls` over `container`; `which` is 0 keys, 1 values,
/// 2 items (plus [`WHICH_REVERSED`] to walk backwards) or [`WHICH_SET`]; `size` is the
/// container's size now (a change is reported as an error), `start` the first entry index.
pub fn new_dict_iter(
    vm: &mut Vm,
    cls: Value,
    container: Value,
    which: u64,
    size: usize,
    start: usize,
) -> Value {
    let (v, it) = vm.alloc_obj::<DictIterObj>(cls);
    it.container = container;
    it.which = which;
    it.size = size as u64;
    it.index = start as u64;
    v
}

fn new_native(
    vm: &mut Vm,
    cls: Value,
    kind: NativeIterKind,
    a: Value,
    b: Value,
    c: Value,
    index: i64,
) -> Value {
    let (v, it) = vm.alloc_obj::<NativeIterObj>(cls);
    it.a = a;
    it.b = b;
    it.c = c;
    it.index = index;
    it.which = kind as u64;
    v
}

/// Clears the pending exception if it is one of `classes`; whether it was.
fn swallow(vm: &mut Vm, classes: &[Value]) -> bool {
    if classes.iter().any(|&c| vm.exc_matches(c)) {
        vm.exc = Value::NULL;
        true
    } else {
        false
    }
}

/// The native object of an iterator value (itself, or a subclass instance's payload).
fn payload(v: Value) -> Value {
    match object::downcast::<InstanceObj>(v) {
        Some(i) if !i.native.is_null() => i.native,
        _ => v,
    }
}

/// Advances any native iterator without a method lookup: `None` when `it` is not one
/// (then call `__next__`), else `Ok(None)` when exhausted or the next item.
#[inline]
pub fn next_fast(vm: &mut Vm, it: Value) -> Option<PyResult<Option<Value>>> {
    match object::kind_of(it)? {
        Kind::RangeIter => {
            let o = object::downcast::<RangeIterObj>(it)?;
            let r =
                crate::types::range::range_iter_next(o).map(|i| crate::types::int::new_i64(vm, i));
            Some(Ok(r))
        }
        Kind::SeqIter => {
            // SAFETY: `it` is a pointer Value (its kind was read).
            let cls = unsafe { object::class_word(it) };
            let c = &vm.cls;
            if cls == c.str_ascii_iterator
                || cls == c.str_iterator
                || cls == c.bytes_iterator
                || cls == c.bytearray_iterator
            {
                return None;
            }
            Some(seq_next(vm, it))
        }
        Kind::DictIter => Some(dict_next(vm, it)),
        Kind::NativeIter => Some(native_next(vm, it)),
        Kind::Boxed => crate::types::boxed::next_fn(it).map(|f| f(vm, it)),
        _ => None,
    }
}

fn seq_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(o) = object::downcast::<SeqIterObj>(it) else {
        return Ok(None);
    };
    let seq = o.seq;
    if seq.is_null() {
        return Ok(None);
    }
    let i = o.index as usize;
    // SAFETY: `it` is a SeqIter object.
    let cls = unsafe { object::class_word(it) };
    if cls == vm.cls.list_iterator || cls == vm.cls.tuple_iterator {
        let items: &[Value] = if cls == vm.cls.list_iterator {
            &*list_items(seq)
        } else {
            &*crate::types::tuple::items(seq)
        };
        if let Some(&v) = items.get(i) {
            o.index += 1;
            return Ok(Some(v));
        }
        o.seq = Value::NULL;
        return Ok(None);
    }
    let idx = Value::from_usize(i);
    match crate::ops::subscript::getitem(vm, seq, idx) {
        Ok(v) => {
            if let Some(o) = object::downcast::<SeqIterObj>(it) {
                o.index += 1;
            }
            Ok(Some(v))
        }
        Err(e) => {
            let (ie, si) = (vm.cls.index_error, vm.cls.stop_iteration);
            if swallow(vm, &[ie, si]) {
                if let Some(o) = object::downcast::<SeqIterObj>(it) {
                    o.seq = Value::NULL;
                }
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

fn dict_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(o) = object::downcast::<DictIterObj>(it) else {
        return Ok(None);
    };
    let c = o.container;
    if c.is_null() {
        return Ok(None);
    }
    if o.which == WHICH_SET {
        let d = crate::types::set::data(c);
        if o.size != d.used as u64 {
            o.size = u64::MAX;
            return Err(vm.runtime_error("Set changed size during iteration"));
        }
        let mut j = o.index as usize;
        while j < d.table.len() {
            let k = d.table[j].key;
            j += 1;
            if !k.is_null() {
                o.index = j as u64;
                return Ok(Some(k));
            }
        }
        o.index = j as u64;
        o.container = Value::NULL;
        return Ok(None);
    }
    let d = crate::types::dict::data(c);
    if o.size != d.len as u64 {
        o.size = u64::MAX;
        return Err(vm.runtime_error("dictionary changed size during iteration"));
    }
    let reversed = o.which >= WHICH_REVERSED;
    let which = o.which % WHICH_REVERSED;
    let mut found = None;
    if reversed {
        let mut j = (o.index as usize).min(d.entries.len());
        while j > 0 {
            j -= 1;
            let e = d.entries[j];
            if !e.key.is_null() {
                found = Some(e);
                break;
            }
        }
        o.index = j as u64;
    } else {
        let mut j = o.index as usize;
        while j < d.entries.len() {
            let e = d.entries[j];
            j += 1;
            if !e.key.is_null() {
                found = Some(e);
                break;
            }
        }
        o.index = j as u64;
    }
    let Some(e) = found else {
        o.container = Value::NULL;
        return Ok(None);
    };
    Ok(Some(match which {
        0 => e.key,
        1 => e.value,
        _ => crate::types::tuple::new_tuple(vm, &[e.key, e.value]),
    }))
}

fn native_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(o) = object::downcast::<NativeIterObj>(it) else {
        return Ok(None);
    };
    let Some(kind) = NativeIterKind::from_u64(o.which) else {
        return Ok(None);
    };
    let (a, b) = (o.a, o.b);
    match kind {
        NativeIterKind::Enumerate => {
            let Some(item) = crate::ops::iter::next(vm, a)? else {
                return Ok(None);
            };
            let count = match object::downcast::<NativeIterObj>(it) {
                Some(o) => o.b,
                None => return Ok(None),
            };
            let next = match count.as_small().and_then(|i| i.checked_add(1)) {
                Some(n) => crate::types::int::new_i64(vm, n),
                None => {
                    let one = Value::from_usize(1);
                    crate::ops::arith::binary_op(
                        vm,
                        count,
                        one,
                        pyrs_frontend::bytecode::BinOp::Add,
                    )?
                }
            };
            if let Some(o) = object::downcast::<NativeIterObj>(it) {
                o.b = next;
            }
            Ok(Some(crate::types::tuple::new_tuple(vm, &[count, item])))
        }
        NativeIterKind::Zip => {
            let its = crate::types::tuple::items(a).to_vec();
            if its.is_empty() {
                return Ok(None);
            }
            let strict = !b.is_null();
            let mut out = Vec::with_capacity(its.len());
            for (i, &x) in its.iter().enumerate() {
                match crate::ops::iter::next(vm, x)? {
                    Some(v) => out.push(v),
                    None => {
                        if strict {
                            zip_strict_check(vm, &its, i)?;
                        }
                        return Ok(None);
                    }
                }
            }
            Ok(Some(crate::types::tuple::new_tuple(vm, &out)))
        }
        NativeIterKind::Map => {
            let its = crate::types::tuple::items(b).to_vec();
            let mut argv = Vec::with_capacity(its.len());
            for x in its {
                match crate::ops::iter::next(vm, x)? {
                    Some(v) => argv.push(v),
                    None => return Ok(None),
                }
            }
            crate::ops::call::call(vm, a, &argv).map(Some)
        }
        NativeIterKind::Filter => loop {
            let Some(item) = crate::ops::iter::next(vm, b)? else {
                return Ok(None);
            };
            let keep = if a.is_null() || a == vm.none || a == vm.cls.bool_ {
                crate::ops::convert::truthy(vm, item)?
            } else {
                let r = crate::ops::call::call(vm, a, &[item])?;
                crate::ops::convert::truthy(vm, r)?
            };
            if keep {
                return Ok(Some(item));
            }
        },
        NativeIterKind::Reversed => {
            let i = o.index;
            if i < 0 || a.is_null() {
                return Ok(None);
            }
            let fast: Option<&[Value]> = if crate::types::list::as_list(a).is_some() {
                Some(&*list_items(a))
            } else if crate::types::tuple::as_tuple(a).is_some() {
                Some(&*crate::types::tuple::items(a))
            } else {
                None
            };
            if let Some(items) = fast {
                return Ok(match items.get(i as usize) {
                    Some(&v) => {
                        o.index = i - 1;
                        Some(v)
                    }
                    None => {
                        o.index = -1;
                        o.a = Value::NULL;
                        None
                    }
                });
            }
            let idx = crate::types::int::new_i64(vm, i);
            let r = crate::ops::subscript::getitem(vm, a, idx);
            let Some(o) = object::downcast::<NativeIterObj>(it) else {
                return Ok(None);
            };
            match r {
                Ok(v) => {
                    o.index = i - 1;
                    Ok(Some(v))
                }
                Err(e) => {
                    o.index = -1;
                    o.a = Value::NULL;
                    let (ie, si) = (vm.cls.index_error, vm.cls.stop_iteration);
                    if swallow(vm, &[ie, si]) {
                        Ok(None)
                    } else {
                        Err(e)
                    }
                }
            }
        }
        NativeIterKind::LongRange => {
            let Some((v, next, left)) = crate::types::range::long_iter_step(a, b, o.c) else {
                return Ok(None);
            };
            let (v, next, left) = (
                crate::types::int::new_int(vm, v),
                crate::types::int::new_int(vm, next),
                crate::types::int::new_int(vm, left),
            );
            if let Some(o) = object::downcast::<NativeIterObj>(it) {
                o.a = next;
                o.c = left;
                vm.heap.write_barrier(it.addr());
            }
            Ok(Some(v))
        }
        NativeIterKind::CallIter => {
            if a.is_null() {
                return Ok(None);
            }
            let r = crate::ops::call::call(vm, a, &[]);
            let v = match r {
                Ok(v) => v,
                Err(e) => {
                    let si = vm.cls.stop_iteration;
                    if swallow(vm, &[si]) {
                        if let Some(o) = object::downcast::<NativeIterObj>(it) {
                            o.a = Value::NULL;
                        }
                        return Ok(None);
                    }
                    return Err(e);
                }
            };
            if crate::types::list::item_eq(vm, v, b)? {
                if let Some(o) = object::downcast::<NativeIterObj>(it) {
                    o.a = Value::NULL;
                }
                return Ok(None);
            }
            Ok(Some(v))
        }
    }
}

/// `zip(strict=True)`: iterator `i` is exhausted; raise if the others disagree.
fn zip_strict_check(vm: &mut Vm, its: &[Value], i: usize) -> PyResult<()> {
    let plural = |i: usize| {
        if i == 1 {
            " ".to_string()
        } else {
            "s 1-".to_string()
        }
    };
    if i > 0 {
        return Err(vm.value_error(format!(
            "zip() argument {} is shorter than argument{}{}",
            i + 1,
            plural(i),
            i
        )));
    }
    for (j, &x) in its.iter().enumerate().skip(1) {
        if crate::ops::iter::next(vm, x)?.is_some() {
            return Err(vm.value_error(format!(
                "zip() argument {} is longer than argument{}{}",
                j + 1,
                plural(j),
                j
            )));
        }
    }
    Ok(())
}

/// Advances a native iterator (or a subclass instance of one).
fn next_native(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let p = payload(it);
    match next_fast(vm, p) {
        Some(r) => r,
        None => {
            let t = crate::types::class::type_name(vm, it).to_string();
            Err(vm.type_error(format!(
                "descriptor '__next__' requires an iterator, not '{t}'"
            )))
        }
    }
}

fn d_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(&it) = args.pos.first() else {
        return Err(vm.type_error("__next__ needs an argument"));
    };
    match next_native(vm, it)? {
        Some(v) => Ok(v),
        None => {
            let none = vm.none;
            Err(vm.stop_iteration(none))
        }
    }
}

fn d_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    match args.pos.first() {
        Some(&it) => Ok(it),
        None => Err(vm.type_error("__iter__ needs an argument")),
    }
}

fn d_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(&it) = args.pos.first() else {
        return Err(vm.type_error("__length_hint__ needs an argument"));
    };
    let it = payload(it);
    if let Some(o) = object::downcast::<NativeIterObj>(it) {
        if o.which == NativeIterKind::LongRange as u64 {
            return Ok(o.c);
        }
    }
    let n = if let Some(o) = object::downcast::<RangeIterObj>(it) {
        o.remaining as usize
    } else if let Some(o) = object::downcast::<SeqIterObj>(it) {
        let len = if crate::types::list::as_list(o.seq).is_some() {
            list_items(o.seq).len()
        } else {
            crate::types::tuple::items(o.seq).len()
        };
        len.saturating_sub(o.index as usize)
    } else if let Some(o) = object::downcast::<NativeIterObj>(it) {
        if o.which == NativeIterKind::Reversed as u64 && !o.a.is_null() {
            (o.index + 1).max(0) as usize
        } else {
            0
        }
    } else {
        0
    };
    Ok(Value::from_usize(n))
}

/// Wraps the native iterator `obj` for class `cls` (itself when `cls` is `base`).
fn finish(vm: &mut Vm, cls: Value, base: Value, obj: Value) -> Value {
    if cls == base {
        obj
    } else {
        crate::types::instance::new_instance(vm, cls, obj)
    }
}

fn enumerate_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = vm.cls.enumerate;
    let cls = crate::types::list::check_new_cls(vm, &args, "enumerate", base)?;
    let pos = &args.pos[1..];
    for &k in args.kwnames {
        let k = crate::types::str::as_str(k).unwrap_or("");
        if k != "iterable" && k != "start" {
            return Err(vm.type_error(format!(
                "'{k}' is an invalid keyword argument for enumerate()"
            )));
        }
    }
    let total = pos.len() + args.kw.len();
    if total > 2 {
        return Err(vm.type_error(format!(
            "enumerate() takes at most 2 arguments ({total} given)"
        )));
    }
    let Some(iterable) = pos.first().copied().or_else(|| args.kwarg("iterable")) else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    };
    let start = match pos.get(1).copied().or_else(|| args.kwarg("start")) {
        Some(s) => {
            let b = crate::ops::convert::index(vm, s)?;
            crate::types::int::new_int(vm, b)
        }
        None => Value::from_usize(0),
    };
    let it = crate::ops::iter::iter(vm, iterable)?;
    let obj = new_native(
        vm,
        base,
        NativeIterKind::Enumerate,
        it,
        start,
        Value::NULL,
        0,
    );
    Ok(finish(vm, cls, base, obj))
}

fn zip_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = vm.cls.zip;
    let cls = crate::types::list::check_new_cls(vm, &args, "zip", base)?;
    let mut strict = false;
    for (i, &k) in args.kwnames.iter().enumerate() {
        let k = crate::types::str::as_str(k).unwrap_or("");
        if k != "strict" {
            return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for zip()")));
        }
        strict = crate::ops::convert::truthy(vm, args.kw[i])?;
    }
    let mut its = Vec::with_capacity(args.pos.len().saturating_sub(1));
    for &x in &args.pos[1..] {
        its.push(crate::ops::iter::iter(vm, x)?);
    }
    let t = crate::types::tuple::new_tuple(vm, &its);
    let flag = if strict { vm.true_ } else { Value::NULL };
    let obj = new_native(vm, base, NativeIterKind::Zip, t, flag, Value::NULL, 0);
    Ok(finish(vm, cls, base, obj))
}

fn map_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = vm.cls.map;
    let cls = crate::types::list::check_new_cls(vm, &args, "map", base)?;
    if !args.kw.is_empty() && cls == base {
        return Err(vm.type_error("map() takes no keyword arguments"));
    }
    if args.pos.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::with_capacity(args.pos.len() - 2);
    for &x in &args.pos[2..] {
        its.push(crate::ops::iter::iter(vm, x)?);
    }
    let t = crate::types::tuple::new_tuple(vm, &its);
    let obj = new_native(
        vm,
        base,
        NativeIterKind::Map,
        args.pos[1],
        t,
        Value::NULL,
        0,
    );
    Ok(finish(vm, cls, base, obj))
}

fn filter_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = vm.cls.filter;
    let cls = crate::types::list::check_new_cls(vm, &args, "filter", base)?;
    if !args.kw.is_empty() && cls == base {
        return Err(vm.type_error("filter() takes no keyword arguments"));
    }
    let n = args.pos.len() - 1;
    if n != 2 {
        return Err(vm.type_error(format!("filter expected 2 arguments, got {n}")));
    }
    let it = crate::ops::iter::iter(vm, args.pos[2])?;
    let obj = new_native(
        vm,
        base,
        NativeIterKind::Filter,
        args.pos[1],
        it,
        Value::NULL,
        0,
    );
    Ok(finish(vm, cls, base, obj))
}

fn reversed_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = vm.cls.reversed;
    let cls = crate::types::list::check_new_cls(vm, &args, "reversed", base)?;
    if !args.kw.is_empty() && cls == base {
        return Err(vm.type_error("reversed() takes no keyword arguments"));
    }
    let n = args.pos.len() - 1;
    if n != 1 {
        return Err(vm.type_error(format!("reversed expected 1 argument, got {n}")));
    }
    let seq = args.pos[1];
    let name = vm.names.__reversed__;
    let m = crate::ops::lookup_special(vm, seq, name);
    let not_reversible = |vm: &mut Vm| {
        let t = crate::types::class::type_name(vm, seq).to_string();
        vm.type_error(format!("'{t}' object is not reversible"))
    };
    if m == vm.none {
        return Err(not_reversible(vm));
    }
    if !m.is_null() {
        return crate::ops::call::call_unbound(vm, m, seq, &[seq]);
    }
    let gi = vm.names.__getitem__;
    let is_dict = crate::types::dict::as_dict(seq).is_some();
    if is_dict || crate::ops::lookup_special(vm, seq, gi).is_null() {
        return Err(not_reversible(vm));
    }
    let len = crate::ops::convert::len(vm, seq)?;
    let obj = new_reversed_iter(vm, base, seq, len);
    Ok(finish(vm, cls, base, obj))
}

/// Registers the methods.
pub(crate) fn init(vm: &mut Vm) {
    let c = &vm.cls;
    let classes = [
        c.list_iterator,
        c.tuple_iterator,
        c.seq_iterator,
        c.range_iterator,
        c.dict_keyiterator,
        c.dict_valueiterator,
        c.dict_itemiterator,
        c.dict_reversekeyiterator,
        c.dict_reversevalueiterator,
        c.dict_reverseitemiterator,
        c.set_iterator,
        c.list_reverseiterator,
        c.longrange_iterator,
        c.enumerate,
        c.zip,
        c.map,
        c.filter,
        c.reversed,
        c.callable_iterator,
    ];
    for cls in classes {
        vm.add_methods(cls, &[("__next__", d_next), ("__iter__", d_iter)]);
    }
    let hinted = [
        vm.cls.list_iterator,
        vm.cls.tuple_iterator,
        vm.cls.range_iterator,
        vm.cls.reversed,
        vm.cls.list_reverseiterator,
        vm.cls.longrange_iterator,
    ];
    for cls in hinted {
        vm.add_method(cls, "__length_hint__", d_length_hint);
    }
    let (e, z, m, f, r) = (
        vm.cls.enumerate,
        vm.cls.zip,
        vm.cls.map,
        vm.cls.filter,
        vm.cls.reversed,
    );
    vm.add_staticmethod(e, "__new__", enumerate_new);
    vm.add_staticmethod(z, "__new__", zip_new);
    vm.add_staticmethod(m, "__new__", map_new);
    vm.add_staticmethod(f, "__new__", filter_new);
    vm.add_staticmethod(r, "__new__", reversed_new);
}
