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
//! | 1 | weight bits: 8 (`i8` weights) |
//! | 1 | reserved (0) |
//! | 4 | feature-set version (the feature templates the weights belong to) |
//! | … | classes: varint count, then each as varint length + UTF-8 |
//! | … | varint feature count F |
//! | … | keys: one varint per feature, the gap to the previous key (strictly increasing) |
//! | … | per class: varint count, then the features (numbers 0…F-1) that weigh it, as varint gaps (strictly increasing) |
//! | … | weights: one `i8` per (class, feature) above, in that order (non-zero; only ratios matter) |
//! | … | lexicon: varint count, then each as varint length + UTF-8 + class byte (strictly increasing words) |
//! | … | optional (tagger): ambiguity classes: varint count M, M varint class masks; varint word count W; the W words (normalised forms, strictly increasing), front-coded: W varint lengths of the prefix shared with the previous word, then W rests of the words in UTF-8, each ended by a 0 byte; then W varint mask numbers (0…M-1) |
//! | 8 | FNV-1a 64 checksum of everything before |
//!
//! Columns (all keys, then the class lists, then the weights) compress far
//! better under gzip than interleaved rows, and class-major lists better
//! than per-feature class numbers (about 15 % smaller for the parser: the
//! frequent moves are weighed by most features, so their gaps are tiny). Decoding checks every length, index and the
//! checksum, and returns a [`ModelError`] for any damage: it never panics.
//!
//! Why not the entity models' format ([`crate::weights`]): the parser makes
//! about 170 weight lookups a word and the tagger about 40, so scoring must
//! be integer additions out of one cache line per feature
//! ([`super::weights::WeightTable`]); `crate::weights` stores log-scaled
//! codes that are dequantised to `f32` and looked up in a hash map, which is
//! right for a few features per name but several times slower here. The
//! class-major columns also compress the parser's 51-label move set better
//! than per-entry class gaps.

use std::fmt;

use crate::weights::{fnv1a64, put_varint};

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

pub use super::weights::{key_of, Entry, WeightTable};

/// Most entries a model file may hold.
const MAX_ENTRIES: usize = (1 << 24) - 1;

/// The content of a model file.
#[derive(Clone, Debug)]
pub struct ModelFile {
    /// Tagger or parser.
    pub kind: ModelKind,
    /// Version of the feature templates the weights belong to.
    pub feature_set: u32,
    /// Class names, by class index.
    pub classes: Vec<String>,
    /// The weights.
    pub weights: WeightTable,
    /// Word → class dictionary (the tagger's frequent unambiguous words),
    /// sorted by word.
    pub lexicon: Vec<(String, u8)>,
    /// Normalised word → the set of classes it takes (bit `c` for class
    /// `c`; the tagger's ambiguity classes), sorted by word. Written only
    /// when not empty.
    pub ambiguity: Vec<(String, u32)>,
}

