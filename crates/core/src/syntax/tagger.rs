//! The part-of-speech tagger: a greedy, left-to-right averaged perceptron
//! (Honnibal 2013, "A good part-of-speech tagger in about 200 lines of
//! Python") over [`features::tagger_features`], with a dictionary of
//! frequent unambiguous words that skips the classifier, and the
//! ambiguity classes of the other training words (the tags each took) as
//! features.
//!
//! It tags each sentence twice ([`decode`]): the second pass also sees the
//! first pass's tags of the next two words, which a single greedy pass
//! cannot (one model does both passes; +0.5 point UPOS on EWT dev).
//!
//! O(n) in the sentence length: two passes of forty hashed features per
//! word not in the dictionary.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::features::{self, fold_char, WordHashes};
use super::labels::Upos;
use super::model_file::{ModelError, ModelFile, ModelKind, WeightTable};

/// A trained tagger.
#[derive(Clone, Debug)]
pub struct Tagger {
    weights: WeightTable,
    /// Class index → tag.
    classes: Vec<Upos>,
    /// Hash of the folded form → class.
    lexicon: HashMap<u64, u8, BuildHasherDefault<PassThrough>>,
    /// Hash of the normalised form ([`WordHashes::norm`]) → its ambiguity
    /// class ([`features::ambiguity_value`]).
    ambiguity: Ambiguity,
}

/// Ambiguity classes by normalised-form hash.
pub type Ambiguity = HashMap<u64, u64, BuildHasherDefault<PassThrough>>;

/// The ambiguity classes of a model file's list, by normalised-form hash.
pub fn ambiguity_map(list: &[(String, u32)]) -> Ambiguity {
    list.iter()
        .map(|(w, m)| {
            (
                features::hash_bytes(w.as_bytes()),
                features::ambiguity_value(Some(*m)),
            )
        })
        .collect()
}

/// The hashes of `form` with its ambiguity class from `amb`.
pub fn word_hashes(form: &str, amb: &Ambiguity, buf: &mut String) -> WordHashes {
    let mut h = WordHashes::new(form, buf);
    if let Some(&v) = amb.get(&h.norm) {
        h.amb = v;
    }
    h
}

/// The tag-dictionary key of a word: the hash of its form with quotes
/// folded (case kept: "US" and "us" differ).
pub fn lexicon_key(form: &str) -> u64 {
    let mut buf = [0u8; 64];
    let mut len = 0;
    for c in form.chars().map(fold_char) {
        let mut tmp = [0u8; 4];
        let s = c.encode_utf8(&mut tmp).as_bytes();
        if len + s.len() > buf.len() {
            // Long words are never in the dictionary; hash them whole.
            return features::hash_bytes(form.as_bytes()) ^ 1;
        }
        buf[len..len + s.len()].copy_from_slice(s);
        len += s.len();
    }
    features::hash_bytes(&buf[..len])
}

