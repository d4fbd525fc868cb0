//! Character predicates and case mappings of the regular-expression engine: the
//! `CATEGORY_*` codes, word boundaries, and ASCII / Unicode case folding as CPython's SRE
//! defines them (Unicode case maps take the first character of the full mapping, as
//! CPython's simple mappings do).

use pyrs_interp::types::str::unicode;

/// `CATEGORY_*` codes.
pub mod cat {
    pub const DIGIT: u32 = 0;
    pub const NOT_DIGIT: u32 = 1;
    pub const SPACE: u32 = 2;
    pub const NOT_SPACE: u32 = 3;
    pub const WORD: u32 = 4;
    pub const NOT_WORD: u32 = 5;
    pub const LINEBREAK: u32 = 6;
    pub const NOT_LINEBREAK: u32 = 7;
    pub const LOC_WORD: u32 = 8;
    pub const LOC_NOT_WORD: u32 = 9;
    pub const UNI_DIGIT: u32 = 10;
    pub const UNI_NOT_DIGIT: u32 = 11;
    pub const UNI_SPACE: u32 = 12;
    pub const UNI_NOT_SPACE: u32 = 13;
    pub const UNI_WORD: u32 = 14;
    pub const UNI_NOT_WORD: u32 = 15;
    pub const UNI_LINEBREAK: u32 = 16;
    pub const UNI_NOT_LINEBREAK: u32 = 17;
}

fn as_char(ch: u32) -> Option<char> {
    char::from_u32(ch)
}

/// ASCII digit.
pub fn is_digit(ch: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&ch)
}

/// ASCII whitespace as SRE sees it (` \t\n\r\x0b\x0c`).
pub fn is_space(ch: u32) -> bool {
    matches!(ch, 9..=13 | 32)
}

/// ASCII letter, digit or underscore.
pub fn is_word(ch: u32) -> bool {
    ch < 128 && ((ch as u8).is_ascii_alphanumeric() || ch == b'_' as u32)
}

/// Unicode letter, digit or underscore (`str.isalnum()` or `_`).
pub fn is_uni_word(ch: u32) -> bool {
    ch == b'_' as u32 || as_char(ch).is_some_and(unicode::is_alnum)
}

fn is_uni_digit(ch: u32) -> bool {
    as_char(ch).is_some_and(unicode::is_decimal)
}

fn is_uni_space(ch: u32) -> bool {
    as_char(ch).is_some_and(unicode::is_space)
}

fn is_uni_linebreak(ch: u32) -> bool {
    as_char(ch).is_some_and(unicode::is_linebreak)
}

/// Whether `ch` is in category `code`.
pub fn category(code: u32, ch: u32) -> bool {
    match code {
        cat::DIGIT => is_digit(ch),
        cat::NOT_DIGIT => !is_digit(ch),
        cat::SPACE => is_space(ch),
        cat::NOT_SPACE => !is_space(ch),
        cat::WORD | cat::LOC_WORD => is_word(ch),
        cat::NOT_WORD | cat::LOC_NOT_WORD => !is_word(ch),
        cat::LINEBREAK => ch == 10,
        cat::NOT_LINEBREAK => ch != 10,
        cat::UNI_DIGIT => is_uni_digit(ch),
        cat::UNI_NOT_DIGIT => !is_uni_digit(ch),
        cat::UNI_SPACE => is_uni_space(ch),
        cat::UNI_NOT_SPACE => !is_uni_space(ch),
        cat::UNI_WORD => is_uni_word(ch),
        cat::UNI_NOT_WORD => !is_uni_word(ch),
        cat::UNI_LINEBREAK => is_uni_linebreak(ch),
        cat::UNI_NOT_LINEBREAK => !is_uni_linebreak(ch),
        _ => false,
    }
}

/// ASCII lower case.
pub fn lower_ascii(ch: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&ch) {
        ch + 32
    } else {
        ch
    }
}

/// Unicode lower case (first character of the full mapping).
pub fn lower_unicode(ch: u32) -> u32 {
    match as_char(ch) {
        Some(c) => c.to_lowercase().next().map(|l| l as u32).unwrap_or(ch),
        None => ch,
    }
}

/// Unicode upper case (first character of the full mapping).
pub fn upper_unicode(ch: u32) -> u32 {
    match as_char(ch) {
        Some(c) => c.to_uppercase().next().map(|u| u as u32).unwrap_or(ch),
        None => ch,
    }
}

/// Whether `ch` has an ASCII case.
pub fn ascii_iscased(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_alphabetic()
}

/// Whether `ch` has a Unicode case.
pub fn unicode_iscased(ch: u32) -> bool {
    ch != lower_unicode(ch) || ch != upper_unicode(ch)
}
