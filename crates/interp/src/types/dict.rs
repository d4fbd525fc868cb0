//! `dict`: an insertion-ordered hash table (compact entries + index table) kept in a
//! Rust-owned box that the GC traces and frees.
//!
//! Lookups may call Python `__eq__`, which may mutate the dict; every lookup therefore
//! re-reads the table after each such call and restarts if the table changed.

use crate::object::{self, DictObj, DictViewObj, InstanceObj};
use crate::types::list::{item_eq, method_args, repr_enter, repr_leave};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};
use pyrs_frontend::bytecode::CmpOp;
use pyrs_gc::vm::Visitor;

/// One entry; a deleted entry has a NULL key.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// The key's hash.
    pub hash: i64,
    /// The key, or NULL when deleted.
    pub key: Value,
    /// The value.
    pub value: Value,
}

const EMPTY: u32 = 0;
const DUMMY: u32 = 1;

/// A table of at most this many entries (deleted ones included) has no index: lookups scan
/// the entries, which saves small dicts (keyword arguments) an allocation and its misses.
const SMALL: usize = 8;

/// The table of a dict. Without indices (`indices` empty) it is small: at most `SMALL`
/// entries, found by a linear scan.
#[derive(Default)]
pub struct DictData {
    /// Entries in insertion order, including deleted ones (NULL key).
    pub entries: Vec<Entry>,
    indices: Vec<u32>,
    /// Number of live entries.
    pub len: usize,
    /// Bumped on every change of the table's layout (insertion, deletion, resize).
    pub version: u64,
}

impl DictData {
    fn mask(&self) -> usize {
        self.indices.len() - 1
    }

    fn probe_start(&self, hash: i64) -> (usize, u64) {
        ((hash as u64 as usize) & self.mask(), hash as u64)
    }

    fn insert_index(&mut self, hash: i64, entry: usize) {
        let (mut i, mut perturb) = self.probe_start(hash);
        loop {
            if self.indices[i] == EMPTY {
                self.indices[i] = entry as u32 + 2;
                return;
            }
            perturb >>= 5;
            i = (i * 5 + 1 + perturb as usize) & self.mask();
        }
    }

    fn rebuild(&mut self, min_size: usize) {
        self.entries.retain(|e| !e.key.is_null());
        let mut size = 8;
        while size * 2 < (min_size.max(self.entries.len()) * 3) {
            size *= 2;
        }
        self.indices.clear();
        self.indices.resize(size, EMPTY);
        for i in 0..self.entries.len() {
            let h = self.entries[i].hash;
            self.insert_index(h, i);
        }
        self.version += 1;
    }

    /// Finds the entry for a key equal by identity or by `same`, without calling Python.
    /// Returns `Ok(Some(entry))` when found, `Ok(None)` when absent, and `Err(candidates)`
    /// when entries with an equal hash need a Python `__eq__` to decide.
    fn find_fast(
        &self,
        hash: i64,
        key: Value,
        same: impl Fn(Value, Value) -> Option<bool>,
    ) -> Result<Option<usize>, ()> {
        let mut undecided = false;
        if self.indices.is_empty() {
            for (ix, e) in self.entries.iter().enumerate() {
                if e.key == key {
                    return Ok(Some(ix));
                }
                if e.hash == hash && !e.key.is_null() {
                    match same(e.key, key) {
                        Some(true) => return Ok(Some(ix)),
                        Some(false) => {}
                        None => undecided = true,
                    }
                }
            }
            return if undecided { Err(()) } else { Ok(None) };
        }
        let (mut i, mut perturb) = self.probe_start(hash);
        loop {
            match self.indices[i] {
                EMPTY => return if undecided { Err(()) } else { Ok(None) },
                DUMMY => {}
                ix => {
                    let e = &self.entries[(ix - 2) as usize];
                    if e.key == key {
                        return Ok(Some((ix - 2) as usize));
                    }
                    if e.hash == hash {
                        match same(e.key, key) {
                            Some(true) => return Ok(Some((ix - 2) as usize)),
                            Some(false) => {}
                            None => undecided = true,
                        }
                    }
                }
            }
            perturb >>= 5;
            i = (i * 5 + 1 + perturb as usize) & self.mask();
        }
    }

    /// Entry indices with this hash, in probe order.
    fn candidates(&self, hash: i64) -> Vec<usize> {
        let mut out = Vec::new();
        if self.indices.is_empty() {
            for (ix, e) in self.entries.iter().enumerate() {
                if e.hash == hash && !e.key.is_null() {
                    out.push(ix);
                }
            }
            return out;
        }
        let (mut i, mut perturb) = self.probe_start(hash);
        loop {
            match self.indices[i] {
                EMPTY => return out,
                DUMMY => {}
                ix => {
                    if self.entries[(ix - 2) as usize].hash == hash {
                        out.push((ix - 2) as usize);
                    }
                }
            }
            perturb >>= 5;
            i = (i * 5 + 1 + perturb as usize) & self.mask();
        }
    }

