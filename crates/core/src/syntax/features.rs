//! Feature extraction shared by training (`crates/train`) and inference:
//! hashing of words and of feature templates, the tagger's features
//! (Honnibal 2013, extended with more affixes, word pairs and the next
//! words' first-pass tags and ambiguity classes) and the parser's (Zhang & Nivre 2011, with
//! label, lexical-triple and child-word conjunctions added).
//!
//! A feature is a 64-bit hash of its template number and its values; the
//! model keeps the top bits of the hash as its key
//! ([`super::model_file::WeightTable`]). Change a template and you must bump
//! [`TAGGER_FEATURES`] or [`PARSER_FEATURES`] so that old model files are
//! refused instead of silently mis-scoring.

use super::transition::{State, NONE};
use crate::weights::{combine, finish};

/// Version of the tagger's feature templates.
pub const TAGGER_FEATURES: u32 = 3;
/// Version of the parser's feature templates.
pub const PARSER_FEATURES: u32 = 3;

/// Feature of template `t` with one value.
#[inline]
pub fn f1(t: u64, a: u64) -> u64 {
    finish(combine(combine(t, a), 1))
}

/// Feature of template `t` with two values.
#[inline]
pub fn f2(t: u64, a: u64, b: u64) -> u64 {
    finish(combine(combine(combine(t, a), b), 2))
}

/// Feature of template `t` with three values.
#[inline]
pub fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    finish(combine(combine(combine(combine(t, a), b), c), 3))
}

/// Hash of a byte string (not finalised: values are finalised with their
/// template).
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = 0x243F_6A88_85A3_08D3u64 ^ bytes.len() as u64;
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

/// Values for positions outside the sentence.
const START: u64 = 0x5354_4152_5430;
const START2: u64 = 0x5354_4152_5431;
const END: u64 = 0x454e_4430;
const END2: u64 = 0x454e_4431;
/// The value of "no such word" in parser features.
const NULL: u64 = 0x4e55_4c4c;
/// The parser's root token.
const ROOT: u64 = 0x524f_4f54;

/// The hashed forms of one word, computed once per word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordHashes {
    /// The normalised form: lower case, every digit `0`.
    pub norm: u64,
    /// Suffixes of the normalised form: last 1, 2, 3 and 4 characters.
    pub suffix: [u64; 4],
    /// The first character (case kept).
    pub prefix: u64,
    /// Word shape: `X`, `x`, `d` and punctuation, runs cut to two ("Xxx.").
    pub shape: u64,
    /// The form with its case (quotes folded, digits `0`).
    pub cased: u64,
    /// First two characters of the normalised form.
    pub pre2: u64,
    /// First three characters of the normalised form.
    pub pre3: u64,
    /// Last five characters of the normalised form.
    pub suf5: u64,
    /// The ambiguity class of the normalised form ([`ambiguity_value`]);
    /// [`WordHashes::new`] leaves it unknown, the tagger fills it in.
    pub amb: u64,
}

/// The feature value of an ambiguity class: the set of tags a training
/// word took (`Some(mask)`, bit `c` for class `c`), or an unknown word.
#[inline]
pub fn ambiguity_value(mask: Option<u32>) -> u64 {
    mask.map_or(0xABC0_0000, |m| u64::from(m) | 1 << 40)
}

/// Folds typographic quotes to ASCII ("don’t" → "don't"): news text uses
/// curly quotes, the treebanks mostly straight ones.
#[inline]
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
        _ => c,
    }
}

