//! Struct sequences (`os.stat_result`, `posix.uname_result`, ...): tuple subclasses whose
//! visible items are also named attributes, plus attribute-only fields, as CPython's
//! `PyStructSequence` types.
//!
//! An instance is an instance of the class wrapping the tuple of visible items; the hidden
//! fields are its attributes. The class keeps its field names in `_pyrs_fields` (the named
//! visible fields) and `_pyrs_repr_fields` (the names its repr prints, one per visible item).

use pyrs_interp::ops::convert;
use pyrs_interp::types::class::{self, class_of};
use pyrs_interp::types::str::{as_str, new_str};
use pyrs_interp::types::{dict, instance, tuple};
use pyrs_interp::value::Value;
use pyrs_interp::vm::{Args, PyResult, Vm};

/// The shape of a struct sequence type.
pub struct Shape<'a> {
    /// `module.name`.
    pub module: &'a str,
    /// The class name.
    pub name: &'a str,
    /// Named fields that are items of the tuple, in order.
    pub visible: &'a [&'a str],
    /// Visible items without a name, after the named ones (stat's integer times).
    pub unnamed: usize,
    /// Attribute-only fields.
    pub hidden: &'a [&'a str],
}

/// Creates the class of a struct sequence.
pub fn new_class(vm: &mut Vm, shape: &Shape<'_>) -> PyResult<Value> {
    let ns = dict::new_dict(vm);
    let set = |vm: &mut Vm, k: &str, v: Value| {
        let k = vm.intern(k);
        dict::set_str_key(ns, k, v);
    };
    let m = new_str(vm, shape.module);
    set(vm, "__module__", m);
    let n_seq = shape.visible.len() + shape.unnamed;
    let n_fields = n_seq + shape.hidden.len();
    set(vm, "n_sequence_fields", Value::from_usize(n_seq));
    set(vm, "n_fields", Value::from_usize(n_fields));
    set(vm, "n_unnamed_fields", Value::from_usize(shape.unnamed));
    let named: Vec<Value> = shape.visible.iter().map(|f| vm.intern(f)).collect();
    let named_t = tuple::new_tuple(vm, &named);
    set(vm, "__match_args__", named_t);
    set(vm, "_pyrs_fields", named_t);
    let repr_names: Vec<Value> = shape
        .visible
        .iter()
        .chain(shape.hidden.iter())
        .take(n_seq)
        .map(|f| vm.intern(f))
        .collect();
    let repr_t = tuple::new_tuple(vm, &repr_names);
    set(vm, "_pyrs_repr_fields", repr_t);
    let hidden: Vec<Value> = shape.hidden.iter().map(|f| vm.intern(f)).collect();
    let hidden_t = tuple::new_tuple(vm, &hidden);
    set(vm, "_pyrs_hidden", hidden_t);
    let name = vm.intern(shape.name);
    let (meta, base) = (vm.cls.type_, vm.cls.tuple);
    let cls = class::new_class(vm, meta, name, &[base], ns)?;
    vm.add_staticmethod(cls, "__new__", seq_new);
    vm.add_methods(
        cls,
        &[
            ("__getattr__", seq_getattr),
            ("__repr__", seq_repr),
            ("__reduce__", seq_reduce),
        ],
    );
    class::update_slot_flags(vm, cls);
    Ok(cls)
}

/// An instance of struct sequence class `cls`: `visible` items, `hidden` attribute values
/// (in the order of the shape's hidden fields).
pub fn new(vm: &mut Vm, cls: Value, visible: &[Value], hidden: &[(&str, Value)]) -> Value {
    let t = tuple::new_tuple(vm, visible);
    let obj = instance::new_instance(vm, cls, t);
    for &(k, v) in hidden {
        let k = vm.intern(k);
        instance::set_attr(vm, obj, k, v);
    }
    obj
}

fn class_tuple(vm: &mut Vm, v: Value, key: &str) -> Vec<Value> {
    let cls = class_of(vm, v);
    let k = vm.intern(key);
    let t = class::lookup(vm, cls, k);
    if t.is_null() {
        return Vec::new();
    }
    tuple::as_tuple(t)
        .map(|t| t.items().to_vec())
        .unwrap_or_default()
}

fn full_name(vm: &mut Vm, v: Value) -> String {
    let cls = class_of(vm, v);
    let k = vm.names.__module__;
    let module = dict::get_str_key(class::class_obj(cls).dict, k)
        .and_then(as_str)
        .unwrap_or("")
        .to_string();
    format!("{module}.{}", class::class_name(cls))
}

