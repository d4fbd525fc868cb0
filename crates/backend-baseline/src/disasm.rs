//! Disassembly of emitted code with iced-x86, for `PYRSLOG=jit-backend-dump`: one line
//! per instruction with its address, each block preceded by the IR op (or stub) it
//! comes from as a `;` comment.

use std::fmt::Write;

use iced_x86::{Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter};

/// Disassembles `code`, loaded at `base`; `markers` are (offset, comment) pairs in
/// increasing offset order.
pub(crate) fn disassemble(code: &[u8], base: u64, markers: &[(usize, String)]) -> String {
    let mut out = String::new();
    let mut decoder = Decoder::with_ip(64, code, base, DecoderOptions::NONE);
    let mut formatter = IntelFormatter::new();
    let options = formatter.options_mut();
    options.set_first_operand_char_index(8);
    options.set_hex_prefix("0x");
    options.set_hex_suffix("");
    options.set_uppercase_hex(false);
    options.set_branch_leading_zeros(false);
    options.set_space_after_operand_separator(true);
    let mut instr = Instruction::default();
    let mut text = String::new();
    let mut marks = markers.iter().peekable();
    while decoder.can_decode() {
        decoder.decode_out(&mut instr);
        let offset = (instr.ip() - base) as usize;
        while let Some((_, what)) = marks.next_if(|(at, _)| *at <= offset) {
            let _ = writeln!(out, "; {what}");
        }
        text.clear();
        formatter.format(&instr, &mut text);
        let _ = writeln!(out, "{:#014x}  {text}", instr.ip());
    }
    for (_, what) in marks {
        let _ = writeln!(out, "; {what}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instructions_get_addresses_and_markers_precede_blocks() {
        // push rbp; mov rbp, rsp; ret
        let code = [0x55, 0x48, 0x89, 0xe5, 0xc3];
        let markers = vec![(0, "entry".to_string()), (4, "return".to_string())];
        let text = disassemble(&code, 0x1000, &markers);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 5, "{text}");
        assert_eq!(lines[0], "; entry");
        assert!(lines[1].starts_with("0x000000001000  push"), "{text}");
        assert!(
            lines[2].contains("mov") && lines[2].contains("rbp, rsp"),
            "{text}"
        );
        assert_eq!(lines[3], "; return");
        assert!(lines[4].ends_with("ret"), "{text}");
    }
}
