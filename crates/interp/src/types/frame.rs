//! Frame objects (`types.FrameType`), materialised lazily: the eval loop runs on Rust
//! [`Frame`]s and creates a frame object only when Python asks for one (`sys._getframe`, a
//! traceback entry, `gi_frame`). The object is linked both ways with its frame: the frame's
//! `pyframe` field (traced with the frame) and, while the frame lives, a search of the frame
//! stack (or the owning generator) for that link — no raw pointer to a frame is kept, so
//! frames may move between the stack and a generator. When the frame ends it is *detached*:
//! its fast locals move into the object and its last instruction is kept, so `f_locals` and
//! `f_lineno` of a traceback's frame stay valid after the exception was caught.

use crate::eval::frame::Frame;
use crate::object::{self, CellObj, FrameObj, GeneratorObj};
use crate::types::dict;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};
use pyrs_frontend::bytecode::{flags, CodeObject};
use pyrs_gc::vm::Visitor;

/// The life cycle of a frame object (`FrameObj::state`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u64)]
pub enum FrameState {
    /// Its frame runs or is suspended in a generator.
    Live = 0,
    /// Its frame ended; the fast locals are in the object.
    Detached = 1,
    /// Detached and `clear()`ed: no locals any more.
    Cleared = 2,
}

/// GC trace hook: the detached fast locals.
///
/// # Safety
/// `obj` must be a Frame object whose `fast` is null or owns `fast_len` initialised Values.
pub unsafe fn trace_frame(obj: *mut u8, visit: &mut Visitor<'_>) {
    let fo = &mut *(obj as *mut FrameObj);
    if !fo.fast.is_null() {
        for v in std::slice::from_raw_parts_mut(fo.fast, fo.fast_len as usize) {
            visit(&mut v.0);
        }
    }
}

/// GC finalizer: frees the detached fast locals.
///
/// # Safety
/// `obj` must be a dead Frame object whose `fast` buffer no one else owns.
pub unsafe fn finalize_frame(obj: *mut u8) {
    release_fast(&mut *(obj as *mut FrameObj));
}

/// Most spare fast-locals buffers kept.
const SPARE_MAX: usize = 1 << 14;

