//! Runs the Python corpus in `tests/python/` (and the seed benchmark programs in
//! `../shared/bench/programs/`) and compares each program's output with the
//! CPython 3.11 output stored beside it.
//!
//! For every `tests/python/NAME.py`:
//! - stdout must equal `NAME.out`;
//! - if `NAME.err` exists, stderr must equal it (otherwise stderr is ignored);
//! - the exit code must equal the integer in `NAME.code` (default 0).
//!
//! Environment:
//! - `PYRS_CORPUS_BIN=path`     run this binary instead of pyrs (e.g. `python3`, to check the corpus);
//! - `PYRS_CORPUS_FILTER=substr` only run programs whose name contains `substr`;
//! - `PYRS_CORPUS_THREADS=n`    worker threads (default 3);
//! - `PYRS_CORPUS_VERBOSE=1`    print every program's result, not only failures;
//! - `PYRS_CORPUS_TIMEOUT=secs` override the per-program timeout (60 s; 300 s for seeds).
//!
//! Top-level files starting with `_` are helper modules, not tests. Packages used by
//! the import tests live in `tests/python/pkg_*/`.
//!
//! A program whose first lines contain `# corpus: no-gc-stress` is skipped in
//! configurations that set `skip_marker: Some("no-gc-stress")`.
//!
//! To add a configuration (e.g. JIT flags), add one `#[test]` calling `run_corpus`
//! with a new `Config`, e.g.
//! `run_corpus(&Config::new("jit_low", &["--jit", "threshold=1"], &[]), corpus_programs());`
//! Args go before the script name: `pyrs <args> NAME.py`.

use std::collections::VecDeque;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// One way of running the corpus: extra command-line args (placed before the
/// script name) and extra environment variables.
#[derive(Clone)]
struct Config {
    name: &'static str,
    args: &'static [&'static str],
    env: &'static [(&'static str, &'static str)],
    timeout: Duration,
    /// Programs containing `# corpus: <marker>` in their first 5 lines are skipped.
    skip_marker: Option<&'static str>,
}

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
const SEED_TIMEOUT: Duration = Duration::from_secs(300);
/// Under `PYRS_GC_STRESS=1` every safepoint copies the whole heap: allocation-heavy
/// programs take minutes when several configurations share two cores.
const STRESS_TIMEOUT: Duration = Duration::from_secs(300);
const SEED_PROGRAMS: &[&str] = &["mandelbrot", "sum_list", "distance"];

impl Config {
    /// A configuration with the default timeout and no skipped programs.
    const fn new(
        name: &'static str,
        args: &'static [&'static str],
        env: &'static [(&'static str, &'static str)],
    ) -> Config {
        Config {
            name,
            args,
            env,
            timeout: DEFAULT_TIMEOUT,
            skip_marker: None,
        }
    }
}

// One #[test] per configuration; adding a configuration (e.g. a JIT backend or
// threshold) is one more line like these.
#[test]
fn corpus_default() {
    run_corpus(&Config::new("default", &[], &[]), corpus_programs());
}

#[test]
fn corpus_gc_stress() {
    let cfg = Config {
        skip_marker: Some("no-gc-stress"),
        timeout: STRESS_TIMEOUT,
        ..Config::new("gc_stress", &[], &[("PYRS_GC_STRESS", "1")])
    };
    run_corpus(&cfg, corpus_programs());
}

/// The interpreter alone.
#[test]
fn corpus_jit_off() {
    run_corpus(
        &Config::new("jit_off", &["--jit", "off"], &[]),
        corpus_programs(),
    );
}

/// Everything hot compiles at once (loops, and entry traces of functions with loops), every
/// guard that fails gets a bridge: the JIT's main correctness test.
#[test]
fn corpus_jit_low_threshold() {
    let cfg = Config::new(
        "jit_low",
        &[
            "--jit",
            "threshold=1,function_threshold=1,trace_eagerness=1",
        ],
        &[],
    );
    run_corpus(&cfg, corpus_programs());
}

/// Compiled code and resumed frames under a moving collection at every safepoint.
#[test]
fn corpus_jit_gc_stress() {
    let cfg = Config {
        skip_marker: Some("no-gc-stress"),
        timeout: STRESS_TIMEOUT,
        ..Config::new(
            "jit_gc_stress",
            &[
                "--jit",
                "threshold=1,function_threshold=1,trace_eagerness=1",
            ],
            &[("PYRS_GC_STRESS", "1")],
        )
    };
    run_corpus(&cfg, corpus_programs());
}

#[test]
fn seed_programs() {
    let cfg = Config {
        timeout: SEED_TIMEOUT,
        ..Config::new("seed", &[], &[])
    };
    run_corpus(&cfg, seed_program_list());
}

