//! Assignment, augmented-assignment and deletion targets.

use super::expr::{binop, inplace};
use super::{Compiler, Ctx};
use crate::bytecode::Op;
use crate::errors::CResult;
use rustpython_parser::ast::{self, Ranged};

/// How CPython names an expression kind in "cannot assign to ..." messages.
pub(crate) fn expr_name(e: &ast::Expr) -> &'static str {
    use ast::Expr as E;
    match e {
        E::Attribute(_) => "attribute",
        E::Subscript(_) => "subscript",
        E::Starred(_) => "starred",
        E::Name(_) => "name",
        E::List(_) => "list",
        E::Tuple(_) => "tuple",
        E::Lambda(_) => "lambda",
        E::Call(_) => "function call",
        E::BoolOp(_) | E::BinOp(_) | E::UnaryOp(_) => "expression",
        E::GeneratorExp(_) => "generator expression",
        E::Yield(_) | E::YieldFrom(_) => "yield expression",
        E::Await(_) => "await expression",
        E::ListComp(_) => "list comprehension",
        E::SetComp(_) => "set comprehension",
        E::DictComp(_) => "dict comprehension",
        E::Dict(_) => "dict literal",
        E::Set(_) => "set display",
        E::JoinedStr(_) | E::FormattedValue(_) => "f-string expression",
        E::Constant(c) => match c.value {
            ast::Constant::None => "None",
            ast::Constant::Bool(true) => "True",
            ast::Constant::Bool(false) => "False",
            ast::Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        E::Compare(_) => "comparison",
        E::IfExp(_) => "conditional expression",
        E::NamedExpr(_) => "named expression",
        E::Slice(_) => "slice",
    }
}

impl<'a> Compiler<'a> {
    /// Stores TOS into an assignment target (pops it).
    pub(crate) fn store_target(&mut self, t: &'a ast::Expr) -> CResult<()> {
        let saved = self.unit().loc;
        self.set_loc(t.range());
        let r = self.store_target_inner(t);
        self.unit().loc = saved;
        r
    }

    fn store_target_inner(&mut self, t: &'a ast::Expr) -> CResult<()> {
        use ast::Expr as E;
        match t {
            E::Name(n) => {
                self.check_forbidden_name(&n.id, n.range)?;
                self.name_op(&n.id, Ctx::Store);
            }
            E::Attribute(a) => {
                self.check_forbidden_name(&a.attr, a.range)?;
                self.expr(&a.value)?;
                self.set_attr_loc(a);
                let i = self.attr_name(&a.attr);
                self.emit(Op::StoreAttr, i);
            }
            E::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::StoreSubscr, 0);
            }
            E::Tuple(ast::ExprTuple { elts, .. }) | E::List(ast::ExprList { elts, .. }) => {
                self.unpack(elts, t)?;
                for e in elts {
                    match e {
                        E::Starred(s) => self.store_target(&s.value)?,
                        _ => self.store_target(e)?,
                    }
                }
            }
            E::Starred(s) => {
                return self.error(
                    "starred assignment target must be in a list or tuple",
                    s.range,
                )
            }
            other => {
                let msg = if self.bare_yield(other) {
                    "assignment to yield expression not possible".to_string()
                } else {
                    format!("cannot assign to {}", expr_name(other))
                };
                return self.error(msg, other.range());
            }
        }
        Ok(())
    }

    /// A `yield` expression written without parentheses (CPython words assignments to it
    /// differently).
    fn bare_yield(&self, e: &ast::Expr) -> bool {
        let start = e.range().start().to_usize();
        let before = self.sm.text().get(..start).unwrap_or("");
        matches!(e, ast::Expr::Yield(_) | ast::Expr::YieldFrom(_))
            && self.sm.slice(e.range()).starts_with("yield")
            && !before.trim_end().ends_with('(')
    }

    /// `__debug__` cannot be bound.
    pub(crate) fn check_forbidden_name(
        &self,
        name: &str,
        range: rustpython_parser::text_size::TextRange,
    ) -> CResult<()> {
        if name == "__debug__" {
            return self.error("cannot assign to __debug__", range);
        }
        Ok(())
    }

    fn unpack(&mut self, elts: &'a [ast::Expr], whole: &ast::Expr) -> CResult<()> {
        let mut star = None;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e, ast::Expr::Starred(_)) {
                if star.is_some() {
                    return self.error("multiple starred expressions in assignment", whole.range());
                }
                star = Some(i);
            }
        }
        match star {
            Some(i) => {
                let after = elts.len() - i - 1;
                if i >= 256 || after >= (1 << 24) {
                    return self.error(
                        "too many expressions in star-unpacking assignment",
                        whole.range(),
                    );
                }
                self.emit(Op::UnpackEx, i as u32 | (after as u32) << 8);
            }
            None => self.emit(Op::UnpackSequence, elts.len() as u32),
        }
        Ok(())
    }

    /// `del target`.
    pub(crate) fn delete_target(&mut self, t: &'a ast::Expr) -> CResult<()> {
        let saved = self.unit().loc;
        self.set_loc(t.range());
        let r = self.delete_target_inner(t);
        self.unit().loc = saved;
        r
    }

    fn delete_target_inner(&mut self, t: &'a ast::Expr) -> CResult<()> {
        use ast::Expr as E;
        match t {
            E::Name(n) => self.name_op(&n.id, Ctx::Del),
            E::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_attr_loc(a);
                let i = self.attr_name(&a.attr);
                self.emit(Op::DeleteAttr, i);
            }
            E::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::DeleteSubscr, 0);
            }
            E::Tuple(ast::ExprTuple { elts, .. }) | E::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete_target(e)?;
                }
            }
            other => {
                return self.error(format!("cannot delete {}", expr_name(other)), other.range())
            }
        }
        Ok(())
    }

    /// `target op= value`.
    pub(crate) fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult<()> {
        let op = inplace(binop(a.op)) as u32;
        use ast::Expr as E;
        match a.target.as_ref() {
            E::Name(n) => {
                let saved = self.unit().loc;
                self.set_loc(n.range);
                self.name_op(&n.id, Ctx::Load);
                self.unit().loc = saved;
                self.expr(&a.value)?;
                self.emit(Op::BinaryOp, op);
                self.set_loc(n.range);
                self.name_op(&n.id, Ctx::Store);
            }
            E::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Op::Copy, 1);
                let saved = self.unit().loc;
                self.set_loc(at.range);
                self.set_attr_loc(at);
                let i = self.attr_name(&at.attr);
                self.emit(Op::LoadAttr, i);
                self.unit().loc = saved;
                self.expr(&a.value)?;
                self.emit(Op::BinaryOp, op);
                self.emit(Op::Swap, 2);
                self.set_loc(at.range);
                self.set_attr_loc(at);
                self.emit(Op::StoreAttr, i);
            }
            E::Subscript(s) => {
                let saved = self.unit().loc;
                self.set_loc(s.range);
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::Copy, 2);
                self.emit(Op::Copy, 2);
                self.emit(Op::BinarySubscr, 0);
                self.unit().loc = saved;
                self.expr(&a.value)?;
                self.emit(Op::BinaryOp, op);
                self.set_loc(s.range);
                self.emit(Op::Swap, 3);
                self.emit(Op::Swap, 2);
                self.emit(Op::StoreSubscr, 0);
            }
            other => {
                return self.error(
                    format!(
                        "'{}' is an illegal expression for augmented assignment",
                        expr_name(other)
                    ),
                    other.range(),
                )
            }
        }
        Ok(())
    }
}
