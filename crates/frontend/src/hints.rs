//! CPython's specific messages for common mistakes (a missing comma, `=` for `==`, a
//! missing `else` or `:`), recognised from the tokens around the point where the parser
//! stopped, with the source range CPython reports for each.

use crate::errors::{CompileError, End};
use crate::tokens::{
    ends_operand, expr_end, expr_start, index_at, is_close, is_open, line_start, starts_operand,
    Level, Token,
};
use rustpython_parser::text_size::{TextRange, TextSize};
use rustpython_parser::Tok;

fn range(start: usize, end: usize) -> TextRange {
    TextRange::new(TextSize::new(start as u32), TextSize::new(end as u32))
}

fn err(msg: impl Into<String>, start: usize, end: usize) -> CompileError {
    CompileError::new(msg, range(start, end))
}

/// A specific error for the parse failure at the token starting at `offset`, if one of
/// CPython's rules for common mistakes applies.
pub(crate) fn refine(toks: &[Token], offset: usize) -> Option<CompileError> {
    let i = index_at(toks, offset)?;
    yield_assignment(toks, i)
        .or_else(|| parameter_error(toks, i))
        .or_else(|| missing_paren_call(toks, i))
        .or_else(|| equals_in_condition(toks, i))
        .or_else(|| keyword_expression(toks, i))
        .or_else(|| missing_else(toks, i))
        .or_else(|| missing_comma(toks, i))
        .or_else(|| missing_colon(toks, i))
        .or_else(|| except_tuple(toks, i))
        .or_else(|| import_trailing_comma(toks, i))
        .or_else(|| walrus_target(toks, i))
}

/// `except E, F:`.
fn except_tuple(toks: &[Token], i: usize) -> Option<CompileError> {
    if !matches!(toks[i].tok, Tok::Comma) || toks[i].depth != 0 {
        return None;
    }
    let first = line_start(toks, i);
    if !matches!(toks.get(first)?.tok, Tok::Except) {
        return None;
    }
    let a = first + 1 + usize::from(matches!(toks.get(first + 1)?.tok, Tok::Star));
    let colon = (i..toks.len()).find(|&j| {
        toks[j].depth == 0 && matches!(toks[j].tok, Tok::Colon | Tok::Newline | Tok::As)
    })?;
    if colon <= i + 1 || a >= i {
        return None;
    }
    Some(err(
        "multiple exception types must be parenthesized",
        toks[a].start,
        toks[colon - 1].end,
    ))
}

/// `from m import a,`.
fn import_trailing_comma(toks: &[Token], i: usize) -> Option<CompileError> {
    if !matches!(toks[i].tok, Tok::Newline) || i == 0 || !matches!(toks[i - 1].tok, Tok::Comma) {
        return None;
    }
    let first = line_start(toks, i);
    let in_import = toks[first..i].iter().any(|t| matches!(t.tok, Tok::Import));
    if !matches!(toks[first].tok, Tok::From) || !in_import {
        return None;
    }
    Some(err(
        "trailing comma not allowed without surrounding parentheses",
        toks[i].start,
        toks[i].start,
    ))
}

/// `(x.y := 1)`: a named expression whose target is not a name.
fn walrus_target(toks: &[Token], i: usize) -> Option<CompileError> {
    if !matches!(toks[i].tok, Tok::ColonEqual) || i == 0 || !ends_operand(&toks[i - 1].tok) {
        return None;
    }
    let a = expr_start(toks, i - 1, Level::Disjunction).start;
    let last = &toks[i - 1];
    let kind = if a == i - 1 {
        match &last.tok {
            Tok::Name { .. } => return None,
            Tok::True => "True",
            Tok::False => "False",
            Tok::None => "None",
            _ => "literal",
        }
    } else if matches!(last.tok, Tok::Name { .. }) && matches!(toks[i - 2].tok, Tok::Dot) {
        "attribute"
    } else if is_close(&last.tok) {
        let open = (a..i - 1)
            .rev()
            .find(|&j| toks[j].depth == last.depth && is_open(&toks[j].tok))?;
        let postfix = open > a;
        match (&last.tok, postfix) {
            (Tok::Rsqb, true) => "subscript",
            (Tok::Rpar, true) => "function call",
            (Tok::Rsqb, false) => "list",
            (Tok::Rpar, false) => "tuple",
            _ => return None,
        }
    } else {
        "expression"
    };
    Some(err(
        format!("cannot use assignment expressions with {kind}"),
        toks[a].start,
        last.end,
    ))
}

