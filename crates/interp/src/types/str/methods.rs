//! The methods of `str` (everything but the dunders), with CPython 3.11's argument
//! handling and messages.

use super::{as_str, as_str_obj, byte_offset, new_str, receiver, unicode};
use crate::ops;
use crate::types::class::type_name;
use crate::types::format::fields::{self, Named};
use crate::value::Value;
use crate::vm::{Args, NativeFn, PyResult, Vm};

/// The str methods registered on the class.
pub(super) const METHODS: &[(&str, NativeFn)] = &[
    ("split", split),
    ("rsplit", rsplit),
    ("join", join),
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
    ("casefold", casefold),
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
    ("isdigit", isdigit),
    ("isdecimal", isdecimal),
    ("isnumeric", isnumeric),
    ("isalpha", isalpha),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("isupper", isupper),
    ("islower", islower),
    ("istitle", istitle),
    ("isidentifier", isidentifier),
    ("isprintable", isprintable),
    ("isascii", isascii),
    ("encode", encode),
    ("format", format),
    ("format_map", format_map),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
    ("translate", translate),
];

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn no_kwargs(vm: &mut Vm, args: &Args<'_>, qual: &str) -> PyResult<()> {
    if args.kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{qual}() takes no keyword arguments")))
    }
}

/// A method without arguments (METH_NOARGS).
fn noargs<'a>(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<&'a str> {
    let s = receiver(vm, args, name)?;
    let n = args.pos.len() - 1 + args.kw.len();
    if n != 0 {
        return Err(vm.type_error(format!("str.{name}() takes no arguments ({n} given)")));
    }
    Ok(s)
}

/// A method with exactly one argument (METH_O).
fn one_arg<'a>(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(&'a str, Value)> {
    let s = receiver(vm, args, name)?;
    if !args.kw.is_empty() {
        no_kwargs(vm, args, &format!("str.{name}"))?;
    }
    let n = args.pos.len() - 1;
    if n != 1 {
        return Err(vm.type_error(format!(
            "str.{name}() takes exactly one argument ({n} given)"
        )));
    }
    Ok((s, args.pos[1]))
}

/// Positional arguments checked as Argument Clinic words it.
fn clinic<'a, 'b>(
    vm: &mut Vm,
    args: &Args<'b>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<(&'a str, &'b [Value])> {
    let s = receiver(vm, args, name)?;
    if !args.kw.is_empty() {
        no_kwargs(vm, args, &format!("str.{name}"))?;
    }
    let rest = &args.pos[1..];
    let n = rest.len();
    if n < min {
        return Err(vm.type_error(format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        )));
    }
    if n > max {
        return Err(vm.type_error(format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        )));
    }
    Ok((s, rest))
}

/// Positional arguments checked as the older `PyArg_ParseTuple` methods word it.
fn old_style<'a, 'b>(
    vm: &mut Vm,
    args: &Args<'b>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<(&'a str, &'b [Value])> {
    let s = receiver(vm, args, name)?;
    if !args.kw.is_empty() {
        no_kwargs(vm, args, &format!("str.{name}"))?;
    }
    let rest = &args.pos[1..];
    let n = rest.len();
    if n < min {
        return Err(vm.type_error(format!(
            "{name}() takes at least {min} argument{} ({n} given)",
            plural(min)
        )));
    }
    if n > max {
        return Err(vm.type_error(format!(
            "{name}() takes at most {max} argument{} ({n} given)",
            plural(max)
        )));
    }
    Ok((s, rest))
}

