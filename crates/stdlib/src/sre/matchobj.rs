//! `re.Match`: the result of a successful match, with its groups.

use super::engine::Found;
use super::pattern::Pattern;
use crate::common::{self, boxed_state};
use pyrs_interp::ops::{self, call, convert};
use pyrs_interp::types::boxed;
use pyrs_interp::types::dict;
use pyrs_interp::types::int::{self, new_i64};
use pyrs_interp::types::str::{as_str, new_str};
use pyrs_interp::types::tuple::{self, new_tuple};
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};
use std::rc::Rc;

const MATCH: &str = "re.Match";

struct Match {
    pattern: Value,
    string: Value,
    text: Rc<Vec<u32>>,
    bytes: bool,
    pos: usize,
    endpos: usize,
    /// Spans of group 0 (the whole match) and of each group.
    spans: Vec<Option<(usize, usize)>>,
    lastindex: Option<usize>,
}
boxed_state!(Match { pattern, string });

/// A new match object for what `f` found.
#[allow(clippy::too_many_arguments)]
pub(super) fn new(
    vm: &mut Vm,
    pattern: Value,
    string: Value,
    text: Rc<Vec<u32>>,
    bytes: bool,
    pos: usize,
    endpos: usize,
    f: Found,
) -> PyResult {
    let groups = boxed::state::<Pattern>(pattern)
        .map(|p| p.groups)
        .unwrap_or(0);
    let mut spans = vec![Some((f.start, f.end))];
    for g in 0..groups {
        let span = match (
            f.marks.get(2 * g).copied().flatten(),
            f.marks.get(2 * g + 1).copied().flatten(),
        ) {
            (Some(s), Some(e)) if s <= e => Some((s, e)),
            _ => None,
        };
        spans.push(span);
    }
    let st = Match {
        pattern,
        string,
        text,
        bytes,
        pos,
        endpos,
        spans,
        lastindex: f.lastindex,
    };
    let cls = common::type_of(vm, MATCH)?;
    Ok(boxed::new_boxed(vm, cls, st))
}

fn this<'a>(vm: &mut Vm, args: &Args<'_>, m: &str) -> PyResult<&'a mut Match> {
    common::this::<Match>(vm, args, m, MATCH)
}

/// The group number `g` names (an int or a group name).
fn group_index(vm: &mut Vm, m: &Match, g: Value) -> PyResult<usize> {
    let n = vm.names.__index__;
    let is_index = int::is_int(g) || !ops::lookup_special(vm, g, n).is_null();
    if is_index {
        let i = convert::index(vm, g)?;
        if let Some(i) = num_traits::ToPrimitive::to_usize(&i) {
            if i < m.spans.len() {
                return Ok(i);
            }
        }
        return Err(vm.index_error("no such group"));
    }
    let gi = boxed::state::<Pattern>(m.pattern).map(|p| p.groupindex);
    if let Some(gi) = gi {
        if as_str(g).is_some() {
            if let Some(v) = dict::get(vm, gi, g)? {
                let i = convert::index_isize(vm, v)?;
                if i >= 0 && (i as usize) < m.spans.len() {
                    return Ok(i as usize);
                }
            }
        }
    }
    Err(vm.index_error("no such group"))
}

fn group_value(vm: &mut Vm, m: &Match, i: usize, default: Value) -> Value {
    match m.spans.get(i).copied().flatten() {
        Some((s, e)) => super::slice(vm, &m.text, m.bytes, s, e),
        None => default,
    }
}

fn m_group(vm: &mut Vm, args: Args<'_>) -> PyResult {
    common::no_kwargs(vm, &args, "group")?;
    let m = this(vm, &args, "group")?;
    let none = vm.none;
    match args.pos.len() {
        1 => Ok(group_value(vm, m, 0, none)),
        2 => {
            let i = group_index(vm, m, args.pos[1])?;
            Ok(group_value(vm, m, i, none))
        }
        _ => {
            let mut out = Vec::with_capacity(args.pos.len() - 1);
            for &g in &args.pos[1..] {
                let i = group_index(vm, m, g)?;
                out.push(group_value(vm, m, i, none));
            }
            Ok(new_tuple(vm, &out))
        }
    }
}

fn m_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = common::positional(vm, &args, "__getitem__", 1, 1, 1)?;
    let m = this(vm, &args, "__getitem__")?;
    let i = group_index(vm, m, pos[0])?;
    let none = vm.none;
    Ok(group_value(vm, m, i, none))
}

fn default_arg(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    let a = common::parse(vm, args, 1, name, &["default"], 0, 1)?;
    Ok(a[0].unwrap_or(vm.none))
}

fn m_groups(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let default = default_arg(vm, &args, "groups")?;
    let m = this(vm, &args, "groups")?;
    let out: Vec<Value> = (1..m.spans.len())
        .map(|i| group_value(vm, m, i, default))
        .collect();
    Ok(new_tuple(vm, &out))
}

