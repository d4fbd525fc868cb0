//! Command-line parsing with `python3`'s conventions: options stop at the script name,
//! `-c` or `-m`; everything after is the program's `sys.argv`.

use pyrs_gc::PlanKind;

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
}

/// `pyrs --help`.
pub const HELP: &str = "usage: pyrs [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options:
  -c cmd          program passed in as string (terminates option list)
  -m mod          run library module as a script (terminates option list)
  -               program read from stdin (default when no file is given)
  --dis FILE      print the bytecode of FILE and exit
  --gc=PLAN       garbage collector plan: semispace
  --version       print the version number and exit
  -h, --help      print this help message and exit
Environment:
  PYRS_GC_STRESS=1          collect at every safepoint (moving every object)
  PYRS_GC_NURSERY, PYRS_GC_MIN, PYRS_GC_MAX, PYRS_GC_GROWTH, PYRS_GC_DEBUG
                            GC tuning (sizes accept 32MB-style suffixes)
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
    let mut gc_plan = PlanKind::Semispace;
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        let rest = || args[i + 1..].to_vec();
        match a {
            "-h" | "--help" => {
                return Ok(Options {
                    command: Command::Help,
                    args: vec![],
                    gc_plan,
                })
            }
            "--version" | "-V" => {
                return Ok(Options {
                    command: Command::Version,
                    args: vec![],
                    gc_plan,
                })
            }
            "-c" | "-m" => {
                let Some(v) = args.get(i + 1) else {
                    return Err(format!("Argument expected for the {a} option"));
                };
                let command = if a == "-c" {
                    Command::Code(v.clone())
                } else {
                    Command::Module(v.clone())
                };
                return Ok(Options {
                    command,
                    args: args[i + 2..].to_vec(),
                    gc_plan,
                });
            }
            "--dis" => {
                let Some(v) = args.get(i + 1) else {
                    return Err("Argument expected for the --dis option".into());
                };
                return Ok(Options {
                    command: Command::Dis(v.clone()),
                    args: vec![],
                    gc_plan,
                });
            }
            "-" => {
                return Ok(Options {
                    command: Command::Stdin,
                    args: rest(),
                    gc_plan,
                })
            }
            "-u" | "-B" | "-E" | "-s" | "-S" | "-I" | "-O" => {}
            _ if a.starts_with("--gc=") || a == "--gc" => {
                let name = if a == "--gc" {
                    i += 1;
                    args.get(i).cloned().unwrap_or_default()
                } else {
                    a["--gc=".len()..].to_string()
                };
                gc_plan = PlanKind::from_name(&name).ok_or_else(|| {
                    format!("unknown GC plan '{name}' (known plans: {})", plan_names())
                })?;
            }
            _ if a.starts_with('-') && a.len() > 1 => return Err(format!("unknown option {a}")),
            _ => {
                return Ok(Options {
                    command: Command::Script(a.to_string()),
                    args: rest(),
                    gc_plan,
                })
            }
        }
        i += 1;
    }
    Ok(Options {
        command: Command::Stdin,
        args: vec![],
        gc_plan,
    })
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
}
