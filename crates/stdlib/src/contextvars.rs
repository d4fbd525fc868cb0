//! The `_contextvars` module: `ContextVar`, `Token`, `Context` and `copy_context` for a
//! single thread. A context maps variables to values in a dict; `copy_context` copies it.
//! The current context lives in a pinned holder object found through `vm.native_classes`.

use crate::common::{self, boxed_state};
use pyrs_interp::ops::{self, call, convert};
use pyrs_interp::types::boxed;
use pyrs_interp::types::dict;
use pyrs_interp::types::identity::id_of;
use pyrs_interp::types::list::new_list;
use pyrs_interp::types::str::{as_str, new_str};
use pyrs_interp::types::tuple::new_tuple;
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};

const CONTEXT: &str = "_contextvars.Context";
const VAR: &str = "_contextvars.ContextVar";
const TOKEN: &str = "_contextvars.Token";
const HOLDER: &str = "_contextvars._current";
const MISSING: &str = "_contextvars.Token.MISSING";

struct Context {
    /// A dict from ContextVar to value.
    vars: Value,
    entered: bool,
}
boxed_state!(Context { vars });

struct ContextVar {
    name: Value,
    /// NULL when there is no default.
    default: Value,
}
boxed_state!(ContextVar { name, default });

struct Token {
    ctx: Value,
    var: Value,
    /// NULL when the variable had no value.
    old: Value,
    used: bool,
}
boxed_state!(Token { ctx, var, old });

/// The pinned holder of the current context (NULL until first needed).
struct Current {
    ctx: Value,
}
boxed_state!(Current { ctx });

/// A singleton with a fixed repr (`Token.MISSING`).
struct Marker;
boxed_state!(Marker {});

fn new_context(vm: &mut Vm, vars: Value) -> PyResult {
    let cls = common::type_of(vm, CONTEXT)?;
    Ok(boxed::new_boxed(
        vm,
        cls,
        Context {
            vars,
            entered: false,
        },
    ))
}

fn holder(vm: &mut Vm) -> PyResult<&'static mut Current> {
    let h = common::type_of(vm, HOLDER)?;
    match boxed::state::<Current>(h) {
        Some(c) => Ok(c),
        None => Err(vm.runtime_error("pyrs: context holder missing")),
    }
}

/// The current context, created empty on first use.
fn current(vm: &mut Vm) -> PyResult {
    let c = holder(vm)?.ctx;
    if !c.is_null() {
        return Ok(c);
    }
    let d = dict::new_dict(vm);
    let ctx = new_context(vm, d)?;
    holder(vm)?.ctx = ctx;
    Ok(ctx)
}

fn vars_of(vm: &mut Vm, ctx: Value) -> PyResult {
    match boxed::state::<Context>(ctx) {
        Some(c) => Ok(c.vars),
        None => {
            let t = common::type_name(vm, ctx);
            Err(vm.type_error(format!(
                "descriptor requires a '_contextvars.Context' object but received a '{t}'"
            )))
        }
    }
}

fn check_var(vm: &mut Vm, v: Value) -> PyResult<()> {
    if boxed::state::<ContextVar>(v).is_some() {
        return Ok(());
    }
    let r = convert::repr_string(vm, v)?;
    Err(vm.type_error(format!("a ContextVar key was expected, got {r}")))
}

// --- Context ---

fn context_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = common::type_of(vm, CONTEXT)?;
    common::new_cls(vm, &args, base)?;
    if args.pos.len() > 1 || !args.kw.is_empty() {
        return Err(vm.type_error("Context() does not accept any arguments"));
    }
    let d = dict::new_dict(vm);
    new_context(vm, d)
}

fn copy_context(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::positional(vm, &args, "copy_context", 0, 0, 0)?;
    let ctx = current(vm)?;
    let vars = vars_of(vm, ctx)?;
    let d = dict::copy_dict(vm, vars)?;
    new_context(vm, d)
}

fn context_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let vars = vars_of(vm, args.pos[0])?;
    let d = dict::copy_dict(vm, vars)?;
    new_context(vm, d)
}

fn context_run(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let ctx = args.pos[0];
    let Some(&f) = args.pos.get(1) else {
        return Err(vm.type_error("run() missing 1 required positional argument"));
    };
    let Some(c) = boxed::state::<Context>(ctx) else {
        return Err(vm.type_error("run() requires a Context"));
    };
    if c.entered {
        let r = convert::repr_string(vm, ctx)?;
        return Err(vm.runtime_error(format!("cannot enter context: {r} is already entered")));
    }
    c.entered = true;
    let prev = current(vm)?;
    holder(vm)?.ctx = ctx;
    let r = call::call_args(
        vm,
        f,
        Args {
            pos: &args.pos[2..],
            kw: args.kw,
            kwnames: args.kwnames,
        },
    );
    holder(vm)?.ctx = prev;
    if let Some(c) = boxed::state::<Context>(ctx) {
        c.entered = false;
    }
    r
}

