//! Functions, bound methods, `property`, `staticmethod`, `classmethod`, `super` and cells.

use crate::object::{
    self, ClassObj, FunctionObj, MethodObj, MethodWrapperObj, PropertyObj, SuperObj,
};
use crate::ops;
use crate::types::class::{class_of, is_subclass, type_name};
use crate::types::str::new_str;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// Positional argument `i` of a call of `name`, or `TypeError` when missing.
fn nth(vm: &mut Vm, args: &Args<'_>, i: usize, name: &str) -> PyResult<Value> {
    match args.pos.get(i) {
        Some(&v) => Ok(v),
        None => Err(vm.type_error(format!(
            "{name}() expected at least {} arguments, got {}",
            i + 1,
            args.pos.len()
        ))),
    }
}

/// The object of layout `T` in positional argument 0 of `name`, or `TypeError`.
fn receiver<'a, T: object::HeapObj>(
    vm: &mut Vm,
    args: &Args<'_>,
    name: &str,
    what: &str,
) -> PyResult<&'a mut T> {
    let v = nth(vm, args, 0, name)?;
    match object::downcast::<T>(v) {
        Some(o) => Ok(o),
        None => {
            let t = type_name(vm, v).to_string();
            Err(vm.type_error(format!(
                "descriptor '{name}' requires a '{what}' object but received a '{t}'"
            )))
        }
    }
}

fn func<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a mut FunctionObj> {
    match object::downcast::<FunctionObj>(v) {
        Some(f) => Ok(f),
        None => Err(vm.type_error("expected a function")),
    }
}

/// What a function attribute may be set to (CPython's checks and messages).
#[derive(Clone, Copy)]
enum Accepts {
    Anything,
    Str,
    TupleOrNone,
    DictOrNone,
}

fn check_value(vm: &mut Vm, name: &str, accepts: Accepts, v: Value) -> PyResult<()> {
    let none = v == vm.none;
    let (ok, what) = match accepts {
        Accepts::Anything => (true, ""),
        Accepts::Str => (crate::types::str::as_str(v).is_some(), "a string"),
        Accepts::TupleOrNone => (
            none || crate::types::tuple::as_tuple(v).is_some(),
            "a tuple",
        ),
        Accepts::DictOrNone => (none || crate::types::dict::as_dict(v).is_some(), "a dict"),
    };
    if ok {
        return Ok(());
    }
    Err(vm.type_error(format!("{name} must be set to {what} object")))
}

macro_rules! func_field {
    ($get:ident, $set:ident, $field:ident, $name:literal, $accepts:expr) => {
        fn $get(vm: &mut Vm, args: Args<'_>) -> PyResult {
            let v = func(vm, args.pos[0])?.$field;
            Ok(if v.is_null() { vm.none } else { v })
        }
        fn $set(vm: &mut Vm, args: Args<'_>) -> PyResult {
            check_value(vm, $name, $accepts, args.pos[1])?;
            let v = if args.pos[1] == vm.none {
                Value::NULL
            } else {
                args.pos[1]
            };
            func(vm, args.pos[0])?.$field = v;
            Ok(vm.none)
        }
    };
}
func_field!(f_name, f_set_name, name, "__name__", Accepts::Str);
func_field!(
    f_qualname,
    f_set_qualname,
    qualname,
    "__qualname__",
    Accepts::Str
);
func_field!(f_doc, f_set_doc, doc, "__doc__", Accepts::Anything);
func_field!(
    f_module,
    f_set_module,
    module,
    "__module__",
    Accepts::Anything
);
func_field!(
    f_defaults,
    f_set_defaults,
    defaults,
    "__defaults__",
    Accepts::TupleOrNone
);
func_field!(
    f_kwdefaults,
    f_set_kwdefaults,
    kwdefaults,
    "__kwdefaults__",
    Accepts::DictOrNone
);

fn f_code(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(func(vm, args.pos[0])?.code)
}

fn f_set_code(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let code = args.pos[1];
    if !object::is::<object::CodeObj>(code) {
        return Err(vm.type_error("__code__ must be set to a code object"));
    }
    let f = func(vm, args.pos[0])?;
    let nfree = crate::eval::code::code_of(code).freevars.len();
    let nclosure = if f.closure.is_null() {
        0
    } else {
        crate::types::tuple::items(f.closure).len()
    };
    if nfree != nclosure {
        let name = crate::types::str::as_str(f.name).unwrap_or("?").to_string();
        return Err(vm.value_error(format!(
            "{name}() requires a code object with {nclosure} free vars, not {nfree}"
        )));
    }
    f.code = code;
    Ok(vm.none)
}

