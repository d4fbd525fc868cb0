//! `bytes` and `bytearray`: allocation, access, repr, and their methods and dunders. Most
//! methods are shared: they read the receiver's bytes and build a result of the receiver's
//! kind (bytes or bytearray).

use crate::object::{self, ByteArrayObj, BytesObj, InstanceObj, SeqIterObj, SliceObj};
use crate::ops;
use crate::types::class::{class_name, class_of, type_name};
use crate::types::str::{is_index, slice_index, slice_indices, MAX_ALLOC};
use crate::value::Value;
use crate::vm::{Args, NativeFn, PyResult, Vm};

/// GC finalizer of the ByteArray layout.
///
/// # Safety
/// `obj` must be a dead ByteArray object owning its box.
pub unsafe fn finalize_bytearray(obj: *mut u8) {
    let b = &mut *(obj as *mut ByteArrayObj);
    if !b.data.is_null() {
        drop(Box::from_raw(b.data));
        b.data = std::ptr::null_mut();
    }
}

/// A new bytes object.
pub fn new_bytes(vm: &mut Vm, data: &[u8]) -> Value {
    let cls = vm.cls.bytes;
    let size = std::mem::size_of::<BytesObj>() + data.len();
    let p = vm.alloc(object::Kind::Bytes, size, cls);
    // SAFETY: `p` is a fresh Bytes object with room for `data.len()` bytes.
    unsafe {
        (*(p as *mut BytesObj)).len = data.len() as u64;
        std::ptr::copy_nonoverlapping(
            data.as_ptr(),
            p.add(std::mem::size_of::<BytesObj>()),
            data.len(),
        );
    }
    Value::from_addr(p)
}

/// A new bytearray.
pub fn new_bytearray(vm: &mut Vm, data: Vec<u8>) -> Value {
    let cls = vm.cls.bytearray;
    let (v, b) = vm.alloc_obj::<ByteArrayObj>(cls);
    b.data = Box::into_raw(Box::new(data));
    v
}

/// The bytes of a bytes object (or bytes-subclass instance).
pub fn as_bytes<'a>(v: Value) -> Option<&'a [u8]> {
    if let Some(b) = object::downcast::<BytesObj>(v) {
        return Some(b.as_bytes());
    }
    object::downcast::<InstanceObj>(v)
        .and_then(|i| object::downcast::<BytesObj>(i.native))
        .map(|b| b.as_bytes())
}

/// The buffer of a bytearray (or subclass instance).
pub fn as_bytearray<'a>(v: Value) -> Option<&'a mut Vec<u8>> {
    let b = object::downcast::<ByteArrayObj>(v).or_else(|| {
        object::downcast::<InstanceObj>(v).and_then(|i| object::downcast::<ByteArrayObj>(i.native))
    })?;
    if b.data.is_null() {
        return None;
    }
    // SAFETY: a live bytearray owns a live box (checked non-null).
    Some(unsafe { &mut *b.data })
}

/// The bytes of any bytes-like value (bytes, bytearray, or subclass instances).
pub fn bytes_like<'a>(v: Value) -> Option<&'a [u8]> {
    as_bytes(v).or_else(|| as_bytearray(v).map(|b| b.as_slice()))
}

/// Hash of a bytes value (equal to the hash of the ASCII str with the same text).
pub fn bytes_hash(v: Value) -> i64 {
    let b = object::downcast::<BytesObj>(v).or_else(|| {
        object::downcast::<InstanceObj>(v).and_then(|i| object::downcast::<BytesObj>(i.native))
    });
    match b {
        Some(b) if b.len == 0 => 0,
        Some(b) => {
            if b.hash == 0 {
                let mut h: u64 = 0xcbf2_9ce4_8422_2325;
                for &x in b.as_bytes() {
                    h ^= x as u64;
                    h = h.wrapping_mul(0x0100_0000_01b3);
                }
                let h = (h >> 1) as i64;
                b.hash = if h == 0 { 1 } else { h };
            }
            b.hash
        }
        None => 0,
    }
}

/// `repr(bytes)` without the class wrapper: `b'...'` with CPython's quoting and escapes.
pub fn bytes_repr(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b if b == quote => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// Whether `v` is a bytearray (or subclass instance).
fn is_bytearray(v: Value) -> bool {
    as_bytearray(v).is_some()
}

/// The receiver's bytes, or `TypeError` as CPython's descriptors say.
fn receiver<'a>(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<&'a [u8]> {
    match args.pos.first() {
        Some(&v) => match bytes_like(v) {
            Some(b) => Ok(b),
            None => Err(crate::types::native::bad_receiver(
                vm,
                "bytes",
                name,
                Some(v),
            )),
        },
        None => Err(crate::types::native::bad_receiver(vm, "bytes", name, None)),
    }
}

/// A result of the receiver's kind.
fn make(vm: &mut Vm, like: Value, data: Vec<u8>) -> Value {
    if is_bytearray(like) {
        new_bytearray(vm, data)
    } else {
        new_bytes(vm, &data)
    }
}

fn kind_name(v: Value) -> &'static str {
    if is_bytearray(v) {
        "bytearray"
    } else {
        "bytes"
    }
}

/// A bytes-like argument, or `TypeError` "a bytes-like object is required, not 'X'".
fn buffer_arg<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a [u8]> {
    match buffer_opt(vm, v)? {
        Some(b) => Ok(b),
        None => {
            let t = type_name(vm, v).to_string();
            Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

/// The bytes of a bytes-like value or memoryview (copied for a view), if `v` is one.
fn buffer_opt<'a>(vm: &mut Vm, v: Value) -> PyResult<Option<&'a [u8]>> {
    if let Some(data) = crate::types::memoryview::buffer_of(vm, v)? {
        let copy = new_bytes(vm, &data);
        return Ok(Some(as_bytes(copy).unwrap_or(&[])));
    }
    Ok(bytes_like(v))
}

/// A byte value argument (an int in `0..256`).
fn byte_arg(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let i = ops::convert::index_isize(vm, v)?;
    if !(0..256).contains(&i) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    Ok(i as u8)
}

/// The arguments after the receiver, checked for count and no keywords.
fn rest<'b>(
    vm: &mut Vm,
    args: &Args<'b>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'b [Value]> {
    let r = Args {
        pos: args.pos.get(1..).unwrap_or(&[]),
        kw: args.kw,
        kwnames: args.kwnames,
    };
    r.check(vm, name, min, max)?;
    Ok(r.pos)
}

/// Positional-or-keyword optional parameters `names`.
fn keywords<const N: usize>(
    vm: &mut Vm,
    args: &Args<'_>,
    name: &str,
    names: [&str; N],
) -> PyResult<[Option<Value>; N]> {
    let pos = args.pos.get(1..).unwrap_or(&[]);
    if pos.len() > N {
        let n = pos.len() + args.kw.len();
        return Err(vm.type_error(format!(
            "{name}() takes at most {N} argument{} ({n} given)",
            if N == 1 { "" } else { "s" }
        )));
    }
    let mut out = [None; N];
    for (i, &v) in pos.iter().enumerate() {
        out[i] = Some(v);
    }
    for (&k, &v) in args.kwnames.iter().zip(args.kw) {
        let k = crate::types::str::as_str(k).unwrap_or("");
        match names.iter().position(|&n| n == k) {
            Some(i) if out[i].is_some() => {
                return Err(vm.type_error(format!(
                    "argument for {name}() given by name ('{k}') and position ({})",
                    i + 1
                )));
            }
            Some(i) => out[i] = Some(v),
            None => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()"))
                )
            }
        }
    }
    Ok(out)
}

/// Items of an iterable of ints in `0..256` (or the bytes of a bytes-like value).
fn collect_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b.to_vec());
    }
    if let Some(b) = crate::types::memoryview::buffer_of(vm, v)? {
        return Ok(b);
    }
    let items = ops::iter::collect(vm, v)?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let i = ops::convert::index_isize(vm, it)?;
        if !(0..256).contains(&i) {
            return Err(vm.value_error("bytes must be in range(0, 256)"));
        }
        out.push(i as u8);
    }
    Ok(out)
}