/// `Cls(sequence)`: the visible items, then the hidden fields (None when not given).
fn seq_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(&cls) = args.pos.first() else {
        return Err(vm.type_error("structseq.__new__(): not enough arguments"));
    };
    let a = crate::common::parse(vm, &args, 1, "structseq", &["sequence", "dict"], 1, 2)?;
    let items = pyrs_interp::ops::iter::collect(vm, a[0].unwrap_or(Value::NULL))?;
    let count = |vm: &mut Vm, key: &str| -> usize {
        let k = vm.intern(key);
        let v = class::lookup(vm, cls, k);
        v.as_small().unwrap_or(0).max(0) as usize
    };
    let (n_seq, n_fields) = (count(vm, "n_sequence_fields"), count(vm, "n_fields"));
    let name = full_name_of_class(vm, cls);
    if items.len() < n_seq {
        let msg = if n_seq == n_fields {
            format!(
                "{name}() takes a {n_seq}-sequence ({}-sequence given)",
                items.len()
            )
        } else {
            format!(
                "{name}() takes an at least {n_seq}-sequence ({}-sequence given)",
                items.len()
            )
        };
        return Err(vm.type_error(msg));
    }
    if items.len() > n_fields {
        let msg = if n_seq == n_fields {
            format!(
                "{name}() takes a {n_seq}-sequence ({}-sequence given)",
                items.len()
            )
        } else {
            format!(
                "{name}() takes an at most {n_fields}-sequence ({}-sequence given)",
                items.len()
            )
        };
        return Err(vm.type_error(msg));
    }
    let k = vm.intern("_pyrs_hidden");
    let hidden_t = class::lookup(vm, cls, k);
    let hidden: Vec<Value> = tuple::as_tuple(hidden_t)
        .map(|t| t.items().to_vec())
        .unwrap_or_default();
    let t = tuple::new_tuple(vm, &items[..n_seq]);
    let obj = instance::new_instance(vm, cls, t);
    for (i, &h) in hidden.iter().enumerate() {
        let v = items.get(n_seq + i).copied().unwrap_or(vm.none);
        instance::set_attr(vm, obj, h, v);
    }
    Ok(obj)
}

fn full_name_of_class(vm: &mut Vm, cls: Value) -> String {
    let k = vm.names.__module__;
    let module = dict::get_str_key(class::class_obj(cls).dict, k)
        .and_then(as_str)
        .unwrap_or("")
        .to_string();
    format!("{module}.{}", class::class_name(cls))
}

fn seq_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__getattr__", 2, 2)?;
    let (s, name) = (args.pos[0], args.pos[1]);
    let wanted = as_str(name).unwrap_or("").to_string();
    let fields = class_tuple(vm, s, "_pyrs_fields");
    let items = tuple::as_tuple(s)
        .map(|t| t.items().to_vec())
        .unwrap_or_default();
    for (f, v) in fields.iter().zip(items) {
        if as_str(*f) == Some(wanted.as_str()) {
            return Ok(v);
        }
    }
    let n = full_name(vm, s);
    Err(vm.attribute_error(format!("'{n}' object has no attribute '{wanted}'")))
}

fn seq_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__repr__", 1, 1)?;
    let s = args.pos[0];
    let names = class_tuple(vm, s, "_pyrs_repr_fields");
    let items = tuple::as_tuple(s)
        .map(|t| t.items().to_vec())
        .unwrap_or_default();
    let mut out = format!("{}(", full_name(vm, s));
    for (i, (f, v)) in names.iter().zip(items).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(as_str(*f).unwrap_or("?"));
        out.push('=');
        out.push_str(&convert::repr_string(vm, v)?);
    }
    out.push(')');
    Ok(new_str(vm, &out))
}

fn seq_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__reduce__", 1, 1)?;
    let s = args.pos[0];
    let cls = class_of(vm, s);
    let items = tuple::as_tuple(s)
        .map(|t| t.items().to_vec())
        .unwrap_or_default();
    let t = tuple::new_tuple(vm, &items);
    let n = vm.names.__dict__;
    let d = match pyrs_interp::ops::attr::getattr_opt(vm, s, n)? {
        Some(d) => d,
        None => dict::new_dict(vm),
    };
    let ctor = tuple::new_tuple(vm, &[t, d]);
    Ok(tuple::new_tuple(vm, &[cls, ctor]))
}
