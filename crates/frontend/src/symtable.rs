//! Symbol tables: which scope every name of every block belongs to.
//!
//! Two passes, as CPython's `symtable.c`: a visitor records how each block uses each name
//! (flags), then an analysis walks the block tree resolving each name to local, global,
//! free or cell, and finds the implicit `__class__` cells of classes.

use crate::errors::{CResult, CompileError};
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextRange;
use std::collections::{HashMap, HashSet};

/// Index of a scope in [`SymbolTable::scopes`].
pub(crate) type ScopeId = usize;

/// Name-use flags recorded by the visitor.
pub(crate) mod flag {
    pub const DEF_GLOBAL: u32 = 1;
    pub const DEF_LOCAL: u32 = 2;
    pub const DEF_PARAM: u32 = 4;
    pub const DEF_NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    pub const DEF_FREE_CLASS: u32 = 64;
    pub const DEF_IMPORT: u32 = 128;
    pub const DEF_ANNOT: u32 = 256;
    pub const DEF_COMP_ITER: u32 = 512;
    pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
}
use flag::*;

/// The kind of a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Class,
    Function,
}

/// Which comprehension a function block implements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

impl CompKind {
    /// The code object name.
    pub(crate) fn code_name(self) -> &'static str {
        match self {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            CompKind::List => "list comprehension",
            CompKind::Set => "set comprehension",
            CompKind::Dict => "dict comprehension",
            CompKind::Gen => "generator expression",
        }
    }
}

/// Where a name lives, once analysed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameScope {
    /// Not resolved (the name is only seen by children, or the block is a module/class).
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

/// One name of one block.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Symbol {
    pub flags: u32,
    pub scope: NameScope,
}

/// One block: module, class body, function, lambda or comprehension.
#[derive(Debug)]
pub(crate) struct Scope {
    pub kind: ScopeKind,
    /// Symbols in order of first occurrence.
    pub symbols: Vec<(String, Symbol)>,
    index: HashMap<String, usize>,
    /// Parameter names in `co_varnames` order.
    pub params: Vec<String>,
    pub children: Vec<ScopeId>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub comprehension: Option<CompKind>,
    pub needs_class_closure: bool,
    /// Defined inside a function (for the NESTED flag).
    pub is_nested: bool,
    has_free: bool,
    child_free: bool,
    comp_iter_expr: u32,
    comp_iter_target: bool,
    /// The statement range of `global`/`nonlocal` directives, for error locations.
    directives: HashMap<String, TextRange>,
}

impl Scope {
    fn new(kind: ScopeKind, is_nested: bool) -> Self {
        Scope {
            kind,
            symbols: Vec::new(),
            index: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            comprehension: None,
            needs_class_closure: false,
            is_nested,
            has_free: false,
            child_free: false,
            comp_iter_expr: 0,
            comp_iter_target: false,
            directives: HashMap::new(),
        }
    }

    /// The symbol of an (already mangled) name.
    pub(crate) fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i].1)
    }

    fn flags(&self, name: &str) -> u32 {
        self.lookup(name).map_or(0, |s| s.flags)
    }

    fn symbol_mut(&mut self, name: &str) -> &mut Symbol {
        let i = match self.index.get(name) {
            Some(&i) => i,
            None => {
                self.symbols.push((
                    name.to_string(),
                    Symbol {
                        flags: 0,
                        scope: NameScope::Unknown,
                    },
                ));
                self.index.insert(name.to_string(), self.symbols.len() - 1);
                self.symbols.len() - 1
            }
        };
        &mut self.symbols[i].1
    }

    /// The analysed scope of a name (Unknown if never seen).
    pub(crate) fn scope_of(&self, name: &str) -> NameScope {
        self.lookup(name).map_or(NameScope::Unknown, |s| s.scope)
    }
}

/// The symbol tables of one compilation.
pub(crate) struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    /// The scope created for an AST node (function def, class, lambda, comprehension).
    pub(crate) fn scope_for<T>(&self, node: &T) -> Option<ScopeId> {
        self.by_node.get(&node_key(node)).copied()
    }
}

