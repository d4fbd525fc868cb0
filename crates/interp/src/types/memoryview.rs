//! `memoryview` over bytes and bytearray: indexing and slicing (writes go through to a
//! bytearray), `cast` to the native single-character struct formats, `tobytes`,
//! `tolist`, `hex`, comparisons, hashing, release and the context-manager protocol.
//!
//! A view is `len` items of `itemsize` bytes, the first at byte `start` of the exporter and
//! each next `stride` bytes further (negative for reversed views). Views of more than one
//! dimension (from `cast(fmt, shape)`) keep their inner dimensions in `shape`, laid out
//! C-contiguously inside each item of the first dimension. The exporter is read afresh at
//! every access and every position is bounds-checked, so a bytearray resized under a view
//! raises `BufferError` instead of reading stale memory.

use crate::object::{self, MemoryViewObj, SeqIterObj};
use crate::ops;
use crate::types::class::type_name;
use crate::value::Value;
use crate::vm::{Args, PyResult, Raised, Vm};
use pyrs_frontend::bytecode::CmpOp;

/// `MemoryViewObj::flags` bits.
mod flags {
    /// `release()` was called.
    pub const RELEASED: u64 = 1;
    /// Writes are refused.
    pub const READONLY: u64 = 2;
}

/// The native single-character struct formats a view can hold.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fmt {
    Char,
    I8,
    U8,
    Bool,
    I16,
    U16,
    I32,
    U32,
    I64,
    U64,
    F32,
    F64,
}

impl Fmt {
    /// The format of `text` (an optional `@` and one character).
    fn parse(text: &str) -> Option<Fmt> {
        let c = text.strip_prefix('@').unwrap_or(text);
        Some(match c {
            "c" => Fmt::Char,
            "b" => Fmt::I8,
            "B" => Fmt::U8,
            "?" => Fmt::Bool,
            "h" => Fmt::I16,
            "H" => Fmt::U16,
            "i" => Fmt::I32,
            "I" => Fmt::U32,
            "l" | "q" | "n" => Fmt::I64,
            "L" | "Q" | "N" => Fmt::U64,
            "f" => Fmt::F32,
            "d" => Fmt::F64,
            _ => return None,
        })
    }

    fn size(self) -> usize {
        match self {
            Fmt::Char | Fmt::I8 | Fmt::U8 | Fmt::Bool => 1,
            Fmt::I16 | Fmt::U16 => 2,
            Fmt::I32 | Fmt::U32 | Fmt::F32 => 4,
            Fmt::I64 | Fmt::U64 | Fmt::F64 => 8,
        }
    }

    /// Whether it is one of the byte formats `B`, `b`, `c`.
    fn is_byte(self) -> bool {
        matches!(self, Fmt::Char | Fmt::I8 | Fmt::U8)
    }
}

/// The view behind `v`, if it is a memoryview.
fn view<'a>(v: Value) -> Option<&'a mut MemoryViewObj> {
    object::downcast::<MemoryViewObj>(v)
}

fn format_text(mv: &MemoryViewObj) -> &'static str {
    crate::types::str::as_str(mv.format).unwrap_or("B")
}

fn fmt_of(mv: &MemoryViewObj) -> Fmt {
    Fmt::parse(format_text(mv)).unwrap_or(Fmt::U8)
}

/// The inner dimensions (all but the first).
fn inner_dims(mv: &MemoryViewObj) -> Vec<usize> {
    if mv.shape.is_null() {
        return Vec::new();
    }
    crate::types::tuple::items(mv.shape)
        .iter()
        .map(|v| v.as_small().unwrap_or(0) as usize)
        .collect()
}

/// Bytes per item of the first dimension.
fn row_bytes(mv: &MemoryViewObj) -> usize {
    inner_dims(mv).iter().product::<usize>() * mv.itemsize as usize
}

/// The whole buffer of the exporter.
fn exporter_bytes<'a>(obj: Value) -> &'a [u8] {
    crate::types::bytes::bytes_like(obj).unwrap_or(&[])
}

fn released_error(vm: &mut Vm) -> Raised {
    vm.value_error("operation forbidden on released memoryview object")
}

