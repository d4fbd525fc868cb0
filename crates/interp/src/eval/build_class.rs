//! `__build_class__`: runs a class body and creates the class through its metaclass.

use crate::object::{self, ClassObj, FunctionObj};
use crate::ops;
use crate::types::class::{class_obj, class_of, is_subclass};
use crate::types::dict;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

fn build_class(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if args.pos.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = args.pos[0];
    let name = args.pos[1];
    let Some(fo) = object::downcast::<FunctionObj>(func) else {
        return Err(vm.type_error("__build_class__: func must be a function"));
    };
    let (code_obj, globals, closure) = (fo.code, fo.globals, fo.closure);
    let orig_bases: Vec<Value> = args.pos[2..].to_vec();
    let mut bases = Vec::new();
    let mut changed = false;
    for &b in &orig_bases {
        if object::is::<ClassObj>(b) {
            bases.push(b);
            continue;
        }
        let me = vm.names.__mro_entries__;
        match ops::attr::getattr_opt(vm, b, me)? {
            Some(f) => {
                let t = crate::types::tuple::new_tuple(vm, &orig_bases);
                let r = ops::call::call(vm, f, &[t])?;
                bases.extend(crate::types::tuple::items(r).iter().copied());
                changed = true;
            }
            None => bases.push(b),
        }
    }
    let mut meta = Value::NULL;
    let mut kwn = Vec::new();
    let mut kwv = Vec::new();
    for (i, &k) in args.kwnames.iter().enumerate() {
        if crate::types::str::as_str(k) == Some("metaclass") {
            meta = args.kw[i];
        } else {
            kwn.push(k);
            kwv.push(args.kw[i]);
        }
    }
    if meta.is_null() {
        meta = match bases.first() {
            Some(&b) => class_of(vm, b),
            None => vm.cls.type_,
        };
    }
    if object::is::<ClassObj>(meta) {
        for &b in &bases {
            let bm = class_of(vm, b);
            if is_subclass(bm, meta) {
                meta = bm;
            } else if !is_subclass(meta, bm) {
                return Err(vm.type_error("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases"));
            }
        }
    }
    let bases_t = crate::types::tuple::new_tuple(vm, &bases);
    let prepare = vm.names.__prepare__;
    let ns = match ops::attr::getattr_opt(vm, meta, prepare)? {
        Some(p) => ops::call::call_args(
            vm,
            p,
            Args {
                pos: &[name, bases_t],
                kw: &kwv,
                kwnames: &kwn,
            },
        )?,
        None => dict::new_dict(vm),
    };
    let code = super::code::code_of(code_obj);
    let builtins = vm.builtins();
    let mut frame = Box::new(super::frame::Frame::new(
        code, code_obj, func, globals, builtins, ns,
    ));
    super::call::setup_cells(vm, &mut frame, closure);
    let cell = super::run_frame(vm, frame, false)?.value(vm)?;
    if changed {
        let k = vm.names.__orig_bases__;
        let ob = crate::types::tuple::new_tuple(vm, &orig_bases);
        ops::subscript::setitem(vm, ns, k, ob)?;
    }
    let mut pos = vec![name, bases_t, ns];
    let cls = ops::call::call_args(
        vm,
        meta,
        Args {
            pos: &pos,
            kw: &kwv,
            kwnames: &kwn,
        },
    )?;
    pos.clear();
    if let Some(c) = object::downcast::<object::CellObj>(cell) {
        c.value = cls;
    }
    Ok(cls)
}

/// Runs `__set_name__` and `__init_subclass__` for a new class.
pub fn finish_class(vm: &mut Vm, cls: Value, kw: &[Value], kwnames: &[Value]) -> PyResult<()> {
    let items = dict::items(class_obj(cls).dict);
    let sn = vm.names.__set_name__;
    for (k, v) in items {
        let m = ops::lookup_special(vm, v, sn);
        if !m.is_null() {
            ops::call::call_unbound(vm, m, v, &[v, cls, k])?;
        }
    }
    let mro: Vec<Value> = crate::types::class::mro(cls).to_vec();
    let isc = vm.names.__init_subclass__;
    for &c in mro.iter().skip(1) {
        if let Some(f) = dict::get_str_key(class_obj(c).dict, isc) {
            let f = object::downcast::<object::MethodWrapperObj>(f)
                .map(|w| w.func)
                .unwrap_or(f);
            let mut pos = vec![cls];
            if object::is::<object::BuiltinObj>(f) && kw.is_empty() {
                return Ok(());
            }
            let r = ops::call::call_args(
                vm,
                f,
                Args {
                    pos: &pos,
                    kw,
                    kwnames,
                },
            );
            pos.clear();
            r?;
            return Ok(());
        }
    }
    Ok(())
}

/// Registers `__build_class__` in builtins.
pub(crate) fn init(vm: &mut Vm) {
    let f = vm.new_native("__build_class__", "__build_class__", build_class);
    let k = vm.names.__build_class__;
    dict::set_str_key(vm.builtins(), k, f);
}
