//! Expressions.

use super::{Compiler, Ctx, Label, UnitKind};
use crate::bytecode::{BinOp, CmpOp, Const, Location, Op, UnOp};
use crate::errors::CResult;
use num_traits::ToPrimitive;
use rustpython_parser::ast::{self, Ranged};
use std::rc::Rc;

/// Above this many elements, literals are built incrementally to bound stack use.
const STACK_USE_GUIDELINE: usize = 30;

/// The sequence kind built by [`Compiler::starunpack`].
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum SeqKind {
    List,
    Tuple,
    Set,
}

/// Converts a parser constant.
pub(crate) fn to_const(c: &ast::Constant) -> Const {
    match c {
        ast::Constant::None => Const::None,
        ast::Constant::Bool(b) => Const::Bool(*b),
        ast::Constant::Str(s) => Const::Str(Rc::from(s.as_str())),
        ast::Constant::Bytes(b) => Const::Bytes(Rc::from(b.as_slice())),
        ast::Constant::Int(i) => match i.to_i64() {
            Some(v) => Const::Int(v),
            None => Const::BigInt(i.clone()),
        },
        ast::Constant::Tuple(t) => Const::Tuple(t.iter().map(to_const).collect()),
        ast::Constant::Float(f) => Const::Float(*f),
        ast::Constant::Complex { real, imag } => Const::Complex(*real, *imag),
        ast::Constant::Ellipsis => Const::Ellipsis,
    }
}

/// The bytecode operator of an AST operator (plain form).
pub(crate) fn binop(op: ast::Operator) -> BinOp {
    match op {
        ast::Operator::Add => BinOp::Add,
        ast::Operator::Sub => BinOp::Sub,
        ast::Operator::Mult => BinOp::Mul,
        ast::Operator::MatMult => BinOp::MatMul,
        ast::Operator::Div => BinOp::TrueDiv,
        ast::Operator::Mod => BinOp::Mod,
        ast::Operator::Pow => BinOp::Pow,
        ast::Operator::LShift => BinOp::LShift,
        ast::Operator::RShift => BinOp::RShift,
        ast::Operator::BitOr => BinOp::Or,
        ast::Operator::BitXor => BinOp::Xor,
        ast::Operator::BitAnd => BinOp::And,
        ast::Operator::FloorDiv => BinOp::FloorDiv,
    }
}

/// The in-place form of an operator.
pub(crate) fn inplace(op: BinOp) -> BinOp {
    BinOp::ALL[op as usize + 13]
}

fn is_starred(e: &ast::Expr) -> bool {
    matches!(e, ast::Expr::Starred(_))
}

impl<'a> Compiler<'a> {
    /// Compiles an expression, leaving its value on the stack.
    pub(crate) fn expr(&mut self, e: &'a ast::Expr) -> CResult<()> {
        let saved = self.unit().loc;
        self.set_loc(e.range());
        let r = self.expr_inner(e);
        self.unit().loc = saved;
        r
    }

