//! `BaseException` and its subclasses' methods: args, str/repr, chaining attributes and
//! notes here; the fields of particular subclasses (`ImportError.name`, `OSError.errno`,
//! ...) in [`fields`]; exception groups in [`group`].

pub mod fields;
pub mod group;
pub mod suggest;
pub mod unicode;

use crate::errors::exc_data;
use crate::object::{self, ExcDataObj};
use crate::ops;
use crate::types::class::type_name;
use crate::types::str::new_str;
use crate::types::tuple;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

pub(crate) fn data<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a mut ExcDataObj> {
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

pub(crate) fn exc_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let self_ = args.pos[0];
    if !args.kw.is_empty() {
        let t = type_name(vm, self_).to_string();
        return Err(vm.type_error(format!("{t}() takes no keyword arguments")));
    }
    let t = tuple::new_tuple(vm, &args.pos[1..]);
    data(vm, self_)?.args = t;
    Ok(vm.none)
}

pub(crate) fn exc_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
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
        let r = r.strip_prefix('(').unwrap_or(&r);
        r.strip_suffix(')').unwrap_or(r).to_string()
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
    if !object::is::<object::ListObj>(l) {
        return Err(vm.type_error("Cannot add note: __notes__ is not a list"));
    }
    crate::types::list::list_append(vm, l, args.pos[1]);
    Ok(vm.none)
}

fn set_notes(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = args.pos[1];
    data(vm, args.pos[0])?.notes = v;
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
    vm.add_getset(b, "__notes__", get_notes, Some(set_notes));
    vm.add_methods(vm.cls.key_error, &[("__str__", key_error_str)]);
    fields::init(vm);
    group::init(vm);
    unicode::init_classes(vm);
}