    /// Appends a new entry (the key must be absent).
    pub fn push_new(&mut self, hash: i64, key: Value, value: Value) {
        if self.indices.is_empty() && self.entries.len() < SMALL {
            self.entries.push(Entry { hash, key, value });
        } else {
            if self.indices.is_empty() || (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
                self.rebuild(self.len * 2 + 1);
            }
            self.entries.push(Entry { hash, key, value });
            let ix = self.entries.len() - 1;
            self.insert_index(hash, ix);
        }
        self.len += 1;
        self.version += 1;
    }

    /// Removes the entry at `ix`.
    pub fn remove_at(&mut self, ix: usize) {
        if !self.indices.is_empty() {
            let (mut i, mut perturb) = self.probe_start(self.entries[ix].hash);
            while self.indices[i] != ix as u32 + 2 {
                perturb >>= 5;
                i = (i * 5 + 1 + perturb as usize) & self.mask();
            }
            self.indices[i] = DUMMY;
        }
        self.entries[ix].key = Value::NULL;
        self.entries[ix].value = Value::NULL;
        self.len -= 1;
        self.version += 1;
        if self.len == 0 {
            self.entries.clear();
            self.indices.clear();
        }
    }

    /// Live entries in order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.key.is_null())
    }

    /// Removes everything.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.indices.clear();
        self.len = 0;
        self.version += 1;
    }
}

/// GC trace hook of the Dict layout.
///
/// # Safety
/// `obj` must be a Dict object whose `data` is null or a live `DictData` box.
pub unsafe fn trace_dict(obj: *mut u8, visit: &mut Visitor<'_>) {
    let d = &mut *(obj as *mut DictObj);
    if let Some(data) = d.data.as_mut() {
        for e in &mut data.entries {
            visit(&mut e.key.0);
            visit(&mut e.value.0);
        }
    }
}

/// GC finalizer of the Dict layout.
///
/// # Safety
/// `obj` must be a dead Dict object whose `data` is null or a box no one else owns.
pub unsafe fn finalize_dict(obj: *mut u8) {
    let d = &mut *(obj as *mut DictObj);
    if !d.data.is_null() {
        recycle_table(Box::from_raw(d.data));
        d.data = std::ptr::null_mut();
    }
}

/// Most tables kept for reuse, and the largest one kept (entries). The pool holds only
/// tables of dicts that died since it was last drained, memory the process already had.
const POOL_MAX: usize = 1 << 18;
const POOL_MAX_ENTRIES: usize = 16;