thread_local! {
    /// Fast-locals buffers of dead or cleared frame objects, given to the frames whose
    /// buffer `detach` takes: an exception raised through frames detaches one per frame,
    /// and this saves each an allocation and a free.
    static SPARE: std::cell::RefCell<Vec<Vec<Value>>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn release_fast(fo: &mut FrameObj) {
    if !fo.fast.is_null() {
        // SAFETY: `fast`, `fast_len`, `fast_cap` are the raw parts of a Vec<Value> given up
        // by `detach`, owned by this object alone.
        let mut v =
            unsafe { Vec::from_raw_parts(fo.fast, fo.fast_len as usize, fo.fast_cap as usize) };
        fo.fast = std::ptr::null_mut();
        fo.fast_len = 0;
        fo.fast_cap = 0;
        v.clear();
        SPARE.with(|s| {
            let mut s = s.borrow_mut();
            if s.len() < SPARE_MAX {
                s.push(v);
            }
        });
    }
}

/// An empty buffer for a frame's values, spare if one is.
fn spare_buffer() -> Vec<Value> {
    SPARE.with(|s| s.borrow_mut().pop()).unwrap_or_default()
}

/// Detaches the frame object of `frame`, which is ending: its fast locals and last
/// instruction move into the object. Called when a frame with a frame object is dropped.
pub(crate) fn detach(frame: &mut Frame) {
    let Some(fo) = object::downcast::<FrameObj>(frame.pyframe) else {
        return;
    };
    frame.pyframe = Value::NULL;
    let n = frame.nlocalsplus().min(frame.values.len());
    let mut values = std::mem::replace(&mut frame.values, spare_buffer());
    values.truncate(n);
    let mut values = std::mem::ManuallyDrop::new(values);
    release_fast(fo);
    fo.fast = values.as_mut_ptr();
    fo.fast_len = values.len() as u64;
    fo.fast_cap = values.capacity() as u64;
    fo.lasti = frame.lasti as u64;
    fo.state = FrameState::Detached as u64;
}

/// What a new frame object copies from its frame.
#[derive(Clone, Copy)]
struct Origin {
    code: Value,
    globals: Value,
    builtins: Value,
    locals: Value,
    gen: Value,
}

impl Origin {
    fn of(f: &Frame) -> Origin {
        Origin {
            code: f.code_obj,
            globals: f.globals,
            builtins: f.builtins,
            locals: f.locals,
            gen: f.generator,
        }
    }
}

fn new_frame_object(vm: &mut Vm, o: Origin, back: Value) -> Value {
    let cls = vm.cls.frame;
    let (v, fo) = vm.alloc_obj::<FrameObj>(cls);
    fo.code = o.code;
    fo.globals = o.globals;
    fo.builtins = o.builtins;
    fo.locals = o.locals;
    fo.gen = o.gen;
    fo.back = back;
    fo.state = FrameState::Live as u64;
    v
}

/// The frame object of `vm.frames[index]`, created if needed. A frame that does not belong
/// to a generator records its caller's frame object as `f_back` (its caller never changes),
/// so the callers below it are materialised too (once each).
pub fn frame_object(vm: &mut Vm, index: usize) -> Value {
    let existing = vm.frames[index].pyframe;
    if !existing.is_null() {
        return existing;
    }
    let mut lo = index;
    while lo > 0 && vm.frames[lo].generator.is_null() && vm.frames[lo - 1].pyframe.is_null() {
        lo -= 1;
    }
    for j in lo..=index {
        let back = if j > 0 && vm.frames[j].generator.is_null() {
            vm.frames[j - 1].pyframe
        } else {
            Value::NULL
        };
        let origin = Origin::of(&vm.frames[j]);
        let v = new_frame_object(vm, origin, back);
        vm.frames[j].pyframe = v;
    }
    vm.frames[index].pyframe
}

/// The frame object of the innermost frame (NULL if there is none).
pub fn innermost_frame_object(vm: &mut Vm) -> Value {
    match vm.frames.len() {
        0 => Value::NULL,
        n => frame_object(vm, n - 1),
    }
}

/// The frame object of a generator's frame while it is not running (created or
/// suspended), created if needed; None for a finished generator. A running generator's
/// frame is on the frame stack.
pub fn generator_frame_object(vm: &mut Vm, g: Value) -> Value {
    let Some(go) = object::downcast::<GeneratorObj>(g) else {
        return vm.none;
    };
    if go.frame.is_null() {
        if let Some(i) = vm.frames.iter().rposition(|f| f.generator == g) {
            return frame_object(vm, i);
        }
        return vm.none;
    }
    let frame = go.frame;
    // SAFETY: a non-null generator frame pointer is the generator's own live frame box,
    // which the allocation below (it never collects) neither moves nor frees.
    let (existing, origin) = unsafe { ((*frame).pyframe, Origin::of(&*frame)) };
    if !existing.is_null() {
        return existing;
    }
    let v = new_frame_object(vm, origin, Value::NULL);
    // SAFETY: as above.
    unsafe { (*frame).pyframe = v };
    v
}

/// Where the live frame of a frame object is.
enum Where {
    /// `vm.frames[i]`.
    Stack(usize),
    /// Suspended in its generator.
    Generator(*mut Frame),
    /// The frame ended.
    Gone,
}

fn locate(vm: &Vm, v: Value) -> Where {
    let Some(fo) = object::downcast::<FrameObj>(v) else {
        return Where::Gone;
    };
    if fo.state != FrameState::Live as u64 {
        return Where::Gone;
    }
    if let Some(g) = object::downcast::<GeneratorObj>(fo.gen) {
        // SAFETY: a non-null generator frame pointer is the generator's own live frame box.
        if !g.frame.is_null() && unsafe { (*g.frame).pyframe } == v {
            return Where::Generator(g.frame);
        }
    }
    match vm.frames.iter().rposition(|f| f.pyframe == v) {
        Some(i) => Where::Stack(i),
        None => Where::Gone,
    }
}

/// Runs `f` on the live frame of frame object `v`, if its frame still runs.
fn with_live<R>(vm: &Vm, v: Value, f: impl FnOnce(&Frame) -> R) -> Option<R> {
    match locate(vm, v) {
        Where::Stack(i) => Some(f(&vm.frames[i])),
        // SAFETY: the generator owns the frame box and does not run while we read it.
        Where::Generator(p) => Some(f(unsafe { &*p })),
        Where::Gone => None,
    }
}

fn frame_obj<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a mut FrameObj> {
    match object::downcast::<FrameObj>(v) {
        Some(fo) => Ok(fo),
        None => {
            let t = crate::types::class::type_name(vm, v).to_string();
            Err(vm.type_error(format!(
                "descriptor requires a 'frame' object but received '{t}'"
            )))
        }
    }
}

fn code_of_frame(fo: &FrameObj) -> &'static CodeObject {
    crate::eval::code::code_of(fo.code)
}

