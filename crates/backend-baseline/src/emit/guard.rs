//! Guards and exits. A guard's check jumps, when it fails, to its out-of-line failure
//! path, which writes the guard's fail args to slots `0..k` and continues through the
//! guard's indirect slot: initially its exit stub (return the exit word), later the
//! entry of the bridge attached to it, whose inputs are exactly those slots.

use dynasmrt::x64::Rq;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};
use pyrs_jit_ir::Opcode;

use super::{not_in_family, Emitter, PendingGuard, R};

impl<'a> Emitter<'a> {
    pub(super) fn guard(&mut self, n: usize) -> R {
        use Opcode::*;
        let opcode = self.trace.ops[n].opcode;
        let fail = self.new_guard(n)?;
        match opcode {
            GuardTrue | GuardNonnull => {
                self.load_arg(Rq::RAX, n, 0)?;
                dynasm!(self.a ; .arch x64 ; test rax, rax ; jz =>fail);
            }
            GuardFalse | GuardIsnull => {
                self.load_arg(Rq::RAX, n, 0)?;
                dynasm!(self.a ; .arch x64 ; test rax, rax ; jnz =>fail);
            }
            GuardValue => {
                self.load_arg(Rq::RAX, n, 0)?;
                let expected = self.arg(n, 1)?;
                match self
                    .trace
                    .konst(expected)
                    .map(|c| i32::try_from(c.bits as i64))
                {
                    Some(Ok(imm)) => dynasm!(self.a ; .arch x64 ; cmp rax, imm ; jne =>fail),
                    _ => {
                        self.load(Rq::RCX, expected)?;
                        dynasm!(self.a ; .arch x64 ; cmp rax, rcx ; jne =>fail);
                    }
                }
            }
            GuardClass => {
                let offset = i32::try_from(self.env.class_offset)
                    .map_err(|_| "the class offset does not fit a displacement".to_string())?;
                self.load_arg(Rq::RAX, n, 0)?;
                self.load_arg(Rq::RCX, n, 1)?;
                dynasm!(self.a ; .arch x64 ; cmp rcx, QWORD [rax + offset] ; jne =>fail);
            }
            GuardNoOverflow => dynasm!(self.a ; .arch x64 ; jo =>fail),
            GuardOverflow => dynasm!(self.a ; .arch x64 ; jno =>fail),
            GuardNoException => {
                self.mov_imm(Rq::RAX, self.env.exc_pending as u64);
                dynasm!(self.a ; .arch x64 ; cmp QWORD [rax], 0 ; jne =>fail);
            }
            GuardNotInvalidated => {
                self.load_arg(Rq::RAX, n, 0)?;
                dynasm!(self.a ; .arch x64 ; cmp QWORD [rax], 0 ; jne =>fail);
            }
            other => return Err(not_in_family(other, "guard")),
        }
        Ok(())
    }

    /// Registers guard op `n` and returns the label of its failure path.
    fn new_guard(&mut self, n: usize) -> Result<DynamicLabel, String> {
        let trace = self.trace;
        let op = &trace.ops[n];
        let exit = op
            .exit
            .ok_or_else(|| format!("`{}` has no exit id", op.opcode))?;
        if self.guards.len() >= self.slots.len() {
            return Err("more guards than counted".to_string());
        }
        let fail = self.a.new_dynamic_label();
        self.guards.push(PendingGuard {
            exit,
            fail,
            fail_args: trace.exit_args(n),
            stub_offset: 0,
        });
        Ok(fail)
    }

    /// Emits every guard's failure path and exit stub, then the epilogue.
    pub(super) fn out_of_line(&mut self) -> R {
        for i in 0..self.guards.len() {
            let (exit, fail, fail_args) = {
                let g = &self.guards[i];
                (g.exit, g.fail, g.fail_args.clone())
            };
            let k = fail_args.len();
            self.mark(format!(
                "guard {exit} failed: fail args to slots 0..{k}, continue through its slot"
            ));
            dynasm!(self.a ; .arch x64 ; =>fail);
            let dsts: Vec<u32> = (0..k as u32).collect();
            self.parallel_move(&dsts, &fail_args)?;
            let slot = self.slots[i].as_ptr() as i64;
            dynasm!(self.a ; .arch x64 ; mov rax, QWORD slot ; jmp QWORD [rax]);
            self.mark(format!("exit stub of guard {exit}"));
            self.guards[i].stub_offset = self.offset();
            let code = self.exit_word(exit) as i64;
            dynasm!(self.a ; .arch x64 ; mov rax, QWORD code ; jmp =>self.epilogue);
        }
        self.epilogue();
        Ok(())
    }
}
