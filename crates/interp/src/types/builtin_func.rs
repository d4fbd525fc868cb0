//! The kinds of native functions, as CPython shows them: `builtin_function_or_method`
//! (module functions and native methods bound to a receiver), `method_descriptor` and
//! `wrapper_descriptor` (unbound methods of builtin classes; the latter for slot dunders),
//! `method-wrapper` (a bound slot dunder) and `classmethod_descriptor` (an unbound native
//! class method). All but the last share the [`BuiltinObj`] layout and differ only by class;
//! a `classmethod_descriptor` is the `classmethod` layout around a native function.

use crate::object::{self, BuiltinObj, ClassObj, MethodWrapperObj, ModuleObj};
use crate::types::class::{class_name, class_of, is_subclass, type_name};
use crate::types::str::{as_str, new_str};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// Whether the native function `d`, found in a class namespace, binds to the instance on
/// access: an unbound method of a builtin class. Module functions and already-bound
/// methods stored in a class are returned as they are, as in CPython.
#[inline]
pub fn binds_on_access(d: Value) -> bool {
    object::downcast::<BuiltinObj>(d)
        .is_some_and(|b| b.receiver.is_null() && object::is::<ClassObj>(b.owner))
}

/// The native function in argument 0 of the method `name` of class `what`, or `TypeError`.
fn native<'a>(
    vm: &mut Vm,
    args: &Args<'_>,
    name: &str,
    what: &str,
) -> PyResult<&'a mut BuiltinObj> {
    let v = args.pos.first().copied().unwrap_or(Value::NULL);
    match object::downcast::<BuiltinObj>(v) {
        Some(b) => Ok(b),
        None => {
            let t = if v.is_null() {
                "NoneType".to_string()
            } else {
                type_name(vm, v).to_string()
            };
            Err(vm.type_error(format!(
                "descriptor '{name}' requires a '{what}' object but received a '{t}'"
            )))
        }
    }
}

/// The name of the class (or type of the object) a native function belongs to, from its
/// owner or, failing that, its qualified name.
fn owner_name(b: &BuiltinObj) -> String {
    if object::is::<ClassObj>(b.owner) {
        return class_name(b.owner).to_string();
    }
    let q = as_str(b.qualname).unwrap_or("?");
    q.rsplit_once('.').map_or(q, |(o, _)| o).to_string()
}

fn name_of(b: &BuiltinObj) -> String {
    as_str(b.name).unwrap_or("?").to_string()
}

/// `repr` of every [`BuiltinObj`] kind.
fn builtin_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = native(vm, &args, "__repr__", "builtin_function_or_method")?;
    let (n, recv, owner) = (name_of(b), b.receiver, b.owner);
    let kind = class_of(vm, args.pos[0]);
    let s = if kind == vm.cls.method_descriptor {
        format!("<method '{n}' of '{}' objects>", owner_name(b))
    } else if kind == vm.cls.wrapper_descriptor {
        format!("<slot wrapper '{n}' of '{}' objects>", owner_name(b))
    } else {
        let target = if recv.is_null() && object::is::<ClassObj>(owner) {
            owner
        } else {
            recv
        };
        if target.is_null() {
            format!("<built-in function {n}>")
        } else if object::is::<ModuleObj>(target) {
            format!("<built-in function {n}>")
        } else {
            let t = type_name(vm, target).to_string();
            let id = crate::types::identity::id_of(vm, target);
            let what = if kind == vm.cls.method_wrapper {
                "method-wrapper"
            } else {
                "built-in method"
            };
            let n = if kind == vm.cls.method_wrapper {
                format!("'{n}'")
            } else {
                n
            };
            format!("<{what} {n} of {t} object at {id:#x}>")
        }
    };
    Ok(new_str(vm, &s))
}

fn builtin_name(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(native(vm, &args, "__name__", "builtin_function_or_method")?.name)
}

fn builtin_qualname(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(native(vm, &args, "__qualname__", "builtin_function_or_method")?.qualname)
}

/// `__self__`: the receiver, the module of a module function, the class of a native
/// `__new__`, else None.
fn builtin_self(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = native(vm, &args, "__self__", "builtin_function_or_method")?;
    if !b.receiver.is_null() {
        return Ok(b.receiver);
    }
    let owner = b.owner;
    let is_new = as_str(b.name) == Some("__new__");
    if object::is::<ModuleObj>(owner) || (is_new && object::is::<ClassObj>(owner)) {
        return Ok(owner);
    }
    Ok(vm.none)
}

