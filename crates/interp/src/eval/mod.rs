//! The eval loop. Python-to-Python calls push a frame and continue in the same loop (no Rust
//! recursion); native code that calls back into Python runs a nested loop with
//! `native_depth` raised, which keeps collections out of it. Safepoints are loop back-edges
//! and function entry; at a safepoint every live reference is in a frame or a VM root.
//!
//! The loop is generic over the `Recorder` of pyrs-jit-ir; the plain interpreter runs it
//! with `NoRecorder`.

pub mod api;
mod build_class;
pub mod cache;
pub mod call;
pub mod code;
pub mod frame;
pub mod generator;
pub mod import;
mod ops_exc;
pub mod traceback;

use crate::object::{self, CellObj, FunctionObj, Kind, TupleObj};
use crate::ops;
use crate::types::{dict, tuple};
use crate::value::Value;
use crate::vm::{Args, PyResult, Raised, Vm};
use frame::Frame;
use pyrs_frontend::bytecode::{BinOp, CmpOp, Op, UnOp};
use pyrs_jit_ir::{NoRecorder, Position};

/// How a run of the loop ended.
pub(crate) enum Exit {
    /// The entry frame returned.
    Return(Value),
    /// The entry frame (a generator's) yielded.
    Yield(Value),
    /// A recording run stopped at an instruction boundary (only `jit` runs the loop with
    /// an active recorder); the frames are intact and the plain loop goes on.
    Recorded,
}

impl Exit {
    /// The returned or yielded value of a plain (non-recording) run.
    pub(crate) fn value(self, vm: &mut Vm) -> PyResult<Value> {
        match self {
            Exit::Return(v) | Exit::Yield(v) => Ok(v),
            Exit::Recorded => {
                Err(vm.runtime_error("pyrs: a trace recording ended outside the JIT"))
            }
        }
    }
}

/// Calls Python function `func` from native code: a nested loop.
pub fn call_function_nested(vm: &mut Vm, func: Value, args: Args<'_>) -> PyResult<Value> {
    let frame = call::make_frame(vm, func, args)?;
    if frame.code.is_generator_like() {
        return Ok(generator::new_generator(vm, func, frame));
    }
    run_frame(vm, frame, false)?.value(vm)
}

/// Runs `frame` to completion (or its first yield) in a nested loop; with `pending_exc`, the
/// exception in `vm.exc` is raised in it at its current instruction.
pub(crate) fn run_frame(vm: &mut Vm, frame: Box<Frame>, pending_exc: bool) -> PyResult<Exit> {
    if vm.call_depth >= vm.recursion_limit {
        return Err(recursion_error(vm));
    }
    vm.call_depth += 1;
    vm.native_depth += 1;
    let base = vm.frames.len();
    vm.frames.push(frame);
    let r = run::<NoRecorder>(vm, base, pending_exc, &mut NoRecorder);
    vm.native_depth -= 1;
    r
}

/// Runs the main module's frame at native depth 0: the only loop where collections happen.
pub(crate) fn run_toplevel(vm: &mut Vm, frame: Box<Frame>) -> PyResult<Value> {
    let saved = vm.native_depth;
    vm.native_depth = 0;
    vm.call_depth += 1;
    let base = vm.frames.len();
    vm.frames.push(frame);
    let r = run::<NoRecorder>(vm, base, false, &mut NoRecorder);
    vm.native_depth = saved;
    r?.value(vm)
}

fn recursion_error(vm: &mut Vm) -> Raised {
    let c = vm.cls.recursion_error;
    vm.raise_new(c, "maximum recursion depth exceeded")
}

#[inline(always)]
fn position(frame: &Frame, pc: u32) -> Position {
    Position {
        code: frame.code as *const _ as usize,
        pc,
    }
}

/// Applies what the JIT did at a function entry: the run's result if the entry frame
/// finished, else `None` with `raising` set if an exception must now propagate.
fn after_jit(flow: crate::jit::JitFlow, raising: &mut bool) -> Option<PyResult<Exit>> {
    match flow {
        crate::jit::JitFlow::Continue => None,
        crate::jit::JitFlow::Resumed { raising: r } => {
            *raising = r;
            None
        }
        crate::jit::JitFlow::Finished(r) => Some(r),
    }
}

