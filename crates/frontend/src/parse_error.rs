//! Parse errors: rustpython-parser's errors turned into CPython 3.11's messages.
//!
//! A light scan of the source (brackets, strings, comments) supplies what the parser's error
//! lacks: unclosed or mismatched brackets, unterminated strings, and the block header that
//! is missing its indented body.

use crate::errors::{CompileError, End, Text};
use crate::source::SourceMap;
use crate::{hints, tokens, SyntaxErrorKind};
use rustpython_parser::lexer::LexicalErrorType;
use rustpython_parser::text_size::{TextRange, TextSize};
use rustpython_parser::{FStringErrorType, ParseError, ParseErrorType, Tok};

/// CPython's tokenizer limit on bracket nesting.
const MAX_PAREN_DEPTH: usize = 200;

/// The first bracket or string problem in the source.
#[derive(Clone, Copy, Debug)]
enum Problem {
    /// A string literal starting at `start` that does not end (`end` = where detected).
    Unterminated {
        start: usize,
        triple: bool,
        end: usize,
    },
    /// A closing bracket without an opening one.
    Unmatched { pos: usize, ch: char },
    /// A closing bracket that does not match the opening one.
    Mismatch {
        open: usize,
        open_ch: char,
        pos: usize,
        ch: char,
    },
    /// An opening bracket still open at the end.
    Unclosed { pos: usize, ch: char },
    /// Brackets nested deeper than CPython allows.
    TooDeep { pos: usize },
}

impl Problem {
    fn pos(self) -> usize {
        match self {
            Problem::Unterminated { start, .. } => start,
            Problem::Unmatched { pos, .. }
            | Problem::Mismatch { pos, .. }
            | Problem::TooDeep { pos } => pos,
            Problem::Unclosed { pos, .. } => pos,
        }
    }
}

