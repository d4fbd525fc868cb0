//! [`InterpBackend`]: a [`Backend`] that runs traces with the IR interpreter. It gives
//! whole-program behaviour (loops, bridges, jumps between traces) its reference
//! semantics, and lets the tracer be tested without generating machine code.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::backend::{Backend, BackendError, CompiledInfo};
use crate::env::JitEnv;
use crate::ids::{ExitRef, TraceId};
use crate::interp::{interpret, interpret_from_loop_header, Exit, ExitKind, InterpError};
use crate::trace::{Trace, TraceKind};
use crate::verify::verify;

/// Runs compiled traces in the IR interpreter. Like every IR-interpreter run, it keeps
/// values outside the jitframe while running, so it must not be used with calls that move
/// objects.
pub struct InterpBackend {
    env: JitEnv,
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    traces: HashMap<TraceId, Rc<Trace>>,
    bridges: HashMap<ExitRef, Rc<Trace>>,
    /// The largest jitframe any compiled trace needs (a conservative frame size for all).
    frame_size: usize,
}

/// The slots a trace needs: its inputs, and the values of its largest exit.
fn slots_needed(trace: &Trace) -> usize {
    let exits = trace.exits().map(|(_, n)| trace.exit_args(n).len());
    exits.chain([trace.inputs.len(), 1]).max().unwrap_or(1)
}

impl InterpBackend {
    /// A backend running with `env`.
    pub fn new(env: JitEnv) -> InterpBackend {
        InterpBackend {
            env,
            state: RefCell::new(State::default()),
        }
    }

    fn error(&self, message: impl Into<String>) -> BackendError {
        BackendError {
            backend: self.name(),
            message: message.into(),
        }
    }

    fn interp_error(&self, trace: &Trace, e: InterpError) -> BackendError {
        self.error(format!("{}: {e}", trace.id))
    }

    fn add(&self, trace: &Trace) -> Result<(Rc<Trace>, CompiledInfo), BackendError> {
        verify(trace).map_err(|e| self.error(format!("{}: {e}", trace.id)))?;
        let mut st = self.state.borrow_mut();
        if st.traces.contains_key(&trace.id) {
            return Err(self.error(format!("{} is already compiled", trace.id)));
        }
        let rc = Rc::new(trace.clone());
        st.traces.insert(trace.id, rc.clone());
        st.frame_size = st.frame_size.max(slots_needed(trace));
        Ok((
            rc,
            CompiledInfo {
                code_size: 0,
                frame_size: st.frame_size,
            },
        ))
    }

    fn trace(&self, id: TraceId) -> Result<Rc<Trace>, BackendError> {
        let st = self.state.borrow();
        st.traces
            .get(&id)
            .cloned()
            .ok_or_else(|| self.error(format!("unknown trace {id}")))
    }
}

