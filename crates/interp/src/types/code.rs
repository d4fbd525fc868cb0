//! The Python-visible side of code objects (`types.CodeType`): the `co_*` attributes,
//! `co_lines()`, `co_positions()`, `replace()`, equality and repr.
//!
//! pyrs bytecode is not CPython's: `co_code` holds two bytes per pyrs instruction (opcode
//! number, low byte of the argument), so that instruction offsets (`f_lasti`, `tb_lasti`,
//! `co_lines()`, `co_positions()`) agree with each other as they do in CPython.

use crate::eval::code::code_of;
use crate::object::{self, CodeObj};
use crate::types::str::{as_str, new_str};
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};
use pyrs_frontend::bytecode::CodeObject;
use std::rc::Rc;

fn code_arg(vm: &mut Vm, v: Value) -> PyResult<&'static CodeObject> {
    if object::is::<CodeObj>(v) {
        Ok(code_of(v))
    } else {
        let t = crate::types::class::type_name(vm, v).to_string();
        Err(vm.type_error(format!(
            "descriptor requires a 'code' object but received '{t}'"
        )))
    }
}

fn names_tuple(vm: &mut Vm, names: &[Rc<str>]) -> Value {
    let vals: Vec<Value> = names.iter().map(|n| vm.intern(n)).collect();
    new_tuple(vm, &vals)
}

fn small(n: usize) -> Value {
    Value::from_usize(n)
}

macro_rules! code_getters {
    ($( $fname:ident => |$vm:ident, $c:ident, $v:ident| $body:expr; )*) => {
        $(
            #[allow(unused_variables)]
            fn $fname(vm: &mut Vm, args: Args<'_>) -> PyResult {
                let $v = args.pos[0];
                let $c = code_arg(vm, $v)?;
                let $vm = vm;
                Ok($body)
            }
        )*
    };
}

code_getters! {
    co_argcount => |vm, c, v| small(c.argcount as usize);
    co_posonlyargcount => |vm, c, v| small(c.posonlyargcount as usize);
    co_kwonlyargcount => |vm, c, v| small(c.kwonlyargcount as usize);
    co_nlocals => |vm, c, v| small(c.varnames.len());
    co_flags => |vm, c, v| small(c.flags as usize);
    co_firstlineno => |vm, c, v| small(c.firstlineno as usize);
    co_stacksize => |vm, c, v| small(pyrs_frontend::stack::verify(c).unwrap_or(0) as usize);
    co_varnames => |vm, c, v| names_tuple(vm, &c.varnames);
    co_cellvars => |vm, c, v| names_tuple(vm, &c.cellvars);
    co_freevars => |vm, c, v| names_tuple(vm, &c.freevars);
    co_names => |vm, c, v| object::downcast::<CodeObj>(v).map(|o| o.names).unwrap_or(vm.none);
    co_consts => |vm, c, v| object::downcast::<CodeObj>(v).map(|o| o.consts).unwrap_or(vm.none);
    co_filename => |vm, c, v| vm.intern(&c.filename);
    co_name => |vm, c, v| vm.intern(&c.name);
    co_qualname => |vm, c, v| vm.intern(&c.qualname);
    co_code => |vm, c, v| crate::types::bytes::new_bytes(vm, &encode(c));
}

/// The bytes of `co_code`: two per instruction.
fn encode(c: &CodeObject) -> Vec<u8> {
    c.code
        .iter()
        .flat_map(|i| [i.op as u8, (i.arg & 0xff) as u8])
        .collect()
}

fn list_iter(vm: &mut Vm, items: Vec<Value>) -> PyResult {
    let l = crate::types::list::new_list(vm, items);
    crate::ops::iter::iter(vm, l)
}

