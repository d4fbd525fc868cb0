//! Test support shared with the other JIT crates: a seeded PRNG, an environment backed by
//! `malloc`-style memory, random trace generators, and [`InterpBackend`] (the IR
//! interpreter behind the [`Backend`](crate::Backend) trait). Backends run the same random
//! traces on themselves and on [`interpret`](crate::interpret) and compare the exits.

mod any;
mod backend;
mod exec;
mod gen;

pub use any::random_any_trace;
pub use backend::InterpBackend;
pub use exec::{random_inputs, random_trace};

use std::alloc::{alloc_zeroed, Layout};

use crate::env::JitEnv;
use crate::types::Type;

/// A small seeded PRNG (SplitMix64): deterministic across platforms and runs.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let span = (hi as i128 - lo as i128 + 1) as u128;
        (lo as i128 + (self.next_u64() as u128 % span) as i128) as i64
    }

    /// `true` with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One of `items` (which must not be empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

static NO_EXCEPTION: u64 = 0;

extern "C" fn test_alloc(size: u64, header: u64) -> u64 {
    let Ok(layout) = Layout::from_size_align(size.max(8) as usize, 8) else {
        return 0;
    };
    // SAFETY: the layout has a non-zero size.
    let p = unsafe { alloc_zeroed(layout) };
    if p.is_null() {
        return 0;
    }
    // SAFETY: `p` is 8-aligned and at least 8 bytes long.
    unsafe { p.cast::<u64>().write(header) };
    p as u64
}

/// An environment for tests: class word at offset 8, no exception pending ever, no
/// nursery, no write barrier, and an allocator that never frees (memory is leaked).
pub fn test_env() -> JitEnv {
    JitEnv {
        class_offset: 8,
        exc_pending: &NO_EXCEPTION,
        alloc: test_alloc,
        nursery_free: std::ptr::null_mut(),
        nursery_top: std::ptr::null(),
        write_barrier: None,
    }
}

/// Whether two exit words of type `ty` agree: bit-equal, or both NaN for floats (NaN
/// payloads and signs legitimately differ between code generators).
pub fn same_word(ty: Type, a: u64, b: u64) -> bool {
    a == b || (ty == Type::Float && f64::from_bits(a).is_nan() && f64::from_bits(b).is_nan())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_deterministic_and_in_range() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..1000 {
            assert_eq!(a.next_u64(), b.next_u64());
            let r = a.range(-3, 3);
            assert_eq!(r, b.range(-3, 3));
            assert!((-3..=3).contains(&r));
            assert!(a.below(5) < 5);
            b.below(5);
        }
        assert_eq!(
            Rng::new(1).range(i64::MIN, i64::MAX),
            Rng::new(1).range(i64::MIN, i64::MAX)
        );
    }

    #[test]
    fn test_alloc_writes_the_header_and_zeroes() {
        let p = test_alloc(24, 0xabc);
        assert_ne!(p, 0);
        // SAFETY: `p` is a fresh 24-byte allocation.
        let words = unsafe { std::slice::from_raw_parts(p as *const u64, 3) };
        assert_eq!(words, [0xabc, 0, 0]);
    }

    #[test]
    fn nan_words_compare_equal_as_floats() {
        let (a, b) = (f64::NAN.to_bits(), (-f64::NAN).to_bits());
        assert!(same_word(Type::Float, a, b));
        assert!(!same_word(Type::Int, a, b));
    }
}