#[test]
fn seed_programs_jit_low_threshold() {
    let cfg = Config {
        timeout: SEED_TIMEOUT,
        ..Config::new(
            "seed_jit_low",
            &["--jit", "threshold=1,trace_eagerness=1"],
            &[],
        )
    };
    run_corpus(&cfg, seed_program_list());
}

// ---------------------------------------------------------------------------

/// A program to run: `script` is passed to the binary as given, relative to `cwd`.
#[derive(Clone)]
struct Program {
    name: String,
    cwd: PathBuf,
    script: String,
    expected_out: PathBuf,
    expected_err: Option<PathBuf>,
    expected_code: i32,
}

fn workspace_root() -> PathBuf {
    // CARGO_MANIFEST_DIR is <workspace>/pyrs
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

fn corpus_dir() -> PathBuf {
    workspace_root().join("tests").join("python")
}

fn read_code(path: &Path) -> i32 {
    match fs::read_to_string(path) {
        Ok(s) => s
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("bad exit code in {}", path.display())),
        Err(_) => 0,
    }
}

fn corpus_programs() -> Vec<Program> {
    let dir = corpus_dir();
    let mut out = Vec::new();
    let entries =
        fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().map_or(true, |e| e != "py") || !path.is_file() {
            continue;
        }
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        if stem.starts_with('_') {
            // Helper modules imported by other programs (`_NAME.py`) are not tests.
            continue;
        }
        let expected_out = dir.join(format!("{stem}.out"));
        // A missing .out file makes the program fail with a hint to run tests/regen.sh.
        let err = dir.join(format!("{stem}.err"));
        out.push(Program {
            name: stem.clone(),
            cwd: dir.clone(),
            script: format!("{stem}.py"),
            expected_out,
            expected_err: if err.exists() { Some(err) } else { None },
            expected_code: read_code(&dir.join(format!("{stem}.code"))),
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    let known = known_failures();
    if !known.is_empty() {
        eprintln!(
            "corpus: {} known failures not run (tests/python/KNOWN_FAILURES)",
            known.len()
        );
    }
    out.retain(|p| !known.contains(&p.name));
    out
}

/// Programs listed in `tests/python/KNOWN_FAILURES` (one name per line, `#` comments):
/// features not built yet. Each entry is work to do; remove it once the program passes.
fn known_failures() -> Vec<String> {
    let path = corpus_dir().join("KNOWN_FAILURES");
    fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

fn seed_program_list() -> Vec<Program> {
    let seed_src = workspace_root()
        .join("..")
        .join("shared")
        .join("bench")
        .join("programs");
    if !seed_src.is_dir() {
        eprintln!(
            "seed_programs: {} does not exist; nothing to run",
            seed_src.display()
        );
        return Vec::new();
    }
    let expected_dir = corpus_dir().join("seed");
    let mut out = Vec::new();
    for name in SEED_PROGRAMS {
        let script = seed_src.join(format!("{name}.py"));
        let expected_out = expected_dir.join(format!("{name}.out"));
        if !script.exists() || !expected_out.exists() {
            eprintln!(
                "seed_programs: skipping {name} (missing {} or {})",
                script.display(),
                expected_out.display()
            );
            continue;
        }
        out.push(Program {
            name: format!("seed/{name}"),
            cwd: seed_src.clone(),
            script: format!("{name}.py"),
            expected_out,
            expected_err: None,
            expected_code: 0,
        });
    }
    out
}

// ---------------------------------------------------------------------------

fn binary() -> String {
    match std::env::var("PYRS_CORPUS_BIN") {
        Ok(b) if !b.is_empty() => b,
        _ => env!("CARGO_BIN_EXE_pyrs").to_string(),
    }
}

fn has_marker(p: &Program, marker: &str) -> bool {
    let Ok(src) = fs::read_to_string(p.cwd.join(&p.script)) else {
        return false;
    };
    let needle = format!("# corpus: {marker}");
    src.lines().take(5).any(|l| l.contains(&needle))
}

struct RunResult {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    code: Option<i32>,
    timed_out: bool,
    elapsed: Duration,
}

fn run_one(bin: &str, cfg: &Config, p: &Program) -> Result<RunResult, String> {
    let mut cmd = Command::new(bin);
    cmd.args(cfg.args)
        .arg(&p.script)
        .current_dir(&p.cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in cfg.env {
        cmd.env(k, v);
    }
    // Keep CPython from writing __pycache__ into the corpus when it is the reference binary.
    cmd.env("PYTHONDONTWRITEBYTECODE", "1");
    // Own process group, so a timeout kills the program and anything it started.
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let start = Instant::now();
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("  cannot spawn {bin}: {e}\n"))?;
    let stdout = spawn_reader(child.stdout.take().unwrap());
    let stderr = spawn_reader(child.stderr.take().unwrap());
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break st,
            Ok(None) => {
                if start.elapsed() > cfg.timeout {
                    timed_out = true;
                    kill_tree(&mut child);
                    break child.wait().map_err(|e| format!("  wait failed: {e}\n"))?;
                }
                thread::sleep(Duration::from_millis(5));
            }
            Err(e) => return Err(format!("  wait failed: {e}\n")),
        }
    };
    let elapsed = start.elapsed();
    // Output pipes can stay open if the program left children behind; don't wait forever.
    let deadline = Instant::now() + Duration::from_secs(5);
    let stdout = collect_reader(stdout, deadline);
    let stderr = collect_reader(stderr, deadline);
    Ok(RunResult {
        stdout,
        stderr,
        code: status.code(),
        timed_out,
        elapsed,
    })
}

type Reader = (Arc<Mutex<Vec<u8>>>, thread::JoinHandle<()>);

fn spawn_reader<R: Read + Send + 'static>(mut r: R) -> Reader {
    let buf = Arc::new(Mutex::new(Vec::new()));
    let b = Arc::clone(&buf);
    let h = thread::spawn(move || {
        let mut chunk = [0u8; 8192];
        loop {
            match r.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => b.lock().unwrap().extend_from_slice(&chunk[..n]),
            }
        }
    });
    (buf, h)
}

