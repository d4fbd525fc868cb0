//! Generators, coroutines and async generators: a heap object owning a suspended frame,
//! resumed in a nested loop. `throw()` and `close()` are delegated to the iterator a
//! suspended `yield from`/`await` is waiting on (PEP 380), found on the frame's stack.

pub mod asyncgen;
mod attrs;

use super::frame::Frame;
use super::Exit;
use crate::object::{self, FunctionObj, GeneratorObj, Kind};
use crate::value::Value;
use crate::vm::{Args, PyResult, Raised, Vm};
use pyrs_frontend::bytecode::{flags, Op};
use pyrs_gc::vm::Visitor;

/// `CO_ITERABLE_COROUTINE`: a generator function made awaitable by `types.coroutine`.
pub const ITERABLE_COROUTINE: u32 = 0x100;

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
        let mut frame = Box::from_raw(g.frame);
        // The frame object is dead too (it keeps its generator alive) or about to be freed
        // with the heap: it must not be written to.
        frame.pyframe = Value::NULL;
        drop(frame);
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
    let code = frame.code_obj;
    let (g, obj) = vm.alloc_obj::<GeneratorObj>(cls);
    obj.name = name;
    obj.qualname = qualname;
    obj.code = code;
    frame.generator = g;
    obj.frame = Box::into_raw(frame);
    obj.state = GenState::Created as u64;
    g
}

fn gen<'a>(g: Value) -> &'a mut GeneratorObj {
    object::downcast::<GeneratorObj>(g).expect("a generator")
}

fn state(g: Value) -> u64 {
    gen(g).state
}

fn set_state(g: Value, s: GenState) {
    gen(g).state = s as u64;
}

/// Called by the loop when the generator's frame yields.
pub(crate) fn suspend(vm: &mut Vm, frame: Box<Frame>) {
    let gv = frame.generator;
    crate::finalize::guard_suspended_generator(vm, gv, &frame.code, frame.lasti);
    let g = gen(gv);
    g.state = GenState::Suspended as u64;
    g.frame = Box::into_raw(frame);
}

/// Called by the loop when the generator's frame returns.
pub(crate) fn finish(vm: &mut Vm, mut frame: Box<Frame>) {
    let g = gen(frame.generator);
    g.state = GenState::Finished as u64;
    g.frame = std::ptr::null_mut();
    if frame.pyframe.is_null() {
        frame.generator = Value::NULL;
        vm.recycle_frame(frame);
    }
}

