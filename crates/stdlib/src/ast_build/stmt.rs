//! Statements, definitions and their parts (arguments, keywords, comprehensions).

use super::Builder;
use pyrs_interp::types::list;
use pyrs_interp::types::str::new_str;
use pyrs_interp::value::Value;
use pyrs_interp::vm::{PyResult, Vm};
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextRange;

impl Builder<'_> {
    pub(super) fn stmt(&mut self, vm: &mut Vm, s: &ast::Stmt) -> PyResult {
        use ast::Stmt as S;
        let r = s.range();
        match s {
            S::FunctionDef(f) => self.funcdef(
                vm,
                "FunctionDef",
                r,
                &f.name,
                &f.args,
                &f.body,
                &f.decorator_list,
                f.returns.as_deref(),
            ),
            S::AsyncFunctionDef(f) => self.funcdef(
                vm,
                "AsyncFunctionDef",
                r,
                &f.name,
                &f.args,
                &f.body,
                &f.decorator_list,
                f.returns.as_deref(),
            ),
            S::ClassDef(c) => {
                let name = self.str(vm, c.name.as_str());
                let bases = self.exprs(vm, &c.bases)?;
                let kws = self.keywords(vm, &c.keywords)?;
                let body = self.stmts(vm, &c.body)?;
                let decos = self.exprs(vm, &c.decorator_list)?;
                let node = self.bare(
                    vm,
                    "ClassDef",
                    &[
                        ("name", name),
                        ("bases", bases),
                        ("keywords", kws),
                        ("body", body),
                        ("decorator_list", decos),
                    ],
                )?;
                let start = self.def_start(r, &c.decorator_list);
                self.locate(vm, node, start, r.end().to_usize())?;
                Ok(node)
            }
            S::Return(x) => {
                let v = self.opt_expr(vm, x.value.as_deref())?;
                self.node(vm, "Return", r, &[("value", v)])
            }
            S::Delete(x) => {
                let t = self.exprs(vm, &x.targets)?;
                self.node(vm, "Delete", r, &[("targets", t)])
            }
            S::Assign(x) => {
                let t = self.exprs(vm, &x.targets)?;
                let v = self.expr(vm, &x.value)?;
                let tc = vm.none;
                self.node(
                    vm,
                    "Assign",
                    r,
                    &[("targets", t), ("value", v), ("type_comment", tc)],
                )
            }
            S::AugAssign(x) => {
                let t = self.expr(vm, &x.target)?;
                let op = self.op(vm, &x.op)?;
                let v = self.expr(vm, &x.value)?;
                self.node(
                    vm,
                    "AugAssign",
                    r,
                    &[("target", t), ("op", op), ("value", v)],
                )
            }
            S::AnnAssign(x) => {
                let t = self.expr(vm, &x.target)?;
                let a = self.expr(vm, &x.annotation)?;
                let v = self.opt_expr(vm, x.value.as_deref())?;
                let simple = Value::from_usize(usize::from(x.simple));
                self.node(
                    vm,
                    "AnnAssign",
                    r,
                    &[
                        ("target", t),
                        ("annotation", a),
                        ("value", v),
                        ("simple", simple),
                    ],
                )
            }
            S::For(x) => self.for_(vm, "For", r, &x.target, &x.iter, &x.body, &x.orelse),
            S::AsyncFor(x) => self.for_(vm, "AsyncFor", r, &x.target, &x.iter, &x.body, &x.orelse),
            S::While(x) => {
                let t = self.expr(vm, &x.test)?;
                let b = self.stmts(vm, &x.body)?;
                let o = self.stmts(vm, &x.orelse)?;
                self.node(vm, "While", r, &[("test", t), ("body", b), ("orelse", o)])
            }
            S::If(x) => {
                let t = self.expr(vm, &x.test)?;
                let b = self.stmts(vm, &x.body)?;
                let o = self.stmts(vm, &x.orelse)?;
                self.node(vm, "If", r, &[("test", t), ("body", b), ("orelse", o)])
            }
            S::With(x) => self.with(vm, "With", r, &x.items, &x.body),
            S::AsyncWith(x) => self.with(vm, "AsyncWith", r, &x.items, &x.body),
            S::Match(x) => {
                let subj = self.expr(vm, &x.subject)?;
                let mut cases = Vec::new();
                for c in &x.cases {
                    let p = self.pattern(vm, &c.pattern)?;
                    let g = self.opt_expr(vm, c.guard.as_deref())?;
                    let b = self.stmts(vm, &c.body)?;
                    cases.push(self.bare(
                        vm,
                        "match_case",
                        &[("pattern", p), ("guard", g), ("body", b)],
                    )?);
                }
                let cases = list::new_list(vm, cases);
                self.node(vm, "Match", r, &[("subject", subj), ("cases", cases)])
            }
            S::Raise(x) => {
                let e = self.opt_expr(vm, x.exc.as_deref())?;
                let c = self.opt_expr(vm, x.cause.as_deref())?;
                self.node(vm, "Raise", r, &[("exc", e), ("cause", c)])
            }
            S::Try(x) => self.try_(vm, "Try", r, &x.body, &x.handlers, &x.orelse, &x.finalbody),
            S::TryStar(x) => self.try_(
                vm,
                "TryStar",
                r,
                &x.body,
                &x.handlers,
                &x.orelse,
                &x.finalbody,
            ),
            S::Assert(x) => {
                let t = self.expr(vm, &x.test)?;
                let m = self.opt_expr(vm, x.msg.as_deref())?;
                self.node(vm, "Assert", r, &[("test", t), ("msg", m)])
            }
            S::Import(x) => {
                let n = self.aliases(vm, &x.names)?;
                self.node(vm, "Import", r, &[("names", n)])
            }
            S::ImportFrom(x) => {
                let m = self.opt_ident(vm, &x.module);
                let n = self.aliases(vm, &x.names)?;
                let level = Value::from_usize(x.level.map_or(0, |l| l.to_usize()));
                self.node(
                    vm,
                    "ImportFrom",
                    r,
                    &[("module", m), ("names", n), ("level", level)],
                )
            }
            S::Global(x) => {
                let n = self.idents(vm, &x.names);
                self.node(vm, "Global", r, &[("names", n)])
            }
            S::Nonlocal(x) => {
                let n = self.idents(vm, &x.names);
                self.node(vm, "Nonlocal", r, &[("names", n)])
            }
            S::Expr(x) => {
                let v = self.expr(vm, &x.value)?;
                self.node(vm, "Expr", r, &[("value", v)])
            }
            S::Pass(_) => self.node(vm, "Pass", r, &[]),
            S::Break(_) => self.node(vm, "Break", r, &[]),
            S::Continue(_) => self.node(vm, "Continue", r, &[]),
            S::TypeAlias(_) => Err(vm.not_implemented("the ast of a 'type' statement")),
        }
    }

    pub(super) fn idents(&self, vm: &mut Vm, names: &[ast::Identifier]) -> Value {
        let v: Vec<Value> = names.iter().map(|n| new_str(vm, n.as_str())).collect();
        list::new_list(vm, v)
    }

    pub(super) fn aliases(&mut self, vm: &mut Vm, names: &[ast::Alias]) -> PyResult {
        let mut v = Vec::new();
        for a in names {
            let n = self.str(vm, a.name.as_str());
            let asn = self.opt_ident(vm, &a.asname);
            v.push(self.node(vm, "alias", a.range, &[("name", n), ("asname", asn)])?);
        }
        Ok(list::new_list(vm, v))
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn funcdef(
        &mut self,
        vm: &mut Vm,
        kind: &'static str,
        r: TextRange,
        name: &ast::Identifier,
        args: &ast::Arguments,
        body: &[ast::Stmt],
        decorators: &[ast::Expr],
        returns: Option<&ast::Expr>,
    ) -> PyResult {
        let name = self.str(vm, name.as_str());
        let a = self.arguments(vm, args)?;
        let b = self.stmts(vm, body)?;
        let d = self.exprs(vm, decorators)?;
        let ret = self.opt_expr(vm, returns)?;
        let tc = vm.none;
        let node = self.bare(
            vm,
            kind,
            &[
                ("name", name),
                ("args", a),
                ("body", b),
                ("decorator_list", d),
                ("returns", ret),
                ("type_comment", tc),
            ],
        )?;
        let start = self.def_start(r, decorators);
        self.locate(vm, node, start, r.end().to_usize())?;
        Ok(node)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn for_(
        &mut self,
        vm: &mut Vm,
        kind: &'static str,
        r: TextRange,
        target: &ast::Expr,
        iter: &ast::Expr,
        body: &[ast::Stmt],
        orelse: &[ast::Stmt],
    ) -> PyResult {
        let t = self.expr(vm, target)?;
        let i = self.expr(vm, iter)?;
        let b = self.stmts(vm, body)?;
        let o = self.stmts(vm, orelse)?;
        let tc = vm.none;
        self.node(
            vm,
            kind,
            r,
            &[
                ("target", t),
                ("iter", i),
                ("body", b),
                ("orelse", o),
                ("type_comment", tc),
            ],
        )
    }

    pub(super) fn with(
        &mut self,
        vm: &mut Vm,
        kind: &'static str,
        r: TextRange,
        items: &[ast::WithItem],
        body: &[ast::Stmt],
    ) -> PyResult {
        let mut v = Vec::new();
        for it in items {
            let c = self.expr(vm, &it.context_expr)?;
            let o = self.opt_expr(vm, it.optional_vars.as_deref())?;
            v.push(self.bare(vm, "withitem", &[("context_expr", c), ("optional_vars", o)])?);
        }
        let items = list::new_list(vm, v);
        let b = self.stmts(vm, body)?;
        let tc = vm.none;
        self.node(
            vm,
            kind,
            r,
            &[("items", items), ("body", b), ("type_comment", tc)],
        )
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn try_(
        &mut self,
        vm: &mut Vm,
        kind: &'static str,
        r: TextRange,
        body: &[ast::Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[ast::Stmt],
        finalbody: &[ast::Stmt],
    ) -> PyResult {
        let b = self.stmts(vm, body)?;
        let mut hs = Vec::new();
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let t = self.opt_expr(vm, h.type_.as_deref())?;
            let n = self.opt_ident(vm, &h.name);
            let hb = self.stmts(vm, &h.body)?;
            hs.push(self.node(
                vm,
                "ExceptHandler",
                h.range,
                &[("type", t), ("name", n), ("body", hb)],
            )?);
        }
        let hs = list::new_list(vm, hs);
        let o = self.stmts(vm, orelse)?;
        let f = self.stmts(vm, finalbody)?;
        self.node(
            vm,
            kind,
            r,
            &[
                ("body", b),
                ("handlers", hs),
                ("orelse", o),
                ("finalbody", f),
            ],
        )
    }

    pub(super) fn arg(&mut self, vm: &mut Vm, a: &ast::Arg) -> PyResult {
        let n = self.str(vm, a.arg.as_str());
        let ann = self.opt_expr(vm, a.annotation.as_deref())?;
        let tc = vm.none;
        self.node(
            vm,
            "arg",
            a.range,
            &[("arg", n), ("annotation", ann), ("type_comment", tc)],
        )
    }

    pub(super) fn opt_arg(&mut self, vm: &mut Vm, a: Option<&ast::Arg>) -> PyResult {
        match a {
            Some(a) => self.arg(vm, a),
            None => Ok(vm.none),
        }
    }

    pub(super) fn arguments(&mut self, vm: &mut Vm, a: &ast::Arguments) -> PyResult {
        let mut defaults = Vec::new();
        let mut posonly = Vec::new();
        for d in &a.posonlyargs {
            posonly.push(self.arg(vm, &d.def)?);
            if let Some(e) = &d.default {
                defaults.push(self.expr(vm, e)?);
            }
        }
        let mut args = Vec::new();
        for d in &a.args {
            args.push(self.arg(vm, &d.def)?);
            if let Some(e) = &d.default {
                defaults.push(self.expr(vm, e)?);
            }
        }
        let vararg = self.opt_arg(vm, a.vararg.as_deref())?;
        let mut kwonly = Vec::new();
        let mut kw_defaults = Vec::new();
        for d in &a.kwonlyargs {
            kwonly.push(self.arg(vm, &d.def)?);
            kw_defaults.push(self.opt_expr(vm, d.default.as_deref())?);
        }
        let kwarg = self.opt_arg(vm, a.kwarg.as_deref())?;
        let posonly = list::new_list(vm, posonly);
        let args = list::new_list(vm, args);
        let kwonly = list::new_list(vm, kwonly);
        let kw_defaults = list::new_list(vm, kw_defaults);
        let defaults = list::new_list(vm, defaults);
        self.bare(
            vm,
            "arguments",
            &[
                ("posonlyargs", posonly),
                ("args", args),
                ("vararg", vararg),
                ("kwonlyargs", kwonly),
                ("kw_defaults", kw_defaults),
                ("kwarg", kwarg),
                ("defaults", defaults),
            ],
        )
    }

    pub(super) fn keywords(&mut self, vm: &mut Vm, kws: &[ast::Keyword]) -> PyResult {
        let mut v = Vec::new();
        for k in kws {
            let a = self.opt_ident(vm, &k.arg);
            let val = self.expr(vm, &k.value)?;
            v.push(self.node(vm, "keyword", k.range, &[("arg", a), ("value", val)])?);
        }
        Ok(list::new_list(vm, v))
    }

    pub(super) fn comprehensions(&mut self, vm: &mut Vm, gens: &[ast::Comprehension]) -> PyResult {
        let mut v = Vec::new();
        for g in gens {
            let t = self.expr(vm, &g.target)?;
            let i = self.expr(vm, &g.iter)?;
            let ifs = self.exprs(vm, &g.ifs)?;
            let a = Value::from_usize(usize::from(g.is_async));
            v.push(self.bare(
                vm,
                "comprehension",
                &[("target", t), ("iter", i), ("ifs", ifs), ("is_async", a)],
            )?);
        }
        Ok(list::new_list(vm, v))
    }
}
