//! Command-line parsing with `python3`'s conventions: options stop at the script name,
//! `-c` or `-m`; everything after is the program's `sys.argv`.

use pyrs_gc::PlanKind;
use pyrs_tracer::JitParams;

/// What to run.
#[derive(Debug, PartialEq)]
pub enum Command {
    /// A script file.
    Script(String),
    /// `-c CMD`.
    Code(String),
    /// `-m MODULE`.
    Module(String),
    /// `-` or no script: read the program from stdin.
    Stdin,
    /// `--dis FILE`.
    Dis(String),
    /// `--help`.
    Help,
    /// `--version`.
    Version,
}

/// Parsed options.
#[derive(Debug)]
pub struct Options {
    /// What to run.
    pub command: Command,
    /// `sys.argv[1:]`.
    pub args: Vec<String>,
    /// `--gc=`.
    pub gc_plan: PlanKind,
    /// `--jit ...`.
    pub jit: JitParams,
    /// `--backend=`.
    pub backend: String,
    /// `--jit-stats`.
    pub jit_stats: bool,
}

/// The backends `--backend=` accepts.
pub const BACKENDS: &[&str] = &["baseline", "ir-interp"];

/// `pyrs --help`.
pub const HELP: &str = "usage: pyrs [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options:
  -c cmd          program passed in as string (terminates option list)
  -m mod          run library module as a script (terminates option list)
  -               program read from stdin (default when no file is given)
  --dis FILE      print the bytecode of FILE and exit
  --gc=PLAN       garbage collector plan: semispace
  --jit off|threshold=N,function_threshold=N,trace_eagerness=N,trace_limit=N,enable_opts=a:b
                  tune or turn off the tracing JIT (defaults: threshold=1039,
                  trace_eagerness=200, trace_limit=6000, enable_opts=rewrite:pure:dce)
  --backend=NAME  JIT backend: baseline (default), ir-interp (the IR's reference interpreter)
  --jit-stats     print JIT statistics to stderr at exit
  --version       print the version number and exit
  -h, --help      print this help message and exit
Environment:
  PYRS_GC_STRESS=1          collect at every safepoint (moving every object)
  PYRS_GC_NURSERY, PYRS_GC_MIN, PYRS_GC_MAX, PYRS_GC_GROWTH, PYRS_GC_DEBUG
                            GC tuning (sizes accept 32MB-style suffixes)
  PYRSLOG=jit-log-noopt,jit-log-opt,jit-backend-dump,jit-summary[:FILE]
                            JIT logs to FILE (`-` or none: stderr)
";

fn plan_names() -> String {
    PlanKind::ALL
        .iter()
        .map(|p| p.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        command: Command::Stdin,
        args: vec![],
        gc_plan: PlanKind::Semispace,
        jit: JitParams::default(),
        backend: BACKENDS[0].to_string(),
        jit_stats: false,
    };
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        let rest = || args[i + 1..].to_vec();
        match a {
            "-h" | "--help" => {
                o.command = Command::Help;
                return Ok(o);
            }
            "--version" | "-V" => {
                o.command = Command::Version;
                return Ok(o);
            }
            "-c" | "-m" => {
                let Some(v) = args.get(i + 1) else {
                    return Err(format!("Argument expected for the {a} option"));
                };
                o.command = if a == "-c" {
                    Command::Code(v.clone())
                } else {
                    Command::Module(v.clone())
                };
                o.args = args[i + 2..].to_vec();
                return Ok(o);
            }
            "--dis" => {
                let Some(v) = args.get(i + 1) else {
                    return Err("Argument expected for the --dis option".into());
                };
                o.command = Command::Dis(v.clone());
                return Ok(o);
            }
            "-" => {
                o.args = rest();
                return Ok(o);
            }
            "--jit-stats" => o.jit_stats = true,
            "-u" | "-B" | "-E" | "-s" | "-S" | "-I" | "-O" => {}
            _ if a.starts_with("--jit=") || a == "--jit" => {
                let spec = option_value(args, &mut i, "--jit")?;
                o.jit = JitParams::parse(&spec)?;
            }
            _ if a.starts_with("--backend=") || a == "--backend" => {
                let name = option_value(args, &mut i, "--backend")?;
                if !BACKENDS.contains(&name.as_str()) {
                    return Err(format!(
                        "unknown backend '{name}' (known backends: {})",
                        BACKENDS.join(", ")
                    ));
                }
                o.backend = name;
            }
            _ if a.starts_with("--gc=") || a == "--gc" => {
                let name = option_value(args, &mut i, "--gc")?;
                o.gc_plan = PlanKind::from_name(&name).ok_or_else(|| {
                    format!("unknown GC plan '{name}' (known plans: {})", plan_names())
                })?;
            }
            _ if a.starts_with('-') && a.len() > 1 => return Err(format!("unknown option {a}")),
            _ => {
                o.command = Command::Script(a.to_string());
                o.args = rest();
                return Ok(o);
            }
        }
        i += 1;
    }
    Ok(o)
}

/// The value of `--name=value` or `--name value` at `args[*i]` (advancing `i` past a
/// separate value).
fn option_value(args: &[String], i: &mut usize, name: &str) -> Result<String, String> {
    let a = &args[*i];
    if a == name {
        *i += 1;
        args.get(*i)
            .cloned()
            .ok_or_else(|| format!("Argument expected for the {name} option"))
    } else {
        Ok(a[name.len() + 1..].to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn script_args_and_plans() {
        let o = parse(&s(&["--gc=semispace", "a.py", "-x", "y"])).unwrap();
        assert_eq!(o.command, Command::Script("a.py".into()));
        assert_eq!(o.args, s(&["-x", "y"]));
        assert!(parse(&s(&["--gc=nope", "a.py"]))
            .unwrap_err()
            .contains("known plans: semispace"));
        let o = parse(&s(&["-c", "print(1)", "z"])).unwrap();
        assert_eq!(o.command, Command::Code("print(1)".into()));
        assert_eq!(o.args, s(&["z"]));
        assert_eq!(parse(&s(&[])).unwrap().command, Command::Stdin);
        assert!(parse(&s(&["-c"])).is_err());
        assert!(parse(&s(&["--bogus"])).is_err());
    }

    #[test]
    fn jit_options() {
        let o = parse(&s(&[
            "--jit",
            "threshold=1,trace_eagerness=1",
            "--jit-stats",
            "a.py",
        ]))
        .unwrap();
        assert_eq!(
            (o.jit.threshold, o.jit.trace_eagerness, o.jit_stats),
            (1, 1, true)
        );
        assert!(!parse(&s(&["--jit=off", "a.py"])).unwrap().jit.enabled);
        assert_eq!(
            parse(&s(&["--backend=baseline", "a.py"])).unwrap().backend,
            "baseline"
        );
        assert!(parse(&s(&["--backend=llvm", "a.py"]))
            .unwrap_err()
            .contains("known backends: baseline, ir-interp"));
        assert!(parse(&s(&["--jit", "nope=3", "a.py"])).is_err());
    }
}
