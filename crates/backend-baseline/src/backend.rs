//! [`BaselineBackend`]: the [`Backend`] implementation: compiles loops and bridges with
//! the template emitter, attaches bridges to guard slots and runs loops.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use pyrs_jit_ir::{
    verify, Backend, BackendError, CompiledInfo, Descr, ExitRef, JitEnv, Opcode, Trace, TraceId,
    TraceKind,
};

use crate::code::{Compiled, Registry};
use crate::emit::{self, JumpTarget, Request};
use crate::layout::decode_exit;
use crate::{disasm, entry};

/// The baseline backend: one x86-64 template per IR op, every value in its jitframe slot.
/// Compiles in microseconds; the JIT's first tier.
///
/// All methods take `&self` and may be re-entered from code it is running (a residual
/// call may compile, attach bridges and execute other loops): no internal borrow is held
/// while machine code runs, and published code never moves.
pub struct BaselineBackend {
    env: JitEnv,
    registry: RefCell<Registry>,
}

impl BaselineBackend {
    /// A backend whose code uses `env`'s addresses and hooks.
    pub fn new(env: JitEnv) -> BaselineBackend {
        BaselineBackend {
            env,
            registry: RefCell::new(Registry::default()),
        }
    }

    fn error(&self, message: impl Into<String>) -> BackendError {
        BackendError {
            backend: self.name(),
            message: message.into(),
        }
    }

    /// Checks what every compilation needs: a supported target, a verified trace, a new id.
    fn check_new(&self, trace: &Trace) -> Result<(), BackendError> {
        if !entry::SUPPORTED {
            return Err(self.error(
                "the baseline backend emits x86-64 System V code; this target is not supported",
            ));
        }
        verify(trace).map_err(|e| self.error(format!("{}: {e}", trace.id)))?;
        if self.registry.borrow().get(trace.id).is_some() {
            return Err(self.error(format!("{} is already compiled", trace.id)));
        }
        Ok(())
    }

    /// The compiled loop `trace`'s final `jump` enters, if it names one other than
    /// `trace` itself.
    fn targets(
        &self,
        trace: &Trace,
    ) -> Result<(HashMap<TraceId, JumpTarget>, Option<TraceId>), BackendError> {
        let target = trace
            .ops
            .last()
            .filter(|op| op.opcode == Opcode::Jump)
            .and_then(|op| op.descr)
            .and_then(|d| trace.descr(d))
            .and_then(Descr::as_target)
            .map(|t| t.trace)
            .filter(|&id| id != trace.id);
        let mut targets = HashMap::new();
        if let Some(id) = target {
            let jump = self
                .registry
                .borrow()
                .get(id)
                .and_then(|c| c.as_target())
                .ok_or_else(|| self.error(format!("jump target {id} is not a compiled loop")))?;
            targets.insert(id, jump);
        }
        Ok((targets, target))
    }

    /// Emits `trace` and publishes it.
    fn build(&self, trace: &Trace) -> Result<Rc<Compiled>, BackendError> {
        let (targets, jumps_to) = self.targets(trace)?;
        let out = emit::compile(&Request {
            trace,
            env: &self.env,
            targets: &targets,
        })
        .map_err(|m| self.error(format!("{}: {m}", trace.id)))?;
        let compiled = Rc::new(Compiled {
            kind: trace.kind,
            exits: trace.exits().map(|(e, _)| e).collect(),
            out,
            jumps_to,
        });
        self.registry
            .borrow_mut()
            .insert(trace.id, compiled.clone());
        Ok(compiled)
    }

    fn info(&self, id: TraceId, compiled: &Compiled) -> CompiledInfo {
        CompiledInfo {
            code_size: compiled.out.code.len(),
            frame_size: self.frame_size(id).unwrap_or(compiled.out.need),
        }
    }
}

