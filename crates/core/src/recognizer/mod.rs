//! The learned named-entity recogniser: a greedy, left-to-right averaged
//! perceptron over BILOU tags (in the style of spaCy's v1 greedy tagger and
//! entity recogniser), with an optional second pass that adds how the same
//! word was labelled elsewhere in the document.
//!
//! It works on words (the core's tokens, or a treebank's), optionally with
//! their universal POS tags, and returns entity spans as word ranges with a
//! label and a score. When the model is unsure of an entity's kind
//! (its score is below the model's threshold), the label is
//! [`EntLabel::Other`], never a default person.
//!
//! Pure computation, no I/O: the model comes from bytes
//! ([`Recognizer::from_bytes`]), and damaged bytes give a [`ModelError`].
//! O(n) in the number of words (a fixed number of hash lookups per word).
//! Trained by `gloss-train ner` (`crates/train`).
// Trained and tested, not yet a pipeline component: only tests and the
// trainer (feature `training`) use it so far.
#![cfg_attr(not(any(test, feature = "training")), allow(dead_code))]

pub mod features;
pub mod tags;
#[cfg(test)]
mod tests;

pub use crate::weights::ModelError;
pub use features::Sentence;
pub use tags::EntLabel;

use crate::gazetteer::Gazetteer;
use crate::hash::FastMap;
use crate::kb::Kb;
use crate::lexicon::Lexicon;
use crate::weights::{Format, ModelFile, Weights};
use features::{DocEvidence, Prepared};
use std::ops::Range;
use tags::{Tag, TAG_COUNT};

/// The bundled model file's bytes.
pub const BUNDLED: &[u8] = include_bytes!("../../data/models/ner.bin");

/// A recognised entity.
#[derive(Clone, Debug, PartialEq)]
pub struct Ent {
    /// Word range (in the sentence passed to [`Recognizer::recognize`], or
    /// in its sentence for [`Recognizer::recognize_doc`]).
    pub span: Range<usize>,
    /// Its kind.
    pub label: EntLabel,
    /// How sure the model is, in (0, 1]: the mean probability of the tags
    /// of its words.
    pub score: f32,
}

/// The recogniser's model file format.
pub const FORMAT: Format = Format {
    magic: b"GLNERv01",
    classes: TAG_COUNT,
    feature_set: features::FEATURE_SET,
};

/// A trained recogniser.
#[derive(Clone, Debug)]
pub struct Recognizer {
    weights: Weights,
    threshold: f32,
    two_pass: bool,
    gazetteer: Gazetteer,
    cues: features::Cues,
}

/// Label counts of a word's occurrences in the first pass: outside, then
/// the four labels.
type Counts = [u16; 5];

/// Document-consistency feature of a word: the label its other occurrences
/// got in the first pass.
fn consistency_feature(counts: Option<&Counts>, own: usize, first: bool, out: &mut Vec<u32>) {
    let Some(c) = counts else { return };
    let mut others = *c;
    others[own] = others[own].saturating_sub(1);
    let total: u16 = others.iter().sum();
    if total == 0 {
        return;
    }
    let best = (0..5).max_by_key(|&i| (others[i], 5 - i)).unwrap_or(0);
    let labelled: u16 = others[1..].iter().sum();
    let share = if labelled * 2 >= total { 1 } else { 0 };
    out.push(features::f2(50, best as u64, u64::from(first)));
    out.push(features::f1(51, share));
}

/// The label index (0 = outside) a word got in the first pass.
fn label_index(t: Tag) -> usize {
    t.split().map_or(0, |(l, _)| 1 + l.index())
}

impl Recognizer {
    /// Loads a model file (the output of `gloss-train ner`), with the
    /// bundled gazetteer and the cue words and names of `lx` and `kb`.
    pub fn from_bytes(bytes: &[u8], lx: &Lexicon, kb: &Kb) -> Result<Recognizer, ModelError> {
        Self::from_model(&ModelFile::decode(bytes, &FORMAT)?, lx, kb)
    }

    /// A recogniser from decoded model content.
    pub fn from_model(m: &ModelFile, lx: &Lexicon, kb: &Kb) -> Result<Recognizer, ModelError> {
        Ok(Recognizer {
            weights: Weights::new(m, TAG_COUNT)?,
            threshold: m.threshold,
            two_pass: m.two_pass,
            gazetteer: Gazetteer::build(kb),
            cues: features::Cues::new(lx),
        })
    }

    /// The bundled model (`crates/core/data/models/ner.bin`, trained by
    /// `gloss-train ner`; licence in `data/models/NER-NOTICE.txt`).
    pub fn bundled(lx: &Lexicon, kb: &Kb) -> Result<Recognizer, ModelError> {
        Recognizer::from_bytes(BUNDLED, lx, kb)
    }

    /// Number of features with weights.
    pub fn feature_count(&self) -> usize {
        self.weights.len()
    }

    /// Recognises the entities of one sentence (`pos`: UPOS tags of the
    /// words, or empty). Words are taken as separated by spaces.
    pub fn recognize(&self, words: &[&str], pos: &[&str]) -> Vec<Ent> {
        let glued = vec![false; words.len()];
        let s = Sentence {
            words,
            glued: &glued,
            pos,
        };
        self.recognize_doc(&[s]).pop().unwrap_or_default()
    }

