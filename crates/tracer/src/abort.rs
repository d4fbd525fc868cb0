//! Why a recording stopped without producing a trace. One table, expanded into the enum,
//! its names (for `--jit-stats`) and its count.

macro_rules! abort_reasons {
    ($( $(#[$doc:meta])* $name:ident = $text:literal ),* $(,)?) => {
        /// A typed reason for abandoning a recording.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum AbortReason { $( $(#[$doc])* $name ),* }

        impl AbortReason {
            /// Every reason, in declaration order.
            pub const ALL: &'static [AbortReason] = &[$(AbortReason::$name),*];

            /// The name `--jit-stats` prints.
            pub fn name(self) -> &'static str {
                match self { $(AbortReason::$name => $text),* }
            }
        }
    };
}

abort_reasons! {
    /// The trace grew beyond `trace_limit` operations.
    TraceTooLong = "trace_limit",
    /// The guest performed an operation the recorder cannot express.
    Unsupported = "unsupported operation",
    /// An exception was raised while recording.
    ExceptionRaised = "exception raised",
    /// A recursive call (the callee is already on the recorded call stack).
    Recursion = "recursion",
    /// The frame the trace started in returned or was left before the loop closed.
    LeftLoop = "left the loop",
    /// An inlined call entered a loop of its own.
    InnerLoop = "loop in inlined call",
    /// The values carried around the loop changed type between iterations.
    TypeUnstable = "type-unstable loop",
    /// The optimizer or the backend rejected the trace.
    CompileFailed = "compile failed",
}

#[cfg(test)]
mod tests {
    use super::AbortReason;

    #[test]
    fn names_are_distinct() {
        let mut names: Vec<_> = AbortReason::ALL.iter().map(|r| r.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), AbortReason::ALL.len());
    }
}
