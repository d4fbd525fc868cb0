//! Helpers shared by the native modules: creating and finding their classes, reading the
//! receiver of a method, and checking arguments with CPython's messages.

use pyrs_interp::object::{self, Kind};
use pyrs_interp::types::boxed::{self, BoxedState, Tracer};
use pyrs_interp::types::class;
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, PyResult, Vm};

/// The class of a native type named `key` (`"module.name"`), created on first use with
/// `base` (`None`: `object`) and instances of the Boxed layout. Python code may subclass it
/// when `basetype`. Created once per VM, so re-importing a module keeps its classes.
pub fn new_type(vm: &mut Vm, key: &'static str, base: Option<Value>, basetype: bool) -> Value {
    new_type_of_kind(vm, key, base, Kind::Boxed, basetype)
}

/// As [`new_type`] with instances of layout `kind`.
pub fn new_type_of_kind(
    vm: &mut Vm,
    key: &'static str,
    base: Option<Value>,
    kind: Kind,
    basetype: bool,
) -> Value {
    if let Some(&c) = vm.native_classes.get(key) {
        return c;
    }
    let (module, name) = key.rsplit_once('.').unwrap_or(("builtins", key));
    let base = base.unwrap_or(vm.cls.object);
    let c = class::new_native_class(vm, module, name, base, kind, basetype);
    vm.native_classes.insert(key, c);
    c
}

/// The class registered as `key` by [`new_type`].
pub fn type_of(vm: &mut Vm, key: &'static str) -> PyResult<Value> {
    match vm.native_classes.get(key) {
        Some(&c) => Ok(c),
        None => Err(vm.runtime_error(format!("pyrs: type {key} is not initialised"))),
    }
}

/// Allocates a boxed object of class `cls` whose native type is `base`: the boxed object
/// itself when `cls` is `base`, else an instance of the subclass `cls` wrapping it.
pub fn alloc<T: BoxedState>(vm: &mut Vm, cls: Value, base: Value, state: T) -> Value {
    let b = boxed::new_boxed(vm, base, state);
    if cls == base {
        b
    } else {
        pyrs_interp::types::instance::new_instance(vm, cls, b)
    }
}

/// As [`alloc`], but always as an instance of `cls` (whose root map must allow a
/// `__dict__`), for native types whose objects take arbitrary attributes.
pub fn alloc_with_dict<T: BoxedState>(vm: &mut Vm, cls: Value, base: Value, state: T) -> Value {
    let b = boxed::new_boxed(vm, base, state);
    pyrs_interp::types::instance::new_instance(vm, cls, b)
}

/// Lets instances of native class `cls` take attributes (a `__dict__`).
pub fn allow_dict(cls: Value) {
    class::class_obj(cls).map = pyrs_interp::types::instance::Map::new_class_root(0, true);
}

/// The state `T` of the receiver of method `method` of type `tname`, or CPython's
/// `TypeError` for a receiver of another type.
pub fn this<'a, T: BoxedState>(
    vm: &mut Vm,
    args: &Args<'_>,
    method: &str,
    tname: &str,
) -> PyResult<&'a mut T> {
    let Some(&recv) = args.pos.first() else {
        return Err(vm.type_error(format!(
            "descriptor '{method}' of '{tname}' object needs an argument"
        )));
    };
    match boxed::state::<T>(recv) {
        Some(s) => Ok(s),
        None => {
            let t = type_name(vm, recv);
            Err(vm.type_error(format!(
                "descriptor '{method}' requires a '{tname}' object but received a '{t}'"
            )))
        }
    }
}

/// The class `cls` of a `__new__` call, checked to be `base` or a subclass of it.
pub fn new_cls(vm: &mut Vm, args: &Args<'_>, base: Value) -> PyResult<Value> {
    let tname = class::class_name(base).to_string();
    let Some(&cls) = args.pos.first() else {
        return Err(vm.type_error(format!("{tname}.__new__(): not enough arguments")));
    };
    if !object::is::<object::ClassObj>(cls) {
        let t = type_name(vm, cls);
        return Err(vm.type_error(format!("{tname}.__new__(X): X is not a type object ({t})")));
    }
    if !class::is_subclass(cls, base) {
        let c = class::class_name(cls).to_string();
        return Err(vm.type_error(format!(
            "{tname}.__new__({c}): {c} is not a subtype of {tname}"
        )));
    }
    Ok(cls)
}