/// The payload of `bytes(...)` / `bytearray(...)` from `source`, `encoding`, `errors`.
fn construct(vm: &mut Vm, args: &Args<'_>, fname: &str) -> PyResult<Vec<u8>> {
    let r = Args {
        pos: args.pos.get(1..).unwrap_or(&[]),
        kw: args.kw,
        kwnames: args.kwnames,
    };
    r.only_kwargs(vm, fname, &["source", "encoding", "errors"])?;
    if r.pos.len() > 3 {
        let n = r.pos.len() + r.kw.len();
        return Err(vm.type_error(format!("{fname}() takes at most 3 arguments ({n} given)")));
    }
    let source = r.arg(0, "source");
    let encoding = crate::types::str::codec::str_arg(vm, r.arg(1, "encoding"), fname, "encoding")?;
    let errors = crate::types::str::codec::str_arg(vm, r.arg(2, "errors"), fname, "errors")?;
    let Some(src) = source else {
        if encoding.is_some() {
            return Err(vm.type_error("encoding without a string argument"));
        }
        if errors.is_some() {
            return Err(vm.type_error("errors without a string argument"));
        }
        return Ok(Vec::new());
    };
    if let Some(s) = crate::types::str::as_str(src) {
        let Some(enc) = encoding else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        return crate::types::str::codec::encode(
            vm,
            s,
            &enc,
            errors.as_deref().unwrap_or("strict"),
        );
    }
    if encoding.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    if let Some(b) = bytes_like(src) {
        return Ok(b.to_vec());
    }
    if let Some(b) = crate::types::memoryview::buffer_of(vm, src)? {
        return Ok(b);
    }
    if fname == "bytes" {
        let n = vm.intern("__bytes__");
        let m = ops::lookup_special(vm, src, n);
        if !m.is_null() {
            let r = ops::call::call_unbound(vm, m, src, &[src])?;
            return match as_bytes(r) {
                Some(b) => Ok(b.to_vec()),
                None => {
                    let t = type_name(vm, r).to_string();
                    Err(vm.type_error(format!("__bytes__ returned non-bytes (type {t})")))
                }
            };
        }
    }
    if is_index(vm, src) {
        let n = ops::convert::index_isize(vm, src)?;
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        if n as u64 > MAX_ALLOC as u64 {
            return Err(vm.memory_error());
        }
        return Ok(vec![0; n as usize]);
    }
    let it_name = vm.names.__iter__;
    let gi = vm.names.__getitem__;
    if ops::lookup_special(vm, src, it_name).is_null() && ops::lookup_special(vm, src, gi).is_null()
    {
        let t = type_name(vm, src).to_string();
        return Err(vm.type_error(format!("cannot convert '{t}' object to {fname}")));
    }
    collect_bytes(vm, src)
}

fn bytes_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = vm.cls.bytes;
    let cls = crate::types::list::check_new_cls(vm, &args, "bytes", base)?;
    let data = construct(vm, &args, "bytes")?;
    let b = new_bytes(vm, &data);
    if cls == vm.cls.bytes {
        return Ok(b);
    }
    Ok(crate::types::instance::new_instance(vm, cls, b))
}

fn bytearray_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = vm.cls.bytearray;
    let cls = crate::types::list::check_new_cls(vm, &args, "bytearray", base)?;
    let data = construct(vm, &args, "bytearray")?;
    let b = new_bytearray(vm, data);
    if cls == vm.cls.bytearray {
        return Ok(b);
    }
    Ok(crate::types::instance::new_instance(vm, cls, b))
}

fn bytearray_init(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(vm.none)
}

fn repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let data = receiver(vm, &args, "__repr__")?;
    let v = args.pos[0];
    let text = if is_bytearray(v) {
        let name = class_name(class_of(vm, v)).to_string();
        format!("{name}({})", bytes_repr(data))
    } else {
        bytes_repr(data)
    };
    Ok(crate::types::str::new_str(vm, &text))
}

fn len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let data = receiver(vm, &args, "__len__")?;
    Ok(Value::from_usize(data.len()))
}

fn getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let data = receiver(vm, &args, "__getitem__")?;
    let r = rest(vm, &args, "__getitem__", 1, 1)?;
    let (v, key) = (args.pos[0], r[0]);
    if object::is::<SliceObj>(key) {
        let (start, _, step, count) = slice_indices(vm, key, data.len())?;
        let data = bytes_like(v).unwrap_or(&[]);
        let out: Vec<u8> = (0..count)
            .filter_map(|k| data.get((start + k as i64 * step) as usize).copied())
            .collect();
        return Ok(make(vm, v, out));
    }
    if !is_index(vm, key) {
        let t = type_name(vm, key).to_string();
        let what = if is_bytearray(v) { "bytearray" } else { "byte" };
        return Err(vm.type_error(format!(
            "{what} indices must be integers or slices, not {t}"
        )));
    }
    let i = crate::types::slice::subscript_index(vm, key)?;
    let data = bytes_like(v).unwrap_or(&[]);
    let i = if i < 0 { i + data.len() as i64 } else { i };
    match usize::try_from(i).ok().and_then(|i| data.get(i)) {
        Some(&b) => Ok(Value::from_usize(b as usize)),
        None => Err(vm.index_error(if is_bytearray(v) {
            "bytearray index out of range"
        } else {
            "index out of range"
        })),
    }
}

