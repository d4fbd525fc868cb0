//! `pure`: common-subexpression elimination. A pure op (per
//! [`Trace::op_flags`](pyrs_jit_ir::Trace::op_flags), so pure calls too) with the same
//! opcode, operands and descriptor as an earlier one in the same label region reuses the
//! earlier result; operands of commutative ops match in either order. `same_as` copies are
//! left alone: they exist to be distinct values (label operands).

use std::collections::HashMap;

use pyrs_jit_ir::{DescrId, OpArgs, OpFlags, OpRef, Opcode, Pass, PassError, Trace};

use crate::rebuild::Rebuild;

/// Common-subexpression elimination (`pure`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Pure;

/// An op's identity for CSE, operands already mapped (and ordered, if commutative).
type Key = (Opcode, OpArgs, Option<DescrId>);

impl Pass for Pure {
    fn name(&self) -> &'static str {
        "pure"
    }

    fn run(&mut self, trace: Trace) -> Result<Trace, PassError> {
        let mut rb = Rebuild::new(&trace);
        let mut seen: HashMap<Key, OpRef> = HashMap::new();
        for op in &trace.ops {
            use Opcode::*;
            let r = match op.opcode {
                Label => {
                    seen.clear();
                    rb.label(op)
                }
                SameAsI | SameAsF | SameAsR => rb.copy(op),
                _ if trace.op_flags(op).contains(OpFlags::PURE) => {
                    let mut args: OpArgs = op.args.iter().map(|&r| rb.get(r)).collect();
                    if op.opcode.flags().contains(OpFlags::COMMUTATIVE) {
                        args.sort_unstable();
                    }
                    let key = (op.opcode, args, op.descr);
                    match seen.get(&key) {
                        Some(&r) => r,
                        None => {
                            let r = rb.copy(op);
                            seen.insert(key, r);
                            r
                        }
                    }
                }
                _ => rb.copy(op),
            };
            rb.define(r);
        }
        Ok(rb.finish())
    }
}
