//! Integer templates: arithmetic (wrapping and `_ovf`), shifts, division, comparisons
//! (including `ptr_eq`/`ptr_ne`) and word copies. The first operand goes to `rax`, the
//! second to `rcx` or into the instruction as an immediate; the result comes from `rax`.

use dynasmrt::x64::Rq;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};
use pyrs_jit_ir::Opcode;

use super::{not_in_family, Emitter, R};

/// The second operand of a binary int op.
#[derive(Clone, Copy)]
enum Rhs {
    /// A constant, as a sign-extended 32-bit immediate.
    Imm(i32),
    /// Loaded into `rcx`.
    Rcx,
}

impl<'a> Emitter<'a> {
    fn load_pair(&mut self, n: usize) -> R {
        self.load_arg(Rq::RAX, n, 0)?;
        self.load_arg(Rq::RCX, n, 1)
    }

    /// Loads operand 1 of op `n` as an immediate if it is a constant that fits a
    /// sign-extended 32-bit immediate, else into `rcx`.
    fn load_rhs(&mut self, n: usize) -> Result<Rhs, String> {
        let v = self.arg(n, 1)?;
        if let Some(imm) = self
            .trace
            .konst(v)
            .and_then(|c| i32::try_from(c.as_int()).ok())
        {
            return Ok(Rhs::Imm(imm));
        }
        self.load(Rq::RCX, v)?;
        Ok(Rhs::Rcx)
    }

    pub(super) fn int_binary(&mut self, n: usize) -> R {
        use Opcode::*;
        let opcode = self.trace.ops[n].opcode;
        self.load_arg(Rq::RAX, n, 0)?;
        let rhs = self.load_rhs(n)?;
        match (opcode, rhs) {
            (IntAdd, Rhs::Imm(i)) => dynasm!(self.a ; .arch x64 ; add rax, i),
            (IntAdd, Rhs::Rcx) => dynasm!(self.a ; .arch x64 ; add rax, rcx),
            (IntSub, Rhs::Imm(i)) => dynasm!(self.a ; .arch x64 ; sub rax, i),
            (IntSub, Rhs::Rcx) => dynasm!(self.a ; .arch x64 ; sub rax, rcx),
            (IntMul, Rhs::Imm(i)) => dynasm!(self.a ; .arch x64 ; imul rax, rax, i),
            (IntMul, Rhs::Rcx) => dynasm!(self.a ; .arch x64 ; imul rax, rcx),
            (IntAnd, Rhs::Imm(i)) => dynasm!(self.a ; .arch x64 ; and rax, i),
            (IntAnd, Rhs::Rcx) => dynasm!(self.a ; .arch x64 ; and rax, rcx),
            (IntOr, Rhs::Imm(i)) => dynasm!(self.a ; .arch x64 ; or rax, i),
            (IntOr, Rhs::Rcx) => dynasm!(self.a ; .arch x64 ; or rax, rcx),
            (IntXor, Rhs::Imm(i)) => dynasm!(self.a ; .arch x64 ; xor rax, i),
            (IntXor, Rhs::Rcx) => dynasm!(self.a ; .arch x64 ; xor rax, rcx),
            // 64-bit shifts use the count modulo 64, as the IR defines.
            (IntLshift, Rhs::Imm(i)) => dynasm!(self.a ; .arch x64 ; shl rax, (i & 63) as i8),
            (IntLshift, Rhs::Rcx) => dynasm!(self.a ; .arch x64 ; shl rax, cl),
            (IntRshift, Rhs::Imm(i)) => dynasm!(self.a ; .arch x64 ; sar rax, (i & 63) as i8),
            (IntRshift, Rhs::Rcx) => dynasm!(self.a ; .arch x64 ; sar rax, cl),
            (UintRshift, Rhs::Imm(i)) => dynasm!(self.a ; .arch x64 ; shr rax, (i & 63) as i8),
            (UintRshift, Rhs::Rcx) => dynasm!(self.a ; .arch x64 ; shr rax, cl),
            (other, _) => return Err(not_in_family(other, "binary int")),
        }
        self.store(n, Rq::RAX)
    }

    /// `_ovf` ops: the flags of the arithmetic instruction reach the guard that directly
    /// follows (the result store is a `mov`, which keeps them).
    pub(super) fn int_ovf(&mut self, n: usize) -> R {
        use Opcode::*;
        let opcode = self.trace.ops[n].opcode;
        self.load_arg(Rq::RAX, n, 0)?;
        let rhs = self.load_rhs(n)?;
        match (opcode, rhs) {
            (IntAddOvf, Rhs::Imm(i)) => dynasm!(self.a ; .arch x64 ; add rax, i),
            (IntAddOvf, Rhs::Rcx) => dynasm!(self.a ; .arch x64 ; add rax, rcx),
            (IntSubOvf, Rhs::Imm(i)) => dynasm!(self.a ; .arch x64 ; sub rax, i),
            (IntSubOvf, Rhs::Rcx) => dynasm!(self.a ; .arch x64 ; sub rax, rcx),
            (IntMulOvf, Rhs::Imm(i)) => dynasm!(self.a ; .arch x64 ; imul rax, rax, i),
            (IntMulOvf, Rhs::Rcx) => dynasm!(self.a ; .arch x64 ; imul rax, rcx),
            (other, _) => return Err(not_in_family(other, "overflow-checked int")),
        }
        self.store(n, Rq::RAX)
    }

