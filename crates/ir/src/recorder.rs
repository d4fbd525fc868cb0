//! The interpreter-to-tracer interface: the eval loop is generic over [`Recorder`], so the
//! plain interpreter ([`NoRecorder`]) and the tracer's recording run share one loop.

/// A position in the guest program: an opaque code-object identity and an instruction index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Position {
    /// Identity of the code object (its address, for example), stable while it lives.
    pub code: usize,
    /// Instruction index inside it.
    pub pc: u32,
}

/// What the interpreter tells the recorder, and what it asks of it.
///
/// Invariant: a recorder observes and never changes what the program does; the eval loop
/// gives it every back-edge, so a tracer can count hot loops and close traces there.
pub trait Recorder {
    /// Whether this recorder records anything. `false` lets the eval loop skip preparing
    /// the arguments of the other hooks entirely.
    const ACTIVE: bool;

    /// A loop back-edge is about to jump from `from` to the loop header `to`.
    fn back_edge(&mut self, from: Position, to: Position);

    /// A guest function at `entry` is being entered.
    fn function_entry(&mut self, entry: Position);
}

/// The recorder of the plain interpreter: records nothing.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoRecorder;

impl Recorder for NoRecorder {
    const ACTIVE: bool = false;

    #[inline(always)]
    fn back_edge(&mut self, _from: Position, _to: Position) {}

    #[inline(always)]
    fn function_entry(&mut self, _entry: Position) {}
}
