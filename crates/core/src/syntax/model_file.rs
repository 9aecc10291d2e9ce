//! The binary model file: a sparse table of quantised perceptron weights
//! keyed by hashed features, plus the class names and (for the tagger) a
//! small word → tag dictionary.
//!
//! Layout (little-endian; "varint" is LEB128):
//!
//! | bytes | content |
//! |---|---|
//! | 8 | magic `GLSYNTX1` |
//! | 1 | kind: 1 tagger, 2 parser |
//! | 1 | key bits (1–32): a feature's key is the top bits of its 64-bit hash |
//! | 1 | weight coding: 1 = one-byte codes into a codebook, 2 = raw `i16` |
//! | 1 | reserved (0) |
//! | 4 | feature-set version (the feature templates the weights belong to) |
//! | … | classes: varint count, then each as varint length + UTF-8 |
//! | … | varint feature count, varint entry count |
//! | … | keys: one varint per feature, the gap to the previous key (strictly increasing) |
//! | … | entry counts: one varint per feature (each ≥ 1) |
//! | … | classes: one byte per entry, the first of a feature absolute, then gaps (> 0) |
//! | … | codebook (coding 1): varint count L ≤ 127, then L increasing positive `i16` levels |
//! | … | weights: coding 1: one `i8` code per entry, ±k meaning ±level k (1-based); coding 2: one `i16` (non-zero) |
//! | … | lexicon: varint count, then each as varint length + UTF-8 + class byte (strictly increasing words) |
//! | 8 | FNV-1a 64 checksum of everything before |
//!
//! Columns (all keys, then all counts, …) compress far better under gzip
//! than interleaved rows. Decoding checks every length, index and the
//! checksum, and returns a [`ModelError`] for any damage: it never panics.

use std::fmt;

const MAGIC: &[u8; 8] = b"GLSYNTX1";

/// What a model file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelKind {
    /// A part-of-speech tagger.
    Tagger,
    /// A dependency parser.
    Parser,
}

impl ModelKind {
    fn code(self) -> u8 {
        match self {
            ModelKind::Tagger => 1,
            ModelKind::Parser => 2,
        }
    }

    fn from_code(c: u8) -> Option<ModelKind> {
        match c {
            1 => Some(ModelKind::Tagger),
            2 => Some(ModelKind::Parser),
            _ => None,
        }
    }
}

impl fmt::Display for ModelKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ModelKind::Tagger => "tagger",
            ModelKind::Parser => "parser",
        })
    }
}

/// Why a model file could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelError {
    /// The bytes do not start with the model magic (not a model file).
    BadMagic,
    /// The file ends before the named part.
    Truncated(&'static str),
    /// The checksum does not match: the file is damaged.
    Checksum,
    /// A value is out of range or inconsistent (named).
    Invalid(&'static str),
    /// The file is a model of another kind.
    WrongKind {
        /// The kind asked for.
        expected: ModelKind,
        /// The kind in the file.
        found: ModelKind,
    },
    /// The file was trained with other feature templates than this build uses.
    FeatureSet {
        /// This build's feature-set version.
        expected: u32,
        /// The file's.
        found: u32,
    },
    /// A class name is not a known tag or relation.
    UnknownLabel(String),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::BadMagic => write!(f, "not a Gloss syntax model (bad magic bytes)"),
            ModelError::Truncated(what) => write!(f, "model file truncated (in {what})"),
            ModelError::Checksum => write!(f, "model file damaged (checksum mismatch)"),
            ModelError::Invalid(what) => write!(f, "model file invalid: {what}"),
            ModelError::WrongKind { expected, found } => {
                write!(f, "expected a {expected} model, found a {found} model")
            }
            ModelError::FeatureSet { expected, found } => write!(
                f,
                "model built for feature set {found}, this build uses {expected}: retrain it"
            ),
            ModelError::UnknownLabel(l) => write!(f, "model file names an unknown label {l:?}"),
        }
    }
}

impl std::error::Error for ModelError {}

/// One weight: a class and its quantised score contribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Class index.
    pub class: u8,
    /// Weight (integer; only ratios matter).
    pub weight: i16,
}

