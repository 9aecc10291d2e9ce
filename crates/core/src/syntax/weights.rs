//! The in-memory weight table: every (feature, class) weight lives in a
//! 64-byte bucket chosen by the feature's key, so a lookup reads one cache
//! line (rarely two). Tagging and parsing are bound by these lookups:
//! the parser makes about 170 a word, and a table with a separate index
//! and entry array cost two cache misses each.
//!
//! A key of `key_bits` bits is split into the bucket number (its top
//! `bucket_bits`) and a fingerprint (the rest, at most 12 bits), so the
//! table holds the keys exactly: no false matches, and the rows can be
//! read back for encoding. A row that does not fit its bucket spills into
//! the next ones; each bucket records how far its rows spilled.

use super::model_file::ModelError;

/// One weight: a class and its quantised score contribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Class index.
    pub class: u8,
    /// Weight (integer; only ratios matter).
    pub weight: i8,
}

/// A stored weight, four bytes: [`Entry`] and a tag holding the key's
/// fingerprint (high 12 bits) and how many buckets past its home bucket it
/// sits (low 4 bits).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Cell {
    tag: u16,
    class: u8,
    weight: i8,
}

const PER_BUCKET: usize = 15;
/// Fingerprint bits in a cell's tag.
const FP_BITS: u8 = 12;

/// Fifteen cells, how many are used, and how far rows homed here spilled.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(64))]
struct Bucket {
    cells: [Cell; PER_BUCKET],
    len: u8,
    spill: u8,
}

/// Most buckets a row may spill over (a full table fails to build instead).
const MAX_SPILL: usize = 15;

#[inline]
fn tag(fingerprint: u16, displacement: usize) -> u16 {
    fingerprint << 4 | displacement as u16
}

/// The sparse weights of a linear model, bucketed by feature key.
#[derive(Clone, Debug)]
pub struct WeightTable {
    key_bits: u8,
    bucket_bits: u8,
    buckets: Vec<Bucket>,
    features: usize,
    entries: usize,
}

/// Places every row in `2^bucket_bits` buckets, or `None` when a row
/// would spill further than [`MAX_SPILL`] buckets.
fn place_all(rows: &[(u32, Vec<Entry>)], key_bits: u8, bucket_bits: u8) -> Option<Vec<Bucket>> {
    let n = 1usize << bucket_bits;
    let mut buckets = vec![Bucket::default(); n];
    let fp_bits = key_bits - bucket_bits;
    // Short rows first: they then sit in their home bucket, and only the
    // long rows (bias-like features) spill, which few lookups meet.
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&i| (rows[i].1.len(), rows[i].0));
    for (key, row) in order.iter().map(|&i| &rows[i]) {
        let home = (key >> fp_bits) as usize;
        let fingerprint = (key & ((1u32 << fp_bits) - 1)) as u16;
        let mut d = 0usize;
        for e in row {
            while buckets[(home + d) & (n - 1)].len as usize == PER_BUCKET {
                d += 1;
                if d > MAX_SPILL || d >= n {
                    return None;
                }
            }
            let b = &mut buckets[(home + d) & (n - 1)];
            b.cells[b.len as usize] = Cell {
                tag: tag(fingerprint, d),
                class: e.class,
                weight: e.weight,
            };
            b.len += 1;
            let h = &mut buckets[home];
            h.spill = h.spill.max(d as u8);
        }
    }
    Some(buckets)
}

/// The key of a 64-bit feature hash for `key_bits`: its top bits.
#[inline]
pub fn key_of(hash: u64, key_bits: u8) -> u32 {
    (hash >> (64 - u32::from(key_bits.clamp(1, 32)))) as u32
}

