//! Training the parser: arc-eager with a dynamic oracle (Goldberg & Nivre
//! 2012): at every step the model's best valid move is compared with the
//! best zero-cost move, and after the first epoch the parser follows its
//! own prediction (with probability `explore`), learning to recover from
//! its mistakes. Non-projective gold trees are projectivised by lifting.

use gloss_core::syntax::features::{self, ParseWord};
use gloss_core::syntax::model_file::{ModelFile, ModelKind};
use gloss_core::syntax::parser::{best_move, move_names};
use gloss_core::syntax::transition::{projectivize, Move, MoveSet, State};
use gloss_core::syntax::{Deprel, Parser, Upos};

use super::data::Sentence;
use super::perceptron::{export, top_weights, Compression, ExportStats, Perceptron};
use super::rng::Rng;

/// Parser training settings.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    /// Passes over the data.
    pub epochs: usize,
    /// Shuffling and exploration seed.
    pub seed: u64,
    /// From this epoch on, follow the model's own prediction…
    pub explore_from: usize,
    /// …with this probability (else the best zero-cost move).
    pub explore: f64,
    /// Keep only the universal part of relations.
    pub universal_only: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            epochs: 15,
            seed: 2,
            explore_from: 1,
            explore: 0.9,
            universal_only: false,
        }
    }
}

/// The label set of the training data (the root first), in a fixed order.
pub fn label_set(sents: &[&Sentence], universal_only: bool) -> Vec<Deprel> {
    let mut seen = vec![false; Deprel::ALL.len()];
    for s in sents {
        for &r in &s.rels {
            let r = if universal_only { r.universal() } else { r };
            seen[r as usize] = true;
        }
    }
    let mut labels = vec![Deprel::Root];
    labels.extend(
        Deprel::ALL
            .iter()
            .copied()
            .filter(|&d| d != Deprel::Root && seen[d as usize]),
    );
    labels
}

/// A sentence ready for training: parser words and the projective gold tree.
struct Example {
    words: Vec<ParseWord>,
    gold: Vec<(u32, u8)>,
}

/// Statistics of the training data.
#[derive(Clone, Copy, Debug, Default)]
pub struct DataStats {
    /// Sentences.
    pub sentences: usize,
    /// Sentences with a lifted (non-projective) arc.
    pub nonprojective: usize,
    /// Arcs lifted.
    pub lifted: usize,
}

/// Parser words for `forms` with `tags`.
pub fn parse_words(forms: &[String], tags: &[Upos]) -> Vec<ParseWord> {
    let mut buf = String::new();
    forms
        .iter()
        .zip(tags)
        .map(|(f, t)| ParseWord::new(f, t.index(), &mut buf))
        .collect()
}

fn examples(
    sents: &[&Sentence],
    tags: &[Vec<Upos>],
    labels: &[Deprel],
    cfg: &Config,
) -> (Vec<Example>, DataStats) {
    let mut stats = DataStats::default();
    let label_index = |r: Deprel| {
        let r = if cfg.universal_only { r.universal() } else { r };
        labels.iter().position(|&l| l == r).unwrap_or(0) as u8
    };
    let out = sents
        .iter()
        .zip(tags)
        .map(|(s, t)| {
            let mut heads = s.heads.clone();
            let lifted = projectivize(&mut heads);
            stats.sentences += 1;
            stats.lifted += lifted;
            stats.nonprojective += usize::from(lifted > 0);
            let gold = heads
                .iter()
                .zip(&s.rels)
                .map(|(&h, &r)| (h, label_index(r)))
                .collect();
            Example {
                words: parse_words(&s.forms, t),
                gold,
            }
        })
        .collect();
    (out, stats)
}

/// The best zero-cost move under `scores` (there is always one for a
/// projective gold tree).
fn best_gold(st: &State, moves: &MoveSet, gold: &[(u32, u8)], scores: &[i64]) -> Option<Move> {
    let n = st.n();
    let s0 = st.s0();
    let b0 = st.buffer_item(0);
    let g = |w: u32| gold.get(w as usize).copied();
    let mut best: Option<(Move, i64)> = None;
    let mut consider = |m: Move| {
        let s = scores[moves.class(m)];
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((m, s));
        }
    };
    let [shift, reduce, left, right] = st.valid_kinds();
    if shift && st.cost(Move::Shift, gold) == 0 {
        consider(Move::Shift);
    }
    if reduce && st.cost(Move::Reduce, gold) == 0 {
        consider(Move::Reduce);
    }
    // A label that is not the root's, for arcs whose label cannot matter.
    let other = if moves.root == 0 { 1 } else { 0 };
    let labels = (0..moves.n_labels).filter(|&l| l != moves.root);
    if left {
        if st.at_root() {
            let m = Move::Left(moves.root);
            if st.cost(m, gold) == 0 {
                consider(m);
            }
        } else if let Some((h, l)) = g(s0) {
            if h == b0 {
                if l != moves.root && st.cost(Move::Left(l), gold) == 0 {
                    consider(Move::Left(l));
                }
            } else if st.cost(Move::Left(other), gold) == 0 {
                labels.clone().for_each(|l| consider(Move::Left(l)));
            }
        }
    }
    if right && b0 < n {
        if let Some((h, l)) = g(b0) {
            if h == s0 {
                if l != moves.root && st.cost(Move::Right(l), gold) == 0 {
                    consider(Move::Right(l));
                }
            } else if st.cost(Move::Right(other), gold) == 0 {
                labels.for_each(|l| consider(Move::Right(l)));
            }
        }
    }
    best.map(|(m, _)| m)
}

