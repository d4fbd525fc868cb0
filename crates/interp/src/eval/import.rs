//! `import`: native modules, `.py` modules and packages found on `sys.path`, relative imports.

use crate::object::{self, ModuleObj};
use crate::ops;
use crate::types::dict;
use crate::value::Value;
use crate::vm::{PyResult, Raised, Vm};

fn str_of(v: Value) -> String {
    crate::types::str::as_str(v).unwrap_or("").to_string()
}

fn module_dict(m: Value) -> Option<Value> {
    object::downcast::<ModuleObj>(m).map(|m| m.dict)
}

/// Resolves a relative module name against the importing module's package.
fn resolve_name(vm: &mut Vm, name: &str, globals: Value, level: usize) -> PyResult<String> {
    if level == 0 {
        return Ok(name.to_string());
    }
    let pkg_key = vm.names.__package__;
    let mut package = dict::get_str_key(globals, pkg_key)
        .filter(|&p| p != vm.none)
        .map(str_of)
        .unwrap_or_default();
    if package.is_empty() {
        let n = dict::get_str_key(globals, vm.names.__name__)
            .map(str_of)
            .unwrap_or_default();
        let is_pkg = dict::get_str_key(globals, vm.names.__path__).is_some();
        package = if is_pkg {
            n
        } else {
            n.rsplit_once('.')
                .map(|(a, _)| a.to_string())
                .unwrap_or_default()
        };
    }
    if package.is_empty() {
        let c = vm.cls.import_error;
        return Err(vm.raise_new(c, "attempted relative import with no known parent package"));
    }
    let mut parts: Vec<&str> = package.split('.').collect();
    if level - 1 > parts.len().saturating_sub(1) && level > parts.len() {
        let c = vm.cls.import_error;
        return Err(vm.raise_new(c, "attempted relative import beyond top-level package"));
    }
    parts.truncate(parts.len() + 1 - level);
    let base = parts.join(".");
    Ok(if name.is_empty() {
        base
    } else {
        format!("{base}.{name}")
    })
}

/// `IMPORT_NAME`: imports `name` and returns the top package (or the module itself when a
/// fromlist is given).
pub fn import_name(
    vm: &mut Vm,
    name: Value,
    globals: Value,
    fromlist: Value,
    level: Value,
) -> PyResult<Value> {
    let level = level.as_small().unwrap_or(0).max(0) as usize;
    let n = str_of(name);
    let full = resolve_name(vm, &n, globals, level)?;
    let module = import_module(vm, &full)?;
    let has_fromlist = fromlist != vm.none && crate::ops::convert::truthy(vm, fromlist)?;
    if has_fromlist || n.is_empty() {
        return Ok(module);
    }
    if level == 0 {
        let top = full.split('.').next().unwrap_or(&full).to_string();
        return import_module(vm, &top);
    }
    let top_rel = n.split('.').next().unwrap_or(&n);
    let prefix_len = full.len() - n.len() + top_rel.len();
    import_module(vm, &full[..prefix_len])
}

/// Imports the module with absolute dotted name `full` (parents first).
pub fn import_module(vm: &mut Vm, full: &str) -> PyResult<Value> {
    let key = crate::types::str::new_str(vm, full);
    let mods = vm.sys_modules();
    if let Some(m) = dict::get(vm, mods, key)? {
        return Ok(m);
    }
    let (parent, leaf) = match full.rsplit_once('.') {
        Some((p, l)) => (Some(p.to_string()), l.to_string()),
        None => (None, full.to_string()),
    };
    let search: Vec<String> = match &parent {
        Some(p) => {
            let pm = import_module(vm, p)?;
            // Importing the parent may have registered this module (`os` sets `os.path`).
            let (mods, key) = (vm.sys_modules(), crate::types::str::new_str(vm, full));
            if let Some(m) = dict::get(vm, mods, key)? {
                return Ok(m);
            }
            let path_key = vm.names.__path__;
            let Some(path) = module_dict(pm).and_then(|d| dict::get_str_key(d, path_key)) else {
                let c = vm.cls.module_not_found_error;
                let nv = crate::types::str::new_str(vm, full);
                let none = vm.none;
                return Err(import_error(
                    vm,
                    c,
                    &format!("No module named '{full}'; '{p}' is not a package"),
                    nv,
                    none,
                ));
            };
            ops::iter::collect(vm, path)?
                .into_iter()
                .map(str_of)
                .collect()
        }
        None => {
            if let Some(&init) = vm.native_modules.get(full) {
                let m = init(vm)?;
                let mods = vm.sys_modules();
                dict::set(vm, mods, key, m)?;
                return Ok(m);
            }
            let sys = vm.sys_module();
            let path = ops::attr::getattr_str(vm, sys, "path")?;
            ops::iter::collect(vm, path)?
                .into_iter()
                .map(str_of)
                .collect()
        }
    };
    for dir in search {
        let base = if dir.is_empty() {
            std::path::PathBuf::from(".")
        } else {
            std::path::PathBuf::from(&dir)
        };
        let pkg_init = base.join(&leaf).join("__init__.py");
        let file = base.join(format!("{leaf}.py"));
        let (path, is_pkg) = if pkg_init.is_file() {
            (pkg_init, true)
        } else if file.is_file() {
            (file, false)
        } else {
            continue;
        };
        let m = load_source_module(vm, full, &path, is_pkg)?;
        if let Some(p) = &parent {
            let pm = import_module(vm, p)?;
            let lk = vm.intern(&leaf);
            if let Some(d) = module_dict(pm) {
                dict::set_str_key(d, lk, m);
            }
        }
        return Ok(m);
    }
    let c = vm.cls.module_not_found_error;
    let nv = crate::types::str::new_str(vm, full);
    let none = vm.none;
    Err(import_error(
        vm,
        c,
        &format!("No module named '{full}'"),
        nv,
        none,
    ))
}