fn f_globals(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(func(vm, args.pos[0])?.globals)
}

fn f_closure(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = func(vm, args.pos[0])?.closure;
    Ok(if c.is_null() { vm.none } else { c })
}

fn f_annotations(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = func(vm, args.pos[0])?;
    if f.annotations.is_null() {
        let d = crate::types::dict::new_dict(vm);
        func(vm, args.pos[0])?.annotations = d;
    }
    Ok(func(vm, args.pos[0])?.annotations)
}

fn f_set_annotations(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = args.pos[1];
    let v = if v == vm.none {
        Value::NULL
    } else if crate::types::dict::as_dict(v).is_some() {
        v
    } else {
        return Err(vm.type_error("__annotations__ must be set to a dict object"));
    };
    func(vm, args.pos[0])?.annotations = v;
    Ok(vm.none)
}

fn f_dict(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if func(vm, args.pos[0])?.dict.is_null() {
        let d = crate::types::dict::new_dict(vm);
        func(vm, args.pos[0])?.dict = d;
    }
    Ok(func(vm, args.pos[0])?.dict)
}

fn f_set_dict(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = args.pos[1];
    if crate::types::dict::as_dict(v).is_none() {
        let t = type_name(vm, v).to_string();
        return Err(vm.type_error(format!("__dict__ must be set to a dictionary, not a '{t}'")));
    }
    func(vm, args.pos[0])?.dict = v;
    Ok(vm.none)
}

fn f_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = nth(vm, &args, 0, "__repr__")?;
    let q = crate::types::str::as_str(func(vm, f)?.qualname)
        .unwrap_or("?")
        .to_string();
    let id = crate::types::identity::id_of(vm, f);
    Ok(new_str(vm, &format!("<function {q} at {id:#x}>")))
}

fn f_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = nth(vm, &args, 0, "__get__")?;
    let obj = args.pos.get(1).copied().unwrap_or(vm.none);
    if obj == vm.none {
        return Ok(f);
    }
    Ok(ops::attr::bind(vm, f, obj))
}

/// `types.MethodType(func, obj)`: binds any callable to an object.
fn m_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "method", 3, 3)?;
    let (func, obj) = (args.pos[1], args.pos[2]);
    let call = vm.names.__call__;
    let callable = matches!(
        object::kind_of(func),
        Some(
            object::Kind::Function
                | object::Kind::Builtin
                | object::Kind::Method
                | object::Kind::Class
        )
    ) || !ops::lookup_special(vm, func, call).is_null();
    if !callable {
        return Err(vm.type_error("first argument must be callable"));
    }
    if obj == vm.none {
        return Err(vm.type_error("instance must not be None"));
    }
    let cls = vm.cls.method;
    let (v, mo) = vm.alloc_obj::<MethodObj>(cls);
    mo.func = func;
    mo.receiver = obj;
    Ok(v)
}

fn m_func(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(object::downcast::<MethodObj>(args.pos[0])
        .map(|m| m.func)
        .unwrap_or(vm.none))
}

fn m_self(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(object::downcast::<MethodObj>(args.pos[0])
        .map(|m| m.receiver)
        .unwrap_or(vm.none))
}

fn m_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let m = receiver::<MethodObj>(vm, &args, "__repr__", "method")?;
    let (f, r) = (m.func, m.receiver);
    let q = ops::attr::getattr_str(vm, f, "__qualname__")
        .ok()
        .and_then(|q| crate::types::str::as_str(q).map(|s| s.to_string()))
        .unwrap_or_default();
    let rr = ops::convert::repr_string(vm, r)?;
    Ok(new_str(vm, &format!("<bound method {q} of {rr}>")))
}

fn m_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__getattr__", 2, 2)?;
    let f = object::downcast::<MethodObj>(args.pos[0])
        .map(|m| m.func)
        .unwrap_or(vm.none);
    ops::attr::getattr(vm, f, args.pos[1])
}

fn m_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__eq__", 2, 2)?;
    let (a, b) = (
        object::downcast::<MethodObj>(args.pos[0]),
        object::downcast::<MethodObj>(args.pos[1]),
    );
    match (a, b) {
        (Some(a), Some(b)) => Ok(vm.bool(a.func == b.func && a.receiver == b.receiver)),
        _ => Ok(vm.not_implemented),
    }
}

