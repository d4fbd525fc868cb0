//! Nested code objects: functions, lambdas, classes and comprehensions.
//!
//! Function annotations are evaluated (as strings under `from __future__ import
//! annotations`) into a dict passed to `MakeFunction` (flag 4), in CPython's order: regular
//! parameters, positional-only, `*args`, keyword-only, `**kwargs`, `return`.

use super::{docstring_of, Compiler, Ctx, UnitKind};
use crate::bytecode::{flags, CodeObject, Const, Op};
use crate::errors::{CResult, CompileError};
use crate::symtable::CompKind;
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextRange;
use std::rc::Rc;

impl<'a> Compiler<'a> {
    /// Pushes the defaults tuple and kw-defaults dict; returns the `MakeFunction` flags.
    fn defaults(&mut self, args: &'a ast::Arguments) -> CResult<u32> {
        let mut fl = 0;
        let pos: Vec<&'a ast::Expr> = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !pos.is_empty() {
            for d in &pos {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple, pos.len() as u32);
            fl |= 1;
        }
        let mut nkw = 0;
        for a in &args.kwonlyargs {
            if let Some(d) = &a.default {
                let name = self.mangle(&a.def.arg);
                self.load_const(Const::Str(Rc::from(name.as_str())));
                self.expr(d)?;
                nkw += 1;
            }
        }
        if nkw > 0 {
            self.emit(Op::BuildMap, nkw);
            fl |= 2;
        }
        Ok(fl)
    }

    /// Pushes the annotations dict if any; returns the `MakeFunction` flag.
    fn annotations(
        &mut self,
        args: &'a ast::Arguments,
        returns: Option<&'a ast::Expr>,
    ) -> CResult<u32> {
        let mut n = 0;
        let ordered = args
            .args
            .iter()
            .map(|a| &a.def)
            .chain(args.posonlyargs.iter().map(|a| &a.def))
            .chain(args.vararg.as_deref())
            .chain(args.kwonlyargs.iter().map(|a| &a.def))
            .chain(args.kwarg.as_deref());
        for a in ordered {
            if let Some(ann) = &a.annotation {
                let name = self.mangle(&a.arg);
                self.load_const(Const::Str(Rc::from(name.as_str())));
                self.annotation(ann)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Const::Str(Rc::from("return")));
            self.annotation(r)?;
            n += 1;
        }
        if n > 0 {
            self.emit(Op::BuildMap, n);
            Ok(4)
        } else {
            Ok(0)
        }
    }

    fn set_arg_counts(&mut self, args: &ast::Arguments) {
        let u = self.unit();
        u.posonlyargcount = args.posonlyargs.len() as u32;
        u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        u.kwonlyargcount = args.kwonlyargs.len() as u32;
        if args.vararg.is_some() {
            u.extra_flags |= flags::VARARGS;
        }
        if args.kwarg.is_some() {
            u.extra_flags |= flags::VARKEYWORDS;
        }
    }

    fn scope_of_node<T>(&self, node: &T, range: TextRange) -> CResult<usize> {
        self.table.scope_for(node).ok_or_else(|| {
            CompileError::new("internal compiler error: missing symbol table", range)
        })
    }

    fn first_line(&self, range: TextRange, decorators: &[ast::Expr]) -> u32 {
        let start = decorators
            .first()
            .map_or(range.start(), |d| d.range().start().min(range.start()));
        self.sm.line_col(start.to_usize()).0
    }

    /// `def` / `async def`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn function_def<T>(
        &mut self,
        node: &'a T,
        name: &'a str,
        args: &'a ast::Arguments,
        body: &'a [ast::Stmt],
        decorators: &'a [ast::Expr],
        returns: Option<&'a ast::Expr>,
        is_async: bool,
        range: TextRange,
    ) -> CResult<()> {
        for d in decorators {
            self.expr(d)?;
        }
        self.set_loc(range);
        let mut fl = self.defaults(args)?;
        fl |= self.annotations(args, returns)?;
        let scope = self.scope_of_node(node, range)?;
        let firstlineno = self.first_line(range, decorators);
        let private = self.unit().private.clone();
        let kind = if is_async {
            UnitKind::AsyncFunction
        } else {
            UnitKind::Function
        };
        self.enter_unit(kind, scope, name, firstlineno, private);
        self.set_arg_counts(args);
        let mut rest = body;
        if let Some(doc) = docstring_of(body) {
            self.unit().docstring = Some(doc);
            rest = &body[1..];
        }
        let r = self.stmts(rest);
        if let Err(e) = r {
            self.units.pop();
            return Err(e);
        }
        if let Some(last) = body.last() {
            self.set_loc(last.range());
        }
        self.return_none();
        let code = self.exit_unit();
        self.set_loc(range);
        self.make_closure(code, fl, range)?;
        for d in decorators.iter().rev() {
            self.set_loc(d.range());
            self.emit(Op::Call, 1);
        }
        self.set_loc(range);
        self.name_op(name, Ctx::Store);
        Ok(())
    }

    /// Pushes the closure tuple (if needed), the code and `MakeFunction`.
    fn make_closure(&mut self, code: Rc<CodeObject>, mut fl: u32, range: TextRange) -> CResult<()> {
        if !code.freevars.is_empty() {
            for name in code.freevars.iter() {
                let Some(slot) = self.deref_slot(name) else {
                    return self.error(
                        format!("internal compiler error: no cell for free variable '{name}'"),
                        range,
                    );
                };
                self.emit(Op::LoadClosure, slot);
            }
            self.emit(Op::BuildTuple, code.freevars.len() as u32);
            fl |= 8;
        }
        self.load_const(Const::Code(code));
        self.emit(Op::MakeFunction, fl);
        Ok(())
    }

    /// `lambda`.
    pub(crate) fn lambda(&mut self, l: &'a ast::ExprLambda) -> CResult<()> {
        let fl = self.defaults(&l.args)?;
        let scope = self.scope_of_node(l, l.range)?;
        let line = self.sm.line_col(l.range.start().to_usize()).0;
        let private = self.unit().private.clone();
        self.enter_unit(UnitKind::Lambda, scope, "<lambda>", line, private);
        self.set_arg_counts(&l.args);
        if let Err(e) = self.expr(&l.body) {
            self.units.pop();
            return Err(e);
        }
        if self.table.scopes[scope].is_generator {
            self.emit(Op::PopTop, 0);
            self.return_none();
        } else {
            self.emit(Op::ReturnValue, 0);
        }
        let code = self.exit_unit();
        self.make_closure(code, fl, l.range)
    }

    /// `class`.
    pub(crate) fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult<()> {
        for d in &c.decorator_list {
            self.expr(d)?;
        }
        for b in &c.bases {
            if let ast::Expr::GeneratorExp(g) = b {
                let text = self.sm.slice(g.range);
                if !(text.starts_with('(') && text.ends_with(')')) {
                    let elt_end = g.elt.range().end().to_usize() - g.range.start().to_usize();
                    let at = text
                        .get(elt_end..)
                        .and_then(|t| t.find("for"))
                        .map_or(0, |i| i + elt_end);
                    let pos = g.range.start().to_usize() + at;
                    return Err(CompileError::at("invalid syntax", pos));
                }
            }
        }
        self.set_loc(c.range);
        self.emit(Op::LoadBuildClass, 0);
        let scope = self.scope_of_node(c, c.range)?;
        let firstlineno = self.first_line(c.range, &c.decorator_list);
        self.enter_unit(
            UnitKind::Class,
            scope,
            &c.name,
            firstlineno,
            Some(c.name.to_string()),
        );
        let r = self.class_body(c);
        if let Err(e) = r {
            self.units.pop();
            return Err(e);
        }
        let code = self.exit_unit();
        self.set_loc(c.range);
        self.make_closure(code, 0, c.range)?;
        self.load_const(Const::Str(Rc::from(c.name.as_str())));
        self.call_helper(2, &c.bases, &c.keywords)?;
        for d in c.decorator_list.iter().rev() {
            self.set_loc(d.range());
            self.emit(Op::Call, 1);
        }
        self.set_loc(c.range);
        self.name_op(&c.name, Ctx::Store);
        Ok(())
    }

    fn class_body(&mut self, c: &'a ast::StmtClassDef) -> CResult<()> {
        self.set_loc(c.range);
        let i = self.add_name("__name__");
        self.emit(Op::LoadName, i);
        let i = self.add_name("__module__");
        self.emit(Op::StoreName, i);
        let q = self.unit().qualname.clone();
        self.load_const(Const::Str(q));
        let i = self.add_name("__qualname__");
        self.emit(Op::StoreName, i);
        self.body_with_docstring(&c.body, true)?;
        if let Some(last) = c.body.last() {
            self.set_loc(last.range());
        }
        let sid = self.unit().scope;
        if self.table.scopes[sid].needs_class_closure {
            let slot = self.deref_slot("__class__").unwrap_or(0);
            self.emit(Op::LoadClosure, slot);
            self.emit(Op::Copy, 1);
            let i = self.add_name("__classcell__");
            self.emit(Op::StoreName, i);
            self.emit(Op::ReturnValue, 0);
        } else {
            self.return_none();
        }
        Ok(())
    }

    /// List/set/dict comprehensions and generator expressions: a nested function called with
    /// the iterator of the first `for`.
    pub(crate) fn comprehension<T: Ranged>(
        &mut self,
        node: &'a T,
        gens: &'a [ast::Comprehension],
        elt: &'a ast::Expr,
        value: Option<&'a ast::Expr>,
    ) -> CResult<()> {
        let range = node.range();
        let scope = self.scope_of_node(node, range)?;
        let kind = self.table.scopes[scope]
            .comprehension
            .unwrap_or(CompKind::Gen);
        let is_async = self.table.scopes[scope].is_coroutine;
        let outer = self.unit().kind;
        if let ast::Expr::Starred(s) = elt {
            return self.error(
                "iterable unpacking cannot be used in comprehension",
                s.range,
            );
        }
        if is_async
            && kind != CompKind::Gen
            && !matches!(outer, UnitKind::AsyncFunction | UnitKind::Comprehension)
        {
            return self.error(
                "asynchronous comprehension outside of an asynchronous function",
                range,
            );
        }
        let Some(first) = gens.first() else {
            return self.error("invalid syntax", range);
        };
        let line = self.sm.line_col(range.start().to_usize()).0;
        let private = self.unit().private.clone();
        self.enter_unit(
            UnitKind::Comprehension,
            scope,
            kind.code_name(),
            line,
            private,
        );
        self.unit().argcount = 1;
        match kind {
            CompKind::List => self.emit(Op::BuildList, 0),
            CompKind::Set => self.emit(Op::BuildSet, 0),
            CompKind::Dict => self.emit(Op::BuildMap, 0),
            CompKind::Gen => {}
        }
        if let Err(e) = self.comprehension_generator(gens, 0, elt, value, kind, range) {
            self.units.pop();
            return Err(e);
        }
        self.set_loc(range);
        if kind == CompKind::Gen {
            self.return_none();
        } else {
            self.emit(Op::ReturnValue, 0);
        }
        let code = self.exit_unit();
        self.make_closure(code, 0, range)?;
        self.expr(&first.iter)?;
        self.set_loc(range);
        self.emit(
            if first.is_async {
                Op::GetAIter
            } else {
                Op::GetIter
            },
            0,
        );
        self.emit(Op::Call, 1);
        if is_async && kind != CompKind::Gen {
            self.emit(Op::GetAwaitable, 0);
            self.load_const(Const::None);
            self.yield_from_loop();
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        i: usize,
        elt: &'a ast::Expr,
        value: Option<&'a ast::Expr>,
        kind: CompKind,
        comp: TextRange,
    ) -> CResult<()> {
        // CPython locates the loop's own instructions at the whole comprehension.
        let g = &gens[i];
        let start = self.new_label();
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if i == 0 {
            self.emit(Op::LoadFast, 0);
        } else {
            self.expr(&g.iter)?;
            self.set_loc(comp);
            self.emit(
                if g.is_async {
                    Op::GetAIter
                } else {
                    Op::GetIter
                },
                0,
            );
        }
        self.set_loc(comp);
        self.bind(start);
        if g.is_async {
            self.push_handler(anchor, false, 0);
            self.emit(Op::GetANext, 0);
            self.load_const(Const::None);
            self.yield_from_loop();
            self.pop_handler();
        } else {
            self.emit_jump(Op::ForIter, anchor);
        }
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, if_cleanup)?;
        }
        if i + 1 < gens.len() {
            self.comprehension_generator(gens, i + 1, elt, value, kind, comp)?;
        } else {
            let depth = gens.len() as u32 + 1;
            match kind {
                CompKind::Gen => {
                    self.expr(elt)?;
                    self.emit(Op::YieldValue, 0);
                    self.emit(Op::PopTop, 0);
                }
                CompKind::List => {
                    self.expr(elt)?;
                    self.emit(Op::ListAppend, depth);
                }
                CompKind::Set => {
                    self.expr(elt)?;
                    self.emit(Op::SetAdd, depth);
                }
                CompKind::Dict => {
                    self.expr(elt)?;
                    if let Some(v) = value {
                        self.expr(v)?;
                    }
                    self.emit(Op::MapAdd, depth);
                }
            }
        }
        self.bind(if_cleanup);
        self.set_loc(comp);
        self.emit_jump(Op::JumpBackward, start);
        self.bind(anchor);
        if g.is_async {
            self.emit(Op::EndAsyncFor, 0);
        }
        Ok(())
    }
}