fn m_groupdict(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let default = default_arg(vm, &args, "groupdict")?;
    let m = this(vm, &args, "groupdict")?;
    let d = dict::new_dict(vm);
    let Some(gi) = boxed::state::<Pattern>(m.pattern).map(|p| p.groupindex) else {
        return Ok(d);
    };
    for (k, v) in dict::items(gi) {
        let i = convert::index_isize(vm, v)?;
        let val = if i >= 0 {
            group_value(vm, m, i as usize, default)
        } else {
            default
        };
        dict::set(vm, d, k, val)?;
    }
    Ok(d)
}

/// The span of the group named by the optional argument (group 0 by default); `(-1, -1)`
/// for a group that did not take part.
fn span_of(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(i64, i64)> {
    let pos = common::positional(vm, args, name, 1, 0, 1)?;
    let m = this(vm, args, name)?;
    let i = match pos.first() {
        Some(&g) => group_index(vm, m, g)?,
        None => 0,
    };
    Ok(match m.spans.get(i).copied().flatten() {
        Some((s, e)) => (s as i64, e as i64),
        None => (-1, -1),
    })
}

fn m_start(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, _) = span_of(vm, &args, "start")?;
    Ok(new_i64(vm, s))
}

fn m_end(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, e) = span_of(vm, &args, "end")?;
    Ok(new_i64(vm, e))
}

fn pair(vm: &mut Vm, (s, e): (i64, i64)) -> Value {
    let a = new_i64(vm, s);
    let b = new_i64(vm, e);
    new_tuple(vm, &[a, b])
}

fn m_span(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let sp = span_of(vm, &args, "span")?;
    Ok(pair(vm, sp))
}

fn m_regs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let m = this(vm, &args, "regs")?;
    let spans: Vec<(i64, i64)> = m
        .spans
        .iter()
        .map(|s| s.map(|(a, b)| (a as i64, b as i64)).unwrap_or((-1, -1)))
        .collect();
    let items: Vec<Value> = spans.into_iter().map(|sp| pair(vm, sp)).collect();
    Ok(new_tuple(vm, &items))
}

fn m_expand(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = common::parse(vm, &args, 1, "expand", &["template"], 1, 1)?;
    let m = this(vm, &args, "expand")?;
    let pattern = m.pattern;
    let name = new_str(vm, "re");
    let g = dict::new_dict(vm);
    let re = pyrs_interp::eval::api::import(vm, name, g, Value::NULL, Value::NULL)?;
    let f = ops::attr::getattr_str(vm, re, "_expand")?;
    let tmpl = a[0].unwrap_or(vm.none);
    call::call(vm, f, &[pattern, args.pos[0], tmpl])
}

fn m_string(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(this(vm, &args, "string")?.string)
}

fn m_re(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(this(vm, &args, "re")?.pattern)
}

fn m_pos(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = this(vm, &args, "pos")?.pos;
    Ok(Value::from_usize(p))
}

fn m_endpos(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = this(vm, &args, "endpos")?.endpos;
    Ok(Value::from_usize(p))
}

fn m_lastindex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let li = this(vm, &args, "lastindex")?.lastindex;
    Ok(match li {
        Some(i) => Value::from_usize(i),
        None => vm.none,
    })
}

fn m_lastgroup(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let m = this(vm, &args, "lastgroup")?;
    let Some(i) = m.lastindex else {
        return Ok(vm.none);
    };
    let ig = boxed::state::<Pattern>(m.pattern).map(|p| p.indexgroup);
    let name = ig
        .and_then(|t| tuple::as_tuple(t).map(|t| t.items().to_vec()))
        .and_then(|items| items.get(i).copied());
    Ok(name.unwrap_or(vm.none))
}

fn m_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let m = this(vm, &args, "__repr__")?;
    let (s, e) = m.spans[0].unwrap_or((0, 0));
    let none = vm.none;
    let g = group_value(vm, m, 0, none);
    let r: String = convert::repr_string(vm, g)?.chars().take(50).collect();
    let text = format!("<re.Match object; span=({s}, {e}), match={r}>");
    Ok(new_str(vm, &text))
}

fn m_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(vm, &args, "__copy__")?;
    Ok(args.pos[0])
}

fn class_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(args.pos.first().copied().unwrap_or(vm.none))
}

const METHODS: &[(&str, NativeFn)] = &[
    ("group", m_group),
    ("__getitem__", m_getitem),
    ("groups", m_groups),
    ("groupdict", m_groupdict),
    ("start", m_start),
    ("end", m_end),
    ("span", m_span),
    ("expand", m_expand),
    ("__repr__", m_repr),
    ("__copy__", m_copy),
    ("__deepcopy__", m_copy),
];

/// Creates `re.Match`.
pub(super) fn init_type(vm: &mut Vm) {
    let c = common::new_type(vm, MATCH, None, false);
    vm.add_methods(c, METHODS);
    for (name, f) in [
        ("string", m_string as NativeFn),
        ("re", m_re),
        ("pos", m_pos),
        ("endpos", m_endpos),
        ("lastindex", m_lastindex),
        ("lastgroup", m_lastgroup),
        ("regs", m_regs),
    ] {
        vm.add_getset(c, name, f, None);
    }
    vm.add_classmethod(c, "__class_getitem__", class_getitem);
}