thread_local! {
    /// Tables of dead dicts, emptied, reused by new dicts: most dicts are small and
    /// short-lived (keyword arguments), and this saves their allocations.
    static TABLE_POOL: std::cell::RefCell<Vec<Box<DictData>>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn recycle_table(mut t: Box<DictData>) {
    if t.entries.capacity() > POOL_MAX_ENTRIES {
        return;
    }
    t.clear();
    TABLE_POOL.with(|p| {
        let mut p = p.borrow_mut();
        if p.len() < POOL_MAX {
            p.push(t);
        }
    });
}

fn new_table() -> Box<DictData> {
    TABLE_POOL
        .with(|p| p.borrow_mut().pop())
        .unwrap_or_default()
}

/// A new empty dict.
pub fn new_dict(vm: &mut Vm) -> Value {
    let cls = vm.cls.dict;
    new_dict_of_class(vm, cls)
}

/// A new empty dict whose class is `cls` (dict or a builtin subclass's payload).
pub fn new_dict_of_class(vm: &mut Vm, cls: Value) -> Value {
    let table = new_table();
    // The table lives outside the heap until a collection finds the dict dead: it brings
    // the next collection closer.
    let bytes = std::mem::size_of::<DictData>()
        + table.entries.capacity() * std::mem::size_of::<Entry>()
        + table.indices.capacity() * 4
        + 64;
    vm.heap.add_external_pressure(bytes);
    let (v, d) = vm.alloc_obj::<DictObj>(cls);
    d.data = Box::into_raw(table);
    v
}

/// The dict object of `v`: a dict, or an instance of a dict subclass (its native dict).
pub fn as_dict<'a>(v: Value) -> Option<&'a mut DictObj> {
    if let Some(d) = object::downcast::<DictObj>(v) {
        return Some(d);
    }
    object::downcast::<InstanceObj>(v).and_then(|i| object::downcast::<DictObj>(i.native))
}

/// The table of a dict value.
#[inline]
pub fn data<'a>(d: Value) -> &'a mut DictData {
    let obj = as_dict(d).expect("a dict value");
    // SAFETY: a live dict's `data` is a live box (set at creation, freed only by the
    // finalizer after the dict died).
    unsafe { &mut *obj.data }
}

fn str_same(a: Value, b: Value) -> Option<bool> {
    match (
        crate::types::str::as_exact_str(a),
        crate::types::str::as_exact_str(b),
    ) {
        (Some(x), Some(y)) => Some(x == y),
        _ => None,
    }
}

/// Looks up a str key without calling Python (for namespaces: class dicts, globals, module
/// dicts). Entries whose key is not an exact str never match.
#[inline]
pub fn get_str_key(d: Value, key: Value) -> Option<Value> {
    let t = data(d);
    let hash = crate::types::str::str_hash(key);
    match t.find_fast(hash, key, str_same) {
        Ok(Some(ix)) => Some(t.entries[ix].value),
        _ => None,
    }
}

/// Stores under a str key (namespaces). The key should be interned.
pub fn set_str_key(d: Value, key: Value, value: Value) {
    let hash = crate::types::str::str_hash(key);
    let t = data(d);
    match t.find_fast(hash, key, str_same) {
        Ok(Some(ix)) => t.entries[ix].value = value,
        _ => t.push_new(hash, key, value),
    }
}

/// Removes a str key (namespaces); whether it was there.
pub fn del_str_key(d: Value, key: Value) -> bool {
    let hash = crate::types::str::str_hash(key);
    let t = data(d);
    match t.find_fast(hash, key, str_same) {
        Ok(Some(ix)) => {
            t.remove_at(ix);
            true
        }
        _ => false,
    }
}

/// Finds the entry index of `key` (hash given), calling `__eq__` where needed.
pub fn find(vm: &mut Vm, d: Value, key: Value, hash: i64) -> PyResult<Option<usize>> {
    'restart: loop {
        let t = data(d);
        match t.find_fast(hash, key, |a, b| crate::ops::compare::fast_eq(a, b)) {
            Ok(r) => return Ok(r),
            Err(()) => {
                let version = t.version;
                for ix in t.candidates(hash) {
                    let k = data(d).entries[ix].key;
                    if k.is_null() {
                        continue;
                    }
                    let eq = crate::ops::compare::eq(vm, k, key)?;
                    if data(d).version != version {
                        continue 'restart;
                    }
                    if eq {
                        return Ok(Some(ix));
                    }
                }
                return Ok(None);
            }
        }
    }
}

/// `d[key]` if present.
pub fn get(vm: &mut Vm, d: Value, key: Value) -> PyResult<Option<Value>> {
    let hash = crate::ops::hash::hash(vm, key)?;
    Ok(find(vm, d, key, hash)?.map(|ix| data(d).entries[ix].value))
}

/// `d[key] = value`.
pub fn set(vm: &mut Vm, d: Value, key: Value, value: Value) -> PyResult<()> {
    let hash = crate::ops::hash::hash(vm, key)?;
    set_with_hash(vm, d, key, hash, value)
}

/// `d[key] = value` with the hash already computed.
pub fn set_with_hash(vm: &mut Vm, d: Value, key: Value, hash: i64, value: Value) -> PyResult<()> {
    match find(vm, d, key, hash)? {
        Some(ix) => data(d).entries[ix].value = value,
        None => data(d).push_new(hash, key, value),
    }
    Ok(())
}

/// `del d[key]`; whether the key was present.
pub fn del(vm: &mut Vm, d: Value, key: Value) -> PyResult<bool> {
    let hash = crate::ops::hash::hash(vm, key)?;
    match find(vm, d, key, hash)? {
        Some(ix) => {
            data(d).remove_at(ix);
            Ok(true)
        }
        None => Ok(false),
    }
}

/// A snapshot of the live (key, value) pairs.
pub fn items(d: Value) -> Vec<(Value, Value)> {
    data(d).iter().map(|e| (e.key, e.value)).collect()
}

/// A shallow copy as a plain dict.
pub fn copy_dict(vm: &mut Vm, src: Value) -> PyResult<Value> {
    let new = new_dict(vm);
    let t = data(src);
    let dst = data(new);
    for e in t.iter() {
        dst.push_new(e.hash, e.key, e.value);
    }
    Ok(new)
}

/// Number of entries.
pub fn len(d: Value) -> usize {
    data(d).len
}

// ---------------------------------------------------------------------------------------
// The Python-visible dict: fast paths, methods, dunders, views.

