//! Tracebacks: recording entries while an exception unwinds, the `traceback` type's
//! attributes, and (in [`display`]) printing an uncaught exception the way CPython does.

mod display;

pub use display::{format_exception, format_exception_only, format_exception_unchained};

use crate::errors::exc_data;
use crate::object::{self, TracebackObj};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// Prepends an entry for (`code`, `line`) of the innermost frame to the traceback of `exc`
/// (its `tb_frame` is that frame's frame object).
pub fn add_entry(vm: &mut Vm, exc: Value, code: Value, line: u32, lasti: u32) {
    if exc_data(exc).is_none() {
        return;
    }
    let frame = match vm.frames.last() {
        Some(f) if f.code_obj == code => crate::types::frame::innermost_frame_object(vm),
        _ => Value::NULL,
    };
    let next = exc_data(exc).map(|d| d.traceback).unwrap_or(Value::NULL);
    let tb = new_traceback(vm, next, frame, code, line, lasti);
    if let Some(d) = exc_data(exc) {
        d.traceback = tb;
    }
}

fn new_traceback(
    vm: &mut Vm,
    next: Value,
    frame: Value,
    code: Value,
    line: u32,
    lasti: u32,
) -> Value {
    let cls = vm.cls.traceback;
    let (tb, obj) = vm.alloc_obj::<TracebackObj>(cls);
    obj.next = next;
    obj.frame = frame;
    obj.code = code;
    obj.lineno = line as u64;
    obj.lasti = lasti as u64;
    tb
}

fn tb_obj<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a mut TracebackObj> {
    match object::downcast::<TracebackObj>(v) {
        Some(t) => Ok(t),
        None => {
            let t = crate::types::class::type_name(vm, v).to_string();
            Err(vm.type_error(format!(
                "descriptor requires a 'traceback' object but received '{t}'"
            )))
        }
    }
}

fn or_none(vm: &Vm, v: Value) -> Value {
    if v.is_null() {
        vm.none
    } else {
        v
    }
}

fn tb_frame(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = tb_obj(vm, args.pos[0])?.frame;
    Ok(or_none(vm, f))
}

fn tb_lineno(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = tb_obj(vm, args.pos[0])?.lineno;
    Ok(Value::from_usize(l as usize))
}

fn tb_lasti(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = tb_obj(vm, args.pos[0])?.lasti;
    Ok(Value::from_usize(2 * l as usize))
}

fn tb_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = tb_obj(vm, args.pos[0])?.next;
    Ok(or_none(vm, n))
}

/// Checks a new `tb_next` (`what` names the accepted values in the error message).
fn check_next(vm: &mut Vm, tb: Value, next: Value, what: &str) -> PyResult<Value> {
    if next == vm.none {
        return Ok(Value::NULL);
    }
    if !object::is::<TracebackObj>(next) {
        let t = crate::types::class::type_name(vm, next).to_string();
        return Err(vm.type_error(format!("expected {what}, got '{t}'")));
    }
    let mut cur = next;
    while let Some(t) = object::downcast::<TracebackObj>(cur) {
        if cur == tb {
            return Err(vm.value_error("traceback loop detected"));
        }
        cur = t.next;
    }
    Ok(next)
}

fn tb_set_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let tb = args.pos[0];
    tb_obj(vm, tb)?;
    let next = check_next(vm, tb, args.pos[1], "traceback object")?;
    tb_obj(vm, tb)?.next = next;
    Ok(vm.none)
}

/// `types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)`.
fn tb_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = crate::builtins::bind(
        vm,
        &Args {
            pos: &args.pos[1..],
            ..args
        },
        "traceback",
        &["tb_next", "tb_frame", "tb_lasti", "tb_lineno"],
        4,
    )?;
    let [next, frame, lasti, lineno] = [a[0], a[1], a[2], a[3]].map(|v| v.unwrap_or(Value::NULL));
    let next = check_next(vm, Value::NULL, next, "traceback object or None")?;
    let Some(fo) = object::downcast::<crate::object::FrameObj>(frame) else {
        let t = crate::types::class::type_name(vm, frame).to_string();
        return Err(vm.type_error(format!(
            "TracebackType() argument 'tb_frame' must be frame, not {t}"
        )));
    };
    let code = fo.code;
    let lasti = crate::ops::convert::index_isize(vm, lasti)?;
    let lineno = crate::ops::convert::index_isize(vm, lineno)?;
    let lasti = (lasti.max(0) / 2) as u32;
    Ok(new_traceback(
        vm,
        next,
        frame,
        code,
        lineno.max(0) as u32,
        lasti,
    ))
}

/// Registers the traceback type's attributes.
pub(crate) fn init(vm: &mut Vm) {
    let c = vm.cls.traceback;
    vm.add_getset(c, "tb_frame", tb_frame, None);
    vm.add_getset(c, "tb_lineno", tb_lineno, None);
    vm.add_getset(c, "tb_lasti", tb_lasti, None);
    vm.add_getset(c, "tb_next", tb_next, Some(tb_set_next));
    vm.add_staticmethod(c, "__new__", tb_new);
}