fn add(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = receiver(vm, &args, "__add__")?;
    let r = rest(vm, &args, "__add__", 1, 1)?;
    let Some(b) = buffer_opt(vm, r[0])? else {
        if crate::types::str::has_python_method(vm, r[0], "__radd__") {
            return Ok(vm.not_implemented);
        }
        let (t, k) = (type_name(vm, r[0]).to_string(), kind_name(args.pos[0]));
        return Err(vm.type_error(format!("can't concat {t} to {k}")));
    };
    let mut out = Vec::with_capacity(a.len() + b.len());
    out.extend_from_slice(a);
    out.extend_from_slice(b);
    Ok(make(vm, args.pos[0], out))
}

fn iadd(vm: &mut Vm, args: Args<'_>) -> PyResult {
    receiver(vm, &args, "__iadd__")?;
    let r = rest(vm, &args, "__iadd__", 1, 1)?;
    let Some(b) = buffer_opt(vm, r[0])?.map(|b| b.to_vec()) else {
        let t = type_name(vm, r[0]).to_string();
        return Err(vm.type_error(format!("can't concat {t} to bytearray")));
    };
    if let Some(buf) = as_bytearray(args.pos[0]) {
        buf.extend_from_slice(&b);
    }
    Ok(args.pos[0])
}

fn mul_impl(vm: &mut Vm, args: Args<'_>, name: &str, reflected: &str) -> PyResult {
    let data = receiver(vm, &args, name)?;
    let r = rest(vm, &args, name, 1, 1)?;
    if !is_index(vm, r[0]) {
        if crate::types::str::has_python_method(vm, r[0], reflected) {
            return Ok(vm.not_implemented);
        }
        let t = type_name(vm, r[0]).to_string();
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{t}'")));
    }
    let n = ops::convert::index_isize(vm, r[0])?.max(0) as usize;
    match data.len().checked_mul(n) {
        Some(total) if total <= MAX_ALLOC => {
            let out = data.repeat(n);
            Ok(make(vm, args.pos[0], out))
        }
        Some(total) if total <= isize::MAX as usize => Err(vm.memory_error()),
        _ => Err(vm.overflow_error("repeated bytes are too long")),
    }
}

fn mul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    mul_impl(vm, args, "__mul__", "__rmul__")
}

fn rmul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    mul_impl(vm, args, "__rmul__", "__mul__")
}

fn compare(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(&[u8], &[u8]) -> bool) -> PyResult {
    let a = receiver(vm, &args, name)?;
    let r = rest(vm, &args, name, 1, 1)?;
    match bytes_like(r[0]) {
        Some(b) => Ok(vm.bool(f(a, b))),
        None => Ok(vm.not_implemented),
    }
}

fn eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__eq__", |a, b| a == b)
}
fn ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__ne__", |a, b| a != b)
}
fn lt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__lt__", |a, b| a < b)
}
fn le(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__le__", |a, b| a <= b)
}
fn gt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__gt__", |a, b| a > b)
}
fn ge(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__ge__", |a, b| a >= b)
}

fn hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    receiver(vm, &args, "__hash__")?;
    let h = bytes_hash(args.pos[0]);
    Ok(crate::types::int::new_i64(vm, h))
}

/// Position of `needle` in `hay` (first, or last when `reverse`).
fn find_sub(hay: &[u8], needle: &[u8], reverse: bool) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    let n = hay.len() - needle.len();
    if reverse {
        (0..=n).rev().find(|&i| &hay[i..i + needle.len()] == needle)
    } else {
        (0..=n).find(|&i| &hay[i..i + needle.len()] == needle)
    }
}

fn contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let data = receiver(vm, &args, "__contains__")?;
    let r = rest(vm, &args, "__contains__", 1, 1)?;
    if is_index(vm, r[0]) {
        let b = byte_arg(vm, r[0])?;
        let data = bytes_like(args.pos[0]).unwrap_or(&[]);
        return Ok(vm.bool(data.contains(&b)));
    }
    let sub = buffer_arg(vm, r[0])?;
    Ok(vm.bool(find_sub(data, sub, false).is_some()))
}

fn iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    receiver(vm, &args, "__iter__")?;
    let cls = if is_bytearray(args.pos[0]) {
        vm.cls.bytearray_iterator
    } else {
        vm.cls.bytes_iterator
    };
    let (v, it) = vm.alloc_obj::<SeqIterObj>(cls);
    it.seq = args.pos[0];
    it.index = 0;
    Ok(v)
}

/// The next item (an int) of a bytes iterator; `Ok(None)` at the end.
pub fn bytes_iter_next(it: Value) -> Option<Value> {
    let o = object::downcast::<SeqIterObj>(it)?;
    let data = bytes_like(o.seq);
    match data.and_then(|d| d.get(o.index as usize)) {
        Some(&b) => {
            o.index += 1;
            Some(Value::from_usize(b as usize))
        }
        None => {
            o.seq = Value::NULL;
            None
        }
    }
}

fn iterator_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let it = args.pos.first().copied().unwrap_or(Value::NULL);
    match bytes_iter_next(it) {
        Some(v) => Ok(v),
        None => {
            let none = vm.none;
            Err(vm.stop_iteration(none))
        }
    }
}

fn iterator_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    match args.pos.first() {
        Some(&it) => Ok(it),
        None => Err(vm.type_error("__iter__ needs an argument")),
    }
}

fn decode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let data = receiver(vm, &args, "decode")?.to_vec();
    let [enc, err] = keywords(vm, &args, "decode", ["encoding", "errors"])?;
    let enc = crate::types::str::codec::str_arg(vm, enc, "decode", "encoding")?;
    let err = crate::types::str::codec::str_arg(vm, err, "decode", "errors")?;
    let s = crate::types::str::codec::decode(
        vm,
        &data,
        enc.as_deref().unwrap_or("utf-8"),
        err.as_deref().unwrap_or("strict"),
    )?;
    Ok(crate::types::str::new_str(vm, &s))
}