fn prop_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = vm.cls.property;
    let cls = crate::types::list::check_new_cls(vm, &args, "property", base)?;
    let native = vm.cls.property;
    let (p, obj) = vm.alloc_obj::<PropertyObj>(native);
    let none = vm.none;
    obj.fget = none;
    obj.fset = none;
    obj.fdel = none;
    obj.doc = none;
    if cls != native {
        let _ = cls;
    }
    Ok(p)
}

fn prop_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.only_kwargs(vm, "property", &["fget", "fset", "fdel", "doc"])?;
    let p = receiver::<PropertyObj>(vm, &args, "__init__", "property")?;
    let none = vm.none;
    let get = |i: usize, n: &str| args.arg(i, n).unwrap_or(none);
    p.fget = get(1, "fget");
    p.fset = get(2, "fset");
    p.fdel = get(3, "fdel");
    p.doc = get(4, "doc");
    if p.doc == none && p.fget != none {
        let fget = p.fget;
        if let Ok(Some(d)) = ops::attr::getattr_opt(vm, fget, vm.names.__doc__) {
            object::downcast::<PropertyObj>(args.pos[0])
                .expect("a property")
                .doc = d;
        } else {
            vm.exc = Value::NULL;
        }
    }
    Ok(vm.none)
}

fn prop_copy(vm: &mut Vm, src: Value, which: usize, f: Value) -> PyResult {
    let Some(p) = object::downcast::<PropertyObj>(src) else {
        let t = type_name(vm, src).to_string();
        return Err(vm.type_error(format!(
            "descriptor requires a 'property' object but received a '{t}'"
        )));
    };
    let (mut g, mut s, mut d, doc) = (p.fget, p.fset, p.fdel, p.doc);
    match which {
        0 => g = f,
        1 => s = f,
        _ => d = f,
    }
    let cls = class_of(vm, src);
    ops::call::call(vm, cls, &[g, s, d, doc])
}

fn prop_getter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "getter", 2, 2)?;
    prop_copy(vm, args.pos[0], 0, args.pos[1])
}

fn prop_setter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "setter", 2, 2)?;
    prop_copy(vm, args.pos[0], 1, args.pos[1])
}

fn prop_deleter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "deleter", 2, 2)?;
    prop_copy(vm, args.pos[0], 2, args.pos[1])
}

fn prop_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = receiver::<PropertyObj>(vm, &args, "__get__", "property")?;
    let obj = args.pos.get(1).copied().unwrap_or(vm.none);
    if obj == vm.none {
        return Ok(args.pos[0]);
    }
    let fget = p.fget;
    ops::call::call(vm, fget, &[obj])
}

macro_rules! prop_field {
    ($name:ident, $field:ident) => {
        fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult {
            Ok(object::downcast::<PropertyObj>(args.pos[0])
                .map(|p| p.$field)
                .filter(|v| !v.is_null())
                .unwrap_or(vm.none))
        }
    };
}
prop_field!(prop_fget, fget);
prop_field!(prop_fset, fset);
prop_field!(prop_fdel, fdel);
prop_field!(prop_doc, doc);

/// `property.__doc__ = value` (a writable member in CPython).
fn prop_set_doc(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = args.pos.get(1).copied().unwrap_or(vm.none);
    if let Some(p) = object::downcast::<PropertyObj>(args.pos[0]) {
        p.doc = v;
    }
    Ok(vm.none)
}

/// Whether `w`, of the `staticmethod`/`classmethod` layout, binds to the class: a
/// `classmethod` (or subclass) or a native `classmethod_descriptor`.
pub fn is_classmethod(vm: &Vm, w: Value) -> bool {
    let c = class_of(vm, w);
    c == vm.cls.classmethod
        || c == vm.cls.classmethod_descriptor
        || (c != vm.cls.staticmethod && is_subclass(c, vm.cls.classmethod))
}

fn wrapper_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "staticmethod", 2, 2)?;
    let cls = args.pos[0];
    let ok = object::is::<ClassObj>(cls)
        && (is_subclass(cls, vm.cls.staticmethod) || is_subclass(cls, vm.cls.classmethod));
    if !ok {
        let t = type_name(vm, cls).to_string();
        return Err(vm.type_error(format!(
            "staticmethod.__new__(X): X is not a type object ({t})"
        )));
    }
    let (w, obj) = vm.alloc_obj::<MethodWrapperObj>(cls);
    obj.func = args.pos[1];
    Ok(w)
}

