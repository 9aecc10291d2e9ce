//! Training the tagger: greedy left-to-right averaged perceptron over
//! [`features::tagger_features`], previous tags from its own guesses (as at
//! run time), frequent unambiguous words looked up instead of learned.

use std::collections::{BTreeMap, HashMap};

use gloss_core::syntax::features::{self, fold_char, WordHashes};
use gloss_core::syntax::model_file::{ModelFile, ModelKind};
use gloss_core::syntax::tagger::{argmax, decode};
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
}

impl Default for Config {
    fn default() -> Config {
        Config {
            epochs: 10,
            seed: 1,
            dict_min_freq: 50,
            dict_min_ratio: 0.99,
        }
    }
}

/// A trained (not yet compressed) tagger.
pub struct Trained {
    /// The weights.
    pub perceptron: Perceptron,
    /// The dictionary (folded form → class), sorted.
    pub lexicon: Vec<(String, u8)>,
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
    let keep = top_weights(&first.perceptron.averaged(), weights);
    train_with(
        sents,
        cfg,
        Perceptron::restricted(Upos::ALL.len(), keep, key_bits),
    )
}

fn train_with(sents: &[&Sentence], cfg: &Config, mut p: Perceptron) -> Trained {
    let lexicon = build_lexicon(sents, cfg);
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
            hashes.extend(s.forms.iter().map(|f| WordHashes::new(f, &mut buf)));
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
