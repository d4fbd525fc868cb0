//! A token view of (possibly invalid) source, for locating syntax errors as CPython does.
//!
//! The source is lexed up to its first lexical error; each token records its byte range and
//! its bracket depth. The helpers walk expressions forwards and backwards by token kind only
//! (no parsing), which is enough to find the ranges CPython's error rules report.

use rustpython_parser::lexer::lex;
use rustpython_parser::{Mode, Tok};

/// One token of the source.
pub(crate) struct Token {
    /// The token.
    pub tok: Tok,
    /// Byte range in the source.
    pub start: usize,
    /// End of the byte range (exclusive).
    pub end: usize,
    /// Number of brackets open around the token (an opening or closing bracket counts as
    /// outside itself).
    pub depth: usize,
}

/// The tokens of `src` up to its first lexical error.
pub(crate) fn lex_source(src: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    for item in lex(src, Mode::Module) {
        let Ok((tok, range)) = item else { break };
        let d = match tok {
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace => {
                depth += 1;
                depth - 1
            }
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => {
                depth = depth.saturating_sub(1);
                depth
            }
            _ => depth,
        };
        out.push(Token {
            tok,
            start: range.start().to_usize(),
            end: range.end().to_usize(),
            depth: d,
        });
    }
    out
}

/// Index of the first token starting at or after `offset`. Dedents and indents give way to a real token at the same place.
pub(crate) fn index_at(toks: &[Token], offset: usize) -> Option<usize> {
    let i = toks.iter().position(|t| t.start >= offset)?;
    let start = toks[i].start;
    let real = toks[i..]
        .iter()
        .take_while(|t| t.start == start)
        .position(|t| !matches!(t.tok, Tok::Dedent | Tok::Indent));
    Some(i + real.unwrap_or(0))
}

/// Whether `tok` is an opening bracket.
pub(crate) fn is_open(tok: &Tok) -> bool {
    matches!(tok, Tok::Lpar | Tok::Lsqb | Tok::Lbrace)
}

/// Whether `tok` is a closing bracket.
pub(crate) fn is_close(tok: &Tok) -> bool {
    matches!(tok, Tok::Rpar | Tok::Rsqb | Tok::Rbrace)
}

/// Whether an expression can end with `tok`.
pub(crate) fn ends_operand(tok: &Tok) -> bool {
    matches!(
        tok,
        Tok::Name { .. }
            | Tok::Int { .. }
            | Tok::Float { .. }
            | Tok::Complex { .. }
            | Tok::String { .. }
            | Tok::Rpar
            | Tok::Rsqb
            | Tok::Rbrace
            | Tok::Ellipsis
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Match
            | Tok::Case
            | Tok::Type
    )
}

/// Whether `tok` is a single-token operand (a name, literal or `...`).
fn is_atom(tok: &Tok) -> bool {
    ends_operand(tok) && !is_close(tok)
}

/// Whether an expression can start with `tok`.
pub(crate) fn starts_operand(tok: &Tok) -> bool {
    is_atom(tok)
        || is_open(tok)
        || matches!(
            tok,
            Tok::Minus | Tok::Plus | Tok::Tilde | Tok::Not | Tok::Await | Tok::Lambda
        )
}

/// Binary operators of `bitwise_or` and below (arithmetic, shifts, bitwise).
fn is_arith_op(tok: &Tok) -> bool {
    matches!(
        tok,
        Tok::Plus
            | Tok::Minus
            | Tok::Star
            | Tok::Slash
            | Tok::DoubleSlash
            | Tok::Percent
            | Tok::DoubleStar
            | Tok::At
            | Tok::LeftShift
            | Tok::RightShift
            | Tok::Amper
            | Tok::Vbar
            | Tok::CircumFlex
    )
}

/// Comparison and boolean operators (`disjunction` level).
fn is_bool_op(tok: &Tok) -> bool {
    matches!(
        tok,
        Tok::Less
            | Tok::Greater
            | Tok::EqEqual
            | Tok::NotEqual
            | Tok::LessEqual
            | Tok::GreaterEqual
            | Tok::In
            | Tok::Not
            | Tok::Is
            | Tok::And
            | Tok::Or
    )
}

/// How much of an expression a walk takes in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    /// `bitwise_or`: stops at comparisons and boolean operators.
    BitwiseOr,
    /// `disjunction`: stops at `if`/`else`.
    Disjunction,
    /// A full expression, including `x if c else y`.
    Expression,
}

