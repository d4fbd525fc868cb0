//! The `_collections` module: `deque`, `defaultdict` and `_count_elements` (the helper of
//! `Counter`). `OrderedDict` stays pure Python (`collections` falls back to it).

mod defaultdict;
mod deque;

use crate::common;
use pyrs_frontend::bytecode::BinOp;
use pyrs_interp::ops::{self, arith, call, iter};
use pyrs_interp::types::class::{self, class_obj, class_of};
use pyrs_interp::types::dict;
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};

/// Whether the class of `mapping` inherits `name` from `dict` unchanged.
fn inherits_dict_method(vm: &mut Vm, mapping: Value, name: &str) -> bool {
    let n = vm.intern(name);
    let cls = class_of(vm, mapping);
    let found = class::lookup(vm, cls, n);
    let plain = dict::get_str_key(class_obj(vm.cls.dict).dict, n).unwrap_or(Value::NULL);
    !found.is_null() && found == plain
}

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1` for each item.
fn count_elements(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "_count_elements", 0, 2, 2)?;
    let (mapping, iterable) = (pos[0], pos[1]);
    let it = iter::iter(vm, iterable)?;
    let one = Value::from_usize(1);
    let fast = dict::as_dict(mapping).is_some()
        && inherits_dict_method(vm, mapping, "get")
        && inherits_dict_method(vm, mapping, "__setitem__");
    if fast {
        while let Some(x) = iter::next(vm, it)? {
            let n = match dict::get(vm, mapping, x)? {
                Some(c) => arith::binary_op(vm, c, one, BinOp::Add)?,
                None => one,
            };
            dict::set(vm, mapping, x, n)?;
        }
        return Ok(vm.none);
    }
    let get = ops::attr::getattr_str(vm, mapping, "get")?;
    let zero = Value::from_usize(0);
    while let Some(x) = iter::next(vm, it)? {
        let c = call::call(vm, get, &[x, zero])?;
        let n = arith::binary_op(vm, c, one, BinOp::Add)?;
        ops::subscript::setitem(vm, mapping, x, n)?;
    }
    Ok(vm.none)
}

const FUNCTIONS: &[(&str, NativeFn)] = &[("_count_elements", count_elements)];

/// Creates the `_collections` module.
pub fn init(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("_collections");
    let d = deque::init(vm);
    vm.module_set(m, "deque", d);
    let dd = defaultdict::init(vm);
    vm.module_set(m, "defaultdict", dd);
    for key in [
        "_collections._deque_iterator",
        "_collections._deque_reverse_iterator",
    ] {
        let c = common::type_of(vm, key)?;
        let name = key.rsplit_once('.').map(|(_, n)| n).unwrap_or(key);
        vm.module_set(m, name, c);
    }
    vm.module_add_functions(m, FUNCTIONS);
    Ok(m)
}
