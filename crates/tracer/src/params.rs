//! The JIT's tunable parameters, parsed from the `--jit` option
//! (`off|threshold=N,function_threshold=N,trace_eagerness=N,trace_limit=N,enable_opts=a:b`).

/// Tuning of the tracing JIT. Defaults are PyPy's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JitParams {
    /// Whether the JIT runs at all (`--jit off` turns it off).
    pub enabled: bool,
    /// Back-edges to a loop header before its loop is traced.
    pub threshold: u32,
    /// Entries into a function before a trace starts at its entry (counted, reported;
    /// traces start at loop headers).
    pub function_threshold: u32,
    /// Failures of one guard before a bridge is traced from it.
    pub trace_eagerness: u32,
    /// Longest trace, in recorded operations, before recording aborts.
    pub trace_limit: u32,
    /// Optimization passes to run, in order, by name.
    pub enable_opts: Vec<String>,
}

/// The passes that run when `enable_opts` is not given.
pub const DEFAULT_OPTS: &[&str] = &["rewrite", "pure", "dce"];

impl Default for JitParams {
    fn default() -> JitParams {
        JitParams {
            enabled: true,
            threshold: 1039,
            function_threshold: 1619,
            trace_eagerness: 200,
            trace_limit: 6000,
            enable_opts: DEFAULT_OPTS.iter().map(|s| s.to_string()).collect(),
        }
    }
}

impl JitParams {
    /// Parses the argument of `--jit`. Unknown keys and malformed numbers are errors that
    /// name the accepted keys.
    pub fn parse(spec: &str) -> Result<JitParams, String> {
        let mut p = JitParams::default();
        if spec == "off" {
            p.enabled = false;
            return Ok(p);
        }
        for item in spec.split(',').filter(|s| !s.is_empty()) {
            if item == "off" {
                p.enabled = false;
                continue;
            }
            let Some((key, value)) = item.split_once('=') else {
                return Err(format!("--jit: expected key=value, got '{item}'"));
            };
            let number = || -> Result<u32, String> {
                value.parse::<u32>().map_err(|_| {
                    format!("--jit: {key} needs a non-negative integer, got '{value}'")
                })
            };
            match key {
                "threshold" => p.threshold = number()?.max(1),
                "function_threshold" => p.function_threshold = number()?.max(1),
                "trace_eagerness" => p.trace_eagerness = number()?.max(1),
                "trace_limit" => p.trace_limit = number()?.max(1),
                "enable_opts" => {
                    p.enable_opts = value
                        .split(':')
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect()
                }
                _ => {
                    return Err(format!(
                        "--jit: unknown parameter '{key}' (known: off, threshold, \
                         function_threshold, trace_eagerness, trace_limit, enable_opts)"
                    ))
                }
            }
        }
        Ok(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_key() {
        let p = JitParams::parse("threshold=1,trace_eagerness=1,trace_limit=50,enable_opts=dce")
            .unwrap();
        assert_eq!((p.threshold, p.trace_eagerness, p.trace_limit), (1, 1, 50));
        assert_eq!(p.enable_opts, vec!["dce".to_string()]);
        assert!(!JitParams::parse("off").unwrap().enabled);
        assert!(JitParams::parse("bogus=1")
            .unwrap_err()
            .contains("unknown parameter"));
        assert!(JitParams::parse("threshold=x").is_err());
        assert_eq!(JitParams::parse("").unwrap(), JitParams::default());
    }
}
