//! `object` and `type`: the root methods every object has, class calls (instance creation),
//! and the attributes of classes.

use crate::object::{self, ClassObj, InstanceObj, Kind};
use crate::ops;
use crate::types::class::{self, class_name, class_obj, class_of, is_subclass, lookup};
use crate::types::{dict, str::new_str, tuple};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// Calls class `cls`: `type(x)`, or `cls.__new__(cls, ...)` then `__init__`.
pub fn call_class(vm: &mut Vm, cls: Value, args: Args<'_>) -> PyResult<Value> {
    if cls == vm.cls.type_ && args.pos.len() == 1 && args.kw.is_empty() {
        return Ok(class_of(vm, args.pos[0]));
    }
    let meta = class_of(vm, cls);
    if meta != vm.cls.type_ {
        let call = vm.names.__call__;
        let m = lookup(vm, meta, call);
        let type_call =
            dict::get_str_key(class_obj(vm.cls.type_).dict, call).unwrap_or(Value::NULL);
        if !m.is_null() && m != type_call {
            let mut pos = vec![cls];
            pos.extend_from_slice(args.pos);
            return ops::call::call_unbound_args(
                vm,
                m,
                cls,
                Args {
                    pos: &pos,
                    kw: args.kw,
                    kwnames: args.kwnames,
                },
            );
        }
    }
    if cls == vm.cls.set && args.kw.is_empty() && args.pos.len() <= 1 {
        // Exactly what `set.__new__` then `set.__init__` do; builtin classes are immutable.
        let s = crate::types::set::new_set_of_class(vm, cls);
        if let Some(&it) = args.pos.first() {
            crate::types::set::update_internal(vm, s, it)?;
        }
        return Ok(s);
    }
    type_call_impl(vm, cls, args)
}

/// Most arguments of a class call passed on without a heap allocation.
const INLINE_ARGS: usize = 8;

fn type_call_impl(vm: &mut Vm, cls: Value, args: Args<'_>) -> PyResult<Value> {
    let new_name = vm.names.__new__;
    let new = lookup(vm, cls, new_name);
    let n = args.pos.len() + 1;
    let mut small = [Value::NULL; INLINE_ARGS];
    let mut big = Vec::new();
    let pos: &mut [Value] = if n <= INLINE_ARGS {
        &mut small[..n]
    } else {
        big.resize(n, Value::NULL);
        &mut big
    };
    pos[0] = cls;
    pos[1..].copy_from_slice(args.pos);
    let new_fn = object::downcast::<object::MethodWrapperObj>(new)
        .map(|w| w.func)
        .unwrap_or(new);
    let obj = ops::call::call_args(
        vm,
        new_fn,
        Args {
            pos: &*pos,
            kw: args.kw,
            kwnames: args.kwnames,
        },
    )?;
    if !is_subclass(class_of(vm, obj), cls) {
        return Ok(obj);
    }
    let init_name = vm.names.__init__;
    let obj_cls = class_of(vm, obj);
    let init = lookup(vm, obj_cls, init_name);
    // `object.__init__` does nothing (and accepts any arguments) when the class overrides
    // `__new__` but not `__init__`: the usual case of builtin classes (`range(n)`).
    let object_cls = vm.cls.object;
    if init == lookup(vm, object_cls, init_name)
        && lookup(vm, obj_cls, new_name) != lookup(vm, object_cls, new_name)
    {
        return Ok(obj);
    }
    if !init.is_null() {
        pos[0] = obj;
        let r = ops::call::call_unbound_args(
            vm,
            init,
            obj,
            Args {
                pos: &*pos,
                kw: args.kw,
                kwnames: args.kwnames,
            },
        )?;
        if r != vm.none {
            let t = class::type_name(vm, r).to_string();
            return Err(vm.type_error(format!("__init__() should return None, not '{t}'")));
        }
    }
    Ok(obj)
}

