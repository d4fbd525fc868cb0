//! Async generators' protocol: `__anext__`/`asend` return an `async_generator_asend`
//! awaitable, `athrow`/`aclose` an `async_generator_athrow`; driving one resumes the async
//! generator. A plain `yield` in the async generator (a `YieldValue 0`) finishes the
//! awaitable with `StopIteration(value)`; the delegating yield of an `await` inside it
//! (`YieldValue 1`) passes its value through to whoever drives the awaitable.

use super::{gen, resume, throw, yielded_plain, GenState, SendResult, ThrowArgs};
use crate::object::{self, AsyncGenOpObj, GeneratorObj};
use crate::value::Value;
use crate::vm::{Args, PyResult, Raised, Vm};

/// What an `AsyncGenOp` awaitable does (`AsyncGenOpObj::kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u64)]
pub enum OpKind {
    /// `__anext__()` / `asend(value)`.
    Send = 0,
    /// `athrow(typ[, val[, tb]])`: `value` is the tuple of arguments.
    Throw = 1,
    /// `aclose()`.
    Close = 2,
}

/// The awaitable's progress (`AsyncGenOpObj::state`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u64)]
pub enum OpState {
    /// Not started.
    Init = 0,
    /// Started: the async generator runs on our behalf.
    Iter = 1,
    /// Finished; awaiting it again is an error.
    Closed = 2,
}

fn new_op(vm: &mut Vm, g: Value, kind: OpKind, value: Value) -> Value {
    let cls = if kind == OpKind::Send {
        vm.cls.async_generator_asend
    } else {
        vm.cls.async_generator_athrow
    };
    let (v, o) = vm.alloc_obj::<AsyncGenOpObj>(cls);
    o.gen = g;
    o.value = value;
    o.kind = kind as u64;
    o.state = OpState::Init as u64;
    v
}

fn agen_arg(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if object::is::<GeneratorObj>(v)
        && crate::types::class::class_of(vm, v) == vm.cls.async_generator
    {
        return Ok(v);
    }
    let t = crate::types::class::type_name(vm, v).to_string();
    Err(vm.type_error(format!(
        "descriptor requires a 'async_generator' object but received '{t}'"
    )))
}

fn op_arg<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a mut AsyncGenOpObj> {
    match object::downcast::<AsyncGenOpObj>(v) {
        Some(o) => Ok(o),
        None => {
            let t = crate::types::class::type_name(vm, v).to_string();
            Err(vm.type_error(format!(
                "descriptor requires an async generator awaitable but received '{t}'"
            )))
        }
    }
}

fn closed(g: Value) -> bool {
    gen(g).state == GenState::Finished as u64
}

/// Turns what the async generator did into the awaitable's step: a plain yield finishes
/// the awaitable with StopIteration(value), an `await`'s yield passes through, the end of
/// the generator is StopAsyncIteration.
fn unwrap(vm: &mut Vm, op: Value, g: Value, r: PyResult<SendResult>) -> PyResult {
    match r {
        Ok(SendResult::Yield(v)) if !yielded_plain(g) => Ok(v),
        Ok(SendResult::Yield(v)) => {
            set_op_state(op, OpState::Closed);
            Err(vm.stop_iteration(v))
        }
        Ok(SendResult::Return(_)) => {
            set_op_state(op, OpState::Closed);
            let c = vm.cls.stop_async_iteration;
            Err(vm.raise_new(c, ""))
        }
        Err(e) => {
            set_op_state(op, OpState::Closed);
            Err(e)
        }
    }
}

fn set_op_state(op: Value, s: OpState) {
    if let Some(o) = object::downcast::<AsyncGenOpObj>(op) {
        o.state = s as u64;
    }
}

fn reuse_error(vm: &mut Vm, kind: u64) -> Raised {
    if kind == OpKind::Send as u64 {
        vm.runtime_error("cannot reuse already awaited __anext__()/asend()")
    } else {
        vm.runtime_error("cannot reuse already awaited aclose()/athrow()")
    }
}

/// `send(arg)` on an awaitable.
fn op_send_value(vm: &mut Vm, op: Value, arg: Value) -> PyResult {
    let o = op_arg(vm, op)?;
    let (g, kind, st, value) = (o.gen, o.kind, o.state, o.value);
    if st == OpState::Closed as u64 {
        return Err(reuse_error(vm, kind));
    }
    if kind == OpKind::Send as u64 {
        let arg = if st == OpState::Init as u64 && (arg.is_null() || arg == vm.none) {
            value
        } else {
            arg
        };
        set_op_state(op, OpState::Iter);
        let r = resume(vm, g, arg, false);
        return unwrap(vm, op, g, r);
    }
    if st == OpState::Init as u64 {
        if closed(g) {
            set_op_state(op, OpState::Closed);
            return Err(vm.stop_iteration(vm.none));
        }
        if !arg.is_null() && arg != vm.none {
            return Err(vm.runtime_error("can't send non-None value to a just-started coroutine"));
        }
        set_op_state(op, OpState::Iter);
        let a = if kind == OpKind::Close as u64 {
            ThrowArgs::from_slice(&[vm.cls.generator_exit])
        } else {
            ThrowArgs::from_slice(crate::types::tuple::items(value))
        };
        let r = throw(vm, g, a, false);
        return athrow_result(vm, op, g, kind, r);
    }
    let r = resume(vm, g, arg, false);
    athrow_result(vm, op, g, kind, r)
}

