//! `BaseException` and its subclasses' methods: args, str/repr, chaining attributes,
//! `StopIteration.value`, `SystemExit.code`, `OSError`'s errno fields, exception groups.

use crate::errors::exc_data;
use crate::object::{self, ExcDataObj};
use crate::ops;
use crate::types::class::{class_of, is_subclass, type_name};
use crate::types::str::new_str;
use crate::types::tuple;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

fn data<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a mut ExcDataObj> {
    match exc_data(v) {
        Some(d) => Ok(d),
        None => {
            let t = type_name(vm, v).to_string();
            Err(vm.type_error(format!(
                "descriptor requires a 'BaseException' object but received '{t}'"
            )))
        }
    }
}

fn exc_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos[0];
    Ok(vm.new_exception(cls, &args.pos[1..]))
}

fn exc_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let self_ = args.pos[0];
    if !args.kw.is_empty() {
        let t = type_name(vm, self_).to_string();
        return Err(vm.type_error(format!("{t}() takes no keyword arguments")));
    }
    let t = tuple::new_tuple(vm, &args.pos[1..]);
    data(vm, self_)?.args = t;
    Ok(vm.none)
}

fn exc_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = data(vm, args.pos[0])?.args;
    let items = tuple::items(a).to_vec();
    match items.len() {
        0 => Ok(new_str(vm, "")),
        1 => ops::convert::to_str(vm, items[0]),
        _ => ops::convert::to_str(vm, a),
    }
}

fn exc_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = data(vm, args.pos[0])?.args;
    let items = tuple::items(a).to_vec();
    let name = type_name(vm, args.pos[0]).to_string();
    let inner = if items.len() == 1 {
        ops::convert::repr_string(vm, items[0])?
    } else {
        let r = ops::convert::repr_string(vm, a)?;
        r.trim_start_matches('(').trim_end_matches(')').to_string()
    };
    Ok(new_str(vm, &format!("{name}({inner})")))
}

fn key_error_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = data(vm, args.pos[0])?.args;
    let items = tuple::items(a).to_vec();
    if items.len() == 1 {
        return ops::convert::repr(vm, items[0]);
    }
    exc_str(vm, args)
}

fn get_args(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(data(vm, args.pos[0])?.args)
}

fn set_args(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let items = ops::iter::collect(vm, args.pos[1])?;
    let t = tuple::new_tuple(vm, &items);
    data(vm, args.pos[0])?.args = t;
    Ok(vm.none)
}

macro_rules! link_field {
    ($get:ident, $set:ident, $field:ident, $what:literal) => {
        fn $get(vm: &mut Vm, args: Args<'_>) -> PyResult {
            let v = data(vm, args.pos[0])?.$field;
            Ok(if v.is_null() { vm.none } else { v })
        }
        fn $set(vm: &mut Vm, args: Args<'_>) -> PyResult {
            let v = args.pos[1];
            let ok = v == vm.none || exc_data(v).is_some();
            if !ok {
                return Err(vm.type_error($what));
            }
            let v = if v == vm.none { Value::NULL } else { v };
            let d = data(vm, args.pos[0])?;
            d.$field = v;
            if stringify!($field) == "cause" {
                d.suppress_context = 1;
            }
            Ok(vm.none)
        }
    };
}
link_field!(
    get_cause,
    set_cause,
    cause,
    "exception cause must be None or derive from BaseException"
);
link_field!(
    get_context,
    set_context,
    context,
    "exception context must be None or derive from BaseException"
);

fn get_traceback(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = data(vm, args.pos[0])?.traceback;
    Ok(if v.is_null() { vm.none } else { v })
}

fn set_traceback(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = if args.pos[1] == vm.none {
        Value::NULL
    } else {
        args.pos[1]
    };
    data(vm, args.pos[0])?.traceback = v;
    Ok(vm.none)
}

fn get_suppress(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = data(vm, args.pos[0])?.suppress_context != 0;
    Ok(vm.bool(s))
}

fn set_suppress(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = ops::convert::truthy(vm, args.pos[1])?;
    data(vm, args.pos[0])?.suppress_context = t as u64;
    Ok(vm.none)
}

fn with_traceback(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "with_traceback", 2, 2)?;
    set_traceback(vm, args)?;
    Ok(args.pos[0])
}