/// The live view of `args.pos[0]`, or `TypeError`/`ValueError`.
fn this<'a>(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<&'a mut MemoryViewObj> {
    let Some(mv) = args.pos.first().and_then(|&v| view(v)) else {
        return Err(vm.type_error(format!(
            "descriptor '{name}' for 'memoryview' objects doesn't apply to this object"
        )));
    };
    if mv.flags & flags::RELEASED != 0 {
        return Err(released_error(vm));
    }
    Ok(mv)
}

/// The arguments after the receiver, checked.
fn rest<'b>(
    vm: &mut Vm,
    args: &Args<'b>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'b [Value]> {
    let r = Args {
        pos: &args.pos[1..],
        ..*args
    };
    r.check(vm, name, min, max)?;
    Ok(r.pos)
}

/// Byte offsets of the items of the first dimension, each checked to lie in the exporter.
fn row_offsets(vm: &mut Vm, mv: &MemoryViewObj) -> PyResult<Vec<usize>> {
    let total = exporter_bytes(mv.obj).len() as i128;
    let rb = row_bytes(mv) as i128;
    let mut out = Vec::with_capacity(mv.len as usize);
    for i in 0..mv.len as i128 {
        let off = mv.start as i128 + i * mv.stride as i128;
        if off < 0 || off + rb > total {
            let c = vm.cls.buffer_error;
            return Err(vm.raise_new(c, "memoryview: underlying buffer was resized"));
        }
        out.push(off as usize);
    }
    Ok(out)
}

/// The bytes of the view in logical (C) order.
pub fn contents(vm: &mut Vm, mv: &MemoryViewObj) -> PyResult<Vec<u8>> {
    let rb = row_bytes(mv);
    let offs = row_offsets(vm, mv)?;
    let data = exporter_bytes(mv.obj);
    let mut out = Vec::with_capacity(offs.len() * rb);
    for off in offs {
        out.extend_from_slice(&data[off..off + rb]);
    }
    Ok(out)
}

/// The bytes of a memoryview value (for the constructors and arguments of bytes and
/// bytearray); `None` if `v` is no memoryview.
pub fn buffer_of(vm: &mut Vm, v: Value) -> PyResult<Option<Vec<u8>>> {
    let Some(mv) = view(v) else {
        return Ok(None);
    };
    if mv.flags & flags::RELEASED != 0 {
        return Err(released_error(vm));
    }
    contents(vm, mv).map(Some)
}

