//! Code objects at run time: the compiled code (leaked, immortal) wrapped in a pinned heap
//! object with its constants materialised as Values.

use super::cache::Cache;
use crate::object::{CodeObj, FunctionObj};
use crate::value::Value;
use crate::vm::Vm;
use pyrs_frontend::bytecode::{flags, CodeObject, Const, Op};
use std::cell::Cell;
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

/// What the eval loop keeps beside a code object: the inline caches of its instructions and
/// the sizes and shapes it needs to set up frames quickly. Created on first use, never
/// freed.
pub struct CodeInfo {
    /// The inline caches: one per instruction, [`POLY`] for attribute instructions.
    caches: Box<[Cell<Cache>]>,
    /// Where each instruction's caches start in `caches`.
    cache_start: Box<[u32]>,
    /// Localsplus slots.
    pub nlocalsplus: usize,
    /// Localsplus slots plus the deepest value stack.
    pub frame_size: usize,
    /// Positional parameters only (no `*args`, `**kwargs` or keyword-only ones) and no cell
    /// or free variables: a call with the right number of positional arguments binds them
    /// by copying.
    pub simple_args: bool,
    /// The code has a loop (a backward jump): the JIT traces function entries only for
    /// such code.
    pub has_loop: bool,
    /// The interned `__name__`, `__qualname__` and `__doc__` (None if absent) of functions
    /// made from this code, NULL until the first one is made. Interned strs never move.
    function_strs: Cell<(Value, Value, Value)>,
    /// The interned names of the parameters and locals (`varnames`), made on first use.
    varnames: std::cell::OnceCell<Box<[Value]>>,
}

/// Inline cache entries of an attribute instruction (sites that see several classes).
pub const POLY: usize = 4;

impl CodeInfo {
    fn new(code: &CodeObject) -> CodeInfo {
        let nlocalsplus = code.nlocalsplus();
        let stack = pyrs_frontend::stack::verify(code).unwrap_or(16) as usize;
        let mut cache_start = Vec::with_capacity(code.code.len());
        let mut n = 0u32;
        for ins in &code.code {
            cache_start.push(n);
            n += match ins.op {
                Op::LoadAttr | Op::StoreAttr | Op::LoadMethod => POLY as u32,
                _ => 1,
            };
        }
        CodeInfo {
            caches: (0..n).map(|_| Cell::new(Cache::Empty)).collect(),
            cache_start: cache_start.into(),
            nlocalsplus,
            frame_size: nlocalsplus + stack + 1,
            simple_args: code.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
                && code.kwonlyargcount == 0
                && code.cellvars.is_empty()
                && code.freevars.is_empty(),
            has_loop: code.code.iter().any(|i| i.op == Op::JumpBackward),
            function_strs: Cell::new((Value::NULL, Value::NULL, Value::NULL)),
            varnames: std::cell::OnceCell::new(),
        }
    }

    /// The interned names of the code's parameters and locals, in `varnames` order.
    pub fn varname_values(&self, vm: &mut Vm, code: &CodeObject) -> &[Value] {
        if let Some(v) = self.varnames.get() {
            return v;
        }
        let names: Box<[Value]> = code.varnames.iter().map(|n| vm.intern(n)).collect();
        self.varnames.get_or_init(|| names)
    }

    /// The inline cache of the instruction at `pc` (its first entry for an attribute
    /// instruction).
    #[inline(always)]
    pub fn cache(&self, pc: u32) -> &Cell<Cache> {
        &self.caches[self.cache_start[pc as usize] as usize]
    }

    /// The [`POLY`] inline cache entries of the attribute instruction at `pc`.
    #[inline(always)]
    pub fn poly_cache(&self, pc: u32) -> &[Cell<Cache>] {
        let start = self.cache_start[pc as usize] as usize;
        &self.caches[start..start + POLY]
    }
}

/// The eval loop's data for a code object Value (created on first use).
#[inline]
pub fn info(code_obj: Value) -> &'static CodeInfo {
    let c = crate::object::downcast::<CodeObj>(code_obj).expect("a code object");
    if c.info.is_null() {
        // SAFETY: `code` is a leaked Box, alive for the whole run.
        let code = unsafe { &*c.code };
        c.info = Box::into_raw(Box::new(CodeInfo::new(code)));
    }
    // SAFETY: `info` is a leaked Box, never freed; code objects are pinned, so the link
    // from `c` stays valid.
    unsafe { &*c.info }
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
    let info = info(code_obj);
    let (mut name, mut qualname, mut doc) = info.function_strs.get();
    if name.is_null() {
        name = vm.intern(&code.name);
        qualname = vm.intern(&code.qualname);
        doc = match &code.docstring {
            Some(d) => vm.intern(d),
            None => vm.none,
        };
        info.function_strs.set((name, qualname, doc));
    }
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
