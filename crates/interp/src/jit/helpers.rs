//! The residual calls of compiled code: `extern "C"` functions following the IR's call ABI
//! (every argument and the result one 64-bit word). Each runs one interpreter operation on
//! the VM that entered compiled code; a raised exception is left in `vm.exc`, the helper
//! returns 0 and sets the exception-pending word that `guard_no_exception` reads.

use crate::ops;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};
use pyrs_frontend::bytecode::{BinOp, CmpOp, UnOp};
use std::cell::Cell;

thread_local! {
    /// The VM running compiled code on this thread (null outside compiled code).
    static CURRENT_VM: Cell<*mut Vm> = const { Cell::new(std::ptr::null_mut()) };
    /// Non-zero while a residual call's exception waits for `guard_no_exception`.
    static EXC_PENDING: Cell<u64> = const { Cell::new(0) };
}

/// The address compiled code reads for `guard_no_exception` (stable for the thread).
pub fn exc_pending_address() -> *const u64 {
    EXC_PENDING.with(|c| c.as_ptr() as *const u64)
}

/// Takes (and clears) the pending-exception flag after compiled code returned.
pub fn take_exc_pending() -> bool {
    EXC_PENDING.with(|c| c.replace(0) != 0)
}

/// Makes `vm` the VM residual calls use while compiled code runs; returns the previous one
/// (compiled code nests through residual calls), to restore with [`set_current_vm`].
pub fn set_current_vm(vm: *mut Vm) -> *mut Vm {
    CURRENT_VM.with(|c| c.replace(vm))
}

/// Runs `f` on the current VM, translating its result to the call ABI.
fn with_vm(f: impl FnOnce(&mut Vm) -> PyResult<Value>) -> u64 {
    let vm = CURRENT_VM.with(|c| c.get());
    if vm.is_null() {
        EXC_PENDING.with(|c| c.set(1));
        return 0;
    }
    // SAFETY: `vm` was set from the `&mut Vm` that entered compiled code, which does not
    // touch the VM until compiled code returns; helpers run one at a time on its thread.
    let vm = unsafe { &mut *vm };
    match f(vm) {
        Ok(v) => v.0,
        Err(_) => {
            EXC_PENDING.with(|c| c.set(1));
            0
        }
    }
}

fn v(w: u64) -> Value {
    Value(w)
}

/// `a <op> b` for any operands (`op` is a `BinOp` number).
pub extern "C" fn binary_op(a: u64, b: u64, op: u64) -> u64 {
    with_vm(|vm| {
        let op = BinOp::from_arg(op as u32).unwrap_or(BinOp::Add);
        ops::arith::binary_op(vm, v(a), v(b), op)
    })
}

/// `a <cmp> b` (`op` is a `CmpOp` number).
pub extern "C" fn compare(a: u64, b: u64, op: u64) -> u64 {
    with_vm(|vm| {
        let op = CmpOp::from_arg(op as u32).unwrap_or(CmpOp::Eq);
        ops::compare::rich_compare(vm, v(a), v(b), op)
    })
}

/// `bool(x)` as 0 or 1 (2 with an exception pending).
pub extern "C" fn truthy(x: u64) -> u64 {
    let r = with_vm(|vm| ops::convert::truthy(vm, v(x)).map(|t| Value::from_usize(t as usize)));
    if r == 0 {
        2
    } else {
        (Value(r).small_value() != 0) as u64
    }
}

/// `obj.name`.
pub extern "C" fn getattr(obj: u64, name: u64) -> u64 {
    with_vm(|vm| ops::attr::getattr(vm, v(obj), v(name)))
}

/// `obj.name = value`; returns None.
pub extern "C" fn setattr(obj: u64, name: u64, value: u64) -> u64 {
    with_vm(|vm| ops::attr::setattr(vm, v(obj), v(name), v(value)).map(|()| vm.none))
}

/// `obj[key]`.
pub extern "C" fn getitem(obj: u64, key: u64) -> u64 {
    with_vm(|vm| ops::subscript::getitem(vm, v(obj), v(key)))
}

/// `obj[key] = value`; returns None.
pub extern "C" fn setitem(obj: u64, key: u64, value: u64) -> u64 {
    with_vm(|vm| ops::subscript::setitem(vm, v(obj), v(key), v(value)).map(|()| vm.none))
}

