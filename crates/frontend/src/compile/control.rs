//! Control flow: if, loops, try/except/finally, except*, with, and the unwinding done by
//! `return`, `break` and `continue` (CPython's fblock stack).

use super::{Compiler, Ctx, FBlock, UnitKind};
use crate::bytecode::{Const, Op};
use crate::errors::CResult;
use rustpython_parser::ast;
use rustpython_parser::text_size::TextRange;

impl<'a> Compiler<'a> {
    pub(crate) fn if_stmt(&mut self, i: &'a ast::StmtIf) -> CResult<()> {
        let end = self.new_label();
        if i.orelse.is_empty() {
            self.jump_if(&i.test, false, end)?;
            self.stmts(&i.body)?;
        } else {
            let next = self.new_label();
            self.jump_if(&i.test, false, next)?;
            self.stmts(&i.body)?;
            self.emit_jump(Op::Jump, end);
            self.bind(next);
            self.stmts(&i.orelse)?;
        }
        self.bind(end);
        Ok(())
    }

    pub(crate) fn while_loop(&mut self, w: &'a ast::StmtWhile) -> CResult<()> {
        let start = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        self.bind(start);
        let always = matches!(w.test.as_ref(), ast::Expr::Constant(c) if const_truth(&c.value) == Some(true));
        if !always {
            self.jump_if(&w.test, false, orelse)?;
        }
        self.unit().fblocks.push(FBlock::WhileLoop { start, end });
        self.stmts(&w.body)?;
        self.unit().fblocks.pop();
        self.set_loc(w.range);
        self.emit_jump(Op::JumpBackward, start);
        self.bind(orelse);
        self.stmts(&w.orelse)?;
        self.bind(end);
        Ok(())
    }

