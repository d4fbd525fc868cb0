//! The `_ast` module: the node classes of Python's abstract syntax tree (CPython 3.11's
//! set: name, base, `_fields`, `_attributes`, `None` defaults of optional fields) with the
//! generic `AST.__init__`. Trees of parsed source (`compile(..., PyCF_ONLY_AST)`) are built
//! by [`crate::ast_build`].

use pyrs_interp::ops;
use pyrs_interp::types::class::{self, class_of};
use pyrs_interp::types::dict;
use pyrs_interp::types::str::new_str;
use pyrs_interp::types::tuple::new_tuple;
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, PyResult, Vm};

/// Every node class in dependency order: name, base (empty for `AST`), fields and
/// attributes (space-separated).
const NODES: &[(&str, &str, &str, &str)] = &[
    ("AST", "", "", ""),
    ("operator", "AST", "", ""),
    ("Add", "operator", "", ""),
    ("boolop", "AST", "", ""),
    ("And", "boolop", "", ""),
    (
        "stmt",
        "AST",
        "",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "AnnAssign",
        "stmt",
        "target annotation value simple",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "Assert",
        "stmt",
        "test msg",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "Assign",
        "stmt",
        "targets value type_comment",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "AsyncFor",
        "stmt",
        "target iter body orelse type_comment",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "AsyncFunctionDef",
        "stmt",
        "name args body decorator_list returns type_comment",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "AsyncWith",
        "stmt",
        "items body type_comment",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "expr",
        "AST",
        "",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "Attribute",
        "expr",
        "value attr ctx",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "AugAssign",
        "stmt",
        "target op value",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "Await",
        "expr",
        "value",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "BinOp",
        "expr",
        "left op right",
        "lineno col_offset end_lineno end_col_offset",
    ),
    ("BitAnd", "operator", "", ""),
    ("BitOr", "operator", "", ""),
    ("BitXor", "operator", "", ""),
    (
        "BoolOp",
        "expr",
        "op values",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "Break",
        "stmt",
        "",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "Call",
        "expr",
        "func args keywords",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "ClassDef",
        "stmt",
        "name bases keywords body decorator_list",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "Compare",
        "expr",
        "left ops comparators",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "Constant",
        "expr",
        "value kind",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "Continue",
        "stmt",
        "",
        "lineno col_offset end_lineno end_col_offset",
    ),
    ("expr_context", "AST", "", ""),
    ("Del", "expr_context", "", ""),
    (
        "Delete",
        "stmt",
        "targets",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "Dict",
        "expr",
        "keys values",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "DictComp",
        "expr",
        "key value generators",
        "lineno col_offset end_lineno end_col_offset",
    ),
    ("Div", "operator", "", ""),
    ("cmpop", "AST", "", ""),
    ("Eq", "cmpop", "", ""),
    (
        "excepthandler",
        "AST",
        "",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "ExceptHandler",
        "excepthandler",
        "type name body",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "Expr",
        "stmt",
        "value",
        "lineno col_offset end_lineno end_col_offset",
    ),
    ("mod", "AST", "", ""),
    ("Expression", "mod", "body", ""),
    ("FloorDiv", "operator", "", ""),
    (
        "For",
        "stmt",
        "target iter body orelse type_comment",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "FormattedValue",
        "expr",
        "value conversion format_spec",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "FunctionDef",
        "stmt",
        "name args body decorator_list returns type_comment",
        "lineno col_offset end_lineno end_col_offset",
    ),
    ("FunctionType", "mod", "argtypes returns", ""),
    (
        "GeneratorExp",
        "expr",
        "elt generators",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "Global",
        "stmt",
        "names",
        "lineno col_offset end_lineno end_col_offset",
    ),
    ("Gt", "cmpop", "", ""),
    ("GtE", "cmpop", "", ""),
    (
        "If",
        "stmt",
        "test body orelse",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "IfExp",
        "expr",
        "test body orelse",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "Import",
        "stmt",
        "names",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "ImportFrom",
        "stmt",
        "module names level",
        "lineno col_offset end_lineno end_col_offset",
    ),
    ("In", "cmpop", "", ""),
    ("Interactive", "mod", "body", ""),
    ("unaryop", "AST", "", ""),
    ("Invert", "unaryop", "", ""),
    ("Is", "cmpop", "", ""),
    ("IsNot", "cmpop", "", ""),
    (
        "JoinedStr",
        "expr",
        "values",
        "lineno col_offset end_lineno end_col_offset",
    ),
    ("LShift", "operator", "", ""),
    (
        "Lambda",
        "expr",
        "args body",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "List",
        "expr",
        "elts ctx",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "ListComp",
        "expr",
        "elt generators",
        "lineno col_offset end_lineno end_col_offset",
    ),
    ("Load", "expr_context", "", ""),
    ("Lt", "cmpop", "", ""),
    ("LtE", "cmpop", "", ""),
    ("MatMult", "operator", "", ""),
    (
        "Match",
        "stmt",
        "subject cases",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "pattern",
        "AST",
        "",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "MatchAs",
        "pattern",
        "pattern name",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "MatchClass",
        "pattern",
        "cls patterns kwd_attrs kwd_patterns",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "MatchMapping",
        "pattern",
        "keys patterns rest",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "MatchOr",
        "pattern",
        "patterns",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "MatchSequence",
        "pattern",
        "patterns",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "MatchSingleton",
        "pattern",
        "value",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "MatchStar",
        "pattern",
        "name",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "MatchValue",
        "pattern",
        "value",
        "lineno col_offset end_lineno end_col_offset",
    ),
    ("Mod", "operator", "", ""),
    ("Module", "mod", "body type_ignores", ""),
    ("Mult", "operator", "", ""),
    (
        "Name",
        "expr",
        "id ctx",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "NamedExpr",
        "expr",
        "target value",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "Nonlocal",
        "stmt",
        "names",
        "lineno col_offset end_lineno end_col_offset",
    ),
    ("Not", "unaryop", "", ""),
    ("NotEq", "cmpop", "", ""),
    ("NotIn", "cmpop", "", ""),
    ("Or", "boolop", "", ""),
    (
        "Pass",
        "stmt",
        "",
        "lineno col_offset end_lineno end_col_offset",
    ),
    ("Pow", "operator", "", ""),
    ("RShift", "operator", "", ""),
    (
        "Raise",
        "stmt",
        "exc cause",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "Return",
        "stmt",
        "value",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "Set",
        "expr",
        "elts",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "SetComp",
        "expr",
        "elt generators",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "Slice",
        "expr",
        "lower upper step",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "Starred",
        "expr",
        "value ctx",
        "lineno col_offset end_lineno end_col_offset",
    ),
    ("Store", "expr_context", "", ""),
    ("Sub", "operator", "", ""),
    (
        "Subscript",
        "expr",
        "value slice ctx",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "Try",
        "stmt",
        "body handlers orelse finalbody",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "TryStar",
        "stmt",
        "body handlers orelse finalbody",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "Tuple",
        "expr",
        "elts ctx",
        "lineno col_offset end_lineno end_col_offset",
    ),
    ("type_ignore", "AST", "", ""),
    ("TypeIgnore", "type_ignore", "lineno tag", ""),
    ("UAdd", "unaryop", "", ""),
    ("USub", "unaryop", "", ""),
    (
        "UnaryOp",
        "expr",
        "op operand",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "While",
        "stmt",
        "test body orelse",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "With",
        "stmt",
        "items body type_comment",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "Yield",
        "expr",
        "value",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "YieldFrom",
        "expr",
        "value",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "alias",
        "AST",
        "name asname",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "arg",
        "AST",
        "arg annotation type_comment",
        "lineno col_offset end_lineno end_col_offset",
    ),
    (
        "arguments",
        "AST",
        "posonlyargs args vararg kwonlyargs kw_defaults kwarg defaults",
        "",
    ),
    ("comprehension", "AST", "target iter ifs is_async", ""),
    (
        "keyword",
        "AST",
        "arg value",
        "lineno col_offset end_lineno end_col_offset",
    ),
    ("match_case", "AST", "pattern guard body", ""),
    ("withitem", "AST", "context_expr optional_vars", ""),
];