fn context_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "__getitem__", 1, 1, 1)?;
    check_var(vm, pos[0])?;
    let vars = vars_of(vm, args.pos[0])?;
    match dict::get(vm, vars, pos[0])? {
        Some(v) => Ok(v),
        None => Err(vm.key_error(pos[0])),
    }
}

fn context_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "get", 1, 1, 2)?;
    check_var(vm, pos[0])?;
    let vars = vars_of(vm, args.pos[0])?;
    match dict::get(vm, vars, pos[0])? {
        Some(v) => Ok(v),
        None => Ok(pos.get(1).copied().unwrap_or(vm.none)),
    }
}

fn context_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "__contains__", 1, 1, 1)?;
    check_var(vm, pos[0])?;
    let vars = vars_of(vm, args.pos[0])?;
    let r = dict::get(vm, vars, pos[0])?.is_some();
    Ok(vm.bool(r))
}

fn context_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let vars = vars_of(vm, args.pos[0])?;
    Ok(Value::from_usize(dict::len(vars)))
}

fn context_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let vars = vars_of(vm, args.pos[0])?;
    ops::iter::iter(vm, vars)
}

fn context_keys(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let vars = vars_of(vm, args.pos[0])?;
    let ks: Vec<Value> = dict::items(vars).into_iter().map(|(k, _)| k).collect();
    Ok(new_list(vm, ks))
}

fn context_values(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let vars = vars_of(vm, args.pos[0])?;
    let vs: Vec<Value> = dict::items(vars).into_iter().map(|(_, v)| v).collect();
    Ok(new_list(vm, vs))
}

fn context_items(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let vars = vars_of(vm, args.pos[0])?;
    let mut out = Vec::new();
    for (k, v) in dict::items(vars) {
        out.push(new_tuple(vm, &[k, v]));
    }
    Ok(new_list(vm, out))
}

// --- ContextVar ---

fn var_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = common::type_of(vm, VAR)?;
    common::new_cls(vm, &args, base)?;
    let n = args.pos.len() - 1;
    if n != 1 {
        return Err(vm.type_error(format!(
            "ContextVar() takes exactly 1 positional argument ({n} given)"
        )));
    }
    let name = args.pos[1];
    if as_str(name).is_none() {
        return Err(vm.type_error("context variable name must be a str"));
    }
    let mut default = Value::NULL;
    for (k, &v) in args.kwnames.iter().zip(args.kw) {
        if as_str(*k) != Some("default") {
            let k = as_str(*k).unwrap_or("?").to_string();
            return Err(vm.type_error(format!(
                "'{k}' is an invalid keyword argument for ContextVar()"
            )));
        }
        default = v;
    }
    Ok(boxed::new_boxed(vm, base, ContextVar { name, default }))
}

fn var_this<'a>(vm: &mut Vm, args: &Args<'_>, m: &str) -> PyResult<&'a mut ContextVar> {
    common::this::<ContextVar>(vm, args, m, VAR)
}

fn var_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "get", 1, 0, 1)?;
    let default = var_this(vm, &args, "get")?.default;
    let me = args.pos[0];
    let ctx = current(vm)?;
    let vars = vars_of(vm, ctx)?;
    if let Some(v) = dict::get(vm, vars, me)? {
        return Ok(v);
    }
    if let Some(&d) = pos.first() {
        return Ok(d);
    }
    if !default.is_null() {
        return Ok(default);
    }
    let c = vm.cls.lookup_error;
    let e = vm.new_exception(c, &[me]);
    Err(vm.raise(e))
}

fn var_set(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "set", 1, 1, 1)?;
    var_this(vm, &args, "set")?;
    let me = args.pos[0];
    let ctx = current(vm)?;
    let vars = vars_of(vm, ctx)?;
    let old = dict::get(vm, vars, me)?.unwrap_or(Value::NULL);
    dict::set(vm, vars, me, pos[0])?;
    let cls = common::type_of(vm, TOKEN)?;
    Ok(boxed::new_boxed(
        vm,
        cls,
        Token {
            ctx,
            var: me,
            old,
            used: false,
        },
    ))
}