fn unpack(vm: &mut Vm, fmt: Fmt, b: &[u8]) -> Value {
    let arr = |n: usize| -> [u8; 8] {
        let mut a = [0u8; 8];
        a[..n].copy_from_slice(&b[..n]);
        a
    };
    let int = |vm: &mut Vm, i: i64| crate::types::int::new_i64(vm, i);
    match fmt {
        Fmt::Char => crate::types::bytes::new_bytes(vm, &b[..1]),
        Fmt::I8 => int(vm, b[0] as i8 as i64),
        Fmt::U8 => Value::from_usize(b[0] as usize),
        Fmt::Bool => vm.bool(b[0] != 0),
        Fmt::I16 => int(vm, i16::from_ne_bytes([b[0], b[1]]) as i64),
        Fmt::U16 => int(vm, u16::from_ne_bytes([b[0], b[1]]) as i64),
        Fmt::I32 => int(vm, i32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        Fmt::U32 => int(vm, u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        Fmt::I64 => int(vm, i64::from_ne_bytes(arr(8))),
        Fmt::U64 => {
            let u = u64::from_ne_bytes(arr(8));
            crate::types::int::new_int(vm, u.into())
        }
        Fmt::F32 => {
            let f = f32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
            crate::types::float::new_float(vm, f as f64)
        }
        Fmt::F64 => crate::types::float::new_float(vm, f64::from_ne_bytes(arr(8))),
    }
}

/// The bytes of `v` in format `fmt`, with CPython's errors.
fn pack(vm: &mut Vm, fmt: Fmt, text: &str, v: Value) -> PyResult<Vec<u8>> {
    let invalid_type =
        |vm: &mut Vm| vm.type_error(format!("memoryview: invalid type for format '{text}'"));
    let invalid_value =
        |vm: &mut Vm| vm.value_error(format!("memoryview: invalid value for format '{text}'"));
    match fmt {
        Fmt::Char => match crate::types::bytes::as_bytes(v) {
            Some(b) if b.len() == 1 => Ok(b.to_vec()),
            Some(_) => Err(invalid_value(vm)),
            None => Err(invalid_type(vm)),
        },
        Fmt::Bool => Ok(vec![ops::convert::truthy(vm, v)? as u8]),
        Fmt::F32 | Fmt::F64 => {
            let f = if let Some(f) = crate::types::float::as_f64(v) {
                f
            } else if let Some(b) = crate::types::int::as_bigint(v) {
                num_traits::ToPrimitive::to_f64(&b).unwrap_or(f64::INFINITY)
            } else {
                return Err(invalid_type(vm));
            };
            Ok(if fmt == Fmt::F32 {
                (f as f32).to_ne_bytes().to_vec()
            } else {
                f.to_ne_bytes().to_vec()
            })
        }
        _ => {
            let Some(b) = crate::types::int::as_bigint(v) else {
                return Err(invalid_type(vm));
            };
            let Some(i) = num_traits::ToPrimitive::to_i128(&b) else {
                return Err(invalid_value(vm));
            };
            let (lo, hi): (i128, i128) = match fmt {
                Fmt::I8 => (i8::MIN as i128, i8::MAX as i128),
                Fmt::U8 => (0, u8::MAX as i128),
                Fmt::I16 => (i16::MIN as i128, i16::MAX as i128),
                Fmt::U16 => (0, u16::MAX as i128),
                Fmt::I32 => (i32::MIN as i128, i32::MAX as i128),
                Fmt::U32 => (0, u32::MAX as i128),
                Fmt::I64 => (i64::MIN as i128, i64::MAX as i128),
                _ => (0, u64::MAX as i128),
            };
            if i < lo || i > hi {
                return Err(invalid_value(vm));
            }
            Ok(i.to_ne_bytes()[..fmt.size()].to_vec())
        }
    }
}

/// A new view of `obj` (bytes or bytearray) with the given geometry.
#[allow(clippy::too_many_arguments)]
fn new_view(
    vm: &mut Vm,
    obj: Value,
    format: Value,
    shape: Value,
    start: usize,
    len: usize,
    stride: i64,
    itemsize: usize,
    fl: u64,
) -> Value {
    let cls = vm.cls.memoryview;
    let (v, mv) = vm.alloc_obj::<MemoryViewObj>(cls);
    mv.obj = obj;
    mv.format = format;
    mv.shape = shape;
    mv.start = start as u64;
    mv.len = len as u64;
    mv.stride = stride;
    mv.itemsize = itemsize as u64;
    mv.flags = fl;
    v
}

/// `memoryview(obj)` for an exporter or another view.
pub fn memoryview_of(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    if let Some(src) = view(obj) {
        if src.flags & flags::RELEASED != 0 {
            return Err(released_error(vm));
        }
        let (o, f, s) = (src.obj, src.format, src.shape);
        let (start, len, stride, isz, fl) = (
            src.start as usize,
            src.len as usize,
            src.stride,
            src.itemsize as usize,
            src.flags,
        );
        return Ok(new_view(vm, o, f, s, start, len, stride, isz, fl));
    }
    let readonly = if crate::types::bytes::as_bytes(obj).is_some() {
        flags::READONLY
    } else if crate::types::bytes::as_bytearray(obj).is_some() {
        0
    } else {
        let t = type_name(vm, obj).to_string();
        return Err(vm.type_error(format!(
            "memoryview: a bytes-like object is required, not '{t}'"
        )));
    };
    let len = exporter_bytes(obj).len();
    let fmt = vm.intern("B");
    Ok(new_view(vm, obj, fmt, Value::NULL, 0, len, 1, 1, readonly))
}

fn mv_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = Args {
        pos: args.pos.get(1..).unwrap_or(&[]),
        ..args
    };
    r.only_kwargs(vm, "memoryview", &["object"])?;
    let n = r.pos.len() + r.kw.len();
    if n > 1 {
        return Err(vm.type_error(format!("memoryview() takes at most 1 argument ({n} given)")));
    }
    let Some(obj) = r.arg(0, "object") else {
        return Err(vm.type_error("memoryview() missing required argument 'object' (pos 1)"));
    };
    memoryview_of(vm, obj)
}

/// Resolves an index of a dimension of `n` items; `IndexError` as CPython words it.
fn dim_index(vm: &mut Vm, key: Value, n: usize, dim: usize) -> PyResult<usize> {
    let i = ops::convert::index(vm, key)?;
    let i = num_traits::ToPrimitive::to_i64(&i).unwrap_or(i64::MAX);
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(vm.index_error(format!("index out of bounds on dimension {dim}")));
    }
    Ok(j as usize)
}

