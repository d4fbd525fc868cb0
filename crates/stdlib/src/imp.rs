//! The `_imp` module: the hooks `importlib._bootstrap` needs to treat pyrs's native
//! modules as built-in modules. pyrs has no frozen modules and cannot load C extensions.
//!
//! pyrs's `import` statement does not go through `importlib`; for code that calls
//! `importlib` directly (`import_module`, `util.find_spec`), importing `_imp` puts
//! `_imp.PyrsImporter` on `sys.meta_path`: a finder that locates modules as the `import`
//! statement does and a loader that runs that import.

use crate::common;
use pyrs_interp::ops::attr;
use pyrs_interp::types::list::new_list;
use pyrs_interp::types::str::{as_str, new_str};
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, PyResult, Vm};

/// Whether `name` is a module compiled into pyrs (native, or `sys`/`builtins`).
fn is_native(vm: &Vm, name: &str) -> bool {
    vm.native_modules.contains_key(name) || name == "sys" || name == "builtins"
}

fn str_arg(vm: &mut Vm, fname: &str, v: Value) -> PyResult<String> {
    match as_str(v) {
        Some(s) => Ok(s.to_string()),
        None => {
            let t = common::type_name(vm, v);
            Err(vm.type_error(format!("{fname}() argument must be str, not {t}")))
        }
    }
}

/// `is_builtin(name)`: 1 for a native module, -1 for `sys`/`builtins` (they cannot be
/// re-initialised), 0 otherwise.
fn is_builtin(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "is_builtin", 0, 1, 1)?;
    let name = str_arg(vm, "is_builtin", pos[0])?;
    let r = match name.as_str() {
        "sys" | "builtins" => -1,
        n if is_native(vm, n) => 1,
        _ => 0,
    };
    Ok(pyrs_interp::types::int::new_i64(vm, r))
}

/// `is_frozen(name)`: pyrs has no frozen modules.
fn is_frozen(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "is_frozen", 0, 1, 1)?;
    str_arg(vm, "is_frozen", pos[0])?;
    Ok(vm.bool(false))
}

/// `find_frozen(name, *, withdata=False)`: never found.
fn find_frozen(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.only_kwargs(vm, "find_frozen", &["withdata"])?;
    common::check_count(vm, "find_frozen", args.pos.len(), 1, 1)?;
    str_arg(vm, "find_frozen", args.pos[0])?;
    Ok(vm.none)
}

/// `get_frozen_object`, `is_frozen_package`, `init_frozen`: no frozen object exists.
fn no_frozen(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let name = match args.pos.first() {
        Some(&v) => pyrs_interp::ops::convert::repr_string(vm, v)?,
        None => return Err(vm.type_error("expected a module name")),
    };
    let c = vm.cls.import_error;
    Err(vm.raise_new(c, &format!("No such frozen object named {name}")))
}

/// `create_builtin(spec)`: the native module named `spec.name` (created and registered in
/// `sys.modules` by the import system).
fn create_builtin(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "create_builtin", 0, 1, 1)?;
    let n = attr::getattr_str(vm, pos[0], "name")?;
    let name = match as_str(n) {
        Some(s) => s.to_string(),
        None => {
            let t = common::type_name(vm, n);
            return Err(vm.type_error(format!("name must be string, not {t}")));
        }
    };
    if !is_native(vm, &name) {
        let c = vm.cls.import_error;
        return Err(vm.raise_new(c, &format!("no built-in module named {name}")));
    }
    pyrs_interp::eval::import::import_module(vm, &name)
}

/// `exec_builtin(module)` / `exec_dynamic(module)`: native modules are complete once
/// created.
fn exec_module(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::positional(vm, &args, "exec_builtin", 0, 1, 1)?;
    Ok(Value::from_usize(0))
}

/// `create_dynamic(spec, file=None)`: C extension modules cannot run on pyrs.
fn create_dynamic(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "create_dynamic", 0, 1, 2)?;
    let n = attr::getattr_str(vm, pos[0], "name")?;
    let name = pyrs_interp::ops::convert::str_string(vm, n)?;
    let c = vm.cls.import_error;
    Err(vm.raise_new(c, &format!("pyrs cannot load C extension module '{name}'")))
}

/// `acquire_lock()`, `release_lock()`, `_fix_co_filename(code, path)`: nothing to do in
/// a single-threaded interpreter whose code objects keep their file names.
fn nothing(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(vm.none)
}

/// `lock_held()`: the import lock is never held across Python code.
fn lock_held(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::positional(vm, &args, "lock_held", 0, 0, 0)?;
    Ok(vm.bool(false))
}

/// `extension_suffixes()`: no file suffix names a loadable extension module.
fn extension_suffixes(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::positional(vm, &args, "extension_suffixes", 0, 0, 0)?;
    Ok(new_list(vm, Vec::new()))
}

/// `source_hash(key, source)`: hash-based `.pyc` files are not supported.
fn source_hash(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(vm.not_implemented("_imp.source_hash (hash-based .pyc files)"))
}