/// Positional-or-keyword parameters `names`, all optional.
fn keywords<'a, const N: usize>(
    vm: &mut Vm,
    args: &Args<'_>,
    name: &str,
    names: [&str; N],
) -> PyResult<(&'a str, [Option<Value>; N])> {
    let s = receiver(vm, args, name)?;
    let rest = &args.pos[1..];
    if rest.len() > N {
        let n = rest.len() + args.kw.len();
        return Err(vm.type_error(format!(
            "{name}() takes at most {N} argument{} ({n} given)",
            plural(N)
        )));
    }
    let mut out = [None; N];
    for (i, &v) in rest.iter().enumerate() {
        out[i] = Some(v);
    }
    for (&k, &v) in args.kwnames.iter().zip(args.kw) {
        let k = as_str(k).unwrap_or("");
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
    Ok((s, out))
}

/// A str argument, or `TypeError` "must be str, not X".
fn str_arg<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a str> {
    match as_str(v) {
        Some(s) => Ok(s),
        None => {
            let t = type_name(vm, v).to_string();
            Err(vm.type_error(format!("must be str, not {t}")))
        }
    }
}

/// A str argument of `fname` at position `pos` (1-based) or `TypeError` as Clinic words it.
fn named_str_arg<'a>(vm: &mut Vm, v: Value, fname: &str, pos: usize) -> PyResult<&'a str> {
    match as_str(v) {
        Some(s) => Ok(s),
        None => {
            let t = type_name(vm, v).to_string();
            Err(vm.type_error(format!("{fname}() argument {pos} must be str, not {t}")))
        }
    }
}

/// The `[start, end)` code-point range of a search method, adjusted as CPython's
/// `ADJUST_INDICES` (negative from the end, clamped to `0..=len`; start may exceed len).
fn search_range(vm: &mut Vm, rest: &[Value], len: usize) -> PyResult<(i64, i64)> {
    let len = len as i64;
    let bound = |vm: &mut Vm, v: Option<&Value>| -> PyResult<Option<i64>> {
        match v {
            Some(&v) if v != vm.none => super::slice_index(vm, v).map(Some),
            _ => Ok(None),
        }
    };
    let start = bound(vm, rest.first())?.unwrap_or(0);
    let end = bound(vm, rest.get(1))?.unwrap_or(len);
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
    Ok((start, end))
}

/// The text of `s` between code points `start` and `end` (already adjusted, `start <= end`)
/// and the byte offset where it starts.
fn sub_text<'a>(s: &'a str, ascii: bool, start: i64, end: i64) -> (&'a str, usize) {
    let b0 = byte_offset(s, ascii, start as usize);
    let b1 = byte_offset(s, ascii, end as usize);
    (&s[b0..b1], b0)
}

fn char_index(s: &str, ascii: bool, byte: usize) -> usize {
    if ascii {
        byte
    } else {
        s[..byte].chars().count()
    }
}

fn receiver_ascii(args: &Args<'_>) -> bool {
    args.pos
        .first()
        .and_then(|&v| as_str_obj(v))
        .is_some_and(|o| o.is_ascii())
}

fn char_len(s: &str, ascii: bool) -> usize {
    if ascii {
        s.len()
    } else {
        s.chars().count()
    }
}

/// `find`/`rfind` result as a code-point index, or -1.
fn find_impl(vm: &mut Vm, args: &Args<'_>, name: &str, reverse: bool) -> PyResult<i64> {
    let (s, rest) = old_style(vm, args, name, 1, 3)?;
    let sub = str_arg(vm, rest[0])?;
    let ascii = receiver_ascii(args);
    let (start, end) = search_range(vm, &rest[1..], char_len(s, ascii))?;
    if end < start {
        return Ok(-1);
    }
    let (text, base) = sub_text(s, ascii, start, end);
    let found = if reverse {
        text.rfind(sub)
    } else {
        text.find(sub)
    };
    Ok(match found {
        Some(b) => char_index(s, ascii, base + b) as i64,
        None => -1,
    })
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
        return Err(vm.value_error("substring not found"));
    }
    Ok(crate::types::int::new_i64(vm, r))
}

fn rindex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = find_impl(vm, &args, "rindex", true)?;
    if r < 0 {
        return Err(vm.value_error("substring not found"));
    }
    Ok(crate::types::int::new_i64(vm, r))
}

fn count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, rest) = old_style(vm, &args, "count", 1, 3)?;
    let sub = str_arg(vm, rest[0])?;
    let ascii = receiver_ascii(&args);
    let (start, end) = search_range(vm, &rest[1..], char_len(s, ascii))?;
    if end < start {
        return Ok(Value::from_usize(0));
    }
    let (text, _) = sub_text(s, ascii, start, end);
    let n = if sub.is_empty() {
        char_len(text, ascii) + 1
    } else {
        text.matches(sub).count()
    };
    Ok(Value::from_usize(n))
}

