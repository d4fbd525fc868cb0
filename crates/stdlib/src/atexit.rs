//! The `atexit` module: functions to call when the interpreter exits, last registered
//! first. The embedder calls [`run_exitfuncs`] after the main program ends.

use crate::common::{self, boxed_state};
use pyrs_interp::ops::{call, compare, convert};
use pyrs_interp::types::boxed;
use pyrs_interp::types::dict;
use pyrs_interp::types::tuple::{self, new_tuple};
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};

const HOLDER: &str = "atexit._callbacks";

/// The registrations: the function, its positional arguments (a tuple) and its keyword
/// arguments (a dict); `None` for an unregistered one (CPython keeps counting its slot).
struct Callbacks {
    entries: Vec<Option<[Value; 3]>>,
}
boxed_state!(Callbacks { entries });

impl common::Trace for [Value; 3] {
    fn trace(&mut self, t: &mut pyrs_interp::types::boxed::Tracer<'_, '_>) {
        t.values(self.iter_mut());
    }
}

fn callbacks<'a>(vm: &mut Vm) -> PyResult<&'a mut Callbacks> {
    let h = common::type_of(vm, HOLDER)?;
    match boxed::state::<Callbacks>(h) {
        Some(c) => Ok(c),
        None => Err(vm.runtime_error("pyrs: atexit registry missing")),
    }
}

fn register(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(&f) = args.pos.first() else {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    };
    if !common::is_callable(vm, f) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let pos = new_tuple(vm, &args.pos[1..]);
    let kw = dict::new_dict(vm);
    for (k, &v) in args.kwnames.iter().zip(args.kw) {
        dict::set(vm, kw, *k, v)?;
    }
    callbacks(vm)?.entries.push(Some([f, pos, kw]));
    Ok(f)
}

fn unregister(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "unregister", 0, 1, 1)?;
    let entries: Vec<Option<[Value; 3]>> = callbacks(vm)?.entries.clone();
    let mut kept = Vec::with_capacity(entries.len());
    for e in entries {
        match e {
            Some(e) if compare::eq(vm, e[0], pos[0])? => kept.push(None),
            other => kept.push(other),
        }
    }
    callbacks(vm)?.entries = kept;
    Ok(vm.none)
}

fn clear(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::positional(vm, &args, "_clear", 0, 0, 0)?;
    callbacks(vm)?.entries.clear();
    Ok(vm.none)
}

fn ncallbacks(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::positional(vm, &args, "_ncallbacks", 0, 0, 0)?;
    let n = callbacks(vm)?.entries.len();
    Ok(Value::from_usize(n))
}

fn run_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::positional(vm, &args, "_run_exitfuncs", 0, 0, 0)?;
    run_exitfuncs(vm);
    Ok(vm.none)
}

/// Calls the registered functions, last first, and forgets them; an exception in one is
/// reported on stderr ("Exception ignored in atexit callback") and the others still run.
pub fn run_exitfuncs(vm: &mut Vm) {
    let Some(&h) = vm.native_classes.get(HOLDER) else {
        return;
    };
    let Some(cbs) = boxed::state::<Callbacks>(h) else {
        return;
    };
    let entries = std::mem::take(&mut cbs.entries);
    for [f, pos, kw] in entries.into_iter().rev().flatten() {
        let pos_items: Vec<Value> = tuple::as_tuple(pos)
            .map(|t| t.items().to_vec())
            .unwrap_or_default();
        let mut names = Vec::new();
        let mut vals = Vec::new();
        for (k, v) in dict::items(kw) {
            names.push(vm.intern_value(k));
            vals.push(v);
        }
        let r = call::call_args(
            vm,
            f,
            Args {
                pos: &pos_items,
                kw: &vals,
                kwnames: &names,
            },
        );
        if r.is_err() {
            let exc = std::mem::replace(&mut vm.exc, Value::NULL);
            let se = vm.cls.system_exit;
            let is_exit = pyrs_interp::types::class::is_subclass(
                pyrs_interp::types::class::class_of(vm, exc),
                se,
            );
            if is_exit {
                continue;
            }
            let what = convert::repr_string(vm, f).unwrap_or_else(|_| "<callback>".to_string());
            vm.exc = Value::NULL;
            let tb = pyrs_interp::eval::traceback::format_exception(vm, exc);
            let text = format!("Exception ignored in atexit callback: {what}\n{tb}");
            if pyrs_interp::builtins::write_stderr(vm, &text).is_err() {
                vm.exc = Value::NULL;
            }
        }
    }
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("register", register),
    ("unregister", unregister),
    ("_clear", clear),
    ("_ncallbacks", ncallbacks),
    ("_run_exitfuncs", run_method),
];

/// Creates the `atexit` module.
pub fn init(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("atexit");
    if !vm.native_classes.contains_key(HOLDER) {
        let cls = common::new_type(vm, "atexit._Callbacks", None, false);
        let h = boxed::new_pinned_boxed(
            vm,
            cls,
            Callbacks {
                entries: Vec::new(),
            },
        );
        vm.native_classes.insert(HOLDER, h);
    }
    vm.module_add_functions(m, FUNCTIONS);
    Ok(m)
}
