//! Constant folding with exactly the IR interpreter's semantics (the op table's docs):
//! wrapping integer arithmetic, shift counts taken mod 64, IEEE floats. Ops undefined for
//! the given constants (division by zero, `i64::MIN / -1`, a float outside the `i64`
//! range) are not folded: the trace keeps them as they are.

use pyrs_jit_ir::{Const, Opcode, Operands, Type};

const SIGN: u64 = 1 << 63;

/// The value of pure op `opcode` applied to constants `args`, if it is defined and
/// depends on the operands only. `cast_int_to_ptr` is not folded: a constant `Ref` is one
/// compiled code keeps alive, which an arbitrary integer is not. Memory reads
/// (`arraylen_gc`) and calls are never folded.
pub(super) fn fold(opcode: Opcode, args: &[Const]) -> Option<Const> {
    use Opcode::*;
    if !matches!(opcode.operands(), Operands::Fixed(types) if types.len() == args.len()) {
        return None;
    }
    let i = |k: usize| args[k].as_int();
    let u = |k: usize| args[k].bits;
    let f = |k: usize| args[k].as_float();
    let int = |v: i64| Some(Const::int(v));
    let flag = |b: bool| Some(Const::int(b as i64));
    let float = |v: f64| Some(Const::float(v));
    let float_bits = |bits: u64| {
        Some(Const {
            ty: Type::Float,
            bits,
        })
    };
    match opcode {
        IntAdd => int(i(0).wrapping_add(i(1))),
        IntSub => int(i(0).wrapping_sub(i(1))),
        IntMul => int(i(0).wrapping_mul(i(1))),
        IntAnd => int(i(0) & i(1)),
        IntOr => int(i(0) | i(1)),
        IntXor => int(i(0) ^ i(1)),
        IntLshift => int(i(0).wrapping_shl(i(1) as u32)),
        IntRshift => int(i(0).wrapping_shr(i(1) as u32)),
        UintRshift => int(u(0).wrapping_shr(i(1) as u32) as i64),
        IntNeg => int(i(0).wrapping_neg()),
        IntInvert => int(!i(0)),
        IntFloordiv => i(0).checked_div(i(1)).map(Const::int),
        IntMod => i(0).checked_rem(i(1)).map(Const::int),
        IntLt => flag(i(0) < i(1)),
        IntLe => flag(i(0) <= i(1)),
        IntEq => flag(i(0) == i(1)),
        IntNe => flag(i(0) != i(1)),
        IntGt => flag(i(0) > i(1)),
        IntGe => flag(i(0) >= i(1)),
        UintLt => flag(u(0) < u(1)),
        UintGe => flag(u(0) >= u(1)),
        IntIsTrue => flag(i(0) != 0),
        IntIsZero => flag(i(0) == 0),

        FloatAdd => float(f(0) + f(1)),
        FloatSub => float(f(0) - f(1)),
        FloatMul => float(f(0) * f(1)),
        FloatTruediv => float(f(0) / f(1)),
        FloatNeg => float_bits(u(0) ^ SIGN),
        FloatAbs => float_bits(u(0) & !SIGN),
        FloatLt => flag(f(0) < f(1)),
        FloatLe => flag(f(0) <= f(1)),
        FloatEq => flag(f(0) == f(1)),
        FloatNe => flag(f(0) != f(1)),
        FloatGt => flag(f(0) > f(1)),
        FloatGe => flag(f(0) >= f(1)),
        CastIntToFloat => float(i(0) as f64),
        CastFloatToInt => {
            // The i64 range is [-2^63, 2^63); NaN is in no range.
            const LIMIT: f64 = 9_223_372_036_854_775_808.0;
            (-LIMIT..LIMIT)
                .contains(&f(0))
                .then(|| Const::int(f(0) as i64))
        }
        FloatSqrt => float(f(0).sqrt()),

        PtrEq => flag(u(0) == u(1)),
        PtrNe => flag(u(0) != u(1)),
        CastPtrToInt => int(u(0) as i64),
        SameAsI | SameAsF | SameAsR => Some(args[0]),
        _ => None,
    }
}