fn excess_args(vm: &mut Vm, cls: Value, args: &Args<'_>, which: &str) -> PyResult<bool> {
    if args.pos.len() <= 1 && args.kw.is_empty() {
        return Ok(false);
    }
    let (init, new) = (vm.names.__init__, vm.names.__new__);
    let obj_init = dict::get_str_key(class_obj(vm.cls.object).dict, init).unwrap_or(Value::NULL);
    let obj_new = dict::get_str_key(class_obj(vm.cls.object).dict, new).unwrap_or(Value::NULL);
    let c_init = lookup(vm, cls, init);
    let c_new = lookup(vm, cls, new);
    if which == "new" {
        if c_new != obj_new || c_init == obj_init {
            let n = class_name(cls).to_string();
            return Err(vm.type_error(format!("{n}() takes no arguments")));
        }
    } else if c_init != obj_init || c_new == obj_new {
        let n = class_name(cls).to_string();
        return Err(vm.type_error(format!(
            "{n}.__init__() takes exactly one argument (the instance to initialize)"
        )));
    }
    Ok(true)
}

fn object_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(&cls) = args.pos.first() else {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    };
    if !object::is::<ClassObj>(cls) {
        return Err(vm.type_error("object.__new__(X): X is not a type object"));
    }
    excess_args(vm, cls, &args, "new")?;
    let native_kind = class_obj(cls).native_kind;
    if native_kind == Kind::ExcData {
        return Ok(vm.new_exception(cls, &args.pos[1..]));
    }
    let flags = class_obj(cls).flags;
    if flags & class::flags::ABSTRACT != 0 {
        return Err(abstract_error(vm, cls));
    }
    if flags & class::flags::BUILTIN != 0 && flags & class::flags::BASETYPE == 0 {
        // A builtin class without a constructor of its own (CPython: no `tp_new`).
        let n = class_name(cls).to_string();
        return Err(vm.type_error(format!("cannot create '{n}' instances")));
    }
    if native_kind != Kind::Instance || flags & class::flags::BUILTIN != 0 && cls != vm.cls.object {
        let n = class_name(cls).to_string();
        return Err(vm.type_error(format!(
            "object.__new__({n}) is not safe, use {n}.__new__()"
        )));
    }
    Ok(crate::types::instance::new_instance(vm, cls, Value::NULL))
}

/// "Can't instantiate abstract class X with abstract methods a, b".
fn abstract_error(vm: &mut Vm, cls: Value) -> crate::vm::Raised {
    let key = vm.names.__abstractmethods__;
    let methods = dict::get_str_key(class_obj(cls).dict, key)
        .map(|v| crate::ops::iter::collect(vm, v))
        .transpose();
    let mut names: Vec<String> = match methods {
        Ok(m) => m
            .unwrap_or_default()
            .into_iter()
            .map(|n| crate::types::str::as_str(n).unwrap_or("?").to_string())
            .collect(),
        Err(e) => return e,
    };
    names.sort();
    let n = class_name(cls).to_string();
    let s = if names.len() == 1 { "" } else { "s" };
    vm.type_error(format!(
        "Can't instantiate abstract class {n} with abstract method{s} {}",
        names.join(", ")
    ))
}

fn object_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let obj = receiver(vm, &args, "object", "__init__")?;
    let cls = class_of(vm, obj);
    excess_args(vm, cls, &args, "init")?;
    Ok(vm.none)
}

/// `<module.Class object at 0x...>`.
pub fn default_repr(vm: &mut Vm, obj: Value) -> String {
    let cls = class_of(vm, obj);
    let module = dict::get_str_key(class_obj(cls).dict, vm.names.__module__)
        .and_then(|m| crate::types::str::as_str(m).map(|s| s.to_string()));
    let q = crate::types::str::as_str(class_obj(cls).qualname)
        .unwrap_or("?")
        .to_string();
    let id = crate::types::identity::id_of(vm, obj);
    match module {
        Some(m) if m != "builtins" => format!("<{m}.{q} object at {id:#x}>"),
        _ => format!("<{q} object at {id:#x}>"),
    }
}

