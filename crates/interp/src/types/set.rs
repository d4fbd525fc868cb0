//! `set` / `frozenset` core: the table (CPython's open addressing with linear probes, so
//! iteration order of int sets matches CPython's) in a Rust-owned box.

use crate::object::{self, InstanceObj, SetObj};
use crate::types::list::method_args;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};
use pyrs_frontend::bytecode::CmpOp;
use pyrs_gc::vm::Visitor;

/// One slot: `key` NULL and `hash` 0 is empty; `key` NULL and `hash` -1 is a dummy.
#[derive(Clone, Copy, Debug, Default)]
pub struct Slot {
    /// The key's hash.
    pub hash: i64,
    /// The key.
    pub key: Value,
}

/// The table of a set.
pub struct SetData {
    /// Slots; the length is a power of two.
    pub table: Vec<Slot>,
    /// Live keys.
    pub used: usize,
    /// Live keys plus dummies.
    pub fill: usize,
    /// Bumped on every change.
    pub version: u64,
    /// Where `pop()` starts looking (CPython's search finger).
    pub finger: usize,
}

impl Default for SetData {
    fn default() -> Self {
        SetData {
            table: vec![Slot::default(); 8],
            used: 0,
            fill: 0,
            version: 0,
            finger: 0,
        }
    }
}

const LINEAR_PROBES: usize = 9;
const DUMMY_HASH: i64 = -1;

impl SetData {
    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Slot indices in probe order for `hash`, stopping at the first empty slot (returned
    /// as the last element).
    fn probe(&self, hash: i64, mut f: impl FnMut(usize, &Slot) -> bool) {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let last = if i + LINEAR_PROBES <= mask {
                i + LINEAR_PROBES
            } else {
                i
            };
            for (k, slot) in self.table[i..=last].iter().enumerate() {
                if !f(i + k, slot) {
                    return;
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Adds `key` in one probe, as CPython's `set_add_entry` does, when every candidate with
    /// an equal hash is decided without calling Python; `false` (nothing done) otherwise.
    fn add_fast(&mut self, hash: i64, key: Value) -> bool {
        let mut empty = None;
        let mut freeslot = None;
        let mut undecided = false;
        let mut present = false;
        // Hash first, as in `find`.
        self.probe(hash, |j, s| {
            if s.hash != hash {
                if s.hash == DUMMY_HASH {
                    freeslot = Some(j);
                } else if s.hash == 0 && s.key.is_null() {
                    empty = Some(j);
                    return false;
                }
                return true;
            }
            if s.key.is_null() {
                empty = Some(j);
                return false;
            }
            match crate::ops::compare::fast_eq(s.key, key) {
                Some(true) => {
                    present = true;
                    false
                }
                Some(false) => true,
                None => {
                    undecided = true;
                    false
                }
            }
        });
        if undecided {
            return false;
        }
        if present {
            return true;
        }
        self.version += 1;
        if let Some(j) = freeslot {
            self.table[j] = Slot { hash, key };
            self.used += 1;
            return true;
        }
        let j = empty.expect("a set table always has an empty slot");
        self.table[j] = Slot { hash, key };
        self.fill += 1;
        self.used += 1;
        if self.fill * 5 >= self.mask() * 3 {
            self.resize(if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            });
        }
        true
    }

    /// Inserts a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value) {
        let mut target = None;
        let mut freeslot = None;
        self.probe(hash, |j, s| {
            if s.key.is_null() && s.hash == 0 {
                target = Some(j);
                false
            } else {
                // CPython 3.11 reuses the last dummy seen on the probe path.
                if s.key.is_null() {
                    freeslot = Some(j);
                }
                true
            }
        });
        self.version += 1;
        if let Some(j) = freeslot {
            self.table[j] = Slot { hash, key };
            self.used += 1;
            return;
        }
        let j = target.expect("a set table always has an empty slot");
        self.table[j] = Slot { hash, key };
        self.fill += 1;
        self.used += 1;
        if self.fill * 5 >= self.mask() * 3 {
            self.resize(if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            });
        }
    }

    /// Rebuilds the table with room for `minused` keys.
    pub fn resize(&mut self, minused: usize) {
        let mut size = 8;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::default(); size]);
        self.fill = 0;
        self.used = 0;
        for s in old {
            if !s.key.is_null() {
                self.insert_clean(s.hash, s.key);
            }
        }
        self.version += 1;
    }

    fn insert_clean(&mut self, hash: i64, key: Value) {
        let mut target = None;
        self.probe(hash, |j, s| {
            if s.key.is_null() {
                target = Some(j);
                false
            } else {
                true
            }
        });
        let j = target.expect("a set table always has an empty slot");
        self.table[j] = Slot { hash, key };
        self.fill += 1;
        self.used += 1;
    }

    /// Indices of live slots with this hash, in probe order.
    pub fn candidates(&self, hash: i64) -> Vec<usize> {
        let mut out = Vec::new();
        self.probe(hash, |j, s| {
            if s.key.is_null() && s.hash == 0 {
                return false;
            }
            if !s.key.is_null() && s.hash == hash {
                out.push(j);
            }
            true
        });
        out
    }

    /// Removes the key in slot `j`.
    pub fn remove_slot(&mut self, j: usize) {
        self.table[j] = Slot {
            hash: DUMMY_HASH,
            key: Value::NULL,
        };
        self.used -= 1;
        self.version += 1;
    }

    /// Live keys in table order.
    pub fn keys(&self) -> impl Iterator<Item = Value> + '_ {
        self.table
            .iter()
            .filter(|s| !s.key.is_null())
            .map(|s| s.key)
    }

    /// Removes every key.
    pub fn clear(&mut self) {
        let mut table = std::mem::take(&mut self.table);
        table.clear();
        table.resize(8, Slot::default());
        table.shrink_to(8);
        *self = SetData {
            table,
            used: 0,
            fill: 0,
            version: self.version + 1,
            finger: 0,
        };
    }
}