/// The dispatch loop over the frames from index `base` up. Returns when the frame at `base`
/// returns or yields, or an exception escapes it.
pub(crate) fn run<R: crate::jit::Record>(
    vm: &mut Vm,
    base: usize,
    pending_exc: bool,
    rec: &mut R,
) -> PyResult<Exit> {
    let mut raising = pending_exc;
    let mut reraise = false;
    if !R::ACTIVE && !pending_exc && vm.jit.is_some() {
        let flow = crate::jit::function_entry(vm, base);
        if let Some(r) = after_jit(flow, &mut raising) {
            return r;
        }
    }
    'frames: loop {
        if raising {
            raising = false;
            match unwind(vm, base, reraise) {
                Ok(()) => {}
                Err(e) => return Err(e),
            }
            reraise = false;
        }
        // SAFETY: frames are boxed, so a frame's address is stable while it is on the stack;
        // `f` is only used while this frame is the innermost one (re-derived after any push or
        // pop of `vm.frames` through `continue 'frames`).
        let f: &mut Frame =
            unsafe { &mut *(&mut **vm.frames.last_mut().expect("a frame") as *mut Frame) };
        let code = f.code;
        let code_obj = code_obj_of(f);
        let info = code::info(f.code_obj);
        macro_rules! push {
            ($v:expr) => {{
                let v = $v;
                f.values.push(v)
            }};
        }
        macro_rules! pop {
            () => {
                f.values.pop().unwrap_or(Value::NULL)
            };
        }
        macro_rules! top {
            () => {
                *f.values.last().unwrap_or(&Value::NULL)
            };
        }
        macro_rules! peek {
            ($n:expr) => {
                f.values[f.values.len() - $n]
            };
        }
        // The next instruction, kept in a register; `f.pc` is written along with it so that
        // anything looking at the frame sees the same value. Every jump goes through `jump!`.
        let mut next_pc = f.pc;
        macro_rules! jump {
            ($t:expr) => {{
                let t = $t;
                next_pc = t;
                f.pc = t;
            }};
        }
        // The bool result of a test feeding a conditional jump (the usual case) jumps at
        // once, skipping the jump instruction. Not while recording: the recorder sees each
        // instruction.
        macro_rules! branch_or_push {
            ($pc:expr, $t:expr) => {{
                let (pc, t): (u32, bool) = ($pc, $t);
                match code.code.get(pc as usize + 1).copied() {
                    Some(j) if !R::ACTIVE && j.op == Op::PopJumpIfFalse => {
                        jump!(if t { pc + 2 } else { j.arg });
                    }
                    Some(j) if !R::ACTIVE && j.op == Op::PopJumpIfTrue => {
                        jump!(if t { j.arg } else { pc + 2 });
                    }
                    _ => push!(vm.bool(t)),
                }
            }};
        }
        loop {
            let pc = next_pc;
            let Some(&instr) = code.code.get(pc as usize) else {
                let e = vm.runtime_error("pyrs: fell off the end of a code object");
                raising = true;
                let _ = e;
                continue 'frames;
            };
            if R::ACTIVE && !rec.instruction(vm, pc, instr) {
                return Ok(Exit::Recorded);
            }
            f.lasti = pc;
            next_pc = pc + 1;
            f.pc = next_pc;
            let arg = instr.arg;
            let result: PyResult<()> = 'instr: {
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => break 'instr Err(e),
                        }
                    };
                }
                match instr.op {
                    Op::Nop => {}
                    Op::PopTop => {
                        let v = pop!();
                        if vm.heap.has_guarded() {
                            tri!(crate::finalize::collect_after_del(vm, v));
                        }
                    }
                    Op::Copy => {
                        let v = peek!(arg as usize);
                        push!(v);
                    }
                    Op::Swap => {
                        let n = f.values.len();
                        f.values.swap(n - 1, n - arg as usize);
                    }
                    Op::LoadConst => {
                        let c = tuple::items(code_obj.consts)[arg as usize];
                        push!(c);
                    }
                    Op::LoadFast => {
                        let v = f.values[arg as usize];
                        if v.is_null() {
                            let name = code.localsplus_name(arg as usize).to_string();
                            let c = vm.cls.unbound_local_error;
                            break 'instr Err(vm.raise_new(c, &format!("cannot access local variable '{name}' where it is not associated with a value")));
                        }
                        push!(v);
                    }
                    Op::StoreFast => {
                        let v = pop!();
                        f.values[arg as usize] = v;
                    }
                    Op::DeleteFast => {
                        if f.values[arg as usize].is_null() {
                            let name = code.localsplus_name(arg as usize).to_string();
                            let c = vm.cls.unbound_local_error;
                            break 'instr Err(vm.raise_new(c, &format!("cannot access local variable '{name}' where it is not associated with a value")));
                        }
                        let old = std::mem::replace(&mut f.values[arg as usize], Value::NULL);
                        tri!(crate::finalize::collect_after_del(vm, old));
                    }
                    Op::LoadDeref | Op::LoadClassDeref => {
                        if instr.op == Op::LoadClassDeref && !f.locals.is_null() {
                            let name = vm.intern(code.localsplus_name(arg as usize));
                            if let Some(v) = tri!(ops_exc::locals_get(vm, f.locals, name)) {
                                push!(v);
                                break 'instr Ok(());
                            }
                        }
                        let cell = f.values[arg as usize];
                        let v = object::downcast::<CellObj>(cell)
                            .map(|c| c.value)
                            .unwrap_or(Value::NULL);
                        if v.is_null() {
                            break 'instr Err(ops_exc::unbound_deref(vm, code, arg as usize));
                        }
                        push!(v);
                    }
                    Op::StoreDeref => {
                        let v = pop!();
                        if let Some(c) = object::downcast::<CellObj>(f.values[arg as usize]) {
                            c.value = v;
                        }
                    }
                    Op::DeleteDeref => {
                        if let Some(c) = object::downcast::<CellObj>(f.values[arg as usize]) {
                            if c.value.is_null() {
                                break 'instr Err(ops_exc::unbound_deref(vm, code, arg as usize));
                            }
                            c.value = Value::NULL;
                        }
                    }
                    Op::LoadClosure => {
                        let c = f.values[arg as usize];
                        push!(c);
                    }
                    Op::LoadName => {
                        let name = tuple::items(code_obj.names)[arg as usize];
                        let v = tri!(ops_exc::load_name(
                            vm, f.locals, f.globals, f.builtins, name
                        ));
                        push!(v);
                    }
                    Op::StoreName => {
                        let name = tuple::items(code_obj.names)[arg as usize];
                        let v = pop!();
                        let old = if vm.heap.has_guarded() {
                            crate::finalize::dict_value(f.locals, name)
                        } else {
                            Value::NULL
                        };
                        tri!(ops_exc::store_name(vm, f.locals, name, v));
                        tri!(crate::finalize::collect_after_del(vm, old));
                    }
                    Op::DeleteName => {
                        let name = tuple::items(code_obj.names)[arg as usize];
                        let old = crate::finalize::dict_value(f.locals, name);
                        tri!(ops_exc::delete_name(vm, f.locals, name));
                        tri!(crate::finalize::collect_after_del(vm, old));
                    }
                    Op::LoadGlobal => {
                        let name = tuple::items(code_obj.names)[arg as usize];
                        let c = info.cache(pc);
                        let v = tri!(cache::load_global(vm, c, f.globals, f.builtins, name));
                        push!(v);
                    }
                    Op::StoreGlobal => {
                        let name = tuple::items(code_obj.names)[arg as usize];
                        let v = pop!();
                        dict::set_str_key(f.globals, name, v);
                    }
                    Op::DeleteGlobal => {
                        let name = tuple::items(code_obj.names)[arg as usize];
                        let old = crate::finalize::dict_value(f.globals, name);
                        if !dict::del_str_key(f.globals, name) {
                            let n = crate::types::str::as_str(name).unwrap_or("?").to_string();
                            break 'instr Err(vm.name_error(format!("name '{n}' is not defined")));
                        }
                        tri!(crate::finalize::collect_after_del(vm, old));
                    }
                    Op::LoadAttr => {
                        let name = tuple::items(code_obj.names)[arg as usize];
                        let obj = pop!();
                        let v = tri!(cache::load_attr(vm, info.poly_cache(pc), obj, name));
                        push!(v);
                    }
                    Op::StoreAttr => {
                        let name = tuple::items(code_obj.names)[arg as usize];
                        let obj = pop!();
                        let v = pop!();
                        tri!(cache::store_attr(vm, info.poly_cache(pc), obj, name, v));
                    }
                    Op::DeleteAttr => {
                        let name = tuple::items(code_obj.names)[arg as usize];
                        let obj = pop!();
                        tri!(ops::attr::delattr(vm, obj, name));
                    }
                    Op::LoadMethod => {
                        let name = tuple::items(code_obj.names)[arg as usize];
                        let obj = pop!();
                        let (m, s) = tri!(cache::load_method(vm, info.poly_cache(pc), obj, name));
                        push!(m);
                        push!(s);
                    }
                    Op::Call | Op::CallMethod | Op::CallKw => {
                        let kwnames = if instr.op == Op::CallKw {
                            pop!()
                        } else {
                            Value::NULL
                        };
                        let len = f.values.len();
                        let argc = arg as usize;
                        let (callee_start, args_start) = if instr.op != Op::CallMethod {
                            (len - argc - 1, len - argc)
                        } else if f.values[len - argc - 1].is_null() {
                            (len - argc - 2, len - argc)
                        } else {
                            (len - argc - 2, len - argc - 1)
                        };
                        let c = info.cache(pc);
                        match tri!(call::call_from_stack(
                            vm,
                            f,
                            c,
                            callee_start,
                            args_start,
                            kwnames
                        )) {
                            call::Called::Value(v) => {
                                push!(v);
                                // A native callee may have asked for a collection now
                                // (`gc.collect()`): this is the first safepoint after it.
                                tri!(vm.safepoint());
                            }
                            call::Called::Frame(new_frame) if R::ACTIVE && rec.nested_call() => {
                                let is_init = new_frame.is_init;
                                let v = tri!(tri!(run_frame(vm, new_frame, false)).value(vm));
                                if !is_init {
                                    push!(v);
                                } else if v != vm.none {
                                    let t = crate::types::class::type_name(vm, v).to_string();
                                    break 'instr Err(vm.type_error(format!(
                                        "__init__() should return None, not '{t}'"
                                    )));
                                }
                            }
                            call::Called::Frame(new_frame) => {
                                if vm.call_depth >= vm.recursion_limit {
                                    vm.recycle_frame(new_frame);
                                    break 'instr Err(recursion_error(vm));
                                }
                                vm.call_depth += 1;
                                if R::ACTIVE {
                                    rec.function_entry(position(&new_frame, 0));
                                }
                                vm.frames.push(new_frame);
                                if vm.safepoint().is_err() {
                                    raising = true;
                                } else if !R::ACTIVE && vm.jit.is_some() {
                                    let flow = crate::jit::function_entry(vm, base);
                                    if let Some(r) = after_jit(flow, &mut raising) {
                                        return r;
                                    }
                                }
                                continue 'frames;
                            }
                        }
                    }
                    Op::CallFunctionEx => {
                        let callee_start = f.values.len() - 2 - (arg & 1) as usize;
                        match tri!(call::call_ex_from_stack(vm, f, callee_start)) {
                            call::Called::Value(v) => {
                                push!(v);
                                // A native callee may have asked for a collection now
                                // (`gc.collect()`): this is the first safepoint after it.
                                tri!(vm.safepoint());
                            }
                            call::Called::Frame(new_frame) => {
                                if vm.call_depth >= vm.recursion_limit {
                                    vm.recycle_frame(new_frame);
                                    break 'instr Err(recursion_error(vm));
                                }
                                vm.call_depth += 1;
                                if R::ACTIVE {
                                    rec.function_entry(position(&new_frame, 0));
                                }
                                vm.frames.push(new_frame);
                                if vm.safepoint().is_err() {
                                    raising = true;
                                } else if !R::ACTIVE && vm.jit.is_some() {
                                    let flow = crate::jit::function_entry(vm, base);
                                    if let Some(r) = after_jit(flow, &mut raising) {
                                        return r;
                                    }
                                }
                                continue 'frames;
                            }
                        }
                    }
                    Op::BinaryOp => {
                        let b = pop!();
                        let a = pop!();
                        let op = BinOp::from_arg(arg).unwrap_or(BinOp::Add);
                        if let Some(r) = ops::arith::fast_binary(vm, a, b, op) {
                            push!(r);
                            break 'instr Ok(());
                        }
                        if !R::ACTIVE {
                            if let Some(func) = ops::arith::left_dunder(vm, a, b, op) {
                                // The operands stay on the stack until the method returns.
                                push!(a);
                                push!(b);
                                let mut new_frame =
                                    tri!(call::make_frame(vm, func, Args::positional(&[a, b])));
                                new_frame.returns_to = frame::ReturnTo::BinOp { op: arg as u8 };
                                if vm.call_depth >= vm.recursion_limit {
                                    vm.recycle_frame(new_frame);
                                    break 'instr Err(recursion_error(vm));
                                }
                                vm.call_depth += 1;
                                vm.frames.push(new_frame);
                                if vm.safepoint().is_err() {
                                    raising = true;
                                }
                                continue 'frames;
                            }
                        }
                        let r = tri!(ops::arith::binary_op(vm, a, b, op));
                        push!(r);
                    }
                    Op::UnaryOp => {
                        let v = pop!();
                        let op = UnOp::from_arg(arg).unwrap_or(UnOp::Not);
                        let r = tri!(ops::arith::unary_op(vm, v, op));
                        push!(r);
                    }
                    Op::CompareOp => {
                        let b = pop!();
                        let a = pop!();
                        let op = CmpOp::from_arg(arg).unwrap_or(CmpOp::Eq);
                        let Some(t) = ops::compare::fast_compare(a, b, op) else {
                            let r = tri!(ops::compare::rich_compare(vm, a, b, op));
                            push!(r);
                            break 'instr Ok(());
                        };
                        branch_or_push!(pc, t);
                    }
                    Op::IsOp => {
                        let b = pop!();
                        let a = pop!();
                        branch_or_push!(pc, (a == b) != (arg == 1));
                    }
                    Op::ContainsOp => {
                        let container = pop!();
                        let item = pop!();
                        let r = tri!(ops::subscript::contains(vm, container, item));
                        branch_or_push!(pc, r != (arg == 1));
                    }
                    Op::BinarySubscr => {
                        let key = pop!();
                        let obj = pop!();
                        let r = match ops::subscript::fast_getitem(obj, key) {
                            Some(r) => r,
                            None => tri!(ops::subscript::getitem(vm, obj, key)),
                        };
                        push!(r);
                    }
                    Op::StoreSubscr => {
                        let key = pop!();
                        let obj = pop!();
                        let v = pop!();
                        if !ops::subscript::fast_setitem(vm, obj, key, v) {
                            tri!(ops::subscript::setitem(vm, obj, key, v));
                        }
                    }
                    Op::DeleteSubscr => {
                        let key = pop!();
                        let obj = pop!();
                        tri!(ops::subscript::delitem(vm, obj, key));
                    }
                    Op::BuildSlice => {
                        let step = if arg == 3 { pop!() } else { vm.none };
                        let stop = pop!();
                        let start = pop!();
                        let cls = vm.cls.slice;
                        let (s, obj) = vm.alloc_obj::<object::SliceObj>(cls);
                        obj.start = start;
                        obj.stop = stop;
                        obj.step = step;
                        push!(s);
                    }
                    Op::BuildTuple => {
                        let n = f.values.len() - arg as usize;
                        let t = tuple::new_tuple(vm, &f.values[n..]);
                        f.values.truncate(n);
                        push!(t);
                    }
                    Op::BuildList => {
                        let n = f.values.len() - arg as usize;
                        let items = f.values[n..].to_vec();
                        f.values.truncate(n);
                        let l = crate::types::list::new_list(vm, items);
                        push!(l);
                    }
                    Op::BuildSet => {
                        let n = f.values.len() - arg as usize;
                        let items = f.values[n..].to_vec();
                        f.values.truncate(n);
                        let cls = vm.cls.set;
                        let s = crate::types::set::new_set_of_class(vm, cls);
                        for it in items {
                            tri!(crate::types::set::add(vm, s, it));
                        }
                        push!(s);
                    }
                    Op::BuildMap => {
                        let n = f.values.len() - 2 * arg as usize;
                        let items = f.values[n..].to_vec();
                        f.values.truncate(n);
                        let d = dict::new_dict(vm);
                        for pair in items.chunks(2) {
                            tri!(dict::set(vm, d, pair[0], pair[1]));
                        }
                        push!(d);
                    }
                    Op::BuildConstKeyMap => {
                        let keys = pop!();
                        let n = f.values.len() - arg as usize;
                        let vals = f.values[n..].to_vec();
                        f.values.truncate(n);
                        let d = dict::new_dict(vm);
                        let ks: Vec<Value> = tuple::items(keys).to_vec();
                        for (k, v) in ks.into_iter().zip(vals) {
                            tri!(dict::set(vm, d, k, v));
                        }
                        push!(d);
                    }
                    Op::BuildString => {
                        let n = f.values.len() - arg as usize;
                        let mut s = String::new();
                        for &v in &f.values[n..] {
                            s.push_str(crate::types::str::as_str(v).unwrap_or(""));
                        }
                        f.values.truncate(n);
                        let r = crate::types::str::new_str(vm, &s);
                        push!(r);
                    }
                    Op::FormatValue => {
                        let spec = if arg & 4 != 0 { pop!() } else { Value::NULL };
                        let mut v = pop!();
                        v = match arg & 3 {
                            1 => tri!(ops::convert::to_str(vm, v)),
                            2 => tri!(ops::convert::repr(vm, v)),
                            3 => {
                                let r = tri!(ops::convert::repr_string(vm, v));
                                let a = crate::types::str::ascii_escape(&r);
                                crate::types::str::new_str(vm, &a)
                            }
                            _ => v,
                        };
                        let spec_s = if spec.is_null() {
                            String::new()
                        } else {
                            crate::types::str::as_str(spec).unwrap_or("").to_string()
                        };
                        let r = if spec_s.is_empty() && crate::types::str::as_exact_str(v).is_some()
                        {
                            v
                        } else {
                            tri!(ops::convert::format(vm, v, &spec_s))
                        };
                        push!(r);
                    }
                    Op::ListAppend => {
                        let v = pop!();
                        let l = peek!(arg as usize);
                        crate::types::list::list_append(vm, l, v);
                    }
                    Op::SetAdd => {
                        let v = pop!();
                        let s = peek!(arg as usize);
                        tri!(crate::types::set::add(vm, s, v));
                    }
                    Op::MapAdd => {
                        let v = pop!();
                        let k = pop!();
                        let d = peek!(arg as usize);
                        tri!(dict::set(vm, d, k, v));
                    }
                    Op::ListExtend => {
                        let it = pop!();
                        let l = peek!(arg as usize);
                        let items: Option<&[Value]> = match object::kind_of(it) {
                            Some(Kind::Tuple) => Some(tuple::items(it)),
                            Some(Kind::List) if it != l => Some(crate::types::list::list_items(it)),
                            _ => None,
                        };
                        if let Some(items) = items {
                            for &v in items {
                                crate::types::list::list_append(vm, l, v);
                            }
                            break 'instr Ok(());
                        }
                        let items = tri!(ops_exc::list_extend_items(vm, f, arg, it));
                        for v in items {
                            crate::types::list::list_append(vm, l, v);
                        }
                    }
                    Op::SetUpdate => {
                        let it = pop!();
                        let s = peek!(arg as usize);
                        tri!(crate::types::set::update_internal(vm, s, it));
                    }
                    Op::DictUpdate | Op::DictMerge => {
                        let other = pop!();
                        let d = peek!(arg as usize);
                        if !R::ACTIVE
                            && instr.op == Op::DictMerge
                            && arg == 1
                            && ops_exc::can_pass_kwargs_dict(code, pc, d, other)
                        {
                            // `f(**other)`: the call only reads the dict, so it gets `other`
                            // itself instead of a copy.
                            let n = f.values.len();
                            f.values[n - 1] = other;
                            break 'instr Ok(());
                        }
                        let callable = if instr.op == Op::DictMerge {
                            f.values[f.values.len() - arg as usize - 2]
                        } else {
                            Value::NULL
                        };
                        tri!(ops_exc::dict_merge(
                            vm,
                            d,
                            other,
                            instr.op == Op::DictMerge,
                            callable
                        ));
                    }
                    Op::ListToTuple => {
                        let l = pop!();
                        let items = crate::types::list::list_items(l).to_vec();
                        let t = tuple::new_tuple(vm, &items);
                        push!(t);
                    }
                    Op::UnpackSequence => {
                        let seq = pop!();
                        let items: &[Value] = match object::kind_of(seq) {
                            Some(Kind::Tuple) => tuple::items(seq),
                            Some(Kind::List) => crate::types::list::list_items(seq),
                            _ => &[],
                        };
                        if items.len() == arg as usize && arg != 0 {
                            f.values.extend(items.iter().rev());
                            break 'instr Ok(());
                        }
                        let items = tri!(ops_exc::unpack(vm, seq, arg as usize));
                        for v in items.into_iter().rev() {
                            push!(v);
                        }
                    }
                    Op::UnpackEx => {
                        let seq = pop!();
                        let items = tri!(ops_exc::unpack_ex(
                            vm,
                            seq,
                            (arg & 0xff) as usize,
                            (arg >> 8) as usize
                        ));
                        for v in items.into_iter().rev() {
                            push!(v);
                        }
                    }
                    Op::Jump => jump!(arg),
                    Op::JumpBackward => {
                        if R::ACTIVE {
                            rec.back_edge(position(f, pc), position(f, arg));
                        }
                        jump!(arg);
                        tri!(vm.safepoint());
                        if !R::ACTIVE && vm.jit.is_some() {
                            match crate::jit::back_edge(vm, base, arg) {
                                crate::jit::JitFlow::Continue => next_pc = f.pc,
                                crate::jit::JitFlow::Resumed { raising: r } => {
                                    raising = r;
                                    continue 'frames;
                                }
                                crate::jit::JitFlow::Finished(r) => return r,
                            }
                        }
                    }
                    Op::PopJumpIfFalse | Op::PopJumpIfTrue => {
                        let v = pop!();
                        let t = if v == vm.true_ {
                            true
                        } else if v == vm.false_ {
                            false
                        } else {
                            tri!(ops::convert::truthy(vm, v))
                        };
                        if t == (instr.op == Op::PopJumpIfTrue) {
                            jump!(arg);
                        }
                    }
                    Op::PopJumpIfNone => {
                        if pop!() == vm.none {
                            jump!(arg);
                        }
                    }
                    Op::PopJumpIfNotNone => {
                        if pop!() != vm.none {
                            jump!(arg);
                        }
                    }
                    Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                        let v = top!();
                        let t = tri!(ops::convert::truthy(vm, v));
                        if t == (instr.op == Op::JumpIfTrueOrPop) {
                            jump!(arg);
                        } else {
                            pop!();
                        }
                    }
                    Op::GetIter => {
                        let v = pop!();
                        let it = tri!(ops::iter::iter(vm, v));
                        push!(it);
                    }
                    Op::ForIter => {
                        let it = top!();
                        if !R::ACTIVE
                            && object::kind_of(it) == Some(Kind::Generator)
                            && vm.call_depth < vm.recursion_limit
                        {
                            let none = vm.none;
                            if let Some(mut g) = generator::take_frame_inline(vm, it, none) {
                                g.returns_to = frame::ReturnTo::ForIter { exit: arg };
                                vm.call_depth += 1;
                                vm.frames.push(g);
                                continue 'frames;
                            }
                        }
                        match tri!(ops::iter::next(vm, it)) {
                            Some(v) => push!(v),
                            None => {
                                pop!();
                                jump!(arg);
                            }
                        }
                    }
                    Op::ReturnValue => {
                        let v = pop!();
                        vm.call_depth -= 1;
                        let done = vm.frames.pop().expect("a frame");
                        let (is_init, returns_to) = (done.is_init, done.returns_to);
                        let guarded_died = vm.heap.has_guarded()
                            && done.generator.is_null()
                            && crate::finalize::frame_drops_guarded(&done);
                        if !done.generator.is_null() {
                            generator::finish(vm, done);
                        } else {
                            vm.recycle_frame(done);
                        }
                        if vm.frames.len() == base {
                            return Ok(Exit::Return(v));
                        }
                        let caller = vm.frames.last_mut().expect("a caller frame");
                        match returns_to {
                            frame::ReturnTo::ForIter { exit } => {
                                caller.values.pop();
                                caller.pc = exit;
                                continue 'frames;
                            }
                            frame::ReturnTo::Send { exit } => {
                                caller.values.pop();
                                caller.values.push(v);
                                caller.pc = exit;
                                continue 'frames;
                            }
                            frame::ReturnTo::BinOp { op } => {
                                let n = caller.values.len();
                                let (a, b) = (caller.values[n - 2], caller.values[n - 1]);
                                let r = if v == vm.not_implemented {
                                    let op = BinOp::from_arg(op as u32).unwrap_or(BinOp::Add);
                                    ops::arith::binary_op_rest(vm, a, b, op)
                                } else {
                                    Ok(v)
                                };
                                match r {
                                    Ok(r) => {
                                        let caller = vm.frames.last_mut().expect("a caller frame");
                                        caller.values.truncate(n - 2);
                                        caller.values.push(r);
                                    }
                                    Err(_) => raising = true,
                                }
                                continue 'frames;
                            }
                            frame::ReturnTo::Caller => {}
                        }
                        if !is_init {
                            caller.values.push(v);
                        } else if v != vm.none {
                            let t = crate::types::class::type_name(vm, v).to_string();
                            let _ =
                                vm.type_error(format!("__init__() should return None, not '{t}'"));
                            raising = true;
                        }
                        if guarded_died && !raising && crate::finalize::collect_if_safe(vm).is_err()
                        {
                            raising = true;
                        }
                        continue 'frames;
                    }
                    Op::YieldValue => {
                        let v = pop!();
                        if f.returns_to != frame::ReturnTo::Caller {
                            // Resumed inline: the value goes to the frame below.
                            vm.call_depth -= 1;
                            let mut fr = vm.frames.pop().expect("a frame");
                            fr.returns_to = frame::ReturnTo::Caller;
                            generator::suspend(vm, fr);
                            let caller = vm.frames.last_mut().expect("a caller frame");
                            caller.values.push(v);
                            continue 'frames;
                        }
                        if vm.frames.len() - 1 == base && !f.generator.is_null() {
                            vm.call_depth -= 1;
                            let fr = vm.frames.pop().expect("a frame");
                            generator::suspend(vm, fr);
                            return Ok(Exit::Yield(v));
                        }
                        break 'instr Err(vm.runtime_error("pyrs: yield outside a generator frame"));
                    }
                    Op::GetYieldFromIter => {
                        let v = pop!();
                        let it = if object::kind_of(v) == Some(Kind::Generator) {
                            v
                        } else {
                            tri!(ops::iter::iter(vm, v))
                        };
                        push!(it);
                    }
                    Op::Send => {
                        let value = pop!();
                        let receiver = top!();
                        if !R::ACTIVE
                            && object::kind_of(receiver) == Some(Kind::Generator)
                            && vm.call_depth < vm.recursion_limit
                        {
                            if let Some(mut g) = generator::take_frame_inline(vm, receiver, value) {
                                g.returns_to = frame::ReturnTo::Send { exit: arg };
                                vm.call_depth += 1;
                                vm.frames.push(g);
                                continue 'frames;
                            }
                        }
                        match tri!(generator::send_to(vm, receiver, value)) {
                            generator::SendResult::Yield(v) => push!(v),
                            generator::SendResult::Return(r) => {
                                pop!();
                                push!(r);
                                jump!(arg);
                            }
                        }
                    }
                    Op::GetAwaitable => {
                        let v = pop!();
                        let a = tri!(generator::get_awaitable(vm, v));
                        push!(a);
                    }
                    Op::GetAIter => {
                        let v = pop!();
                        let a = tri!(ops::call::call_method(vm, v, "__aiter__", &[]));
                        push!(a);
                    }
                    Op::GetANext => {
                        let v = top!();
                        let a = tri!(ops::call::call_method(vm, v, "__anext__", &[]));
                        let aw = tri!(generator::get_awaitable(vm, a));
                        push!(aw);
                    }
                    Op::EndAsyncFor => {
                        let exc = pop!();
                        pop!();
                        let sai = vm.cls.stop_async_iteration;
                        let c = crate::types::class::class_of(vm, exc);
                        if !crate::types::class::is_subclass(c, sai) {
                            vm.exc = exc;
                            reraise = true;
                            break 'instr Err(Raised);
                        }
                    }
                    Op::RaiseVarargs => {
                        let r = match arg {
                            0 => {
                                if vm.handled.is_null() {
                                    Err(vm.runtime_error("No active exception to reraise"))
                                } else {
                                    vm.exc = vm.handled;
                                    reraise = true;
                                    Err(Raised)
                                }
                            }
                            1 => {
                                let e = pop!();
                                ops_exc::do_raise(vm, e, Value::NULL, false)
                            }
                            _ => {
                                let cause = pop!();
                                let e = pop!();
                                ops_exc::do_raise(vm, e, cause, true)
                            }
                        };
                        break 'instr r;
                    }
                    Op::PushExcInfo => {
                        let exc = pop!();
                        let prev = if vm.handled.is_null() {
                            vm.none
                        } else {
                            vm.handled
                        };
                        push!(prev);
                        push!(exc);
                        vm.handled = exc;
                    }
                    Op::PopExcept => {
                        let prev = pop!();
                        let done = std::mem::replace(
                            &mut vm.handled,
                            if prev == vm.none { Value::NULL } else { prev },
                        );
                        tri!(crate::finalize::collect_after_del(vm, done));
                    }
                    Op::Reraise => {
                        let exc = pop!();
                        vm.exc = exc;
                        reraise = true;
                        break 'instr Err(Raised);
                    }
                    Op::CheckExcMatch => {
                        let typ = pop!();
                        let exc = top!();
                        let r = tri!(ops_exc::exception_matches(vm, exc, typ));
                        push!(vm.bool(r));
                    }
                    Op::CheckEgMatch => {
                        let typ = pop!();
                        let eg = pop!();
                        let (rest, matched) = tri!(ops_exc::eg_match(vm, eg, typ));
                        push!(rest);
                        push!(matched);
                    }
                    Op::PrepReraiseStar => {
                        let list = pop!();
                        let orig = pop!();
                        let r = tri!(ops_exc::prep_reraise_star(vm, orig, list));
                        push!(r);
                    }
                    Op::LoadAssertionError => push!(vm.cls.assertion_error),
                    Op::BeforeWith | Op::BeforeAsyncWith => {
                        let mgr = pop!();
                        let is_async = instr.op == Op::BeforeAsyncWith;
                        let (exit, entered) = tri!(ops_exc::before_with(vm, mgr, is_async));
                        push!(exit);
                        push!(entered);
                    }
                    Op::WithExceptStart => {
                        let exc = peek!(1);
                        let exit = peek!(4);
                        let typ = crate::types::class::class_of(vm, exc);
                        let tb = crate::errors::exc_data(exc)
                            .map(|d| d.traceback)
                            .filter(|t| !t.is_null())
                            .unwrap_or(vm.none);
                        let r = tri!(ops::call::call(vm, exit, &[typ, exc, tb]));
                        push!(r);
                    }
                    Op::LoadBuildClass => {
                        let k = vm.names.__build_class__;
                        match dict::get_str_key(f.builtins, k) {
                            Some(v) => push!(v),
                            None => break 'instr Err(vm.name_error("__build_class__ not found")),
                        }
                    }
                    Op::MakeFunction => {
                        let code_obj = pop!();
                        let closure = if arg & 8 != 0 { pop!() } else { Value::NULL };
                        let annotations = if arg & 4 != 0 { pop!() } else { Value::NULL };
                        let kwdefaults = if arg & 2 != 0 { pop!() } else { Value::NULL };
                        let defaults = if arg & 1 != 0 { pop!() } else { Value::NULL };
                        let func = code::new_function(vm, code_obj, f.globals);
                        let fo = object::downcast::<FunctionObj>(func).expect("a function");
                        fo.closure = closure;
                        fo.annotations = annotations;
                        fo.kwdefaults = kwdefaults;
                        fo.defaults = defaults;
                        push!(func);
                    }
                    Op::SetupAnnotations => {
                        let k = vm.names.__annotations__;
                        if !f.locals.is_null()
                            && tri!(ops_exc::locals_get(vm, f.locals, k)).is_none()
                        {
                            let d = dict::new_dict(vm);
                            tri!(ops_exc::store_name(vm, f.locals, k, d));
                        }
                    }
                    Op::ImportName => {
                        let name = tuple::items(code_obj.names)[arg as usize];
                        let fromlist = pop!();
                        let level = pop!();
                        let m = tri!(import::import_name(vm, name, f.globals, fromlist, level));
                        push!(m);
                    }
                    Op::ImportFrom => {
                        let name = tuple::items(code_obj.names)[arg as usize];
                        let module = top!();
                        let v = tri!(import::import_from(vm, module, name));
                        push!(v);
                    }
                    Op::ImportStar => {
                        let module = pop!();
                        tri!(import::import_star(vm, module, f.locals, f.globals));
                    }
                    Op::PrintExpr => {
                        let v = pop!();
                        tri!(ops_exc::print_expr(vm, v));
                    }
                    Op::GetLen => {
                        let v = top!();
                        let n = tri!(ops::convert::len(vm, v));
                        push!(Value::from_usize(n));
                    }
                    Op::MatchMapping => {
                        let v = top!();
                        let r = ops_exc::is_mapping(vm, v);
                        push!(vm.bool(r));
                    }
                    Op::MatchSequence => {
                        let v = top!();
                        let r = ops_exc::is_sequence(vm, v);
                        push!(vm.bool(r));
                    }
                    Op::MatchKeys => {
                        let keys = top!();
                        let subject = peek!(2);
                        let r = tri!(ops_exc::match_keys(vm, subject, keys));
                        push!(r);
                    }
                    Op::MatchClass => {
                        let kwnames = pop!();
                        let cls = pop!();
                        let subject = pop!();
                        let r = tri!(ops_exc::match_class(
                            vm,
                            subject,
                            cls,
                            arg as usize,
                            kwnames
                        ));
                        push!(r);
                    }
                    Op::CopyDictWithoutKeys => {
                        let keys = pop!();
                        let subject = top!();
                        let r = tri!(ops_exc::copy_dict_without_keys(vm, subject, keys));
                        push!(keys);
                        let n = f.values.len();
                        f.values[n - 1] = r;
                    }
                }
                Ok(())
            };
            if result.is_err() {
                if R::ACTIVE {
                    rec.raised(vm);
                }
                raising = true;
                continue 'frames;
            }
        }
    }
}