impl WeightTable {
    /// Builds a table from rows `(key, entries)`; keys must be strictly
    /// increasing and below `2^key_bits`, each row's classes strictly
    /// increasing, with non-zero weights and at most 255 entries.
    pub fn from_rows<I>(key_bits: u8, rows: I) -> Result<WeightTable, ModelError>
    where
        I: IntoIterator<Item = (u32, Vec<Entry>)>,
    {
        if !(1..=32).contains(&key_bits) {
            return Err(ModelError::Invalid("key bits"));
        }
        let mut checked: Vec<(u32, Vec<Entry>)> = Vec::new();
        let mut entries = 0usize;
        for (key, row) in rows {
            if key_bits < 32 && key >> key_bits != 0 {
                return Err(ModelError::Invalid("key wider than key bits"));
            }
            if checked.last().is_some_and(|(k, _)| *k >= key) {
                return Err(ModelError::Invalid("keys not increasing"));
            }
            if row.is_empty() || row.len() > 255 {
                return Err(ModelError::Invalid("row length"));
            }
            if row.windows(2).any(|w| w[0].class >= w[1].class) {
                return Err(ModelError::Invalid("classes not increasing"));
            }
            if row.iter().any(|e| e.weight == 0) {
                return Err(ModelError::Invalid("zero weight"));
            }
            entries += row.len();
            checked.push((key, row));
        }
        // The fewest buckets (a power of two) that are at most 60 % full,
        // and at least 2^(key_bits - 12) so that fingerprints fit 12 bits;
        // twice as many when some row would spill too far.
        let want = (entries * 10 / 6).div_ceil(PER_BUCKET).max(1);
        let least = ((usize::BITS - (want - 1).leading_zeros()) as u8)
            .max(key_bits.saturating_sub(FP_BITS))
            .min(key_bits);
        let mut bucket_bits = least;
        let buckets = loop {
            if bucket_bits > 28 {
                return Err(ModelError::Invalid("weight table too large"));
            }
            match place_all(&checked, key_bits, bucket_bits) {
                Some(b) => break b,
                None if bucket_bits < key_bits => bucket_bits += 1,
                None => return Err(ModelError::Invalid("weight table full")),
            }
        };
        Ok(WeightTable {
            key_bits,
            bucket_bits,
            buckets,
            features: checked.len(),
            entries,
        })
    }

    /// The key of a 64-bit feature hash: its top `key_bits` bits.
    #[inline]
    pub fn key_of(&self, hash: u64) -> u32 {
        key_of(hash, self.key_bits)
    }

    /// Calls `f` with each entry of one feature hash.
    #[inline]
    pub fn for_each(&self, hash: u64, mut f: impl FnMut(Entry)) {
        let key = self.key_of(hash);
        let fp_bits = self.key_bits - self.bucket_bits;
        let home = (key >> fp_bits) as usize;
        let fingerprint = (key & ((1u32 << fp_bits) - 1)) as u16;
        let mask = self.buckets.len() - 1;
        let spill = self.buckets[home].spill as usize;
        for d in 0..=spill {
            let b = &self.buckets[(home + d) & mask];
            for c in &b.cells[..b.len as usize] {
                if c.tag == tag(fingerprint, d) {
                    f(Entry {
                        class: c.class,
                        weight: c.weight,
                    });
                }
            }
        }
    }

    /// The entries of one feature hash, by class (empty when unknown).
    pub fn lookup(&self, hash: u64) -> Vec<Entry> {
        let mut v = Vec::new();
        self.for_each(hash, |e| v.push(e));
        v.sort_by_key(|e| e.class);
        v
    }

    /// Home bucket and fingerprint of a hash.
    #[inline]
    fn place(&self, hash: u64) -> (usize, u16) {
        let key = self.key_of(hash);
        let fp_bits = self.key_bits - self.bucket_bits;
        (
            (key >> fp_bits) as usize,
            (key & ((1u32 << fp_bits) - 1)) as u16,
        )
    }

    /// Adds the weights of every feature in `hashes` to `scores` (indexed
    /// by class; classes beyond `scores` are ignored).
    ///
    /// Two passes: the first only reads each feature's bucket, so the
    /// cache misses of all features overlap instead of waiting in turn;
    /// the second scans the (now cached) buckets without branching on
    /// their contents (unused cells hold weight 0).
    #[inline]
    pub fn add_scores(&self, hashes: &[u64], scores: &mut [i32]) {
        let mut spilled = 0u8;
        for &h in hashes {
            spilled |= self.buckets[self.place(h).0].spill;
        }
        for &h in hashes {
            let (home, fingerprint) = self.place(h);
            let b = &self.buckets[home];
            let want = tag(fingerprint, 0);
            for c in &b.cells {
                let hit = i32::from(c.tag == want);
                if let Some(s) = scores.get_mut(c.class as usize) {
                    *s += hit * i32::from(c.weight);
                }
            }
            if spilled != 0 && b.spill != 0 {
                self.add_spilled(home, fingerprint, b.spill as usize, scores);
            }
        }
    }

