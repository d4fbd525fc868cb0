//! Typed indices that cross crate boundaries, each with its display prefix: `T2` (trace),
//! `s4` (snapshot), `d3` (descriptor), `v0` (virtual object in a snapshot), `g9` (exit), and `T2.g9` (an exit of a given trace).

use std::fmt;

macro_rules! typed_index {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name(pub u32);

        impl $name {
            /// The display prefix of this kind of index.
            pub const PREFIX: &'static str = $prefix;

            /// The index as a `usize`, for indexing tables.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}{}", $prefix, self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(self, f)
            }
        }
    };
}

typed_index!(
    /// Identity of a trace (loop or bridge), chosen by the tracer; unique per JIT instance.
    /// Backends key compiled code by it.
    TraceId,
    "T"
);
typed_index!(
    /// Index of a [`Snapshot`](crate::Snapshot) in its trace's snapshot table.
    SnapId,
    "s"
);
typed_index!(
    /// Index of a [`Descr`](crate::Descr) in its trace's descriptor table.
    DescrId,
    "d"
);
typed_index!(
    /// Index of a [`VirtualObject`](crate::VirtualObject) in its snapshot's virtual list.
    VirtualId,
    "v"
);
typed_index!(
    /// Identity of an exit (a guard or a `finish`) within its trace: what compiled code
    /// returns, together with the trace id, when it leaves. Unique within a trace; the
    /// builder numbers exits `g0, g1, ...` in op order.
    ExitId,
    "g"
);

/// One exit of one trace: what a backend's `execute` returns and what a bridge attaches
/// to. Prints as `T2.g9`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExitRef {
    /// The trace (loop or bridge) whose guard or `finish` was taken.
    pub trace: TraceId,
    /// The exit within that trace.
    pub exit: ExitId,
}

impl fmt::Display for ExitRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.trace, self.exit)
    }
}

impl fmt::Debug for ExitRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_print_with_prefixes() {
        assert_eq!(TraceId(2).to_string(), "T2");
        assert_eq!(SnapId(4).to_string(), "s4");
        assert_eq!(DescrId(3).to_string(), "d3");
        assert_eq!(ExitId(9).to_string(), "g9");
        let e = ExitRef {
            trace: TraceId(2),
            exit: ExitId(9),
        };
        assert_eq!(format!("{e:?}"), "T2.g9");
    }
}
