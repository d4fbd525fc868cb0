//! [`Pipeline`]: an ordered list of passes built from names, verified between passes.

use std::collections::HashSet;
use std::fmt;

use pyrs_jit_ir::{verify, ExitId, Pass, PassError, Trace, TraceKind, Type};

use crate::config::Config;
use crate::registry::{self, PLANNED_PASSES};

/// Why a pass list was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PipelineError {
    /// No pass has this name.
    Unknown {
        /// The name given.
        name: String,
        /// The names of the implemented passes.
        known: Vec<&'static str>,
    },
    /// A pass PyPy has (see [`PLANNED_PASSES`]) that is not implemented yet.
    NotImplemented {
        /// The pass's name.
        name: &'static str,
    },
}

impl fmt::Display for PipelineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PipelineError::Unknown { name, known } => write!(
                f,
                "unknown optimization pass `{name}` (known passes: {})",
                known.join(", ")
            ),
            PipelineError::NotImplemented { name } => write!(
                f,
                "optimization pass `{name}` is not implemented yet (implemented: {})",
                registry::pass_names().collect::<Vec<_>>().join(", ")
            ),
        }
    }
}

impl std::error::Error for PipelineError {}

/// Passes run in order over each trace. When verification is on (debug builds, or
/// `PYRS_VERIFY=1` in the environment when the pipeline is built), the input is verified
/// first and each pass's output is checked: [`verify`] accepts it and it keeps the
/// [`Pass`] contract's id, kind, inputs and exit ids. A failed check is a [`PassError`]
/// naming the pass.
pub struct Pipeline {
    passes: Vec<Box<dyn Pass>>,
    verify: bool,
}

/// What a pass must not change, recorded before it runs.
struct Shape {
    id: pyrs_jit_ir::TraceId,
    kind: TraceKind,
    inputs: Vec<Type>,
    exits: HashSet<ExitId>,
}

impl Shape {
    fn of(t: &Trace) -> Shape {
        Shape {
            id: t.id,
            kind: t.kind,
            inputs: t.inputs.clone(),
            exits: t.exits().map(|(e, _)| e).collect(),
        }
    }

    /// Why `t` breaks the contract relative to this shape, if it does.
    fn broken_by(&self, t: &Trace) -> Option<String> {
        if t.id != self.id || t.kind != self.kind {
            return Some("changed the trace's id or kind".to_string());
        }
        if t.inputs != self.inputs {
            return Some("changed the trace's inputs".to_string());
        }
        t.exits()
            .find(|(e, _)| !self.exits.contains(e))
            .map(|(e, n)| format!("op {n} has exit {e}, which the input trace does not have"))
    }
}

fn verification_default() -> bool {
    cfg!(debug_assertions) || std::env::var_os("PYRS_VERIFY").is_some_and(|v| v == "1")
}

impl Pipeline {
    /// The passes named, in order, knowing nothing about the VM ([`Config::default`]).
    /// Names may repeat. An unknown name, or one of the [`PLANNED_PASSES`], is an error.
    pub fn from_names<S: AsRef<str>>(names: &[S]) -> Result<Pipeline, PipelineError> {
        Pipeline::with_config(names, Config::default())
    }

    /// The passes named, in order, built with `config`.
    pub fn with_config<S: AsRef<str>>(
        names: &[S],
        config: Config,
    ) -> Result<Pipeline, PipelineError> {
        let mut passes = Vec::with_capacity(names.len());
        for name in names {
            let name = name.as_ref();
            if let Some(entry) = registry::lookup(name) {
                passes.push((entry.make)(config));
            } else if let Some(&planned) = PLANNED_PASSES.iter().find(|&&p| p == name) {
                return Err(PipelineError::NotImplemented { name: planned });
            } else {
                return Err(PipelineError::Unknown {
                    name: name.to_string(),
                    known: registry::pass_names().collect(),
                });
            }
        }
        Ok(Pipeline::from_passes(passes))
    }

    /// A pipeline of the given passes (for passes outside the registry, and tests).
    pub fn from_passes(passes: Vec<Box<dyn Pass>>) -> Pipeline {
        Pipeline {
            passes,
            verify: verification_default(),
        }
    }

    /// The passes' names, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.passes.iter().map(|p| p.name()).collect()
    }

    /// Whether traces are verified between passes.
    pub fn verifying(&self) -> bool {
        self.verify
    }

    /// Turns verification between passes on or off (it starts on in debug builds and
    /// under `PYRS_VERIFY=1`).
    pub fn set_verify(&mut self, on: bool) {
        self.verify = on;
    }

    /// Runs every pass over `trace`, in order. The input must verify (checked when
    /// verification is on, as an error from the pseudo-pass `pipeline`).
    pub fn run(&mut self, mut trace: Trace) -> Result<Trace, PassError> {
        if self.verify {
            verify(&trace).map_err(|e| PassError {
                pass: "pipeline",
                reason: format!("the input trace does not verify: {e}"),
            })?;
        }
        for pass in &mut self.passes {
            let before = self.verify.then(|| Shape::of(&trace));
            trace = pass.run(trace)?;
            if let Some(before) = before {
                let fail = |reason: String| PassError {
                    pass: pass.name(),
                    reason,
                };
                verify(&trace).map_err(|e| fail(format!("the output does not verify: {e}")))?;
                if let Some(reason) = before.broken_by(&trace) {
                    return Err(fail(reason));
                }
            }
        }
        Ok(trace)
    }
}

