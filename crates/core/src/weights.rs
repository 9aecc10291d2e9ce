//! Linear models with hashed features, shared by the learned components
//! (the BILOU recogniser, the entity labeller): 32-bit feature keys
//! ([`f1`], [`f2`], [`hash_str`]), the binary model file of quantised
//! perceptron weights ([`ModelFile`], stored column by column: gzip
//! compresses columns of similar values far better than interleaved rows)
//! and the dense weight table that scores feature sets ([`Weights`]).
//!
//! File layout (little-endian; "varint" is LEB128):
//!
//! | bytes | content |
//! |---|---|
//! | 8 | magic (one per kind of model, [`Format::magic`]) |
//! | 4 | feature-set version ([`Format::feature_set`]) |
//! | 1 | class count ([`Format::classes`]) |
//! | 1 | flags (bit 0: two-pass document consistency) |
//! | 4 | `f32` scale: the largest weight (see [`dequantize`]) |
//! | 4 | `f32` threshold: an entity scored below it is labelled OTHER |
//! | … | varint feature count, varint entry count |
//! | … | keys: one varint per feature, the gap to the previous key |
//! | … | entry counts: one varint per feature (1–17) |
//! | … | classes: one byte per entry, the first of a row absolute, then gaps |
//! | … | weights: one `i8` code per entry (non-zero; log scale, [`dequantize`]) |
//! | 8 | FNV-1a 64 checksum of everything before |
//!
//! Decoding checks every length, index and the checksum and returns a
//! [`ModelError`] for any damage: it never panics.

// Writing files and the small accessors serve the trainer (feature
// `training`) and the tests.
#![cfg_attr(not(any(test, feature = "training")), allow(dead_code))]

use crate::hash::FastMap;
use std::fmt;

/// What a model file must be: checked when it is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Format {
    /// The first eight bytes, naming the kind of model.
    pub magic: &'static [u8; 8],
    /// Number of classes (at most 255).
    pub classes: usize,
    /// Version of the feature templates the model was trained with.
    pub feature_set: u32,
}

/// Ratio of the largest to the smallest weight magnitude a code can hold.
pub const DYNAMIC_RANGE: f32 = 1000.0;

/// The weight of code `q` (±1..=±127) for a model whose largest weight is
/// `scale`: magnitudes are spaced logarithmically from `scale /
/// DYNAMIC_RANGE` (code 1) to `scale` (code 127), so small weights keep
/// their relative precision (a linear `i8` scale rounds most averaged
/// perceptron weights to zero).
pub fn dequantize(q: i8, scale: f32) -> f32 {
    if q == 0 {
        return 0.0;
    }
    let k = f32::from(q.unsigned_abs().min(127));
    let m = scale * ((k - 127.0) * DYNAMIC_RANGE.ln() / 126.0).exp();
    if q < 0 {
        -m
    } else {
        m
    }
}

/// The code of weight `w` (0 when below the smallest magnitude): the
/// inverse of [`dequantize`].
pub fn quantize(w: f64, scale: f64) -> i8 {
    if w == 0.0 || scale <= 0.0 {
        return 0;
    }
    let k = 127.0 + (w.abs() / scale).ln() * 126.0 / f64::from(DYNAMIC_RANGE).ln();
    let k = k.round().clamp(0.0, 127.0) as i8;
    if w < 0.0 {
        -k
    } else {
        k
    }
}

/// Why a model file could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelError {
    /// The bytes do not start with the model magic.
    BadMagic,
    /// The file ends before the named part.
    Truncated(&'static str),
    /// The checksum does not match: the file is damaged.
    Checksum,
    /// A value is out of range or inconsistent (named).
    Invalid(&'static str),
    /// The file was trained with other feature templates than this build's.
    FeatureSet {
        /// This build's version.
        expected: u32,
        /// The file's.
        found: u32,
    },
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::BadMagic => write!(f, "not a Gloss model of this kind (bad magic bytes)"),
            ModelError::Truncated(what) => write!(f, "model file truncated (in {what})"),
            ModelError::Checksum => write!(f, "model file damaged (checksum mismatch)"),
            ModelError::Invalid(what) => write!(f, "model file invalid: {what}"),
            ModelError::FeatureSet { expected, found } => write!(
                f,
                "model built for feature set {found}, this build uses {expected}: retrain it"
            ),
        }
    }
}