/// Raises ImportError class `cls` with message `msg` and its `name` and `path` fields.
fn import_error(vm: &mut Vm, cls: Value, msg: &str, name: Value, path: Value) -> Raised {
    let e = vm.new_exception_msg(cls, msg);
    let m = crate::errors::exc_data(e)
        .and_then(|d| crate::types::tuple::items(d.args).first().copied())
        .unwrap_or(vm.none);
    for (k, v) in [("msg", m), ("name", name), ("path", path)] {
        if crate::types::exception::fields::set_field(vm, e, k, v).is_err() {
            return Raised;
        }
    }
    vm.raise(e)
}

fn load_source_module(
    vm: &mut Vm,
    full: &str,
    path: &std::path::Path,
    is_pkg: bool,
) -> PyResult<Value> {
    let source = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            let c = vm.cls.import_error;
            return Err(vm.raise_new(c, &format!("cannot read {}: {e}", path.display())));
        }
    };
    let filename = path.to_string_lossy().to_string();
    let code = super::api::compile_to_code(vm, &source, &filename, pyrs_frontend::Mode::Exec)?;
    let m = vm.new_module(full);
    let d = module_dict(m).unwrap_or(Value::NULL);
    let fk = vm.names.__file__;
    let fv = crate::types::str::new_str(vm, &filename);
    dict::set_str_key(d, fk, fv);
    let pk = vm.names.__package__;
    let package = if is_pkg {
        full.to_string()
    } else {
        full.rsplit_once('.')
            .map(|(a, _)| a.to_string())
            .unwrap_or_default()
    };
    let pv = crate::types::str::new_str(vm, &package);
    dict::set_str_key(d, pk, pv);
    if is_pkg {
        let dir = path
            .parent()
            .map(|p| p.to_string_lossy().to_string())
            .unwrap_or_default();
        let dv = crate::types::str::new_str(vm, &dir);
        let l = crate::types::list::new_list(vm, vec![dv]);
        let k = vm.names.__path__;
        dict::set_str_key(d, k, l);
    }
    let bk = vm.names.__builtins__;
    let bm =
        crate::types::dict::get_str_key(vm.sys_modules(), vm.names.builtins).unwrap_or(vm.none);
    dict::set_str_key(d, bk, bm);
    let key = crate::types::str::new_str(vm, full);
    let mods = vm.sys_modules();
    dict::set(vm, mods, key, m)?;
    if let Err(e) = super::api::run_code(vm, code, d, d) {
        let mods = vm.sys_modules();
        let saved = vm.exc;
        let _ = dict::del(vm, mods, key);
        vm.exc = saved;
        return Err(e);
    }
    let mods = vm.sys_modules();
    Ok(dict::get(vm, mods, key)?.unwrap_or(m))
}

/// `IMPORT_FROM`: `module.name`, importing a submodule if needed.
pub fn import_from(vm: &mut Vm, module: Value, name: Value) -> PyResult<Value> {
    if let Some(v) = ops::attr::getattr_opt(vm, module, name)? {
        return Ok(v);
    }
    let mname = module_dict(module)
        .and_then(|d| dict::get_str_key(d, vm.names.__name__))
        .map(str_of)
        .unwrap_or_default();
    let n = str_of(name);
    let full = format!("{mname}.{n}");
    match import_module(vm, &full) {
        Ok(m) => Ok(m),
        Err(e) => {
            let mnf = vm.cls.module_not_found_error;
            let exc = vm.exc;
            let missing = crate::types::exception::fields::field(vm, exc, "name")?
                .and_then(|n| crate::types::str::as_str(n).map(|s| s == full))
                .unwrap_or(false);
            vm.exc = exc;
            if !vm.exc_matches(mnf) || !missing {
                return Err(e);
            }
            vm.exc = Value::NULL;
            let file = module_dict(module).and_then(|d| dict::get_str_key(d, vm.names.__file__));
            let loc = match file.map(str_of) {
                Some(f) => format!(" ({f})"),
                None => " (unknown location)".to_string(),
            };
            let c = vm.cls.import_error;
            let mv = crate::types::str::new_str(vm, &mname);
            let path = file.unwrap_or(vm.none);
            let msg = format!("cannot import name '{n}' from '{mname}'{loc}");
            Err(import_error(vm, c, &msg, mv, path))
        }
    }
}

/// `from module import *`.
pub fn import_star(vm: &mut Vm, module: Value, locals: Value, globals: Value) -> PyResult<()> {
    let target = if locals.is_null() { globals } else { locals };
    let Some(d) = module_dict(module) else {
        return Err(vm.not_implemented("import * from a non-module"));
    };
    let all_key = vm.names.__all__;
    let names: Vec<Value> = match dict::get_str_key(d, all_key) {
        Some(all) => ops::iter::collect(vm, all)?,
        None => dict::items(d)
            .into_iter()
            .map(|(k, _)| k)
            .filter(|&k| !str_of(k).starts_with('_'))
            .collect(),
    };
    for n in names {
        let v = ops::attr::getattr(vm, module, n)?;
        let n = vm.intern_value(n);
        super::ops_exc::store_name(vm, target, n, v)?;
    }
    Ok(())
}