/// The byte offset of the single item `key` selects (an int for 1-D views, a tuple of ints
/// for N-D views); `None` when `key` is a slice.
fn item_offset(vm: &mut Vm, mv: &MemoryViewObj, key: Value) -> PyResult<Option<usize>> {
    let dims = inner_dims(mv);
    let ndim = dims.len() + 1;
    let keys: Vec<Value> = if let Some(t) = crate::types::tuple::as_tuple(key) {
        let items = t.items().to_vec();
        if items.len() != ndim {
            return Err(vm.type_error(format!(
                "cannot index {ndim}-dimension view with {}-element tuple",
                items.len()
            )));
        }
        items
    } else if crate::types::slice::is_index_like(vm, key) {
        if ndim > 1 {
            return Err(not_implemented_error(
                vm,
                "multi-dimensional sub-views are not implemented",
            ));
        }
        vec![key]
    } else if object::is::<object::SliceObj>(key) {
        return Ok(None);
    } else {
        return Err(vm.type_error("memoryview: invalid slice key"));
    };
    let row = dim_index(vm, keys[0], mv.len as usize, 1)?;
    let mut flat = 0usize;
    for (d, (&k, &n)) in keys[1..].iter().zip(&dims).enumerate() {
        if !crate::types::slice::is_index_like(vm, k) {
            return Err(vm.type_error("memoryview: invalid slice key"));
        }
        flat = flat * n + dim_index(vm, k, n, d + 2)?;
    }
    let offs = row_offsets(vm, mv)?;
    Ok(Some(offs[row] + flat * mv.itemsize as usize))
}

/// `mv[key]`.
fn getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = this(vm, &args, "__getitem__")?;
    let key = rest(vm, &args, "__getitem__", 1, 1)?[0];
    if let Some(off) = item_offset(vm, mv, key)? {
        let fmt = fmt_of(mv);
        let data = exporter_bytes(mv.obj);
        return Ok(unpack(vm, fmt, &data[off..off + fmt.size()]));
    }
    let (start, _, step, n) = crate::types::slice::slice_indices(vm, key, mv.len as usize)?;
    let new_start = mv.start as i64 + start * mv.stride;
    let (o, f, s) = (mv.obj, mv.format, mv.shape);
    let (stride, isz, fl) = (mv.stride * step, mv.itemsize as usize, mv.flags);
    Ok(new_view(
        vm,
        o,
        f,
        s,
        new_start.max(0) as usize,
        n,
        stride,
        isz,
        fl,
    ))
}

