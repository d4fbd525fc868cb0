//! The asynchronous iteration builtins `aiter` and `anext`, and the awaitable that
//! `anext(it, default)` returns: it drives `it.__anext__()` and turns its
//! `StopAsyncIteration` into the default value.

use crate::ops::{call, lookup_special};
use crate::types::boxed::{self, BoxedState, Tracer};
use crate::types::class::type_name;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// `aiter(async_iterable)`.
pub(crate) fn builtin_aiter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "aiter", 1, 1)?;
    let obj = args.pos[0];
    let name = vm.intern("__aiter__");
    let m = lookup_special(vm, obj, name);
    if m.is_null() {
        let t = type_name(vm, obj).to_string();
        return Err(vm.type_error(format!("'{t}' object is not an async iterable")));
    }
    let it = call::call_unbound(vm, m, obj, &[obj])?;
    let anext = vm.intern("__anext__");
    if lookup_special(vm, it, anext).is_null() {
        let t = type_name(vm, it).to_string();
        return Err(vm.type_error(format!(
            "aiter() returned not an async iterator of type '{t}'"
        )));
    }
    Ok(it)
}

/// `anext(async_iterator[, default])`: the awaitable of the next item.
pub(crate) fn builtin_anext(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "anext", 1, 2)?;
    let it = args.pos[0];
    let name = vm.intern("__anext__");
    let m = lookup_special(vm, it, name);
    if m.is_null() {
        let t = type_name(vm, it).to_string();
        return Err(vm.type_error(format!("'{t}' object is not an async iterator")));
    }
    let awaitable = call::call_unbound(vm, m, it, &[it])?;
    let Some(&default) = args.pos.get(1) else {
        return Ok(awaitable);
    };
    let cls = vm.cls.anext_awaitable;
    let state = AnextAwaitable {
        wrapped: awaitable,
        iter: Value::NULL,
        default,
    };
    Ok(boxed::new_boxed(vm, cls, state))
}

/// The state of an `anext_awaitable`.
struct AnextAwaitable {
    /// What `__anext__` returned.
    wrapped: Value,
    /// Its `__await__()` iterator, NULL until first driven.
    iter: Value,
    /// The value of the `StopIteration` that replaces `StopAsyncIteration`.
    default: Value,
}

impl BoxedState for AnextAwaitable {
    fn trace(&mut self, t: &mut Tracer<'_, '_>) {
        t.value(&mut self.wrapped);
        t.value(&mut self.iter);
        t.value(&mut self.default);
    }
}

fn this<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a mut AnextAwaitable> {
    match boxed::state::<AnextAwaitable>(v) {
        Some(s) => Ok(s),
        None => {
            let t = type_name(vm, v).to_string();
            Err(vm.type_error(format!(
                "descriptor requires a 'anext_awaitable' object but received '{t}'"
            )))
        }
    }
}

/// The iterator that drives the wrapped awaitable (its `__await__()`, or itself when it is
/// a coroutine or generator).
fn driver(vm: &mut Vm, aw: Value) -> PyResult<Value> {
    if let Some(it) = this(vm, aw).ok().map(|s| s.iter).filter(|i| !i.is_null()) {
        return Ok(it);
    }
    let wrapped = this(vm, aw)?.wrapped;
    let name = vm.intern("__await__");
    let m = lookup_special(vm, wrapped, name);
    let it = if m.is_null() {
        let t = type_name(vm, wrapped).to_string();
        return Err(vm.type_error(format!("'{t}' object can't be awaited")));
    } else {
        call::call_unbound(vm, m, wrapped, &[wrapped])?
    };
    this(vm, aw)?.iter = it;
    Ok(it)
}

/// Runs one step of the wrapped awaitable; `StopAsyncIteration` becomes
/// `StopIteration(default)`.
fn step(vm: &mut Vm, aw: Value, method: &str, args: &[Value]) -> PyResult {
    let it = driver(vm, aw)?;
    let r = if method == "send" && args.first() == Some(&vm.none) {
        let send = vm.intern("send");
        if crate::ops::attr::getattr_opt(vm, it, send)?.is_some() {
            call::call_method(vm, it, "send", args)
        } else {
            match crate::ops::iter::next(vm, it)? {
                Some(v) => Ok(v),
                None => Err(vm.stop_iteration(vm.none)),
            }
        }
    } else {
        call::call_method(vm, it, method, args)
    };
    if r.is_err() && vm.exc_matches(vm.cls.stop_async_iteration) {
        vm.exc = Value::NULL;
        let default = this(vm, aw)?.default;
        return Err(vm.stop_iteration(default));
    }
    r
}

fn aw_await(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__await__", 1, 1)?;
    this(vm, args.pos[0])?;
    Ok(args.pos[0])
}

fn aw_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__next__", 1, 1)?;
    let none = vm.none;
    step(vm, args.pos[0], "send", &[none])
}

fn aw_send(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "send", 2, 2)?;
    step(vm, args.pos[0], "send", &args.pos[1..])
}

fn aw_throw(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "throw", 2, 4)?;
    step(vm, args.pos[0], "throw", &args.pos[1..])
}

fn aw_close(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "close", 1, 1)?;
    let it = driver(vm, args.pos[0])?;
    call::call_method(vm, it, "close", &[])
}

/// Registers the methods of `anext_awaitable`.
pub(crate) fn init(vm: &mut Vm) {
    let cls = vm.cls.anext_awaitable;
    vm.add_methods(
        cls,
        &[
            ("__await__", aw_await),
            ("__iter__", aw_await),
            ("__next__", aw_next),
            ("send", aw_send),
            ("throw", aw_throw),
            ("close", aw_close),
        ],
    );
}
