//! Call templates, per the IR's call ABI: up to six words in `rdi, rsi, rdx, rcx, r8,
//! r9` (floats as their bits), the result word in `rax`. The function address goes to
//! `r11` first; the stack is 16-byte aligned in the body, as the ABI requires.

use dynasmrt::dynasm;
use dynasmrt::x64::Rq;
use pyrs_jit_ir::{Type, MAX_CALL_ARGS};

use super::{not_in_family, Emitter, R};

/// The System V integer argument registers, in order.
const ARG_REGS: [Rq; MAX_CALL_ARGS] = [Rq::RDI, Rq::RSI, Rq::RDX, Rq::RCX, Rq::R8, Rq::R9];

impl<'a> Emitter<'a> {
    pub(super) fn call(&mut self, n: usize) -> R {
        let trace = self.trace;
        let op = &trace.ops[n];
        if !op.opcode.is_call() {
            return Err(not_in_family(op.opcode, "call"));
        }
        let Some((&func, args)) = op.args.split_first() else {
            return Err("a call needs a function address".to_string());
        };
        if args.len() > MAX_CALL_ARGS {
            return Err(format!(
                "{} call arguments, at most {MAX_CALL_ARGS}",
                args.len()
            ));
        }
        self.load(Rq::R11, func)?;
        for (&r, &arg) in ARG_REGS.iter().zip(args) {
            self.load(r, arg)?;
        }
        dynasm!(self.a ; .arch x64 ; call r11);
        if op.result_type() != Type::Void {
            self.store(n, Rq::RAX)?;
        }
        Ok(())
    }
}
