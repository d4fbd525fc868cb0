//! Code objects at run time: the compiled code (leaked, immortal) wrapped in a pinned heap
//! object with its constants materialised as Values.

use crate::object::{CodeObj, FunctionObj};
use crate::value::Value;
use crate::vm::Vm;
use pyrs_frontend::bytecode::{CodeObject, Const};
use std::rc::Rc;

/// Wraps compiled code in a code object Value (constants and names materialised).
pub fn new_code(vm: &mut Vm, code: Rc<CodeObject>) -> Value {
    let leaked: &'static CodeObject = Box::leak(Box::new((*code).clone()));
    let mut consts = Vec::with_capacity(leaked.consts.len());
    for c in &leaked.consts {
        consts.push(materialize(vm, c));
    }
    let consts_t = crate::types::tuple::new_tuple(vm, &consts);
    let names: Vec<Value> = leaked.names.iter().map(|n| vm.intern(n)).collect();
    let names_t = crate::types::tuple::new_tuple(vm, &names);
    let cls = vm.cls.code;
    let (v, obj) = vm.alloc_pinned_obj::<CodeObj>(cls);
    obj.consts = consts_t;
    obj.names = names_t;
    obj.code = leaked;
    v
}

/// The compiled code of a code object Value.
pub fn code_of(code_obj: Value) -> &'static CodeObject {
    let c = crate::object::downcast::<CodeObj>(code_obj).expect("a code object");
    // SAFETY: `code` is a leaked Box, alive for the whole run.
    unsafe { &*c.code }
}

/// The run-time value of a constant.
pub fn materialize(vm: &mut Vm, c: &Const) -> Value {
    match c {
        Const::None => vm.none,
        Const::Bool(b) => vm.bool(*b),
        Const::Int(i) => crate::types::int::new_i64(vm, *i),
        Const::BigInt(b) => crate::types::int::new_int(vm, b.clone()),
        Const::Float(f) => crate::types::float::new_float(vm, *f),
        Const::Complex(re, im) => crate::types::complex::new_complex(vm, *re, *im),
        Const::Str(s) => vm.intern(s),
        Const::Bytes(b) => crate::types::bytes::new_bytes(vm, b),
        Const::Tuple(items) => {
            let vals: Vec<Value> = items.iter().map(|c| materialize(vm, c)).collect();
            crate::types::tuple::new_tuple(vm, &vals)
        }
        Const::FrozenSet(items) => {
            let cls = vm.cls.frozenset;
            let s = crate::types::set::new_set_of_class(vm, cls);
            for it in items.iter() {
                let v = materialize(vm, it);
                // Constant set members are hashable literals: hashing cannot fail or run Python.
                let _ = crate::types::set::add(vm, s, v);
            }
            s
        }
        Const::Ellipsis => vm.ellipsis,
        Const::Code(code) => new_code(vm, code.clone()),
    }
}

/// Creates a function object for `code_obj` in `globals`.
pub fn new_function(vm: &mut Vm, code_obj: Value, globals: Value) -> Value {
    let code = code_of(code_obj);
    let name = vm.intern(&code.name);
    let qualname = vm.intern(&code.qualname);
    let doc = match &code.docstring {
        Some(d) => crate::types::str::new_str(vm, d),
        None => vm.none,
    };
    let module_key = vm.names.__name__;
    let module = crate::types::dict::get_str_key(globals, module_key).unwrap_or(vm.none);
    let cls = vm.cls.function;
    let (f, obj) = vm.alloc_obj::<FunctionObj>(cls);
    obj.code = code_obj;
    obj.globals = globals;
    obj.name = name;
    obj.qualname = qualname;
    obj.doc = doc;
    obj.module = module;
    f
}
