//! Syntax errors: the compiler's internal error value and its conversion to [`SyntaxError`].

use crate::source::SourceMap;
use crate::{SyntaxError, SyntaxErrorKind};
use rustpython_parser::text_size::{TextRange, TextSize};

/// An error found by the symbol table or the code generator, located by byte range.
#[derive(Clone, Debug)]
pub(crate) struct CompileError {
    /// Exception class.
    pub kind: SyntaxErrorKind,
    /// CPython's message.
    pub msg: String,
    /// Source range the error points at.
    pub range: TextRange,
}

/// Result of compiler passes.
pub(crate) type CResult<T> = Result<T, CompileError>;

impl CompileError {
    /// A plain `SyntaxError` at `range`.
    pub(crate) fn new(msg: impl Into<String>, range: TextRange) -> Self {
        CompileError {
            kind: SyntaxErrorKind::Syntax,
            msg: msg.into(),
            range,
        }
    }

    /// A `SyntaxError` at a single byte offset.
    pub(crate) fn at(msg: impl Into<String>, offset: usize) -> Self {
        let o = TextSize::new(offset as u32);
        CompileError::new(msg, TextRange::new(o, o))
    }

    /// Converts to the public error, resolving positions against the source.
    pub(crate) fn into_syntax_error(self, sm: &SourceMap, filename: &str) -> SyntaxError {
        let (lineno, offset) = sm.line_char_col(self.range.start().to_usize());
        let (end_lineno, mut end_offset) = sm.line_char_col(self.range.end().to_usize());
        if end_lineno == lineno && end_offset <= offset {
            end_offset = offset + 1;
        }
        SyntaxError {
            kind: self.kind,
            msg: self.msg,
            filename: filename.into(),
            lineno,
            offset,
            end_lineno,
            end_offset,
            text: sm.line_text(lineno).map(String::from),
        }
    }
}