/// A global or builtin `name` of the frame whose globals dict is `globals`.
pub extern "C" fn load_global(globals: u64, name: u64) -> u64 {
    with_vm(|vm| {
        let name = v(name);
        if let Some(x) = crate::types::dict::get_str_key(v(globals), name) {
            return Ok(x);
        }
        let builtins = vm.builtins();
        match crate::types::dict::get_str_key(builtins, name) {
            Some(x) => Ok(x),
            None => {
                let n = crate::types::str::as_str(name).unwrap_or("?").to_string();
                Err(vm.name_error(format!("name '{n}' is not defined")))
            }
        }
    })
}

/// `next(it)`: the item, or 0 with no exception pending when exhausted.
pub extern "C" fn next(it: u64) -> u64 {
    let vm = CURRENT_VM.with(|c| c.get());
    if vm.is_null() {
        EXC_PENDING.with(|c| c.set(1));
        return 0;
    }
    // SAFETY: as in `with_vm`.
    let vm = unsafe { &mut *vm };
    match ops::iter::next(vm, v(it)) {
        Ok(Some(x)) => x.0,
        Ok(None) => 0,
        Err(_) => {
            EXC_PENDING.with(|c| c.set(1));
            0
        }
    }
}

/// `iter(obj)`.
pub extern "C" fn iter(obj: u64) -> u64 {
    with_vm(|vm| ops::iter::iter(vm, v(obj)))
}

/// `[a0, .., a{n-1}]` for n ≤ 4.
pub extern "C" fn build_list(n: u64, a0: u64, a1: u64, a2: u64, a3: u64) -> u64 {
    with_vm(|vm| {
        let all = [v(a0), v(a1), v(a2), v(a3)];
        let n = (n as usize).min(4);
        Ok(crate::types::list::new_list(vm, all[..n].to_vec()))
    })
}

/// `f(a0, .., a{n-1})` for n ≤ 4 positional arguments.
pub extern "C" fn call(f: u64, n: u64, a0: u64, a1: u64, a2: u64, a3: u64) -> u64 {
    with_vm(|vm| {
        let all = [v(a0), v(a1), v(a2), v(a3)];
        let n = (n as usize).min(4);
        ops::call::call_args(
            vm,
            v(f),
            Args {
                pos: &all[..n],
                kw: &[],
                kwnames: &[],
            },
        )
    })
}

/// Allocation slow path of compiled code: a zeroed object of `size` bytes whose header
/// word is `header` (its low half is the GC type id).
pub extern "C" fn alloc(size: u64, header: u64) -> u64 {
    let vm = CURRENT_VM.with(|c| c.get());
    if vm.is_null() {
        return 0;
    }
    // SAFETY: as in `with_vm`.
    let vm = unsafe { &mut *vm };
    vm.heap.alloc(pyrs_gc::TypeId(header as u32), size as usize) as u64
}

/// `list.append(x)` on an exact list; returns None. Never raises, never runs Python code.
pub extern "C" fn list_append(list: u64, x: u64) -> u64 {
    let vm = CURRENT_VM.with(|c| c.get());
    if vm.is_null() {
        return 0;
    }
    // SAFETY: as in `with_vm`.
    let vm = unsafe { &mut *vm };
    crate::types::list::list_append(vm, v(list), v(x));
    vm.none.0
}

/// `<op> x` (`op` is a `UnOp` number).
pub extern "C" fn unary_op(x: u64, op: u64) -> u64 {
    with_vm(|vm| {
        let op = UnOp::from_arg(op as u32).unwrap_or(UnOp::Not);
        ops::arith::unary_op(vm, v(x), op)
    })
}

/// `item in container` as a bool Value.
pub extern "C" fn contains(container: u64, item: u64) -> u64 {
    with_vm(|vm| ops::subscript::contains(vm, v(container), v(item)).map(|t| vm.bool(t)))
}

/// `slice(start, stop, step)` (the BUILD_SLICE instruction).
pub extern "C" fn build_slice(start: u64, stop: u64, step: u64) -> u64 {
    with_vm(|vm| {
        let cls = vm.cls.slice;
        let (s, obj) = vm.alloc_obj::<crate::object::SliceObj>(cls);
        obj.start = v(start);
        obj.stop = v(stop);
        obj.step = v(step);
        Ok(s)
    })
}

/// `set.add(x)` of a set comprehension (SET_ADD); returns None.
pub extern "C" fn set_add(set: u64, x: u64) -> u64 {
    with_vm(|vm| crate::types::set::add(vm, v(set), v(x)).map(|()| vm.none))
}

/// `d[k] = x` of a dict comprehension (MAP_ADD); returns None.
pub extern "C" fn map_add(d: u64, k: u64, x: u64) -> u64 {
    with_vm(|vm| crate::types::dict::set(vm, v(d), v(k), v(x)).map(|()| vm.none))
}
