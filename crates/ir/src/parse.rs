//! The text form's parser: the inverse of [`print`](crate::print). It resolves names and
//! checks syntax; whether the trace makes sense is [`verify`](crate::verify)'s job.
//!
//! Hand-written traces may name values freely (`i_sum`, `p7`...): the first letter gives
//! the type, and values are renumbered densely. The header and input line may be left
//! out (a loop `T0` without inputs); `#` starts a comment.

use std::collections::HashMap;
use std::fmt;

use crate::cursor::{parse_index, parse_u64, Cursor};
use crate::descr::{ArrayDescr, CallDescr, Descr, Effects, FieldDescr, SizeDescr, TargetDescr};
use crate::ids::{DescrId, ExitId, ExitRef, SnapId, TraceId, VirtualId};
use crate::opcode::Opcode;
use crate::snapshot::{FrameSnapshot, PendingWrite, SnapValue, Snapshot, VirtualObject};
use crate::trace::{Op, Trace, TraceKind};
use crate::types::{Const, OpRef, Type};

/// A syntax or name error, with its 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// The line (1-based).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Parses the text form of a trace.
pub fn parse(text: &str) -> Result<Trace, ParseError> {
    let mut p = Parser {
        trace: Trace::new(TraceId(0), TraceKind::Loop),
        const_slots: HashMap::new(),
        names: HashMap::new(),
        started: false,
        has_inputs: false,
    };
    for (i, line) in text.lines().enumerate() {
        let mut c = Cursor::new(line);
        if c.at_end() {
            continue;
        }
        p.line(&mut c).map_err(|message| ParseError {
            line: i + 1,
            message,
        })?;
    }
    Ok(p.trace)
}

struct Parser {
    trace: Trace,
    const_slots: HashMap<Const, u32>,
    names: HashMap<String, OpRef>,
    started: bool,
    has_inputs: bool,
}

type R<T> = Result<T, String>;

impl Parser {
    fn line(&mut self, c: &mut Cursor) -> R<()> {
        if c.eat('[') {
            return self.inputs(c);
        }
        match c.peek_word() {
            Some("trace") => self.header(c),
            Some("descr") => self.descr(c),
            Some("snapshot") => self.snapshot(c),
            Some("frame") => self.frame(c),
            Some("virtual") => self.virtual_object(c),
            Some("write") => self.pending_write(c),
            _ => self.op(c),
        }?;
        if c.at_end() {
            Ok(())
        } else {
            Err(format!("unexpected {}", c.found()))
        }
    }

    fn header(&mut self, c: &mut Cursor) -> R<()> {
        if self.started {
            return Err("`trace` header must come first".to_string());
        }
        self.started = true;
        c.keyword("trace")?;
        self.trace.id = trace_id(c)?;
        self.trace.kind = match c.expect_word("`loop`, `bridge` or `entry`")? {
            "loop" => TraceKind::Loop,
            "entry" => TraceKind::Entry,
            "bridge" => {
                let trace = trace_id(c)?;
                c.expect('.')?;
                let exit = ExitId(index(c, 'g', "an exit id")?);
                TraceKind::Bridge {
                    parent: ExitRef { trace, exit },
                }
            }
            other => return Err(format!("unknown trace kind `{other}`")),
        };
        Ok(())
    }