/// The names in `_fields` of the class of `node`.
fn fields_of(vm: &mut Vm, node: Value) -> PyResult<Vec<Value>> {
    let cls = class_of(vm, node);
    let k = vm.intern("_fields");
    let f = class::lookup(vm, cls, k);
    if f.is_null() {
        return Ok(Vec::new());
    }
    ops::iter::collect(vm, f)
}

/// `AST.__init__(*args, **kwargs)`: positional arguments fill `_fields` in order, keyword
/// arguments set attributes.
fn ast_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(&node) = args.pos.first() else {
        return Err(vm.type_error("AST.__init__ needs a node"));
    };
    let pos = &args.pos[1..];
    if !pos.is_empty() {
        let fields = fields_of(vm, node)?;
        if pos.len() > fields.len() {
            let name = class::type_name(vm, node).to_string();
            return Err(vm.type_error(format!(
                "{name} constructor takes at most {} positional argument{}",
                fields.len(),
                if fields.len() == 1 { "" } else { "s" }
            )));
        }
        for (f, &v) in fields.iter().zip(pos) {
            ops::attr::setattr(vm, node, *f, v)?;
        }
    }
    for (k, &v) in args.kwnames.iter().zip(args.kw) {
        ops::attr::setattr(vm, node, *k, v)?;
    }
    Ok(vm.none)
}