/// The wrapped result of `_ovf` op `opcode` on constants `a` and `b`, and whether it
/// overflowed.
pub(super) fn fold_ovf(opcode: Opcode, a: i64, b: i64) -> Option<(i64, bool)> {
    match opcode {
        Opcode::IntAddOvf => Some(a.overflowing_add(b)),
        Opcode::IntSubOvf => Some(a.overflowing_sub(b)),
        Opcode::IntMulOvf => Some(a.overflowing_mul(b)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(op: Opcode, a: i64, b: i64) -> Option<i64> {
        fold(op, &[Const::int(a), Const::int(b)]).map(Const::as_int)
    }

    #[test]
    fn integer_folding_wraps_and_shifts_mod_64() {
        assert_eq!(ints(Opcode::IntAdd, i64::MAX, 1), Some(i64::MIN));
        assert_eq!(ints(Opcode::IntMul, i64::MIN, -1), Some(i64::MIN));
        assert_eq!(ints(Opcode::IntLshift, 1, 65), Some(2));
        assert_eq!(ints(Opcode::IntRshift, -8, 65), Some(-4));
        assert_eq!(ints(Opcode::UintRshift, -1, 63), Some(1));
        assert_eq!(ints(Opcode::IntLshift, 3, -1), Some(i64::MIN));
        assert_eq!(ints(Opcode::UintLt, -1, 0), Some(0));
        assert_eq!(ints(Opcode::IntMod, -7, 2), Some(-1));
        assert_eq!(ints(Opcode::IntFloordiv, -7, 2), Some(-3));
    }

    #[test]
    fn undefined_operands_are_not_folded() {
        assert_eq!(ints(Opcode::IntFloordiv, 1, 0), None);
        assert_eq!(ints(Opcode::IntMod, i64::MIN, -1), None);
        assert_eq!(ints(Opcode::IntFloordiv, i64::MIN, -1), None);
        for x in [f64::NAN, 1e19, -1e19, f64::INFINITY] {
            assert_eq!(fold(Opcode::CastFloatToInt, &[Const::float(x)]), None);
        }
        assert_eq!(
            fold(Opcode::CastFloatToInt, &[Const::float(-2.9)]),
            Some(Const::int(-2))
        );
        assert_eq!(fold(Opcode::CastIntToPtr, &[Const::int(8)]), None);
        assert_eq!(fold(Opcode::IntAdd, &[Const::int(1)]), None, "wrong arity");
    }

    #[test]
    fn floats_fold_by_ieee_and_sign_bits() {
        let neg = fold(Opcode::FloatNeg, &[Const::float(0.0)]).unwrap();
        assert_eq!(neg, Const::float(-0.0));
        let nan = Const {
            ty: Type::Float,
            bits: 0xfff8_0000_0000_0001,
        };
        assert_eq!(
            fold(Opcode::FloatAbs, &[nan]).unwrap().bits,
            0x7ff8_0000_0000_0001
        );
        let eq = fold(
            Opcode::FloatEq,
            &[Const::float(f64::NAN), Const::float(f64::NAN)],
        );
        assert_eq!(eq, Some(Const::int(0)));
        let div = fold(
            Opcode::FloatTruediv,
            &[Const::float(1.0), Const::float(-0.0)],
        );
        assert_eq!(div, Some(Const::float(f64::NEG_INFINITY)));
    }

    #[test]
    fn overflow_is_reported() {
        assert_eq!(
            fold_ovf(Opcode::IntAddOvf, i64::MAX, 1),
            Some((i64::MIN, true))
        );
        assert_eq!(fold_ovf(Opcode::IntSubOvf, 5, 7), Some((-2, false)));
        assert_eq!(
            fold_ovf(Opcode::IntMulOvf, 1 << 62, 2),
            Some((i64::MIN, true))
        );
        assert_eq!(fold_ovf(Opcode::IntAdd, 1, 2), None);
    }
}