/// GC trace hook of the Set layout.
///
/// # Safety
/// `obj` must be a Set object whose `data` is null or a live box.
pub unsafe fn trace_set(obj: *mut u8, visit: &mut Visitor<'_>) {
    let s = &mut *(obj as *mut SetObj);
    if let Some(data) = s.data.as_mut() {
        for slot in &mut data.table {
            visit(&mut slot.key.0);
        }
    }
}

/// GC finalizer of the Set layout.
///
/// # Safety
/// `obj` must be a dead Set object owning its box.
pub unsafe fn finalize_set(obj: *mut u8) {
    let s = &mut *(obj as *mut SetObj);
    if !s.data.is_null() {
        recycle_table(Box::from_raw(s.data));
        s.data = std::ptr::null_mut();
    }
}

/// Most tables kept for reuse, and the largest one kept (slots).
const POOL_MAX: usize = 1 << 16;
const POOL_MAX_SLOTS: usize = 64;

thread_local! {
    /// Tables of dead sets, emptied, reused by new sets (saves their allocations).
    static TABLE_POOL: std::cell::RefCell<Vec<Box<SetData>>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn recycle_table(mut t: Box<SetData>) {
    if t.table.len() > POOL_MAX_SLOTS {
        return;
    }
    let mut table = std::mem::take(&mut t.table);
    table.clear();
    table.resize(8, Slot::default());
    *t = SetData {
        table,
        used: 0,
        fill: 0,
        version: t.version + 1,
        finger: 0,
    };
    TABLE_POOL.with(|p| {
        let mut p = p.borrow_mut();
        if p.len() < POOL_MAX {
            p.push(t);
        }
    });
}

fn new_table() -> Box<SetData> {
    TABLE_POOL
        .with(|p| p.borrow_mut().pop())
        .unwrap_or_default()
}

/// A new empty set of class `cls` (set, frozenset or a subclass's payload).
pub fn new_set_of_class(vm: &mut Vm, cls: Value) -> Value {
    let table = new_table();
    // The table lives outside the heap until a collection finds the set dead: it brings
    // the next collection closer.
    let bytes =
        std::mem::size_of::<SetData>() + table.table.capacity() * std::mem::size_of::<Slot>() + 32;
    vm.heap.add_external_pressure(bytes);
    let (v, s) = vm.alloc_obj::<SetObj>(cls);
    s.data = Box::into_raw(table);
    v
}

/// The set object of `v` (set, frozenset, or subclass instance's native set).
pub fn as_set<'a>(v: Value) -> Option<&'a mut SetObj> {
    if let Some(s) = object::downcast::<SetObj>(v) {
        return Some(s);
    }
    object::downcast::<InstanceObj>(v).and_then(|i| object::downcast::<SetObj>(i.native))
}

/// The table of a set value.
pub fn data<'a>(s: Value) -> &'a mut SetData {
    let obj = as_set(s).expect("a set value");
    // SAFETY: a live set's `data` is a live box.
    unsafe { &mut *obj.data }
}

/// Finds the slot of `key`, calling `__eq__` where needed.
pub fn find(vm: &mut Vm, s: Value, key: Value, hash: i64) -> PyResult<Option<usize>> {
    // First without calling Python: stops at the first candidate only `__eq__` can decide.
    let mut found = None;
    let mut undecided = false;
    // Hash first: dummies (-1) never match and live slots rarely do, so the branches are
    // predictable; an empty slot has hash 0 and no key.
    data(s).probe(hash, |j, slot| {
        if slot.hash != hash {
            return slot.hash != 0 || !slot.key.is_null();
        }
        if slot.key.is_null() {
            return false;
        }
        match crate::ops::compare::fast_eq(slot.key, key) {
            Some(true) => {
                found = Some(j);
                false
            }
            Some(false) => true,
            None => {
                undecided = true;
                false
            }
        }
    });
    if !undecided {
        return Ok(found);
    }
    'restart: loop {
        let version = data(s).version;
        for j in data(s).candidates(hash) {
            let k = data(s).table[j].key;
            if k == key {
                return Ok(Some(j));
            }
            let eq = match crate::ops::compare::fast_eq(k, key) {
                Some(e) => e,
                None => crate::ops::compare::eq(vm, k, key)?,
            };
            if data(s).version != version {
                continue 'restart;
            }
            if eq {
                return Ok(Some(j));
            }
        }
        return Ok(None);
    }
}

