//! The generator core shared by the random trace generators: visible values by type,
//! interesting constants, descriptors and snapshots.

use super::Rng;
use crate::builder::TraceBuilder;
use crate::descr::{ArrayDescr, Descr, FieldDescr, SizeDescr};
use crate::ids::{DescrId, TraceId, VirtualId};
use crate::opcode::Opcode;
use crate::snapshot::{FrameSnapshot, PendingWrite, SnapValue, Snapshot, VirtualObject};
use crate::trace::TraceKind;
use crate::types::{Const, OpRef, Type};

/// Descriptor names, including ones the printer must quote.
const NAMES: &[&str] = &[
    "Float.value",
    "W_Int.intval",
    "List.items",
    "odd name",
    "quote\"d",
    "tab\there",
    "ünïcode",
    "a,b",
    "x=y",
    "#hash",
    "",
    "\u{1b}esc",
    "back\\slash",
];

pub(crate) struct Gen {
    pub(crate) rng: Rng,
    pub(crate) b: TraceBuilder,
    vals: [Vec<OpRef>; 3],
    /// Whether constants may be NaN (round-trip tests want them; execution tests too,
    /// but guards on them fail at once).
    pub(crate) nan_consts: bool,
}

fn slot(ty: Type) -> usize {
    match ty {
        Type::Int => 0,
        Type::Float => 1,
        _ => 2,
    }
}

impl Gen {
    pub(crate) fn new(seed: u64, id: TraceId, kind: TraceKind) -> Gen {
        Gen {
            rng: Rng::new(seed),
            b: TraceBuilder::new(id, kind),
            vals: [Vec::new(), Vec::new(), Vec::new()],
            nan_consts: true,
        }
    }

    /// Declares an input and makes it visible.
    pub(crate) fn input(&mut self, ty: Type) -> OpRef {
        let r = self.b.input(ty);
        self.vals[slot(ty)].push(r);
        r
    }

    /// Every visible value.
    pub(crate) fn visible(&self) -> Vec<OpRef> {
        self.vals.concat()
    }

    /// Forgets every visible value except `keep` (after a label).
    pub(crate) fn only_visible(&mut self, keep: &[OpRef]) {
        for v in &mut self.vals {
            v.retain(|r| keep.contains(r));
        }
    }

    /// Appends an op; its result becomes visible.
    pub(crate) fn emit(&mut self, opcode: Opcode, args: &[OpRef], descr: Option<DescrId>) -> OpRef {
        let r = self.b.op(opcode, args, descr);
        if r.ty() != Type::Void {
            self.vals[slot(r.ty())].push(r);
        }
        r
    }

    /// Appends a guard with a fresh snapshot.
    pub(crate) fn guard(&mut self, opcode: Opcode, args: &[OpRef], rich: bool) {
        let s = self.snapshot(rich);
        self.b.guard(opcode, args, s);
    }

    /// A visible value of type `ty`, if any.
    pub(crate) fn value(&mut self, ty: Type) -> Option<OpRef> {
        let vals = &self.vals[slot(ty)];
        if vals.is_empty() {
            return None;
        }
        let i = self.rng.below(vals.len() as u64) as usize;
        Some(vals[i])
    }

    /// A visible value of type `ty`, or sometimes (or if none) a constant.
    pub(crate) fn operand(&mut self, ty: Type) -> OpRef {
        if self.rng.chance(80) {
            if let Some(r) = self.value(ty) {
                return r;
            }
        }
        self.konst(ty)
    }

    pub(crate) fn konst(&mut self, ty: Type) -> OpRef {
        let c = self.const_value(ty);
        self.b.konst(c)
    }

    pub(crate) fn const_value(&mut self, ty: Type) -> Const {
        let r = &mut self.rng;
        match ty {
            Type::Int => Const::int(match r.below(10) {
                0 => i64::MIN,
                1 => i64::MAX,
                2..=5 => *r.pick(&[0, 1, -1, 2, 7, 100, -5]),
                _ => r.range(-1000, 1000),
            }),
            Type::Float => {
                let special = [
                    0.0,
                    -0.0,
                    1.5,
                    -2.25,
                    1e300,
                    5e-324,
                    f64::INFINITY,
                    f64::NEG_INFINITY,
                ];
                match r.below(10) {
                    0 if self.nan_consts => Const {
                        ty,
                        bits: 0x7ff8_0000_0000_0000 | r.below(1 << 40),
                    },
                    0..=3 => Const::float(*r.pick(&special)),
                    _ => Const::float(r.range(-1_000_000, 1_000_000) as f64 / 64.0),
                }
            }
            _ => Const::ptr(if r.chance(20) {
                0
            } else {
                r.below(1 << 40) * 8
            }),
        }
    }

