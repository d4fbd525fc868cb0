//! `pyrs`: the command-line entry point. Parses `python3`-style options, assembles the
//! interpreter with the chosen GC plan, and runs a script, `-c` command, `-m` module or stdin.

mod cli;
mod components;

use cli::{Command, Options};
use pyrs_interp::eval::api::{self, MainOutcome};
use pyrs_interp::{Vm, VmOptions};
use std::io::Read;
use std::process::ExitCode;

/// Stack size of the interpreter thread: native code that calls back into Python nests
/// eval loops, so deep Python recursion through builtins needs room.
const INTERPRETER_STACK: usize = 512 << 20;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match cli::parse(&args) {
        Ok(o) => o,
        Err(msg) => {
            eprintln!("pyrs: {msg}");
            eprintln!("usage: pyrs [option] ... [-c cmd | -m mod | file | -] [arg] ...");
            eprintln!("Try `pyrs --help' for more information.");
            return ExitCode::from(2);
        }
    };
    let handle = std::thread::Builder::new()
        .stack_size(INTERPRETER_STACK)
        .spawn(move || run(options));
    match handle.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => {
            eprintln!("pyrs: internal error: the interpreter thread failed");
            ExitCode::from(70)
        }
    }
}

fn run(options: Options) -> u8 {
    let (source, filename, argv0, path0) = match &options.command {
        Command::Help => {
            print!("{}", cli::HELP);
            return 0;
        }
        Command::Version => {
            println!("Python 3.11.7 (pyrs {})", env!("CARGO_PKG_VERSION"));
            return 0;
        }
        Command::Dis(file) => return disassemble(file),
        Command::Script(file) => match std::fs::read_to_string(file) {
            Ok(s) => {
                let dir = std::path::Path::new(file)
                    .parent()
                    .map(|p| p.to_string_lossy().to_string())
                    .unwrap_or_default();
                let shown = std::fs::canonicalize(file)
                    .map(|p| p.to_string_lossy().to_string())
                    .unwrap_or_else(|_| file.clone());
                (
                    s,
                    shown,
                    file.clone(),
                    if dir.is_empty() { ".".to_string() } else { dir },
                )
            }
            Err(e) => {
                let abs = std::fs::canonicalize(".")
                    .map(|p| p.join(file))
                    .unwrap_or_else(|_| file.into());
                eprintln!(
                    "pyrs: can't open file '{}': [Errno {}] {}",
                    abs.display(),
                    e.raw_os_error().unwrap_or(2),
                    errno_text(&e)
                );
                return 2;
            }
        },
        Command::Code(code) => (
            code.clone(),
            "<string>".to_string(),
            "-c".to_string(),
            String::new(),
        ),
        Command::Module(m) => (String::new(), String::new(), m.clone(), ".".to_string()),
        Command::Stdin => {
            let mut s = String::new();
            if std::io::stdin().read_to_string(&mut s).is_err() {
                eprintln!("pyrs: cannot read stdin");
                return 2;
            }
            (s, "<stdin>".to_string(), "-".to_string(), String::new())
        }
    };
    let mut argv = vec![argv0];
    argv.extend(options.args.iter().cloned());
    let mut vm = Vm::new(VmOptions {
        gc_plan: options.gc_plan,
        gc_config: pyrs_gc::GcConfig::from_env(),
        argv,
        path: vec![path0],
    });
    pyrs_stdlib::register(&mut vm);
    if let Err(msg) = install_jit(&mut vm, &options) {
        eprintln!("pyrs: {msg}");
        return 2;
    }
    let outcome = if let Command::Module(m) = &options.command {
        run_module(&mut vm, m)
    } else {
        api::run_main(&mut vm, &source, &filename)
    };
    pyrs_stdlib::atexit::run_exitfuncs(&mut vm);
    pyrs_interp::finalize::run_at_exit(&mut vm);
    pyrs_interp::builtins::flush_std_streams(&mut vm);
    pyrs_interp::jit::report(&mut vm);
    match outcome {
        MainOutcome::Ok => 0,
        MainOutcome::Exit(code) => (code & 0xff) as u8,
    }
}

/// Attaches the JIT chosen by `--jit`, `--backend` and `PYRSLOG`.
fn install_jit(vm: &mut Vm, options: &Options) -> Result<(), String> {
    let log = match std::env::var("PYRSLOG") {
        Ok(spec) => pyrs_tracer::JitLog::parse(&spec)?,
        Err(_) => pyrs_tracer::JitLog::default(),
    };
    let passes = components::passes(&options.jit.enable_opts)?;
    let backend = options.backend.clone();
    pyrs_interp::jit::install(
        vm,
        options.jit.clone(),
        |env| components::backend(&backend, env),
        passes,
        log,
        options.jit_stats,
    );
    Ok(())
}

fn run_module(vm: &mut Vm, module: &str) -> MainOutcome {
    let found = std::env::current_dir().ok().and_then(|d| {
        let rel = module.replace('.', "/");
        [
            d.join(format!("{rel}.py")),
            d.join(&rel).join("__main__.py"),
        ]
        .into_iter()
        .find(|p| p.is_file())
    });
    match found.and_then(|p| std::fs::read_to_string(&p).ok().map(|s| (s, p))) {
        Some((source, path)) => api::run_main(vm, &source, &path.to_string_lossy()),
        None => {
            eprintln!("pyrs: No module named {module}");
            MainOutcome::Exit(1)
        }
    }
}

fn disassemble(file: &str) -> u8 {
    let source = match std::fs::read_to_string(file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("pyrs: can't open file '{file}': {}", errno_text(&e));
            return 2;
        }
    };
    match pyrs_frontend::compile(&source, file, pyrs_frontend::Mode::Exec) {
        Ok(code) => {
            print!("{}", pyrs_frontend::disassemble(&code));
            0
        }
        Err(e) => {
            eprintln!(
                "  File \"{}\", line {}\nSyntaxError: {}",
                e.filename, e.lineno, e.msg
            );
            1
        }
    }
}

fn errno_text(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
        _ => e.to_string(),
    }
}
