//! Broken-down time for the `time` module: `struct_time`, `gmtime`, `localtime`, `mktime`,
//! `strftime`, `asctime`, `ctime`, `strptime`, and the time-zone constants, on the C
//! library's `gmtime_r`/`localtime_r`/`mktime`/`strftime`.

use crate::common;
use crate::structseq;
use pyrs_interp::ops::convert;
use pyrs_interp::types::float::{as_f64, new_float};
use pyrs_interp::types::int::new_i64;
use pyrs_interp::types::str::{as_str, new_str};
use pyrs_interp::types::tuple::{self, new_tuple};
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};

const STRUCT_TIME: &str = "time.struct_time";

extern "C" {
    /// Reads `TZ` and sets the C library's time-zone data.
    fn tzset();
}

/// The shape of `time.struct_time`.
const SHAPE: structseq::Shape<'static> = structseq::Shape {
    module: "time",
    name: "struct_time",
    visible: &[
        "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
        "tm_isdst",
    ],
    unnamed: 0,
    hidden: &["tm_zone", "tm_gmtoff"],
};

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn zeroed_tm() -> libc::tm {
    // SAFETY: `tm` is plain integers and a nullable pointer; all-zero is valid.
    unsafe { std::mem::zeroed() }
}

/// The `struct_time` of a C `tm`.
fn struct_time(vm: &mut Vm, tm: &libc::tm) -> PyResult {
    let cls = common::type_of(vm, STRUCT_TIME)?;
    let f = [
        tm.tm_year as i64 + 1900,
        tm.tm_mon as i64 + 1,
        tm.tm_mday as i64,
        tm.tm_hour as i64,
        tm.tm_min as i64,
        tm.tm_sec as i64,
        (tm.tm_wday as i64 + 6) % 7,
        tm.tm_yday as i64 + 1,
        tm.tm_isdst as i64,
    ];
    let visible: Vec<Value> = f.iter().map(|&x| new_i64(vm, x)).collect();
    let zone = if tm.tm_zone.is_null() {
        vm.none
    } else {
        // SAFETY: a non-null `tm_zone` set by the C library points to a NUL-terminated
        // string that lives as long as the time-zone data.
        let z = unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) };
        new_str(vm, &z.to_string_lossy())
    };
    let off = new_i64(vm, tm.tm_gmtoff);
    Ok(structseq::new(
        vm,
        cls,
        &visible,
        &[("tm_zone", zone), ("tm_gmtoff", off)],
    ))
}

/// Seconds since the epoch from an optional argument (None: now).
fn seconds_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i64> {
    match v {
        Some(v) if v != vm.none => match as_f64(v) {
            Some(f) => {
                if !f.is_finite() {
                    return Err(vm.value_error("Invalid value NaN (not a number)"));
                }
                if f.abs() > 9.2e18 {
                    return Err(vm.overflow_error("timestamp out of range for platform time_t"));
                }
                Ok(f.floor() as i64)
            }
            None => convert::index_isize(vm, v),
        },
        _ => Ok(std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)),
    }
}

