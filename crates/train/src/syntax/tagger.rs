//! Training the tagger: greedy left-to-right averaged perceptron over
//! [`features::tagger_features`], previous tags from its own guesses (as at
//! run time), frequent unambiguous words looked up instead of learned, the
//! tags each training word took as its ambiguity class.

use std::collections::{BTreeMap, HashMap};

use gloss_core::syntax::features::{self, fold_char, normalize_into, WordHashes};
use gloss_core::syntax::model_file::{ModelFile, ModelKind};
use gloss_core::syntax::tagger::{ambiguity_map, argmax, decode, word_hashes, Ambiguity};
use gloss_core::syntax::{Tagger, Upos};

use super::data::Sentence;
use super::perceptron::{export, top_weights, Compression, ExportStats, Perceptron};
use super::rng::Rng;

/// Tagger training settings.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    /// Passes over the data.
    pub epochs: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// A word enters the dictionary when seen this often…
    pub dict_min_freq: usize,
    /// …with its most frequent tag at least this share of the time.
    pub dict_min_ratio: f64,
    /// A word gets an ambiguity class when seen this often…
    pub amb_min_freq: u32,
    /// …the class being the tags it took at least this share of the time.
    pub amb_min_share: f64,
    /// Pruning keeps the weights largest in |weight| · count^power, count
    /// being how often the feature fires in training (0: |weight| alone).
    /// Weights of features that fire often matter more, and fewer kept
    /// features mean fewer keys in the model file.
    pub prune_power: f64,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            epochs: 10,
            seed: 1,
            dict_min_freq: 50,
            dict_min_ratio: 0.99,
            amb_min_freq: AMB_MIN_FREQ,
            amb_min_share: 0.05,
            prune_power: 0.25,
        }
    }
}

/// The default [`Config::amb_min_freq`].
pub const AMB_MIN_FREQ: u32 = 3;

/// A trained (not yet compressed) tagger.
pub struct Trained {
    /// The weights.
    pub perceptron: Perceptron,
    /// The dictionary (folded form → class), sorted.
    pub lexicon: Vec<(String, u8)>,
    /// The ambiguity classes (normalised form → class mask), sorted.
    pub ambiguity: Vec<(String, u32)>,
}

fn fold(form: &str) -> String {
    form.chars().map(fold_char).collect()
}

/// The frequent unambiguous words of `sents`.
pub fn build_lexicon(sents: &[&Sentence], cfg: &Config) -> Vec<(String, u8)> {
    let mut counts: HashMap<String, [u32; 17]> = HashMap::new();
    for s in sents {
        for (f, t) in s.forms.iter().zip(&s.upos) {
            counts.entry(fold(f)).or_insert([0; 17])[t.index()] += 1;
        }
    }
    let mut lex: BTreeMap<String, u8> = BTreeMap::new();
    for (w, c) in counts {
        let total: u32 = c.iter().sum();
        let best = argmax(&c);
        if total as usize >= cfg.dict_min_freq
            && f64::from(c[best]) / f64::from(total) >= cfg.dict_min_ratio
        {
            lex.insert(w, best as u8);
        }
    }
    lex.into_iter().collect()
}

/// The ambiguity classes of the words of `sents` seen at least
/// `cfg.amb_min_freq` times: the set of tags each took at least
/// `cfg.amb_min_share` of the time (bit `c` for class `c`), by normalised
/// form.
pub fn build_ambiguity(sents: &[&Sentence], cfg: &Config) -> Vec<(String, u32)> {
    let mut counts: HashMap<String, [u32; 17]> = HashMap::new();
    let mut buf = String::new();
    for s in sents {
        for (f, t) in s.forms.iter().zip(&s.upos) {
            normalize_into(f, &mut buf);
            match counts.get_mut(buf.as_str()) {
                Some(c) => c[t.index()] += 1,
                None => {
                    let mut c = [0; 17];
                    c[t.index()] = 1;
                    counts.insert(buf.clone(), c);
                }
            }
        }
    }
    let mut out: Vec<(String, u32)> = counts
        .into_iter()
        .filter_map(|(w, c)| {
            let total: u32 = c.iter().sum();
            // (The model file ends each word with a 0 byte.)
            if total < cfg.amb_min_freq || w.contains('\0') {
                return None;
            }
            let mask = c
                .iter()
                .enumerate()
                .filter(|&(_, &n)| f64::from(n) >= cfg.amb_min_share * f64::from(total))
                .fold(0u32, |m, (i, _)| m | 1 << i);
            Some((w, mask))
        })
        .collect();
    out.sort_unstable();
    out
}

/// Trains on `sents`.
pub fn train(sents: &[&Sentence], cfg: &Config) -> Trained {
    train_with(sents, cfg, Perceptron::new(Upos::ALL.len()))
}

/// Trains on `sents`, then again with only the `weights` largest weights
/// learning, their features cut to `key_bits` (prune and retrain: the kept
/// weights learn again without the others, and with the model file's key
/// collisions).
pub fn train_pruned(sents: &[&Sentence], cfg: &Config, weights: usize, key_bits: u8) -> Trained {
    let first = train(sents, cfg);
    let alpha = cfg.prune_power;
    let keep = if alpha == 0.0 {
        top_weights(&first.perceptron.averaged(), weights)
    } else {
        let counts = feature_counts(sents, &ambiguity_map(&first.ambiguity));
        let avg: Vec<(u64, Vec<(u8, f64)>)> = first
            .perceptron
            .averaged()
            .into_iter()
            .map(|(f, row)| {
                let k = f64::from(counts.get(&f).copied().unwrap_or(1).max(1)).powf(alpha);
                (f, row.into_iter().map(|(c, w)| (c, w * k)).collect())
            })
            .collect();
        top_weights(&avg, weights)
    };
    train_with(
        sents,
        cfg,
        Perceptron::restricted(Upos::ALL.len(), keep, key_bits),
    )
}