fn var_reset(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "reset", 1, 1, 1)?;
    var_this(vm, &args, "reset")?;
    let (me, tok) = (args.pos[0], pos[0]);
    let Some(t) = boxed::state::<Token>(tok) else {
        let r = convert::repr_string(vm, tok)?;
        return Err(vm.type_error(format!("expected an instance of Token, got {r}")));
    };
    let (tctx, tvar, old, used) = (t.ctx, t.var, t.old, t.used);
    let r = convert::repr_string(vm, tok)?;
    if used {
        return Err(vm.runtime_error(format!("{r} has already been used once")));
    }
    if tvar != me {
        return Err(vm.value_error(format!("{r} was created by a different ContextVar")));
    }
    let ctx = current(vm)?;
    if tctx != ctx {
        return Err(vm.value_error(format!("{r} was created in a different Context")));
    }
    let vars = vars_of(vm, ctx)?;
    if old.is_null() {
        dict::del(vm, vars, me)?;
    } else {
        dict::set(vm, vars, me, old)?;
    }
    if let Some(t) = boxed::state::<Token>(tok) {
        t.used = true;
    }
    Ok(vm.none)
}

fn var_name(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(var_this(vm, &args, "name")?.name)
}

fn var_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = var_this(vm, &args, "__repr__")?;
    let (name, default) = (v.name, v.default);
    let mut s = format!("<ContextVar name={}", convert::repr_string(vm, name)?);
    if !default.is_null() {
        s.push_str(&format!(" default={}", convert::repr_string(vm, default)?));
    }
    let id = id_of(vm, args.pos[0]);
    s.push_str(&format!(" at {id:#x}>"));
    Ok(new_str(vm, &s))
}

// --- Token ---

fn token_this<'a>(vm: &mut Vm, args: &Args<'_>, m: &str) -> PyResult<&'a mut Token> {
    common::this::<Token>(vm, args, m, TOKEN)
}

fn token_var(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(token_this(vm, &args, "var")?.var)
}

fn token_old_value(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let old = token_this(vm, &args, "old_value")?.old;
    if old.is_null() {
        common::type_of(vm, MISSING)
    } else {
        Ok(old)
    }
}

fn token_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = token_this(vm, &args, "__repr__")?;
    let (var, used) = (t.var, t.used);
    let v = convert::repr_string(vm, var)?;
    let id = id_of(vm, args.pos[0]);
    let u = if used { " used" } else { "" };
    let s = format!("<Token{u} var={v} at {id:#x}>");
    Ok(new_str(vm, &s))
}

fn missing_repr(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(new_str(vm, "<Token.MISSING>"))
}

fn class_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(args.pos.first().copied().unwrap_or(vm.none))
}

const CONTEXT_METHODS: &[(&str, NativeFn)] = &[
    ("run", context_run),
    ("copy", context_copy),
    ("__getitem__", context_getitem),
    ("get", context_get),
    ("__contains__", context_contains),
    ("__len__", context_len),
    ("__iter__", context_iter),
    ("keys", context_keys),
    ("values", context_values),
    ("items", context_items),
];

const VAR_METHODS: &[(&str, NativeFn)] = &[
    ("get", var_get),
    ("set", var_set),
    ("reset", var_reset),
    ("__repr__", var_repr),
];

/// Creates the `_contextvars` module.
pub fn init(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("_contextvars");
    let ctx = common::new_type(vm, CONTEXT, None, false);
    vm.add_staticmethod(ctx, "__new__", context_new);
    vm.add_methods(ctx, CONTEXT_METHODS);
    let none = vm.none;
    vm.add_attr(ctx, "__hash__", none);
    let var = common::new_type(vm, VAR, None, false);
    vm.add_staticmethod(var, "__new__", var_new);
    vm.add_methods(var, VAR_METHODS);
    vm.add_getset(var, "name", var_name, None);
    vm.add_classmethod(var, "__class_getitem__", class_getitem);
    let tok = common::new_type(vm, TOKEN, None, false);
    vm.add_methods(tok, &[("__repr__", token_repr)]);
    vm.add_getset(tok, "var", token_var, None);
    vm.add_getset(tok, "old_value", token_old_value, None);
    vm.add_classmethod(tok, "__class_getitem__", class_getitem);
    if !vm.native_classes.contains_key(MISSING) {
        let mcls = common::new_type(vm, "_contextvars.Token.MISSING_type", None, false);
        vm.add_methods(mcls, &[("__repr__", missing_repr)]);
        let marker = boxed::new_pinned_boxed(vm, mcls, Marker);
        vm.native_classes.insert(MISSING, marker);
    }
    let marker = common::type_of(vm, MISSING)?;
    vm.add_attr(tok, "MISSING", marker);
    if !vm.native_classes.contains_key(HOLDER) {
        let hcls = common::new_type(vm, "_contextvars._Holder", None, false);
        let h = boxed::new_pinned_boxed(vm, hcls, Current { ctx: Value::NULL });
        vm.native_classes.insert(HOLDER, h);
    }
    vm.module_set(m, "Context", ctx);
    vm.module_set(m, "ContextVar", var);
    vm.module_set(m, "Token", tok);
    vm.module_add_functions(m, &[("copy_context", copy_context)]);
    Ok(m)
}