/// `d[key]` for the eval loop: a missing key calls `__missing__` on dict subclasses, else
/// raises `KeyError(key)`.
#[inline]
pub fn getitem(vm: &mut Vm, d: Value, key: Value) -> PyResult {
    if let Some(v) = get(vm, d, key)? {
        return Ok(v);
    }
    if !object::is::<DictObj>(d) {
        let name = vm.names.__missing__;
        let m = crate::ops::lookup_special(vm, d, name);
        if !m.is_null() {
            return crate::ops::call::call_unbound(vm, m, d, &[d, key]);
        }
    }
    Err(vm.key_error(key))
}

/// Merges `other` into `d` as `dict.update(other)` does: a dict's entries, a mapping's
/// `keys()` and items, or an iterable of pairs.
pub fn update_from(vm: &mut Vm, d: Value, other: Value) -> PyResult<()> {
    if as_dict(other).is_some() && plain_iteration(vm, other) {
        let es: Vec<Entry> = data(other).iter().copied().collect();
        for e in es {
            set_with_hash(vm, d, e.key, e.hash, e.value)?;
        }
        return Ok(());
    }
    let keys_name = vm.names.keys;
    if let Some(keys) = crate::ops::attr::getattr_opt(vm, other, keys_name)? {
        let ks = crate::ops::call::call(vm, keys, &[])?;
        let it = crate::ops::iter::iter(vm, ks)?;
        while let Some(k) = crate::ops::iter::next(vm, it)? {
            let v = crate::ops::subscript::getitem(vm, other, k)?;
            set(vm, d, k, v)?;
        }
        return Ok(());
    }
    let it = crate::ops::iter::iter(vm, other)?;
    let mut i = 0usize;
    while let Some(item) = crate::ops::iter::next(vm, it)? {
        let msg = format!("cannot convert dictionary update sequence element #{i} to a sequence");
        let pair = crate::types::list::seq_fast(vm, item, &msg)?;
        if pair.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        set(vm, d, pair[0], pair[1])?;
        i += 1;
    }
    Ok(())
}

/// Whether iterating the dict (or dict subclass) `v` walks its table directly (its class
/// does not override `__iter__`), so merging may read the entries.
fn plain_iteration(vm: &mut Vm, v: Value) -> bool {
    if object::is::<DictObj>(v) {
        return true;
    }
    let name = vm.names.__iter__;
    let found = crate::ops::lookup_special(vm, v, name);
    let dict_cls = vm.cls.dict;
    found == get_str_key(crate::types::class::class_obj(dict_cls).dict, name).unwrap_or(Value::NULL)
}

fn this(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    match args.pos.first() {
        Some(&v) if as_dict(v).is_some() => Ok(v),
        other => Err(crate::types::native::bad_receiver(
            vm,
            "dict",
            name,
            other.copied(),
        )),
    }
}

fn set_kwargs(vm: &mut Vm, d: Value, args: &Args<'_>) -> PyResult<()> {
    for (i, &k) in args.kwnames.iter().enumerate() {
        set(vm, d, k, args.kw[i])?;
    }
    Ok(())
}

fn new_view(vm: &mut Vm, d: Value, which: u64) -> Value {
    let cls = [vm.cls.dict_keys, vm.cls.dict_values, vm.cls.dict_items][which as usize % 3];
    let (v, o) = vm.alloc_obj::<DictViewObj>(cls);
    o.dict = d;
    o.which = which;
    v
}

fn m_keys(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "keys")?;
    method_args(vm, &args, "dict.keys", 0, 0)?;
    Ok(new_view(vm, d, 0))
}

fn m_values(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "values")?;
    method_args(vm, &args, "dict.values", 0, 0)?;
    Ok(new_view(vm, d, 1))
}

fn m_items(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "items")?;
    method_args(vm, &args, "dict.items", 0, 0)?;
    Ok(new_view(vm, d, 2))
}

fn m_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "get")?;
    let a = method_args(vm, &args, "get", 1, 2)?;
    match get(vm, d, a[0])? {
        Some(v) => Ok(v),
        None => Ok(a.get(1).copied().unwrap_or(vm.none)),
    }
}

fn m_setdefault(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "setdefault")?;
    let a = method_args(vm, &args, "setdefault", 1, 2)?;
    let hash = crate::ops::hash::hash(vm, a[0])?;
    if let Some(ix) = find(vm, d, a[0], hash)? {
        return Ok(data(d).entries[ix].value);
    }
    let v = a.get(1).copied().unwrap_or(vm.none);
    set_with_hash(vm, d, a[0], hash, v)?;
    Ok(v)
}

fn m_pop(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "pop")?;
    let a = method_args(vm, &args, "pop", 1, 2)?;
    if len(d) > 0 {
        let hash = crate::ops::hash::hash(vm, a[0])?;
        if let Some(ix) = find(vm, d, a[0], hash)? {
            let t = data(d);
            let v = t.entries[ix].value;
            t.remove_at(ix);
            return Ok(v);
        }
    }
    match a.get(1) {
        Some(&dflt) => Ok(dflt),
        None => Err(vm.key_error(a[0])),
    }
}

