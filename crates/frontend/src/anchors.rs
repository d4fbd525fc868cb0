//! Caret anchors for traceback source lines: CPython 3.11 underlines the failing part of a
//! binary operation or subscript differently (`a + b` → `~~^~~`, `d[k]` → `~^^^`). Given the
//! source segment an instruction covers, this finds where the secondary marks go by parsing
//! the segment as CPython does.

use rustpython_parser::ast::{self, Ranged};

/// The secondary-marked part of a segment: bytes `left_end..right_start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchors {
    /// First byte of the secondary part.
    pub left_end: usize,
    /// One past its last byte.
    pub right_start: usize,
}

/// The anchors of `segment` if it parses as a single expression statement that is a
/// binary operation (the operator) or a subscript (the brackets and the index).
pub fn caret_anchors(segment: &str) -> Option<Anchors> {
    let module =
        rustpython_parser::parse(segment, rustpython_parser::Mode::Module, "<segment>").ok()?;
    let ast::Mod::Module(m) = module else {
        return None;
    };
    let [ast::Stmt::Expr(stmt)] = m.body.as_slice() else {
        return None;
    };
    let bytes = segment.as_bytes();
    let ws = |b: u8| b == b' ' || b == b'\t' || b == b'\x0c';
    match stmt.value.as_ref() {
        ast::Expr::BinOp(b) => {
            let (from, to) = (b.left.end().to_usize(), b.right.start().to_usize());
            let mut found = None;
            let mut i = from;
            while i < to {
                if ws(bytes[i]) {
                    i += 1;
                    continue;
                }
                let mut right = i + 1;
                if i + 1 < to && !ws(bytes[i + 1]) {
                    right += 1;
                }
                found = Some(Anchors {
                    left_end: i,
                    right_start: right,
                });
                if i + 1 < to && bytes[i] == b')' {
                    i += 1;
                    continue;
                }
                break;
            }
            found
        }
        ast::Expr::Subscript(s) => {
            let len = bytes.len();
            let mut left = s.value.end().to_usize();
            let mut right = s.slice.end().to_usize() + 1;
            while left < len && bytes[left] != b'[' {
                left += 1;
            }
            while right < len && bytes[right] != b']' {
                right += 1;
            }
            if right < len {
                right += 1;
            }
            Some(Anchors {
                left_end: left,
                right_start: right,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binop_subscript_and_others() {
        assert_eq!(
            caret_anchors("a + b"),
            Some(Anchors {
                left_end: 2,
                right_start: 3
            })
        );
        assert_eq!(
            caret_anchors("a // b"),
            Some(Anchors {
                left_end: 2,
                right_start: 4
            })
        );
        assert_eq!(
            caret_anchors("d['k']"),
            Some(Anchors {
                left_end: 1,
                right_start: 6
            })
        );
        assert_eq!(caret_anchors("f(x)"), None);
        assert_eq!(caret_anchors("x = 1"), None);
        assert_eq!(caret_anchors("(a"), None);
    }
}
