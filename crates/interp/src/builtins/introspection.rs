//! Introspection builtins: `isinstance`, `issubclass`, `id`, `hash`, `callable`, the
//! attribute functions, `vars`, `dir`, `globals`, `locals`, `repr`, `ascii`, `format`,
//! `exec`, `eval`, `compile`, `__import__`, and `exit`/`quit`.

use crate::object::{self, ClassObj, Kind};
use crate::ops::{attr, call, convert};
use crate::types::class::{class_of, is_subclass, type_name};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// The class of a class (its metaclass).
fn metaclass(vm: &Vm, cls: Value) -> Value {
    class_of(vm, cls)
}

/// The member classes of a `types.UnionType` value (`int | str`), if `v` is one.
fn union_args(_vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    Ok(crate::types::union::union_args(v))
}

/// `isinstance(obj, cls)` for any `cls` accepted by the builtin.
pub fn isinstance(vm: &mut Vm, obj: Value, cls: Value) -> PyResult<bool> {
    let oc = class_of(vm, obj);
    if oc == cls {
        return Ok(true);
    }
    if object::is::<ClassObj>(cls) && metaclass(vm, cls) == vm.cls.type_ {
        return Ok(is_subclass(oc, cls));
    }
    if let Some(t) = crate::types::tuple::as_tuple(cls) {
        let items = t.items().to_vec();
        for c in items {
            if isinstance(vm, obj, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(args) = union_args(vm, cls)? {
        return isinstance(vm, obj, args);
    }
    let name = vm.names.__instancecheck__;
    if let Some(r) = crate::ops::call_special(vm, cls, name, &[obj])? {
        return convert::truthy(vm, r);
    }
    if object::is::<ClassObj>(cls) {
        return Ok(is_subclass(oc, cls));
    }
    Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
}

/// `issubclass(sub, cls)` for any `cls` accepted by the builtin.
pub fn issubclass(vm: &mut Vm, sub: Value, cls: Value) -> PyResult<bool> {
    if object::is::<ClassObj>(cls) && metaclass(vm, cls) == vm.cls.type_ {
        if !object::is::<ClassObj>(sub) {
            return Err(vm.type_error("issubclass() arg 1 must be a class"));
        }
        return Ok(is_subclass(sub, cls));
    }
    if let Some(t) = crate::types::tuple::as_tuple(cls) {
        let items = t.items().to_vec();
        for c in items {
            if issubclass(vm, sub, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(args) = union_args(vm, cls)? {
        return issubclass(vm, sub, args);
    }
    let name = vm.names.__subclasscheck__;
    if let Some(r) = crate::ops::call_special(vm, cls, name, &[sub])? {
        return convert::truthy(vm, r);
    }
    if !object::is::<ClassObj>(cls) {
        return Err(
            vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")
        );
    }
    if !object::is::<ClassObj>(sub) {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    Ok(is_subclass(sub, cls))
}

fn two_args(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "{name} expected 2 arguments, got {}",
            args.pos.len()
        )));
    }
    Ok(())
}

/// `isinstance(obj, class_or_tuple)`.
pub(crate) fn builtin_isinstance(vm: &mut Vm, args: Args<'_>) -> PyResult {
    two_args(vm, &args, "isinstance")?;
    let r = isinstance(vm, args.pos[0], args.pos[1])?;
    Ok(vm.bool(r))
}

/// `issubclass(cls, class_or_tuple)`.
pub(crate) fn builtin_issubclass(vm: &mut Vm, args: Args<'_>) -> PyResult {
    two_args(vm, &args, "issubclass")?;
    let r = issubclass(vm, args.pos[0], args.pos[1])?;
    Ok(vm.bool(r))
}

/// `id(obj)`.
pub(crate) fn builtin_id(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "id", 1, 1)?;
    let id = crate::types::identity::id_of(vm, args.pos[0]);
    Ok(crate::types::int::new_i64(vm, id))
}

/// `hash(obj)`.
pub(crate) fn builtin_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "hash", 1, 1)?;
    let h = crate::ops::hash::hash(vm, args.pos[0])?;
    Ok(crate::types::int::new_i64(vm, h))
}