/// The instruction index a frame object is at (live or detached).
pub fn frame_lasti(vm: &Vm, v: Value) -> u32 {
    if let Some(l) = with_live(vm, v, |f| f.lasti) {
        return l;
    }
    object::downcast::<FrameObj>(v)
        .map(|fo| fo.lasti as u32)
        .unwrap_or(0)
}

/// The source line a frame object is at (a generator's frame that has not started is at
/// its `def` line).
pub fn frame_lineno(vm: &Vm, v: Value) -> u32 {
    let unstarted = object::downcast::<FrameObj>(v)
        .and_then(|fo| object::downcast::<GeneratorObj>(fo.gen))
        .is_some_and(|g| g.state == crate::eval::generator::GenState::Created as u64);
    if unstarted {
        if let Some(fo) = object::downcast::<FrameObj>(v) {
            return code_of_frame(fo).firstlineno;
        }
    }
    if let Some(l) = with_live(vm, v, |f| f.line()) {
        return l;
    }
    let Some(fo) = object::downcast::<FrameObj>(v) else {
        return 0;
    };
    let code = code_of_frame(fo);
    code.locations
        .get(fo.lasti as usize)
        .map(|l| l.line)
        .unwrap_or(code.firstlineno)
}

/// Fills `d` with the fast locals `values` of `code`: locals, then cells and free
/// variables by content (an empty cell removes its name), as `frame.f_locals` and
/// `locals()` show them.
pub fn fast_locals_into(vm: &mut Vm, code: &CodeObject, values: &[Value], d: Value) {
    let nvars = code.varnames.len();
    for (i, &v) in values.iter().enumerate().take(code.nlocalsplus()) {
        let v = if i >= nvars {
            object::downcast::<CellObj>(v)
                .map(|c| c.value)
                .unwrap_or(Value::NULL)
        } else {
            v
        };
        let k = vm.intern(code.localsplus_name(i));
        if v.is_null() {
            dict::del_str_key(d, k);
        } else {
            dict::set_str_key(d, k, v);
        }
    }
}

fn f_locals(vm: &mut Vm, args: Args<'_>) -> PyResult {
    frame_obj(vm, args.pos[0])?;
    Ok(frame_locals(vm, args.pos[0]))
}

/// `frame.f_locals`: the locals mapping of a module or class frame; for a function frame
/// its cached dict, refreshed from the fast locals (live or detached).
pub fn frame_locals(vm: &mut Vm, v: Value) -> Value {
    let Some(fo) = object::downcast::<FrameObj>(v) else {
        return vm.none;
    };
    let code = code_of_frame(fo);
    if code.flags & flags::OPTIMIZED == 0 && !fo.locals.is_null() {
        return fo.locals;
    }
    if fo.locals.is_null() {
        let d = dict::new_dict(vm);
        if let Some(fo) = object::downcast::<FrameObj>(v) {
            fo.locals = d;
        }
    }
    let Some(fo) = object::downcast::<FrameObj>(v) else {
        return vm.none;
    };
    let (d, fast, fast_len, state) = (fo.locals, fo.fast, fo.fast_len, fo.state);
    let values: Vec<Value> = match with_live(vm, v, |f| f.values[..f.nlocalsplus()].to_vec()) {
        Some(vals) => vals,
        None if fast.is_null() => Vec::new(),
        // SAFETY: `fast` owns `fast_len` initialised Values (see `detach`).
        None => unsafe { std::slice::from_raw_parts(fast, fast_len as usize) }.to_vec(),
    };
    if state != FrameState::Cleared as u64 {
        fast_locals_into(vm, code, &values, d);
    }
    d
}

fn f_code(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(frame_obj(vm, args.pos[0])?.code)
}

fn f_globals(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(frame_obj(vm, args.pos[0])?.globals)
}

fn f_builtins(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(frame_obj(vm, args.pos[0])?.builtins)
}

fn f_lineno(vm: &mut Vm, args: Args<'_>) -> PyResult {
    frame_obj(vm, args.pos[0])?;
    Ok(Value::from_usize(frame_lineno(vm, args.pos[0]) as usize))
}

fn f_lasti(vm: &mut Vm, args: Args<'_>) -> PyResult {
    frame_obj(vm, args.pos[0])?;
    Ok(Value::from_usize(2 * frame_lasti(vm, args.pos[0]) as usize))
}