    pub(crate) fn name(&mut self) -> String {
        self.rng.pick(NAMES).to_string()
    }

    pub(crate) fn memory_shape(&mut self, ty: Type) -> (u8, bool) {
        if ty == Type::Int {
            (*self.rng.pick(&[1, 2, 4, 8]), self.rng.chance(50))
        } else {
            (8, false)
        }
    }

    pub(crate) fn field_descr(&mut self, ty: Type) -> DescrId {
        let (size, signed) = self.memory_shape(ty);
        let offset = self.rng.below(8) as u32 * 8;
        let name = self.name();
        self.b.add_descr(Descr::Field(FieldDescr {
            name,
            offset,
            ty,
            size,
            signed,
        }))
    }

    pub(crate) fn array_descr(&mut self, ty: Type) -> DescrId {
        let (item_size, signed) = self.memory_shape(ty);
        let name = self.name();
        let header = self.rng.below(1000);
        self.b.add_descr(Descr::Array(ArrayDescr {
            name,
            base_offset: 16,
            item_size,
            ty,
            signed,
            len_offset: 8,
            header,
        }))
    }

    pub(crate) fn size_descr(&mut self) -> DescrId {
        let name = self.name();
        let size = 8 + self.rng.below(8) as u32 * 8;
        let header = self.rng.below(1000);
        self.b
            .add_descr(Descr::Size(SizeDescr { name, size, header }))
    }

    fn random_type(&mut self) -> Type {
        *self.rng.pick(&Type::VALUES)
    }

    /// A slot value of type `ty` (a visible value, a constant, or a virtual for refs).
    fn snap_value(&mut self, ty: Type, virtuals: usize) -> SnapValue {
        match self.rng.below(10) {
            0 => SnapValue::Empty,
            1 | 2 => SnapValue::Const(self.const_value(ty)),
            3 if ty == Type::Ref && virtuals > 0 => {
                SnapValue::Virtual(VirtualId(self.rng.below(virtuals as u64) as u32))
            }
            _ => match self.value(ty) {
                Some(r) => SnapValue::Value(r),
                None => SnapValue::Const(self.const_value(ty)),
            },
        }
    }

    /// A snapshot of visible values; `rich` adds inlined frames, virtual objects and
    /// pending writes.
    pub(crate) fn snapshot(&mut self, rich: bool) -> Snapshot {
        let nvirt = if rich { self.rng.below(3) as usize } else { 0 };
        let mut virtuals = Vec::new();
        for _ in 0..nvirt {
            if self.rng.chance(70) {
                let descr = self.size_descr();
                let mut fields = Vec::new();
                for _ in 0..self.rng.below(4) {
                    let ty = self.random_type();
                    let d = self.field_descr(ty);
                    fields.push((d, self.snap_value(ty, nvirt)));
                }
                virtuals.push(VirtualObject::Struct { descr, fields });
            } else {
                let ty = self.random_type();
                let descr = self.array_descr(ty);
                let items = (0..self.rng.below(4))
                    .map(|_| self.snap_value(ty, nvirt))
                    .collect();
                virtuals.push(VirtualObject::Array { descr, items });
            }
        }
        let nframes = 1 + if rich {
            self.rng.below(3)
        } else {
            self.rng.below(2)
        };
        let mut frames = Vec::new();
        for _ in 0..nframes {
            let code = self.rng.below(1 << 20) * 16;
            let pc = self.rng.below(200) as u32;
            let slots = (0..self.rng.below(7))
                .map(|_| {
                    let ty = self.random_type();
                    self.snap_value(ty, nvirt)
                })
                .collect();
            frames.push(FrameSnapshot { code, pc, slots });
        }
        let mut pending_writes = Vec::new();
        if rich && self.rng.chance(30) {
            let ty = self.random_type();
            let target = match self.snap_value(Type::Ref, nvirt) {
                SnapValue::Empty => SnapValue::Const(Const::ptr(8)),
                t => t,
            };
            let (descr, index) = if self.rng.chance(50) {
                (self.field_descr(ty), None)
            } else {
                let index = match self.snap_value(Type::Int, 0) {
                    SnapValue::Empty => SnapValue::Const(Const::int(0)),
                    i => i,
                };
                (self.array_descr(ty), Some(index))
            };
            let value = self.snap_value(ty, nvirt);
            pending_writes.push(PendingWrite {
                target,
                descr,
                index,
                value,
            });
        }
        Snapshot {
            frames,
            virtuals,
            pending_writes,
        }
    }
}
