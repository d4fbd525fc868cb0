//! The op table, declared once. Each row gives an opcode its documentation, text name,
//! operand signature, result type, descriptor use and [`OpFlags`]; the macro expands the
//! rows into [`Opcode`], its accessors, [`Opcode::ALL`] and the parser's name lookup.
//!
//! Semantics stated here are binding on every backend; [`crate::interp`] implements them.

use crate::flags::OpFlags;
use crate::types::Type;

/// The type an operand must have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgType {
    /// An `Int`.
    Int,
    /// A `Float`.
    Float,
    /// A `Ref`.
    Ref,
    /// Any value type; the op's rules (descriptor, other operand) fix which.
    Any,
}

impl ArgType {
    /// Whether a value of type `ty` is acceptable (`Void` never is).
    pub fn accepts(self, ty: Type) -> bool {
        match self {
            ArgType::Int => ty == Type::Int,
            ArgType::Float => ty == Type::Float,
            ArgType::Ref => ty == Type::Ref,
            ArgType::Any => ty != Type::Void,
        }
    }
}

/// The operand signature of an opcode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operands {
    /// Exactly these operands.
    Fixed(&'static [ArgType]),
    /// Any number of values of any type (`label`, `jump`, `finish`).
    Variadic,
    /// A function address (`Int`) followed by the arguments the op's
    /// [`CallDescr`](crate::CallDescr) declares (at most [`MAX_CALL_ARGS`](crate::MAX_CALL_ARGS)).
    Call,
}

/// Which descriptor an opcode takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DescrUse {
    /// None.
    None,
    /// A required [`FieldDescr`](crate::FieldDescr).
    Field,
    /// A required [`ArrayDescr`](crate::ArrayDescr).
    Array,
    /// A required [`SizeDescr`](crate::SizeDescr).
    Size,
    /// A required [`CallDescr`](crate::CallDescr).
    Call,
    /// An optional [`TargetDescr`](crate::TargetDescr) (`jump` to another trace).
    OptionalTarget,
}

macro_rules! operands {
    () => {
        Operands::Fixed(&[])
    };
    (..) => {
        Operands::Variadic
    };
    (call) => {
        Operands::Call
    };
    ($($t:ident),+) => {
        Operands::Fixed(&[$(ArgType::$t),+])
    };
}

macro_rules! define_ops {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident = $name:literal ($($args:tt)*) -> $result:ident, $descr:ident [$($flag:ident)*];
    )*) => {
        /// An IR operation. See each variant for its exact semantics.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Opcode {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Opcode {
            /// Every opcode, in table order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$variant),*];

            /// The text-form name (`int_add`).
            pub fn name(self) -> &'static str {
                match self {
                    $(Opcode::$variant => $name,)*
                }
            }

            /// The opcode named `name` in the text form.
            pub fn from_name(name: &str) -> Option<Opcode> {
                match name {
                    $($name => Some(Opcode::$variant),)*
                    _ => None,
                }
            }

            /// The operand signature.
            pub fn operands(self) -> Operands {
                match self {
                    $(Opcode::$variant => operands!($($args)*),)*
                }
            }

            /// The result type (`Void` for ops without a result).
            pub fn result_type(self) -> Type {
                match self {
                    $(Opcode::$variant => Type::$result,)*
                }
            }

            /// Which descriptor the op takes.
            pub fn descr_use(self) -> DescrUse {
                match self {
                    $(Opcode::$variant => DescrUse::$descr,)*
                }
            }

            /// The op's static flags.
            pub fn flags(self) -> OpFlags {
                match self {
                    $(Opcode::$variant => OpFlags::empty()$(.union(OpFlags::$flag))*,)*
                }
            }
        }
    };
}

