//! `str`: allocation, access to the text, hashing, the dunders, and the Rust-level helpers
//! the protocols call (`str_repr`, `concat`, `getitem`, iteration). The methods live in
//! `methods`, %-formatting in `percent`, encodings in `codec`, character classes in
//! `unicode`.

pub mod codec;
pub(crate) mod methods;
pub mod percent;
mod tables;
pub mod unicode;

use crate::object::{self, InstanceObj, SeqIterObj, SliceObj, StrObj};
use crate::ops;
use crate::types::class::{class_of, type_name};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};
use num_traits::ToPrimitive;

/// Allocates a str object holding `s` (pinned when `pinned`, for interned names).
pub fn alloc_str(vm: &mut Vm, s: &str, pinned: bool) -> Value {
    let size = std::mem::size_of::<StrObj>() + s.len();
    let cls = vm.cls.str;
    let ty = pyrs_gc::TypeId(object::Kind::Str as u32);
    let p = if pinned {
        vm.heap.alloc_pinned(ty, size)
    } else {
        vm.heap.alloc(ty, size)
    };
    // SAFETY: `p` is a fresh zeroed Str object with room for `s.len()` bytes after the struct.
    unsafe {
        let obj = &mut *(p as *mut StrObj);
        obj.head.class = cls;
        obj.len = s.len() as u64;
        obj.char_len = s.chars().count() as u64;
        std::ptr::copy_nonoverlapping(s.as_ptr(), p.add(std::mem::size_of::<StrObj>()), s.len());
    }
    Value::from_addr(p)
}

/// A new str.
#[inline]
pub fn new_str(vm: &mut Vm, s: &str) -> Value {
    alloc_str(vm, s, false)
}

/// The str object of `v`: a str, or the native str of an instance of a str subclass.
#[inline]
pub fn as_str_obj<'a>(v: Value) -> Option<&'a mut StrObj> {
    if let Some(s) = object::downcast::<StrObj>(v) {
        return Some(s);
    }
    object::downcast::<InstanceObj>(v).and_then(|i| object::downcast::<StrObj>(i.native))
}

/// The text of a str (or str-subclass instance). Valid until the next safepoint.
#[inline]
pub fn as_str<'a>(v: Value) -> Option<&'a str> {
    as_str_obj(v).map(|s| s.as_str())
}

/// The text of an exact str object (not a subclass instance).
#[inline]
pub fn as_exact_str<'a>(v: Value) -> Option<&'a str> {
    object::downcast::<StrObj>(v).map(|s| s.as_str())
}

/// Hash of text, as `hash(str)` reports it. Not CPython's (which is randomized per run),
/// but fixed, never -1, and equal for equal text.
pub fn hash_text(s: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let h = (h >> 1) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The (cached) hash of a str value; 0 for non-str values.
#[inline]
pub fn str_hash(v: Value) -> i64 {
    match as_str_obj(v) {
        Some(s) if s.len == 0 => 0,
        Some(s) => {
            if s.hash == 0 {
                let h = hash_text(s.as_str());
                s.hash = if h == 0 { 1 } else { h };
            }
            s.hash
        }
        None => 0,
    }
}

/// Appends the escape of `c` as CPython writes it in reprs: `\xhh`, `\uhhhh`, `\Uhhhhhhhh`.
fn push_escape(out: &mut String, c: char) {
    let n = c as u32;
    if n < 0x100 {
        out.push_str(&format!("\\x{n:02x}"));
    } else if n < 0x10000 {
        out.push_str(&format!("\\u{n:04x}"));
    } else {
        out.push_str(&format!("\\U{n:08x}"));
    }
}

/// `repr(str)`: quoted with `'` (or `"` when the text has `'` but no `"`), with `\\`, the
/// quote, `\t`, `\n`, `\r` escaped and non-printable characters as `\x..`, `\u....`,
/// `\U........`.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if unicode::is_printable(c) => out.push(c),
            c => push_escape(&mut out, c),
        }
    }
    out.push(quote);
    out
}

/// `ascii()` of an already computed repr: every non-ASCII character escaped.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_escape(&mut out, c);
        }
    }
    out
}

