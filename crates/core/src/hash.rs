//! A small, fast hasher for the core's hash sets and maps.
//!
//! Every stage looks words up in sets and maps many times per token; with
//! std's SipHash, hashing alone took about a fifth of the analysis time.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast, non-cryptographic hasher (the Fx hash of rustc) for
/// word lookups, where SipHash would dominate. It is not seeded: a text
/// crafted to collide could slow an analysis down (it stays correct), which
/// matters only where untrusted text is analysed on a shared server.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        // The tail in at most three steps (4, 2, 1 bytes), as rustc's FxHasher:
        // most words are shorter than eight bytes.
        let mut rest = chunks.remainder();
        if rest.len() >= 4 {
            self.add(u64::from(u32::from_le_bytes([
                rest[0], rest[1], rest[2], rest[3],
            ])));
            rest = &rest[4..];
        }
        if rest.len() >= 2 {
            self.add(u64::from(u16::from_le_bytes([rest[0], rest[1]])));
            rest = &rest[2..];
        }
        if let Some(&b) = rest.first() {
            self.add(u64::from(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A hash set with [`FxHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;
/// A hash map with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
