//! `re.Pattern` (compiled patterns: match, search, findall, finditer, sub, split, ...) and
//! `_sre.SRE_Scanner`.

use super::engine::{Found, Request};
use super::matchobj;
use crate::common::{self, boxed_state};
use pyrs_interp::object::{self, Kind};
use pyrs_interp::ops::{self, call, convert};
use pyrs_interp::types::boxed;
use pyrs_interp::types::int::new_i64;
use pyrs_interp::types::list::new_list;
use pyrs_interp::types::str::{as_str, new_str};
use pyrs_interp::types::tuple::new_tuple;
use pyrs_interp::types::{bytes, dict};
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};
use std::rc::Rc;

pub(super) const PATTERN: &str = "re.Pattern";
const SCANNER: &str = "_sre.SRE_Scanner";

/// A compiled pattern.
pub(super) struct Pattern {
    /// The source (str, bytes or None).
    pub source: Value,
    pub flags: i64,
    pub code: Vec<u32>,
    /// Number of capturing groups.
    pub groups: usize,
    /// Group name to number (a dict).
    pub groupindex: Value,
    /// Group number to name (a tuple, index 0 for group 1), or None.
    pub indexgroup: Value,
    /// Whether the source is bytes (None patterns match either).
    pub is_bytes: Option<bool>,
}
boxed_state!(Pattern { source, groupindex, indexgroup }, weakref: true);

fn this<'a>(vm: &mut Vm, args: &Args<'_>, m: &str) -> PyResult<&'a mut Pattern> {
    common::this::<Pattern>(vm, args, m, PATTERN)
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
pub(super) fn compile(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(
        vm,
        &args,
        0,
        "compile",
        &[
            "pattern",
            "flags",
            "code",
            "groups",
            "groupindex",
            "indexgroup",
        ],
        6,
        6,
    )?;
    let none = vm.none;
    let [source, flags, code, groups, groupindex, indexgroup] = [
        a[0].unwrap_or(none),
        a[1].unwrap_or(none),
        a[2].unwrap_or(none),
        a[3].unwrap_or(none),
        a[4].unwrap_or(none),
        a[5].unwrap_or(none),
    ];
    let flags = convert::index_isize(vm, flags)?;
    let items = ops::iter::collect(vm, code)?;
    let mut words = Vec::with_capacity(items.len());
    for v in items {
        let w = convert::index(vm, v)?;
        match num_traits::ToPrimitive::to_u32(&w) {
            Some(w) => words.push(w),
            None => return Err(vm.overflow_error("regular expression code size limit exceeded")),
        }
    }
    let groups = convert::index_isize(vm, groups)?.max(0) as usize;
    let is_bytes = if source == none {
        None
    } else {
        Some(as_str(source).is_none())
    };
    let gi = if dict::as_dict(groupindex).is_some() {
        dict::copy_dict(vm, groupindex)?
    } else {
        dict::new_dict(vm)
    };
    let st = Pattern {
        source,
        flags,
        code: words,
        groups,
        groupindex: gi,
        indexgroup,
        is_bytes,
    };
    let cls = common::type_of(vm, PATTERN)?;
    Ok(boxed::new_boxed(vm, cls, st))
}

/// `(string, pos, endpos)` arguments, with `pos`/`endpos` clamped to the subject.
struct Target {
    string: Value,
    text: Rc<Vec<u32>>,
    bytes: bool,
    pos: usize,
    end: usize,
}

fn target(vm: &mut Vm, args: &Args<'_>, m: &str) -> PyResult<Target> {
    let a = common::parse(vm, args, 1, m, &["string", "pos", "endpos"], 1, 3)?;
    let is_bytes = this(vm, args, m)?.is_bytes;
    let string = a[0].unwrap_or(vm.none);
    let s = super::subject(vm, string, is_bytes)?;
    let len = s.text.len() as i64;
    let clamp = |v: i64| v.clamp(0, len) as usize;
    let pos = match a[1] {
        Some(p) => clamp(convert::index_isize(vm, p)?),
        None => 0,
    };
    let end = match a[2] {
        Some(e) => clamp(convert::index_isize(vm, e)?),
        None => len as usize,
    };
    Ok(Target {
        string,
        text: Rc::new(s.text),
        bytes: s.bytes,
        pos,
        end,
    })
}