/// `a + b` for two strs (exact or subclass instances); `TypeError` as CPython words it when
/// `b` is not a str.
pub fn concat(vm: &mut Vm, a: Value, b: Value) -> PyResult {
    let (Some(x), Some(y)) = (as_str(a), as_str(b)) else {
        let t = type_name(vm, b).to_string();
        return Err(vm.type_error(format!("can only concatenate str (not \"{t}\") to str")));
    };
    if y.is_empty() && class_of(vm, a) == vm.cls.str {
        return Ok(a);
    }
    if x.is_empty() && class_of(vm, b) == vm.cls.str {
        return Ok(b);
    }
    let mut s = String::with_capacity(x.len() + y.len());
    s.push_str(x);
    s.push_str(y);
    Ok(new_str(vm, &s))
}

/// The character at code-point index `i` (0-based, in range or `None`).
pub fn char_at(s: &StrObj, i: usize) -> Option<char> {
    if s.is_ascii() {
        return s.as_str().as_bytes().get(i).map(|&b| b as char);
    }
    s.as_str().chars().nth(i)
}

/// The byte offset of code-point index `i` (clamped to the end) in `s`.
pub(crate) fn byte_offset(s: &str, ascii: bool, i: usize) -> usize {
    if ascii {
        return i.min(s.len());
    }
    s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(s.len())
}

/// A slice index from a `slice` field or method argument: an int (clamped to i64) or an
/// object with `__index__`.
pub(crate) fn slice_index(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Some(i) = v.as_small() {
        return Ok(i);
    }
    let is_index = crate::types::int::is_int(v) || {
        let n = vm.names.__index__;
        !ops::lookup_special(vm, v, n).is_null()
    };
    if !is_index {
        return Err(
            vm.type_error("slice indices must be integers or None or have an __index__ method")
        );
    }
    let b = ops::convert::index(vm, v)?;
    Ok(b.to_i64()
        .unwrap_or(if b.sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        }))
}

/// `slice.indices(len)` with the item count: `(start, stop, step, count)`, as CPython's
/// `PySlice_Unpack` + `PySlice_AdjustIndices`.
pub(crate) fn slice_indices(
    vm: &mut Vm,
    slice: Value,
    len: usize,
) -> PyResult<(i64, i64, i64, usize)> {
    let Some(sl) = object::downcast::<SliceObj>(slice) else {
        return Err(vm.type_error("expected a slice"));
    };
    let (start_v, stop_v, step_v) = (sl.start, sl.stop, sl.step);
    let none = vm.none;
    let step = if step_v == none || step_v.is_null() {
        1
    } else {
        slice_index(vm, step_v)?
    };
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let step = step.max(-i64::MAX);
    let len = len as i64;
    let adjust = |v: i64, lower: i64, upper: i64| -> i64 {
        if v < 0 {
            (v + len).max(lower)
        } else {
            v.min(upper)
        }
    };
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let start = if start_v == none || start_v.is_null() {
        if step < 0 {
            upper
        } else {
            lower
        }
    } else {
        let v = slice_index(vm, start_v)?;
        adjust(v, lower, upper)
    };
    let stop = if stop_v == none || stop_v.is_null() {
        if step < 0 {
            lower
        } else {
            upper
        }
    } else {
        let v = slice_index(vm, stop_v)?;
        adjust(v, lower, upper)
    };
    let count = if step < 0 {
        if stop < start {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    };
    Ok((start, stop, step, count))
}

/// Whether `v` can index a sequence (an int or an object with `__index__`).
pub(crate) fn is_index(vm: &mut Vm, v: Value) -> bool {
    if crate::types::int::is_int(v) {
        return true;
    }
    let n = vm.names.__index__;
    !ops::lookup_special(vm, v, n).is_null()
}

/// `s[key]` for a str `s`: an int index (negative from the end) or a slice.
pub fn getitem(vm: &mut Vm, s: Value, key: Value) -> PyResult {
    let Some(obj) = as_str_obj(s) else {
        return Err(vm.type_error("descriptor '__getitem__' requires a 'str' object"));
    };
    let n = obj.char_len as usize;
    if object::is::<SliceObj>(key) {
        let (start, _, step, count) = slice_indices(vm, key, n)?;
        let Some(obj) = as_str_obj(s) else {
            return Ok(s);
        };
        let text = obj.as_str();
        if count == n && step == 1 && class_of(vm, s) == vm.cls.str {
            return Ok(s);
        }
        let out: String = if step == 1 {
            let b0 = byte_offset(text, obj.is_ascii(), start as usize);
            let b1 = byte_offset(text, obj.is_ascii(), start as usize + count);
            text[b0..b1].to_string()
        } else if obj.is_ascii() {
            let bytes = text.as_bytes();
            (0..count)
                .map(|k| bytes[(start + k as i64 * step) as usize] as char)
                .collect()
        } else {
            let chars: Vec<char> = text.chars().collect();
            (0..count)
                .map(|k| chars[(start + k as i64 * step) as usize])
                .collect()
        };
        return Ok(new_str(vm, &out));
    }
    if !is_index(vm, key) {
        let t = type_name(vm, key).to_string();
        return Err(vm.type_error(format!("string indices must be integers, not '{t}'")));
    }
    let i = crate::types::slice::subscript_index(vm, key)?;
    let i = if i < 0 { i + n as i64 } else { i };
    let c = if i < 0 {
        None
    } else {
        as_str_obj(s).and_then(|o| char_at(o, i as usize))
    };
    match c {
        Some(c) => {
            let mut buf = [0u8; 4];
            Ok(new_str(vm, c.encode_utf8(&mut buf)))
        }
        None => Err(vm.index_error("string index out of range")),
    }
}

/// `s * n`: the text repeated (`n <= 0` gives the empty string).
pub fn repeat(vm: &mut Vm, s: Value, n: i64) -> PyResult {
    let text = as_str(s).unwrap_or("");
    if n == 1 && class_of(vm, s) == vm.cls.str {
        return Ok(s);
    }
    if n <= 0 || text.is_empty() {
        return Ok(new_str(vm, ""));
    }
    match text.len().checked_mul(n as usize) {
        Some(total) if total <= isize::MAX as usize => {
            if total > MAX_ALLOC {
                return Err(vm.memory_error());
            }
            let out = text.repeat(n as usize);
            Ok(new_str(vm, &out))
        }
        _ => Err(vm.overflow_error("repeated string is too long")),
    }
}

/// The largest str or bytes pyrs builds in one piece; larger requests raise `MemoryError`.
pub(crate) const MAX_ALLOC: usize = 1 << 31;

/// The next character of a str iterator (`index` is a byte offset); `Ok(None)` at the end.
pub fn str_iter_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(o) = object::downcast::<SeqIterObj>(it) else {
        return Ok(None);
    };
    let Some(text) = as_str(o.seq) else {
        o.seq = Value::NULL;
        return Ok(None);
    };
    let i = o.index as usize;
    match text.get(i..).and_then(|rest| rest.chars().next()) {
        Some(c) => {
            o.index += c.len_utf8() as u64;
            let mut buf = [0u8; 4];
            Ok(Some(new_str(vm, c.encode_utf8(&mut buf))))
        }
        None => {
            o.seq = Value::NULL;
            Ok(None)
        }
    }
}