/// The receiver of an unbound method call of `owner.name`; `TypeError` when missing.
fn receiver(vm: &mut Vm, args: &Args<'_>, owner: &str, name: &str) -> PyResult<Value> {
    match args.pos.first() {
        Some(&v) => Ok(v),
        None => Err(crate::types::native::bad_receiver(vm, owner, name, None)),
    }
}

/// The class receiver of a method of `type`; `TypeError` when missing or not a class.
fn class_receiver(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    let v = receiver(vm, args, "type", name)?;
    if !object::is::<ClassObj>(v) {
        let t = class::type_name(vm, v).to_string();
        return Err(vm.type_error(format!(
            "descriptor '{name}' for 'type' objects doesn't apply to a '{t}' object"
        )));
    }
    Ok(v)
}

fn object_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let obj = receiver(vm, &args, "object", "__repr__")?;
    let s = default_repr(vm, obj);
    Ok(new_str(vm, &s))
}

fn object_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let obj = receiver(vm, &args, "object", "__str__")?;
    ops::convert::repr(vm, obj)
}

fn object_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__eq__", 2, 2)?;
    Ok(if args.pos[0] == args.pos[1] {
        vm.true_
    } else {
        vm.not_implemented
    })
}

fn object_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__ne__", 2, 2)?;
    let eq = vm.names.__eq__;
    let m = ops::lookup_special(vm, args.pos[0], eq);
    let r = ops::call::call_unbound(vm, m, args.pos[0], &[args.pos[0], args.pos[1]])?;
    if r == vm.not_implemented {
        return Ok(r);
    }
    let t = ops::convert::truthy(vm, r)?;
    Ok(vm.bool(!t))
}

/// `object.__lt__` and friends: ordering is not defined by default.
fn object_order(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__lt__", 2, 2)?;
    Ok(vm.not_implemented)
}

/// `object.__sizeof__`: the bytes the object occupies in the pyrs heap (a small int is
/// one word).
fn object_sizeof(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__sizeof__", 1, 1)?;
    let v = args.pos[0];
    let Some(kind) = object::kind_of(v) else {
        return Ok(Value::from_usize(8));
    };
    let size = match vm.heap.descriptor(pyrs_gc::TypeId(kind as u32)).layout {
        pyrs_gc::Layout::Fixed { size } => size,
        pyrs_gc::Layout::Var {
            base,
            len_offset,
            item_size,
            ..
        } => {
            // SAFETY: `v` is a live object of this layout, whose item count is the u64 at
            // `len_offset`.
            let len = unsafe { *(v.addr().add(len_offset) as *const u64) } as usize;
            base + len * item_size
        }
    };
    Ok(Value::from_usize(size))
}

fn object_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let obj = receiver(vm, &args, "object", "__hash__")?;
    let h = ops::hash::identity_hash(vm, obj);
    Ok(crate::types::int::new_i64(vm, h))
}

fn object_getattribute(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__getattribute__", 2, 2)?;
    let (obj, name) = (args.pos[0], args.pos[1]);
    if crate::types::str::as_str(name).is_none() {
        let t = class::type_name(vm, name).to_string();
        return Err(vm.type_error(format!("attribute name must be string, not '{t}'")));
    }
    let name = vm.intern_value(name);
    let cls = class_of(vm, obj);
    match ops::attr::generic_getattr(vm, obj, cls, name)? {
        Some(v) => Ok(v),
        None => Err(ops::attr::no_attribute(vm, obj, name)),
    }
}

fn object_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__setattr__", 3, 3)?;
    let name = vm.intern_value(args.pos[1]);
    ops::attr::generic_setattr(vm, args.pos[0], name, args.pos[2])?;
    Ok(vm.none)
}

