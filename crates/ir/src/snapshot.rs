//! Snapshots: the resume data of a guard. When a guard fails, the values its snapshot
//! references ([`Snapshot::fail_args`]) are all the resume code needs to rebuild the
//! interpreter's frames.

use std::collections::HashSet;

use crate::ids::{DescrId, VirtualId};
use crate::types::{Const, OpRef};

/// One slot's content in a snapshot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SnapValue {
    /// A trace value (never a constant: builders turn constant refs into [`SnapValue::Const`]).
    Value(OpRef),
    /// A constant.
    Const(Const),
    /// An object the optimizer removed, to be materialized on resume.
    Virtual(VirtualId),
    /// An unbound slot (resume stores the "no value" word 0).
    Empty,
}

/// One interpreter frame to rebuild.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FrameSnapshot {
    /// Opaque identity of the frame's code (the VM's choice).
    pub code: u64,
    /// Where the interpreter resumes in that code.
    pub pc: u32,
    /// The frame's slots (the VM decides what they are: locals, stack, ...).
    pub slots: Vec<SnapValue>,
}

/// An allocation the optimizer removed; resume allocates and fills it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum VirtualObject {
    /// An object of a [`SizeDescr`](crate::SizeDescr), with some fields set (others zero).
    Struct {
        /// The object's size descriptor.
        descr: DescrId,
        /// Field descriptors and values.
        fields: Vec<(DescrId, SnapValue)>,
    },
    /// A GC array of an [`ArrayDescr`](crate::ArrayDescr), length `items.len()`.
    Array {
        /// The array descriptor.
        descr: DescrId,
        /// The items.
        items: Vec<SnapValue>,
    },
}

/// A store the optimizer delayed; resume performs it after materializing virtuals.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PendingWrite {
    /// The object written to (a value or a virtual).
    pub target: SnapValue,
    /// A field descriptor (then `index` is `None`) or an array descriptor (`index` set).
    pub descr: DescrId,
    /// The item index of an array store.
    pub index: Option<SnapValue>,
    /// The value stored.
    pub value: SnapValue,
}

/// The state to resume from when a guard fails.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Snapshot {
    /// The interpreter frames, outermost first (inlined callees follow their callers).
    pub frames: Vec<FrameSnapshot>,
    /// Virtual objects referenced by [`SnapValue::Virtual`] (by index).
    pub virtuals: Vec<VirtualObject>,
    /// Delayed stores, in program order.
    pub pending_writes: Vec<PendingWrite>,
}

impl Snapshot {
    /// A snapshot of one frame, with no virtuals nor pending writes.
    pub fn frame(code: u64, pc: u32, slots: Vec<SnapValue>) -> Snapshot {
        Snapshot {
            frames: vec![FrameSnapshot { code, pc, slots }],
            ..Snapshot::default()
        }
    }

    /// Every slot value, in the canonical order: frames (outermost first, slots in order),
    /// then virtual objects (by index; fields or items in order), then pending writes
    /// (target, index, value).
    pub fn values(&self) -> impl Iterator<Item = &SnapValue> {
        let frames = self.frames.iter().flat_map(|f| f.slots.iter());
        let virtuals = self
            .virtuals
            .iter()
            .flat_map(|v| -> Box<dyn Iterator<Item = &SnapValue>> {
                match v {
                    VirtualObject::Struct { fields, .. } => Box::new(fields.iter().map(|(_, v)| v)),
                    VirtualObject::Array { items, .. } => Box::new(items.iter()),
                }
            });
        let writes = self.pending_writes.iter().flat_map(|w| {
            std::iter::once(&w.target)
                .chain(w.index.iter())
                .chain([&w.value])
        });
        frames.chain(virtuals).chain(writes)
    }

    /// Every slot value, mutably, in the order of [`Snapshot::values`].
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut SnapValue> {
        let frames = self.frames.iter_mut().flat_map(|f| f.slots.iter_mut());
        let virtuals =
            self.virtuals
                .iter_mut()
                .flat_map(|v| -> Box<dyn Iterator<Item = &mut SnapValue>> {
                    match v {
                        VirtualObject::Struct { fields, .. } => {
                            Box::new(fields.iter_mut().map(|(_, v)| v))
                        }
                        VirtualObject::Array { items, .. } => Box::new(items.iter_mut()),
                    }
                });
        let writes = self.pending_writes.iter_mut().flat_map(|w| {
            std::iter::once(&mut w.target)
                .chain(w.index.iter_mut())
                .chain([&mut w.value])
        });
        frames.chain(virtuals).chain(writes)
    }

    /// THE contract between backends, the tracer and bridges: the distinct non-constant
    /// values the snapshot references, in order of first appearance in
    /// [`Snapshot::values`]. A failing guard writes exactly these values, in this order, to
    /// jitframe slots `0..n`; a bridge from that guard has exactly these as its inputs.
    pub fn fail_args(&self) -> Vec<OpRef> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for v in self.values() {
            if let SnapValue::Value(r) = *v {
                if !r.is_const() && seen.insert(r) {
                    out.push(r);
                }
            }
        }
        out
    }

    /// A copy with every [`SnapValue::Value`] replaced by `f(value)` (for passes that
    /// rename or fold values).
    pub fn map_values(&self, mut f: impl FnMut(OpRef) -> SnapValue) -> Snapshot {
        let mut s = self.clone();
        for v in s.values_mut() {
            if let SnapValue::Value(r) = *v {
                *v = f(r);
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Type;

    fn val(ty: Type, i: u32) -> SnapValue {
        SnapValue::Value(OpRef::value(ty, i))
    }

    fn sample() -> Snapshot {
        Snapshot {
            frames: vec![
                FrameSnapshot {
                    code: 1,
                    pc: 3,
                    slots: vec![val(Type::Ref, 0), SnapValue::Empty, val(Type::Int, 4)],
                },
                FrameSnapshot {
                    code: 2,
                    pc: 0,
                    slots: vec![
                        SnapValue::Virtual(VirtualId(0)),
                        SnapValue::Const(Const::int(3)),
                        val(Type::Ref, 0),
                    ],
                },
            ],
            virtuals: vec![VirtualObject::Struct {
                descr: DescrId(0),
                fields: vec![
                    (DescrId(1), val(Type::Float, 7)),
                    (DescrId(2), val(Type::Int, 4)),
                ],
            }],
            pending_writes: vec![PendingWrite {
                target: val(Type::Ref, 0),
                descr: DescrId(3),
                index: Some(val(Type::Int, 9)),
                value: val(Type::Int, 8),
            }],
        }
    }

    #[test]
    fn fail_args_are_distinct_values_in_canonical_order() {
        let got = sample().fail_args();
        let want = [
            (Type::Ref, 0),
            (Type::Int, 4),
            (Type::Float, 7),
            (Type::Int, 9),
            (Type::Int, 8),
        ]
        .map(|(t, i)| OpRef::value(t, i));
        assert_eq!(got, want);
    }

    #[test]
    fn map_values_renames_every_value() {
        let s = sample().map_values(|r| {
            if r.ty() == Type::Int {
                SnapValue::Const(Const::int(r.index() as i64))
            } else {
                SnapValue::Value(r)
            }
        });
        assert_eq!(
            s.fail_args(),
            [OpRef::value(Type::Ref, 0), OpRef::value(Type::Float, 7)]
        );
        assert_eq!(s.frames[0].slots[2], SnapValue::Const(Const::int(4)));
        assert_eq!(s.values().count(), sample().values().count());
    }
}