/// `__module__` of a builtin function: its module's name, None for methods.
fn builtin_module(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = native(vm, &args, "__module__", "builtin_function_or_method")?;
    match object::downcast::<ModuleObj>(b.owner) {
        Some(m) if b.receiver.is_null() => Ok(m.name),
        _ => Ok(vm.none),
    }
}

fn builtin_objclass(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = native(vm, &args, "__objclass__", "method_descriptor")?;
    let owner = b.owner;
    if object::is::<ClassObj>(owner) {
        return Ok(owner);
    }
    let n = name_of(b);
    Err(vm.attribute_error(format!("'{n}' has no class")))
}

/// `TypeError` unless `obj` is an instance of the class `owner` of the method `n`.
fn check_applies(vm: &mut Vm, owner: Value, n: &str, obj: Value) -> PyResult<()> {
    if !object::is::<ClassObj>(owner) || is_subclass(class_of(vm, obj), owner) {
        return Ok(());
    }
    let (o, t) = (
        class_name(owner).to_string(),
        type_name(vm, obj).to_string(),
    );
    Err(vm.type_error(format!(
        "descriptor '{n}' for '{o}' objects doesn't apply to a '{t}' object"
    )))
}

/// `descr.__get__(obj, type=None)` of method and wrapper descriptors.
fn descr_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__get__", 2, 3)?;
    let d = args.pos[0];
    let b = native(vm, &args, "__get__", "method_descriptor")?;
    let (owner, n) = (b.owner, name_of(b));
    let obj = args.pos[1];
    if obj == vm.none {
        if args.pos.len() < 3 || args.pos[2] == vm.none {
            return Err(vm.type_error("__get__(None, None) is invalid"));
        }
        return Ok(d);
    }
    check_applies(vm, owner, &n, obj)?;
    Ok(crate::ops::attr::bind_native(vm, d, obj))
}

/// The receiver and function pointer that identify a bound native method for `==`/`hash`.
fn identity(v: Value) -> Option<(Value, usize, Value)> {
    object::downcast::<BuiltinObj>(v).map(|b| (b.receiver, b.func as usize, b.name))
}

fn bound_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__eq__", 2, 2)?;
    match (identity(args.pos[0]), identity(args.pos[1])) {
        (Some(a), Some(b)) => Ok(vm.bool(a == b)),
        _ => Ok(vm.not_implemented),
    }
}

fn bound_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__ne__", 2, 2)?;
    match (identity(args.pos[0]), identity(args.pos[1])) {
        (Some(a), Some(b)) => Ok(vm.bool(a != b)),
        _ => Ok(vm.not_implemented),
    }
}

fn bound_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = native(vm, &args, "__hash__", "builtin_function_or_method")?;
    let (recv, func) = (b.receiver, b.func as usize as i64);
    let r = if recv.is_null() {
        crate::ops::hash::identity_hash(vm, args.pos[0])
    } else {
        crate::ops::hash::identity_hash(vm, recv)
    };
    let h = r ^ (func >> 4);
    Ok(crate::types::int::new_i64(vm, if h == -1 { -2 } else { h }))
}

/// The native function inside a `classmethod_descriptor` in argument 0.
fn class_native(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    let v = args.pos.first().copied().unwrap_or(Value::NULL);
    let f = object::downcast::<MethodWrapperObj>(v).map(|w| w.func);
    match f.filter(|&f| object::is::<BuiltinObj>(f)) {
        Some(f) => Ok(f),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' requires a 'classmethod_descriptor' object"
        ))),
    }
}

fn cm_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = class_native(vm, &args, "__repr__")?;
    let b = object::downcast::<BuiltinObj>(f).expect("checked by class_native");
    let s = format!("<method '{}' of '{}' objects>", name_of(b), owner_name(b));
    Ok(new_str(vm, &s))
}

fn cm_name(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = class_native(vm, &args, "__name__")?;
    Ok(object::downcast::<BuiltinObj>(f).map_or(vm.none, |b| b.name))
}

fn cm_qualname(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = class_native(vm, &args, "__qualname__")?;
    Ok(object::downcast::<BuiltinObj>(f).map_or(vm.none, |b| b.qualname))
}