/// Normalises `form` into `buf` (quotes folded, lower case, digits → `0`).
pub fn normalize_into(form: &str, buf: &mut String) {
    buf.clear();
    for c in form.chars().map(fold_char) {
        if c.is_ascii_digit() {
            buf.push('0');
        } else if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

impl WordHashes {
    /// Hashes `form`; `buf` is scratch space reused across words.
    pub fn new(form: &str, buf: &mut String) -> WordHashes {
        normalize_into(form, buf);
        let norm = hash_bytes(buf.as_bytes());
        let mut suffix = [0u64; 4];
        let mut ends = buf.char_indices().rev().map(|(i, _)| i);
        let mut last = 0;
        for (k, s) in suffix.iter_mut().enumerate() {
            last = ends.next().unwrap_or(last);
            *s = combine(hash_bytes(&buf.as_bytes()[last..]), k as u64);
        }
        let prefix = form.chars().next().map_or(0, |c| fold_char(c) as u64);
        let cased = if form.bytes().all(|b| b.is_ascii_lowercase()) {
            norm
        } else {
            let mut h = 0xC0FFEEu64;
            for c in form.chars().map(fold_char) {
                h = combine(
                    h,
                    if c.is_ascii_digit() {
                        u64::from(b'0')
                    } else {
                        c as u64
                    },
                );
            }
            finish(h)
        };
        let fifth = ends.next().unwrap_or(last);
        let suf5 = combine(hash_bytes(&buf.as_bytes()[fifth..]), 5);
        let mut starts = buf.char_indices().map(|(i, _)| i).skip(2);
        let p2 = starts.next().unwrap_or(buf.len());
        let p3 = starts.next().unwrap_or(buf.len());
        let pre2 = combine(hash_bytes(&buf.as_bytes()[..p2]), 12);
        let pre3 = combine(hash_bytes(&buf.as_bytes()[..p3]), 13);
        WordHashes {
            norm,
            suffix,
            prefix,
            shape: shape_hash(form),
            cased,
            pre2,
            pre3,
            suf5,
            amb: ambiguity_value(None),
        }
    }
}

/// Hash of the word shape of `form`.
fn shape_hash(form: &str) -> u64 {
    let mut out = [0u8; 12];
    let mut len = 0;
    let mut prev = 0u8;
    let mut run = 0;
    for c in form.chars().map(fold_char) {
        let k = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else if c.is_alphabetic() {
            b'a'
        } else {
            b'o'
        };
        if k == prev {
            run += 1;
            if run > 2 {
                continue;
            }
        } else {
            prev = k;
            run = 1;
        }
        if len == out.len() {
            break;
        }
        out[len] = k;
        len += 1;
    }
    hash_bytes(&out[..len])
}

/// The value of a tag in features (`None` at the sentence start).
#[inline]
pub fn tag_value(tag: Option<usize>) -> u64 {
    tag.map_or(START, |t| t as u64 + 1)
}

/// The value of a right-context tag: a first-pass tag (`Some`), past the
/// sentence end (`None`).
#[inline]
pub fn right_value(tag: Option<usize>) -> u64 {
    tag.map_or(END, |t| t as u64 + 1)
}

/// The right-context value in the first pass, where no tag is known yet.
pub const NO_RIGHT: u64 = 0x004e_4f52_4947_4854;

/// The tag context of one word: the two previous tags of this pass and the
/// two next tags of the previous pass ([`NO_RIGHT`] in the first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TagContext {
    /// Tags of words `i - 1` and `i - 2` ([`tag_value`]).
    pub left: [u64; 2],
    /// Tags of words `i + 1` and `i + 2` ([`right_value`] or [`NO_RIGHT`]).
    pub right: [u64; 2],
}

/// Stand-in hashes for positions outside the sentence.
const fn edge(v: u64) -> WordHashes {
    WordHashes {
        norm: v,
        suffix: [v; 4],
        prefix: v,
        shape: v,
        cased: v,
        pre2: v,
        pre3: v,
        suf5: v,
        amb: v,
    }
}

/// The tagger's features for word `i` of `words` in context `c`, appended
/// to `out`: [`tagger_word_features`] then [`tagger_context_features`].
pub fn tagger_features(words: &[WordHashes], i: usize, c: TagContext, out: &mut Vec<u64>) {
    tagger_word_features(words, i, out);
    tagger_context_features(words, i, c, out);
}

/// The word at `i + j`, or the stand-in for a position outside the sentence.
#[inline]
fn word_at(words: &[WordHashes], i: usize, j: isize) -> WordHashes {
    let k = i as isize + j;
    if k < 0 {
        edge(if j == -1 { START } else { START2 })
    } else if k as usize >= words.len() {
        edge(if j == 1 { END } else { END2 })
    } else {
        words[k as usize]
    }
}

/// The features of word `i` that do not depend on tags (the same in both
/// passes): the word (normalised and cased), its affixes, shape and
/// ambiguity class, and two words either side.
pub fn tagger_word_features(words: &[WordHashes], i: usize, out: &mut Vec<u64>) {
    let at = |j| word_at(words, i, j);
    let (w, m1, m2, n1, n2) = (at(0), at(-1), at(-2), at(1), at(2));
    out.extend_from_slice(&[
        f1(0, 0),
        f1(1, w.norm),
        f1(2, w.suffix[0]),
        f1(3, w.suffix[1]),
        f1(4, w.suffix[2]),
        f1(5, w.suffix[3]),
        f1(6, w.prefix),
        f1(7, w.shape),
        f2(8, w.shape, i.min(1) as u64),
        f1(9, w.cased),
        f1(10, w.pre2),
        f1(11, w.pre3),
        f1(12, w.suf5),
        f1(18, m1.norm),
        f1(19, m1.suffix[2]),
        f1(20, m1.suffix[1]),
        f1(21, m1.shape),
        f1(22, m2.norm),
        f1(23, n1.norm),
        f1(24, n1.suffix[2]),
        f1(25, n1.suffix[1]),
        f1(26, n1.shape),
        f1(27, n1.pre2),
        f1(28, n2.norm),
        f2(29, m1.norm, w.norm),
        f2(30, w.norm, n1.norm),
        f2(31, m1.norm, n1.norm),
        f2(32, m2.norm, m1.norm),
        f2(33, n1.norm, n2.norm),
        f2(34, m1.shape, w.shape),
        f2(35, w.shape, n1.shape),
        // Ambiguity classes (feature set 3): what the tags of words with
        // the same choices teach, for the rarer ones.
        f1(70, w.amb),
        f2(71, w.amb, n1.amb),
        f2(72, m1.amb, w.amb),
        f2(76, w.amb, w.suffix[2]),
    ]);
}

/// How many features [`tagger_context_features`] gives.
pub const TAGGER_CONTEXT_FEATURES: usize = 12;

/// The features of word `i` that depend on the tags around it: the two
/// previous tags of this pass and the two next tags of the first pass,
/// alone and with the word or its ambiguity class.
pub fn tagger_context_features(words: &[WordHashes], i: usize, c: TagContext, out: &mut Vec<u64>) {
    let w = word_at(words, i, 0);
    let [p1, p2] = c.left;
    let [r1, r2] = c.right;
    out.extend_from_slice(&[
        f1(13, p1),
        f1(14, p2),
        f2(15, p1, p2),
        f2(16, p1, w.norm),
        f2(17, p1, w.suffix[2]),
        f1(36, r1),
        f2(37, r1, r2),
        f2(38, r1, w.norm),
        f2(39, p1, r1),
        f2(73, p1, w.amb),
        f2(74, r1, w.amb),
        f3(75, p1, w.amb, r1),
    ]);
}

/// What the parser knows of each word: its normalised form and tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseWord {
    /// Hash of the normalised form ([`WordHashes::norm`]).
    pub word: u64,
    /// The tag ([`tag_value`]).
    pub tag: u64,
    /// Hash of the last three characters of the normalised form.
    pub suffix: u64,
}

