//! The averaged perceptron for the recogniser (Collins 2002, lazy
//! averaging as in Honnibal's tagger) with integer weights, so training is
//! exact and deterministic, and its export to a quantised, pruned
//! [`ModelFile`].

use gloss_core::training::weights::{self as model_file, ModelFile};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug)]
struct Cell {
    class: u8,
    weight: i32,
    total: i64,
    stamp: u32,
}

/// A multi-class averaged perceptron over 32-bit feature keys.
#[derive(Clone, Debug, Default)]
pub struct Perceptron {
    index: HashMap<u32, u32>,
    rows: Vec<Vec<Cell>>,
    step: u32,
}

impl Perceptron {
    /// Current (not averaged) scores.
    pub fn scores(&self, feats: &[u32], scores: &mut [i64]) {
        scores.iter_mut().for_each(|s| *s = 0);
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for c in &self.rows[r as usize] {
                    scores[c.class as usize] += i64::from(c.weight);
                }
            }
        }
    }

    /// Advances the averaging clock.
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// `truth` up, `guess` down, on every feature.
    pub fn update(&mut self, truth: usize, guess: usize, feats: &[u32]) {
        if truth == guess {
            return;
        }
        let step = self.step;
        for &f in feats {
            let next = self.rows.len() as u32;
            let r = *self.index.entry(f).or_insert(next);
            if r == next {
                self.rows.push(Vec::new());
            }
            let row = &mut self.rows[r as usize];
            for (class, delta) in [(truth, 1), (guess, -1)] {
                let i = match row.iter().position(|c| c.class as usize == class) {
                    Some(i) => i,
                    None => {
                        row.push(Cell {
                            class: class as u8,
                            weight: 0,
                            total: 0,
                            stamp: step,
                        });
                        row.len() - 1
                    }
                };
                let c = &mut row[i];
                c.total += i64::from(step - c.stamp) * i64::from(c.weight);
                c.stamp = step;
                c.weight += delta;
            }
        }
    }

    /// Averaged weights, sorted by key and class.
    pub fn averaged(&self) -> Vec<(u32, Vec<(u8, f64)>)> {
        let steps = f64::from(self.step.max(1));
        let mut out: Vec<(u32, Vec<(u8, f64)>)> = self
            .index
            .iter()
            .map(|(&k, &r)| {
                let mut row: Vec<(u8, f64)> = self.rows[r as usize]
                    .iter()
                    .map(|c| {
                        let t = c.total + i64::from(self.step - c.stamp) * i64::from(c.weight);
                        (c.class, t as f64 / steps)
                    })
                    .filter(|&(_, w)| w != 0.0)
                    .collect();
                row.sort_by_key(|&(c, _)| c);
                (k, row)
            })
            .filter(|(_, r)| !r.is_empty())
            .collect();
        out.sort_by_key(|&(k, _)| k);
        out
    }
}

/// How to compress the weights.
#[derive(Clone, Copy, Debug)]
pub struct Compression {
    /// The absolute weight mapped to code ±127 is this quantile of all
    /// absolute weights (larger ones clip).
    pub clip_quantile: f64,
    /// Entries whose code magnitude is below this are dropped (each step is
    /// a factor of 1000^(1/126) ≈ 1.056 in weight).
    pub min_abs: i8,
}

/// Quantises averaged weights to `i8` log-scale codes
/// ([`model_file::quantize`]) and prunes small ones.
pub fn export(
    avg: &[(u32, Vec<(u8, f64)>)],
    c: Compression,
    two_pass: bool,
    threshold: f32,
) -> ModelFile {
    let mut abs: Vec<f64> = avg
        .iter()
        .flat_map(|(_, r)| r.iter().map(|(_, w)| w.abs()))
        .collect();
    abs.sort_by(f64::total_cmp);
    let top = if abs.is_empty() {
        1.0
    } else {
        abs[((abs.len() - 1) as f64 * c.clip_quantile).round() as usize].max(1e-9)
    };
    let rows = avg
        .iter()
        .filter_map(|(k, row)| {
            let row: Vec<(u8, i8)> = row
                .iter()
                .map(|&(cl, w)| (cl, model_file::quantize(w, top)))
                .filter(|&(_, w)| w.unsigned_abs() >= c.min_abs.max(1) as u8)
                .collect();
            (!row.is_empty()).then_some((*k, row))
        })
        .collect();
    ModelFile {
        two_pass,
        scale: top as f32,
        threshold,
        rows,
    }
}
