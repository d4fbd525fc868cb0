//! `groupby` and its `_grouper`: a grouper yields items only while it is the current group
//! of its `groupby` (advancing the `groupby` ends the previous group).

use super::TypeSpec;
use crate::common::{self, boxed_state};
use pyrs_interp::ops::{call, compare, iter};
use pyrs_interp::types::boxed;
use pyrs_interp::types::tuple::new_tuple;
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, PyResult, Vm};

pub(super) const TYPES: &[TypeSpec] = &[
    TypeSpec {
        key: "itertools.groupby",
        basetype: true,
        new: Some(groupby_new),
        methods: &[],
    },
    TypeSpec {
        key: "itertools._grouper",
        basetype: false,
        new: None,
        methods: &[],
    },
];

struct GroupBy {
    it: Value,
    keyfunc: Value,
    /// Key of the group being yielded, or NULL.
    tgtkey: Value,
    /// Key of `currvalue`, or NULL.
    currkey: Value,
    /// The item read ahead, or NULL.
    currvalue: Value,
    /// Id of the current grouper (0: none); ids are never reused.
    current: u64,
    last_id: u64,
}
boxed_state!(GroupBy { it, keyfunc, tgtkey, currkey, currvalue } next: groupby_next);

struct Grouper {
    parent: Value,
    tgtkey: Value,
    id: u64,
}
boxed_state!(Grouper { parent, tgtkey } next: grouper_next);

fn groupby_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = common::type_of(vm, "itertools.groupby")?;
    let cls = common::new_cls(vm, &args, base)?;
    let a = common::parse(vm, &args, 1, "groupby", &["iterable", "key"], 1, 2)?;
    let none = vm.none;
    let it = iter::iter(vm, a[0].unwrap_or(none))?;
    let keyfunc = match a[1] {
        Some(k) if k != none => k,
        _ => Value::NULL,
    };
    let st = GroupBy {
        it,
        keyfunc,
        tgtkey: Value::NULL,
        currkey: Value::NULL,
        currvalue: Value::NULL,
        current: 0,
        last_id: 0,
    };
    Ok(common::alloc(vm, cls, base, st))
}

/// Reads the next item and its key into the groupby; `false` when the source is exhausted.
fn step(vm: &mut Vm, gb: Value) -> PyResult<bool> {
    let Some(s) = boxed::state::<GroupBy>(gb) else {
        return Ok(false);
    };
    let (src, keyfunc) = (s.it, s.keyfunc);
    let Some(v) = iter::next(vm, src)? else {
        return Ok(false);
    };
    let key = if keyfunc.is_null() {
        v
    } else {
        call::call(vm, keyfunc, &[v])?
    };
    if let Some(s) = boxed::state::<GroupBy>(gb) {
        s.currvalue = v;
        s.currkey = key;
    }
    Ok(true)
}

fn groupby_next(vm: &mut Vm, gb: Value) -> PyResult<Option<Value>> {
    if let Some(s) = boxed::state::<GroupBy>(gb) {
        s.current = 0;
    }
    loop {
        let Some(s) = boxed::state::<GroupBy>(gb) else {
            return Ok(None);
        };
        let (tgt, curr) = (s.tgtkey, s.currkey);
        if !curr.is_null() && (tgt.is_null() || !compare::eq(vm, tgt, curr)?) {
            break;
        }
        if !step(vm, gb)? {
            return Ok(None);
        }
    }
    let Some(s) = boxed::state::<GroupBy>(gb) else {
        return Ok(None);
    };
    s.tgtkey = s.currkey;
    s.last_id += 1;
    s.current = s.last_id;
    let (key, id) = (s.currkey, s.last_id);
    let cls = common::type_of(vm, "itertools._grouper")?;
    let g = boxed::new_boxed(
        vm,
        cls,
        Grouper {
            parent: gb,
            tgtkey: key,
            id,
        },
    );
    Ok(Some(new_tuple(vm, &[key, g])))
}

fn grouper_next(vm: &mut Vm, g: Value) -> PyResult<Option<Value>> {
    let Some(s) = boxed::state::<Grouper>(g) else {
        return Ok(None);
    };
    let (gb, tgt, id) = (s.parent, s.tgtkey, s.id);
    let Some(p) = boxed::state::<GroupBy>(gb) else {
        return Ok(None);
    };
    if p.current != id {
        return Ok(None);
    }
    if p.currvalue.is_null() && !step(vm, gb)? {
        return Ok(None);
    }
    let Some(p) = boxed::state::<GroupBy>(gb) else {
        return Ok(None);
    };
    let curr = p.currkey;
    if !compare::eq(vm, tgt, curr)? {
        return Ok(None);
    }
    let Some(p) = boxed::state::<GroupBy>(gb) else {
        return Ok(None);
    };
    Ok(Some(std::mem::replace(&mut p.currvalue, Value::NULL)))
}