impl Tagger {
    /// Loads a tagger model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        Tagger::from_model(ModelFile::decode(bytes)?)
    }

    /// A tagger from a decoded model file.
    pub fn from_model(m: ModelFile) -> Result<Tagger, ModelError> {
        if m.kind != ModelKind::Tagger {
            return Err(ModelError::WrongKind {
                expected: ModelKind::Tagger,
                found: m.kind,
            });
        }
        if m.feature_set != features::TAGGER_FEATURES {
            return Err(ModelError::FeatureSet {
                expected: features::TAGGER_FEATURES,
                found: m.feature_set,
            });
        }
        let classes = m
            .classes
            .iter()
            .map(|c| Upos::from_conllu(c).ok_or_else(|| ModelError::UnknownLabel(c.clone())))
            .collect::<Result<Vec<_>, _>>()?;
        if classes.is_empty() {
            return Err(ModelError::Invalid("no classes"));
        }
        let lexicon = m
            .lexicon
            .iter()
            .map(|(w, c)| (lexicon_key(w), *c))
            .collect();
        if m.ambiguity
            .iter()
            .any(|(_, mask)| mask.checked_shr(classes.len() as u32).unwrap_or(0) != 0)
        {
            return Err(ModelError::Invalid("ambiguity class out of range"));
        }
        Ok(Tagger {
            ambiguity: ambiguity_map(&m.ambiguity),
            weights: m.weights,
            classes,
            lexicon,
        })
    }

    /// Tags one sentence of UD-style words (see [`super::ud_words`] for
    /// Gloss tokens).
    pub fn tag(&self, words: &[&str]) -> Vec<Upos> {
        let mut out = Vec::with_capacity(words.len());
        self.tag_into(words, &mut Scratch::default(), &mut out);
        out
    }

    /// [`Tagger::tag`] appending to `out`, with reusable scratch space.
    pub fn tag_into(&self, words: &[&str], scratch: &mut Scratch, out: &mut Vec<Upos>) {
        let Scratch {
            words: hashes,
            fixed,
            feats,
            scores,
            word_scores,
            first,
            classes,
            buf,
        } = scratch;
        hashes.clear();
        fixed.clear();
        for w in words {
            hashes.push(word_hashes(w, &self.ambiguity, buf));
            fixed.push(self.lexicon.get(&lexicon_key(w)).copied());
        }
        let nc = self.classes.len();
        scores.resize(nc, 0);
        word_scores.clear();
        word_scores.resize(words.len() * nc, 0);
        decode(
            hashes,
            fixed,
            true,
            feats,
            first,
            classes,
            &mut |pass, i, feats| {
                let keep = &mut word_scores[i * nc..(i + 1) * nc];
                if pass == 0 {
                    // The tag-independent features come first: score them once.
                    let n_word = feats.len() - features::TAGGER_CONTEXT_FEATURES;
                    keep.iter_mut().for_each(|s| *s = 0);
                    self.weights.add_scores(&feats[..n_word], keep);
                    scores.copy_from_slice(keep);
                    self.weights.add_scores(&feats[n_word..], scores);
                } else {
                    scores.copy_from_slice(keep);
                    self.weights.add_scores(feats, scores);
                }
                argmax(scores).min(nc - 1)
            },
        );
        out.extend(classes.iter().map(|&c| self.classes[c.min(nc - 1)]));
    }

    /// The weight table (for diagnostics).
    pub fn weights(&self) -> &WeightTable {
        &self.weights
    }

    /// The number of weighted features and of weights.
    pub fn size(&self) -> (usize, usize) {
        (self.weights.len(), self.weights.entry_count())
    }
}

/// Reusable buffers for [`Tagger::tag_into`].
#[derive(Clone, Debug, Default)]
pub struct Scratch {
    words: Vec<WordHashes>,
    fixed: Vec<Option<u8>>,
    feats: Vec<u64>,
    scores: Vec<i32>,
    /// Scores of each word's tag-independent features (pass one), by class.
    word_scores: Vec<i32>,
    first: Vec<usize>,
    classes: Vec<usize>,
    buf: String,
}

/// The two-pass greedy decoder, shared by training and tagging.
///
/// Pass one tags left to right with the previous tags as context; pass two
/// does it again, now also seeing the first pass's tags of the next two
/// words. Words with a `fixed` class (the dictionary) are not classified.
/// `classify(pass, i, features)` returns word `i`'s class (training updates
/// the weights in it); `features` holds the tag-independent features
/// ([`features::tagger_word_features`]) then the context ones, except in
/// pass two when `words_once` is set: then only the context features (the
/// caller keeps the scores of the others from pass one). The second pass's
/// classes end up in `classes`.
pub fn decode(
    words: &[WordHashes],
    fixed: &[Option<u8>],
    words_once: bool,
    feats: &mut Vec<u64>,
    first: &mut Vec<usize>,
    classes: &mut Vec<usize>,
    classify: &mut dyn FnMut(usize, usize, &[u64]) -> usize,
) {
    first.clear();
    for pass in 0..2 {
        classes.clear();
        for i in 0..words.len() {
            let class = match fixed.get(i).copied().flatten() {
                Some(c) => c as usize,
                None => {
                    let left = |k: usize| features::tag_value(i.checked_sub(k).map(|j| classes[j]));
                    let right = |k: usize| {
                        if pass == 0 {
                            features::NO_RIGHT
                        } else {
                            features::right_value(first.get(i + k).copied())
                        }
                    };
                    let ctx = features::TagContext {
                        left: [left(1), left(2)],
                        right: [right(1), right(2)],
                    };
                    feats.clear();
                    if pass == 0 || !words_once {
                        features::tagger_word_features(words, i, feats);
                    }
                    features::tagger_context_features(words, i, ctx, feats);
                    classify(pass, i, feats)
                }
            };
            classes.push(class);
        }
        if pass == 0 {
            std::mem::swap(first, classes);
        }
    }
}

