//! Float templates (SSE2): arithmetic in `xmm0`/`xmm1`, comparisons with the IEEE
//! unordered cases spelled out, sign-bit ops on the word, and the int/float casts.

use dynasmrt::x64::{Rq, Rx};
use dynasmrt::{dynasm, DynasmApi};
use pyrs_jit_ir::Opcode;

use super::{not_in_family, Emitter, R};

impl<'a> Emitter<'a> {
    pub(super) fn float_binary(&mut self, n: usize) -> R {
        use Opcode::*;
        let opcode = self.trace.ops[n].opcode;
        self.load_arg_xmm(Rx::XMM0, n, 0)?;
        self.load_arg_xmm(Rx::XMM1, n, 1)?;
        match opcode {
            FloatAdd => dynasm!(self.a ; .arch x64 ; addsd xmm0, xmm1),
            FloatSub => dynasm!(self.a ; .arch x64 ; subsd xmm0, xmm1),
            FloatMul => dynasm!(self.a ; .arch x64 ; mulsd xmm0, xmm1),
            FloatTruediv => dynasm!(self.a ; .arch x64 ; divsd xmm0, xmm1),
            other => return Err(not_in_family(other, "binary float")),
        }
        self.store_xmm(n, Rx::XMM0)
    }

    pub(super) fn float_unary(&mut self, n: usize) -> R {
        use Opcode::*;
        match self.trace.ops[n].opcode {
            // Sign-bit ops work on the word, exactly as the IR defines them (NaNs too).
            FloatNeg => {
                self.load_arg(Rq::RAX, n, 0)?;
                dynasm!(self.a ; .arch x64 ; btc rax, 63);
                self.store(n, Rq::RAX)
            }
            FloatAbs => {
                self.load_arg(Rq::RAX, n, 0)?;
                dynasm!(self.a ; .arch x64 ; btr rax, 63);
                self.store(n, Rq::RAX)
            }
            FloatSqrt => {
                self.load_arg_xmm(Rx::XMM0, n, 0)?;
                dynasm!(self.a ; .arch x64 ; sqrtsd xmm0, xmm0);
                self.store_xmm(n, Rx::XMM0)
            }
            CastIntToFloat => {
                self.load_arg(Rq::RAX, n, 0)?;
                dynasm!(self.a ; .arch x64 ; xorps xmm0, xmm0 ; cvtsi2sd xmm0, rax);
                self.store_xmm(n, Rx::XMM0)
            }
            // Truncates toward zero; out-of-range operands (undefined in the IR) give
            // `i64::MIN` instead of trapping.
            CastFloatToInt => {
                self.load_arg_xmm(Rx::XMM0, n, 0)?;
                dynasm!(self.a ; .arch x64 ; cvttsd2si rax, xmm0);
                self.store(n, Rq::RAX)
            }
            other => Err(not_in_family(other, "unary float")),
        }
    }

    /// `ucomisd` sets ZF, PF and CF for unordered operands: `a > b` is `seta` (CF = ZF
    /// = 0, false on NaN), `a < b` is `b > a`, `==` needs ZF and not PF, `!=` is the
    /// negation.
    pub(super) fn float_compare(&mut self, n: usize) -> R {
        use Opcode::*;
        let opcode = self.trace.ops[n].opcode;
        self.load_arg_xmm(Rx::XMM0, n, 0)?;
        self.load_arg_xmm(Rx::XMM1, n, 1)?;
        match opcode {
            FloatLt => dynasm!(self.a ; .arch x64 ; ucomisd xmm1, xmm0 ; seta al),
            FloatLe => dynasm!(self.a ; .arch x64 ; ucomisd xmm1, xmm0 ; setae al),
            FloatGt => dynasm!(self.a ; .arch x64 ; ucomisd xmm0, xmm1 ; seta al),
            FloatGe => dynasm!(self.a ; .arch x64 ; ucomisd xmm0, xmm1 ; setae al),
            FloatEq => dynasm!(self.a
                ; .arch x64
                ; ucomisd xmm0, xmm1
                ; sete al
                ; setnp cl
                ; and al, cl
            ),
            FloatNe => dynasm!(self.a
                ; .arch x64
                ; ucomisd xmm0, xmm1
                ; setne al
                ; setp cl
                ; or al, cl
            ),
            other => return Err(not_in_family(other, "float comparison")),
        }
        dynasm!(self.a ; .arch x64 ; movzx eax, al);
        self.store(n, Rq::RAX)
    }
}
