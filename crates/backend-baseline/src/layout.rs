//! Jitframe layout and exit codes.
//!
//! Every value of a trace that has a result lives in its own jitframe slot for the whole
//! trace: inputs in slots `0..n` (the entry ABI), then op results in op order, skipping
//! ops without a result. Machine code addresses slot `s` as `[rbx + 8*s]`.

use pyrs_jit_ir::{ExitId, ExitRef, OpRef, Trace, TraceId, Type};

/// Where each value of one trace lives, and how many slots the trace touches.
pub(crate) struct Layout {
    /// Slot of each value index; `None` for ops without a result.
    slots: Vec<Option<u32>>,
    /// Slots the trace itself needs: its values, and the values of its widest exit
    /// (a `finish` may leave with more values than the trace defines).
    pub(crate) own_need: usize,
}

/// The most slots a trace may use: slot displacements must fit an `i32`.
const MAX_SLOTS: usize = (i32::MAX as usize) / 8;

impl Layout {
    /// The layout of `trace`; fails if the trace needs more slots than a 32-bit
    /// displacement can address.
    pub(crate) fn new(trace: &Trace) -> Result<Layout, String> {
        let mut slots = Vec::with_capacity(trace.num_values());
        let mut next = 0u32;
        for k in 0..trace.num_values() {
            let has_value = k < trace.inputs.len()
                || trace.ops[k - trace.inputs.len()].result_type() != Type::Void;
            if has_value {
                slots.push(Some(next));
                next += 1;
            } else {
                slots.push(None);
            }
        }
        let widest_exit = trace
            .exits()
            .map(|(_, n)| trace.exit_args(n).len())
            .max()
            .unwrap_or(0);
        let own_need = (next as usize).max(widest_exit).max(1);
        if own_need > MAX_SLOTS {
            return Err(format!(
                "{} needs {own_need} jitframe slots, at most {MAX_SLOTS} are addressable",
                trace.id
            ));
        }
        Ok(Layout { slots, own_need })
    }

    /// The slot of value `r` (not a constant, not void).
    pub(crate) fn slot(&self, r: OpRef) -> Option<u32> {
        self.slots.get(r.value_index()?).copied().flatten()
    }
}

/// The byte displacement of slot `slot` from the jitframe base.
pub(crate) fn disp(slot: u32) -> i32 {
    // Slots are bounded by `MAX_SLOTS`, so `8 * slot` fits.
    (slot as i32) * 8
}

/// The word machine code returns for an exit: the trace id in the high half, the exit id
/// in the low half.
pub(crate) fn exit_code(exit: ExitRef) -> u64 {
    (exit.trace.0 as u64) << 32 | exit.exit.0 as u64
}

/// The exit an [`exit_code`] names.
pub(crate) fn decode_exit(code: u64) -> ExitRef {
    ExitRef {
        trace: TraceId((code >> 32) as u32),
        exit: ExitId(code as u32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pyrs_jit_ir::parse;

    #[test]
    fn values_with_results_get_dense_slots() {
        let t = parse(
            "trace T3 loop
[i0, f1]
label(i0, f1)
i3 = int_add(i0, ConstInt(1))
guard_true(i3) [s0] g0
f5 = float_neg(f1)
jump(i3, f5)
snapshot s0
  frame code=0x0 pc=0 [i0, f1, i3]
",
        )
        .unwrap();
        let l = Layout::new(&t).unwrap();
        let slot = |ty, i| l.slot(OpRef::value(ty, i));
        assert_eq!(slot(Type::Int, 0), Some(0));
        assert_eq!(slot(Type::Float, 1), Some(1));
        assert_eq!(slot(Type::Int, 3), Some(2));
        assert_eq!(slot(Type::Float, 5), Some(3));
        assert_eq!(slot(Type::Void, 4), None);
        assert_eq!(l.own_need, 4);
    }

    #[test]
    fn a_finish_may_need_more_slots_than_values() {
        let t = parse("trace T1 bridge T0.g0\n[i0]\nfinish(i0, i0, ConstInt(3)) g0\n").unwrap();
        assert_eq!(Layout::new(&t).unwrap().own_need, 3);
    }

    #[test]
    fn exit_codes_round_trip() {
        let e = ExitRef {
            trace: TraceId(u32::MAX),
            exit: ExitId(7),
        };
        assert_eq!(decode_exit(exit_code(e)), e);
    }
}
