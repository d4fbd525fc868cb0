//! The `_string` module: the format-string parsers behind `string.Formatter`
//! (`formatter_parser`, `formatter_field_name_split`), lazy iterators with CPython's
//! error messages.

use crate::common::{self, boxed_state};
use pyrs_interp::types::boxed;
use pyrs_interp::types::int::new_i64;
use pyrs_interp::types::str::{as_str, new_str};
use pyrs_interp::types::tuple::new_tuple;
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, NativeFn, PyResult, Vm};

/// One parsed piece of a format string: literal text, then an optional replacement field.
struct Piece {
    literal: String,
    /// `(field name, format spec, conversion)` when a field follows the literal.
    field: Option<(String, String, Option<char>)>,
}

/// Parses the piece starting at `*pos` of `s` (CPython's `MarkupIterator_next`); `None` at
/// the end.
fn next_piece(s: &[char], pos: &mut usize) -> Result<Option<Piece>, &'static str> {
    if *pos >= s.len() {
        return Ok(None);
    }
    let start = *pos;
    let mut c = '\0';
    let mut markup = false;
    while *pos < s.len() {
        c = s[*pos];
        *pos += 1;
        if c == '{' || c == '}' {
            markup = true;
            break;
        }
    }
    let at_end = *pos >= s.len();
    let mut len = *pos - start;
    if c == '}' && markup && (at_end || s[*pos] != '}') {
        return Err("Single '}' encountered in format string");
    }
    if at_end && c == '{' && markup {
        return Err("Single '{' encountered in format string");
    }
    if !at_end && markup {
        if s[*pos] == c {
            *pos += 1;
            markup = false;
        } else {
            len -= 1;
        }
    }
    let literal: String = s[start..start + len].iter().collect();
    if !markup {
        return Ok(Some(Piece {
            literal,
            field: None,
        }));
    }
    let field = parse_field(s, pos)?;
    Ok(Some(Piece {
        literal,
        field: Some(field),
    }))
}

/// Parses a replacement field after its `{` (CPython's `parse_field`).
fn parse_field(
    s: &[char],
    pos: &mut usize,
) -> Result<(String, String, Option<char>), &'static str> {
    let name_start = *pos;
    let mut c = '\0';
    while *pos < s.len() {
        c = s[*pos];
        *pos += 1;
        match c {
            '{' => return Err("unexpected '{' in field name"),
            '[' => {
                while *pos < s.len() && s[*pos] != ']' {
                    *pos += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    let name_end = pos.saturating_sub(1).max(name_start);
    let name: String = s[name_start..name_end].iter().collect();
    if c != '!' && c != ':' {
        if c != '}' {
            return Err("expected '}' before end of string");
        }
        return Ok((name, String::new(), None));
    }
    let mut conversion = None;
    if c == '!' {
        if *pos >= s.len() {
            return Err("end of string while looking for conversion specifier");
        }
        conversion = Some(s[*pos]);
        *pos += 1;
        if *pos < s.len() {
            let c2 = s[*pos];
            *pos += 1;
            if c2 == '}' {
                return Ok((name, String::new(), conversion));
            }
            if c2 != ':' {
                return Err("expected ':' after conversion specifier");
            }
        }
    }
    let spec_start = *pos;
    let mut depth = 1;
    while *pos < s.len() {
        let c = s[*pos];
        *pos += 1;
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    let spec: String = s[spec_start..*pos - 1].iter().collect();
                    return Ok((name, spec, conversion));
                }
            }
            _ => {}
        }
    }
    Err("unmatched '{' in format spec")
}

struct FormatterIter {
    text: Vec<char>,
    pos: usize,
}
boxed_state!(FormatterIter {} next: formatter_next);

