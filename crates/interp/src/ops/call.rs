//! Calling any callable from native code: Python functions (through a nested eval loop),
//! native functions, bound methods, classes and objects with `__call__`.

use crate::object::{self, BuiltinObj, Kind, MethodObj, MethodWrapperObj};
use crate::types::class::{class_of, type_name};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// `f(*args)`.
#[inline]
pub fn call(vm: &mut Vm, f: Value, args: &[Value]) -> PyResult<Value> {
    call_args(vm, f, Args::positional(args))
}

/// `f(*pos, **kw)`.
pub fn call_args(vm: &mut Vm, f: Value, args: Args<'_>) -> PyResult<Value> {
    match object::kind_of(f) {
        Some(Kind::Function) => crate::eval::call_function_nested(vm, f, args),
        Some(Kind::Builtin) => {
            let b = object::downcast::<BuiltinObj>(f).expect("a builtin");
            let (func, recv) = (b.func, b.receiver);
            if recv.is_null() {
                func(vm, args)
            } else {
                let mut pos = Vec::with_capacity(args.pos.len() + 1);
                pos.push(recv);
                pos.extend_from_slice(args.pos);
                func(
                    vm,
                    Args {
                        pos: &pos,
                        kw: args.kw,
                        kwnames: args.kwnames,
                    },
                )
            }
        }
        Some(Kind::Method) => {
            let m = object::downcast::<MethodObj>(f).expect("a method");
            let (func, recv) = (m.func, m.receiver);
            let mut pos = Vec::with_capacity(args.pos.len() + 1);
            pos.push(recv);
            pos.extend_from_slice(args.pos);
            call_args(
                vm,
                func,
                Args {
                    pos: &pos,
                    kw: args.kw,
                    kwnames: args.kwnames,
                },
            )
        }
        Some(Kind::Class) => crate::types::object::call_class(vm, f, args),
        _ => {
            let name = vm.names.__call__;
            let m = super::lookup_special(vm, f, name);
            if m.is_null() {
                let t = type_name(vm, f).to_string();
                return Err(vm.type_error(format!("'{t}' object is not callable")));
            }
            let mut pos = Vec::with_capacity(args.pos.len() + 1);
            pos.push(f);
            pos.extend_from_slice(args.pos);
            call_unbound_args(
                vm,
                m,
                f,
                Args {
                    pos: &pos,
                    kw: args.kw,
                    kwnames: args.kwnames,
                },
            )
        }
    }
}

/// Calls a method found on the class of `receiver` with `full` arguments, the receiver
/// already first (dunder calls). Static and class methods get the right arguments.
#[inline]
pub fn call_unbound(vm: &mut Vm, m: Value, receiver: Value, full: &[Value]) -> PyResult<Value> {
    call_unbound_args(vm, m, receiver, Args::positional(full))
}

/// As [`call_unbound`] with keyword arguments.
pub fn call_unbound_args(
    vm: &mut Vm,
    m: Value,
    receiver: Value,
    full: Args<'_>,
) -> PyResult<Value> {
    match object::kind_of(m) {
        Some(Kind::Function) => call_args(vm, m, full),
        Some(Kind::Builtin) if crate::types::builtin_func::binds_on_access(m) => {
            call_args(vm, m, full)
        }
        Some(Kind::MethodWrapper) => {
            let func = object::downcast::<MethodWrapperObj>(m)
                .expect("a wrapper")
                .func;
            if crate::types::function::is_classmethod(vm, m) {
                let cls = class_of(vm, receiver);
                let mut pos = full.pos.to_vec();
                if !pos.is_empty() {
                    pos[0] = cls;
                }
                call_args(
                    vm,
                    func,
                    Args {
                        pos: &pos,
                        kw: full.kw,
                        kwnames: full.kwnames,
                    },
                )
            } else {
                let rest = if full.pos.is_empty() {
                    full.pos
                } else {
                    &full.pos[1..]
                };
                call_args(
                    vm,
                    func,
                    Args {
                        pos: rest,
                        kw: full.kw,
                        kwnames: full.kwnames,
                    },
                )
            }
        }
        _ => {
            let get = vm.names.__get__;
            let g = super::lookup_special(vm, m, get);
            let rest = if full.pos.is_empty() {
                full.pos
            } else {
                &full.pos[1..]
            };
            if g.is_null() {
                // Not a descriptor (a class, a builtin function...): called without the
                // receiver, as CPython's special-method lookup does.
                return call_args(
                    vm,
                    m,
                    Args {
                        pos: rest,
                        kw: full.kw,
                        kwnames: full.kwnames,
                    },
                );
            }
            let cls = class_of(vm, receiver);
            let bound = call_unbound(vm, g, m, &[m, receiver, cls])?;
            call_args(
                vm,
                bound,
                Args {
                    pos: rest,
                    kw: full.kw,
                    kwnames: full.kwnames,
                },
            )
        }
    }
}

/// `obj.name(*args)`.
pub fn call_method(vm: &mut Vm, obj: Value, name: &str, args: &[Value]) -> PyResult<Value> {
    let f = super::attr::getattr_str(vm, obj, name)?;
    call(vm, f, args)
}
