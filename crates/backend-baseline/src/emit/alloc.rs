//! Allocation templates: `new` and `new_array`. With a nursery, the fast path bumps
//! `*nursery_free` by the rounded size when the result stays `<= *nursery_top`, zeroes
//! the object and writes its header; otherwise (and always without a nursery) it calls
//! `env.alloc(size, header)`, which never collects. Sizes are rounded as the IR
//! interpreter does: at least 8, up to a multiple of 8.

use dynasmrt::x64::Rq;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};
use pyrs_jit_ir::Opcode;

use super::{not_in_family, Emitter, R};

/// Objects up to this many words are zeroed with unrolled stores, larger ones with
/// `rep stosq`.
const UNROLLED_WORDS: u64 = 16;

impl<'a> Emitter<'a> {
    pub(super) fn new_object(&mut self, n: usize) -> R {
        if self.trace.ops[n].opcode != Opcode::New {
            return Err(not_in_family(self.trace.ops[n].opcode, "allocation"));
        }
        let d = self
            .descr(n)?
            .as_size()
            .ok_or_else(|| "`new` needs a size descriptor".to_string())?;
        let size = (d.size as u64).max(8).next_multiple_of(8);
        let header = d.header;
        if self.env.has_nursery() {
            self.mov_imm(Rq::RCX, self.env.nursery_free as u64);
            dynasm!(self.a ; .arch x64 ; mov rax, QWORD [rcx] ; mov rdx, rax);
            self.mov_imm(Rq::RSI, size);
            dynasm!(self.a ; .arch x64 ; add rdx, rsi ; jc >slow);
            self.mov_imm(Rq::RSI, self.env.nursery_top as u64);
            dynasm!(self.a
                ; .arch x64
                ; cmp rdx, QWORD [rsi]
                ; ja >slow
                ; mov QWORD [rcx], rdx
            );
            self.fill_fixed(size / 8, header);
            dynasm!(self.a ; .arch x64 ; jmp >done ; slow:);
            self.mov_imm(Rq::RDI, size);
            self.call_alloc(header);
            dynasm!(self.a ; .arch x64 ; done:);
        } else {
            self.mov_imm(Rq::RDI, size);
            self.call_alloc(header);
        }
        self.store(n, Rq::RAX)
    }

    /// Zeroes the `words`-word object at `rax` and writes its header (keeps `rax`).
    fn fill_fixed(&mut self, words: u64, header: u64) {
        if words - 1 <= UNROLLED_WORDS {
            for i in 1..words {
                let d = (i * 8) as i32;
                dynasm!(self.a ; .arch x64 ; mov QWORD [rax + d], 0);
            }
        } else {
            self.mov_imm(Rq::RCX, words - 1);
            dynasm!(self.a
                ; .arch x64
                ; mov rdx, rax
                ; lea rdi, [rax + 8]
                ; xor eax, eax
                ; rep stosq
                ; mov rax, rdx
            );
        }
        self.mov_imm(Rq::RDX, header);
        dynasm!(self.a ; .arch x64 ; mov QWORD [rax], rdx);
    }

    /// Calls `env.alloc(rdi, header)`; the object comes back in `rax`.
    fn call_alloc(&mut self, header: u64) {
        self.mov_imm(Rq::RSI, header);
        self.mov_imm(Rq::RAX, self.env.alloc as usize as u64);
        dynasm!(self.a ; .arch x64 ; call rax);
    }

    pub(super) fn new_array(&mut self, n: usize) -> R {
        if self.trace.ops[n].opcode != Opcode::NewArray {
            return Err(not_in_family(self.trace.ops[n].opcode, "array allocation"));
        }
        let d = self.array_descr(n)?;
        let len_offset = i32::try_from(d.len_offset)
            .map_err(|_| format!("length offset {} does not fit", d.len_offset))?;
        let header = d.header;
        // rdx = max(8, round8(len * item_size + base_offset)); a negative length is
        // undefined in the IR (here: a huge size that the nursery check rejects).
        self.load_arg(Rq::RAX, n, 0)?;
        dynasm!(self.a ; .arch x64 ; mov rdx, rax);
        match d.item_size {
            1 => {}
            2 => dynasm!(self.a ; .arch x64 ; shl rdx, 1),
            4 => dynasm!(self.a ; .arch x64 ; shl rdx, 2),
            8 => dynasm!(self.a ; .arch x64 ; shl rdx, 3),
            size => return Err(format!("item size {size} is not 1, 2, 4 or 8")),
        }
        self.mov_imm(Rq::RCX, d.base_offset as u64 + 7);
        dynasm!(self.a
            ; .arch x64
            ; add rdx, rcx
            ; and rdx, -8
            ; cmp rdx, 8
            ; jae >sized
            ; mov edx, 8
            ; sized:
        );
        if self.env.has_nursery() {
            self.mov_imm(Rq::RCX, self.env.nursery_free as u64);
            dynasm!(self.a
                ; .arch x64
                ; mov rax, QWORD [rcx]
                ; mov r8, rax
                ; add r8, rdx
                ; jc >slow
            );
            self.mov_imm(Rq::RSI, self.env.nursery_top as u64);
            dynasm!(self.a
                ; .arch x64
                ; cmp r8, QWORD [rsi]
                ; ja >slow
                ; mov QWORD [rcx], r8
                ; mov r8, rax
                ; mov rdi, rax
                ; mov rcx, rdx
                ; shr rcx, 3
                ; xor eax, eax
                ; rep stosq
                ; mov rax, r8
            );
            self.mov_imm(Rq::RDX, header);
            dynasm!(self.a ; .arch x64 ; mov QWORD [rax], rdx ; jmp >done ; slow:);
        }
        dynasm!(self.a ; .arch x64 ; mov rdi, rdx);
        self.call_alloc(header);
        dynasm!(self.a ; .arch x64 ; done:);
        self.load_arg(Rq::RCX, n, 0)?;
        dynasm!(self.a ; .arch x64 ; mov QWORD [rax + len_offset], rcx);
        self.store(n, Rq::RAX)
    }
}