/// Scans brackets and strings up to the first problem.
fn scan(src: &str) -> Option<Problem> {
    let b = src.as_bytes();
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
                continue;
            }
            b'\\' => {
                i += 2;
                continue;
            }
            b'\'' | b'"' => {
                let triple = b.get(i + 1) == Some(&c) && b.get(i + 2) == Some(&c);
                let start = i;
                i += if triple { 3 } else { 1 };
                loop {
                    if i >= b.len() {
                        return Some(Problem::Unterminated {
                            start,
                            triple,
                            end: b.len(),
                        });
                    }
                    let d = b[i];
                    if d == b'\\' {
                        i += 2;
                        continue;
                    }
                    if !triple && (d == b'\n' || d == b'\r') {
                        return Some(Problem::Unterminated {
                            start,
                            triple,
                            end: i,
                        });
                    }
                    if d == c && (!triple || (b.get(i + 1) == Some(&c) && b.get(i + 2) == Some(&c)))
                    {
                        i += if triple { 3 } else { 1 };
                        break;
                    }
                    i += 1;
                }
                continue;
            }
            b'(' | b'[' | b'{' => {
                stack.push((i, c as char));
                if stack.len() > MAX_PAREN_DEPTH {
                    return Some(Problem::TooDeep { pos: i });
                }
            }
            b')' | b']' | b'}' => {
                let want = match c {
                    b')' => '(',
                    b']' => '[',
                    _ => '{',
                };
                match stack.pop() {
                    None => {
                        return Some(Problem::Unmatched {
                            pos: i,
                            ch: c as char,
                        })
                    }
                    Some((open, open_ch)) if open_ch != want => {
                        return Some(Problem::Mismatch {
                            open,
                            open_ch,
                            pos: i,
                            ch: c as char,
                        })
                    }
                    Some(_) => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
    stack.last().map(|&(pos, ch)| Problem::Unclosed { pos, ch })
}

/// Errors found before parsing (nesting too deep for the parser to be safe).
pub(crate) fn prescan(sm: &SourceMap) -> Option<CompileError> {
    match scan(sm.text()) {
        Some(Problem::TooDeep { pos }) => {
            Some(CompileError::at("too many nested parentheses", pos))
        }
        _ => None,
    }
}

fn problem_error(sm: &SourceMap, p: Problem) -> CompileError {
    let e = problem_message(sm, p).end(End::AtStart).text(Text::Bare);
    match p {
        Problem::Unclosed { pos, .. } => {
            let last = sm.line_col(pos).0 >= sm.line_count();
            e.end(End::Zero)
                .text(if last { Text::Line } else { Text::Bare })
        }
        _ => e,
    }
}

fn problem_message(sm: &SourceMap, p: Problem) -> CompileError {
    match p {
        Problem::Unterminated { start, triple, end } => {
            let line = sm.line_col(end).0.min(sm.line_count().max(1));
            let msg = if triple {
                format!("unterminated triple-quoted string literal (detected at line {line})")
            } else {
                format!("unterminated string literal (detected at line {line})")
            };
            CompileError::at(msg, start)
        }
        Problem::Unmatched { pos, ch } => CompileError::at(format!("unmatched '{ch}'"), pos),
        Problem::Mismatch {
            open,
            open_ch,
            pos,
            ch,
        } => {
            let (ol, _) = sm.line_col(open);
            let (cl, _) = sm.line_col(pos);
            let msg = if ol == cl {
                format!("closing parenthesis '{ch}' does not match opening parenthesis '{open_ch}'")
            } else {
                format!("closing parenthesis '{ch}' does not match opening parenthesis '{open_ch}' on line {ol}")
            };
            CompileError::at(msg, pos)
        }
        Problem::Unclosed { pos, ch } => CompileError::at(format!("'{ch}' was never closed"), pos),
        Problem::TooDeep { pos } => CompileError::at("too many nested parentheses", pos),
    }
}

fn indentation(msg: impl Into<String>, offset: usize) -> CompileError {
    let mut e = CompileError::at(msg, offset).end(End::Unknown);
    e.kind = SyntaxErrorKind::Indentation;
    e
}

/// The "expected an indented block after ..." error for a block header before `offset`.
fn expected_block(sm: &SourceMap, offset: usize) -> CompileError {
    let src = sm.text();
    let (err_line, _) = sm.line_col(offset);
    // The header: the last non-blank, non-comment line before the error line.
    let mut header = None;
    let mut line = err_line;
    while line > 1 {
        line -= 1;
        let text = sm.line_text(line).unwrap_or("").trim();
        if !text.is_empty() && !text.starts_with('#') {
            header = Some((line, text));
            break;
        }
    }
    let (hline, htext) = header.unwrap_or((err_line, ""));
    let word: String = htext
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    let rest = htext[word.len()..].trim_start();
    let what = match word.as_str() {
        "def" => "function definition".to_string(),
        "class" => "class definition".to_string(),
        "async" if rest.starts_with("def") => "function definition".to_string(),
        "async" if rest.starts_with("for") => "'for' statement".to_string(),
        "async" if rest.starts_with("with") => "'with' statement".to_string(),
        "except" if rest.starts_with('*') => "'except*' statement".to_string(),
        "if" | "elif" | "else" | "for" | "while" | "with" | "try" | "except" | "finally"
        | "match" | "case" => {
            format!("'{word}' statement")
        }
        _ => return indentation("expected an indented block", offset),
    };
    let msg = format!("expected an indented block after {what} on line {hline}");
    if offset >= src.len() {
        return indentation(msg, eof_position(src)).eof();
    }
    let toks = tokens::lex_source(src);
    let mut e = indentation(msg, offset);
    if let Some(r) = hints::token_range(&toks, offset) {
        e.range = r;
        e.end = End::Range;
    }
    e
}

/// The offset of the first non-blank character at or after `offset` (the token the
/// parser stopped at may be a newline or dedent).
fn next_token_start(src: &str, offset: usize) -> usize {
    let mut i = offset.min(src.len());
    let b = src.as_bytes();
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => i += 1,
            b'#' => {
                while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
            }
            _ => break,
        }
    }
    i
}