define_ops! {
    /// `label(args...)`: a loop header. Its operands are the loop-carried values: distinct,
    /// non-constant, already defined. Values defined before a label are not visible after
    /// it (a jump from elsewhere supplies only the label's operands). A `jump` without a
    /// target descriptor re-enters the last label of its trace, binding its operands.
    Label = "label" (..) -> Void, None [LABEL];
    /// `jump(args...)`: the last op of a loop. Without a descriptor, continues at the last
    /// label of this trace; with a [`TargetDescr`](crate::TargetDescr), continues at the
    /// loop header of that trace (bridges jump to loops). Types match the label's.
    Jump = "jump" (..) -> Void, OptionalTarget [FINAL];
    /// `finish(args...)`: leaves compiled code through its exit with these values.
    Finish = "finish" (..) -> Void, None [FINAL EXIT];
    /// `debug_merge_point(ConstInt(code), ConstInt(pc))`: marks where a guest instruction
    /// starts, for logs. No effect.
    DebugMergePoint = "debug_merge_point" (Int, Int) -> Void, None [];

    /// `guard_true(i)`: fails unless `i != 0`.
    GuardTrue = "guard_true" (Int) -> Void, None [GUARD EXIT];
    /// `guard_false(i)`: fails unless `i == 0`.
    GuardFalse = "guard_false" (Int) -> Void, None [GUARD EXIT];
    /// `guard_value(x, const)`: fails unless the word of `x` equals the constant's (same
    /// type; floats compare by bits).
    GuardValue = "guard_value" (Any, Any) -> Void, None [GUARD EXIT];
    /// `guard_class(p, ConstInt(class))`: fails unless the word at `p + class_offset`
    /// ([`JitEnv::class_offset`](crate::JitEnv::class_offset)) equals the class address.
    GuardClass = "guard_class" (Ref, Int) -> Void, None [GUARD EXIT];
    /// `guard_nonnull(p)`: fails if `p == 0`.
    GuardNonnull = "guard_nonnull" (Ref) -> Void, None [GUARD EXIT];
    /// `guard_isnull(p)`: fails unless `p == 0`.
    GuardIsnull = "guard_isnull" (Ref) -> Void, None [GUARD EXIT];
    /// `guard_no_overflow()`: directly follows an `_ovf` op; fails if it overflowed.
    GuardNoOverflow = "guard_no_overflow" () -> Void, None [GUARD EXIT];
    /// `guard_overflow()`: directly follows an `_ovf` op; fails unless it overflowed.
    GuardOverflow = "guard_overflow" () -> Void, None [GUARD EXIT];
    /// `guard_no_exception()`: fails if the word at
    /// [`JitEnv::exc_pending`](crate::JitEnv::exc_pending) is non-zero.
    GuardNoException = "guard_no_exception" () -> Void, None [GUARD EXIT];
    /// `guard_not_invalidated(ConstInt(flag_address))`: fails if the `u64` at the address
    /// is non-zero (the trace's assumptions were invalidated).
    GuardNotInvalidated = "guard_not_invalidated" (Int) -> Void, None [GUARD EXIT];

    /// Wrapping `a + b`.
    IntAdd = "int_add" (Int, Int) -> Int, None [PURE COMMUTATIVE];
    /// Wrapping `a - b`.
    IntSub = "int_sub" (Int, Int) -> Int, None [PURE];
    /// Wrapping `a * b`.
    IntMul = "int_mul" (Int, Int) -> Int, None [PURE COMMUTATIVE];
    /// `a + b`; the result wraps and sets the overflow condition on signed overflow.
    IntAddOvf = "int_add_ovf" (Int, Int) -> Int, None [OVF COMMUTATIVE];
    /// `a - b`; the result wraps and sets the overflow condition on signed overflow.
    IntSubOvf = "int_sub_ovf" (Int, Int) -> Int, None [OVF];
    /// `a * b`; the result wraps and sets the overflow condition on signed overflow.
    IntMulOvf = "int_mul_ovf" (Int, Int) -> Int, None [OVF COMMUTATIVE];
    /// Bitwise and.
    IntAnd = "int_and" (Int, Int) -> Int, None [PURE COMMUTATIVE];
    /// Bitwise or.
    IntOr = "int_or" (Int, Int) -> Int, None [PURE COMMUTATIVE];
    /// Bitwise xor.
    IntXor = "int_xor" (Int, Int) -> Int, None [PURE COMMUTATIVE];
    /// `a << (b & 63)`.
    IntLshift = "int_lshift" (Int, Int) -> Int, None [PURE];
    /// Arithmetic `a >> (b & 63)`.
    IntRshift = "int_rshift" (Int, Int) -> Int, None [PURE];
    /// Logical `a >> (b & 63)` (as unsigned).
    UintRshift = "uint_rshift" (Int, Int) -> Int, None [PURE];
    /// Wrapping `-a`.
    IntNeg = "int_neg" (Int) -> Int, None [PURE];
    /// `!a` (bitwise not).
    IntInvert = "int_invert" (Int) -> Int, None [PURE];
    /// `a / b` truncating toward zero (C). `b == 0` and `i64::MIN / -1` are undefined: the
    /// producer guards against both.
    IntFloordiv = "int_floordiv" (Int, Int) -> Int, None [PURE];
    /// `a % b` with the sign of `a` (C). Undefined for the same operands as `int_floordiv`.
    IntMod = "int_mod" (Int, Int) -> Int, None [PURE];
    /// Signed `a < b` as 0/1.
    IntLt = "int_lt" (Int, Int) -> Int, None [PURE COMPARISON];
    /// Signed `a <= b` as 0/1.
    IntLe = "int_le" (Int, Int) -> Int, None [PURE COMPARISON];
    /// `a == b` as 0/1.
    IntEq = "int_eq" (Int, Int) -> Int, None [PURE COMPARISON COMMUTATIVE];
    /// `a != b` as 0/1.
    IntNe = "int_ne" (Int, Int) -> Int, None [PURE COMPARISON COMMUTATIVE];
    /// Signed `a > b` as 0/1.
    IntGt = "int_gt" (Int, Int) -> Int, None [PURE COMPARISON];
    /// Signed `a >= b` as 0/1.
    IntGe = "int_ge" (Int, Int) -> Int, None [PURE COMPARISON];
    /// Unsigned `a < b` as 0/1 (one-compare bounds checks).
    UintLt = "uint_lt" (Int, Int) -> Int, None [PURE COMPARISON];
    /// Unsigned `a >= b` as 0/1.
    UintGe = "uint_ge" (Int, Int) -> Int, None [PURE COMPARISON];
    /// `a != 0` as 0/1.
    IntIsTrue = "int_is_true" (Int) -> Int, None [PURE COMPARISON];
    /// `a == 0` as 0/1.
    IntIsZero = "int_is_zero" (Int) -> Int, None [PURE COMPARISON];

    /// IEEE `a + b`.
    FloatAdd = "float_add" (Float, Float) -> Float, None [PURE COMMUTATIVE];
    /// IEEE `a - b`.
    FloatSub = "float_sub" (Float, Float) -> Float, None [PURE];
    /// IEEE `a * b`.
    FloatMul = "float_mul" (Float, Float) -> Float, None [PURE COMMUTATIVE];
    /// IEEE `a / b` (division by zero gives an infinity or NaN).
    FloatTruediv = "float_truediv" (Float, Float) -> Float, None [PURE];
    /// `-a` (flips the sign bit).
    FloatNeg = "float_neg" (Float) -> Float, None [PURE];
    /// `|a|` (clears the sign bit).
    FloatAbs = "float_abs" (Float) -> Float, None [PURE];
    /// IEEE `a < b` as 0/1 (false if either is NaN).
    FloatLt = "float_lt" (Float, Float) -> Int, None [PURE COMPARISON];
    /// IEEE `a <= b` as 0/1.
    FloatLe = "float_le" (Float, Float) -> Int, None [PURE COMPARISON];
    /// IEEE `a == b` as 0/1.
    FloatEq = "float_eq" (Float, Float) -> Int, None [PURE COMPARISON COMMUTATIVE];
    /// IEEE `a != b` as 0/1 (true if either is NaN).
    FloatNe = "float_ne" (Float, Float) -> Int, None [PURE COMPARISON COMMUTATIVE];
    /// IEEE `a > b` as 0/1.
    FloatGt = "float_gt" (Float, Float) -> Int, None [PURE COMPARISON];
    /// IEEE `a >= b` as 0/1.
    FloatGe = "float_ge" (Float, Float) -> Int, None [PURE COMPARISON];
    /// The float nearest to `a`.
    CastIntToFloat = "cast_int_to_float" (Int) -> Float, None [PURE];
    /// `a` truncated toward zero. Undefined for NaN and values outside the `i64` range:
    /// the producer guards against them.
    CastFloatToInt = "cast_float_to_int" (Float) -> Int, None [PURE];
    /// IEEE square root (NaN for negative operands).
    FloatSqrt = "float_sqrt" (Float) -> Float, None [PURE];

    /// `a == b` on reference words, as 0/1.
    PtrEq = "ptr_eq" (Ref, Ref) -> Int, None [PURE COMPARISON COMMUTATIVE];
    /// `a != b` on reference words, as 0/1.
    PtrNe = "ptr_ne" (Ref, Ref) -> Int, None [PURE COMPARISON COMMUTATIVE];
    /// The reference word as an integer (no longer tracked by the GC).
    CastPtrToInt = "cast_ptr_to_int" (Ref) -> Int, None [PURE];
    /// An integer word as a reference (the producer vouches it is a valid reference word).
    CastIntToPtr = "cast_int_to_ptr" (Int) -> Ref, None [PURE];
    /// A copy of an `Int`.
    SameAsI = "same_as_i" (Int) -> Int, None [PURE];
    /// A copy of a `Float`.
    SameAsF = "same_as_f" (Float) -> Float, None [PURE];
    /// A copy of a `Ref`.
    SameAsR = "same_as_r" (Ref) -> Ref, None [PURE];

    /// Loads the `Int` field described by the descriptor from object `p`.
    GetfieldGcI = "getfield_gc_i" (Ref) -> Int, Field [READS_HEAP];
    /// Loads a `Float` field of object `p`.
    GetfieldGcF = "getfield_gc_f" (Ref) -> Float, Field [READS_HEAP];
    /// Loads a `Ref` field of object `p`.
    GetfieldGcR = "getfield_gc_r" (Ref) -> Ref, Field [READS_HEAP];
    /// `setfield_gc(p, v)`: stores `v` (of the field's type) into object `p`; a `Ref`
    /// store runs the write barrier on `p` first ([`JitEnv::write_barrier`](crate::JitEnv::write_barrier)).
    SetfieldGc = "setfield_gc" (Ref, Any) -> Void, Field [WRITES_HEAP];
    /// Loads an `Int` field at raw address `a` (non-GC memory).
    GetfieldRawI = "getfield_raw_i" (Int) -> Int, Field [READS_HEAP];
    /// `setfield_raw(a, v)`: stores into non-GC memory at address `a` (no barrier).
    SetfieldRaw = "setfield_raw" (Int, Any) -> Void, Field [WRITES_HEAP];
    /// `getarrayitem_gc_i(p, index)`: loads item `index` of GC array `p` (no bounds check).
    GetarrayitemGcI = "getarrayitem_gc_i" (Ref, Int) -> Int, Array [READS_HEAP];
    /// Loads a `Float` item of a GC array.
    GetarrayitemGcF = "getarrayitem_gc_f" (Ref, Int) -> Float, Array [READS_HEAP];
    /// Loads a `Ref` item of a GC array.
    GetarrayitemGcR = "getarrayitem_gc_r" (Ref, Int) -> Ref, Array [READS_HEAP];
    /// `setarrayitem_gc(p, index, v)`: stores an item of a GC array; a `Ref` store runs the
    /// write barrier on `p` first.
    SetarrayitemGc = "setarrayitem_gc" (Ref, Int, Any) -> Void, Array [WRITES_HEAP];
    /// `getarrayitem_raw_i(a, index)`: loads an item of a buffer at raw address `a`.
    GetarrayitemRawI = "getarrayitem_raw_i" (Int, Int) -> Int, Array [READS_HEAP];
    /// Loads a `Float` item of a raw buffer.
    GetarrayitemRawF = "getarrayitem_raw_f" (Int, Int) -> Float, Array [READS_HEAP];
    /// Loads a `Ref` item of a raw buffer (a Rust-owned buffer the GC scans as roots).
    GetarrayitemRawR = "getarrayitem_raw_r" (Int, Int) -> Ref, Array [READS_HEAP];
    /// `setarrayitem_raw(a, index, v)`: stores an item of a raw buffer (no barrier).
    SetarrayitemRaw = "setarrayitem_raw" (Int, Int, Any) -> Void, Array [WRITES_HEAP];
    /// The length word of GC array `p` (at the descriptor's `len_offset`). A GC array's
    /// length never changes, so the op is pure.
    ArraylenGc = "arraylen_gc" (Ref) -> Int, Array [PURE];

    /// Allocates an object of the descriptor's size: header word written, rest zeroed.
    /// Never collects (DESIGN.md §3).
    New = "new" () -> Ref, Size [ALLOC];
    /// `new_array(len)`: allocates a GC array of `len` items (header written, length stored
    /// at `len_offset`, items zeroed). Never collects. `len < 0` is undefined.
    NewArray = "new_array" (Int) -> Ref, Array [ALLOC];

    /// `call_i(func, args...)`: calls `func` per the call ABI (crate docs), `Int` result.
    CallI = "call_i" (call) -> Int, Call [CALL CAN_RAISE CAN_COLLECT READS_HEAP WRITES_HEAP];
    /// A call with a `Float` result.
    CallF = "call_f" (call) -> Float, Call [CALL CAN_RAISE CAN_COLLECT READS_HEAP WRITES_HEAP];
    /// A call with a `Ref` result.
    CallR = "call_r" (call) -> Ref, Call [CALL CAN_RAISE CAN_COLLECT READS_HEAP WRITES_HEAP];
    /// A call whose result is ignored.
    CallN = "call_n" (call) -> Void, Call [CALL CAN_RAISE CAN_COLLECT READS_HEAP WRITES_HEAP];
}

