//! [`Config`]: what passes may know about the VM beyond the trace itself.

/// Facts about the VM that a trace does not carry. The default knows nothing, and every
/// pass is correct under it; knowing more only lets passes prove more.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// Byte offset of the class word in objects (the backend's
    /// [`JitEnv::class_offset`](pyrs_jit_ir::JitEnv::class_offset)). When known, a store
    /// of a constant there tells `rewrite` the object's class, and stores elsewhere leave
    /// known classes alone; when unknown, every GC store forgets what `guard_class`
    /// established.
    pub class_offset: Option<u32>,
}