fn convert_time(vm: &mut Vm, args: &Args<'_>, name: &str, local: bool) -> PyResult<libc::tm> {
    let pos = common::positional(vm, args, name, 0, 0, 1)?;
    let secs = seconds_arg(vm, pos.first().copied())? as libc::time_t;
    let mut tm = zeroed_tm();
    // SAFETY: both pointers are valid for the call; the functions only write `tm`.
    let r = unsafe {
        if local {
            libc::localtime_r(&secs, &mut tm)
        } else {
            libc::gmtime_r(&secs, &mut tm)
        }
    };
    if r.is_null() {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(tm)
}

fn gmtime(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let tm = convert_time(vm, &args, "gmtime", false)?;
    struct_time(vm, &tm)
}

fn localtime(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let tm = convert_time(vm, &args, "localtime", true)?;
    struct_time(vm, &tm)
}

/// A C `tm` from a `struct_time` or 9-tuple, checked as CPython checks it.
fn tm_from(vm: &mut Vm, v: Value, fname: &str) -> PyResult<libc::tm> {
    let Some(items) = tuple::as_tuple(v).map(|t| t.items().to_vec()) else {
        let t = common::type_name(vm, v);
        return Err(vm.type_error(format!("Tuple or struct_time argument required, got {t}")));
    };
    if items.len() != 9 {
        return Err(vm.type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut f = [0i64; 9];
    for (slot, &x) in f.iter_mut().zip(&items) {
        *slot = convert::index_isize(vm, x)?;
    }
    let mut tm = zeroed_tm();
    tm.tm_year = (f[0] - 1900) as i32;
    tm.tm_mon = (f[1] - 1) as i32;
    tm.tm_mday = f[2] as i32;
    tm.tm_hour = f[3] as i32;
    tm.tm_min = f[4] as i32;
    tm.tm_sec = f[5] as i32;
    tm.tm_wday = ((f[6] + 1) % 7) as i32;
    tm.tm_yday = (f[7] - 1) as i32;
    tm.tm_isdst = f[8] as i32;
    Ok(tm)
}

/// CPython's range checks of `strftime`/`asctime` (0 and out-of-range values for some
/// fields are clamped first, as CPython does).
fn check_tm(vm: &mut Vm, tm: &mut libc::tm) -> PyResult<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(vm.value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(vm.value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(vm.value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(vm.value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(vm.value_error("seconds out of range"));
    }
    if tm.tm_wday < 0 {
        return Err(vm.value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(vm.value_error("day of year out of range"));
    }
    tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    Ok(())
}

/// The time tuple argument at `pos` (the local time now when absent).
fn tm_arg(vm: &mut Vm, v: Option<Value>, fname: &str) -> PyResult<libc::tm> {
    match v {
        Some(v) => tm_from(vm, v, fname),
        None => convert_time(vm, &Args::positional(&[]), fname, true),
    }
}

fn strftime(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "strftime", 0, 1, 2)?;
    let Some(fmt) = as_str(pos[0]).map(|s| s.to_string()) else {
        let t = common::type_name(vm, pos[0]);
        return Err(vm.type_error(format!("strftime() argument 1 must be str, not {t}")));
    };
    let mut tm = tm_arg(vm, pos.get(1).copied(), "strftime")?;
    check_tm(vm, &mut tm)?;
    if fmt.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    let Ok(cfmt) = std::ffi::CString::new(fmt.as_bytes()) else {
        return Err(vm.value_error("embedded null character"));
    };
    if fmt.is_empty() {
        return Ok(new_str(vm, ""));
    }
    let mut size = 256usize;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` has `size` writable bytes, `cfmt` is NUL-terminated and `tm` valid.
        let n = unsafe {
            libc::strftime(
                buf.as_mut_ptr() as *mut libc::c_char,
                size,
                cfmt.as_ptr(),
                &tm,
            )
        };
        if n > 0 || size > fmt.len() * 256 + 4096 {
            buf.truncate(n);
            return Ok(new_str(vm, &String::from_utf8_lossy(&buf)));
        }
        size *= 4;
    }
}

fn asctime_text(tm: &libc::tm) -> String {
    let day = DAYS[((tm.tm_wday + 6) % 7).clamp(0, 6) as usize];
    let mon = MONTHS[tm.tm_mon.clamp(0, 11) as usize];
    format!(
        "{day} {mon} {:2} {:02}:{:02}:{:02} {}",
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year as i64 + 1900
    )
}

fn asctime(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "asctime", 0, 0, 1)?;
    let mut tm = tm_arg(vm, pos.first().copied(), "asctime")?;
    check_tm(vm, &mut tm)?;
    Ok(new_str(vm, &asctime_text(&tm)))
}

fn ctime(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let tm = convert_time(vm, &args, "ctime", true)?;
    Ok(new_str(vm, &asctime_text(&tm)))
}

fn mktime(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "mktime", 0, 1, 1)?;
    let mut tm = tm_from(vm, pos[0], "mktime")?;
    tm.tm_wday = -1;
    // SAFETY: `tm` is a valid, writable `tm`.
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(vm.overflow_error("mktime argument out of range"));
    }
    Ok(new_float(vm, t as f64))
}

fn strptime(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "strptime", 0, 1, 2)?;
    let name = new_str(vm, "_strptime");
    let g = pyrs_interp::types::dict::new_dict(vm);
    let m = pyrs_interp::eval::api::import(vm, name, g, Value::NULL, Value::NULL)?;
    let f = pyrs_interp::ops::attr::getattr_str(vm, m, "_strptime_time")?;
    pyrs_interp::ops::call::call(vm, f, pos)
}

/// Functions of this part of the module.
pub(super) const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("gmtime", gmtime),
    ("localtime", localtime),
    ("mktime", mktime),
    ("strftime", strftime),
    ("strptime", strptime),
    ("asctime", asctime),
    ("ctime", ctime),
];

/// The zone name and UTC offset (seconds east) in effect at `secs`.
fn zone_at(secs: i64) -> (String, i64) {
    let mut tm = zeroed_tm();
    let t = secs as libc::time_t;
    // SAFETY: both pointers are valid for the call.
    let r = unsafe { libc::localtime_r(&t, &mut tm) };
    if r.is_null() || tm.tm_zone.is_null() {
        return ("UTC".to_string(), 0);
    }
    // SAFETY: as in `struct_time`.
    let z = unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) };
    (z.to_string_lossy().into_owned(), tm.tm_gmtoff)
}

/// Adds `struct_time` and the time-zone constants to module `m`.
pub(super) fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let cls = match vm.native_classes.get(STRUCT_TIME) {
        Some(&c) => c,
        None => {
            let c = structseq::new_class(vm, &SHAPE)?;
            vm.native_classes.insert(STRUCT_TIME, c);
            c
        }
    };
    vm.module_set(m, "struct_time", cls);
    vm.module_set(m, "_STRUCT_TM_ITEMS", Value::from_usize(11));
    // SAFETY: tzset only reads the environment and sets the C library's zone globals.
    unsafe { tzset() };
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let year = now - now.rem_euclid(365 * 86400);
    let (jan_name, jan_off) = zone_at(year);
    let (jul_name, jul_off) = zone_at(year + 182 * 86400);
    let (std_name, std_off, dst_name, dst_off) = if jan_off <= jul_off {
        (jan_name, jan_off, jul_name, jul_off)
    } else {
        (jul_name, jul_off, jan_name, jan_off)
    };
    let tz = new_i64(vm, -std_off);
    vm.module_set(m, "timezone", tz);
    let alt = new_i64(vm, -dst_off);
    vm.module_set(m, "altzone", alt);
    let daylight = new_i64(vm, (std_off != dst_off) as i64);
    vm.module_set(m, "daylight", daylight);
    let a = new_str(vm, &std_name);
    let b = new_str(vm, &dst_name);
    let names = new_tuple(vm, &[a, b]);
    vm.module_set(m, "tzname", names);
    Ok(())
}