impl Opcode {
    /// Whether this is a guard.
    pub fn is_guard(self) -> bool {
        self.flags().contains(OpFlags::GUARD)
    }

    /// Whether this op ends a trace (`jump`, `finish`).
    pub fn is_final(self) -> bool {
        self.flags().contains(OpFlags::FINAL)
    }

    /// Whether this op carries an exit id (guards and `finish`).
    pub fn has_exit(self) -> bool {
        self.flags().contains(OpFlags::EXIT)
    }

    /// Whether this is one of the `_ovf` ops.
    pub fn is_ovf(self) -> bool {
        self.flags().contains(OpFlags::OVF)
    }

    /// Whether this is a call.
    pub fn is_call(self) -> bool {
        self.flags().contains(OpFlags::CALL)
    }

    /// The call opcode returning `ty` (`call_n` for `Void`).
    pub fn call_for(ty: Type) -> Opcode {
        match ty {
            Type::Int => Opcode::CallI,
            Type::Float => Opcode::CallF,
            Type::Ref => Opcode::CallR,
            Type::Void => Opcode::CallN,
        }
    }

    /// The `same_as` copy opcode for `ty`, if it is a value type.
    pub fn same_as_for(ty: Type) -> Option<Opcode> {
        match ty {
            Type::Int => Some(Opcode::SameAsI),
            Type::Float => Some(Opcode::SameAsF),
            Type::Ref => Some(Opcode::SameAsR),
            Type::Void => None,
        }
    }
}

