//! The introspection attributes of generators (`gi_*`), coroutines (`cr_*`) and async
//! generators (`ag_*`), and their writable `__name__`/`__qualname__`.

use super::{gen, yield_from_target, GenState};
use crate::object::{self, GeneratorObj};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

fn gen_arg<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a mut GeneratorObj> {
    match object::downcast::<GeneratorObj>(v) {
        Some(g) => Ok(g),
        None => {
            let t = crate::types::class::type_name(vm, v).to_string();
            Err(vm.type_error(format!(
                "descriptor requires a 'generator' object but received '{t}'"
            )))
        }
    }
}

fn frame(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let g = args.pos[0];
    gen_arg(vm, g)?;
    if gen(g).state == GenState::Finished as u64 {
        return Ok(vm.none);
    }
    Ok(crate::types::frame::generator_frame_object(vm, g))
}

fn code(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = gen_arg(vm, args.pos[0])?.code;
    Ok(if c.is_null() { vm.none } else { c })
}

fn running(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = gen_arg(vm, args.pos[0])?.state;
    Ok(vm.bool(s == GenState::Running as u64))
}

fn suspended(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = gen_arg(vm, args.pos[0])?.state;
    Ok(vm.bool(s == GenState::Suspended as u64))
}

fn yieldfrom(vm: &mut Vm, args: Args<'_>) -> PyResult {
    gen_arg(vm, args.pos[0])?;
    Ok(yield_from_target(args.pos[0]).unwrap_or(vm.none))
}

fn origin(vm: &mut Vm, args: Args<'_>) -> PyResult {
    gen_arg(vm, args.pos[0])?;
    Ok(vm.none)
}

fn name(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(gen_arg(vm, args.pos[0])?.name)
}

fn qualname(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(gen_arg(vm, args.pos[0])?.qualname)
}

fn str_value(vm: &mut Vm, v: Value, what: &str) -> PyResult<Value> {
    if crate::types::str::as_str(v).is_none() {
        return Err(vm.type_error(format!("{what} must be set to a string object")));
    }
    Ok(v)
}

fn set_name(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = str_value(vm, args.pos[1], "__name__")?;
    gen_arg(vm, args.pos[0])?.name = v;
    Ok(vm.none)
}

fn set_qualname(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = str_value(vm, args.pos[1], "__qualname__")?;
    gen_arg(vm, args.pos[0])?.qualname = v;
    Ok(vm.none)
}

/// Registers the attributes on the three classes with their prefixes.
pub(super) fn init(vm: &mut Vm) {
    let classes = [
        (vm.cls.generator, "gi"),
        (vm.cls.coroutine, "cr"),
        (vm.cls.async_generator, "ag"),
    ];
    for (cls, p) in classes {
        vm.add_getset(cls, &format!("{p}_frame"), frame, None);
        vm.add_getset(cls, &format!("{p}_code"), code, None);
        vm.add_getset(cls, &format!("{p}_running"), running, None);
        vm.add_getset(cls, "__name__", name, Some(set_name));
        vm.add_getset(cls, "__qualname__", qualname, Some(set_qualname));
    }
    vm.add_getset(vm.cls.generator, "gi_suspended", suspended, None);
    vm.add_getset(vm.cls.generator, "gi_yieldfrom", yieldfrom, None);
    vm.add_getset(vm.cls.coroutine, "cr_suspended", suspended, None);
    vm.add_getset(vm.cls.coroutine, "cr_await", yieldfrom, None);
    vm.add_getset(vm.cls.coroutine, "cr_origin", origin, None);
    vm.add_getset(vm.cls.async_generator, "ag_await", yieldfrom, None);
}