    fn descr(&mut self, c: &mut Cursor) -> R<()> {
        if !self.trace.ops.is_empty() {
            return Err("descriptors must come before the ops".to_string());
        }
        self.started = true;
        c.keyword("descr")?;
        let id = index(c, 'd', "a descriptor id")?;
        if id as usize != self.trace.descrs.len() {
            return Err(format!("expected descriptor d{}", self.trace.descrs.len()));
        }
        c.expect('=')?;
        let d = match c.expect_word("a descriptor kind")? {
            "field" => {
                let name = c.name()?;
                let offset = u32_key(c, "offset")?;
                let size = u8_key(c, "size")?;
                let (ty, signed) = memory_type(c)?;
                Descr::Field(FieldDescr {
                    name,
                    offset,
                    ty,
                    size,
                    signed,
                })
            }
            "array" => {
                let name = c.name()?;
                let base_offset = u32_key(c, "base")?;
                let item_size = u8_key(c, "item")?;
                let (ty, signed) = memory_type(c)?;
                let len_offset = u32_key(c, "len")?;
                let header = c.key_u64("header")?;
                Descr::Array(ArrayDescr {
                    name,
                    base_offset,
                    item_size,
                    ty,
                    signed,
                    len_offset,
                    header,
                })
            }
            "size" => {
                let name = c.name()?;
                let size = u32_key(c, "size")?;
                let header = c.key_u64("header")?;
                Descr::Size(SizeDescr { name, size, header })
            }
            "call" => {
                let name = c.name()?;
                let args = type_list(c)?;
                if !c.eat_str("->") {
                    return Err("expected `->`".to_string());
                }
                let result = type_word(c)?;
                let mut effects = Effects::NONE;
                if c.peek_word() == Some("effects") {
                    c.keyword("effects")?;
                    c.expect('=')?;
                    loop {
                        let e = c.expect_word("an effect")?;
                        if e != "none" && !effects.set_by_name(e) {
                            return Err(format!("unknown effect `{e}`"));
                        }
                        if !c.eat('|') {
                            break;
                        }
                    }
                }
                Descr::Call(CallDescr {
                    name,
                    args,
                    result,
                    effects,
                })
            }
            "target" => {
                let trace = trace_id(c)?;
                let args = type_list(c)?;
                Descr::Target(TargetDescr { trace, args })
            }
            other => return Err(format!("unknown descriptor kind `{other}`")),
        };
        self.trace.descrs.push(d);
        Ok(())
    }

    fn inputs(&mut self, c: &mut Cursor) -> R<()> {
        if self.has_inputs || !self.trace.ops.is_empty() {
            return Err("the input list must come once, before the ops".to_string());
        }
        self.started = true;
        self.has_inputs = true;
        if c.eat(']') {
            return Ok(());
        }
        loop {
            let name = c.expect_word("an input name")?;
            let ty = name_type(name)?;
            let r = OpRef::value(ty, self.trace.inputs.len() as u32);
            self.define(name, r)?;
            self.trace.inputs.push(ty);
            if c.eat(']') {
                return Ok(());
            }
            c.expect(',')?;
        }
    }

    fn op(&mut self, c: &mut Cursor) -> R<()> {
        if !self.trace.snapshots.is_empty() {
            return Err("ops must come before the snapshots".to_string());
        }
        self.started = true;
        let first = c.expect_word("an op")?;
        let (result, opname) = if c.eat('=') {
            (Some(first), c.expect_word("an op")?)
        } else {
            (None, first)
        };
        let opcode = Opcode::from_name(opname).ok_or_else(|| format!("unknown op `{opname}`"))?;
        let mut op = Op::new(opcode, &[]);
        c.expect('(')?;
        if !c.eat(')') {
            loop {
                if c.peek_word() == Some("descr") {
                    c.keyword("descr")?;
                    c.expect('=')?;
                    op.descr = Some(DescrId(index(c, 'd', "a descriptor id")?));
                } else if op.descr.is_some() {
                    return Err("`descr=` must be the last operand".to_string());
                } else {
                    let r = self.operand(c)?;
                    op.args.push(r);
                }
                if c.eat(')') {
                    break;
                }
                c.expect(',')?;
            }
        }
        if c.eat('[') {
            op.snapshot = Some(SnapId(index(c, 's', "a snapshot id")?));
            c.expect(']')?;
        }
        if !c.at_end() {
            op.exit = Some(ExitId(index(c, 'g', "an exit id")?));
        }
        let r = OpRef::value(opcode.result_type(), self.trace.num_values() as u32);
        match result {
            Some(_) if opcode.result_type() == Type::Void => {
                return Err(format!("`{opname}` has no result"));
            }
            Some(name) => {
                if name_type(name)? != r.ty() {
                    return Err(format!(
                        "`{name}` is named as {}, `{opname}` gives {}",
                        name_type(name)?,
                        r.ty()
                    ));
                }
                self.define(name, r)?;
            }
            None => {}
        }
        self.trace.ops.push(op);
        Ok(())
    }