/// CPython's name of the type of `v` in messages (`collections.deque`, `int`).
pub fn type_name(vm: &mut Vm, v: Value) -> String {
    pyrs_interp::types::weakref::display_type_name(vm, v)
}

/// Raises CPython's `_PyArg_CheckPositional` error unless `min <= n <= max`.
pub fn check_count(vm: &mut Vm, fname: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n >= min && n <= max {
        return Ok(());
    }
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    let msg = if min == max {
        format!("{fname} expected {min} argument{}, got {n}", plural(min))
    } else if n < min {
        format!(
            "{fname} expected at least {min} argument{}, got {n}",
            plural(min)
        )
    } else {
        format!(
            "{fname} expected at most {max} argument{}, got {n}",
            plural(max)
        )
    };
    Err(vm.type_error(msg))
}

/// Raises `TypeError: f() takes no keyword arguments` if keywords were given.
pub fn no_kwargs(vm: &mut Vm, args: &Args<'_>, fname: &str) -> PyResult<()> {
    if args.kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{fname}() takes no keyword arguments")))
    }
}

/// Positional arguments (after the receiver or class at `pos[0]` when `skip` is 1) with no
/// keywords, between `min` and `max` of them, with CPython's messages.
pub fn positional<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
    fname: &str,
    skip: usize,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    no_kwargs(vm, args, fname)?;
    let pos = args.pos.get(skip..).unwrap_or(&[]);
    check_count(vm, fname, pos.len(), min, max)?;
    Ok(pos)
}