/// The identity of an AST node: its address (the AST is not moved while compiling).
pub(crate) fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// CPython's private-name mangling (`__x` in class `C` is `_C__x`).
pub(crate) fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// Builds the symbol table of a module, expression or interactive statement.
pub(crate) fn build(
    body: &[ast::Stmt],
    expr: Option<&ast::Expr>,
    future_annotations: bool,
) -> CResult<SymbolTable> {
    let mut b = Builder {
        table: SymbolTable {
            scopes: vec![Scope::new(ScopeKind::Module, false)],
            by_node: HashMap::new(),
        },
        stack: vec![0],
        private: None,
        future_annotations,
    };
    for s in body {
        b.stmt(s)?;
    }
    if let Some(e) = expr {
        b.expr(e)?;
    }
    let mut table = b.table;
    analyze(&mut table)?;
    Ok(table)
}

struct Builder {
    table: SymbolTable,
    stack: Vec<ScopeId>,
    private: Option<String>,
    future_annotations: bool,
}

impl Builder {
    fn cur(&self) -> ScopeId {
        *self.stack.last().unwrap_or(&0)
    }

    fn cur_scope(&mut self) -> &mut Scope {
        let c = self.cur();
        &mut self.table.scopes[c]
    }

    fn enter<T>(&mut self, node: &T, kind: ScopeKind) -> ScopeId {
        let parent = self.cur();
        let nested = self.table.scopes[parent].kind == ScopeKind::Function
            || self.table.scopes[parent].is_nested;
        let id = self.table.scopes.len();
        self.table.scopes.push(Scope::new(kind, nested));
        self.table.scopes[parent].children.push(id);
        self.table.by_node.insert(node_key(node), id);
        self.stack.push(id);
        id
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn add_def(&mut self, name: &str, fl: u32, range: TextRange) -> CResult<()> {
        let mangled = mangle(self.private.as_deref(), name);
        let cur = self.cur();
        self.add_def_in(cur, &mangled, fl, range)
    }

    fn add_def_in(
        &mut self,
        scope: ScopeId,
        mangled: &str,
        fl: u32,
        range: TextRange,
    ) -> CResult<()> {
        let comp_target = self.table.scopes[scope].comp_iter_target && scope == self.cur();
        let s = &mut self.table.scopes[scope];
        let old = s.flags(mangled);
        if fl & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
            return Err(CompileError::new(
                format!("duplicate argument '{mangled}' in function definition"),
                range,
            ));
        }
        let mut val = old | fl;
        if comp_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(CompileError::new(
                    format!("comprehension inner loop cannot rebind assignment expression target '{mangled}'"),
                    range,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        s.symbol_mut(mangled).flags = val;
        if fl & DEF_PARAM != 0 {
            s.params.push(mangled.to_string());
        } else if fl & DEF_GLOBAL != 0 {
            let top = self.table.scopes[0].symbol_mut(mangled);
            top.flags |= fl;
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[ast::Stmt]) -> CResult<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn exprs(&mut self, es: &[ast::Expr]) -> CResult<()> {
        es.iter().try_for_each(|e| self.expr(e))
    }

    fn annotation(&mut self, e: &ast::Expr) -> CResult<()> {
        if self.future_annotations {
            Ok(())
        } else {
            self.expr(e)
        }
    }

    fn arguments_outer(
        &mut self,
        args: &ast::Arguments,
        returns: Option<&ast::Expr>,
        annotations: bool,
    ) -> CResult<()> {
        for a in args.posonlyargs.iter().chain(&args.args) {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        for a in &args.kwonlyargs {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        if annotations {
            let all = args.posonlyargs.iter().chain(&args.args).map(|a| &a.def);
            let all = all
                .chain(args.vararg.as_deref())
                .chain(args.kwonlyargs.iter().map(|a| &a.def))
                .chain(args.kwarg.as_deref());
            for a in all {
                if let Some(ann) = &a.annotation {
                    self.annotation(ann)?;
                }
            }
            if let Some(r) = returns {
                self.annotation(r)?;
            }
        }
        Ok(())
    }

    fn params(&mut self, args: &ast::Arguments) -> CResult<()> {
        for a in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            self.add_def(&a.def.arg, DEF_PARAM, a.def.range)?;
        }
        if let Some(a) = &args.vararg {
            self.add_def(&a.arg, DEF_PARAM, a.range)?;
        }
        if let Some(a) = &args.kwarg {
            self.add_def(&a.arg, DEF_PARAM, a.range)?;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn function<T>(
        &mut self,
        node: &T,
        name: &str,
        range: TextRange,
        args: &ast::Arguments,
        body: &[ast::Stmt],
        decorators: &[ast::Expr],
        returns: Option<&ast::Expr>,
        is_async: bool,
    ) -> CResult<()> {
        self.add_def(name, DEF_LOCAL, range)?;
        self.arguments_outer(args, returns, true)?;
        self.exprs(decorators)?;
        let id = self.enter(node, ScopeKind::Function);
        self.table.scopes[id].is_coroutine = is_async;
        self.params(args)?;
        self.stmts(body)?;
        self.exit();
        Ok(())
    }

    fn directive(
        &mut self,
        names: &[ast::Identifier],
        range: TextRange,
        global: bool,
    ) -> CResult<()> {
        let word = if global { "global" } else { "nonlocal" };
        if !global && self.table.scopes[self.cur()].kind == ScopeKind::Module {
            return Err(CompileError::new(
                "nonlocal declaration not allowed at module level",
                range,
            ));
        }
        for n in names {
            let mangled = mangle(self.private.as_deref(), n);
            let cur = self.table.scopes[self.cur()].flags(&mangled);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{n}' is parameter and {word}")
                } else if cur & USE != 0 {
                    format!("name '{n}' is used prior to {word} declaration")
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{n}' can't be {word}")
                } else {
                    format!("name '{n}' is assigned to before {word} declaration")
                };
                return Err(CompileError::new(msg, range));
            }
            self.add_def(n, if global { DEF_GLOBAL } else { DEF_NONLOCAL }, range)?;
            self.cur_scope().directives.entry(mangled).or_insert(range);
        }
        Ok(())
    }

    fn stmt(&mut self, s: &ast::Stmt) -> CResult<()> {
        use ast::Stmt as S;
        match s {
            S::FunctionDef(f) => self.function(
                f,
                &f.name,
                f.range,
                &f.args,
                &f.body,
                &f.decorator_list,
                f.returns.as_deref(),
                false,
            ),
            S::AsyncFunctionDef(f) => self.function(
                f,
                &f.name,
                f.range,
                &f.args,
                &f.body,
                &f.decorator_list,
                f.returns.as_deref(),
                true,
            ),
            S::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, c.range)?;
                self.exprs(&c.bases)?;
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.exprs(&c.decorator_list)?;
                self.enter(c, ScopeKind::Class);
                let saved = self.private.replace(c.name.to_string());
                let r = self.stmts(&c.body);
                self.private = saved;
                self.exit();
                r
            }
            S::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
                Ok(())
            }
            S::Delete(d) => self.exprs(&d.targets),
            S::Assign(a) => {
                self.exprs(&a.targets)?;
                self.expr(&a.value)
            }
            S::TypeAlias(t) => Err(CompileError::new("invalid syntax", t.name.range())),
            S::AugAssign(a) => {
                self.expr(&a.target)?;
                self.expr(&a.value)
            }
            S::AnnAssign(a) => {
                if let ast::Expr::Name(n) = a.target.as_ref() {
                    let mangled = mangle(self.private.as_deref(), &n.id);
                    let cur = self.table.scopes[self.cur()].flags(&mangled);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur() != 0 && a.simple {
                        let word = if cur & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(CompileError::new(
                            format!("annotated name '{}' can't be {word}", n.id),
                            a.range,
                        ));
                    }
                    if a.simple {
                        self.add_def(&n.id, DEF_ANNOT | DEF_LOCAL, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(&n.id, DEF_LOCAL, n.range)?;
                    }
                } else {
                    self.expr(&a.target)?;
                }
                self.annotation(&a.annotation)?;
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
                Ok(())
            }
            S::For(f) => {
                self.expr(&f.target)?;
                self.expr(&f.iter)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)
            }
            S::AsyncFor(f) => {
                self.expr(&f.target)?;
                self.expr(&f.iter)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)
            }
            S::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)
            }
            S::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                self.stmts(&i.orelse)
            }
            S::With(w) => {
                self.with_items(&w.items)?;
                self.stmts(&w.body)
            }
            S::AsyncWith(w) => {
                self.with_items(&w.items)?;
                self.stmts(&w.body)
            }
            S::Match(m) => {
                self.expr(&m.subject)?;
                for c in &m.cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
                Ok(())
            }
            S::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
                Ok(())
            }
            S::Try(t) => self.try_parts(&t.body, &t.handlers, &t.orelse, &t.finalbody),
            S::TryStar(t) => self.try_parts(&t.body, &t.handlers, &t.orelse, &t.finalbody),
            S::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
                Ok(())
            }
            S::Import(i) => {
                for a in &i.names {
                    let bound = match &a.asname {
                        Some(n) => n.as_str(),
                        None => a.name.split('.').next().unwrap_or(""),
                    };
                    self.add_def(bound, DEF_IMPORT, a.range)?;
                }
                Ok(())
            }
            S::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        if self.table.scopes[self.cur()].kind != ScopeKind::Module {
                            return Err(CompileError::new(
                                "import * only allowed at module level",
                                a.range,
                            ));
                        }
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name);
                    self.add_def(bound, DEF_IMPORT, a.range)?;
                }
                Ok(())
            }
            S::Global(g) => self.directive(&g.names, g.range, true),
            S::Nonlocal(n) => self.directive(&n.names, n.range, false),
            S::Expr(e) => self.expr(&e.value),
            S::Pass(_) | S::Break(_) | S::Continue(_) => Ok(()),
        }
    }

    fn with_items(&mut self, items: &[ast::WithItem]) -> CResult<()> {
        for it in items {
            self.expr(&it.context_expr)?;
            if let Some(v) = &it.optional_vars {
                self.expr(v)?;
            }
        }
        Ok(())
    }

    fn try_parts(
        &mut self,
        body: &[ast::Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[ast::Stmt],
        finalbody: &[ast::Stmt],
    ) -> CResult<()> {
        self.stmts(body)?;
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            if let Some(t) = &h.type_ {
                self.expr(t)?;
            }
            if let Some(n) = &h.name {
                self.add_def(n, DEF_LOCAL, h.range)?;
            }
            self.stmts(&h.body)?;
        }
        self.stmts(orelse)?;
        self.stmts(finalbody)
    }

    fn pattern(&mut self, p: &ast::Pattern) -> CResult<()> {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&v.value),
            P::MatchSingleton(_) => Ok(()),
            P::MatchSequence(s) => s.patterns.iter().try_for_each(|p| self.pattern(p)),
            P::MatchMapping(m) => {
                self.exprs(&m.keys)?;
                m.patterns.iter().try_for_each(|p| self.pattern(p))?;
                if let Some(r) = &m.rest {
                    self.add_def(r, DEF_LOCAL, m.range)?;
                }
                Ok(())
            }
            P::MatchClass(c) => {
                self.expr(&c.cls)?;
                c.patterns
                    .iter()
                    .chain(&c.kwd_patterns)
                    .try_for_each(|p| self.pattern(p))
            }
            P::MatchStar(s) => match &s.name {
                Some(n) => self.add_def(n, DEF_LOCAL, s.range),
                None => Ok(()),
            },
            P::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p)?;
                }
                match &a.name {
                    Some(n) => self.add_def(n, DEF_LOCAL, a.range),
                    None => Ok(()),
                }
            }
            P::MatchOr(o) => o.patterns.iter().try_for_each(|p| self.pattern(p)),
        }
    }

    fn expr(&mut self, e: &ast::Expr) -> CResult<()> {
        use ast::Expr as E;
        match e {
            E::BoolOp(b) => self.exprs(&b.values),
            E::NamedExpr(n) => {
                if self.table.scopes[self.cur()].comp_iter_expr > 0 {
                    return Err(CompileError::new(
                        "assignment expression cannot be used in a comprehension iterable expression",
                        n.range,
                    ));
                }
                if self.table.scopes[self.cur()].comprehension.is_some() {
                    self.extend_namedexpr_scope(&n.target)?;
                }
                self.expr(&n.value)?;
                self.expr(&n.target)
            }
            E::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)
            }
            E::UnaryOp(u) => self.expr(&u.operand),
            E::Lambda(l) => {
                self.arguments_outer(&l.args, None, false)?;
                self.enter(l, ScopeKind::Function);
                self.params(&l.args)?;
                self.expr(&l.body)?;
                self.exit();
                Ok(())
            }
            E::IfExp(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)
            }
            E::Dict(d) => {
                for k in d.keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(&d.values)
            }
            E::Set(s) => self.exprs(&s.elts),
            E::ListComp(c) => self.comprehension(c, CompKind::List, &c.generators, &c.elt, None),
            E::SetComp(c) => self.comprehension(c, CompKind::Set, &c.generators, &c.elt, None),
            E::DictComp(c) => {
                self.comprehension(c, CompKind::Dict, &c.generators, &c.key, Some(&c.value))
            }
            E::GeneratorExp(c) => self.comprehension(c, CompKind::Gen, &c.generators, &c.elt, None),
            E::Await(a) => {
                self.expr(&a.value)?;
                self.cur_scope().is_coroutine = true;
                Ok(())
            }
            E::Yield(y) => {
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
                self.mark_generator(y.range)
            }
            E::YieldFrom(y) => {
                self.expr(&y.value)?;
                self.mark_generator(y.range)
            }
            E::Compare(c) => {
                self.expr(&c.left)?;
                self.exprs(&c.comparators)
            }
            E::Call(c) => {
                self.expr(&c.func)?;
                self.exprs(&c.args)?;
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                Ok(())
            }
            E::FormattedValue(f) => {
                self.expr(&f.value)?;
                if let Some(s) = &f.format_spec {
                    self.expr(s)?;
                }
                Ok(())
            }
            E::JoinedStr(j) => self.exprs(&j.values),
            E::Constant(_) => Ok(()),
            E::Attribute(a) => self.expr(&a.value),
            E::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)
            }
            E::Starred(s) => self.expr(&s.value),
            E::Name(n) => {
                let fl = if n.ctx == ast::ExprContext::Load {
                    USE
                } else {
                    DEF_LOCAL
                };
                self.add_def(&n.id, fl, n.range)?;
                if n.ctx == ast::ExprContext::Load
                    && self.table.scopes[self.cur()].kind == ScopeKind::Function
                    && n.id.as_str() == "super"
                {
                    let cur = self.cur();
                    self.add_def_in(cur, "__class__", USE, n.range)?;
                }
                Ok(())
            }
            E::List(l) => self.exprs(&l.elts),
            E::Tuple(t) => self.exprs(&t.elts),
            E::Slice(s) => {
                for p in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(p)?;
                }
                Ok(())
            }
        }
    }

    fn mark_generator(&mut self, range: TextRange) -> CResult<()> {
        let s = self.cur_scope();
        if let Some(k) = s.comprehension {
            return Err(CompileError::new(
                format!("'yield' inside {}", k.describe()),
                range,
            ));
        }
        s.is_generator = true;
        Ok(())
    }

    fn extend_namedexpr_scope(&mut self, target: &ast::Expr) -> CResult<()> {
        let ast::Expr::Name(n) = target else {
            return Ok(());
        };
        let name = mangle(self.private.as_deref(), &n.id);
        for i in (0..self.stack.len()).rev() {
            let sid = self.stack[i];
            let s = &self.table.scopes[sid];
            if s.comprehension.is_some() {
                if s.flags(&name) & DEF_COMP_ITER != 0 {
                    return Err(CompileError::new(
                        format!("assignment expression cannot rebind comprehension iteration variable '{}'", n.id),
                        n.range,
                    ));
                }
                continue;
            }
            match s.kind {
                ScopeKind::Function => {
                    let fl = if s.flags(&name) & DEF_GLOBAL != 0 {
                        DEF_GLOBAL
                    } else {
                        DEF_NONLOCAL
                    };
                    let cur = self.cur();
                    self.add_def_in(cur, &name, fl, n.range)?;
                    return self.add_def_in(sid, &name, DEF_LOCAL, n.range);
                }
                ScopeKind::Module => {
                    let cur = self.cur();
                    self.add_def_in(cur, &name, DEF_GLOBAL, n.range)?;
                    return self.add_def_in(sid, &name, DEF_GLOBAL, n.range);
                }
                ScopeKind::Class => {
                    return Err(CompileError::new(
                        "assignment expression within a comprehension cannot be used in a class body",
                        n.range,
                    ));
                }
            }
        }
        Ok(())
    }

    fn comprehension<T>(
        &mut self,
        node: &T,
        kind: CompKind,
        gens: &[ast::Comprehension],
        elt: &ast::Expr,
        value: Option<&ast::Expr>,
    ) -> CResult<()> {
        let Some(first) = gens.first() else {
            return Ok(());
        };
        let cur = self.cur();
        self.table.scopes[cur].comp_iter_expr += 1;
        let r = self.expr(&first.iter);
        self.table.scopes[cur].comp_iter_expr -= 1;
        r?;
        let id = self.enter(node, ScopeKind::Function);
        {
            let s = &mut self.table.scopes[id];
            s.comprehension = Some(kind);
            s.is_coroutine |= first.is_async;
            s.is_generator = kind == CompKind::Gen;
        }
        self.add_def_in(id, ".0", DEF_PARAM, first.target.range())?;
        self.comp_target(id, &first.target)?;
        self.exprs(&first.ifs)?;
        for g in &gens[1..] {
            self.comp_target(id, &g.target)?;
            self.table.scopes[id].comp_iter_expr += 1;
            let r = self.expr(&g.iter);
            self.table.scopes[id].comp_iter_expr -= 1;
            r?;
            self.exprs(&g.ifs)?;
            if g.is_async {
                self.table.scopes[id].is_coroutine = true;
            }
        }
        if let Some(v) = value {
            self.expr(elt)?;
            self.expr(v)?;
        } else {
            self.expr(elt)?;
        }
        self.exit();
        Ok(())
    }

    fn comp_target(&mut self, id: ScopeId, target: &ast::Expr) -> CResult<()> {
        self.table.scopes[id].comp_iter_target = true;
        let r = self.expr(target);
        self.table.scopes[id].comp_iter_target = false;
        r
    }
}