/// Whether the class of `other` defines the reflected method `name` in Python code (so a
/// binary dunder of str must return `NotImplemented` rather than raise).
pub(crate) fn has_python_method(vm: &mut Vm, other: Value, name: &str) -> bool {
    let n = vm.intern(name);
    let m = ops::lookup_special(vm, other, n);
    !m.is_null() && !object::is::<object::BuiltinObj>(m)
}

/// The receiver of a str method: its text, or `TypeError` as CPython's descriptors say.
pub(crate) fn receiver<'a>(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<&'a str> {
    match args.pos.first() {
        Some(&v) => match as_str(v) {
            Some(s) => Ok(s),
            None => Err(crate::types::native::bad_receiver(vm, "str", name, Some(v))),
        },
        None => Err(crate::types::native::bad_receiver(vm, "str", name, None)),
    }
}

fn str_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let base = vm.cls.str;
    let cls = crate::types::list::check_new_cls(vm, &args, "str", base)?;
    let rest = Args {
        pos: args.pos.get(1..).unwrap_or(&[]),
        kw: args.kw,
        kwnames: args.kwnames,
    };
    rest.only_kwargs(vm, "str", &["object", "encoding", "errors"])?;
    if rest.pos.len() > 3 {
        let n = rest.pos.len() + rest.kw.len();
        return Err(vm.type_error(format!("str() takes at most 3 arguments ({n} given)")));
    }
    let obj = rest.arg(0, "object");
    let encoding = rest.arg(1, "encoding");
    let errors = rest.arg(2, "errors");
    let text: Value = if encoding.is_none() && errors.is_none() {
        match obj {
            None => new_str(vm, ""),
            Some(o) => ops::convert::to_str(vm, o)?,
        }
    } else {
        let enc = codec::str_arg(vm, encoding, "str", "encoding")?;
        let err = codec::str_arg(vm, errors, "str", "errors")?;
        let o = obj.unwrap_or(vm.none);
        let data: Vec<u8> = if let Some(b) = crate::types::bytes::as_bytes(o) {
            b.to_vec()
        } else if let Some(b) = crate::types::bytes::as_bytearray(o) {
            b.clone()
        } else if as_str(o).is_some() {
            return Err(vm.type_error("decoding str is not supported"));
        } else {
            let t = type_name(vm, o).to_string();
            return Err(vm.type_error(format!(
                "decoding to str: need a bytes-like object, {t} found"
            )));
        };
        let s = codec::decode(
            vm,
            &data,
            enc.as_deref().unwrap_or("utf-8"),
            err.as_deref().unwrap_or("strict"),
        )?;
        new_str(vm, &s)
    };
    if cls == vm.cls.str {
        return Ok(text);
    }
    let native = if object::is::<StrObj>(text) {
        text
    } else {
        let s = as_str(text).unwrap_or("").to_string();
        new_str(vm, &s)
    };
    Ok(crate::types::instance::new_instance(vm, cls, native))
}

