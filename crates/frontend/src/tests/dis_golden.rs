//! Chosen code shapes, checked instruction by instruction (`op arg` per line, nested code
//! objects selected by name), plus one full `disassemble` listing.

use super::must_compile;
use crate::bytecode::{CodeObject, Const};

/// The code object named `name` (depth-first), or the top level for `""`.
fn find<'c>(code: &'c CodeObject, name: &str) -> Option<&'c CodeObject> {
    if name.is_empty() || &*code.name == name {
        return Some(code);
    }
    code.consts.iter().find_map(|c| match c {
        Const::Code(inner) => find(inner, name),
        _ => None,
    })
}

fn ops(src: &str, name: &str) -> String {
    let code = must_compile(src);
    let c = find(&code, name).unwrap_or_else(|| panic!("no code object {name}"));
    c.code
        .iter()
        .map(|i| format!("{} {}", i.op.name(), i.arg))
        .collect::<Vec<_>>()
        .join("\n")
}

fn check(src: &str, name: &str, expected: &str) {
    let got = ops(src, name);
    let want: Vec<&str> = expected
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        got,
        want.join("\n"),
        "\n--- got ---\n{got}\n--- for ---\n{src}"
    );
}

#[test]
fn function_with_locals_and_globals() {
    check(
        "def f(a, b=1):\n    c = a + b\n    return g(c)\n",
        "f",
        "LoadFast 0\nLoadFast 1\nBinaryOp 0\nStoreFast 2\nLoadGlobal 0\nLoadFast 2\nCall 1\nReturnValue 0",
    );
}

#[test]
fn chained_comparison() {
    check(
        "a < b < c",
        "",
        "LoadName 0\nLoadName 1\nSwap 2\nCopy 2\nCompareOp 0\nJumpIfFalseOrPop 9\nLoadName 2\nCompareOp 0
         Jump 11\nSwap 2\nPopTop 0\nPopTop 0\nLoadConst 0\nReturnValue 0",
    );
}

#[test]
fn calls() {
    check(
        "o.m(1)\nf(x, k=2)\nf(*a, **k)",
        "",
        "LoadName 0\nLoadMethod 1\nLoadConst 0\nCallMethod 1\nPopTop 0
         LoadName 2\nLoadName 3\nLoadConst 1\nLoadConst 2\nCallKw 2\nPopTop 0
         LoadName 2\nBuildList 0\nLoadName 4\nListExtend 1\nListToTuple 0\nBuildMap 0\nLoadName 5\nDictMerge 1\nCallFunctionEx 1\nPopTop 0
         LoadConst 3\nReturnValue 0",
    );
}

#[test]
fn for_loop_and_break() {
    check(
        "for x in y:\n    if x:\n        break\nelse:\n    z\n",
        "",
        "LoadName 0\nGetIter 0\nForIter 9\nStoreName 1\nLoadName 1\nPopJumpIfFalse 8\nPopTop 0\nJump 11
         JumpBackward 2\nLoadName 2\nPopTop 0\nLoadConst 0\nReturnValue 0",
    );
}

#[test]
fn class_with_class_cell() {
    check(
        "class C:\n    def m(self):\n        return super().m()\n",
        "C",
        "LoadName 0\nStoreName 1\nLoadConst 0\nStoreName 2\nLoadClosure 0\nBuildTuple 1\nLoadConst 1
         MakeFunction 8\nStoreName 3\nLoadClosure 0\nCopy 1\nStoreName 4\nReturnValue 0",
    );
}

#[test]
fn list_comprehension() {
    check(
        "[x for x in y if x]",
        "<listcomp>",
        "BuildList 0\nLoadFast 0\nForIter 9\nStoreFast 1\nLoadFast 1\nPopJumpIfFalse 8\nLoadFast 1\nListAppend 2
         JumpBackward 2\nReturnValue 0",
    );
}

#[test]
fn yield_from_loop() {
    check(
        "def g():\n    yield from x\n",
        "g",
        "LoadGlobal 0\nGetYieldFromIter 0\nLoadConst 0\nSend 6\nYieldValue 1\nJumpBackward 3\nPopTop 0
         LoadConst 0\nReturnValue 0",
    );
}

#[test]
fn with_statement_table() {
    let code = must_compile("with a as b:\n    c\n");
    let ops: Vec<&str> = code.code.iter().map(|i| i.op.name()).collect();
    assert_eq!(
        ops,
        [
            "LoadName",
            "BeforeWith",
            "StoreName",
            "LoadName",
            "PopTop",
            "LoadConst",
            "LoadConst",
            "LoadConst",
            "Call",
            "PopTop",
            "Jump",
            "PushExcInfo",
            "WithExceptStart",
            "PopJumpIfTrue",
            "Reraise",
            "PopTop",
            "PopExcept",
            "PopTop",
            "PopTop",
            "Jump",
            "Copy",
            "PopExcept",
            "Reraise",
            "LoadConst",
            "ReturnValue",
        ]
    );
    let t: Vec<(u32, u32, u32, u32, bool)> = code
        .exception_table
        .iter()
        .map(|e| (e.start, e.end, e.target, e.depth, e.lasti))
        .collect();
    assert_eq!(t, [(2, 5, 11, 1, true), (11, 16, 20, 3, true)]);
}

#[test]
fn match_class_pattern() {
    check(
        "match p:\n    case P(x=0):\n        pass\n",
        "",
        "LoadName 0\nLoadName 1\nLoadConst 0\nMatchClass 0\nCopy 1\nLoadConst 1\nIsOp 1\nPopJumpIfFalse 14
         UnpackSequence 1\nLoadConst 2\nCompareOp 2\nPopJumpIfFalse 15\nNop 0\nJump 15\nPopTop 0
         LoadConst 1\nReturnValue 0",
    );
}

#[test]
fn disassembly_listing() {
    let code = must_compile("def f(x):\n    return x + 1\n");
    let text = crate::disassemble(&code);
    let expected = "\
Disassembly of <code object <module> at \"<test>\", line 1>:
   1        0 LoadConst                  0 (<code object f at \"<test>\", line 1>)
            1 MakeFunction               0
            2 StoreName                  0 (f)
            3 LoadConst                  1 (None)
            4 ReturnValue

Disassembly of <code object f at \"<test>\", line 1>:
   2        0 LoadFast                   0 (x)
            1 LoadConst                  0 (1)
            2 BinaryOp                   0 (+)
            3 ReturnValue
";
    assert_eq!(text, expected);
}