fn m_popitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "popitem")?;
    method_args(vm, &args, "dict.popitem", 0, 0)?;
    let t = data(d);
    let Some(ix) = t.entries.iter().rposition(|e| !e.key.is_null()) else {
        let m = crate::types::str::new_str(vm, "popitem(): dictionary is empty");
        return Err(vm.key_error(m));
    };
    let e = t.entries[ix];
    t.remove_at(ix);
    Ok(crate::types::tuple::new_tuple(vm, &[e.key, e.value]))
}

fn m_update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "update")?;
    let pos = &args.pos[1..];
    if pos.len() > 1 {
        return Err(vm.type_error(format!(
            "update expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    if let Some(&o) = pos.first() {
        update_from(vm, d, o)?;
    }
    set_kwargs(vm, d, &args)?;
    Ok(vm.none)
}

fn m_clear(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "clear")?;
    method_args(vm, &args, "dict.clear", 0, 0)?;
    data(d).clear();
    Ok(vm.none)
}

fn m_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "copy")?;
    method_args(vm, &args, "dict.copy", 0, 0)?;
    copy_dict(vm, d)
}

fn m_fromkeys(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = method_args(vm, &args, "fromkeys", 1, 2)?;
    let Some(&cls) = args.pos.first() else {
        return Err(vm.type_error("fromkeys expected at least 1 argument, got 0"));
    };
    let value = a.get(1).copied().unwrap_or(vm.none);
    let d = crate::ops::call::call(vm, cls, &[])?;
    let exact = object::is::<DictObj>(d);
    let it = crate::ops::iter::iter(vm, a[0])?;
    while let Some(k) = crate::ops::iter::next(vm, it)? {
        if exact {
            set(vm, d, k, value)?;
        } else {
            crate::ops::subscript::setitem(vm, d, k, value)?;
        }
    }
    Ok(d)
}

fn d_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = vm.cls.dict;
    let cls = crate::types::list::check_new_cls(vm, &args, "dict", base)?;
    let d = new_dict(vm);
    if cls == base {
        Ok(d)
    } else {
        Ok(crate::types::instance::new_instance(vm, cls, d))
    }
}

fn d_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "__init__")?;
    let pos = &args.pos[1..];
    if pos.len() > 1 {
        return Err(vm.type_error(format!(
            "dict expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    if let Some(&o) = pos.first() {
        update_from(vm, d, o)?;
    }
    set_kwargs(vm, d, &args)?;
    Ok(vm.none)
}

fn d_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "__len__")?;
    Ok(Value::from_usize(len(d)))
}

fn d_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "__getitem__")?;
    let a = method_args(vm, &args, "dict.__getitem__", 1, 1)?;
    getitem(vm, d, a[0])
}

fn d_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "__setitem__")?;
    let a = method_args(vm, &args, "__setitem__", 2, 2)?;
    set(vm, d, a[0], a[1])?;
    Ok(vm.none)
}

fn d_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "__delitem__")?;
    let a = method_args(vm, &args, "dict.__delitem__", 1, 1)?;
    if !del(vm, d, a[0])? {
        return Err(vm.key_error(a[0]));
    }
    Ok(vm.none)
}

fn d_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "__contains__")?;
    let a = method_args(vm, &args, "dict.__contains__", 1, 1)?;
    let r = get(vm, d, a[0])?.is_some();
    Ok(vm.bool(r))
}

/// A key/value/item iterator over `d` (`which` 0, 1, 2), reversed if asked.
fn dict_iter(vm: &mut Vm, d: Value, which: u64, reversed: bool) -> Value {
    let c = &vm.cls;
    let cls = if reversed {
        [
            c.dict_reversekeyiterator,
            c.dict_reversevalueiterator,
            c.dict_reverseitemiterator,
        ]
    } else {
        [
            c.dict_keyiterator,
            c.dict_valueiterator,
            c.dict_itemiterator,
        ]
    }[which as usize % 3];
    let t = data(d);
    let (n, start) = (t.len, if reversed { t.entries.len() } else { 0 });
    let w = if reversed {
        which + crate::types::iters::WHICH_REVERSED
    } else {
        which
    };
    crate::types::iters::new_dict_iter(vm, cls, d, w, n, start)
}

fn d_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "__iter__")?;
    Ok(dict_iter(vm, d, 0, false))
}

fn d_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "__reversed__")?;
    Ok(dict_iter(vm, d, 0, true))
}