/// `callable(obj)`.
pub(crate) fn builtin_callable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "callable", 1, 1)?;
    let r = super::iteration::is_callable(vm, args.pos[0]);
    Ok(vm.bool(r))
}

/// Checks an attribute name argument: must be a str.
fn attr_name(vm: &mut Vm, name: Value) -> PyResult<Value> {
    if crate::types::str::as_str(name).is_none() {
        let t = type_name(vm, name).to_string();
        return Err(vm.type_error(format!("attribute name must be string, not '{t}'")));
    }
    Ok(name)
}

/// `getattr(obj, name[, default])`.
pub(crate) fn builtin_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "getattr", 2, 3)?;
    let name = attr_name(vm, args.pos[1])?;
    match args.pos.get(2) {
        None => attr::getattr(vm, args.pos[0], name),
        Some(&default) => Ok(attr::getattr_opt(vm, args.pos[0], name)?.unwrap_or(default)),
    }
}

/// `setattr(obj, name, value)`.
pub(crate) fn builtin_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "setattr", 3, 3)?;
    let name = attr_name(vm, args.pos[1])?;
    attr::setattr(vm, args.pos[0], name, args.pos[2])?;
    Ok(vm.none)
}

/// `hasattr(obj, name)`.
pub(crate) fn builtin_hasattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "hasattr", 2, 2)?;
    let name = attr_name(vm, args.pos[1])?;
    let r = attr::getattr_opt(vm, args.pos[0], name)?.is_some();
    Ok(vm.bool(r))
}

/// `delattr(obj, name)`.
pub(crate) fn builtin_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "delattr", 2, 2)?;
    let name = attr_name(vm, args.pos[1])?;
    attr::delattr(vm, args.pos[0], name)?;
    Ok(vm.none)
}

/// `vars([obj])`.
pub(crate) fn builtin_vars(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "vars", 0, 1)?;
    let Some(&obj) = args.pos.first() else {
        return Ok(crate::eval::api::caller_locals(vm));
    };
    let name = vm.names.__dict__;
    match attr::getattr_opt(vm, obj, name)? {
        Some(d) => Ok(d),
        None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
    }
}

/// The keys of a mapping (a dict directly, anything else through `keys()`).
fn mapping_keys(vm: &mut Vm, m: Value) -> PyResult<Vec<Value>> {
    if crate::types::dict::as_dict(m).is_some() {
        return Ok(crate::types::dict::items(m)
            .into_iter()
            .map(|(k, _)| k)
            .collect());
    }
    let keys = call::call_method(vm, m, "keys", &[])?;
    crate::ops::iter::collect(vm, keys)
}

/// `dir([obj])`: the sorted attribute names (the caller's local names without argument).
pub(crate) fn builtin_dir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "dir", 0, 1)?;
    let names = match args.pos.first() {
        None => {
            let locals = crate::eval::api::caller_locals(vm);
            mapping_keys(vm, locals)?
        }
        Some(&obj) => {
            let name = vm.names.__dir__;
            let m = crate::ops::lookup_special(vm, obj, name);
            if m.is_null() {
                Vec::new()
            } else {
                let r = call::call_unbound(vm, m, obj, &[obj])?;
                crate::ops::iter::collect(vm, r)?
            }
        }
    };
    let list = crate::types::list::new_list(vm, names);
    call::call_method(vm, list, "sort", &[])?;
    Ok(list)
}

/// `globals()`.
pub(crate) fn builtin_globals(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "globals", 0, 0)?;
    Ok(crate::eval::api::caller_globals(vm))
}

/// `locals()`.
pub(crate) fn builtin_locals(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "locals", 0, 0)?;
    Ok(crate::eval::api::caller_locals(vm))
}

/// `repr(obj)`.
pub(crate) fn builtin_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "repr", 1, 1)?;
    convert::repr(vm, args.pos[0])
}

