//! `from __future__ import ...`: validation and the features the compiler honours.

use crate::errors::{CResult, CompileError, End};
use rustpython_parser::ast;

/// The feature names Python 3.11 accepts.
const KNOWN: [&str; 10] = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

fn is_future(s: &ast::Stmt) -> Option<&ast::StmtImportFrom> {
    match s {
        ast::Stmt::ImportFrom(i)
            if i.module.as_deref() == Some("__future__")
                && i.level.map_or(0, |l| l.to_u32()) == 0 =>
        {
            Some(i)
        }
        _ => None,
    }
}

/// Checks the future imports of a module; returns whether `annotations` is enabled.
pub(crate) fn features(m: &ast::Mod) -> CResult<bool> {
    let body = match m {
        ast::Mod::Module(m) => &m.body,
        ast::Mod::Interactive(m) => &m.body,
        _ => return Ok(false),
    };
    let mut annotations = false;
    let mut prefix = true;
    for (i, s) in body.iter().enumerate() {
        if let Some(imp) = is_future(s) {
            if !prefix {
                return Err(CompileError::new(
                    "from __future__ imports must occur at the beginning of the file",
                    imp.range,
                ));
            }
            for a in &imp.names {
                match a.name.as_str() {
                    "annotations" => annotations = true,
                    "braces" => {
                        return Err(CompileError::new("not a chance", imp.range).end(End::Unknown))
                    }
                    n if KNOWN.contains(&n) => {}
                    n => {
                        return Err(CompileError::new(
                            format!("future feature {n} is not defined"),
                            imp.range,
                        )
                        .end(End::Unknown))
                    }
                }
            }
            continue;
        }
        let is_doc = i == 0 && crate::compile::docstring_of(std::slice::from_ref(s)).is_some();
        if !is_doc {
            prefix = false;
        }
    }
    Ok(annotations)
}