/// `co_lines()`: `(start, end, line)` byte ranges of consecutive instructions on one line.
fn co_lines(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "co_lines", 1, 1)?;
    let c = code_arg(vm, args.pos[0])?;
    let mut ranges: Vec<(usize, usize, u32)> = Vec::new();
    for (i, loc) in c.locations.iter().enumerate() {
        match ranges.last_mut() {
            Some(r) if r.2 == loc.line => r.1 = 2 * (i + 1),
            _ => ranges.push((2 * i, 2 * (i + 1), loc.line)),
        }
    }
    let items: Vec<Value> = ranges
        .into_iter()
        .map(|(s, e, l)| new_tuple(vm, &[small(s), small(e), small(l as usize)]))
        .collect();
    list_iter(vm, items)
}

/// `co_positions()`: `(line, end_line, col, end_col)` of each instruction.
fn co_positions(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "co_positions", 1, 1)?;
    let c = code_arg(vm, args.pos[0])?;
    let items: Vec<Value> = c
        .locations
        .iter()
        .map(|l| {
            let t = [l.line, l.end_line, l.col, l.end_col].map(|x| small(x as usize));
            new_tuple(vm, &t)
        })
        .collect();
    list_iter(vm, items)
}

fn replace_str(vm: &mut Vm, key: &str, v: Value) -> PyResult<Rc<str>> {
    match as_str(v) {
        Some(s) => Ok(s.into()),
        None => {
            let t = crate::types::class::type_name(vm, v).to_string();
            Err(vm.type_error(format!("replace() argument '{key}' must be str, not {t}")))
        }
    }
}

fn replace_u32(vm: &mut Vm, v: Value) -> PyResult<u32> {
    let n = crate::ops::convert::index_isize(vm, v)?;
    u32::try_from(n).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))
}

/// A same-length tuple replacing `co_consts`/`co_names` (the eval loop indexes them).
fn replace_tuple(vm: &mut Vm, key: &str, v: Value, len: usize) -> PyResult<Vec<Value>> {
    let Some(items) = crate::types::tuple::as_tuple(v).map(|t| t.items().to_vec()) else {
        let t = crate::types::class::type_name(vm, v).to_string();
        return Err(vm.type_error(format!("replace() argument '{key}' must be tuple, not {t}")));
    };
    if items.len() != len {
        return Err(vm.not_implemented(format!("code.replace() changing the length of {key}")));
    }
    Ok(items)
}

/// `code.replace(**changes)`: a copy with the given `co_*` fields changed (the names,
/// flags, file, first line, and same-length constants, names and variable names).
fn code_replace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if args.pos.len() > 1 {
        return Err(vm.type_error("replace() takes no positional arguments"));
    }
    let v = args.pos[0];
    let orig = code_arg(vm, v)?;
    let mut c = orig.clone();
    let (mut consts, mut names) = {
        let o = object::downcast::<CodeObj>(v).expect("checked above");
        (o.consts, o.names)
    };
    for (i, &k) in args.kwnames.iter().enumerate() {
        let val = args.kw[i];
        let key = as_str(k).unwrap_or("").to_string();
        match key.as_str() {
            "co_name" => c.name = replace_str(vm, &key, val)?,
            "co_qualname" => c.qualname = replace_str(vm, &key, val)?,
            "co_filename" => c.filename = replace_str(vm, &key, val)?,
            "co_flags" => c.flags = replace_u32(vm, val)?,
            "co_firstlineno" => c.firstlineno = replace_u32(vm, val)?,
            "co_consts" => {
                let items = replace_tuple(vm, &key, val, orig.consts.len())?;
                consts = new_tuple(vm, &items);
            }
            "co_names" => {
                let items = replace_tuple(vm, &key, val, orig.names.len())?;
                let mut interned = Vec::with_capacity(items.len());
                for it in items {
                    let s = replace_str(vm, &key, it)?;
                    interned.push(vm.intern(&s));
                }
                c.names = interned
                    .iter()
                    .map(|&n| Rc::from(as_str(n).unwrap_or("")))
                    .collect();
                names = new_tuple(vm, &interned);
            }
            "co_varnames" => {
                let items = replace_tuple(vm, &key, val, orig.varnames.len())?;
                let mut vn = Vec::with_capacity(items.len());
                for it in items {
                    vn.push(replace_str(vm, &key, it)?);
                }
                c.varnames = vn;
            }
            "co_argcount" | "co_posonlyargcount" | "co_kwonlyargcount" | "co_nlocals"
            | "co_stacksize" | "co_code" | "co_linetable" | "co_exceptiontable" | "co_freevars"
            | "co_cellvars" => {
                return Err(vm.not_implemented(format!("code.replace({key}=...)")));
            }
            _ => {
                return Err(vm.type_error(format!(
                    "'{key}' is an invalid keyword argument for replace()"
                )))
            }
        }
    }
    let leaked: &'static CodeObject = Box::leak(Box::new(c));
    let cls = vm.cls.code;
    let (nv, obj) = vm.alloc_pinned_obj::<CodeObj>(cls);
    obj.consts = consts;
    obj.names = names;
    obj.code = leaked;
    Ok(nv)
}

