//! Text-IR golden tests: each `tests/filetests/*.ir` names the passes to run, gives an
//! input trace, and after a line `----` the expected output (as `ir::print` writes it).
//!
//! ```text
//! # What the test shows (comments are free before the separator).
//! passes: rewrite dce
//! config: class_offset=8
//! [i0]
//! label(i0)
//! ...
//! ----
//! trace T0 loop
//! ...
//! ```
//!
//! `config:` is optional (default: nothing known). `PYRS_BLESS=1` rewrites every
//! expectation with the actual output; review the diff.

use std::fs;
use std::path::{Path, PathBuf};

use pyrs_jit_ir::{parse, print};
use pyrs_optimizer::{Config, Pipeline};

const SEPARATOR: &str = "----";

struct FileTest {
    /// Everything up to and including the separator line, kept verbatim when blessing.
    head: String,
    passes: Vec<String>,
    config: Config,
    input: String,
    expected: String,
}

fn parse_config(line: &str) -> Result<Config, String> {
    let mut config = Config::default();
    for item in line.split_whitespace() {
        match item.split_once('=') {
            Some(("class_offset", v)) => {
                config.class_offset = Some(v.parse().map_err(|e| format!("class_offset: {e}"))?)
            }
            _ => return Err(format!("unknown config item `{item}`")),
        }
    }
    Ok(config)
}

fn read_test(text: &str) -> Result<FileTest, String> {
    let mut head = String::new();
    let mut input = String::new();
    let mut passes = None;
    let mut config = Config::default();
    let mut lines = text.lines();
    for line in lines.by_ref() {
        head.push_str(line);
        head.push('\n');
        if line == SEPARATOR {
            let expected: Vec<&str> = lines.collect();
            let passes = passes.ok_or("no `passes:` line")?;
            return Ok(FileTest {
                head,
                passes,
                config,
                input,
                expected: expected.join("\n").trim_end().to_string() + "\n",
            });
        }
        if let Some(names) = line.strip_prefix("passes:") {
            passes = Some(names.split_whitespace().map(str::to_string).collect());
            input.push('\n');
        } else if let Some(items) = line.strip_prefix("config:") {
            config = parse_config(items)?;
            input.push('\n');
        } else {
            input.push_str(line);
            input.push('\n');
        }
    }
    Err(format!("no `{SEPARATOR}` line"))
}

fn actual_output(t: &FileTest) -> Result<String, String> {
    let trace = parse(&t.input).map_err(|e| format!("input: {e}"))?;
    let mut pipeline = Pipeline::with_config(&t.passes, t.config).map_err(|e| e.to_string())?;
    pipeline.set_verify(true);
    let out = pipeline.run(trace).map_err(|e| e.to_string())?;
    Ok(print(&out))
}

fn check(path: &Path, bless: bool) -> Result<(), String> {
    let text = fs::read_to_string(path).map_err(|e| e.to_string())?;
    let t = read_test(&text)?;
    let actual = actual_output(&t)?;
    if actual == t.expected {
        return Ok(());
    }
    if bless {
        return fs::write(path, format!("{}{actual}", t.head)).map_err(|e| e.to_string());
    }
    Err(format!(
        "output differs (PYRS_BLESS=1 to accept)\n--- expected\n{}--- actual\n{actual}",
        t.expected
    ))
}

fn test_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/filetests");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ir"))
        .collect();
    files.sort();
    files
}

#[test]
fn filetests() {
    let bless = std::env::var_os("PYRS_BLESS").is_some_and(|v| v == "1");
    let files = test_files();
    assert!(!files.is_empty(), "no filetests found");
    let failures: Vec<String> = files
        .iter()
        .filter_map(|p| {
            check(p, bless)
                .err()
                .map(|e| format!("{}: {e}", p.display()))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} filetests failed:\n\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}