fn check_writable(vm: &mut Vm, mv: &MemoryViewObj) -> PyResult<()> {
    if mv.flags & flags::READONLY != 0 {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    Ok(())
}

/// The exporter's mutable bytes (a bytearray: writable views only come from those).
fn exporter_mut<'a>(vm: &mut Vm, mv: &MemoryViewObj) -> PyResult<&'a mut Vec<u8>> {
    match crate::types::bytes::as_bytearray(mv.obj) {
        Some(b) => Ok(b),
        None => Err(vm.type_error("cannot modify read-only memory")),
    }
}

/// `mv[key] = value`.
fn setitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = this(vm, &args, "__setitem__")?;
    let r = rest(vm, &args, "__setitem__", 2, 2)?;
    let (key, value) = (r[0], r[1]);
    check_writable(vm, mv)?;
    let fmt = fmt_of(mv);
    let text = format_text(mv);
    if let Some(off) = item_offset(vm, mv, key)? {
        let bytes = pack(vm, fmt, text, value)?;
        let data = exporter_mut(vm, mv)?;
        data[off..off + bytes.len()].copy_from_slice(&bytes);
        return Ok(vm.none);
    }
    if !inner_dims(mv).is_empty() {
        return Err(not_implemented_error(
            vm,
            "memoryview slice assignments are currently restricted to ndim = 1",
        ));
    }
    let (start, _, step, n) = crate::types::slice::slice_indices(vm, key, mv.len as usize)?;
    let src = match view(value) {
        Some(other) => {
            if other.flags & flags::RELEASED != 0 {
                return Err(released_error(vm));
            }
            if fmt_of(other) != fmt || other.len as usize != n || !inner_dims(other).is_empty() {
                return Err(vm.value_error(
                    "memoryview assignment: lvalue and rvalue have different structures",
                ));
            }
            contents(vm, other)?
        }
        None => match crate::types::bytes::bytes_like(value) {
            Some(b) => {
                if fmt.size() != 1 || b.len() != n {
                    return Err(vm.value_error(
                        "memoryview assignment: lvalue and rvalue have different structures",
                    ));
                }
                b.to_vec()
            }
            None => {
                let t = type_name(vm, value).to_string();
                return Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")));
            }
        },
    };
    let offs = row_offsets(vm, mv)?;
    let isz = mv.itemsize as usize;
    let data = exporter_mut(vm, mv)?;
    for k in 0..n {
        let row = (start + k as i64 * step) as usize;
        let off = offs[row];
        data[off..off + isz].copy_from_slice(&src[k * isz..(k + 1) * isz]);
    }
    Ok(vm.none)
}

fn delitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = this(vm, &args, "__delitem__")?;
    check_writable(vm, mv)?;
    Err(vm.type_error("cannot delete memory"))
}

fn len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = this(vm, &args, "__len__")?;
    Ok(Value::from_usize(mv.len as usize))
}

fn tobytes(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = this(vm, &args, "tobytes")?;
    let r = Args {
        pos: &args.pos[1..],
        ..args
    };
    r.only_kwargs(vm, "tobytes", &["order"])?;
    if let Some(order) = r.arg(0, "order") {
        let ok =
            order == vm.none || matches!(crate::types::str::as_str(order), Some("C" | "F" | "A"));
        if !ok {
            return Err(vm.value_error("order must be 'C', 'F' or 'A'"));
        }
    }
    let data = contents(vm, mv)?;
    Ok(crate::types::bytes::new_bytes(vm, &data))
}

/// The items of the view as (nested) lists.
fn tolist(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = this(vm, &args, "tolist")?;
    rest(vm, &args, "tolist", 0, 0)?;
    let fmt = fmt_of(mv);
    let dims = inner_dims(mv);
    let data = contents(vm, mv)?;
    let items: Vec<Value> = data
        .chunks(fmt.size())
        .map(|c| unpack(vm, fmt, c))
        .collect();
    let mut shape = vec![mv.len as usize];
    shape.extend(dims);
    Ok(nest(vm, &items, &shape))
}

/// Groups `items` into nested lists of `shape` (C order).
fn nest(vm: &mut Vm, items: &[Value], shape: &[usize]) -> Value {
    if shape.len() <= 1 {
        return crate::types::list::new_list(vm, items.to_vec());
    }
    let per: usize = shape[1..].iter().product();
    let rows: Vec<Value> = (0..shape[0])
        .map(|i| nest(vm, &items[i * per..(i + 1) * per], &shape[1..]))
        .collect();
    crate::types::list::new_list(vm, rows)
}

fn hex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = this(vm, &args, "hex")?;
    let data = contents(vm, mv)?;
    let b = crate::types::bytes::new_bytes(vm, &data);
    let mut pos = vec![b];
    pos.extend_from_slice(&args.pos[1..]);
    crate::types::bytes::hex(
        vm,
        Args {
            pos: &pos,
            kw: args.kw,
            kwnames: args.kwnames,
        },
    )
}

