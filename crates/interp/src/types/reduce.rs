//! The copy and pickle protocol of `object`: `__reduce_ex__`, `__reduce__` and
//! `__getstate__`, as CPython's `Objects/typeobject.c` implements them on top of `copyreg`
//! (which `copy.copy`, `copy.deepcopy` and `pickle` rely on for plain instances).

use crate::object::{self, Kind};
use crate::ops;
use crate::types::class::{class_obj, class_of, lookup};
use crate::types::{dict, instance, list, tuple};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// `import copyreg`.
fn copyreg(vm: &mut Vm) -> PyResult {
    let name = crate::types::str::new_str(vm, "copyreg");
    let globals = dict::new_dict(vm);
    crate::eval::api::import(vm, name, globals, Value::NULL, Value::NULL)
}

/// `object.__reduce__` as found in `object`'s namespace.
fn object_reduce_method(vm: &mut Vm) -> Value {
    let n = vm.intern("__reduce__");
    dict::get_str_key(class_obj(vm.cls.object).dict, n).unwrap_or(Value::NULL)
}

fn cannot_pickle(vm: &mut Vm, obj: Value) -> crate::Raised {
    let t = crate::types::weakref::display_type_name(vm, obj);
    vm.type_error(format!("cannot pickle '{t}' object"))
}

/// The names of the `__slots__` members of the class of `obj` (`copyreg._slotnames`).
fn slot_names(vm: &mut Vm, cls: Value) -> PyResult<Vec<Value>> {
    let key = vm.intern("__slotnames__");
    let names = match dict::get_str_key(class_obj(cls).dict, key) {
        Some(n) => n,
        None => {
            let cr = copyreg(vm)?;
            let f = ops::attr::getattr_str(vm, cr, "_slotnames")?;
            ops::call::call(vm, f, &[cls])?
        }
    };
    if names == vm.none {
        return Ok(Vec::new());
    }
    ops::iter::collect(vm, names)
}

/// The default `__getstate__`: the instance dict (None when empty) and, with `__slots__`,
/// `(dict, {slot: value})`. `required` rejects objects whose native state would be lost.
fn default_state(vm: &mut Vm, obj: Value, required: bool) -> PyResult {
    let native_state = match object::kind_of(obj) {
        Some(Kind::Instance) => object::downcast::<object::InstanceObj>(obj).is_some_and(|i| {
            !i.native.is_null() && dict::as_dict(obj).is_none() && list::as_list(obj).is_none()
        }),
        _ => true,
    };
    if required && native_state {
        return Err(cannot_pickle(vm, obj));
    }
    let mut state = vm.none;
    if let Some(inst) = object::downcast::<object::InstanceObj>(obj) {
        if instance::map_of(inst).has_dict() {
            let d = instance::materialize_dict(vm, obj);
            if dict::len(d) > 0 {
                state = d;
            }
        }
    }
    let cls = class_of(vm, obj);
    let names = slot_names(vm, cls)?;
    if !names.is_empty() {
        let slots = dict::new_dict(vm);
        for n in names {
            if let Some(v) = ops::attr::getattr_opt(vm, obj, n)? {
                dict::set(vm, slots, n, v)?;
            }
        }
        if dict::len(slots) > 0 {
            state = tuple::new_tuple(vm, &[state, slots]);
        }
    }
    Ok(state)
}

/// The state to pickle: `obj.__getstate__()`, or the default state when it is
/// `object.__getstate__`.
fn get_state(vm: &mut Vm, obj: Value, required: bool) -> PyResult {
    let n = vm.intern("__getstate__");
    let m = lookup(vm, class_of(vm, obj), n);
    let default = dict::get_str_key(class_obj(vm.cls.object).dict, n).unwrap_or(Value::NULL);
    if m.is_null() || m == default {
        return default_state(vm, obj, required);
    }
    ops::call::call_unbound(vm, m, obj, &[obj])
}

