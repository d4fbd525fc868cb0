//! What embedders and builtins call to compile and run code: running the main program,
//! `exec`/`eval`/`compile`, `__import__`, the caller's namespaces, and uncaught exceptions.

use super::code::{code_of, new_code};
use super::frame::Frame;
use crate::object::{self, ModuleObj};
use crate::types::dict;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use pyrs_frontend::{Mode, SyntaxErrorKind};

/// Compiles source into a code object Value; a syntax error becomes a raised `SyntaxError`.
pub fn compile_to_code(vm: &mut Vm, source: &str, filename: &str, mode: Mode) -> PyResult<Value> {
    match pyrs_frontend::compile(source, filename, mode) {
        Ok(code) => Ok(new_code(vm, code)),
        Err(e) => {
            let cls = match e.kind {
                SyntaxErrorKind::Syntax => vm.cls.syntax_error,
                SyntaxErrorKind::Indentation => vm.cls.indentation_error,
                SyntaxErrorKind::Tab => vm.cls.tab_error,
            };
            let msg = crate::types::str::new_str(vm, &e.msg);
            let fname = crate::types::str::new_str(vm, &e.filename);
            let text = match &e.text {
                Some(t) => crate::types::str::new_str(vm, t),
                None => vm.none,
            };
            let details = crate::types::tuple::new_tuple(
                vm,
                &[
                    fname,
                    Value::from_usize(e.lineno as usize),
                    Value::from_usize(e.offset as usize),
                    text,
                    Value::from_usize(e.end_lineno as usize),
                    Value::small(i64::from(e.end_offset)).unwrap_or(vm.none),
                ],
            );
            let exc = vm.new_exception(cls, &[msg, details]);
            Err(vm.raise(exc))
        }
    }
}

/// Runs a module-level code object with `globals` and `locals` in a nested loop.
pub fn run_code(vm: &mut Vm, code_obj: Value, globals: Value, locals: Value) -> PyResult<Value> {
    let frame = module_frame(vm, code_obj, globals, locals);
    super::run_frame(vm, frame, false)?.value(vm)
}

fn module_frame(vm: &mut Vm, code_obj: Value, globals: Value, locals: Value) -> Box<Frame> {
    let code = code_of(code_obj);
    let bk = vm.names.__builtins__;
    let given = dict::get_str_key(globals, bk);
    if given.is_none() {
        let bm = dict::get_str_key(vm.sys_modules(), vm.names.builtins).unwrap_or(vm.none);
        dict::set_str_key(globals, bk, bm);
    }
    let builtins = given
        .and_then(|b| match object::downcast::<ModuleObj>(b) {
            Some(m) => Some(m.dict),
            None => dict::as_dict(b).map(|_| b),
        })
        .unwrap_or_else(|| vm.builtins());
    let mut frame = Box::new(Frame::new(
        code,
        code_obj,
        Value::NULL,
        globals,
        builtins,
        locals,
    ));
    super::call::setup_cells(vm, &mut frame, Value::NULL);
    frame
}

/// `exec`/`eval` of a str or code object. NULL `globals` means the caller's.
pub fn exec_source(
    vm: &mut Vm,
    source: Value,
    mode: &str,
    globals: Value,
    locals: Value,
) -> PyResult<Value> {
    let globals = if globals.is_null() || globals == vm.none {
        caller_globals(vm)
    } else {
        globals
    };
    let locals = if locals.is_null() || locals == vm.none {
        if globals == caller_globals(vm) {
            caller_locals(vm)
        } else {
            globals
        }
    } else {
        locals
    };
    let code_obj = if object::is::<object::CodeObj>(source) {
        source
    } else {
        let text = match crate::types::str::as_str(source) {
            Some(s) => s.to_string(),
            None => match crate::types::bytes::as_bytes(source) {
                Some(b) => String::from_utf8_lossy(b).to_string(),
                None => {
                    let t = crate::types::class::type_name(vm, source).to_string();
                    return Err(vm.type_error(format!(
                        "{mode}() arg 1 must be a string, bytes or code object, not {t}"
                    )));
                }
            },
        };
        let m = if mode == "eval" {
            Mode::Eval
        } else {
            Mode::Exec
        };
        let text = if mode == "eval" {
            text.trim_start_matches([' ', '\t']).to_string()
        } else {
            text
        };
        compile_to_code(vm, &text, "<string>", m)?
    };
    let r = run_code(vm, code_obj, globals, locals)?;
    Ok(if mode == "eval" { r } else { vm.none })
}