/// How often each feature fires on `sents`, the tag context from the gold
/// tags (context features count in both passes).
fn feature_counts(sents: &[&Sentence], amb: &Ambiguity) -> HashMap<u64, u32> {
    let mut counts: HashMap<u64, u32> = HashMap::new();
    let mut buf = String::new();
    let mut feats = Vec::new();
    for s in sents {
        let hashes: Vec<WordHashes> = s
            .forms
            .iter()
            .map(|f| word_hashes(f, amb, &mut buf))
            .collect();
        let tags: Vec<usize> = s.upos.iter().map(|u| u.index()).collect();
        for i in 0..hashes.len() {
            let left = |k: usize| features::tag_value(i.checked_sub(k).map(|j| tags[j]));
            let right = |k: usize| features::right_value(tags.get(i + k).copied());
            let ctx = features::TagContext {
                left: [left(1), left(2)],
                right: [right(1), right(2)],
            };
            feats.clear();
            features::tagger_features(&hashes, i, ctx, &mut feats);
            // First pass: no right context.
            let ctx0 = features::TagContext {
                right: [features::NO_RIGHT; 2],
                ..ctx
            };
            features::tagger_context_features(&hashes, i, ctx0, &mut feats);
            for &f in &feats {
                *counts.entry(f).or_default() += 1;
            }
        }
    }
    counts
}

fn train_with(sents: &[&Sentence], cfg: &Config, mut p: Perceptron) -> Trained {
    let lexicon = build_lexicon(sents, cfg);
    let ambiguity = build_ambiguity(sents, cfg);
    let amb = ambiguity_map(&ambiguity);
    let dict: HashMap<&str, u8> = lexicon.iter().map(|(w, c)| (w.as_str(), *c)).collect();
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut rng = Rng::new(cfg.seed);
    let mut buf = String::new();
    let mut hashes = Vec::new();
    let mut feats = Vec::new();
    let mut scores = Vec::new();
    let (mut fixed, mut first, mut classes) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..cfg.epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let s = sents[si];
            hashes.clear();
            hashes.extend(s.forms.iter().map(|f| word_hashes(f, &amb, &mut buf)));
            fixed.clear();
            fixed.extend(s.forms.iter().map(|f| dict.get(fold(f).as_str()).copied()));
            decode(
                &hashes,
                &fixed,
                false,
                &mut feats,
                &mut first,
                &mut classes,
                &mut |_, i, feats| {
                    p.scores(feats, &mut scores);
                    let guess = argmax(&scores);
                    p.update(s.upos[i].index(), guess, feats);
                    p.tick();
                    guess
                },
            );
        }
    }
    Trained {
        perceptron: p,
        lexicon,
        ambiguity,
    }
}

/// Compresses a trained tagger into a model file.
pub fn to_model(t: &Trained, c: Compression) -> (ModelFile, ExportStats) {
    let (weights, stats) = export(&t.perceptron.averaged(), c);
    let m = ModelFile {
        kind: ModelKind::Tagger,
        feature_set: features::TAGGER_FEATURES,
        classes: Upos::ALL.iter().map(|u| u.as_str().to_string()).collect(),
        weights,
        lexicon: t.lexicon.clone(),
        ambiguity: t.ambiguity.clone(),
    };
    (m, stats)
}

/// The run-time tagger of a model file (through its bytes, as shipped).
pub fn runtime(m: &ModelFile) -> Tagger {
    Tagger::from_bytes(&m.encode()).expect("a freshly encoded model loads")
}

/// Tags every sentence.
pub fn tag_all(t: &Tagger, sents: &[&Sentence]) -> Vec<Vec<Upos>> {
    let mut scratch = gloss_core::syntax::tagger::Scratch::default();
    sents
        .iter()
        .map(|s| {
            let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
            let mut out = Vec::with_capacity(forms.len());
            t.tag_into(&forms, &mut scratch, &mut out);
            out
        })
        .collect()
}

/// Token accuracy of predicted tags.
pub fn accuracy(sents: &[&Sentence], pred: &[Vec<Upos>]) -> f64 {
    let (mut ok, mut n) = (0usize, 0usize);
    for (s, p) in sents.iter().zip(pred) {
        n += s.upos.len();
        ok += s.upos.iter().zip(p).filter(|(a, b)| a == b).count();
    }
    ok as f64 / n.max(1) as f64
}

/// Jack-knifed tags: each of `folds` parts tagged by a tagger trained on
/// the others (so the parser trains on tags as noisy as at run time).
pub fn jackknife(
    sents: &[&Sentence],
    folds: usize,
    cfg: &Config,
    c: Compression,
) -> Vec<Vec<Upos>> {
    let mut out: Vec<Vec<Upos>> = vec![Vec::new(); sents.len()];
    for k in 0..folds {
        let train: Vec<&Sentence> = sents
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != k)
            .map(|(_, s)| *s)
            .collect();
        let held: Vec<usize> = (0..sents.len()).filter(|i| i % folds == k).collect();
        let t = runtime(&to_model(&train_fold(&train, cfg, k), c).0);
        let held_sents: Vec<&Sentence> = held.iter().map(|&i| sents[i]).collect();
        for (i, tags) in held.into_iter().zip(tag_all(&t, &held_sents)) {
            out[i] = tags;
        }
    }
    out
}

fn train_fold(sents: &[&Sentence], cfg: &Config, k: usize) -> Trained {
    let cfg = Config {
        seed: cfg.seed.wrapping_add(1000 + k as u64),
        ..*cfg
    };
    train(sents, &cfg)
}
