//! CPython's messages for bad escape sequences in string and bytes literals
//! (`'C:\Users'` → "truncated \UXXXXXXXX escape").

use crate::errors::{CompileError, End};
use crate::tokens::Token;
use rustpython_parser::Tok;

/// The error for the first bad escape in the string literal around `offset`.
pub(crate) fn escape_error(src: &str, toks: &[Token], offset: usize) -> Option<CompileError> {
    let t = toks
        .iter()
        .find(|t| t.start <= offset && offset <= t.end && matches!(t.tok, Tok::String { .. }))?;
    let lit = src.get(t.start..t.end)?;
    let prefix_len = lit.find(['\'', '"'])?;
    let prefix = lit[..prefix_len].to_ascii_lowercase();
    if prefix.contains('r') {
        return None;
    }
    let quote = &lit[prefix_len..];
    let q = if quote.starts_with("'''") || quote.starts_with("\"\"\"") {
        3
    } else {
        1
    };
    let body = quote.get(q..quote.len().checked_sub(q)?)?;
    let msg = if prefix.contains('b') {
        bytes_escape(body)?
    } else {
        str_escape(body)?
    };
    Some(CompileError::at(msg, t.end).end(End::AtStart))
}

/// `\xNN` in bytes: "(value error) invalid \x escape at position N".
fn bytes_escape(body: &str) -> Option<String> {
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' {
            if b.get(i + 1) == Some(&b'x') {
                let ok = b
                    .get(i + 2..i + 4)
                    .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
                if !ok {
                    return Some(format!("(value error) invalid \\x escape at position {i}"));
                }
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    None
}

/// Bad `\x`, `\u`, `\U` or `\N{...}` escapes in a str literal, with positions counted as
/// CPython's decoder sees the body (each non-ASCII character as a 10-byte `\UXXXXXXXX`).
fn str_escape(body: &str) -> Option<String> {
    let chars: Vec<char> = body.chars().collect();
    let width = |c: char| if c.is_ascii() { 1 } else { 10 };
    let pos_of = |k: usize| chars[..k].iter().map(|&c| width(c)).sum::<usize>();
    let mut k = 0;
    while k < chars.len() {
        if chars[k] != '\\' {
            k += 1;
            continue;
        }
        let (digits, name) = match chars.get(k + 1) {
            Some('x') => (2, "\\xXX"),
            Some('u') => (4, "\\uXXXX"),
            Some('U') => (8, "\\UXXXXXXXX"),
            Some('N') => return named_escape(&chars, k, pos_of(k)),
            _ => {
                k += 2;
                continue;
            }
        };
        let hex = chars[k + 2..]
            .iter()
            .take(digits)
            .take_while(|c| c.is_ascii_hexdigit())
            .count();
        let start = pos_of(k);
        if hex < digits {
            return Some(format!(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position \
                 {start}-{}: truncated {name} escape",
                start + 1 + hex
            ));
        }
        if digits == 8 {
            let text: String = chars[k + 2..k + 10].iter().collect();
            if u32::from_str_radix(&text, 16)
                .ok()
                .and_then(char::from_u32)
                .is_none()
            {
                return Some(format!(
                    "(unicode error) 'unicodeescape' codec can't decode bytes in position \
                     {start}-{}: illegal Unicode character",
                    start + 9
                ));
            }
        }
        k += 2 + digits;
    }
    None
}

/// `\N{...}`: a malformed escape, or (when the lexer rejected it) an unknown name.
fn named_escape(chars: &[char], k: usize, start: usize) -> Option<String> {
    let close = (chars.get(k + 2) == Some(&'{'))
        .then(|| chars[k + 3..].iter().position(|&c| c == '}'))
        .flatten();
    Some(match close {
        Some(n) if n > 0 => {
            let end = start
                + 3
                + chars[k + 3..k + 3 + n]
                    .iter()
                    .map(|c| c.len_utf8())
                    .sum::<usize>();
            format!(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position \
                 {start}-{end}: unknown Unicode character name"
            )
        }
        _ => format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position \
             {start}-{}: malformed \\N character escape",
            start + 1
        ),
    })
}
