//! Source positions: byte offsets from the parser turned into lines and columns.

use crate::bytecode::Location;
use rustpython_parser::text_size::TextRange;

/// Line starts of one source text, for offset → (line, column) conversion.
pub struct SourceMap<'a> {
    src: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> SourceMap<'a> {
    /// Indexes the line starts of `src` (`\n`, `\r\n` and lone `\r` end a line).
    pub fn new(src: &'a str) -> Self {
        let bytes = src.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        SourceMap { src, line_starts }
    }

    /// The source text.
    pub fn text(&self) -> &'a str {
        self.src
    }

    /// 0-based line index containing byte `offset`.
    fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// 1-based line and 0-based byte column of `offset`.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.src.len());
        let li = self.line_index(offset);
        (li as u32 + 1, (offset - self.line_starts[li]) as u32)
    }

    /// 1-based line and 1-based character column of `offset` (SyntaxError's `offset`).
    pub(crate) fn line_char_col(&self, offset: usize) -> (u32, u32) {
        let mut offset = offset.min(self.src.len());
        while !self.src.is_char_boundary(offset) {
            offset -= 1;
        }
        let li = self.line_index(offset);
        let start = self.line_starts[li];
        (
            li as u32 + 1,
            self.src[start..offset].chars().count() as u32 + 1,
        )
    }

    /// Number of lines (a trailing newline does not start a new line).
    pub(crate) fn line_count(&self) -> u32 {
        let n = self.line_starts.len();
        if n > 1 && self.line_starts[n - 1] == self.src.len() {
            n as u32 - 1
        } else {
            n as u32
        }
    }

    /// The text of 1-based `line`, including its line break.
    pub(crate) fn line_text(&self, line: u32) -> Option<&'a str> {
        let li = (line as usize).checked_sub(1)?;
        let start = *self.line_starts.get(li)?;
        let end = self
            .line_starts
            .get(li + 1)
            .copied()
            .unwrap_or(self.src.len());
        if start > self.src.len() || start == end && li > 0 && start == self.src.len() {
            return None;
        }
        Some(&self.src[start..end])
    }

    /// The bytecode location of a range.
    pub(crate) fn location(&self, range: TextRange) -> Location {
        let (line, col) = self.line_col(range.start().to_usize());
        let (end_line, end_col) = self.line_col(range.end().to_usize());
        Location {
            line,
            end_line,
            col,
            end_col,
        }
    }

    /// The source text of a range.
    pub(crate) fn slice(&self, range: TextRange) -> &'a str {
        let (s, e) = (range.start().to_usize(), range.end().to_usize());
        self.src.get(s..e).unwrap_or("")
    }
}