impl ModelFile {
    /// Serialises the model (see the module documentation for the layout).
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.weights.entry_count() * 3);
        out.extend_from_slice(MAGIC);
        out.push(self.kind.code());
        out.push(self.weights.key_bits());
        out.push(8);
        out.push(0);
        out.extend_from_slice(&self.feature_set.to_le_bytes());
        put_varint(&mut out, self.classes.len() as u64);
        for c in &self.classes {
            put_str(&mut out, c);
        }
        let rows = self.weights.rows();
        put_varint(&mut out, rows.len() as u64);
        let mut prev = 0u32;
        for (i, &(k, _)) in rows.iter().enumerate() {
            put_varint(&mut out, u64::from(if i == 0 { k } else { k - prev }));
            prev = k;
        }
        // Class-major: for each class, the features that weigh it (as gaps
        // between feature numbers), then their weights.
        let mut by_class: Vec<Vec<(u32, i8)>> = vec![Vec::new(); self.classes.len()];
        for (f, (_, row)) in rows.iter().enumerate() {
            for e in row {
                if let Some(v) = by_class.get_mut(e.class as usize) {
                    v.push((f as u32, e.weight));
                }
            }
        }
        for list in &by_class {
            put_varint(&mut out, list.len() as u64);
            let mut prev = 0u32;
            for (i, &(f, _)) in list.iter().enumerate() {
                put_varint(&mut out, u64::from(if i == 0 { f } else { f - prev }));
                prev = f;
            }
        }
        for list in &by_class {
            out.extend(list.iter().map(|&(_, w)| w as u8));
        }
        put_varint(&mut out, self.lexicon.len() as u64);
        for (w, c) in &self.lexicon {
            put_str(&mut out, w);
            out.push(*c);
        }
        if !self.ambiguity.is_empty() {
            // The masks, most frequent first (small numbers), then the
            // words, then each word's mask number: columns again.
            let mut freq: std::collections::BTreeMap<u32, usize> = Default::default();
            for &(_, m) in &self.ambiguity {
                *freq.entry(m).or_default() += 1;
            }
            let mut masks: Vec<(usize, u32)> = freq.into_iter().map(|(m, n)| (n, m)).collect();
            masks.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            let number: std::collections::HashMap<u32, u64> = masks
                .iter()
                .enumerate()
                .map(|(i, &(_, m))| (m, i as u64))
                .collect();
            put_varint(&mut out, masks.len() as u64);
            for &(_, m) in &masks {
                put_varint(&mut out, u64::from(m));
            }
            put_varint(&mut out, self.ambiguity.len() as u64);
            // Front coding (sorted words share long prefixes): 40 % fewer
            // gzipped bytes than whole words.
            let shared = |i: usize| {
                let w = self.ambiguity[i].0.as_bytes();
                i.checked_sub(1).map_or(0, |j| {
                    let p = self.ambiguity[j].0.as_bytes();
                    w.iter().zip(p).take_while(|(a, b)| a == b).count()
                })
            };
            for i in 0..self.ambiguity.len() {
                put_varint(&mut out, shared(i) as u64);
            }
            for (i, (w, _)) in self.ambiguity.iter().enumerate() {
                out.extend_from_slice(&w.as_bytes()[shared(i)..]);
                out.push(0);
            }
            for (_, m) in &self.ambiguity {
                put_varint(&mut out, number[m]);
            }
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
        if r.u8("header")? != 8 {
            return Err(ModelError::Invalid("weight bits"));
        }
        r.u8("header")?;
        let feature_set = r.u32("header")?;
        let n_classes = r.count("classes", 256)?;
        let mut classes = Vec::with_capacity(n_classes);
        for _ in 0..n_classes {
            classes.push(r.string("classes")?);
        }
        let n_features = r.count("features", body.len())?;
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
        // Per class, the features that weigh it.
        let mut members: Vec<Vec<u32>> = Vec::with_capacity(n_classes);
        let mut n_entries = 0usize;
        for _ in 0..n_classes {
            let n = r.count("class lists", n_features)?;
            n_entries += n;
            if n_entries > MAX_ENTRIES {
                return Err(ModelError::Invalid("too many weights"));
            }
            let mut list = Vec::with_capacity(n);
            let mut f = 0u64;
            for i in 0..n {
                let gap = r.varint("class lists")?;
                if i > 0 && gap == 0 {
                    return Err(ModelError::Invalid("class list not increasing"));
                }
                f = f
                    .checked_add(gap)
                    .ok_or(ModelError::Invalid("class list"))?;
                if f >= n_features as u64 {
                    return Err(ModelError::Invalid("class list past the features"));
                }
                list.push(f as u32);
            }
            members.push(list);
        }
        let weight_data = r.take(n_entries, "weights")?;
        let mut rows: Vec<Vec<Entry>> = vec![Vec::new(); n_features];
        let mut j = 0;
        for (class, list) in members.iter().enumerate() {
            for &f in list {
                let weight = weight_data[j] as i8;
                j += 1;
                if weight == 0 {
                    return Err(ModelError::Invalid("zero weight"));
                }
                rows[f as usize].push(Entry {
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
        let mut ambiguity: Vec<(String, u32)> = Vec::new();
        if r.pos != body.len() {
            let n_masks = r.count("ambiguity classes", body.len())?;
            let mut masks = Vec::with_capacity(n_masks);
            for _ in 0..n_masks {
                let m = r.varint("ambiguity classes")?;
                if m == 0 || m >> n_classes.min(32) != 0 {
                    return Err(ModelError::Invalid("ambiguity class out of range"));
                }
                masks.push(m as u32);
            }
            let n_words = r.count("ambiguity words", body.len())?;
            let mut shared = Vec::with_capacity(n_words);
            for _ in 0..n_words {
                shared.push(r.count("ambiguity words", 1 << 16)?);
            }
            ambiguity.reserve(n_words);
            let mut prev: Vec<u8> = Vec::new();
            for k in shared {
                let rest = r.bytes.get(r.pos..).unwrap_or_default();
                let end = rest
                    .iter()
                    .position(|&b| b == 0)
                    .ok_or(ModelError::Truncated("ambiguity words"))?;
                let rest = r.take(end + 1, "ambiguity words")?;
                if k > prev.len() {
                    return Err(ModelError::Invalid("ambiguity word prefix"));
                }
                prev.truncate(k);
                prev.extend_from_slice(&rest[..end]);
                let w = std::str::from_utf8(&prev)
                    .map_err(|_| ModelError::Invalid("ambiguity words"))?
                    .to_owned();
                if ambiguity
                    .last()
                    .is_some_and(|(p, _)| p.as_str() >= w.as_str())
                {
                    return Err(ModelError::Invalid("ambiguity words not sorted"));
                }
                ambiguity.push((w, 0));
            }
            for (_, m) in &mut ambiguity {
                let k = r.varint("ambiguity words")?;
                *m = *masks
                    .get(usize::try_from(k).unwrap_or(usize::MAX))
                    .ok_or(ModelError::Invalid("ambiguity class number"))?;
            }
        }
        if r.pos != body.len() {
            return Err(ModelError::Invalid("trailing bytes"));
        }
        if rows.iter().any(|r| r.is_empty() || r.len() > 255) {
            return Err(ModelError::Invalid("feature without weights"));
        }
        let weights = WeightTable::from_rows(key_bits, keys.into_iter().zip(rows))?;
        Ok(ModelFile {
            kind,
            feature_set,
            classes,
            weights,
            lexicon,
            ambiguity,
        })
    }
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
                    weight: 100,
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
            classes: vec!["NOUN".into(), "VERB".into(), "DET".into()],
            weights: WeightTable::from_rows(20, rows).unwrap(),
            lexicon: vec![("a".into(), 2), ("the".into(), 2)],
            ambiguity: vec![
                ("a".into(), 0b100),
                ("run".into(), 0b011),
                ("the".into(), 0b100),
            ],
        }
    }

    #[test]
    fn encode_decode_round_trip() {
        let m = sample();
        let bytes = m.encode();
        let d = ModelFile::decode(&bytes).unwrap();
        assert_eq!(d.classes, m.classes);
        assert_eq!(d.lexicon, m.lexicon);
        assert_eq!(d.ambiguity, m.ambiguity);
        assert_eq!(d.kind, ModelKind::Tagger);
        assert_eq!(d.feature_set, 7);
        let a: Vec<_> = m.weights.rows();
        let b: Vec<_> = d.weights.rows();
        assert_eq!(a, b);
        assert_eq!(d.encode(), bytes, "re-encoding gives the same bytes");
        // Without ambiguity classes the section is left out.
        let plain = ModelFile {
            ambiguity: Vec::new(),
            ..m
        };
        let d = ModelFile::decode(&plain.encode()).unwrap();
        assert!(d.ambiguity.is_empty());
        assert!(plain.encode().len() < bytes.len());
    }

    #[test]
    fn lookup_finds_rows_by_hash() {
        let m = sample();
        let hash = |key: u32| u64::from(key) << (64 - 20);
        assert_eq!(
            m.weights.lookup(hash(900)),
            &[Entry {
                class: 1,
                weight: 100
            }]
        );
        assert_eq!(m.weights.lookup(hash(3)).len(), 2);
        assert!(m.weights.lookup(hash(4)).is_empty());
        let mut scores = [0i32; 3];
        m.weights
            .add_scores(&[hash(3), hash(900), hash(3)], &mut scores);
        assert_eq!(scores, [10, 100, -14]);
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
            ("bad weight bits", {
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
