//! A fast hasher for the driver's maps keyed by [`Position`](pyrs_jit_ir::Position): the
//! interpreter consults them at every back-edge and function entry, where std's SipHash
//! costs as much as the instructions around it. Keys are addresses and small ints, not
//! attacker-controlled, so a multiplicative mix suffices.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash-style word mixing.
#[derive(Default, Clone, Copy)]
pub struct PosHasher(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl PosHasher {
    #[inline(always)]
    fn mix(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
    }
}

impl Hasher for PosHasher {
    #[inline(always)]
    fn finish(&self) -> u64 {
        self.0
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(w));
        }
    }

    #[inline(always)]
    fn write_u32(&mut self, n: u32) {
        self.mix(n as u64);
    }

    #[inline(always)]
    fn write_u64(&mut self, n: u64) {
        self.mix(n);
    }

    #[inline(always)]
    fn write_usize(&mut self, n: usize) {
        self.mix(n as u64);
    }
}

/// A map with [`PosHasher`].
pub type PosMap<K, V> = HashMap<K, V, BuildHasherDefault<PosHasher>>;

#[cfg(test)]
mod tests {
    use super::PosMap;
    use pyrs_jit_ir::Position;

    #[test]
    fn distinct_positions_stay_distinct() {
        let mut m: PosMap<Position, u32> = PosMap::default();
        for code in [0x1000usize, 0x2000, 0x7f00_0000_1000] {
            for pc in 0..50u32 {
                m.insert(Position { code, pc }, pc);
            }
        }
        assert_eq!(m.len(), 150);
        assert_eq!(
            m.get(&Position {
                code: 0x2000,
                pc: 7
            }),
            Some(&7)
        );
    }
}