/// `ascii(obj)`: `repr` with non-ASCII characters escaped.
pub(crate) fn builtin_ascii(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "ascii", 1, 1)?;
    let r = convert::repr(vm, args.pos[0])?;
    let text = crate::types::str::as_str(r).unwrap_or("");
    if text.is_ascii() {
        return Ok(r);
    }
    let e = crate::types::str::ascii_escape(text);
    Ok(crate::types::str::new_str(vm, &e))
}

/// `format(value, format_spec='')`.
pub(crate) fn builtin_format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "format", 1, 2)?;
    let spec = match args.pos.get(1) {
        None => String::new(),
        Some(&s) => match crate::types::str::as_str(s) {
            Some(t) => t.to_string(),
            None => {
                let t = type_name(vm, s).to_string();
                return Err(vm.type_error(format!("format() argument 2 must be str, not {t}")));
            }
        },
    };
    convert::format(vm, args.pos[0], &spec)
}

/// The source argument of `exec`/`eval`: a str (bytes decoded), or a code object.
fn source_arg(vm: &mut Vm, src: Value, fname: &str, strip: bool) -> PyResult<Value> {
    if object::kind_of(src) == Some(Kind::Code) {
        return Ok(src);
    }
    let text = if let Some(s) = crate::types::str::as_str(src) {
        s.to_string()
    } else if let Some(b) = crate::types::bytes::as_bytes(src) {
        match std::str::from_utf8(b) {
            Ok(s) => s.to_string(),
            Err(_) => {
                let c = vm.cls.syntax_error;
                return Err(vm.raise_new(c, "(unicode error) 'utf-8' codec can't decode bytes"));
            }
        }
    } else {
        return Err(vm.type_error(format!(
            "{fname}() arg 1 must be a string, bytes or code object"
        )));
    };
    let text = if strip {
        text.trim_start_matches([' ', '\t'])
    } else {
        &text
    };
    Ok(crate::types::str::new_str(vm, text))
}

/// Whether `v` looks like a mapping (has `__getitem__`).
fn is_mapping(vm: &mut Vm, v: Value) -> bool {
    if crate::types::dict::as_dict(v).is_some() {
        return true;
    }
    let name = vm.names.__getitem__;
    !crate::ops::lookup_special(vm, v, name).is_null()
}

/// Shared body of `exec` and `eval`: checks the namespaces and runs the source.
fn run_source(vm: &mut Vm, args: &Args<'_>, mode: &str) -> PyResult {
    let is_exec = mode == "exec";
    let fname = if is_exec { "exec" } else { "eval" };
    let src = source_arg(vm, args.pos[0], fname, !is_exec)?;
    let globals = super::not_none(vm, args.pos.get(1).copied()).unwrap_or(Value::NULL);
    let mut locals = super::not_none(vm, args.pos.get(2).copied()).unwrap_or(Value::NULL);
    if !globals.is_null() && crate::types::dict::as_dict(globals).is_none() {
        let t = type_name(vm, globals).to_string();
        let msg = if is_exec {
            format!("exec() globals must be a dict, not {t}")
        } else if is_mapping(vm, globals) {
            "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
        } else {
            "globals must be a dict".to_string()
        };
        return Err(vm.type_error(msg));
    }
    if !locals.is_null() && !is_mapping(vm, locals) {
        let t = type_name(vm, locals).to_string();
        return Err(vm.type_error(if is_exec {
            format!("locals must be a mapping or None, not {t}")
        } else {
            "locals must be a mapping".to_string()
        }));
    }
    if !globals.is_null() {
        let key = vm.names.__builtins__;
        if crate::types::dict::get(vm, globals, key)?.is_none() {
            let b = vm.builtins();
            crate::types::dict::set(vm, globals, key, b)?;
        }
        if locals.is_null() {
            locals = globals;
        }
    }
    crate::eval::api::exec_source(vm, src, mode, globals, locals)
}

