//! Stack effects of instructions and a verifier that simulates a code object's value stack.
//!
//! [`stack_effect`] is the one table of stack effects; the assembler uses it to compute the
//! depth of exception handlers, [`verify`] to check every code object the compiler emits
//! (consistent depths on all paths including handlers, never negative, exactly one item at
//! `ReturnValue`), and the interpreter may use [`verify`]'s result as the frame's stack size.

use crate::bytecode::{CodeObject, Const, Op};

/// Net stack effect of `op` with `arg`, on the branch taken (`jump`) or the fall-through.
pub fn stack_effect(op: Op, arg: u32, jump: bool) -> i32 {
    let a = arg as i32;
    use Op::*;
    match op {
        Nop | Swap | DeleteFast | DeleteDeref | DeleteName | DeleteGlobal | LoadAttr | UnaryOp
        | ListToTuple | Jump | JumpBackward | GetIter | YieldValue | GetYieldFromIter
        | GetAwaitable | GetAIter | CheckExcMatch | CheckEgMatch | SetupAnnotations
        | CopyDictWithoutKeys => 0,
        PopTop | StoreFast | StoreDeref | StoreName | StoreGlobal | DeleteAttr | BinaryOp
        | CompareOp | IsOp | ContainsOp | BinarySubscr | ListAppend | SetAdd | ListExtend
        | SetUpdate | DictUpdate | DictMerge | PopJumpIfFalse | PopJumpIfTrue | PopJumpIfNone
        | PopJumpIfNotNone | ReturnValue | PopExcept | Reraise | PrepReraiseStar | ImportName
        | ImportStar | PrintExpr => -1,
        Copy | LoadConst | LoadFast | LoadDeref | LoadClosure | LoadClassDeref | LoadName
        | LoadGlobal | LoadMethod | GetANext | PushExcInfo | LoadAssertionError | BeforeWith
        | BeforeAsyncWith | WithExceptStart | LoadBuildClass | ImportFrom | GetLen
        | MatchMapping | MatchSequence | MatchKeys => 1,
        StoreAttr | DeleteSubscr | MapAdd | EndAsyncFor | MatchClass => -2,
        StoreSubscr => -3,
        CallMethod | CallKw => -(a + 1),
        Call => -a,
        CallFunctionEx => -1 - (a & 1),
        BuildSlice | BuildTuple | BuildList | BuildSet | BuildString => 1 - a,
        BuildMap => 1 - 2 * a,
        BuildConstKeyMap => -a,
        FormatValue => {
            if arg & 4 != 0 {
                -1
            } else {
                0
            }
        }
        UnpackSequence => a - 1,
        UnpackEx => (a & 0xff) + (a >> 8),
        JumpIfFalseOrPop | JumpIfTrueOrPop => {
            if jump {
                0
            } else {
                -1
            }
        }
        ForIter => {
            if jump {
                -1
            } else {
                1
            }
        }
        Send => {
            if jump {
                -1
            } else {
                0
            }
        }
        RaiseVarargs => -a,
        MakeFunction => -((arg & 0xf).count_ones() as i32),
    }
}

/// Whether control never falls through to the next instruction.
pub fn is_terminal(op: Op) -> bool {
    matches!(
        op,
        Op::Jump | Op::JumpBackward | Op::ReturnValue | Op::RaiseVarargs | Op::Reraise
    )
}

/// Whether control may continue at the argument (a jump target).
fn branches(op: Op) -> bool {
    op.is_jump()
}

/// Simulates the value stack of `code` (not nested code objects) along every reachable path,
/// including exception handlers, and returns the maximum depth. Fails with a description of
/// the first inconsistency: two paths reaching an instruction with different depths, a
/// negative depth, a handler depth above the stack, a bad jump target, running off the end,
/// or `ReturnValue` with other than exactly one item.
pub fn verify(code: &CodeObject) -> Result<u32, String> {
    let n = code.code.len();
    let mut depth: Vec<Option<i32>> = vec![None; n];
    let mut work: Vec<(usize, i32)> = vec![(0, 0)];
    let mut max = 0;
    let err = |pc: usize, msg: String| Err(format!("{} pc {pc}: {msg}", code.qualname));
    while let Some((pc, d)) = work.pop() {
        if pc >= n {
            return err(pc, "control runs past the end of the code".into());
        }
        match depth[pc] {
            Some(old) if old == d => continue,
            Some(old) => return err(pc, format!("reached with depth {d} and {old}")),
            None => depth[pc] = Some(d),
        }
        max = max.max(d);
        let ins = code.code[pc];
        if let Some(h) = code.handler_for(pc as u32) {
            if (h.depth as i32) > d {
                return err(
                    pc,
                    format!("handler depth {} above stack depth {d}", h.depth),
                );
            }
            work.push((h.target as usize, h.depth as i32 + 1 + h.lasti as i32));
        }
        if ins.op == Op::ReturnValue && d != 1 {
            return err(pc, format!("ReturnValue at depth {d}"));
        }
        if ins.op == Op::LoadConst && ins.arg as usize >= code.consts.len() {
            return err(pc, "constant index out of range".into());
        }
        if branches(ins.op) {
            let t = ins.arg as usize;
            if t >= n {
                return err(pc, format!("jump target {t} out of range"));
            }
            let dj = d + stack_effect(ins.op, ins.arg, true);
            if dj < 0 {
                return err(pc, format!("negative depth {dj} on jump"));
            }
            work.push((t, dj));
        }
        if !is_terminal(ins.op) {
            let df = d + stack_effect(ins.op, ins.arg, false);
            if df < 0 {
                return err(pc, format!("negative depth {df}"));
            }
            max = max.max(df);
            work.push((pc + 1, df));
        } else if matches!(ins.op, Op::Reraise | Op::RaiseVarargs | Op::ReturnValue)
            && d + stack_effect(ins.op, ins.arg, false) < 0
        {
            return err(pc, "negative depth".into());
        }
    }
    Ok(max as u32)
}

/// Runs [`verify`] on `code` and every code object nested in its constants.
pub fn verify_all(code: &CodeObject) -> Result<(), String> {
    verify(code)?;
    for c in &code.consts {
        if let Const::Code(inner) = c {
            verify_all(inner)?;
        }
    }
    Ok(())
}
