//! Every snippet of `corpus.py` compiles and passes the stack verifier.

use super::must_compile;

const CORPUS: &str = include_str!("corpus.py");

#[test]
fn corpus_compiles_and_verifies() {
    for snippet in CORPUS.split("\n# ----\n") {
        must_compile(snippet);
    }
}

#[test]
fn corpus_as_one_module() {
    // The whole file minus the `__future__` snippet (which must come first).
    let cut = CORPUS
        .rfind("\"\"\"module docstring\"\"\"")
        .unwrap_or(CORPUS.len());
    must_compile(&CORPUS[..cut]);
}

#[test]
fn eval_and_single_modes() {
    for src in ["1 + 2", "[x for x in y]", "lambda: 0", "f(*a, **k)"] {
        let code = crate::compile(src, "<e>", crate::Mode::Eval).expect("eval compiles");
        crate::stack::verify_all(&code).expect("verifies");
    }
    let code = crate::compile("x = 1\n", "<s>", crate::Mode::Single).expect("single compiles");
    crate::stack::verify_all(&code).expect("verifies");
    let code = crate::compile("1 + 2\n", "<s>", crate::Mode::Single).expect("single compiles");
    assert!(code
        .code
        .iter()
        .any(|i| i.op == crate::bytecode::Op::PrintExpr));
}
