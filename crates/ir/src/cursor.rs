//! [`Cursor`]: the tokenizer of the text form, one line at a time.

use crate::print::is_name_delimiter;

/// A position in one line of text. Whitespace between tokens is skipped; `#` starts a
/// comment running to the end of the line.
pub(crate) struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(text: &'a str) -> Cursor<'a> {
        Cursor { text, pos: 0 }
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn skip_ws(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start().len();
    }

    /// The next character, after whitespace.
    pub(crate) fn peek(&mut self) -> Option<char> {
        self.skip_ws();
        self.rest().chars().next()
    }

    /// Whether only whitespace or a comment is left.
    pub(crate) fn at_end(&mut self) -> bool {
        matches!(self.peek(), None | Some('#'))
    }

    /// Consumes `c` if it comes next.
    pub(crate) fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    /// Consumes `s` if it comes next.
    pub(crate) fn eat_str(&mut self, s: &str) -> bool {
        self.skip_ws();
        if self.rest().starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    /// Requires `c` next.
    pub(crate) fn expect(&mut self, c: char) -> Result<(), String> {
        if self.eat(c) {
            Ok(())
        } else {
            Err(format!("expected `{c}`, found {}", self.found()))
        }
    }

    /// A description of what comes next, for error messages.
    pub(crate) fn found(&mut self) -> String {
        match self.peek() {
            None => "end of line".to_string(),
            Some(_) => {
                let shown: String = self.rest().chars().take(20).collect();
                format!("`{shown}`")
            }
        }
    }

    /// Consumes a word: a run of ASCII letters, digits and `_`.
    pub(crate) fn word(&mut self) -> Option<&'a str> {
        self.skip_ws();
        let rest = self.rest();
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if len == 0 {
            return None;
        }
        self.pos += len;
        Some(&rest[..len])
    }

    /// The next word without consuming it.
    pub(crate) fn peek_word(&mut self) -> Option<&'a str> {
        let save = self.pos;
        let w = self.word();
        self.pos = save;
        w
    }

    /// Requires a word.
    pub(crate) fn expect_word(&mut self, what: &str) -> Result<&'a str, String> {
        match self.word() {
            Some(w) => Ok(w),
            None => Err(format!("expected {what}, found {}", self.found())),
        }
    }

    /// Requires the keyword `kw`.
    pub(crate) fn keyword(&mut self, kw: &str) -> Result<(), String> {
        match self.word() {
            Some(w) if w == kw => Ok(()),
            _ => Err(format!("expected `{kw}`")),
        }
    }

    /// Consumes a number-like token: everything up to whitespace, `,`, `)`, `]` or `}`.
    pub(crate) fn token(&mut self) -> &'a str {
        self.skip_ws();
        let rest = self.rest();
        let len = rest
            .find(|c: char| c.is_whitespace() || ",)]}".contains(c))
            .unwrap_or(rest.len());
        self.pos += len;
        &rest[..len]
    }

    /// `key=number`.
    pub(crate) fn key_u64(&mut self, key: &str) -> Result<u64, String> {
        self.keyword(key)?;
        self.expect('=')?;
        let tok = self.token();
        parse_u64(tok).ok_or_else(|| format!("bad number `{tok}` for `{key}`"))
    }

    /// A descriptor name: a quoted string (Rust escapes) or a bare run of characters up
    /// to a delimiter.
    pub(crate) fn name(&mut self) -> Result<String, String> {
        self.skip_ws();
        if self.eat('"') {
            return self.quoted();
        }
        let rest = self.rest();
        let len = rest.find(is_name_delimiter).unwrap_or(rest.len());
        if len == 0 {
            return Err(format!("expected a name, found {}", self.found()));
        }
        self.pos += len;
        Ok(rest[..len].to_string())
    }

    fn quoted(&mut self) -> Result<String, String> {
        let mut out = String::new();
        let mut chars = self.rest().char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    self.pos += i + 1;
                    return Ok(out);
                }
                '\\' => {
                    let (_, e) = chars.next().ok_or("unterminated escape")?;
                    out.push(match e {
                        'n' => '\n',
                        'r' => '\r',
                        't' => '\t',
                        '0' => '\0',
                        '\\' | '"' | '\'' => e,
                        'u' => {
                            let body: String = chars
                                .by_ref()
                                .map(|(_, c)| c)
                                .skip_while(|&c| c == '{')
                                .take_while(|&c| c != '}')
                                .collect();
                            u32::from_str_radix(&body, 16)
                                .ok()
                                .and_then(char::from_u32)
                                .ok_or_else(|| format!("bad escape `\\u{{{body}}}`"))?
                        }
                        other => return Err(format!("unknown escape `\\{other}`")),
                    });
                }
                c => out.push(c),
            }
        }
        Err("unterminated string".to_string())
    }
}

/// Parses a decimal or `0x` hexadecimal `u64`.
pub(crate) fn parse_u64(s: &str) -> Option<u64> {
    match s.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => s.parse().ok(),
    }
}

/// Parses the index of a typed id spelled `<prefix><digits>` (`s4`, `g9`, `T2`).
pub(crate) fn parse_index(word: &str, prefix: char) -> Option<u32> {
    let digits = word.strip_prefix(prefix)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_names() {
        let mut c = Cursor::new("  foo_1 = bar(x) # comment");
        assert_eq!(c.word(), Some("foo_1"));
        assert!(c.eat('='));
        assert_eq!(c.peek_word(), Some("bar"));
        assert_eq!(c.expect_word("op"), Ok("bar"));
        assert!(c.expect('(').is_ok());
        assert_eq!(c.token(), "x");
        assert!(c.eat(')'));
        assert!(c.at_end());

        let mut c = Cursor::new(r#"Float.value "a \"b\"\n\u{1b}" offset=0x10"#);
        assert_eq!(c.name().as_deref(), Ok("Float.value"));
        assert_eq!(c.name().as_deref(), Ok("a \"b\"\n\u{1b}"));
        assert_eq!(c.key_u64("offset"), Ok(16));
    }

    #[test]
    fn indices_and_numbers() {
        assert_eq!(parse_index("s12", 's'), Some(12));
        assert_eq!(parse_index("s", 's'), None);
        assert_eq!(parse_index("s1x", 's'), None);
        assert_eq!(parse_u64("0xff"), Some(255));
        assert_eq!(parse_u64("12"), Some(12));
        assert_eq!(parse_u64("-1"), None);
    }
}