fn add_note(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "add_note", 2, 2)?;
    if crate::types::str::as_str(args.pos[1]).is_none() {
        let t = type_name(vm, args.pos[1]).to_string();
        return Err(vm.type_error(format!("note must be a str, not '{t}'")));
    }
    let d = data(vm, args.pos[0])?;
    if d.notes.is_null() {
        let l = crate::types::list::new_list(vm, vec![]);
        data(vm, args.pos[0])?.notes = l;
    }
    let l = data(vm, args.pos[0])?.notes;
    crate::types::list::list_append(vm, l, args.pos[1]);
    Ok(vm.none)
}

fn get_notes(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = data(vm, args.pos[0])?.notes;
    if n.is_null() {
        let k = vm.names.__notes__;
        return Err(ops::attr::no_attribute(vm, args.pos[0], k));
    }
    Ok(n)
}

fn first_arg_or_none(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = data(vm, args.pos[0])?.args;
    Ok(tuple::items(a).first().copied().unwrap_or(vm.none))
}

fn system_exit_code(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = data(vm, args.pos[0])?.args;
    let items = tuple::items(a).to_vec();
    Ok(match items.len() {
        0 => vm.none,
        1 => items[0],
        _ => a,
    })
}

fn os_error_field(vm: &mut Vm, v: Value, i: usize) -> PyResult {
    let a = data(vm, v)?.args;
    let items = tuple::items(a).to_vec();
    if items.len() >= 2 && i < items.len() {
        Ok(items[i])
    } else {
        Ok(vm.none)
    }
}

fn os_errno(vm: &mut Vm, args: Args<'_>) -> PyResult {
    os_error_field(vm, args.pos[0], 0)
}

fn os_strerror(vm: &mut Vm, args: Args<'_>) -> PyResult {
    os_error_field(vm, args.pos[0], 1)
}

fn os_filename(vm: &mut Vm, args: Args<'_>) -> PyResult {
    os_error_field(vm, args.pos[0], 2)
}

fn os_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = data(vm, args.pos[0])?.args;
    let items = tuple::items(a).to_vec();
    if items.len() == 3 || items.len() == 2 {
        let errno = ops::convert::str_string(vm, items[0])?;
        let strerror = ops::convert::str_string(vm, items[1])?;
        if items.len() == 3 {
            let f = ops::convert::repr_string(vm, items[2])?;
            return Ok(new_str(vm, &format!("[Errno {errno}] {strerror}: {f}")));
        }
        return Ok(new_str(vm, &format!("[Errno {errno}] {strerror}")));
    }
    exc_str(vm, args)
}

fn eg_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos[0];
    if args.pos.len() != 3 {
        let n = crate::types::class::class_name(cls).to_string();
        return Err(vm.type_error(format!(
            "{n}.__new__() takes exactly 2 arguments ({} given)",
            args.pos.len() - 1
        )));
    }
    if crate::types::str::as_str(args.pos[1]).is_none() {
        return Err(vm.type_error("argument 1 must be str"));
    }
    let excs = ops::iter::collect(vm, args.pos[2])?;
    if excs.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let exc_cls = vm.cls.exception;
    let mut all_exc = true;
    for &e in &excs {
        if exc_data(e).is_none() {
            return Err(
                vm.value_error("Item 0 of second argument (exceptions) is not an exception")
            );
        }
        let c = class_of(vm, e);
        all_exc &= is_subclass(c, exc_cls);
    }
    let mut cls = cls;
    if cls == vm.cls.base_exception_group && all_exc {
        cls = vm.cls.exception_group;
    } else if is_subclass(cls, vm.cls.exception_group) && !all_exc {
        return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
    }
    let t = tuple::new_tuple(vm, &excs);
    let e = vm.new_exception(cls, &[args.pos[1], t]);
    Ok(e)
}

fn eg_message(vm: &mut Vm, args: Args<'_>) -> PyResult {
    os_error_field(vm, args.pos[0], 0)
}

fn eg_exceptions(vm: &mut Vm, args: Args<'_>) -> PyResult {
    os_error_field(vm, args.pos[0], 1)
}

fn eg_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let msg = os_error_field(vm, args.pos[0], 0)?;
    let excs = os_error_field(vm, args.pos[0], 1)?;
    let n = tuple::items(excs).len();
    let m = crate::types::str::as_str(msg).unwrap_or("").to_string();
    Ok(new_str(
        vm,
        &format!("{m} ({n} sub-exception{})", if n == 1 { "" } else { "s" }),
    ))
}

