//! Value types, constants and [`OpRef`], the typed name of a value in a trace.
//!
//! Every run-time value is one 64-bit word: an `Int` is an `i64`, a `Float` the bits of an
//! `f64`, a `Ref` a pointer-sized GC reference word the IR never interprets.

use std::fmt;

/// The type of a trace value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Type {
    /// A 64-bit two's-complement integer (also used for raw addresses).
    Int,
    /// A 64-bit IEEE float, carried as its bits.
    Float,
    /// A GC reference word: the collector may move what it points to at a safepoint.
    Ref,
    /// No value: the result type of ops that produce nothing.
    Void,
}

impl Type {
    /// The three value types, in their canonical order.
    pub const VALUES: [Type; 3] = [Type::Int, Type::Float, Type::Ref];

    /// The one-letter prefix of value names of this type: `i`, `f`, `p` (and `v`).
    pub fn prefix(self) -> char {
        match self {
            Type::Int => 'i',
            Type::Float => 'f',
            Type::Ref => 'p',
            Type::Void => 'v',
        }
    }

    /// The type whose value-name prefix is `c` (`i`, `f` or `p`).
    pub fn from_prefix(c: char) -> Option<Type> {
        match c {
            'i' => Some(Type::Int),
            'f' => Some(Type::Float),
            'p' => Some(Type::Ref),
            _ => None,
        }
    }

    /// The keyword spelling used in the text form (`int`, `float`, `ref`, `void`).
    pub fn keyword(self) -> &'static str {
        match self {
            Type::Int => "int",
            Type::Float => "float",
            Type::Ref => "ref",
            Type::Void => "void",
        }
    }

    /// Parses a [`Type::keyword`] spelling.
    pub fn from_keyword(s: &str) -> Option<Type> {
        match s {
            "int" => Some(Type::Int),
            "float" => Some(Type::Float),
            "ref" => Some(Type::Ref),
            "void" => Some(Type::Void),
            _ => None,
        }
    }

    const fn code(self) -> u32 {
        self as u32
    }

    fn from_code(code: u32) -> Type {
        match code & 3 {
            0 => Type::Int,
            1 => Type::Float,
            2 => Type::Ref,
            _ => Type::Void,
        }
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

/// A typed constant word. Equality is on the bits, so `-0.0 != 0.0` and NaNs with equal
/// payloads are equal: constants are interned by bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Const {
    /// The constant's type (never `Void`).
    pub ty: Type,
    /// The value's 64-bit word.
    pub bits: u64,
}

impl Const {
    /// An `Int` constant.
    pub fn int(v: i64) -> Const {
        Const {
            ty: Type::Int,
            bits: v as u64,
        }
    }

    /// A `Float` constant.
    pub fn float(v: f64) -> Const {
        Const {
            ty: Type::Float,
            bits: v.to_bits(),
        }
    }

    /// A `Ref` constant (an object the compiled code keeps alive; see DESIGN.md §3).
    pub fn ptr(bits: u64) -> Const {
        Const {
            ty: Type::Ref,
            bits,
        }
    }

    /// The word read as an `i64`.
    pub fn as_int(self) -> i64 {
        self.bits as i64
    }

    /// The word read as an `f64`.
    pub fn as_float(self) -> f64 {
        f64::from_bits(self.bits)
    }
}

/// Prints `ConstInt(-5)`, `ConstFloat(1.5)` and `ConstPtr(0x7f00)`. Floats print in Rust's
/// shortest round-tripping form; a NaN prints its raw bits in hex (`ConstFloat(0x7ff8...)`).
impl fmt::Display for Const {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.ty {
            Type::Int => write!(f, "ConstInt({})", self.as_int()),
            Type::Float if self.as_float().is_nan() => write!(f, "ConstFloat({:#x})", self.bits),
            Type::Float => write!(f, "ConstFloat({:?})", self.as_float()),
            Type::Ref => write!(f, "ConstPtr({:#x})", self.bits),
            Type::Void => write!(f, "ConstVoid({:#x})", self.bits),
        }
    }
}