/// `mv.cast(format, shape=None)`.
fn cast(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = this(vm, &args, "cast")?;
    let r = Args {
        pos: &args.pos[1..],
        ..args
    };
    r.only_kwargs(vm, "cast", &["format", "shape"])?;
    if r.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "cast() takes at most 2 arguments ({} given)",
            r.pos.len() + r.kw.len()
        )));
    }
    let Some(fv) = r.arg(0, "format") else {
        return Err(vm.type_error("cast() missing required argument 'format' (pos 1)"));
    };
    let Some(text) = crate::types::str::as_str(fv) else {
        let t = type_name(vm, fv).to_string();
        return Err(vm.type_error(format!("cast() argument 'format' must be str, not {t}")));
    };
    let Some(fmt) = Fmt::parse(text) else {
        return Err(vm.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    let shape = match r.arg(1, "shape") {
        Some(s) if s != vm.none => {
            if crate::types::list::as_list(s).is_none()
                && crate::types::tuple::as_tuple(s).is_none()
            {
                return Err(vm.type_error("shape must be a list or a tuple"));
            }
            Some(ops::iter::collect(vm, s)?)
        }
        _ => None,
    };
    let contiguous = mv.len <= 1 || mv.stride == row_bytes(mv) as i64;
    if !contiguous {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let src_fmt = fmt_of(mv);
    if !src_fmt.is_byte() && !fmt.is_byte() {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let ndim = inner_dims(mv).len() + 1;
    if ndim > 1 && shape.as_ref().is_some_and(|s| s.len() > 1) {
        return Err(vm.type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
    }
    let nbytes = mv.len as usize * row_bytes(mv);
    let isz = fmt.size();
    if nbytes % isz != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let (len, inner) = match shape {
        None => (nbytes / isz, Value::NULL),
        Some(dims) => {
            let mut sizes = Vec::with_capacity(dims.len());
            for d in dims {
                match crate::types::int::as_i64(d) {
                    Some(n) if n > 0 && crate::types::int::is_int(d) => sizes.push(n as usize),
                    _ => {
                        return Err(vm.value_error(
                            "memoryview.cast(): elements of shape must be integers > 0",
                        ))
                    }
                }
            }
            let product = sizes
                .iter()
                .try_fold(isz, |acc, &n| acc.checked_mul(n))
                .unwrap_or(usize::MAX);
            if product != nbytes {
                return Err(vm.type_error("memoryview: product(shape) * itemsize != buffer size"));
            }
            if sizes.is_empty() {
                return Err(vm.not_implemented("zero-dimensional memoryviews"));
            }
            let inner = if sizes.len() > 1 {
                let vals: Vec<Value> = sizes[1..].iter().map(|&n| Value::from_usize(n)).collect();
                crate::types::tuple::new_tuple(vm, &vals)
            } else {
                Value::NULL
            };
            (sizes[0], inner)
        }
    };
    let fmt_v = vm.intern(text);
    let (o, start, fl) = (mv.obj, mv.start as usize, mv.flags);
    let stride = if inner.is_null() {
        isz
    } else {
        crate::types::tuple::items(inner)
            .iter()
            .map(|v| v.as_small().unwrap_or(1) as usize)
            .product::<usize>()
            * isz
    };
    Ok(new_view(
        vm,
        o,
        fmt_v,
        inner,
        start,
        len,
        stride as i64,
        isz,
        fl,
    ))
}

fn release(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if let Some(mv) = args.pos.first().and_then(|&v| view(v)) {
        mv.flags |= flags::RELEASED;
    }
    Ok(vm.none)
}

fn enter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(vm, &args, "__enter__")?;
    Ok(args.pos[0])
}

fn exit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    release(vm, args)
}

fn toreadonly(vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(vm, &args, "toreadonly")?;
    rest(vm, &args, "toreadonly", 0, 0)?;
    let v = memoryview_of(vm, args.pos[0])?;
    if let Some(mv) = view(v) {
        mv.flags |= flags::READONLY;
    }
    Ok(v)
}

fn repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(&v) = args.pos.first().filter(|&&v| view(v).is_some()) else {
        return Err(vm.type_error(
            "descriptor '__repr__' for 'memoryview' objects doesn't apply to this object",
        ));
    };
    let released = view(v).is_some_and(|mv| mv.flags & flags::RELEASED != 0);
    let id = crate::types::identity::id_of(vm, v);
    let s = if released {
        format!("<released memory at {id:#x}>")
    } else {
        format!("<memory at {id:#x}>")
    };
    Ok(crate::types::str::new_str(vm, &s))
}

/// The items and shape of any buffer for comparisons: a memoryview's, or a bytes-like
/// object read as a 1-D view of unsigned bytes.
fn compare_items(vm: &mut Vm, v: Value) -> PyResult<Option<(Vec<Value>, Vec<usize>)>> {
    if let Some(mv) = view(v) {
        let fmt = fmt_of(mv);
        let mut shape = vec![mv.len as usize];
        shape.extend(inner_dims(mv));
        let data = contents(vm, mv)?;
        let items = data
            .chunks(fmt.size())
            .map(|c| unpack(vm, fmt, c))
            .collect();
        return Ok(Some((items, shape)));
    }
    match crate::types::bytes::bytes_like(v) {
        Some(b) => {
            let items = b.iter().map(|&x| Value::from_usize(x as usize)).collect();
            Ok(Some((items, vec![b.len()])))
        }
        None => Ok(None),
    }
}

fn richcompare(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult {
    // Released views still compare (by identity), so no `this` here.
    let Some(&me) = args.pos.first().filter(|&&v| view(v).is_some()) else {
        return Err(vm.type_error(
            "descriptor '__eq__' for 'memoryview' objects doesn't apply to this object",
        ));
    };
    let other = rest(vm, &args, "__eq__", 1, 1)?[0];
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(vm.not_implemented);
    }
    let released = |v: Value| view(v).is_some_and(|mv| mv.flags & flags::RELEASED != 0);
    let equal = if released(me) || released(other) {
        me == other
    } else {
        let (Some((a, sa)), Some((b, sb))) = (compare_items(vm, me)?, compare_items(vm, other)?)
        else {
            return Ok(vm.not_implemented);
        };
        let mut same = sa == sb;
        for (&x, &y) in a.iter().zip(&b) {
            if !same {
                break;
            }
            same = ops::compare::eq(vm, x, y)?;
        }
        same
    };
    Ok(vm.bool(equal == (op == CmpOp::Eq)))
}

fn eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    richcompare(vm, args, CmpOp::Eq)
}

