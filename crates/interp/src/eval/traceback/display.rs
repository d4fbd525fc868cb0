//! Printing an uncaught exception as CPython 3.11's `PyErr_Display` does: the chain of
//! causes and contexts, each traceback entry with its source line and caret line, notes,
//! `SyntaxError` details, and exception groups drawn in nested boxes.

use crate::errors::exc_data;
use crate::object::{self, TracebackObj};
use crate::types::class::{class_obj, class_of};
use crate::value::Value;
use crate::vm::Vm;

const CAUSE_MESSAGE: &str =
    "The above exception was the direct cause of the following exception:\n";
const CONTEXT_MESSAGE: &str =
    "During handling of the above exception, another exception occurred:\n";
/// Identical consecutive entries shown before "[Previous line repeated ...]".
const RECURSIVE_CUTOFF: usize = 3;
/// Sub-exceptions of a group shown before "and N more exceptions".
const MAX_GROUP_WIDTH: usize = 15;
/// Nesting of groups shown before "... (max_group_depth is 10)".
const MAX_GROUP_DEPTH: usize = 10;
/// Chained exceptions followed before giving up (a guard for Rust's stack).
const MAX_CHAIN: usize = 200;

struct Printer {
    out: String,
    /// Nesting of exception groups (0 outside any group).
    depth: usize,
    need_close: bool,
    seen: Vec<Value>,
    chain: usize,
}

impl Printer {
    fn margin(&self) -> &'static str {
        if self.depth > 0 {
            "| "
        } else {
            ""
        }
    }

    fn indent(&mut self) {
        for _ in 0..2 * self.depth {
            self.out.push(' ');
        }
    }

    fn indented_margin(&mut self) {
        self.indent();
        let m = self.margin();
        self.out.push_str(m);
    }
}

/// Formats an exception with its chain, as CPython prints an uncaught one.
pub fn format_exception(vm: &mut Vm, exc: Value) -> String {
    let mut p = Printer {
        out: String::new(),
        depth: 0,
        need_close: false,
        seen: Vec::new(),
        chain: 0,
    };
    print_recursive(vm, &mut p, exc);
    p.out
}

/// Formats an exception without its cause or context, as CPython reports an exception
/// that has nowhere to go ("Exception ignored in: ...").
pub fn format_exception_unchained(vm: &mut Vm, exc: Value) -> String {
    let mut p = Printer {
        out: String::new(),
        depth: 0,
        need_close: false,
        seen: vec![exc],
        chain: 0,
    };
    if is_group(vm, exc) {
        print_group(vm, &mut p, exc);
    } else {
        print_exception(vm, &mut p, exc);
    }
    p.out
}

fn is_group(vm: &Vm, v: Value) -> bool {
    crate::types::exception::group::is_group(vm, v)
}

fn print_recursive(vm: &mut Vm, p: &mut Printer, value: Value) {
    if p.chain > MAX_CHAIN {
        return;
    }
    p.chain += 1;
    print_cause_and_context(vm, p, value);
    if is_group(vm, value) {
        print_group(vm, p, value);
    } else {
        print_exception(vm, p, value);
    }
    p.chain -= 1;
}

fn print_cause_and_context(vm: &mut Vm, p: &mut Printer, value: Value) {
    p.seen.push(value);
    let Some(d) = exc_data(value) else { return };
    let (cause, context, suppress) = (d.cause, d.context, d.suppress_context != 0);
    let none = vm.none;
    if !cause.is_null() && cause != none {
        if !p.seen.contains(&cause) {
            print_chained(vm, p, cause, CAUSE_MESSAGE);
        }
        return;
    }
    if suppress || context.is_null() || context == none || p.seen.contains(&context) {
        return;
    }
    print_chained(vm, p, context, CONTEXT_MESSAGE);
}

fn print_chained(vm: &mut Vm, p: &mut Printer, value: Value, message: &str) {
    let need_close = p.need_close;
    print_recursive(vm, p, value);
    p.need_close = need_close;
    p.indented_margin();
    p.out.push('\n');
    p.indented_margin();
    p.out.push_str(message);
    p.indented_margin();
    p.out.push('\n');
}