/// `compile(source, filename, mode)`.
pub fn compile_source(vm: &mut Vm, source: &str, filename: &str, mode: &str) -> PyResult<Value> {
    let m = match mode {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    compile_to_code(vm, source, filename, m)
}

/// The globals of the innermost Python frame (the `__main__` dict if none).
pub fn caller_globals(vm: &mut Vm) -> Value {
    match vm.frames.last() {
        Some(f) => f.globals,
        None => main_dict(vm),
    }
}

/// The locals of the innermost Python frame: the mapping of a module or class body, or
/// for a function the dict of its frame object, refreshed from the fast locals (the same
/// dict on every call, as CPython's `locals()`).
pub fn caller_locals(vm: &mut Vm) -> Value {
    let Some(f) = vm.frames.last() else {
        return main_dict(vm);
    };
    if !f.locals.is_null() {
        return f.locals;
    }
    let n = vm.frames.len();
    let fo = crate::types::frame::frame_object(vm, n - 1);
    crate::types::frame::frame_locals(vm, fo)
}

fn main_dict(vm: &mut Vm) -> Value {
    let k = vm.names.__main__;
    dict::get_str_key(vm.sys_modules(), k)
        .and_then(|m| object::downcast::<ModuleObj>(m).map(|m| m.dict))
        .unwrap_or_else(|| dict::new_dict(vm))
}

/// `__import__(name, globals, locals, fromlist, level)`.
pub fn import(
    vm: &mut Vm,
    name: Value,
    globals: Value,
    fromlist: Value,
    level: Value,
) -> PyResult<Value> {
    let globals = if globals.is_null() || globals == vm.none {
        caller_globals(vm)
    } else {
        globals
    };
    let fromlist = if fromlist.is_null() {
        vm.none
    } else {
        fromlist
    };
    let level = if level.is_null() {
        Value::small(0).unwrap_or(Value::NULL)
    } else {
        level
    };
    super::import::import_name(vm, name, globals, fromlist, level)
}

/// How the main program ended.
pub enum MainOutcome {
    /// Ran to the end.
    Ok,
    /// Exited with this process status (SystemExit or an uncaught exception, already
    /// reported on stderr).
    Exit(i32),
}

/// Runs `source` as the `__main__` module (file name `filename`), at native depth 0 so the
/// GC can collect; reports an uncaught exception like CPython and maps `SystemExit`.
pub fn run_main(vm: &mut Vm, source: &str, filename: &str) -> MainOutcome {
    let main = vm.new_module("__main__");
    let d = object::downcast::<ModuleObj>(main)
        .map(|m| m.dict)
        .unwrap_or(Value::NULL);
    let k = vm.names.__main__;
    dict::set_str_key(vm.sys_modules(), k, main);
    let fk = vm.names.__file__;
    let fv = crate::types::str::new_str(vm, filename);
    dict::set_str_key(d, fk, fv);
    let bk = vm.names.__builtins__;
    let bm = dict::get_str_key(vm.sys_modules(), vm.names.builtins).unwrap_or(vm.none);
    dict::set_str_key(d, bk, bm);
    let result = compile_to_code(vm, source, filename, Mode::Exec).and_then(|code| {
        let frame = module_frame(vm, code, d, d);
        super::run_toplevel(vm, frame)
    });
    match result {
        Ok(_) => MainOutcome::Ok,
        Err(_) => MainOutcome::Exit(report_uncaught(vm)),
    }
}

/// Prints the raised exception (`vm.exc`) as CPython does and returns the exit status;
/// `SystemExit` gives its code without a traceback.
pub fn report_uncaught(vm: &mut Vm) -> i32 {
    let exc = vm.exc;
    vm.exc = Value::NULL;
    crate::builtins::flush_std_streams(vm);
    let se = vm.cls.system_exit;
    if super::ops_exc::is_instance_of_exc(vm, exc, se) {
        let code = crate::ops::attr::getattr_str(vm, exc, "code").unwrap_or_else(|_| {
            vm.exc = Value::NULL;
            vm.none
        });
        if code == vm.none {
            return 0;
        }
        if let Some(i) = crate::types::int::as_i64(code) {
            if crate::types::int::is_int(code) {
                return i as i32;
            }
        }
        let s = crate::ops::convert::str_string(vm, code).unwrap_or_default();
        vm.exc = Value::NULL;
        let _ = crate::builtins::write_stderr(vm, &format!("{s}\n"));
        return 1;
    }
    let text = super::traceback::format_exception(vm, exc);
    vm.exc = Value::NULL;
    let _ = crate::builtins::write_stderr(vm, &text);
    crate::builtins::flush_std_streams(vm);
    1
}