/// Where CPython reports errors found at the end of the input: the last newline.
fn eof_position(src: &str) -> usize {
    let trimmed = src.trim_end_matches([' ', '\t', '\x0c']);
    if trimmed.ends_with('\n') || trimmed.ends_with('\r') {
        trimmed.len() - 1
    } else {
        src.len()
    }
}

/// Byte offset of the start of the line containing `offset`, and the line's text.
fn line_around(src: &str, offset: usize) -> (usize, &str) {
    let offset = offset.min(src.len());
    let start = src[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let end = src[start..]
        .find(['\n', '\r'])
        .map_or(src.len(), |i| start + i);
    (start, &src[start..end])
}

/// The closing bracket of the call containing `offset` (argument-order errors point there).
fn closing_bracket_after(src: &str, offset: usize) -> usize {
    let mut depth = 0i32;
    for (i, c) in src.get(offset..).unwrap_or("").char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                if depth == 0 {
                    return offset + i;
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    offset
}

/// Whether the call arguments around `offset` contain `**` before it.
fn keyword_unpacking_before(src: &str, offset: usize) -> bool {
    let toks = tokens::lex_source(src);
    let Some(i) = tokens::index_at(&toks, offset) else {
        return false;
    };
    let d = toks[i].depth;
    toks[..i]
        .iter()
        .rev()
        .take_while(|t| t.depth >= d)
        .any(|t| t.depth == d && matches!(t.tok, Tok::DoubleStar))
}

/// Whether CPython's tokenizer counts `c` as printable (control, format and separator
/// characters other than the ASCII space are not).
fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    !(c.is_control()
        || c.is_whitespace()
        || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}' | '\u{feff}'))
}

/// `try:` whose body ended without `except`/`finally`: the header line, if the error at
/// `pos` (a statement start or the end of input) closes such a block.
fn unfinished_try(src: &str, pos: usize) -> bool {
    let (_, err_line) = line_around(src, pos);
    let at_eof = pos >= src.trim_end().len();
    let err_indent = if at_eof {
        0
    } else {
        err_line.len() - err_line.trim_start().len()
    };
    let before = &src[..pos.min(src.len())];
    let mut lines: Vec<&str> = before.lines().collect();
    if !at_eof && !before.ends_with(['\n', '\r']) {
        lines.pop();
    }
    for line in lines.iter().rev() {
        let t = line.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let indent = line.len() - t.len();
        if indent < err_indent {
            return false;
        }
        if indent == err_indent || (at_eof && indent >= err_indent) {
            let header = t.trim_end();
            if header.starts_with("try") && header.ends_with(':') && header[3..].trim() == ":" {
                return true;
            }
            if indent == err_indent {
                return false;
            }
        }
    }
    false
}

/// The generic "invalid syntax", over the token the parser stopped at.
fn invalid_syntax(toks: &[tokens::Token], offset: usize) -> CompileError {
    match hints::token_range(toks, offset) {
        Some(r) if r.is_empty() => CompileError::new("invalid syntax", r).end(End::AtStart),
        Some(r) => CompileError::new("invalid syntax", r),
        None => CompileError::at("invalid syntax", offset),
    }
}

/// A bad number literal, reported as CPython's tokenizer does.
fn literal_error(src: &str) -> Option<CompileError> {
    let e = crate::numbers::literal_error(src)?;
    if e.msg.starts_with("leading zeros") {
        Some(e)
    } else {
        Some(e.end(End::AtStart).text(Text::Bare))
    }
}

/// `print x` / `exec x`: CPython's hint for Python 2 statements.
fn legacy_print(src: &str, toks: &[tokens::Token], at: usize) -> Option<CompileError> {
    let before = src.get(..at)?.trim_end_matches([' ', '\t']);
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    let word = &before[word_start..];
    let (line_start, _) = line_around(src, at);
    let prefix = src.get(line_start..word_start)?;
    let next = src.get(at..)?.chars().next()?;
    if (word == "print" || word == "exec")
        && prefix.trim().is_empty()
        && !matches!(next, '(' | '=' | '.' | '[' | ':' | ',')
    {
        let end = hints::statement_rest(toks, at).unwrap_or(at);
        return Some(CompileError::new(
            format!("Missing parentheses in call to '{word}'. Did you mean {word}(...)?"),
            TextRange::new(TextSize::new(word_start as u32), TextSize::new(end as u32)),
        ));
    }
    None
}

/// When `offset` is inside a `{...}` display, the start of the entry being parsed there
/// (CPython reports a key missing its `:` at the key).
fn dict_key_start(src: &str, offset: usize) -> Option<usize> {
    let b = src.as_bytes().get(..offset)?;
    let mut depth = 0usize;
    let mut entry_start = None;
    for i in (0..b.len()).rev() {
        match b[i] {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' if depth == 0 => return None,
            b'(' | b'[' => depth -= 1,
            b'{' if depth == 0 => {
                let start = entry_start.unwrap_or(i + 1);
                return Some(
                    start + src[start..offset].len() - src[start..offset].trim_start().len(),
                );
            }
            b'{' => depth -= 1,
            b',' if depth == 0 && entry_start.is_none() => entry_start = Some(i + 1),
            _ => {}
        }
    }
    None
}

/// An error inside an f-string: CPython reports it just after the string literal.
fn fstring_error(src: &str, fe: FStringErrorType, offset: usize) -> CompileError {
    use FStringErrorType as F;
    let toks = tokens::lex_source(src);
    let string = toks
        .iter()
        .find(|t| t.start <= offset && offset <= t.end && matches!(t.tok, Tok::String { .. }));
    let body = string.map_or("", |t| src.get(t.start..t.end).unwrap_or(""));
    let msg = match fe {
        F::InvalidExpression(_) if body.contains('#') => {
            "f-string expression part cannot include '#'".to_string()
        }
        F::InvalidExpression(_) => "f-string: invalid syntax".to_string(),
        F::InvalidConversionFlag => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'".to_string()
        }
        F::ExpressionCannotInclude('\\') | F::UnterminatedString if body.contains('\\') => {
            "f-string expression part cannot include a backslash".to_string()
        }
        F::ExpressionCannotInclude(c) => {
            format!("f-string expression part cannot include '{c}'")
        }
        other => format!("f-string: {other}"),
    };
    match string {
        Some(t) => CompileError::at(msg, t.end).end(End::AtStart),
        None => CompileError::at(msg, offset),
    }
}