/// A pipeline is itself a pass (named `pipeline`), so code that takes a list of passes
/// can take a whole verified pipeline as one; errors still name the inner pass.
impl Pass for Pipeline {
    fn name(&self) -> &'static str {
        "pipeline"
    }

    fn run(&mut self, trace: Trace) -> Result<Trace, PassError> {
        Pipeline::run(self, trace)
    }
}

impl fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pipeline")
            .field("passes", &self.names())
            .field("verify", &self.verify)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pyrs_jit_ir::{parse, print, Op, Opcode};

    #[test]
    fn builds_from_names_in_order() {
        let p = Pipeline::from_names(&["rewrite", "dce", "pure", "rewrite"]).unwrap();
        assert_eq!(p.names(), ["rewrite", "dce", "pure", "rewrite"]);
        let owned = vec!["dce".to_string()];
        assert_eq!(Pipeline::from_names(&owned).unwrap().names(), ["dce"]);
        let none: [&str; 0] = [];
        assert!(Pipeline::from_names(&none).unwrap().names().is_empty());
    }

    #[test]
    fn unknown_names_list_the_known_passes() {
        let e = Pipeline::from_names(&["rewrite", "frobnicate"]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown optimization pass `frobnicate` (known passes: rewrite, pure, dce)"
        );
        assert!(matches!(e, PipelineError::Unknown { .. }));
    }

    #[test]
    fn planned_names_are_not_implemented_yet() {
        for name in PLANNED_PASSES {
            let e = Pipeline::from_names(&[*name]).unwrap_err();
            assert_eq!(e, PipelineError::NotImplemented { name });
            assert!(e.to_string().contains("is not implemented yet"), "{e}");
        }
    }

    const LOOP: &str = "\
[i0]
label(i0)
i2 = int_add(i0, ConstInt(0))
guard_true(i2) [s0] g0
jump(i2)
snapshot s0
  frame code=0x0 pc=0 [i2]
";

    #[test]
    fn runs_passes_in_order() {
        let mut p = Pipeline::from_names(&["rewrite", "dce"]).unwrap();
        p.set_verify(true);
        let out = p.run(parse(LOOP).unwrap()).unwrap();
        let want = "\
trace T0 loop
[i0]
label(i0)
guard_true(i0) [s0] g0
jump(i0)
snapshot s0
  frame code=0x0 pc=0 [i0]
";
        assert_eq!(print(&out), want);
    }

    /// Breaks the trace in a chosen way.
    struct Vandal(fn(&mut Trace));

    impl Pass for Vandal {
        fn name(&self) -> &'static str {
            "vandal"
        }

        fn run(&mut self, mut trace: Trace) -> Result<Trace, PassError> {
            (self.0)(&mut trace);
            Ok(trace)
        }
    }

    fn vandalized(f: fn(&mut Trace)) -> Result<Trace, PassError> {
        let mut p = Pipeline::from_passes(vec![Box::new(Vandal(f))]);
        p.set_verify(true);
        p.run(parse(LOOP).unwrap())
    }

    #[test]
    fn verification_names_the_failing_pass() {
        let e = vandalized(|t| {
            t.ops.swap(1, 2);
        })
        .unwrap_err();
        assert_eq!(e.pass, "vandal");
        assert!(e.reason.contains("does not verify"), "{e}");

        let e = vandalized(|t| t.id = pyrs_jit_ir::TraceId(9)).unwrap_err();
        assert!(e.reason.contains("id or kind"), "{e}");

        let e = vandalized(|t| t.ops[2].exit = Some(ExitId(7))).unwrap_err();
        assert!(e.reason.contains("exit g7"), "{e}");

        assert!(vandalized(|t| t.ops.insert(1, Op::new(Opcode::Label, &[]))).is_err());
    }

    #[test]
    fn a_pipeline_is_a_pass() {
        let inner = Pipeline::from_names(&["rewrite", "dce"]).unwrap();
        let mut outer: Vec<Box<dyn Pass>> = vec![Box::new(inner)];
        let out = outer[0].run(parse(LOOP).unwrap()).unwrap();
        assert_eq!(out.ops.len(), 3);
        assert_eq!(outer[0].name(), "pipeline");
    }

    #[test]
    fn invalid_input_is_reported_when_verifying() {
        let mut p = Pipeline::from_names(&["dce"]).unwrap();
        p.set_verify(true);
        let bad = parse("[i0]\nlabel(i0)\njump(i0, i0)\n").unwrap();
        let e = p.run(bad).unwrap_err();
        assert_eq!(e.pass, "pipeline");
    }
}
