//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654): construction rules, `message`,
//! `exceptions`, `derive`, `split`, `subgroup`, and the helpers `except*` uses.
//!
//! `ExceptionGroup` derives from both `BaseExceptionGroup` and `Exception`; the builtin
//! class table has single bases, so [`init`] gives it its second base.

use super::data;
use super::fields::{field, set_field};
use crate::errors::exc_data;
use crate::object::{self, ClassObj};
use crate::ops;
use crate::types::class::{class_name, class_obj, class_of, is_subclass, type_name};
use crate::types::str::new_str;
use crate::types::tuple;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// Whether `v` is an exception group.
pub fn is_group(vm: &Vm, v: Value) -> bool {
    exc_data(v).is_some() && is_subclass(class_of(vm, v), vm.cls.base_exception_group)
}

/// Whether `v` is a sequence (`__getitem__` and not a mapping), as the constructor demands.
fn is_sequence(vm: &mut Vm, v: Value) -> bool {
    match object::kind_of(v) {
        Some(object::Kind::List) | Some(object::Kind::Tuple) => true,
        Some(object::Kind::Dict) | Some(object::Kind::Set) => false,
        _ => {
            let gi = vm.names.__getitem__;
            crate::types::dict::as_dict(v).is_none() && !ops::lookup_special(vm, v, gi).is_null()
        }
    }
}