fn object_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__delattr__", 2, 2)?;
    let name = vm.intern_value(args.pos[1]);
    ops::attr::generic_delattr(vm, args.pos[0], name)?;
    Ok(vm.none)
}

fn object_init_subclass(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if !args.kw.is_empty() {
        let n = class_name(args.pos[0]).to_string();
        return Err(vm.type_error(format!(
            "{n}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(vm.none)
}

/// `object.__subclasshook__`: no opinion (the ABC machinery then decides).
fn object_subclasshook(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(vm.not_implemented)
}

fn object_format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__format__", 2, 2)?;
    let spec = crate::types::str::as_str(args.pos[1])
        .unwrap_or("")
        .to_string();
    if !spec.is_empty() {
        let t = class::type_name(vm, args.pos[0]).to_string();
        return Err(vm.type_error(format!(
            "unsupported format string passed to {t}.__format__"
        )));
    }
    ops::convert::to_str(vm, args.pos[0])
}

fn object_class(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(class_of(vm, args.pos[0]))
}

fn object_set_class(vm: &mut Vm, args: Args<'_>) -> PyResult {
    ops::attr::set_class(vm, args.pos[0], args.pos[1])?;
    Ok(vm.none)
}

fn object_dir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let obj = receiver(vm, &args, "object", "__dir__")?;
    // Other objects with a `__dict__` (functions, exceptions...) list its keys first.
    let own_dict = if object::is::<InstanceObj>(obj) || object::is::<ClassObj>(obj) {
        None
    } else {
        let k = vm.intern("__dict__");
        crate::ops::attr::getattr_opt(vm, obj, k)?.filter(|&d| dict::as_dict(d).is_some())
    };
    let mut names: Vec<String> = Vec::new();
    let mut add = |n: Value| {
        if let Some(s) = crate::types::str::as_str(n) {
            if !names.iter().any(|x| x == s) {
                names.push(s.to_string());
            }
        }
    };
    if let Some(d) = own_dict {
        dict::items(d).into_iter().for_each(|(k, _)| add(k));
    }
    if let Some(inst) = object::downcast::<InstanceObj>(obj) {
        match crate::types::instance::attr_dict(inst) {
            Some(d) => dict::items(d).into_iter().for_each(|(k, _)| add(k)),
            None => crate::types::instance::map_of(inst)
                .names()
                .iter()
                .for_each(|&n| add(n)),
        }
    }
    if let Some(m) = object::downcast::<object::ModuleObj>(obj) {
        // A module's dir() is its namespace only.
        dict::items(m.dict).into_iter().for_each(|(k, _)| add(k));
        names.sort();
        let vals: Vec<Value> = names.iter().map(|n| new_str(vm, n)).collect();
        return Ok(crate::types::list::new_list(vm, vals));
    }
    let cls = if object::is::<ClassObj>(obj) {
        obj
    } else {
        class_of(vm, obj)
    };
    let module = vm.names.__module__;
    for &c in class::mro(cls) {
        // Builtin classes keep `__module__` in their namespace, CPython in their name.
        let builtin = class_obj(c).flags & class::flags::BUILTIN != 0;
        dict::items(class_obj(c).dict)
            .into_iter()
            .filter(|&(k, _)| !(builtin && k == module))
            .for_each(|(k, _)| add(k));
    }
    names.sort();
    let vals: Vec<Value> = names.iter().map(|n| new_str(vm, n)).collect();
    Ok(crate::types::list::new_list(vm, vals))
}

fn type_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let meta = class_receiver(vm, &args, "__new__")?;
    match args.pos.len() {
        2 => Ok(class_of(vm, args.pos[1])),
        4 => {
            let (name, bases, ns) = (args.pos[1], args.pos[2], args.pos[3]);
            let checks = [
                (crate::types::str::as_str(name).is_some(), 1, "str", name),
                (
                    crate::types::tuple::as_tuple(bases).is_some(),
                    2,
                    "tuple",
                    bases,
                ),
                (dict::as_dict(ns).is_some(), 3, "dict", ns),
            ];
            if let Some(&(_, i, want, v)) = checks.iter().find(|c| !c.0) {
                let t = crate::types::class::type_name(vm, v);
                return Err(vm.type_error(format!(
                    "type.__new__() argument {i} must be {want}, not {t}"
                )));
            }
            let bs: Vec<Value> = tuple::items(bases).to_vec();
            let winner = winner_metaclass(vm, meta, &bs)?;
            if winner != meta {
                let new_name = vm.names.__new__;
                let new = lookup(vm, winner, new_name);
                let type_new = lookup(vm, vm.cls.type_, new_name);
                if new != type_new {
                    let f = object::downcast::<object::MethodWrapperObj>(new)
                        .map(|w| w.func)
                        .unwrap_or(new);
                    return ops::call::call_args(
                        vm,
                        f,
                        Args {
                            pos: &[winner, name, bases, ns],
                            kw: args.kw,
                            kwnames: args.kwnames,
                        },
                    );
                }
            }
            let cls = class::new_class(vm, winner, name, &bs, ns)?;
            let d = class_obj(cls).dict;
            let qk = vm.names.__qualname__;
            if let Some(q) = dict::get_str_key(d, qk) {
                class_obj(cls).qualname = q;
                dict::del_str_key(d, qk);
            }
            let mk = vm.names.__module__;
            if dict::get_str_key(d, mk).is_none() {
                let g = crate::eval::api::caller_globals(vm);
                if let Some(m) = dict::get_str_key(g, vm.names.__name__) {
                    // CPython stores `__module__` before the `__dict__`/`__weakref__`
                    // descriptors it adds.
                    let keys = [vm.intern("__dict__"), vm.intern("__weakref__")];
                    let added: Vec<(Value, Value)> = keys
                        .iter()
                        .filter_map(|&k| dict::get_str_key(d, k).map(|v| (k, v)))
                        .collect();
                    for &(k, _) in &added {
                        dict::del_str_key(d, k);
                    }
                    dict::set_str_key(d, mk, m);
                    for (k, v) in added {
                        dict::set_str_key(d, k, v);
                    }
                }
            }
            let dk = vm.names.__doc__;
            if dict::get_str_key(d, dk).is_none() {
                let none = vm.none;
                dict::set_str_key(d, dk, none);
            }
            for n in ["__new__", "__init_subclass__", "__class_getitem__"] {
                let k = vm.intern(n);
                if let Some(f) = dict::get_str_key(d, k) {
                    if object::is::<object::FunctionObj>(f) {
                        let wcls = if n == "__new__" {
                            vm.cls.staticmethod
                        } else {
                            vm.cls.classmethod
                        };
                        let (w, wo) = vm.alloc_obj::<object::MethodWrapperObj>(wcls);
                        wo.func = f;
                        dict::set_str_key(d, k, w);
                    }
                }
            }
            class::bump_version(cls);
            class::update_slot_flags(vm, cls);
            crate::eval::build_class_finish(vm, cls, args.kw, args.kwnames)?;
            Ok(cls)
        }
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}

/// The most derived of `meta` and the metaclasses of `bases` (CPython's
/// `_PyType_CalculateMetaclass`); `TypeError` when they are not in one line.
fn winner_metaclass(vm: &mut Vm, meta: Value, bases: &[Value]) -> PyResult<Value> {
    let mut winner = meta;
    for &b in bases {
        let bm = class_of(vm, b);
        if is_subclass(winner, bm) {
            continue;
        }
        if is_subclass(bm, winner) {
            winner = bm;
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

fn type_init(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(vm.none)
}

fn type_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(&cls) = args.pos.first() else {
        return Err(vm.type_error("descriptor '__call__' of 'type' object needs an argument"));
    };
    if !object::is::<ClassObj>(cls) {
        let t = class::type_name(vm, cls).to_string();
        return Err(vm.type_error(format!(
            "descriptor '__call__' requires a 'type' object but received a '{t}'"
        )));
    }
    type_call_impl(
        vm,
        cls,
        Args {
            pos: &args.pos[1..],
            kw: args.kw,
            kwnames: args.kwnames,
        },
    )
}

fn type_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = class_receiver(vm, &args, "__repr__")?;
    let module = dict::get_str_key(class_obj(cls).dict, vm.names.__module__)
        .and_then(|m| crate::types::str::as_str(m).map(|s| s.to_string()));
    let q = crate::types::str::as_str(class_obj(cls).qualname)
        .unwrap_or("?")
        .to_string();
    let s = match module {
        Some(m) if m != "builtins" => format!("<class '{m}.{q}'>"),
        _ => format!("<class '{q}'>"),
    };
    Ok(new_str(vm, &s))
}

fn type_mro(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = class_receiver(vm, &args, "mro")?;
    let items = class::mro(cls).to_vec();
    Ok(crate::types::list::new_list(vm, items))
}

fn type_name_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos[0];
    let name = class_obj(cls).name;
    // Native-module classes are named `module.name` (CPython's `tp_name`).
    match crate::types::str::as_str(name).and_then(|s| s.rsplit_once('.')) {
        Some((_, short)) if class_obj(cls).flags & class::flags::BUILTIN != 0 => {
            Ok(vm.intern(short))
        }
        _ => Ok(name),
    }
}

/// Checks an assignment to attribute `attr` of class `cls` is allowed: `TypeError` for
/// builtin classes and, when `str_only`, for values that are not strs.
fn check_type_set(vm: &mut Vm, cls: Value, attr: &str, v: Value, str_only: bool) -> PyResult<()> {
    let c = class_name(cls).to_string();
    if class_obj(cls).flags & class::flags::BUILTIN != 0 {
        return Err(vm.type_error(format!(
            "cannot set '{attr}' attribute of immutable type '{c}'"
        )));
    }
    if str_only && crate::types::str::as_str(v).is_none() {
        let t = class::type_name(vm, v).to_string();
        return Err(vm.type_error(format!("can only assign string to {c}.{attr}, not '{t}'")));
    }
    Ok(())
}

fn type_name_set(vm: &mut Vm, args: Args<'_>) -> PyResult {
    check_type_set(vm, args.pos[0], "__name__", args.pos[1], true)?;
    let v = vm.intern_value(args.pos[1]);
    class_obj(args.pos[0]).name = v;
    Ok(vm.none)
}

fn type_qualname_get(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(class_obj(args.pos[0]).qualname)
}

fn type_qualname_set(vm: &mut Vm, args: Args<'_>) -> PyResult {
    check_type_set(vm, args.pos[0], "__qualname__", args.pos[1], true)?;
    class_obj(args.pos[0]).qualname = args.pos[1];
    Ok(vm.none)
}

fn type_mro_get(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(class_obj(args.pos[0]).mro)
}

fn type_bases_get(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(class_obj(args.pos[0]).bases)
}

fn type_bases_set(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (cls, v) = (args.pos[0], args.pos[1]);
    let Some(bases) = tuple::as_tuple(v).map(|t| t.items().to_vec()) else {
        let (n, t) = (
            class_name(cls).to_string(),
            class::type_name(vm, v).to_string(),
        );
        return Err(vm.type_error(format!("can only assign tuple to {n}.__bases__, not {t}")));
    };
    class::set_bases(vm, cls, &bases)?;
    Ok(vm.none)
}

fn type_base_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(tuple::items(class_obj(args.pos[0]).bases)
        .first()
        .copied()
        .unwrap_or(vm.none))
}

/// `type.__flags__`: CPython's `tp_flags` bits that Python code tests (heap type, base
/// type, abstract, the fast-subclass bits of `int`, `list`, `tuple`, `bytes`, `str`,
/// `dict`, `BaseException` and `type`).
fn type_flags_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos[0];
    let own = class_obj(cls).flags;
    let mut f: i64 = 1 << 12;
    if own & class::flags::BUILTIN != 0 {
        f |= 1 << 8 | 1 << 19;
    } else {
        f |= 1 << 9 | 1 << 14 | 1 << 4;
    }
    if own & class::flags::BASETYPE != 0 || own & class::flags::BUILTIN == 0 {
        f |= 1 << 10;
    }
    if own & class::flags::ABSTRACT != 0 {
        f |= 1 << 20;
    }
    let c = &vm.cls;
    let subclass_bits = [
        (c.int, 24),
        (c.list, 25),
        (c.tuple, 26),
        (c.bytes, 27),
        (c.str, 28),
        (c.dict, 29),
        (c.base_exception, 30),
        (c.type_, 31),
    ];
    for (base, bit) in subclass_bits {
        if class::is_subclass(cls, base) {
            f |= 1 << bit;
        }
    }
    Ok(crate::types::int::new_i64(vm, f))
}