/// Runs the pattern `me` over `t` from `pos`.
fn find(
    vm: &mut Vm,
    me: Value,
    t: &Target,
    pos: usize,
    search: bool,
    match_all: bool,
    must_advance: bool,
) -> PyResult<Option<Found>> {
    let Some(p) = boxed::state::<Pattern>(me) else {
        return Ok(None);
    };
    let code = p.code.clone();
    let req = Request {
        code: &code,
        text: &t.text,
        pos,
        end: t.end,
        groups: p.groups,
        match_all,
        must_advance,
        depth_limit: 0,
    };
    super::run(vm, req, search)
}

fn new_match(vm: &mut Vm, me: Value, t: &Target, f: Option<Found>) -> PyResult {
    match f {
        Some(f) => matchobj::new(vm, me, t.string, t.text.clone(), t.bytes, t.pos, t.end, f),
        None => Ok(vm.none),
    }
}

fn p_match(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = target(vm, &args, "match")?;
    let f = find(vm, args.pos[0], &t, t.pos, false, false, false)?;
    new_match(vm, args.pos[0], &t, f)
}

fn p_fullmatch(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = target(vm, &args, "fullmatch")?;
    let f = find(vm, args.pos[0], &t, t.pos, false, true, false)?;
    new_match(vm, args.pos[0], &t, f)
}

fn p_search(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = target(vm, &args, "search")?;
    let f = find(vm, args.pos[0], &t, t.pos, true, false, false)?;
    new_match(vm, args.pos[0], &t, f)
}

/// Group `g` of a found match as text (`default` when it did not take part).
fn group_text(vm: &mut Vm, t: &Target, f: &Found, g: usize, default: Value) -> Value {
    if g == 0 {
        return super::slice(vm, &t.text, t.bytes, f.start, f.end);
    }
    match (
        f.marks.get(2 * g - 2).copied().flatten(),
        f.marks.get(2 * g - 1).copied().flatten(),
    ) {
        (Some(s), Some(e)) if s <= e => super::slice(vm, &t.text, t.bytes, s, e),
        _ => default,
    }
}

fn p_findall(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = target(vm, &args, "findall")?;
    let me = args.pos[0];
    let groups = this(vm, &args, "findall")?.groups;
    let empty = super::slice(vm, &t.text, t.bytes, 0, 0);
    let mut out = Vec::new();
    let (mut pos, mut must_advance) = (t.pos, false);
    while pos <= t.end {
        let Some(f) = find(vm, me, &t, pos, true, false, must_advance)? else {
            break;
        };
        let item = match groups {
            0 => group_text(vm, &t, &f, 0, empty),
            1 => group_text(vm, &t, &f, 1, empty),
            n => {
                let items: Vec<Value> = (1..=n).map(|g| group_text(vm, &t, &f, g, empty)).collect();
                new_tuple(vm, &items)
            }
        };
        out.push(item);
        must_advance = f.end == f.start;
        pos = f.end;
    }
    Ok(new_list(vm, out))
}

/// The replacement of `sub`: a literal, or a callable given each match.
enum Repl {
    Literal(Value),
    Call(Value),
}

fn replacement(vm: &mut Vm, me: Value, repl: Value) -> PyResult<Repl> {
    let call_name = vm.names.__call__;
    let callable = matches!(
        object::kind_of(repl),
        Some(Kind::Function | Kind::Builtin | Kind::Method | Kind::Class)
    ) || (as_str(repl).is_none()
        && bytes::bytes_like(repl).is_none()
        && !ops::lookup_special(vm, repl, call_name).is_null());
    if callable {
        return Ok(Repl::Call(repl));
    }
    let literal = match as_str(repl) {
        Some(s) => !s.contains('\\'),
        None => match bytes::bytes_like(repl) {
            Some(b) => !b.contains(&b'\\'),
            None => false,
        },
    };
    if literal {
        return Ok(Repl::Literal(repl));
    }
    let re = {
        let name = new_str(vm, "re");
        let g = dict::new_dict(vm);
        pyrs_interp::eval::api::import(vm, name, g, Value::NULL, Value::NULL)?
    };
    let subx = ops::attr::getattr_str(vm, re, "_subx")?;
    let r = call::call(vm, subx, &[me, repl])?;
    if as_str(r).is_some() || bytes::bytes_like(r).is_some() {
        Ok(Repl::Literal(r))
    } else {
        Ok(Repl::Call(r))
    }
}

