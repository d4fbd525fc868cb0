//! The text form's printer. [`parse`](crate::parse) reads back exactly what this writes.
//!
//! ```text
//! trace T1 loop
//! descr d0 = field Float.value offset=16 size=8 float
//! descr d1 = call helper (int, float) -> ref effects=can_raise|can_collect
//! [p0, i1, f2]
//! label(p0, i1, f2)
//! i4 = int_add_ovf(i1, ConstInt(1))
//! guard_no_overflow() [s0] g0
//! f6 = getfield_gc_f(p0, descr=d0)
//! jump(p0, i4, f6)
//! snapshot s0
//!   frame code=0x7f00 pc=12 [p0, i1, -, v0]
//!   virtual v0 = new d2 {d0: f2}
//!   write p0.d0 = f2
//! ```
//! Values print as `i4` / `f6` / `p0` (their dense index), constants inline; descriptor
//! names print bare when they are one simple word, else as a quoted Rust string.

use std::fmt::{self, Write};

use crate::descr::{Descr, Effects};
use crate::snapshot::{SnapValue, Snapshot, VirtualObject};
use crate::trace::{Trace, TraceKind};
use crate::types::{OpRef, Type};

/// The text form of `trace`.
pub fn print(trace: &Trace) -> String {
    trace.to_string()
}

impl fmt::Display for Trace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            TraceKind::Loop => writeln!(f, "trace {} loop", self.id)?,
            TraceKind::Bridge { parent } => writeln!(f, "trace {} bridge {parent}", self.id)?,
            TraceKind::Entry => writeln!(f, "trace {} entry", self.id)?,
        }
        for (i, d) in self.descrs.iter().enumerate() {
            writeln!(f, "descr d{i} = {}", DescrText(d))?;
        }
        let inputs: Vec<String> = self.input_refs().iter().map(|r| r.to_string()).collect();
        writeln!(f, "[{}]", inputs.join(", "))?;
        for n in 0..self.ops.len() {
            writeln!(f, "{}", self.op_text(n))?;
        }
        for (i, s) in self.snapshots.iter().enumerate() {
            writeln!(f, "snapshot s{i}")?;
            write_snapshot(f, s)?;
        }
        Ok(())
    }
}

impl Trace {
    /// The text of op `n` as [`print()`] writes it (for logs and error messages).
    pub fn op_text(&self, n: usize) -> String {
        let op = &self.ops[n];
        let mut s = String::new();
        if op.result_type() != Type::Void {
            let _ = write!(s, "{} = ", self.op_ref(n));
        }
        s.push_str(op.opcode.name());
        s.push('(');
        let mut parts: Vec<String> = op.args.iter().map(|&r| self.ref_text(r)).collect();
        if let Some(d) = op.descr {
            parts.push(format!("descr={d}"));
        }
        s.push_str(&parts.join(", "));
        s.push(')');
        if let Some(snap) = op.snapshot {
            let _ = write!(s, " [{snap}]");
        }
        if let Some(exit) = op.exit {
            let _ = write!(s, " {exit}");
        }
        s
    }

    /// A value's text: `i4` for values, `ConstInt(5)` for constants of this trace.
    pub fn ref_text(&self, r: OpRef) -> String {
        match self.konst(r) {
            Some(c) => c.to_string(),
            None => r.to_string(),
        }
    }
}

fn snap_value_text(v: &SnapValue) -> String {
    match v {
        SnapValue::Value(r) => r.to_string(),
        SnapValue::Const(c) => c.to_string(),
        SnapValue::Virtual(id) => id.to_string(),
        SnapValue::Empty => "-".to_string(),
    }
}

fn list(values: &[SnapValue]) -> String {
    values
        .iter()
        .map(snap_value_text)
        .collect::<Vec<_>>()
        .join(", ")
}

