//! The averaged perceptron trainer (Collins 2002; lazy averaging as in
//! Honnibal's tagger), with integer weights so that training is exact and
//! deterministic, and its export to a compact [`WeightTable`]: averaged
//! weights merged by key, quantised to `i8`/`i16` and pruned.

use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasherDefault;

use gloss_core::syntax::model_file::{key_of, Entry, WeightTable};
use gloss_core::syntax::tagger::PassThrough;

type Map<K, V> = HashMap<K, V, BuildHasherDefault<PassThrough>>;

#[derive(Clone, Copy, Debug)]
struct Cell {
    class: u8,
    weight: i32,
    /// Sum of the weight over all steps up to `stamp`.
    total: i64,
    stamp: u32,
}

/// A multi-class averaged perceptron over hashed features.
#[derive(Clone, Debug)]
pub struct Perceptron {
    n_classes: usize,
    index: Map<u64, u32>,
    rows: Vec<Vec<Cell>>,
    /// The feature of each row (cut to the mask).
    row_feature: Vec<u64>,
    /// Instances seen (the averaging clock).
    step: u32,
    /// When set, only these (feature, class) weights learn (retraining
    /// after pruning).
    allowed: Option<std::collections::HashSet<u64, BuildHasherDefault<PassThrough>>>,
    /// Features are cut to their top bits (the model file's key) before use,
    /// so that training sees the collisions the model file will have.
    mask: u64,
}

