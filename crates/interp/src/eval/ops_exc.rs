//! The less common instructions of the eval loop, out of line: name lookups through locals
//! mappings, method loading, unpacking, raising and matching exceptions, `with`, `match`.

use super::frame::Frame;
use crate::errors::exc_data;
use crate::object::{self, ClassObj, Kind};
use crate::ops::{self, call::call_unbound};
use crate::types::class::{class_obj, class_of, is_subclass, lookup, type_name};
use crate::types::{dict, tuple};
use crate::value::Value;
use crate::vm::{PyResult, Raised, Vm};
use pyrs_frontend::bytecode::{CodeObject, Op};

/// Reads `name` from a locals mapping (a dict, or any mapping via `__getitem__`).
pub fn locals_get(vm: &mut Vm, locals: Value, name: Value) -> PyResult<Option<Value>> {
    if object::kind_of(locals) == Some(Kind::Dict) {
        return Ok(dict::get_str_key(locals, name));
    }
    match ops::subscript::getitem(vm, locals, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            let ke = vm.cls.key_error;
            if vm.exc_matches(ke) {
                vm.exc = Value::NULL;
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

/// `LOAD_NAME`: locals, globals, builtins.
pub fn load_name(
    vm: &mut Vm,
    locals: Value,
    globals: Value,
    builtins: Value,
    name: Value,
) -> PyResult<Value> {
    if !locals.is_null() {
        if let Some(v) = locals_get(vm, locals, name)? {
            return Ok(v);
        }
    }
    if let Some(v) = dict::get_str_key(globals, name) {
        return Ok(v);
    }
    if let Some(v) = dict::get_str_key(builtins, name) {
        return Ok(v);
    }
    let n = crate::types::str::as_str(name).unwrap_or("?").to_string();
    Err(vm.name_error(format!("name '{n}' is not defined")))
}

/// `STORE_NAME`.
pub fn store_name(vm: &mut Vm, locals: Value, name: Value, v: Value) -> PyResult<()> {
    if object::kind_of(locals) == Some(Kind::Dict) {
        dict::set_str_key(locals, name, v);
        return Ok(());
    }
    ops::subscript::setitem(vm, locals, name, v)
}

/// `DELETE_NAME`.
pub fn delete_name(vm: &mut Vm, locals: Value, name: Value) -> PyResult<()> {
    let removed = if object::kind_of(locals) == Some(Kind::Dict) {
        dict::del_str_key(locals, name)
    } else {
        ops::subscript::delitem(vm, locals, name).is_ok()
    };
    if removed {
        Ok(())
    } else {
        let n = crate::types::str::as_str(name).unwrap_or("?").to_string();
        Err(vm.name_error(format!("name '{n}' is not defined")))
    }
}

/// The error for reading an empty cell.
pub fn unbound_deref(vm: &mut Vm, code: &CodeObject, slot: usize) -> Raised {
    let name = code.localsplus_name(slot).to_string();
    if slot >= code.varnames.len() + code.cellvars.len() {
        vm.name_error(format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"))
    } else {
        let c = vm.cls.unbound_local_error;
        vm.raise_new(
            c,
            &format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }
}

/// `LOAD_METHOD`: `(function, obj)` for a plain method found on the class, else
/// `(attribute, NULL)`.
pub fn load_method(vm: &mut Vm, obj: Value, name: Value) -> PyResult<(Value, Value)> {
    let cls = class_of(vm, obj);
    let flags = class_obj(cls).flags;
    if flags & crate::types::class::flags::CUSTOM_ATTR == 0
        && object::kind_of(obj) != Some(Kind::Class)
        && object::kind_of(obj) != Some(Kind::Super)
    {
        let d = lookup(vm, cls, name);
        if object::kind_of(d) == Some(Kind::Function)
            || crate::types::builtin_func::binds_on_access(d)
        {
            let shadowed = match object::downcast::<object::InstanceObj>(obj) {
                Some(inst) => crate::types::instance::get_attr(inst, name).is_some(),
                None => {
                    object::kind_of(obj) == Some(Kind::Module)
                        || object::kind_of(obj) == Some(Kind::Function)
                }
            };
            if !shadowed {
                return Ok((d, obj));
            }
        }
    }
    let v = ops::attr::getattr(vm, obj, name)?;
    Ok((v, Value::NULL))
}

/// `LIST_EXTEND arg` of frame `f` (the list is `arg` items down the stack once `it` was
/// popped): the items of the starred operand, with CPython's message on non-iterables —
/// naming the callee when the operand is a call's only `*` argument, as CPython's
/// `CALL_FUNCTION_EX` does.
pub fn list_extend_items(vm: &mut Vm, f: &Frame, arg: u32, it: Value) -> PyResult<Vec<Value>> {
    match ops::iter::collect(vm, it) {
        Ok(v) => Ok(v),
        Err(e) => {
            let te = vm.cls.type_error;
            let not_iterable = vm.exc_matches(te) && ops::iter::iter(vm, it).is_err();
            if !not_iterable {
                return Err(e);
            }
            vm.exc = Value::NULL;
            let t = type_name(vm, it).to_string();
            let n = f.values.len();
            let list = f.values[n - arg as usize];
            let next = |k: usize| f.code.code.get(f.lasti as usize + k).map(|i| i.op);
            let sole_star = crate::types::list::list_items(list).is_empty()
                && next(1) == Some(Op::ListToTuple)
                && next(2) == Some(Op::CallFunctionEx);
            if sole_star {
                let callee = f.values[n - arg as usize - 1];
                let fname = function_str(vm, callee)?;
                return Err(vm.type_error(format!(
                    "{fname} argument after * must be an iterable, not {t}"
                )));
            }
            Err(vm.type_error(format!("Value after * must be an iterable, not {t}")))
        }
    }
}

/// How CPython names a callable in call errors: `module.qualname()`, or `qualname()` for
/// builtins (`_PyObject_FunctionStr`).
pub fn function_str(vm: &mut Vm, f: Value) -> PyResult<String> {
    let qn = vm.intern("__qualname__");
    let Some(q) = ops::attr::getattr_opt(vm, f, qn)? else {
        return ops::convert::str_string(vm, f);
    };
    let q = ops::convert::str_string(vm, q)?;
    let mn = vm.names.__module__;
    let module = ops::attr::getattr_opt(vm, f, mn)?
        .filter(|&m| m != vm.none)
        .and_then(|m| crate::types::str::as_str(m).map(|s| s.to_string()));
    Ok(match module {
        Some(m) if m != "builtins" => format!("{m}.{q}()"),
        _ => format!("{q}()"),
    })
}

/// Whether `DICT_MERGE 1` at `pc` may hand `other` itself to the `CALL_FUNCTION_EX` right
/// after it instead of merging it into the empty dict `d`: the call only reads the dict,
/// and an exact dict with str keys merged into an empty one raises nothing.
pub fn can_pass_kwargs_dict(code: &CodeObject, pc: u32, d: Value, other: Value) -> bool {
    if code.code.get(pc as usize + 1).map(|i| i.op) != Some(Op::CallFunctionEx) {
        return false;
    }
    if object::kind_of(d) != Some(Kind::Dict) || dict::data(d).len != 0 {
        return false;
    }
    if object::kind_of(other) != Some(Kind::Dict) {
        return false;
    }
    dict::data(other)
        .iter()
        .all(|e| crate::types::str::as_exact_str(e.key).is_some())
}

/// `DICT_UPDATE` / `DICT_MERGE`.
pub fn dict_merge(
    vm: &mut Vm,
    d: Value,
    other: Value,
    merge: bool,
    callable: Value,
) -> PyResult<()> {
    let pairs: Vec<(Value, Value)> = if dict::as_dict(other).is_some() {
        dict::items(other)
    } else {
        let keys_name = vm.names.keys;
        let Some(keys_fn) = ops::attr::getattr_opt(vm, other, keys_name)? else {
            let t = type_name(vm, other).to_string();
            if merge {
                let fname = function_str(vm, callable)?;
                return Err(vm.type_error(format!(
                    "{fname} argument after ** must be a mapping, not {t}"
                )));
            }
            return Err(vm.type_error(format!("'{t}' object is not a mapping")));
        };
        let keys = ops::call::call(vm, keys_fn, &[])?;
        let keys = ops::iter::collect(vm, keys)?;
        let mut pairs = Vec::new();
        for k in keys {
            let v = ops::subscript::getitem(vm, other, k)?;
            pairs.push((k, v));
        }
        pairs
    };
    for (k, v) in pairs {
        if merge {
            if crate::types::str::as_str(k).is_none() {
                return Err(vm.type_error("keywords must be strings"));
            }
            if dict::get(vm, d, k)?.is_some() {
                let fname = function_str(vm, callable)?;
                let key = crate::types::str::as_str(k).unwrap_or("").to_string();
                return Err(vm.type_error(format!(
                    "{fname} got multiple values for keyword argument '{key}'"
                )));
            }
        }
        dict::set(vm, d, k, v)?;
    }
    Ok(())
}

/// `UNPACK_SEQUENCE n`.
pub fn unpack(vm: &mut Vm, seq: Value, n: usize) -> PyResult<Vec<Value>> {
    if super::is_tuple(seq) && class_of(vm, seq) == vm.cls.tuple {
        let items = tuple::items(seq);
        if items.len() == n {
            return Ok(items.to_vec());
        }
    }
    let it = match ops::iter::iter(vm, seq) {
        Ok(it) => it,
        Err(e) => {
            let te = vm.cls.type_error;
            if vm.exc_matches(te) {
                let t = type_name(vm, seq).to_string();
                return Err(vm.type_error(format!("cannot unpack non-iterable {t} object")));
            }
            return Err(e);
        }
    };
    let mut out = Vec::with_capacity(n);
    while let Some(v) = ops::iter::next(vm, it)? {
        if out.len() == n {
            return Err(vm.value_error(format!("too many values to unpack (expected {n})")));
        }
        out.push(v);
    }
    if out.len() < n {
        return Err(vm.value_error(format!(
            "not enough values to unpack (expected {n}, got {})",
            out.len()
        )));
    }
    Ok(out)
}

/// `UNPACK_EX`: `before` items, a list of the middle, `after` items.
pub fn unpack_ex(vm: &mut Vm, seq: Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
    let items = match ops::iter::collect(vm, seq) {
        Ok(v) => v,
        Err(e) => {
            let te = vm.cls.type_error;
            if vm.exc_matches(te) && ops::iter::iter(vm, seq).is_err() {
                let t = type_name(vm, seq).to_string();
                return Err(vm.type_error(format!("cannot unpack non-iterable {t} object")));
            }
            return Err(e);
        }
    };
    if items.len() < before + after {
        return Err(vm.value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        )));
    }
    let mut out = items[..before].to_vec();
    let mid = items[before..items.len() - after].to_vec();
    out.push(crate::types::list::new_list(vm, mid));
    out.extend_from_slice(&items[items.len() - after..]);
    Ok(out)
}

fn is_exception_class(vm: &Vm, v: Value) -> bool {
    object::is::<ClassObj>(v) && is_subclass(v, vm.cls.base_exception)
}

fn is_exception_instance(vm: &Vm, v: Value) -> bool {
    exc_data(v).is_some() && is_subclass(class_of(vm, v), vm.cls.base_exception)
}

/// Turns a raised object (class or instance) into an exception instance.
pub fn make_exception(vm: &mut Vm, e: Value) -> PyResult<Value> {
    if is_exception_instance(vm, e) {
        return Ok(e);
    }
    if is_exception_class(vm, e) {
        let inst = ops::call::call(vm, e, &[])?;
        if !is_exception_instance(vm, inst) {
            let t = type_name(vm, inst).to_string();
            return Err(vm.type_error(format!(
                "calling {} should have returned an instance of BaseException, not {t}",
                crate::types::class::class_name(e)
            )));
        }
        return Ok(inst);
    }
    Err(vm.type_error("exceptions must derive from BaseException"))
}

/// `raise e` / `raise e from cause`.
pub fn do_raise(vm: &mut Vm, e: Value, cause: Value, has_cause: bool) -> PyResult<()> {
    let exc = make_exception(vm, e)?;
    if has_cause {
        let cause_v = if cause == vm.none {
            Value::NULL
        } else if is_exception_class(vm, cause) || is_exception_instance(vm, cause) {
            make_exception(vm, cause)?
        } else {
            return Err(vm.type_error("exception causes must derive from BaseException"));
        };
        if let Some(d) = exc_data(exc) {
            d.cause = cause_v;
            d.suppress_context = 1;
        }
    }
    Err(vm.raise(exc))
}

/// Sets `exc.__context__` to the exception being handled (avoiding cycles).
pub fn set_context(vm: &mut Vm, exc: Value) {
    let handled = vm.handled;
    if handled.is_null() || handled == exc {
        return;
    }
    let Some(d) = exc_data(exc) else { return };
    if !d.context.is_null() {
        return;
    }
    let mut o = handled;
    let mut steps = 0;
    while let Some(od) = exc_data(o) {
        if od.context == exc {
            od.context = Value::NULL;
            break;
        }
        o = od.context;
        steps += 1;
        if o.is_null() || steps > 1000 {
            break;
        }
    }
    if let Some(d) = exc_data(exc) {
        d.context = handled;
    }
}

/// `except T:` matching.
pub fn exception_matches(vm: &mut Vm, exc: Value, typ: Value) -> PyResult<bool> {
    let classes: Vec<Value> = if super::is_tuple(typ) {
        tuple::items(typ).to_vec()
    } else {
        vec![typ]
    };
    for &c in &classes {
        if !is_exception_class(vm, c) {
            return Err(vm.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
    }
    let ec = class_of(vm, exc);
    Ok(classes.iter().any(|&c| is_subclass(ec, c)))
}

/// `except*` matching: splits an exception group into (rest, match).
pub fn eg_match(vm: &mut Vm, eg: Value, typ: Value) -> PyResult<(Value, Value)> {
    let classes: Vec<Value> = if super::is_tuple(typ) {
        tuple::items(typ).to_vec()
    } else {
        vec![typ]
    };
    for &c in &classes {
        if !is_exception_class(vm, c) {
            return Err(vm.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        if is_subclass(c, vm.cls.base_exception_group) {
            return Err(vm.type_error(
                "catching ExceptionGroup with except* is not allowed. Use except instead.",
            ));
        }
    }
    let (rest, matched) = crate::types::exception::group::except_star_match(vm, eg, typ)?;
    if matched != vm.none {
        // The clause handles the matching part: a bare `raise` re-raises it and new
        // exceptions get it as their context. POP_EXCEPT restores the previous one.
        vm.handled = matched;
    }
    Ok((rest, matched))
}

/// `except*` end: the exception to re-raise (or None).
pub fn prep_reraise_star(vm: &mut Vm, orig: Value, list: Value) -> PyResult<Value> {
    let raised = crate::types::list::list_items(list).to_vec();
    crate::types::exception::group::prep_reraise_star(vm, orig, &raised)
}

/// `with`: `(bound __exit__, result of __enter__)` (async: the awaitable of `__aenter__`).
pub fn before_with(vm: &mut Vm, mgr: Value, is_async: bool) -> PyResult<(Value, Value)> {
    let (enter, exit) = if is_async {
        (vm.names.__aenter__, vm.names.__aexit__)
    } else {
        (vm.names.__enter__, vm.names.__exit__)
    };
    let t = type_name(vm, mgr).to_string();
    let enter_m = ops::lookup_special(vm, mgr, enter);
    if enter_m.is_null() {
        let what = if is_async {
            "asynchronous context manager protocol"
        } else {
            "context manager protocol"
        };
        return Err(vm.type_error(format!("'{t}' object does not support the {what}")));
    }
    let exit_m = ops::lookup_special(vm, mgr, exit);
    if exit_m.is_null() {
        let what = if is_async {
            "__aexit__ method"
        } else {
            "__exit__ method"
        };
        return Err(vm.type_error(format!(
            "'{t}' object does not support the context manager protocol (missed {what})"
        )));
    }
    let bound_exit = bind_any(vm, exit_m, mgr);
    let r = call_unbound(vm, enter_m, mgr, &[mgr])?;
    let r = if is_async {
        super::generator::get_awaitable(vm, r)?
    } else {
        r
    };
    Ok((bound_exit, r))
}

fn bind_any(vm: &mut Vm, m: Value, obj: Value) -> Value {
    match object::kind_of(m) {
        Some(Kind::Function) => ops::attr::bind(vm, m, obj),
        Some(Kind::Builtin) => ops::attr::bind_native(vm, m, obj),
        _ => m,
    }
}

/// Interactive mode: prints the repr of a non-None value and sets `builtins._`.
pub fn print_expr(vm: &mut Vm, v: Value) -> PyResult<()> {
    if v == vm.none {
        return Ok(());
    }
    let r = ops::convert::repr_string(vm, v)?;
    crate::builtins::write_stdout(vm, &format!("{r}\n"))?;
    let k = vm.intern("_");
    dict::set_str_key(vm.builtins(), k, v);
    Ok(())
}

/// `match` mapping check.
pub fn is_mapping(vm: &mut Vm, v: Value) -> bool {
    if dict::as_dict(v).is_some() {
        return true;
    }
    let c = class_of(vm, v);
    if class_obj(c).flags & crate::types::class::flags::BUILTIN != 0 {
        return false;
    }
    let (k, g) = (vm.names.keys, vm.names.__getitem__);
    !lookup(vm, c, k).is_null()
        && !lookup(vm, c, g).is_null()
        && object::kind_of(v) != Some(Kind::Str)
}

/// `match` sequence check.
pub fn is_sequence(vm: &mut Vm, v: Value) -> bool {
    match object::kind_of(v) {
        Some(Kind::List) | Some(Kind::Tuple) | Some(Kind::Range) => true,
        Some(Kind::Str) | Some(Kind::Bytes) | Some(Kind::ByteArray) | Some(Kind::Dict) => false,
        Some(Kind::Instance) => {
            let native = object::downcast::<object::InstanceObj>(v)
                .map(|i| i.native)
                .unwrap_or(Value::NULL);
            if !native.is_null() {
                return matches!(
                    object::kind_of(native),
                    Some(Kind::List) | Some(Kind::Tuple)
                );
            }
            if is_mapping(vm, v) {
                return false;
            }
            let (g, l) = (vm.names.__getitem__, vm.names.__len__);
            let c = class_of(vm, v);
            !lookup(vm, c, g).is_null() && !lookup(vm, c, l).is_null()
        }
        _ => false,
    }
}

/// `MATCH_KEYS`.
pub fn match_keys(vm: &mut Vm, subject: Value, keys: Value) -> PyResult<Value> {
    let ks = tuple::items(keys).to_vec();
    let mut vals = Vec::with_capacity(ks.len());
    for k in ks {
        let found = if dict::as_dict(subject).is_some() {
            dict::get(vm, subject, k)?
        } else {
            let get = ops::attr::getattr_str(vm, subject, "get")?;
            let sentinel = vm.not_implemented;
            let r = ops::call::call(vm, get, &[k, sentinel])?;
            if r == sentinel {
                None
            } else {
                Some(r)
            }
        };
        match found {
            Some(v) => vals.push(v),
            None => return Ok(vm.none),
        }
    }
    Ok(tuple::new_tuple(vm, &vals))
}

/// `MATCH_CLASS`.
pub fn match_class(
    vm: &mut Vm,
    subject: Value,
    cls: Value,
    npos: usize,
    kwnames: Value,
) -> PyResult<Value> {
    if !object::is::<ClassObj>(cls) {
        return Err(vm.type_error("called match pattern must be a class"));
    }
    let sc = class_of(vm, subject);
    if !is_subclass(sc, cls) {
        return Ok(vm.none);
    }
    let mut attrs = Vec::new();
    if npos > 0 {
        let ma = vm.names.__match_args__;
        let match_args = ops::attr::getattr_opt(vm, cls, ma)?;
        let self_match = [
            vm.cls.bool_,
            vm.cls.bytearray,
            vm.cls.bytes,
            vm.cls.dict,
            vm.cls.float,
            vm.cls.frozenset,
            vm.cls.int,
            vm.cls.list,
            vm.cls.set,
            vm.cls.str,
            vm.cls.tuple,
        ]
        .iter()
        .any(|&c| is_subclass(cls, c));
        match match_args {
            None if self_match => {
                if npos > 1 {
                    let n = crate::types::class::class_name(cls).to_string();
                    return Err(vm.type_error(format!(
                        "{n}() accepts 1 positional sub-pattern ({npos} given)"
                    )));
                }
                attrs.push(subject);
            }
            None => {
                let n = crate::types::class::class_name(cls).to_string();
                return Err(vm.type_error(format!(
                    "{n}() accepts 0 positional sub-patterns ({npos} given)"
                )));
            }
            Some(ma) => {
                if !super::is_tuple(ma) {
                    let t = type_name(vm, ma).to_string();
                    return Err(vm.type_error(format!("__match_args__ must be a tuple (got {t})")));
                }
                let names = tuple::items(ma).to_vec();
                if npos > names.len() {
                    let n = crate::types::class::class_name(cls).to_string();
                    return Err(vm.type_error(format!(
                        "{n}() accepts {} positional sub-pattern{} ({npos} given)",
                        names.len(),
                        if names.len() == 1 { "" } else { "s" }
                    )));
                }
                for &name in &names[..npos] {
                    match ops::attr::getattr_opt(vm, subject, name)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(vm.none),
                    }
                }
            }
        }
    }
    for &name in tuple::items(kwnames).to_vec().iter() {
        match ops::attr::getattr_opt(vm, subject, name)? {
            Some(v) => attrs.push(v),
            None => return Ok(vm.none),
        }
    }
    Ok(tuple::new_tuple(vm, &attrs))
}

/// `**rest` in mapping patterns.
pub fn copy_dict_without_keys(vm: &mut Vm, subject: Value, keys: Value) -> PyResult<Value> {
    let d = dict::new_dict(vm);
    let pairs: Vec<(Value, Value)> = if dict::as_dict(subject).is_some() {
        dict::items(subject)
    } else {
        let ks = ops::call::call_method(vm, subject, "keys", &[])?;
        let ks = ops::iter::collect(vm, ks)?;
        let mut p = Vec::new();
        for k in ks {
            let v = ops::subscript::getitem(vm, subject, k)?;
            p.push((k, v));
        }
        p
    };
    for (k, v) in pairs {
        dict::set(vm, d, k, v)?;
    }
    for &k in tuple::items(keys).to_vec().iter() {
        dict::del(vm, d, k)?;
    }
    Ok(d)
}

/// Whether `v` is an exception instance whose class derives from `cls`.
pub fn is_instance_of_exc(vm: &Vm, v: Value, cls: Value) -> bool {
    is_exception_instance(vm, v) && is_subclass(class_of(vm, v), cls)
}