/// The one argument of a binary dunder.
fn other_arg(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    Args {
        pos: args.pos.get(1..).unwrap_or(&[]),
        kw: args.kw,
        kwnames: args.kwnames,
    }
    .check(vm, name, 1, 1)?;
    Ok(args.pos[1])
}

fn str_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    receiver(vm, &args, "__len__")?;
    let n = as_str_obj(args.pos[0]).map(|s| s.char_len).unwrap_or(0);
    Ok(Value::from_usize(n as usize))
}

fn str_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    receiver(vm, &args, "__getitem__")?;
    let key = other_arg(vm, &args, "str.__getitem__")?;
    getitem(vm, args.pos[0], key)
}

fn str_add(vm: &mut Vm, args: Args<'_>) -> PyResult {
    receiver(vm, &args, "__add__")?;
    let b = other_arg(vm, &args, "str.__add__")?;
    if as_str(b).is_none() && has_python_method(vm, b, "__radd__") {
        return Ok(vm.not_implemented);
    }
    concat(vm, args.pos[0], b)
}

fn mul_impl(vm: &mut Vm, args: Args<'_>, name: &str, reflected: &str) -> PyResult {
    receiver(vm, &args, name)?;
    let n = other_arg(vm, &args, name)?;
    if !is_index(vm, n) {
        if has_python_method(vm, n, reflected) {
            return Ok(vm.not_implemented);
        }
        let t = type_name(vm, n).to_string();
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{t}'")));
    }
    let k = ops::convert::index_isize(vm, n)?;
    repeat(vm, args.pos[0], k)
}

fn str_mul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    mul_impl(vm, args, "__mul__", "__rmul__")
}

fn str_rmul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    mul_impl(vm, args, "__rmul__", "__mul__")
}

fn str_mod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = receiver(vm, &args, "__mod__")?;
    let v = other_arg(vm, &args, "str.__mod__")?;
    let out = percent::format(vm, s, v)?;
    Ok(new_str(vm, &out))
}

/// `str.__rmod__`: a str on the right of `%` never formats the left operand.
fn str_rmod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    receiver(vm, &args, "__rmod__")?;
    other_arg(vm, &args, "str.__rmod__")?;
    Ok(vm.not_implemented)
}

fn str_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = receiver(vm, &args, "__getnewargs__")?;
    let copy = new_str(vm, s);
    Ok(crate::types::tuple::new_tuple(vm, &[copy]))
}

fn str_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = receiver(vm, &args, "__contains__")?;
    let v = other_arg(vm, &args, "str.__contains__")?;
    match as_str(v) {
        Some(sub) => Ok(vm.bool(s.contains(sub))),
        None => {
            let t = type_name(vm, v).to_string();
            Err(vm.type_error(format!(
                "'in <string>' requires string as left operand, not {t}"
            )))
        }
    }
}

fn compare(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(&str, &str) -> bool) -> PyResult {
    let a = receiver(vm, &args, name)?;
    let b = other_arg(vm, &args, name)?;
    match as_str(b) {
        Some(b) => Ok(vm.bool(f(a, b))),
        None => Ok(vm.not_implemented),
    }
}