fn wrapper_func(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(object::downcast::<MethodWrapperObj>(args.pos[0])
        .map(|w| w.func)
        .unwrap_or(vm.none))
}

fn wrapper_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let w = nth(vm, &args, 0, "__get__")?;
    let f = object::downcast::<MethodWrapperObj>(w)
        .map(|w| w.func)
        .unwrap_or(vm.none);
    if !is_classmethod(vm, w) {
        return Ok(f);
    }
    let owner = match (args.pos.get(2), args.pos.get(1)) {
        (Some(&o), _) if o != vm.none => o,
        (_, Some(&i)) => class_of(vm, i),
        _ => vm.none,
    };
    Ok(ops::attr::bind(vm, f, owner))
}

/// `repr` of `staticmethod`/`classmethod` objects: `<staticmethod(<function f at ...>)>`.
fn wrapper_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let w = nth(vm, &args, 0, "__repr__")?;
    let f = object::downcast::<MethodWrapperObj>(w)
        .map(|w| w.func)
        .unwrap_or(vm.none);
    let kind = if is_classmethod(vm, w) {
        "classmethod"
    } else {
        "staticmethod"
    };
    let r = ops::convert::repr_string(vm, f)?;
    Ok(new_str(vm, &format!("<{kind}({r})>")))
}

fn static_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let w = nth(vm, &args, 0, "__call__")?;
    let f = object::downcast::<MethodWrapperObj>(w)
        .map(|w| w.func)
        .unwrap_or(vm.none);
    ops::call::call_args(
        vm,
        f,
        Args {
            pos: &args.pos[1..],
            kw: args.kw,
            kwnames: args.kwnames,
        },
    )
}

fn super_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (this, obj) = match args.pos.len() {
        1 => zero_arg_super(vm)?,
        3 => (args.pos[1], args.pos[2]),
        2 => {
            if !object::is::<ClassObj>(args.pos[1]) {
                let t = type_name(vm, args.pos[1]).to_string();
                return Err(vm.type_error(format!("super() argument 1 must be a type, not {t}")));
            }
            return Err(vm.not_implemented("unbound super objects"));
        }
        _ => return Err(vm.type_error("super() takes at most 2 arguments")),
    };
    if !object::is::<ClassObj>(this) {
        let t = type_name(vm, this).to_string();
        return Err(vm.type_error(format!("super() argument 1 must be a type, not {t}")));
    }
    let obj_type = if object::is::<ClassObj>(obj) && is_subclass(obj, this) {
        obj
    } else {
        let c = class_of(vm, obj);
        if !is_subclass(c, this) {
            return Err(
                vm.type_error("super(type, obj): obj must be an instance or subtype of type")
            );
        }
        c
    };
    let cls = vm.cls.super_;
    let (s, so) = vm.alloc_obj::<SuperObj>(cls);
    so.this_class = this;
    so.obj = obj;
    so.obj_type = obj_type;
    Ok(s)
}

fn zero_arg_super(vm: &mut Vm) -> PyResult<(Value, Value)> {
    let Some(f) = vm.frames.last() else {
        return Err(vm.runtime_error("super(): no current frame"));
    };
    let code = f.code;
    if code.argcount == 0 && code.flags & pyrs_frontend::bytecode::flags::VARARGS == 0 {
        return Err(vm.runtime_error("super(): no arguments"));
    }
    let mut first = f.values.first().copied().unwrap_or(Value::NULL);
    if let Some(ci) = code.cell2arg.iter().position(|a| *a == Some(0)) {
        let cell = f.values[code.varnames.len() + ci];
        first = object::downcast::<object::CellObj>(cell)
            .map(|c| c.value)
            .unwrap_or(first);
    }
    if first.is_null() {
        return Err(vm.runtime_error("super(): arg[0] deleted"));
    }
    let nl = code.varnames.len() + code.cellvars.len();
    let Some(j) = code.freevars.iter().position(|n| &**n == "__class__") else {
        return Err(vm.runtime_error("super(): __class__ cell not found"));
    };
    let cell = f.values[nl + j];
    let cls = object::downcast::<object::CellObj>(cell)
        .map(|c| c.value)
        .unwrap_or(Value::NULL);
    if cls.is_null() {
        return Err(vm.runtime_error("super(): empty __class__ cell"));
    }
    Ok((cls, first))
}

fn super_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = receiver::<SuperObj>(vm, &args, "__repr__", "super")?;
    let (this, obj_type) = (s.this_class, s.obj_type);
    let t = crate::types::class::class_name(this).to_string();
    let o = crate::types::class::class_name(obj_type).to_string();
    Ok(new_str(
        vm,
        &format!("<super: <class '{t}'>, <{o} object>>"),
    ))
}

