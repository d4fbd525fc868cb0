//! `types.GenericAlias`: the value of `list[int]`, `dict[str, int]`... (what the builtin
//! containers' `__class_getitem__` returns). It remembers its origin class and arguments,
//! prints as `list[int]`, calls and forwards attributes to the origin, compares by origin
//! and arguments, becomes its origin as a base class (`__mro_entries__`), and refuses
//! `isinstance` checks as CPython does.

use crate::object::{self, ClassObj};
use crate::ops;
use crate::types::boxed::{new_boxed, state, BoxedState, Tracer};
use crate::types::tuple::{as_tuple, items, new_tuple};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// The state of an alias: `__origin__` and `__args__` (a tuple).
struct AliasState {
    origin: Value,
    args: Value,
}

impl BoxedState for AliasState {
    fn trace(&mut self, t: &mut Tracer<'_, '_>) {
        t.value(&mut self.origin);
        t.value(&mut self.args);
    }
}

/// The origin and arguments of `v` if it is a generic alias.
pub fn alias_parts(v: Value) -> Option<(Value, Value)> {
    state::<AliasState>(v).map(|s| (s.origin, s.args))
}

/// `origin[args]`: a new alias (`args` a tuple is the argument list itself).
pub fn new_alias(vm: &mut Vm, origin: Value, args: Value) -> Value {
    let args = if as_tuple(args).is_some() {
        args
    } else {
        new_tuple(vm, &[args])
    };
    let cls = vm.cls.generic_alias;
    new_boxed(vm, cls, AliasState { origin, args })
}

/// `cls.__class_getitem__(item)` of the builtin generic classes.
pub(crate) fn class_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__class_getitem__", 2, 2)?;
    Ok(new_alias(vm, args.pos[0], args.pos[1]))
}

/// The receiver of a method call (NULL when there is none; `this` rejects it).
fn receiver(args: &Args<'_>) -> Value {
    args.pos.first().copied().unwrap_or(Value::NULL)
}

fn this(vm: &mut Vm, v: Value) -> PyResult<(Value, Value)> {
    if v.is_null() {
        return Err(vm.type_error("descriptor needs a 'types.GenericAlias' object"));
    }
    match alias_parts(v) {
        Some(p) => Ok(p),
        None => {
            let t = crate::types::class::type_name(vm, v).to_string();
            Err(vm.type_error(format!(
                "descriptor requires a 'types.GenericAlias' object but received '{t}'"
            )))
        }
    }
}

fn ga_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let rest = Args {
        pos: args.pos.get(1..).unwrap_or(&[]),
        ..args
    };
    if !rest.kw.is_empty() {
        return Err(vm.type_error("GenericAlias() takes no keyword arguments"));
    }
    rest.check_positional(vm, "GenericAlias", 2, 2)?;
    let alias = new_alias(vm, rest.pos[0], rest.pos[1]);
    let cls = args.pos[0];
    if cls == vm.cls.generic_alias {
        return Ok(alias);
    }
    if !object::is::<ClassObj>(cls) || !crate::types::class::is_subclass(cls, vm.cls.generic_alias)
    {
        let t = crate::types::class::type_name(vm, cls).to_string();
        return Err(vm.type_error(format!(
            "GenericAlias.__new__({t}): {t} is not a subtype of GenericAlias"
        )));
    }
    Ok(crate::types::instance::new_instance(vm, cls, alias))
}

/// How an argument prints inside `origin[...]`: classes by qualified name, `...`, aliases
/// and everything else by `repr`.
fn arg_repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    if v == vm.ellipsis {
        return Ok("...".to_string());
    }
    if object::is::<ClassObj>(v) {
        let q = ops::attr::getattr_str(vm, v, "__qualname__")?;
        let q = ops::convert::str_string(vm, q)?;
        let m = ops::attr::getattr_str(vm, v, "__module__")?;
        let m = ops::convert::str_string(vm, m)?;
        return Ok(if m == "builtins" {
            q
        } else {
            format!("{m}.{q}")
        });
    }
    ops::convert::repr_string(vm, v)
}

fn ga_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (origin, a) = this(vm, receiver(&args))?;
    let mut s = arg_repr(vm, origin)?;
    s.push('[');
    let list = items(a).to_vec();
    if list.is_empty() {
        s.push_str("()");
    }
    for (i, &x) in list.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&arg_repr(vm, x)?);
    }
    s.push(']');
    Ok(crate::types::str::new_str(vm, &s))
}

fn ga_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let me = receiver(&args);
    let (origin, _) = this(vm, me)?;
    let r = ops::call::call_args(
        vm,
        origin,
        Args {
            pos: &args.pos[1..],
            ..args
        },
    )?;
    let k = vm.intern("__orig_class__");
    if let Err(e) = ops::attr::setattr(vm, r, k, me) {
        let (ae, te) = (vm.cls.attribute_error, vm.cls.type_error);
        if !vm.exc_matches(ae) && !vm.exc_matches(te) {
            return Err(e);
        }
        vm.exc = Value::NULL;
    }
    Ok(r)
}