/// `s.add(key)`.
pub fn add(vm: &mut Vm, s: Value, key: Value) -> PyResult<()> {
    let hash = crate::ops::hash::hash(vm, key)?;
    if data(s).add_fast(hash, key) {
        return Ok(());
    }
    if find(vm, s, key, hash)?.is_none() {
        data(s).insert_new(hash, key);
    }
    Ok(())
}

/// `key in s`.
pub fn contains(vm: &mut Vm, s: Value, key: Value) -> PyResult<bool> {
    let hash = crate::ops::hash::hash(vm, key)?;
    Ok(find(vm, s, key, hash)?.is_some())
}

// ---------------------------------------------------------------------------------------
// The set algebra, following CPython's setobject.c step by step so that the tables (and
// so the iteration order) of the results are the same.

/// Whether `v` is a set or frozenset (or an instance of a subclass of one).
pub fn is_any_set(v: Value) -> bool {
    as_set(v).is_some()
}

/// Whether `v` is a frozenset (or subclass instance).
fn is_frozen(vm: &Vm, v: Value) -> bool {
    as_set(v).is_some_and(|s| s.head.class == vm.cls.frozenset)
}

/// The builtin class (set or frozenset) of a set's native object.
fn base_class(vm: &Vm, v: Value) -> Value {
    if is_frozen(vm, v) {
        vm.cls.frozenset
    } else {
        vm.cls.set
    }
}

/// The (hash, key) pairs of a set in table order.
fn entries(s: Value) -> Vec<(i64, Value)> {
    data(s)
        .table
        .iter()
        .filter(|e| !e.key.is_null())
        .map(|e| (e.hash, e.key))
        .collect()
}

/// Number of keys.
pub fn set_len(s: Value) -> usize {
    data(s).used
}

fn add_entry(vm: &mut Vm, s: Value, key: Value, hash: i64) -> PyResult<()> {
    if find(vm, s, key, hash)?.is_none() {
        data(s).insert_new(hash, key);
    }
    Ok(())
}

fn discard_entry(vm: &mut Vm, s: Value, key: Value, hash: i64) -> PyResult<bool> {
    match find(vm, s, key, hash)? {
        Some(j) => {
            data(s).remove_slot(j);
            Ok(true)
        }
        None => Ok(false),
    }
}

fn contains_entry(vm: &mut Vm, s: Value, key: Value, hash: i64) -> PyResult<bool> {
    Ok(find(vm, s, key, hash)?.is_some())
}

/// CPython's `set_merge`: adds every key of the set `other` to `so`.
fn merge(vm: &mut Vm, so: Value, other: Value) -> PyResult<()> {
    if so == other || native_of(so) == native_of(other) || data(other).used == 0 {
        return Ok(());
    }
    let (o_used, o_fill, o_mask) = {
        let o = data(other);
        (o.used, o.fill, o.table.len() - 1)
    };
    {
        let d = data(so);
        if (d.fill + o_used) * 5 >= d.mask() * 3 {
            d.resize((d.used + o_used) * 2);
        }
    }
    let d = data(so);
    if d.fill == 0 && d.mask() == o_mask && o_fill == o_used {
        let src: Vec<Slot> = data(other)
            .table
            .iter()
            .map(|e| if e.key.is_null() { Slot::default() } else { *e })
            .collect();
        let d = data(so);
        d.table = src;
        d.fill = o_used;
        d.used = o_used;
        d.version += 1;
        return Ok(());
    }
    if d.fill == 0 {
        for (h, k) in entries(other) {
            data(so).insert_clean(h, k);
        }
        data(so).version += 1;
        return Ok(());
    }
    for (h, k) in entries(other) {
        add_entry(vm, so, k, h)?;
    }
    Ok(())
}

fn native_of(v: Value) -> Value {
    match object::downcast::<InstanceObj>(v) {
        Some(i) if !i.native.is_null() => i.native,
        _ => v,
    }
}

/// CPython's `set_update_internal`: adds the items of any iterable.
pub(crate) fn update_internal(vm: &mut Vm, so: Value, other: Value) -> PyResult<()> {
    if is_any_set(other) {
        return merge(vm, so, other);
    }
    if object::is::<crate::object::DictObj>(other) {
        let n = crate::types::dict::len(other);
        {
            let d = data(so);
            if (d.fill + n) * 5 >= d.mask() * 3 {
                d.resize((d.used + n) * 2);
            }
        }
        let es: Vec<(i64, Value)> = crate::types::dict::data(other)
            .iter()
            .map(|e| (e.hash, e.key))
            .collect();
        for (h, k) in es {
            add_entry(vm, so, k, h)?;
        }
        return Ok(());
    }
    let it = crate::ops::iter::iter(vm, other)?;
    while let Some(k) = crate::ops::iter::next(vm, it)? {
        add(vm, so, k)?;
    }
    Ok(())
}