impl Backend for InterpBackend {
    fn name(&self) -> &'static str {
        "interp"
    }

    fn compile_loop(&self, trace: &Trace) -> Result<CompiledInfo, BackendError> {
        if !matches!(trace.kind, TraceKind::Loop | TraceKind::Entry) {
            return Err(self.error(format!("{} is not a loop", trace.id)));
        }
        self.add(trace).map(|(_, info)| info)
    }

    fn compile_bridge(&self, parent: ExitRef, trace: &Trace) -> Result<CompiledInfo, BackendError> {
        let owner = self.trace(parent.trace)?;
        let guard = owner
            .exit_op(parent.exit)
            .filter(|&n| owner.ops[n].opcode.is_guard())
            .ok_or_else(|| self.error(format!("{parent} is not a guard")))?;
        let types: Vec<_> = owner.exit_args(guard).iter().map(|r| r.ty()).collect();
        if types != trace.inputs {
            return Err(self.error(format!(
                "{} takes {:?}, guard {parent} leaves with {types:?}",
                trace.id, trace.inputs
            )));
        }
        if self.state.borrow().bridges.contains_key(&parent) {
            return Err(self.error(format!("{parent} already has a bridge")));
        }
        let (rc, info) = self.add(trace)?;
        self.state.borrow_mut().bridges.insert(parent, rc);
        Ok(info)
    }

    unsafe fn execute(
        &self,
        trace: TraceId,
        jitframe: &mut [u64],
    ) -> Result<ExitRef, BackendError> {
        let mut cur = self.trace(trace)?;
        let need = self.state.borrow().frame_size;
        if !matches!(cur.kind, TraceKind::Loop | TraceKind::Entry) || jitframe.len() < need {
            return Err(self.error(format!("{trace} is not a loop, or the jitframe is short")));
        }
        // SAFETY: forwarded from this function's contract. No borrow of `state` is held
        // while a trace runs, so calls out of it may compile and execute re-entrantly.
        let mut run: Result<Exit, InterpError> =
            unsafe { interpret(&cur, &self.env, &jitframe[..cur.inputs.len()], None) };
        loop {
            let exit = run.map_err(|e| self.interp_error(&cur, e))?;
            let leave = match exit.kind {
                ExitKind::Guard(e) => {
                    let at = ExitRef {
                        trace: cur.id,
                        exit: e,
                    };
                    let bridge = self.state.borrow().bridges.get(&at).cloned();
                    match bridge {
                        Some(b) => {
                            cur = b;
                            // SAFETY: as above.
                            run = unsafe { interpret(&cur, &self.env, &exit.values, None) };
                            continue;
                        }
                        None => at,
                    }
                }
                ExitKind::Finish(e) => ExitRef {
                    trace: cur.id,
                    exit: e,
                },
                ExitKind::Jump(target) => {
                    cur = self.trace(target)?;
                    // SAFETY: as above.
                    run =
                        unsafe { interpret_from_loop_header(&cur, &self.env, &exit.values, None) };
                    continue;
                }
            };
            let slots = jitframe
                .get_mut(..exit.values.len())
                .ok_or_else(|| self.error(format!("the jitframe cannot hold the exit {leave}")))?;
            slots.copy_from_slice(&exit.values);
            return Ok(leave);
        }
    }

    fn frame_size(&self, trace: TraceId) -> Option<usize> {
        let st = self.state.borrow();
        st.traces.contains_key(&trace).then_some(st.frame_size)
    }

    fn disassemble(&self, trace: TraceId) -> Option<String> {
        self.trace(trace).ok().map(|t| crate::print::print(&t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::ExitId;
    use crate::parse::parse;
    use crate::testing::test_env;

    /// Counts `i0` up to `i1`, summing into `i2`; the guard on odd `i0` fails.
    const LOOP: &str = "\
trace T1 loop
[i0, i1, i2]
label(i0, i1, i2)
i4 = int_and(i0, ConstInt(1))
guard_false(i4) [s0] g0
i6 = int_add(i2, i0)
i7 = int_add(i0, ConstInt(1))
i8 = int_lt(i7, i1)
guard_true(i8) [s1] g1
jump(i7, i1, i6)
snapshot s0
  frame code=0x0 pc=0 [i0, i1, i2]
snapshot s1
  frame code=0x0 pc=9 [i6]
";

    /// From the odd guard: adds 100 instead of `i0`, then back to the loop.
    const BRIDGE: &str = "\
trace T2 bridge T1.g0
descr d0 = target T1 (int, int, int)
[i0, i1, i2]
i3 = int_add(i2, ConstInt(100))
i4 = int_add(i0, ConstInt(1))
i5 = int_lt(i4, i1)
guard_true(i5) [s0] g0
jump(i4, i1, i3, descr=d0)
snapshot s0
  frame code=0x0 pc=9 [i3]
";

    #[test]
    fn loops_bridges_and_jumps_between_them() {
        let backend: Box<dyn Backend> = Box::new(InterpBackend::new(test_env()));
        backend.compile_loop(&parse(LOOP).unwrap()).unwrap();
        let mut frame = vec![0u64; backend.frame_size(TraceId(1)).unwrap()];
        frame[..3].copy_from_slice(&[0, 10, 0]);
        // SAFETY: the traces touch no memory.
        let exit = unsafe { backend.execute(TraceId(1), &mut frame) }.unwrap();
        assert_eq!(
            exit,
            ExitRef {
                trace: TraceId(1),
                exit: ExitId(0)
            }
        );
        assert_eq!(frame[..3], [1, 10, 0], "the odd guard's fail args");

        let info = backend
            .compile_bridge(exit, &parse(BRIDGE).unwrap())
            .unwrap();
        assert_eq!(info.frame_size, 3);
        frame[..3].copy_from_slice(&[0, 10, 0]);
        // SAFETY: as above.
        let exit = unsafe { backend.execute(TraceId(1), &mut frame) }.unwrap();
        // 0 + 2 + 4 + 6 + 8 from the loop, 5 * 100 from the bridge; the bridge's guard
        // ends it when i reaches 10.
        assert_eq!(
            exit,
            ExitRef {
                trace: TraceId(2),
                exit: ExitId(0)
            }
        );
        assert_eq!(frame[0], 520);
        assert!(backend
            .disassemble(TraceId(2))
            .unwrap()
            .starts_with("trace T2 bridge T1.g0"));
    }

    #[test]
    fn refuses_bad_requests() {
        let backend = InterpBackend::new(test_env());
        backend.compile_loop(&parse(LOOP).unwrap()).unwrap();
        assert!(
            backend.compile_loop(&parse(LOOP).unwrap()).is_err(),
            "same id twice"
        );
        let parent = ExitRef {
            trace: TraceId(1),
            exit: ExitId(1),
        };
        let e = backend
            .compile_bridge(parent, &parse(BRIDGE).unwrap())
            .unwrap_err();
        assert!(e.message.contains("leaves with"), "{e}");
        let mut short = [0u64; 1];
        // SAFETY: nothing runs.
        assert!(unsafe { backend.execute(TraceId(1), &mut short) }.is_err());
        // SAFETY: nothing runs.
        assert!(unsafe { backend.execute(TraceId(9), &mut short) }.is_err());
    }
}