/// `yield = 1`.
fn yield_assignment(toks: &[Token], i: usize) -> Option<CompileError> {
    let prev = toks.get(i.checked_sub(1)?)?;
    if matches!(toks[i].tok, Tok::Equal) && matches!(prev.tok, Tok::Yield) {
        return Some(err(
            "assignment to yield expression not possible",
            prev.start,
            prev.end,
        ));
    }
    None
}

/// Misplaced `*`, `**`, `/` or defaults in a `def` or `lambda` parameter list.
fn parameter_error(toks: &[Token], i: usize) -> Option<CompileError> {
    let d = toks[i].depth;
    let (params_start, lambda) = if d > 0 {
        let open = enclosing_open(toks, i)?;
        if open < 2 || !matches!(toks[open - 2].tok, Tok::Def) {
            return None;
        }
        (open + 1, false)
    } else {
        let first = line_start(toks, i);
        let lam = (first..i)
            .rev()
            .find(|&j| toks[j].depth == d && matches!(toks[j].tok, Tok::Lambda | Tok::Colon))?;
        if !matches!(toks[lam].tok, Tok::Lambda) {
            return None;
        }
        (lam + 1, true)
    };
    let (mut star, mut kwargs, mut slash, mut count) = (false, false, false, 0);
    let mut param_first = true;
    let mut last_kind = None;
    for t in &toks[params_start..i] {
        if t.depth != d {
            continue;
        }
        if param_first {
            count += 1;
            last_kind = Some(match t.tok {
                Tok::Star => {
                    star = true;
                    1
                }
                Tok::DoubleStar => {
                    kwargs = true;
                    2
                }
                Tok::Slash => {
                    slash = true;
                    3
                }
                _ => 0,
            });
        }
        param_first = matches!(t.tok, Tok::Comma);
    }
    let t = &toks[i];
    let msg = match &t.tok {
        _ if kwargs && param_first => "arguments cannot follow var-keyword argument",
        Tok::Star if param_first && star => "* argument may appear only once",
        Tok::Slash if param_first && count == 0 => "at least one argument must precede /",
        Tok::Slash if param_first && slash => "/ may appear only once",
        Tok::Slash if param_first && star => "/ must be ahead of *",
        Tok::Equal if last_kind == Some(2) => "var-keyword argument cannot have default value",
        Tok::Equal if last_kind == Some(1) => "var-positional argument cannot have default value",
        Tok::Lpar if param_first => {
            let close = crate::tokens::matching_close(toks, i)?;
            let msg = if lambda {
                "Lambda expression parameters cannot be parenthesized"
            } else {
                "Function parameters cannot be parenthesized"
            };
            return Some(err(msg, t.start, toks[close].end));
        }
        _ => return None,
    };
    Some(err(msg, t.start, t.end))
}

/// `def f: ...`: a function name not followed by its parameters.
fn missing_paren_call(toks: &[Token], i: usize) -> Option<CompileError> {
    let name = toks.get(i.checked_sub(1)?)?;
    let def = toks.get(i.checked_sub(2)?)?;
    if matches!(def.tok, Tok::Def)
        && matches!(name.tok, Tok::Name { .. })
        && !matches!(toks[i].tok, Tok::Lpar)
    {
        return Some(err("expected '('", toks[i].start, toks[i].start).end(End::AtStart));
    }
    None
}