fn formatter_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(st) = boxed::state::<FormatterIter>(it) else {
        return Ok(None);
    };
    let piece = match next_piece(&st.text, &mut st.pos) {
        Ok(Some(p)) => p,
        Ok(None) => return Ok(None),
        Err(msg) => {
            st.pos = st.text.len();
            return Err(vm.value_error(msg));
        }
    };
    let lit = new_str(vm, &piece.literal);
    let none = vm.none;
    let t = match piece.field {
        None => new_tuple(vm, &[lit, none, none, none]),
        Some((name, spec, conv)) => {
            let n = new_str(vm, &name);
            let sp = new_str(vm, &spec);
            let cv = match conv {
                Some(ch) => new_str(vm, &ch.to_string()),
                None => none,
            };
            new_tuple(vm, &[lit, n, sp, cv])
        }
    };
    Ok(Some(t))
}

fn text_arg(vm: &mut Vm, args: &Args<'_>, fname: &str) -> PyResult<Vec<char>> {
    let pos = common::positional(vm, args, fname, 0, 1, 1)?;
    match as_str(pos[0]) {
        Some(s) => Ok(s.chars().collect()),
        None => {
            let t = common::type_name(vm, pos[0]);
            Err(vm.type_error(format!("{fname}() argument must be str, not {t}")))
        }
    }
}

fn formatter_parser(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let text = text_arg(vm, &args, "formatter_parser")?;
    let cls = common::type_of(vm, "_string.formatteriterator")?;
    Ok(boxed::new_boxed(vm, cls, FormatterIter { text, pos: 0 }))
}

/// A field name part as Python sees it: an int when all digits, else a str.
fn name_value(vm: &mut Vm, s: &[char]) -> PyResult {
    let text: String = s.iter().collect();
    if !s.is_empty() && s.iter().all(|c| c.is_ascii_digit()) {
        return match text.parse::<i64>() {
            Ok(i) => Ok(new_i64(vm, i)),
            Err(_) => Err(vm.value_error("Too many decimal digits in format string")),
        };
    }
    Ok(new_str(vm, &text))
}

struct FieldNameIter {
    text: Vec<char>,
    pos: usize,
}
boxed_state!(FieldNameIter {} next: field_name_next);

fn field_name_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(st) = boxed::state::<FieldNameIter>(it) else {
        return Ok(None);
    };
    let s = &st.text;
    if st.pos >= s.len() {
        return Ok(None);
    }
    let c = s[st.pos];
    st.pos += 1;
    let start = st.pos;
    let (is_attr, end) = match c {
        '.' => {
            while st.pos < s.len() && s[st.pos] != '.' && s[st.pos] != '[' {
                st.pos += 1;
            }
            (true, st.pos)
        }
        '[' => {
            while st.pos < s.len() && s[st.pos] != ']' {
                st.pos += 1;
            }
            if st.pos >= s.len() {
                st.pos = s.len();
                return Err(vm.value_error("Missing ']' in format string"));
            }
            st.pos += 1;
            (false, st.pos - 1)
        }
        _ => {
            st.pos = s.len();
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    };
    if start == end {
        st.pos = s.len();
        return Err(vm.value_error("Empty attribute in format string"));
    }
    let part: Vec<char> = s[start..end].to_vec();
    let v = if is_attr {
        new_str(vm, &part.iter().collect::<String>())
    } else {
        name_value(vm, &part)?
    };
    let flag = vm.bool(is_attr);
    Ok(Some(new_tuple(vm, &[flag, v])))
}

fn formatter_field_name_split(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let text = text_arg(vm, &args, "formatter_field_name_split")?;
    let split = text
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(text.len());
    let first = name_value(vm, &text[..split])?;
    let cls = common::type_of(vm, "_string.fieldnameiterator")?;
    let rest = boxed::new_boxed(
        vm,
        cls,
        FieldNameIter {
            text: text[split..].to_vec(),
            pos: 0,
        },
    );
    Ok(new_tuple(vm, &[first, rest]))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("formatter_parser", formatter_parser),
    ("formatter_field_name_split", formatter_field_name_split),
];

/// Creates the `_string` module.
pub fn init(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("_string");
    for key in ["_string.formatteriterator", "_string.fieldnameiterator"] {
        let cls = common::new_type(vm, key, None, false);
        vm.add_methods(
            cls,
            &[
                ("__iter__", common::iter_self_method),
                ("__next__", common::iter_next_method),
            ],
        );
    }
    vm.module_add_functions(m, FUNCTIONS);
    Ok(m)
}