/// A cut feature, spread over all 64 bits again: the hash map's buckets
/// come from the low bits, which cutting zeroes (an injective map, so
/// distinct keys stay distinct).
#[inline]
fn spread(f: u64, mask: u64) -> u64 {
    if mask == u64::MAX {
        f
    } else {
        (f & mask)
            .rotate_left(mask.count_ones())
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

impl Perceptron {
    /// An empty model over `n_classes` classes.
    pub fn new(n_classes: usize) -> Perceptron {
        Perceptron {
            n_classes,
            index: Map::default(),
            rows: Vec::new(),
            row_feature: Vec::new(),
            step: 0,
            allowed: None,
            mask: u64::MAX,
        }
    }

    /// An empty model in which only the `allowed` (feature, class) weights
    /// learn, features cut to their top `key_bits` bits (as the model file
    /// will key them).
    pub fn restricted(
        n_classes: usize,
        allowed: impl IntoIterator<Item = (u64, u8)>,
        key_bits: u8,
    ) -> Perceptron {
        let mask = u64::MAX << (64 - u32::from(key_bits.clamp(1, 64)));
        Perceptron {
            allowed: Some(
                allowed
                    .into_iter()
                    .map(|(f, c)| cell_key(spread(f, mask), c))
                    .collect(),
            ),
            mask,
            ..Perceptron::new(n_classes)
        }
    }

    /// Number of features with a row.
    pub fn n_features(&self) -> usize {
        self.rows.len()
    }

    /// Current (not averaged) scores of `feats` into `scores`.
    pub fn scores(&self, feats: &[u64], scores: &mut Vec<i64>) {
        scores.clear();
        scores.resize(self.n_classes, 0);
        for f in feats {
            if let Some(&r) = self.index.get(&spread(*f, self.mask)) {
                for c in &self.rows[r as usize] {
                    scores[c.class as usize] += i64::from(c.weight);
                }
            }
        }
    }

    /// Advances the averaging clock by one instance.
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// The perceptron update: `truth` up, `guess` down, on every feature.
    pub fn update(&mut self, truth: usize, guess: usize, feats: &[u64]) {
        if truth == guess {
            return;
        }
        let step = self.step;
        for &raw in feats {
            let f = spread(raw, self.mask);
            let ok = |class: usize| {
                self.allowed
                    .as_ref()
                    .is_none_or(|a| a.contains(&cell_key(f, class as u8)))
            };
            let todo = [(truth, 1, ok(truth)), (guess, -1, ok(guess))];
            if !todo[0].2 && !todo[1].2 {
                continue;
            }
            let next = self.rows.len() as u32;
            let r = *self.index.entry(f).or_insert(next);
            if r == next {
                self.rows.push(Vec::new());
                self.row_feature.push(raw & self.mask);
            }
            let row = &mut self.rows[r as usize];
            for (class, delta, _) in todo.into_iter().filter(|t| t.2) {
                let c = match row.iter().position(|c| c.class as usize == class) {
                    Some(i) => &mut row[i],
                    None => {
                        row.push(Cell {
                            class: class as u8,
                            weight: 0,
                            total: 0,
                            stamp: step,
                        });
                        row.last_mut().expect("just pushed")
                    }
                };
                c.total += i64::from(step - c.stamp) * i64::from(c.weight);
                c.stamp = step;
                c.weight += delta;
            }
        }
    }

    /// The averaged weights: `(feature hash, [(class, weight)])`, sorted by
    /// hash and class.
    pub fn averaged(&self) -> Vec<(u64, Vec<(u8, f64)>)> {
        let steps = f64::from(self.step.max(1));
        let mut out: Vec<(u64, Vec<(u8, f64)>)> = self
            .rows
            .iter()
            .zip(&self.row_feature)
            .map(|(cells, &f)| {
                let mut row: Vec<(u8, f64)> = cells
                    .iter()
                    .map(|c| {
                        let total = c.total + i64::from(self.step - c.stamp) * i64::from(c.weight);
                        (c.class, total as f64 / steps)
                    })
                    .filter(|&(_, w)| w != 0.0)
                    .collect();
                row.sort_by_key(|&(c, _)| c);
                (f, row)
            })
            .filter(|(_, row)| !row.is_empty())
            .collect();
        out.sort_by_key(|&(f, _)| f);
        out
    }
}

/// The key of a (feature, class) weight in the allowed set.
fn cell_key(f: u64, class: u8) -> u64 {
    f ^ (u64::from(class) + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The `n` largest weights (in absolute value) of `avg`, as (feature,
/// class) pairs.
pub fn top_weights(avg: &[(u64, Vec<(u8, f64)>)], n: usize) -> Vec<(u64, u8)> {
    let mut all: Vec<(f64, u64, u8)> = avg
        .iter()
        .flat_map(|(f, row)| row.iter().map(move |&(c, w)| (w.abs(), *f, c)))
        .collect();
    all.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    all.into_iter().take(n).map(|(_, f, c)| (f, c)).collect()
}

/// How to compress the weights.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Compression {
    /// Key bits (hash collisions merge features).
    pub key_bits: u8,
    /// Keep at most this many weights, the largest in absolute value
    /// (`None`: all).
    pub max_entries: Option<usize>,
    /// The weight levels.
    pub levels: Levels,
}

/// The values quantised weights may take.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Levels {
    /// Every integer in -127..=127.
    Even,
    /// A geometric codebook: ±127, ±127/r, ±127/r², … down to ±1, each
    /// rounded. Fewer distinct bytes compress better under gzip; the large
    /// weights keep their relative precision and only the small ones lose
    /// it.
    Geometric {
        /// The ratio between neighbouring levels (> 1).
        ratio: f64,
    },
}

impl Levels {
    /// The positive levels, ascending (`None` for [`Levels::Even`]).
    pub fn codebook(self) -> Option<Vec<i8>> {
        let Levels::Geometric { ratio } = self else {
            return None;
        };
        let mut book = vec![127.0f64];
        while let Some(&last) = book.last() {
            let next = (last / ratio).round();
            if ratio <= 1.0 || next < 1.0 || next == last {
                break;
            }
            book.push(next);
        }
        book.push(1.0);
        let mut book: Vec<i8> = book.into_iter().map(|v| v as i8).collect();
        book.sort_unstable();
        book.dedup();
        Some(book)
    }
}

/// Snaps a weight in -127..=127 to the nearest level of `book` (nearest in
/// log scale, so relative error is what counts); 0 stays 0.
fn snap(w: i8, book: &[i8]) -> i8 {
    if w == 0 {
        return 0;
    }
    let a = f64::from(w.unsigned_abs()).ln();
    let best = book
        .iter()
        .copied()
        .min_by(|x, y| {
            let dx = (f64::from(*x).ln() - a).abs();
            let dy = (f64::from(*y).ln() - a).abs();
            dx.total_cmp(&dy)
        })
        .unwrap_or(1);
    best * w.signum()
}

/// Sizes of an exported table.
#[derive(Clone, Copy, Debug, Default)]
pub struct ExportStats {
    /// Features before merging and pruning.
    pub features_in: usize,
    /// Features kept.
    pub features: usize,
    /// Weights kept.
    pub entries: usize,
}

/// Merges averaged weights by key, prunes and quantises them to `i8`.
///
/// Weights are scaled so that the largest is ±127 (no clipping: the
/// largest weights belong to the most telling features, and clipping the
/// top 0.01 % cost 0.25 points of tagging accuracy); those that round to 0
/// are dropped. With [`Levels::Geometric`] the rounded weights then snap to
/// the codebook's nearest level.
pub fn export(avg: &[(u64, Vec<(u8, f64)>)], c: Compression) -> (WeightTable, ExportStats) {
    let mut merged: BTreeMap<u32, BTreeMap<u8, f64>> = BTreeMap::new();
    for (f, row) in avg {
        let e = merged.entry(key_of(*f, c.key_bits)).or_default();
        for &(class, w) in row {
            *e.entry(class).or_insert(0.0) += w;
        }
    }
    let mut abs: Vec<f64> = merged
        .values()
        .flat_map(|r| r.values().map(|w| w.abs()))
        .filter(|&w| w > 0.0)
        .collect();
    abs.sort_by(f64::total_cmp);
    // Magnitude pruning: the smallest weights go first.
    let floor = match c.max_entries {
        Some(m) if m < abs.len() => abs[abs.len() - m],
        _ => 0.0,
    };
    let top = abs.last().copied().unwrap_or(1.0).max(f64::MIN_POSITIVE);
    let scale = 127.0 / top;
    let book = c.levels.codebook();
    let level = |w: f64| {
        let q = (w * scale).round().clamp(-127.0, 127.0) as i8;
        book.as_deref().map_or(q, |b| snap(q, b))
    };
    let mut entries = 0;
    let rows: Vec<(u32, Vec<Entry>)> = merged
        .into_iter()
        .filter_map(|(k, row)| {
            let row: Vec<Entry> = row
                .into_iter()
                .filter(|&(_, w)| w.abs() >= floor)
                .map(|(class, w)| Entry {
                    class,
                    weight: level(w),
                })
                .filter(|e| e.weight != 0)
                .collect();
            entries += row.len();
            (!row.is_empty()).then_some((k, row))
        })
        .collect();
    let features = rows.len();
    let table = WeightTable::from_rows(c.key_bits, rows).expect("rows built sorted and valid");
    (
        table,
        ExportStats {
            features_in: avg.len(),
            features,
            entries,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averaging_weights_the_time_a_weight_was_held() {
        let mut p = Perceptron::new(2);
        // Step 0: update truth 0 over guess 1 on feature 9.
        p.update(0, 1, &[9]);
        p.tick();
        p.tick();
        // Step 2: reverse it.
        p.update(1, 0, &[9]);
        p.tick();
        p.tick();
        // Class 0 held +1 for 2 of 4 steps: average 0.5; class 1 -0.5.
        let avg = p.averaged();
        assert_eq!(avg, vec![(9, vec![(0, 0.5), (1, -0.5)])]);
        let mut s = Vec::new();
        p.scores(&[9, 10], &mut s);
        assert_eq!(s, vec![0, 0]);
    }

    #[test]
    fn spreading_cut_keys_keeps_them_distinct_and_fills_the_low_bits() {
        let mask = u64::MAX << 44;
        let keys: Vec<u64> = (0..1000u64).map(|k| spread(k << 44, mask)).collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 1000);
        // The low bits (hash-map buckets) take many values.
        let mut low: Vec<u64> = keys.iter().map(|k| k & 1023).collect();
        low.sort_unstable();
        low.dedup();
        assert!(low.len() > 500, "{}", low.len());
        assert_eq!(spread(12345, u64::MAX), 12345);
    }

    #[test]
    fn restricted_models_learn_only_allowed_weights() {
        let mut p = Perceptron::restricted(2, [(5u64, 0u8)], 64);
        p.update(0, 1, &[5, 6]);
        p.tick();
        assert_eq!(p.n_features(), 1);
        let avg = p.averaged();
        assert_eq!(avg, vec![(5, vec![(0, 1.0)])]);
        assert_eq!(top_weights(&avg, 1), vec![(5, 0)]);
    }

    #[test]
    fn export_keeps_the_largest_weights() {
        let avg: Vec<(u64, Vec<(u8, f64)>)> = (0..10u64)
            .map(|i| (i << 40, vec![(0u8, i as f64 + 1.0)]))
            .collect();
        let c = Compression {
            key_bits: 32,
            max_entries: Some(3),
            levels: Levels::Even,
        };
        let (t, stats) = export(&avg, c);
        assert_eq!(stats.entries, 3);
        let keys: Vec<u32> = t.rows().into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, vec![7 << 8, 8 << 8, 9 << 8]);
    }

    #[test]
    fn export_quantises_prunes_and_merges() {
        let avg = vec![
            (1u64 << 60, vec![(0u8, 1.0), (1, -0.001)]),
            ((1u64 << 60) + 1, vec![(0u8, 1.0)]), // same top bits: merged
            (3u64 << 60, vec![(2u8, -0.5)]),
        ];
        let c = Compression {
            key_bits: 8,
            max_entries: None,
            levels: Levels::Even,
        };
        let (t, stats) = export(&avg, c);
        // 2.0 (merged) → 127; -0.001 rounds to 0 and goes; -0.5 → -32.
        assert_eq!(stats.features, 2);
        assert_eq!(
            t.rows(),
            vec![
                (
                    16,
                    vec![Entry {
                        class: 0,
                        weight: 127
                    }]
                ),
                (
                    48,
                    vec![Entry {
                        class: 2,
                        weight: -32
                    }]
                ),
            ]
        );
    }

    #[test]
    fn geometric_levels_halve_down_to_one() {
        let book = Levels::Geometric { ratio: 2.0 }.codebook();
        assert_eq!(book, Some(vec![1, 2, 4, 8, 16, 32, 64, 127]));
        assert_eq!(Levels::Even.codebook(), None);
        // A ratio that cannot shrink still yields a valid book.
        assert_eq!(
            Levels::Geometric { ratio: 1.0 }.codebook(),
            Some(vec![1, 127])
        );
    }

    #[test]
    fn geometric_export_snaps_to_the_nearest_level_in_log_scale() {
        let avg = vec![
            (1u64 << 60, vec![(0u8, 127.0)]),
            (2u64 << 60, vec![(0u8, -45.0)]), // between -32 and -64: nearer -45 ≈ -32·√2
            (3u64 << 60, vec![(0u8, 47.0)]),  // above √(32·64) ≈ 45.3: 64
            (4u64 << 60, vec![(0u8, 0.2)]),   // rounds to 0 and goes
        ];
        let c = Compression {
            key_bits: 8,
            max_entries: None,
            levels: Levels::Geometric { ratio: 2.0 },
        };
        let (t, stats) = export(&avg, c);
        assert_eq!(stats.entries, 3);
        let weights: Vec<i8> = t.rows().into_iter().map(|(_, r)| r[0].weight).collect();
        assert_eq!(weights, vec![127, -32, 64]);
    }
}