fn write_snapshot(f: &mut fmt::Formatter<'_>, s: &Snapshot) -> fmt::Result {
    for fr in &s.frames {
        writeln!(
            f,
            "  frame code={:#x} pc={} [{}]",
            fr.code,
            fr.pc,
            list(&fr.slots)
        )?;
    }
    for (i, v) in s.virtuals.iter().enumerate() {
        match v {
            VirtualObject::Struct { descr, fields } => {
                let fields: Vec<String> = fields
                    .iter()
                    .map(|(d, v)| format!("{d}: {}", snap_value_text(v)))
                    .collect();
                writeln!(f, "  virtual v{i} = new {descr} {{{}}}", fields.join(", "))?;
            }
            VirtualObject::Array { descr, items } => {
                writeln!(f, "  virtual v{i} = array {descr} [{}]", list(items))?;
            }
        }
    }
    for w in &s.pending_writes {
        write!(f, "  write {}.{}", snap_value_text(&w.target), w.descr)?;
        if let Some(index) = &w.index {
            write!(f, "[{}]", snap_value_text(index))?;
        }
        writeln!(f, " = {}", snap_value_text(&w.value))?;
    }
    Ok(())
}

/// Characters that end a bare descriptor name.
pub(crate) fn is_name_delimiter(c: char) -> bool {
    c.is_whitespace() || c.is_control() || "()[]{},=\"\\#".contains(c)
}

struct Name<'a>(&'a str);

impl fmt::Display for Name<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.0.is_empty() && !self.0.chars().any(is_name_delimiter) {
            f.write_str(self.0)
        } else {
            write!(f, "{:?}", self.0)
        }
    }
}

fn types(tys: &[Type]) -> String {
    tys.iter()
        .map(|t| t.keyword())
        .collect::<Vec<_>>()
        .join(", ")
}

struct DescrText<'a>(&'a Descr);

impl fmt::Display for DescrText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let signed = |s: bool| if s { " signed" } else { "" };
        match self.0 {
            Descr::Field(d) => write!(
                f,
                "field {} offset={} size={} {}{}",
                Name(&d.name),
                d.offset,
                d.size,
                d.ty,
                signed(d.signed)
            ),
            Descr::Array(d) => write!(
                f,
                "array {} base={} item={} {}{} len={} header={:#x}",
                Name(&d.name),
                d.base_offset,
                d.item_size,
                d.ty,
                signed(d.signed),
                d.len_offset,
                d.header
            ),
            Descr::Size(d) => {
                write!(
                    f,
                    "size {} size={} header={:#x}",
                    Name(&d.name),
                    d.size,
                    d.header
                )
            }
            Descr::Call(d) => {
                write!(
                    f,
                    "call {} ({}) -> {}",
                    Name(&d.name),
                    types(&d.args),
                    d.result
                )?;
                if d.effects != Effects::NONE {
                    write!(f, " effects={}", d.effects)?;
                }
                Ok(())
            }
            Descr::Target(d) => write!(f, "target {} ({})", d.trace, types(&d.args)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::TraceBuilder;
    use crate::descr::{CallDescr, FieldDescr};
    use crate::ids::TraceId;
    use crate::opcode::Opcode;

    #[test]
    fn prints_pypy_like_text() {
        let mut b = TraceBuilder::new(TraceId(1), TraceKind::Loop);
        let p0 = b.input(Type::Ref);
        let i1 = b.input(Type::Int);
        let d0 = b.add_descr(Descr::Field(FieldDescr {
            name: "Float.value".into(),
            offset: 16,
            ty: Type::Float,
            size: 8,
            signed: false,
        }));
        b.add_descr(Descr::Call(CallDescr {
            name: "odd name".into(),
            args: vec![Type::Int, Type::Float],
            result: Type::Ref,
            effects: Effects {
                can_collect: true,
                ..Effects::NONE
            },
        }));
        b.op(Opcode::Label, &[p0, i1], None);
        let one = b.const_int(1);
        let i3 = b.op(Opcode::IntAddOvf, &[i1, one], None);
        let snap = Snapshot::frame(0x7f00, 12, vec![SnapValue::Value(p0), SnapValue::Empty]);
        b.guard(Opcode::GuardNoOverflow, &[], snap);
        b.op(Opcode::GetfieldGcF, &[p0], Some(d0));
        b.op(Opcode::Jump, &[p0, i3], None);
        let text = print(&b.finish());
        let want = "\
trace T1 loop
descr d0 = field Float.value offset=16 size=8 float
descr d1 = call \"odd name\" (int, float) -> ref effects=can_collect
[p0, i1]
label(p0, i1)
i3 = int_add_ovf(i1, ConstInt(1))
guard_no_overflow() [s0] g0
f5 = getfield_gc_f(p0, descr=d0)
jump(p0, i3)
snapshot s0
  frame code=0x7f00 pc=12 [p0, -]
";
        assert_eq!(text, want);
    }
}
