//! Counters and timers that `--jit-stats` prints.

use crate::abort::AbortReason;
use std::fmt;
use std::time::Duration;

/// What the JIT did during a run.
#[derive(Clone, Debug, Default)]
pub struct JitStats {
    /// Loops compiled.
    pub loops: u64,
    /// Bridges compiled and attached.
    pub bridges: u64,
    /// Function-entry traces compiled.
    pub entries_compiled: u64,
    /// Entries from the interpreter into compiled code (loops and entry traces).
    pub entries: u64,
    /// Guard failures that returned to the interpreter.
    pub guard_failures: u64,
    /// Recordings started.
    pub recordings: u64,
    /// Aborted recordings, per reason (indexed like `AbortReason::ALL`).
    pub aborts: Vec<(AbortReason, u64)>,
    /// Time spent recording traces.
    pub recording: Duration,
    /// Time spent in optimization passes.
    pub optimizing: Duration,
    /// Time spent in the backend.
    pub compiling: Duration,
    /// Time spent running compiled code (including the residual calls it makes).
    pub running: Duration,
    /// IR operations before and after optimization, summed over all traces.
    pub ops_recorded: u64,
    /// IR operations after optimization.
    pub ops_optimized: u64,
}

impl JitStats {
    /// Counts one abort.
    pub fn abort(&mut self, reason: AbortReason) {
        match self.aborts.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, n)) => *n += 1,
            None => self.aborts.push((reason, 1)),
        }
    }

    /// Total aborted recordings.
    pub fn total_aborts(&self) -> u64 {
        self.aborts.iter().map(|(_, n)| n).sum()
    }
}

fn secs(d: Duration) -> String {
    format!("{:.6}", d.as_secs_f64())
}

impl fmt::Display for JitStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "JIT statistics")?;
        writeln!(f, "  loops compiled:     {}", self.loops)?;
        writeln!(f, "  bridges compiled:   {}", self.bridges)?;
        writeln!(f, "  entry traces:       {}", self.entries_compiled)?;
        writeln!(f, "  entries:            {}", self.entries)?;
        writeln!(f, "  guard failures:     {}", self.guard_failures)?;
        writeln!(f, "  recordings:         {}", self.recordings)?;
        writeln!(f, "  aborts:             {}", self.total_aborts())?;
        for reason in AbortReason::ALL {
            if let Some((_, n)) = self.aborts.iter().find(|(r, _)| r == reason) {
                writeln!(f, "    {:<22}{}", reason.name(), n)?;
            }
        }
        writeln!(f, "  ops recorded:       {}", self.ops_recorded)?;
        writeln!(f, "  ops after opt:      {}", self.ops_optimized)?;
        writeln!(f, "  time recording:     {} s", secs(self.recording))?;
        writeln!(f, "  time optimizing:    {} s", secs(self.optimizing))?;
        writeln!(f, "  time compiling:     {} s", secs(self.compiling))?;
        write!(f, "  time in jit code:   {} s", secs(self.running))
    }
}