/// Attributes the alias answers itself; every other one comes from the origin.
const OWN: &[&str] = &[
    "__origin__",
    "__args__",
    "__parameters__",
    "__class__",
    "__mro_entries__",
    "__reduce__",
    "__reduce_ex__",
    "__copy__",
    "__deepcopy__",
    "__unpacked__",
    "__typing_unpacked_tuple_args__",
];

fn ga_getattribute(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__getattribute__", 2, 2)?;
    let (me, name) = (args.pos[0], args.pos[1]);
    let (origin, a) = this(vm, me)?;
    let text = crate::types::str::as_str(name).unwrap_or("");
    match text {
        "__origin__" => return Ok(origin),
        "__args__" => return Ok(a),
        "__parameters__" => return Ok(new_tuple(vm, &[])),
        "__class__" => return Ok(crate::types::class::class_of(vm, me)),
        _ => {}
    }
    if !OWN.contains(&text) {
        return ops::attr::getattr(vm, origin, name);
    }
    let cls = crate::types::class::class_of(vm, me);
    let name = vm.intern_value(name);
    match ops::attr::generic_getattr(vm, me, cls, name)? {
        Some(v) => Ok(v),
        None => Err(ops::attr::no_attribute(vm, me, name)),
    }
}

fn ga_mro_entries(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__mro_entries__", 2, 2)?;
    let (origin, _) = this(vm, args.pos[0])?;
    Ok(new_tuple(vm, &[origin]))
}

fn ga_eq_impl(vm: &mut Vm, args: &Args<'_>) -> PyResult<Option<bool>> {
    args.check(vm, "__eq__", 2, 2)?;
    let (o1, a1) = this(vm, args.pos[0])?;
    let Some((o2, a2)) = alias_parts(args.pos[1]) else {
        return Ok(None);
    };
    if !ops::compare::eq(vm, o1, o2)? {
        return Ok(Some(false));
    }
    ops::compare::eq(vm, a1, a2).map(Some)
}

fn ga_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(match ga_eq_impl(vm, &args)? {
        Some(b) => vm.bool(b),
        None => vm.not_implemented,
    })
}

fn ga_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(match ga_eq_impl(vm, &args)? {
        Some(b) => vm.bool(!b),
        None => vm.not_implemented,
    })
}

fn ga_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (origin, a) = this(vm, receiver(&args))?;
    let h = ops::hash::hash(vm, origin)? ^ ops::hash::hash(vm, a)?;
    let h = if h == -1 { -2 } else { h };
    Ok(crate::types::int::new_i64(vm, h))
}

fn ga_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__getitem__", 2, 2)?;
    let r = ga_repr(vm, Args::positional(&args.pos[..1]))?;
    let r = crate::types::str::as_str(r).unwrap_or("?").to_string();
    Err(vm.type_error(format!("{r} is not a generic class")))
}

fn ga_instancecheck(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn ga_subclasscheck(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

fn ga_or(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__or__", 2, 2)?;
    crate::types::union::make_union(vm, args.pos[0], args.pos[1])
}

fn ga_ror(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__ror__", 2, 2)?;
    crate::types::union::make_union(vm, args.pos[1], args.pos[0])
}

fn ga_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (origin, a) = this(vm, receiver(&args))?;
    let cls = vm.cls.generic_alias;
    let t = new_tuple(vm, &[origin, a]);
    Ok(new_tuple(vm, &[cls, t]))
}

/// Registers the methods (the containers register [`class_getitem`] through
/// `list::class_getitem`; `type[...]` is special-cased by `ops::subscript`).
pub(crate) fn init(vm: &mut Vm) {
    let cls = vm.cls.generic_alias;
    vm.add_staticmethod(cls, "__new__", ga_new);
    vm.add_methods(
        cls,
        &[
            ("__repr__", ga_repr),
            ("__call__", ga_call),
            ("__getattribute__", ga_getattribute),
            ("__mro_entries__", ga_mro_entries),
            ("__eq__", ga_eq),
            ("__ne__", ga_ne),
            ("__hash__", ga_hash),
            ("__getitem__", ga_getitem),
            ("__instancecheck__", ga_instancecheck),
            ("__subclasscheck__", ga_subclasscheck),
            ("__or__", ga_or),
            ("__ror__", ga_ror),
            ("__reduce__", ga_reduce),
        ],
    );
    let m = crate::types::str::new_str(vm, "types");
    let key = vm.names.__module__;
    crate::types::dict::set_str_key(crate::types::class::class_obj(cls).dict, key, m);
    // A builtin class's flags are fixed at creation; this one answers attributes itself.
    crate::types::class::class_obj(cls).flags |= crate::types::class::flags::CUSTOM_ATTR;
}