impl ParseWord {
    /// The parser's view of `form` tagged `tag`; `buf` is scratch space.
    pub fn new(form: &str, tag: usize, buf: &mut String) -> ParseWord {
        normalize_into(form, buf);
        let start = buf.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
        ParseWord {
            word: hash_bytes(buf.as_bytes()),
            tag: tag_value(Some(tag)),
            suffix: combine(hash_bytes(&buf.as_bytes()[start..]), 7),
        }
    }
}

/// The parser's features for configuration `st` over `words` (without the
/// root, which is index `words.len()`), appended to `out`.
pub fn parser_features(st: &State, words: &[ParseWord], out: &mut Vec<u64>) {
    let n = words.len() as u32;
    let wp = |i: u32| -> (u64, u64) {
        if i == NONE {
            (NULL, NULL)
        } else if i >= n {
            (ROOT, ROOT)
        } else {
            let x = words[i as usize];
            (x.word, x.tag)
        }
    };
    let suffix = |i: u32| -> u64 {
        if i == NONE {
            NULL
        } else if i >= n {
            ROOT
        } else {
            words[i as usize].suffix
        }
    };
    let lab = |i: u32| -> u64 {
        if i == NONE || st.head(i) == NONE {
            NULL
        } else {
            u64::from(st.label(i)) + 1
        }
    };
    let s0 = st.s0();
    let n0 = st.buffer_item(0);
    let n1 = st.buffer_item(1);
    let n2 = st.buffer_item(2);
    let s0h = st.head(s0);
    let s0h2 = st.head(s0h);
    let s0l = st.left_child(s0, 0);
    let s0l2 = st.left_child(s0, 1);
    let s0r = st.right_child(s0, 0);
    let s0r2 = st.right_child(s0, 1);
    let n0l = st.left_child(n0, 0);
    let n0l2 = st.left_child(n0, 1);
    let s1 = st.stack_item(1);

    let (s0w, s0p) = wp(s0);
    let (n0w, n0p) = wp(n0);
    let (n1w, n1p) = wp(n1);
    let (n2w, n2p) = wp(n2);
    let (s0hw, s0hp) = wp(s0h);
    let (s0h2w, s0h2p) = wp(s0h2);
    let (s0lw, s0lp) = wp(s0l);
    let (s0l2w, s0l2p) = wp(s0l2);
    let (s0rw, s0rp) = wp(s0r);
    let (s0r2w, s0r2p) = wp(s0r2);
    let (n0lw, n0lp) = wp(n0l);
    let (n0l2w, n0l2p) = wp(n0l2);
    let (s1w, s1p) = wp(s1);

    // Distance between s0 and n0, bucketed.
    let d = if s0 == NONE || n0 == NONE {
        0
    } else {
        match n0 - s0 {
            0..=4 => u64::from(n0 - s0),
            5..=7 => 5,
            8..=12 => 6,
            _ => 7,
        }
    };
    let (s0vl, s0vr) = if s0 == NONE { (0, 0) } else { st.valency(s0) };
    let (n0vl, _) = if n0 == NONE { (0, 0) } else { st.valency(n0) };
    let (s0sl, s0sr) = if s0 == NONE {
        (0, 0)
    } else {
        st.label_sets(s0)
    };
    let (n0sl, _) = if n0 == NONE {
        (0, 0)
    } else {
        st.label_sets(n0)
    };
    let (s0vl, s0vr, n0vl) = (u64::from(s0vl), u64::from(s0vr), u64::from(n0vl));

    out.extend_from_slice(&[
        f1(0, 0),
        // Single words.
        f2(1, s0w, s0p),
        f1(2, s0w),
        f1(3, s0p),
        f2(4, n0w, n0p),
        f1(5, n0w),
        f1(6, n0p),
        f2(7, n1w, n1p),
        f1(8, n1w),
        f1(9, n1p),
        f2(10, n2w, n2p),
        f1(11, n2w),
        f1(12, n2p),
        // Word pairs.
        f3(13, f2(0, s0w, s0p), n0w, n0p),
        f3(14, s0w, s0p, n0w),
        f3(15, s0w, n0w, n0p),
        f3(16, s0w, s0p, n0p),
        f3(17, s0p, n0w, n0p),
        f2(18, s0w, n0w),
        f2(19, s0p, n0p),
        f2(20, n0p, n1p),
        // Three tags.
        f3(21, n0p, n1p, n2p),
        f3(22, s0p, n0p, n1p),
        f3(23, s0hp, s0p, n0p),
        f3(24, s0p, s0lp, n0p),
        f3(25, s0p, s0rp, n0p),
        f3(26, s0p, n0p, n0lp),
        // Distance.
        f2(27, s0w, d),
        f2(28, s0p, d),
        f2(29, n0w, d),
        f2(30, n0p, d),
        f3(31, s0w, n0w, d),
        f3(32, s0p, n0p, d),
        // Valency.
        f2(33, s0w, s0vr),
        f2(34, s0p, s0vr),
        f2(35, s0w, s0vl),
        f2(36, s0p, s0vl),
        f2(37, n0w, n0vl),
        f2(38, n0p, n0vl),
        // Second-order unigrams.
        f1(39, s0hw),
        f1(40, s0hp),
        f1(41, lab(s0)),
        f1(42, s0lw),
        f1(43, s0lp),
        f1(44, lab(s0l)),
        f1(45, s0rw),
        f1(46, s0rp),
        f1(47, lab(s0r)),
        f1(48, n0lw),
        f1(49, n0lp),
        f1(50, lab(n0l)),
        // Third-order.
        f1(51, s0h2w),
        f1(52, s0h2p),
        f1(53, lab(s0h)),
        f1(54, s0l2w),
        f1(55, s0l2p),
        f1(56, lab(s0l2)),
        f1(57, s0r2w),
        f1(58, s0r2p),
        f1(59, lab(s0r2)),
        f1(60, n0l2w),
        f1(61, n0l2p),
        f1(62, lab(n0l2)),
        f3(63, s0p, s0lp, s0l2p),
        f3(64, s0p, s0rp, s0r2p),
        f3(65, s0p, s0hp, s0h2p),
        f3(66, n0p, n0lp, n0l2p),
        // Label sets.
        f2(67, s0w, s0sr),
        f2(68, s0p, s0sr),
        f2(69, s0w, s0sl),
        f2(70, s0p, s0sl),
        f2(71, n0w, n0sl),
        f2(72, n0p, n0sl),
        // The second and third stack items.
        f2(73, s1w, s1p),
        f3(74, s1p, s0p, n0p),
        f2(75, s1p, n0p),
        f3(76, wp(st.stack_item(2)).1, s1p, s0p),
        f2(77, s1w, n0w),
        // Suffixes (morphology the tags do not give: -ed, -ing, -ly).
        f2(78, suffix(s0), s0p),
        f2(79, suffix(n0), n0p),
        f3(80, suffix(s0), suffix(n0), n0p),
        // More word pairs.
        f2(81, n0w, n1w),
        f3(82, n0w, n1p, n2p),
        f3(83, lab(s0), s0p, n0p),
        f3(84, n0lp, n0w, n0p),
        // Labels with tags (feature set 3).
        f3(90, lab(s0), s0p, s0hp),
        f3(91, s0p, lab(s0r), n0p),
        f3(92, s0p, lab(s0l), n0p),
        f3(93, lab(n0l), n0p, s0p),
        f3(94, s1p, lab(s1), s0p),
        // Lexical triples: head, noun and preposition for PP attachment;
        // s0's word with the next two tags, n0's with the next tag.
        f3(95, s0hw, s0w, n0w),
        f3(96, s1w, s0w, n0w),
        f3(97, s0hw, s0p, n0w),
        f3(98, s0w, n0p, n1p),
        f3(99, s0p, n0w, n1p),
        // n1's suffix; s0's and n0's outermost children's words.
        f2(100, suffix(n1), n1p),
        f3(101, s0rw, s0p, n0p),
        f3(102, s0lw, s0p, n0p),
        f3(103, n0lw, n0p, s0p),
        f3(104, s0w, s0p, lab(s0)),
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_lowercases_and_zeroes_digits() {
        let mut buf = String::new();
        for (form, want) in [
            ("Putin", "putin"),
            ("1990s", "0000s"),
            ("ÉTÉ", "été"),
            ("don’t", "don't"),
            ("", ""),
        ] {
            normalize_into(form, &mut buf);
            assert_eq!(buf, want);
        }
    }

    #[test]
    fn hashes_are_stable_and_distinguish_forms() {
        let mut buf = String::new();
        let a = WordHashes::new("Running", &mut buf);
        let b = WordHashes::new("running", &mut buf);
        assert_eq!(a.norm, b.norm);
        assert_eq!(a.suffix, b.suffix);
        assert_ne!(a.shape, b.shape);
        assert_ne!(a.prefix, b.prefix);
        assert_ne!(f2(1, 2, 3), f2(1, 3, 2));
        assert_ne!(f1(1, 5), f1(2, 5));
        // Short words: every suffix is the whole word.
        let c = WordHashes::new("a", &mut buf);
        assert_eq!(c.suffix[0], combine(hash_bytes(b"a"), 0));
        assert_eq!(c.suffix[3], combine(hash_bytes(b"a"), 3));
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape_hash("Washington"), shape_hash("Wash"));
        assert_ne!(shape_hash("Wash"), shape_hash("wash"));
        assert_eq!(shape_hash("1990"), shape_hash("2024"));
        assert_eq!(shape_hash("U.S."), shape_hash("U.K."));
    }
}