fn type_dict_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = class_obj(args.pos[0]).dict;
    Ok(crate::types::mappingproxy::new_proxy(vm, d))
}

fn type_doc_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let k = vm.names.__doc__;
    match dict::get_str_key(class_obj(args.pos[0]).dict, k) {
        Some(v) if object::kind_of(v) == Some(Kind::Property) => Ok(vm.none),
        Some(v) => Ok(v),
        None => Ok(vm.none),
    }
}

fn type_doc_set(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos[0];
    check_type_set(vm, cls, "__doc__", args.pos[1], false)?;
    let k = vm.names.__doc__;
    dict::set_str_key(class_obj(cls).dict, k, args.pos[1]);
    class::bump_version(cls);
    Ok(vm.none)
}

fn type_module_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let k = vm.names.__module__;
    match dict::get_str_key(class_obj(args.pos[0]).dict, k) {
        // `type` itself holds this getter under `__module__`: a builtin.
        Some(v) if object::kind_of(v) == Some(Kind::Property) => Ok(vm.intern("builtins")),
        Some(v) => Ok(v),
        None => Ok(vm.none),
    }
}

fn type_module_set(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos[0];
    if class_obj(cls).flags & class::flags::BUILTIN != 0 {
        let n = class::class_name(cls).to_string();
        return Err(vm.type_error(format!(
            "cannot set '__module__' attribute of immutable type '{n}'"
        )));
    }
    let k = vm.names.__module__;
    dict::set_str_key(class_obj(cls).dict, k, args.pos[1]);
    class::bump_version(cls);
    Ok(vm.none)
}

