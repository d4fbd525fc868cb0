//! Memory templates: fields and array items of GC objects and raw memory (sizes 1, 2,
//! 4 and 8, sign- or zero-extended), array lengths, and the write barrier's fast path
//! before a reference store into a GC object. Addresses are formed in `rax` (index in
//! `rcx`); stored values travel in `rdx`.

use dynasmrt::x64::Rq;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};
use pyrs_jit_ir::{ArrayDescr, Descr, FieldDescr, Opcode, Type};

use super::{not_in_family, Emitter, R};

/// A descriptor offset as an `i32` displacement.
fn displacement(offset: u32) -> Result<i32, String> {
    i32::try_from(offset).map_err(|_| format!("offset {offset} does not fit a displacement"))
}

impl<'a> Emitter<'a> {
    /// Op `n`'s descriptor.
    pub(super) fn descr(&self, n: usize) -> Result<&'a Descr, String> {
        let trace = self.trace;
        let op = &trace.ops[n];
        op.descr
            .and_then(|d| trace.descr(d))
            .ok_or_else(|| format!("`{}` has no descriptor", op.opcode))
    }

    fn field_descr(&self, n: usize) -> Result<&'a FieldDescr, String> {
        self.descr(n)?
            .as_field()
            .ok_or_else(|| "expected a field descriptor".to_string())
    }

    pub(super) fn array_descr(&self, n: usize) -> Result<&'a ArrayDescr, String> {
        self.descr(n)?
            .as_array()
            .ok_or_else(|| "expected an array descriptor".to_string())
    }

    /// Puts operand 0 of op `n` (an object or raw address) in `rax`; the field is at
    /// `[rax + returned displacement]`.
    fn field_address(&mut self, n: usize, d: &FieldDescr) -> Result<i32, String> {
        let disp = displacement(d.offset)?;
        self.load_arg(Rq::RAX, n, 0)?;
        Ok(disp)
    }

    /// Puts the address of item (operand 1) of array (operand 0) of op `n`, minus the
    /// returned displacement, in `rax`: `base + base_offset + index * item_size`, wrapping.
    fn item_address(&mut self, n: usize, d: &ArrayDescr) -> Result<i32, String> {
        self.load_arg(Rq::RAX, n, 0)?;
        let index = self.arg(n, 1)?;
        if let Some(c) = self.trace.konst(index) {
            let total =
                (d.base_offset as u64).wrapping_add(c.bits.wrapping_mul(d.item_size as u64));
            return match i32::try_from(total as i64) {
                Ok(disp) => Ok(disp),
                Err(_) => {
                    self.mov_imm(Rq::RCX, total);
                    dynasm!(self.a ; .arch x64 ; add rax, rcx);
                    Ok(0)
                }
            };
        }
        let disp = displacement(d.base_offset)?;
        self.load(Rq::RCX, index)?;
        match d.item_size {
            1 => dynasm!(self.a ; .arch x64 ; add rax, rcx),
            2 => dynasm!(self.a ; .arch x64 ; lea rax, [rax + rcx * 2]),
            4 => dynasm!(self.a ; .arch x64 ; lea rax, [rax + rcx * 4]),
            8 => dynasm!(self.a ; .arch x64 ; lea rax, [rax + rcx * 8]),
            size => return Err(format!("item size {size} is not 1, 2, 4 or 8")),
        }
        Ok(disp)
    }

    /// `rax = [rax + disp]`, `size` bytes, sign- or zero-extended.
    fn load_sized(&mut self, disp: i32, size: u8, signed: bool) -> R {
        match (size, signed) {
            (8, _) => dynasm!(self.a ; .arch x64 ; mov rax, QWORD [rax + disp]),
            (4, true) => dynasm!(self.a ; .arch x64 ; movsxd rax, DWORD [rax + disp]),
            (4, false) => dynasm!(self.a ; .arch x64 ; mov eax, DWORD [rax + disp]),
            (2, true) => dynasm!(self.a ; .arch x64 ; movsx rax, WORD [rax + disp]),
            (2, false) => dynasm!(self.a ; .arch x64 ; movzx eax, WORD [rax + disp]),
            (1, true) => dynasm!(self.a ; .arch x64 ; movsx rax, BYTE [rax + disp]),
            (1, false) => dynasm!(self.a ; .arch x64 ; movzx eax, BYTE [rax + disp]),
            _ => return Err(format!("memory size {size} is not 1, 2, 4 or 8")),
        }
        Ok(())
    }

    /// `[rax + disp] = rdx`, the low `size` bytes.
    fn store_sized(&mut self, disp: i32, size: u8) -> R {
        match size {
            8 => dynasm!(self.a ; .arch x64 ; mov QWORD [rax + disp], rdx),
            4 => dynasm!(self.a ; .arch x64 ; mov DWORD [rax + disp], edx),
            2 => dynasm!(self.a ; .arch x64 ; mov WORD [rax + disp], dx),
            1 => dynasm!(self.a ; .arch x64 ; mov BYTE [rax + disp], dl),
            _ => return Err(format!("memory size {size} is not 1, 2, 4 or 8")),
        }
        Ok(())
    }

    /// The write barrier's fast path on operand 0 of op `n`: call the slow path only if
    /// the object's header has one of the flag bits set. The slow path never collects.
    fn write_barrier(&mut self, n: usize) -> R {
        let Some(wb) = self.env.write_barrier else {
            return Ok(());
        };
        self.load_arg(Rq::RDI, n, 0)?;
        dynasm!(self.a ; .arch x64 ; mov rax, QWORD [rdi]);
        match i32::try_from(wb.flag_mask) {
            Ok(mask) => dynasm!(self.a ; .arch x64 ; test rax, mask),
            Err(_) => {
                self.mov_imm(Rq::RCX, wb.flag_mask);
                dynasm!(self.a ; .arch x64 ; test rax, rcx);
            }
        }
        let slow = wb.slow as usize as i64;
        dynasm!(self.a
            ; .arch x64
            ; jz >clean
            ; mov rax, QWORD slow
            ; call rax
            ; clean:
        );
        Ok(())
    }

    pub(super) fn getfield(&mut self, n: usize) -> R {
        use Opcode::*;
        match self.trace.ops[n].opcode {
            GetfieldGcI | GetfieldGcF | GetfieldGcR | GetfieldRawI => {}
            other => return Err(not_in_family(other, "field load")),
        }
        let d = self.field_descr(n)?;
        let disp = self.field_address(n, d)?;
        self.load_sized(disp, d.size, d.signed)?;
        self.store(n, Rq::RAX)
    }

    pub(super) fn setfield(&mut self, n: usize) -> R {
        let gc = match self.trace.ops[n].opcode {
            Opcode::SetfieldGc => true,
            Opcode::SetfieldRaw => false,
            other => return Err(not_in_family(other, "field store")),
        };
        let d = self.field_descr(n)?;
        if gc && d.ty == Type::Ref {
            self.write_barrier(n)?;
        }
        let disp = self.field_address(n, d)?;
        self.load_arg(Rq::RDX, n, 1)?;
        self.store_sized(disp, d.size)
    }

    pub(super) fn getarrayitem(&mut self, n: usize) -> R {
        use Opcode::*;
        match self.trace.ops[n].opcode {
            GetarrayitemGcI | GetarrayitemGcF | GetarrayitemGcR | GetarrayitemRawI
            | GetarrayitemRawF | GetarrayitemRawR => {}
            other => return Err(not_in_family(other, "array load")),
        }
        let d = self.array_descr(n)?;
        let disp = self.item_address(n, d)?;
        self.load_sized(disp, d.item_size, d.signed)?;
        self.store(n, Rq::RAX)
    }

    pub(super) fn setarrayitem(&mut self, n: usize) -> R {
        let gc = match self.trace.ops[n].opcode {
            Opcode::SetarrayitemGc => true,
            Opcode::SetarrayitemRaw => false,
            other => return Err(not_in_family(other, "array store")),
        };
        let d = self.array_descr(n)?;
        if gc && d.ty == Type::Ref {
            self.write_barrier(n)?;
        }
        let disp = self.item_address(n, d)?;
        self.load_arg(Rq::RDX, n, 2)?;
        self.store_sized(disp, d.item_size)
    }

    pub(super) fn arraylen(&mut self, n: usize) -> R {
        if self.trace.ops[n].opcode != Opcode::ArraylenGc {
            return Err(not_in_family(self.trace.ops[n].opcode, "array length"));
        }
        let d = self.array_descr(n)?;
        let disp = displacement(d.len_offset)?;
        self.load_arg(Rq::RAX, n, 0)?;
        self.load_sized(disp, 8, false)?;
        self.store(n, Rq::RAX)
    }
}