fn affix_impl(vm: &mut Vm, args: &Args<'_>, name: &str, suffix: bool) -> PyResult {
    let (s, rest) = old_style(vm, args, name, 1, 3)?;
    let ascii = receiver_ascii(args);
    let (start, end) = search_range(vm, &rest[1..], char_len(s, ascii))?;
    let single = [rest[0]];
    let candidates: &[Value] = match crate::types::tuple::as_tuple(rest[0]) {
        Some(t) => t.items(),
        None => {
            if as_str(rest[0]).is_none() {
                let t = type_name(vm, rest[0]).to_string();
                return Err(vm.type_error(format!(
                    "{name} first arg must be str or a tuple of str, not {t}"
                )));
            }
            &single
        }
    };
    for &c in candidates {
        let Some(p) = as_str(c) else {
            let t = type_name(vm, c).to_string();
            return Err(vm.type_error(format!("tuple for {name} must only contain str, not {t}")));
        };
        let plen = char_len(p, p.is_ascii()) as i64;
        if start > end || end - start < plen {
            continue;
        }
        let (text, _) = sub_text(s, ascii, start, end);
        if (suffix && text.ends_with(p)) || (!suffix && text.starts_with(p)) {
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

/// The `maxsplit` argument (-1 when absent).
fn maxsplit_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i64> {
    match v {
        None => Ok(-1),
        Some(v) => ops::convert::index_isize(vm, v),
    }
}

fn list_of_strs(vm: &mut Vm, parts: &[&str]) -> Value {
    let items: Vec<Value> = parts.iter().map(|p| new_str(vm, p)).collect();
    crate::types::list::new_list(vm, items)
}

/// Splits on runs of whitespace, at most `maxsplit` times (negative: no limit).
fn split_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(unicode::is_space);
    let mut splits = 0;
    while !rest.is_empty() {
        if maxsplit >= 0 && splits >= maxsplit {
            out.push(rest);
            break;
        }
        match rest.find(unicode::is_space) {
            Some(i) => {
                out.push(&rest[..i]);
                rest = rest[i..].trim_start_matches(unicode::is_space);
                splits += 1;
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(unicode::is_space);
    let mut splits = 0;
    while !rest.is_empty() {
        if maxsplit >= 0 && splits >= maxsplit {
            out.push(rest);
            break;
        }
        match rest.rfind(unicode::is_space) {
            Some(i) => {
                let c = rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                out.push(&rest[i + c..]);
                rest = rest[..i].trim_end_matches(unicode::is_space);
                splits += 1;
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out.reverse();
    out
}

fn split_sep<'b>(vm: &mut Vm, sep: Option<Value>) -> PyResult<Option<&'b str>> {
    match sep {
        Some(v) if v != vm.none => match as_str(v) {
            Some("") => Err(vm.value_error("empty separator")),
            Some(s) => Ok(Some(s)),
            None => {
                let t = type_name(vm, v).to_string();
                Err(vm.type_error(format!("must be str or None, not {t}")))
            }
        },
        _ => Ok(None),
    }
}

fn split(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, [sep, maxsplit]) = keywords(vm, &args, "split", ["sep", "maxsplit"])?;
    let sep = split_sep(vm, sep)?;
    let maxsplit = maxsplit_arg(vm, maxsplit)?;
    let parts: Vec<&str> = match sep {
        None => split_whitespace(s, maxsplit),
        Some(sep) if maxsplit < 0 => s.split(sep).collect(),
        Some(sep) => s.splitn(maxsplit.saturating_add(1) as usize, sep).collect(),
    };
    Ok(list_of_strs(vm, &parts))
}

fn rsplit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, [sep, maxsplit]) = keywords(vm, &args, "rsplit", ["sep", "maxsplit"])?;
    let sep = split_sep(vm, sep)?;
    let maxsplit = maxsplit_arg(vm, maxsplit)?;
    let mut parts: Vec<&str> = match sep {
        None => return Ok(list_of_strs(vm, &rsplit_whitespace(s, maxsplit))),
        Some(sep) if maxsplit < 0 => s.rsplit(sep).collect(),
        Some(sep) => s
            .rsplitn(maxsplit.saturating_add(1) as usize, sep)
            .collect(),
    };
    parts.reverse();
    Ok(list_of_strs(vm, &parts))
}

fn join(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, iterable) = one_arg(vm, &args, "join")?;
    let items = match ops::iter::iter(vm, iterable) {
        Ok(it) => {
            let mut out = Vec::new();
            while let Some(v) = ops::iter::next(vm, it)? {
                out.push(v);
            }
            out
        }
        Err(e) => {
            let te = vm.cls.type_error;
            if vm.exc_matches(te) {
                return Err(vm.type_error("can only join an iterable"));
            }
            return Err(e);
        }
    };
    let sep = as_str(args.pos[0]).unwrap_or("");
    let mut out = String::new();
    for (i, &v) in items.iter().enumerate() {
        let Some(t) = as_str(v) else {
            let t = type_name(vm, v).to_string();
            return Err(vm.type_error(format!(
                "sequence item {i}: expected str instance, {t} found"
            )));
        };
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(t);
    }
    if items.len() == 1 && crate::types::class::class_of(vm, items[0]) == vm.cls.str {
        return Ok(items[0]);
    }
    Ok(new_str(vm, &out))
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Left,
    Right,
    Both,
}

fn strip_impl(vm: &mut Vm, args: &Args<'_>, name: &str, side: Side) -> PyResult {
    let (s, rest) = clinic(vm, args, name, 0, 1)?;
    let chars: Option<Vec<char>> = match rest.first() {
        Some(&v) if v != vm.none => match as_str(v) {
            Some(c) => Some(c.chars().collect()),
            None => return Err(vm.type_error(format!("{name} arg must be None or str"))),
        },
        _ => None,
    };
    let pred = |c: char| match &chars {
        Some(set) => set.contains(&c),
        None => unicode::is_space(c),
    };
    let mut out = s;
    if side != Side::Right {
        out = out.trim_start_matches(pred);
    }
    if side != Side::Left {
        out = out.trim_end_matches(pred);
    }
    if out.len() == s.len() && crate::types::class::class_of(vm, args.pos[0]) == vm.cls.str {
        return Ok(args.pos[0]);
    }
    Ok(new_str(vm, out))
}

fn strip(vm: &mut Vm, args: Args<'_>) -> PyResult {
    strip_impl(vm, &args, "strip", Side::Both)
}

fn lstrip(vm: &mut Vm, args: Args<'_>) -> PyResult {
    strip_impl(vm, &args, "lstrip", Side::Left)
}

fn rstrip(vm: &mut Vm, args: Args<'_>) -> PyResult {
    strip_impl(vm, &args, "rstrip", Side::Right)
}

fn replace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, rest) = clinic(vm, &args, "replace", 2, 3)?;
    let old = named_str_arg(vm, rest[0], "replace", 1)?;
    let new = named_str_arg(vm, rest[1], "replace", 2)?;
    let n = match rest.get(2) {
        Some(&v) => ops::convert::index_isize(vm, v)?,
        None => -1,
    };
    let out = if n < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, n as usize)
    };
    if out.len() > super::MAX_ALLOC {
        return Err(vm.memory_error());
    }
    Ok(new_str(vm, &out))
}

