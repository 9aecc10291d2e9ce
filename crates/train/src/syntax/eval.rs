//! Scores of predicted tags and trees against gold sentences, with the
//! CoNLL 2018 shared-task conventions on gold tokenisation: every word
//! counts (punctuation included); LAS compares the universal part of the
//! relation ("nsubj:pass" = "nsubj"); `las_full` compares whole labels.

use gloss_core::syntax::{parser::Attachment, Upos};

use super::data::Sentence;

/// Accuracy figures (shares of words).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    /// Words scored.
    pub words: usize,
    /// Tag accuracy.
    pub upos: f64,
    /// Unlabelled attachment score.
    pub uas: f64,
    /// Labelled attachment score (universal relations).
    pub las: f64,
    /// Labelled attachment score with subtypes.
    pub las_full: f64,
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "upos={:.2} uas={:.2} las={:.2} las_full={:.2} ({} words)",
            100.0 * self.upos,
            100.0 * self.uas,
            100.0 * self.las,
            100.0 * self.las_full,
            self.words
        )
    }
}

/// Scores `tags` and `arcs` (one entry per sentence) against `gold`.
pub fn score(gold: &[&Sentence], tags: &[Vec<Upos>], arcs: &[Vec<Attachment>]) -> Scores {
    let (mut n, mut t, mut u, mut l, mut lf) = (0usize, 0usize, 0usize, 0usize, 0usize);
    for ((s, ts), a) in gold.iter().zip(tags).zip(arcs) {
        let len = s.forms.len();
        for i in 0..len {
            n += 1;
            t += usize::from(ts.get(i) == Some(&s.upos[i]));
            let Some(p) = a.get(i) else { continue };
            let head = p.head.map_or(len as u32, |h| h as u32);
            if head == s.heads[i] {
                u += 1;
                l += usize::from(p.rel.universal() == s.rels[i].universal());
                lf += usize::from(p.rel == s.rels[i]);
            }
        }
    }
    let share = |x: usize| x as f64 / n.max(1) as f64;
    Scores {
        words: n,
        upos: share(t),
        uas: share(u),
        las: share(l),
        las_full: share(lf),
    }
}