/// `bytes.hex(sep=..., bytes_per_sep=1)` (also behind `memoryview.hex`).
pub(crate) fn hex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    receiver(vm, &args, "hex")?;
    let [sep, per] = keywords(vm, &args, "hex", ["sep", "bytes_per_sep"])?;
    let sep = match sep {
        None => None,
        Some(v) => {
            let s = match (crate::types::str::as_str(v), bytes_like(v)) {
                (Some(s), _) => s.to_string(),
                (None, Some(b)) => String::from_utf8_lossy(b).into_owned(),
                _ => {
                    let t = type_name(vm, v).to_string();
                    return Err(vm.type_error(format!("sep must be str or bytes, not {t}")));
                }
            };
            if s.chars().count() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            Some(s)
        }
    };
    let per = match per {
        Some(v) => ops::convert::index_isize(vm, v)?,
        None => 1,
    };
    let data = bytes_like(args.pos[0]).unwrap_or(&[]);
    let hexes: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    let out = match sep {
        Some(sep) if per != 0 && !data.is_empty() => {
            let g = per.unsigned_abs() as usize;
            let mut groups: Vec<String> = Vec::new();
            if per > 0 {
                let first = data.len() % g;
                let first = if first == 0 { g } else { first };
                groups.push(hexes[..first.min(hexes.len())].concat());
                for c in hexes[first.min(hexes.len())..].chunks(g) {
                    groups.push(c.concat());
                }
            } else {
                for c in hexes.chunks(g) {
                    groups.push(c.concat());
                }
            }
            groups.join(&sep)
        }
        _ => hexes.concat(),
    };
    Ok(crate::types::str::new_str(vm, &out))
}

fn fromhex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = rest(vm, &args, "fromhex", 1, 1)?;
    let cls = args.pos[0];
    let Some(s) = crate::types::str::as_str(r[0]) else {
        let t = type_name(vm, r[0]).to_string();
        return Err(vm.type_error(format!("fromhex() argument must be str, not {t}")));
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let Some(hi) = hi else {
            return Err(vm.value_error(format!(
                "non-hexadecimal number found in fromhex() arg at position {i}"
            )));
        };
        let Some(lo) = chars.get(i + 1).and_then(|c| c.to_digit(16)) else {
            return Err(vm.value_error(format!(
                "non-hexadecimal number found in fromhex() arg at position {}",
                i + 1
            )));
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    if cls == vm.cls.bytearray {
        return Ok(new_bytearray(vm, out));
    }
    let b = new_bytes(vm, &out);
    if cls == vm.cls.bytes {
        return Ok(b);
    }
    ops::call::call(vm, cls, &[b])
}

fn join(vm: &mut Vm, args: Args<'_>) -> PyResult {
    receiver(vm, &args, "join")?;
    let r = rest(vm, &args, "join", 1, 1)?;
    let items = ops::iter::collect(vm, r[0])?;
    let sep = bytes_like(args.pos[0]).unwrap_or(&[]).to_vec();
    let mut out = Vec::new();
    for (i, &v) in items.iter().enumerate() {
        let b = match crate::types::memoryview::buffer_of(vm, v)? {
            Some(data) => {
                let copy = new_bytes(vm, &data);
                as_bytes(copy).unwrap_or(&[])
            }
            None => match bytes_like(v) {
                Some(b) => b,
                None => {
                    let t = type_name(vm, v).to_string();
                    return Err(vm.type_error(format!(
                        "sequence item {i}: expected a bytes-like object, {t} found"
                    )));
                }
            },
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(b);
    }
    Ok(make(vm, args.pos[0], out))
}

fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn split_impl(vm: &mut Vm, args: &Args<'_>, name: &str, reverse: bool) -> PyResult {
    let data = receiver(vm, args, name)?;
    let [sep, maxsplit] = keywords(vm, args, name, ["sep", "maxsplit"])?;
    let sep = match sep {
        Some(v) if v != vm.none => {
            let s = buffer_arg(vm, v)?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s)
        }
        _ => None,
    };
    let maxsplit = match maxsplit {
        Some(v) => ops::convert::index_isize(vm, v)?,
        None => -1,
    };
    let mut parts: Vec<&[u8]> = Vec::new();
    match sep {
        None => {
            let mut rest = data;
            let mut splits = 0;
            loop {
                rest = if reverse {
                    let e = rest
                        .iter()
                        .rposition(|&b| !is_ascii_space(b))
                        .map(|i| i + 1)
                        .unwrap_or(0);
                    &rest[..e]
                } else {
                    let s = rest
                        .iter()
                        .position(|&b| !is_ascii_space(b))
                        .unwrap_or(rest.len());
                    &rest[s..]
                };
                if rest.is_empty() {
                    break;
                }
                if maxsplit >= 0 && splits >= maxsplit {
                    parts.push(rest);
                    break;
                }
                let found = if reverse {
                    rest.iter().rposition(|&b| is_ascii_space(b))
                } else {
                    rest.iter().position(|&b| is_ascii_space(b))
                };
                match found {
                    Some(i) if reverse => {
                        parts.push(&rest[i + 1..]);
                        rest = &rest[..i];
                    }
                    Some(i) => {
                        parts.push(&rest[..i]);
                        rest = &rest[i..];
                    }
                    None => {
                        parts.push(rest);
                        break;
                    }
                }
                splits += 1;
            }
        }
        Some(sep) => {
            let mut rest = data;
            let mut splits = 0;
            loop {
                if maxsplit >= 0 && splits >= maxsplit {
                    parts.push(rest);
                    break;
                }
                match find_sub(rest, sep, reverse) {
                    Some(i) if reverse => {
                        parts.push(&rest[i + sep.len()..]);
                        rest = &rest[..i];
                    }
                    Some(i) => {
                        parts.push(&rest[..i]);
                        rest = &rest[i + sep.len()..];
                    }
                    None => {
                        parts.push(rest);
                        break;
                    }
                }
                splits += 1;
            }
        }
    }
    if reverse {
        parts.reverse();
    }
    let like = args.pos[0];
    let items: Vec<Value> = parts
        .into_iter()
        .map(|p| make(vm, like, p.to_vec()))
        .collect();
    Ok(crate::types::list::new_list(vm, items))
}

fn split(vm: &mut Vm, args: Args<'_>) -> PyResult {
    split_impl(vm, &args, "split", false)
}

fn rsplit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    split_impl(vm, &args, "rsplit", true)
}

fn strip_impl(vm: &mut Vm, args: &Args<'_>, name: &str, left: bool, right: bool) -> PyResult {
    let data = receiver(vm, args, name)?;
    let r = rest(vm, args, name, 0, 1)?;
    let chars: Option<&[u8]> = match r.first() {
        Some(&v) if v != vm.none => Some(buffer_arg(vm, v)?),
        _ => None,
    };
    let strip = |b: &u8| match chars {
        Some(set) => set.contains(b),
        None => is_ascii_space(*b),
    };
    let start = if left {
        data.iter().position(|b| !strip(b)).unwrap_or(data.len())
    } else {
        0
    };
    let end = if right {
        data.iter()
            .rposition(|b| !strip(b))
            .map(|i| i + 1)
            .unwrap_or(start)
            .max(start)
    } else {
        data.len()
    };
    let out = data[start..end].to_vec();
    Ok(make(vm, args.pos[0], out))
}

