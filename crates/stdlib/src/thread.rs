//! The `_thread` module for a single-threaded interpreter: locks and re-entrant locks with
//! their full protocol, thread identity, and `_local`. Starting a thread is not supported.
//!
//! With one thread, a blocking `acquire` of a held lock can never succeed: with a timeout it
//! waits that long and fails, without one it raises `RuntimeError` instead of hanging.

use crate::common::{self, boxed_state};
use pyrs_interp::object::Kind;
use pyrs_interp::ops::convert;
use pyrs_interp::types::float::{as_f64, new_float};
use pyrs_interp::types::int::new_i64;
use pyrs_interp::types::str::new_str;
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};

/// `threading.TIMEOUT_MAX` on Linux.
const TIMEOUT_MAX: f64 = 9223372036.0;

/// The identity of the only thread.
fn thread_ident() -> i64 {
    std::process::id() as i64 * 4096 + 1
}

struct Lock {
    locked: bool,
}
boxed_state!(Lock {}, weakref: true);

struct RLock {
    /// Acquisitions not yet released (0: unlocked).
    count: u64,
}
boxed_state!(RLock {}, weakref: true);

/// What `acquire(blocking, timeout)` asks for: `None` to fail at once, `Some(None)` to wait
/// for ever, `Some(Some(secs))` to wait at most that long.
fn acquire_args(vm: &mut Vm, args: &Args<'_>) -> PyResult<Option<Option<f64>>> {
    let a = common::parse(vm, args, 1, "acquire", &["blocking", "timeout"], 0, 2)?;
    let blocking = match a[0] {
        Some(b) => convert::truthy(vm, b)?,
        None => true,
    };
    let timeout = match a[1] {
        Some(t) => match as_f64(t) {
            Some(f) => f,
            None => {
                let b = convert::index(vm, t)?;
                num_traits::ToPrimitive::to_f64(&b).unwrap_or(f64::INFINITY)
            }
        },
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(if !blocking {
        None
    } else if timeout == -1.0 {
        Some(None)
    } else {
        Some(Some(timeout))
    })
}

/// Waits for a lock no other thread can release: `false` after the timeout, an error
/// without one.
fn wait_forever_or(vm: &mut Vm, wait: Option<Option<f64>>) -> PyResult<bool> {
    match wait {
        None => Ok(false),
        Some(Some(secs)) => {
            std::thread::sleep(std::time::Duration::from_secs_f64(secs));
            Ok(false)
        }
        Some(None) => Err(vm.runtime_error(
            "deadlock: acquiring a held lock without a timeout would block for ever \
             (pyrs runs a single thread)",
        )),
    }
}

fn lock_this<'a>(vm: &mut Vm, args: &Args<'_>, m: &str) -> PyResult<&'a mut Lock> {
    common::this::<Lock>(vm, args, m, "_thread.lock")
}

fn lock_acquire(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let wait = acquire_args(vm, &args)?;
    let l = lock_this(vm, &args, "acquire")?;
    if !l.locked {
        l.locked = true;
        return Ok(vm.true_);
    }
    let ok = wait_forever_or(vm, wait)?;
    Ok(vm.bool(ok))
}

fn lock_release(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = lock_this(vm, &args, "release")?;
    if !l.locked {
        return Err(vm.runtime_error("release unlocked lock"));
    }
    l.locked = false;
    Ok(vm.none)
}

fn lock_exit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    lock_release(vm, Args::positional(&args.pos[..1.min(args.pos.len())]))
}

fn lock_locked(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = lock_this(vm, &args, "locked")?;
    Ok(vm.bool(l.locked))
}

fn lock_reinit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    lock_this(vm, &args, "_at_fork_reinit")?.locked = false;
    Ok(vm.none)
}

fn lock_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let locked = lock_this(vm, &args, "__repr__")?.locked;
    let id = pyrs_interp::types::identity::id_of(vm, args.pos[0]);
    let state = if locked { "locked" } else { "unlocked" };
    let s = format!("<{state} _thread.lock object at {id:#x}>");
    Ok(new_str(vm, &s))
}