    fn snapshot(&mut self, c: &mut Cursor) -> R<()> {
        c.keyword("snapshot")?;
        let id = index(c, 's', "a snapshot id")?;
        if id as usize != self.trace.snapshots.len() {
            return Err(format!("expected snapshot s{}", self.trace.snapshots.len()));
        }
        self.trace.snapshots.push(Snapshot::default());
        Ok(())
    }

    fn current_snapshot(&mut self) -> R<&mut Snapshot> {
        self.trace
            .snapshots
            .last_mut()
            .ok_or_else(|| "no `snapshot` line before this one".to_string())
    }

    fn frame(&mut self, c: &mut Cursor) -> R<()> {
        c.keyword("frame")?;
        let code = c.key_u64("code")?;
        let pc = u32_key(c, "pc")?;
        c.expect('[')?;
        let slots = self.snap_list(c, ']')?;
        self.current_snapshot()?
            .frames
            .push(FrameSnapshot { code, pc, slots });
        Ok(())
    }

    fn virtual_object(&mut self, c: &mut Cursor) -> R<()> {
        c.keyword("virtual")?;
        let id = index(c, 'v', "a virtual id")?;
        let expected = self.current_snapshot()?.virtuals.len();
        if id as usize != expected {
            return Err(format!("expected virtual v{expected}"));
        }
        c.expect('=')?;
        let v = match c.expect_word("`new` or `array`")? {
            "new" => {
                let descr = DescrId(index(c, 'd', "a descriptor id")?);
                c.expect('{')?;
                let mut fields = Vec::new();
                if !c.eat('}') {
                    loop {
                        let d = DescrId(index(c, 'd', "a field descriptor id")?);
                        c.expect(':')?;
                        fields.push((d, self.snap_value(c)?));
                        if c.eat('}') {
                            break;
                        }
                        c.expect(',')?;
                    }
                }
                VirtualObject::Struct { descr, fields }
            }
            "array" => {
                let descr = DescrId(index(c, 'd', "a descriptor id")?);
                c.expect('[')?;
                VirtualObject::Array {
                    descr,
                    items: self.snap_list(c, ']')?,
                }
            }
            other => return Err(format!("unknown virtual kind `{other}`")),
        };
        self.current_snapshot()?.virtuals.push(v);
        Ok(())
    }

    fn pending_write(&mut self, c: &mut Cursor) -> R<()> {
        c.keyword("write")?;
        let target = self.snap_value(c)?;
        c.expect('.')?;
        let descr = DescrId(index(c, 'd', "a descriptor id")?);
        let index = if c.eat('[') {
            let i = self.snap_value(c)?;
            c.expect(']')?;
            Some(i)
        } else {
            None
        };
        c.expect('=')?;
        let value = self.snap_value(c)?;
        self.current_snapshot()?.pending_writes.push(PendingWrite {
            target,
            descr,
            index,
            value,
        });
        Ok(())
    }

    /// Values up to `close` (consumed), comma-separated.
    fn snap_list(&mut self, c: &mut Cursor, close: char) -> R<Vec<SnapValue>> {
        let mut out = Vec::new();
        if c.eat(close) {
            return Ok(out);
        }
        loop {
            out.push(self.snap_value(c)?);
            if c.eat(close) {
                return Ok(out);
            }
            c.expect(',')?;
        }
    }

