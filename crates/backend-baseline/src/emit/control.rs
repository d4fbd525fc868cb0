//! Control flow: entry and epilogue, `label`, `jump` (to this loop or another one),
//! `finish`, and the parallel moves they need.

use dynasmrt::x64::Rq;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};
use pyrs_jit_ir::{Descr, ExitRef, Op, OpRef, Type};

use super::{Emitter, JumpTarget, R};
use crate::layout::{disp, exit_code};
use crate::moves::{sequentialize, Src, Step};

/// Where a `jump` goes.
enum Dest<'t> {
    /// This trace's own loop header.
    Own,
    /// Another compiled loop's header.
    Other(&'t JumpTarget),
}

impl<'a> Emitter<'a> {
    /// A loop's entry: called as `extern "sysv64" fn(jitframe: *mut u64, len: u64) -> u64`.
    /// Saves the callee-saved registers it uses; the stack is then 16-byte aligned.
    pub(super) fn prologue(&mut self) {
        self.mark("entry: rbx = jitframe, r12 = its length in slots".to_string());
        dynasm!(self.a
            ; .arch x64
            ; push rbp
            ; mov rbp, rsp
            ; push rbx
            ; push r12
            ; mov rbx, rdi
            ; mov r12, rsi
        );
    }

    /// A bridge's entry: if the jitframe is too short for the bridge (it was attached
    /// while a shorter jitframe was running), leave as the parent guard would have: its
    /// fail args are already in slots `0..k`.
    pub(super) fn bridge_entry(&mut self, parent: ExitRef, need: usize) -> R {
        self.mark(format!("bridge entry: the jitframe needs {need} slots"));
        let need = i32::try_from(need).map_err(|_| format!("{need} slots do not fit a check"))?;
        let code = exit_code(parent) as i64;
        dynasm!(self.a
            ; .arch x64
            ; cmp r12, need
            ; jae >enough
            ; mov rax, QWORD code
            ; jmp =>self.epilogue
            ; enough:
        );
        Ok(())
    }

    /// The shared epilogue: the exit word is in `rax`.
    pub(super) fn epilogue(&mut self) {
        self.mark("epilogue: return the exit word in rax".to_string());
        dynasm!(self.a
            ; .arch x64
            ; =>self.epilogue
            ; pop r12
            ; pop rbx
            ; pop rbp
            ; ret
        );
    }

    pub(super) fn label(&mut self, n: usize) -> R {
        if let Some((at, label)) = self.loop_label {
            if at == n {
                self.loop_label_offset = Some(self.offset());
                dynasm!(self.a ; .arch x64 ; =>label);
            }
        }
        Ok(())
    }

    /// The loop a `jump` goes to, if not this trace's own header.
    pub(super) fn jump_target(&self, op: &Op) -> Result<Option<&'a JumpTarget>, String> {
        let Some(d) = op.descr else {
            return Ok(None);
        };
        let Some(Descr::Target(t)) = self.trace.descr(d) else {
            return Err(format!("`jump` has descriptor {d}, not a jump target"));
        };
        if let (true, Some((at, _))) = (t.trace == self.trace.id, self.loop_label) {
            let own: Vec<Type> = self.trace.ops[at].args.types().collect();
            if own != t.args {
                return Err(format!(
                    "jump target {} takes {own:?}, the descriptor says {:?}",
                    t.trace, t.args
                ));
            }
            return Ok(None);
        }
        let target = self
            .targets
            .get(&t.trace)
            .ok_or_else(|| format!("jump target {} is not a compiled loop", t.trace))?;
        if target.label_types != t.args {
            return Err(format!(
                "jump target {} takes {:?}, the descriptor says {:?}",
                t.trace, target.label_types, t.args
            ));
        }
        Ok(Some(target))
    }

    pub(super) fn jump(&mut self, n: usize) -> R {
        let trace = self.trace;
        let op = &trace.ops[n];
        let dest = match self.jump_target(op)? {
            Some(t) => Dest::Other(t),
            None => Dest::Own,
        };
        let dsts: Vec<u32> = match dest {
            Dest::Other(t) => t.label_slots.clone(),
            Dest::Own => {
                let (at, _) = self
                    .loop_label
                    .ok_or("`jump` without target in a trace without label")?;
                let label = &trace.ops[at].args;
                label
                    .iter()
                    .map(|&r| self.layout.slot(r).ok_or(format!("`{r}` has no slot")))
                    .collect::<Result<_, _>>()?
            }
        };
        if dsts.len() != op.args.len() {
            return Err(format!(
                "`jump` passes {} values to a label taking {}",
                op.args.len(),
                dsts.len()
            ));
        }
        self.parallel_move(&dsts, &op.args)?;
        match dest {
            Dest::Other(t) => {
                let addr = t.label_addr as i64;
                dynasm!(self.a ; .arch x64 ; mov rax, QWORD addr ; jmp rax);
            }
            Dest::Own => {
                let (_, label) = self.loop_label.ok_or("no loop header")?;
                dynasm!(self.a ; .arch x64 ; jmp =>label);
            }
        }
        Ok(())
    }

    pub(super) fn finish(&mut self, n: usize) -> R {
        let trace = self.trace;
        let op = &trace.ops[n];
        let exit = op.exit.ok_or("`finish` without exit id")?;
        let dsts: Vec<u32> = (0..op.args.len() as u32).collect();
        self.parallel_move(&dsts, &op.args)?;
        let code = self.exit_word(exit) as i64;
        dynasm!(self.a ; .arch x64 ; mov rax, QWORD code ; jmp =>self.epilogue);
        Ok(())
    }

    /// Writes `values` to slots `dsts` as one parallel assignment (`rax` and `r11`
    /// are clobbered).
    pub(super) fn parallel_move(&mut self, dsts: &[u32], values: &[OpRef]) -> R {
        let moves = dsts
            .iter()
            .zip(values)
            .map(|(&d, &v)| Ok((d, self.src(v)?)))
            .collect::<Result<Vec<(u32, Src)>, String>>()?;
        for step in sequentialize(&moves) {
            match step {
                Step::Save(s) => dynasm!(self.a ; .arch x64 ; mov r11, QWORD [rbx + disp(s)]),
                Step::Copy { dst, src } => {
                    let d = disp(dst);
                    match src {
                        Src::Slot(s) => dynasm!(self.a
                            ; .arch x64
                            ; mov rax, QWORD [rbx + disp(s)]
                            ; mov QWORD [rbx + d], rax
                        ),
                        Src::Temp => dynasm!(self.a ; .arch x64 ; mov QWORD [rbx + d], r11),
                        Src::Const(c) => match i32::try_from(c as i64) {
                            Ok(imm) => dynasm!(self.a ; .arch x64 ; mov QWORD [rbx + d], imm),
                            Err(_) => {
                                self.mov_imm(Rq::RAX, c);
                                dynasm!(self.a ; .arch x64 ; mov QWORD [rbx + d], rax);
                            }
                        },
                    }
                }
            }
        }
        Ok(())
    }
}