/// A new set of the builtin class `base` (set or frozenset), wrapped for subclass `cls`,
/// filled from `iterable` (CPython's `make_new_set`).
fn make_new_set(vm: &mut Vm, cls: Value, iterable: Option<Value>) -> PyResult<Value> {
    let base = if crate::types::class::is_subclass(cls, vm.cls.frozenset) {
        vm.cls.frozenset
    } else {
        vm.cls.set
    };
    let s = new_set_of_class(vm, base);
    if let Some(it) = iterable {
        update_internal(vm, s, it)?;
    }
    if cls == base {
        Ok(s)
    } else {
        Ok(crate::types::instance::new_instance(vm, cls, s))
    }
}

/// A new plain set (or frozenset when `frozen`) holding the items of `iterable`.
pub fn set_from_iterable(vm: &mut Vm, iterable: Value, frozen: bool) -> PyResult<Value> {
    let cls = if frozen { vm.cls.frozenset } else { vm.cls.set };
    make_new_set(vm, cls, Some(iterable))
}

/// A copy of `s` of its builtin class.
fn copy_of(vm: &mut Vm, s: Value) -> PyResult<Value> {
    let cls = base_class(vm, s);
    make_new_set(vm, cls, Some(s))
}

/// CPython's `set_intersection`.
pub(crate) fn intersection(vm: &mut Vm, so: Value, other: Value) -> PyResult<Value> {
    if native_of(so) == native_of(other) {
        return copy_of(vm, so);
    }
    let cls = base_class(vm, so);
    let result = new_set_of_class(vm, cls);
    if is_any_set(other) {
        let (mut a, mut b) = (so, other);
        if set_len(b) > set_len(a) {
            std::mem::swap(&mut a, &mut b);
        }
        for (h, k) in entries(b) {
            if contains_entry(vm, a, k, h)? {
                add_entry(vm, result, k, h)?;
            }
        }
        return Ok(result);
    }
    let it = crate::ops::iter::iter(vm, other)?;
    while let Some(k) = crate::ops::iter::next(vm, it)? {
        let h = crate::ops::hash::hash(vm, k)?;
        if contains_entry(vm, so, k, h)? {
            add_entry(vm, result, k, h)?;
        }
    }
    Ok(result)
}

/// CPython's `set_difference_update_internal`.
pub(crate) fn difference_update(vm: &mut Vm, so: Value, other: Value) -> PyResult<()> {
    if native_of(so) == native_of(other) {
        data(so).clear();
        return Ok(());
    }
    if is_any_set(other) {
        let other = if (set_len(other) >> 3) > set_len(so) {
            intersection(vm, so, other)?
        } else {
            other
        };
        for (h, k) in entries(other) {
            discard_entry(vm, so, k, h)?;
        }
    } else {
        let it = crate::ops::iter::iter(vm, other)?;
        while let Some(k) = crate::ops::iter::next(vm, it)? {
            let h = crate::ops::hash::hash(vm, k)?;
            discard_entry(vm, so, k, h)?;
        }
    }
    let d = data(so);
    if d.fill - d.used > d.mask() / 4 {
        d.resize(if d.used > 50000 {
            d.used * 2
        } else {
            d.used * 4
        });
    }
    Ok(())
}

/// CPython's `set_difference`.
pub(crate) fn difference(vm: &mut Vm, so: Value, other: Value) -> PyResult<Value> {
    let exact_dict = object::is::<crate::object::DictObj>(other);
    let other_size = if is_any_set(other) {
        set_len(other)
    } else if exact_dict {
        crate::types::dict::len(other)
    } else {
        let r = copy_of(vm, so)?;
        difference_update(vm, r, other)?;
        return Ok(r);
    };
    if (set_len(so) >> 2) > other_size {
        let r = copy_of(vm, so)?;
        difference_update(vm, r, other)?;
        return Ok(r);
    }
    let cls = base_class(vm, so);
    let result = new_set_of_class(vm, cls);
    for (h, k) in entries(so) {
        let found = if exact_dict {
            crate::types::dict::find(vm, other, k, h)?.is_some()
        } else {
            contains_entry(vm, other, k, h)?
        };
        if !found {
            add_entry(vm, result, k, h)?;
        }
    }
    Ok(result)
}

/// CPython's `set_symmetric_difference_update`.
pub(crate) fn symmetric_difference_update(vm: &mut Vm, so: Value, other: Value) -> PyResult<()> {
    if native_of(so) == native_of(other) {
        data(so).clear();
        return Ok(());
    }
    let pairs: Vec<(i64, Value)> = if object::is::<crate::object::DictObj>(other) {
        crate::types::dict::data(other)
            .iter()
            .map(|e| (e.hash, e.key))
            .collect()
    } else if is_any_set(other) {
        entries(other)
    } else {
        let cls = base_class(vm, so);
        let tmp = make_new_set(vm, cls, Some(other))?;
        entries(tmp)
    };
    for (h, k) in pairs {
        if !discard_entry(vm, so, k, h)? {
            add_entry(vm, so, k, h)?;
        }
    }
    Ok(())
}