fn map_text(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(&str) -> String) -> PyResult {
    let s = noargs(vm, &args, name)?;
    let out = f(s);
    Ok(new_str(vm, &out))
}

fn upper(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_text(vm, args, "upper", |s| s.to_uppercase())
}

fn lower(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_text(vm, args, "lower", |s| s.to_lowercase())
}

fn casefold(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_text(vm, args, "casefold", unicode::casefold)
}

/// `str.title`.
pub fn title_text(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            unicode::push_lower_at(&mut out, &chars, i);
        } else {
            unicode::push_title(&mut out, c);
        }
        prev_cased = unicode::is_cased(c);
    }
    out
}

/// `str.capitalize`.
pub fn capitalize_text(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            unicode::push_title(&mut out, c);
        } else {
            unicode::push_lower_at(&mut out, &chars, i);
        }
    }
    out
}

/// `str.swapcase`.
pub fn swapcase_text(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if unicode::is_upper(c) {
            unicode::push_lower_at(&mut out, &chars, i);
        } else if unicode::is_lower(c) {
            unicode::push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

fn title(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_text(vm, args, "title", title_text)
}

fn capitalize(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_text(vm, args, "capitalize", capitalize_text)
}

fn swapcase(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_text(vm, args, "swapcase", swapcase_text)
}

fn pad_impl(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult {
    let (s, rest) = clinic(vm, args, name, 1, 2)?;
    let width = ops::convert::index_isize(vm, rest[0])?;
    let fill = match rest.get(1) {
        None => ' ',
        Some(&v) => match as_str(v) {
            Some(f) => {
                let mut it = f.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => c,
                    _ => {
                        return Err(
                            vm.type_error("The fill character must be exactly one character long")
                        )
                    }
                }
            }
            None => {
                let t = type_name(vm, v).to_string();
                return Err(vm.type_error(format!("{name}() argument 2 must be str, not {t}")));
            }
        },
    };
    let len = char_len(s, s.is_ascii()) as i64;
    if width <= len {
        if crate::types::class::class_of(vm, args.pos[0]) == vm.cls.str {
            return Ok(args.pos[0]);
        }
        return Ok(new_str(vm, s));
    }
    let marg = (width - len) as usize;
    if width as usize > super::MAX_ALLOC {
        return Err(vm.memory_error());
    }
    let left = match name {
        "ljust" => 0,
        "rjust" => marg,
        _ => marg / 2 + (marg & width as usize & 1),
    };
    let mut out = String::with_capacity(s.len() + marg);
    out.extend(std::iter::repeat(fill).take(left));
    out.push_str(s);
    out.extend(std::iter::repeat(fill).take(marg - left));
    Ok(new_str(vm, &out))
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
    let (s, w) = one_arg(vm, &args, "zfill")?;
    let width = ops::convert::index_isize(vm, w)?;
    let len = char_len(s, s.is_ascii()) as i64;
    if width <= len {
        return Ok(new_str(vm, s));
    }
    if width as usize > super::MAX_ALLOC {
        return Err(vm.memory_error());
    }
    let fill = (width - len) as usize;
    let (sign, body) = match s.chars().next() {
        Some(c @ ('+' | '-')) => (Some(c), &s[1..]),
        _ => (None, s),
    };
    let mut out = String::with_capacity(width as usize);
    if let Some(c) = sign {
        out.push(c);
    }
    out.extend(std::iter::repeat('0').take(fill));
    out.push_str(body);
    Ok(new_str(vm, &out))
}

fn partition_impl(vm: &mut Vm, args: &Args<'_>, name: &str, reverse: bool) -> PyResult {
    let (s, sepv) = one_arg(vm, args, name)?;
    let sep = str_arg(vm, sepv)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if reverse { s.rfind(sep) } else { s.find(sep) };
    let parts: [&str; 3] = match found {
        Some(i) => [&s[..i], sep, &s[i + sep.len()..]],
        None if reverse => ["", "", s],
        None => [s, "", ""],
    };
    let items: Vec<Value> = parts.iter().map(|p| new_str(vm, p)).collect();
    Ok(crate::types::tuple::new_tuple(vm, &items))
}

fn partition(vm: &mut Vm, args: Args<'_>) -> PyResult {
    partition_impl(vm, &args, "partition", false)
}

fn rpartition(vm: &mut Vm, args: Args<'_>) -> PyResult {
    partition_impl(vm, &args, "rpartition", true)
}

/// `str.splitlines(keepends)` as slices of `s`.
pub fn splitlines_text(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !unicode::is_linebreak(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = it.peek() {
                it.next();
                end += 1;
            }
        }
        out.push(if keepends {
            &s[start..end]
        } else {
            &s[start..i]
        });
        start = end;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

fn splitlines(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, [keepends]) = keywords(vm, &args, "splitlines", ["keepends"])?;
    let keep = match keepends {
        Some(v) => ops::convert::truthy(vm, v)?,
        None => false,
    };
    let parts = splitlines_text(s, keep);
    Ok(list_of_strs(vm, &parts))
}

fn expandtabs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, [tabsize]) = keywords(vm, &args, "expandtabs", ["tabsize"])?;
    let tab = match tabsize {
        Some(v) => ops::convert::index_isize(vm, v)?,
        None => 8,
    };
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    if out.len() as u64 + n as u64 > super::MAX_ALLOC as u64 {
                        return Err(vm.memory_error());
                    }
                    out.extend(std::iter::repeat(' ').take(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(new_str(vm, &out))
}

fn predicate(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(&str) -> bool) -> PyResult {
    let s = noargs(vm, &args, name)?;
    Ok(vm.bool(f(s)))
}

fn all_chars(s: &str, f: fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

fn isdigit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isdigit", |s| all_chars(s, unicode::is_digit))
}
fn isdecimal(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isdecimal", |s| all_chars(s, unicode::is_decimal))
}
fn isnumeric(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isnumeric", |s| all_chars(s, unicode::is_numeric))
}
fn isalpha(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isalpha", |s| all_chars(s, unicode::is_alpha))
}
fn isalnum(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isalnum", |s| all_chars(s, unicode::is_alnum))
}
fn isspace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isspace", |s| all_chars(s, unicode::is_space))
}
fn isprintable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isprintable", |s| {
        s.chars().all(unicode::is_printable)
    })
}
fn isascii(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isascii", |s| s.is_ascii())
}

