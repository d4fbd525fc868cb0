//! Syntax errors: the compiler's internal error value and its conversion to [`SyntaxError`].

use crate::source::SourceMap;
use crate::{SyntaxError, SyntaxErrorKind};
use rustpython_parser::text_size::{TextRange, TextSize};

/// How CPython sets `end_offset` for an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum End {
    /// The end of the error's range (at least one column past its start on one line).
    Range,
    /// The same column as `offset` (tokenizer errors, "expected ':'").
    AtStart,
    /// `0` (an unclosed bracket, TabError).
    Zero,
    /// `-1` (indentation errors, errors at the end of the input).
    Unknown,
}

/// Where CPython takes a SyntaxError's `text` from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Text {
    /// The source line, always ending with a newline (parser errors).
    Line,
    /// The source line without its newline (tokenizer errors).
    Bare,
    /// The line read back from the file named `filename`, if there is one (errors of
    /// CPython's compiler and symbol table, which only know the file name).
    FromFile,
}

/// An error found by the parser, the symbol table or the code generator, located by byte
/// range.
#[derive(Clone, Debug)]
pub(crate) struct CompileError {
    /// Exception class.
    pub kind: SyntaxErrorKind,
    /// CPython's message.
    pub msg: String,
    /// Source range the error points at.
    pub range: TextRange,
    /// How `end_offset` is reported.
    pub end: End,
    /// Where `text` comes from.
    pub text: Text,
    /// Found at the end of the input (CPython gives no column when reading a file).
    pub at_eof: bool,
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
            end: End::Range,
            text: Text::Line,
            at_eof: false,
        }
    }

    /// A `SyntaxError` at a single byte offset.
    pub(crate) fn at(msg: impl Into<String>, offset: usize) -> Self {
        let o = TextSize::new(offset as u32);
        CompileError::new(msg, TextRange::new(o, o))
    }

    /// The same error with `end_offset` reported as `end`.
    pub(crate) fn end(mut self, end: End) -> Self {
        self.end = end;
        self
    }

    /// The same error with `text` taken from `text`.
    pub(crate) fn text(mut self, text: Text) -> Self {
        self.text = text;
        self
    }

    /// The same error, marked as found at the end of the input.
    pub(crate) fn eof(mut self) -> Self {
        self.at_eof = true;
        self
    }

    /// Converts to the public error, resolving positions against the source.
    pub(crate) fn into_syntax_error(self, sm: &SourceMap, filename: &str) -> SyntaxError {
        let (lineno, mut offset) = sm.line_char_col(self.range.start().to_usize());
        if self.at_eof && read_from_file(sm, filename) {
            offset = 0;
        }
        let (mut end_lineno, end_col) = sm.line_char_col(self.range.end().to_usize());
        let end_offset = match self.end {
            End::Range if end_lineno == lineno && end_col <= offset => offset as i32 + 1,
            End::Range => end_col as i32,
            End::AtStart => offset as i32,
            End::Zero => 0,
            End::Unknown => -1,
        };
        if self.end != End::Range {
            end_lineno = lineno;
        }
        let line = sm.line_text(lineno);
        let text = match self.text {
            Text::Line => line.map(|l| {
                let l = l.trim_end_matches(['\n', '\r']);
                format!("{l}\n")
            }),
            Text::Bare => line.map(|l| l.trim_end_matches(['\n', '\r']).to_string()),
            Text::FromFile => file_line(filename, lineno),
        };
        SyntaxError {
            kind: self.kind,
            msg: self.msg,
            filename: filename.into(),
            lineno,
            offset,
            end_lineno,
            end_offset,
            text,
        }
    }
}

/// Whether the source is the content of the file `filename` (CPython's tokenizer reports
/// errors at the end of a file without a column).
fn read_from_file(sm: &SourceMap, filename: &str) -> bool {
    !filename.starts_with('<')
        && std::fs::read(filename).is_ok_and(|data| data == sm.text().as_bytes())
}

/// Line `lineno` of the file `filename`, with its newline, if the file can be read.
fn file_line(filename: &str, lineno: u32) -> Option<String> {
    let data = std::fs::read(filename).ok()?;
    let text = String::from_utf8_lossy(&data);
    let line = text
        .split_inclusive('\n')
        .nth((lineno as usize).checked_sub(1)?)?;
    Some(line.to_string())
}

/// Messages that CPython's parser (rather than its compiler or symbol table) raises, although
/// pyrs finds them after parsing.
const PARSER_MESSAGES: &[&str] = &[
    "cannot assign to",
    "cannot delete",
    "assignment to yield",
    "is an illegal expression for augmented assignment",
    "only single target",
    "illegal target for annotation",
    "Generator expression must be parenthesized",
    "iterable unpacking cannot be used in comprehension",
    "dict unpacking cannot be used",
    "cannot use starred expression here",
    "cannot use assignment expressions with",
    "expected one or more exception types",
    "invalid syntax",
    "positional argument follows",
    "non-default argument",
    "named arguments must follow",
];

/// An error from the compile stage, with `text` as CPython gives it: compiler and
/// symbol-table errors read the line back from the file.
pub(crate) fn after_parse(e: CompileError) -> CompileError {
    let debug = e.msg.ends_with("__debug__");
    if !debug && PARSER_MESSAGES.iter().any(|m| e.msg.contains(m)) {
        e
    } else {
        e.text(Text::FromFile)
    }
}