/// Called by the loop when an exception escapes the generator's frame.
pub(crate) fn finish_with_error(vm: &mut Vm, frame: Box<Frame>) {
    let is_gen_like = frame.code.is_generator_like();
    let is_async_gen = frame.code.flags & flags::ASYNC_GENERATOR != 0;
    finish(vm, frame);
    if is_gen_like {
        let si = vm.cls.stop_iteration;
        let sai = vm.cls.stop_async_iteration;
        let msg = if vm.exc_matches(si) {
            if is_async_gen {
                "async generator raised StopIteration"
            } else {
                "generator raised StopIteration"
            }
        } else if is_async_gen && vm.exc_matches(sai) {
            "async generator raised StopAsyncIteration"
        } else {
            return;
        };
        let cause = vm.exc;
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

/// The outcome of resuming a generator.
pub enum SendResult {
    /// It yielded a value.
    Yield(Value),
    /// It returned a value (StopIteration).
    Return(Value),
}

/// "generator", "coroutine" or "async generator", for messages.
fn kind_word(vm: &Vm, g: Value) -> &'static str {
    let c = crate::types::class::class_of(vm, g);
    if c == vm.cls.coroutine {
        "coroutine"
    } else if c == vm.cls.async_generator {
        "async generator"
    } else {
        "generator"
    }
}

/// Resumes generator `g` with `value` sent in (or with the exception in `vm.exc` thrown in
/// at its current instruction when `throw`).
pub fn resume(vm: &mut Vm, g: Value, value: Value, throw: bool) -> PyResult<SendResult> {
    let obj = gen(g);
    match obj.state {
        s if s == GenState::Running as u64 => {
            let w = kind_word(vm, g);
            return Err(vm.value_error(format!("{w} already executing")));
        }
        s if s == GenState::Finished as u64 => {
            if class_is(vm, g, vm.cls.coroutine) {
                return Err(vm.runtime_error("cannot reuse already awaited coroutine"));
            }
            if throw {
                return Err(Raised);
            }
            return Ok(SendResult::Return(vm.none));
        }
        s if s == GenState::Created as u64 && !throw && value != vm.none => {
            let w = kind_word(vm, g);
            return Err(vm.type_error(format!("can't send non-None value to a just-started {w}")));
        }
        _ => {}
    }
    if throw && obj.state == GenState::Created as u64 {
        return Err(throw_unstarted(vm, g));
    }
    let started = obj.state != GenState::Created as u64;
    // SAFETY: a created or suspended generator owns its frame box.
    let mut frame = unsafe { Box::from_raw(obj.frame) };
    obj.frame = std::ptr::null_mut();
    obj.state = GenState::Running as u64;
    if started && !throw && !value.is_null() {
        frame.values.push(value);
    }
    let r = super::run_frame(vm, frame, throw);
    match r {
        Ok(Exit::Yield(v)) => Ok(SendResult::Yield(v)),
        Ok(Exit::Return(v)) => Ok(SendResult::Return(v)),
        Ok(Exit::Recorded) => {
            Err(vm.runtime_error("pyrs: a trace recording ended inside a generator"))
        }
        Err(e) => {
            if !gen(g).frame.is_null() {
                set_state(g, GenState::Suspended);
            } else {
                set_state(g, GenState::Finished);
            }
            Err(e)
        }
    }
}

/// Throws `vm.exc` into a generator that never ran: it finishes, and the exception gets a
/// traceback entry at the function's first line, as CPython's does.
fn throw_unstarted(vm: &mut Vm, g: Value) -> Raised {
    let obj = gen(g);
    // SAFETY: a created generator owns its frame box.
    let frame = unsafe { Box::from_raw(obj.frame) };
    obj.frame = std::ptr::null_mut();
    obj.state = GenState::Finished as u64;
    let (code_obj, line) = (frame.code_obj, frame.code.firstlineno);
    let exc = vm.exc;
    vm.frames.push(frame);
    super::traceback::add_entry(vm, exc, code_obj, line, 0);
    drop(vm.frames.pop());
    vm.exc = exc;
    Raised
}

fn class_is(vm: &Vm, v: Value, cls: Value) -> bool {
    crate::types::class::class_of(vm, v) == cls
}

/// For the eval loop's inline resumption (a `for` loop or `yield from` over a generator):
/// takes the frame of generator `g` to run it on top of the current frame, as [`resume`]
/// would with `value`; `None` (nothing done) when `g` needs [`resume`]: not a plain
/// generator, running, finished, or a non-None value sent to an unstarted one.
pub(crate) fn take_frame_inline(vm: &mut Vm, g: Value, value: Value) -> Option<Box<Frame>> {
    if !class_is(vm, g, vm.cls.generator) {
        return None;
    }
    let obj = gen(g);
    let started = match obj.state {
        s if s == GenState::Suspended as u64 => true,
        s if s == GenState::Created as u64 && value == vm.none => false,
        _ => return None,
    };
    if obj.frame.is_null() {
        return None;
    }
    // SAFETY: a created or suspended generator owns its frame box.
    let mut frame = unsafe { Box::from_raw(obj.frame) };
    obj.frame = std::ptr::null_mut();
    obj.state = GenState::Running as u64;
    if started {
        frame.values.push(value);
    }
    Some(frame)
}

/// `next(gen)`: `None` when it returned.
pub fn next(vm: &mut Vm, g: Value) -> PyResult<Option<Value>> {
    if !class_is(vm, g, vm.cls.generator) {
        let t = crate::types::class::type_name(vm, g).to_string();
        return Err(vm.type_error(format!("'{t}' object is not an iterator")));
    }
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
    stop_iteration_to_return(vm, r)
}

/// Turns a `StopIteration` raised by a delegate into its return value.
fn stop_iteration_to_return(vm: &mut Vm, r: PyResult) -> PyResult<SendResult> {
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

/// Whether `v` is a coroutine, or a generator made awaitable by `types.coroutine`.
fn is_awaitable_generator(vm: &Vm, v: Value) -> bool {
    if class_is(vm, v, vm.cls.coroutine) {
        return true;
    }
    class_is(vm, v, vm.cls.generator)
        && !gen(v).code.is_null()
        && super::code::code_of(gen(v).code).flags & ITERABLE_COROUTINE != 0
}

/// `await v`: the iterator to delegate to.
pub fn get_awaitable(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if is_awaitable_generator(vm, v) {
        return Ok(v);
    }
    let a = vm.names.__await__;
    let m = crate::ops::lookup_special(vm, v, a);
    if m.is_null() {
        let t = crate::types::class::type_name(vm, v).to_string();
        return Err(vm.type_error(format!("object {t} can't be used in 'await' expression")));
    }
    let it = crate::ops::call::call_unbound(vm, m, v, &[v])?;
    if class_is(vm, it, vm.cls.coroutine) {
        return Err(vm.type_error("__await__() returned a coroutine"));
    }
    let n = vm.names.__next__;
    if crate::ops::lookup_special(vm, it, n).is_null() && !is_awaitable_generator(vm, it) {
        let t = crate::types::class::type_name(vm, it).to_string();
        return Err(vm.type_error(format!("__await__() returned non-iterator of type '{t}'")));
    }
    Ok(it)
}

/// The iterator a suspended generator's `yield from`/`await` is waiting on, if any: the
/// receiver left on the stack under the delegating yield.
pub fn yield_from_target(g: Value) -> Option<Value> {
    let go = object::downcast::<GeneratorObj>(g)?;
    if go.state != GenState::Suspended as u64 || go.frame.is_null() {
        return None;
    }
    // SAFETY: a suspended generator owns its frame box.
    let f = unsafe { &*go.frame };
    let instr = f.code.code.get(f.lasti as usize)?;
    if instr.op == Op::YieldValue && instr.arg == 1 {
        f.values.last().copied()
    } else {
        None
    }
}

/// Whether the last yield of a suspended generator was a plain `yield` (not the delegating
/// yield of `yield from`/`await`).
pub(crate) fn yielded_plain(g: Value) -> bool {
    let go = gen(g);
    if go.frame.is_null() {
        return false;
    }
    // SAFETY: a suspended generator owns its frame box.
    let f = unsafe { &*go.frame };
    matches!(f.code.code.get(f.lasti as usize), Some(i) if i.op == Op::YieldValue && i.arg == 0)
}

/// The arguments of a `throw()` call as given: `typ`, then `val` and `tb` or NULL.
#[derive(Clone, Copy)]
pub struct ThrowArgs {
    /// An exception class or instance.
    pub typ: Value,
    /// The value (NULL when not given).
    pub val: Value,
    /// The traceback (NULL when not given).
    pub tb: Value,
}

impl ThrowArgs {
    /// From the arguments of a `throw` method after the receiver.
    pub fn from_slice(rest: &[Value]) -> ThrowArgs {
        let get = |i: usize| rest.get(i).copied().unwrap_or(Value::NULL);
        ThrowArgs {
            typ: get(0),
            val: get(1),
            tb: get(2),
        }
    }

    fn as_vec(&self) -> Vec<Value> {
        [self.typ, self.val, self.tb]
            .into_iter()
            .take_while(|v| !v.is_null())
            .collect()
    }
}

/// Makes the exception instance that `throw(typ, val, tb)` raises, as CPython normalises it.
fn normalize_throw(vm: &mut Vm, a: ThrowArgs) -> PyResult<Value> {
    let none = vm.none;
    let tb = if a.tb == none { Value::NULL } else { a.tb };
    if !tb.is_null() && !object::is::<object::TracebackObj>(tb) {
        return Err(vm.type_error("throw() third argument must be a traceback object"));
    }
    let be = vm.cls.base_exception;
    let exc =
        if object::is::<object::ClassObj>(a.typ) && crate::types::class::is_subclass(a.typ, be) {
            let vc = crate::types::class::class_of(vm, a.val);
            if !a.val.is_null()
                && crate::errors::exc_data(a.val).is_some()
                && crate::types::class::is_subclass(vc, a.typ)
            {
                a.val
            } else if a.val.is_null() || a.val == none {
                crate::ops::call::call(vm, a.typ, &[])?
            } else if crate::eval::is_tuple(a.val) {
                let items = crate::types::tuple::items(a.val).to_vec();
                crate::ops::call::call(vm, a.typ, &items)?
            } else {
                crate::ops::call::call(vm, a.typ, &[a.val])?
            }
        } else if super::ops_exc::is_instance_of_exc(vm, a.typ, be) {
            if !a.val.is_null() && a.val != none {
                return Err(vm.type_error("instance exception may not have a separate value"));
            }
            a.typ
        } else {
            let t = crate::types::class::type_name(vm, a.typ).to_string();
            return Err(vm.type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {t}"
            )));
        };
    if !tb.is_null() {
        if let Some(d) = crate::errors::exc_data(exc) {
            d.traceback = tb;
        }
    }
    Ok(exc)
}