fn ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    richcompare(vm, args, CmpOp::Ne)
}

fn hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = this(vm, &args, "__hash__")?;
    if mv.flags & flags::READONLY == 0 {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    if !fmt_of(mv).is_byte() {
        return Err(vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    let data = contents(vm, mv)?;
    let b = crate::types::bytes::new_bytes(vm, &data);
    let h = crate::types::bytes::bytes_hash(b);
    Ok(crate::types::int::new_i64(vm, h))
}

fn iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = this(vm, &args, "__iter__")?;
    if !inner_dims(mv).is_empty() {
        return Err(not_implemented_error(
            vm,
            "multi-dimensional sub-views are not implemented",
        ));
    }
    let cls = vm.cls.memory_iterator;
    let (v, it) = vm.alloc_obj::<SeqIterObj>(cls);
    it.seq = args.pos[0];
    it.index = 0;
    Ok(v)
}

fn getter(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<&'static mut MemoryViewObj> {
    this(vm, args, name)
}

fn g_obj(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(getter(vm, &args, "obj")?.obj)
}

fn g_nbytes(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = getter(vm, &args, "nbytes")?;
    Ok(Value::from_usize(mv.len as usize * row_bytes(mv)))
}

fn g_readonly(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = getter(vm, &args, "readonly")?;
    Ok(vm.bool(mv.flags & flags::READONLY != 0))
}

fn g_format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(getter(vm, &args, "format")?.format)
}

fn g_itemsize(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(Value::from_usize(
        getter(vm, &args, "itemsize")?.itemsize as usize,
    ))
}

fn g_ndim(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = getter(vm, &args, "ndim")?;
    Ok(Value::from_usize(inner_dims(mv).len() + 1))
}