/// `sub`/`subn`: the new string and the number of replacements.
fn subx(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(Value, usize)> {
    let a = common::parse(vm, args, 1, name, &["repl", "string", "count"], 2, 3)?;
    let me = args.pos[0];
    let is_bytes = this(vm, args, name)?.is_bytes;
    let none = vm.none;
    let string = a[1].unwrap_or(none);
    let s = super::subject(vm, string, is_bytes)?;
    let count = match a[2] {
        Some(c) => convert::index_isize(vm, c)?,
        None => 0,
    };
    let repl = replacement(vm, me, a[0].unwrap_or(none))?;
    let t = Target {
        string,
        end: s.text.len(),
        text: Rc::new(s.text),
        bytes: s.bytes,
        pos: 0,
    };
    let mut parts: Vec<Value> = Vec::new();
    let (mut last, mut pos, mut n, mut must_advance) = (0usize, 0usize, 0usize, false);
    while count == 0 || (n as i64) < count {
        if pos > t.end {
            break;
        }
        let Some(f) = find(vm, me, &t, pos, true, false, must_advance)? else {
            break;
        };
        if last < f.start {
            parts.push(super::slice(vm, &t.text, t.bytes, last, f.start));
        }
        let (start, end) = (f.start, f.end);
        match repl {
            Repl::Literal(v) => parts.push(v),
            Repl::Call(c) => {
                let m = matchobj::new(vm, me, t.string, t.text.clone(), t.bytes, 0, t.end, f)?;
                let r = call::call(vm, c, &[m])?;
                if r != vm.none {
                    parts.push(r);
                }
            }
        }
        last = end;
        n += 1;
        must_advance = end == start;
        pos = end;
    }
    if last < t.text.len() {
        parts.push(super::slice(vm, &t.text, t.bytes, last, t.text.len()));
    }
    let joined = join(vm, &parts, t.bytes)?;
    Ok((joined, n))
}

/// Joins the pieces of a substitution (str or bytes), as `''.join` / `b''.join` would.
fn join(vm: &mut Vm, parts: &[Value], is_bytes: bool) -> PyResult {
    if is_bytes {
        let mut out = Vec::new();
        for (i, &p) in parts.iter().enumerate() {
            match bytes::bytes_like(p) {
                Some(b) => out.extend_from_slice(b),
                None => {
                    let t = common::type_name(vm, p);
                    return Err(vm.type_error(format!(
                        "sequence item {i}: expected a bytes-like object, {t} found"
                    )));
                }
            }
        }
        return Ok(bytes::new_bytes(vm, &out));
    }
    let mut out = String::new();
    for (i, &p) in parts.iter().enumerate() {
        match as_str(p) {
            Some(s) => out.push_str(s),
            None => {
                let t = common::type_name(vm, p);
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {t} found"
                )));
            }
        }
    }
    Ok(new_str(vm, &out))
}

fn p_sub(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(subx(vm, &args, "sub")?.0)
}

fn p_subn(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, n) = subx(vm, &args, "subn")?;
    let n = new_i64(vm, n as i64);
    Ok(new_tuple(vm, &[s, n]))
}

