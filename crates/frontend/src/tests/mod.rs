//! Unit tests: the construct corpus (compiles, stack-verifies), disassemblies, syntax errors
//! checked against CPython 3.11, and a mutation fuzzer.

mod corpus;
mod dis_golden;
mod error_cases;
mod errors;
mod fuzz;

use crate::{compile, disassemble, Mode};

/// Compiles `src` as a module, panicking with the error on failure, and verifies stacks.
pub(crate) fn must_compile(src: &str) -> std::rc::Rc<crate::bytecode::CodeObject> {
    let code = match compile(src, "<test>", Mode::Exec) {
        Ok(c) => c,
        Err(e) => panic!("compile failed: {e:?}\n--- source ---\n{src}"),
    };
    if let Err(e) = crate::stack::verify_all(&code) {
        panic!(
            "stack verification failed: {e}\n--- source ---\n{src}\n{}",
            disassemble(&code)
        );
    }
    code
}
