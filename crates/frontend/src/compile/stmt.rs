//! Simple statements and the statement dispatcher.

use super::{Compiler, Ctx, UnitKind};
use crate::bytecode::{Const, Op};
use crate::errors::CResult;
use rustpython_parser::ast::{self, Ranged};
use std::rc::Rc;

impl<'a> Compiler<'a> {
    /// Compiles a statement list.
    pub(crate) fn stmts(&mut self, body: &'a [ast::Stmt]) -> CResult<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    /// Compiles one statement.
    pub(crate) fn stmt(&mut self, s: &'a ast::Stmt) -> CResult<()> {
        self.set_loc(s.range());
        use ast::Stmt as S;
        match s {
            S::FunctionDef(ast::StmtFunctionDef {
                type_params,
                name,
                range,
                ..
            })
            | S::AsyncFunctionDef(ast::StmtAsyncFunctionDef {
                type_params,
                name,
                range,
                ..
            }) if !type_params.is_empty() => self.reject_type_params(*range, name, "expected '('"),
            S::ClassDef(c) if !c.type_params.is_empty() => {
                self.reject_type_params(c.range, &c.name, "invalid syntax")
            }
            S::FunctionDef(f) => self.function_def(
                f,
                &f.name,
                &f.args,
                &f.body,
                &f.decorator_list,
                f.returns.as_deref(),
                false,
                f.range,
            ),
            S::AsyncFunctionDef(f) => self.function_def(
                f,
                &f.name,
                &f.args,
                &f.body,
                &f.decorator_list,
                f.returns.as_deref(),
                true,
                f.range,
            ),
            S::ClassDef(c) => self.class_def(c),
            S::Return(r) => self.return_stmt(r),
            S::Delete(d) => d.targets.iter().try_for_each(|t| self.delete_target(t)),
            S::Assign(a) => {
                self.check_assign_here(a)?;
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Op::Copy, 1);
                    }
                    self.store_target(t)?;
                }
                Ok(())
            }
            S::TypeAlias(t) => self.error("invalid syntax", t.name.range()),
            S::AugAssign(a) => self.aug_assign(a),
            S::AnnAssign(a) => self.ann_assign(a),
            S::For(f) => self.for_loop(&f.target, &f.iter, &f.body, &f.orelse, false, f.range),
            S::AsyncFor(f) => self.for_loop(&f.target, &f.iter, &f.body, &f.orelse, true, f.range),
            S::While(w) => self.while_loop(w),
            S::If(i) => self.if_stmt(i),
            S::With(w) => self.with_stmt(&w.items, &w.body, false, w.range),
            S::AsyncWith(w) => self.with_stmt(&w.items, &w.body, true, w.range),
            S::Match(m) => self.match_stmt(m),
            S::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_loc(r.range);
                self.emit(Op::RaiseVarargs, n);
                Ok(())
            }
            S::Try(t) => self.try_stmt(&t.body, &t.handlers, &t.orelse, &t.finalbody, false),
            S::TryStar(t) => self.try_stmt(&t.body, &t.handlers, &t.orelse, &t.finalbody, true),
            S::Assert(a) => {
                let end = self.new_label();
                self.jump_if(&a.test, true, end)?;
                if let ast::Expr::Compare(c) = a.test.as_ref() {
                    // As in CPython 3.11, the raise that follows a comparison is located
                    // at the comparison (its traceback line underlines it).
                    self.set_loc(c.range);
                }
                self.emit(Op::LoadAssertionError, 0);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Op::Call, 1);
                }
                self.emit(Op::RaiseVarargs, 1);
                self.bind(end);
                Ok(())
            }
            S::Import(i) => {
                for a in &i.names {
                    self.set_loc(i.range);
                    self.load_const(Const::Int(0));
                    self.load_const(Const::None);
                    let ni = self.add_name(&a.name);
                    self.emit(Op::ImportName, ni);
                    match &a.asname {
                        Some(asname) => {
                            let parts: Vec<&str> = a.name.split('.').collect();
                            for (k, part) in parts.iter().enumerate().skip(1) {
                                let pi = self.add_name(part);
                                self.emit(Op::ImportFrom, pi);
                                if k + 1 < parts.len() {
                                    self.emit(Op::Swap, 2);
                                    self.emit(Op::PopTop, 0);
                                }
                            }
                            if parts.len() > 1 {
                                self.name_op(asname, Ctx::Store);
                                self.emit(Op::PopTop, 0);
                            } else {
                                self.name_op(asname, Ctx::Store);
                            }
                        }
                        None => {
                            let first = a.name.split('.').next().unwrap_or("");
                            self.name_op(first, Ctx::Store);
                        }
                    }
                }
                Ok(())
            }
            S::ImportFrom(i) => self.import_from(i),
            S::Global(_) | S::Nonlocal(_) => Ok(()),
            S::Expr(e) => {
                if self.interactive && self.unit().kind == UnitKind::Module {
                    self.expr(&e.value)?;
                    self.emit(Op::PrintExpr, 0);
                } else if let ast::Expr::Constant(_) = e.value.as_ref() {
                    self.emit(Op::Nop, 0);
                } else {
                    self.expr(&e.value)?;
                    self.emit(Op::PopTop, 0);
                }
                Ok(())
            }
            S::Pass(_) => {
                self.emit(Op::Nop, 0);
                Ok(())
            }
            S::Break(b) => self.break_stmt(b.range),
            S::Continue(c) => self.continue_stmt(c.range),
        }
    }

    /// Python 3.11 has no type parameters (`def f[T]()`): error at the `[`.
    fn reject_type_params(
        &self,
        range: rustpython_parser::text_size::TextRange,
        name: &str,
        msg: &str,
    ) -> CResult<()> {
        let text = self.sm.slice(range);
        let base = range.start().to_usize();
        let mut pos = base;
        for (i, _) in text.match_indices(name) {
            let rest = &text[i + name.len()..];
            let trimmed = rest.trim_start();
            if trimmed.starts_with('[') {
                pos = base + i + name.len() + (rest.len() - trimmed.len());
                break;
            }
        }
        Err(crate::errors::CompileError::at(msg, pos))
    }

    /// CPython's parser words `f() = 1` (one invalid target, a simple value) as
    /// "cannot assign to function call here. Maybe you meant '==' instead of '='?".
    fn check_assign_here(&self, a: &ast::StmtAssign) -> CResult<()> {
        use ast::Expr as E;
        let [target] = a.targets.as_slice() else {
            return Ok(());
        };
        let bitwise_or = |e: &ast::Expr| {
            !matches!(
                e,
                E::Compare(_)
                    | E::BoolOp(_)
                    | E::IfExp(_)
                    | E::Lambda(_)
                    | E::NamedExpr(_)
                    | E::Starred(_)
                    | E::Yield(_)
                    | E::YieldFrom(_)
            ) && !matches!(e, E::UnaryOp(u) if u.op == ast::UnaryOp::Not)
        };
        let excluded = match target {
            E::Name(_)
            | E::Attribute(_)
            | E::Subscript(_)
            | E::List(_)
            | E::Tuple(_)
            | E::GeneratorExp(_) => true,
            E::Constant(c) => matches!(c.value, ast::Constant::None | ast::Constant::Bool(_)),
            _ => false,
        };
        let value_first = match a.value.as_ref() {
            E::Tuple(t) if !self.sm.slice(t.range).starts_with('(') => t.elts.first(),
            v => Some(v),
        };
        let simple_yield = matches!(target, E::Yield(_) | E::YieldFrom(_));
        if !excluded && (bitwise_or(target) || simple_yield) && value_first.is_some_and(bitwise_or)
        {
            let what = super::target::expr_name(target);
            return self.error(
                format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
                target.range(),
            );
        }
        Ok(())
    }

    fn import_from(&mut self, i: &'a ast::StmtImportFrom) -> CResult<()> {
        let level = i.level.as_ref().map_or(0, |l| l.to_u32());
        self.load_const(Const::Int(level as i64));
        let names: Vec<Const> = i
            .names
            .iter()
            .map(|a| Const::Str(Rc::from(a.name.as_str())))
            .collect();
        self.load_const(Const::Tuple(names.into()));
        let module = i.module.as_deref().unwrap_or("");
        let mi = self.add_name(module);
        self.emit(Op::ImportName, mi);
        if i.names.first().is_some_and(|a| a.name.as_str() == "*") {
            self.emit(Op::ImportStar, 0);
            return Ok(());
        }
        for a in &i.names {
            let ni = self.add_name(&a.name);
            self.emit(Op::ImportFrom, ni);
            let bound = a.asname.as_ref().unwrap_or(&a.name);
            self.name_op(bound, Ctx::Store);
        }
        self.set_loc(i.range);
        self.emit(Op::PopTop, 0);
        Ok(())
    }

    /// The annotation value: the expression, or its source text under
    /// `from __future__ import annotations`.
    pub(crate) fn annotation(&mut self, e: &'a ast::Expr) -> CResult<()> {
        if self.future_annotations {
            let text = self.sm.slice(e.range()).to_string();
            self.load_const(Const::Str(Rc::from(text.as_str())));
            Ok(())
        } else {
            self.expr(e)
        }
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult<()> {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store_target(&a.target)?;
        }
        let module_or_class = matches!(self.unit().kind, UnitKind::Module | UnitKind::Class);
        match a.target.as_ref() {
            ast::Expr::Name(n) => {
                self.check_forbidden_name(&n.id, n.range)?;
                if a.simple && module_or_class {
                    self.annotation(&a.annotation)?;
                    let ai = self.add_name("__annotations__");
                    self.emit(Op::LoadName, ai);
                    let mangled = self.mangle(&n.id);
                    self.load_const(Const::Str(Rc::from(mangled.as_str())));
                    self.emit(Op::StoreSubscr, 0);
                }
            }
            ast::Expr::Attribute(at) => {
                if a.value.is_none() {
                    self.check_ann_expr(&at.value)?;
                }
            }
            ast::Expr::Subscript(s) => {
                if a.value.is_none() {
                    self.check_ann_expr(&s.value)?;
                    self.check_ann_subscr(&s.slice)?;
                }
            }
            other => {
                return self.error(
                    format!(
                        "only single target (not {}) can be annotated",
                        super::target::expr_name(other)
                    ),
                    other.range(),
                )
            }
        }
        if !a.simple && !self.future_annotations && module_or_class {
            self.check_ann_expr(&a.annotation)?;
        }
        Ok(())
    }

    fn check_ann_expr(&mut self, e: &'a ast::Expr) -> CResult<()> {
        self.expr(e)?;
        self.emit(Op::PopTop, 0);
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &'a ast::Expr) -> CResult<()> {
        match e {
            ast::Expr::Slice(s) => {
                for p in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.check_ann_expr(p)?;
                }
                Ok(())
            }
            ast::Expr::Tuple(t) => t.elts.iter().try_for_each(|x| self.check_ann_subscr(x)),
            _ => self.check_ann_expr(e),
        }
    }
}
