//! Builds `_ast` node objects from rustpython-parser's tree: the back end of
//! `compile(source, filename, mode, PyCF_ONLY_AST)` (`ast.parse`).
//!
//! Registered at start-up under [`BUILDER`] in `vm.native_classes` as a native function
//! `(source, mode)`; the `compile` builtin calls it after the frontend has accepted the
//! source, so syntax errors keep the frontend's CPython-exact messages. Positions follow
//! CPython 3.11: 1-based lines, 0-based UTF-8 byte columns; where rustpython places a node
//! differently from CPython (decorated definitions, f-string parts) the position is fixed
//! here.

mod expr;
mod pattern;
mod stmt;

use std::collections::HashMap;

use pyrs_frontend::SourceMap;
use pyrs_interp::ops;
use pyrs_interp::types::str::{as_str, new_str};
use pyrs_interp::types::{dict, list};
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, PyResult, Vm};
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextRange;

/// The key of the builder function in `vm.native_classes`.
pub const BUILDER: &str = "compile.ast_builder";

/// The fields of node classes that may be absent (`?` in CPython's ASDL): their class
/// attribute is `None`, which `ast.dump` relies on to omit them.
const OPTIONAL: &[(&str, &[&str])] = &[
    ("AnnAssign", &["value"]),
    ("Assert", &["msg"]),
    ("Assign", &["type_comment"]),
    ("AsyncFor", &["type_comment"]),
    ("AsyncFunctionDef", &["returns", "type_comment"]),
    ("AsyncWith", &["type_comment"]),
    ("Constant", &["kind"]),
    ("ExceptHandler", &["type", "name"]),
    ("For", &["type_comment"]),
    ("FormattedValue", &["format_spec"]),
    ("FunctionDef", &["returns", "type_comment"]),
    ("ImportFrom", &["module", "level"]),
    ("MatchAs", &["pattern", "name"]),
    ("MatchMapping", &["rest"]),
    ("MatchStar", &["name"]),
    ("Raise", &["exc", "cause"]),
    ("Return", &["value"]),
    ("Slice", &["lower", "upper", "step"]),
    ("With", &["type_comment"]),
    ("Yield", &["value"]),
    ("alias", &["asname"]),
    ("arg", &["annotation", "type_comment"]),
    ("arguments", &["vararg", "kwarg"]),
    ("keyword", &["arg"]),
    ("match_case", &["guard"]),
    ("withitem", &["optional_vars"]),
];

/// The fields and attributes that node class `name` itself sets to `None`: its optional
/// fields, and `end_lineno`/`end_col_offset` on the located base kinds except `pattern`
/// (subclasses inherit them).
pub fn optional_fields(name: &str) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = OPTIONAL
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, f)| f.to_vec())
        .unwrap_or_default();
    let located = matches!(
        name,
        "stmt" | "expr" | "excepthandler" | "arg" | "keyword" | "alias"
    );
    if located {
        v.extend(["end_lineno", "end_col_offset"]);
    }
    v
}

/// Registers the builder so that `compile` can find it.
/// The holder is a pinned class (kept in `vm.native_classes`) whose static method `build`
/// is the builder and whose attribute `singletons` maps operator and context class names
/// to their shared instances (as CPython, every `Add` of parsed trees is one object).
pub fn register(vm: &mut Vm) {
    let cls = crate::common::new_type(vm, BUILDER, None, false);
    vm.add_staticmethod(cls, "build", build_native);
    let d = dict::new_dict(vm);
    vm.add_attr(cls, "singletons", d);
}

/// `build(source, mode)`: the `_ast` tree of `source` parsed in `mode`.
fn build_native(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "build", 2, 2)?;
    let (Some(src), Some(mode)) = (as_str(args.pos[0]), as_str(args.pos[1])) else {
        return Err(vm.type_error("build() needs two strings"));
    };
    let (src, mode) = (src.to_string(), mode.to_string());
    let pmode = match mode.as_str() {
        "exec" => rustpython_parser::Mode::Module,
        "eval" => rustpython_parser::Mode::Expression,
        "single" => rustpython_parser::Mode::Interactive,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let tree = match rustpython_parser::parse(&src, pmode, "<unknown>") {
        Ok(t) => t,
        Err(e) => return Err(vm.raise_new(vm.cls.syntax_error, &e.error.to_string())),
    };
    let ast_mod = pyrs_interp::eval::import::import_module(vm, "_ast")?;
    let Some(&holder) = vm.native_classes.get(BUILDER) else {
        return Err(vm.not_implemented("compile() to an AST"));
    };
    let singletons = ops::attr::getattr_str(vm, holder, "singletons")?;
    let mut b = Builder {
        map: SourceMap::new(&src),
        module: ast_mod,
        classes: HashMap::new(),
        singletons,
    };
    b.module(vm, &tree)
}

/// A conversion in progress.
struct Builder<'a> {
    map: SourceMap<'a>,
    module: Value,
    classes: HashMap<&'static str, Value>,
    singletons: Value,
}