impl std::error::Error for ModelError {}

/// The content of a model file.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelFile {
    /// Flag bit 0 (the recogniser: whether the second, document-consistency
    /// pass runs).
    pub two_pass: bool,
    /// Worth of one quantisation step.
    pub scale: f32,
    /// Decisions scored below this are left unsure (the recognisers label
    /// them OTHER).
    pub threshold: f32,
    /// Rows `(key, [(class, weight)])`: keys strictly increasing, classes
    /// strictly increasing within a row, weights non-zero.
    pub rows: Vec<(u32, Vec<(u8, i8)>)>,
}

/// Appends `v` as LEB128 (also the syntax models' varints).
pub(crate) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// FNV-1a, 64 bits.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize, what: &'static str) -> Result<&[u8], ModelError> {
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

    fn f32(&mut self, what: &'static str) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32(what)?))
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
        Err(ModelError::Invalid("varint too long"))
    }

    fn count(&mut self, what: &'static str, max: usize) -> Result<usize, ModelError> {
        let v = self.varint(what)?;
        usize::try_from(v)
            .ok()
            .filter(|&v| v <= max)
            .ok_or(ModelError::Invalid(what))
    }
}

impl ModelFile {
    /// Serialises the model (layout in the module documentation) in format
    /// `f`.
    pub fn encode(&self, f: &Format) -> Vec<u8> {
        let entries: usize = self.rows.iter().map(|r| r.1.len()).sum();
        let mut out = Vec::with_capacity(32 + self.rows.len() * 4 + entries * 2);
        out.extend_from_slice(f.magic);
        out.extend_from_slice(&f.feature_set.to_le_bytes());
        out.push(f.classes as u8);
        out.push(u8::from(self.two_pass));
        out.extend_from_slice(&self.scale.to_bits().to_le_bytes());
        out.extend_from_slice(&self.threshold.to_bits().to_le_bytes());
        put_varint(&mut out, self.rows.len() as u64);
        put_varint(&mut out, entries as u64);
        let mut prev = 0u32;
        for (i, (k, _)) in self.rows.iter().enumerate() {
            put_varint(&mut out, u64::from(if i == 0 { *k } else { k - prev }));
            prev = *k;
        }
        for (_, row) in &self.rows {
            put_varint(&mut out, row.len() as u64);
        }
        for (_, row) in &self.rows {
            let mut prev = 0u8;
            for (j, (c, _)) in row.iter().enumerate() {
                out.push(if j == 0 { *c } else { c - prev });
                prev = *c;
            }
        }
        for (_, row) in &self.rows {
            out.extend(row.iter().map(|(_, w)| *w as u8));
        }
        let sum = fnv1a64(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Reads a model file and checks it against format `f`.
    pub fn decode(bytes: &[u8], f: &Format) -> Result<ModelFile, ModelError> {
        let magic = f.magic.len();
        if bytes.len() < magic || &bytes[..magic] != f.magic {
            return Err(ModelError::BadMagic);
        }
        if bytes.len() < magic + 14 + 8 {
            return Err(ModelError::Truncated("header"));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        let mut sb = [0u8; 8];
        sb.copy_from_slice(sum);
        if fnv1a64(body) != u64::from_le_bytes(sb) {
            return Err(ModelError::Checksum);
        }
        let mut r = Reader {
            bytes: body,
            pos: magic,
        };
        let feature_set = r.u32("header")?;
        if feature_set != f.feature_set {
            return Err(ModelError::FeatureSet {
                expected: f.feature_set,
                found: feature_set,
            });
        }
        if usize::from(r.u8("header")?) != f.classes {
            return Err(ModelError::Invalid("class count"));
        }
        let flags = r.u8("header")?;
        if flags > 1 {
            return Err(ModelError::Invalid("flags"));
        }
        let scale = r.f32("header")?;
        let threshold = r.f32("header")?;
        if !scale.is_finite() || scale <= 0.0 || !threshold.is_finite() {
            return Err(ModelError::Invalid("scale or threshold"));
        }
        let n = r.count("features", body.len())?;
        let total = r.count("entries", body.len())?;
        let mut keys = Vec::with_capacity(n);
        let mut key = 0u64;
        for i in 0..n {
            let gap = r.varint("keys")?;
            if i > 0 && gap == 0 {
                return Err(ModelError::Invalid("keys not increasing"));
            }
            key += gap;
            if key > u64::from(u32::MAX) {
                return Err(ModelError::Invalid("key out of range"));
            }
            keys.push(key as u32);
        }
        let mut lens = Vec::with_capacity(n);
        let mut sum_len = 0usize;
        for _ in 0..n {
            let l = r.count("entry counts", f.classes)?;
            if l == 0 {
                return Err(ModelError::Invalid("empty row"));
            }
            sum_len += l;
            lens.push(l);
        }
        if sum_len != total {
            return Err(ModelError::Invalid("entry count"));
        }
        let classes = r.take(total, "classes")?.to_vec();
        let weights = r.take(total, "weights")?.to_vec();
        if r.pos != body.len() {
            return Err(ModelError::Invalid("trailing bytes"));
        }
        let mut rows = Vec::with_capacity(n);
        let mut at = 0;
        for (k, l) in keys.into_iter().zip(lens) {
            let mut row = Vec::with_capacity(l);
            let mut class = 0u32;
            for j in 0..l {
                let c = u32::from(classes[at + j]);
                if j > 0 && c == 0 {
                    return Err(ModelError::Invalid("classes not increasing"));
                }
                class = if j == 0 { c } else { class + c };
                if class as usize >= f.classes {
                    return Err(ModelError::Invalid("class out of range"));
                }
                let w = weights[at + j] as i8;
                if w == 0 {
                    return Err(ModelError::Invalid("zero weight"));
                }
                row.push((class as u8, w));
            }
            at += l;
            rows.push((k, row));
        }
        Ok(ModelFile {
            two_pass: flags & 1 != 0,
            scale,
            threshold,
            rows,
        })
    }
}

/// Dequantised weights: one dense row of `classes` weights per feature key.
#[derive(Clone, Debug, Default)]
pub struct Weights {
    index: FastMap<u32, u32>,
    weights: Vec<f32>,
    classes: usize,
}

impl Weights {
    /// The weight table of a decoded file with `classes` classes.
    pub fn new(m: &ModelFile, classes: usize) -> Result<Weights, ModelError> {
        let mut index = FastMap::with_capacity_and_hasher(m.rows.len(), Default::default());
        let mut weights = vec![0f32; m.rows.len() * classes];
        for (i, (k, row)) in m.rows.iter().enumerate() {
            if index.insert(*k, i as u32).is_some() {
                return Err(ModelError::Invalid("duplicate key"));
            }
            for &(c, w) in row {
                let slot = (usize::from(c) < classes)
                    .then(|| weights.get_mut(i * classes + usize::from(c)))
                    .flatten()
                    .ok_or(ModelError::Invalid("class out of range"))?;
                *slot = dequantize(w, m.scale);
            }
        }
        Ok(Weights {
            index,
            weights,
            classes,
        })
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether no feature has a weight.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Adds the weights of `features` per class into `scores` (of length
    /// at least the class count); unknown keys add nothing.
    pub fn add_scores(&self, features: &[u32], scores: &mut [f32]) {
        let n = self.classes;
        for k in features {
            if let Some(&r) = self.index.get(k) {
                let r = r as usize * n;
                if let Some(row) = self.weights.get(r..r + n) {
                    for (s, &w) in scores.iter_mut().zip(row) {
                        *s += w;
                    }
                }
            }
        }
    }
}

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Mixes one value into a running hash (order-sensitive); the syntax
/// models' feature keys use it too.
#[inline]
pub(crate) fn combine(h: u64, v: u64) -> u64 {
    (h.rotate_left(23) ^ v).wrapping_mul(K)
}

/// The splitmix64 finaliser: every output bit depends on every input bit.
#[inline]
pub(crate) fn finish(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[inline]
fn key(h: u64) -> u32 {
    (finish(h) >> 32) as u32
}

/// Hash of a string value.
#[inline]
pub fn hash_str(s: &str) -> u64 {
    let mut h = 0x243F_6A88_85A3_08D3u64 ^ s.len() as u64;
    let bytes = s.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        h = combine(h, u64::from_le_bytes(b));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        h = combine(h, u64::from_le_bytes(b));
    }
    finish(h)
}

/// Feature key of template `t` with one value.
#[inline]
pub fn f1(t: u64, a: u64) -> u32 {
    key(combine(combine(t, a), 1))
}

/// Feature key of template `t` with two values.
#[inline]
pub fn f2(t: u64, a: u64, b: u64) -> u32 {
    key(combine(combine(combine(t, a), b), 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORMAT: Format = Format {
        magic: b"GLTESTv1",
        classes: 17,
        feature_set: 3,
    };

    fn sample() -> ModelFile {
        ModelFile {
            two_pass: true,
            scale: 0.25,
            threshold: 0.5,
            rows: vec![
                (3, vec![(0, 5), (4, -3)]),
                (1000, vec![(16, 127)]),
                (u32::MAX, vec![(1, -128), (2, 1), (3, 9)]),
            ],
        }
    }

    #[test]
    fn round_trip() {
        let m = sample();
        let bytes = m.encode(&FORMAT);
        assert_eq!(ModelFile::decode(&bytes, &FORMAT), Ok(m));
    }

    #[test]
    fn every_damage_is_an_error() {
        let bytes = sample().encode(&FORMAT);
        assert_eq!(
            ModelFile::decode(b"nope", &FORMAT),
            Err(ModelError::BadMagic)
        );
        for cut in 0..bytes.len() {
            assert!(
                ModelFile::decode(&bytes[..cut], &FORMAT).is_err(),
                "cut {cut}"
            );
        }
        for i in 0..bytes.len() {
            for bit in [1u8, 0x80] {
                let mut b = bytes.clone();
                b[i] ^= bit;
                assert!(
                    ModelFile::decode(&b, &FORMAT).is_err(),
                    "byte {i} bit {bit}"
                );
            }
        }
    }

    #[test]
    fn quantisation_keeps_relative_precision() {
        for w in [1.0f64, 0.5, 0.01, 0.002, -0.3, -1.0] {
            let back = f64::from(dequantize(quantize(w, 1.0), 1.0));
            assert!((back - w).abs() <= w.abs() * 0.03, "{w} -> {back}");
        }
        assert_eq!(quantize(0.0001, 1.0), 0);
        assert_eq!(quantize(5.0, 1.0), 127);
    }

    #[test]
    fn other_formats_are_refused() {
        let bytes = sample().encode(&FORMAT);
        let newer = Format {
            feature_set: 4,
            ..FORMAT
        };
        assert!(matches!(
            ModelFile::decode(&bytes, &newer),
            Err(ModelError::FeatureSet { .. })
        ));
        let fewer = Format {
            classes: 6,
            ..FORMAT
        };
        assert!(ModelFile::decode(&bytes, &fewer).is_err());
        let other = Format {
            magic: b"GLOTHERx",
            ..FORMAT
        };
        assert_eq!(ModelFile::decode(&bytes, &other), Err(ModelError::BadMagic));
    }

    #[test]
    fn weights_score_by_class() {
        let m = ModelFile {
            two_pass: false,
            scale: 1.0,
            threshold: 0.0,
            rows: vec![(7, vec![(0, 127), (2, -127)]), (9, vec![(1, 127)])],
        };
        let w = Weights::new(&m, 3).unwrap();
        assert_eq!(w.len(), 2);
        let mut s = [0f32; 3];
        w.add_scores(&[7, 9, 11], &mut s);
        assert_eq!(s, [1.0, 1.0, -1.0]);
        assert!(Weights::new(&m, 2).is_err(), "class 2 of 2");
    }
}