/// Where `PyrsImporter` finds a module: its origin and, for a package, its directory.
fn locate(vm: &mut Vm, name: &str, path: Value) -> PyResult<Option<(String, Option<String>)>> {
    if !name.contains('.') && is_native(vm, name) {
        return Ok(Some(("built-in".to_string(), None)));
    }
    let dirs = if path == vm.none {
        let sys = vm.sys_module();
        attr::getattr_str(vm, sys, "path")?
    } else {
        path
    };
    let leaf = name.rsplit('.').next().unwrap_or(name);
    for d in pyrs_interp::ops::iter::collect(vm, dirs)? {
        let Some(d) = as_str(d) else { continue };
        let base = std::path::Path::new(if d.is_empty() { "." } else { d });
        let pkg = base.join(leaf);
        let init = pkg.join("__init__.py");
        if init.is_file() {
            let dir = pkg.to_string_lossy().to_string();
            return Ok(Some((init.to_string_lossy().to_string(), Some(dir))));
        }
        let file = base.join(format!("{leaf}.py"));
        if file.is_file() {
            return Ok(Some((file.to_string_lossy().to_string(), None)));
        }
    }
    Ok(None)
}

/// `PyrsImporter.find_spec(name, path=None, target=None)`: a `ModuleSpec` whose loader is
/// `PyrsImporter`, or `None`.
fn find_spec(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.only_kwargs(vm, "find_spec", &["name", "path", "target"])?;
    let (Some(&cls), Some(n)) = (args.pos.first(), args.arg(1, "name")) else {
        return Err(vm.type_error("find_spec() missing required argument 'name'"));
    };
    let name = str_arg(vm, "find_spec", n)?;
    let path = args.arg(2, "path").unwrap_or(vm.none);
    let Some((origin, pkg_dir)) = locate(vm, &name, path)? else {
        return Ok(vm.none);
    };
    let bootstrap = pyrs_interp::eval::import::import_module(vm, "importlib._bootstrap")?;
    let spec_cls = attr::getattr_str(vm, bootstrap, "ModuleSpec")?;
    let origin_v = new_str(vm, &origin);
    let is_pkg = vm.bool(pkg_dir.is_some());
    let kwnames = [vm.intern("origin"), vm.intern("is_package")];
    let spec = pyrs_interp::ops::call::call_args(
        vm,
        spec_cls,
        Args {
            pos: &[n, cls],
            kw: &[origin_v, is_pkg],
            kwnames: &kwnames,
        },
    )?;
    if origin != "built-in" {
        let t = vm.bool(true);
        let k = vm.intern("has_location");
        attr::setattr(vm, spec, k, t)?;
    }
    if let Some(dir) = pkg_dir {
        let d = new_str(vm, &dir);
        let locations = new_list(vm, vec![d]);
        let k = vm.intern("submodule_search_locations");
        attr::setattr(vm, spec, k, locations)?;
    }
    Ok(spec)
}

/// `PyrsImporter.create_module(spec)`: imports `spec.name` as the `import` statement does.
fn create_module(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "create_module", 1, 1, 1)?;
    let n = attr::getattr_str(vm, pos[0], "name")?;
    let name = str_arg(vm, "create_module", n)?;
    pyrs_interp::eval::import::import_module(vm, &name)
}

/// `PyrsImporter.exec_module(module)`: `create_module` already ran it.
fn exec_spec_module(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::positional(vm, &args, "exec_module", 1, 1, 1)?;
    Ok(vm.none)
}

/// Puts `PyrsImporter` on `sys.meta_path` (once).
fn install_importer(vm: &mut Vm, m: Value) -> PyResult<()> {
    let cls = common::new_type(vm, "_imp.PyrsImporter", None, false);
    vm.add_classmethod(cls, "find_spec", find_spec);
    vm.add_classmethod(cls, "create_module", create_module);
    vm.add_classmethod(cls, "exec_module", exec_spec_module);
    vm.module_set(m, "PyrsImporter", cls);
    let sys = vm.sys_module();
    let meta_path = attr::getattr_str(vm, sys, "meta_path")?;
    if !pyrs_interp::ops::subscript::contains(vm, meta_path, cls)? {
        pyrs_interp::ops::call::call_method(vm, meta_path, "append", &[cls])?;
    }
    Ok(())
}

/// Creates the `_imp` module.
pub fn init(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("_imp");
    install_importer(vm, m)?;
    vm.module_add_functions(
        m,
        &[
            ("is_builtin", is_builtin),
            ("is_frozen", is_frozen),
            ("is_frozen_package", no_frozen),
            ("get_frozen_object", no_frozen),
            ("init_frozen", no_frozen),
            ("find_frozen", find_frozen),
            ("create_builtin", create_builtin),
            ("exec_builtin", exec_module),
            ("exec_dynamic", exec_module),
            ("create_dynamic", create_dynamic),
            ("acquire_lock", nothing),
            ("release_lock", nothing),
            ("_fix_co_filename", nothing),
            ("lock_held", lock_held),
            ("extension_suffixes", extension_suffixes),
            ("source_hash", source_hash),
        ],
    );
    let mode = new_str(vm, "default");
    vm.module_set(m, "check_hash_based_pycs", mode);
    Ok(m)
}
