//! Human-readable disassembly (`pyrs --dis`), in the spirit of CPython's `dis`.

use crate::bytecode::{BinOp, CmpOp, CodeObject, Const, Op, UnOp};
use std::collections::HashSet;
use std::fmt::Write;

/// Disassembles `code` and, after it, every nested code object. One line per instruction:
/// the source line when it changes, `>>` on jump targets, the pc, the opcode name, the
/// argument and, in parentheses, what the argument means; then the exception table.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    dis_one(code, &mut out);
    out
}

fn dis_one(code: &CodeObject, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of <code object {} at \"{}\", line {}>:",
        code.qualname, code.filename, code.firstlineno
    );
    let targets: HashSet<u32> = code
        .code
        .iter()
        .filter(|i| i.op.is_jump())
        .map(|i| i.arg)
        .chain(code.exception_table.iter().map(|e| e.target))
        .collect();
    let mut last_line = 0;
    for (pc, ins) in code.code.iter().enumerate() {
        let line = code.locations.get(pc).map_or(0, |l| l.line);
        let line_col = if line != last_line {
            last_line = line;
            if pc > 0 {
                out.push('\n');
            }
            format!("{line:>4}")
        } else {
            "    ".to_string()
        };
        let marker = if targets.contains(&(pc as u32)) {
            ">>"
        } else {
            "  "
        };
        let detail = describe(code, ins.op, ins.arg);
        let has_arg = takes_arg(ins.op);
        let _ = match (has_arg, detail) {
            (true, Some(d)) => writeln!(
                out,
                "{line_col} {marker} {pc:>5} {:<22} {:>5} ({d})",
                ins.op.name(),
                ins.arg
            ),
            (true, None) => writeln!(
                out,
                "{line_col} {marker} {pc:>5} {:<22} {:>5}",
                ins.op.name(),
                ins.arg
            ),
            (false, _) => writeln!(out, "{line_col} {marker} {pc:>5} {}", ins.op.name()),
        };
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exception_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start,
                e.end,
                e.target,
                e.depth,
                if e.lasti { " lasti" } else { "" }
            );
        }
    }
    for c in &code.consts {
        if let Const::Code(inner) = c {
            out.push('\n');
            dis_one(inner, out);
        }
    }
}

fn takes_arg(op: Op) -> bool {
    use Op::*;
    !matches!(
        op,
        Nop | PopTop
            | ReturnValue
            | GetIter
            | BinarySubscr
            | StoreSubscr
            | DeleteSubscr
            | ListToTuple
            | GetYieldFromIter
            | GetAIter
            | GetANext
            | EndAsyncFor
            | PushExcInfo
            | PopExcept
            | CheckExcMatch
            | CheckEgMatch
            | PrepReraiseStar
            | LoadAssertionError
            | BeforeWith
            | BeforeAsyncWith
            | WithExceptStart
            | LoadBuildClass
            | SetupAnnotations
            | ImportStar
            | PrintExpr
            | GetLen
            | MatchMapping
            | MatchSequence
            | MatchKeys
            | CopyDictWithoutKeys
    )
}

fn describe(code: &CodeObject, op: Op, arg: u32) -> Option<String> {
    use Op::*;
    let name = |i: u32| code.names.get(i as usize).map(|s| s.to_string());
    let local = |i: u32| {
        ((i as usize) < code.nlocalsplus()).then(|| code.localsplus_name(i as usize).to_string())
    };
    if op.is_jump() {
        return Some(format!("to {arg}"));
    }
    match op {
        LoadConst => code.consts.get(arg as usize).map(const_repr),
        LoadName | StoreName | DeleteName | LoadGlobal | StoreGlobal | DeleteGlobal | LoadAttr
        | StoreAttr | DeleteAttr | LoadMethod | ImportName | ImportFrom => name(arg),
        LoadFast | StoreFast | DeleteFast | LoadDeref | StoreDeref | DeleteDeref | LoadClosure
        | LoadClassDeref => local(arg),
        BinaryOp => BinOp::from_arg(arg).map(|b| b.symbol().to_string()),
        CompareOp => CmpOp::from_arg(arg).map(|c| c.symbol().to_string()),
        UnaryOp => UnOp::from_arg(arg).map(|u| format!("{u:?}")),
        IsOp => Some(if arg == 1 { "is not" } else { "is" }.into()),
        ContainsOp => Some(if arg == 1 { "not in" } else { "in" }.into()),
        FormatValue => {
            let conv = ["", "str", "repr", "ascii"][(arg & 3) as usize];
            let spec = if arg & 4 != 0 { "with format" } else { "" };
            let s = [conv, spec]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            (!s.is_empty()).then_some(s)
        }
        MakeFunction => {
            let parts: Vec<&str> = [
                (1, "defaults"),
                (2, "kwdefaults"),
                (4, "annotations"),
                (8, "closure"),
            ]
            .iter()
            .filter(|(b, _)| arg & b != 0)
            .map(|(_, n)| *n)
            .collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        _ => None,
    }
}

/// A Python-like repr of a constant.
pub(crate) fn const_repr(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::Bool(b) => if *b { "True" } else { "False" }.into(),
        Const::Int(i) => i.to_string(),
        Const::BigInt(i) => i.to_string(),
        Const::Float(f) => float_repr(*f),
        Const::Complex(re, im) => {
            if *re == 0.0 && re.is_sign_positive() {
                format!("{}j", float_repr(*im))
            } else {
                format!(
                    "({}{}{}j)",
                    float_repr(*re),
                    if *im >= 0.0 { "+" } else { "" },
                    float_repr(*im)
                )
            }
        }
        Const::Str(s) => str_repr(s),
        Const::Bytes(b) => {
            let mut s = String::from("b'");
            for &x in b.iter() {
                match x {
                    b'\'' => s.push_str("\\'"),
                    b'\\' => s.push_str("\\\\"),
                    b'\n' => s.push_str("\\n"),
                    b'\t' => s.push_str("\\t"),
                    b'\r' => s.push_str("\\r"),
                    0x20..=0x7e => s.push(x as char),
                    _ => {
                        let _ = write!(s, "\\x{x:02x}");
                    }
                }
            }
            s.push('\'');
            s
        }
        Const::Tuple(items) => {
            let inner: Vec<String> = items.iter().map(const_repr).collect();
            if inner.len() == 1 {
                format!("({},)", inner[0])
            } else {
                format!("({})", inner.join(", "))
            }
        }
        Const::FrozenSet(items) => {
            let inner: Vec<String> = items.iter().map(const_repr).collect();
            format!("frozenset({{{}}})", inner.join(", "))
        }
        Const::Ellipsis => "Ellipsis".into(),
        Const::Code(c) => format!(
            "<code object {} at \"{}\", line {}>",
            c.name, c.filename, c.firstlineno
        ),
    }
}

fn float_repr(f: f64) -> String {
    if f.is_nan() {
        "nan".into()
    } else if f.is_infinite() {
        if f > 0.0 { "inf" } else { "-inf" }.into()
    } else if f == f.trunc() && f.abs() < 1e16 {
        format!("{f:.1}")
    } else {
        format!("{f:?}")
    }
}

fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}
