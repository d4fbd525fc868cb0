//! Descriptors: what memory ops, allocations, calls and cross-trace jumps need to know
//! beyond their operands. Each trace has its own table of them, referenced by
//! [`DescrId`](crate::DescrId).
//!
//! # Call ABI
//! Binding for every backend and for the IR interpreter: a call target is an
//! `extern "C"` function taking exactly as many 64-bit integer words as its
//! [`CallDescr::args`] lists (at most [`MAX_CALL_ARGS`], passed in the System V integer
//! argument registers) and returning one 64-bit integer word, whatever the declared types:
//! floats travel as `f64::to_bits`, references as their word. For a `Void` result the
//! returned word is ignored (the function must still be declared to return `u64`).

use std::fmt;

use crate::ids::TraceId;
use crate::types::Type;

/// The most arguments a call may pass (the six System V integer argument registers).
pub const MAX_CALL_ARGS: usize = 6;

/// A field of a fixed-layout object (or of raw memory).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldDescr {
    /// For logs: the VM's name for the field (`Float.value`).
    pub name: String,
    /// Byte offset from the object's address.
    pub offset: u32,
    /// The value type read or written. `Float` and `Ref` fields are 8 bytes.
    pub ty: Type,
    /// Size in bytes in memory: 1, 2, 4 or 8.
    pub size: u8,
    /// For `Int` fields narrower than 8 bytes: sign-extend on load (else zero-extend).
    pub signed: bool,
}

/// An array: a GC array object (`*_gc` ops: items at `base_offset`, length word at
/// `len_offset`) or a raw buffer (`*_raw` ops: items at `base_offset` from the address).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ArrayDescr {
    /// For logs: the VM's name for the array type.
    pub name: String,
    /// Byte offset of item 0.
    pub base_offset: u32,
    /// Size of one item in bytes: 1, 2, 4 or 8 (8 for `Float` and `Ref` items).
    pub item_size: u8,
    /// The item type.
    pub ty: Type,
    /// For `Int` items narrower than 8 bytes: sign-extend on load.
    pub signed: bool,
    /// Byte offset of the length, an 8-byte word (GC arrays).
    pub len_offset: u32,
    /// The header word `new_array` writes at offset 0.
    pub header: u64,
}

/// A fixed-size object for `new`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SizeDescr {
    /// For logs: the VM's name for the type.
    pub name: String,
    /// Size in bytes (allocations round it up to a multiple of 8).
    pub size: u32,
    /// The header word written at offset 0; the rest is zeroed.
    pub header: u64,
}

/// What a call may do, beyond computing its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Effects {
    /// May leave an exception pending.
    pub can_raise: bool,
    /// May run a collection (a safepoint): `Ref` values may move.
    pub can_collect: bool,
    /// No side effects and no dependence on mutable state: equal calls may be CSE'd, and
    /// calls with constant arguments folded.
    pub pure: bool,
    /// May re-enter the interpreter (and so observe or change anything).
    pub may_force: bool,
}

impl Effects {
    /// No effect at all (a plain helper reading only its arguments is `pure` too).
    pub const NONE: Effects = Effects {
        can_raise: false,
        can_collect: false,
        pure: false,
        may_force: false,
    };

    fn names(self) -> impl Iterator<Item = &'static str> {
        [
            (self.can_raise, "can_raise"),
            (self.can_collect, "can_collect"),
            (self.pure, "pure"),
            (self.may_force, "may_force"),
        ]
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, n)| n)
    }

    /// Sets the effect named `name` (as printed); `false` if there is no such effect.
    pub fn set_by_name(&mut self, name: &str) -> bool {
        let slot = match name {
            "can_raise" => &mut self.can_raise,
            "can_collect" => &mut self.can_collect,
            "pure" => &mut self.pure,
            "may_force" => &mut self.may_force,
            _ => return false,
        };
        *slot = true;
        true
    }
}

/// Prints the effects joined by `|` (`can_raise|can_collect`), or `none`.
impl fmt::Display for Effects {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<_> = self.names().collect();
        if names.is_empty() {
            f.write_str("none")
        } else {
            f.write_str(&names.join("|"))
        }
    }
}

/// A call target's signature and effects (see the module's call ABI).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CallDescr {
    /// For logs: the callee's name.
    pub name: String,
    /// Argument types (not counting the function address).
    pub args: Vec<Type>,
    /// Result type; must match the call opcode (`call_i` → `Int`, `call_n` → `Void`).
    pub result: Type,
    /// What the call may do.
    pub effects: Effects,
}

/// The loop header of another trace, for a `jump` leaving this one (bridges jump to loops).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TargetDescr {
    /// The trace whose last `label` is the target.
    pub trace: TraceId,
    /// The types of that label's operands.
    pub args: Vec<Type>,
}