    /// Recognises the entities of a document, sentence by sentence; the
    /// document as a whole supplies evidence (words seen in lower case,
    /// and, with a two-pass model, the labels of a word's other
    /// occurrences).
    pub fn recognize_doc(&self, sentences: &[Sentence]) -> Vec<Vec<Ent>> {
        let doc = DocEvidence::new(sentences);
        let prepared: Vec<Prepared> = sentences
            .iter()
            .map(|s| Prepared::new(s, &self.gazetteer, &self.cues))
            .collect();
        let mut buf = Vec::with_capacity(64);
        let first: Vec<(Vec<Tag>, Vec<f32>)> = sentences
            .iter()
            .zip(&prepared)
            .map(|(s, p)| self.tag_sentence(s, p, &doc, None, &mut buf))
            .collect();
        let tagged = if self.two_pass {
            let counts = first_pass_counts(sentences, &first);
            sentences
                .iter()
                .zip(&prepared)
                .zip(&first)
                .map(|((s, p), (tags, _))| {
                    self.tag_sentence(s, p, &doc, Some((&counts, tags)), &mut buf)
                })
                .collect()
        } else {
            first
        };
        tagged
            .into_iter()
            .map(|(tags, probs)| self.entities(&tags, &probs))
            .collect()
    }

    fn entities(&self, tags: &[Tag], probs: &[f32]) -> Vec<Ent> {
        tags::decode(tags)
            .into_iter()
            .map(|(span, label)| {
                let p = &probs[span.clone()];
                let score = p.iter().sum::<f32>() / p.len().max(1) as f32;
                let label = if score < self.threshold {
                    EntLabel::Other
                } else {
                    label
                };
                Ent { span, label, score }
            })
            .collect()
    }

    /// Greedy decoding of one sentence; returns the tags and each tag's
    /// probability among the tags allowed there.
    fn tag_sentence(
        &self,
        s: &Sentence,
        p: &Prepared,
        doc: &DocEvidence,
        second: Option<(&FastMap<&str, Counts>, &[Tag])>,
        buf: &mut Vec<u32>,
    ) -> (Vec<Tag>, Vec<f32>) {
        let n = s.words.len();
        let mut tags = Vec::with_capacity(n);
        let mut probs = Vec::with_capacity(n);
        let (mut prev, mut prev2) = (Tag::OUT, Tag::OUT);
        for i in 0..n {
            buf.clear();
            features::static_features(s, p, doc, i, buf);
            features::tag_features(p, i, prev, prev2, buf);
            if let Some((counts, own)) = second {
                consistency_feature(counts.get(s.words[i]), label_index(own[i]), i == 0, buf);
            }
            let scores = self.scores(buf);
            let (best, prob) = self.choose(&scores, prev, i + 1 == n);
            tags.push(best);
            probs.push(prob);
            prev2 = prev;
            prev = best;
        }
        (tags, probs)
    }

    /// Sums the weights of `features` per tag.
    pub fn scores(&self, features: &[u32]) -> [f32; TAG_COUNT] {
        let mut scores = [0f32; TAG_COUNT];
        self.weights.add_scores(features, &mut scores);
        scores
    }

    /// The best tag allowed after `prev` (and at a sentence end when
    /// `last`) and its softmax probability among the allowed tags.
    fn choose(&self, scores: &[f32; TAG_COUNT], prev: Tag, last: bool) -> (Tag, f32) {
        let allowed = |t: Tag| t.may_follow(prev) && (!last || t.may_end());
        let mut best = Tag::OUT;
        let mut best_score = f32::NEG_INFINITY;
        for (c, &sc) in scores.iter().enumerate() {
            let t = Tag(c as u8);
            if allowed(t) && sc > best_score {
                best = t;
                best_score = sc;
            }
        }
        let mut z = 0.0f32;
        for (c, &sc) in scores.iter().enumerate() {
            if allowed(Tag(c as u8)) {
                z += (sc - best_score).exp();
            }
        }
        (best, if z > 0.0 { 1.0 / z } else { 1.0 })
    }
}

/// First-pass label counts of every capitalised word of the document.
fn first_pass_counts<'a>(
    sentences: &[Sentence<'a>],
    first: &[(Vec<Tag>, Vec<f32>)],
) -> FastMap<&'a str, Counts> {
    let mut counts: FastMap<&'a str, Counts> = FastMap::default();
    for (s, (tags, _)) in sentences.iter().zip(first) {
        for (w, t) in s.words.iter().zip(tags) {
            if w.chars().next().is_some_and(char::is_uppercase) {
                let c = counts.entry(w).or_insert([0; 5]);
                let l = label_index(*t);
                c[l] = c[l].saturating_add(1);
            }
        }
    }
    counts
}

/// The consistency features of one word, for training: `counts` are the
/// first-pass label counts of the document's capitalised words, `own` the
/// word's own first-pass tag.
pub fn consistency_features_for_training(
    counts: &FastMap<&str, [u16; 5]>,
    word: &str,
    own: Tag,
    first: bool,
    out: &mut Vec<u32>,
) {
    consistency_feature(counts.get(word), label_index(own), first, out);
}

/// First-pass label counts, for training (see [`Recognizer::recognize_doc`]).
pub fn first_pass_counts_for_training<'a>(
    sentences: &[Sentence<'a>],
    tags: &[Vec<Tag>],
) -> FastMap<&'a str, [u16; 5]> {
    let first: Vec<(Vec<Tag>, Vec<f32>)> = tags.iter().map(|t| (t.clone(), Vec::new())).collect();
    first_pass_counts(sentences, &first)
}
