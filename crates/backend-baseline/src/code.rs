//! [`Compiled`]: one trace's published machine code and the tables that go with it, and
//! [`Registry`]: every compiled trace, the bridges attached to them, and the jitframe
//! sizes that follow from both.
//!
//! Published code is never freed or moved while the backend lives: records are shared
//! (`Rc`) and never removed, and each guard's indirect slot is a heap cell whose address
//! the code embeds.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use pyrs_jit_ir::{ExitId, ExitRef, TraceId, TraceKind};

use crate::emit::{JumpTarget, Output};

/// A compiled trace.
pub(crate) struct Compiled {
    /// Loop or bridge.
    pub(crate) kind: TraceKind,
    /// Its exits (guards and `finish`).
    pub(crate) exits: Vec<ExitId>,
    /// The code and its tables.
    pub(crate) out: Output,
    /// The other loop the trace's final `jump` enters, if any.
    pub(crate) jumps_to: Option<TraceId>,
}

impl Compiled {
    /// The address of code offset `offset`.
    pub(crate) fn addr(&self, offset: usize) -> usize {
        self.out.code.as_ptr() as usize + offset
    }

    /// The entry point's address.
    pub(crate) fn entry_addr(&self) -> usize {
        self.addr(self.out.entry)
    }

    /// What a `jump` into this loop needs, if it is a loop with a header.
    pub(crate) fn as_target(&self) -> Option<JumpTarget> {
        let label = self.out.label?;
        Some(JumpTarget {
            label_addr: self.addr(label),
            label_slots: self.out.label_slots.clone(),
            label_types: self.out.label_types.clone(),
            own_need: self.out.own_need,
        })
    }

    /// The index of the guard with exit `exit` (its indirect slot's index).
    pub(crate) fn guard_index(&self, exit: ExitId) -> Option<usize> {
        self.out.guards.iter().position(|g| g.exit == exit)
    }
}

/// Every compiled trace and how they connect.
#[derive(Default)]
pub(crate) struct Registry {
    /// Indexed by trace id (ids are small and dense: entering compiled code looks here).
    traces: Vec<Option<Rc<Compiled>>>,
    /// The bridges attached to each trace's guards.
    bridges: HashMap<TraceId, Vec<TraceId>>,
    /// The guards that have a bridge.
    attached: HashSet<ExitRef>,
    /// `frame_size` results, forgotten whenever the graph of traces changes (entering
    /// compiled code asks for it every time).
    sizes: std::cell::RefCell<Vec<Option<usize>>>,
}

impl Registry {
    /// The compiled trace `id`.
    pub(crate) fn get(&self, id: TraceId) -> Option<Rc<Compiled>> {
        self.compiled(id).cloned()
    }

    /// The compiled trace `id`, borrowed.
    pub(crate) fn compiled(&self, id: TraceId) -> Option<&Rc<Compiled>> {
        self.traces.get(id.index())?.as_ref()
    }

    /// Whether guard `exit` already has a bridge.
    pub(crate) fn has_bridge(&self, exit: ExitRef) -> bool {
        self.attached.contains(&exit)
    }

    /// Records a compiled trace (its id must be new).
    pub(crate) fn insert(&mut self, id: TraceId, compiled: Rc<Compiled>) {
        if self.traces.len() <= id.index() {
            self.traces.resize(id.index() + 1, None);
        }
        self.traces[id.index()] = Some(compiled);
        self.sizes.borrow_mut().clear();
    }

    /// Records that `bridge` is attached to guard `parent`.
    pub(crate) fn attach(&mut self, parent: ExitRef, bridge: TraceId) {
        self.attached.insert(parent);
        self.bridges.entry(parent.trace).or_default().push(bridge);
        self.sizes.borrow_mut().clear();
    }

    /// The jitframe slots needed to run `id`: the most any trace reachable from it
    /// (through attached bridges and jumps to other loops) needs.
    pub(crate) fn frame_size(&self, id: TraceId) -> Option<usize> {
        self.compiled(id)?;
        if let Some(&Some(n)) = self.sizes.borrow().get(id.index()) {
            return Some(n);
        }
        let mut seen = HashSet::new();
        let mut todo = vec![id];
        let mut size = 0;
        while let Some(t) = todo.pop() {
            if !seen.insert(t) {
                continue;
            }
            let Some(c) = self.compiled(t) else {
                continue;
            };
            size = size.max(c.out.need);
            todo.extend(c.jumps_to);
            todo.extend(self.bridges.get(&t).into_iter().flatten().copied());
        }
        let mut sizes = self.sizes.borrow_mut();
        if sizes.len() <= id.index() {
            sizes.resize(id.index() + 1, None);
        }
        sizes[id.index()] = Some(size);
        Some(size)
    }
}