/// `str.isupper`: some cased character and no lowercase or titlecase ones.
pub fn isupper_text(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if unicode::is_lower(c) || unicode::is_title(c) {
            return false;
        }
        cased |= unicode::is_upper(c);
    }
    cased
}

/// `str.islower`: some cased character and no uppercase or titlecase ones.
pub fn islower_text(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if unicode::is_upper(c) || unicode::is_title(c) {
            return false;
        }
        cased |= unicode::is_lower(c);
    }
    cased
}

/// `str.istitle`.
pub fn istitle_text(s: &str) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for c in s.chars() {
        if unicode::is_upper(c) || unicode::is_title(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if unicode::is_lower(c) {
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

/// `str.isidentifier`.
pub fn isidentifier_text(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if c == '_' || unicode::is_xid_start(c) => it.all(unicode::is_xid_continue),
        _ => false,
    }
}

fn isupper(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isupper", isupper_text)
}
fn islower(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "islower", islower_text)
}
fn istitle(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "istitle", istitle_text)
}
fn isidentifier(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isidentifier", isidentifier_text)
}

fn encode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, [enc, err]) = keywords(vm, &args, "encode", ["encoding", "errors"])?;
    let enc = super::codec::str_arg(vm, enc, "encode", "encoding")?;
    let err = super::codec::str_arg(vm, err, "encode", "errors")?;
    let data = super::codec::encode(
        vm,
        s,
        enc.as_deref().unwrap_or("utf-8"),
        err.as_deref().unwrap_or("strict"),
    )?;
    Ok(crate::types::bytes::new_bytes(vm, &data))
}

