//! Functions, bound methods, `property`, `staticmethod`, `classmethod`, `super` and cells.

use crate::object::{
    self, BuiltinObj, ClassObj, FunctionObj, MethodObj, MethodWrapperObj, PropertyObj, SuperObj,
};
use crate::ops;
use crate::types::class::{class_of, is_subclass, type_name};
use crate::types::str::new_str;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

fn func<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a mut FunctionObj> {
    match object::downcast::<FunctionObj>(v) {
        Some(f) => Ok(f),
        None => Err(vm.type_error("expected a function")),
    }
}

macro_rules! func_field {
    ($get:ident, $set:ident, $field:ident) => {
        fn $get(vm: &mut Vm, args: Args<'_>) -> PyResult {
            let v = func(vm, args.pos[0])?.$field;
            Ok(if v.is_null() { vm.none } else { v })
        }
        fn $set(vm: &mut Vm, args: Args<'_>) -> PyResult {
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
func_field!(f_name, f_set_name, name);
func_field!(f_qualname, f_set_qualname, qualname);
func_field!(f_doc, f_set_doc, doc);
func_field!(f_module, f_set_module, module);
func_field!(f_defaults, f_set_defaults, defaults);
func_field!(f_kwdefaults, f_set_kwdefaults, kwdefaults);

fn f_code(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(func(vm, args.pos[0])?.code)
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

fn f_dict(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if func(vm, args.pos[0])?.dict.is_null() {
        let d = crate::types::dict::new_dict(vm);
        func(vm, args.pos[0])?.dict = d;
    }
    Ok(func(vm, args.pos[0])?.dict)
}

fn f_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let q = crate::types::str::as_str(func(vm, args.pos[0])?.qualname)
        .unwrap_or("?")
        .to_string();
    let id = crate::types::identity::id_of(vm, args.pos[0]);
    Ok(new_str(vm, &format!("<function {q} at {id:#x}>")))
}

fn f_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (f, obj) = (args.pos[0], args.pos.get(1).copied().unwrap_or(vm.none));
    if obj == vm.none {
        return Ok(f);
    }
    Ok(ops::attr::bind(vm, f, obj))
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
    let m = object::downcast::<MethodObj>(args.pos[0]).expect("a method");
    let (f, r) = (m.func, m.receiver);
    let q = ops::attr::getattr_str(vm, f, "__qualname__")
        .ok()
        .and_then(|q| crate::types::str::as_str(q).map(|s| s.to_string()))
        .unwrap_or_default();
    let rr = ops::convert::repr_string(vm, r)?;
    Ok(new_str(vm, &format!("<bound method {q} of {rr}>")))
}

fn m_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = object::downcast::<MethodObj>(args.pos[0])
        .map(|m| m.func)
        .unwrap_or(vm.none);
    ops::attr::getattr(vm, f, args.pos[1])
}

fn m_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (a, b) = (
        object::downcast::<MethodObj>(args.pos[0]),
        object::downcast::<MethodObj>(args.pos[1]),
    );
    match (a, b) {
        (Some(a), Some(b)) => Ok(vm.bool(a.func == b.func && a.receiver == b.receiver)),
        _ => Ok(vm.not_implemented),
    }
}

fn b_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = object::downcast::<BuiltinObj>(args.pos[0]).expect("a builtin");
    let (n, recv) = (
        crate::types::str::as_str(b.name).unwrap_or("?").to_string(),
        b.receiver,
    );
    if recv.is_null() {
        return Ok(new_str(vm, &format!("<built-in function {n}>")));
    }
    let t = type_name(vm, recv).to_string();
    let id = crate::types::identity::id_of(vm, recv);
    Ok(new_str(
        vm,
        &format!("<built-in method {n} of {t} object at {id:#x}>"),
    ))
}

fn b_name(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(object::downcast::<BuiltinObj>(args.pos[0])
        .map(|b| b.name)
        .unwrap_or(vm.none))
}

fn b_qualname(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(object::downcast::<BuiltinObj>(args.pos[0])
        .map(|b| b.qualname)
        .unwrap_or(vm.none))
}

fn b_self(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = object::downcast::<BuiltinObj>(args.pos[0])
        .map(|b| b.receiver)
        .unwrap_or(Value::NULL);
    Ok(if r.is_null() { vm.none } else { r })
}