    pub(crate) fn for_loop(
        &mut self,
        target: &'a ast::Expr,
        iter: &'a ast::Expr,
        body: &'a [ast::Stmt],
        orelse: &'a [ast::Stmt],
        is_async: bool,
        range: TextRange,
    ) -> CResult<()> {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        if is_async && !matches!(self.unit().kind, UnitKind::AsyncFunction) {
            return self.error("'async for' outside async function", range);
        }
        self.expr(iter)?;
        self.set_loc(range);
        if is_async {
            self.emit(Op::GetAIter, 0);
            self.bind(start);
            self.push_handler(cleanup, false, 0);
            self.emit(Op::GetANext, 0);
            self.load_const(Const::None);
            self.yield_from_loop();
            self.pop_handler();
        } else {
            self.emit(Op::GetIter, 0);
            self.bind(start);
            self.emit_jump(Op::ForIter, cleanup);
        }
        self.unit().fblocks.push(FBlock::ForLoop { start, end });
        self.store_target(target)?;
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.set_loc(range);
        self.emit_jump(Op::JumpBackward, start);
        self.bind(cleanup);
        if is_async {
            self.emit(Op::EndAsyncFor, 0);
        }
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    pub(crate) fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> CResult<()> {
        if !self.in_function() {
            return self.error("'return' outside function", r.range);
        }
        let sid = self.unit().scope;
        let st = &self.table.scopes[sid];
        if r.value.is_some() && st.is_generator && st.is_coroutine {
            return self.error("'return' with value in async generator", r.range);
        }
        let preserve = r.value.is_some();
        if let Some(v) = &r.value {
            self.expr(v)?;
        }
        let saved = self.unit().handler_stack.clone();
        self.unwind_fblock_stack(preserve, false, r.range)?;
        self.set_loc(r.range);
        if !preserve {
            self.load_const(Const::None);
        }
        self.emit(Op::ReturnValue, 0);
        self.unit().handler_stack = saved;
        Ok(())
    }

    pub(crate) fn break_stmt(&mut self, range: TextRange) -> CResult<()> {
        let saved = self.unit().handler_stack.clone();
        let Some(lp) = self.unwind_fblock_stack(false, true, range)? else {
            return self.error("'break' outside loop", range);
        };
        self.unwind_fblock(&lp, false, range)?;
        self.set_loc(range);
        match lp {
            FBlock::WhileLoop { end, .. } | FBlock::ForLoop { end, .. } => {
                self.emit_jump(Op::Jump, end)
            }
            _ => {}
        }
        self.unit().handler_stack = saved;
        Ok(())
    }

    pub(crate) fn continue_stmt(&mut self, range: TextRange) -> CResult<()> {
        let saved = self.unit().handler_stack.clone();
        let Some(lp) = self.unwind_fblock_stack(false, true, range)? else {
            return self.error("'continue' not properly in loop", range);
        };
        self.set_loc(range);
        match lp {
            FBlock::WhileLoop { start, .. } | FBlock::ForLoop { start, .. } => {
                self.emit_jump(Op::JumpBackward, start)
            }
            _ => {}
        }
        self.unit().handler_stack = saved;
        Ok(())
    }

    /// Unwinds fblocks from the top, stopping at a loop if `stop_at_loop` (returned).
    fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        stop_at_loop: bool,
        range: TextRange,
    ) -> CResult<Option<FBlock<'a>>> {
        let mut popped = Vec::new();
        let mut found = None;
        let mut result = Ok(());
        while let Some(top) = self.unit().fblocks.last().cloned() {
            if stop_at_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
                found = Some(top);
                break;
            }
            self.unit().fblocks.pop();
            result = self.unwind_fblock(&top, preserve_tos, range);
            popped.push(top);
            if result.is_err() {
                break;
            }
        }
        while let Some(f) = popped.pop() {
            self.unit().fblocks.push(f);
        }
        result.map(|_| found)
    }

    /// Emits the exit code of one fblock for a jump out of it.
    fn unwind_fblock(
        &mut self,
        fb: &FBlock<'a>,
        preserve_tos: bool,
        range: TextRange,
    ) -> CResult<()> {
        match fb {
            FBlock::WhileLoop { .. } | FBlock::ExceptionHandler => {}
            FBlock::ExceptionGroupHandler => {
                return self.error(
                    "'break', 'continue' and 'return' cannot appear in an except* block",
                    range,
                )
            }
            FBlock::ForLoop { .. } | FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopTop, 0);
            }
            FBlock::TryExcept => self.pop_handler(),
            FBlock::FinallyTry { body } => {
                self.pop_handler();
                if preserve_tos {
                    self.unit().fblocks.push(FBlock::PopValue);
                }
                self.stmts(body)?;
                if preserve_tos {
                    self.unit().fblocks.pop();
                }
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopTop, 0);
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.pop_handler();
                self.emit(Op::PopExcept, 0);
            }
            FBlock::With { is_async, loc } => {
                self.pop_handler();
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                let saved = self.unit().loc;
                self.unit().loc = *loc;
                self.call_exit_with_nones(*is_async);
                self.unit().loc = saved;
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.pop_handler();
                }
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.pop_handler();
                self.emit(Op::PopExcept, 0);
                if let Some(n) = name {
                    self.load_const(Const::None);
                    self.name_op(n, Ctx::Store);
                    self.name_op(n, Ctx::Del);
                }
            }
        }
        Ok(())
    }

    /// `[exit]` → `[]`: calls `exit(None, None, None)` (awaited for `async with`), pops it.
    fn call_exit_with_nones(&mut self, is_async: bool) {
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.emit(Op::Call, 3);
        if is_async {
            self.emit(Op::GetAwaitable, 2);
            self.load_const(Const::None);
            self.yield_from_loop();
        }
        self.emit(Op::PopTop, 0);
    }

    /// `try` with any combination of except / except* / else / finally.
    pub(crate) fn try_stmt(
        &mut self,
        body: &'a [ast::Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [ast::Stmt],
        finalbody: &'a [ast::Stmt],
        star: bool,
    ) -> CResult<()> {
        if finalbody.is_empty() {
            return self.try_except(body, handlers, orelse, star);
        }
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        let loc = self.unit().loc;
        self.push_handler(end, false, 0);
        self.unit()
            .fblocks
            .push(FBlock::FinallyTry { body: finalbody });
        if handlers.is_empty() {
            self.stmts(body)?;
            self.stmts(orelse)?;
        } else {
            self.try_except(body, handlers, orelse, star)?;
        }
        self.unit().fblocks.pop();
        self.pop_handler();
        self.stmts(finalbody)?;
        self.emit_jump(Op::Jump, exit);
        self.bind(end);
        self.unit().loc = loc;
        self.push_handler(cleanup, true, 0);
        self.emit(Op::PushExcInfo, 0);
        self.unit().fblocks.push(FBlock::FinallyEnd);
        self.stmts(finalbody)?;
        self.unit().fblocks.pop();
        self.emit(Op::Reraise, 0);
        self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    /// `[prev, lasti, exc]`: restores `prev` as the handled exception and re-raises `exc`.
    fn pop_except_and_reraise(&mut self) {
        self.emit(Op::Copy, 3);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 1);
    }

    fn try_except(
        &mut self,
        body: &'a [ast::Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [ast::Stmt],
        star: bool,
    ) -> CResult<()> {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let loc = self.unit().loc;
        self.push_handler(except, false, 0);
        self.unit().fblocks.push(FBlock::TryExcept);
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.pop_handler();
        self.stmts(orelse)?;
        self.emit_jump(Op::Jump, end);
        self.bind(except);
        self.unit().loc = loc;
        self.push_handler(cleanup, true, 0);
        self.emit(Op::PushExcInfo, 0);
        if star {
            self.except_star_handlers(handlers, end)?;
        } else {
            self.except_handlers(handlers, end)?;
        }
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    /// The handlers of a plain `try`; stack `[prev, exc]` under the cleanup handler, which
    /// this pops before returning.
    fn except_handlers(
        &mut self,
        handlers: &'a [ast::ExceptHandler],
        end: super::Label,
    ) -> CResult<()> {
        self.unit().fblocks.push(FBlock::ExceptionHandler);
        let n = handlers.len();
        for (i, h) in handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return self.error("default 'except:' must be last", h.range);
            }
            let next = self.new_label();
            if let Some(t) = &h.type_ {
                self.expr(t)?;
                self.emit(Op::CheckExcMatch, 0);
                self.emit_jump(Op::PopJumpIfFalse, next);
            }
            let outer = *self.unit().handler_stack.last().unwrap_or(&0);
            match &h.name {
                Some(name) => {
                    self.name_op(name, Ctx::Store);
                    let cleanup_end = self.new_label();
                    self.push_handler(cleanup_end, true, 0);
                    self.unit().fblocks.push(FBlock::HandlerCleanup {
                        name: Some(name.to_string()),
                    });
                    self.stmts(&h.body)?;
                    self.unit().fblocks.pop();
                    self.pop_handler();
                    self.pop_handler();
                    self.emit(Op::PopExcept, 0);
                    self.load_const(Const::None);
                    self.name_op(name, Ctx::Store);
                    self.name_op(name, Ctx::Del);
                    self.emit_jump(Op::Jump, end);
                    self.unit().handler_stack.push(outer);
                    self.bind(cleanup_end);
                    self.load_const(Const::None);
                    self.name_op(name, Ctx::Store);
                    self.name_op(name, Ctx::Del);
                    self.emit(Op::Reraise, 1);
                }
                None => {
                    self.emit(Op::PopTop, 0);
                    self.unit()
                        .fblocks
                        .push(FBlock::HandlerCleanup { name: None });
                    self.stmts(&h.body)?;
                    self.unit().fblocks.pop();
                    self.pop_handler();
                    self.emit(Op::PopExcept, 0);
                    self.emit_jump(Op::Jump, end);
                    self.unit().handler_stack.push(outer);
                }
            }
            self.bind(next);
        }
        self.unit().fblocks.pop();
        self.emit(Op::Reraise, 0);
        self.pop_handler();
        Ok(())
    }

    /// The handlers of a `try`/`except*` (CPython 3.11's `compiler_try_star_except`);
    /// stack `[prev, eg]` under the cleanup handler, which this pops before returning.
    fn except_star_handlers(
        &mut self,
        handlers: &'a [ast::ExceptHandler],
        end: super::Label,
    ) -> CResult<()> {
        let reraise_star = self.new_label();
        self.unit().fblocks.push(FBlock::ExceptionGroupHandler);
        let n = handlers.len();
        for (i, h) in handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            let next_except = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                // [orig] → [orig, [], orig]
                self.emit(Op::Copy, 1);
                self.emit(Op::BuildList, 0);
                self.emit(Op::Swap, 2);
            }
            let Some(t) = &h.type_ else {
                return self.error("expected one or more exception types", h.range);
            };
            self.expr(t)?;
            self.emit(Op::CheckEgMatch, 0);
            self.emit(Op::Copy, 1);
            self.emit_jump(Op::PopJumpIfNone, no_match);
            match &h.name {
                Some(name) => self.name_op(name, Ctx::Store),
                None => self.emit(Op::PopTop, 0),
            }
            // [orig, list, rest]
            let cleanup_end = self.new_label();
            self.push_handler(cleanup_end, true, 0);
            let name = h.name.as_ref().map(|n| n.to_string());
            self.unit()
                .fblocks
                .push(FBlock::HandlerCleanup { name: name.clone() });
            self.stmts(&h.body)?;
            self.unit().fblocks.pop();
            self.pop_handler();
            if let Some(n) = &name {
                self.load_const(Const::None);
                self.name_op(n, Ctx::Store);
                self.name_op(n, Ctx::Del);
            }
            self.emit_jump(Op::Jump, next_except);
            // [orig, list, rest, lasti, exc]
            self.bind(cleanup_end);
            if let Some(n) = &name {
                self.load_const(Const::None);
                self.name_op(n, Ctx::Store);
                self.name_op(n, Ctx::Del);
            }
            self.emit(Op::ListAppend, 3);
            self.emit(Op::PopTop, 0);
            self.emit_jump(Op::Jump, next_except);
            self.bind(no_match);
            self.emit(Op::PopTop, 0);
            self.bind(next_except);
            if i + 1 == n {
                self.emit(Op::ListAppend, 1);
                self.emit_jump(Op::Jump, reraise_star);
            }
        }
        self.unit().fblocks.pop();
        // [prev, orig, list]
        self.bind(reraise_star);
        let reraise = self.new_label();
        self.emit(Op::PrepReraiseStar, 0);
        self.emit(Op::Copy, 1);
        self.emit_jump(Op::PopJumpIfNotNone, reraise);
        self.pop_handler();
        self.emit(Op::PopTop, 0);
        self.emit(Op::PopExcept, 0);
        self.emit_jump(Op::Jump, end);
        self.bind(reraise);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
        Ok(())
    }

    /// `with` / `async with` with one or more items (nested, one per item).
    pub(crate) fn with_stmt(
        &mut self,
        items: &'a [ast::WithItem],
        body: &'a [ast::Stmt],
        is_async: bool,
        range: TextRange,
    ) -> CResult<()> {
        if is_async && self.unit().kind != UnitKind::AsyncFunction {
            return self.error("'async with' outside async function", range);
        }
        self.with_item(items, 0, body, is_async, range)
    }

    fn with_item(
        &mut self,
        items: &'a [ast::WithItem],
        idx: usize,
        body: &'a [ast::Stmt],
        is_async: bool,
        range: TextRange,
    ) -> CResult<()> {
        let Some(item) = items.get(idx) else {
            return self.stmts(body);
        };
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.set_loc(range);
        let loc = self.unit().loc;
        self.expr(&item.context_expr)?;
        if is_async {
            self.emit(Op::BeforeAsyncWith, 0);
            self.emit(Op::GetAwaitable, 1);
            self.load_const(Const::None);
            self.yield_from_loop();
        } else {
            self.emit(Op::BeforeWith, 0);
        }
        self.push_handler(final_, true, 1);
        self.unit().fblocks.push(FBlock::With { is_async, loc });
        match &item.optional_vars {
            Some(v) => self.store_target(v)?,
            None => self.emit(Op::PopTop, 0),
        }
        self.with_item(items, idx + 1, body, is_async, range)?;
        self.unit().fblocks.pop();
        self.pop_handler();
        self.unit().loc = loc;
        self.call_exit_with_nones(is_async);
        self.emit_jump(Op::Jump, exit);
        // [exit, lasti, exc]
        self.bind(final_);
        self.push_handler(cleanup, true, 0);
        self.emit(Op::PushExcInfo, 0);
        self.emit(Op::WithExceptStart, 0);
        if is_async {
            self.emit(Op::GetAwaitable, 2);
            self.load_const(Const::None);
            self.yield_from_loop();
        }
        let suppress = self.new_label();
        self.emit_jump(Op::PopJumpIfTrue, suppress);
        self.emit(Op::Reraise, 2);
        self.bind(suppress);
        self.emit(Op::PopTop, 0);
        self.pop_handler();
        self.emit(Op::PopExcept, 0);
        self.emit(Op::PopTop, 0);
        self.emit(Op::PopTop, 0);
        self.emit_jump(Op::Jump, exit);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }
}

/// The truth value of a constant, when known.
pub(crate) fn const_truth(c: &ast::Constant) -> Option<bool> {
    match c {
        ast::Constant::None => Some(false),
        ast::Constant::Bool(b) => Some(*b),
        ast::Constant::Str(s) => Some(!s.is_empty()),
        ast::Constant::Bytes(b) => Some(!b.is_empty()),
        ast::Constant::Int(i) => Some(i.sign() != num_bigint::Sign::NoSign),
        ast::Constant::Float(f) => Some(*f != 0.0),
        ast::Constant::Ellipsis => Some(true),
        _ => None,
    }
}
