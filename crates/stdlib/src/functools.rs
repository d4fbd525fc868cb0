//! The `_functools` module: `reduce`, `partial` and `cmp_to_key` (`functools` keeps its
//! pure-Python `lru_cache`).

use crate::common::{self, boxed_state};
use pyrs_frontend::bytecode::CmpOp;
use pyrs_interp::object;
use pyrs_interp::ops::{self, call, compare, convert, iter};
use pyrs_interp::types::boxed;
use pyrs_interp::types::class::{self, class_obj, class_of};
use pyrs_interp::types::dict;
use pyrs_interp::types::instance::{self, Map};
use pyrs_interp::types::str::{self as pystr, new_str};
use pyrs_interp::types::tuple::{self, new_tuple};
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};

// --- reduce ---

fn reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "reduce", 0, 2, 3)?;
    let func = pos[0];
    let it = match iter::iter(vm, pos[1]) {
        Ok(it) => it,
        Err(e) => {
            let te = vm.cls.type_error;
            if vm.exc_matches(te) {
                return Err(vm.type_error("reduce() arg 2 must support iteration"));
            }
            return Err(e);
        }
    };
    let mut acc = pos.get(2).copied();
    while let Some(v) = iter::next(vm, it)? {
        acc = Some(match acc {
            None => v,
            Some(a) => call::call(vm, func, &[a, v])?,
        });
    }
    match acc {
        Some(a) => Ok(a),
        None => Err(vm.type_error("reduce() of empty iterable with no initial value")),
    }
}

// --- partial ---

const PARTIAL: &str = "functools.partial";

struct Partial {
    func: Value,
    /// A tuple.
    args: Value,
    /// A dict.
    kw: Value,
}
boxed_state!(Partial { func, args, kw }, weakref: true);

/// The attribute dict of a partial if it has attributes.
fn own_dict(v: Value) -> Option<Value> {
    let inst = object::downcast::<object::InstanceObj>(v)?;
    instance::attr_dict(inst).filter(|&d| dict::len(d) > 0)
}

/// Whether a partial has no own attributes (then nesting flattens it).
fn has_no_attrs(v: Value) -> bool {
    object::downcast::<object::InstanceObj>(v).is_some_and(|inst| {
        instance::attr_dict(inst).is_none_or(|d| dict::len(d) == 0)
            && instance::map_of(inst).names().len() == instance::map_of(inst).reserved()
    })
}

fn partial_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = common::type_of(vm, PARTIAL)?;
    let cls = common::new_cls(vm, &args, base)?;
    let Some(&func0) = args.pos.get(1) else {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    };
    if !common::is_callable(vm, func0) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let mut func = func0;
    let mut pargs: Vec<Value> = Vec::new();
    let kw = dict::new_dict(vm);
    if let Some(inner) = boxed::state::<Partial>(func0) {
        let call_name = vm.names.__call__;
        let own_call = class::lookup(vm, class_of(vm, func0), call_name);
        let partial_call = class::lookup(vm, base, call_name);
        if own_call == partial_call && has_no_attrs(func0) {
            let (f, a, k) = (inner.func, inner.args, inner.kw);
            func = f;
            pargs.extend_from_slice(tuple::items(a));
            dict::update_from(vm, kw, k)?;
        }
    }
    pargs.extend_from_slice(&args.pos[2..]);
    for (k, &v) in args.kwnames.iter().zip(args.kw) {
        dict::set(vm, kw, *k, v)?;
    }
    let a = new_tuple(vm, &pargs);
    let b = boxed::new_boxed(vm, base, Partial { func, args: a, kw });
    Ok(instance::new_instance(vm, cls, b))
}

fn this<'a>(vm: &mut Vm, args: &Args<'_>, m: &str) -> PyResult<&'a mut Partial> {
    common::this::<Partial>(vm, args, m, PARTIAL)
}