/// `(args, kwargs)` for `__newobj__`: from `__getnewargs_ex__`, `__getnewargs__`, or none.
fn new_args(vm: &mut Vm, obj: Value) -> PyResult<(Option<Value>, Value)> {
    let ex = vm.intern("__getnewargs_ex__");
    if let Some(r) = ops::call_special(vm, obj, ex, &[])? {
        let items = tuple::as_tuple(r).map(|t| t.items().to_vec());
        let Some([a, k]) = items
            .as_deref()
            .and_then(|s| <[Value; 2]>::try_from(s).ok())
        else {
            let t = crate::types::class::type_name(vm, r).to_string();
            return Err(vm.type_error(format!(
                "__getnewargs_ex__ should return a tuple of length 2, not '{t}'"
            )));
        };
        if tuple::as_tuple(a).is_none() {
            return Err(vm.type_error(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple",
            ));
        }
        if dict::as_dict(k).is_none() {
            return Err(vm.type_error(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict",
            ));
        }
        return Ok((Some(a), k));
    }
    let plain = vm.intern("__getnewargs__");
    if let Some(a) = ops::call_special(vm, obj, plain, &[])? {
        if tuple::as_tuple(a).is_none() {
            let t = crate::types::class::type_name(vm, a).to_string();
            return Err(vm.type_error(format!("__getnewargs__ should return a tuple, not '{t}'")));
        }
        return Ok((Some(a), vm.none));
    }
    Ok((None, vm.none))
}

/// Protocol 2+: `(copyreg.__newobj__, (cls, *args), state, listitems, dictitems)`.
fn reduce_newobj(vm: &mut Vm, obj: Value) -> PyResult {
    let cls = class_of(vm, obj);
    let (args, kwargs) = new_args(vm, obj)?;
    let cr = copyreg(vm)?;
    let has_kwargs = kwargs != vm.none && dict::len(kwargs) > 0;
    let (newobj, newargs) = if has_kwargs {
        let f = ops::attr::getattr_str(vm, cr, "__newobj_ex__")?;
        let a = args.unwrap_or(Value::NULL);
        let a = if a.is_null() {
            tuple::new_tuple(vm, &[])
        } else {
            a
        };
        (f, tuple::new_tuple(vm, &[cls, a, kwargs]))
    } else {
        let f = ops::attr::getattr_str(vm, cr, "__newobj__")?;
        let mut items = vec![cls];
        if let Some(a) = args {
            items.extend_from_slice(tuple::items(a));
        }
        (f, tuple::new_tuple(vm, &items))
    };
    let is_list = list::as_list(obj).is_some();
    let is_dict = dict::as_dict(obj).is_some();
    let state = get_state(vm, obj, !(args.is_some() || is_list || is_dict))?;
    let listitems = if is_list {
        ops::iter::iter(vm, obj)?
    } else {
        vm.none
    };
    let dictitems = if is_dict {
        let items = ops::call::call_method(vm, obj, "items", &[])?;
        ops::iter::iter(vm, items)?
    } else {
        vm.none
    };
    Ok(tuple::new_tuple(
        vm,
        &[newobj, newargs, state, listitems, dictitems],
    ))
}

fn common_reduce(vm: &mut Vm, obj: Value, protocol: i64) -> PyResult {
    if protocol >= 2 {
        return reduce_newobj(vm, obj);
    }
    let cr = copyreg(vm)?;
    let f = ops::attr::getattr_str(vm, cr, "_reduce_ex")?;
    let p = crate::types::int::new_i64(vm, protocol);
    ops::call::call(vm, f, &[obj, p])
}

fn object_reduce_ex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__reduce_ex__", 2, 2)?;
    let (obj, p) = (args.pos[0], args.pos[1]);
    let protocol = ops::convert::index_isize(vm, p)?;
    let n = vm.intern("__reduce__");
    let m = lookup(vm, class_of(vm, obj), n);
    if !m.is_null() && m != object_reduce_method(vm) {
        return ops::call::call_unbound(vm, m, obj, &[obj]);
    }
    common_reduce(vm, obj, protocol)
}

fn object_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__reduce__", 1, 1)?;
    common_reduce(vm, args.pos[0], 0)
}

fn object_getstate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__getstate__", 1, 1)?;
    default_state(vm, args.pos[0], false)
}

/// Adds the protocol to `object` (unless it already has it).
pub(crate) fn init(vm: &mut Vm) {
    let o = vm.cls.object;
    for (name, f) in [
        ("__reduce_ex__", object_reduce_ex as crate::vm::NativeFn),
        ("__reduce__", object_reduce),
        ("__getstate__", object_getstate),
    ] {
        let n = vm.intern(name);
        if dict::get_str_key(class_obj(o).dict, n).is_none() {
            vm.add_method(o, name, f);
        }
    }
}