/// Second pass: resolves every name's scope (CPython's `analyze_block`).
fn analyze(t: &mut SymbolTable) -> CResult<()> {
    let mut free = HashSet::new();
    let global = HashSet::new();
    analyze_block(t, 0, None, &mut free, &global)
}

fn analyze_block(
    t: &mut SymbolTable,
    id: ScopeId,
    bound: Option<&HashSet<String>>,
    free: &mut HashSet<String>,
    global: &HashSet<String>,
) -> CResult<()> {
    let kind = t.scopes[id].kind;
    let mut local = HashSet::new();
    let mut scopes: HashMap<String, NameScope> = HashMap::new();
    let mut newglobal = HashSet::new();
    let mut newbound = HashSet::new();
    let mut global = global.clone();
    if kind == ScopeKind::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
    }
    let names: Vec<(String, u32)> = t.scopes[id]
        .symbols
        .iter()
        .map(|(n, s)| (n.clone(), s.flags))
        .collect();
    for (name, fl) in &names {
        let sc = if fl & DEF_GLOBAL != 0 {
            if fl & DEF_NONLOCAL != 0 {
                let range = t.scopes[id]
                    .directives
                    .get(name)
                    .copied()
                    .unwrap_or_default();
                return Err(CompileError::new(
                    format!("name '{name}' is nonlocal and global"),
                    range,
                ));
            }
            global.insert(name.clone());
            NameScope::GlobalExplicit
        } else if fl & DEF_NONLOCAL != 0 {
            let range = t.scopes[id]
                .directives
                .get(name)
                .copied()
                .unwrap_or_default();
            match bound {
                None => {
                    return Err(CompileError::new(
                        "nonlocal declaration not allowed at module level",
                        range,
                    ))
                }
                Some(b) if !b.contains(name) => {
                    return Err(CompileError::new(
                        format!("no binding for nonlocal '{name}' found"),
                        range,
                    ))
                }
                Some(_) => {}
            }
            t.scopes[id].has_free = true;
            free.insert(name.clone());
            NameScope::Free
        } else if fl & DEF_BOUND != 0 {
            local.insert(name.clone());
            global.remove(name);
            NameScope::Local
        } else if bound.is_some_and(|b| b.contains(name)) {
            t.scopes[id].has_free = true;
            free.insert(name.clone());
            NameScope::Free
        } else {
            NameScope::GlobalImplicit
        };
        scopes.insert(name.clone(), sc);
    }
    if kind != ScopeKind::Class {
        if kind == ScopeKind::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_string());
    }
    let mut allfree = HashSet::new();
    let children = t.scopes[id].children.clone();
    for c in children {
        let mut temp_free = HashSet::new();
        analyze_block(t, c, Some(&newbound), &mut temp_free, &newglobal)?;
        allfree.extend(temp_free);
        if t.scopes[c].has_free || t.scopes[c].child_free {
            t.scopes[id].child_free = true;
        }
    }
    let mut newfree = allfree;
    if kind == ScopeKind::Function {
        for (name, sc) in scopes.iter_mut() {
            if *sc == NameScope::Local && newfree.remove(name) {
                *sc = NameScope::Cell;
            }
        }
    } else if kind == ScopeKind::Class && newfree.remove("__class__") {
        t.scopes[id].needs_class_closure = true;
    }
    // Record the results (CPython's update_symbols).
    let s = &mut t.scopes[id];
    for (name, sym) in s.symbols.iter_mut() {
        if let Some(sc) = scopes.get(name) {
            sym.scope = *sc;
        }
    }
    let mut sorted_free: Vec<&String> = newfree.iter().collect();
    sorted_free.sort();
    for name in sorted_free {
        if let Some(sym) = s.index.get(name).map(|&i| &mut s.symbols[i].1) {
            if kind == ScopeKind::Class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                sym.flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if bound.is_some_and(|b| !b.contains(name)) {
            continue;
        }
        s.symbol_mut(name).scope = NameScope::Free;
    }
    free.extend(newfree);
    Ok(())
}
