//! Salience: how important each actor is in this article. O(m log m).

use crate::doc::Doc;
use crate::model::{Actor, Proposal};

/// Scores actors in `0.0..=1.0` and sorts them, most salient first.
pub fn rank(doc: &Doc, actors: &mut [Actor], _proposals: &[Proposal]) {
    let n = doc.text.len().max(1) as f32;
    for a in actors.iter_mut() {
        let first = a.mentions.first().map_or(n, |m| m.start as f32);
        a.salience = a.mentions.len() as f32 + 1.0 - first / n;
    }
    let max = actors
        .iter()
        .map(|a| a.salience)
        .fold(0.0f32, f32::max)
        .max(1e-6);
    for a in actors.iter_mut() {
        a.salience /= max;
    }
    actors.sort_by(|a, b| {
        b.salience
            .total_cmp(&a.salience)
            .then_with(|| a.id.cmp(&b.id))
    });
}