/// Whether two dicts have equal contents.
fn dict_equal(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if len(a) != len(b) {
        return Ok(false);
    }
    let mut i = 0;
    loop {
        let t = data(a);
        let Some(&e) = t.entries.get(i) else {
            return Ok(true);
        };
        i += 1;
        if e.key.is_null() {
            continue;
        }
        let bv = match find(vm, b, e.key, e.hash)? {
            Some(ix) => match data(b).entries.get(ix) {
                Some(be) => be.value,
                None => return Ok(false),
            },
            None => return Ok(false),
        };
        if !item_eq(vm, e.value, bv)? {
            return Ok(false);
        }
    }
}

fn eq_common(vm: &mut Vm, args: &Args<'_>) -> PyResult<Option<bool>> {
    let d = this(vm, args, "__eq__")?;
    let a = method_args(vm, args, "dict.__eq__", 1, 1)?;
    if as_dict(a[0]).is_none() {
        return Ok(None);
    }
    crate::types::list::nested(vm, " in comparison", |vm| dict_equal(vm, d, a[0])).map(Some)
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

fn or_impl(vm: &mut Vm, a: Value, b: Value) -> PyResult {
    if as_dict(a).is_none() || as_dict(b).is_none() {
        return Ok(vm.not_implemented);
    }
    let r = copy_dict(vm, a)?;
    update_from(vm, r, b)?;
    Ok(r)
}

fn d_or(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "__or__")?;
    let a = method_args(vm, &args, "dict.__or__", 1, 1)?;
    or_impl(vm, d, a[0])
}

fn d_ror(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "__ror__")?;
    let a = method_args(vm, &args, "dict.__ror__", 1, 1)?;
    or_impl(vm, a[0], d)
}

fn d_ior(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "__ior__")?;
    let a = method_args(vm, &args, "dict.__ior__", 1, 1)?;
    update_from(vm, d, a[0])?;
    Ok(d)
}

fn d_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this(vm, &args, "__repr__")?;
    if len(d) == 0 {
        return Ok(crate::types::str::new_str(vm, "{}"));
    }
    if !repr_enter(d) {
        return Ok(crate::types::str::new_str(vm, "{...}"));
    }
    let r = crate::types::list::nested(vm, " while getting the repr of an object", |vm| {
        repr_body(vm, d)
    });
    repr_leave(d);
    let s = r?;
    Ok(crate::types::str::new_str(vm, &s))
}

fn repr_body(vm: &mut Vm, d: Value) -> PyResult<String> {
    let mut out = String::from("{");
    let mut i = 0;
    let mut first = true;
    loop {
        let Some(&e) = data(d).entries.get(i) else {
            break;
        };
        i += 1;
        if e.key.is_null() {
            continue;
        }
        if !first {
            out.push_str(", ");
        }
        first = false;
        out.push_str(&crate::ops::convert::repr_string(vm, e.key)?);
        out.push_str(": ");
        out.push_str(&crate::ops::convert::repr_string(vm, e.value)?);
    }
    out.push('}');
    Ok(out)
}

// --- views ---

fn view<'a>(vm: &mut Vm, args: &Args<'_>) -> PyResult<&'a mut DictViewObj> {
    match args
        .pos
        .first()
        .and_then(|&v| object::downcast::<DictViewObj>(v))
    {
        Some(o) if o.which < 3 => Ok(o),
        Some(_) => Err(vm.type_error("descriptor requires a dict view")),
        None => Err(vm.type_error("descriptor requires a dict view")),
    }
}

/// `view.mapping`: a read-only proxy of the viewed dict.
fn v_mapping(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = view(vm, &args)?.dict;
    Ok(crate::types::mappingproxy::new_proxy(vm, d))
}

fn v_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let o = view(vm, &args)?;
    Ok(Value::from_usize(len(o.dict)))
}

fn v_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let o = view(vm, &args)?;
    let (d, w) = (o.dict, o.which);
    Ok(dict_iter(vm, d, w, false))
}

fn v_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let o = view(vm, &args)?;
    let (d, w) = (o.dict, o.which);
    Ok(dict_iter(vm, d, w, true))
}

/// `x in view`.
fn view_contains(vm: &mut Vm, d: Value, which: u64, x: Value) -> PyResult<bool> {
    match which {
        0 => Ok(get(vm, d, x)?.is_some()),
        2 => {
            let t = crate::types::tuple::items(x);
            if crate::types::tuple::as_tuple(x).is_none() || t.len() != 2 {
                return Ok(false);
            }
            let (k, v) = (t[0], t[1]);
            match get(vm, d, k)? {
                Some(found) => item_eq(vm, found, v),
                None => Ok(false),
            }
        }
        _ => {
            let mut i = 0;
            loop {
                let Some(&e) = data(d).entries.get(i) else {
                    return Ok(false);
                };
                i += 1;
                if !e.key.is_null() && item_eq(vm, e.value, x)? {
                    return Ok(true);
                }
            }
        }
    }
}

