//! Code generation: AST + symbol tables → code objects.
//!
//! One [`Unit`] per code object under construction, stacked as blocks nest. Instructions are
//! emitted linearly with symbolic [`Label`]s; exception handlers are a compile-time stack
//! (CPython's `SETUP_*`/`POP_BLOCK` pseudo-instructions become [`Item::Setup`] markers and
//! stack pushes/pops), and [`assemble`] resolves labels, handler depths and the exception
//! table. Submodules: `expr` (expressions), `stmt` (statements), `control` (loops, try,
//! with, unwinding), `scope` (functions, classes, lambdas, comprehensions), `target`
//! (assignment/deletion targets), `pattern` (match), `assemble`.

mod assemble;
mod control;
mod expr;
mod pattern;
mod scope;
mod stmt;
mod target;

use crate::bytecode::{Const, Location, Op};
use crate::errors::{CResult, CompileError};
use crate::source::SourceMap;
use crate::symtable::{self, mangle, NameScope, ScopeId, ScopeKind, SymbolTable};
use crate::Mode;
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextRange;
use std::collections::HashMap;
use std::rc::Rc;

/// A jump target inside one unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(u32);

/// One emitted element of a unit.
#[derive(Clone, Debug)]
pub(crate) enum Item {
    /// A real instruction; `target` replaces `arg` for jumps.
    Instr {
        op: Op,
        arg: u32,
        target: Option<Label>,
        loc: Location,
        handler: Option<u32>,
    },
    /// Start of a protected region of handler `.0` (CPython's `SETUP_*`): fixes its depth.
    Setup(u32),
}

/// An exception handler of a unit.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Handler {
    /// Where to jump.
    pub target: Label,
    /// Push the raising pc.
    pub lasti: bool,
    /// How many items below the depth at `Setup` the stack unwinds to (1 for `with`).
    pub pop: u32,
}

/// Frame blocks: what `break`, `continue` and `return` must unwind (CPython's fblocks).
#[derive(Clone, Debug)]
pub(crate) enum FBlock<'a> {
    WhileLoop { start: Label, end: Label },
    ForLoop { start: Label, end: Label },
    TryExcept,
    FinallyTry { body: &'a [ast::Stmt] },
    FinallyEnd,
    With { is_async: bool, loc: Location },
    HandlerCleanup { name: Option<String> },
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
}

/// The kind of code object under construction (for context-dependent errors).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

/// Name resolution context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

/// One code object under construction.
pub(crate) struct Unit<'a> {
    pub kind: UnitKind,
    pub scope: ScopeId,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub extra_flags: u32,
    pub varnames: Vec<Rc<str>>,
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    var_index: HashMap<String, u32>,
    names: Vec<Rc<str>>,
    name_index: HashMap<String, u32>,
    consts: Vec<Const>,
    pub items: Vec<Item>,
    labels: Vec<Option<u32>>,
    pub handlers: Vec<Handler>,
    pub handler_stack: Vec<u32>,
    pub fblocks: Vec<FBlock<'a>>,
    pub loc: Location,
    pub private: Option<String>,
    pub docstring: Option<Rc<str>>,
}

/// The code generator for one compilation.
pub(crate) struct Compiler<'a> {
    pub sm: &'a SourceMap<'a>,
    pub filename: Rc<str>,
    pub table: SymbolTable,
    pub units: Vec<Unit<'a>>,
    pub future_annotations: bool,
    pub interactive: bool,
}

