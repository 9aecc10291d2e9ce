//! Salience: how important each actor is in this article.
//!
//! A weighted sum of five signals, each in `0..=1`, so the score is in
//! `0..=1` and comparable across articles:
//!
//! | signal | weight |
//! |---|---|
//! | mentions: ln(1 + count) / ln(1 + max count) | 0.35 |
//! | first mention: 1 − sentence index / sentence count | 0.15 |
//! | lead: named in the headline or the first two story sentences | 0.15 |
//! | subject role: ln(1 + facts) / ln(1 + max facts) | 0.20 |
//! | stances taken: min(1, stances / 2) | 0.15 |
//!
//! Actors are sorted by score, then by first mention, then by id, so the
//! order is deterministic. O(m log m) for m mentions plus O(s) stances.

use crate::hash::FastMap as HashMap;

use crate::doc::Doc;
use crate::model::{Actor, Proposal};

const W_MENTIONS: f32 = 0.35;
const W_FIRST: f32 = 0.15;
const W_LEAD: f32 = 0.15;
const W_FACTS: f32 = 0.20;
const W_STANCES: f32 = 0.15;

/// Scores actors in `0.0..=1.0` and sorts them, most salient first.
pub fn rank(doc: &Doc, actors: &mut [Actor], proposals: &[Proposal]) {
    let n_sent = doc.sentences.len().max(1) as f32;
    let lead_end = doc.sentences.get(1).map_or(usize::MAX, |s| s.end);
    let max_mentions = actors.iter().map(|a| a.mentions.len()).max().unwrap_or(0);
    let max_facts = actors.iter().map(|a| a.facts.len()).max().unwrap_or(0);
    let mut stances: HashMap<&str, usize> = HashMap::default();
    for s in proposals.iter().flat_map(|p| &p.stances) {
        *stances.entry(s.actor.as_str()).or_insert(0) += 1;
    }
    let log_ratio = |x: usize, max: usize| {
        if max == 0 {
            0.0
        } else {
            ((1 + x) as f32).ln() / ((1 + max) as f32).ln()
        }
    };
    let scores: Vec<f32> = actors
        .iter()
        .map(|a| {
            let first = a.mentions.first().map_or(doc.text.len(), |m| m.start);
            let first_sentence =
                doc.sentence_at(first)
                    .unwrap_or(doc.sentences.len().saturating_sub(1)) as f32;
            let in_lead = a.mentions.first().is_some_and(|m| m.end <= lead_end);
            let taken = stances.get(a.id.as_str()).copied().unwrap_or(0);
            let score = W_MENTIONS * log_ratio(a.mentions.len(), max_mentions)
                + W_FIRST * (1.0 - first_sentence / n_sent).clamp(0.0, 1.0)
                + W_LEAD * f32::from(u8::from(in_lead))
                + W_FACTS * log_ratio(a.facts.len(), max_facts)
                + W_STANCES * (taken as f32 / 2.0).min(1.0);
            score.clamp(0.0, 1.0)
        })
        .collect();
    for (a, s) in actors.iter_mut().zip(scores) {
        a.salience = s;
    }
    actors.sort_by(|a, b| {
        b.salience
            .total_cmp(&a.salience)
            .then_with(|| {
                let fa = a.mentions.first().map_or(usize::MAX, |m| m.start);
                let fb = b.mentions.first().map_or(usize::MAX, |m| m.start);
                fa.cmp(&fb)
            })
            .then_with(|| a.id.cmp(&b.id))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, Mention, MentionForm};

    fn actor(id: &str, starts: &[usize], facts: usize) -> Actor {
        Actor {
            mentions: starts
                .iter()
                .map(|&s| Mention {
                    start: s,
                    end: s + 1,
                    text: "x".into(),
                    form: MentionForm::Name,
                })
                .collect(),
            facts: (0..facts)
                .map(|i| crate::model::Fact {
                    sentence: i,
                    start: 0,
                    end: 1,
                    text: "did".into(),
                })
                .collect(),
            ..Actor::bare(id, ActorKind::Person)
        }
    }

    #[test]
    fn orders_by_importance_and_is_bounded() {
        let text = "A b. C d. E f. G h. I j.";
        let doc = Doc::new(text, Vec::new());
        // (actors, expected order)
        let cases: Vec<(Vec<Actor>, Vec<&str>)> = vec![
            (
                vec![actor("late", &[20], 0), actor("lead", &[0, 5, 10], 2)],
                vec!["lead", "late"],
            ),
            (
                vec![actor("b", &[5], 0), actor("a", &[5], 0)],
                vec!["a", "b"],
            ),
            (vec![actor("none", &[], 0)], vec!["none"]),
        ];
        for (mut actors, want) in cases {
            rank(&doc, &mut actors, &[]);
            let got: Vec<&str> = actors.iter().map(|a| a.id.as_str()).collect();
            assert_eq!(got, want);
            assert!(actors.iter().all(|a| (0.0..=1.0).contains(&a.salience)));
        }
    }
}