fn v_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let o = view(vm, &args)?;
    let (d, w) = (o.dict, o.which);
    let a = method_args(vm, &args, "__contains__", 1, 1)?;
    let r = view_contains(vm, d, w, a[0])?;
    Ok(vm.bool(r))
}

fn v_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let o = view(vm, &args)?;
    let (d, w) = (o.dict, o.which);
    let me = args.pos[0];
    let name = crate::types::class::type_name(vm, me).to_string();
    if !repr_enter(me) {
        return Ok(crate::types::str::new_str(vm, "..."));
    }
    let it = dict_iter(vm, d, w, false);
    let r = (|| -> PyResult<String> {
        let items = crate::ops::iter::collect(vm, it)?;
        crate::types::list::repr_seq(vm, "[", "]", |i| items.get(i).copied())
    })();
    repr_leave(me);
    let s = r?;
    Ok(crate::types::str::new_str(vm, &format!("{name}({s})")))
}

fn is_set_view(v: Value) -> bool {
    object::downcast::<DictViewObj>(v).is_some_and(|o| o.which == 0 || o.which == 2)
}

/// A set of a view's contents, or of any iterable (CPython's `dictviews_to_set`).
fn to_set(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let src = match object::downcast::<DictViewObj>(v) {
        Some(o) if o.which == 0 => o.dict,
        _ => v,
    };
    crate::types::set::set_from_iterable(vm, src, false)
}

fn v_operands(vm: &mut Vm, args: &Args<'_>) -> PyResult<(Value, Value)> {
    view(vm, args)?;
    let a = method_args(vm, args, "view operator", 1, 1)?;
    Ok((args.pos[0], a[0]))
}

fn view_and(vm: &mut Vm, a: Value, b: Value) -> PyResult {
    let (mut this_v, mut other) = if is_set_view(a) { (a, b) } else { (b, a) };
    let view_len = |v: Value| {
        object::downcast::<DictViewObj>(v)
            .map(|o| len(o.dict))
            .unwrap_or(0)
    };
    let len_self = view_len(this_v);
    let exact_set = |vm: &Vm, v: Value| {
        object::downcast::<object::SetObj>(v).is_some_and(|s| s.head.class == vm.cls.set)
    };
    let len_other = if exact_set(&*vm, other) {
        crate::types::set::set_len(other)
    } else if is_set_view(other) {
        view_len(other)
    } else {
        len_self
    };
    if len_other > len_self && is_set_view(other) {
        std::mem::swap(&mut this_v, &mut other);
    }
    let len_self = view_len(this_v);
    if exact_set(&*vm, other) && len_self <= crate::types::set::set_len(other) {
        return crate::types::set::intersection(vm, other, this_v);
    }
    let set_cls = vm.cls.set;
    let result = crate::types::set::new_set_of_class(vm, set_cls);
    let Some(o) = object::downcast::<DictViewObj>(this_v) else {
        return Ok(result);
    };
    let (d, w) = (o.dict, o.which);
    let it = crate::ops::iter::iter(vm, other)?;
    while let Some(k) = crate::ops::iter::next(vm, it)? {
        if view_contains(vm, d, w, k)? {
            crate::types::set::add(vm, result, k)?;
        }
    }
    Ok(result)
}

fn v_and(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (a, b) = v_operands(vm, &args)?;
    view_and(vm, a, b)
}

fn v_rand(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (a, b) = v_operands(vm, &args)?;
    view_and(vm, b, a)
}

fn view_or(vm: &mut Vm, a: Value, b: Value) -> PyResult {
    let r = to_set(vm, a)?;
    crate::types::set::update_internal(vm, r, b)?;
    Ok(r)
}

fn v_or(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (a, b) = v_operands(vm, &args)?;
    view_or(vm, a, b)
}

fn v_ror(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (a, b) = v_operands(vm, &args)?;
    view_or(vm, b, a)
}

fn view_sub(vm: &mut Vm, a: Value, b: Value) -> PyResult {
    let r = to_set(vm, a)?;
    crate::types::set::difference_update(vm, r, b)?;
    Ok(r)
}

fn v_sub(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (a, b) = v_operands(vm, &args)?;
    view_sub(vm, a, b)
}

fn v_rsub(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (a, b) = v_operands(vm, &args)?;
    view_sub(vm, b, a)
}

fn view_xor(vm: &mut Vm, a: Value, b: Value) -> PyResult {
    let r = to_set(vm, a)?;
    crate::types::set::symmetric_difference_update(vm, r, b)?;
    Ok(r)
}

fn v_xor(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (a, b) = v_operands(vm, &args)?;
    view_xor(vm, a, b)
}

