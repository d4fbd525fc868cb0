//! Plan selection: the plans the GC offers and the constraints each one declares.

use std::fmt;

/// A collection strategy, selected by `--gc=NAME`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanKind {
    /// Copying, whole heap, non-generational: every live object moves at every collection.
    Semispace,
}

/// What a plan requires of the VM and of compiled code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanConstraints {
    /// Objects may change address at a safepoint.
    pub moves_objects: bool,
    /// Reference stores into heap objects must call [`crate::Heap::write_barrier`].
    pub needs_write_barrier: bool,
}

impl PlanKind {
    /// Every plan, in the order `--help` lists them.
    pub const ALL: &'static [PlanKind] = &[PlanKind::Semispace];

    /// The plan's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            PlanKind::Semispace => "semispace",
        }
    }

    /// Looks a plan up by its command-line name.
    pub fn from_name(name: &str) -> Option<PlanKind> {
        PlanKind::ALL.iter().copied().find(|p| p.name() == name)
    }

    /// The plan's constant constraints.
    pub fn constraints(self) -> PlanConstraints {
        match self {
            PlanKind::Semispace => PlanConstraints {
                moves_objects: true,
                needs_write_barrier: false,
            },
        }
    }
}

impl fmt::Display for PlanKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