    fn expr_inner(&mut self, e: &'a ast::Expr) -> CResult<()> {
        use ast::Expr as E;
        match e {
            E::BoolOp(b) => {
                let end = self.new_label();
                let op = if b.op == ast::BoolOp::And {
                    Op::JumpIfFalseOrPop
                } else {
                    Op::JumpIfTrueOrPop
                };
                let (last, init) = b
                    .values
                    .split_last()
                    .expect("parser gives two or more operands");
                for v in init {
                    self.expr(v)?;
                    self.emit_jump(op, end);
                }
                self.expr(last)?;
                self.bind(end);
            }
            E::NamedExpr(n) => {
                self.expr(&n.value)?;
                self.emit(Op::Copy, 1);
                self.store_target(&n.target)?;
            }
            E::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Op::BinaryOp, binop(b.op) as u32);
            }
            E::UnaryOp(u) => {
                if u.op == ast::UnaryOp::USub {
                    if let E::Constant(c) = u.operand.as_ref() {
                        if let Some(folded) = fold_neg(&c.value) {
                            self.load_const(folded);
                            return Ok(());
                        }
                    }
                }
                self.expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Invert => UnOp::Invert,
                    ast::UnaryOp::Not => UnOp::Not,
                    ast::UnaryOp::UAdd => UnOp::Pos,
                    ast::UnaryOp::USub => UnOp::Neg,
                };
                self.emit(Op::UnaryOp, op as u32);
            }
            E::Lambda(l) => self.lambda(l)?,
            E::IfExp(i) => {
                let orelse = self.new_label();
                let end = self.new_label();
                self.jump_if(&i.test, false, orelse)?;
                self.expr(&i.body)?;
                self.emit_jump(Op::Jump, end);
                self.bind(orelse);
                self.expr(&i.orelse)?;
                self.bind(end);
            }
            E::Dict(d) => self.dict(d)?,
            E::Set(s) => self.starunpack(&s.elts, 0, SeqKind::Set)?,
            E::List(l) => {
                if l.ctx != ast::ExprContext::Load {
                    return self.error("invalid syntax", l.range);
                }
                self.starunpack(&l.elts, 0, SeqKind::List)?
            }
            E::Tuple(t) => {
                if t.ctx != ast::ExprContext::Load {
                    return self.error("invalid syntax", t.range);
                }
                self.starunpack(&t.elts, 0, SeqKind::Tuple)?
            }
            E::ListComp(c) => self.comprehension(c, &c.generators, &c.elt, None)?,
            E::SetComp(c) => self.comprehension(c, &c.generators, &c.elt, None)?,
            E::DictComp(c) => self.comprehension(c, &c.generators, &c.key, Some(&c.value))?,
            E::GeneratorExp(c) => self.comprehension(c, &c.generators, &c.elt, None)?,
            E::Await(a) => {
                let kind = self.unit().kind;
                if !self.in_function() {
                    return self.error("'await' outside function", a.range);
                }
                if kind != UnitKind::AsyncFunction && kind != UnitKind::Comprehension {
                    return self.error("'await' outside async function", a.range);
                }
                self.expr(&a.value)?;
                self.emit(Op::GetAwaitable, 0);
                self.load_const(Const::None);
                self.yield_from_loop();
            }
            E::Yield(y) => {
                if !self.in_function() {
                    return self.error("'yield' outside function", y.range);
                }
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Const::None),
                }
                self.emit(Op::YieldValue, 0);
            }
            E::YieldFrom(y) => {
                if !self.in_function() {
                    return self.error("'yield' outside function", y.range);
                }
                if self.unit().kind == UnitKind::AsyncFunction {
                    return self.error("'yield from' inside async function", y.range);
                }
                self.expr(&y.value)?;
                self.emit(Op::GetYieldFromIter, 0);
                self.load_const(Const::None);
                self.yield_from_loop();
            }
            E::Compare(c) => self.compare(c)?,
            E::Call(c) => self.call(c)?,
            E::FormattedValue(f) => self.formatted_value(f)?,
            E::JoinedStr(j) => self.joined_str(j)?,
            E::Constant(c) => self.load_const(to_const(&c.value)),
            E::Attribute(a) => {
                if a.ctx != ast::ExprContext::Load {
                    return self.error("invalid syntax", a.range);
                }
                self.expr(&a.value)?;
                self.set_attr_loc(a);
                let i = self.attr_name(&a.attr);
                self.emit(Op::LoadAttr, i);
            }
            E::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::BinarySubscr, 0);
            }
            E::Starred(s) => return self.error("can't use starred expression here", s.range),
            E::Name(n) => self.name_op(&n.id, Ctx::Load),
            E::Slice(s) => {
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.load_const(Const::None),
                    }
                }
                match &s.step {
                    Some(p) => {
                        self.expr(p)?;
                        self.emit(Op::BuildSlice, 3);
                    }
                    None => self.emit(Op::BuildSlice, 2),
                }
            }
        }
        Ok(())
    }

    /// `names` index of a (mangled) attribute name.
    pub(crate) fn attr_name(&mut self, attr: &str) -> u32 {
        let m = self.mangle(attr);
        self.add_name(&m)
    }

    /// CPython 3.11 puts attribute operations on the line of the attribute name.
    pub(crate) fn set_attr_loc(&mut self, a: &ast::ExprAttribute) {
        let loc = self.sm.location(a.range);
        let cur = self.unit().loc;
        if cur.line != loc.end_line {
            let len = a.attr.len() as u32;
            let col = loc.end_col.saturating_sub(len);
            let end_line = cur.end_line.max(loc.end_line);
            let end_col = if end_line == loc.end_line {
                cur.end_col.max(col)
            } else {
                cur.end_col
            };
            self.unit().loc = Location {
                line: loc.end_line,
                end_line,
                col,
                end_col,
            };
        }
    }

    /// The `Send`/`YieldValue` loop of `yield from` and `await`: `[receiver, value]` → `[result]`.
    pub(crate) fn yield_from_loop(&mut self) {
        let start = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        self.emit_jump(Op::Send, exit);
        self.emit(Op::YieldValue, 1);
        self.emit_jump(Op::JumpBackward, start);
        self.bind(exit);
    }

    /// Jumps to `label` if the truth of `e` equals `cond`; falls through otherwise.
    pub(crate) fn jump_if(&mut self, e: &'a ast::Expr, cond: bool, label: Label) -> CResult<()> {
        match e {
            ast::Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                self.jump_if(&u.operand, !cond, label)
            }
            ast::Expr::BoolOp(b) => {
                let is_or = b.op == ast::BoolOp::Or;
                let (last, init) = b
                    .values
                    .split_last()
                    .expect("parser gives two or more operands");
                if is_or != cond {
                    let next = self.new_label();
                    for v in init {
                        self.jump_if(v, is_or, next)?;
                    }
                    self.jump_if(last, cond, label)?;
                    self.bind(next);
                } else {
                    for v in init {
                        self.jump_if(v, cond, label)?;
                    }
                    self.jump_if(last, cond, label)?;
                }
                Ok(())
            }
            _ => {
                self.expr(e)?;
                let saved = self.unit().loc;
                self.set_loc(e.range());
                self.emit_jump(
                    if cond {
                        Op::PopJumpIfTrue
                    } else {
                        Op::PopJumpIfFalse
                    },
                    label,
                );
                self.unit().loc = saved;
                Ok(())
            }
        }
    }

    fn compare_op(&mut self, op: ast::CmpOp) {
        let (o, a) = match op {
            ast::CmpOp::Eq => (Op::CompareOp, CmpOp::Eq as u32),
            ast::CmpOp::NotEq => (Op::CompareOp, CmpOp::Ne as u32),
            ast::CmpOp::Lt => (Op::CompareOp, CmpOp::Lt as u32),
            ast::CmpOp::LtE => (Op::CompareOp, CmpOp::Le as u32),
            ast::CmpOp::Gt => (Op::CompareOp, CmpOp::Gt as u32),
            ast::CmpOp::GtE => (Op::CompareOp, CmpOp::Ge as u32),
            ast::CmpOp::Is => (Op::IsOp, 0),
            ast::CmpOp::IsNot => (Op::IsOp, 1),
            ast::CmpOp::In => (Op::ContainsOp, 0),
            ast::CmpOp::NotIn => (Op::ContainsOp, 1),
        };
        self.emit(o, a);
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> CResult<()> {
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.expr(&c.comparators[0])?;
            self.compare_op(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n - 1 {
            self.expr(&c.comparators[i])?;
            self.emit(Op::Swap, 2);
            self.emit(Op::Copy, 2);
            self.compare_op(c.ops[i]);
            self.emit_jump(Op::JumpIfFalseOrPop, cleanup);
        }
        self.expr(&c.comparators[n - 1])?;
        self.compare_op(c.ops[n - 1]);
        let end = self.new_label();
        self.emit_jump(Op::Jump, end);
        self.bind(cleanup);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopTop, 0);
        self.bind(end);
        Ok(())
    }

    /// Builds a list, tuple or set from `elts` (which may contain `*x`) on top of `pushed`
    /// items already on the stack (CPython's `starunpack_helper`).
    pub(crate) fn starunpack(
        &mut self,
        elts: &'a [ast::Expr],
        pushed: u32,
        kind: SeqKind,
    ) -> CResult<()> {
        let has_star = elts.iter().any(is_starred);
        if kind == SeqKind::Tuple && pushed == 0 && !elts.is_empty() {
            if let Some(c) = const_tuple(elts) {
                self.load_const(c);
                return Ok(());
            }
        }
        if elts.len() > 2 {
            if let Some(Const::Tuple(items)) = const_tuple(elts) {
                // As CPython: more than two constants are loaded as one constant and
                // merged, so a set display's order is that of the folded frozenset.
                let (build, extend, folded) = match kind {
                    SeqKind::Set => (Op::BuildSet, Op::SetUpdate, Const::FrozenSet(items)),
                    _ => (Op::BuildList, Op::ListExtend, Const::Tuple(items)),
                };
                self.emit(build, pushed);
                self.load_const(folded);
                self.emit(extend, 1);
                if kind == SeqKind::Tuple {
                    self.emit(Op::ListToTuple, 0);
                }
                return Ok(());
            }
        }
        let big = elts.len() + pushed as usize > STACK_USE_GUIDELINE;
        let (build, add, extend) = match kind {
            SeqKind::Set => (Op::BuildSet, Op::SetAdd, Op::SetUpdate),
            _ => (Op::BuildList, Op::ListAppend, Op::ListExtend),
        };
        if !has_star && !big {
            for e in elts {
                self.expr(e)?;
            }
            let n = elts.len() as u32 + pushed;
            let op = match kind {
                SeqKind::List => Op::BuildList,
                SeqKind::Tuple => Op::BuildTuple,
                SeqKind::Set => Op::BuildSet,
            };
            self.emit(op, n);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let ast::Expr::Starred(s) = e {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.expr(&s.value)?;
                self.emit(extend, 1);
            } else {
                self.expr(e)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if !built {
            self.emit(build, elts.len() as u32 + pushed);
        }
        if kind == SeqKind::Tuple {
            self.emit(Op::ListToTuple, 0);
        }
        Ok(())
    }

    fn dict(&mut self, d: &'a ast::ExprDict) -> CResult<()> {
        let mut have_dict = false;
        let mut pending: Vec<(&'a ast::Expr, &'a ast::Expr)> = Vec::new();
        for (k, v) in d.keys.iter().zip(&d.values) {
            match k {
                Some(k) => {
                    pending.push((k, v));
                    if pending.len() >= 16 {
                        self.subdict(&mut pending, &mut have_dict)?;
                    }
                }
                None => {
                    if !pending.is_empty() {
                        self.subdict(&mut pending, &mut have_dict)?;
                    }
                    if !have_dict {
                        self.emit(Op::BuildMap, 0);
                        have_dict = true;
                    }
                    self.expr(v)?;
                    self.emit(Op::DictUpdate, 1);
                }
            }
        }
        if !pending.is_empty() {
            self.subdict(&mut pending, &mut have_dict)?;
        }
        if !have_dict {
            self.emit(Op::BuildMap, 0);
        }
        Ok(())
    }

    fn subdict(
        &mut self,
        pending: &mut Vec<(&'a ast::Expr, &'a ast::Expr)>,
        have_dict: &mut bool,
    ) -> CResult<()> {
        let n = pending.len() as u32;
        for (k, v) in pending.drain(..) {
            self.expr(k)?;
            self.expr(v)?;
        }
        self.emit(Op::BuildMap, n);
        if *have_dict {
            self.emit(Op::DictUpdate, 1);
        }
        *have_dict = true;
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> CResult<()> {
        if c.args.len() + c.keywords.len() > 1 {
            for a in &c.args {
                if let ast::Expr::GeneratorExp(g) = a {
                    let text = self.sm.slice(g.range);
                    if !(text.starts_with('(') && text.ends_with(')')) {
                        return self.error("Generator expression must be parenthesized", g.range);
                    }
                }
            }
        }
        if let ast::Expr::Attribute(a) = c.func.as_ref() {
            if a.ctx == ast::ExprContext::Load
                && c.keywords.is_empty()
                && !c.args.iter().any(is_starred)
                && c.args.len() < STACK_USE_GUIDELINE
            {
                self.expr(&a.value)?;
                let saved = self.unit().loc;
                self.set_attr_loc(a);
                let mloc = self.unit().loc;
                self.set_loc(a.range);
                self.set_attr_loc(a);
                let i = self.attr_name(&a.attr);
                self.emit(Op::LoadMethod, i);
                self.unit().loc = saved;
                for arg in &c.args {
                    self.expr(arg)?;
                }
                self.unit().loc = mloc;
                self.emit(Op::CallMethod, c.args.len() as u32);
                self.unit().loc = saved;
                return Ok(());
            }
        }
        self.expr(&c.func)?;
        self.call_helper(0, &c.args, &c.keywords)
    }

    /// Emits the arguments and the call, with `pushed` positional arguments already on the
    /// stack above the callable.
    pub(crate) fn call_helper(
        &mut self,
        pushed: u32,
        args: &'a [ast::Expr],
        kws: &'a [ast::Keyword],
    ) -> CResult<()> {
        let has_star = args.iter().any(is_starred);
        let has_dstar = kws.iter().any(|k| k.arg.is_none());
        let n = args.len() + kws.len() + pushed as usize;
        if !has_star && !has_dstar && n < STACK_USE_GUIDELINE {
            for a in args {
                self.expr(a)?;
            }
            if kws.is_empty() {
                self.emit(Op::Call, n as u32);
            } else {
                let mut names = Vec::new();
                for k in kws {
                    self.expr(&k.value)?;
                    names.push(Const::Str(Rc::from(k.arg.as_deref().unwrap_or(""))));
                }
                self.load_const(Const::Tuple(names.into()));
                self.emit(Op::CallKw, n as u32);
            }
            return Ok(());
        }
        // The general form: an args tuple and a kwargs dict.
        self.starunpack_tuple_force(args, pushed)?;
        if !kws.is_empty() {
            let mut have_dict = false;
            let mut group: Vec<&'a ast::Keyword> = Vec::new();
            for k in kws {
                if k.arg.is_none() {
                    self.kw_group(&mut group, &mut have_dict)?;
                    if !have_dict {
                        self.emit(Op::BuildMap, 0);
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit(Op::DictMerge, 1);
                } else {
                    group.push(k);
                }
            }
            self.kw_group(&mut group, &mut have_dict)?;
            self.emit(Op::CallFunctionEx, 1);
        } else {
            self.emit(Op::CallFunctionEx, 0);
        }
        Ok(())
    }

    /// Positional arguments as one tuple (always a fresh tuple, never a constant).
    fn starunpack_tuple_force(&mut self, args: &'a [ast::Expr], pushed: u32) -> CResult<()> {
        if !args.iter().any(is_starred) && args.len() + (pushed as usize) < STACK_USE_GUIDELINE {
            for a in args {
                self.expr(a)?;
            }
            self.emit(Op::BuildTuple, args.len() as u32 + pushed);
            return Ok(());
        }
        let mut built = false;
        for (i, e) in args.iter().enumerate() {
            if let ast::Expr::Starred(s) = e {
                if !built {
                    self.emit(Op::BuildList, i as u32 + pushed);
                    built = true;
                }
                self.expr(&s.value)?;
                self.emit(Op::ListExtend, 1);
            } else {
                if !built && i as u32 + pushed >= STACK_USE_GUIDELINE as u32 {
                    self.emit(Op::BuildList, i as u32 + pushed);
                    built = true;
                }
                self.expr(e)?;
                if built {
                    self.emit(Op::ListAppend, 1);
                }
            }
        }
        if !built {
            self.emit(Op::BuildList, args.len() as u32 + pushed);
        }
        self.emit(Op::ListToTuple, 0);
        Ok(())
    }

    fn kw_group(&mut self, group: &mut Vec<&'a ast::Keyword>, have_dict: &mut bool) -> CResult<()> {
        if group.is_empty() {
            return Ok(());
        }
        let n = group.len() as u32;
        for k in group.drain(..) {
            self.load_const(Const::Str(Rc::from(k.arg.as_deref().unwrap_or(""))));
            self.expr(&k.value)?;
        }
        self.emit(Op::BuildMap, n);
        if *have_dict {
            self.emit(Op::DictMerge, 1);
        }
        *have_dict = true;
        Ok(())
    }

    fn formatted_value(&mut self, f: &'a ast::ExprFormattedValue) -> CResult<()> {
        self.expr(&f.value)?;
        let conv = match f.conversion {
            ast::ConversionFlag::None => 0,
            ast::ConversionFlag::Str => 1,
            ast::ConversionFlag::Repr => 2,
            ast::ConversionFlag::Ascii => 3,
        };
        let mut arg = conv;
        if let Some(spec) = &f.format_spec {
            self.expr(spec)?;
            arg |= 4;
        }
        self.emit(Op::FormatValue, arg);
        Ok(())
    }

    fn joined_str(&mut self, j: &'a ast::ExprJoinedStr) -> CResult<()> {
        match j.values.as_slice() {
            [] => self.load_const(Const::Str(Rc::from(""))),
            [only @ ast::Expr::Constant(_)] => self.expr(only)?,
            [only @ ast::Expr::FormattedValue(_)] => self.expr(only)?,
            values => {
                for v in values {
                    self.expr(v)?;
                }
                self.emit(Op::BuildString, values.len() as u32);
            }
        }
        Ok(())
    }
}

fn fold_neg(c: &ast::Constant) -> Option<Const> {
    match c {
        ast::Constant::Int(i) => {
            let n = -i.clone();
            Some(match n.to_i64() {
                Some(v) => Const::Int(v),
                None => Const::BigInt(n),
            })
        }
        ast::Constant::Float(f) => Some(Const::Float(-f)),
        ast::Constant::Complex { real, imag } => Some(Const::Complex(-real, -imag)),
        _ => None,
    }
}

/// A tuple of constants folded into one constant, if every element is a constant.
fn const_tuple(elts: &[ast::Expr]) -> Option<Const> {
    let mut out = Vec::with_capacity(elts.len());
    for e in elts {
        out.push(const_expr(e)?);
    }
    Some(Const::Tuple(out.into()))
}

/// The value of an expression CPython's AST optimizer turns into a constant: a literal, a
/// negated number, or a parenthesized tuple of those.
fn const_expr(e: &ast::Expr) -> Option<Const> {
    match e {
        ast::Expr::Constant(c) => Some(to_const(&c.value)),
        ast::Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match u.operand.as_ref() {
            ast::Expr::Constant(c) => fold_neg(&c.value),
            _ => None,
        },
        ast::Expr::Tuple(t) => const_tuple(&t.elts),
        _ => None,
    }
}