fn new_lock(vm: &mut Vm) -> PyResult {
    let cls = common::type_of(vm, "_thread.lock")?;
    Ok(pyrs_interp::types::boxed::new_boxed(
        vm,
        cls,
        Lock { locked: false },
    ))
}

fn allocate_lock(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::positional(vm, &args, "allocate_lock", 0, 0, 0)?;
    new_lock(vm)
}

fn rlock_this<'a>(vm: &mut Vm, args: &Args<'_>, m: &str) -> PyResult<&'a mut RLock> {
    common::this::<RLock>(vm, args, m, "_thread.RLock")
}

fn rlock_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = common::type_of(vm, "_thread.RLock")?;
    let cls = common::new_cls(vm, &args, base)?;
    Ok(common::alloc(vm, cls, base, RLock { count: 0 }))
}

fn rlock_acquire(vm: &mut Vm, args: Args<'_>) -> PyResult {
    acquire_args(vm, &args)?;
    let r = rlock_this(vm, &args, "acquire")?;
    r.count += 1;
    Ok(vm.true_)
}

fn rlock_release(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = rlock_this(vm, &args, "release")?;
    if r.count == 0 {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    r.count -= 1;
    Ok(vm.none)
}

fn rlock_exit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    rlock_release(vm, Args::positional(&args.pos[..1.min(args.pos.len())]))
}

fn rlock_is_owned(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = rlock_this(vm, &args, "_is_owned")?.count;
    Ok(vm.bool(n > 0))
}

fn rlock_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = rlock_this(vm, &args, "_recursion_count")?.count;
    Ok(new_i64(vm, n as i64))
}

/// `_release_save()`: releases completely; returns `(count, owner)` for `_acquire_restore`.
fn rlock_release_save(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = rlock_this(vm, &args, "_release_save")?;
    if r.count == 0 {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    let n = std::mem::replace(&mut r.count, 0);
    let c = new_i64(vm, n as i64);
    let owner = new_i64(vm, thread_ident());
    Ok(pyrs_interp::types::tuple::new_tuple(vm, &[c, owner]))
}

fn rlock_acquire_restore(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "_acquire_restore", 1, 1, 1)?;
    let state = pyrs_interp::types::tuple::as_tuple(pos[0])
        .map(|t| t.items().to_vec())
        .unwrap_or_default();
    let count = match state.first() {
        Some(&c) => convert::index_isize(vm, c)?,
        None => return Err(vm.type_error("_acquire_restore() argument must be a 2-tuple")),
    };
    rlock_this(vm, &args, "_acquire_restore")?.count = count.max(0) as u64;
    Ok(vm.none)
}

fn rlock_reinit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    rlock_this(vm, &args, "_at_fork_reinit")?.count = 0;
    Ok(vm.none)
}

fn rlock_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = rlock_this(vm, &args, "__repr__")?.count;
    let id = pyrs_interp::types::identity::id_of(vm, args.pos[0]);
    let name = common::type_name(vm, args.pos[0]);
    let (state, owner) = if n > 0 {
        ("locked", thread_ident())
    } else {
        ("unlocked", 0)
    };
    let s = format!("<{state} {name} object owner={owner} count={n} at {id:#x}>");
    Ok(new_str(vm, &s))
}

fn get_ident(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::positional(vm, &args, "get_ident", 0, 0, 0)?;
    Ok(new_i64(vm, thread_ident()))
}

fn get_native_id(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::positional(vm, &args, "get_native_id", 0, 0, 0)?;
    Ok(new_i64(vm, std::process::id() as i64))
}

fn start_new_thread(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(vm.not_implemented("_thread.start_new_thread (threads)"))
}

fn count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::positional(vm, &args, "_count", 0, 0, 0)?;
    Ok(Value::from_usize(0))
}

