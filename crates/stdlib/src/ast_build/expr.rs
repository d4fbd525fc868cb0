//! Expressions and constants, with the positions CPython gives f-string parts and
//! generator arguments.

use super::Builder;
use num_bigint::BigInt;
use pyrs_interp::types::str::new_str;
use pyrs_interp::types::{bytes, complex, float, int, list, tuple};
use pyrs_interp::value::Value;
use pyrs_interp::vm::{PyResult, Vm};
use rustpython_parser::ast::{self, Constant, Ranged};
use rustpython_parser::text_size::{TextRange, TextSize};

impl Builder<'_> {
    pub(super) fn constant(&mut self, vm: &mut Vm, c: &Constant) -> PyResult {
        Ok(match c {
            Constant::None => vm.none,
            Constant::Bool(b) => vm.bool(*b),
            Constant::Str(s) => new_str(vm, s),
            Constant::Bytes(b) => bytes::new_bytes(vm, b),
            Constant::Int(i) => int::new_int(vm, BigInt::clone(i)),
            Constant::Float(f) => float::new_float(vm, *f),
            Constant::Complex { real, imag } => complex::new_complex(vm, *real, *imag),
            Constant::Ellipsis => vm.ellipsis,
            Constant::Tuple(items) => {
                let mut v = Vec::new();
                for i in items {
                    v.push(self.constant(vm, i)?);
                }
                tuple::new_tuple(vm, &v)
            }
        })
    }

    pub(super) fn ctx(&mut self, vm: &mut Vm, c: &ast::ExprContext) -> PyResult {
        self.op(vm, c)
    }

    pub(super) fn expr(&mut self, vm: &mut Vm, e: &ast::Expr) -> PyResult {
        use ast::Expr as E;
        let r = e.range();
        match e {
            E::BoolOp(x) => {
                let op = self.op(vm, &x.op)?;
                let v = self.exprs(vm, &x.values)?;
                self.node(vm, "BoolOp", r, &[("op", op), ("values", v)])
            }
            E::NamedExpr(x) => {
                let t = self.expr(vm, &x.target)?;
                let v = self.expr(vm, &x.value)?;
                self.node(vm, "NamedExpr", r, &[("target", t), ("value", v)])
            }
            E::BinOp(x) => {
                let l = self.expr(vm, &x.left)?;
                let op = self.op(vm, &x.op)?;
                let rt = self.expr(vm, &x.right)?;
                self.node(vm, "BinOp", r, &[("left", l), ("op", op), ("right", rt)])
            }
            E::UnaryOp(x) => {
                let op = self.op(vm, &x.op)?;
                let o = self.expr(vm, &x.operand)?;
                self.node(vm, "UnaryOp", r, &[("op", op), ("operand", o)])
            }
            E::Lambda(x) => {
                let a = self.arguments(vm, &x.args)?;
                let b = self.expr(vm, &x.body)?;
                self.node(vm, "Lambda", r, &[("args", a), ("body", b)])
            }
            E::IfExp(x) => {
                let t = self.expr(vm, &x.test)?;
                let b = self.expr(vm, &x.body)?;
                let o = self.expr(vm, &x.orelse)?;
                self.node(vm, "IfExp", r, &[("test", t), ("body", b), ("orelse", o)])
            }
            E::Dict(x) => {
                let mut keys = Vec::new();
                for k in &x.keys {
                    keys.push(self.opt_expr(vm, k.as_ref())?);
                }
                let keys = list::new_list(vm, keys);
                let vals = self.exprs(vm, &x.values)?;
                self.node(vm, "Dict", r, &[("keys", keys), ("values", vals)])
            }
            E::Set(x) => {
                let v = self.exprs(vm, &x.elts)?;
                self.node(vm, "Set", r, &[("elts", v)])
            }
            E::ListComp(x) => self.comp(vm, "ListComp", r, &x.elt, &x.generators),
            E::SetComp(x) => self.comp(vm, "SetComp", r, &x.elt, &x.generators),
            E::GeneratorExp(x) => self.comp(vm, "GeneratorExp", r, &x.elt, &x.generators),
            E::DictComp(x) => {
                let k = self.expr(vm, &x.key)?;
                let v = self.expr(vm, &x.value)?;
                let g = self.comprehensions(vm, &x.generators)?;
                self.node(
                    vm,
                    "DictComp",
                    r,
                    &[("key", k), ("value", v), ("generators", g)],
                )
            }
            E::Await(x) => {
                let v = self.expr(vm, &x.value)?;
                self.node(vm, "Await", r, &[("value", v)])
            }
            E::Yield(x) => {
                let v = self.opt_expr(vm, x.value.as_deref())?;
                self.node(vm, "Yield", r, &[("value", v)])
            }
            E::YieldFrom(x) => {
                let v = self.expr(vm, &x.value)?;
                self.node(vm, "YieldFrom", r, &[("value", v)])
            }
            E::Compare(x) => {
                let l = self.expr(vm, &x.left)?;
                let mut ops_ = Vec::new();
                for o in &x.ops {
                    ops_.push(self.op(vm, o)?);
                }
                let ops_ = list::new_list(vm, ops_);
                let c = self.exprs(vm, &x.comparators)?;
                self.node(
                    vm,
                    "Compare",
                    r,
                    &[("left", l), ("ops", ops_), ("comparators", c)],
                )
            }
            E::Call(x) => {
                let f = self.expr(vm, &x.func)?;
                let a = match (&x.args[..], x.keywords.is_empty()) {
                    ([E::GeneratorExp(g)], true) => {
                        // As CPython, a sole generator argument spans its parentheses
                        // (the call's when it has none of its own).
                        let (start, end) = self.genexp_span(x.func.range().end().to_usize(), r);
                        let span = TextRange::new(
                            TextSize::try_from(start).unwrap_or_default(),
                            TextSize::try_from(end).unwrap_or_default(),
                        );
                        let g = self.comp(vm, "GeneratorExp", span, &g.elt, &g.generators)?;
                        list::new_list(vm, vec![g])
                    }
                    _ => self.exprs(vm, &x.args)?,
                };
                let k = self.keywords(vm, &x.keywords)?;
                self.node(vm, "Call", r, &[("func", f), ("args", a), ("keywords", k)])
            }
            E::FormattedValue(_) | E::JoinedStr(_) => self.fstring(vm, e, r),
            E::Constant(x) => {
                let v = self.constant(vm, &x.value)?;
                let k = match &x.kind {
                    Some(k) => new_str(vm, k),
                    None => vm.none,
                };
                self.node(vm, "Constant", r, &[("value", v), ("kind", k)])
            }
            E::Attribute(x) => {
                let v = self.expr(vm, &x.value)?;
                let a = self.str(vm, x.attr.as_str());
                let c = self.ctx(vm, &x.ctx)?;
                self.node(vm, "Attribute", r, &[("value", v), ("attr", a), ("ctx", c)])
            }
            E::Subscript(x) => {
                let v = self.expr(vm, &x.value)?;
                let s = self.expr(vm, &x.slice)?;
                let c = self.ctx(vm, &x.ctx)?;
                self.node(
                    vm,
                    "Subscript",
                    r,
                    &[("value", v), ("slice", s), ("ctx", c)],
                )
            }
            E::Starred(x) => {
                let v = self.expr(vm, &x.value)?;
                let c = self.ctx(vm, &x.ctx)?;
                self.node(vm, "Starred", r, &[("value", v), ("ctx", c)])
            }
            E::Name(x) => {
                let id = self.str(vm, x.id.as_str());
                let c = self.ctx(vm, &x.ctx)?;
                self.node(vm, "Name", r, &[("id", id), ("ctx", c)])
            }
            E::List(x) => {
                let v = self.exprs(vm, &x.elts)?;
                let c = self.ctx(vm, &x.ctx)?;
                self.node(vm, "List", r, &[("elts", v), ("ctx", c)])
            }
            E::Tuple(x) => {
                let v = self.exprs(vm, &x.elts)?;
                let c = self.ctx(vm, &x.ctx)?;
                self.node(vm, "Tuple", r, &[("elts", v), ("ctx", c)])
            }
            E::Slice(x) => {
                let l = self.opt_expr(vm, x.lower.as_deref())?;
                let u = self.opt_expr(vm, x.upper.as_deref())?;
                let s = self.opt_expr(vm, x.step.as_deref())?;
                self.node(vm, "Slice", r, &[("lower", l), ("upper", u), ("step", s)])
            }
        }
    }

    pub(super) fn comp(
        &mut self,
        vm: &mut Vm,
        kind: &'static str,
        r: TextRange,
        elt: &ast::Expr,
        gens: &[ast::Comprehension],
    ) -> PyResult {
        let e = self.expr(vm, elt)?;
        let g = self.comprehensions(vm, gens)?;
        self.node(vm, kind, r, &[("elt", e), ("generators", g)])
    }

    /// An f-string part: as CPython 3.11, the constant and `FormattedValue` parts of a
    /// `JoinedStr` (and nested format specs) carry the position of the outermost string.
    pub(super) fn fstring(&mut self, vm: &mut Vm, e: &ast::Expr, outer: TextRange) -> PyResult {
        use ast::Expr as E;
        match e {
            E::JoinedStr(x) => {
                let mut v = Vec::new();
                for part in &x.values {
                    v.push(self.fstring(vm, part, outer)?);
                }
                let v = list::new_list(vm, v);
                self.node(vm, "JoinedStr", outer, &[("values", v)])
            }
            E::FormattedValue(x) => {
                let val = self.expr(vm, &x.value)?;
                let conv = Value::small(i64::from(x.conversion as i8)).unwrap_or(vm.none);
                let spec = match &x.format_spec {
                    Some(s) => {
                        let at = x.value.range().start().to_usize();
                        let (start, end) = self.string_token_at(outer, at);
                        // Parts of a spec without replacement fields take the literal's
                        // span, the others the whole string's.
                        let nested = matches!(&**s, E::JoinedStr(j)
                            if j.values.iter().any(|v| matches!(v, E::FormattedValue(_))));
                        let token = TextRange::new(
                            TextSize::try_from(start).unwrap_or_default(),
                            TextSize::try_from(end).unwrap_or_default(),
                        );
                        let spec = self.fstring(vm, s, if nested { outer } else { token })?;
                        self.locate(vm, spec, start, end)?;
                        spec
                    }
                    None => vm.none,
                };
                self.node(
                    vm,
                    "FormattedValue",
                    outer,
                    &[("value", val), ("conversion", conv), ("format_spec", spec)],
                )
            }
            E::Constant(x) => {
                let v = self.constant(vm, &x.value)?;
                let k = vm.none;
                self.node(vm, "Constant", outer, &[("value", v), ("kind", k)])
            }
            other => self.expr(vm, other),
        }
    }

    /// The span of the sole generator argument of the call `r` whose callee ends at
    /// `func_end`: its own parentheses if it has them, else the call's.
    pub(super) fn genexp_span(&self, func_end: usize, r: TextRange) -> (usize, usize) {
        let bytes = self.map.text().as_bytes();
        let call_end = r.end().to_usize();
        let skip_ws = |mut i: usize| {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'\\') {
                i += 1;
            }
            i
        };
        let open = (func_end..call_end)
            .find(|&i| bytes.get(i) == Some(&b'('))
            .unwrap_or(func_end);
        let inner = skip_ws(open + 1);
        if bytes.get(inner) == Some(&b'(') {
            if let Some(close) = self.matching_paren(inner) {
                if skip_ws(close + 1) + 1 == call_end {
                    return (inner, close + 1);
                }
            }
        }
        (open, call_end)
    }

    /// The offset of the `)` matching the `(` at `open` (strings and comments skipped).
    pub(super) fn matching_paren(&self, open: usize) -> Option<usize> {
        let bytes = self.map.text().as_bytes();
        let mut depth = 0usize;
        let mut i = open;
        while i < bytes.len() {
            match bytes[i] {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                b'#' => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                q @ (b'\'' | b'"') => {
                    let triple = bytes.get(i..i + 3) == Some(&[q, q, q][..]);
                    i += if triple { 3 } else { 1 };
                    while i < bytes.len() {
                        if bytes[i] == b'\\' {
                            i += 2;
                            continue;
                        }
                        if bytes[i] == q && (!triple || bytes.get(i..i + 3) == Some(&[q, q, q][..]))
                        {
                            i += if triple { 2 } else { 0 };
                            break;
                        }
                        i += 1;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        None
    }

    /// The span of the string literal, among the implicitly concatenated ones of `outer`,
    /// that contains byte offset `at` (CPython 3.11 places a format spec there). In 3.11
    /// an f-string cannot reuse its own quote inside, so quotes delimit the literals.
    pub(super) fn string_token_at(&self, outer: TextRange, at: usize) -> (usize, usize) {
        let bytes = self.map.text().as_bytes();
        let end = outer.end().to_usize().min(bytes.len());
        let mut i = outer.start().to_usize();
        while i < end {
            match bytes[i] {
                b'#' => {
                    while i < end && bytes[i] != b'\n' {
                        i += 1;
                    }
                    continue;
                }
                c if c.is_ascii_whitespace() || c == b'\\' || c == b'(' || c == b')' => {
                    i += 1;
                    continue;
                }
                _ => {}
            }
            let start = i;
            while i < end && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            let Some(&q) = bytes.get(i) else { break };
            let triple = bytes.get(i..i + 3) == Some(&[q, q, q][..]);
            let width = if triple { 3 } else { 1 };
            i += width;
            while i < end {
                if bytes[i] == b'\\' {
                    i += 2;
                } else if bytes[i] == q && (!triple || bytes.get(i..i + 3) == Some(&[q, q, q][..]))
                {
                    i += width;
                    break;
                } else {
                    i += 1;
                }
            }
            if (start..i).contains(&at) {
                return (start, i.min(end));
            }
        }
        (outer.start().to_usize(), outer.end().to_usize())
    }
}
