//! `match` patterns.

use super::Builder;
use pyrs_interp::types::list;
use pyrs_interp::vm::{PyResult, Vm};
use rustpython_parser::ast::{self, Ranged};

impl Builder<'_> {
    pub(super) fn patterns(&mut self, vm: &mut Vm, ps: &[ast::Pattern]) -> PyResult {
        let mut v = Vec::new();
        for p in ps {
            v.push(self.pattern(vm, p)?);
        }
        Ok(list::new_list(vm, v))
    }

    pub(super) fn pattern(&mut self, vm: &mut Vm, p: &ast::Pattern) -> PyResult {
        use ast::Pattern as P;
        let r = p.range();
        match p {
            P::MatchValue(x) => {
                let v = self.expr(vm, &x.value)?;
                self.node(vm, "MatchValue", r, &[("value", v)])
            }
            P::MatchSingleton(x) => {
                let v = self.constant(vm, &x.value)?;
                self.node(vm, "MatchSingleton", r, &[("value", v)])
            }
            P::MatchSequence(x) => {
                let v = self.patterns(vm, &x.patterns)?;
                self.node(vm, "MatchSequence", r, &[("patterns", v)])
            }
            P::MatchMapping(x) => {
                let k = self.exprs(vm, &x.keys)?;
                let ps = self.patterns(vm, &x.patterns)?;
                let rest = self.opt_ident(vm, &x.rest);
                self.node(
                    vm,
                    "MatchMapping",
                    r,
                    &[("keys", k), ("patterns", ps), ("rest", rest)],
                )
            }
            P::MatchClass(x) => {
                let c = self.expr(vm, &x.cls)?;
                let ps = self.patterns(vm, &x.patterns)?;
                let ka = self.idents(vm, &x.kwd_attrs);
                let kp = self.patterns(vm, &x.kwd_patterns)?;
                self.node(
                    vm,
                    "MatchClass",
                    r,
                    &[
                        ("cls", c),
                        ("patterns", ps),
                        ("kwd_attrs", ka),
                        ("kwd_patterns", kp),
                    ],
                )
            }
            P::MatchStar(x) => {
                let n = self.opt_ident(vm, &x.name);
                self.node(vm, "MatchStar", r, &[("name", n)])
            }
            P::MatchAs(x) => {
                let pat = match &x.pattern {
                    Some(p) => self.pattern(vm, p)?,
                    None => vm.none,
                };
                let n = self.opt_ident(vm, &x.name);
                self.node(vm, "MatchAs", r, &[("pattern", pat), ("name", n)])
            }
            P::MatchOr(x) => {
                let ps = self.patterns(vm, &x.patterns)?;
                self.node(vm, "MatchOr", r, &[("patterns", ps)])
            }
        }
    }
}