fn type_subclasses(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = class_receiver(vm, &args, "__subclasses__")?;
    // SAFETY: `subclasses` is a leaked Box owned by the pinned class.
    let subs = unsafe { (*class_obj(cls).subclasses).clone() };
    Ok(crate::types::list::new_list(vm, subs))
}

fn type_instancecheck(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__instancecheck__", 2, 2)?;
    let c = class_of(vm, args.pos[1]);
    Ok(vm.bool(is_subclass(c, args.pos[0])))
}

fn type_subclasscheck(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__subclasscheck__", 2, 2)?;
    if !object::is::<ClassObj>(args.pos[1]) {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    Ok(vm.bool(is_subclass(args.pos[1], args.pos[0])))
}

fn type_prepare(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(dict::new_dict(vm))
}

/// Registers the methods of `object` and `type`.
pub(crate) fn init(vm: &mut Vm) {
    let o = vm.cls.object;
    vm.add_staticmethod(o, "__new__", object_new);
    vm.add_methods(
        o,
        &[
            ("__init__", object_init),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__sizeof__", object_sizeof),
            ("__lt__", object_order),
            ("__le__", object_order),
            ("__gt__", object_order),
            ("__ge__", object_order),
            ("__hash__", object_hash),
            ("__getattribute__", object_getattribute),
            ("__setattr__", object_setattr),
            ("__delattr__", object_delattr),
            ("__format__", object_format),
            ("__dir__", object_dir),
        ],
    );
    vm.add_classmethod(o, "__init_subclass__", object_init_subclass);
    vm.add_classmethod(o, "__subclasshook__", object_subclasshook);
    vm.add_getset(o, "__class__", object_class, Some(object_set_class));
    let t = vm.cls.type_;
    vm.add_staticmethod(t, "__new__", type_new);
    vm.add_methods(
        t,
        &[
            ("__init__", type_init),
            ("__call__", type_call),
            ("__repr__", type_repr),
            ("mro", type_mro),
            ("__subclasses__", type_subclasses),
            ("__instancecheck__", type_instancecheck),
            ("__subclasscheck__", type_subclasscheck),
        ],
    );
    vm.add_classmethod(t, "__prepare__", type_prepare);
    vm.add_getset(t, "__name__", type_name_get, Some(type_name_set));
    vm.add_getset(
        t,
        "__qualname__",
        type_qualname_get,
        Some(type_qualname_set),
    );
    vm.add_getset(t, "__mro__", type_mro_get, None);
    vm.add_getset(t, "__bases__", type_bases_get, Some(type_bases_set));
    vm.add_getset(t, "__base__", type_base_get, None);
    vm.add_getset(t, "__dict__", type_dict_get, None);
    vm.add_getset(t, "__flags__", type_flags_get, None);
    vm.add_getset(t, "__doc__", type_doc_get, Some(type_doc_set));
    vm.add_getset(t, "__module__", type_module_get, Some(type_module_set));
}

/// Gives every builtin class a `__doc__` (None where pyrs keeps no docstring), so that
/// `x.__doc__` works on any object as in CPython.
pub(crate) fn init_docs(vm: &mut Vm) {
    let object_doc = new_str(
        vm,
        "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and \
         returns a new featureless\ninstance that has no instance attributes and cannot be \
         given any.\n",
    );
    let key = vm.names.__doc__;
    let none = vm.none;
    for (_, cls) in class::exposed_builtin_classes(vm) {
        let d = class_obj(cls).dict;
        if dict::get_str_key(d, key).is_none() {
            let doc = if cls == vm.cls.object {
                object_doc
            } else {
                none
            };
            dict::set_str_key(d, key, doc);
        }
    }
}

fn singleton_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = receiver(vm, &args, "NoneType", "__repr__")?;
    let s = if v == vm.none {
        "None"
    } else if v == vm.not_implemented {
        "NotImplemented"
    } else {
        "Ellipsis"
    };
    Ok(new_str(vm, s))
}

fn none_bool(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(vm.false_)
}

fn singleton_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = class_receiver(vm, &args, "__new__")?;
    if args.pos.len() > 1 || !args.kw.is_empty() {
        let n = class_name(cls).to_string();
        return Err(vm.type_error(format!("{n} takes no arguments")));
    }
    Ok(if cls == vm.cls.none_type {
        vm.none
    } else if cls == vm.cls.not_implemented_type {
        vm.not_implemented
    } else {
        vm.ellipsis
    })
}

/// Registers the methods of `None`, `NotImplemented` and `Ellipsis`.
pub(crate) fn init_singletons(vm: &mut Vm) {
    for cls in [
        vm.cls.none_type,
        vm.cls.not_implemented_type,
        vm.cls.ellipsis_type,
    ] {
        vm.add_methods(cls, &[("__repr__", singleton_repr)]);
        vm.add_staticmethod(cls, "__new__", singleton_new);
    }
    let n = vm.cls.none_type;
    vm.add_methods(n, &[("__bool__", none_bool)]);
}