fn f_back(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = args.pos[0];
    let fo = frame_obj(vm, v)?;
    if fo.gen.is_null() {
        return Ok(if fo.back.is_null() { vm.none } else { fo.back });
    }
    match locate(vm, v) {
        Where::Stack(i) if i > 0 => Ok(frame_object(vm, i - 1)),
        _ => Ok(vm.none),
    }
}

fn f_trace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = frame_obj(vm, args.pos[0])?.trace;
    Ok(if t.is_null() { vm.none } else { t })
}

fn f_set_trace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = if args.pos[1] == vm.none {
        Value::NULL
    } else {
        args.pos[1]
    };
    frame_obj(vm, args.pos[0])?.trace = t;
    Ok(vm.none)
}

fn f_trace_lines(vm: &mut Vm, args: Args<'_>) -> PyResult {
    frame_obj(vm, args.pos[0])?;
    Ok(vm.true_)
}

fn f_trace_opcodes(vm: &mut Vm, args: Args<'_>) -> PyResult {
    frame_obj(vm, args.pos[0])?;
    Ok(vm.false_)
}

/// `frame.clear()`: drops the locals of a finished frame; closes the generator of a
/// suspended one; an executing frame cannot be cleared.
fn f_clear(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "clear", 1, 1)?;
    let v = args.pos[0];
    frame_obj(vm, v)?;
    match locate(vm, v) {
        Where::Stack(_) => Err(vm.runtime_error("cannot clear an executing frame")),
        Where::Generator(_) => {
            let g = frame_obj(vm, v)?.gen;
            crate::ops::call::call_method(vm, g, "close", &[])?;
            Ok(vm.none)
        }
        Where::Gone => {
            let fo = frame_obj(vm, v)?;
            release_fast(fo);
            fo.trace = Value::NULL;
            if code_of_frame(fo).flags & flags::OPTIMIZED != 0 {
                fo.locals = Value::NULL;
            }
            fo.state = FrameState::Cleared as u64;
            Ok(vm.none)
        }
    }
}

fn f_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = args.pos[0];
    let fo = frame_obj(vm, v)?;
    let code = code_of_frame(fo);
    let line = frame_lineno(vm, v);
    let id = crate::types::identity::id_of(vm, v);
    let s = format!(
        "<frame at {id:#x}, file '{}', line {line}, code {}>",
        code.filename, code.name
    );
    Ok(crate::types::str::new_str(vm, &s))
}

/// `__new__` of the builtin types Python code cannot instantiate (frames, generators,
/// coroutines and their awaitables).
pub fn cannot_create(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos[0];
    let n = crate::types::class::class_name(cls).to_string();
    Err(vm.type_error(format!("cannot create '{n}' instances")))
}

/// `sys._getframe(depth)`: the frame object `depth` calls below the caller.
pub fn getframe(vm: &mut Vm, depth: i64) -> PyResult {
    let n = vm.frames.len() as i64;
    let depth = depth.max(0);
    if depth >= n {
        return Err(vm.value_error("call stack is not deep enough"));
    }
    Ok(frame_object(vm, (n - 1 - depth) as usize))
}

/// Registers the frame type's attributes.
pub(crate) fn init(vm: &mut Vm) {
    let c = vm.cls.frame;
    vm.add_getset(c, "f_locals", f_locals, None);
    vm.add_getset(c, "f_code", f_code, None);
    vm.add_getset(c, "f_globals", f_globals, None);
    vm.add_getset(c, "f_builtins", f_builtins, None);
    vm.add_getset(c, "f_lineno", f_lineno, None);
    vm.add_getset(c, "f_lasti", f_lasti, None);
    vm.add_getset(c, "f_back", f_back, None);
    vm.add_getset(c, "f_trace", f_trace, Some(f_set_trace));
    vm.add_getset(c, "f_trace_lines", f_trace_lines, None);
    vm.add_getset(c, "f_trace_opcodes", f_trace_opcodes, None);
    vm.add_methods(c, &[("clear", f_clear), ("__repr__", f_repr)]);
    for cls in [
        c,
        vm.cls.generator,
        vm.cls.coroutine,
        vm.cls.async_generator,
        vm.cls.async_generator_asend,
        vm.cls.async_generator_athrow,
    ] {
        vm.add_staticmethod(cls, "__new__", cannot_create);
    }
    crate::eval::traceback::init(vm);
}
