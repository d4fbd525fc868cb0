//! Binding call arguments to a new frame's parameters, with CPython's error messages.

use super::code::code_of;
use super::frame::Frame;
use crate::object::{self, CellObj, FunctionObj};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};
use pyrs_frontend::bytecode::flags;

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
    let (code_obj, globals, defaults, kwdefaults, closure, qualname) = (
        f.code,
        f.globals,
        f.defaults,
        f.kwdefaults,
        f.closure,
        f.qualname,
    );
    let code = code_of(code_obj);
    let builtins = vm.builtins();
    let mut frame = Box::new(Frame::new(
        code,
        code_obj,
        func,
        globals,
        builtins,
        Value::NULL,
    ));
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
    for (i, &kname) in args.kwnames.iter().enumerate() {
        let value = args.kw[i];
        let key = crate::types::str::as_str(kname).unwrap_or("");
        let found = code.varnames[posonly..argcount + kwonly]
            .iter()
            .position(|v| &**v == key)
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
                let name = vm.intern(&code.varnames[i]);
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
    setup_cells(vm, &mut frame, closure);
    Ok(frame)
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