    /// The entries of a row that spilled past its home bucket.
    #[cold]
    fn add_spilled(&self, home: usize, fingerprint: u16, spill: usize, scores: &mut [i32]) {
        let mask = self.buckets.len() - 1;
        for d in 1..=spill {
            for c in &self.buckets[(home + d) & mask].cells {
                if c.tag == tag(fingerprint, d) {
                    if let Some(s) = scores.get_mut(c.class as usize) {
                        *s += i32::from(c.weight);
                    }
                }
            }
        }
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.features
    }

    /// Whether the table has no feature.
    pub fn is_empty(&self) -> bool {
        self.features == 0
    }

    /// Number of (feature, class) weights.
    pub fn entry_count(&self) -> usize {
        self.entries
    }

    /// Key bits.
    pub fn key_bits(&self) -> u8 {
        self.key_bits
    }

    /// Share of buckets whose rows spilled, and of entries stored outside
    /// their home bucket (diagnostics).
    pub fn spill_stats(&self) -> (f64, f64) {
        let n = self.buckets.len().max(1) as f64;
        let spilled = self.buckets.iter().filter(|b| b.spill > 0).count() as f64;
        let away = self
            .buckets
            .iter()
            .flat_map(|b| &b.cells[..b.len as usize])
            .filter(|c| c.tag & 15 > 0)
            .count() as f64;
        (spilled / n, away / self.entries.max(1) as f64)
    }

    /// Bytes of memory the table takes.
    pub fn memory_bytes(&self) -> usize {
        self.buckets.len() * std::mem::size_of::<Bucket>()
    }

    /// The rows, in key order, classes increasing.
    pub fn rows(&self) -> Vec<(u32, Vec<Entry>)> {
        let fp_bits = self.key_bits - self.bucket_bits;
        let n = self.buckets.len();
        let mut all: Vec<(u32, Entry)> = Vec::with_capacity(self.entries);
        for (i, b) in self.buckets.iter().enumerate() {
            for c in &b.cells[..b.len as usize] {
                let home = (i + n - (c.tag & 15) as usize) & (n - 1);
                let key = ((home as u32) << fp_bits) | u32::from(c.tag >> 4);
                all.push((
                    key,
                    Entry {
                        class: c.class,
                        weight: c.weight,
                    },
                ));
            }
        }
        all.sort_by_key(|&(k, e)| (k, e.class));
        let mut rows: Vec<(u32, Vec<Entry>)> = Vec::with_capacity(self.features);
        for (k, e) in all {
            match rows.last_mut() {
                Some((last, row)) if *last == k => row.push(e),
                _ => rows.push((k, vec![e])),
            }
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(class: u8, weight: i8) -> Entry {
        Entry { class, weight }
    }

    #[test]
    fn rows_round_trip_through_the_buckets() {
        // Many rows on few keys' worth of buckets, so rows spill.
        let rows: Vec<(u32, Vec<Entry>)> = (0..500u32)
            .map(|k| {
                (
                    k * 7,
                    (0..(k % 13 + 1) as u8).map(|c| e(c, c as i8 + 1)).collect(),
                )
            })
            .collect();
        let t = WeightTable::from_rows(14, rows.clone()).unwrap();
        assert_eq!(t.rows(), rows);
        assert_eq!(t.len(), 500);
        for (k, row) in &rows {
            let hash = u64::from(*k) << (64 - 14);
            assert_eq!(&t.lookup(hash), row);
        }
        assert!(t.lookup(1u64 << (64 - 14)).is_empty());
        assert_eq!(std::mem::size_of::<Bucket>(), 64);
    }

    #[test]
    fn crowded_keys_get_more_buckets() {
        // Every key in the same few buckets: the table grows instead of failing.
        let rows: Vec<(u32, Vec<Entry>)> =
            (0..300u32).map(|k| (k, vec![e(0, 1), e(1, 2)])).collect();
        let t = WeightTable::from_rows(16, rows.clone()).unwrap();
        assert_eq!(t.rows(), rows);
    }

    #[test]
    fn full_length_keys_and_empty_tables_work() {
        let t = WeightTable::from_rows(32, vec![(u32::MAX, vec![e(3, -5)])]).unwrap();
        assert_eq!(t.lookup(u64::MAX), vec![e(3, -5)]);
        let empty = WeightTable::from_rows(20, Vec::new()).unwrap();
        assert!(empty.is_empty());
        assert!(empty.lookup(12345).is_empty());
    }
}