/// Converts a parser error.
pub(crate) fn convert(sm: &SourceMap, err: ParseError) -> CompileError {
    let from_parser = !matches!(err.error, ParseErrorType::Lexical(_));
    let stop = err.offset.to_usize();
    let e = convert_error(sm, err);
    if from_parser && e.kind == SyntaxErrorKind::Syntax {
        tokenizer_error_after(sm, e, stop)
    } else {
        e
    }
}

/// CPython tokenizes the rest of the source after a parser error: a tokenizer error there
/// (an unterminated string, a stray bracket, a bad number) replaces the parser's, and so
/// does a bracket left open on an earlier line.
fn tokenizer_error_after(sm: &SourceMap, e: CompileError, stop: usize) -> CompileError {
    let src = sm.text();
    let problem = scan(src);
    let literal = literal_error(src);
    let lit_pos = literal.as_ref().map(|l| l.range.start().to_usize());
    match problem {
        Some(p @ Problem::Unclosed { pos, .. }) => {
            if let Some(l) = literal {
                return l;
            }
            let (bl, _) = sm.line_col(pos);
            let (el, _) = sm.line_col(e.range.start().to_usize());
            let (sl, _) = sm.line_col(next_token_start(src, stop));
            if bl < el || (pos < stop && bl < sl) {
                return problem_error(sm, p);
            }
            e
        }
        Some(p) if lit_pos.map_or(true, |l| p.pos() < l) => problem_error(sm, p),
        _ => literal.unwrap_or(e),
    }
}

