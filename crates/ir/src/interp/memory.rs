//! Raw memory access and calls for the IR interpreter: the unsafe leaves, each with its
//! contract.

use super::InterpError;
use crate::descr::ArrayDescr;

pub(super) fn nonnull(n: usize, addr: u64) -> Result<u64, InterpError> {
    if addr == 0 {
        Err(InterpError::Null(n))
    } else {
        Ok(addr)
    }
}

pub(super) fn item_address(d: &ArrayDescr, base: u64, index: u64) -> u64 {
    base.wrapping_add(d.base_offset as u64)
        .wrapping_add(index.wrapping_mul(d.item_size as u64))
}

/// Loads `size` bytes at `addr`, sign- or zero-extended to a word.
///
/// # Safety
/// `addr..addr + size` is readable.
pub(super) unsafe fn load(addr: u64, size: u8, signed: bool) -> u64 {
    let p = addr as usize as *const u8;
    // SAFETY: per this function's contract; unaligned reads are allowed.
    unsafe {
        match (size, signed) {
            (1, true) => p.cast::<i8>().read_unaligned() as i64 as u64,
            (1, false) => p.read_unaligned() as u64,
            (2, true) => p.cast::<i16>().read_unaligned() as i64 as u64,
            (2, false) => p.cast::<u16>().read_unaligned() as u64,
            (4, true) => p.cast::<i32>().read_unaligned() as i64 as u64,
            (4, false) => p.cast::<u32>().read_unaligned() as u64,
            _ => p.cast::<u64>().read_unaligned(),
        }
    }
}

/// Stores the low `size` bytes of `v` at `addr`.
///
/// # Safety
/// `addr..addr + size` is writable.
pub(super) unsafe fn store(addr: u64, size: u8, v: u64) {
    let p = addr as usize as *mut u8;
    // SAFETY: per this function's contract; unaligned writes are allowed.
    unsafe {
        match size {
            1 => p.write_unaligned(v as u8),
            2 => p.cast::<u16>().write_unaligned(v as u16),
            4 => p.cast::<u32>().write_unaligned(v as u32),
            _ => p.cast::<u64>().write_unaligned(v),
        }
    }
}

/// Calls `func` per the call ABI with up to six word arguments.
///
/// # Safety
/// `func` is an `extern "C"` function taking `args.len()` `u64`s and returning a `u64`.
pub(super) unsafe fn call(func: u64, args: &[u64]) -> u64 {
    type W = u64;
    let p = func as usize as *const ();
    // SAFETY: per this function's contract, `p` has exactly the transmuted signature.
    unsafe {
        match *args {
            [] => std::mem::transmute::<*const (), extern "C" fn() -> W>(p)(),
            [a] => std::mem::transmute::<*const (), extern "C" fn(W) -> W>(p)(a),
            [a, b] => std::mem::transmute::<*const (), extern "C" fn(W, W) -> W>(p)(a, b),
            [a, b, c] => std::mem::transmute::<*const (), extern "C" fn(W, W, W) -> W>(p)(a, b, c),
            [a, b, c, d] => {
                std::mem::transmute::<*const (), extern "C" fn(W, W, W, W) -> W>(p)(a, b, c, d)
            }
            [a, b, c, d, e] => std::mem::transmute::<*const (), extern "C" fn(W, W, W, W, W) -> W>(
                p,
            )(a, b, c, d, e),
            [a, b, c, d, e, g, ..] => std::mem::transmute::<
                *const (),
                extern "C" fn(W, W, W, W, W, W) -> W,
            >(p)(a, b, c, d, e, g),
        }
    }
}