/// The (pinned) code object of a frame.
#[inline(always)]
fn code_obj_of<'a>(f: &Frame) -> &'a object::CodeObj {
    object::downcast::<object::CodeObj>(f.code_obj).expect("a code object")
}

/// Unwinds after an exception (in `vm.exc`) at the innermost frame's `lasti`: records
/// traceback entries, jumps to the first covering handler, or pops frames down to `base`.
fn unwind(vm: &mut Vm, base: usize, mut reraise: bool) -> PyResult<()> {
    loop {
        let exc = vm.exc;
        let f = vm.frames.last_mut().expect("a frame");
        let (code, lasti) = (f.code, f.lasti);
        let code_obj = f.code_obj;
        let line = f.line();
        if !reraise {
            traceback::add_entry(vm, exc, code_obj, line, lasti);
            ops_exc::set_context(vm, exc);
        }
        reraise = false;
        let f = vm.frames.last_mut().expect("a frame");
        if let Some(h) = code.handler_for(lasti) {
            let depth = f.nlocalsplus() + h.depth as usize;
            f.values.truncate(depth);
            if h.lasti {
                f.values.push(Value::from_usize(lasti as usize));
            }
            f.values.push(exc);
            f.pc = h.target;
            vm.exc = Value::NULL;
            return Ok(());
        }
        vm.call_depth -= 1;
        let done = vm.frames.pop().expect("a frame");
        if !done.generator.is_null() {
            generator::finish_with_error(vm, done);
        } else {
            vm.recycle_frame(done);
        }
        if vm.frames.len() == base {
            return Err(Raised);
        }
    }
}

/// Whether `v` is a tuple (for the fast paths of unpacking).
pub(crate) fn is_tuple(v: Value) -> bool {
    object::is::<TupleObj>(v)
}

/// Runs `__set_name__` and `__init_subclass__` for a class made by `type.__new__`.
pub(crate) fn build_class_finish(
    vm: &mut Vm,
    cls: Value,
    kw: &[Value],
    kwnames: &[Value],
) -> PyResult<()> {
    build_class::finish_class(vm, cls, kw, kwnames)
}

/// Registers the eval-level builtins and methods (`__build_class__`, generator methods).
pub(crate) fn init(vm: &mut Vm) {
    build_class::init(vm);
    generator::init(vm);
}

/// `except T` matching, for exception groups' `split`.
pub(crate) fn exception_matches_pub(vm: &mut Vm, exc: Value, typ: Value) -> PyResult<bool> {
    ops_exc::exception_matches(vm, exc, typ)
}
