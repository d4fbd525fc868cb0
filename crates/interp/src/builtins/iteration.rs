//! Iteration builtins: `len`, `iter`, `next`, `any`, `all`, `sorted`.

use crate::ops::{convert, iter};
use crate::types::class::type_name;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// `len(obj)`.
pub(crate) fn builtin_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "len", 1, 1)?;
    let n = convert::len(vm, args.pos[0])?;
    Ok(crate::types::int::new_int(vm, n.into()))
}

/// Whether `v` can be called.
pub(crate) fn is_callable(vm: &mut Vm, v: Value) -> bool {
    use crate::object::Kind;
    if matches!(
        crate::object::kind_of(v),
        Some(Kind::Function | Kind::Builtin | Kind::Method | Kind::Class)
    ) {
        return true;
    }
    let name = vm.names.__call__;
    !crate::ops::lookup_special(vm, v, name).is_null()
}

/// `iter(obj)` / `iter(callable, sentinel)`.
pub(crate) fn builtin_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "iter", 1, 2)?;
    if args.pos.len() == 1 {
        return iter::iter(vm, args.pos[0]);
    }
    let (f, sentinel) = (args.pos[0], args.pos[1]);
    if !is_callable(vm, f) {
        return Err(vm.type_error("iter(v, w): v must be callable"));
    }
    Ok(crate::types::iters::new_callable_iter(vm, f, sentinel))
}

/// `next(iterator[, default])`.
pub(crate) fn builtin_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "next", 1, 2)?;
    let it = args.pos[0];
    let name = vm.names.__next__;
    let m = crate::ops::lookup_special(vm, it, name);
    if m.is_null() {
        let t = type_name(vm, it).to_string();
        return Err(vm.type_error(format!("'{t}' object is not an iterator")));
    }
    match crate::ops::call::call_unbound(vm, m, it, &[it]) {
        Ok(v) => Ok(v),
        Err(e) => match args.pos.get(1) {
            Some(&default) if vm.exc_matches(vm.cls.stop_iteration) => {
                vm.exc = Value::NULL;
                Ok(default)
            }
            _ => Err(e),
        },
    }
}

/// `any(iterable)`.
pub(crate) fn builtin_any(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "any", 1, 1)?;
    let it = iter::iter(vm, args.pos[0])?;
    while let Some(x) = iter::next(vm, it)? {
        if convert::truthy(vm, x)? {
            return Ok(vm.true_);
        }
    }
    Ok(vm.false_)
}

/// `all(iterable)`.
pub(crate) fn builtin_all(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "all", 1, 1)?;
    let it = iter::iter(vm, args.pos[0])?;
    while let Some(x) = iter::next(vm, it)? {
        if !convert::truthy(vm, x)? {
            return Ok(vm.false_);
        }
    }
    Ok(vm.true_)
}

/// `sorted(iterable, /, *, key=None, reverse=False)`: a new list sorted by `list.sort`.
pub(crate) fn builtin_sorted(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if args.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "sorted expected 1 argument, got {}",
            args.pos.len()
        )));
    }
    let items = iter::collect(vm, args.pos[0])?;
    let list = crate::types::list::new_list(vm, items);
    let sort = crate::ops::attr::getattr_str(vm, list, "sort")?;
    crate::ops::call::call_args(
        vm,
        sort,
        Args {
            pos: &[],
            kw: args.kw,
            kwnames: args.kwnames,
        },
    )?;
    Ok(list)
}
