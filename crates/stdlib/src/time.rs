//! The `time` module: wall-clock, monotonic and CPU clocks, `sleep`, and broken-down time
//! ([`calendar`]).

mod calendar;

use pyrs_interp::ops::convert;
use pyrs_interp::types::float::{as_f64, new_float};
use pyrs_interp::types::int::new_int;
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};
use std::time::{SystemTime, UNIX_EPOCH};

/// `struct timespec` of the C library.
#[repr(C)]
struct Timespec {
    tv_sec: i64,
    tv_nsec: i64,
}

extern "C" {
    fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
}

/// Linux clock ids.
const CLOCK_MONOTONIC: i32 = 1;
const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;

/// Nanoseconds of a C clock (0 if the clock is unavailable).
fn clock_ns(clock: i32) -> i128 {
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { clock_gettime(clock, &mut ts) };
    if rc != 0 {
        return 0;
    }
    ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
}

/// Nanoseconds since the Unix epoch (negative before it).
fn wall_ns() -> i128 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

fn no_args(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<()> {
    args.check(vm, name, 0, 0)
}

fn seconds(vm: &mut Vm, ns: i128) -> Value {
    new_float(vm, ns as f64 / 1e9)
}

fn nanoseconds(vm: &mut Vm, ns: i128) -> Value {
    new_int(vm, ns.into())
}

fn time_time(vm: &mut Vm, args: Args<'_>) -> PyResult {
    no_args(vm, &args, "time")?;
    Ok(seconds(vm, wall_ns()))
}

fn time_time_ns(vm: &mut Vm, args: Args<'_>) -> PyResult {
    no_args(vm, &args, "time_ns")?;
    Ok(nanoseconds(vm, wall_ns()))
}

fn time_monotonic(vm: &mut Vm, args: Args<'_>) -> PyResult {
    no_args(vm, &args, "monotonic")?;
    Ok(seconds(vm, clock_ns(CLOCK_MONOTONIC)))
}

fn time_monotonic_ns(vm: &mut Vm, args: Args<'_>) -> PyResult {
    no_args(vm, &args, "monotonic_ns")?;
    Ok(nanoseconds(vm, clock_ns(CLOCK_MONOTONIC)))
}

fn time_perf_counter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    no_args(vm, &args, "perf_counter")?;
    Ok(seconds(vm, clock_ns(CLOCK_MONOTONIC)))
}

fn time_perf_counter_ns(vm: &mut Vm, args: Args<'_>) -> PyResult {
    no_args(vm, &args, "perf_counter_ns")?;
    Ok(nanoseconds(vm, clock_ns(CLOCK_MONOTONIC)))
}

fn time_process_time(vm: &mut Vm, args: Args<'_>) -> PyResult {
    no_args(vm, &args, "process_time")?;
    Ok(seconds(vm, clock_ns(CLOCK_PROCESS_CPUTIME_ID)))
}

fn time_process_time_ns(vm: &mut Vm, args: Args<'_>) -> PyResult {
    no_args(vm, &args, "process_time_ns")?;
    Ok(nanoseconds(vm, clock_ns(CLOCK_PROCESS_CPUTIME_ID)))
}

fn time_sleep(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "sleep", 1, 1)?;
    let v = args.pos[0];
    let secs = match as_f64(v) {
        Some(f) => f,
        None => {
            let i = convert::index(vm, v)?;
            num_traits::ToPrimitive::to_f64(&i).unwrap_or(f64::INFINITY)
        }
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if secs > 9.2e9 {
        return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t"));
    }
    std::thread::sleep(std::time::Duration::from_secs_f64(secs));
    Ok(vm.none)
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("monotonic", time_monotonic),
    ("monotonic_ns", time_monotonic_ns),
    ("perf_counter", time_perf_counter),
    ("perf_counter_ns", time_perf_counter_ns),
    ("process_time", time_process_time),
    ("process_time_ns", time_process_time_ns),
    ("sleep", time_sleep),
    ("time", time_time),
    ("time_ns", time_time_ns),
];

/// Creates the `time` module.
pub fn init(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("time");
    vm.module_add_functions(m, FUNCTIONS);
    vm.module_add_functions(m, calendar::FUNCTIONS);
    calendar::init(vm, m)?;
    Ok(m)
}