fn strip(vm: &mut Vm, args: Args<'_>) -> PyResult {
    strip_impl(vm, &args, "strip", true, true)
}
fn lstrip(vm: &mut Vm, args: Args<'_>) -> PyResult {
    strip_impl(vm, &args, "lstrip", true, false)
}
fn rstrip(vm: &mut Vm, args: Args<'_>) -> PyResult {
    strip_impl(vm, &args, "rstrip", false, true)
}

fn replace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let data = receiver(vm, &args, "replace")?;
    let r = rest(vm, &args, "replace", 2, 3)?;
    let old = buffer_arg(vm, r[0])?;
    let new = buffer_arg(vm, r[1])?;
    let count = match r.get(2) {
        Some(&v) => ops::convert::index_isize(vm, v)?,
        None => -1,
    };
    let mut out = Vec::with_capacity(data.len());
    let mut done = 0i64;
    if old.is_empty() {
        for &b in data {
            if count < 0 || done < count {
                out.extend_from_slice(new);
                done += 1;
            }
            out.push(b);
        }
        if count < 0 || done < count {
            out.extend_from_slice(new);
        }
    } else {
        let mut i = 0;
        while i < data.len() {
            if (count < 0 || done < count) && data[i..].starts_with(old) {
                out.extend_from_slice(new);
                i += old.len();
                done += 1;
            } else {
                out.push(data[i]);
                i += 1;
            }
        }
    }
    Ok(make(vm, args.pos[0], out))
}

/// The `[start, end)` range of a search method (CPython's `ADJUST_INDICES`).
fn search_range(vm: &mut Vm, rest: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let len = len as i64;
    let mut bound = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            Some(&v) if v != vm.none => slice_index(vm, v),
            _ => Ok(default),
        }
    };
    let start = bound(rest.first(), 0)?;
    let end = bound(rest.get(1), len)?;
    let end = if end > len {
        len
    } else if end < 0 {
        (end + len).max(0)
    } else {
        end
    };
    let start = if start < 0 {
        (start + len).max(0)
    } else {
        start
    };
    Ok((start as usize, end.max(0) as usize))
}

/// The needle of `find`-style methods: bytes-like or a byte value.
fn needle(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b.to_vec());
    }
    if is_index(vm, v) {
        return Ok(vec![byte_arg(vm, v)?]);
    }
    let t = type_name(vm, v).to_string();
    Err(vm.type_error(format!(
        "argument should be integer or bytes-like object, not '{t}'"
    )))
}

fn find_impl(vm: &mut Vm, args: &Args<'_>, name: &str, reverse: bool) -> PyResult<i64> {
    receiver(vm, args, name)?;
    let r = rest(vm, args, name, 1, 3)?;
    let sub = needle(vm, r[0])?;
    let data = bytes_like(args.pos[0]).unwrap_or(&[]);
    let (start, end) = search_range(vm, &r[1..], data.len())?;
    let data = bytes_like(args.pos[0]).unwrap_or(&[]);
    if start > end || start > data.len() {
        return Ok(-1);
    }
    Ok(find_sub(&data[start..end], &sub, reverse)
        .map(|i| (i + start) as i64)
        .unwrap_or(-1))
}

fn find(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = find_impl(vm, &args, "find", false)?;
    Ok(crate::types::int::new_i64(vm, r))
}
fn rfind(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = find_impl(vm, &args, "rfind", true)?;
    Ok(crate::types::int::new_i64(vm, r))
}
fn index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = find_impl(vm, &args, "index", false)?;
    if r < 0 {
        return Err(vm.value_error("subsection not found"));
    }
    Ok(crate::types::int::new_i64(vm, r))
}
fn rindex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = find_impl(vm, &args, "rindex", true)?;
    if r < 0 {
        return Err(vm.value_error("subsection not found"));
    }
    Ok(crate::types::int::new_i64(vm, r))
}

fn count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    receiver(vm, &args, "count")?;
    let r = rest(vm, &args, "count", 1, 3)?;
    let sub = needle(vm, r[0])?;
    let data = bytes_like(args.pos[0]).unwrap_or(&[]);
    let (start, end) = search_range(vm, &r[1..], data.len())?;
    let data = bytes_like(args.pos[0]).unwrap_or(&[]);
    if start > end || start > data.len() {
        return Ok(Value::from_usize(0));
    }
    let hay = &data[start..end];
    let n = if sub.is_empty() {
        hay.len() + 1
    } else {
        let mut n = 0;
        let mut i = 0;
        while let Some(k) = find_sub(&hay[i..], &sub, false) {
            n += 1;
            i += k + sub.len();
        }
        n
    };
    Ok(Value::from_usize(n))
}

fn affix_impl(vm: &mut Vm, args: &Args<'_>, name: &str, suffix: bool) -> PyResult {
    receiver(vm, args, name)?;
    let r = rest(vm, args, name, 1, 3)?;
    let candidates: Vec<Value> = match crate::types::tuple::as_tuple(r[0]) {
        Some(t) => t.items().to_vec(),
        None => {
            if bytes_like(r[0]).is_none() {
                let t = type_name(vm, r[0]).to_string();
                return Err(vm.type_error(format!(
                    "{name} first arg must be bytes or a tuple of bytes, not {t}"
                )));
            }
            vec![r[0]]
        }
    };
    let data = bytes_like(args.pos[0]).unwrap_or(&[]);
    let (start, end) = search_range(vm, &r[1..], data.len())?;
    let data = bytes_like(args.pos[0]).unwrap_or(&[]);
    for c in candidates {
        let Some(p) = bytes_like(c) else {
            let t = type_name(vm, c).to_string();
            return Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")));
        };
        if start > end || end - start < p.len() {
            continue;
        }
        let hay = &data[start..end];
        if (suffix && hay.ends_with(p)) || (!suffix && hay.starts_with(p)) {
            return Ok(vm.true_);
        }
    }
    Ok(vm.false_)
}

fn startswith(vm: &mut Vm, args: Args<'_>) -> PyResult {
    affix_impl(vm, &args, "startswith", false)
}
fn endswith(vm: &mut Vm, args: Args<'_>) -> PyResult {
    affix_impl(vm, &args, "endswith", true)
}

