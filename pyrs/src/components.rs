//! Assembles the JIT from the components named on the command line: the only place that
//! names a concrete backend or optimization pass.

use pyrs_jit_ir::{Backend, JitEnv, Pass};
use pyrs_optimizer::{Config, Pipeline};
use std::rc::Rc;

/// The backend called `name` (validated by the CLI), compiling for `env`. `ir-interp` runs
/// traces in the IR's reference interpreter (for checking the backends).
pub fn backend(name: &str, env: JitEnv) -> Rc<dyn Backend> {
    match name {
        "ir-interp" => Rc::new(pyrs_jit_ir::testing::InterpBackend::new(env)),
        _ => Rc::new(pyrs_backend_baseline::BaselineBackend::new(env)),
    }
}

/// The optimization pipeline named by `enable_opts`, in order.
pub fn passes(names: &[String]) -> Result<Vec<Box<dyn Pass>>, String> {
    let config = Config {
        class_offset: Some(pyrs_interp::jit::CLASS_OFFSET),
    };
    let pipeline = Pipeline::with_config(names, config).map_err(|e| format!("--jit: {e}"))?;
    Ok(vec![Box::new(pipeline)])
}