fn p_split(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(vm, &args, 1, "split", &["string", "maxsplit"], 1, 2)?;
    let me = args.pos[0];
    let p = this(vm, &args, "split")?;
    let (is_bytes, groups) = (p.is_bytes, p.groups);
    let none = vm.none;
    let string = a[0].unwrap_or(none);
    let s = super::subject(vm, string, is_bytes)?;
    let maxsplit = match a[1] {
        Some(m) => convert::index_isize(vm, m)?,
        None => 0,
    };
    let t = Target {
        string,
        end: s.text.len(),
        text: Rc::new(s.text),
        bytes: s.bytes,
        pos: 0,
    };
    let mut out = Vec::new();
    let (mut last, mut pos, mut n, mut must_advance) = (0usize, 0usize, 0i64, false);
    while maxsplit == 0 || n < maxsplit {
        if pos > t.end {
            break;
        }
        let Some(f) = find(vm, me, &t, pos, true, false, must_advance)? else {
            break;
        };
        out.push(super::slice(vm, &t.text, t.bytes, last, f.start));
        for g in 1..=groups {
            out.push(group_text(vm, &t, &f, g, none));
        }
        n += 1;
        must_advance = f.end == f.start;
        last = f.end;
        pos = f.end;
    }
    out.push(super::slice(vm, &t.text, t.bytes, last, t.text.len()));
    Ok(new_list(vm, out))
}

// --- scanner ---

struct Scanner {
    pattern: Value,
    string: Value,
    text: Rc<Vec<u32>>,
    bytes: bool,
    /// Where the next search starts; `None` once exhausted.
    pos: Option<usize>,
    origin: usize,
    end: usize,
    must_advance: bool,
}
boxed_state!(Scanner { pattern, string });

fn p_scanner(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = target(vm, &args, "scanner")?;
    let cls = common::type_of(vm, SCANNER)?;
    let st = Scanner {
        pattern: args.pos[0],
        string: t.string,
        text: t.text,
        bytes: t.bytes,
        pos: Some(t.pos),
        origin: t.pos,
        end: t.end,
        must_advance: false,
    };
    Ok(boxed::new_boxed(vm, cls, st))
}

fn scanner_step(vm: &mut Vm, args: Args<'_>, search: bool) -> PyResult {
    let name = if search { "search" } else { "match" };
    common::positional(vm, &args, name, 1, 0, 0)?;
    let sc = common::this::<Scanner>(vm, &args, name, SCANNER)?;
    let Some(pos) = sc.pos else {
        return Ok(vm.none);
    };
    let t = Target {
        string: sc.string,
        text: sc.text.clone(),
        bytes: sc.bytes,
        pos: sc.origin,
        end: sc.end,
    };
    let (me, must_advance) = (sc.pattern, sc.must_advance);
    let r = if pos > t.end {
        Ok(None)
    } else {
        find(vm, me, &t, pos, search, false, must_advance)
    };
    let m = match &r {
        Ok(Some(f)) => Some(matchobj::new(
            vm,
            me,
            t.string,
            t.text.clone(),
            t.bytes,
            t.pos,
            t.end,
            f.clone(),
        )),
        _ => None,
    };
    if let Some(sc) = boxed::state::<Scanner>(args.pos[0]) {
        match &r {
            Ok(Some(f)) => {
                sc.must_advance = f.end == f.start;
                sc.pos = Some(f.end);
            }
            _ => sc.pos = None,
        }
    }
    r?;
    match m {
        Some(m) => m,
        None => Ok(vm.none),
    }
}

fn scanner_match(vm: &mut Vm, args: Args<'_>) -> PyResult {
    scanner_step(vm, args, false)
}

fn scanner_search(vm: &mut Vm, args: Args<'_>) -> PyResult {
    scanner_step(vm, args, true)
}

fn scanner_pattern(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(common::this::<Scanner>(vm, &args, "pattern", SCANNER)?.pattern)
}

fn p_finditer(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let sc = p_scanner(vm, args)?;
    let search = ops::attr::getattr_str(vm, sc, "search")?;
    let none = vm.none;
    Ok(pyrs_interp::types::iters::new_callable_iter(
        vm, search, none,
    ))
}

// --- attributes and dunders ---

fn p_pattern(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(this(vm, &args, "pattern")?.source)
}

fn p_flags(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = this(vm, &args, "flags")?.flags;
    Ok(new_i64(vm, f))
}

fn p_groups(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let g = this(vm, &args, "groups")?.groups;
    Ok(Value::from_usize(g))
}

fn p_groupindex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let gi = this(vm, &args, "groupindex")?.groupindex;
    let d = dict::copy_dict(vm, gi)?;
    Ok(pyrs_interp::types::mappingproxy::new_proxy(vm, d))
}