/// `<cell at 0x...: int object at 0x...>` or `<cell at 0x...: empty>`.
fn cell_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = receiver::<object::CellObj>(vm, &args, "__repr__", "cell")?;
    let v = c.value;
    let id = crate::types::identity::id_of(vm, args.pos[0]);
    let s = if v.is_null() {
        format!("<cell at {id:#x}: empty>")
    } else {
        let t = type_name(vm, v).to_string();
        let vid = crate::types::identity::id_of(vm, v);
        format!("<cell at {id:#x}: {t} object at {vid:#x}>")
    };
    Ok(new_str(vm, &s))
}

fn cell_contents(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = object::downcast::<object::CellObj>(args.pos[0])
        .map(|c| c.value)
        .unwrap_or(Value::NULL);
    if v.is_null() {
        return Err(vm.value_error("Cell is empty"));
    }
    Ok(v)
}

/// `__call__` of functions, methods and the native function kinds: calls the receiver
/// with the rest.
pub(crate) fn call_self(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some((&f, rest)) = args.pos.split_first() else {
        return Err(vm.type_error("descriptor '__call__' needs an argument"));
    };
    crate::ops::call::call_args(
        vm,
        f,
        Args {
            pos: rest,
            kw: args.kw,
            kwnames: args.kwnames,
        },
    )
}

/// Registers the methods of functions and friends.
pub(crate) fn init(vm: &mut Vm) {
    let f = vm.cls.function;
    vm.add_getset(f, "__name__", f_name, Some(f_set_name));
    vm.add_getset(f, "__qualname__", f_qualname, Some(f_set_qualname));
    vm.add_getset(f, "__doc__", f_doc, Some(f_set_doc));
    vm.add_getset(f, "__module__", f_module, Some(f_set_module));
    vm.add_getset(f, "__defaults__", f_defaults, Some(f_set_defaults));
    vm.add_getset(f, "__kwdefaults__", f_kwdefaults, Some(f_set_kwdefaults));
    vm.add_getset(f, "__code__", f_code, Some(f_set_code));
    vm.add_getset(f, "__globals__", f_globals, None);
    vm.add_getset(f, "__closure__", f_closure, None);
    vm.add_getset(f, "__annotations__", f_annotations, Some(f_set_annotations));
    vm.add_getset(f, "__dict__", f_dict, Some(f_set_dict));
    vm.add_methods(
        f,
        &[
            ("__repr__", f_repr),
            ("__get__", f_get),
            ("__call__", call_self),
        ],
    );
    let m = vm.cls.method;
    vm.add_staticmethod(m, "__new__", m_new);
    vm.add_getset(m, "__func__", m_func, None);
    vm.add_getset(m, "__self__", m_self, None);
    vm.add_methods(
        m,
        &[
            ("__repr__", m_repr),
            ("__getattr__", m_getattr),
            ("__eq__", m_eq),
            ("__call__", call_self),
        ],
    );
    crate::types::class::update_slot_flags(vm, m);
    let p = vm.cls.property;
    vm.add_staticmethod(p, "__new__", prop_new);
    vm.add_methods(
        p,
        &[
            ("__init__", prop_init),
            ("getter", prop_getter),
            ("setter", prop_setter),
            ("deleter", prop_deleter),
            ("__get__", prop_get),
        ],
    );
    vm.add_getset(p, "fget", prop_fget, None);
    vm.add_getset(p, "fset", prop_fset, None);
    vm.add_getset(p, "fdel", prop_fdel, None);
    vm.add_getset(p, "__doc__", prop_doc, Some(prop_set_doc));
    for c in [vm.cls.staticmethod, vm.cls.classmethod] {
        vm.add_staticmethod(c, "__new__", wrapper_new);
        vm.add_methods(c, &[("__get__", wrapper_get), ("__repr__", wrapper_repr)]);
        vm.add_getset(c, "__func__", wrapper_func, None);
    }
    vm.add_methods(vm.cls.staticmethod, &[("__call__", static_call)]);
    let s = vm.cls.super_;
    vm.add_staticmethod(s, "__new__", super_new);
    vm.add_methods(s, &[("__repr__", super_repr)]);
    vm.add_getset(vm.cls.cell, "cell_contents", cell_contents, None);
    vm.add_methods(vm.cls.cell, &[("__repr__", cell_repr)]);
}