fn cm_objclass(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = class_native(vm, &args, "__objclass__")?;
    Ok(object::downcast::<BuiltinObj>(f).map_or(vm.none, |b| b.owner))
}

/// `classmethod_descriptor.__get__(obj, type=None)`: the function bound to the class.
fn cm_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__get__", 2, 3)?;
    let f = class_native(vm, &args, "__get__")?;
    let b = object::downcast::<BuiltinObj>(f).expect("checked by class_native");
    let (owner, n) = (b.owner, name_of(b));
    let cls = match args.pos.get(2) {
        Some(&t) if t != vm.none => t,
        _ if args.pos[1] != vm.none => class_of(vm, args.pos[1]),
        _ => {
            let o = class_name(owner).to_string();
            return Err(vm.type_error(format!(
                "descriptor '{n}' for type '{o}' needs either an object or a type"
            )));
        }
    };
    class_applies(vm, owner, &n, cls, 1)?;
    Ok(crate::ops::attr::bind_native(vm, f, cls))
}

/// `TypeError` unless `cls` is `owner` or a subclass (`arg` numbers it in the message).
fn class_applies(vm: &mut Vm, owner: Value, n: &str, cls: Value, arg: usize) -> PyResult<()> {
    let o = class_name(owner).to_string();
    if !object::is::<ClassObj>(cls) {
        let t = type_name(vm, cls).to_string();
        return Err(vm.type_error(format!(
            "descriptor '{n}' for type '{o}' needs a type, not a '{t}' as arg {arg}"
        )));
    }
    if !is_subclass(cls, owner) {
        let c = class_name(cls).to_string();
        return Err(vm.type_error(format!(
            "descriptor '{n}' requires a subtype of '{o}' but received '{c}'"
        )));
    }
    Ok(())
}

/// Calling a `classmethod_descriptor` directly: `dict.__dict__['fromkeys'](dict, ...)`.
fn cm_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = class_native(vm, &args, "__call__")?;
    let b = object::downcast::<BuiltinObj>(f).expect("checked by class_native");
    let (owner, n) = (b.owner, name_of(b));
    let Some(&cls) = args.pos.get(1) else {
        let o = class_name(owner).to_string();
        return Err(vm.type_error(format!(
            "descriptor '{n}' of '{o}' object needs an argument"
        )));
    };
    class_applies(vm, owner, &n, cls, 2)?;
    crate::ops::call::call_args(
        vm,
        f,
        Args {
            pos: &args.pos[1..],
            kw: args.kw,
            kwnames: args.kwnames,
        },
    )
}

/// Registers the methods of the native function kinds.
pub(crate) fn init(vm: &mut Vm) {
    let (bf, md, wd, mw) = (
        vm.cls.builtin_function,
        vm.cls.method_descriptor,
        vm.cls.wrapper_descriptor,
        vm.cls.method_wrapper,
    );
    for c in [bf, md, wd, mw] {
        vm.add_methods(
            c,
            &[
                ("__repr__", builtin_repr),
                ("__call__", super::function::call_self),
            ],
        );
        vm.add_getset(c, "__name__", builtin_name, None);
        vm.add_getset(c, "__qualname__", builtin_qualname, None);
    }
    for c in [bf, mw] {
        vm.add_getset(c, "__self__", builtin_self, None);
        vm.add_methods(
            c,
            &[
                ("__eq__", bound_eq),
                ("__ne__", bound_ne),
                ("__hash__", bound_hash),
            ],
        );
    }
    vm.add_getset(bf, "__module__", builtin_module, None);
    for c in [md, wd, mw] {
        vm.add_getset(c, "__objclass__", builtin_objclass, None);
    }
    for c in [md, wd] {
        vm.add_methods(c, &[("__get__", descr_get)]);
    }
    let cm = vm.cls.classmethod_descriptor;
    vm.add_methods(
        cm,
        &[
            ("__repr__", cm_repr),
            ("__get__", cm_get),
            ("__call__", cm_call),
        ],
    );
    vm.add_getset(cm, "__name__", cm_name, None);
    vm.add_getset(cm, "__qualname__", cm_qualname, None);
    vm.add_getset(cm, "__objclass__", cm_objclass, None);
}
