//! What the recorder knows about each interpreter slot: the IR value that computes it, and
//! in which representation (a Value word, a tagged small int, an unboxed float or complex,
//! a 0/1 truth value). Unboxed values are boxed only when they escape (stored into the
//! heap, passed to a residual call, carried around the loop); a snapshot describes them as
//! virtual objects, so a guard costs no allocation.

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