/// CPython's `set_symmetric_difference`.
pub(crate) fn symmetric_difference(vm: &mut Vm, so: Value, other: Value) -> PyResult<Value> {
    let cls = base_class(vm, so);
    let result = make_new_set(vm, cls, Some(other))?;
    symmetric_difference_update(vm, result, so)?;
    Ok(result)
}

/// `so <= other` for sets; any iterable `other` is made a set first.
pub(crate) fn issubset(vm: &mut Vm, so: Value, other: Value) -> PyResult<bool> {
    let other = if is_any_set(other) {
        other
    } else {
        let c = vm.cls.set;
        make_new_set(vm, c, Some(other))?
    };
    if set_len(so) > set_len(other) {
        return Ok(false);
    }
    for (h, k) in entries(so) {
        if !contains_entry(vm, other, k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `so >= other`.
pub(crate) fn issuperset(vm: &mut Vm, so: Value, other: Value) -> PyResult<bool> {
    if is_any_set(other) {
        return issubset(vm, other, so);
    }
    let it = crate::ops::iter::iter(vm, other)?;
    while let Some(k) = crate::ops::iter::next(vm, it)? {
        if !contains(vm, so, k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `so.isdisjoint(other)`.
pub(crate) fn isdisjoint(vm: &mut Vm, so: Value, other: Value) -> PyResult<bool> {
    if native_of(so) == native_of(other) {
        return Ok(set_len(so) == 0);
    }
    if is_any_set(other) {
        let (mut a, mut b) = (so, other);
        if set_len(b) > set_len(a) {
            std::mem::swap(&mut a, &mut b);
        }
        for (h, k) in entries(b) {
            if contains_entry(vm, a, k, h)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = crate::ops::iter::iter(vm, other)?;
    while let Some(k) = crate::ops::iter::next(vm, it)? {
        if contains(vm, so, k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Swaps the tables of two sets (CPython's `set_swap_bodies`).
fn swap_bodies(a: Value, b: Value) {
    if let (Some(x), Some(y)) = (as_set(a), as_set(b)) {
        std::mem::swap(&mut x.data, &mut y.data);
        x.hash = 0;
        y.hash = 0;
    }
}

/// Hashes `key` for a lookup; a `set` key that is unhashable is looked up as a frozenset
/// (as CPython does for `in`, `remove` and `discard`).
fn lookup_hash(vm: &mut Vm, key: Value) -> PyResult<(Value, i64)> {
    match crate::ops::hash::hash(vm, key) {
        Ok(h) => Ok((key, h)),
        Err(e) => {
            let te = vm.cls.type_error;
            if is_any_set(key) && !is_frozen(vm, key) && vm.exc_matches(te) {
                vm.exc = Value::NULL;
                let f = set_from_iterable(vm, key, true)?;
                let h = crate::ops::hash::hash(vm, f)?;
                Ok((f, h))
            } else {
                Err(e)
            }
        }
    }
}

const SHUFFLE_A: u64 = 89869747;
const SHUFFLE_B: u64 = 3644798167;

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ SHUFFLE_A) ^ (h << 16)).wrapping_mul(SHUFFLE_B)
}

/// CPython's frozenset hash of the key hashes of a set.
pub fn frozenset_hash_of(hashes: impl Iterator<Item = i64>) -> i64 {
    let mut h: u64 = 0;
    let mut n: u64 = 0;
    for x in hashes {
        h ^= shuffle_bits(x as u64);
        n += 1;
    }
    h ^= (n + 1).wrapping_mul(1927868237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69069).wrapping_add(907133923);
    if h == u64::MAX {
        h = 590923713;
    }
    h as i64
}

// ---------------------------------------------------------------------------------------
// Methods.

fn this(vm: &mut Vm, args: &Args<'_>, name: &str, frozen_ok: bool) -> PyResult<Value> {
    let cname = if frozen_ok { "frozenset" } else { "set" };
    match args.pos.first() {
        Some(&v) if is_any_set(v) && (frozen_ok || !is_frozen(vm, v)) => Ok(v),
        other => Err(crate::types::native::bad_receiver(
            vm,
            cname,
            name,
            other.copied(),
        )),
    }
}

/// Receiver and the single argument of a set method.
fn one(vm: &mut Vm, args: &Args<'_>, name: &str, frozen_ok: bool) -> PyResult<(Value, Value)> {
    let s = this(vm, args, name, frozen_ok)?;
    if args.pos.len() == 2 && args.kw.is_empty() {
        return Ok((s, args.pos[1]));
    }
    let cname = if is_frozen(vm, s) { "frozenset" } else { "set" };
    let a = method_args(vm, args, &format!("{cname}.{name}"), 1, 1)?;
    Ok((s, a[0]))
}

fn no_kwargs(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<()> {
    if args.kw.is_empty() {
        Ok(())
    } else {
        let s = args.pos.first().copied().unwrap_or(Value::NULL);
        let cname = if is_frozen(vm, s) { "frozenset" } else { "set" };
        Err(vm.type_error(format!("{cname}.{name}() takes no keyword arguments")))
    }
}

fn m_add(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, k) = one(vm, &args, "add", false)?;
    add(vm, s, k)?;
    Ok(vm.none)
}

fn m_remove(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, k) = one(vm, &args, "remove", false)?;
    let (key, h) = lookup_hash(vm, k)?;
    if !discard_entry(vm, s, key, h)? {
        return Err(vm.key_error(k));
    }
    Ok(vm.none)
}

fn m_discard(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, k) = one(vm, &args, "discard", false)?;
    let (key, h) = lookup_hash(vm, k)?;
    discard_entry(vm, s, key, h)?;
    Ok(vm.none)
}

fn m_pop(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(vm, &args, "pop", false)?;
    method_args(vm, &args, "set.pop", 0, 0)?;
    let d = data(s);
    if d.used == 0 {
        let m = crate::types::str::new_str(vm, "pop from an empty set");
        return Err(vm.key_error(m));
    }
    let n = d.table.len();
    let mut j = d.finger & (n - 1);
    while d.table[j].key.is_null() {
        j += 1;
        if j >= n {
            j = 0;
        }
    }
    let key = d.table[j].key;
    d.remove_slot(j);
    d.finger = j + 1;
    Ok(key)
}

fn m_clear(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(vm, &args, "clear", false)?;
    method_args(vm, &args, "set.clear", 0, 0)?;
    data(s).clear();
    Ok(vm.none)
}

fn m_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(vm, &args, "copy", true)?;
    let frozen = is_frozen(vm, s);
    method_args(
        vm,
        &args,
        if frozen { "frozenset.copy" } else { "set.copy" },
        0,
        0,
    )?;
    if frozen && object::is::<SetObj>(s) {
        return Ok(s);
    }
    copy_of(vm, s)
}

fn m_update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(vm, &args, "update", false)?;
    no_kwargs(vm, &args, "update")?;
    for &o in &args.pos[1..] {
        update_internal(vm, s, o)?;
    }
    Ok(vm.none)
}

fn m_union(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(vm, &args, "union", true)?;
    no_kwargs(vm, &args, "union")?;
    let r = copy_of(vm, s)?;
    for &o in &args.pos[1..] {
        update_internal(vm, r, o)?;
    }
    Ok(r)
}

fn m_intersection(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(vm, &args, "intersection", true)?;
    no_kwargs(vm, &args, "intersection")?;
    intersection_multi(vm, s, &args.pos[1..])
}

fn intersection_multi(vm: &mut Vm, s: Value, others: &[Value]) -> PyResult<Value> {
    if others.is_empty() {
        return copy_of(vm, s);
    }
    let mut r = s;
    for &o in others {
        r = intersection(vm, r, o)?;
    }
    Ok(r)
}

fn m_intersection_update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(vm, &args, "intersection_update", false)?;
    no_kwargs(vm, &args, "intersection_update")?;
    let tmp = intersection_multi(vm, s, &args.pos[1..])?;
    swap_bodies(s, tmp);
    Ok(vm.none)
}

fn m_difference(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(vm, &args, "difference", true)?;
    no_kwargs(vm, &args, "difference")?;
    let others = &args.pos[1..];
    let Some((&first, rest)) = others.split_first() else {
        return copy_of(vm, s);
    };
    let r = difference(vm, s, first)?;
    for &o in rest {
        difference_update(vm, r, o)?;
    }
    Ok(r)
}

fn m_difference_update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(vm, &args, "difference_update", false)?;
    no_kwargs(vm, &args, "difference_update")?;
    for &o in &args.pos[1..] {
        difference_update(vm, s, o)?;
    }
    Ok(vm.none)
}

fn m_symmetric_difference(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, o) = one(vm, &args, "symmetric_difference", true)?;
    symmetric_difference(vm, s, o)
}

fn m_symmetric_difference_update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, o) = one(vm, &args, "symmetric_difference_update", false)?;
    symmetric_difference_update(vm, s, o)?;
    Ok(vm.none)
}