impl std::fmt::Display for Opcode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        for &op in Opcode::ALL {
            assert_eq!(Opcode::from_name(op.name()), Some(op));
        }
        let mut names: Vec<_> = Opcode::ALL.iter().map(|o| o.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Opcode::ALL.len());
        assert_eq!(Opcode::from_name("no_such_op"), None);
    }

    #[test]
    fn table_is_consistent() {
        for &op in Opcode::ALL {
            let f = op.flags();
            if f.contains(OpFlags::GUARD) {
                assert!(f.contains(OpFlags::EXIT), "{op}");
                assert_eq!(op.result_type(), Type::Void, "{op}");
            }
            if f.contains(OpFlags::COMMUTATIVE) {
                assert!(
                    matches!(op.operands(), Operands::Fixed(a) if a.len() == 2),
                    "{op}"
                );
            }
            if f.contains(OpFlags::COMPARISON) {
                assert_eq!(op.result_type(), Type::Int, "{op}");
            }
            assert_eq!(op.is_call(), op.descr_use() == DescrUse::Call, "{op}");
            assert_eq!(op.is_call(), op.operands() == Operands::Call, "{op}");
        }
        assert_eq!(
            Opcode::IntAdd.operands(),
            Operands::Fixed(&[ArgType::Int, ArgType::Int])
        );
        assert_eq!(Opcode::Label.operands(), Operands::Variadic);
        assert_eq!(Opcode::GuardNoOverflow.operands(), Operands::Fixed(&[]));
        assert_eq!(Opcode::GetfieldGcF.result_type(), Type::Float);
        assert_eq!(Opcode::SetfieldGc.descr_use(), DescrUse::Field);
        assert_eq!(Opcode::New.descr_use(), DescrUse::Size);
    }
}