/// `types.CodeType(...)`: building code from its parts is not supported.
fn code_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let given = args.pos.len() - 1 + args.kw.len();
    if given < 16 {
        return Err(vm.type_error(format!("code expected at least 16 arguments, got {given}")));
    }
    Err(vm.not_implemented("creating code objects from their parts (code())"))
}

fn code_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = args.pos[0];
    let c = code_arg(vm, v)?;
    let id = crate::types::identity::id_of(vm, v);
    let s = format!(
        "<code object {} at {id:#x}, file \"{}\", line {}>",
        c.name, c.filename, c.firstlineno
    );
    Ok(new_str(vm, &s))
}

fn same_code(a: Value, b: Value) -> bool {
    if a == b {
        return true;
    }
    match (
        object::downcast::<CodeObj>(a),
        object::downcast::<CodeObj>(b),
    ) {
        (Some(x), Some(y)) => {
            code_of(a) == code_of(b)
                && crate::types::tuple::items(x.names) == crate::types::tuple::items(y.names)
        }
        _ => false,
    }
}

fn code_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__eq__", 2, 2)?;
    if !object::is::<CodeObj>(args.pos[1]) {
        return Ok(vm.not_implemented);
    }
    Ok(vm.bool(same_code(args.pos[0], args.pos[1])))
}

fn code_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__ne__", 2, 2)?;
    if !object::is::<CodeObj>(args.pos[1]) {
        return Ok(vm.not_implemented);
    }
    Ok(vm.bool(!same_code(args.pos[0], args.pos[1])))
}

fn code_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = code_arg(vm, args.pos[0])?;
    let mut h: i64 = c.firstlineno as i64;
    for b in c.qualname.bytes().chain(c.filename.bytes()) {
        h = h.wrapping_mul(1_000_003) ^ b as i64;
    }
    h ^= c.code.len() as i64;
    Ok(crate::types::int::new_i64(vm, h >> 2))
}

/// Registers the code type's attributes and methods.
pub(crate) fn init(vm: &mut Vm) {
    let c = vm.cls.code;
    let getters: [(&str, crate::vm::NativeFn); 16] = [
        ("co_argcount", co_argcount),
        ("co_posonlyargcount", co_posonlyargcount),
        ("co_kwonlyargcount", co_kwonlyargcount),
        ("co_nlocals", co_nlocals),
        ("co_flags", co_flags),
        ("co_firstlineno", co_firstlineno),
        ("co_stacksize", co_stacksize),
        ("co_varnames", co_varnames),
        ("co_cellvars", co_cellvars),
        ("co_freevars", co_freevars),
        ("co_names", co_names),
        ("co_consts", co_consts),
        ("co_filename", co_filename),
        ("co_name", co_name),
        ("co_qualname", co_qualname),
        ("co_code", co_code),
    ];
    for (name, f) in getters {
        vm.add_getset(c, name, f, None);
    }
    vm.add_staticmethod(c, "__new__", code_new);
    vm.add_methods(
        c,
        &[
            ("co_lines", co_lines),
            ("co_positions", co_positions),
            ("replace", code_replace),
            ("__repr__", code_repr),
            ("__eq__", code_eq),
            ("__ne__", code_ne),
            ("__hash__", code_hash),
        ],
    );
}