/// Index of the largest score (the first on ties).
pub fn argmax<T: PartialOrd + Copy>(scores: &[T]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate().skip(1) {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// A hasher for keys that are already hashes.
#[derive(Default, Clone, Copy)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::model_file::Entry;

    /// A hand-made model: "the" → DET from the dictionary, and a weight
    /// that makes any word after a DET a NOUN, otherwise a VERB.
    fn toy() -> Tagger {
        let classes = vec!["VERB".to_string(), "NOUN".into(), "DET".into()];
        let bits = 32;
        let mut rows = vec![
            // Bias: VERB.
            (
                super::super::model_file::key_of(features::f1(0, 0), bits),
                vec![Entry {
                    class: 0,
                    weight: 1,
                }],
            ),
            // Previous tag DET (class 2): NOUN.
            (
                super::super::model_file::key_of(
                    features::f1(13, features::tag_value(Some(2))),
                    bits,
                ),
                vec![Entry {
                    class: 1,
                    weight: 5,
                }],
            ),
        ];
        rows.sort_by_key(|r| r.0);
        let m = ModelFile {
            kind: ModelKind::Tagger,
            feature_set: features::TAGGER_FEATURES,
            classes,
            weights: WeightTable::from_rows(bits, rows).unwrap(),
            lexicon: vec![("the".into(), 2)],
            ambiguity: Vec::new(),
        };
        Tagger::from_bytes(&m.encode()).unwrap()
    }

    #[test]
    fn toy_model_uses_dictionary_and_previous_tag() {
        let t = toy();
        assert_eq!(
            t.tag(&["the", "dog", "barks"]),
            vec![Upos::Det, Upos::Noun, Upos::Verb]
        );
        assert_eq!(t.tag(&["the", "’"]), vec![Upos::Det, Upos::Noun]);
        assert!(t.tag(&[]).is_empty());
    }

    #[test]
    fn a_parser_file_is_not_a_tagger() {
        let mut m = ModelFile::decode(&{
            let t = ModelFile {
                kind: ModelKind::Parser,
                feature_set: features::TAGGER_FEATURES,
                classes: vec!["NOUN".into()],
                weights: WeightTable::from_rows(16, Vec::new()).unwrap(),
                lexicon: Vec::new(),
                ambiguity: Vec::new(),
            };
            t.encode()
        })
        .unwrap();
        assert!(matches!(
            Tagger::from_model(m.clone()),
            Err(ModelError::WrongKind { .. })
        ));
        m.kind = ModelKind::Tagger;
        m.feature_set += 1;
        assert!(matches!(
            Tagger::from_model(m.clone()),
            Err(ModelError::FeatureSet { .. })
        ));
        m.feature_set -= 1;
        m.classes = vec!["NOUNISH".into()];
        assert!(matches!(
            Tagger::from_model(m),
            Err(ModelError::UnknownLabel(_))
        ));
    }

    #[test]
    fn lexicon_keys_fold_quotes_but_keep_case() {
        assert_eq!(lexicon_key("n’t"), lexicon_key("n't"));
        assert_ne!(lexicon_key("US"), lexicon_key("us"));
        let long = "x".repeat(100);
        assert_ne!(lexicon_key(&long), lexicon_key(&long[..99]));
    }
}
