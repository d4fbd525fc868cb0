//! The `builtins` module's functions and the `sys` module, plus the standard streams as
//! Rust code sees them ([`write_stdout`], [`write_stderr`], [`flush_std_streams`]).
//!
//! The builtin classes (`int`, `list`, the exceptions, ...), `__build_class__` and the
//! constants are added to the builtins namespace by the bootstrap, not here.

mod async_iter;
mod introspection;
mod io;
mod iteration;
mod namespace;
mod numeric;
pub mod sys;

pub use introspection::{isinstance, issubclass};
pub use io::{flush_std_streams, flush_stdout, write_stderr, write_stdout};
pub use numeric::radix_string;

use crate::value::Value;
use crate::vm::{Args, NativeFn, PyResult, Vm};

/// `dir(obj)`: a sorted list of names.
pub(crate) fn dir_of(vm: &mut Vm, obj: Value) -> PyResult {
    introspection::builtin_dir(vm, Args::positional(&[obj]))
}

/// Whether the builtin class `cls` named `name` is one of CPython's `builtins` names: the
/// exceptions and the types below. The others (`function`, `NoneType`, the iterator and
/// view types...) are only reachable through `type()` and the `types` module.
pub(crate) fn exposes_class(name: &str, cls: Value) -> bool {
    const EXPOSED: &[&str] = &[
        "object",
        "type",
        "int",
        "bool",
        "float",
        "complex",
        "str",
        "bytes",
        "bytearray",
        "list",
        "tuple",
        "dict",
        "set",
        "frozenset",
        "range",
        "slice",
        "memoryview",
        "property",
        "staticmethod",
        "classmethod",
        "super",
        "enumerate",
        "zip",
        "map",
        "filter",
        "reversed",
    ];
    let exception =
        crate::types::class::class_obj(cls).flags & crate::types::class::flags::EXCEPTION != 0;
    exception || EXPOSED.contains(&name)
}

/// Every builtin function, by name.
const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("print", io::builtin_print),
    ("input", io::builtin_input),
    ("open", crate::types::file::builtin_open),
    ("len", iteration::builtin_len),
    ("iter", iteration::builtin_iter),
    ("next", iteration::builtin_next),
    ("aiter", async_iter::builtin_aiter),
    ("anext", async_iter::builtin_anext),
    ("any", iteration::builtin_any),
    ("all", iteration::builtin_all),
    ("sorted", iteration::builtin_sorted),
    ("abs", numeric::builtin_abs),
    ("round", numeric::builtin_round),
    ("divmod", numeric::builtin_divmod),
    ("pow", numeric::builtin_pow),
    ("sum", numeric::builtin_sum),
    ("min", numeric::builtin_min),
    ("max", numeric::builtin_max),
    ("hex", numeric::builtin_hex),
    ("oct", numeric::builtin_oct),
    ("bin", numeric::builtin_bin),
    ("chr", numeric::builtin_chr),
    ("ord", numeric::builtin_ord),
    ("isinstance", introspection::builtin_isinstance),
    ("issubclass", introspection::builtin_issubclass),
    ("id", introspection::builtin_id),
    ("hash", introspection::builtin_hash),
    ("callable", introspection::builtin_callable),
    ("getattr", introspection::builtin_getattr),
    ("setattr", introspection::builtin_setattr),
    ("hasattr", introspection::builtin_hasattr),
    ("delattr", introspection::builtin_delattr),
    ("vars", introspection::builtin_vars),
    ("dir", introspection::builtin_dir),
    ("globals", introspection::builtin_globals),
    ("locals", introspection::builtin_locals),
    ("repr", introspection::builtin_repr),
    ("ascii", introspection::builtin_ascii),
    ("format", introspection::builtin_format),
    ("exec", introspection::builtin_exec),
    ("eval", introspection::builtin_eval),
    ("compile", introspection::builtin_compile),
    ("__import__", introspection::builtin_import),
];

/// Creates the `builtins` module with the builtin functions (called at bootstrap, before
/// the builtin classes get their methods).
pub fn create_builtins_module(vm: &mut Vm) -> Value {
    let m = vm.new_module("builtins");
    vm.module_add_functions(m, FUNCTIONS);
    async_iter::init(vm);
    introspection::add_quitters(vm, m);
    let os_error = vm.cls.os_error;
    for alias in ["EnvironmentError", "IOError"] {
        vm.module_set(m, alias, os_error);
    }
    m
}

/// Binds the arguments of native function `fname` whose parameters are `names` (the first
/// `required` mandatory), positionally or by keyword, with CPython's messages. Returns one
/// entry per name (`None` when not given).
pub(crate) fn bind(
    vm: &mut Vm,
    args: &Args<'_>,
    fname: &str,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let given = args.pos.len() + args.kw.len();
    if given > names.len() {
        let n = names.len();
        return Err(vm.type_error(format!(
            "{fname}() takes at most {n} argument{} ({given} given)",
            if n == 1 { "" } else { "s" }
        )));
    }
    let mut out: Vec<Option<Value>> = names
        .iter()
        .enumerate()
        .map(|(i, _)| args.pos.get(i).copied())
        .collect();
    for (&k, &v) in args.kwnames.iter().zip(args.kw) {
        let k = crate::types::str::as_str(k).unwrap_or("");
        match names.iter().position(|&n| n == k) {
            Some(i) if i < args.pos.len() => {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    i + 1
                )));
            }
            Some(i) => out[i] = Some(v),
            None => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )))
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

/// Treats `None` like an absent optional argument.
pub(crate) fn not_none(vm: &Vm, v: Option<Value>) -> Option<Value> {
    v.filter(|&v| v != vm.none && !v.is_null())
}
