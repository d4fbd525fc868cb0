//! Generators, coroutines and async generators: a heap object owning a suspended frame,
//! resumed in a nested loop.

use super::frame::Frame;
use super::Exit;
use crate::object::{self, FunctionObj, GeneratorObj, Kind};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};
use pyrs_frontend::bytecode::flags;
use pyrs_gc::vm::Visitor;

/// Generator states (`GeneratorObj::state`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u64)]
pub enum GenState {
    /// Not started.
    Created = 0,
    /// Suspended at a yield.
    Suspended = 1,
    /// Running.
    Running = 2,
    /// Returned or raised.
    Finished = 3,
}

/// GC trace hook: the suspended frame's references.
///
/// # Safety
/// `obj` must be a Generator object whose `frame` is null or a live boxed frame.
pub unsafe fn trace_generator(obj: *mut u8, visit: &mut Visitor<'_>) {
    let g = &mut *(obj as *mut GeneratorObj);
    if let Some(f) = g.frame.as_mut() {
        f.visit(visit);
    }
}

/// GC finalizer: drops the suspended frame.
///
/// # Safety
/// `obj` must be a dead Generator object owning its frame box.
pub unsafe fn finalize_generator(obj: *mut u8) {
    let g = &mut *(obj as *mut GeneratorObj);
    if !g.frame.is_null() {
        drop(Box::from_raw(g.frame));
        g.frame = std::ptr::null_mut();
    }
}

/// Creates the generator (or coroutine) for a call of `func` whose frame is bound.
pub fn new_generator(vm: &mut Vm, func: Value, mut frame: Box<Frame>) -> Value {
    let cls = if frame.code.flags & flags::COROUTINE != 0 {
        vm.cls.coroutine
    } else if frame.code.flags & flags::ASYNC_GENERATOR != 0 {
        vm.cls.async_generator
    } else {
        vm.cls.generator
    };
    let (name, qualname) = object::downcast::<FunctionObj>(func)
        .map(|f| (f.name, f.qualname))
        .unwrap_or_default();
    let (g, obj) = vm.alloc_obj::<GeneratorObj>(cls);
    obj.name = name;
    obj.qualname = qualname;
    frame.generator = g;
    obj.frame = Box::into_raw(frame);
    obj.state = GenState::Created as u64;
    g
}

fn gen<'a>(g: Value) -> &'a mut GeneratorObj {
    object::downcast::<GeneratorObj>(g).expect("a generator")
}

/// Called by the loop when the generator's frame yields.
pub(crate) fn suspend(_vm: &mut Vm, frame: Box<Frame>) {
    let g = gen(frame.generator);
    g.state = GenState::Suspended as u64;
    g.frame = Box::into_raw(frame);
}

/// Called by the loop when the generator's frame returns.
pub(crate) fn finish(_vm: &mut Vm, frame: Box<Frame>) {
    let g = gen(frame.generator);
    g.state = GenState::Finished as u64;
    g.frame = std::ptr::null_mut();
}

/// Called by the loop when an exception escapes the generator's frame.
pub(crate) fn finish_with_error(vm: &mut Vm, frame: Box<Frame>) {
    let is_gen_like = frame.code.is_generator_like();
    finish(vm, frame);
    if is_gen_like {
        let si = vm.cls.stop_iteration;
        let sai = vm.cls.stop_async_iteration;
        if vm.exc_matches(si) || vm.exc_matches(sai) {
            let cause = vm.exc;
            let msg = "generator raised StopIteration";
            let c = vm.cls.runtime_error;
            let e = vm.new_exception_msg(c, msg);
            if let Some(d) = crate::errors::exc_data(e) {
                d.cause = cause;
                d.context = cause;
                d.suppress_context = 1;
            }
            vm.exc = e;
        }
    }
}

/// The outcome of resuming a generator.
pub enum SendResult {
    /// It yielded a value.
    Yield(Value),
    /// It returned a value (StopIteration).
    Return(Value),
}