/// `exec(source, globals=None, locals=None, /)`.
pub(crate) fn builtin_exec(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.only_kwargs(vm, "exec", &["closure"])?;
    if args.pos.is_empty() {
        return Err(vm.type_error("exec() takes at least 1 positional argument (0 given)"));
    }
    args.check_positional(vm, "exec", 1, 3)?;
    if super::not_none(vm, args.kwarg("closure")).is_some() {
        return Err(vm.not_implemented("exec() with a closure"));
    }
    run_source(vm, &args, "exec")?;
    Ok(vm.none)
}

/// `eval(source, globals=None, locals=None, /)`.
pub(crate) fn builtin_eval(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "eval", 1, 3)?;
    run_source(vm, &args, "eval")
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
pub(crate) fn builtin_compile(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let names = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
        "_feature_version",
    ];
    let a = super::bind(vm, &args, "compile", &names, 3)?;
    let src = a[0].unwrap_or(Value::NULL);
    let text = if let Some(s) = crate::types::str::as_str(src) {
        s.to_string()
    } else if let Some(b) = crate::types::bytes::as_bytes(src) {
        String::from_utf8_lossy(b).into_owned()
    } else if is_ast_node(vm, src)? {
        return Err(vm.not_implemented("compile() of an AST object"));
    } else {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    let filename = crate::types::file::fspath(vm, a[1].unwrap_or(Value::NULL))?;
    let mode_v = a[2].unwrap_or(Value::NULL);
    let mode = match crate::types::str::as_str(mode_v) {
        Some(m @ ("exec" | "eval" | "single")) => m.to_string(),
        Some(_) => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
        None => {
            let t = type_name(vm, mode_v).to_string();
            return Err(vm.type_error(format!("compile() argument 'mode' must be str, not {t}")));
        }
    };
    let only_ast = match a[3] {
        Some(f) => convert::index_isize(vm, f)? & 0x400 != 0,
        None => false,
    };
    let text = if mode == "eval" {
        text.trim_start_matches([' ', '\t']).to_string()
    } else {
        text
    };
    if !only_ast {
        return crate::eval::api::compile_source(vm, &text, &filename, &mode);
    }
    let pmode = match mode.as_str() {
        "eval" => pyrs_frontend::Mode::Eval,
        "single" => pyrs_frontend::Mode::Single,
        _ => pyrs_frontend::Mode::Exec,
    };
    // Errors of CPython's parser abort; those of its compiler proper do not. Compiling
    // reports the error again, raised as CPython's SyntaxError.
    let parsed = pyrs_frontend::check_syntax(&text, &filename, pmode).is_ok();
    let fatal = match pyrs_frontend::compile(&text, &filename, pmode) {
        Ok(_) => false,
        Err(e) => !parsed || !compiler_only_error(&e.msg),
    };
    if fatal {
        crate::eval::api::compile_source(vm, &text, &filename, &mode)?;
    }
    // The AST builder lives in pyrs-stdlib, which registers it at start-up.
    let Some(&builder) = vm.native_classes.get("compile.ast_builder") else {
        return Err(vm.not_implemented("compile() to an AST"));
    };
    let build = crate::ops::attr::getattr_str(vm, builder, "build")?;
    let text = crate::types::str::new_str(vm, &text);
    let mode = crate::types::str::new_str(vm, &mode);
    crate::ops::call::call(vm, build, &[text, mode])
}

/// Whether a syntax error is one that CPython raises only when compiling to bytecode
/// (its symtable and code generator), not from `ast.parse`.
fn compiler_only_error(msg: &str) -> bool {
    const PARTS: &[&str] = &[
        "outside function",
        "outside loop",
        "outside async function",
        "not properly in loop",
        "outside of an asynchronous function",
        "not allowed at module level",
        "no binding for nonlocal",
        "is parameter and",
        "is nonlocal and global",
        "used prior to",
        "assigned to before",
        "duplicate argument",
        "with value in async generator",
        "inside async function",
        "inside list comprehension",
        "inside set comprehension",
        "inside dict comprehension",
        "inside generator expression",
        "import * only allowed",
        "must be last",
        "statically nested blocks",
        "assignment expression cannot",
        "multiple starred expressions",
        "too many expressions in star-unpacking",
        "can't use starred expression here",
        "annotated name",
        "patterns bind different names",
        "in pattern",
        "remaining patterns unreachable",
        "class pattern",
        "sequence pattern",
        "mapping pattern",
    ];
    PARTS.iter().any(|p| msg.contains(p))
}