fn collect_reader((buf, h): Reader, deadline: Instant) -> Vec<u8> {
    while !h.is_finished() && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(5));
    }
    if h.is_finished() {
        let _ = h.join();
    }
    let out = buf.lock().unwrap().clone();
    out
}

fn kill_tree(child: &mut std::process::Child) {
    #[cfg(unix)]
    {
        // The child leads its own process group (see process_group(0) above).
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
}

/// CPython prints the main script's path absolute in tracebacks (`File "/abs/dir/NAME.py"`);
/// the stored `.err` files have it relative. Strip `<cwd>/` (logical and canonical) so
/// either form matches.
fn relativize(stderr: &[u8], cwd: &Path) -> Vec<u8> {
    let mut text = String::from_utf8_lossy(stderr).into_owned();
    let mut prefixes = vec![format!("{}/", cwd.display())];
    if let Ok(c) = cwd.canonicalize() {
        prefixes.push(format!("{}/", c.display()));
    }
    for prefix in prefixes {
        text = text.replace(&prefix, "");
    }
    text.into_bytes()
}

/// A short unified-ish diff: the first differing line with 3 lines of context, then
/// up to 8 lines of each side, stopping early where the two sides line up again.
fn diff(expected: &str, actual: &str) -> String {
    const MAX: usize = 8;
    const WIDTH: usize = 300;
    let e: Vec<&str> = expected.split_inclusive('\n').collect();
    let a: Vec<&str> = actual.split_inclusive('\n').collect();
    let first = e
        .iter()
        .zip(a.iter())
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    // Number of differing lines to show: until both sides agree again at the same offset.
    let mut n = 1;
    while n < MAX
        && (first + n < e.len() || first + n < a.len())
        && e.get(first + n) != a.get(first + n)
    {
        n += 1;
    }
    let fmt_line = |l: &str| -> String {
        let mut t = if l.ends_with('\n') {
            l[..l.len() - 1].to_string()
        } else {
            format!("{l}\\ (no newline at end)")
        };
        if t.chars().count() > WIDTH {
            t = t.chars().take(WIDTH).collect::<String>() + " [...]";
        }
        t
    };
    let mut s = String::new();
    s.push_str(&format!(
        "    @@ first difference at line {} (expected {} lines, got {}) @@\n",
        first + 1,
        e.len(),
        a.len()
    ));
    for l in &e[first.saturating_sub(3)..first] {
        s.push_str(&format!("     {}\n", fmt_line(l)));
    }
    for (lines, sign) in [(&e, '-'), (&a, '+')] {
        for l in lines.iter().skip(first).take(n) {
            s.push_str(&format!("    {sign}{}\n", fmt_line(l)));
        }
        let rest = lines.len().saturating_sub(first + n);
        if rest > 0 && n == MAX {
            s.push_str(&format!("    {sign}... ({rest} more lines)\n"));
        }
    }
    s
}

fn check(bin: &str, cfg: &Config, p: &Program) -> Result<Duration, String> {
    let expected_out = fs::read(&p.expected_out).map_err(|e| {
        format!(
            "  cannot read {}: {e} (run tests/regen.sh)\n",
            p.expected_out.display()
        )
    })?;
    let r = run_one(bin, cfg, p)?;
    let mut problems = String::new();
    if r.timed_out {
        problems.push_str(&format!("  timed out after {:?}\n", cfg.timeout));
    }
    if !r.timed_out && r.code != Some(p.expected_code) {
        let got = match r.code {
            Some(c) => c.to_string(),
            None => "none (killed by a signal)".to_string(),
        };
        problems.push_str(&format!(
            "  exit code: expected {}, got {got}\n",
            p.expected_code
        ));
    }
    if r.stdout != expected_out {
        problems.push_str("  stdout differs:\n");
        problems.push_str(&diff(
            &String::from_utf8_lossy(&expected_out),
            &String::from_utf8_lossy(&r.stdout),
        ));
    }
    if let Some(err_path) = &p.expected_err {
        let expected_err =
            fs::read(err_path).map_err(|e| format!("cannot read {}: {e}", err_path.display()))?;
        let actual_err = relativize(&r.stderr, &p.cwd);
        if actual_err != expected_err {
            problems.push_str("  stderr differs:\n");
            problems.push_str(&diff(
                &String::from_utf8_lossy(&expected_err),
                &String::from_utf8_lossy(&actual_err),
            ));
        }
    }
    if problems.is_empty() {
        Ok(r.elapsed)
    } else {
        if p.expected_err.is_none() && !r.stderr.is_empty() {
            let err = String::from_utf8_lossy(&r.stderr);
            let tail: Vec<&str> = err.lines().rev().take(8).collect();
            problems.push_str("  stderr (last lines):\n");
            for l in tail.iter().rev() {
                problems.push_str(&format!("    | {l}\n"));
            }
        }
        Err(problems)
    }
}

/// Runs `programs` under `cfg` on a small thread pool; panics listing every
/// failing program.
fn run_corpus(cfg: &Config, programs: Vec<Program>) {
    // Configurations run one after another (cargo runs #[test]s in parallel): the
    // machine is small, and some programs write fixed files under /tmp.
    static ONE_CONFIG_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _guard = ONE_CONFIG_AT_A_TIME
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let filter = std::env::var("PYRS_CORPUS_FILTER").unwrap_or_default();
    let verbose = std::env::var("PYRS_CORPUS_VERBOSE").map_or(false, |v| !v.is_empty() && v != "0");
    let threads: usize = std::env::var("PYRS_CORPUS_THREADS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3)
        .max(1);
    let bin = binary();
    let mut cfg = cfg.clone();
    if let Some(secs) = std::env::var("PYRS_CORPUS_TIMEOUT")
        .ok()
        .and_then(|v| v.parse::<f64>().ok())
    {
        cfg.timeout = Duration::from_secs_f64(secs);
    }
    let cfg = &cfg;
    let mut skipped = 0;
    let selected: VecDeque<Program> = programs
        .into_iter()
        .filter(|p| p.name.contains(&filter))
        .filter(|p| match cfg.skip_marker {
            Some(m) if has_marker(p, m) => {
                skipped += 1;
                false
            }
            _ => true,
        })
        .collect();
    let total = selected.len();
    eprintln!(
        "[{}] running {total} programs with {bin} ({threads} threads, {skipped} skipped)",
        cfg.name
    );
    let queue = Arc::new(Mutex::new(selected));
    let failures: Arc<Mutex<Vec<(String, String)>>> = Arc::new(Mutex::new(Vec::new()));
    let mut handles = Vec::new();
    for _ in 0..threads.min(total.max(1)) {
        let queue = Arc::clone(&queue);
        let failures = Arc::clone(&failures);
        let cfg = cfg.clone();
        let bin = bin.clone();
        handles.push(thread::spawn(move || loop {
            let Some(p) = queue.lock().unwrap().pop_front() else {
                break;
            };
            match check(&bin, &cfg, &p) {
                Ok(t) => {
                    if verbose {
                        eprintln!("[{}] ok   {} ({:.2}s)", cfg.name, p.name, t.as_secs_f64());
                    }
                }
                Err(msg) => {
                    if verbose {
                        eprintln!("[{}] FAIL {}", cfg.name, p.name);
                    }
                    failures.lock().unwrap().push((p.name.clone(), msg));
                }
            }
        }));
    }
    for h in handles {
        h.join().expect("worker thread panicked");
    }
    let mut failures = std::mem::take(&mut *failures.lock().unwrap());
    failures.sort();
    if failures.is_empty() {
        eprintln!("[{}] all {total} programs passed", cfg.name);
        return;
    }
    let mut report = String::new();
    for (name, msg) in &failures {
        report.push_str(&format!("--- FAIL {name} [{}]\n{msg}", cfg.name));
    }
    eprintln!("{report}");
    let names: Vec<&str> = failures.iter().map(|(n, _)| n.as_str()).collect();
    panic!(
        "[{}] {} of {total} programs failed: {}",
        cfg.name,
        failures.len(),
        names.join(" ")
    );
}