fn m_issubset(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, o) = one(vm, &args, "issubset", true)?;
    let r = issubset(vm, s, o)?;
    Ok(vm.bool(r))
}

fn m_issuperset(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, o) = one(vm, &args, "issuperset", true)?;
    let r = issuperset(vm, s, o)?;
    Ok(vm.bool(r))
}

fn m_isdisjoint(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, o) = one(vm, &args, "isdisjoint", true)?;
    let r = isdisjoint(vm, s, o)?;
    Ok(vm.bool(r))
}

fn d_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, k) = one(vm, &args, "__contains__", true)?;
    let (key, h) = lookup_hash(vm, k)?;
    let r = contains_entry(vm, s, key, h)?;
    Ok(vm.bool(r))
}

fn d_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(vm, &args, "__len__", true)?;
    Ok(Value::from_usize(set_len(s)))
}

fn d_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(vm, &args, "__iter__", true)?;
    let cls = vm.cls.set_iterator;
    let n = set_len(s);
    Ok(crate::types::iters::new_dict_iter(
        vm,
        cls,
        s,
        crate::types::iters::WHICH_SET,
        n,
        0,
    ))
}

fn d_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(vm, &args, "__repr__", true)?;
    let cls = crate::types::class::class_of(vm, s);
    let name = crate::types::class::class_name(cls).to_string();
    if !crate::types::list::repr_enter(s) {
        return Ok(crate::types::str::new_str(vm, &format!("{name}(...)")));
    }
    let keys: Vec<Value> = data(s).keys().collect();
    let r = if keys.is_empty() {
        Ok(format!("{name}()"))
    } else {
        crate::types::list::repr_seq(vm, "{", "}", |i| keys.get(i).copied()).map(|body| {
            if cls == vm.cls.set {
                body
            } else {
                format!("{name}({body})")
            }
        })
    };
    crate::types::list::repr_leave(s);
    let r = r?;
    Ok(crate::types::str::new_str(vm, &r))
}

