//! The IR descriptors of the heap layouts the recorder reads and writes inline: the only
//! place that turns `object::layouts` structs into field offsets for compiled code.

use crate::object::{
    ArrayObj, CellObj, ClassObj, ComplexObj, DictObj, FloatObj, FunctionObj, InstanceObj, Kind,
    ListObj, ObjHead, RangeIterObj, SeqIterObj, StrObj, TupleObj,
};
use crate::types::dict::DictData;
use pyrs_jit_ir::{ArrayDescr, Descr, DescrId, FieldDescr, SizeDescr, TraceBuilder, Type};
use std::mem::{offset_of, size_of};

/// Byte offset of the class word in every object (what `guard_class` reads).
pub const CLASS_OFFSET: u32 = offset_of!(ObjHead, class) as u32;

/// The header word of a fresh object of `kind` (type id in the low half, no GC flags).
pub fn header(kind: Kind) -> u64 {
    kind as u32 as u64
}

fn field(b: &mut TraceBuilder, name: &str, offset: usize, ty: Type) -> DescrId {
    b.add_descr(Descr::Field(FieldDescr {
        name: name.to_string(),
        offset: offset as u32,
        ty,
        size: 8,
        signed: ty == Type::Int,
    }))
}

/// The descriptors one recording uses, registered once per trace.
pub struct Descrs {
    /// `ObjHead.class`.
    pub class: DescrId,
    /// `FloatObj.value`.
    pub float_value: DescrId,
    /// `ComplexObj.re` / `.im`.
    pub complex_re: DescrId,
    /// `ComplexObj.im`.
    pub complex_im: DescrId,
    /// A float object.
    pub float_size: DescrId,
    /// A complex object.
    pub complex_size: DescrId,
    /// `ListObj.len`.
    pub list_len: DescrId,
    /// `ListObj.items`.
    pub list_items: DescrId,
    /// The items of an `ArrayObj` (list storage, instance slots).
    pub array_items: DescrId,
    /// `TupleObj.len`.
    pub tuple_len: DescrId,
    /// The items of a tuple.
    pub tuple_items: DescrId,
    /// `RangeIterObj.next`.
    pub range_next: DescrId,
    /// `RangeIterObj.step`.
    pub range_step: DescrId,
    /// `RangeIterObj.remaining`.
    pub range_remaining: DescrId,
    /// `SeqIterObj.seq`.
    pub seq_seq: DescrId,
    /// `SeqIterObj.index`.
    pub seq_index: DescrId,
    /// `FunctionObj.code`.
    pub func_code: DescrId,
    /// `FunctionObj.globals`.
    pub func_globals: DescrId,
    /// A word of the JIT's constant table (raw array of Values).
    pub const_slot: DescrId,
    /// `ClassObj.version` (read from pinned classes).
    pub class_version: DescrId,
    /// `InstanceObj.map` (the address of an immortal map, as an Int).
    pub inst_map: DescrId,
    /// `InstanceObj.slots` (the attribute array).
    pub inst_slots: DescrId,
    /// `DictObj.data` (the address of the Rust-owned table, as an Int).
    pub dict_data: DictDescrs,
    /// `StrObj.char_len`.
    pub str_len: DescrId,
    /// An `ArrayObj`'s capacity (`len`).
    pub array_len: DescrId,
    /// `CellObj.value`.
    pub cell_value: DescrId,
}

/// Fields of a dict's Rust-owned table, read with `getfield_raw_i` from its address.
#[derive(Clone, Copy)]
pub struct DictDescrs {
    /// `DictObj.data`.
    pub data: DescrId,
    /// `DictData.version` (bumped when entries move or keys come and go).
    pub version: DescrId,
    /// `DictData.len`.
    pub len: DescrId,
}

impl Descrs {
    /// Registers every descriptor with `b`.
    pub fn register(b: &mut TraceBuilder) -> Descrs {
        let array = |b: &mut TraceBuilder, name: &str, base: usize, len: usize| {
            b.add_descr(Descr::Array(ArrayDescr {
                name: name.to_string(),
                base_offset: base as u32,
                item_size: 8,
                ty: Type::Ref,
                signed: false,
                len_offset: len as u32,
                header: 0,
            }))
        };
        let size = |b: &mut TraceBuilder, name: &str, size: usize, kind: Kind| {
            b.add_descr(Descr::Size(SizeDescr {
                name: name.to_string(),
                size: size as u32,
                header: header(kind),
            }))
        };
        Descrs {
            class: field(b, "Obj.class", offset_of!(ObjHead, class), Type::Ref),
            float_value: field(b, "Float.value", offset_of!(FloatObj, value), Type::Float),
            complex_re: field(b, "Complex.re", offset_of!(ComplexObj, re), Type::Float),
            complex_im: field(b, "Complex.im", offset_of!(ComplexObj, im), Type::Float),
            float_size: size(b, "Float", size_of::<FloatObj>(), Kind::Float),
            complex_size: size(b, "Complex", size_of::<ComplexObj>(), Kind::Complex),
            list_len: field(b, "List.len", offset_of!(ListObj, len), Type::Int),
            list_items: field(b, "List.items", offset_of!(ListObj, items), Type::Ref),
            array_items: array(
                b,
                "Array.items",
                size_of::<ArrayObj>(),
                offset_of!(ArrayObj, len),
            ),
            tuple_len: field(b, "Tuple.len", offset_of!(TupleObj, len), Type::Int),
            tuple_items: array(
                b,
                "Tuple.items",
                size_of::<TupleObj>(),
                offset_of!(TupleObj, len),
            ),
            range_next: field(
                b,
                "RangeIter.next",
                offset_of!(RangeIterObj, next),
                Type::Int,
            ),
            range_step: field(
                b,
                "RangeIter.step",
                offset_of!(RangeIterObj, step),
                Type::Int,
            ),
            range_remaining: field(
                b,
                "RangeIter.remaining",
                offset_of!(RangeIterObj, remaining),
                Type::Int,
            ),
            seq_seq: field(b, "SeqIter.seq", offset_of!(SeqIterObj, seq), Type::Ref),
            seq_index: field(b, "SeqIter.index", offset_of!(SeqIterObj, index), Type::Int),
            func_code: field(b, "Function.code", offset_of!(FunctionObj, code), Type::Ref),
            func_globals: field(
                b,
                "Function.globals",
                offset_of!(FunctionObj, globals),
                Type::Ref,
            ),
            const_slot: b.add_descr(Descr::Array(ArrayDescr {
                name: "JitConst".to_string(),
                base_offset: 0,
                item_size: 8,
                ty: Type::Ref,
                signed: false,
                len_offset: 0,
                header: 0,
            })),
            class_version: field(b, "Class.version", offset_of!(ClassObj, version), Type::Int),
            inst_map: field(b, "Instance.map", offset_of!(InstanceObj, map), Type::Int),
            inst_slots: field(
                b,
                "Instance.slots",
                offset_of!(InstanceObj, slots),
                Type::Ref,
            ),
            dict_data: DictDescrs {
                data: field(b, "Dict.data", offset_of!(DictObj, data), Type::Int),
                version: field(
                    b,
                    "DictData.version",
                    offset_of!(DictData, version),
                    Type::Int,
                ),
                len: field(b, "DictData.len", offset_of!(DictData, len), Type::Int),
            },
            str_len: field(b, "Str.char_len", offset_of!(StrObj, char_len), Type::Int),
            array_len: field(b, "Array.len", offset_of!(ArrayObj, len), Type::Int),
            cell_value: field(b, "Cell.value", offset_of!(CellObj, value), Type::Ref),
        }
    }
}