fn eg_derive(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let msg = os_error_field(vm, args.pos[0], 0)?;
    let cls = vm.cls.base_exception_group;
    let excs = args.pos[1];
    ops::call::call(vm, cls, &[msg, excs])
}

fn matcher(vm: &mut Vm, cond: Value, e: Value) -> PyResult<bool> {
    if object::is::<object::ClassObj>(cond) || crate::eval::is_tuple(cond) {
        return crate::eval::exception_matches_pub(vm, e, cond);
    }
    let r = ops::call::call(vm, cond, &[e])?;
    ops::convert::truthy(vm, r)
}

fn split_impl(vm: &mut Vm, eg: Value, cond: Value) -> PyResult<(Value, Value)> {
    if matcher(vm, cond, eg)? {
        return Ok((eg, vm.none));
    }
    let excs = tuple::items(os_error_field(vm, eg, 1)?).to_vec();
    let (mut m, mut r) = (Vec::new(), Vec::new());
    for e in excs {
        let c = class_of(vm, e);
        if is_subclass(c, vm.cls.base_exception_group) {
            let (a, b) = split_impl(vm, e, cond)?;
            if a != vm.none {
                m.push(a);
            }
            if b != vm.none {
                r.push(b);
            }
        } else if matcher(vm, cond, e)? {
            m.push(e);
        } else {
            r.push(e);
        }
    }
    let mk = |vm: &mut Vm, items: Vec<Value>| -> PyResult<Value> {
        if items.is_empty() {
            return Ok(vm.none);
        }
        let l = crate::types::list::new_list(vm, items);
        let g = ops::call::call_method(vm, eg, "derive", &[l])?;
        let src = data(vm, eg)?;
        let (tb, cause, ctx) = (src.traceback, src.cause, src.context);
        let d = data(vm, g)?;
        d.traceback = tb;
        d.cause = cause;
        d.context = ctx;
        Ok(g)
    };
    let mg = mk(vm, m)?;
    let rg = mk(vm, r)?;
    Ok((mg, rg))
}

fn eg_split(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "split", 2, 2)?;
    let (m, r) = split_impl(vm, args.pos[0], args.pos[1])?;
    Ok(tuple::new_tuple(vm, &[m, r]))
}

fn eg_subgroup(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "subgroup", 2, 2)?;
    Ok(split_impl(vm, args.pos[0], args.pos[1])?.0)
}

/// Registers the exception methods.
pub(crate) fn init(vm: &mut Vm) {
    let b = vm.cls.base_exception;
    vm.add_staticmethod(b, "__new__", exc_new);
    vm.add_methods(
        b,
        &[
            ("__init__", exc_init),
            ("__str__", exc_str),
            ("__repr__", exc_repr),
            ("with_traceback", with_traceback),
            ("add_note", add_note),
        ],
    );
    vm.add_getset(b, "args", get_args, Some(set_args));
    vm.add_getset(b, "__cause__", get_cause, Some(set_cause));
    vm.add_getset(b, "__context__", get_context, Some(set_context));
    vm.add_getset(b, "__traceback__", get_traceback, Some(set_traceback));
    vm.add_getset(b, "__suppress_context__", get_suppress, Some(set_suppress));
    vm.add_getset(b, "__notes__", get_notes, None);
    vm.add_methods(vm.cls.key_error, &[("__str__", key_error_str)]);
    vm.add_getset(vm.cls.stop_iteration, "value", first_arg_or_none, None);
    vm.add_getset(vm.cls.system_exit, "code", system_exit_code, None);
    let o = vm.cls.os_error;
    vm.add_getset(o, "errno", os_errno, None);
    vm.add_getset(o, "strerror", os_strerror, None);
    vm.add_getset(o, "filename", os_filename, None);
    vm.add_methods(o, &[("__str__", os_str)]);
    let g = vm.cls.base_exception_group;
    vm.add_staticmethod(g, "__new__", eg_new);
    vm.add_methods(
        g,
        &[
            ("__str__", eg_str),
            ("derive", eg_derive),
            ("split", eg_split),
            ("subgroup", eg_subgroup),
        ],
    );
    vm.add_getset(g, "message", eg_message, None);
    vm.add_getset(g, "exceptions", eg_exceptions, None);
}