fn str_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__eq__", |a, b| a == b)
}
fn str_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__ne__", |a, b| a != b)
}
fn str_lt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__lt__", |a, b| a < b)
}
fn str_le(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__le__", |a, b| a <= b)
}
fn str_gt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__gt__", |a, b| a > b)
}
fn str_ge(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__ge__", |a, b| a >= b)
}

fn str_hash_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    receiver(vm, &args, "__hash__")?;
    let h = str_hash(args.pos[0]);
    Ok(crate::types::int::new_i64(vm, h))
}

fn str_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = receiver(vm, &args, "__iter__")?;
    let cls = if s.is_ascii() {
        vm.cls.str_ascii_iterator
    } else {
        vm.cls.str_iterator
    };
    let (v, it) = vm.alloc_obj::<SeqIterObj>(cls);
    it.seq = args.pos[0];
    it.index = 0;
    Ok(v)
}

fn str_iterator_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let it = args.pos.first().copied().unwrap_or(Value::NULL);
    match str_iter_next(vm, it)? {
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

fn str_repr_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = receiver(vm, &args, "__repr__")?;
    let r = str_repr(s);
    Ok(new_str(vm, &r))
}

fn str_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = receiver(vm, &args, "__str__")?;
    if class_of(vm, args.pos[0]) == vm.cls.str {
        return Ok(args.pos[0]);
    }
    Ok(new_str(vm, s))
}

fn str_format_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = receiver(vm, &args, "__format__")?;
    let spec_v = other_arg(vm, &args, "__format__")?;
    let Some(spec) = as_str(spec_v) else {
        let t = type_name(vm, spec_v).to_string();
        return Err(vm.type_error(format!("__format__() argument must be str, not {t}")));
    };
    if spec.is_empty() {
        return str_str(vm, args);
    }
    let out = crate::types::format::format_str(vm, s, spec)?;
    Ok(new_str(vm, &out))
}

/// Registers the methods.
pub(crate) fn init(vm: &mut Vm) {
    let cls = vm.cls.str;
    vm.add_staticmethod(cls, "__new__", str_new);
    vm.add_methods(
        cls,
        &[
            ("__len__", str_len),
            ("__getitem__", str_getitem),
            ("__add__", str_add),
            ("__mul__", str_mul),
            ("__rmul__", str_rmul),
            ("__mod__", str_mod),
            ("__rmod__", str_rmod),
            ("__getnewargs__", str_getnewargs),
            ("__contains__", str_contains),
            ("__eq__", str_eq),
            ("__ne__", str_ne),
            ("__lt__", str_lt),
            ("__le__", str_le),
            ("__gt__", str_gt),
            ("__ge__", str_ge),
            ("__hash__", str_hash_method),
            ("__iter__", str_iter),
            ("__repr__", str_repr_method),
            ("__str__", str_str),
            ("__format__", str_format_method),
        ],
    );
    vm.add_methods(cls, methods::METHODS);
    vm.add_staticmethod(cls, "maketrans", methods::maketrans);
    for it in [vm.cls.str_ascii_iterator, vm.cls.str_iterator] {
        vm.add_methods(
            it,
            &[("__next__", str_iterator_next), ("__iter__", iterator_iter)],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs_match_cpython() {
        assert_eq!(str_repr("a'b"), "\"a'b\"");
        assert_eq!(str_repr("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(
            str_repr("é\x00\u{200b}\u{1f600}\x7f\u{80}\u{a0}\t\n\\"),
            "'é\\x00\\u200b😀\\x7f\\x80\\xa0\\t\\n\\\\'"
        );
        assert_eq!(
            ascii_escape("'é\u{1f600}\u{20ac}'"),
            "'\\xe9\\U0001f600\\u20ac'"
        );
    }

    /// Runs `py_cases.py` (generated from CPython 3.11 by `gen_py_cases.py`): every str,
    /// bytes and formatting case must give CPython's repr or exception message.
    #[test]
    fn python_level_behaviour() {
        let options = crate::vm::VmOptions {
            gc_plan: pyrs_gc::PlanKind::Semispace,
            gc_config: pyrs_gc::GcConfig::default(),
            argv: vec!["py_cases.py".into()],
            path: vec![],
        };
        let mut vm = Vm::new(options);
        let outcome =
            crate::eval::api::run_main(&mut vm, include_str!("py_cases.py"), "py_cases.py");
        assert!(
            matches!(outcome, crate::eval::api::MainOutcome::Ok),
            "python-level cases failed (see stdout)"
        );
    }
}
