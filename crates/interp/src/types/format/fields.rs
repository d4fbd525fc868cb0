//! `str.format` and `str.format_map`: replacement fields (`{}`, `{0}`, `{name}`,
//! `{0.attr}`, `{0[key]}`, `{!r}`, `{:spec}` with nested fields in the spec), following
//! CPython 3.11's `Objects/stringlib/unicode_format.h`.

use crate::ops;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Where named fields are looked up.
#[derive(Clone, Copy)]
pub enum Named<'a> {
    /// Keyword arguments of `str.format`: values and their (str) names.
    Keywords(&'a [Value], &'a [Value]),
    /// The mapping of `str.format_map` (looked up with `__getitem__`).
    Mapping(Value),
}

/// Automatic field numbering state.
enum AutoNumber {
    Unknown,
    Auto(usize),
    Manual,
}

struct Formatter<'a> {
    /// Positional arguments; `None` for `format_map`.
    args: Option<&'a [Value]>,
    named: Named<'a>,
    auto: AutoNumber,
}

/// `fmt.format(*args, **named)` as Rust text; `args` is `None` for `format_map` (then a
/// positional field is an error).
pub fn format(
    vm: &mut Vm,
    fmt: &str,
    args: Option<&[Value]>,
    named: Named<'_>,
) -> PyResult<String> {
    let mut f = Formatter {
        args,
        named,
        auto: AutoNumber::Unknown,
    };
    let mut out = String::new();
    f.render(vm, fmt, 2, &mut out)?;
    Ok(out)
}

/// One parsed replacement field.
struct Field<'s> {
    name: &'s str,
    conversion: Option<char>,
    spec: &'s str,
    spec_needs_expanding: bool,
}

/// Reads literal text up to the next field; returns the literal, whether a field follows,
/// and advances `pos` past the literal (and past the `{` of the field).
fn next_literal<'s>(vm: &mut Vm, s: &'s str, pos: &mut usize) -> PyResult<(&'s str, bool)> {
    let bytes = s.as_bytes();
    let start = *pos;
    let mut c = 0u8;
    let mut markup = false;
    while *pos < bytes.len() {
        c = bytes[*pos];
        *pos += 1;
        if c == b'{' || c == b'}' {
            markup = true;
            break;
        }
    }
    let at_end = *pos >= bytes.len();
    let mut len = *pos - start;
    if markup && c == b'}' && (at_end || bytes[*pos] != b'}') {
        return Err(vm.value_error("Single '}' encountered in format string"));
    }
    if markup && at_end && c == b'{' {
        return Err(vm.value_error("Single '{' encountered in format string"));
    }
    if markup && !at_end {
        if bytes[*pos] == c {
            *pos += 1;
            markup = false;
        } else {
            len -= 1;
        }
    }
    Ok((&s[start..start + len], markup))
}