/// The name of a value in a trace: a trace input, the result of an op, or an entry of the
/// trace's constant pool. It carries its type, so `r.ty()` needs no table.
///
/// Values (inputs and op results) share one dense index space: input `k` has index `k`,
/// op `n` has index `inputs.len() + n` (ops without a result still use their index, with
/// type `Void`). Side tables keyed by value are therefore plain vectors of length
/// [`Trace::num_values`](crate::Trace::num_values). A constant's index is its slot in the
/// pool. Prints as `i12` / `f3` / `p7` (constants as `ci3`: print through the trace to see
/// the value).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OpRef(u32);

const CONST_BIT: u32 = 4;
const INDEX_SHIFT: u32 = 3;

impl OpRef {
    /// The largest index an `OpRef` can hold.
    pub const MAX_INDEX: u32 = u32::MAX >> INDEX_SHIFT;

    /// The value with dense index `index` and type `ty`.
    ///
    /// # Panics
    /// If `index > MAX_INDEX` (a trace of half a billion ops).
    pub const fn value(ty: Type, index: u32) -> OpRef {
        assert!(index <= Self::MAX_INDEX, "trace value index overflow");
        OpRef(index << INDEX_SHIFT | ty.code())
    }

    /// The constant in pool slot `index`, of type `ty`.
    ///
    /// # Panics
    /// If `index > MAX_INDEX`.
    pub const fn constant(ty: Type, index: u32) -> OpRef {
        assert!(index <= Self::MAX_INDEX, "trace constant index overflow");
        OpRef(index << INDEX_SHIFT | CONST_BIT | ty.code())
    }

    /// The value's type.
    pub fn ty(self) -> Type {
        Type::from_code(self.0)
    }

    /// Whether this names a pool constant.
    pub fn is_const(self) -> bool {
        self.0 & CONST_BIT != 0
    }

    /// The dense value index, or the pool slot of a constant.
    pub fn index(self) -> u32 {
        self.0 >> INDEX_SHIFT
    }

    /// The dense value index as a `usize`, or `None` for a constant.
    pub fn value_index(self) -> Option<usize> {
        (!self.is_const()).then_some(self.index() as usize)
    }

    /// The raw encoding (stable within one build; for hashing and compact tables).
    pub fn to_bits(self) -> u32 {
        self.0
    }
}

impl fmt::Display for OpRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_const() {
            write!(f, "c{}{}", self.ty().prefix(), self.index())
        } else {
            write!(f, "{}{}", self.ty().prefix(), self.index())
        }
    }
}

impl fmt::Debug for OpRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opref_encodes_type_kind_and_index() {
        for ty in [Type::Int, Type::Float, Type::Ref, Type::Void] {
            let v = OpRef::value(ty, 12);
            assert_eq!((v.ty(), v.is_const(), v.index()), (ty, false, 12));
            assert_eq!(v.value_index(), Some(12));
            let c = OpRef::constant(ty, OpRef::MAX_INDEX);
            assert_eq!(
                (c.ty(), c.is_const(), c.index()),
                (ty, true, OpRef::MAX_INDEX)
            );
            assert_eq!(c.value_index(), None);
        }
        assert_eq!(OpRef::value(Type::Ref, 7).to_string(), "p7");
        assert_eq!(OpRef::value(Type::Float, 3).to_string(), "f3");
        assert_eq!(OpRef::constant(Type::Int, 2).to_string(), "ci2");
    }

    #[test]
    fn consts_print_as_pypy_does() {
        assert_eq!(Const::int(-5).to_string(), "ConstInt(-5)");
        assert_eq!(Const::float(1.5).to_string(), "ConstFloat(1.5)");
        assert_eq!(Const::float(1e300).to_string(), "ConstFloat(1e300)");
        assert_eq!(
            Const::float(f64::NAN).to_string(),
            "ConstFloat(0x7ff8000000000000)"
        );
        assert_eq!(Const::ptr(0x7f00).to_string(), "ConstPtr(0x7f00)");
        assert_ne!(Const::float(0.0), Const::float(-0.0));
    }

    #[test]
    fn type_spellings_round_trip() {
        for ty in [Type::Int, Type::Float, Type::Ref, Type::Void] {
            assert_eq!(Type::from_keyword(ty.keyword()), Some(ty));
        }
        for ty in Type::VALUES {
            assert_eq!(Type::from_prefix(ty.prefix()), Some(ty));
        }
    }
}