impl Backend for BaselineBackend {
    fn name(&self) -> &'static str {
        "baseline"
    }

    fn compile_loop(&self, trace: &Trace) -> Result<CompiledInfo, BackendError> {
        if !matches!(trace.kind, TraceKind::Loop | TraceKind::Entry) {
            return Err(self.error(format!("{} is not a loop", trace.id)));
        }
        self.check_new(trace)?;
        let compiled = self.build(trace)?;
        Ok(self.info(trace.id, &compiled))
    }

    fn compile_bridge(&self, parent: ExitRef, trace: &Trace) -> Result<CompiledInfo, BackendError> {
        if trace.kind != (TraceKind::Bridge { parent }) {
            return Err(self.error(format!("{} is not a bridge from {parent}", trace.id)));
        }
        self.check_new(trace)?;
        let owner = self
            .registry
            .borrow()
            .get(parent.trace)
            .ok_or_else(|| self.error(format!("unknown trace {}", parent.trace)))?;
        let index = owner
            .guard_index(parent.exit)
            .ok_or_else(|| self.error(format!("{parent} is not a guard")))?;
        let types = &owner.out.guards[index].fail_types;
        if *types != trace.inputs {
            return Err(self.error(format!(
                "{} takes {:?}, guard {parent} leaves with {types:?}",
                trace.id, trace.inputs
            )));
        }
        if self.registry.borrow().has_bridge(parent) {
            return Err(self.error(format!("{parent} already has a bridge")));
        }
        let compiled = self.build(trace)?;
        // Attaching is one store: from now on the guard's failure path continues in
        // the bridge.
        owner.out.slots[index].set(compiled.entry_addr() as u64);
        self.registry.borrow_mut().attach(parent, trace.id);
        Ok(self.info(trace.id, &compiled))
    }

    unsafe fn execute(
        &self,
        trace: TraceId,
        jitframe: &mut [u64],
    ) -> Result<ExitRef, BackendError> {
        let (entry_addr, need) = {
            let reg = self.registry.borrow();
            let compiled = reg
                .compiled(trace)
                .ok_or_else(|| self.error(format!("unknown trace {trace}")))?;
            if !matches!(compiled.kind, TraceKind::Loop | TraceKind::Entry) {
                return Err(self.error(format!("{trace} is not a loop")));
            }
            (compiled.entry_addr(), reg.frame_size(trace).unwrap_or(0))
        };
        if jitframe.len() < need {
            return Err(self.error(format!(
                "{trace} needs a jitframe of {need} slots, got {}",
                jitframe.len()
            )));
        }
        // SAFETY: `entry_addr` is the prologue of a compiled loop, the jitframe is long
        // enough for every trace reachable from it (bridges attached later check the
        // length themselves), and the caller vouches for the addresses the code uses.
        // No borrow of the registry is held, so the code may re-enter the backend.
        let word = unsafe { entry::enter(entry_addr, jitframe.as_mut_ptr(), jitframe.len()) }
            .ok_or_else(|| self.error("compiled code cannot run on this target"))?;
        let exit = decode_exit(word);
        match self.registry.borrow().compiled(exit.trace) {
            Some(c) if c.exits.contains(&exit.exit) => Ok(exit),
            _ => Err(self.error(format!("compiled code returned an unknown exit {word:#x}"))),
        }
    }

    fn frame_size(&self, trace: TraceId) -> Option<usize> {
        self.registry.borrow().frame_size(trace)
    }

    fn disassemble(&self, trace: TraceId) -> Option<String> {
        let compiled = self.registry.borrow().get(trace)?;
        let code = &compiled.out.code;
        let kind = match compiled.kind {
            TraceKind::Loop => "loop".to_string(),
            TraceKind::Bridge { parent } => format!("bridge from {parent}"),
            TraceKind::Entry => "entry".to_string(),
        };
        let header = format!(
            "; {trace} {kind}: {} bytes at {:#x}, jitframe of {} slots\n",
            code.len(),
            code.as_ptr() as usize,
            compiled.out.need
        );
        let body = disasm::disassemble(code, code.as_ptr() as u64, &compiled.out.markers);
        Some(header + &body)
    }
}
