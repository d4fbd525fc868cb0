//! What the recorder knows about each interpreter slot: the IR value that computes it, and
//! in which representation (a Value word, a tagged small int, an unboxed float or complex,
//! a 0/1 truth value). Unboxed values are boxed only when they escape (stored into the
//! heap, passed to a residual call, carried around the loop); a snapshot describes them as
//! virtual objects, so a guard costs no allocation.

use crate::object::{self, Kind};
use crate::value::Value;
use crate::vm::Vm;
use pyrs_jit_ir::OpRef;

/// The IR view of one interpreter slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sh {
    /// No value (an unbound local): the word 0.
    Null,
    /// A Value word (Ref).
    Val(OpRef),
    /// A small int, as its tagged Value word (Int); `boxed` is the same word as a Ref.
    Int(OpRef),
    /// A float: the unboxed value and, when known, a float object holding it.
    Float(OpRef, Option<OpRef>),
    /// A complex: real and imaginary parts and, when known, a complex object.
    Complex(OpRef, OpRef, Option<OpRef>),
    /// `True` (1) or `False` (0) as an Int.
    Bool(OpRef),
}

/// How a compiled loop carries one frame slot from its `jump` back to its `label`: as a
/// Value word, or unboxed when the slot held a small int, float or complex when the loop
/// was recorded (checked once per entry, before the label, instead of every iteration).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotRep {
    /// A Value word (one Ref label argument).
    Ref,
    /// A small int's tagged word (one Int label argument).
    Int,
    /// An exact float's value (one Float label argument).
    Float,
    /// An exact complex's parts (two Float label arguments).
    Complex,
    /// A list iterator over an exact list (one Ref label argument), checked before the
    /// label: neither class can change, so the loop body reads it without class guards.
    ListIter,
    /// A tuple iterator over an exact tuple, like [`SlotRep::ListIter`].
    TupleIter,
}

impl SlotRep {
    /// The representation a slot holding `v` gets.
    pub fn of(vm: &Vm, v: Value) -> SlotRep {
        if v.is_small() {
            return SlotRep::Int;
        }
        let exact = |cls: Value| {
            // SAFETY: `kind_of` returned Some, so `v` points to a live object.
            unsafe { object::class_word(v) == cls }
        };
        let seq_is = |cls: Value| {
            object::downcast::<object::SeqIterObj>(v).is_some_and(|o| {
                // SAFETY: a non-null `seq` is a live object.
                o.seq.is_ptr() && unsafe { object::class_word(o.seq) == cls }
            })
        };
        match object::kind_of(v) {
            Some(Kind::Float) if exact(vm.cls.float) => SlotRep::Float,
            Some(Kind::Complex) if exact(vm.cls.complex) => SlotRep::Complex,
            _ if exact(vm.cls.list_iterator) && seq_is(vm.cls.list) => SlotRep::ListIter,
            _ if exact(vm.cls.tuple_iterator) && seq_is(vm.cls.tuple) => SlotRep::TupleIter,
            _ => SlotRep::Ref,
        }
    }
}
