//! `mappingproxy`: a read-only view of a mapping (what `cls.__dict__` returns, and
//! `types.MappingProxyType`). It reuses the dict-view layout with
//! [`WHICH_PROXY`] in `which`; every operation is delegated to the wrapped mapping.

use crate::object::{self, DictViewObj};
use crate::ops;
use crate::types::class::type_name;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};
use pyrs_frontend::bytecode::{BinOp, CmpOp};

/// `DictViewObj::which` of a mapping proxy (dict views use 0, 1 and 2).
pub const WHICH_PROXY: u64 = 3;

/// A read-only proxy of `mapping` (not checked: the caller knows it is a mapping).
pub fn new_proxy(vm: &mut Vm, mapping: Value) -> Value {
    let cls = vm.cls.mappingproxy;
    let (v, o) = vm.alloc_obj::<DictViewObj>(cls);
    o.dict = mapping;
    o.which = WHICH_PROXY;
    v
}

/// The mapping wrapped by `v`, if it is a mapping proxy.
pub fn proxied(v: Value) -> Option<Value> {
    object::downcast::<DictViewObj>(v)
        .filter(|o| o.which == WHICH_PROXY)
        .map(|o| o.dict)
}

fn this(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    match args.pos.first().and_then(|&v| proxied(v)) {
        Some(m) => Ok(m),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' requires a 'mappingproxy' object"
        ))),
    }
}

fn no_args(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    let m = this(vm, args, name)?;
    let rest = Args {
        pos: &args.pos[1..],
        ..*args
    };
    rest.check(vm, name, 0, 0)?;
    Ok(m)
}

fn one_arg(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(Value, Value)> {
    let m = this(vm, args, name)?;
    let rest = Args {
        pos: &args.pos[1..],
        ..*args
    };
    rest.check(vm, name, 1, 1)?;
    Ok((m, args.pos[1]))
}

/// Whether `v` can back a proxy: CPython's `PyMapping_Check` minus lists and tuples.
fn is_mapping(vm: &mut Vm, v: Value) -> bool {
    if crate::types::list::as_list(v).is_some() || crate::types::tuple::as_tuple(v).is_some() {
        return false;
    }
    let gi = vm.names.__getitem__;
    !ops::lookup_special(vm, v, gi).is_null()
}

fn p_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let rest = Args {
        pos: args.pos.get(1..).unwrap_or(&[]),
        ..args
    };
    rest.only_kwargs(vm, "mappingproxy", &["mapping"])?;
    if rest.pos.len() + rest.kw.len() != 1 {
        let n = rest.pos.len() + rest.kw.len();
        return Err(vm.type_error(format!(
            "mappingproxy() takes exactly 1 argument ({n} given)"
        )));
    }
    let Some(mapping) = rest.arg(0, "mapping") else {
        return Err(vm.type_error("mappingproxy() missing required argument 'mapping'"));
    };
    if !is_mapping(vm, mapping) {
        let t = type_name(vm, mapping).to_string();
        return Err(vm.type_error(format!(
            "mappingproxy() argument must be a mapping, not {t}"
        )));
    }
    Ok(new_proxy(vm, mapping))
}

fn p_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (m, k) = one_arg(vm, &args, "__getitem__")?;
    ops::subscript::getitem(vm, m, k)
}

fn p_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (m, k) = one_arg(vm, &args, "__contains__")?;
    let r = ops::subscript::contains(vm, m, k)?;
    Ok(vm.bool(r))
}

fn p_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let m = no_args(vm, &args, "__len__")?;
    let n = ops::convert::len(vm, m)?;
    Ok(Value::from_usize(n))
}

fn p_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let m = no_args(vm, &args, "__iter__")?;
    ops::iter::iter(vm, m)
}

fn p_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let m = no_args(vm, &args, "__reversed__")?;
    ops::call::call_method(vm, m, "__reversed__", &[])
}

fn p_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let m = this(vm, &args, "get")?;
    let rest = Args {
        pos: &args.pos[1..],
        ..args
    };
    rest.check(vm, "get", 1, 2)?;
    ops::call::call_method(vm, m, "get", rest.pos)
}

fn delegate(vm: &mut Vm, args: Args<'_>, name: &str) -> PyResult {
    let m = no_args(vm, &args, name)?;
    ops::call::call_method(vm, m, name, &[])
}

fn p_keys(vm: &mut Vm, args: Args<'_>) -> PyResult {
    delegate(vm, args, "keys")
}

fn p_values(vm: &mut Vm, args: Args<'_>) -> PyResult {
    delegate(vm, args, "values")
}

fn p_items(vm: &mut Vm, args: Args<'_>) -> PyResult {
    delegate(vm, args, "items")
}

fn p_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    delegate(vm, args, "copy")
}

fn p_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let m = no_args(vm, &args, "__repr__")?;
    let r = ops::convert::repr_string(vm, m)?;
    Ok(crate::types::str::new_str(
        vm,
        &format!("mappingproxy({r})"),
    ))
}

fn p_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let m = no_args(vm, &args, "__str__")?;
    ops::convert::to_str(vm, m)
}

fn compare(vm: &mut Vm, args: Args<'_>, name: &str, op: CmpOp) -> PyResult {
    let (m, other) = one_arg(vm, &args, name)?;
    ops::compare::rich_compare(vm, m, other, op)
}

fn p_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__eq__", CmpOp::Eq)
}

fn p_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__ne__", CmpOp::Ne)
}

fn p_lt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__lt__", CmpOp::Lt)
}

fn p_le(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__le__", CmpOp::Le)
}

fn p_gt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__gt__", CmpOp::Gt)
}

fn p_ge(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__ge__", CmpOp::Ge)
}

fn p_or(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (m, other) = one_arg(vm, &args, "__or__")?;
    let other = proxied(other).unwrap_or(other);
    ops::arith::binary_op(vm, m, other, BinOp::Or)
}

fn p_ror(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (m, other) = one_arg(vm, &args, "__ror__")?;
    let other = proxied(other).unwrap_or(other);
    ops::arith::binary_op(vm, other, m, BinOp::Or)
}

fn p_ior(vm: &mut Vm, args: Args<'_>) -> PyResult {
    one_arg(vm, &args, "__ior__")?;
    Err(vm.type_error("'|=' is not supported by mappingproxy; use '|' instead"))
}

/// Registers the methods.
pub(crate) fn init(vm: &mut Vm) {
    let cls = vm.cls.mappingproxy;
    vm.add_staticmethod(cls, "__new__", p_new);
    vm.add_methods(
        cls,
        &[
            ("__getitem__", p_getitem),
            ("__contains__", p_contains),
            ("__len__", p_len),
            ("__iter__", p_iter),
            ("__reversed__", p_reversed),
            ("get", p_get),
            ("keys", p_keys),
            ("values", p_values),
            ("items", p_items),
            ("copy", p_copy),
            ("__repr__", p_repr),
            ("__str__", p_str),
            ("__eq__", p_eq),
            ("__ne__", p_ne),
            ("__lt__", p_lt),
            ("__le__", p_le),
            ("__gt__", p_gt),
            ("__ge__", p_ge),
            ("__or__", p_or),
            ("__ror__", p_ror),
            ("__ior__", p_ior),
        ],
    );
    let none = vm.none;
    vm.add_attr(cls, "__hash__", none);
}
