//! Runs the generated Python case files (expected results from CPython 3.11) in pyrs.

use pyrs_interp::eval::api::{run_main, MainOutcome};
use pyrs_interp::{Vm, VmOptions};

fn run(file: &str) {
    let path = format!("{}/tests/{file}", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).expect("case file");
    let mut vm = Vm::new(VmOptions {
        gc_plan: pyrs_gc::PlanKind::Semispace,
        gc_config: pyrs_gc::GcConfig::default(),
        argv: vec![path.clone()],
        path: vec![],
    });
    pyrs_stdlib::register(&mut vm);
    let outcome = run_main(&mut vm, &source, &path);
    pyrs_interp::builtins::flush_std_streams(&mut vm);
    assert!(
        matches!(outcome, MainOutcome::Ok),
        "{file} failed (see the MISMATCH lines)"
    );
}

#[test]
fn numbers_match_cpython() {
    run("numbers.py");
}

#[test]
fn time_module_works() {
    run("modules.py");
}