fn map_bytes(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult {
    let data = receiver(vm, &args, name)?;
    rest(vm, &args, name, 0, 0)?;
    let out = f(data);
    Ok(make(vm, args.pos[0], out))
}

fn upper(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_bytes(vm, args, "upper", |d| d.to_ascii_uppercase())
}
fn lower(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_bytes(vm, args, "lower", |d| d.to_ascii_lowercase())
}

fn test_bytes(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(&[u8]) -> bool) -> PyResult {
    let data = receiver(vm, &args, name)?;
    rest(vm, &args, name, 0, 0)?;
    Ok(vm.bool(f(data)))
}

fn isdigit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    test_bytes(vm, args, "isdigit", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_digit)
    })
}
fn isalpha(vm: &mut Vm, args: Args<'_>) -> PyResult {
    test_bytes(vm, args, "isalpha", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic)
    })
}
fn isalnum(vm: &mut Vm, args: Args<'_>) -> PyResult {
    test_bytes(vm, args, "isalnum", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric)
    })
}
fn isspace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    test_bytes(vm, args, "isspace", |d| {
        !d.is_empty() && d.iter().all(|&b| is_ascii_space(b))
    })
}
fn isupper(vm: &mut Vm, args: Args<'_>) -> PyResult {
    test_bytes(vm, args, "isupper", |d| {
        d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)
    })
}
fn islower(vm: &mut Vm, args: Args<'_>) -> PyResult {
    test_bytes(vm, args, "islower", |d| {
        d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)
    })
}
fn isascii(vm: &mut Vm, args: Args<'_>) -> PyResult {
    test_bytes(vm, args, "isascii", |d| d.is_ascii())
}

fn mod_(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let data = receiver(vm, &args, "__mod__")?.to_vec();
    let r = rest(vm, &args, "__mod__", 1, 1)?;
    let out = crate::types::str::percent::format_bytes(vm, &data, r[0])?;
    Ok(make(vm, args.pos[0], out))
}

/// `bytes.title` (ASCII letters only).
fn title_bytes(d: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    d.iter()
        .map(|&b| {
            let out = if prev_cased {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            };
            prev_cased = b.is_ascii_alphabetic();
            out
        })
        .collect()
}

fn capitalize_bytes(d: &[u8]) -> Vec<u8> {
    d.iter()
        .enumerate()
        .map(|(i, &b)| {
            if i == 0 {
                b.to_ascii_uppercase()
            } else {
                b.to_ascii_lowercase()
            }
        })
        .collect()
}

fn swapcase_bytes(d: &[u8]) -> Vec<u8> {
    d.iter()
        .map(|&b| {
            if b.is_ascii_uppercase() {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            }
        })
        .collect()
}