fn format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = receiver(vm, &args, "format")?;
    let out = fields::format(
        vm,
        s,
        Some(&args.pos[1..]),
        Named::Keywords(args.kw, args.kwnames),
    )?;
    Ok(new_str(vm, &out))
}

fn format_map(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, mapping) = one_arg(vm, &args, "format_map")?;
    let out = fields::format(vm, s, None, Named::Mapping(mapping))?;
    Ok(new_str(vm, &out))
}

fn affix_remove(vm: &mut Vm, args: &Args<'_>, name: &str, suffix: bool) -> PyResult {
    let (s, a) = one_arg(vm, args, name)?;
    let Some(a) = as_str(a) else {
        let t = type_name(vm, a).to_string();
        return Err(vm.type_error(format!("{name}() argument must be str, not {t}")));
    };
    let out = if suffix {
        s.strip_suffix(a)
    } else {
        s.strip_prefix(a)
    };
    match out {
        Some(o) if !a.is_empty() => Ok(new_str(vm, o)),
        _ => {
            if crate::types::class::class_of(vm, args.pos[0]) == vm.cls.str {
                return Ok(args.pos[0]);
            }
            Ok(new_str(vm, s))
        }
    }
}

fn removeprefix(vm: &mut Vm, args: Args<'_>) -> PyResult {
    affix_remove(vm, &args, "removeprefix", false)
}

fn removesuffix(vm: &mut Vm, args: Args<'_>) -> PyResult {
    affix_remove(vm, &args, "removesuffix", true)
}

fn translate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, table) = one_arg(vm, &args, "translate")?;
    let s = s.to_string();
    let mut out = String::with_capacity(s.len());
    let lookup_error = vm.cls.lookup_error;
    for c in s.chars() {
        let key = Value::from_usize(c as usize);
        let mapped = match ops::subscript::getitem(vm, table, key) {
            Ok(v) => v,
            Err(e) => {
                if vm.exc_matches(lookup_error) {
                    vm.exc = Value::NULL;
                    out.push(c);
                    continue;
                }
                return Err(e);
            }
        };
        if mapped == vm.none {
            continue;
        }
        if let Some(t) = as_str(mapped) {
            out.push_str(t);
        } else if crate::types::int::is_int(mapped) {
            let code = crate::types::int::as_i64(mapped).unwrap_or(-1);
            if !(0..0x110000).contains(&code) {
                return Err(vm.value_error("character mapping must be in range(0x110000)"));
            }
            match char::from_u32(code as u32) {
                Some(ch) => out.push(ch),
                None => return Err(vm.not_implemented("lone surrogates in str")),
            }
        } else {
            return Err(vm.type_error("character mapping must return integer, None or str"));
        }
    }
    Ok(new_str(vm, &out))
}

