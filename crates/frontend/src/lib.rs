//! pyrs-frontend: Python 3.11 source → AST (rustpython-parser) → symbol tables → bytecode.
//!
//! Called by the interpreter (`compile`, `exec`, `eval`, imports) and by `pyrs --dis`. It
//! promises: every program rustpython-parser accepts compiles to a [`bytecode::CodeObject`]
//! whose behaviour is CPython 3.11's, and every invalid program gives a [`SyntaxError`] with
//! CPython's message, line and column. It knows nothing about run-time objects and never
//! panics on any input.
//!
//! Map: [`bytecode`] (the instruction set: the contract with the interpreter), `symtable`
//! (scopes of names), `compile` (code generation, one submodule per construct family),
//! [`stack`] (stack effects and the stack-depth verifier), `dis` ([`disassemble`]),
//! `parse_error` and `errors` (CPython's syntax-error messages), `future` (`__future__`),
//! [`anchors`] (caret anchors of traceback source lines).

pub mod anchors;
pub mod bytecode;
mod compile;
mod dis;
mod errors;
mod escapes;
mod future;
mod hints;
mod numbers;
mod parse_error;
mod source;
pub mod stack;
mod symtable;
mod tokens;

pub use dis::disassemble;
pub use source::SourceMap;

use std::rc::Rc;

/// What the source is compiled as, like the `mode` argument of `compile()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module or `exec` source: statements.
    Exec,
    /// One expression (`eval`); the code returns its value.
    Eval,
    /// One interactive statement: expression statements print their value (`PrintExpr`).
    Single,
}

/// Which subclass of `SyntaxError` to raise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// `SyntaxError`
    Syntax,
    /// `IndentationError`
    Indentation,
    /// `TabError`
    Tab,
}

/// A compile error, with the fields of Python's `SyntaxError`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// Which exception class.
    pub kind: SyntaxErrorKind,
    /// The message, exactly as CPython 3.11 words it.
    pub msg: String,
    /// The file name given to the compiler.
    pub filename: String,
    /// 1-based line.
    pub lineno: u32,
    /// 1-based column (CPython's `offset`), in characters.
    pub offset: u32,
    /// 1-based end line.
    pub end_lineno: u32,
    /// 1-based end column; `0` or `-1` where CPython reports those (unclosed brackets,
    /// indentation errors).
    pub end_offset: i32,
    /// The source line, if known (with its newline, as CPython's `text`).
    pub text: Option<String>,
}

/// Sources longer than this are compiled on a helper thread with a large stack, so that
/// deeply nested expressions cannot overflow the caller's stack.
const BIG_SOURCE: usize = 2048;

/// Stack size of the helper thread.
const BIG_STACK: usize = 512 << 20;

/// Compiles `source` (from `filename`) into a code object.
pub fn compile(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<Rc<bytecode::CodeObject>, SyntaxError> {
    if source.len() <= BIG_SOURCE {
        return compile_guarded(source, filename, mode);
    }
    let outcome = std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(BIG_STACK)
            .spawn_scoped(s, || AssertSend(compile_guarded(source, filename, mode)))
            .map(|h| h.join())
    });
    match outcome {
        Ok(Ok(AssertSend(r))) => r,
        _ => compile_guarded(source, filename, mode),
    }
}

/// Moves the compiler's result out of the helper thread.
struct AssertSend<T>(T);

// SAFETY: the value holds `Rc`s created on the helper thread, all of which are moved out
// together through `join` (which synchronizes); the helper keeps no clone, so no reference
// count is ever touched from two threads.
unsafe impl<T> Send for AssertSend<T> {}

/// Runs the compiler, turning an (unexpected) panic inside the parser into a SyntaxError.
fn compile_guarded(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<Rc<bytecode::CodeObject>, SyntaxError> {
    match std::panic::catch_unwind(|| compile_inner(source, filename, mode)) {
        Ok(r) => r,
        Err(_) => Err(SyntaxError {
            kind: SyntaxErrorKind::Syntax,
            msg: "invalid syntax".into(),
            filename: filename.into(),
            lineno: 1,
            offset: 1,
            end_lineno: 1,
            end_offset: 1,
            text: None,
        }),
    }
}

/// Checks that `source` parses in `mode`, without compiling it: the syntax errors that
/// CPython's parser reports (`ast.parse`), with the same messages as [`compile`].
pub fn check_syntax(source: &str, filename: &str, mode: Mode) -> Result<(), SyntaxError> {
    let check = || {
        let sm = source::SourceMap::new(source);
        std::panic::catch_unwind(|| parse_checked(&sm, source, filename, mode).map(drop))
            .unwrap_or(Ok(()))
    };
    if source.len() <= BIG_SOURCE {
        return check();
    }
    let outcome = std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(BIG_STACK)
            .spawn_scoped(s, check)
            .map(|h| h.join())
    });
    match outcome {
        Ok(Ok(r)) => r,
        _ => check(),
    }
}

fn compile_inner(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<Rc<bytecode::CodeObject>, SyntaxError> {
    let sm = source::SourceMap::new(source);
    let module = parse_checked(&sm, source, filename, mode)?;
    future::features(&module)
        .and_then(|fa| compile::Compiler::compile_top(&sm, filename, &module, mode, fa))
        .map_err(|e| errors::after_parse(e).into_syntax_error(&sm, filename))
}

/// Parses `source`, mapping errors to CPython's syntax errors.
fn parse_checked(
    sm: &source::SourceMap,
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<rustpython_parser::ast::Mod, SyntaxError> {
    if let Some(e) = parse_error::prescan(sm) {
        return Err(e.into_syntax_error(sm, filename));
    }
    let pmode = match mode {
        Mode::Exec => rustpython_parser::Mode::Module,
        Mode::Eval => rustpython_parser::Mode::Expression,
        Mode::Single => rustpython_parser::Mode::Interactive,
    };
    rustpython_parser::parse(source, pmode, filename).map_err(|e| {
        let mut err = parse_error::convert(sm, e).into_syntax_error(sm, filename);
        if mode == Mode::Eval {
            // `eval` sources get no implicit final newline.
            let raw = sm.line_text(err.lineno).unwrap_or("");
            if let Some(t) = err.text.as_mut().filter(|_| !raw.ends_with('\n')) {
                t.truncate(t.trim_end_matches('\n').len());
            }
        }
        err
    })
}
#[cfg(test)]
mod tests;