fn print_exception(vm: &mut Vm, p: &mut Printer, value: Value) {
    let tb = exc_data(value).map(|d| d.traceback).unwrap_or(Value::NULL);
    if object::is::<TracebackObj>(tb) {
        let (header, header_margin) = if is_group(vm, value) {
            let m = if p.depth == 1 { "+ " } else { p.margin() };
            ("Exception Group Traceback (most recent call last):\n", m)
        } else {
            ("Traceback (most recent call last):\n", p.margin())
        };
        p.indent();
        p.out.push_str(header_margin);
        p.out.push_str(header);
        print_tb(vm, p, tb);
    }
    let message = syntax_error_details(vm, p, value);
    p.indented_margin();
    let line = exception_line(vm, value, message);
    p.out.push_str(&line);
    p.out.push('\n');
    print_notes(vm, p, value);
}

/// `Type: message` (`Type` alone for an empty message); `message` replaces `str(value)`
/// when given (a SyntaxError's `msg`).
fn exception_line(vm: &mut Vm, value: Value, message: Option<Value>) -> String {
    let name = qualified_type_name(vm, value);
    let text = message.unwrap_or(value);
    let msg = if text == vm.none && message.is_some() {
        "None".to_string()
    } else {
        match crate::ops::convert::str_string(vm, text) {
            Ok(s) => s,
            Err(_) => {
                vm.exc = Value::NULL;
                "<exception str() failed>".to_string()
            }
        }
    };
    let hint = crate::types::exception::suggest::suggestion(vm, value)
        .map(|s| format!(". Did you mean: '{s}'?"))
        .unwrap_or_default();
    if msg.is_empty() && hint.is_empty() {
        name
    } else {
        format!("{name}: {msg}{hint}")
    }
}

/// The exception's class as tracebacks name it: `module.Qualname` unless the module is
/// `builtins` or `__main__`.
fn qualified_type_name(vm: &mut Vm, value: Value) -> String {
    let cls = class_of(vm, value);
    let c = class_obj(cls);
    let q = crate::types::str::as_str(c.qualname)
        .or_else(|| crate::types::str::as_str(c.name))
        .unwrap_or("?")
        .to_string();
    let module = crate::types::dict::get_str_key(c.dict, vm.names.__module__);
    match module.map(|m| crate::types::str::as_str(m).map(|s| s.to_string())) {
        Some(Some(m)) if m == "builtins" || m == "__main__" => q,
        Some(Some(m)) => format!("{m}.{q}"),
        _ => format!("<unknown>.{q}"),
    }
}

/// The last line of a traceback: `Type: message`.
pub fn format_exception_only(vm: &mut Vm, exc: Value) -> String {
    exception_line(vm, exc, None)
}

fn print_notes(vm: &mut Vm, p: &mut Printer, value: Value) {
    let notes = exc_data(value).map(|d| d.notes).unwrap_or(Value::NULL);
    if notes.is_null() {
        return;
    }
    let items = match object::kind_of(notes) {
        Some(object::Kind::List) => crate::types::list::list_items(notes).to_vec(),
        Some(object::Kind::Tuple) => crate::types::tuple::items(notes).to_vec(),
        _ => {
            p.indented_margin();
            let r = crate::ops::convert::repr_string(vm, notes).unwrap_or_else(|_| {
                vm.exc = Value::NULL;
                "<__notes__ repr() failed>".to_string()
            });
            p.out.push_str(&r);
            p.out.push('\n');
            return;
        }
    };
    for note in items {
        let s = crate::ops::convert::str_string(vm, note).unwrap_or_else(|_| {
            vm.exc = Value::NULL;
            "<note str() failed>".to_string()
        });
        for line in s.split_inclusive('\n') {
            p.indented_margin();
            p.out.push_str(line);
        }
        if s.is_empty() {
            p.indented_margin();
        }
        p.out.push('\n');
    }
}

