//! `types.UnionType`: the value of `X | Y` on classes (`int | None`). A boxed object
//! holding the tuple of member classes, flattened and without duplicates; `isinstance` and
//! `issubclass` accept it (see `builtins::introspection`).

use crate::object::{self, ClassObj};
use crate::types::boxed::{new_boxed, state, BoxedState, Tracer};
use crate::types::tuple::{items, new_tuple};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// The state of a union: its `__args__`.
struct UnionState {
    args: Value,
}

impl BoxedState for UnionState {
    fn trace(&mut self, t: &mut Tracer<'_, '_>) {
        t.value(&mut self.args);
    }
}

/// The `__args__` tuple of `v` if it is a union.
pub fn union_args(v: Value) -> Option<Value> {
    state::<UnionState>(v).map(|s| s.args)
}

fn is_unionable(vm: &Vm, v: Value) -> bool {
    v == vm.none
        || object::is::<ClassObj>(v)
        || union_args(v).is_some()
        || crate::types::genericalias::alias_parts(v).is_some()
}

fn members(vm: &Vm, v: Value) -> Vec<Value> {
    match union_args(v) {
        Some(a) => items(a).to_vec(),
        None if v == vm.none => vec![vm.cls.none_type],
        None => vec![v],
    }
}

/// `a | b` for classes, None and unions: the union of both (a lone member stands for
/// itself), or NotImplemented for other operands.
pub fn make_union(vm: &mut Vm, a: Value, b: Value) -> PyResult {
    if !is_unionable(vm, a) || !is_unionable(vm, b) {
        return Ok(vm.not_implemented);
    }
    let mut all: Vec<Value> = Vec::new();
    for m in members(vm, a).into_iter().chain(members(vm, b)) {
        if !all.contains(&m) {
            all.push(m);
        }
    }
    if all.len() == 1 {
        return Ok(all[0]);
    }
    let args = new_tuple(vm, &all);
    let cls = vm.cls.union_type;
    Ok(new_boxed(vm, cls, UnionState { args }))
}

fn self_args(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match union_args(v) {
        Some(a) => Ok(a),
        None => {
            let t = crate::types::class::type_name(vm, v).to_string();
            Err(vm.type_error(format!(
                "descriptor requires a 'types.UnionType' object but received '{t}'"
            )))
        }
    }
}

fn type_or(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__or__", 2, 2)?;
    make_union(vm, args.pos[0], args.pos[1])
}

fn type_ror(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__ror__", 2, 2)?;
    make_union(vm, args.pos[1], args.pos[0])
}

fn u_args(vm: &mut Vm, args: Args<'_>) -> PyResult {
    self_args(vm, args.pos[0])
}

fn u_parameters(vm: &mut Vm, args: Args<'_>) -> PyResult {
    self_args(vm, args.pos[0])?;
    Ok(new_tuple(vm, &[]))
}

fn member_repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    if v == vm.cls.none_type {
        return Ok("None".to_string());
    }
    if object::is::<ClassObj>(v) {
        let qn = crate::ops::attr::getattr_str(vm, v, "__qualname__")?;
        let qn = crate::ops::convert::str_string(vm, qn)?;
        let m = crate::ops::attr::getattr_str(vm, v, "__module__")?;
        let m = crate::ops::convert::str_string(vm, m)?;
        return Ok(if m == "builtins" {
            qn
        } else {
            format!("{m}.{qn}")
        });
    }
    crate::ops::convert::repr_string(vm, v)
}

fn u_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = self_args(vm, args.pos[0])?;
    let mut parts = Vec::new();
    for m in items(a).to_vec() {
        parts.push(member_repr(vm, m)?);
    }
    Ok(crate::types::str::new_str(vm, &parts.join(" | ")))
}

fn same_members(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let (x, y) = (items(a).to_vec(), items(b).to_vec());
    for (p, q) in [(&x, &y), (&y, &x)] {
        for &m in p.iter() {
            let mut found = false;
            for &n in q.iter() {
                if crate::ops::compare::eq(vm, m, n)? {
                    found = true;
                    break;
                }
            }
            if !found {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

fn u_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__eq__", 2, 2)?;
    let a = self_args(vm, args.pos[0])?;
    let Some(b) = union_args(args.pos[1]) else {
        return Ok(vm.not_implemented);
    };
    let r = same_members(vm, a, b)?;
    Ok(vm.bool(r))
}

fn u_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__ne__", 2, 2)?;
    let a = self_args(vm, args.pos[0])?;
    let Some(b) = union_args(args.pos[1]) else {
        return Ok(vm.not_implemented);
    };
    let r = same_members(vm, a, b)?;
    Ok(vm.bool(!r))
}

/// The hash of the frozenset of the members, as CPython's.
fn u_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = self_args(vm, args.pos[0])?;
    let cls = vm.cls.frozenset;
    let s = crate::types::set::new_set_of_class(vm, cls);
    for m in items(a).to_vec() {
        crate::types::set::add(vm, s, m)?;
    }
    let h = crate::ops::hash::hash(vm, s)?;
    Ok(crate::types::int::new_i64(vm, h))
}

fn u_instancecheck(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__instancecheck__", 2, 2)?;
    let a = self_args(vm, args.pos[0])?;
    let r = crate::builtins::isinstance(vm, args.pos[1], a)?;
    Ok(vm.bool(r))
}

fn u_subclasscheck(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__subclasscheck__", 2, 2)?;
    let a = self_args(vm, args.pos[0])?;
    let r = crate::builtins::issubclass(vm, args.pos[1], a)?;
    Ok(vm.bool(r))
}

/// Registers `type.__or__`/`__ror__` and the union type's methods.
pub(crate) fn init(vm: &mut Vm) {
    vm.add_methods(vm.cls.type_, &[("__or__", type_or), ("__ror__", type_ror)]);
    let u = vm.cls.union_type;
    vm.add_getset(u, "__args__", u_args, None);
    vm.add_getset(u, "__parameters__", u_parameters, None);
    vm.add_methods(
        u,
        &[
            ("__or__", type_or),
            ("__ror__", type_ror),
            ("__repr__", u_repr),
            ("__eq__", u_eq),
            ("__ne__", u_ne),
            ("__hash__", u_hash),
            ("__instancecheck__", u_instancecheck),
            ("__subclasscheck__", u_subclasscheck),
        ],
    );
    let m = crate::types::str::new_str(vm, "types");
    let key = vm.names.__module__;
    crate::types::dict::set_str_key(crate::types::class::class_obj(u).dict, key, m);
}
