//! `dce`: removes ops whose results nothing uses and whose only effect is that result.
//!
//! Liveness is computed backwards over the old trace: an op is kept if it has an effect
//! (guards, stores, calls that are not pure or may raise, `label`, `jump`, `finish`,
//! `_ovf` ops, whose overflow condition their guard reads, `debug_merge_point`) or if a
//! kept op or the snapshot of a kept guard uses its value. So values used only by
//! snapshots stay, and a `new` stays while a snapshot refers to it.

use pyrs_jit_ir::{Op, OpFlags, Opcode, Pass, PassError, SnapValue, Trace};

use crate::rebuild::{Rebuild, REMOVED};

/// Dead-code elimination (`dce`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Dce;

impl Pass for Dce {
    fn name(&self) -> &'static str {
        "dce"
    }

    fn run(&mut self, trace: Trace) -> Result<Trace, PassError> {
        let keep = kept_ops(&trace);
        let mut rb = Rebuild::new(&trace);
        for (op, &kept) in trace.ops.iter().zip(&keep) {
            let r = match (kept, op.opcode) {
                (false, _) => REMOVED,
                (true, Opcode::Label) => rb.label(op),
                (true, _) => rb.copy(op),
            };
            rb.define(r);
        }
        Ok(rb.finish())
    }
}

/// Whether `op` may be removed when its value is unused.
fn removable(trace: &Trace, op: &Op) -> bool {
    use Opcode::*;
    match op.opcode {
        New | NewArray => true,
        GetfieldGcI | GetfieldGcF | GetfieldGcR | GetfieldRawI | GetarrayitemGcI
        | GetarrayitemGcF | GetarrayitemGcR | GetarrayitemRawI | GetarrayitemRawF
        | GetarrayitemRawR => true,
        CallI | CallF | CallR | CallN => {
            let flags = trace.op_flags(op);
            flags.contains(OpFlags::PURE) && !flags.contains(OpFlags::CAN_RAISE)
        }
        Label | Jump | Finish | DebugMergePoint => false,
        // Arithmetic, comparisons, casts, `same_as`, `arraylen_gc`; never guards, stores
        // or `_ovf` ops (not pure).
        _ => op.opcode.flags().contains(OpFlags::PURE),
    }
}

/// For each op, whether it stays.
fn kept_ops(trace: &Trace) -> Vec<bool> {
    let first_op = trace.inputs.len();
    let mut live = vec![false; trace.num_values()];
    let mut keep = vec![false; trace.ops.len()];
    for (n, op) in trace.ops.iter().enumerate().rev() {
        if removable(trace, op) && !live[first_op + n] {
            continue;
        }
        keep[n] = true;
        for r in op.args.iter().filter_map(|r| r.value_index()) {
            live[r] = true;
        }
        if let Some(s) = op.snapshot {
            for v in trace.snapshots[s.index()].values() {
                if let SnapValue::Value(r) = v {
                    if let Some(i) = r.value_index() {
                        live[i] = true;
                    }
                }
            }
        }
    }
    keep
}