fn v_rxor(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (a, b) = v_operands(vm, &args)?;
    view_xor(vm, b, a)
}

fn v_isdisjoint(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (a, b) = v_operands(vm, &args)?;
    let s = to_set(vm, a)?;
    let r = crate::types::set::isdisjoint(vm, s, b)?;
    Ok(vm.bool(r))
}

/// Rich comparison of set-like views with sets and views (CPython's
/// `dictview_richcompare`).
fn v_compare(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult {
    let (a, b) = v_operands(vm, &args)?;
    if !crate::types::set::is_any_set(b) && !is_set_view(b) {
        return Ok(vm.not_implemented);
    }
    let la = object::downcast::<DictViewObj>(a)
        .map(|o| len(o.dict))
        .unwrap_or(0);
    let lb = match object::downcast::<DictViewObj>(b) {
        Some(o) => len(o.dict),
        None => crate::types::set::set_len(b),
    };
    let contained = |vm: &mut Vm, x: Value, y: Value| -> PyResult<bool> {
        let it = crate::ops::iter::iter(vm, x)?;
        while let Some(k) = crate::ops::iter::next(vm, it)? {
            if !crate::ops::subscript::contains(vm, y, k)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    let r = match op {
        CmpOp::Eq | CmpOp::Ne => (la == lb && contained(vm, a, b)?) == (op == CmpOp::Eq),
        CmpOp::Lt => la < lb && contained(vm, a, b)?,
        CmpOp::Le => la <= lb && contained(vm, a, b)?,
        CmpOp::Gt => la > lb && contained(vm, b, a)?,
        CmpOp::Ge => la >= lb && contained(vm, b, a)?,
    };
    Ok(vm.bool(r))
}

fn v_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    v_compare(vm, args, CmpOp::Eq)
}
fn v_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    v_compare(vm, args, CmpOp::Ne)
}
fn v_lt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    v_compare(vm, args, CmpOp::Lt)
}
fn v_le(vm: &mut Vm, args: Args<'_>) -> PyResult {
    v_compare(vm, args, CmpOp::Le)
}
fn v_gt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    v_compare(vm, args, CmpOp::Gt)
}
fn v_ge(vm: &mut Vm, args: Args<'_>) -> PyResult {
    v_compare(vm, args, CmpOp::Ge)
}

/// Registers the methods.
pub(crate) fn init(vm: &mut Vm) {
    let cls = vm.cls.dict;
    vm.add_classmethod(cls, "__class_getitem__", crate::types::list::class_getitem);
    vm.add_staticmethod(cls, "__new__", d_new);
    vm.add_classmethod(cls, "fromkeys", m_fromkeys);
    vm.add_methods(
        cls,
        &[
            ("keys", m_keys),
            ("values", m_values),
            ("items", m_items),
            ("get", m_get),
            ("setdefault", m_setdefault),
            ("pop", m_pop),
            ("popitem", m_popitem),
            ("update", m_update),
            ("clear", m_clear),
            ("copy", m_copy),
            ("__init__", d_init),
            ("__len__", d_len),
            ("__getitem__", d_getitem),
            ("__setitem__", d_setitem),
            ("__delitem__", d_delitem),
            ("__contains__", d_contains),
            ("__iter__", d_iter),
            ("__reversed__", d_reversed),
            ("__eq__", d_eq),
            ("__ne__", d_ne),
            ("__or__", d_or),
            ("__ror__", d_ror),
            ("__ior__", d_ior),
            ("__repr__", d_repr),
        ],
    );
    let none = vm.none;
    vm.add_attr(cls, "__hash__", none);
    let views = [vm.cls.dict_keys, vm.cls.dict_values, vm.cls.dict_items];
    for v in views {
        vm.add_methods(
            v,
            &[
                ("__len__", v_len),
                ("__iter__", v_iter),
                ("__reversed__", v_reversed),
                ("__contains__", v_contains),
                ("__repr__", v_repr),
            ],
        );
    }
    for v in views {
        vm.add_getset(v, "mapping", v_mapping, None);
    }
    for v in [vm.cls.dict_keys, vm.cls.dict_items] {
        vm.add_methods(
            v,
            &[
                ("__and__", v_and),
                ("__rand__", v_rand),
                ("__or__", v_or),
                ("__ror__", v_ror),
                ("__sub__", v_sub),
                ("__rsub__", v_rsub),
                ("__xor__", v_xor),
                ("__rxor__", v_rxor),
                ("isdisjoint", v_isdisjoint),
                ("__eq__", v_eq),
                ("__ne__", v_ne),
                ("__lt__", v_lt),
                ("__le__", v_le),
                ("__gt__", v_gt),
                ("__ge__", v_ge),
            ],
        );
        vm.add_attr(v, "__hash__", none);
    }
}