type Fields<'f> = &'f [(&'static str, Value)];

impl Builder<'_> {
    fn class(&mut self, vm: &mut Vm, name: &'static str) -> PyResult {
        if let Some(&c) = self.classes.get(name) {
            return Ok(c);
        }
        let c = ops::attr::getattr_str(vm, self.module, name)?;
        self.classes.insert(name, c);
        Ok(c)
    }

    /// A node without position attributes.
    fn bare(&mut self, vm: &mut Vm, name: &'static str, fields: Fields<'_>) -> PyResult {
        let cls = self.class(vm, name)?;
        let node = ops::call::call(vm, cls, &[])?;
        for &(k, v) in fields {
            let k = vm.intern(k);
            ops::attr::setattr(vm, node, k, v)?;
        }
        Ok(node)
    }

    /// A node with `lineno`/`col_offset`/`end_lineno`/`end_col_offset` from `range`.
    fn node(
        &mut self,
        vm: &mut Vm,
        name: &'static str,
        range: TextRange,
        fields: Fields<'_>,
    ) -> PyResult {
        let node = self.bare(vm, name, fields)?;
        self.locate(vm, node, range.start().to_usize(), range.end().to_usize())?;
        Ok(node)
    }

    fn locate(&self, vm: &mut Vm, node: Value, start: usize, end: usize) -> PyResult<()> {
        let (l1, c1) = self.pos(start);
        let (l2, c2) = self.pos(end);
        for (k, v) in [
            ("lineno", l1),
            ("col_offset", c1),
            ("end_lineno", l2),
            ("end_col_offset", c2),
        ] {
            let k = vm.intern(k);
            ops::attr::setattr(vm, node, k, Value::from_usize(v))?;
        }
        Ok(())
    }

    /// (1-based line, 0-based byte column) of byte offset `off`.
    fn pos(&self, off: usize) -> (usize, usize) {
        let (line, col) = self.map.line_col(off);
        (line as usize, col as usize)
    }

    /// The shared instance of an operator or context class.
    fn singleton(&mut self, vm: &mut Vm, name: String) -> PyResult {
        let key = vm.intern(&name);
        if let Some(v) = dict::get_str_key(self.singletons, key) {
            return Ok(v);
        }
        let cls = ops::attr::getattr(vm, self.module, key)?;
        let v = ops::call::call(vm, cls, &[])?;
        dict::set_str_key(self.singletons, key, v);
        Ok(v)
    }

    fn op<T: std::fmt::Debug>(&mut self, vm: &mut Vm, op: &T) -> PyResult {
        self.singleton(vm, format!("{op:?}"))
    }

    fn module(&mut self, vm: &mut Vm, m: &ast::Mod) -> PyResult {
        match m {
            ast::Mod::Module(m) => {
                let body = self.stmts(vm, &m.body)?;
                let ti = list::new_list(vm, Vec::new());
                self.bare(vm, "Module", &[("body", body), ("type_ignores", ti)])
            }
            ast::Mod::Interactive(m) => {
                let body = self.stmts(vm, &m.body)?;
                self.bare(vm, "Interactive", &[("body", body)])
            }
            ast::Mod::Expression(m) => {
                let body = self.expr(vm, &m.body)?;
                self.bare(vm, "Expression", &[("body", body)])
            }
            ast::Mod::FunctionType(_) => Err(vm.not_implemented("ast FunctionType mode")),
        }
    }

    fn str(&self, vm: &mut Vm, s: &str) -> Value {
        new_str(vm, s)
    }

    fn opt_ident(&self, vm: &mut Vm, s: &Option<ast::Identifier>) -> Value {
        match s {
            Some(s) => new_str(vm, s.as_str()),
            None => vm.none,
        }
    }

    fn stmts(&mut self, vm: &mut Vm, body: &[ast::Stmt]) -> PyResult {
        let mut v = Vec::with_capacity(body.len());
        for s in body {
            v.push(self.stmt(vm, s)?);
        }
        Ok(list::new_list(vm, v))
    }

    fn exprs(&mut self, vm: &mut Vm, es: &[ast::Expr]) -> PyResult {
        let mut v = Vec::with_capacity(es.len());
        for e in es {
            v.push(self.expr(vm, e)?);
        }
        Ok(list::new_list(vm, v))
    }

    fn opt_expr(&mut self, vm: &mut Vm, e: Option<&ast::Expr>) -> PyResult {
        match e {
            Some(e) => self.expr(vm, e),
            None => Ok(vm.none),
        }
    }

    /// The start of a decorated definition: the `def`/`class`/`async` keyword after the
    /// last decorator (CPython's position; rustpython starts at the first `@`).
    fn def_start(&self, range: TextRange, decorators: &[ast::Expr]) -> usize {
        let start = range.start().to_usize();
        let Some(last) = decorators.last() else {
            return start;
        };
        let bytes = self.map.text().as_bytes();
        let mut i = last.range().end().to_usize();
        let mut in_comment = false;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' | b'\r' => in_comment = false,
                b'#' => in_comment = true,
                b' ' | b'\t' | b'\x0c' | b'\\' | b')' => {}
                _ if in_comment => {}
                b'@' => {}
                _ => return i,
            }
            i += 1;
        }
        start
    }
}
