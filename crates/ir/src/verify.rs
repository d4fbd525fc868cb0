//! [`verify`]: the structural and type rules every trace obeys between passes, and that
//! backends and the IR interpreter rely on.

use std::collections::HashSet;
use std::fmt;

use crate::descr::{Descr, MAX_CALL_ARGS};
use crate::opcode::{DescrUse, Opcode, Operands};
use crate::snapshot::{SnapValue, Snapshot, VirtualObject};
use crate::trace::{Op, Trace, TraceKind};
use crate::types::{OpRef, Type};

/// Why a trace is malformed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    /// The offending op's index, if the problem is in one op.
    pub op: Option<usize>,
    /// What is wrong (naming the op's text when there is one).
    pub message: String,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.op {
            Some(n) => write!(f, "op {n}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for VerifyError {}

/// Checks `trace`:
/// - SSA: every operand is defined before its use; a `label` hides everything but its
///   operands (distinct, non-constant) from the ops after it; constants are in the pool;
/// - arity and operand types per the op table; descriptor presence and kind; memory and
///   call types agree with their descriptors; call arity within [`MAX_CALL_ARGS`];
/// - `guard_value`'s, `guard_class`'s, `guard_not_invalidated`'s and
///   `debug_merge_point`'s constant operands are constants;
/// - guards have a snapshot and an exit, other ops no snapshot, and only guards and
///   `finish` (which must have one) an exit; exit ids are unique; snapshot values are
///   visible at their guard, virtual objects and pending writes are well-formed;
/// - each `_ovf` op is directly followed by `guard_no_overflow` / `guard_overflow`, and
///   those directly follow an `_ovf` op;
/// - a loop starts with a `label`; the last op, and only it, is `jump` or `finish`; a
///   `jump`'s operand types match its target label's.
pub fn verify(trace: &Trace) -> Result<(), VerifyError> {
    Verifier::new(trace).run()
}

struct Verifier<'a> {
    trace: &'a Trace,
    /// For each value, the label region it was defined in (+1; 0 = not yet defined).
    defined_in: Vec<u32>,
    region: u32,
}

type R = Result<(), String>;

impl<'a> Verifier<'a> {
    fn new(trace: &'a Trace) -> Verifier<'a> {
        let mut defined_in = vec![0; trace.num_values()];
        defined_in[..trace.inputs.len()].fill(1);
        Verifier {
            trace,
            defined_in,
            region: 1,
        }
    }

    fn run(mut self) -> Result<(), VerifyError> {
        let whole = |message: String| VerifyError { op: None, message };
        self.check_tables().map_err(whole)?;
        let t = self.trace;
        let Some(last) = t.ops.last() else {
            return Err(whole("empty trace".to_string()));
        };
        if !last.opcode.is_final() {
            return Err(whole("the last op must be `jump` or `finish`".to_string()));
        }
        if t.kind == TraceKind::Loop && t.loop_label().is_none() {
            return Err(whole("a loop needs a `label`".to_string()));
        }
        let mut exits = HashSet::new();
        for n in 0..t.ops.len() {
            self.check_op(n, &mut exits).map_err(|m| VerifyError {
                op: Some(n),
                message: format!("`{}`: {m}", t.op_text(n)),
            })?;
        }
        Ok(())
    }

    fn check_tables(&self) -> R {
        if let Some(k) = self.trace.inputs.iter().position(|&t| t == Type::Void) {
            return Err(format!("input {k} is void"));
        }
        for (i, d) in self.trace.descrs.iter().enumerate() {
            d.check().map_err(|m| format!("descriptor d{i}: {m}"))?;
        }
        Ok(())
    }

    fn check_op(&mut self, n: usize, exits: &mut HashSet<u32>) -> R {
        let t = self.trace;
        let op = &t.ops[n];
        let code = op.opcode;
        if code.is_final() && n + 1 != t.ops.len() {
            return Err("only the last op may end the trace".to_string());
        }
        for &r in op.args.iter() {
            self.check_ref(r)?;
        }
        self.check_operands(op)?;
        self.check_descr(op)?;
        self.check_exit(op, exits)?;
        self.check_special(n, op)?;
        if code == Opcode::Label {
            self.region += 1;
            for &r in op.args.iter() {
                self.defined_in[r.index() as usize] = self.region;
            }
        }
        if op.result_type() != Type::Void {
            self.defined_in[t.inputs.len() + n] = self.region;
        }
        Ok(())
    }

    fn check_ref(&self, r: OpRef) -> R {
        if r.ty() == Type::Void {
            return Err(format!("`{r}` is void"));
        }
        if r.is_const() {
            return match self.trace.konst(r) {
                Some(_) => Ok(()),
                None => Err(format!("`{r}` is not in the constant pool")),
            };
        }
        if self.trace.def(r).is_none() {
            return Err(format!("`{r}` is not a value of this trace"));
        }
        match self.defined_in[r.index() as usize] {
            0 => Err(format!("`{r}` is used before its definition")),
            d if d != self.region => Err(format!("`{r}` is hidden by a later `label`")),
            _ => Ok(()),
        }
    }

    fn descr(&self, op: &Op) -> Option<&'a Descr> {
        op.descr.and_then(|d| self.trace.descr(d))
    }

    fn check_operands(&self, op: &Op) -> R {
        match op.opcode.operands() {
            Operands::Fixed(types) => {
                if op.args.len() != types.len() {
                    return Err(format!(
                        "takes {} operands, has {}",
                        types.len(),
                        op.args.len()
                    ));
                }
                for (i, (&r, at)) in op.args.iter().zip(types).enumerate() {
                    if !at.accepts(r.ty()) {
                        return Err(format!("operand {i} is {}, expected {at:?}", r.ty()));
                    }
                }
                Ok(())
            }
            Operands::Variadic => Ok(()),
            Operands::Call => {
                let Some((func, args)) = op.args.split_first() else {
                    return Err("a call needs a function address".to_string());
                };
                if func.ty() != Type::Int {
                    return Err("the function address must be an int".to_string());
                }
                let Some(call) = self.descr(op).and_then(Descr::as_call) else {
                    return Ok(()); // reported by check_descr
                };
                if args.len() > MAX_CALL_ARGS {
                    return Err(format!(
                        "{} call arguments, at most {MAX_CALL_ARGS}",
                        args.len()
                    ));
                }
                let tys: Vec<Type> = args.iter().map(|r| r.ty()).collect();
                if tys != call.args {
                    return Err(format!("arguments {tys:?} do not match {:?}", call.args));
                }
                if call.result != op.result_type() {
                    return Err(format!("the descriptor returns {}", call.result));
                }
                Ok(())
            }
        }
    }

    fn check_descr(&self, op: &Op) -> R {
        let want = op.opcode.descr_use();
        let d = match (op.descr, want) {
            (None, DescrUse::None | DescrUse::OptionalTarget) => return Ok(()),
            (Some(_), DescrUse::None) => return Err("takes no descriptor".to_string()),
            (None, _) => return Err(format!("needs a {want:?} descriptor")),
            (Some(id), _) => self
                .trace
                .descr(id)
                .ok_or_else(|| format!("no descriptor {id}"))?,
        };
        let kind_ok = matches!(
            (want, d),
            (DescrUse::Field, Descr::Field(_))
                | (DescrUse::Array, Descr::Array(_))
                | (DescrUse::Size, Descr::Size(_))
                | (DescrUse::Call, Descr::Call(_))
                | (DescrUse::OptionalTarget, Descr::Target(_))
        );
        if !kind_ok {
            return Err(format!(
                "needs a {want:?} descriptor, has a {}",
                d.kind_name()
            ));
        }
        let mem_ty = match d {
            Descr::Field(f) => f.ty,
            Descr::Array(a) => a.ty,
            _ => return Ok(()),
        };
        use Opcode::*;
        let checked = match op.opcode {
            SetfieldGc | SetfieldRaw => Some(op.args[1].ty()),
            SetarrayitemGc | SetarrayitemRaw => Some(op.args[2].ty()),
            ArraylenGc | NewArray => None,
            _ => Some(op.result_type()),
        };
        match checked {
            Some(ty) if ty != mem_ty => Err(format!("accesses {ty}, the descriptor says {mem_ty}")),
            _ => Ok(()),
        }
    }

    fn check_exit(&self, op: &Op, exits: &mut HashSet<u32>) -> R {
        let code = op.opcode;
        match (op.exit, code.has_exit()) {
            (Some(e), true) => {
                if !exits.insert(e.0) {
                    return Err(format!("exit {e} is used twice"));
                }
            }
            (None, true) => return Err("needs an exit id".to_string()),
            (Some(_), false) => return Err("takes no exit id".to_string()),
            (None, false) => {}
        }
        match (op.snapshot, code.is_guard()) {
            (Some(s), true) => {
                let snap = self
                    .trace
                    .snapshot(s)
                    .ok_or_else(|| format!("no snapshot {s}"))?;
                self.check_snapshot(snap)
                    .map_err(|m| format!("snapshot {s}: {m}"))
            }
            (None, true) => Err("a guard needs a snapshot".to_string()),
            (Some(_), false) => Err("only guards have snapshots".to_string()),
            (None, false) => Ok(()),
        }
    }

    fn check_snapshot(&self, s: &Snapshot) -> R {
        for v in s.values() {
            self.check_snap_value(s, v)?;
        }
        for (i, v) in s.virtuals.iter().enumerate() {
            match v {
                VirtualObject::Struct { descr, fields } => {
                    self.descr_of(*descr, "size", |d| d.as_size().is_some())?;
                    for (fd, value) in fields {
                        let f = self.descr_of(*fd, "field", |d| d.as_field().is_some())?;
                        let ty = f.as_field().map(|f| f.ty);
                        self.check_stored(s, value, ty)
                            .map_err(|m| format!("v{i}: {m}"))?;
                    }
                }
                VirtualObject::Array { descr, items } => {
                    let a = self.descr_of(*descr, "array", |d| d.as_array().is_some())?;
                    let ty = a.as_array().map(|a| a.ty);
                    for value in items {
                        self.check_stored(s, value, ty)
                            .map_err(|m| format!("v{i}: {m}"))?;
                    }
                }
            }
        }
        for w in &s.pending_writes {
            let d = self.descr_of(w.descr, "field or array", |d| {
                d.as_field().is_some() || d.as_array().is_some()
            })?;
            let ty = match (d, &w.index) {
                (Descr::Field(f), None) => f.ty,
                (Descr::Array(a), Some(index)) => {
                    if snap_type(s, index) != Some(Type::Int) {
                        return Err("a pending array write needs an int index".to_string());
                    }
                    a.ty
                }
                _ => return Err("a pending write has an index iff it writes an array".to_string()),
            };
            if snap_type(s, &w.target).is_none() {
                return Err("a pending write needs a target".to_string());
            }
            self.check_stored(s, &w.value, Some(ty))?;
        }
        Ok(())
    }

    fn descr_of(
        &self,
        id: crate::DescrId,
        what: &str,
        ok: impl Fn(&Descr) -> bool,
    ) -> Result<&'a Descr, String> {
        match self.trace.descr(id) {
            Some(d) if ok(d) => Ok(d),
            _ => Err(format!("{id} is not a {what} descriptor")),
        }
    }

    fn check_snap_value(&self, s: &Snapshot, v: &SnapValue) -> R {
        match *v {
            SnapValue::Value(r) if r.is_const() => {
                Err(format!("`{r}` is a constant ref: store it as a constant"))
            }
            SnapValue::Value(r) => self.check_ref(r),
            SnapValue::Const(c) if c.ty == Type::Void => Err("void constant".to_string()),
            SnapValue::Virtual(id) if id.index() >= s.virtuals.len() => {
                Err(format!("no virtual {id}"))
            }
            _ => Ok(()),
        }
    }

    fn check_stored(&self, s: &Snapshot, v: &SnapValue, ty: Option<Type>) -> R {
        match (snap_type(s, v), ty) {
            (Some(got), Some(want)) if got != want => {
                Err(format!("stores a {got} where the descriptor says {want}"))
            }
            _ => Ok(()),
        }
    }

    fn check_special(&self, n: usize, op: &Op) -> R {
        let t = self.trace;
        let code = op.opcode;
        let need_const = |i: usize| -> R {
            match op.args.get(i) {
                Some(r) if !r.is_const() => Err(format!("operand {i} must be a constant")),
                _ => Ok(()),
            }
        };
        if code.is_ovf() {
            let next = t.ops.get(n + 1).map(|o| o.opcode);
            if !matches!(next, Some(Opcode::GuardNoOverflow | Opcode::GuardOverflow)) {
                return Err("must be followed by guard_no_overflow or guard_overflow".to_string());
            }
        }
        match code {
            Opcode::GuardNoOverflow | Opcode::GuardOverflow
                if n == 0 || !t.ops[n - 1].opcode.is_ovf() =>
            {
                return Err("must directly follow an _ovf op".to_string());
            }
            Opcode::GuardValue => {
                if op.args[0].ty() != op.args[1].ty() {
                    return Err("operands have different types".to_string());
                }
                need_const(1)?;
            }
            Opcode::GuardClass => need_const(1)?,
            Opcode::GuardNotInvalidated => need_const(0)?,
            Opcode::DebugMergePoint => {
                need_const(0)?;
                need_const(1)?;
            }
            Opcode::Label => {
                let mut seen = HashSet::new();
                for &r in op.args.iter() {
                    if r.is_const() {
                        return Err(format!("label operand {} is a constant", t.ref_text(r)));
                    }
                    if !seen.insert(r) {
                        return Err(format!("label operand `{r}` appears twice"));
                    }
                }
            }
            Opcode::Jump => {
                let want: Vec<Type> = match op.descr.and_then(|d| t.descr(d)) {
                    Some(Descr::Target(target)) => target.args.clone(),
                    Some(_) => return Ok(()), // reported by check_descr
                    None => match t.loop_label() {
                        Some(l) => t.ops[l].args.types().collect(),
                        None => return Err("no label to jump to".to_string()),
                    },
                };
                let got: Vec<Type> = op.args.types().collect();
                if got != want {
                    return Err(format!("jumps with {got:?} to a label taking {want:?}"));
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// The type of a snapshot value (`Ref` for virtuals; `None` for empty slots).
fn snap_type(s: &Snapshot, v: &SnapValue) -> Option<Type> {
    match v {
        SnapValue::Value(r) => Some(r.ty()),
        SnapValue::Const(c) => Some(c.ty),
        SnapValue::Virtual(id) => (id.index() < s.virtuals.len()).then_some(Type::Ref),
        SnapValue::Empty => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    const HEADER: &str = "\
descr d0 = field F.x offset=8 size=8 int
descr d1 = size S size=16 header=0x1
descr d2 = call h (int) -> int effects=can_raise
descr d3 = target T9 (int)
descr d4 = array A base=16 item=8 float len=8 header=0x2
";

    fn check(body: &str) -> Result<(), VerifyError> {
        let text = format!("{HEADER}{body}");
        verify(&parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}")))
    }

    fn rejects(body: &str, needle: &str) {
        match check(body) {
            Ok(()) => panic!("accepted:\n{body}"),
            Err(e) => assert!(e.to_string().contains(needle), "{e}\nwanted: {needle}"),
        }
    }

    const GOOD: &str = "\
[p0, i1]
label(p0, i1)
i3 = int_add_ovf(i1, ConstInt(1))
guard_no_overflow() [s0] g0
i5 = getfield_gc_i(p0, descr=d0)
p6 = new(descr=d1)
setfield_gc(p6, i5, descr=d0)
i8 = call_i(ConstInt(4096), i5, descr=d2)
guard_no_exception() [s1] g1
guard_value(i8, ConstInt(3)) [s1] g2
f11 = getarrayitem_gc_f(p0, i1, descr=d4)
jump(p0, i3)
snapshot s0
  frame code=0x10 pc=1 [p0, i1, -, v0]
  virtual v0 = new d1 {d0: i1}
snapshot s1
  frame code=0x10 pc=2 [p0, i3, i5, ConstInt(7)]
  write p0.d0 = i5
";

    #[test]
    fn accepts_a_well_formed_loop() {
        check(GOOD).unwrap();
    }

    #[test]
    fn accepts_a_bridge_jumping_to_a_loop() {
        let bridge = "trace T2 bridge T1.g0\n";
        verify(
            &parse(&format!(
                "{bridge}{HEADER}[i0]\ni1 = int_sub(i0, ConstInt(1))\njump(i1, descr=d3)\n"
            ))
            .unwrap(),
        )
        .unwrap();
        verify(&parse(&format!("{bridge}[i0]\nfinish(i0, ConstFloat(1.5)) g0\n")).unwrap())
            .unwrap();
    }

    #[test]
    fn rejects_ssa_violations() {
        let mut t = parse(&format!(
            "{HEADER}[i0]\nlabel(i0)\ni2 = int_add(i0, i0)\ni3 = int_add(i0, i0)\njump(i3)"
        ))
        .unwrap();
        t.ops[1].args[0] = t.op_ref(2);
        let e = verify(&t).unwrap_err();
        assert!(e.to_string().contains("before its definition"), "{e}");
        rejects(
            "[i0, i1]\nlabel(i0)\ni2 = int_add(i1, i0)\njump(i2)",
            "hidden by a later `label`",
        );
        rejects("[i0]\nlabel(i0, i0)\njump(i0, i0)", "appears twice");
        check("[i0]\nlabel(i0)\njump(ConstInt(1))\n").unwrap();
    }

    #[test]
    fn rejects_structure_errors() {
        rejects("[i0]\ni1 = int_add(i0, i0)\njump(i1)", "needs a `label`");
        rejects("[i0]\nlabel(i0)\ni1 = int_add(i0, i0)", "last op");
        rejects("[i0]\nlabel(i0)\njump(i0)\njump(i0)", "only the last op");
        rejects("[i0]\nlabel(i0)\njump(i0, i0)", "jumps with");
        rejects("[f0]\nlabel(f0)\njump(f0, descr=d3)", "jumps with");
    }

    #[test]
    fn rejects_type_and_arity_errors() {
        rejects(
            "[i0, f1]\nlabel(i0, f1)\ni2 = int_add(i0, f1)\njump(i2, f1)",
            "operand 1 is float",
        );
        rejects(
            "[i0]\nlabel(i0)\ni1 = int_neg(i0, i0)\njump(i1)",
            "takes 1 operands",
        );
        rejects(
            "[p0]\nlabel(p0)\nf1 = getfield_gc_f(p0, descr=d0)\njump(p0)",
            "descriptor says int",
        );
        rejects(
            "[p0]\nlabel(p0)\nsetfield_gc(p0, p0, descr=d0)\njump(p0)",
            "accesses ref",
        );
        rejects(
            "[p0]\nlabel(p0)\ni1 = getfield_gc_i(p0, descr=d1)\njump(p0)",
            "has a size",
        );
        rejects(
            "[p0]\nlabel(p0)\ni1 = getfield_gc_i(p0)\njump(p0)",
            "needs a Field",
        );
        rejects(
            "[p0]\nlabel(p0)\ni1 = int_neg(ConstInt(1), descr=d0)\njump(p0)",
            "takes no descriptor",
        );
        rejects(
            "[i0]\nlabel(i0)\ni1 = call_i(ConstInt(1), ConstFloat(1.0), descr=d2)\njump(i0)",
            "do not match",
        );
        rejects(
            "[i0]\nlabel(i0)\nf1 = call_f(ConstInt(1), i0, descr=d2)\njump(i0)",
            "returns int",
        );
    }

    #[test]
    fn rejects_guard_errors() {
        rejects(
            "[i0]\nlabel(i0)\nguard_true(i0) g0\njump(i0)",
            "needs a snapshot",
        );
        rejects(
            "[i0]\nlabel(i0)\nguard_true(i0) [s0] g0\njump(i0)",
            "no snapshot s0",
        );
        rejects(
            "[i0]\nlabel(i0)\ni1 = int_add(i0, i0) g0\njump(i0)",
            "takes no exit",
        );
        rejects(
            "[i0]\nlabel(i0)\nguard_true(i0) [s0] g0\nguard_false(i0) [s0] g0\njump(i0)\nsnapshot s0\n",
            "used twice",
        );
        rejects(
            "[i0]\nlabel(i0)\nguard_true(i0) [s0] g0\ni2 = int_neg(i0)\njump(i0)\nsnapshot s0\n  frame code=0x0 pc=0 [i2]\n",
            "before its definition",
        );
        rejects(
            "[i0]\nlabel(i0)\nguard_true(i0) [s0] g0\njump(i0)\nsnapshot s0\n  frame code=0x0 pc=0 [v0]\n",
            "no virtual v0",
        );
        rejects(
            "[i0]\nlabel(i0)\nguard_true(i0) [s0] g0\njump(i0)\nsnapshot s0\n  virtual v0 = new d0 {}\n",
            "not a size descriptor",
        );
        rejects(
            "[i0]\nlabel(i0)\nguard_true(i0) [s0] g0\njump(i0)\nsnapshot s0\n  write i0.d4 = ConstFloat(1.0)\n",
            "index iff",
        );
        rejects(
            "[i0]\nlabel(i0)\nguard_value(i0, i0) [s0] g0\njump(i0)\nsnapshot s0\n",
            "must be a constant",
        );
    }

    #[test]
    fn rejects_misplaced_overflow_guards() {
        rejects(
            "[i0]\nlabel(i0)\ni1 = int_add_ovf(i0, i0)\njump(i1)",
            "must be followed",
        );
        rejects(
            "[i0]\nlabel(i0)\ni1 = int_add(i0, i0)\nguard_no_overflow() [s0] g0\njump(i1)\nsnapshot s0\n",
            "must directly follow",
        );
    }
}