/// `str.maketrans(x[, y[, z]])` (a static method: no receiver).
pub(super) fn maketrans(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Args {
        pos: args.pos,
        kw: args.kw,
        kwnames: args.kwnames,
    }
    .check(vm, "maketrans", 1, 3)?;
    let d = crate::types::dict::new_dict(vm);
    if args.pos.len() == 1 {
        let x = args.pos[0];
        if crate::types::dict::as_dict(x).is_none() {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        }
        for (k, v) in crate::types::dict::items(x) {
            let key = if let Some(ks) = as_str(k) {
                let mut it = ks.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Value::from_usize(c as usize),
                    _ => {
                        return Err(
                            vm.value_error("string keys in translate table must be of length 1")
                        )
                    }
                }
            } else if crate::types::int::is_int(k) {
                k
            } else {
                return Err(vm.type_error("keys in translate table must be strings or integers"));
            };
            crate::types::dict::set(vm, d, key, v)?;
        }
        return Ok(d);
    }
    let Some(x) = as_str(args.pos[0]) else {
        let t = type_name(vm, args.pos[0]).to_string();
        return Err(vm.type_error(format!("maketrans() argument 1 must be str, not {t}")));
    };
    let Some(y) = as_str(args.pos[1]) else {
        let t = type_name(vm, args.pos[1]).to_string();
        return Err(vm.type_error(format!("maketrans() argument 2 must be str, not {t}")));
    };
    if x.chars().count() != y.chars().count() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    let (x, y) = (x.to_string(), y.to_string());
    for (a, b) in x.chars().zip(y.chars()) {
        let v = Value::from_usize(b as usize);
        crate::types::dict::set(vm, d, Value::from_usize(a as usize), v)?;
    }
    if let Some(&zv) = args.pos.get(2) {
        let Some(z) = as_str(zv) else {
            let t = type_name(vm, zv).to_string();
            return Err(vm.type_error(format!("maketrans() argument 3 must be str, not {t}")));
        };
        let z = z.to_string();
        let none = vm.none;
        for c in z.chars() {
            crate::types::dict::set(vm, d, Value::from_usize(c as usize), none)?;
        }
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_mappings_match_cpython() {
        assert_eq!(title_text("hello wORLD 3rd ǆx"), "Hello World 3Rd ǅx");
        assert_eq!(capitalize_text("hELLO ΣΑΣ"), "Hello σας");
        assert_eq!(swapcase_text("aBc ß"), "AbC SS");
        assert_eq!(unicode::casefold("Straße ΣΑΣ"), "strasse σασ");
        assert!(
            istitle_text("Hello World") && !istitle_text("Hello world") && !istitle_text("123")
        );
        assert!(
            isupper_text("ABC1")
                && !isupper_text("1")
                && islower_text("abc1")
                && !islower_text("aBc")
        );
        assert!(
            isidentifier_text("_a1")
                && isidentifier_text("été")
                && !isidentifier_text("1a")
                && !isidentifier_text("")
        );
    }

    #[test]
    fn splitting_matches_cpython() {
        assert_eq!(split_whitespace("  a  b ", 1), vec!["a", "b "]);
        assert_eq!(rsplit_whitespace("  a  b ", 1), vec!["  a", "b"]);
        assert_eq!(split_whitespace("a\x1cb\u{3000}c", -1), vec!["a", "b", "c"]);
        assert_eq!(
            splitlines_text("a\r\nb\x0bc\x1cd\u{2028}e", false),
            vec!["a", "b", "c", "d", "e"]
        );
        assert_eq!(splitlines_text("a\nb\r\n", true), vec!["a\n", "b\r\n"]);
        assert_eq!(splitlines_text("", true), Vec::<&str>::new());
    }

    #[test]
    fn char_classes_match_cpython() {
        assert!(
            unicode::is_decimal('٣')
                && !unicode::is_decimal('²')
                && unicode::is_digit('²')
                && !unicode::is_digit('½')
        );
        assert!(
            unicode::is_numeric('½')
                && unicode::is_numeric('七')
                && !unicode::is_alpha('\u{301}')
                && unicode::is_alpha('é')
        );
        assert!(
            !unicode::is_printable('\u{200b}')
                && unicode::is_printable('😀')
                && !unicode::is_printable('\u{a0}')
        );
    }
}
