//! Calling into compiled code. Machine code is entered as
//! `extern "sysv64" fn(jitframe: *mut u64, len: u64) -> u64` and returns an exit word.

/// Whether this target can run the code the backend emits: x86-64 with the System V
/// calling convention (the call ABI passes arguments in its registers).
pub(crate) const SUPPORTED: bool = cfg!(all(target_arch = "x86_64", not(windows)));

/// Runs the code at `entry` on the jitframe `frame` of `len` slots and returns its exit
/// word; `None` on targets where compiled code cannot run.
///
/// # Safety
/// `entry` is the entry point of a compiled loop of this backend, `frame` points to
/// `len` writable words, `len` is at least the loop's frame size, and every address the
/// code dereferences is valid (the contract of `Backend::execute`).
#[cfg(target_arch = "x86_64")]
pub(crate) unsafe fn enter(entry: usize, frame: *mut u64, len: usize) -> Option<u64> {
    type Entry = unsafe extern "sysv64" fn(*mut u64, u64) -> u64;
    // SAFETY: `entry` is the address of a prologue emitted for exactly this signature
    // (this function's contract); code addresses fit a function pointer.
    let f = unsafe { std::mem::transmute::<usize, Entry>(entry) };
    // SAFETY: forwarded from this function's contract.
    Some(unsafe { f(frame, len as u64) })
}

/// Compiled code cannot run on this target.
///
/// # Safety
/// None needed: nothing is run.
#[cfg(not(target_arch = "x86_64"))]
pub(crate) unsafe fn enter(_entry: usize, _frame: *mut u64, _len: usize) -> Option<u64> {
    None
}