#[derive(Clone, Copy, Debug)]
struct Slot {
    key: u32,
    /// `start << 8 | len`, or `EMPTY`.
    packed: u32,
}

const EMPTY: u32 = u32::MAX;
/// Entries are addressed with 24 bits.
const MAX_ENTRIES: usize = (1 << 24) - 1;

/// The sparse weights of a linear model: for each feature key, the classes
/// it votes for. Lookups go through an open-addressing hash index built
/// when the table is made (one probe sequence, then a contiguous run of
/// entries).
#[derive(Clone, Debug)]
pub struct WeightTable {
    key_bits: u8,
    /// Keys in increasing order (kept for encoding).
    keys: Vec<u32>,
    /// `starts[i]..starts[i + 1]` = entries of feature `i`.
    starts: Vec<u32>,
    entries: Vec<Entry>,
    slots: Vec<Slot>,
    slot_shift: u32,
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
        let mut keys = Vec::new();
        let mut starts = vec![0u32];
        let mut entries = Vec::new();
        for (key, row) in rows {
            if key_bits < 32 && key >> key_bits != 0 {
                return Err(ModelError::Invalid("key wider than key bits"));
            }
            if keys.last().is_some_and(|&k| k >= key) {
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
            keys.push(key);
            entries.extend_from_slice(&row);
            if entries.len() > MAX_ENTRIES {
                return Err(ModelError::Invalid("too many entries"));
            }
            starts.push(entries.len() as u32);
        }
        Ok(WeightTable::index(key_bits, keys, starts, entries))
    }

    fn index(key_bits: u8, keys: Vec<u32>, starts: Vec<u32>, entries: Vec<Entry>) -> WeightTable {
        // Capacity: a power of two at least twice the feature count.
        let cap_bits = (keys.len().max(1) * 2)
            .next_power_of_two()
            .trailing_zeros()
            .max(1);
        let cap = 1usize << cap_bits;
        let slot_shift = 64 - cap_bits;
        let mut slots = vec![
            Slot {
                key: 0,
                packed: EMPTY
            };
            cap
        ];
        for (i, &key) in keys.iter().enumerate() {
            let len = starts[i + 1] - starts[i];
            let mut s = slot_of(key, slot_shift);
            while slots[s].packed != EMPTY {
                s = (s + 1) & (cap - 1);
            }
            slots[s] = Slot {
                key,
                packed: starts[i] << 8 | len,
            };
        }
        WeightTable {
            key_bits,
            keys,
            starts,
            entries,
            slots,
            slot_shift,
        }
    }

    /// The key of a 64-bit feature hash: its top `key_bits` bits.
    #[inline]
    pub fn key_of(&self, hash: u64) -> u32 {
        key_of(hash, self.key_bits)
    }

    /// The entries of one feature hash (empty when unknown).
    #[inline]
    pub fn lookup(&self, hash: u64) -> &[Entry] {
        let key = self.key_of(hash);
        let mask = self.slots.len() - 1;
        let mut s = slot_of(key, self.slot_shift);
        loop {
            let slot = self.slots[s];
            if slot.packed == EMPTY {
                return &[];
            }
            if slot.key == key {
                let start = (slot.packed >> 8) as usize;
                let len = (slot.packed & 0xff) as usize;
                return self.entries.get(start..start + len).unwrap_or(&[]);
            }
            s = (s + 1) & mask;
        }
    }

    /// Adds the weights of every feature in `hashes` to `scores` (indexed
    /// by class; classes beyond `scores` are ignored).
    #[inline]
    pub fn add_scores(&self, hashes: &[u64], scores: &mut [i32]) {
        for &h in hashes {
            for e in self.lookup(h) {
                if let Some(s) = scores.get_mut(e.class as usize) {
                    *s += i32::from(e.weight);
                }
            }
        }
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether the table has no feature.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Number of (feature, class) weights.
    pub fn entry_count(&self) -> usize {
        self.entries.len()
    }

    /// Key bits.
    pub fn key_bits(&self) -> u8 {
        self.key_bits
    }

    /// The rows, in key order.
    pub fn rows(&self) -> impl Iterator<Item = (u32, &[Entry])> + '_ {
        self.keys.iter().enumerate().map(move |(i, &k)| {
            let (a, b) = (self.starts[i] as usize, self.starts[i + 1] as usize);
            (k, &self.entries[a..b])
        })
    }