/// Parses a field after its `{`, advancing `pos` past its closing `}`.
fn parse_field<'s>(vm: &mut Vm, s: &'s str, pos: &mut usize) -> PyResult<Field<'s>> {
    let bytes = s.as_bytes();
    let start = *pos;
    let mut c = 0u8;
    while *pos < bytes.len() {
        c = bytes[*pos];
        *pos += 1;
        match c {
            b'{' => return Err(vm.value_error("unexpected '{' in field name")),
            b'[' => {
                while *pos < bytes.len() && bytes[*pos] != b']' {
                    *pos += 1;
                }
                continue;
            }
            b'}' | b':' | b'!' => break,
            _ => continue,
        }
    }
    let name_end = if matches!(c, b'}' | b':' | b'!') {
        *pos - 1
    } else {
        *pos
    };
    let mut field = Field {
        name: &s[start..name_end],
        conversion: None,
        spec: "",
        spec_needs_expanding: false,
    };
    if c == b'!' || c == b':' {
        if c == b'!' {
            let Some(conv) = s[*pos..].chars().next() else {
                return Err(vm.value_error("end of string while looking for conversion specifier"));
            };
            field.conversion = Some(conv);
            *pos += conv.len_utf8();
            if *pos < bytes.len() {
                let c2 = bytes[*pos];
                *pos += 1;
                if c2 == b'}' {
                    return Ok(field);
                }
                if c2 != b':' {
                    return Err(vm.value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut count = 1;
        while *pos < bytes.len() {
            let c = bytes[*pos];
            *pos += 1;
            if c == b'{' {
                field.spec_needs_expanding = true;
                count += 1;
            } else if c == b'}' {
                count -= 1;
                if count == 0 {
                    field.spec = &s[spec_start..*pos - 1];
                    return Ok(field);
                }
            }
        }
        return Err(vm.value_error("unmatched '{' in format spec"));
    }
    if c != b'}' {
        return Err(vm.value_error("expected '}' before end of string"));
    }
    Ok(field)
}

/// A decimal index in a field name: `None` if not all digits (or empty).
fn parse_index(vm: &mut Vm, s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    match s.parse::<usize>() {
        Ok(n) if n <= isize::MAX as usize => Ok(Some(n)),
        _ => Err(vm.value_error("Too many decimal digits in format string")),
    }
}

impl Formatter<'_> {
    fn render(&mut self, vm: &mut Vm, fmt: &str, depth: i32, out: &mut String) -> PyResult<()> {
        if depth <= 0 {
            return Err(vm.value_error("Max string recursion exceeded"));
        }
        let mut pos = 0;
        while pos < fmt.len() {
            let (lit, markup) = next_literal(vm, fmt, &mut pos)?;
            out.push_str(lit);
            if !markup {
                continue;
            }
            let field = parse_field(vm, fmt, &mut pos)?;
            let obj = self.lookup(vm, field.name)?;
            let obj = match field.conversion {
                None => obj,
                Some('r') => ops::convert::repr(vm, obj)?,
                Some('s') => ops::convert::to_str(vm, obj)?,
                Some('a') => {
                    let r = ops::convert::repr_string(vm, obj)?;
                    let a = crate::types::str::ascii_escape(&r);
                    crate::types::str::new_str(vm, &a)
                }
                Some(c) => {
                    let shown = if (c as u32) > 32 && (c as u32) < 127 {
                        c.to_string()
                    } else {
                        format!("\\x{:x}", c as u32)
                    };
                    return Err(vm.value_error(format!("Unknown conversion specifier {shown}")));
                }
            };
            let spec = if field.spec_needs_expanding {
                let mut s = String::new();
                self.render(vm, field.spec, depth - 1, &mut s)?;
                s
            } else {
                field.spec.to_string()
            };
            let r = ops::convert::format(vm, obj, &spec)?;
            out.push_str(crate::types::str::as_str(r).unwrap_or(""));
        }
        Ok(())
    }

    /// The object a field name designates (`0`, `name`, then `.attr` / `[key]` parts).
    fn lookup(&mut self, vm: &mut Vm, name: &str) -> PyResult<Value> {
        let first_end = name.find(['.', '[']).unwrap_or(name.len());
        let (first, mut rest) = name.split_at(first_end);
        let mut obj = if first.is_empty() {
            let n = match self.auto {
                AutoNumber::Manual => return Err(vm.value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                )),
                AutoNumber::Unknown => 0,
                AutoNumber::Auto(n) => n,
            };
            self.auto = AutoNumber::Auto(n + 1);
            self.positional(vm, n)?
        } else if let Some(n) = parse_index(vm, first)? {
            if let AutoNumber::Auto(_) = self.auto {
                return Err(vm.value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            self.auto = AutoNumber::Manual;
            self.positional(vm, n)?
        } else {
            self.keyword(vm, first)?
        };
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('.') {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                let attr = &r[..end];
                if attr.is_empty() {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                obj = ops::attr::getattr_str(vm, obj, attr)?;
                rest = &r[end..];
            } else if let Some(r) = rest.strip_prefix('[') {
                let Some(end) = r.find(']') else {
                    return Err(vm.value_error("Missing ']' in format string"));
                };
                let key_text = &r[..end];
                if key_text.is_empty() {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                let key = match parse_index(vm, key_text)? {
                    Some(n) => Value::from_usize(n),
                    None => crate::types::str::new_str(vm, key_text),
                };
                obj = ops::subscript::getitem(vm, obj, key)?;
                rest = &r[end + 1..];
                if !rest.is_empty() && !rest.starts_with(['.', '[']) {
                    return Err(
                        vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                    );
                }
            } else {
                return Err(
                    vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                );
            }
        }
        Ok(obj)
    }

    fn positional(&self, vm: &mut Vm, n: usize) -> PyResult<Value> {
        let Some(args) = self.args else {
            return Err(vm.value_error("Format string contains positional fields"));
        };
        match args.get(n) {
            Some(&v) => Ok(v),
            None => Err(vm.index_error(format!(
                "Replacement index {n} out of range for positional args tuple"
            ))),
        }
    }

    fn keyword(&self, vm: &mut Vm, name: &str) -> PyResult<Value> {
        match self.named {
            Named::Keywords(values, names) => {
                if let Some(i) = names
                    .iter()
                    .position(|&k| crate::types::str::as_str(k) == Some(name))
                {
                    return Ok(values[i]);
                }
                let k = crate::types::str::new_str(vm, name);
                Err(vm.key_error(k))
            }
            Named::Mapping(m) => {
                let k = crate::types::str::new_str(vm, name);
                ops::subscript::getitem(vm, m, k)
            }
        }
    }
}