fn istitle_bytes(d: &[u8]) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for &b in d {
        if b.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

fn title(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_bytes(vm, args, "title", title_bytes)
}
fn capitalize(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_bytes(vm, args, "capitalize", capitalize_bytes)
}
fn swapcase(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_bytes(vm, args, "swapcase", swapcase_bytes)
}
fn istitle(vm: &mut Vm, args: Args<'_>) -> PyResult {
    test_bytes(vm, args, "istitle", istitle_bytes)
}

fn pad_impl(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult {
    let data = receiver(vm, args, name)?;
    let r = rest(vm, args, name, 1, 2)?;
    let width = ops::convert::index_isize(vm, r[0])?;
    let fill = match r.get(1) {
        None => b' ',
        Some(&v) => match bytes_like(v) {
            Some([b]) => *b,
            _ => {
                let t = type_name(vm, v).to_string();
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {t}"
                )));
            }
        },
    };
    let len = data.len() as i64;
    if width <= len {
        let out = data.to_vec();
        return Ok(make(vm, args.pos[0], out));
    }
    if width as u64 > MAX_ALLOC as u64 {
        return Err(vm.memory_error());
    }
    let marg = (width - len) as usize;
    let left = match name {
        "ljust" => 0,
        "rjust" => marg,
        _ => marg / 2 + (marg & width as usize & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(data);
    out.resize(width as usize, fill);
    Ok(make(vm, args.pos[0], out))
}

fn center(vm: &mut Vm, args: Args<'_>) -> PyResult {
    pad_impl(vm, &args, "center")
}
fn ljust(vm: &mut Vm, args: Args<'_>) -> PyResult {
    pad_impl(vm, &args, "ljust")
}
fn rjust(vm: &mut Vm, args: Args<'_>) -> PyResult {
    pad_impl(vm, &args, "rjust")
}

fn zfill(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let data = receiver(vm, &args, "zfill")?;
    let r = rest(vm, &args, "zfill", 1, 1)?;
    let width = ops::convert::index_isize(vm, r[0])?;
    let len = data.len() as i64;
    if width <= len {
        let out = data.to_vec();
        return Ok(make(vm, args.pos[0], out));
    }
    if width as u64 > MAX_ALLOC as u64 {
        return Err(vm.memory_error());
    }
    let (sign, body) = match data.first() {
        Some(&c @ (b'+' | b'-')) => (Some(c), &data[1..]),
        _ => (None, data),
    };
    let mut out = Vec::with_capacity(width as usize);
    out.extend(sign);
    out.resize((width - len) as usize + sign.map_or(0, |_| 1), b'0');
    out.extend_from_slice(body);
    Ok(make(vm, args.pos[0], out))
}

fn partition_impl(vm: &mut Vm, args: &Args<'_>, name: &str, reverse: bool) -> PyResult {
    let data = receiver(vm, args, name)?;
    let r = rest(vm, args, name, 1, 1)?;
    let sep = buffer_arg(vm, r[0])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let parts: [&[u8]; 3] = match find_sub(data, sep, reverse) {
        Some(i) => [&data[..i], sep, &data[i + sep.len()..]],
        None if reverse => [b"", b"", data],
        None => [data, b"", b""],
    };
    let like = args.pos[0];
    let items: Vec<Value> = parts.iter().map(|p| make(vm, like, p.to_vec())).collect();
    Ok(crate::types::tuple::new_tuple(vm, &items))
}

fn partition(vm: &mut Vm, args: Args<'_>) -> PyResult {
    partition_impl(vm, &args, "partition", false)
}
fn rpartition(vm: &mut Vm, args: Args<'_>) -> PyResult {
    partition_impl(vm, &args, "rpartition", true)
}

fn splitlines(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let data = receiver(vm, &args, "splitlines")?;
    let [keepends] = keywords(vm, &args, "splitlines", ["keepends"])?;
    let keep = match keepends {
        Some(v) => ops::convert::truthy(vm, v)?,
        None => false,
    };
    let mut parts: Vec<&[u8]> = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < data.len() {
        let b = data[i];
        if b == b'\n' || b == b'\r' {
            let mut end = i + 1;
            if b == b'\r' && data.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            parts.push(if keep {
                &data[start..end]
            } else {
                &data[start..i]
            });
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < data.len() {
        parts.push(&data[start..]);
    }
    let like = args.pos[0];
    let items: Vec<Value> = parts
        .into_iter()
        .map(|p| make(vm, like, p.to_vec()))
        .collect();
    Ok(crate::types::list::new_list(vm, items))
}

fn expandtabs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let data = receiver(vm, &args, "expandtabs")?;
    let [tabsize] = keywords(vm, &args, "expandtabs", ["tabsize"])?;
    let tab = match tabsize {
        Some(v) => ops::convert::index_isize(vm, v)?,
        None => 8,
    };
    let data = bytes_like(args.pos[0]).unwrap_or(data);
    let mut out = Vec::with_capacity(data.len());
    let mut col: i64 = 0;
    for &b in data {
        match b {
            b'\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    if out.len() as u64 + n as u64 > MAX_ALLOC as u64 {
                        return Err(vm.memory_error());
                    }
                    out.resize(out.len() + n as usize, b' ');
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    Ok(make(vm, args.pos[0], out))
}

fn affix_remove(vm: &mut Vm, args: &Args<'_>, name: &str, suffix: bool) -> PyResult {
    let data = receiver(vm, args, name)?;
    let r = rest(vm, args, name, 1, 1)?;
    let a = buffer_arg(vm, r[0])?;
    let out = if suffix {
        data.strip_suffix(a)
    } else {
        data.strip_prefix(a)
    };
    let out = out.unwrap_or(data).to_vec();
    Ok(make(vm, args.pos[0], out))
}

fn removeprefix(vm: &mut Vm, args: Args<'_>) -> PyResult {
    affix_remove(vm, &args, "removeprefix", false)
}
fn removesuffix(vm: &mut Vm, args: Args<'_>) -> PyResult {
    affix_remove(vm, &args, "removesuffix", true)
}

/// The bytearray buffer of a bytearray method's receiver.
fn buf<'a>(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<&'a mut Vec<u8>> {
    match args.pos.first().and_then(|&v| as_bytearray(v)) {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!("descriptor '{name}' requires a 'bytearray' object"))),
    }
}

fn append(vm: &mut Vm, args: Args<'_>) -> PyResult {
    buf(vm, &args, "append")?;
    let r = rest(vm, &args, "bytearray.append", 1, 1)?;
    let b = byte_arg(vm, r[0])?;
    buf(vm, &args, "append")?.push(b);
    Ok(vm.none)
}

fn extend(vm: &mut Vm, args: Args<'_>) -> PyResult {
    buf(vm, &args, "extend")?;
    let r = rest(vm, &args, "bytearray.extend", 1, 1)?;
    let it_name = vm.names.__iter__;
    if bytes_like(r[0]).is_none() && ops::lookup_special(vm, r[0], it_name).is_null() {
        let t = type_name(vm, r[0]).to_string();
        return Err(vm.type_error(format!("can't extend bytearray with {t}")));
    }
    let data = collect_bytes(vm, r[0])?;
    buf(vm, &args, "extend")?.extend_from_slice(&data);
    Ok(vm.none)
}

fn pop(vm: &mut Vm, args: Args<'_>) -> PyResult {
    buf(vm, &args, "pop")?;
    let r = rest(vm, &args, "pop", 0, 1)?;
    let i = match r.first() {
        Some(&v) => ops::convert::index_isize(vm, v)?,
        None => -1,
    };
    let b = buf(vm, &args, "pop")?;
    if b.is_empty() {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let i = if i < 0 { i + b.len() as i64 } else { i };
    if i < 0 || i as usize >= b.len() {
        return Err(vm.index_error("pop index out of range"));
    }
    let x = b.remove(i as usize);
    Ok(Value::from_usize(x as usize))
}

fn insert(vm: &mut Vm, args: Args<'_>) -> PyResult {
    buf(vm, &args, "insert")?;
    let r = rest(vm, &args, "insert", 2, 2)?;
    let i = ops::convert::index_isize(vm, r[0])?;
    let x = byte_arg(vm, r[1])?;
    let b = buf(vm, &args, "insert")?;
    let n = b.len() as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    b.insert(i as usize, x);
    Ok(vm.none)
}

fn remove(vm: &mut Vm, args: Args<'_>) -> PyResult {
    buf(vm, &args, "remove")?;
    let r = rest(vm, &args, "bytearray.remove", 1, 1)?;
    let x = byte_arg(vm, r[0])?;
    let b = buf(vm, &args, "remove")?;
    match b.iter().position(|&y| y == x) {
        Some(i) => {
            b.remove(i);
            Ok(vm.none)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn clear(vm: &mut Vm, args: Args<'_>) -> PyResult {
    rest(vm, &args, "bytearray.clear", 0, 0)?;
    buf(vm, &args, "clear")?.clear();
    Ok(vm.none)
}

fn reverse(vm: &mut Vm, args: Args<'_>) -> PyResult {
    rest(vm, &args, "bytearray.reverse", 0, 0)?;
    buf(vm, &args, "reverse")?.reverse();
    Ok(vm.none)
}

fn copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    rest(vm, &args, "bytearray.copy", 0, 0)?;
    let data = buf(vm, &args, "copy")?.clone();
    Ok(new_bytearray(vm, data))
}

/// The positions a slice of a bytearray of `len` bytes designates.
fn slice_positions(vm: &mut Vm, key: Value, len: usize) -> PyResult<(i64, i64, Vec<usize>)> {
    let (start, stop, step, count) = slice_indices(vm, key, len)?;
    let pos = (0..count)
        .map(|k| (start + k as i64 * step) as usize)
        .collect();
    Ok((start, stop, pos))
}

fn setitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    buf(vm, &args, "__setitem__")?;
    let r = rest(vm, &args, "__setitem__", 2, 2)?;
    let (key, value) = (r[0], r[1]);
    if object::is::<SliceObj>(key) {
        let data = if value == args.pos[0] {
            buf(vm, &args, "__setitem__")?.clone()
        } else if is_index(vm, value) {
            return Err(vm.type_error(
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            ));
        } else {
            collect_bytes(vm, value)?
        };
        let len = buf(vm, &args, "__setitem__")?.len();
        let step = object::downcast::<SliceObj>(key)
            .map(|s| s.step)
            .unwrap_or(Value::NULL);
        let (start, stop, pos) = slice_positions(vm, key, len)?;
        let b = buf(vm, &args, "__setitem__")?;
        if step.is_null() || step == vm.none || crate::types::int::as_i64(step) == Some(1) {
            let start = start.clamp(0, len as i64) as usize;
            let stop = (stop.max(start as i64) as usize).min(len);
            b.splice(start..stop, data);
            return Ok(vm.none);
        }
        if pos.len() != data.len() {
            return Err(vm.value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                data.len(),
                pos.len()
            )));
        }
        for (p, x) in pos.into_iter().zip(data) {
            b[p] = x;
        }
        return Ok(vm.none);
    }
    if !is_index(vm, key) {
        let t = type_name(vm, key).to_string();
        return Err(vm.type_error(format!(
            "bytearray indices must be integers or slices, not {t}"
        )));
    }
    let i = crate::types::slice::subscript_index(vm, key)?;
    let x = byte_arg(vm, value)?;
    let b = buf(vm, &args, "__setitem__")?;
    let i = if i < 0 { i + b.len() as i64 } else { i };
    match usize::try_from(i).ok().and_then(|i| b.get_mut(i)) {
        Some(slot) => {
            *slot = x;
            Ok(vm.none)
        }
        None => Err(vm.index_error("bytearray index out of range")),
    }
}

fn delitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    buf(vm, &args, "__delitem__")?;
    let r = rest(vm, &args, "__delitem__", 1, 1)?;
    let key = r[0];
    if object::is::<SliceObj>(key) {
        let len = buf(vm, &args, "__delitem__")?.len();
        let (_, _, pos) = slice_positions(vm, key, len)?;
        let b = buf(vm, &args, "__delitem__")?;
        let mut drop = vec![false; b.len()];
        for p in pos {
            drop[p] = true;
        }
        let mut k = 0;
        b.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
        return Ok(vm.none);
    }
    if !is_index(vm, key) {
        let t = type_name(vm, key).to_string();
        return Err(vm.type_error(format!(
            "bytearray indices must be integers or slices, not {t}"
        )));
    }
    let i = crate::types::slice::subscript_index(vm, key)?;
    let b = buf(vm, &args, "__delitem__")?;
    let i = if i < 0 { i + b.len() as i64 } else { i };
    if i < 0 || i as usize >= b.len() {
        return Err(vm.index_error("bytearray index out of range"));
    }
    b.remove(i as usize);
    Ok(vm.none)
}