/// `if x = 1:`: an assignment where a condition is expected.
fn equals_in_condition(toks: &[Token], i: usize) -> Option<CompileError> {
    if !matches!(toks[i].tok, Tok::Equal) || i == 0 {
        return None;
    }
    let first = line_start(toks, i);
    let in_condition =
        toks[i].depth == 0 && matches!(toks.get(first)?.tok, Tok::If | Tok::Elif | Tok::While);
    let in_display =
        toks[i].depth > 0 && enclosing_open(toks, i).is_some_and(|o| !is_call(toks, o));
    if !(in_condition || in_display) || !ends_operand(&toks[i - 1].tok) {
        return None;
    }
    let a = expr_start(toks, i - 1, Level::BitwiseOr).start;
    let b = expr_end(toks, i + 1, Level::BitwiseOr)?;
    if matches!(toks.get(b + 1)?.tok, Tok::Equal | Tok::ColonEqual) {
        return None;
    }
    Some(err(
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        toks[a].start,
        toks[b].end,
    ))
}

/// The index of the bracket enclosing token `i`.
fn enclosing_open(toks: &[Token], i: usize) -> Option<usize> {
    let d = toks[i].depth;
    (0..i)
        .rev()
        .find(|&j| is_open(&toks[j].tok) && toks[j].depth + 1 == d)
}

/// Whether the bracket at `open` starts a call's arguments.
fn is_call(toks: &[Token], open: usize) -> bool {
    matches!(toks[open].tok, Tok::Lpar) && open > 0 && ends_operand(&toks[open - 1].tok)
}

/// `f(a.b=1)`: a keyword argument whose name is an expression.
fn keyword_expression(toks: &[Token], i: usize) -> Option<CompileError> {
    if !matches!(toks[i].tok, Tok::Equal) || i == 0 || toks[i].depth == 0 {
        return None;
    }
    let open = enclosing_open(toks, i)?;
    if !is_call(toks, open) || !ends_operand(&toks[i - 1].tok) {
        return None;
    }
    let back = expr_start(toks, i - 1, Level::Expression);
    if back.in_comprehension {
        return None;
    }
    let a = back.start;
    if a == i - 1 {
        let word = match toks[a].tok {
            Tok::True => "True",
            Tok::False => "False",
            Tok::None => "None",
            Tok::Name { .. } => return None,
            _ => "",
        };
        if !word.is_empty() {
            return Some(err(
                format!("cannot assign to {word}"),
                toks[a].start,
                toks[i].end,
            ));
        }
    }
    Some(err(
        "expression cannot contain assignment, perhaps you meant \"==\"?",
        toks[a].start,
        toks[i].end,
    ))
}

/// `x = a if b`: a conditional expression without its `else`.
fn missing_else(toks: &[Token], i: usize) -> Option<CompileError> {
    if matches!(toks[i].tok, Tok::Else | Tok::Colon) || i == 0 {
        return None;
    }
    let d = toks[i].depth + usize::from(is_close(&toks[i].tok));
    let first = line_start(toks, i);
    let mut j = i;
    while j > first {
        j -= 1;
        let t = &toks[j];
        if t.depth < d {
            return None;
        }
        if t.depth > d {
            continue;
        }
        match t.tok {
            Tok::Else | Tok::For | Tok::Lambda | Tok::Comma | Tok::Colon => return None,
            Tok::If => break,
            _ => {}
        }
    }
    if !matches!(toks[j].tok, Tok::If) || j == first || j + 1 >= i {
        return None;
    }
    if !ends_operand(&toks[j - 1].tok) || !ends_operand(&toks[i - 1].tok) {
        return None;
    }
    let back = expr_start(toks, j - 1, Level::Disjunction);
    if back.in_comprehension {
        return None;
    }
    Some(err(
        "expected 'else' after 'if' expression",
        toks[back.start].start,
        toks[i - 1].end,
    ))
}