fn throw_matches(vm: &Vm, typ: Value, cls: Value) -> bool {
    if object::is::<object::ClassObj>(typ) {
        crate::types::class::is_subclass(typ, cls)
    } else {
        crate::types::class::is_subclass(crate::types::class::class_of(vm, typ), cls)
    }
}

/// `gen.throw(...)`: delegates to a `yield from`/`await` target first (PEP 380), else
/// raises the exception in the generator's frame. With `close_on_genexit`, a thrown
/// `GeneratorExit` closes the target instead of being thrown into it.
pub fn throw(vm: &mut Vm, g: Value, a: ThrowArgs, close_on_genexit: bool) -> PyResult<SendResult> {
    if let Some(yf) = yield_from_target(g) {
        let ge = vm.cls.generator_exit;
        if close_on_genexit && throw_matches(vm, a.typ, ge) {
            set_state(g, GenState::Running);
            let r = close_iter(vm, yf);
            set_state(g, GenState::Suspended);
            if r.is_err() {
                return resume(vm, g, Value::NULL, true);
            }
        } else {
            let r = if object::kind_of(yf) == Some(Kind::Generator) {
                set_state(g, GenState::Running);
                let r = throw(vm, yf, a, close_on_genexit);
                set_state(g, GenState::Suspended);
                match r {
                    Ok(SendResult::Yield(v)) => Ok(v),
                    Ok(SendResult::Return(v)) => Err(vm.stop_iteration(v)),
                    Err(e) => Err(e),
                }
            } else {
                let name = vm.intern("throw");
                let Some(meth) = crate::ops::attr::getattr_opt(vm, yf, name)? else {
                    return throw_here(vm, g, a);
                };
                set_state(g, GenState::Running);
                let r = crate::ops::call::call(vm, meth, &a.as_vec());
                set_state(g, GenState::Suspended);
                r
            };
            return match r {
                Ok(v) => Ok(SendResult::Yield(v)),
                Err(e) => delegate_failed(vm, g, e),
            };
        }
    }
    throw_here(vm, g, a)
}