fn d_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(vm, &args, "__hash__", true)?;
    let obj = as_set(s).ok_or_else(|| vm.type_error("unhashable type: 'set'"))?;
    if obj.hash == 0 {
        // SAFETY: a live set's `data` is a live box.
        let d = unsafe { &*obj.data };
        obj.hash = frozenset_hash_of(d.table.iter().filter(|e| !e.key.is_null()).map(|e| e.hash));
    }
    let h = obj.hash;
    Ok(crate::types::int::new_i64(vm, h))
}

/// The operands of a binary set dunder, or `None` when `other` is not a set.
fn binop_args(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Option<(Value, Value)>> {
    let s = this(vm, args, name, true)?;
    let a = method_args(vm, args, name, 1, 1)?;
    Ok(if is_any_set(a[0]) {
        Some((s, a[0]))
    } else {
        None
    })
}

macro_rules! set_binop {
    ($fwd:ident, $rev:ident, $name:literal, |$vm:ident, $a:ident, $b:ident| $body:expr) => {
        fn $fwd($vm: &mut Vm, args: Args<'_>) -> PyResult {
            match binop_args($vm, &args, $name)? {
                Some(($a, $b)) => $body,
                None => Ok($vm.not_implemented),
            }
        }
        fn $rev($vm: &mut Vm, args: Args<'_>) -> PyResult {
            match binop_args($vm, &args, $name)? {
                Some(($b, $a)) => $body,
                None => Ok($vm.not_implemented),
            }
        }
    };
}

set_binop!(d_or, d_ror, "__or__", |vm, a, b| {
    let r = copy_of(vm, a)?;
    update_internal(vm, r, b)?;
    Ok(r)
});
set_binop!(d_and, d_rand, "__and__", |vm, a, b| intersection(vm, a, b));
set_binop!(d_sub, d_rsub, "__sub__", |vm, a, b| difference(vm, a, b));
set_binop!(d_xor, d_rxor, "__xor__", |vm, a, b| symmetric_difference(
    vm, a, b
));

fn inplace(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Option<(Value, Value)>> {
    let s = this(vm, args, name, false)?;
    let a = method_args(vm, args, name, 1, 1)?;
    Ok(if is_any_set(a[0]) {
        Some((s, a[0]))
    } else {
        None
    })
}

fn d_ior(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some((s, o)) = inplace(vm, &args, "__ior__")? else {
        return Ok(vm.not_implemented);
    };
    update_internal(vm, s, o)?;
    Ok(s)
}

fn d_iand(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some((s, o)) = inplace(vm, &args, "__iand__")? else {
        return Ok(vm.not_implemented);
    };
    let tmp = intersection(vm, s, o)?;
    swap_bodies(s, tmp);
    Ok(s)
}

fn d_isub(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some((s, o)) = inplace(vm, &args, "__isub__")? else {
        return Ok(vm.not_implemented);
    };
    difference_update(vm, s, o)?;
    Ok(s)
}

fn d_ixor(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some((s, o)) = inplace(vm, &args, "__ixor__")? else {
        return Ok(vm.not_implemented);
    };
    symmetric_difference_update(vm, s, o)?;
    Ok(s)
}

/// CPython's `set_richcompare`.
fn richcompare(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult {
    let Some((v, w)) = binop_args(vm, &args, "__eq__")? else {
        return Ok(vm.not_implemented);
    };
    let r = match op {
        CmpOp::Eq | CmpOp::Ne => {
            let eq = set_len(v) == set_len(w) && issubset(vm, v, w)?;
            eq == (op == CmpOp::Eq)
        }
        CmpOp::Le => issubset(vm, v, w)?,
        CmpOp::Ge => issuperset(vm, v, w)?,
        CmpOp::Lt => set_len(v) < set_len(w) && issubset(vm, v, w)?,
        CmpOp::Gt => set_len(v) > set_len(w) && issuperset(vm, v, w)?,
    };
    Ok(vm.bool(r))
}

fn d_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    richcompare(vm, args, CmpOp::Eq)
}
fn d_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    richcompare(vm, args, CmpOp::Ne)
}
fn d_lt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    richcompare(vm, args, CmpOp::Lt)
}
fn d_le(vm: &mut Vm, args: Args<'_>) -> PyResult {
    richcompare(vm, args, CmpOp::Le)
}
fn d_gt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    richcompare(vm, args, CmpOp::Gt)
}
fn d_ge(vm: &mut Vm, args: Args<'_>) -> PyResult {
    richcompare(vm, args, CmpOp::Ge)
}

