//! [`OpFlags`]: the static properties of an opcode, declared in the op table.

use std::fmt;
use std::ops::BitOr;

/// A set of opcode properties. The op table gives each opcode its set
/// ([`Opcode::flags`](crate::Opcode::flags)); for calls, the flags are the conservative
/// worst case and the call's [`Effects`](crate::Effects) refine them (see
/// [`Trace::op_flags`](crate::Trace::op_flags)).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct OpFlags(u16);

macro_rules! flag_consts {
    ($($(#[doc = $doc:literal])* $name:ident = $bit:literal;)*) => {
        impl OpFlags {
            $($(#[doc = $doc])* pub const $name: OpFlags = OpFlags(1 << $bit);)*

            const NAMES: &'static [(OpFlags, &'static str)] = &[$((OpFlags::$name, stringify!($name))),*];
        }
    };
}

flag_consts! {
    /// No side effect and no memory read: the result depends on the operands only, so the
    /// op can be constant-folded, CSE'd, and removed when unused.
    PURE = 0;
    /// A guard: checks a condition and leaves the trace through its exit when it fails.
    GUARD = 1;
    /// May leave an exception pending (checked by a following `guard_no_exception`).
    CAN_RAISE = 2;
    /// May run a garbage collection (a safepoint): `Ref` values may move across it.
    CAN_COLLECT = 3;
    /// Sets the overflow condition: must be directly followed by `guard_no_overflow` or
    /// `guard_overflow`.
    OVF = 4;
    /// The result is 0 or 1 (comparisons and truth tests).
    COMPARISON = 5;
    /// The two operands may be swapped without changing the result.
    COMMUTATIVE = 6;
    /// Reads memory that stores may change.
    READS_HEAP = 7;
    /// Writes memory.
    WRITES_HEAP = 8;
    /// Allocates a new object (never collects; see DESIGN.md §3).
    ALLOC = 9;
    /// A call through a [`CallDescr`](crate::CallDescr).
    CALL = 10;
    /// Ends the trace (`jump`, `finish`): only allowed as the last op.
    FINAL = 11;
    /// Carries an [`ExitId`](crate::ExitId): guards and `finish`.
    EXIT = 12;
    /// A loop header (`label`); values defined before it are not visible after it.
    LABEL = 13;
}

impl OpFlags {
    /// The empty set.
    pub const fn empty() -> OpFlags {
        OpFlags(0)
    }

    /// The union of two sets (usable in constants).
    pub const fn union(self, other: OpFlags) -> OpFlags {
        OpFlags(self.0 | other.0)
    }

    /// Whether every flag of `other` is in `self`.
    pub const fn contains(self, other: OpFlags) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether `self` and `other` share a flag.
    pub const fn intersects(self, other: OpFlags) -> bool {
        self.0 & other.0 != 0
    }

    /// `self` without the flags of `other`.
    pub const fn without(self, other: OpFlags) -> OpFlags {
        OpFlags(self.0 & !other.0)
    }
}

impl BitOr for OpFlags {
    type Output = OpFlags;
    fn bitor(self, rhs: OpFlags) -> OpFlags {
        self.union(rhs)
    }
}

impl fmt::Debug for OpFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Self::NAMES
            .iter()
            .filter(|(fl, _)| self.contains(*fl))
            .map(|(_, n)| *n)
            .collect();
        write!(f, "OpFlags({})", names.join(" | "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_operations() {
        let s = OpFlags::PURE | OpFlags::COMMUTATIVE;
        assert!(s.contains(OpFlags::PURE));
        assert!(!s.contains(OpFlags::PURE | OpFlags::GUARD));
        assert!(s.intersects(OpFlags::GUARD | OpFlags::PURE));
        assert_eq!(s.without(OpFlags::PURE), OpFlags::COMMUTATIVE);
        assert_eq!(format!("{s:?}"), "OpFlags(PURE | COMMUTATIVE)");
    }
}