fn prop_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos[0];
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
    let p = object::downcast::<PropertyObj>(args.pos[0]).expect("a property");
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
    let p = object::downcast::<PropertyObj>(src).expect("a property");
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
    prop_copy(vm, args.pos[0], 0, args.pos[1])
}

fn prop_setter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    prop_copy(vm, args.pos[0], 1, args.pos[1])
}

fn prop_deleter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    prop_copy(vm, args.pos[0], 2, args.pos[1])
}

fn prop_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = object::downcast::<PropertyObj>(args.pos[0]).expect("a property");
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
                .unwrap_or(vm.none))
        }
    };
}
prop_field!(prop_fget, fget);
prop_field!(prop_fset, fset);
prop_field!(prop_fdel, fdel);
prop_field!(prop_doc, doc);

fn wrapper_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "staticmethod", 2, 2)?;
    let cls = args.pos[0];
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
    let w = args.pos[0];
    let f = object::downcast::<MethodWrapperObj>(w)
        .map(|w| w.func)
        .unwrap_or(vm.none);
    if class_of(vm, w) == vm.cls.staticmethod {
        return Ok(f);
    }
    let owner = match (args.pos.get(2), args.pos.get(1)) {
        (Some(&o), _) if o != vm.none => o,
        (_, Some(&i)) => class_of(vm, i),
        _ => vm.none,
    };
    Ok(ops::attr::bind(vm, f, owner))
}

fn static_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = object::downcast::<MethodWrapperObj>(args.pos[0])
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
        2 => return Err(vm.not_implemented("unbound super objects")),
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
    let s = object::downcast::<SuperObj>(args.pos[0]).expect("a super");
    let (this, obj_type) = (s.this_class, s.obj_type);
    let t = crate::types::class::class_name(this).to_string();
    let o = crate::types::class::class_name(obj_type).to_string();
    Ok(new_str(
        vm,
        &format!("<super: <class '{t}'>, <{o} object>>"),
    ))
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

/// Registers the methods of functions and friends.
pub(crate) fn init(vm: &mut Vm) {
    let f = vm.cls.function;
    vm.add_getset(f, "__name__", f_name, Some(f_set_name));
    vm.add_getset(f, "__qualname__", f_qualname, Some(f_set_qualname));
    vm.add_getset(f, "__doc__", f_doc, Some(f_set_doc));
    vm.add_getset(f, "__module__", f_module, Some(f_set_module));
    vm.add_getset(f, "__defaults__", f_defaults, Some(f_set_defaults));
    vm.add_getset(f, "__kwdefaults__", f_kwdefaults, Some(f_set_kwdefaults));
    vm.add_getset(f, "__code__", f_code, None);
    vm.add_getset(f, "__globals__", f_globals, None);
    vm.add_getset(f, "__closure__", f_closure, None);
    vm.add_getset(f, "__annotations__", f_annotations, None);
    vm.add_getset(f, "__dict__", f_dict, None);
    vm.add_methods(f, &[("__repr__", f_repr), ("__get__", f_get)]);
    let m = vm.cls.method;
    vm.add_getset(m, "__func__", m_func, None);
    vm.add_getset(m, "__self__", m_self, None);
    vm.add_methods(
        m,
        &[
            ("__repr__", m_repr),
            ("__getattr__", m_getattr),
            ("__eq__", m_eq),
        ],
    );
    crate::types::class::update_slot_flags(vm, m);
    let b = vm.cls.builtin_function;
    vm.add_methods(b, &[("__repr__", b_repr)]);
    vm.add_getset(b, "__name__", b_name, None);
    vm.add_getset(b, "__qualname__", b_qualname, None);
    vm.add_getset(b, "__self__", b_self, None);
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
    vm.add_getset(p, "__doc__", prop_doc, None);
    for c in [vm.cls.staticmethod, vm.cls.classmethod] {
        vm.add_staticmethod(c, "__new__", wrapper_new);
        vm.add_methods(c, &[("__get__", wrapper_get)]);
        vm.add_getset(c, "__func__", wrapper_func, None);
    }
    vm.add_methods(vm.cls.staticmethod, &[("__call__", static_call)]);
    let s = vm.cls.super_;
    vm.add_staticmethod(s, "__new__", super_new);
    vm.add_methods(s, &[("__repr__", super_repr)]);
    vm.add_getset(vm.cls.cell, "cell_contents", cell_contents, None);
}