    /// `int_floordiv` / `int_mod` (C semantics). The IR leaves `b == 0` and
    /// `i64::MIN / -1` undefined; rather than letting `idiv` trap, a divisor of `-1`
    /// gives the wrapping result and a divisor of 0 gives 0.
    pub(super) fn int_div(&mut self, n: usize) -> R {
        let opcode = self.trace.ops[n].opcode;
        let quotient = match opcode {
            Opcode::IntFloordiv => true,
            Opcode::IntMod => false,
            other => return Err(not_in_family(other, "int division")),
        };
        let divisor = self.trace.konst(self.arg(n, 1)?).map(|c| c.as_int());
        self.load_pair(n)?;
        let safe = !matches!(divisor, Some(0 | -1) | None);
        if !safe {
            dynasm!(self.a
                ; .arch x64
                ; cmp rcx, -1
                ; je >minus_one
                ; test rcx, rcx
                ; jz >zero
            );
        }
        dynasm!(self.a ; .arch x64 ; cqo ; idiv rcx);
        if !quotient {
            dynasm!(self.a ; .arch x64 ; mov rax, rdx);
        }
        if !safe {
            dynasm!(self.a ; .arch x64 ; jmp >done ; minus_one:);
            if quotient {
                dynasm!(self.a ; .arch x64 ; neg rax ; jmp >done);
            } else {
                dynasm!(self.a ; .arch x64 ; xor eax, eax ; jmp >done);
            }
            dynasm!(self.a ; .arch x64 ; zero: ; xor eax, eax ; done:);
        }
        self.store(n, Rq::RAX)
    }

    pub(super) fn int_unary(&mut self, n: usize) -> R {
        use Opcode::*;
        let opcode = self.trace.ops[n].opcode;
        self.load_arg(Rq::RAX, n, 0)?;
        match opcode {
            IntNeg => dynasm!(self.a ; .arch x64 ; neg rax),
            IntInvert => dynasm!(self.a ; .arch x64 ; not rax),
            IntIsTrue => dynasm!(self.a
                ; .arch x64
                ; test rax, rax
                ; setnz al
                ; movzx eax, al
            ),
            IntIsZero => dynasm!(self.a
                ; .arch x64
                ; test rax, rax
                ; setz al
                ; movzx eax, al
            ),
            other => return Err(not_in_family(other, "unary int")),
        }
        self.store(n, Rq::RAX)
    }

    pub(super) fn int_compare(&mut self, n: usize) -> R {
        use Opcode::*;
        let opcode = self.trace.ops[n].opcode;
        self.load_arg(Rq::RAX, n, 0)?;
        match self.load_rhs(n)? {
            Rhs::Imm(i) => dynasm!(self.a ; .arch x64 ; cmp rax, i),
            Rhs::Rcx => dynasm!(self.a ; .arch x64 ; cmp rax, rcx),
        }
        match opcode {
            IntLt => dynasm!(self.a ; .arch x64 ; setl al),
            IntLe => dynasm!(self.a ; .arch x64 ; setle al),
            IntEq | PtrEq => dynasm!(self.a ; .arch x64 ; sete al),
            IntNe | PtrNe => dynasm!(self.a ; .arch x64 ; setne al),
            IntGt => dynasm!(self.a ; .arch x64 ; setg al),
            IntGe => dynasm!(self.a ; .arch x64 ; setge al),
            UintLt => dynasm!(self.a ; .arch x64 ; setb al),
            UintGe => dynasm!(self.a ; .arch x64 ; setae al),
            other => return Err(not_in_family(other, "int comparison")),
        }
        dynasm!(self.a ; .arch x64 ; movzx eax, al);
        self.store(n, Rq::RAX)
    }

    /// `same_as_*` and the pointer/int casts: the word is copied unchanged.
    pub(super) fn copy(&mut self, n: usize) -> R {
        use Opcode::*;
        match self.trace.ops[n].opcode {
            CastPtrToInt | CastIntToPtr | SameAsI | SameAsF | SameAsR => {
                self.load_arg(Rq::RAX, n, 0)?;
                self.store(n, Rq::RAX)
            }
            other => Err(not_in_family(other, "copy")),
        }
    }
}