/// For a SyntaxError: writes its `File`/line/caret lines and returns its `msg`.
fn syntax_error_details(vm: &mut Vm, p: &mut Printer, value: Value) -> Option<Value> {
    let se = vm.cls.syntax_error;
    if !crate::types::class::is_subclass(class_of(vm, value), se) {
        return None;
    }
    let mut get = |name: &str| -> Value {
        crate::ops::attr::getattr_str(vm, value, name).unwrap_or_else(|_| {
            vm.exc = Value::NULL;
            vm.none
        })
    };
    let msg = get("msg");
    let filename = get("filename");
    let lineno = get("lineno");
    let offset = get("offset");
    let end_lineno = get("end_lineno");
    let end_offset = get("end_offset");
    let text = get("text");
    let int = |v: Value| crate::types::int::as_i64(v).filter(|_| crate::types::int::is_int(v));
    let fname = crate::types::str::as_str(filename)
        .unwrap_or("<string>")
        .to_string();
    let line = int(lineno).unwrap_or(0);
    p.indented_margin();
    p.out
        .push_str(&format!("  File \"{fname}\", line {line}\n"));
    if let Some(t) = crate::types::str::as_str(text) {
        let t = t.to_string();
        let indent =
            crate::types::class::is_subclass(class_of(vm, value), vm.cls.indentation_error);
        let mut end = if indent {
            -1
        } else {
            int(end_offset).unwrap_or(-1)
        };
        if int(end_lineno).unwrap_or(line) > line {
            end = t.chars().count() as i64;
        }
        error_text(p, int(offset).unwrap_or(-1), end, &t);
    }
    Some(msg)
}

/// The source line of a SyntaxError with its carets (CPython's `print_error_text`).
fn error_text(p: &mut Printer, offset: i64, end_offset: i64, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    let line_len = chars.len() as i64;
    let mut end_offset = end_offset;
    if end_offset > line_len + 1 {
        end_offset = line_len + 1;
    }
    let mut offset = offset - 1;
    let mut end_offset = end_offset - 1;
    let mut start = 0usize;
    while start < chars.len() && matches!(chars[start], ' ' | '\t' | '\x0c') {
        start += 1;
        offset -= 1;
        end_offset -= 1;
    }
    let mut rest: Vec<char> = chars[start..].to_vec();
    if rest.last() == Some(&'\n') {
        rest.pop();
    }
    let len = rest.len() as i64;
    if offset > len {
        offset = len;
    }
    if let Some(nl) = rest.iter().position(|&c| c == '\n') {
        if (nl as i64) < offset {
            let cut = nl + 1;
            rest.drain(..cut);
            offset -= cut as i64;
            end_offset -= cut as i64;
        }
    }
    let shown: String = rest.iter().collect();
    p.out.push_str("    ");
    p.out.push_str(&shown);
    p.out.push('\n');
    if offset < 0 {
        return;
    }
    p.out.push_str("    ");
    for _ in 0..offset {
        p.out.push(' ');
    }
    let carets = if end_offset > offset {
        end_offset - offset
    } else {
        1
    };
    for _ in 0..carets {
        p.out.push('^');
    }
    p.out.push('\n');
}

fn print_group(vm: &mut Vm, p: &mut Printer, value: Value) {
    if p.depth > MAX_GROUP_DEPTH {
        p.indented_margin();
        p.out
            .push_str(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
        return;
    }
    let top = p.depth == 0;
    if top {
        p.depth += 1;
    }
    print_exception(vm, p, value);
    let excs = crate::types::exception::group::exceptions(vm, value)
        .map(|t| crate::types::tuple::items(t).to_vec())
        .unwrap_or_else(|_| {
            vm.exc = Value::NULL;
            Vec::new()
        });
    let n = if excs.len() <= MAX_GROUP_WIDTH {
        excs.len()
    } else {
        MAX_GROUP_WIDTH + 1
    };
    p.need_close = false;
    for i in 0..n {
        let last = i + 1 == n;
        if last {
            p.need_close = true;
        }
        p.indent();
        let lead = if i == 0 { "+-" } else { "  " };
        let truncated = i >= MAX_GROUP_WIDTH;
        if truncated {
            p.out
                .push_str(&format!("{lead}+---------------- ... ----------------\n"));
        } else {
            p.out.push_str(&format!(
                "{lead}+---------------- {} ----------------\n",
                i + 1
            ));
        }
        p.depth += 1;
        if truncated {
            let more = excs.len() - MAX_GROUP_WIDTH;
            p.indented_margin();
            p.out.push_str(&format!(
                "and {more} more exception{}\n",
                if more > 1 { "s" } else { "" }
            ));
        } else {
            print_recursive(vm, p, excs[i]);
        }
        if last && p.need_close {
            p.indent();
            p.out.push_str("+------------------------------------\n");
            p.need_close = false;
        }
        p.depth -= 1;
    }
    if p.depth == 1 && top {
        p.depth -= 1;
    }
}

fn print_tb(vm: &mut Vm, p: &mut Printer, tb: Value) {
    let mut t = tb;
    let mut last: Option<(String, u64, String)> = None;
    let mut count = 0usize;
    while let Some(entry) = object::downcast::<TracebackObj>(t) {
        let (code_v, lineno, lasti, next) = (entry.code, entry.lineno, entry.lasti, entry.next);
        let code = super::super::code::code_of(code_v);
        let key = (code.filename.to_string(), lineno, code.name.to_string());
        if last.as_ref() != Some(&key) {
            repeated(p, count);
            last = Some(key.clone());
            count = 0;
        }
        count += 1;
        if count <= RECURSIVE_CUTOFF {
            p.indented_margin();
            p.out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                key.0, key.1, key.2
            ));
            display_line(p, code, &key.0, lineno as u32, lasti as usize);
        }
        let _ = vm;
        t = next;
    }
    repeated(p, count);
}