/// Resumes generator `g` with `value` sent in (or with the exception in `vm.exc` thrown in
/// when `throw`).
pub fn resume(vm: &mut Vm, g: Value, value: Value, throw: bool) -> PyResult<SendResult> {
    let obj = gen(g);
    match obj.state {
        s if s == GenState::Running as u64 => {
            return Err(vm.value_error("generator already executing"))
        }
        s if s == GenState::Finished as u64 => {
            if throw {
                return Err(crate::vm::Raised);
            }
            if class_is(vm, g, vm.cls.coroutine) {
                return Err(vm.runtime_error("cannot reuse already awaited coroutine"));
            }
            return Ok(SendResult::Return(vm.none));
        }
        s if s == GenState::Created as u64 && !throw && value != vm.none => {
            let what = if class_is(vm, g, vm.cls.coroutine) {
                "coroutine"
            } else {
                "generator"
            };
            return Err(vm.type_error(format!(
                "can't send non-None value to a just-started {what}"
            )));
        }
        _ => {}
    }
    let started = obj.state != GenState::Created as u64;
    // SAFETY: a non-finished generator owns its frame box.
    let mut frame = unsafe { Box::from_raw(obj.frame) };
    obj.frame = std::ptr::null_mut();
    obj.state = GenState::Running as u64;
    if started && !throw {
        frame.values.push(value);
    }
    if throw && !started {
        frame.lasti = 0;
    }
    let exc = vm.exc;
    let r = super::run_frame(vm, frame, throw);
    let _ = exc;
    match r {
        Ok(Exit::Yield(v)) => Ok(SendResult::Yield(v)),
        Ok(Exit::Return(v)) => Ok(SendResult::Return(v)),
        Err(e) => {
            if !gen(g).frame.is_null() {
                gen(g).state = GenState::Suspended as u64;
            } else {
                gen(g).state = GenState::Finished as u64;
            }
            Err(e)
        }
    }
}

fn class_is(vm: &Vm, v: Value, cls: Value) -> bool {
    crate::types::class::class_of(vm, v) == cls
}

/// `next(gen)`: `None` when it returned.
pub fn next(vm: &mut Vm, g: Value) -> PyResult<Option<Value>> {
    let none = vm.none;
    match resume(vm, g, none, false)? {
        SendResult::Yield(v) => Ok(Some(v)),
        SendResult::Return(_) => Ok(None),
    }
}

/// `SEND`: a value into any receiver (generator fast path, else `send`/`__next__`).
pub fn send_to(vm: &mut Vm, receiver: Value, value: Value) -> PyResult<SendResult> {
    if object::kind_of(receiver) == Some(Kind::Generator) {
        return resume(vm, receiver, value, false);
    }
    let r = if value == vm.none {
        let n = vm.names.__next__;
        let m = crate::ops::lookup_special(vm, receiver, n);
        if m.is_null() {
            let t = crate::types::class::type_name(vm, receiver).to_string();
            return Err(vm.type_error(format!("'{t}' object is not an iterator")));
        }
        crate::ops::call::call_unbound(vm, m, receiver, &[receiver])
    } else {
        crate::ops::call::call_method(vm, receiver, "send", &[value])
    };
    match r {
        Ok(v) => Ok(SendResult::Yield(v)),
        Err(e) => {
            let si = vm.cls.stop_iteration;
            if vm.exc_matches(si) {
                let exc = vm.exc;
                vm.exc = Value::NULL;
                Ok(SendResult::Return(stop_value(vm, exc)))
            } else {
                Err(e)
            }
        }
    }
}

/// The `value` of a StopIteration instance.
pub fn stop_value(vm: &Vm, exc: Value) -> Value {
    crate::errors::exc_data(exc)
        .and_then(|d| crate::types::tuple::items(d.args).first().copied())
        .unwrap_or(vm.none)
}

