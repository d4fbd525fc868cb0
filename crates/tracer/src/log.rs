//! `PYRSLOG=category,category:FILE` — where the JIT's logs go (PyPy's `PYPYLOG` shape).
//! Categories: `jit-log-noopt`, `jit-log-opt`, `jit-backend-dump`, `jit-summary`. The file
//! `-` (or none) is stderr.

use std::fs::File;
use std::io::Write;

/// Which logs are on, and where they are written.
#[derive(Default)]
pub struct JitLog {
    /// Traces as recorded.
    pub noopt: bool,
    /// Traces after optimization.
    pub opt: bool,
    /// Disassembly of emitted machine code.
    pub backend_dump: bool,
    /// A summary (the statistics) at exit.
    pub summary: bool,
    /// The destination; `None` is stderr.
    file: Option<File>,
}

/// The categories `PYRSLOG` accepts.
pub const CATEGORIES: &[&str] = &[
    "jit-log-noopt",
    "jit-log-opt",
    "jit-backend-dump",
    "jit-summary",
    "gc",
];

impl JitLog {
    /// Parses a `PYRSLOG` value. Unknown categories are an error naming the known ones.
    pub fn parse(spec: &str) -> Result<JitLog, String> {
        let (cats, path) = match spec.rsplit_once(':') {
            Some((c, p)) => (c, Some(p)),
            None => (spec, None),
        };
        let mut log = JitLog::default();
        for cat in cats.split(',').filter(|s| !s.is_empty()) {
            match cat {
                "jit-log-noopt" => log.noopt = true,
                "jit-log-opt" => log.opt = true,
                "jit-backend-dump" => log.backend_dump = true,
                "jit-summary" => log.summary = true,
                "gc" => {}
                _ => {
                    return Err(format!(
                        "PYRSLOG: unknown category '{cat}' (known: {})",
                        CATEGORIES.join(", ")
                    ))
                }
            }
        }
        if let Some(p) = path.filter(|p| !p.is_empty() && *p != "-") {
            log.file = Some(File::create(p).map_err(|e| format!("PYRSLOG: cannot open {p}: {e}"))?);
        }
        Ok(log)
    }

    /// Writes one log entry (a trace, a dump, a summary). Logging failures are ignored:
    /// a log must never change what the program does.
    pub fn write(&mut self, text: &str) {
        match &mut self.file {
            Some(f) => {
                let _ = f.write_all(text.as_bytes());
                let _ = f.write_all(b"\n");
            }
            None => eprintln!("{text}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::JitLog;

    #[test]
    fn parses_categories_and_file() {
        let l = JitLog::parse("jit-log-opt,jit-summary:-").unwrap();
        assert!(l.opt && l.summary && !l.noopt);
        assert!(JitLog::parse("jit-bogus").is_err());
    }
}
