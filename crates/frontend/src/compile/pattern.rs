//! `match` statements, following CPython 3.11's pattern compiler: each pattern consumes its
//! subject; captured values are kept on the stack (below `on_top` items still in use) and
//! stored only when the whole case matched; on failure, a jump to `fail_pop[n]` pops the
//! `n` items pushed so far.

use super::{Compiler, Ctx, Label};
use crate::bytecode::{BinOp, CmpOp, Const, Op};
use crate::errors::CResult;
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextRange;
use std::rc::Rc;

/// State of one case's pattern compilation (CPython's `pattern_context`).
#[derive(Clone, Default)]
struct PatternCtx {
    /// Names captured so far, in stack order.
    stores: Vec<String>,
    /// Whether an irrefutable pattern is allowed here.
    allow_irrefutable: bool,
    /// `fail_pop[i]` pops `i` items and falls through to `fail_pop[i - 1]`.
    fail_pop: Vec<Label>,
    /// Items on top of the stack that must stay above captures.
    on_top: usize,
}

fn is_wildcard(p: &ast::Pattern) -> bool {
    matches!(p, ast::Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_wildcard_star(p: &ast::Pattern) -> bool {
    matches!(p, ast::Pattern::MatchStar(s) if s.name.is_none())
}

impl<'a> Compiler<'a> {
    /// `match subject: case ...`.
    pub(crate) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult<()> {
        self.expr(&m.subject)?;
        let end = self.new_label();
        let cases = m.cases.len();
        let Some(last) = m.cases.last() else {
            return self.error("invalid syntax", m.range);
        };
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        for (i, case) in m
            .cases
            .iter()
            .enumerate()
            .take(cases - has_default as usize)
        {
            self.set_loc(case.pattern.range());
            let last_real = i == cases - has_default as usize - 1;
            if !last_real {
                self.emit(Op::Copy, 1);
            }
            let mut pc = PatternCtx {
                allow_irrefutable: case.guard.is_some() || i == cases - 1,
                ..Default::default()
            };
            self.pattern(&case.pattern, &mut pc)?;
            for name in &pc.stores {
                self.name_op(name, Ctx::Store);
            }
            if let Some(g) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(g, false, target)?;
            }
            if !last_real {
                self.emit(Op::PopTop, 0);
            }
            self.stmts(&case.body)?;
            self.emit_jump(Op::Jump, end);
            self.set_loc(case.pattern.range());
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            self.set_loc(last.pattern.range());
            if cases == 1 {
                self.emit(Op::PopTop, 0);
            } else {
                self.emit(Op::Nop, 0);
            }
            if let Some(g) = &last.guard {
                self.jump_if(g, false, end)?;
            }
            self.stmts(&last.body)?;
        }
        self.bind(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternCtx, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternCtx, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(op, pc.fail_pop[pops]);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternCtx) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for i in (1..pc.fail_pop.len()).rev() {
            self.bind(pc.fail_pop[i]);
            self.emit(Op::PopTop, 0);
        }
        self.bind(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit(Op::Swap, count as u32);
            count -= 1;
        }
    }

    fn store_capture(
        &mut self,
        name: Option<&str>,
        pc: &mut PatternCtx,
        range: TextRange,
    ) -> CResult<()> {
        let Some(n) = name else {
            self.emit(Op::PopTop, 0);
            return Ok(());
        };
        self.check_forbidden_name(n, range)?;
        if pc.stores.iter().any(|s| s == n) {
            return self.error(
                format!("multiple assignments to name '{n}' in pattern"),
                range,
            );
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(n.to_string());
        Ok(())
    }

    fn subpattern(&mut self, p: &'a ast::Pattern, pc: &mut PatternCtx) -> CResult<()> {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn pattern(&mut self, p: &'a ast::Pattern, pc: &mut PatternCtx) -> CResult<()> {
        self.set_loc(p.range());
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => {
                let ok = match v.value.as_ref() {
                    ast::Expr::Constant(_) | ast::Expr::Attribute(_) => true,
                    ast::Expr::UnaryOp(u) => u.op == ast::UnaryOp::USub,
                    ast::Expr::BinOp(b) => matches!(b.op, ast::Operator::Add | ast::Operator::Sub),
                    _ => false,
                };
                if !ok {
                    return self.error(
                        "patterns may only match literals and attribute lookups",
                        v.range,
                    );
                }
                self.expr(&v.value)?;
                self.emit(Op::CompareOp, CmpOp::Eq as u32);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            P::MatchSingleton(s) => {
                self.load_const(super::expr::to_const(&s.value));
                self.emit(Op::IsOp, 0);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            P::MatchSequence(s) => self.pattern_sequence(&s.patterns, pc, s.range)?,
            P::MatchMapping(m) => self.pattern_mapping(m, pc)?,
            P::MatchClass(c) => self.pattern_class(c, pc)?,
            P::MatchStar(s) => self.store_capture(s.name.as_deref(), pc, s.range)?,
            P::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return match &a.name {
                            Some(n) => self.error(
                                format!("name capture '{n}' makes remaining patterns unreachable"),
                                a.range,
                            ),
                            None => {
                                self.error("wildcard makes remaining patterns unreachable", a.range)
                            }
                        };
                    }
                    self.store_capture(a.name.as_deref(), pc, a.range)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Op::Copy, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_capture(a.name.as_deref(), pc, a.range)?;
                }
            },
            P::MatchOr(o) => self.pattern_or(&o.patterns, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(
        &mut self,
        patterns: &'a [ast::Pattern],
        pc: &mut PatternCtx,
        range: TextRange,
    ) -> CResult<()> {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p, ast::Pattern::MatchStar(_)) {
                if star.is_some() {
                    return self.error("multiple starred names in sequence pattern", range);
                }
                star_wildcard = is_wildcard_star(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.emit(Op::MatchSequence, 0);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        match star {
            None => {
                self.emit(Op::GetLen, 0);
                self.load_const(Const::Int(size as i64));
                self.emit(Op::CompareOp, CmpOp::Eq as u32);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                self.emit(Op::GetLen, 0);
                self.load_const(Const::Int(size as i64 - 1));
                self.emit(Op::CompareOp, CmpOp::Ge as u32);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Op::PopTop, 0);
        } else if star_wildcard {
            self.sequence_subscr(patterns, star.unwrap_or(usize::MAX), pc)?;
        } else {
            self.sequence_unpack(patterns, pc, range)?;
        }
        Ok(())
    }

    fn sequence_unpack(
        &mut self,
        patterns: &'a [ast::Pattern],
        pc: &mut PatternCtx,
        range: TextRange,
    ) -> CResult<()> {
        let n = patterns.len();
        match patterns
            .iter()
            .position(|p| matches!(p, ast::Pattern::MatchStar(_)))
        {
            Some(i) => {
                if i >= 256 || n - i > (1 << 23) {
                    return self.error(
                        "too many expressions in star-unpacking sequence pattern",
                        range,
                    );
                }
                self.emit(Op::UnpackEx, (i | (n - i - 1) << 8) as u32);
            }
            None => self.emit(Op::UnpackSequence, n as u32),
        }
        pc.on_top += n;
        for p in patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn sequence_subscr(
        &mut self,
        patterns: &'a [ast::Pattern],
        star: usize,
        pc: &mut PatternCtx,
    ) -> CResult<()> {
        pc.on_top += 1;
        let size = patterns.len();
        for (i, p) in patterns.iter().enumerate() {
            if is_wildcard(p) || i == star {
                continue;
            }
            self.emit(Op::Copy, 1);
            if i < star {
                self.load_const(Const::Int(i as i64));
            } else {
                self.emit(Op::GetLen, 0);
                self.load_const(Const::Int((size - i) as i64));
                self.emit(Op::BinaryOp, BinOp::Sub as u32);
            }
            self.emit(Op::BinarySubscr, 0);
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Op::PopTop, 0);
        Ok(())
    }

    fn pattern_mapping(
        &mut self,
        m: &'a ast::PatternMatchMapping,
        pc: &mut PatternCtx,
    ) -> CResult<()> {
        let size = m.keys.len();
        if size != m.patterns.len() {
            return self.error("invalid syntax", m.range);
        }
        pc.on_top += 1;
        self.emit(Op::MatchMapping, 0);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        if size == 0 && m.rest.is_none() {
            pc.on_top -= 1;
            self.emit(Op::PopTop, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Op::GetLen, 0);
            self.load_const(Const::Int(size as i64));
            self.emit(Op::CompareOp, CmpOp::Ge as u32);
            self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        }
        let mut seen: Vec<Const> = Vec::new();
        for key in &m.keys {
            match key {
                ast::Expr::Constant(c) => {
                    let k = super::expr::to_const(&c.value);
                    if seen.contains(&k) {
                        let shown = crate::dis::const_repr(&k);
                        return self.error(
                            format!("mapping pattern checks duplicate key ({shown})"),
                            m.range,
                        );
                    }
                    seen.push(k);
                }
                ast::Expr::Attribute(_) => {}
                ast::Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => {}
                ast::Expr::BinOp(b) if matches!(b.op, ast::Operator::Add | ast::Operator::Sub) => {}
                _ => {
                    return self.error(
                        "mapping pattern keys may only match literals and attribute lookups",
                        key.range(),
                    )
                }
            }
            self.expr(key)?;
        }
        self.set_loc(m.range);
        self.emit(Op::BuildTuple, size as u32);
        self.emit(Op::MatchKeys, 0);
        pc.on_top += 2;
        self.emit(Op::Copy, 1);
        self.load_const(Const::None);
        self.emit(Op::IsOp, 1);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        self.emit(Op::UnpackSequence, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in &m.patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        match &m.rest {
            Some(rest) => {
                // [subject, keys] → [rest]
                self.emit(Op::CopyDictWithoutKeys, 0);
                self.emit(Op::Swap, 2);
                self.emit(Op::PopTop, 0);
                self.store_capture(Some(rest), pc, m.range)?;
            }
            None => {
                self.emit(Op::PopTop, 0);
                self.emit(Op::PopTop, 0);
            }
        }
        Ok(())
    }

    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternCtx) -> CResult<()> {
        let nargs = c.patterns.len();
        let nattrs = c.kwd_attrs.len();
        if nattrs != c.kwd_patterns.len() {
            return self.error("invalid syntax", c.range);
        }
        for (i, a) in c.kwd_attrs.iter().enumerate() {
            self.check_forbidden_name(a, c.range)?;
            if c.kwd_attrs[..i].iter().any(|b| b.as_str() == a.as_str()) {
                let r = c.kwd_patterns.get(i).map_or(c.range, |p| p.range());
                return self.error(format!("attribute name repeated in class pattern: {a}"), r);
            }
        }
        self.expr(&c.cls)?;
        let names: Vec<Const> = c
            .kwd_attrs
            .iter()
            .map(|a| Const::Str(Rc::from(a.as_str())))
            .collect();
        self.load_const(Const::Tuple(names.into()));
        self.emit(Op::MatchClass, nargs as u32);
        self.emit(Op::Copy, 1);
        self.load_const(Const::None);
        self.emit(Op::IsOp, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        let total = nargs + nattrs;
        self.emit(Op::UnpackSequence, total as u32);
        pc.on_top += total;
        pc.on_top -= 1;
        for p in c.patterns.iter().chain(&c.kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Op::PopTop, 0);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, alts: &'a [ast::Pattern], pc: &mut PatternCtx) -> CResult<()> {
        let end = self.new_label();
        let old = pc.clone();
        let mut control: Option<Vec<String>> = None;
        let n = alts.len();
        for (i, alt) in alts.iter().enumerate() {
            self.set_loc(alt.range());
            let mut sub = PatternCtx {
                stores: Vec::new(),
                allow_irrefutable: i + 1 == n && old.allow_irrefutable,
                fail_pop: Vec::new(),
                on_top: 0,
            };
            self.emit(Op::Copy, 1);
            self.pattern(alt, &mut sub)?;
            match &control {
                None => control = Some(sub.stores.clone()),
                Some(ctl) => {
                    if sub.stores.len() != ctl.len() {
                        return self
                            .error("alternative patterns bind different names", alt.range());
                    }
                    let nstores = ctl.len();
                    for icontrol in (0..nstores).rev() {
                        let name = &ctl[icontrol];
                        let Some(istores) = sub.stores.iter().position(|s| s == name) else {
                            return self
                                .error("alternative patterns bind different names", alt.range());
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = sub.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                sub.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.emit_jump(Op::Jump, end);
            self.emit_and_reset_fail_pop(&mut sub);
        }
        *pc = old;
        self.emit(Op::PopTop, 0);
        self.jump_to_fail_pop(pc, Op::Jump);
        self.bind(end);
        let control = control.unwrap_or_default();
        let nrots = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return self.error(
                    format!("multiple assignments to name '{name}' in pattern"),
                    alts[0].range(),
                );
            }
            pc.stores.push(name);
        }
        self.emit(Op::PopTop, 0);
        Ok(())
    }
}