/// `await v`: the iterator to delegate to.
pub fn get_awaitable(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if class_is(vm, v, vm.cls.coroutine) {
        return Ok(v);
    }
    let a = vm.names.__await__;
    let m = crate::ops::lookup_special(vm, v, a);
    if m.is_null() {
        let t = crate::types::class::type_name(vm, v).to_string();
        return Err(vm.type_error(format!("object {t} can't be used in 'await' expression")));
    }
    crate::ops::call::call_unbound(vm, m, v, &[v])
}

fn gen_send(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "send", 2, 2)?;
    match resume(vm, args.pos[0], args.pos[1], false)? {
        SendResult::Yield(v) => Ok(v),
        SendResult::Return(v) => Err(vm.stop_iteration(v)),
    }
}

fn gen_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__next__", 1, 1)?;
    let none = vm.none;
    match resume(vm, args.pos[0], none, false)? {
        SendResult::Yield(v) => Ok(v),
        SendResult::Return(v) => Err(vm.stop_iteration(v)),
    }
}

fn gen_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__iter__", 1, 1)?;
    Ok(args.pos[0])
}

fn gen_throw(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "throw", 2, 4)?;
    let g = args.pos[0];
    let typ = args.pos[1];
    let exc = if args.pos.len() > 2 && args.pos[2] != vm.none && object::is::<object::ClassObj>(typ)
    {
        crate::ops::call::call(vm, typ, &[args.pos[2]])?
    } else {
        super::ops_exc::make_exception(vm, typ)?
    };
    vm.exc = exc;
    if gen(g).state == GenState::Created as u64 {
        gen(g).state = GenState::Finished as u64;
        let fr = gen(g).frame;
        if !fr.is_null() {
            // SAFETY: the generator owns its frame box until finished.
            drop(unsafe { Box::from_raw(fr) });
            gen(g).frame = std::ptr::null_mut();
        }
        return Err(crate::vm::Raised);
    }
    match resume(vm, g, Value::NULL, true)? {
        SendResult::Yield(v) => Ok(v),
        SendResult::Return(v) => Err(vm.stop_iteration(v)),
    }
}

fn gen_close(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "close", 1, 1)?;
    let g = args.pos[0];
    let st = gen(g).state;
    if st == GenState::Finished as u64 || st == GenState::Created as u64 {
        gen(g).state = GenState::Finished as u64;
        return Ok(vm.none);
    }
    let ge = vm.cls.generator_exit;
    let exc = vm.new_exception(ge, &[]);
    vm.exc = exc;
    match resume(vm, g, Value::NULL, true) {
        Ok(SendResult::Yield(_)) => Err(vm.runtime_error("generator ignored GeneratorExit")),
        Ok(SendResult::Return(_)) => Ok(vm.none),
        Err(e) => {
            let si = vm.cls.stop_iteration;
            if vm.exc_matches(ge) || vm.exc_matches(si) {
                vm.exc = Value::NULL;
                Ok(vm.none)
            } else {
                Err(e)
            }
        }
    }
}

fn gen_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let g = args.pos[0];
    let t = crate::types::class::type_name(vm, g).to_string();
    let q = crate::types::str::as_str(gen(g).qualname)
        .unwrap_or("?")
        .to_string();
    let id = crate::types::identity::id_of(vm, g);
    let s = format!("<{t} object {q} at {id:#x}>");
    Ok(crate::types::str::new_str(vm, &s))
}

fn coro_await(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(args.pos.first().copied().unwrap_or(vm.none))
}

/// Registers generator and coroutine methods.
pub(crate) fn init(vm: &mut Vm) {
    for cls in [vm.cls.generator, vm.cls.coroutine] {
        vm.add_methods(
            cls,
            &[
                ("send", gen_send),
                ("throw", gen_throw),
                ("close", gen_close),
                ("__repr__", gen_repr),
            ],
        );
    }
    vm.add_methods(
        vm.cls.generator,
        &[("__next__", gen_next), ("__iter__", gen_iter)],
    );
    vm.add_methods(vm.cls.coroutine, &[("__await__", coro_await)]);
}