    fn snap_value(&mut self, c: &mut Cursor) -> R<SnapValue> {
        if c.eat('-') {
            return Ok(SnapValue::Empty);
        }
        if let Some(w) = c.peek_word() {
            if let Some(i) = parse_index(w, 'v') {
                c.word();
                return Ok(SnapValue::Virtual(VirtualId(i)));
            }
            if let Some(k) = const_literal(c)? {
                return Ok(SnapValue::Const(k));
            }
        }
        Ok(SnapValue::Value(self.value(c)?))
    }

    fn operand(&mut self, c: &mut Cursor) -> R<OpRef> {
        match const_literal(c)? {
            Some(k) => {
                let consts = &mut self.trace.consts;
                let slot = *self.const_slots.entry(k).or_insert_with(|| {
                    consts.push(k);
                    (consts.len() - 1) as u32
                });
                Ok(OpRef::constant(k.ty, slot))
            }
            None => self.value(c),
        }
    }

    fn value(&mut self, c: &mut Cursor) -> R<OpRef> {
        let name = c.expect_word("a value")?;
        self.names
            .get(name)
            .copied()
            .ok_or_else(|| format!("unknown value `{name}`"))
    }

    fn define(&mut self, name: &str, r: OpRef) -> R<()> {
        if self.names.insert(name.to_string(), r).is_some() {
            return Err(format!("value `{name}` defined twice"));
        }
        Ok(())
    }
}

/// `ConstInt(..)`, `ConstFloat(..)` or `ConstPtr(..)` if one comes next.
fn const_literal(c: &mut Cursor) -> R<Option<Const>> {
    let ty = match c.peek_word() {
        Some("ConstInt") => Type::Int,
        Some("ConstFloat") => Type::Float,
        Some("ConstPtr") => Type::Ref,
        _ => return Ok(None),
    };
    c.word();
    c.expect('(')?;
    let tok = c.token();
    let k = match ty {
        Type::Int => tok.parse::<i64>().ok().map(Const::int),
        Type::Float if tok.starts_with("0x") => parse_u64(tok).map(|bits| Const { ty, bits }),
        Type::Float => tok.parse::<f64>().ok().map(Const::float),
        _ => parse_u64(tok).map(Const::ptr),
    };
    let k = k.ok_or_else(|| format!("bad {ty} constant `{tok}`"))?;
    c.expect(')')?;
    Ok(Some(k))
}

fn name_type(name: &str) -> R<Type> {
    name.chars()
        .next()
        .and_then(Type::from_prefix)
        .ok_or_else(|| format!("value name `{name}` must start with i, f or p"))
}

fn index(c: &mut Cursor, prefix: char, what: &str) -> R<u32> {
    let w = c.expect_word(what)?;
    parse_index(w, prefix).ok_or_else(|| format!("expected {what}, found `{w}`"))
}

fn trace_id(c: &mut Cursor) -> R<TraceId> {
    index(c, 'T', "a trace id").map(TraceId)
}

fn type_word(c: &mut Cursor) -> R<Type> {
    let w = c.expect_word("a type")?;
    Type::from_keyword(w).ok_or_else(|| format!("unknown type `{w}`"))
}

fn memory_type(c: &mut Cursor) -> R<(Type, bool)> {
    let ty = type_word(c)?;
    let signed = c.peek_word() == Some("signed");
    if signed {
        c.word();
    }
    Ok((ty, signed))
}

fn type_list(c: &mut Cursor) -> R<Vec<Type>> {
    c.expect('(')?;
    let mut out = Vec::new();
    if c.eat(')') {
        return Ok(out);
    }
    loop {
        out.push(type_word(c)?);
        if c.eat(')') {
            return Ok(out);
        }
        c.expect(',')?;
    }
}

fn u32_key(c: &mut Cursor, key: &str) -> R<u32> {
    let v = c.key_u64(key)?;
    u32::try_from(v).map_err(|_| format!("`{key}` {v} is too large"))
}