fn stack_size(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "stack_size", 0, 0, 1)?;
    if let Some(&s) = pos.first() {
        let n = convert::index_isize(vm, s)?;
        if n != 0 && n < 32768 {
            return Err(vm.value_error("size not valid: 32768 bytes"));
        }
    }
    Ok(Value::from_usize(0))
}

fn set_sentinel(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::positional(vm, &args, "_set_sentinel", 0, 0, 0)?;
    new_lock(vm)
}

fn exit_thread(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    let c = vm.cls.system_exit;
    let e = vm.new_exception(c, &[]);
    Err(vm.raise(e))
}

fn interrupt_main(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(vm.not_implemented("_thread.interrupt_main (signals)"))
}

fn local_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = common::type_of(vm, "_thread._local")?;
    let cls = common::new_cls(vm, &args, base)?;
    if args.pos.len() > 1 || !args.kw.is_empty() {
        let init = vm.names.__init__;
        let own = pyrs_interp::types::class::lookup(vm, cls, init);
        let object_init = pyrs_interp::types::class::lookup(vm, vm.cls.object, init);
        if own == object_init {
            return Err(vm.type_error("Initialization arguments are not supported"));
        }
    }
    Ok(pyrs_interp::types::instance::new_instance(
        vm,
        cls,
        Value::NULL,
    ))
}

const LOCK_METHODS: &[(&str, NativeFn)] = &[
    ("acquire", lock_acquire),
    ("acquire_lock", lock_acquire),
    ("__enter__", lock_acquire),
    ("release", lock_release),
    ("release_lock", lock_release),
    ("__exit__", lock_exit),
    ("locked", lock_locked),
    ("locked_lock", lock_locked),
    ("_at_fork_reinit", lock_reinit),
    ("__repr__", lock_repr),
];

const RLOCK_METHODS: &[(&str, NativeFn)] = &[
    ("acquire", rlock_acquire),
    ("__enter__", rlock_acquire),
    ("release", rlock_release),
    ("__exit__", rlock_exit),
    ("_is_owned", rlock_is_owned),
    ("_recursion_count", rlock_count),
    ("_release_save", rlock_release_save),
    ("_acquire_restore", rlock_acquire_restore),
    ("_at_fork_reinit", rlock_reinit),
    ("__repr__", rlock_repr),
];

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("allocate_lock", allocate_lock),
    ("allocate", allocate_lock),
    ("get_ident", get_ident),
    ("get_native_id", get_native_id),
    ("start_new_thread", start_new_thread),
    ("start_new", start_new_thread),
    ("_count", count),
    ("stack_size", stack_size),
    ("_set_sentinel", set_sentinel),
    ("exit", exit_thread),
    ("exit_thread", exit_thread),
    ("interrupt_main", interrupt_main),
];

/// Creates the `_thread` module.
pub fn init(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("_thread");
    let lock = common::new_type(vm, "_thread.lock", None, false);
    vm.add_methods(lock, LOCK_METHODS);
    let rlock = common::new_type(vm, "_thread.RLock", None, true);
    vm.add_staticmethod(rlock, "__new__", rlock_new);
    vm.add_methods(rlock, RLOCK_METHODS);
    let local = common::new_type_of_kind(vm, "_thread._local", None, Kind::Instance, true);
    pyrs_interp::types::class::class_obj(local).map =
        pyrs_interp::types::instance::Map::new_class_root(0, true);
    vm.add_staticmethod(local, "__new__", local_new);
    vm.module_add_functions(m, FUNCTIONS);
    vm.module_set(m, "LockType", lock);
    vm.module_set(m, "RLock", rlock);
    vm.module_set(m, "_local", local);
    let err = vm.cls.runtime_error;
    vm.module_set(m, "error", err);
    let tmax = new_float(vm, TIMEOUT_MAX);
    vm.module_set(m, "TIMEOUT_MAX", tmax);
    Ok(m)
}
