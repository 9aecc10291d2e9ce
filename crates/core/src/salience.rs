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

use crate::doc::Doc;
use crate::drafts::ActorDraft;
use crate::pipeline::Component;

const W_MENTIONS: f32 = 0.35;
const W_FIRST: f32 = 0.15;
const W_LEAD: f32 = 0.15;
const W_FACTS: f32 = 0.20;
const W_STANCES: f32 = 0.15;

/// Scores the actor drafts (reads their mentions and facts, and the
/// proposals' stances).
pub struct Salience;

impl Component for Salience {
    fn name(&self) -> &'static str {
        "salience"
    }

    fn run(&self, doc: &mut Doc<'_>) {
        let scores = scores(doc);
        for (a, s) in doc.actors.iter_mut().zip(scores) {
            a.salience = s;
        }
    }
}

/// Each actor's score in `0.0..=1.0`.
fn scores(doc: &Doc) -> Vec<f32> {
    let actors = &doc.actors;
    let n_sent = doc.sentences.len().max(1) as f32;
    let lead_end = doc.sentences.get(1).map_or(usize::MAX, |s| s.end);
    let max_mentions = actors.iter().map(|a| a.mentions.len()).max().unwrap_or(0);
    let max_facts = actors.iter().map(|a| a.facts.len()).max().unwrap_or(0);
    let mut stances = vec![0usize; actors.len()];
    for s in doc.proposals.iter().flat_map(|p| &p.stances) {
        if let Some(n) = stances.get_mut(s.actor) {
            *n += 1;
        }
    }
    let log_ratio = |x: usize, max: usize| {
        if max == 0 {
            0.0
        } else {
            ((1 + x) as f32).ln() / ((1 + max) as f32).ln()
        }
    };
    actors
        .iter()
        .zip(stances)
        .map(|(a, taken)| {
            let first = a.mentions.first().map_or(doc.text.len(), |m| m.span.start);
            let first_sentence =
                doc.sentence_at(first)
                    .unwrap_or(doc.sentences.len().saturating_sub(1)) as f32;
            let in_lead = a.mentions.first().is_some_and(|m| m.span.end <= lead_end);
            let score = W_MENTIONS * log_ratio(a.mentions.len(), max_mentions)
                + W_FIRST * (1.0 - first_sentence / n_sent).clamp(0.0, 1.0)
                + W_LEAD * f32::from(u8::from(in_lead))
                + W_FACTS * log_ratio(a.facts.len(), max_facts)
                + W_STANCES * (taken as f32 / 2.0).min(1.0);
            score.clamp(0.0, 1.0)
        })
        .collect()
}

/// The order in which actors are listed: by score, then by first mention,
/// then by id, so it is deterministic.
pub fn order(actors: &[ActorDraft]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..actors.len()).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (&actors[i], &actors[j]);
        b.salience
            .total_cmp(&a.salience)
            .then_with(|| a.first_start().cmp(&b.first_start()))
            .then_with(|| a.slug.cmp(&b.slug))
    });
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drafts::{FactDraft, MentionDraft};
    use crate::model::{ActorKind, MentionForm, Span};

    fn actor(id: &str, starts: &[usize], facts: usize) -> ActorDraft {
        ActorDraft {
            mentions: starts
                .iter()
                .map(|&s| MentionDraft {
                    span: Span::new(s, s + 1),
                    form: MentionForm::Name,
                })
                .collect(),
            facts: (0..facts)
                .map(|i| FactDraft {
                    sentence: i,
                    text: "did".into(),
                })
                .collect(),
            ..ActorDraft::bare(id, ActorKind::Person)
        }
    }

    #[test]
    fn orders_by_importance_and_is_bounded() {
        // (actors, expected order)
        let cases: Vec<(Vec<ActorDraft>, Vec<&str>)> = vec![
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
        for (actors, want) in cases {
            let mut doc = Doc::segmented("A b. C d. E f. G h. I j.");
            doc.actors = actors;
            Salience.run(&mut doc);
            let got: Vec<&str> = order(&doc.actors)
                .into_iter()
                .map(|i| doc.actors[i].slug.as_str())
                .collect();
            assert_eq!(got, want);
            assert!(doc.actors.iter().all(|a| (0.0..=1.0).contains(&a.salience)));
        }
    }
}