/// Methods and dunders shared by bytes and bytearray.
/// `bytes.maketrans(from, to)`: the 256-byte table mapping each byte of `from` to the
/// byte of `to` at the same position.
fn maketrans(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "maketrans", 2, 2)?;
    let from = buffer_arg(vm, args.pos[0])?.to_vec();
    let to = buffer_arg(vm, args.pos[1])?.to_vec();
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (f, t) in from.into_iter().zip(to) {
        table[f as usize] = t;
    }
    Ok(new_bytes(vm, &table))
}

/// `translate(table, /, delete=b'')`: maps every byte through `table` (None: identity)
/// after dropping the bytes in `delete`.
fn translate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    receiver(vm, &args, "translate")?;
    args.only_kwargs(vm, "translate", &["delete"])?;
    let pos = &args.pos[1..];
    if pos.is_empty() || pos.len() > 2 || (pos.len() == 2 && !args.kw.is_empty()) {
        let n = pos.len() + args.kw.len();
        return Err(vm.type_error(format!("translate expected at most 2 arguments, got {n}")));
    }
    let table = if pos[0] == vm.none {
        None
    } else {
        let t = buffer_arg(vm, pos[0])?.to_vec();
        if t.len() != 256 {
            return Err(vm.value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let delete = match pos.get(1).copied().or_else(|| args.kwarg("delete")) {
        Some(d) => buffer_arg(vm, d)?.to_vec(),
        None => Vec::new(),
    };
    let data = bytes_like(args.pos[0]).unwrap_or(&[]);
    let out: Vec<u8> = data
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.as_ref().map_or(b, |t| t[b as usize]))
        .collect();
    Ok(make(vm, args.pos[0], out))
}

const SHARED: &[(&str, NativeFn)] = &[
    ("translate", translate),
    ("__repr__", repr),
    ("__len__", len),
    ("__getitem__", getitem),
    ("__add__", add),
    ("__mul__", mul),
    ("__rmul__", rmul),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__lt__", lt),
    ("__le__", le),
    ("__gt__", gt),
    ("__ge__", ge),
    ("__contains__", contains),
    ("__iter__", iter),
    ("decode", decode),
    ("hex", hex),
    ("join", join),
    ("split", split),
    ("rsplit", rsplit),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("replace", replace),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("count", count),
    ("startswith", startswith),
    ("endswith", endswith),
    ("upper", upper),
    ("lower", lower),
    ("isdigit", isdigit),
    ("isalpha", isalpha),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("isupper", isupper),
    ("islower", islower),
    ("isascii", isascii),
    ("istitle", istitle),
    ("__mod__", mod_),
    ("title", title),
    ("capitalize", capitalize),
    ("swapcase", swapcase),
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("zfill", zfill),
    ("partition", partition),
    ("rpartition", rpartition),
    ("splitlines", splitlines),
    ("expandtabs", expandtabs),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
];

/// Registers the methods.
pub(crate) fn init(vm: &mut Vm) {
    let (b, ba) = (vm.cls.bytes, vm.cls.bytearray);
    for cls in [b, ba] {
        vm.add_methods(cls, SHARED);
        vm.add_classmethod(cls, "fromhex", fromhex);
        vm.add_staticmethod(cls, "maketrans", maketrans);
    }
    vm.add_staticmethod(b, "__new__", bytes_new);
    vm.add_method(b, "__hash__", hash);
    vm.add_staticmethod(ba, "__new__", bytearray_new);
    vm.add_methods(
        ba,
        &[
            ("__init__", bytearray_init),
            ("__iadd__", iadd),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("append", append),
            ("extend", extend),
            ("pop", pop),
            ("insert", insert),
            ("remove", remove),
            ("clear", clear),
            ("reverse", reverse),
            ("copy", copy),
        ],
    );
    let none = vm.none;
    vm.add_attr(ba, "__hash__", none);
    for it in [vm.cls.bytes_iterator, vm.cls.bytearray_iterator] {
        vm.add_methods(
            it,
            &[("__next__", iterator_next), ("__iter__", iterator_iter)],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs_match_cpython() {
        assert_eq!(
            bytes_repr(b"'\"\x00\x7f\x80\t"),
            "b'\\'\"\\x00\\x7f\\x80\\t'"
        );
        assert_eq!(bytes_repr(b"it's"), "b\"it's\"");
        assert_eq!(bytes_repr(b"a\\b\n"), "b'a\\\\b\\n'");
    }

    #[test]
    fn substring_search() {
        assert_eq!(find_sub(b"abcabc", b"bc", false), Some(1));
        assert_eq!(find_sub(b"abcabc", b"bc", true), Some(4));
        assert_eq!(find_sub(b"ab", b"", true), Some(2));
        assert_eq!(find_sub(b"a", b"ab", false), None);
    }
}
