//! What `rewrite` knows about the values of the trace it is building: side tables keyed by
//! new value index. Everything here holds from the op that established it until the next
//! `label` ([`Facts::clear`]); class facts also die at stores that may change a class word.

use std::collections::HashMap;

use pyrs_jit_ir::OpRef;

#[derive(Clone, Copy, Debug, Default)]
struct Info {
    /// A constant the value is known to equal (after `guard_value` and friends).
    known: Option<OpRef>,
    /// The value is a non-null reference.
    nonnull: bool,
    /// The value is a non-zero integer.
    nonzero: bool,
}

/// Facts about new values, established by guards and allocations.
#[derive(Debug, Default)]
pub(super) struct Facts {
    info: Vec<Info>,
    /// Value index -> the class word `guard_class` (or a store) established.
    classes: HashMap<usize, u64>,
}

impl Facts {
    fn get(&self, r: OpRef) -> Info {
        r.value_index()
            .and_then(|i| self.info.get(i))
            .copied()
            .unwrap_or_default()
    }

    fn slot(&mut self, r: OpRef) -> Option<&mut Info> {
        let i = r.value_index()?;
        if i >= self.info.len() {
            self.info.resize(i + 1, Info::default());
        }
        Some(&mut self.info[i])
    }

    /// `r`, or the constant it is known to equal.
    pub(super) fn resolve(&self, r: OpRef) -> OpRef {
        self.get(r).known.unwrap_or(r)
    }

    /// Records that value `r` equals constant `c` from now on.
    pub(super) fn set_known(&mut self, r: OpRef, c: OpRef) {
        if let Some(info) = self.slot(r) {
            info.known = Some(c);
        }
    }

    /// Whether value `r` is known to be a non-null reference.
    pub(super) fn nonnull(&self, r: OpRef) -> bool {
        self.get(r).nonnull
    }

    /// Records that `r` is a non-null reference.
    pub(super) fn set_nonnull(&mut self, r: OpRef) {
        if let Some(info) = self.slot(r) {
            info.nonnull = true;
        }
    }

    /// Whether value `r` is known to be a non-zero integer.
    pub(super) fn nonzero(&self, r: OpRef) -> bool {
        self.get(r).nonzero
    }

    /// Records that `r` is a non-zero integer.
    pub(super) fn set_nonzero(&mut self, r: OpRef) {
        if let Some(info) = self.slot(r) {
            info.nonzero = true;
        }
    }

    /// The class word of the object `r` refers to, if known.
    pub(super) fn class(&self, r: OpRef) -> Option<u64> {
        self.classes.get(&r.value_index()?).copied()
    }

    /// Records the class word of the object `r` refers to.
    pub(super) fn set_class(&mut self, r: OpRef, class: u64) {
        if let Some(i) = r.value_index() {
            self.classes.insert(i, class);
        }
    }

    /// Forgets every known class (a store may have changed a class word).
    pub(super) fn forget_classes(&mut self) {
        self.classes.clear();
    }

    /// Forgets everything (at a `label`, values are re-bound).
    pub(super) fn clear(&mut self) {
        self.info.clear();
        self.classes.clear();
    }
}