fn throw_here(vm: &mut Vm, g: Value, a: ThrowArgs) -> PyResult<SendResult> {
    let exc = normalize_throw(vm, a)?;
    vm.exc = exc;
    resume(vm, g, Value::NULL, true)
}

/// The delegate of a suspended `yield from` raised (error in `vm.exc`): the delegation
/// ends — the receiver leaves the stack — and the generator goes on with the delegate's
/// return value (StopIteration) or with the error raised at the delegating yield.
fn delegate_failed(vm: &mut Vm, g: Value, e: Raised) -> PyResult<SendResult> {
    let go = gen(g);
    if go.frame.is_null() {
        return Err(e);
    }
    // SAFETY: a suspended generator owns its frame box.
    let f = unsafe { &mut *go.frame };
    f.values.pop();
    let si = vm.cls.stop_iteration;
    if vm.exc_matches(si) {
        let exc = vm.exc;
        vm.exc = Value::NULL;
        let v = stop_value(vm, exc);
        let send_pc = f.lasti.checked_sub(1);
        match send_pc.and_then(|p| f.code.code.get(p as usize)) {
            Some(i) if i.op == Op::Send => f.pc = i.arg,
            _ => return Err(vm.runtime_error("pyrs: delegating yield without a SEND")),
        }
        return resume(vm, g, v, false);
    }
    resume(vm, g, Value::NULL, true)
}