fn repeated(p: &mut Printer, count: usize) {
    if count > RECURSIVE_CUTOFF {
        let n = count - RECURSIVE_CUTOFF;
        p.out.push_str(&format!(
            "  [Previous line repeated {n} more time{}]\n",
            if n > 1 { "s" } else { "" }
        ));
    }
}

fn read_line(filename: &str, line: u32) -> Option<String> {
    let text = std::fs::read_to_string(filename).ok()?;
    let l = text.split('\n').nth(line.checked_sub(1)? as usize)?;
    Some(l.strip_suffix('\r').unwrap_or(l).to_string())
}

fn char_offset(line: &str, byte: usize) -> usize {
    let mut b = byte.min(line.len());
    while !line.is_char_boundary(b) {
        b -= 1;
    }
    line[..b].chars().count()
}

/// Writes the source line of an entry and, when the failing instruction covers only part
/// of it, the caret line under that part.
fn display_line(
    p: &mut Printer,
    code: &pyrs_frontend::bytecode::CodeObject,
    filename: &str,
    lineno: u32,
    lasti: usize,
) {
    let Some(line) = read_line(filename, lineno) else {
        return;
    };
    let chars: Vec<char> = line.chars().collect();
    let lead = chars
        .iter()
        .take_while(|c| matches!(c, ' ' | '\t' | '\x0c'))
        .count();
    p.indented_margin();
    p.out.push_str("    ");
    p.out.extend(chars[lead..].iter());
    p.out.push('\n');
    let Some(loc) = code.locations.get(lasti) else {
        return;
    };
    if loc.line != lineno
        || loc.end_line < loc.line
        || (loc.end_line == loc.line && loc.end_col <= loc.col)
    {
        return;
    }
    let start = char_offset(&line, loc.col as usize);
    let mut end = char_offset(&line, loc.end_col as usize);
    let mut anchors = None;
    if loc.end_line == loc.line {
        let segment: String = chars[start.min(chars.len())..end.min(chars.len())]
            .iter()
            .collect();
        anchors = pyrs_frontend::anchors::caret_anchors(&segment).map(|a| {
            (
                start + char_offset(&segment, a.left_end),
                start + char_offset(&segment, a.right_start),
            )
        });
    } else {
        end = chars
            .iter()
            .rposition(|c| !matches!(c, ' ' | '\t' | '\x0c'))
            .map(|i| i + 1)
            .unwrap_or(0);
    }
    if end <= start {
        return;
    }
    if end - start == chars.len() - lead && anchors.is_none() {
        return;
    }
    p.indented_margin();
    p.out.push_str("    ");
    for _ in lead..start {
        p.out.push(' ');
    }
    for j in start..end {
        let secondary = matches!(anchors, Some((l, r)) if l <= j && j < r);
        p.out.push(match (anchors.is_some(), secondary) {
            (false, _) => '^',
            (true, true) => '^',
            (true, false) => '~',
        });
    }
    p.out.push('\n');
}
