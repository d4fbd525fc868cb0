//! CPython's tokenizer checks on number literals (`1abc`, `0x1g`, `1__0`, `0b12`, `012`):
//! rustpython's lexer reports these as plain syntax errors, CPython names the literal.
//!
//! Positions follow CPython: the error's offset is the index of the tokenizer's cursor, so
//! the caret lands one character before it.

use crate::errors::CompileError;
use rustpython_parser::text_size::{TextRange, TextSize};

/// The first malformed number literal in `src`, as CPython's tokenizer reports it.
pub(crate) fn literal_error(src: &str) -> Option<CompileError> {
    let b = src.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'#' {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if c == b'\'' || c == b'"' {
            i = skip_string(b, i);
        } else if is_ident_char(c) && !c.is_ascii_digit() {
            while i < b.len() && is_ident_char(b[i]) {
                i += 1;
            }
            // A string prefix (`rb'...'`) is followed directly by its quote.
        } else if c.is_ascii_digit() || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            let number = Number { b, start: i };
            match number.scan() {
                Ok(end) => i = end,
                Err((msg, cursor)) if msg.starts_with("leading zeros") => {
                    // CPython underlines the literal up to its first non-zero digit.
                    let range =
                        TextRange::new(TextSize::new(i as u32), TextSize::new(cursor as u32));
                    return Some(CompileError::new(msg, range));
                }
                Err((msg, cursor)) => return Some(CompileError::at(msg, cursor.saturating_sub(1))),
            }
        } else {
            i += 1;
        }
    }
    None
}

/// CPython's `is_potential_identifier_char`.
fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 128
}

/// The index after the string literal whose opening quote is at `i`.
fn skip_string(b: &[u8], mut i: usize) -> usize {
    let q = b[i];
    let triple = b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q);
    i += if triple { 3 } else { 1 };
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            c if c == q => {
                if !triple {
                    return i + 1;
                }
                if b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q) {
                    return i + 3;
                }
                i += 1;
            }
            b'\n' if !triple => return i + 1,
            _ => i += 1,
        }
    }
    i
}

/// An error message and the cursor index CPython reports it at (for leading zeros: the
/// index of the first non-zero digit, where CPython's underline ends).
type NumError = (String, usize);

/// One number literal starting at `start`, scanned as CPython's `tok_get` does.
struct Number<'a> {
    b: &'a [u8],
    start: usize,
}