/// Closes a `yield from` target: `close()` of a generator, else its `close` method if any.
fn close_iter(vm: &mut Vm, yf: Value) -> PyResult<()> {
    if object::kind_of(yf) == Some(Kind::Generator) {
        return close(vm, yf);
    }
    let name = vm.intern("close");
    if let Some(m) = crate::ops::attr::getattr_opt(vm, yf, name)? {
        crate::ops::call::call(vm, m, &[])?;
    }
    Ok(())
}

/// `gen.close()`: closes the delegate, then raises GeneratorExit in the generator's frame.
pub fn close(vm: &mut Vm, g: Value) -> PyResult<()> {
    let st = state(g);
    if st == GenState::Created as u64 {
        let fr = gen(g).frame;
        set_state(g, GenState::Finished);
        if !fr.is_null() {
            gen(g).frame = std::ptr::null_mut();
            // SAFETY: the generator owned its frame box until now.
            drop(unsafe { Box::from_raw(fr) });
        }
        return Ok(());
    }
    if st == GenState::Finished as u64 {
        return Ok(());
    }
    let mut err = false;
    if let Some(yf) = yield_from_target(g) {
        set_state(g, GenState::Running);
        err = close_iter(vm, yf).is_err();
        set_state(g, GenState::Suspended);
    }
    let ge = vm.cls.generator_exit;
    if !err {
        let exc = vm.new_exception(ge, &[]);
        vm.exc = exc;
    }
    match resume(vm, g, Value::NULL, true) {
        Ok(SendResult::Yield(_)) => {
            let w = kind_word(vm, g);
            Err(vm.runtime_error(format!("{w} ignored GeneratorExit")))
        }
        Ok(SendResult::Return(_)) => Ok(()),
        Err(e) => {
            let si = vm.cls.stop_iteration;
            if vm.exc_matches(ge) || vm.exc_matches(si) {
                vm.exc = Value::NULL;
                Ok(())
            } else {
                Err(e)
            }
        }
    }
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
    let a = ThrowArgs::from_slice(&args.pos[1..]);
    match throw(vm, args.pos[0], a, true)? {
        SendResult::Yield(v) => Ok(v),
        SendResult::Return(v) => Err(vm.stop_iteration(v)),
    }
}

fn gen_close(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "close", 1, 1)?;
    close(vm, args.pos[0])?;
    Ok(vm.none)
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
            ],
        );
    }
    for cls in [vm.cls.generator, vm.cls.coroutine, vm.cls.async_generator] {
        vm.add_methods(cls, &[("__repr__", gen_repr)]);
    }
    vm.add_methods(
        vm.cls.generator,
        &[("__next__", gen_next), ("__iter__", gen_iter)],
    );
    vm.add_methods(vm.cls.coroutine, &[("__await__", coro_await)]);
    attrs::init(vm);
    asyncgen::init(vm);
}