fn partial_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = this(vm, &args, "__call__")?;
    let (func, pa, pk) = (p.func, p.args, p.kw);
    let mut pos: Vec<Value> = tuple::items(pa).to_vec();
    pos.extend_from_slice(&args.pos[1..]);
    let mut names: Vec<Value> = Vec::new();
    let mut vals: Vec<Value> = Vec::new();
    for (k, v) in dict::items(pk) {
        if args
            .kwnames
            .iter()
            .any(|&n| pystr::as_str(n) == pystr::as_str(k))
        {
            continue;
        }
        names.push(vm.intern_value(k));
        vals.push(v);
    }
    names.extend_from_slice(args.kwnames);
    vals.extend_from_slice(args.kw);
    call::call_args(
        vm,
        func,
        Args {
            pos: &pos,
            kw: &vals,
            kwnames: &names,
        },
    )
}

fn partial_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let me = args.pos[0];
    let p = this(vm, &args, "__repr__")?;
    let (func, pa, pk) = (p.func, p.args, p.kw);
    let name = common::type_name(vm, me);
    let Some(_guard) = common::ReprGuard::enter(me) else {
        return Ok(new_str(vm, "..."));
    };
    let mut parts = vec![convert::repr_string(vm, func)?];
    for v in tuple::items(pa).to_vec() {
        parts.push(convert::repr_string(vm, v)?);
    }
    for (k, v) in dict::items(pk) {
        let key = convert::str_string(vm, k)?;
        let val = convert::repr_string(vm, v)?;
        parts.push(format!("{key}={val}"));
    }
    let s = format!("{name}({})", parts.join(", "));
    Ok(new_str(vm, &s))
}

fn partial_func(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(this(vm, &args, "func")?.func)
}

fn partial_args(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(this(vm, &args, "args")?.args)
}

fn partial_keywords(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(this(vm, &args, "keywords")?.kw)
}

fn readonly(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(vm.attribute_error("readonly attribute"))
}

fn partial_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let me = args.pos[0];
    let p = this(vm, &args, "__reduce__")?;
    let (func, pa, pk) = (p.func, p.args, p.kw);
    let cls = class_of(vm, me);
    let d = own_dict(me).unwrap_or(vm.none);
    let ctor = new_tuple(vm, &[func]);
    let state = new_tuple(vm, &[func, pa, pk, d]);
    Ok(new_tuple(vm, &[cls, ctor, state]))
}

fn partial_setstate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "__setstate__", 1, 1, 1)?;
    let items = tuple::as_tuple(pos[0]).map(|t| t.items().to_vec());
    let Some(&[func, fargs, kw, d]) = items.as_deref() else {
        return Err(vm.type_error("invalid partial state"));
    };
    if !common::is_callable(vm, func)
        || tuple::as_tuple(fargs).is_none()
        || (kw != vm.none && dict::as_dict(kw).is_none())
    {
        return Err(vm.type_error("invalid partial state"));
    }
    let fargs = new_tuple(vm, tuple::items(fargs));
    let kw = if kw == vm.none {
        dict::new_dict(vm)
    } else {
        dict::copy_dict(vm, kw)?
    };
    let me = args.pos[0];
    let p = this(vm, &args, "__setstate__")?;
    p.func = func;
    p.args = fargs;
    p.kw = kw;
    if d != vm.none {
        for (k, v) in dict::items(d) {
            ops::attr::setattr(vm, me, k, v)?;
        }
    }
    Ok(vm.none)
}

fn class_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(args.pos.first().copied().unwrap_or(vm.none))
}

const PARTIAL_METHODS: &[(&str, NativeFn)] = &[
    ("__call__", partial_call),
    ("__repr__", partial_repr),
    ("__reduce__", partial_reduce),
    ("__setstate__", partial_setstate),
];

// --- cmp_to_key ---

const KEY: &str = "functools.KeyWrapper";