/// Whether `v` is an instance of a class defining `_fields` and `_attributes` (an `ast` node).
fn is_ast_node(vm: &mut Vm, v: Value) -> PyResult<bool> {
    for name in ["_fields", "_attributes"] {
        let k = vm.intern(name);
        if crate::ops::attr::getattr_opt(vm, v, k)?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub(crate) fn builtin_import(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = super::bind(
        vm,
        &args,
        "__import__",
        &["name", "globals", "locals", "fromlist", "level"],
        1,
    )?;
    let name = a[0].unwrap_or(Value::NULL);
    let Some(text) = crate::types::str::as_str(name) else {
        return Err(vm.type_error("module name must be a string"));
    };
    let level = match a[4] {
        Some(l) => convert::index_isize(vm, l)?,
        None => 0,
    };
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    if text.is_empty() && level == 0 {
        return Err(vm.value_error("Empty module name"));
    }
    let globals = super::not_none(vm, a[1]).unwrap_or(Value::NULL);
    let fromlist = super::not_none(vm, a[3]).unwrap_or(Value::NULL);
    let level = crate::types::int::new_i64(vm, level);
    crate::eval::api::import(vm, name, globals, fromlist, level)
}

/// Raises `SystemExit(code)`.
pub(crate) fn raise_system_exit(vm: &mut Vm, code: Value) -> crate::vm::Raised {
    let cls = vm.cls.system_exit;
    match call::call(vm, cls, &[code]) {
        Ok(e) => vm.raise(e),
        Err(r) => r,
    }
}

/// `Quitter.__call__(self, code=None)`: raises `SystemExit(code)`.
fn quitter_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("Quitter.__call__() takes no keyword arguments"));
    }
    if args.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "Quitter.__call__() takes from 1 to 2 positional arguments but {} were given",
            args.pos.len()
        )));
    }
    let code = args.pos.get(1).copied().unwrap_or(vm.none);
    Err(raise_system_exit(vm, code))
}

/// `repr(exit)`: `Use exit() or Ctrl-D (i.e. EOF) to exit`.
fn quitter_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__repr__", 1, 1)?;
    let name = attr::getattr_str(vm, args.pos[0], "name")?;
    let name = convert::str_string(vm, name)?;
    let s = format!("Use {name}() or Ctrl-D (i.e. EOF) to exit");
    Ok(crate::types::str::new_str(vm, &s))
}

/// Adds `exit` and `quit` (instances of `_sitebuiltins.Quitter`) to the builtins module.
pub(crate) fn add_quitters(vm: &mut Vm, module: Value) {
    let ns = crate::types::dict::new_dict(vm);
    let k = vm.names.__module__;
    let v = vm.intern("_sitebuiltins");
    crate::types::dict::set_str_key(ns, k, v);
    let name = vm.intern("Quitter");
    let (meta, base) = (vm.cls.type_, vm.cls.object);
    let Ok(cls) = crate::types::class::new_class(vm, meta, name, &[base], ns) else {
        vm.exc = Value::NULL;
        return;
    };
    vm.add_methods(
        cls,
        &[("__call__", quitter_call), ("__repr__", quitter_repr)],
    );
    for n in ["exit", "quit"] {
        let q = crate::types::instance::new_instance(vm, cls, Value::NULL);
        let key = vm.intern("name");
        let val = vm.intern(n);
        crate::types::instance::set_attr(vm, q, key, val);
        vm.module_set(module, n, q);
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn ascii_escapes() {
        assert_eq!(
            crate::types::str::ascii_escape("h\u{e9}llo\u{1234}\u{1f600}"),
            "h\\xe9llo\\u1234\\U0001f600"
        );
    }
}