/// Parses arguments by position or keyword as `PyArg_ParseTupleAndKeywords` does:
/// `names` in order, the first `required` mandatory, positional use limited to `max_pos`
/// (the rest are keyword-only). Returns one slot per name.
pub fn parse(
    vm: &mut Vm,
    args: &Args<'_>,
    skip: usize,
    fname: &str,
    names: &[&str],
    required: usize,
    max_pos: usize,
) -> PyResult<Vec<Option<Value>>> {
    let pos = args.pos.get(skip..).unwrap_or(&[]);
    if pos.len() > max_pos {
        let n = pos.len() + args.kw.len();
        return Err(vm.type_error(if max_pos < names.len() {
            format!(
                "{fname}() takes at most {max_pos} positional argument{} ({} given)",
                if max_pos == 1 { "" } else { "s" },
                pos.len()
            )
        } else {
            format!(
                "{fname}() takes at most {max_pos} argument{} ({n} given)",
                if max_pos == 1 { "" } else { "s" }
            )
        }));
    }
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    for (i, &v) in pos.iter().enumerate() {
        out[i] = Some(v);
    }
    for (k, &v) in args.kwnames.iter().zip(args.kw) {
        let key = pyrs_interp::types::str::as_str(*k).unwrap_or("");
        match names.iter().position(|&n| n == key) {
            Some(i) if out[i].is_some() => {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{key}') and position ({})",
                    i + 1
                )));
            }
            Some(i) => out[i] = Some(v),
            None => {
                return Err(vm.type_error(format!(
                    "'{key}' is an invalid keyword argument for {fname}()"
                )));
            }
        }
    }
    for (i, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(vm.type_error(format!(
                "{fname}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// Pairs each object being `repr`'d with a guard so that a container that contains itself
/// prints `[...]`-style instead of recursing forever.
pub struct ReprGuard {
    addr: u64,
}

thread_local! {
    static IN_REPR: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl ReprGuard {
    /// Enters the repr of `v`; `None` if it is already being printed.
    pub fn enter(v: Value) -> Option<ReprGuard> {
        IN_REPR.with(|s| {
            let mut s = s.borrow_mut();
            if s.contains(&v.0) {
                None
            } else {
                s.push(v.0);
                Some(ReprGuard { addr: v.0 })
            }
        })
    }
}

impl Drop for ReprGuard {
    fn drop(&mut self) {
        IN_REPR.with(|s| {
            let mut s = s.borrow_mut();
            if let Some(i) = s.iter().rposition(|&a| a == self.addr) {
                s.remove(i);
            }
        });
    }
}

/// `StopIteration` for a native `__next__` that has nothing more.
pub fn stop(vm: &mut Vm) -> pyrs_interp::Raised {
    let none = vm.none;
    vm.stop_iteration(none)
}

/// A native `__next__` method for boxed iterators: runs the state's native `next`.
pub fn iter_next_method(vm: &mut Vm, args: pyrs_interp::vm::Args<'_>) -> PyResult {
    let Some(&it) = args.pos.first() else {
        return Err(vm.type_error("__next__ needs an argument"));
    };
    let f = boxed::dyn_state(it).and_then(|s| s.next_fn());
    let Some(f) = f else {
        let t = type_name(vm, it);
        return Err(vm.type_error(format!("'{t}' object is not an iterator")));
    };
    match f(vm, it)? {
        Some(v) => Ok(v),
        None => Err(stop(vm)),
    }
}

/// A native `__iter__` returning the receiver.
pub fn iter_self_method(vm: &mut Vm, args: pyrs_interp::vm::Args<'_>) -> PyResult {
    match args.pos.first() {
        Some(&v) => Ok(v),
        None => Err(vm.type_error("__iter__ needs an argument")),
    }
}

/// Something that holds references for the GC to trace (fields of boxed states).
pub trait Trace {
    /// Visits every reference held.
    fn trace(&mut self, t: &mut Tracer<'_, '_>);
}

impl Trace for Value {
    fn trace(&mut self, t: &mut Tracer<'_, '_>) {
        t.value(self);
    }
}

impl<T: Trace> Trace for Vec<T> {
    fn trace(&mut self, t: &mut Tracer<'_, '_>) {
        for v in self.iter_mut() {
            v.trace(t);
        }
    }
}

impl<T: Trace> Trace for Option<T> {
    fn trace(&mut self, t: &mut Tracer<'_, '_>) {
        if let Some(v) = self {
            v.trace(t);
        }
    }
}

impl<T: Trace> Trace for std::collections::VecDeque<T> {
    fn trace(&mut self, t: &mut Tracer<'_, '_>) {
        for v in self.iter_mut() {
            v.trace(t);
        }
    }
}

/// Implements `BoxedState` for a struct: the listed fields are traced; `next: f` makes it
/// an iterator whose native `__next__` is `f`; `weakref` allows weak references to it.
macro_rules! boxed_state {
    ($t:ty { $($f:ident),* $(,)? } $(next: $next:path)? $(, weakref: $weak:expr)?) => {
        impl pyrs_interp::types::boxed::BoxedState for $t {
            fn trace(&mut self, _t: &mut pyrs_interp::types::boxed::Tracer<'_, '_>) {
                $( $crate::common::Trace::trace(&mut self.$f, _t); )*
            }
            $(
                fn next_fn(&self) -> Option<pyrs_interp::types::boxed::NextFn> {
                    Some($next)
                }
            )?
            $(
                fn weakrefable(&self) -> bool {
                    $weak
                }
            )?
        }
    };
}
pub(crate) use boxed_state;

/// The repeat count of `seq * n`: `Some(n)` when `n` is an int or has `__index__`
/// (clamped to the `i64` range), `None` otherwise.
pub fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<Option<i64>> {
    let name = vm.names.__index__;
    if !pyrs_interp::types::int::is_int(n)
        && pyrs_interp::ops::lookup_special(vm, n, name).is_null()
    {
        return Ok(None);
    }
    let b = pyrs_interp::ops::convert::index(vm, n)?;
    Ok(Some(num_traits::ToPrimitive::to_i64(&b).unwrap_or(
        if b.sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        },
    )))
}

/// The `__name__` of the type of `v` (`deque` for `collections.deque`), as reprs show it.
pub fn short_type_name(vm: &mut Vm, v: Value) -> String {
    let cls = class::class_of(vm, v);
    let n = class::class_name(cls);
    if class::class_obj(cls).flags & class::flags::BUILTIN == 0 {
        return n.to_string();
    }
    n.rsplit_once('.').map(|(_, s)| s).unwrap_or(n).to_string()
}

/// `callable(v)`.
pub fn is_callable(vm: &mut Vm, v: Value) -> bool {
    match object::kind_of(v) {
        Some(Kind::Function | Kind::Builtin | Kind::Method | Kind::Class) => true,
        _ => {
            let n = vm.names.__call__;
            !pyrs_interp::ops::lookup_special(vm, v, n).is_null()
        }
    }
}
