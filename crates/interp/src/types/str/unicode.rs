//! Character classes and case mappings of `str` methods, as CPython 3.11's Unicode
//! database defines them (tables generated into `tables.rs`; Rust's own case mappings where
//! they agree with CPython's).

use super::tables::{ALPHA, CASEFOLD, DECIMAL, DIGIT, NUMERIC, PRINTABLE, TITLE};

fn in_table(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn lookup_map(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by_key(&(c as u32), |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

/// `str.isdecimal` of one character (category Nd).
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_table(DECIMAL, c)
}

/// `str.isdigit` of one character.
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_table(DIGIT, c)
}

/// `str.isnumeric` of one character.
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_table(NUMERIC, c)
}

/// `str.isalpha` of one character (categories L*).
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_table(ALPHA, c)
}

/// `str.isalnum` of one character.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// `str.isprintable` of one character.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    in_table(PRINTABLE, c)
}

/// `str.isspace` of one character (also what `split()` splits on).
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\x0b' | '\x0c' | '\r' | '\x1c'..='\x1f' | ' ' | '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}'
            | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// Whether `c` ends a line for `str.splitlines`.
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Titlecase letters (category Lt).
pub fn is_title(c: char) -> bool {
    matches!(c, '\u{1c5}' | '\u{1c8}' | '\u{1cb}' | '\u{1f2}' | '\u{1f88}'..='\u{1f8f}' | '\u{1f98}'..='\u{1f9f}' | '\u{1fa8}'..='\u{1faf}' | '\u{1fbc}' | '\u{1fcc}' | '\u{1ffc}')
}

/// Uppercase characters (`isupper` of one character).
pub fn is_upper(c: char) -> bool {
    c.is_uppercase()
}

/// Lowercase characters (`islower` of one character).
pub fn is_lower(c: char) -> bool {
    c.is_lowercase()
}

/// Cased characters: upper, lower or title case.
pub fn is_cased(c: char) -> bool {
    is_upper(c) || is_lower(c) || is_title(c)
}

/// Characters that may start an identifier (besides `_`).
pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    is_alpha(c) || matches!(c, '\u{2160}'..='\u{2188}' | '\u{3007}' | '\u{3021}'..='\u{3029}')
}

/// Characters that may continue an identifier.
pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    is_xid_start(c)
        || is_decimal(c)
        || (c.is_alphanumeric() && !is_numeric(c))
        || matches!(
            c,
            '\u{300}'..='\u{36f}' | '\u{b7}' | '\u{203f}' | '\u{2040}'
        )
}

/// Appends the full uppercase of `c`.
pub fn push_upper(out: &mut String, c: char) {
    out.extend(c.to_uppercase());
}

/// Appends the full titlecase of `c`.
pub fn push_title(out: &mut String, c: char) {
    match lookup_map(TITLE, c) {
        Some(t) => out.push_str(t),
        None => out.extend(c.to_uppercase()),
    }
}

/// Characters that case mapping skips when looking for the neighbours of a capital sigma
/// (an approximation of Unicode's Case_Ignorable).
fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.' | ':' | '^' | '`' | '\u{ad}' | '\u{b7}' | '\u{2019}' | '\u{300}'..='\u{36f}'
    )
}

/// Appends the full lowercase of `chars[i]`, with the final-sigma rule for `Σ`.
pub fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c == '\u{3a3}' {
        let before = chars[..i]
            .iter()
            .rev()
            .find(|&&c| !is_case_ignorable(c))
            .is_some_and(|&c| is_cased(c));
        let after = chars[i + 1..]
            .iter()
            .find(|&&c| !is_case_ignorable(c))
            .is_some_and(|&c| is_cased(c));
        out.push(if before && !after {
            '\u{3c2}'
        } else {
            '\u{3c3}'
        });
        return;
    }
    out.extend(c.to_lowercase());
}

/// `str.casefold`.
pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match lookup_map(CASEFOLD, c) {
            Some(f) => out.push_str(f),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}