fn set_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = vm.cls.set;
    let cls = crate::types::list::check_new_cls(vm, &args, "set", base)?;
    if cls == base && !args.kw.is_empty() {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    make_new_set(vm, cls, None)
}

fn set_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(vm, &args, "__init__", false)?;
    if !args.kw.is_empty() {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    let a = match args.pos.get(1..) {
        Some(rest) if rest.len() <= 1 => rest,
        _ => {
            let tname = crate::types::class::type_name(vm, s).to_string();
            method_args(vm, &args, &tname, 0, 1)?
        }
    };
    if data(s).fill != 0 {
        data(s).clear();
    }
    if let Some(o) = as_set(s) {
        o.hash = 0;
    }
    if let Some(&it) = a.first() {
        update_internal(vm, s, it)?;
    }
    Ok(vm.none)
}

fn frozenset_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = vm.cls.frozenset;
    let cls = crate::types::list::check_new_cls(vm, &args, "frozenset", base)?;
    if cls == base && !args.kw.is_empty() {
        return Err(vm.type_error("frozenset() takes no keyword arguments"));
    }
    let tname = crate::types::class::class_name(cls).to_string();
    let rest = Args {
        pos: &args.pos[1..],
        kw: &[],
        kwnames: &[],
    };
    rest.check(vm, &tname, 0, 1)?;
    let it = rest.pos.first().copied();
    if cls == base {
        if let Some(i) = it {
            if object::downcast::<SetObj>(i).is_some_and(|o| o.head.class == base) {
                return Ok(i);
            }
        }
    }
    make_new_set(vm, cls, it)
}

/// Registers the methods.
pub(crate) fn init(vm: &mut Vm) {
    let common: &[(&str, crate::vm::NativeFn)] = &[
        ("copy", m_copy),
        ("union", m_union),
        ("intersection", m_intersection),
        ("difference", m_difference),
        ("symmetric_difference", m_symmetric_difference),
        ("issubset", m_issubset),
        ("issuperset", m_issuperset),
        ("isdisjoint", m_isdisjoint),
        ("__contains__", d_contains),
        ("__iter__", d_iter),
        ("__len__", d_len),
        ("__repr__", d_repr),
        ("__or__", d_or),
        ("__ror__", d_ror),
        ("__and__", d_and),
        ("__rand__", d_rand),
        ("__sub__", d_sub),
        ("__rsub__", d_rsub),
        ("__xor__", d_xor),
        ("__rxor__", d_rxor),
        ("__eq__", d_eq),
        ("__ne__", d_ne),
        ("__lt__", d_lt),
        ("__le__", d_le),
        ("__gt__", d_gt),
        ("__ge__", d_ge),
    ];
    let (set, frozen) = (vm.cls.set, vm.cls.frozenset);
    vm.add_methods(set, common);
    vm.add_methods(frozen, common);
    vm.add_methods(
        set,
        &[
            ("add", m_add),
            ("remove", m_remove),
            ("discard", m_discard),
            ("pop", m_pop),
            ("clear", m_clear),
            ("update", m_update),
            ("intersection_update", m_intersection_update),
            ("difference_update", m_difference_update),
            ("symmetric_difference_update", m_symmetric_difference_update),
            ("__ior__", d_ior),
            ("__iand__", d_iand),
            ("__isub__", d_isub),
            ("__ixor__", d_ixor),
            ("__init__", set_init),
        ],
    );
    vm.add_staticmethod(set, "__new__", set_new);
    vm.add_classmethod(set, "__class_getitem__", crate::types::list::class_getitem);
    vm.add_classmethod(
        frozen,
        "__class_getitem__",
        crate::types::list::class_getitem,
    );
    vm.add_staticmethod(frozen, "__new__", frozenset_new);
    vm.add_method(frozen, "__hash__", d_hash);
    let none = vm.none;
    vm.add_attr(set, "__hash__", none);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frozenset_hashes_match_cpython() {
        // hash(frozenset()) and hash(frozenset({1, 2, 3})) in CPython 3.11.
        assert_eq!(frozenset_hash_of(std::iter::empty()), 133146708735736);
        assert_eq!(
            frozenset_hash_of([1, 2, 3].into_iter()),
            -272375401224217160
        );
    }
}