/// `[1, 2 3]`: two expressions side by side inside brackets.
fn missing_comma(toks: &[Token], i: usize) -> Option<CompileError> {
    if i == 0 || toks[i].depth == 0 {
        return None;
    }
    let (prev, cur) = (&toks[i - 1], &toks[i]);
    if !ends_operand(&prev.tok) || !starts_operand(&cur.tok) || prev.depth != cur.depth {
        return None;
    }
    let open = enclosing_open(toks, i)?;
    if open >= 2 && matches!(toks[open - 2].tok, Tok::Def) {
        return None;
    }
    let back = expr_start(toks, i - 1, Level::Disjunction);
    if back.in_comprehension {
        return None;
    }
    let a = &toks[back.start];
    if back.start == i - 1 {
        match &a.tok {
            Tok::Name { name } if name == "print" || name == "exec" => return None,
            Tok::Name { .. } if matches!(cur.tok, Tok::String { .. }) => return None,
            Tok::Match | Tok::Case | Tok::Type => return None,
            Tok::Name { name } if name == "_" => return None,
            _ => {}
        }
    }
    let b = expr_end(toks, i, Level::Expression).unwrap_or(i);
    Some(err(
        "invalid syntax. Perhaps you forgot a comma?",
        a.start,
        toks[b].end,
    ))
}

/// `if x` / `def f()` at the end of a line: a block header without its colon.
fn missing_colon(toks: &[Token], i: usize) -> Option<CompileError> {
    let first = line_start(toks, i);
    let head = &toks.get(first)?.tok;
    let soft = |word: &str| match head {
        Tok::Name { name } => name == word,
        Tok::Match => word == "match",
        Tok::Case => word == "case",
        _ => false,
    };
    if (soft("match") && i == first + 1) || (soft("case") && i == first) {
        let nl = toks[i..]
            .iter()
            .take_while(|t| !(t.depth == 0 && matches!(t.tok, Tok::Colon)))
            .find(|t| matches!(t.tok, Tok::Newline))?;
        return Some(err("expected ':'", nl.start, nl.start).end(End::AtStart));
    }
    if !matches!(toks[i].tok, Tok::Newline) || toks[i].depth != 0 || i == 0 {
        return None;
    }
    let mut head = head;
    if matches!(head, Tok::Async) {
        head = &toks.get(first + 1)?.tok;
    }
    let compound = matches!(
        head,
        Tok::Def
            | Tok::Class
            | Tok::With
            | Tok::Except
            | Tok::Match
            | Tok::Case
            | Tok::For
            | Tok::While
            | Tok::If
            | Tok::Elif
            | Tok::Else
            | Tok::Try
            | Tok::Finally
    );
    let has_colon = toks[first..i]
        .iter()
        .any(|t| t.depth == 0 && matches!(t.tok, Tok::Colon));
    let header_end = ends_operand(&toks[i - 1].tok)
        || matches!(
            toks[i - 1].tok,
            Tok::Try | Tok::Else | Tok::Finally | Tok::Except
        );
    if compound && !has_colon && header_end {
        return Some(err("expected ':'", toks[i].start, toks[i].start).end(End::AtStart));
    }
    None
}

/// The source range of the token starting at `offset` (CPython's "invalid syntax" caret
/// range); empty for newlines and indentation tokens.
pub(crate) fn token_range(toks: &[Token], offset: usize) -> Option<TextRange> {
    let t = &toks[index_at(toks, offset)?];
    if matches!(
        t.tok,
        Tok::Newline | Tok::Indent | Tok::Dedent | Tok::EndOfFile
    ) {
        return Some(range(t.start, t.start));
    }
    Some(range(t.start, t.end))
}

/// `print x` / `exec code`: the range from the name to the end of its arguments.
pub(crate) fn statement_rest(toks: &[Token], offset: usize) -> Option<usize> {
    let i = index_at(toks, offset)?;
    let mut last = None;
    for t in &toks[i..] {
        if t.depth == 0 && matches!(t.tok, Tok::Newline | Tok::Semi | Tok::Equal) {
            break;
        }
        last = Some(t.end);
    }
    last
}