fn u8_key(c: &mut Cursor, key: &str) -> R<u8> {
    let v = c.key_u64(key)?;
    u8::try_from(v).map_err(|_| format!("`{key}` {v} is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::print;

    const SAMPLE: &str = "\
trace T3 bridge T1.g4
descr d0 = field Float.value offset=16 size=8 float
descr d1 = field \"odd, name\" offset=8 size=4 int signed
descr d2 = array List.items base=16 item=8 ref len=8 header=0x12
descr d3 = size Float size=24 header=0x7
descr d4 = call helper (int, float) -> ref effects=can_raise|may_force
descr d5 = target T1 (ref, int)
descr d6 = call noop () -> void
[p0, i1, f2]
i3 = int_add_ovf(i1, ConstInt(-1))
guard_no_overflow() [s0] g0
f5 = getfield_gc_f(p0, descr=d0)
p6 = call_r(ConstInt(4096), i3, ConstFloat(1e300), descr=d4)
guard_no_exception() [s1] g1
i8 = float_lt(f5, ConstFloat(0x7ff8000000000001))
setfield_gc(p0, i3, descr=d1)
jump(p6, i3, descr=d5)
snapshot s0
  frame code=0x7f00 pc=12 [p0, i1, -, v0]
  frame code=0x7f08 pc=0 []
  virtual v0 = new d3 {d0: f2, d1: ConstInt(3)}
  virtual v1 = array d2 [ConstPtr(0x0), p0]
  write p0.d1 = i3
  write v1.d2[ConstInt(1)] = p0
snapshot s1
  frame code=0x1 pc=2 [p6]
";

    #[test]
    fn parses_and_reprints_exactly() {
        let t = parse(SAMPLE).unwrap();
        assert_eq!(t.id, TraceId(3));
        assert_eq!(t.descrs.len(), 7);
        assert_eq!(t.inputs, [Type::Ref, Type::Int, Type::Float]);
        assert_eq!(t.ops.len(), 8);
        assert_eq!(t.snapshots[0].virtuals.len(), 2);
        assert_eq!(print(&t), SAMPLE);
        assert_eq!(parse(&print(&t)).unwrap(), t);
    }

    #[test]
    fn free_names_and_comments() {
        let t = parse(
            "# a comment\n[i_n, f_x]\nlabel(i_n, f_x)  # header\ni_m = int_sub(i_n, ConstInt(1))\njump(i_m, f_x)\n",
        )
        .unwrap();
        assert_eq!(t.id, TraceId(0));
        assert_eq!(t.ops[1].args[0], OpRef::value(Type::Int, 0));
        assert_eq!(t.op_text(2), "jump(i3, f1)");
    }

    #[test]
    fn reports_errors_with_lines() {
        let err = |text: &str| parse(text).unwrap_err();
        assert_eq!(err("[i0]\ni1 = int_add(i0, i9)").line, 2);
        assert!(err("[i0]\ni1 = int_add(i0, i9)")
            .message
            .contains("unknown value `i9`"));
        assert!(err("[i0]\nf1 = int_add(i0, i0)")
            .message
            .contains("gives int"));
        assert!(err("[i0, i0]").message.contains("defined twice"));
        assert!(err("i1 = frobnicate()").message.contains("unknown op"));
        assert!(err("descr d1 = size S size=8 header=0")
            .message
            .contains("expected descriptor d0"));
        assert!(err("[i0]\nguard_true(i0) [s0] g0 extra")
            .message
            .contains("unexpected"));
        assert!(err("frame code=0 pc=0 []")
            .message
            .contains("no `snapshot`"));
        assert!(err("[f0]\nguard_true(ConstFloat(x))")
            .message
            .contains("bad float constant"));
        assert!(err("descr d0 = field \"abc offset=1")
            .message
            .contains("unterminated"));
    }
}
