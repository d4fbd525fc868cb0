//! What a recording has proved about the heap since the last residual call that may run
//! Python code: guards already emitted need not be repeated until then.

use crate::value::Value;
use pyrs_jit_ir::OpRef;
use std::collections::{HashMap, HashSet};

/// Facts about receivers, classes and dict tables, valid until the next residual call that
/// may run arbitrary code ([`HeapFacts::clear`]).
#[derive(Default)]
pub(super) struct HeapFacts {
    /// Receivers whose class and map were guarded, with that class and map.
    pub(super) known: HashMap<OpRef, (Value, usize)>,
    /// Classes (pinned, by address) whose version was guarded.
    pub(super) versions: HashSet<u64>,
    /// Dict tables (by address) whose version was guarded.
    pub(super) tables: HashSet<i64>,
    /// Global entries already read (table address, entry index) and their shadows.
    pub(super) globals: HashMap<(i64, usize), crate::jit::shadow::Sh>,
}

impl HeapFacts {
    /// Forgets everything (after a call that may run Python code).
    pub(super) fn clear(&mut self) {
        self.known.clear();
        self.versions.clear();
        self.tables.clear();
        self.globals.clear();
    }
}
