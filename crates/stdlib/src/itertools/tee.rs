//! `tee`: the `_tee` iterators of one `tee()` call share a linked list of
//! `_tee_dataobject` blocks holding the items read so far; each `_tee` keeps its block and
//! its index in it. Blocks no iterator points to any more are garbage.

use super::TypeSpec;
use crate::common::{self, boxed_state};
use pyrs_interp::ops::{self, iter};
use pyrs_interp::types::boxed;
use pyrs_interp::types::tuple::new_tuple;
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, PyResult, Vm};

pub(super) const TYPES: &[TypeSpec] = &[
    TypeSpec {
        key: "itertools._tee",
        basetype: false,
        new: Some(tee_new),
        methods: &[("__copy__", tee_copy)],
    },
    TypeSpec {
        key: "itertools._tee_dataobject",
        basetype: false,
        new: None,
        methods: &[],
    },
];

/// Items per block, as in CPython.
const LINKCELLS: usize = 57;

struct TeeData {
    it: Value,
    values: Vec<Value>,
    /// The next block, or NULL.
    next: Value,
    running: bool,
}
boxed_state!(TeeData { it, values, next });

struct Tee {
    data: Value,
    index: usize,
}
boxed_state!(Tee { data } next: tee_next);

fn new_data(vm: &mut Vm, it: Value) -> PyResult {
    let cls = common::type_of(vm, "itertools._tee_dataobject")?;
    Ok(boxed::new_boxed(
        vm,
        cls,
        TeeData {
            it,
            values: Vec::new(),
            next: Value::NULL,
            running: false,
        },
    ))
}

fn new_tee(vm: &mut Vm, data: Value, index: usize) -> PyResult {
    let cls = common::type_of(vm, "itertools._tee")?;
    Ok(boxed::new_boxed(vm, cls, Tee { data, index }))
}

/// A `_tee` over iterable `v` (a copy if it already is a `_tee`).
fn tee_from_iterable(vm: &mut Vm, v: Value) -> PyResult {
    let it = iter::iter(vm, v)?;
    if let Some(t) = boxed::state::<Tee>(it) {
        let (d, i) = (t.data, t.index);
        return new_tee(vm, d, i);
    }
    let d = new_data(vm, it)?;
    new_tee(vm, d, 0)
}

fn tee_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "_tee", 1, 1, 1)?;
    tee_from_iterable(vm, pos[0])
}

fn tee_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = common::this::<Tee>(vm, &args, "__copy__", "itertools._tee")?;
    let (d, i) = (t.data, t.index);
    new_tee(vm, d, i)
}

fn tee_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(t) = boxed::state::<Tee>(it) else {
        return Ok(None);
    };
    let (mut data, mut index) = (t.data, t.index);
    if index >= LINKCELLS {
        let Some(d) = boxed::state::<TeeData>(data) else {
            return Ok(None);
        };
        let (next, src) = (d.next, d.it);
        data = if next.is_null() {
            let n = new_data(vm, src)?;
            if let Some(d) = boxed::state::<TeeData>(t.data) {
                d.next = n;
            }
            n
        } else {
            next
        };
        index = 0;
        if let Some(t) = boxed::state::<Tee>(it) {
            t.data = data;
            t.index = 0;
        }
    }
    let Some(d) = boxed::state::<TeeData>(data) else {
        return Ok(None);
    };
    let v = if index < d.values.len() {
        d.values[index]
    } else {
        if d.running {
            return Err(vm.runtime_error("cannot re-enter the tee iterator"));
        }
        d.running = true;
        let src = d.it;
        let r = iter::next(vm, src);
        let Some(d) = boxed::state::<TeeData>(data) else {
            return Ok(None);
        };
        d.running = false;
        let Some(v) = r? else {
            return Ok(None);
        };
        d.values.push(v);
        v
    };
    if let Some(t) = boxed::state::<Tee>(it) {
        t.index = index + 1;
    }
    Ok(Some(v))
}

/// `itertools.tee(iterable, n=2)`.
pub(super) fn tee(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::no_kwargs(vm, &args, "itertools.tee")?;
    common::check_count(vm, "tee", args.pos.len(), 1, 2)?;
    let n = match args.pos.get(1) {
        Some(&v) => ops::convert::index_isize(vm, v)?,
        None => 2,
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(new_tuple(vm, &[]));
    }
    let it = iter::iter(vm, args.pos[0])?;
    let copy = vm.intern("__copy__");
    let first = if ops::lookup_special(vm, it, copy).is_null() {
        tee_from_iterable(vm, it)?
    } else {
        it
    };
    let mut out = vec![first];
    for _ in 1..n {
        let c = ops::call::call_method(vm, first, "__copy__", &[])?;
        out.push(c);
    }
    Ok(new_tuple(vm, &out))
}