/// The index of the bracket matching the one at `i` (searching forward for an opener).
pub(crate) fn matching_close(toks: &[Token], i: usize) -> Option<usize> {
    let d = toks.get(i)?.depth;
    toks.iter()
        .enumerate()
        .skip(i + 1)
        .find(|(_, t)| t.depth == d && is_close(&t.tok))
        .map(|(j, _)| j)
}

/// The index of the bracket matching the closer at `i` (searching backward).
fn matching_open(toks: &[Token], i: usize) -> Option<usize> {
    let d = toks.get(i)?.depth;
    (0..i)
        .rev()
        .find(|&j| toks[j].depth == d && is_open(&toks[j].tok))
}

/// The index of the last token of the expression starting at `i` (or `None` when no
/// expression starts there).
pub(crate) fn expr_end(toks: &[Token], i: usize, level: Level) -> Option<usize> {
    let mut want_operand = true;
    let mut last = None;
    let mut j = i;
    while let Some(t) = toks.get(j) {
        if want_operand {
            match &t.tok {
                Tok::Minus | Tok::Plus | Tok::Tilde | Tok::Await => {}
                Tok::Not if level != Level::BitwiseOr => {}
                tok if is_open(tok) => {
                    j = matching_close(toks, j)?;
                    last = Some(j);
                    want_operand = false;
                }
                tok if is_atom(tok) => {
                    last = Some(j);
                    want_operand = false;
                }
                _ => return None,
            }
        } else {
            match &t.tok {
                Tok::Lpar | Tok::Lsqb => {
                    j = matching_close(toks, j)?;
                    last = Some(j);
                }
                Tok::String { .. } if matches!(toks[j - 1].tok, Tok::String { .. }) => {
                    last = Some(j);
                }
                Tok::Dot => want_operand = true,
                tok if is_arith_op(tok) => want_operand = true,
                tok if level != Level::BitwiseOr && is_bool_op(tok) => want_operand = true,
                Tok::If | Tok::Else if level == Level::Expression => want_operand = true,
                _ => break,
            }
        }
        j += 1;
    }
    if want_operand {
        None
    } else {
        last
    }
}

/// What stopped a backward walk over an expression.
pub(crate) struct Back {
    /// Index of the first token of the expression.
    pub start: usize,
    /// The walk met `for` (the expression is a comprehension's iterable or condition).
    pub in_comprehension: bool,
}

/// The first token of the `disjunction` ending with the token at `i`.
pub(crate) fn expr_start(toks: &[Token], i: usize, level: Level) -> Back {
    let d = toks[i].depth;
    let mut j = i;
    if is_close(&toks[j].tok) {
        j = matching_open(toks, j).unwrap_or(j);
    }
    loop {
        if j == 0 {
            return Back {
                start: 0,
                in_comprehension: false,
            };
        }
        let p = &toks[j - 1];
        if p.depth < d || (p.depth == d && is_open(&p.tok)) {
            break;
        }
        if is_close(&p.tok) {
            j = matching_open(toks, j - 1).unwrap_or(j - 1);
            continue;
        }
        let unary_context = j < 2 || !ends_operand(&toks[j - 2].tok);
        let go_on = match &p.tok {
            Tok::For => {
                return Back {
                    start: j,
                    in_comprehension: true,
                }
            }
            Tok::Star | Tok::DoubleStar => !unary_context,
            Tok::Dot | Tok::Minus | Tok::Plus | Tok::Tilde | Tok::Await => true,
            tok if is_arith_op(tok) => true,
            tok if level != Level::BitwiseOr && is_bool_op(tok) => true,
            tok if is_atom(tok) => {
                // Two adjacent atoms: the expression starts after the first one.
                !ends_operand(&toks[j].tok)
                    || matches!(
                        (&p.tok, &toks[j].tok),
                        (Tok::String { .. }, Tok::String { .. })
                    )
            }
            _ => false,
        };
        if !go_on {
            break;
        }
        j -= 1;
    }
    Back {
        start: j,
        in_comprehension: false,
    }
}

/// Index of the first token of the logical line containing token `i`.
pub(crate) fn line_start(toks: &[Token], i: usize) -> usize {
    let mut j = i.min(toks.len());
    while j > 0
        && !matches!(
            toks[j - 1].tok,
            Tok::Newline | Tok::Indent | Tok::Dedent | Tok::Semi
        )
    {
        j -= 1;
    }
    j
}
