//! Binding call arguments to a new frame's parameters, with CPython's error messages.

use super::cache::Cache;
use super::code::code_of;
use super::frame::Frame;
use crate::object::{self, BuiltinObj, CellObj, FunctionObj, Kind, MethodObj};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};
use pyrs_frontend::bytecode::flags;
use std::cell::Cell;

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn name_list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// A new cell holding `v` (NULL for empty).
pub fn new_cell(vm: &mut Vm, v: Value) -> Value {
    let cls = vm.cls.cell;
    let (c, obj) = vm.alloc_obj::<CellObj>(cls);
    obj.value = v;
    c
}

/// Creates the frame of a call of Python function `func` with `args` bound to its
/// parameters (cells and free variables set up).
pub fn make_frame(vm: &mut Vm, func: Value, args: Args<'_>) -> PyResult<Box<Frame>> {
    let f = object::downcast::<FunctionObj>(func).expect("a function");
    let (code_obj, globals, closure) = (f.code, f.globals, f.closure);
    let code = code_of(code_obj);
    let builtins = vm.builtins();
    let mut frame = vm.new_frame(code, code_obj, func, globals, builtins, Value::NULL);
    let n = args.pos.len();
    if args.kw.is_empty() && n == code.argcount as usize && super::code::info(code_obj).simple_args
    {
        frame.values[..n].copy_from_slice(args.pos);
        return Ok(frame);
    }
    match bind_args(vm, &mut frame, func, args) {
        Ok(()) => {
            setup_cells(vm, &mut frame, closure);
            Ok(frame)
        }
        Err(e) => {
            vm.recycle_frame(frame);
            Err(e)
        }
    }
}

