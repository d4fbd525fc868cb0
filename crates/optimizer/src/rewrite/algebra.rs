//! Algebraic simplification: identities that hold for every operand value under the IR's
//! exact semantics (wrapping integers, shift counts mod 64). Float identities are limited
//! to sign-bit ones, which are exact for every bit pattern, NaNs included.

use pyrs_jit_ir::{Const, OpArgs, OpFlags, OpRef, Opcode};

use super::facts::Facts;
use crate::rebuild::Rebuild;

/// What an op simplifies to.
pub(super) enum Simplified {
    /// An existing value or a constant of the new trace.
    Value(OpRef),
    /// A cheaper op on values of the new trace (itself open to simplification).
    Op(Opcode, OpArgs),
}

/// The comparison computing the negation of `opcode` on the same operands, for those
/// where it is exact (float orderings are not: NaN makes both false).
fn inverse(opcode: Opcode) -> Option<Opcode> {
    use Opcode::*;
    Some(match opcode {
        IntLt => IntGe,
        IntGe => IntLt,
        IntLe => IntGt,
        IntGt => IntLe,
        IntEq => IntNe,
        IntNe => IntEq,
        UintLt => UintGe,
        UintGe => UintLt,
        IntIsTrue => IntIsZero,
        IntIsZero => IntIsTrue,
        PtrEq => PtrNe,
        PtrNe => PtrEq,
        FloatEq => FloatNe,
        FloatNe => FloatEq,
        _ => return None,
    })
}

/// Whether `r` is 0 or 1 by construction (the result of a comparison).
pub(super) fn is_flag(rb: &Rebuild, r: OpRef) -> bool {
    rb.def_op(r)
        .is_some_and(|op| op.opcode.flags().contains(OpFlags::COMPARISON))
}

/// Simplifies pure op `opcode(args)` (operands of the new trace, not all constant), or
/// `None` if no rule applies.
pub(super) fn simplify(
    rb: &mut Rebuild,
    facts: &Facts,
    opcode: Opcode,
    args: &[OpRef],
) -> Option<Simplified> {
    use Opcode::*;
    use Simplified::{Op, Value};
    let int_of = |rb: &Rebuild, r: OpRef| rb.konst(r).map(Const::as_int);
    let mut args: OpArgs = args.into();
    // Commutative ops: a lone constant goes second, so each rule is written once.
    if opcode.flags().contains(OpFlags::COMMUTATIVE)
        && rb.konst(args[0]).is_some()
        && rb.konst(args[1]).is_none()
    {
        args.swap(0, 1);
    }
    let x = args[0];
    let same = args.len() == 2 && args[0] == args[1];
    let c = args.get(1).and_then(|&y| int_of(rb, y));
    let def = rb.def_op(x).map(|op| (op.opcode, op.args.clone()));
    let int = |rb: &mut Rebuild, v: i64| Some(Value(rb.intern(Const::int(v))));
    let unary = |code: Opcode, a: OpRef| Some(Op(code, [a].into()));
    match opcode {
        IntAdd | IntOr if c == Some(0) => Some(Value(x)),
        IntSub | IntXor if c == Some(0) => Some(Value(x)),
        IntSub | IntXor if same => int(rb, 0),
        IntSub if int_of(rb, x) == Some(0) => unary(IntNeg, args[1]),
        IntMul | IntAnd if c == Some(0) => int(rb, 0),
        IntMul | IntFloordiv if c == Some(1) => Some(Value(x)),
        IntMod if c == Some(1) => int(rb, 0),
        IntMul if c == Some(-1) => unary(IntNeg, x),
        IntMul => {
            let m = c? as u64;
            if !m.is_power_of_two() {
                return None;
            }
            let k = rb.intern(Const::int(m.trailing_zeros() as i64));
            Some(Op(IntLshift, [x, k].into()))
        }
        IntAnd | IntOr if same => Some(Value(x)),
        IntAnd if c == Some(-1) => Some(Value(x)),
        IntOr if c == Some(-1) => int(rb, -1),
        IntXor if c == Some(-1) => unary(IntInvert, x),
        IntLshift | IntRshift | UintRshift if c.is_some_and(|c| c & 63 == 0) => Some(Value(x)),
        IntLshift | IntRshift | UintRshift if int_of(rb, x) == Some(0) => int(rb, 0),
        IntRshift if int_of(rb, x) == Some(-1) => int(rb, -1),
        IntLt | IntNe | IntGt | UintLt | PtrNe if same => int(rb, 0),
        IntLe | IntEq | IntGe | UintGe | PtrEq if same => int(rb, 1),
        UintLt if c == Some(0) => int(rb, 0),
        UintGe if c == Some(0) => int(rb, 1),
        PtrEq | PtrNe if facts.nonnull(x) && rb.konst(args[1]).is_some_and(|k| k.bits == 0) => {
            int(rb, (opcode == PtrNe) as i64)
        }
        IntIsTrue if is_flag(rb, x) => Some(Value(x)),
        IntIsTrue | IntIsZero if facts.nonzero(x) => int(rb, (opcode == IntIsTrue) as i64),
        IntIsZero => {
            let (code, inner) = def?;
            Some(Op(inverse(code)?, inner))
        }
        IntNeg | IntInvert | FloatNeg => match def? {
            (code, inner) if code == opcode => Some(Value(inner[0])),
            _ => None,
        },
        FloatAbs => match def? {
            (FloatNeg, inner) => unary(FloatAbs, inner[0]),
            (FloatAbs, _) => Some(Value(x)),
            _ => None,
        },
        CastPtrToInt | CastIntToPtr => match def? {
            (CastIntToPtr, inner) if opcode == CastPtrToInt => Some(Value(inner[0])),
            (CastPtrToInt, inner) if opcode == CastIntToPtr => Some(Value(inner[0])),
            _ => None,
        },
        SameAsI | SameAsF | SameAsR => Some(Value(x)),
        _ => None,
    }
}

/// What `_ovf` op `opcode(a, b)` is known to give: its value, and whether it overflows.
/// `None` when that depends on the operands' run-time values.
pub(super) fn ovf_outcome(
    rb: &mut Rebuild,
    opcode: Opcode,
    a: OpRef,
    b: OpRef,
) -> Option<(OpRef, bool)> {
    use Opcode::*;
    let (ka, kb) = (
        rb.konst(a).map(Const::as_int),
        rb.konst(b).map(Const::as_int),
    );
    if let (Some(x), Some(y)) = (ka, kb) {
        let (v, overflowed) = super::fold::fold_ovf(opcode, x, y)?;
        return Some((rb.intern(Const::int(v)), overflowed));
    }
    let zero = |rb: &mut Rebuild| Some((rb.intern(Const::int(0)), false));
    match opcode {
        IntAddOvf | IntSubOvf if kb == Some(0) => Some((a, false)),
        IntAddOvf if ka == Some(0) => Some((b, false)),
        IntSubOvf if a == b => zero(rb),
        IntMulOvf if kb == Some(1) => Some((a, false)),
        IntMulOvf if ka == Some(1) => Some((b, false)),
        IntMulOvf if ka == Some(0) || kb == Some(0) => zero(rb),
        _ => None,
    }
}