/// Flag names in the order CPython's repr lists them.
const FLAG_NAMES: &[(i64, &str)] = &[
    (1, "re.TEMPLATE"),
    (2, "re.IGNORECASE"),
    (4, "re.LOCALE"),
    (8, "re.MULTILINE"),
    (16, "re.DOTALL"),
    (32, "re.UNICODE"),
    (64, "re.VERBOSE"),
    (128, "re.DEBUG"),
    (256, "re.ASCII"),
];

fn p_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = this(vm, &args, "__repr__")?;
    let (source, mut flags, is_bytes) = (p.source, p.flags, p.is_bytes);
    let mut text = convert::repr_string(vm, source)?;
    if text.chars().count() > 200 {
        text = text.chars().take(200).collect();
    }
    if is_bytes == Some(false) && flags & (4 | 32 | 256) == 32 {
        flags &= !32;
    }
    let mut names: Vec<String> = Vec::new();
    for &(bit, name) in FLAG_NAMES {
        if flags & bit != 0 {
            names.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        names.push(format!("{flags:#x}"));
    }
    let s = if names.is_empty() {
        format!("re.compile({text})")
    } else {
        format!("re.compile({text}, {})", names.join("|"))
    };
    Ok(new_str(vm, &s))
}

fn p_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "__eq__", 1, 1, 1)?;
    let a = this(vm, &args, "__eq__")?;
    let (sa, fa, ca) = (a.source, a.flags, a.code.clone());
    let Some(b) = boxed::state::<Pattern>(pos[0]) else {
        return Ok(vm.not_implemented);
    };
    if args.pos[0] == pos[0] {
        return Ok(vm.true_);
    }
    let (sb, fb, same_code) = (b.source, b.flags, b.code == ca);
    if fa != fb || !same_code {
        return Ok(vm.false_);
    }
    let r = compare_sources(vm, sa, sb)?;
    Ok(vm.bool(r))
}

fn compare_sources(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let same_kind = as_str(a).is_some() == as_str(b).is_some();
    Ok(same_kind && ops::compare::eq(vm, a, b)?)
}

fn p_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = this(vm, &args, "__hash__")?;
    let (source, flags) = (p.source, p.flags);
    let code_hash = p
        .code
        .iter()
        .fold(0i64, |h, &w| h.wrapping_mul(1_000_003) ^ w as i64);
    let h = ops::hash::hash(vm, source)?;
    let mut r = h ^ flags.wrapping_mul(0x9e37_79b9) ^ code_hash;
    if r == -1 {
        r = -2;
    }
    Ok(new_i64(vm, r))
}

fn p_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(vm, &args, "__copy__")?;
    Ok(args.pos[0])
}

fn class_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(args.pos.first().copied().unwrap_or(vm.none))
}

const METHODS: &[(&str, NativeFn)] = &[
    ("match", p_match),
    ("fullmatch", p_fullmatch),
    ("search", p_search),
    ("findall", p_findall),
    ("finditer", p_finditer),
    ("scanner", p_scanner),
    ("sub", p_sub),
    ("subn", p_subn),
    ("split", p_split),
    ("__repr__", p_repr),
    ("__eq__", p_eq),
    ("__hash__", p_hash),
    ("__copy__", p_copy),
    ("__deepcopy__", p_copy),
];

/// Creates `re.Pattern` and `_sre.SRE_Scanner`.
pub(super) fn init_types(vm: &mut Vm) {
    let p = common::new_type(vm, PATTERN, None, false);
    vm.add_methods(p, METHODS);
    vm.add_getset(p, "pattern", p_pattern, None);
    vm.add_getset(p, "flags", p_flags, None);
    vm.add_getset(p, "groups", p_groups, None);
    vm.add_getset(p, "groupindex", p_groupindex, None);
    vm.add_classmethod(p, "__class_getitem__", class_getitem);
    let s = common::new_type(vm, SCANNER, None, false);
    vm.add_methods(s, &[("match", scanner_match), ("search", scanner_search)]);
    vm.add_getset(s, "pattern", scanner_pattern, None);
}
