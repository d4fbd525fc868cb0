//! The one table of passes: each entry names a pass and builds it. Adding a pass is adding
//! an entry here; the pipeline needs no other change.

use pyrs_jit_ir::Pass;

use crate::config::Config;
use crate::dce::Dce;
use crate::pure::Pure;
use crate::rewrite::Rewrite;

/// A registered pass: its name in `enable_opts` lists and how to build it.
pub(crate) struct Entry {
    pub(crate) name: &'static str,
    pub(crate) make: fn(Config) -> Box<dyn Pass>,
}

fn rewrite(config: Config) -> Box<dyn Pass> {
    Box::new(Rewrite::new(config))
}

fn pure(_: Config) -> Box<dyn Pass> {
    Box::new(Pure)
}

fn dce(_: Config) -> Box<dyn Pass> {
    Box::new(Dce)
}

/// The implemented passes, in the order the default pipeline would run them.
const REGISTRY: &[Entry] = &[
    Entry {
        name: "rewrite",
        make: rewrite,
    },
    Entry {
        name: "pure",
        make: pure,
    },
    Entry {
        name: "dce",
        make: dce,
    },
];

/// Passes PyPy has that pyrs does not have yet: naming one is an error that says so,
/// rather than "unknown pass". A name that is also registered is the registered pass.
pub const PLANNED_PASSES: &[&str] = &["intbounds", "virtualize", "heap", "unroll"];

/// The names of the implemented passes, in registry order.
pub fn pass_names() -> impl Iterator<Item = &'static str> {
    REGISTRY.iter().map(|e| e.name)
}

/// The registered pass called `name`.
pub(crate) fn lookup(name: &str) -> Option<&'static Entry> {
    REGISTRY.iter().find(|e| e.name == name)
}