impl Number<'_> {
    fn at(&self, i: usize) -> u8 {
        self.b.get(i).copied().unwrap_or(0)
    }

    /// The index after the literal, or the error.
    fn scan(&self) -> Result<usize, NumError> {
        let mut i = self.start;
        if self.at(i) == b'.' {
            return self.fraction(i + 1);
        }
        if self.at(i) == b'0' {
            match self.at(i + 1) {
                b'x' | b'X' => return self.radix(i + 2, 16, "hexadecimal"),
                b'o' | b'O' => return self.radix(i + 2, 8, "octal"),
                b'b' | b'B' => return self.radix(i + 2, 2, "binary"),
                _ => {}
            }
            i += 1;
            loop {
                if self.at(i) == b'_' {
                    i += 1;
                    if !self.at(i).is_ascii_digit() {
                        return Err(("invalid decimal literal".into(), i));
                    }
                }
                if self.at(i) != b'0' {
                    break;
                }
                i += 1;
            }
            let nonzero = self.at(i).is_ascii_digit();
            let zeros_end = i;
            if nonzero {
                i = self.decimal_tail(i)?;
            }
            return match self.at(i) {
                b'.' => self.fraction(i + 1),
                b'e' | b'E' => self.exponent(i),
                b'j' | b'J' => self.end_of_number(i + 1, "imaginary"),
                _ if nonzero => Err((
                    "leading zeros in decimal integer literals are not permitted; \
                     use an 0o prefix for octal integers"
                        .into(),
                    zeros_end,
                )),
                _ => self.end_of_number(i, "decimal"),
            };
        }
        i = self.decimal_tail(i)?;
        if self.at(i) == b'.' {
            return self.fraction(i + 1);
        }
        self.after_fraction(i)
    }

    /// Digits with single underscores between them, from `i` (the first is a digit).
    fn decimal_tail(&self, mut i: usize) -> Result<usize, NumError> {
        loop {
            while self.at(i).is_ascii_digit() {
                i += 1;
            }
            if self.at(i) != b'_' {
                return Ok(i);
            }
            i += 1;
            if !self.at(i).is_ascii_digit() {
                return Err(("invalid decimal literal".into(), i));
            }
        }
    }

    fn fraction(&self, i: usize) -> Result<usize, NumError> {
        let i = if self.at(i).is_ascii_digit() {
            self.decimal_tail(i)?
        } else {
            i
        };
        self.after_fraction(i)
    }

    /// The optional exponent and `j` suffix after the digits ending before `i`.
    fn after_fraction(&self, i: usize) -> Result<usize, NumError> {
        match self.at(i) {
            b'e' | b'E' => self.exponent(i),
            b'j' | b'J' => self.end_of_number(i + 1, "imaginary"),
            _ => self.end_of_number(i, "decimal"),
        }
    }

    /// The exponent whose `e` is at `e`.
    fn exponent(&self, e: usize) -> Result<usize, NumError> {
        let mut i = e + 1;
        if matches!(self.at(i), b'+' | b'-') {
            i += 1;
            if !self.at(i).is_ascii_digit() {
                return Err(("invalid decimal literal".into(), i));
            }
        } else if !self.at(i).is_ascii_digit() {
            // `1else`: the number ends before the `e`.
            self.end_of_number(e, "decimal")?;
            return Ok(e);
        }
        let i = self.decimal_tail(i)?;
        match self.at(i) {
            b'j' | b'J' => self.end_of_number(i + 1, "imaginary"),
            _ => self.end_of_number(i, "decimal"),
        }
    }

    /// Digits of base `radix` with single underscores, starting after the prefix at `i`.
    fn radix(&self, mut i: usize, radix: u32, kind: &str) -> Result<usize, NumError> {
        let ok = |c: u8| (c as char).is_digit(radix);
        loop {
            if self.at(i) == b'_' {
                i += 1;
            }
            let c = self.at(i);
            if !ok(c) {
                if radix != 16 && c.is_ascii_digit() {
                    return Err((
                        format!("invalid digit '{}' in {kind} literal", c as char),
                        i + 1,
                    ));
                }
                return Err((format!("invalid {kind} literal"), i));
            }
            while ok(self.at(i)) {
                i += 1;
            }
            if self.at(i) != b'_' {
                break;
            }
        }
        if radix != 16 && self.at(i).is_ascii_digit() {
            let c = self.at(i) as char;
            return Err((format!("invalid digit '{c}' in {kind} literal"), i + 1));
        }
        self.end_of_number(i, kind)
    }

    /// CPython's `verify_end_of_number`: a literal directly followed by an identifier
    /// character is an error, except before the keywords that may follow a number.
    fn end_of_number(&self, i: usize, kind: &str) -> Result<usize, NumError> {
        let rest = &self.b[i.min(self.b.len())..];
        let keyword = ["and", "else", "for", "if", "in", "is", "or", "not"]
            .iter()
            .any(|k| rest.starts_with(k.as_bytes()));
        if !keyword && is_ident_char(self.at(i)) {
            return Err((format!("invalid {kind} literal"), i));
        }
        Ok(i)
    }
}

#[cfg(test)]
mod tests {
    use super::literal_error;

    fn col(src: &str) -> Option<(String, usize)> {
        literal_error(src).map(|e| (e.msg, e.range.start().to_usize()))
    }

    #[test]
    fn cpython_positions() {
        assert_eq!(
            col("x = 7.upper"),
            Some(("invalid decimal literal".into(), 5))
        );
        assert_eq!(col("x = 1abc"), Some(("invalid decimal literal".into(), 4)));
        assert_eq!(
            col("x = 0x1g"),
            Some(("invalid hexadecimal literal".into(), 6))
        );
        assert_eq!(col("x = 1_\n"), Some(("invalid decimal literal".into(), 5)));
        assert_eq!(
            col("x = 1.5j2"),
            Some(("invalid imaginary literal".into(), 7))
        );
        assert_eq!(
            col("x = 0b12"),
            Some(("invalid digit '2' in binary literal".into(), 7))
        );
        assert_eq!(
            col("x = 0o8"),
            Some(("invalid digit '8' in octal literal".into(), 6))
        );
        assert_eq!(col("x = 1e5x"), Some(("invalid decimal literal".into(), 6)));
        assert_eq!(col("x = 1__0"), Some(("invalid decimal literal".into(), 5)));
        assert_eq!(col("x = 1 if 1else 2"), None);
        assert_eq!(col("x = 'a1b' + a1 + 0x_ff + 1_0.5e-3j # 1abc"), None);
    }
}