fn g_shape(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = getter(vm, &args, "shape")?;
    let mut vals = vec![Value::from_usize(mv.len as usize)];
    vals.extend(inner_dims(mv).into_iter().map(Value::from_usize));
    Ok(crate::types::tuple::new_tuple(vm, &vals))
}

fn g_strides(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = getter(vm, &args, "strides")?;
    let dims = inner_dims(mv);
    let mut vals = vec![crate::types::int::new_i64(vm, mv.stride)];
    for k in 0..dims.len() {
        let s = dims[k + 1..].iter().product::<usize>() * mv.itemsize as usize;
        vals.push(Value::from_usize(s));
    }
    Ok(crate::types::tuple::new_tuple(vm, &vals))
}

fn g_suboffsets(vm: &mut Vm, args: Args<'_>) -> PyResult {
    getter(vm, &args, "suboffsets")?;
    Ok(crate::types::tuple::new_tuple(vm, &[]))
}

fn g_contiguous(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = getter(vm, &args, "contiguous")?;
    let c = mv.len <= 1 || mv.stride == row_bytes(mv) as i64;
    Ok(vm.bool(c))
}

fn g_f_contiguous(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = getter(vm, &args, "f_contiguous")?;
    let c = (mv.len <= 1 || mv.stride == row_bytes(mv) as i64) && inner_dims(mv).is_empty();
    Ok(vm.bool(c))
}

/// Registers the methods.
pub(crate) fn init(vm: &mut Vm) {
    let cls = vm.cls.memoryview;
    vm.add_staticmethod(cls, "__new__", mv_new);
    vm.add_methods(
        cls,
        &[
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("__len__", len),
            ("__iter__", iter),
            ("__repr__", repr),
            ("__eq__", eq),
            ("__ne__", ne),
            ("__hash__", hash),
            ("__enter__", enter),
            ("__exit__", exit),
            ("tobytes", tobytes),
            ("tolist", tolist),
            ("hex", hex),
            ("cast", cast),
            ("release", release),
            ("toreadonly", toreadonly),
        ],
    );
    let getsets: [(&str, crate::vm::NativeFn); 12] = [
        ("obj", g_obj),
        ("nbytes", g_nbytes),
        ("readonly", g_readonly),
        ("format", g_format),
        ("itemsize", g_itemsize),
        ("ndim", g_ndim),
        ("shape", g_shape),
        ("strides", g_strides),
        ("suboffsets", g_suboffsets),
        ("contiguous", g_contiguous),
        ("c_contiguous", g_contiguous),
        ("f_contiguous", g_f_contiguous),
    ];
    for (name, f) in getsets {
        vm.add_getset(cls, name, f, None);
    }
    let it = vm.cls.memory_iterator;
    vm.add_methods(it, &[("__next__", it_next), ("__iter__", it_iter)]);
}

fn it_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let it = args.pos.first().copied().unwrap_or(Value::NULL);
    let Some(o) = object::downcast::<SeqIterObj>(it) else {
        return Err(vm.type_error("descriptor '__next__' requires a 'memory_iterator' object"));
    };
    let seq = o.seq;
    let Some(mv) = view(seq) else {
        let none = vm.none;
        return Err(vm.stop_iteration(none));
    };
    if mv.flags & flags::RELEASED != 0 {
        return Err(released_error(vm));
    }
    let i = o.index as usize;
    if i >= mv.len as usize {
        o.seq = Value::NULL;
        let none = vm.none;
        return Err(vm.stop_iteration(none));
    }
    o.index += 1;
    let fmt = fmt_of(mv);
    let offs = row_offsets(vm, mv)?;
    let data = exporter_bytes(mv.obj);
    Ok(unpack(vm, fmt, &data[offs[i]..offs[i] + fmt.size()]))
}

fn it_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    match args.pos.first() {
        Some(&it) => Ok(it),
        None => Err(vm.type_error("__iter__ needs an argument")),
    }
}

/// Raises `NotImplementedError(msg)` with CPython's own message.
fn not_implemented_error(vm: &mut Vm, msg: &str) -> Raised {
    let c = vm.cls.not_implemented_error;
    vm.raise_new(c, msg)
}
