//! [`Pass`]: one optimization step over a trace. The optimizer crate builds pipelines of
//! passes from a list of names (`--jit enable_opts=rewrite:dce`) and verifies between them.

use std::fmt;

use crate::trace::Trace;

/// Why a pass gave up on a trace (for example, it proved that the loop cannot run an
/// iteration without failing a guard). The tracer counts these and discards the trace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassError {
    /// The pass that failed ([`Pass::name`]).
    pub pass: &'static str,
    /// Why.
    pub reason: String,
}

impl fmt::Display for PassError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "pass {}: {}", self.pass, self.reason)
    }
}

impl std::error::Error for PassError {}

/// A trace-to-trace transformation.
///
/// Contract: given a trace that [`verify`](crate::verify) accepts, returns one it accepts,
/// with the same id, kind, inputs and exit behaviour (every exit the output can take
/// exists in the input with the same [`ExitId`](crate::ExitId) and resumes to the same
/// interpreter state). Passes are object-safe so a pipeline is a `Vec<Box<dyn Pass>>`.
pub trait Pass {
    /// The pass's name in `enable_opts` lists and logs (`rewrite`, `dce`, ...).
    fn name(&self) -> &'static str;

    /// Transforms `trace`. Rewriting in place and building a new trace with
    /// [`TraceBuilder::derived`](crate::TraceBuilder::derived) are both fine.
    fn run(&mut self, trace: Trace) -> Result<Trace, PassError>;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::TraceBuilder;
    use crate::opcode::Opcode;
    use crate::parse::parse;
    use crate::print::print;
    use crate::snapshot::SnapValue;
    use crate::types::OpRef;
    use crate::verify::verify;

    /// The rebuild idiom: a pass that forwards `same_as_*` copies to their operand.
    struct ForwardCopies;

    impl Pass for ForwardCopies {
        fn name(&self) -> &'static str {
            "forward_copies"
        }

        fn run(&mut self, trace: Trace) -> Result<Trace, PassError> {
            let mut b = TraceBuilder::derived(&trace);
            // Old value index -> new ref; inputs and constants keep their refs.
            let mut map: Vec<OpRef> = trace.input_refs();
            let get = |map: &Vec<OpRef>, r: OpRef| match r.value_index() {
                Some(i) => map[i],
                None => r,
            };
            for (n, op) in trace.ops.iter().enumerate() {
                if matches!(
                    op.opcode,
                    Opcode::SameAsI | Opcode::SameAsF | Opcode::SameAsR
                ) {
                    map.push(get(&map, op.args[0]));
                    continue;
                }
                let mut new = op.clone();
                for a in new.args.iter_mut() {
                    *a = get(&map, *a);
                }
                if let Some(s) = op.snapshot.and_then(|s| trace.snapshot(s)) {
                    let snap = s.map_values(|r| SnapValue::Value(get(&map, r)));
                    new.snapshot = Some(b.add_snapshot(snap));
                }
                map.push(b.push(new));
                debug_assert_eq!(map.len(), trace.inputs.len() + n + 1);
            }
            Ok(b.finish())
        }
    }

    #[test]
    fn a_pipeline_of_boxed_passes() {
        let text = "\
trace T1 loop
[i0]
label(i0)
i2 = same_as_i(i0)
i3 = int_add(i2, ConstInt(1))
guard_true(i3) [s0] g7
jump(i3)
snapshot s0
  frame code=0x0 pc=0 [i2]
";
        let mut pipeline: Vec<Box<dyn Pass>> = vec![Box::new(ForwardCopies)];
        let mut t = parse(text).unwrap();
        for pass in &mut pipeline {
            t = pass.run(t).unwrap();
            verify(&t).unwrap();
        }
        let want = "\
trace T1 loop
[i0]
label(i0)
i2 = int_add(i0, ConstInt(1))
guard_true(i2) [s0] g7
jump(i2)
snapshot s0
  frame code=0x0 pc=0 [i0]
";
        assert_eq!(print(&t), want);
    }
}