/// `AST.__reduce__`: rebuild from the class and the instance dict.
fn ast_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(&node) = args.pos.first() else {
        return Err(vm.type_error("AST.__reduce__ needs a node"));
    };
    let cls = class_of(vm, node);
    let n = vm.names.__dict__;
    let d = ops::attr::getattr_opt(vm, node, n)?.unwrap_or(vm.none);
    let empty = new_tuple(vm, &[]);
    Ok(new_tuple(vm, &[cls, empty, d]))
}

fn name_tuple(vm: &mut Vm, names: &str) -> Value {
    let items: Vec<Value> = names.split_whitespace().map(|n| vm.intern(n)).collect();
    new_tuple(vm, &items)
}

/// Creates the `_ast` module.
pub fn init(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("_ast");
    let mut made: Vec<(&str, Value)> = Vec::new();
    for &(name, base, fields, attributes) in NODES {
        let bases: Vec<Value> = match made.iter().find(|(n, _)| *n == base) {
            Some(&(_, b)) => vec![b],
            None => Vec::new(),
        };
        let ns = dict::new_dict(vm);
        let set = |vm: &mut Vm, k: &str, v: Value| {
            let k = vm.intern(k);
            dict::set_str_key(ns, k, v);
        };
        let module = new_str(vm, "ast");
        set(vm, "__module__", module);
        let f = name_tuple(vm, fields);
        set(vm, "_fields", f);
        set(vm, "__match_args__", f);
        let a = name_tuple(vm, attributes);
        set(vm, "_attributes", a);
        let none = vm.none;
        for f in crate::ast_build::optional_fields(name) {
            set(vm, f, none);
        }
        let n = vm.intern(name);
        let meta = vm.cls.type_;
        let cls = class::new_class(vm, meta, n, &bases, ns)?;
        if base.is_empty() {
            vm.add_method(cls, "__init__", ast_init);
            vm.add_method(cls, "__reduce__", ast_reduce);
        }
        made.push((name, cls));
        vm.module_set(m, name, cls);
    }
    for (name, v) in [
        ("PyCF_ONLY_AST", 1024),
        ("PyCF_TYPE_COMMENTS", 4096),
        ("PyCF_ALLOW_TOP_LEVEL_AWAIT", 8192),
    ] {
        vm.module_set(m, name, Value::from_usize(v));
    }
    Ok(m)
}