/// Whether a statement list contains an annotated assignment (outside nested scopes).
fn find_ann(body: &[ast::Stmt]) -> bool {
    use ast::Stmt as S;
    body.iter().any(|s| match s {
        S::AnnAssign(_) => true,
        S::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        S::AsyncFor(f) => find_ann(&f.body) || find_ann(&f.orelse),
        S::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        S::If(i) => find_ann(&i.body) || find_ann(&i.orelse),
        S::With(w) => find_ann(&w.body),
        S::AsyncWith(w) => find_ann(&w.body),
        S::Try(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers
                    .iter()
                    .any(|ast::ExceptHandler::ExceptHandler(h)| find_ann(&h.body))
        }
        S::TryStar(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers
                    .iter()
                    .any(|ast::ExceptHandler::ExceptHandler(h)| find_ann(&h.body))
        }
        S::Match(m) => m.cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

/// The docstring of a body, if its first statement is a string constant.
pub(crate) fn docstring_of(body: &[ast::Stmt]) -> Option<Rc<str>> {
    if let Some(ast::Stmt::Expr(e)) = body.first() {
        if let ast::Expr::Constant(ast::ExprConstant {
            value: ast::Constant::Str(s),
            ..
        }) = e.value.as_ref()
        {
            return Some(Rc::from(s.as_str()));
        }
    }
    None
}

impl<'a> Compiler<'a> {
    /// Compiles a parsed module/expression into its top-level code object.
    pub(crate) fn compile_top(
        sm: &'a SourceMap<'a>,
        filename: &str,
        module: &'a ast::Mod,
        mode: Mode,
        future_annotations: bool,
    ) -> CResult<Rc<crate::bytecode::CodeObject>> {
        let (body, expr): (&[ast::Stmt], Option<&ast::Expr>) = match module {
            ast::Mod::Module(m) => (&m.body, None),
            ast::Mod::Interactive(m) => (&m.body, None),
            ast::Mod::Expression(e) => (&[], Some(&e.body)),
            ast::Mod::FunctionType(_) => return Err(CompileError::at("invalid syntax", 0)),
        };
        let table = symtable::build(body, expr, future_annotations)?;
        let mut c = Compiler {
            sm,
            filename: Rc::from(filename),
            table,
            units: Vec::new(),
            future_annotations,
            interactive: mode == Mode::Single,
        };
        c.enter_unit(UnitKind::Module, 0, "<module>", 1, None);
        if let Some(e) = expr {
            c.set_loc(e.range());
            c.expr(e)?;
            c.emit(Op::ReturnValue, 0);
        } else {
            c.body_with_docstring(body, true)?;
            c.return_none();
        }
        Ok(c.exit_unit())
    }

    /// Module or class body: docstring into `__doc__`, annotations setup, statements.
    fn body_with_docstring(&mut self, body: &'a [ast::Stmt], allow_doc: bool) -> CResult<()> {
        let mut rest = body;
        if find_ann(body) {
            if let Some(first) = body.first() {
                self.set_loc(first.range());
            }
            self.emit(Op::SetupAnnotations, 0);
        }
        if allow_doc && !self.interactive {
            if let Some(doc) = docstring_of(body) {
                self.set_loc(body[0].range());
                self.unit().docstring = Some(doc.clone());
                self.load_const(Const::Str(doc));
                self.name_op("__doc__", Ctx::Store);
                rest = &body[1..];
            }
        }
        self.stmts(rest)
    }

    /// The innermost unit.
    pub(crate) fn unit(&mut self) -> &mut Unit<'a> {
        self.units
            .last_mut()
            .expect("a unit is always active while compiling")
    }

    fn unit_ref(&self) -> &Unit<'a> {
        self.units
            .last()
            .expect("a unit is always active while compiling")
    }

    /// Starts a new code object for scope `scope`.
    pub(crate) fn enter_unit(
        &mut self,
        kind: UnitKind,
        scope: ScopeId,
        name: &str,
        firstlineno: u32,
        private: Option<String>,
    ) {
        let st = &self.table.scopes[scope];
        let mut varnames: Vec<Rc<str>> = Vec::new();
        let mut var_index = HashMap::new();
        let mut add_var = |n: &str, vn: &mut Vec<Rc<str>>| {
            if !var_index.contains_key(n) {
                var_index.insert(n.to_string(), vn.len() as u32);
                vn.push(Rc::from(n));
            }
        };
        let mut cells: Vec<String> = Vec::new();
        let mut frees: Vec<String> = Vec::new();
        if st.kind == ScopeKind::Function {
            for p in &st.params {
                add_var(p, &mut varnames);
            }
        }
        for (n, sym) in &st.symbols {
            match sym.scope {
                NameScope::Local if st.kind == ScopeKind::Function => add_var(n, &mut varnames),
                NameScope::Cell => cells.push(n.clone()),
                NameScope::Free => frees.push(n.clone()),
                _ if sym.flags & symtable::flag::DEF_FREE_CLASS != 0 => frees.push(n.clone()),
                _ => {}
            }
        }
        if st.needs_class_closure {
            cells.push("__class__".to_string());
        }
        cells.sort();
        frees.sort();
        frees.dedup();
        let qualname = self.qualname_for(kind, name);
        let unit = Unit {
            kind,
            scope,
            name: Rc::from(name),
            qualname: Rc::from(qualname.as_str()),
            firstlineno,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            extra_flags: 0,
            varnames,
            cellvars: cells.iter().map(|s| Rc::from(s.as_str())).collect(),
            freevars: frees.iter().map(|s| Rc::from(s.as_str())).collect(),
            var_index,
            names: Vec::new(),
            name_index: HashMap::new(),
            consts: Vec::new(),
            items: Vec::new(),
            labels: Vec::new(),
            handlers: Vec::new(),
            handler_stack: Vec::new(),
            fblocks: Vec::new(),
            loc: Location {
                line: firstlineno,
                end_line: firstlineno,
                col: 0,
                end_col: 0,
            },
            private,
            docstring: None,
        };
        self.units.push(unit);
    }

    fn qualname_for(&self, kind: UnitKind, name: &str) -> String {
        let Some(parent) = self.units.last() else {
            return name.to_string();
        };
        if parent.kind == UnitKind::Module {
            return name.to_string();
        }
        if matches!(
            kind,
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Class
        ) {
            let mangled = mangle(parent.private.as_deref(), name);
            if self.table.scopes[parent.scope].scope_of(&mangled) == NameScope::GlobalExplicit {
                return name.to_string();
            }
        }
        match parent.kind {
            UnitKind::Class => format!("{}.{}", parent.qualname, name),
            _ => format!("{}.<locals>.{}", parent.qualname, name),
        }
    }

    /// Finishes the innermost unit into a code object.
    pub(crate) fn exit_unit(&mut self) -> Rc<crate::bytecode::CodeObject> {
        let unit = self.units.pop().expect("exit_unit matches enter_unit");
        let st = &self.table.scopes[unit.scope];
        Rc::new(assemble::assemble(unit, st, &self.filename))
    }

    /// Sets the location of following instructions to `range`.
    pub(crate) fn set_loc(&mut self, range: TextRange) {
        let loc = self.sm.location(range);
        self.unit().loc = loc;
    }

    /// Emits an instruction at the current location.
    pub(crate) fn emit(&mut self, op: Op, arg: u32) {
        let u = self.unit();
        let handler = u.handler_stack.last().copied();
        let loc = u.loc;
        u.items.push(Item::Instr {
            op,
            arg,
            target: None,
            loc,
            handler,
        });
    }

    /// Emits a jump to `label`.
    pub(crate) fn emit_jump(&mut self, op: Op, label: Label) {
        let u = self.unit();
        let handler = u.handler_stack.last().copied();
        let loc = u.loc;
        u.items.push(Item::Instr {
            op,
            arg: 0,
            target: Some(label),
            loc,
            handler,
        });
    }

    /// A fresh unbound label.
    pub(crate) fn new_label(&mut self) -> Label {
        let u = self.unit();
        u.labels.push(None);
        Label(u.labels.len() as u32 - 1)
    }

    /// Binds `label` to the next emitted instruction.
    pub(crate) fn bind(&mut self, label: Label) {
        let u = self.unit();
        let pos = u.items.len() as u32;
        u.labels[label.0 as usize] = Some(pos);
    }

    /// Opens a protected region whose exceptions go to `target` (CPython's `SETUP_FINALLY`
    /// when `lasti` is false, `SETUP_CLEANUP` when true; `pop` = 1 for `SETUP_WITH`).
    pub(crate) fn push_handler(&mut self, target: Label, lasti: bool, pop: u32) {
        let u = self.unit();
        let id = u.handlers.len() as u32;
        u.handlers.push(Handler { target, lasti, pop });
        u.items.push(Item::Setup(id));
        u.handler_stack.push(id);
    }

    /// Closes the innermost protected region (CPython's `POP_BLOCK`).
    pub(crate) fn pop_handler(&mut self) {
        self.unit().handler_stack.pop();
    }

    /// Adds a constant, reusing an identical one.
    pub(crate) fn add_const(&mut self, c: Const) -> u32 {
        let u = self.unit();
        if !matches!(c, Const::Code(_)) {
            if let Some(i) = u.consts.iter().position(|k| const_identical(k, &c)) {
                return i as u32;
            }
        }
        u.consts.push(c);
        u.consts.len() as u32 - 1
    }

    /// Emits `LoadConst`.
    pub(crate) fn load_const(&mut self, c: Const) {
        let i = self.add_const(c);
        self.emit(Op::LoadConst, i);
    }

    /// Emits `LoadConst None; ReturnValue`.
    pub(crate) fn return_none(&mut self) {
        self.load_const(Const::None);
        self.emit(Op::ReturnValue, 0);
    }

    /// Index of a name in `names`.
    pub(crate) fn add_name(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.name_index.get(name) {
            return i;
        }
        u.names.push(Rc::from(name));
        u.name_index
            .insert(name.to_string(), u.names.len() as u32 - 1);
        u.names.len() as u32 - 1
    }

    /// Mangles a name for the innermost unit's class.
    pub(crate) fn mangle(&self, name: &str) -> String {
        mangle(self.unit_ref().private.as_deref(), name)
    }

    /// The localsplus slot of a cell or free variable.
    pub(crate) fn deref_slot(&self, name: &str) -> Option<u32> {
        let u = self.unit_ref();
        let nl = u.varnames.len();
        if let Some(i) = u.cellvars.iter().position(|c| &**c == name) {
            return Some((nl + i) as u32);
        }
        u.freevars
            .iter()
            .position(|c| &**c == name)
            .map(|i| (nl + u.cellvars.len() + i) as u32)
    }

    /// Emits the load/store/delete of a variable according to its scope.
    pub(crate) fn name_op(&mut self, name: &str, ctx: Ctx) {
        let mangled = self.mangle(name);
        let (scope, kind) = {
            let u = self.unit_ref();
            let st = &self.table.scopes[u.scope];
            (st.scope_of(&mangled), st.kind)
        };
        enum How {
            Fast(u32),
            Deref(u32),
            Global,
            Name,
        }
        let how = match scope {
            NameScope::Free | NameScope::Cell => match self.deref_slot(&mangled) {
                Some(s) => How::Deref(s),
                None => How::Name,
            },
            NameScope::Local if kind == ScopeKind::Function => {
                match self.unit_ref().var_index.get(&mangled) {
                    Some(&s) => How::Fast(s),
                    None => How::Name,
                }
            }
            NameScope::GlobalImplicit if kind == ScopeKind::Function => How::Global,
            NameScope::GlobalExplicit => How::Global,
            _ => How::Name,
        };
        match how {
            How::Fast(s) => {
                let op = match ctx {
                    Ctx::Load => Op::LoadFast,
                    Ctx::Store => Op::StoreFast,
                    Ctx::Del => Op::DeleteFast,
                };
                self.emit(op, s)
            }
            How::Deref(s) => {
                let op = match ctx {
                    Ctx::Load if kind == ScopeKind::Class => Op::LoadClassDeref,
                    Ctx::Load => Op::LoadDeref,
                    Ctx::Store => Op::StoreDeref,
                    Ctx::Del => Op::DeleteDeref,
                };
                if op == Op::LoadClassDeref {
                    self.add_name(&mangled);
                }
                self.emit(op, s)
            }
            How::Global => {
                let i = self.add_name(&mangled);
                let op = match ctx {
                    Ctx::Load => Op::LoadGlobal,
                    Ctx::Store => Op::StoreGlobal,
                    Ctx::Del => Op::DeleteGlobal,
                };
                self.emit(op, i)
            }
            How::Name => {
                let i = self.add_name(&mangled);
                let op = match ctx {
                    Ctx::Load => Op::LoadName,
                    Ctx::Store => Op::StoreName,
                    Ctx::Del => Op::DeleteName,
                };
                self.emit(op, i)
            }
        }
    }

    /// An error at `range`.
    pub(crate) fn error<T>(&self, msg: impl Into<String>, range: TextRange) -> CResult<T> {
        Err(CompileError::new(msg, range))
    }

    /// Whether the innermost unit is a function-like block (where `yield`, `return` are allowed).
    pub(crate) fn in_function(&self) -> bool {
        self.table.scopes[self.unit_ref().scope].kind == ScopeKind::Function
    }
}

/// Whether two constants are the same object for the purpose of sharing a slot (type- and
/// sign-sensitive: `0`, `0.0`, `-0.0` and `False` stay distinct).
fn const_identical(a: &Const, b: &Const) -> bool {
    match (a, b) {
        (Const::None, Const::None) | (Const::Ellipsis, Const::Ellipsis) => true,
        (Const::Bool(x), Const::Bool(y)) => x == y,
        (Const::Int(x), Const::Int(y)) => x == y,
        (Const::BigInt(x), Const::BigInt(y)) => x == y,
        (Const::Float(x), Const::Float(y)) => x.to_bits() == y.to_bits(),
        (Const::Complex(a1, b1), Const::Complex(a2, b2)) => {
            a1.to_bits() == a2.to_bits() && b1.to_bits() == b2.to_bits()
        }
        (Const::Str(x), Const::Str(y)) => x == y,
        (Const::Bytes(x), Const::Bytes(y)) => x == y,
        (Const::Tuple(x), Const::Tuple(y)) | (Const::FrozenSet(x), Const::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| const_identical(p, q))
        }
        _ => false,
    }
}
