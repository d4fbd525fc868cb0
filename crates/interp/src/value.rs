//! `Value`: one 64-bit word that is a small int, a GC reference, or "no value".

use std::fmt;

/// One Python value (DESIGN.md §2): low bit 1 = a 63-bit small int (`word >> 1`); low 3
/// bits 0 and non-zero = a pointer to a GC object; 0 = no value (an unbound local, an empty
/// slot), never visible to Python code.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
#[repr(transparent)]
pub struct Value(pub u64);

/// The smallest small int.
pub const SMALL_MIN: i64 = -(1 << 62);
/// The largest small int.
pub const SMALL_MAX: i64 = (1 << 62) - 1;

impl Value {
    /// "No value".
    pub const NULL: Value = Value(0);

    /// A small int; `None` if `i` needs more than 63 bits.
    #[inline(always)]
    pub fn small(i: i64) -> Option<Value> {
        if (SMALL_MIN..=SMALL_MAX).contains(&i) {
            Some(Value(((i << 1) | 1) as u64))
        } else {
            None
        }
    }

    /// A small int from a value known to fit (lengths, indices, counters).
    #[inline(always)]
    pub fn from_usize(i: usize) -> Value {
        debug_assert!(i as u64 <= SMALL_MAX as u64);
        Value(((i as u64) << 1) | 1)
    }

    /// Whether this is a small int.
    #[inline(always)]
    pub fn is_small(self) -> bool {
        self.0 & 1 == 1
    }

    /// The small int's value. Only meaningful when [`Value::is_small`].
    #[inline(always)]
    pub fn small_value(self) -> i64 {
        (self.0 as i64) >> 1
    }

    /// The small int's value, if this is one.
    #[inline(always)]
    pub fn as_small(self) -> Option<i64> {
        if self.is_small() {
            Some(self.small_value())
        } else {
            None
        }
    }

    /// Whether this is a reference to a GC object.
    #[inline(always)]
    pub fn is_ptr(self) -> bool {
        self.0 != 0 && self.0 & 7 == 0
    }

    /// Whether this is "no value".
    #[inline(always)]
    pub fn is_null(self) -> bool {
        self.0 == 0
    }

    /// The object address. Only meaningful when [`Value::is_ptr`].
    #[inline(always)]
    pub fn addr(self) -> *mut u8 {
        self.0 as *mut u8
    }

    /// A value from an object address.
    #[inline(always)]
    pub fn from_addr(p: *mut u8) -> Value {
        Value(p as u64)
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_small() {
            write!(f, "Int({})", self.small_value())
        } else if self.is_null() {
            f.write_str("NULL")
        } else {
            write!(f, "Obj({:#x})", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_int_round_trip_and_bounds() {
        for i in [0, 1, -1, SMALL_MAX, SMALL_MIN, 12345, -98765] {
            let v = Value::small(i).unwrap();
            assert!(v.is_small() && !v.is_ptr() && !v.is_null());
            assert_eq!(v.small_value(), i);
        }
        assert!(Value::small(SMALL_MAX + 1).is_none());
        assert!(Value::small(SMALL_MIN - 1).is_none());
        assert!(Value::NULL.is_null() && !Value::NULL.is_ptr());
    }
}