struct KeyWrapper {
    cmp: Value,
    /// The wrapped object; NULL for the wrapper `cmp_to_key` returns.
    obj: Value,
}
boxed_state!(KeyWrapper { cmp, obj });

fn cmp_to_key(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(vm, &args, 0, "cmp_to_key", &["mycmp"], 1, 1)?;
    let cls = common::type_of(vm, KEY)?;
    let st = KeyWrapper {
        cmp: a[0].unwrap_or(vm.none),
        obj: Value::NULL,
    };
    Ok(boxed::new_boxed(vm, cls, st))
}

fn key_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(vm, &args, 1, "K", &["obj"], 1, 1)?;
    let k = common::this::<KeyWrapper>(vm, &args, "__call__", KEY)?;
    let st = KeyWrapper {
        cmp: k.cmp,
        obj: a[0].unwrap_or(vm.none),
    };
    let cls = common::type_of(vm, KEY)?;
    Ok(boxed::new_boxed(vm, cls, st))
}

fn key_compare(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult {
    let pos = common::positional(vm, &args, "comparison", 1, 1, 1)?;
    let k = common::this::<KeyWrapper>(vm, &args, "comparison", KEY)?;
    let (cmp, a) = (k.cmp, k.obj);
    let Some(b) = boxed::state::<KeyWrapper>(pos[0]).map(|o| o.obj) else {
        return Err(vm.type_error("other argument must be K instance"));
    };
    let (a, b) = (null_to_none(vm, a), null_to_none(vm, b));
    let r = call::call(vm, cmp, &[a, b])?;
    compare::rich_compare(vm, r, Value::from_usize(0), op)
}

fn null_to_none(vm: &Vm, v: Value) -> Value {
    if v.is_null() {
        vm.none
    } else {
        v
    }
}

fn key_obj(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let k = common::this::<KeyWrapper>(vm, &args, "obj", KEY)?;
    let o = k.obj;
    if o.is_null() {
        return Err(vm.attribute_error("obj"));
    }
    Ok(o)
}

fn key_set_obj(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = args.pos.get(1).copied().unwrap_or(Value::NULL);
    common::this::<KeyWrapper>(vm, &args, "obj", KEY)?.obj = v;
    Ok(vm.none)
}

macro_rules! key_cmp {
    ($($f:ident $op:ident),*) => {
        $( fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult { key_compare(vm, args, CmpOp::$op) } )*
    };
}
key_cmp!(key_lt Lt, key_le Le, key_eq Eq, key_ne Ne, key_gt Gt, key_ge Ge);

const KEY_METHODS: &[(&str, NativeFn)] = &[
    ("__call__", key_call),
    ("__lt__", key_lt),
    ("__le__", key_le),
    ("__eq__", key_eq),
    ("__ne__", key_ne),
    ("__gt__", key_gt),
    ("__ge__", key_ge),
];

const FUNCTIONS: &[(&str, NativeFn)] = &[("reduce", reduce), ("cmp_to_key", cmp_to_key)];

/// Creates the `_functools` module.
pub fn init(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("_functools");
    let p = common::new_type(vm, PARTIAL, None, true);
    class_obj(p).map = Map::new_class_root(0, true);
    vm.add_staticmethod(p, "__new__", partial_new);
    vm.add_methods(p, PARTIAL_METHODS);
    vm.add_getset(p, "func", partial_func, Some(readonly));
    vm.add_getset(p, "args", partial_args, Some(readonly));
    vm.add_getset(p, "keywords", partial_keywords, Some(readonly));
    vm.add_classmethod(p, "__class_getitem__", class_getitem);
    vm.module_set(m, "partial", p);
    let k = common::new_type(vm, KEY, None, false);
    vm.add_methods(k, KEY_METHODS);
    vm.add_getset(k, "obj", key_obj, Some(key_set_obj));
    let none = vm.none;
    vm.add_attr(k, "__hash__", none);
    vm.module_add_functions(m, FUNCTIONS);
    Ok(m)
}