fn convert_error(sm: &SourceMap, err: ParseError) -> CompileError {
    let offset = err.offset.to_usize();
    use LexicalErrorType as L;
    if let Some(e) = literal_error(sm.text()) {
        let lexical = matches!(err.error, ParseErrorType::Lexical(L::OtherError(_)));
        if e.range.start().to_usize() <= offset || lexical {
            return e;
        }
    }
    let problem = scan(sm.text());
    let problem_before =
        problem.filter(|p| p.pos() <= offset && !matches!(p, Problem::Unclosed { .. }));
    match err.error {
        ParseErrorType::Lexical(lex) => match lex {
            L::TabError | L::TabsAfterSpaces => {
                let (start, _) = line_around(sm.text(), offset);
                let mut e =
                    CompileError::at("inconsistent use of tabs and spaces in indentation", start);
                e.kind = SyntaxErrorKind::Tab;
                e.end(End::Zero)
            }
            L::IndentationError => {
                if next_token_start(sm.text(), offset) >= sm.text().len() {
                    expected_block(sm, sm.text().len())
                } else {
                    let (start, line) = line_around(sm.text(), next_token_start(sm.text(), offset));
                    indentation(
                        "unindent does not match any outer indentation level",
                        start + line.len(),
                    )
                }
            }
            L::StringError | L::Eof | L::NestingError => match problem {
                Some(p) => problem_error(sm, p),
                None => CompileError::at("unexpected EOF while parsing", eof_position(sm.text()))
                    .end(End::Unknown),
            },
            L::DefaultArgumentError => {
                CompileError::at("non-default argument follows default argument", offset)
            }
            L::DuplicateArgumentError(n) => {
                let toks = tokens::lex_source(sm.text());
                let e = CompileError::at(
                    format!("duplicate argument '{n}' in function definition"),
                    offset,
                );
                match hints::token_range(&toks, offset) {
                    Some(r) => CompileError { range: r, ..e },
                    None => e,
                }
                .text(Text::FromFile)
            }
            L::PositionalArgumentError => {
                let at = closing_bracket_after(sm.text(), offset);
                let msg = if keyword_unpacking_before(sm.text(), offset) {
                    "positional argument follows keyword argument unpacking"
                } else {
                    "positional argument follows keyword argument"
                };
                CompileError::at(msg, at)
            }
            L::UnpackedArgumentError => CompileError::at(
                "iterable argument unpacking follows keyword argument unpacking",
                offset,
            ),
            L::DuplicateKeywordArgumentError(n) => {
                let toks = tokens::lex_source(sm.text());
                let e = CompileError::at(format!("keyword argument repeated: {n}"), offset);
                let end = tokens::index_at(&toks, offset)
                    .and_then(|i| tokens::expr_end(&toks, i + 2, tokens::Level::Expression))
                    .map(|j| toks[j].end);
                match end {
                    Some(end) => CompileError::new(
                        e.msg,
                        TextRange::new(TextSize::new(offset as u32), TextSize::new(end as u32)),
                    ),
                    None => e,
                }
                .text(Text::FromFile)
            }
            L::UnrecognizedToken { tok } => {
                if let Some(p) = problem_before {
                    return problem_error(sm, p);
                }
                let at = offset.saturating_sub(tok.len_utf8());
                let at = if sm.text().get(at..).is_some_and(|r| r.starts_with(tok)) {
                    at
                } else {
                    offset
                };
                if !is_printable(tok) {
                    CompileError::at(
                        format!("invalid non-printable character U+{:04X}", tok as u32),
                        at,
                    )
                } else if tok.is_ascii() {
                    CompileError::at("invalid syntax", at)
                } else {
                    CompileError::at(
                        format!("invalid character '{tok}' (U+{:04X})", tok as u32),
                        at,
                    )
                }
            }
            L::LineContinuationError => CompileError::at(
                "unexpected character after line continuation character",
                offset,
            ),
            L::FStringError(fe) => fstring_error(sm.text(), fe, offset),
            L::OtherError(s) => {
                let mut m = s.clone();
                if let Some(f) = m.get(0..1) {
                    m = f.to_lowercase() + &m[1..];
                }
                if m == "invalid Syntax" {
                    m = "invalid syntax".to_string();
                }
                if m.starts_with("cannot use starred") || m.starts_with("cannot use double starred")
                {
                    let toks = tokens::lex_source(sm.text());
                    let end = tokens::index_at(&toks, offset)
                        .and_then(|i| tokens::expr_end(&toks, i + 1, tokens::Level::Expression))
                        .map_or(offset, |j| toks[j].end);
                    let r = TextRange::new(TextSize::new(offset as u32), TextSize::new(end as u32));
                    return CompileError::new(m, r);
                }
                if m == "invalid syntax" || m.starts_with("eOL while scanning") {
                    if let Some(p) = problem {
                        return problem_error(sm, p);
                    }
                }
                CompileError::at(m, offset)
            }
            L::UnicodeError => {
                let toks = tokens::lex_source(sm.text());
                crate::escapes::escape_error(sm.text(), &toks, offset).unwrap_or_else(|| {
                    CompileError::at("(unicode error) invalid escape sequence", offset)
                })
            }
        },
        ParseErrorType::Eof => match problem {
            Some(p) => problem_error(sm, p),
            None if unfinished_try(sm.text(), sm.text().len()) => CompileError::at(
                "expected 'except' or 'finally' block",
                eof_position(sm.text()),
            )
            .end(End::Unknown)
            .eof(),
            None => CompileError::at("unexpected EOF while parsing", eof_position(sm.text()))
                .end(End::Unknown)
                .eof(),
        },
        ParseErrorType::UnrecognizedToken(tok, expected) => {
            if let Some(p) = problem_before {
                return problem_error(sm, p);
            }
            let at = next_token_start(sm.text(), offset);
            let toks = tokens::lex_source(sm.text());
            let wants_block = expected.as_deref() == Some("Indent");
            if !wants_block
                && (matches!(
                    tok,
                    Tok::Name { .. } | Tok::Dedent | Tok::EndOfFile | Tok::Else
                ) || at >= sm.text().len())
            {
                let (start, line) = line_around(sm.text(), at);
                let first = start + (line.len() - line.trim_start().len());
                if (first == at || at >= sm.text().len()) && unfinished_try(sm.text(), at) {
                    let msg = "expected 'except' or 'finally' block";
                    if at >= sm.text().len() {
                        return CompileError::at(msg, eof_position(sm.text()))
                            .end(End::Unknown)
                            .eof();
                    }
                    return match hints::token_range(&toks, at) {
                        Some(r) => CompileError::new(msg, r),
                        None => CompileError::at(msg, at),
                    };
                }
            }
            if let Some(e) = legacy_print(sm.text(), &toks, at) {
                return e;
            }
            match (&tok, expected.as_deref()) {
                (Tok::Indent, _) => {
                    let (start, line) = line_around(sm.text(), at);
                    let width = line.len() - line.trim_start().len();
                    indentation("unexpected indent", start + width.saturating_sub(1))
                }
                (_, Some("Indent")) => expected_block(sm, next_token_start(sm.text(), offset)),
                _ => {
                    if let Some(e) = hints::refine(&toks, offset) {
                        return e;
                    }
                    match expected.as_deref() {
                        Some("\":\"") => match dict_key_start(sm.text(), offset) {
                            Some(key) => CompileError::at("':' expected after dictionary key", key),
                            None => CompileError::at("expected ':'", offset),
                        },
                        _ => invalid_syntax(&toks, offset),
                    }
                }
            }
        }
        ParseErrorType::ExtraToken(_) | ParseErrorType::InvalidToken => {
            let toks = tokens::lex_source(sm.text());
            hints::refine(&toks, offset).unwrap_or_else(|| invalid_syntax(&toks, offset))
        }
    }
}