/// A trained (not yet compressed) parser.
pub struct Trained {
    /// The weights.
    pub perceptron: Perceptron,
    /// The label set.
    pub labels: Vec<Deprel>,
    /// Training-data statistics.
    pub stats: DataStats,
}

/// Trains on `sents` with tags `tags` (gold or jack-knifed). `progress` is
/// called after each epoch with (epoch, share of steps the model got right).
pub fn train(
    sents: &[&Sentence],
    tags: &[Vec<Upos>],
    cfg: &Config,
    progress: &mut dyn FnMut(usize, f64),
) -> Trained {
    train_with(sents, tags, cfg, None, progress)
}

/// [`train`], then again with only the `weights` largest weights learning,
/// their features cut to `key_bits` (prune and retrain: the kept weights
/// learn again without the others, and with the model file's collisions).
pub fn train_pruned(
    sents: &[&Sentence],
    tags: &[Vec<Upos>],
    cfg: &Config,
    weights: usize,
    key_bits: u8,
    progress: &mut dyn FnMut(usize, f64),
) -> Trained {
    let first = train(sents, tags, cfg, progress);
    let keep = top_weights(&first.perceptron.averaged(), weights);
    drop(first);
    train_with(sents, tags, cfg, Some((keep, key_bits)), progress)
}

fn train_with(
    sents: &[&Sentence],
    tags: &[Vec<Upos>],
    cfg: &Config,
    allowed: Option<(Vec<(u64, u8)>, u8)>,
    progress: &mut dyn FnMut(usize, f64),
) -> Trained {
    let labels = label_set(sents, cfg.universal_only);
    let moves = MoveSet {
        n_labels: labels.len() as u8,
        root: 0,
    };
    let (examples, stats) = examples(sents, tags, &labels, cfg);
    let mut p = match allowed {
        Some((keep, bits)) => Perceptron::restricted(moves.n_classes(), keep, bits),
        None => Perceptron::new(moves.n_classes()),
    };
    let mut rng = Rng::new(cfg.seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut feats = Vec::new();
    let mut scores = Vec::new();
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        let (mut right, mut steps) = (0usize, 0usize);
        for &ei in &order {
            let ex = &examples[ei];
            let mut st = State::new(ex.words.len());
            while !st.is_terminal() {
                feats.clear();
                features::parser_features(&st, &ex.words, &mut feats);
                p.scores(&feats, &mut scores);
                let Some(guess) = best_move(&st, &moves, &scores) else {
                    break;
                };
                let Some(gold) = best_gold(&st, &moves, &ex.gold, &scores) else {
                    break;
                };
                let guess_ok = st.cost(guess, &ex.gold) == 0;
                if !guess_ok {
                    p.update(moves.class(gold), moves.class(guess), &feats);
                }
                p.tick();
                steps += 1;
                right += usize::from(guess_ok);
                let explore = epoch >= cfg.explore_from && rng.unit() < cfg.explore;
                st.apply(if guess_ok || explore { guess } else { gold }, &moves);
            }
        }
        progress(epoch, right as f64 / steps.max(1) as f64);
    }
    Trained {
        perceptron: p,
        labels,
        stats,
    }
}

/// Compresses a trained parser into a model file.
pub fn to_model(t: &Trained, c: Compression) -> (ModelFile, ExportStats) {
    let (weights, stats) = export(&t.perceptron.averaged(), c);
    let m = ModelFile {
        kind: ModelKind::Parser,
        feature_set: features::PARSER_FEATURES,
        classes: move_names(&t.labels),
        weights,
        lexicon: Vec::new(),
        ambiguity: Vec::new(),
    };
    (m, stats)
}

/// The run-time parser of a model file (through its bytes, as shipped).
pub fn runtime(m: &ModelFile) -> Parser {
    Parser::from_bytes(&m.encode()).expect("a freshly encoded model loads")
}