/// One entry of a trace's descriptor table.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Descr {
    /// For `getfield_*` / `setfield_*`.
    Field(FieldDescr),
    /// For `getarrayitem_*`, `setarrayitem_*`, `arraylen_gc`, `new_array`.
    Array(ArrayDescr),
    /// For `new`.
    Size(SizeDescr),
    /// For `call_*`.
    Call(CallDescr),
    /// For `jump` to another trace.
    Target(TargetDescr),
}

impl Descr {
    /// The kind keyword of the text form (`field`, `array`, `size`, `call`, `target`).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Descr::Field(_) => "field",
            Descr::Array(_) => "array",
            Descr::Size(_) => "size",
            Descr::Call(_) => "call",
            Descr::Target(_) => "target",
        }
    }

    /// The field descriptor, if this is one.
    pub fn as_field(&self) -> Option<&FieldDescr> {
        match self {
            Descr::Field(d) => Some(d),
            _ => None,
        }
    }

    /// The array descriptor, if this is one.
    pub fn as_array(&self) -> Option<&ArrayDescr> {
        match self {
            Descr::Array(d) => Some(d),
            _ => None,
        }
    }

    /// The size descriptor, if this is one.
    pub fn as_size(&self) -> Option<&SizeDescr> {
        match self {
            Descr::Size(d) => Some(d),
            _ => None,
        }
    }

    /// The call descriptor, if this is one.
    pub fn as_call(&self) -> Option<&CallDescr> {
        match self {
            Descr::Call(d) => Some(d),
            _ => None,
        }
    }

    /// The jump-target descriptor, if this is one.
    pub fn as_target(&self) -> Option<&TargetDescr> {
        match self {
            Descr::Target(d) => Some(d),
            _ => None,
        }
    }

    /// Checks the descriptor's own consistency (sizes, types, argument counts).
    pub fn check(&self) -> Result<(), String> {
        match self {
            Descr::Field(d) => check_memory(d.ty, d.size, d.signed),
            Descr::Array(d) => check_memory(d.ty, d.item_size, d.signed),
            Descr::Size(d) if d.size < 8 => {
                Err(format!("size {} cannot hold the header word", d.size))
            }
            Descr::Size(_) => Ok(()),
            Descr::Call(d) if d.args.len() > MAX_CALL_ARGS => Err(format!(
                "{} call arguments, at most {MAX_CALL_ARGS}",
                d.args.len()
            )),
            Descr::Call(d) if d.args.contains(&Type::Void) => Err("void call argument".to_string()),
            Descr::Call(_) => Ok(()),
            Descr::Target(d) if d.args.contains(&Type::Void) => {
                Err("void jump-target argument".to_string())
            }
            Descr::Target(_) => Ok(()),
        }
    }
}

fn check_memory(ty: Type, size: u8, signed: bool) -> Result<(), String> {
    match ty {
        Type::Void => Err("void memory type".to_string()),
        Type::Int if matches!(size, 1 | 2 | 4 | 8) => Ok(()),
        Type::Int => Err(format!("int size {size} is not 1, 2, 4 or 8")),
        Type::Float | Type::Ref if signed => Err(format!("{ty} cannot be signed")),
        Type::Float | Type::Ref if size == 8 => Ok(()),
        Type::Float | Type::Ref => Err(format!("{ty} size {size} is not 8")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(ty: Type, size: u8, signed: bool) -> Descr {
        Descr::Field(FieldDescr {
            name: "f".into(),
            offset: 8,
            ty,
            size,
            signed,
        })
    }

    #[test]
    fn memory_descrs_are_checked() {
        assert!(field(Type::Int, 4, true).check().is_ok());
        assert!(field(Type::Int, 3, true).check().is_err());
        assert!(field(Type::Float, 8, false).check().is_ok());
        assert!(field(Type::Float, 4, false).check().is_err());
        assert!(field(Type::Ref, 8, true).check().is_err());
        assert!(field(Type::Void, 8, false).check().is_err());
    }

    #[test]
    fn call_descrs_are_checked() {
        let call = |n| {
            Descr::Call(CallDescr {
                name: "g".into(),
                args: vec![Type::Int; n],
                result: Type::Void,
                effects: Effects::NONE,
            })
        };
        assert!(call(6).check().is_ok());
        assert!(call(7).check().is_err());
    }

    #[test]
    fn effects_print_and_parse_by_name() {
        assert_eq!(Effects::NONE.to_string(), "none");
        let mut e = Effects::NONE;
        assert!(e.set_by_name("can_raise"));
        assert!(e.set_by_name("may_force"));
        assert!(!e.set_by_name("bogus"));
        assert_eq!(e.to_string(), "can_raise|may_force");
    }
}
