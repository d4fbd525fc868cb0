//! Tracebacks: recording entries while an exception unwinds, and printing an uncaught
//! exception the way CPython does (chained exceptions, source lines).

use crate::errors::exc_data;
use crate::object::{self, TracebackObj};
use crate::types::class::{class_name, class_of};
use crate::value::Value;
use crate::vm::Vm;

/// Prepends an entry for (`code`, `line`) to the traceback of `exc`.
pub fn add_entry(vm: &mut Vm, exc: Value, code: Value, line: u32, lasti: u32) {
    let Some(d) = exc_data(exc) else { return };
    let next = d.traceback;
    let cls = vm.cls.traceback;
    let (tb, obj) = vm.alloc_obj::<TracebackObj>(cls);
    obj.next = next;
    obj.code = code;
    obj.lineno = line as u64;
    obj.lasti = lasti as u64;
    if let Some(d) = exc_data(exc) {
        d.traceback = tb;
    }
}

fn source_line(filename: &str, line: u32) -> Option<String> {
    let text = std::fs::read_to_string(filename).ok()?;
    let l = text.lines().nth(line.checked_sub(1)? as usize)?;
    let t = l.trim();
    if t.is_empty() {
        None
    } else {
        Some(t.to_string())
    }
}

fn format_tb(out: &mut String, tb: Value) {
    let mut t = tb;
    let mut last: Option<(String, u32, String)> = None;
    let mut repeat = 0;
    while let Some(entry) = object::downcast::<TracebackObj>(t) {
        let code = super::code::code_of(entry.code);
        let key = (
            code.filename.to_string(),
            entry.lineno as u32,
            code.name.to_string(),
        );
        if last.as_ref() == Some(&key) {
            repeat += 1;
        } else {
            flush_repeat(out, repeat);
            repeat = 0;
        }
        if repeat < 3 {
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                key.0, key.1, key.2
            ));
            if let Some(src) = source_line(&key.0, key.1) {
                out.push_str(&format!("    {src}\n"));
            }
        }
        last = Some(key);
        t = entry.next;
    }
    flush_repeat(out, repeat);
}

fn flush_repeat(out: &mut String, repeat: usize) {
    if repeat >= 3 {
        let n = repeat - 2;
        out.push_str(&format!(
            "  [Previous line repeated {n} more time{}]\n",
            if n == 1 { "" } else { "s" }
        ));
    }
}

/// The last line of a traceback: `Type: message`.
pub fn format_exception_only(vm: &mut Vm, exc: Value) -> String {
    let cls = class_of(vm, exc);
    let mut name = class_name(cls).to_string();
    let module = crate::types::dict::get_str_key(
        crate::types::class::class_obj(cls).dict,
        vm.names.__module__,
    )
    .and_then(|m| crate::types::str::as_str(m).map(|s| s.to_string()));
    if let Some(m) = module {
        if m != "builtins" && m != "__main__" {
            name = format!("{m}.{name}");
        }
    }
    let msg = match crate::ops::convert::str_string(vm, exc) {
        Ok(s) => s,
        Err(_) => {
            vm.exc = Value::NULL;
            "<exception str() failed>".to_string()
        }
    };
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    }
}

/// Formats an exception with its chain, as CPython prints an uncaught one.
pub fn format_exception(vm: &mut Vm, exc: Value) -> String {
    let mut chain = Vec::new();
    let mut seen = Vec::new();
    let mut cur = exc;
    while !cur.is_null() && !seen.contains(&cur) {
        seen.push(cur);
        let Some(d) = exc_data(cur) else { break };
        let (cause, context, suppress) = (d.cause, d.context, d.suppress_context != 0);
        chain.push(cur);
        if !cause.is_null() && cause != vm.none {
            chain.push(Value::small(1).unwrap_or(Value::NULL));
            cur = cause;
        } else if !context.is_null() && !suppress && context != vm.none {
            chain.push(Value::small(2).unwrap_or(Value::NULL));
            cur = context;
        } else {
            break;
        }
    }
    let mut parts: Vec<String> = Vec::new();
    for item in chain.iter().rev() {
        if let Some(kind) = item.as_small() {
            parts.push(if kind == 1 {
                "\nThe above exception was the direct cause of the following exception:\n\n"
                    .to_string()
            } else {
                "\nDuring handling of the above exception, another exception occurred:\n\n"
                    .to_string()
            });
            continue;
        }
        let mut s = String::new();
        let tb = exc_data(*item).map(|d| d.traceback).unwrap_or(Value::NULL);
        if !tb.is_null() {
            s.push_str("Traceback (most recent call last):\n");
            format_tb(&mut s, tb);
        }
        s.push_str(&format_exception_only(vm, *item));
        s.push('\n');
        parts.push(s);
    }
    parts.concat()
}