    /// The largest class index used plus one (0 when empty).
    fn class_bound(&self) -> usize {
        self.entries
            .iter()
            .map(|e| e.class as usize + 1)
            .max()
            .unwrap_or(0)
    }
}

/// The key of a 64-bit feature hash for `key_bits`.
#[inline]
pub fn key_of(hash: u64, key_bits: u8) -> u32 {
    (hash >> (64 - u32::from(key_bits.clamp(1, 32)))) as u32
}

#[inline]
fn slot_of(key: u32, shift: u32) -> usize {
    (u64::from(key).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

/// The content of a model file.
#[derive(Clone, Debug)]
pub struct ModelFile {
    /// Tagger or parser.
    pub kind: ModelKind,
    /// Version of the feature templates the weights belong to.
    pub feature_set: u32,
    /// Weight levels when weights are stored as one-byte codes (at most
    /// 127 strictly increasing positive values; every weight must be one of
    /// them or its negation); empty: weights stored as raw `i16`.
    pub codebook: Vec<i16>,
    /// Class names, by class index.
    pub classes: Vec<String>,
    /// The weights.
    pub weights: WeightTable,
    /// Word → class dictionary (the tagger's frequent unambiguous words),
    /// sorted by word.
    pub lexicon: Vec<(String, u8)>,
}

impl ModelFile {
    /// Serialises the model (see the module documentation for the layout).
    /// With a codebook, a weight that is not a level is stored as the
    /// nearest one.
    pub fn encode(&self) -> Vec<u8> {
        let coded = !self.codebook.is_empty();
        let mut out = Vec::with_capacity(16 + self.weights.entries.len() * 3);
        out.extend_from_slice(MAGIC);
        out.push(self.kind.code());
        out.push(self.weights.key_bits);
        out.push(if coded { 1 } else { 2 });
        out.push(0);
        out.extend_from_slice(&self.feature_set.to_le_bytes());
        put_varint(&mut out, self.classes.len() as u64);
        for c in &self.classes {
            put_str(&mut out, c);
        }
        let t = &self.weights;
        put_varint(&mut out, t.keys.len() as u64);
        put_varint(&mut out, t.entries.len() as u64);
        let mut prev = 0u32;
        for (i, &k) in t.keys.iter().enumerate() {
            put_varint(&mut out, u64::from(if i == 0 { k } else { k - prev }));
            prev = k;
        }
        for w in t.starts.windows(2) {
            put_varint(&mut out, u64::from(w[1] - w[0]));
        }
        for w in t.starts.windows(2) {
            let row = &t.entries[w[0] as usize..w[1] as usize];
            let mut prev = 0u8;
            for (j, e) in row.iter().enumerate() {
                out.push(if j == 0 { e.class } else { e.class - prev });
                prev = e.class;
            }
        }
        if coded {
            let levels = &self.codebook[..self.codebook.len().min(127)];
            put_varint(&mut out, levels.len() as u64);
            for l in levels {
                out.extend_from_slice(&l.to_le_bytes());
            }
            for e in &t.entries {
                let code = nearest_level(levels, e.weight.unsigned_abs()) as i8 + 1;
                out.push(if e.weight < 0 { -code } else { code } as u8);
            }
        } else {
            for e in &t.entries {
                out.extend_from_slice(&e.weight.to_le_bytes());
            }
        }
        put_varint(&mut out, self.lexicon.len() as u64);
        for (w, c) in &self.lexicon {
            put_str(&mut out, w);
            out.push(*c);
        }
        let sum = fnv1a64(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Reads and checks a model file.
    pub fn decode(bytes: &[u8]) -> Result<ModelFile, ModelError> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(ModelError::BadMagic);
        }
        if bytes.len() < 16 + 8 {
            return Err(ModelError::Truncated("header"));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        let mut sum_bytes = [0u8; 8];
        sum_bytes.copy_from_slice(sum);
        if fnv1a64(body) != u64::from_le_bytes(sum_bytes) {
            return Err(ModelError::Checksum);
        }
        let mut r = Reader {
            bytes: body,
            pos: MAGIC.len(),
        };
        let kind = ModelKind::from_code(r.u8("header")?).ok_or(ModelError::Invalid("kind"))?;
        let key_bits = r.u8("header")?;
        if !(1..=32).contains(&key_bits) {
            return Err(ModelError::Invalid("key bits"));
        }
        let coding = r.u8("header")?;
        if coding != 1 && coding != 2 {
            return Err(ModelError::Invalid("weight coding"));
        }
        r.u8("header")?;
        let feature_set = r.u32("header")?;
        let n_classes = r.count("classes", 256)?;
        let mut classes = Vec::with_capacity(n_classes);
        for _ in 0..n_classes {
            classes.push(r.string("classes")?);
        }
        let n_features = r.count("features", body.len())?;
        let n_entries = r.count("features", body.len().min(MAX_ENTRIES))?;
        let mut keys = Vec::with_capacity(n_features);
        let mut key = 0u64;
        for i in 0..n_features {
            let gap = r.varint("keys")?;
            if i > 0 && gap == 0 {
                return Err(ModelError::Invalid("keys not increasing"));
            }
            key = key.checked_add(gap).ok_or(ModelError::Invalid("key"))?;
            if key >> key_bits != 0 {
                return Err(ModelError::Invalid("key wider than key bits"));
            }
            keys.push(key as u32);
        }
        let mut starts = Vec::with_capacity(n_features + 1);
        starts.push(0u32);
        let mut total = 0usize;
        for _ in 0..n_features {
            let len = r.varint("entry counts")?;
            if len == 0 || len > 255 {
                return Err(ModelError::Invalid("entry count"));
            }
            total += len as usize;
            if total > n_entries {
                return Err(ModelError::Invalid("entry counts exceed entries"));
            }
            starts.push(total as u32);
        }
        if total != n_entries {
            return Err(ModelError::Invalid("entry counts do not add up"));
        }
        let class_bytes = r.take(n_entries, "entry classes")?;
        let mut codebook = Vec::new();
        if coding == 1 {
            let n = r.count("codebook", 127)?;
            for _ in 0..n {
                let b = r.take(2, "codebook")?;
                let l = i16::from_le_bytes([b[0], b[1]]);
                if l <= 0 || codebook.last().is_some_and(|&p| p >= l) {
                    return Err(ModelError::Invalid("codebook"));
                }
                codebook.push(l);
            }
        }
        let weight_data = r.take(n_entries * coding as usize, "weights")?;
        let mut entries = Vec::with_capacity(n_entries);
        for w in starts.windows(2) {
            let mut class = 0u32;
            for j in w[0] as usize..w[1] as usize {
                let b = u32::from(class_bytes[j]);
                if j > w[0] as usize && b == 0 {
                    return Err(ModelError::Invalid("entry classes not increasing"));
                }
                class = if j == w[0] as usize { b } else { class + b };
                if class as usize >= n_classes {
                    return Err(ModelError::Invalid("entry class out of range"));
                }
                let weight = if coding == 1 {
                    let code = weight_data[j] as i8;
                    let level = codebook
                        .get(code.unsigned_abs() as usize - usize::from(code != 0))
                        .copied()
                        .filter(|_| code != 0)
                        .ok_or(ModelError::Invalid("weight code"))?;
                    if code < 0 {
                        -level
                    } else {
                        level
                    }
                } else {
                    i16::from_le_bytes([weight_data[2 * j], weight_data[2 * j + 1]])
                };
                if weight == 0 {
                    return Err(ModelError::Invalid("zero weight"));
                }
                entries.push(Entry {
                    class: class as u8,
                    weight,
                });
            }
        }
        let n_lex = r.count("lexicon", body.len())?;
        let mut lexicon: Vec<(String, u8)> = Vec::with_capacity(n_lex);
        for _ in 0..n_lex {
            let w = r.string("lexicon")?;
            let c = r.u8("lexicon")?;
            if c as usize >= n_classes {
                return Err(ModelError::Invalid("lexicon class out of range"));
            }
            if lexicon
                .last()
                .is_some_and(|(p, _)| p.as_str() >= w.as_str())
            {
                return Err(ModelError::Invalid("lexicon not sorted"));
            }
            lexicon.push((w, c));
        }
        if r.pos != body.len() {
            return Err(ModelError::Invalid("trailing bytes"));
        }
        let weights = WeightTable::index(key_bits, keys, starts, entries);
        debug_assert!(weights.class_bound() <= n_classes);
        Ok(ModelFile {
            kind,
            feature_set,
            codebook,
            classes,
            weights,
            lexicon,
        })
    }
}

/// Index of the level closest to `w` (levels increasing).
fn nearest_level(levels: &[i16], w: u16) -> usize {
    let w = i32::from(w);
    let i = levels.partition_point(|&l| i32::from(l) < w);
    match (i.checked_sub(1), levels.get(i)) {
        (Some(lo), Some(&hi)) if w - i32::from(levels[lo]) <= i32::from(hi) - w => lo,
        (_, Some(_)) => i,
        (Some(lo), None) => lo,
        (None, None) => 0,
    }
}

/// FNV-1a, 64 bits.
fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated(what))?;
        let s = self
            .bytes
            .get(self.pos..end)
            .ok_or(ModelError::Truncated(what))?;
        self.pos = end;
        Ok(s)
    }

    fn u8(&mut self, what: &'static str) -> Result<u8, ModelError> {
        Ok(self.take(1, what)?[0])
    }

    fn u32(&mut self, what: &'static str) -> Result<u32, ModelError> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn varint(&mut self, what: &'static str) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8(what)?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError::Invalid(what))
    }

    /// A count that cannot exceed `max` (bounds allocations on bad input).
    fn count(&mut self, what: &'static str, max: usize) -> Result<usize, ModelError> {
        let n = self.varint(what)?;
        if n > max as u64 {
            return Err(ModelError::Invalid(what));
        }
        Ok(n as usize)
    }

    fn string(&mut self, what: &'static str) -> Result<String, ModelError> {
        let n = self.count(what, 1 << 16)?;
        let b = self.take(n, what)?;
        std::str::from_utf8(b)
            .map(str::to_owned)
            .map_err(|_| ModelError::Invalid(what))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ModelFile {
        let rows = vec![
            (
                3,
                vec![
                    Entry {
                        class: 0,
                        weight: 5,
                    },
                    Entry {
                        class: 2,
                        weight: -7,
                    },
                ],
            ),
            (
                900,
                vec![Entry {
                    class: 1,
                    weight: 300,
                }],
            ),
            (
                (1 << 20) - 1,
                vec![Entry {
                    class: 2,
                    weight: -1,
                }],
            ),
        ];
        ModelFile {
            kind: ModelKind::Tagger,
            feature_set: 7,
            codebook: Vec::new(),
            classes: vec!["NOUN".into(), "VERB".into(), "DET".into()],
            weights: WeightTable::from_rows(20, rows).unwrap(),
            lexicon: vec![("a".into(), 2), ("the".into(), 2)],
        }
    }

    #[test]
    fn encode_decode_round_trip() {
        let m = sample();
        let bytes = m.encode();
        let d = ModelFile::decode(&bytes).unwrap();
        assert_eq!(d.classes, m.classes);
        assert_eq!(d.lexicon, m.lexicon);
        assert_eq!(d.kind, ModelKind::Tagger);
        assert_eq!(d.feature_set, 7);
        let a: Vec<_> = m.weights.rows().map(|(k, r)| (k, r.to_vec())).collect();
        let b: Vec<_> = d.weights.rows().map(|(k, r)| (k, r.to_vec())).collect();
        assert_eq!(a, b);
        assert_eq!(d.encode(), bytes, "re-encoding gives the same bytes");
    }

    #[test]
    fn codebook_weights_round_trip() {
        let mut m = sample();
        m.codebook = vec![1, 5, 7, 300];
        let d = ModelFile::decode(&m.encode()).unwrap();
        assert_eq!(d.codebook, m.codebook);
        let a: Vec<_> = m.weights.rows().map(|(k, r)| (k, r.to_vec())).collect();
        let b: Vec<_> = d.weights.rows().map(|(k, r)| (k, r.to_vec())).collect();
        assert_eq!(a, b);
        // Off-level weights are stored as the nearest level.
        m.codebook = vec![4, 290];
        let d = ModelFile::decode(&m.encode()).unwrap();
        let w: Vec<i16> = d
            .weights
            .rows()
            .flat_map(|(_, r)| r.iter().map(|e| e.weight).collect::<Vec<_>>())
            .collect();
        assert_eq!(w, vec![4, -4, 290, -4]);
        assert_eq!(nearest_level(&[4, 290], 0), 0);
        assert_eq!(nearest_level(&[4, 290], 1000), 1);
        assert_eq!(nearest_level(&[], 3), 0);
    }

    #[test]
    fn lookup_finds_rows_by_hash() {
        let m = sample();
        let hash = |key: u32| u64::from(key) << (64 - 20);
        assert_eq!(
            m.weights.lookup(hash(900)),
            &[Entry {
                class: 1,
                weight: 300
            }]
        );
        assert_eq!(m.weights.lookup(hash(3)).len(), 2);
        assert!(m.weights.lookup(hash(4)).is_empty());
        let mut scores = [0i32; 3];
        m.weights
            .add_scores(&[hash(3), hash(900), hash(3)], &mut scores);
        assert_eq!(scores, [10, 300, -14]);
    }

    #[test]
    fn every_truncation_and_bit_flip_is_an_error_not_a_panic() {
        let bytes = sample().encode();
        for n in 0..bytes.len() {
            assert!(ModelFile::decode(&bytes[..n]).is_err(), "truncated at {n}");
        }
        for i in 0..bytes.len() {
            for bit in 0..8 {
                let mut b = bytes.clone();
                b[i] ^= 1 << bit;
                assert!(ModelFile::decode(&b).is_err(), "flip {i}:{bit}");
            }
        }
    }

    #[test]
    fn structurally_bad_files_with_a_valid_checksum_are_rejected() {
        // Damage the body, then fix the checksum, so only the structural
        // checks can catch it.
        let good = sample().encode();
        let reseal = |mut body: Vec<u8>| {
            let s = fnv1a64(&body);
            body.extend_from_slice(&s.to_le_bytes());
            body
        };
        let body = &good[..good.len() - 8];
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("bad kind", {
                let mut b = body.to_vec();
                b[8] = 9;
                b
            }),
            ("bad key bits", {
                let mut b = body.to_vec();
                b[9] = 40;
                b
            }),
            ("bad weight coding", {
                let mut b = body.to_vec();
                b[10] = 3;
                b
            }),
            ("trailing byte", {
                let mut b = body.to_vec();
                b.push(0);
                b
            }),
            ("cut body", body[..body.len() - 3].to_vec()),
            ("huge class count", {
                let mut b = body[..16].to_vec();
                b.extend_from_slice(&[0xff, 0xff, 0xff, 0x7f]);
                b
            }),
        ];
        for (name, b) in cases {
            assert!(ModelFile::decode(&reseal(b)).is_err(), "{name}");
        }
        assert!(matches!(
            ModelFile::decode(b"GLSYNTX0rest"),
            Err(ModelError::BadMagic)
        ));
    }

    #[test]
    fn from_rows_rejects_bad_rows() {
        let e = |class, weight| Entry { class, weight };
        assert!(WeightTable::from_rows(8, vec![(300, vec![e(0, 1)])]).is_err());
        assert!(WeightTable::from_rows(8, vec![(2, vec![e(0, 1)]), (1, vec![e(0, 1)])]).is_err());
        assert!(WeightTable::from_rows(8, vec![(1, vec![e(1, 1), e(0, 1)])]).is_err());
        assert!(WeightTable::from_rows(8, vec![(1, vec![e(0, 0)])]).is_err());
        assert!(WeightTable::from_rows(8, vec![(1, vec![])]).is_err());
        assert!(WeightTable::from_rows(0, Vec::new()).is_err());
        assert!(WeightTable::from_rows(8, Vec::new()).unwrap().is_empty());
    }
}