/// The step of an `athrow`/`aclose` awaitable after the generator ran.
fn athrow_result(vm: &mut Vm, op: Value, g: Value, kind: u64, r: PyResult<SendResult>) -> PyResult {
    if kind == OpKind::Throw as u64 {
        return unwrap(vm, op, g, r);
    }
    match r {
        Ok(SendResult::Yield(_)) if yielded_plain(g) => {
            set_op_state(op, OpState::Closed);
            Err(vm.runtime_error("async generator ignored GeneratorExit"))
        }
        Ok(SendResult::Yield(v)) => Ok(v),
        Ok(SendResult::Return(_)) => {
            set_op_state(op, OpState::Closed);
            Err(vm.stop_iteration(vm.none))
        }
        Err(e) => {
            set_op_state(op, OpState::Closed);
            let (sai, ge) = (vm.cls.stop_async_iteration, vm.cls.generator_exit);
            if vm.exc_matches(sai) || vm.exc_matches(ge) {
                vm.exc = Value::NULL;
                return Err(vm.stop_iteration(vm.none));
            }
            Err(e)
        }
    }
}

fn op_send(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "send", 2, 2)?;
    op_send_value(vm, args.pos[0], args.pos[1])
}

fn op_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__next__", 1, 1)?;
    op_send_value(vm, args.pos[0], Value::NULL)
}

fn op_throw(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "throw", 2, 4)?;
    let op = args.pos[0];
    let o = op_arg(vm, op)?;
    let (g, kind, st) = (o.gen, o.kind, o.state);
    if st == OpState::Closed as u64 {
        return Err(reuse_error(vm, kind));
    }
    let a = ThrowArgs::from_slice(&args.pos[1..]);
    let r = throw(vm, g, a, true);
    if kind == OpKind::Close as u64 {
        return athrow_result(vm, op, g, kind, r);
    }
    unwrap(vm, op, g, r)
}

fn op_close(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "close", 1, 1)?;
    op_arg(vm, args.pos[0])?.state = OpState::Closed as u64;
    Ok(vm.none)
}

fn op_self(vm: &mut Vm, args: Args<'_>) -> PyResult {
    op_arg(vm, args.pos[0])?;
    Ok(args.pos[0])
}

fn ag_aiter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__aiter__", 1, 1)?;
    agen_arg(vm, args.pos[0])
}

fn ag_anext(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__anext__", 1, 1)?;
    let g = agen_arg(vm, args.pos[0])?;
    let none = vm.none;
    Ok(new_op(vm, g, OpKind::Send, none))
}

fn ag_asend(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "asend", 2, 2)?;
    let g = agen_arg(vm, args.pos[0])?;
    Ok(new_op(vm, g, OpKind::Send, args.pos[1]))
}

fn ag_athrow(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "athrow", 2, 4)?;
    let g = agen_arg(vm, args.pos[0])?;
    let t = crate::types::tuple::new_tuple(vm, &args.pos[1..]);
    Ok(new_op(vm, g, OpKind::Throw, t))
}

fn ag_aclose(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "aclose", 1, 1)?;
    let g = agen_arg(vm, args.pos[0])?;
    let none = vm.none;
    Ok(new_op(vm, g, OpKind::Close, none))
}

fn op_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = args.pos[0];
    let t = crate::types::class::type_name(vm, v).to_string();
    let id = crate::types::identity::id_of(vm, v);
    Ok(crate::types::str::new_str(
        vm,
        &format!("<{t} object at {id:#x}>"),
    ))
}

/// Registers the async generator methods and its awaitables' methods.
pub(super) fn init(vm: &mut Vm) {
    vm.add_methods(
        vm.cls.async_generator,
        &[
            ("__aiter__", ag_aiter),
            ("__anext__", ag_anext),
            ("asend", ag_asend),
            ("athrow", ag_athrow),
            ("aclose", ag_aclose),
        ],
    );
    for cls in [vm.cls.async_generator_asend, vm.cls.async_generator_athrow] {
        vm.add_methods(
            cls,
            &[
                ("send", op_send),
                ("__next__", op_next),
                ("throw", op_throw),
                ("close", op_close),
                ("__await__", op_self),
                ("__iter__", op_self),
                ("__repr__", op_repr),
            ],
        );
    }
}
