//! "Did you mean" suggestions of uncaught `AttributeError`s and `NameError`s: the closest
//! name (a weighted edit distance over UTF-8 bytes, case changes costing half) among
//! `dir(obj)`, or among the failing frame's local, global and builtin names, as CPython
//! 3.11 picks it.

use crate::object::{self, CodeObj, FrameObj, TracebackObj};
use crate::types::class::{class_of, is_subclass};
use crate::types::str::as_str;
use crate::value::Value;
use crate::vm::Vm;

/// More candidates than this: no suggestion (too slow to be worth it).
const MAX_CANDIDATES: usize = 750;
/// Names longer than this (after trimming a common prefix and suffix) never match.
const MAX_LEN: usize = 40;
/// Cost of inserting, deleting or replacing a byte.
const MOVE_COST: usize = 2;
/// Cost of replacing a letter by the same letter in the other case.
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The weighted edit distance of `a` and `b`, or anything above `max_cost` when it is
/// larger than that.
fn distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_LEN || b.len() > MAX_LEN {
        return max_cost + 1;
    }
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // row[i]: the cost of turning the first bytes of `b` seen so far into a[..=i].
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut diagonal = bi * MOVE_COST;
        result = diagonal;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = diagonal + substitution_cost(code, ac);
            diagonal = row[ai];
            let insert_delete = result.min(diagonal) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate closest to `name`, if close enough: at most a third of the characters
/// involved may change; the first of equally close candidates wins.
fn closest(name: &str, candidates: &[Value]) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for &c in candidates {
        let Some(item) = as_str(c) else { continue };
        if item == name {
            continue;
        }
        let mut max = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = distance(name.as_bytes(), item.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.map_or(true, |(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s.to_string())
}

/// The name an uncaught `AttributeError` or `NameError` `exc` suggests instead of the
/// missing one, if any. Errors while looking (a failing `__dir__`) mean no suggestion.
pub fn suggestion(vm: &mut Vm, exc: Value) -> Option<String> {
    let cls = class_of(vm, exc);
    if is_subclass(cls, vm.cls.attribute_error) {
        return attribute_suggestion(vm, exc);
    }
    if is_subclass(cls, vm.cls.name_error) {
        return name_suggestion(vm, exc);
    }
    None
}

fn attribute_suggestion(vm: &mut Vm, exc: Value) -> Option<String> {
    let name = super::fields::field(vm, exc, "name").ok()??;
    let obj = super::fields::field(vm, exc, "obj").ok()??;
    let name = as_str(name)?.to_string();
    let saved = vm.exc;
    let dir = crate::builtins::dir_of(vm, obj);
    vm.exc = saved;
    let items = crate::types::list::list_items(dir.ok()?).to_vec();
    closest(&name, &items)
}

fn name_suggestion(vm: &mut Vm, exc: Value) -> Option<String> {
    let name = super::fields::field(vm, exc, "name").ok()??;
    let name = as_str(name)?.to_string();
    let mut tb = crate::errors::exc_data(exc)?.traceback;
    while let Some(next) = object::downcast::<TracebackObj>(tb).map(|t| t.next) {
        if !object::is::<TracebackObj>(next) {
            break;
        }
        tb = next;
    }
    let frame = object::downcast::<FrameObj>(object::downcast::<TracebackObj>(tb)?.frame)?;
    let (code, globals, builtins) = (frame.code, frame.globals, frame.builtins);
    if object::is::<CodeObj>(code) {
        let c = crate::eval::code::code_of(code);
        let locals: Vec<Value> = (0..c.nlocalsplus())
            .map(|i| vm.intern(c.localsplus_name(i)))
            .collect();
        if let Some(s) = closest(&name, &locals) {
            return Some(s);
        }
    }
    for d in [globals, builtins] {
        if crate::types::dict::as_dict(d).is_some() {
            let keys: Vec<Value> = crate::types::dict::items(d)
                .into_iter()
                .map(|(k, _)| k)
                .collect();
            if let Some(s) = closest(&name, &keys) {
                return Some(s);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_weigh_case_changes_half() {
        assert_eq!(distance(b"abc", b"abc", 10), 0);
        assert_eq!(distance(b"abc", b"aBc", 10), CASE_COST);
        assert_eq!(distance(b"abc", b"abd", 10), MOVE_COST);
        assert_eq!(distance(b"prnt", b"print", 10), MOVE_COST);
        assert_eq!(distance(b"sqr", b"sqrt", 10), MOVE_COST);
        assert!(distance(b"a", b"zzzzzzzz", 3) > 3);
    }
}