/// Binds `args` to the parameters of `func` in its new `frame`: positional, `*args`,
/// keywords, `**kwargs` and defaults, with CPython's errors.
fn bind_args(vm: &mut Vm, frame: &mut Frame, func: Value, args: Args<'_>) -> PyResult<()> {
    let f = object::downcast::<FunctionObj>(func).expect("a function");
    let (defaults, kwdefaults, qualname) = (f.defaults, f.kwdefaults, f.qualname);
    let code = frame.code;
    let argcount = code.argcount as usize;
    let posonly = code.posonlyargcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let has_varargs = code.flags & flags::VARARGS != 0;
    let has_varkw = code.flags & flags::VARKEYWORDS != 0;
    let fname = crate::types::str::as_str(qualname).unwrap_or("?");
    let n = args.pos.len();
    let slots = &mut frame.values;
    let take = n.min(argcount);
    slots[..take].copy_from_slice(&args.pos[..take]);
    let mut extra_index = argcount + kwonly;
    if has_varargs {
        let rest = if n > argcount {
            &args.pos[argcount..]
        } else {
            &[][..]
        };
        let t = crate::types::tuple::new_tuple(vm, rest);
        frame.values[extra_index] = t;
        extra_index += 1;
    } else if n > argcount {
        let ndefaults = crate::types::tuple::items(defaults).len();
        let given_kwonly = args
            .kwnames
            .iter()
            .filter(|&&k| {
                let k = crate::types::str::as_str(k).unwrap_or("");
                code.varnames[argcount..argcount + kwonly]
                    .iter()
                    .any(|v| &**v == k)
            })
            .count();
        let takes = if ndefaults > 0 {
            format!("from {} to {}", argcount - ndefaults, argcount)
        } else {
            argcount.to_string()
        };
        let arg_word = if argcount == 1 && ndefaults == 0 {
            "argument"
        } else {
            "arguments"
        };
        let msg = if given_kwonly > 0 {
            format!(
                "{fname}() takes {takes} positional {arg_word} but {} (and {}) were given",
                plural(n, "positional argument"),
                plural(given_kwonly, "keyword-only argument")
            )
        } else {
            format!(
                "{fname}() takes {takes} positional {arg_word} but {n} {} given",
                if n == 1 { "was" } else { "were" }
            )
        };
        return Err(vm.type_error(msg));
    }
    let kwargs = if has_varkw {
        let d = crate::types::dict::new_dict(vm);
        frame.values[extra_index] = d;
        d
    } else {
        Value::NULL
    };
    let mut posonly_as_kw: Vec<String> = Vec::new();
    let names = super::code::info(frame.code_obj).varname_values(vm, code);
    for (i, &kname) in args.kwnames.iter().enumerate() {
        let value = args.kw[i];
        let key = crate::types::str::as_str(kname).unwrap_or("");
        // Keyword names are usually the interned strs themselves.
        let found = names[posonly..argcount + kwonly]
            .iter()
            .position(|&v| v == kname)
            .or_else(|| {
                code.varnames[posonly..argcount + kwonly]
                    .iter()
                    .position(|v| &**v == key)
            })
            .map(|p| p + posonly);
        match found {
            Some(slot) => {
                if !frame.values[slot].is_null() {
                    return Err(vm.type_error(format!(
                        "{fname}() got multiple values for argument '{key}'"
                    )));
                }
                frame.values[slot] = value;
            }
            None => {
                if !kwargs.is_null() {
                    let k = vm.intern_value(kname);
                    crate::types::dict::set_str_key(kwargs, k, value);
                } else if code.varnames[..posonly].iter().any(|v| &**v == key) {
                    posonly_as_kw.push(key.to_string());
                } else {
                    return Err(vm.type_error(format!(
                        "{fname}() got an unexpected keyword argument '{key}'"
                    )));
                }
            }
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(vm.type_error(format!(
            "{fname}() got some positional-only arguments passed as keyword arguments: '{}'",
            posonly_as_kw.join(", ")
        )));
    }
    if n < argcount {
        let defs = crate::types::tuple::items(defaults);
        let first_default = argcount - defs.len();
        let mut missing = Vec::new();
        for i in n..argcount {
            if frame.values[i].is_null() {
                if i >= first_default {
                    frame.values[i] = defs[i - first_default];
                } else {
                    missing.push(code.varnames[i].to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(vm.type_error(format!(
                "{fname}() missing {} {}: {}",
                missing.len(),
                if missing.len() == 1 {
                    "required positional argument"
                } else {
                    "required positional arguments"
                },
                name_list(&missing)
            )));
        }
    }
    if kwonly > 0 {
        let mut missing = Vec::new();
        for i in argcount..argcount + kwonly {
            if frame.values[i].is_null() {
                let name = names[i];
                let d = if kwdefaults.is_null() {
                    None
                } else {
                    crate::types::dict::get_str_key(kwdefaults, name)
                };
                match d {
                    Some(v) => frame.values[i] = v,
                    None => missing.push(code.varnames[i].to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(vm.type_error(format!(
                "{fname}() missing {} {}: {}",
                missing.len(),
                if missing.len() == 1 {
                    "required keyword-only argument"
                } else {
                    "required keyword-only arguments"
                },
                name_list(&missing)
            )));
        }
    }
    Ok(())
}

/// Creates the cells of cell variables and copies the closure's cells into the free-variable
/// slots.
pub fn setup_cells(vm: &mut Vm, frame: &mut Frame, closure: Value) {
    let code = frame.code;
    let nl = code.varnames.len();
    for (i, arg) in code.cell2arg.iter().enumerate() {
        let init = arg.map(|a| frame.values[a as usize]).unwrap_or(Value::NULL);
        let c = new_cell(vm, init);
        frame.values[nl + i] = c;
    }
    if !code.freevars.is_empty() {
        let cells = crate::types::tuple::items(closure);
        let base = nl + code.cellvars.len();
        for (j, &c) in cells.iter().enumerate().take(code.freevars.len()) {
            frame.values[base + j] = c;
        }
    }
}

/// What a call instruction did.
pub(crate) enum Called {
    /// The callee is a Python function whose new frame is returned, to be pushed by the
    /// loop (the caller's stack is already cut back).
    Frame(Box<Frame>),
    /// The call returned this value (the caller's stack is already cut back).
    Value(Value),
}

/// Most arguments copied into a stack buffer for a native call.
const ARGS_INLINE: usize = 8;

/// Calls `k` with the arguments `vals` (the last `kwnames.len()` of them keyword values),
/// preceded by `recv` unless it is NULL, copied out of the value stack: the callee may run
/// Python code, which must not see Rust references into a frame.
fn with_stack_args<R>(
    vals: &[Value],
    kwnames: &[Value],
    recv: Value,
    k: impl FnOnce(Args<'_>) -> R,
) -> R {
    let extra = usize::from(!recv.is_null());
    let n = vals.len() + extra;
    let npos = n - kwnames.len();
    if n <= ARGS_INLINE && kwnames.len() <= ARGS_INLINE {
        let mut buf = [Value::NULL; ARGS_INLINE];
        let mut names = [Value::NULL; ARGS_INLINE];
        buf[0] = recv;
        buf[extra..n].copy_from_slice(vals);
        names[..kwnames.len()].copy_from_slice(kwnames);
        k(Args {
            pos: &buf[..npos],
            kw: &buf[npos..n],
            kwnames: &names[..kwnames.len()],
        })
    } else {
        let mut buf = Vec::with_capacity(n);
        if extra == 1 {
            buf.push(recv);
        }
        buf.extend_from_slice(vals);
        let names = kwnames.to_vec();
        k(Args {
            pos: &buf[..npos],
            kw: &buf[npos..],
            kwnames: &names,
        })
    }
}

/// Performs the call of a `Call`/`CallMethod`/`CallKw` instruction of frame `f`: the callable
/// is at `callee_start`, its arguments from `args_start` up (the slot below them is free:
/// it held the callable or a NULL self), the last `kwnames.len()` of them keyword values.
/// Python functions, bound methods of them and classes with a Python `__init__` get a new
/// frame instead of a nested loop; `cache` is the instruction's inline cache.
pub(crate) fn call_from_stack(
    vm: &mut Vm,
    f: &mut Frame,
    cache: &Cell<Cache>,
    callee_start: usize,
    mut args_start: usize,
    kwnames: Value,
) -> PyResult<Called> {
    let mut callable = f.values[callee_start];
    if let Some(m) = object::downcast::<MethodObj>(callable) {
        callable = m.func;
        args_start -= 1;
        f.values[args_start] = m.receiver;
    }
    let kwn: &[Value] = if kwnames.is_null() {
        &[]
    } else {
        crate::types::tuple::items(kwnames)
    };
    match object::kind_of(callable) {
        Some(Kind::Function) => {
            let code_obj = object::downcast::<FunctionObj>(callable)
                .expect("a function")
                .code;
            if !code_of(code_obj).is_generator_like() {
                let frame = frame_from_stack(vm, f, callable, args_start, kwn)?;
                f.values.truncate(callee_start);
                return Ok(Called::Frame(frame));
            }
        }
        Some(Kind::Builtin) => {
            let b = object::downcast::<BuiltinObj>(callable).expect("a builtin");
            let (func, recv) = (b.func, b.receiver);
            let r = with_stack_args(&f.values[args_start..], kwn, recv, |a| func(vm, a));
            f.values.truncate(callee_start);
            return r.map(Called::Value);
        }
        Some(Kind::Class) => {
            if let Some((new, init)) = super::cache::class_init(vm, cache, callable) {
                let inst = new(vm, Args::positional(&[callable]))?;
                if crate::types::class::class_of(vm, inst) != callable {
                    f.values.truncate(callee_start);
                    return Ok(Called::Value(inst));
                }
                args_start -= 1;
                f.values[args_start] = inst;
                let mut frame = frame_from_stack(vm, f, init, args_start, kwn)?;
                frame.is_init = true;
                f.values.truncate(callee_start);
                f.values.push(inst);
                return Ok(Called::Frame(frame));
            }
        }
        _ => {}
    }
    let r = with_stack_args(&f.values[args_start..], kwn, Value::NULL, |a| {
        crate::ops::call::call_args(vm, callable, a)
    });
    f.values.truncate(callee_start);
    r.map(Called::Value)
}

/// The frame of a call of Python function `func` with the arguments on `f`'s stack from
/// `args_start` up (the last `kwnames.len()` of them keyword values).
fn frame_from_stack(
    vm: &mut Vm,
    f: &Frame,
    func: Value,
    args_start: usize,
    kwnames: &[Value],
) -> PyResult<Box<Frame>> {
    let all = &f.values[args_start..];
    let npos = all.len() - kwnames.len();
    make_frame(
        vm,
        func,
        Args {
            pos: &all[..npos],
            kw: &all[npos..],
            kwnames,
        },
    )
}

/// Performs the call of a `CallFunctionEx` instruction of frame `f`: the stack holds, from
/// `callee_start` up, the callable, the tuple of positional arguments and, if present, the
/// fresh dict of keyword arguments (str keys).
pub(crate) fn call_ex_from_stack(
    vm: &mut Vm,
    f: &mut Frame,
    callee_start: usize,
) -> PyResult<Called> {
    let mut callable = f.values[callee_start];
    let args_t = f.values[callee_start + 1];
    let kwargs = f
        .values
        .get(callee_start + 2)
        .copied()
        .unwrap_or(Value::NULL);
    let mut recv = Value::NULL;
    if let Some(m) = object::downcast::<MethodObj>(callable) {
        callable = m.func;
        recv = m.receiver;
    }
    let pos = crate::types::tuple::items(args_t);
    let entries: &[crate::types::dict::Entry] = if kwargs.is_null() {
        &[]
    } else {
        &crate::types::dict::data(kwargs).entries
    };
    let nkw = entries.iter().filter(|e| !e.key.is_null()).count();
    let n = usize::from(!recv.is_null()) + pos.len() + nkw;
    let mut small = [Value::NULL; 2 * ARGS_INLINE];
    let mut big = Vec::new();
    let buf: &mut [Value] = if n + nkw <= small.len() {
        &mut small[..n + nkw]
    } else {
        big.resize(n + nkw, Value::NULL);
        &mut big
    };
    let (vals, names) = buf.split_at_mut(n);
    let mut i = 0;
    if !recv.is_null() {
        vals[0] = recv;
        i = 1;
    }
    vals[i..i + pos.len()].copy_from_slice(pos);
    let live = entries.iter().filter(|e| !e.key.is_null());
    for (j, e) in live.enumerate() {
        vals[n - nkw + j] = e.value;
        names[j] = e.key;
    }
    let npos = n - nkw;
    let args = Args {
        pos: &vals[..npos],
        kw: &vals[npos..],
        kwnames: names,
    };
    if let Some(fo) = object::downcast::<FunctionObj>(callable) {
        if !code_of(fo.code).is_generator_like() {
            let frame = make_frame(vm, callable, args)?;
            f.values.truncate(callee_start);
            return Ok(Called::Frame(frame));
        }
    }
    let r = crate::ops::call::call_args(vm, callable, args);
    f.values.truncate(callee_start);
    r.map(Called::Value)
}