fn is_callable(vm: &mut Vm, v: Value) -> bool {
    use object::Kind::*;
    if matches!(
        object::kind_of(v),
        Some(Function | Builtin | Method | Class)
    ) {
        return true;
    }
    let call = vm.intern("__call__");
    !ops::lookup_special(vm, v, call).is_null()
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`.
fn eg_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos[0];
    let rest = &args.pos[1..];
    if rest.len() != 2 || !args.kw.is_empty() {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            rest.len() + args.kw.len()
        )));
    }
    let (msg, seq) = (rest[0], rest[1]);
    if crate::types::str::as_str(msg).is_none() {
        let t = type_name(vm, msg).to_string();
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {t}"
        )));
    }
    if !is_sequence(vm, seq) {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let excs = ops::iter::collect(vm, seq)?;
    if excs.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let be = vm.cls.base_exception;
    let mut all_exc = true;
    for (i, &e) in excs.iter().enumerate() {
        if exc_data(e).is_none() || !is_subclass(class_of(vm, e), be) {
            return Err(vm.value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        all_exc &= is_subclass(class_of(vm, e), vm.cls.exception);
    }
    let mut cls = cls;
    if cls == vm.cls.base_exception_group {
        if all_exc {
            cls = vm.cls.exception_group;
        }
    } else if cls == vm.cls.exception_group {
        if !all_exc {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if !all_exc && is_subclass(cls, vm.cls.exception) {
        let n = class_name(cls).to_string();
        return Err(vm.type_error(format!("Cannot nest BaseExceptions in '{n}'")));
    }
    let e = vm.new_exception(cls, &[msg, seq]);
    let t = tuple::new_tuple(vm, &excs);
    set_field(vm, e, "message", msg)?;
    set_field(vm, e, "exceptions", t)?;
    Ok(e)
}

/// `BaseExceptionGroup.__init__`: the arguments were taken by `__new__`.
fn eg_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = tuple::new_tuple(vm, &args.pos[1..]);
    data(vm, args.pos[0])?.args = t;
    Ok(vm.none)
}

/// The `message` of a group.
pub fn message(vm: &mut Vm, eg: Value) -> PyResult {
    match field(vm, eg, "message")? {
        Some(m) => Ok(m),
        None => Ok(new_str(vm, "")),
    }
}

/// The `exceptions` tuple of a group.
pub fn exceptions(vm: &mut Vm, eg: Value) -> PyResult {
    match field(vm, eg, "exceptions")? {
        Some(t) => Ok(t),
        None => Ok(tuple::new_tuple(vm, &[])),
    }
}

fn eg_message(vm: &mut Vm, args: Args<'_>) -> PyResult {
    data(vm, args.pos[0])?;
    message(vm, args.pos[0])
}

fn eg_exceptions(vm: &mut Vm, args: Args<'_>) -> PyResult {
    data(vm, args.pos[0])?;
    exceptions(vm, args.pos[0])
}

fn eg_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let msg = message(vm, args.pos[0])?;
    let n = tuple::items(exceptions(vm, args.pos[0])?).len();
    let m = ops::convert::str_string(vm, msg)?;
    let s = format!("{m} ({n} sub-exception{})", if n == 1 { "" } else { "s" });
    Ok(new_str(vm, &s))
}

fn eg_derive(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "derive", 2, 2)?;
    let msg = message(vm, args.pos[0])?;
    let cls = vm.cls.base_exception_group;
    ops::call::call(vm, cls, &[msg, args.pos[1]])
}

/// A `split`/`subgroup` condition.
#[derive(Clone, Copy)]
enum Matcher {
    /// An exception type or a tuple of them.
    Type(Value),
    /// A predicate.
    Predicate(Value),
    /// Leaves identified by identity (used by `except*` to project re-raised leaves).
    Leaves(*const Vec<Value>),
}

fn matcher_of(vm: &mut Vm, cond: Value) -> PyResult<Matcher> {
    let be = vm.cls.base_exception;
    let is_exc_type = |v: Value| object::is::<ClassObj>(v) && is_subclass(v, be);
    if is_exc_type(cond) {
        return Ok(Matcher::Type(cond));
    }
    if let Some(t) = tuple::as_tuple(cond) {
        if t.items().iter().all(|&c| is_exc_type(c)) {
            return Ok(Matcher::Type(cond));
        }
    } else if is_callable(vm, cond) {
        return Ok(Matcher::Predicate(cond));
    }
    Err(vm.type_error("expected a function, exception type or tuple of exception types"))
}

fn matches(vm: &mut Vm, m: Matcher, e: Value) -> PyResult<bool> {
    match m {
        Matcher::Type(t) => crate::eval::exception_matches_pub(vm, e, t),
        Matcher::Predicate(f) => {
            let r = ops::call::call(vm, f, &[e])?;
            ops::convert::truthy(vm, r)
        }
        // SAFETY: the vector outlives the split that uses this matcher (see `project`).
        Matcher::Leaves(l) => Ok(unsafe { &*l }.contains(&e)),
    }
}

/// Copies `__traceback__`, `__cause__`, `__context__` and `__notes__` from `src` to `dst`,
/// as `split` does for the groups it derives.
fn copy_metadata(vm: &mut Vm, src: Value, dst: Value) -> PyResult<()> {
    let s = data(vm, src)?;
    let (tb, cause, ctx, notes, sup) =
        (s.traceback, s.cause, s.context, s.notes, s.suppress_context);
    let d = data(vm, dst)?;
    d.traceback = tb;
    d.cause = cause;
    d.context = ctx;
    d.notes = notes;
    d.suppress_context = sup;
    Ok(())
}

/// Splits group `eg` by `m` into (match, rest), either None. Without `with_rest` the rest
/// is not built.
fn split_impl(vm: &mut Vm, eg: Value, m: Matcher, with_rest: bool) -> PyResult<(Value, Value)> {
    let none = vm.none;
    if matches(vm, m, eg)? {
        return Ok((eg, none));
    }
    if !is_group(vm, eg) {
        return Ok((none, eg));
    }
    let excs = tuple::items(exceptions(vm, eg)?).to_vec();
    let (mut matched, mut rest) = (Vec::new(), Vec::new());
    for e in excs {
        let (a, b) = split_impl(vm, e, m, with_rest)?;
        if a != none {
            matched.push(a);
        }
        if with_rest && b != none {
            rest.push(b);
        }
    }
    let derive = |vm: &mut Vm, items: Vec<Value>| -> PyResult<Value> {
        if items.is_empty() {
            return Ok(none);
        }
        let l = crate::types::list::new_list(vm, items);
        let g = ops::call::call_method(vm, eg, "derive", &[l])?;
        if !is_group(vm, g) {
            return Err(vm.type_error("derive must return an instance of BaseExceptionGroup"));
        }
        copy_metadata(vm, eg, g)?;
        Ok(g)
    };
    let mg = derive(vm, matched)?;
    let rg = derive(vm, rest)?;
    Ok((mg, rg))
}

fn eg_split(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "split", 2, 2)?;
    data(vm, args.pos[0])?;
    let m = matcher_of(vm, args.pos[1])?;
    let (a, b) = split_impl(vm, args.pos[0], m, true)?;
    Ok(tuple::new_tuple(vm, &[a, b]))
}

fn eg_subgroup(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "subgroup", 2, 2)?;
    data(vm, args.pos[0])?;
    let m = matcher_of(vm, args.pos[1])?;
    Ok(split_impl(vm, args.pos[0], m, false)?.0)
}

/// `except T` against a group for `except*`: (rest, match). A naked exception that
/// matches is wrapped in `ExceptionGroup('', (exc,))`.
pub fn except_star_match(vm: &mut Vm, exc: Value, typ: Value) -> PyResult<(Value, Value)> {
    let none = vm.none;
    if exc == none {
        return Ok((none, none));
    }
    if crate::eval::exception_matches_pub(vm, exc, typ)? {
        if is_group(vm, exc) {
            return Ok((none, exc));
        }
        let t = tuple::new_tuple(vm, &[exc]);
        let msg = new_str(vm, "");
        let cls = vm.cls.exception_group;
        let wrapped = ops::call::call(vm, cls, &[msg, t])?;
        let tb = data(vm, exc)?.traceback;
        data(vm, wrapped)?.traceback = tb;
        return Ok((none, wrapped));
    }
    if !is_group(vm, exc) {
        return Ok((exc, none));
    }
    let m = Matcher::Type(typ);
    let (matched, rest) = split_impl(vm, exc, m, true)?;
    Ok((rest, matched))
}

fn collect_leaves(vm: &mut Vm, e: Value, out: &mut Vec<Value>) -> PyResult<()> {
    if is_group(vm, e) {
        for x in tuple::items(exceptions(vm, e)?).to_vec() {
            collect_leaves(vm, x, out)?;
        }
    } else {
        out.push(e);
    }
    Ok(())
}

/// The part of group `orig` whose leaves are the leaves of `parts` (None if empty).
fn project(vm: &mut Vm, orig: Value, parts: &[Value]) -> PyResult<Value> {
    let mut leaves = Vec::new();
    for &p in parts {
        collect_leaves(vm, p, &mut leaves)?;
    }
    if leaves.is_empty() {
        return Ok(vm.none);
    }
    let m = Matcher::Leaves(&leaves);
    Ok(split_impl(vm, orig, m, false)?.0)
}

fn same_metadata(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let x = data(vm, a)?;
    let (n1, t1, c1, x1) = (x.notes, x.traceback, x.cause, x.context);
    let y = data(vm, b)?;
    Ok(n1 == y.notes && t1 == y.traceback && c1 == y.cause && x1 == y.context)
}

/// The exception an `except*` statement re-raises at its end, from the group it caught
/// (`orig`) and what each clause raised or re-raised (`raised`, Nones skipped); None if
/// nothing is left.
pub fn prep_reraise_star(vm: &mut Vm, orig: Value, raised: &[Value]) -> PyResult<Value> {
    let none = vm.none;
    let raised: Vec<Value> = raised.iter().copied().filter(|&v| v != none).collect();
    if raised.is_empty() {
        return Ok(none);
    }
    if !is_group(vm, orig) {
        return Ok(raised[0]);
    }
    let (mut new, mut reraised) = (Vec::new(), Vec::new());
    for e in raised {
        if same_metadata(vm, e, orig)? {
            reraised.push(e);
        } else {
            new.push(e);
        }
    }
    let reraised_eg = project(vm, orig, &reraised)?;
    if new.is_empty() {
        return Ok(reraised_eg);
    }
    if reraised_eg != none {
        new.push(reraised_eg);
    }
    if new.len() == 1 {
        return Ok(new[0]);
    }
    let msg = new_str(vm, "");
    let l = crate::types::list::new_list(vm, new);
    let cls = vm.cls.exception_group;
    ops::call::call(vm, cls, &[msg, l])
}

/// Gives `ExceptionGroup` its second base, `Exception`.
fn fix_exception_group_bases(vm: &mut Vm) {
    let (eg, beg, ex) = (
        vm.cls.exception_group,
        vm.cls.base_exception_group,
        vm.cls.exception,
    );
    let bases = tuple::new_tuple(vm, &[beg, ex]);
    let mut mro = vec![eg, beg, ex];
    mro.extend(
        crate::types::class::mro(ex)
            .iter()
            .copied()
            .filter(|c| !mro_contains(&[eg, beg, ex], *c)),
    );
    let mro = tuple::new_tuple(vm, &mro);
    let c = class_obj(eg);
    c.bases = bases;
    c.mro = mro;
    // SAFETY: `subclasses` is a leaked Box owned by the pinned class, never freed.
    unsafe { (*class_obj(ex).subclasses).push(eg) };
}

fn mro_contains(list: &[Value], c: Value) -> bool {
    list.contains(&c)
}

/// Registers the group methods.
pub(crate) fn init(vm: &mut Vm) {
    fix_exception_group_bases(vm);
    let g = vm.cls.base_exception_group;
    vm.add_staticmethod(g, "__new__", eg_new);
    vm.add_methods(
        g,
        &[
            ("__init__", eg_init),
            ("__str__", eg_str),
            ("derive", eg_derive),
            ("split", eg_split),
            ("subgroup", eg_subgroup),
        ],
    );
    vm.add_getset(g, "message", eg_message, None);
    vm.add_getset(g, "exceptions", eg_exceptions, None);
}
