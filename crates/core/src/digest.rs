//! The digest: a short "who wants what" block built from the analysis, one
//! line per main proposal naming who proposes, backs, opposes and
//! criticises it, each side linked to its evidence sentence.
//!
//! A proposal gets a line when at least one actor takes a side on it
//! (neutral comments alone do not make a line). Lines are ordered by
//! importance: the number of actors taking sides, each weighted by one
//! plus its salience, plus a little for how often the proposal is
//! mentioned; ties keep the order of first mention. At most [`MAX_LINES`]
//! lines. Built once from the assembled proposals and actors: O(s log s)
//! for s stances.

use crate::model::{Actor, DigestLine, DigestLink, Proposal, Span, StanceKind};

/// Longest digest, in lines.
pub const MAX_LINES: usize = 6;

/// The digest of `proposals` (ids, names and stances as assembled), with
/// actors looked up in `actors`.
pub fn digest(proposals: &[Proposal], actors: &[Actor], sentences: &[Span]) -> Vec<DigestLine> {
    let actor = |id: &str| actors.iter().find(|a| a.id == id);
    let mut lines: Vec<(f32, usize, DigestLine)> = Vec::new();
    for (pi, p) in proposals.iter().enumerate() {
        let mut links: Vec<DigestLink> = Vec::new();
        for s in &p.stances {
            if s.stance == StanceKind::Neutral || s.hedged {
                continue;
            }
            // One side per actor: its first non-neutral stance, or a mixed
            // one if its sides differ.
            if let Some(l) = links.iter_mut().find(|l| l.actor == s.actor) {
                if side(l.stance) != side(s.stance) {
                    l.stance = StanceKind::Mixed;
                }
                continue;
            }
            let sentence = sentences
                .partition_point(|sp| sp.end <= s.evidence.start)
                .min(sentences.len().saturating_sub(1));
            links.push(DigestLink {
                actor: s.actor.clone(),
                stance: s.stance,
                sentence,
                start: s.evidence.start,
                end: s.evidence.end,
            });
        }
        if links.is_empty() {
            continue;
        }
        let supporters: Vec<String> = links
            .iter()
            .filter(|l| side(l.stance) == Some(true))
            .map(|l| l.actor.clone())
            .collect();
        let against: Vec<String> = links
            .iter()
            .filter(|l| side(l.stance) == Some(false))
            .map(|l| l.actor.clone())
            .collect();
        let weight: f32 = links
            .iter()
            .map(|l| 1.0 + actor(&l.actor).map_or(0.0, |a| a.salience))
            .sum::<f32>()
            + 0.1 * p.mentions.len().min(10) as f32;
        let name_of = |id: &String| actor(id).map_or_else(|| id.clone(), |a| a.running_name());
        let group = |kinds: &[StanceKind]| -> Vec<String> {
            links
                .iter()
                .filter(|l| kinds.contains(&l.stance))
                .map(|l| name_of(&l.actor))
                .collect()
        };
        let mut parts: Vec<String> = Vec::new();
        for (label, kinds) in [
            ("proposed by", &[StanceKind::Proposes][..]),
            ("backed by", &[StanceKind::Supports][..]),
            ("opposed by", &[StanceKind::Opposes][..]),
            ("criticised by", &[StanceKind::Criticizes][..]),
            ("divided: ", &[StanceKind::Mixed][..]),
        ] {
            let names = group(kinds);
            if !names.is_empty() {
                let sep = if label.ends_with(' ') { "" } else { " " };
                parts.push(format!("{label}{sep}{}", list(&names)));
            }
        }
        let text = format!("{}: {}.", capitalised(&p.name), parts.join("; "));
        lines.push((
            weight,
            pi,
            DigestLine {
                proposal: p.id.clone(),
                text,
                supporters,
                against,
                links,
            },
        ));
    }
    lines.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    lines.truncate(MAX_LINES);
    lines.into_iter().map(|(_, _, l)| l).collect()
}

/// For (`Some(true)`), against (`Some(false)`) or neither.
fn side(k: StanceKind) -> Option<bool> {
    match k {
        StanceKind::Proposes | StanceKind::Supports => Some(true),
        StanceKind::Opposes | StanceKind::Criticizes => Some(false),
        _ => None,
    }
}

/// "A", "A and B", "A, B and C".
fn list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [a] => a.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The name with its first letter in upper case.
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, Evidence, Stance};

    fn actor(id: &str, name: &str) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            kind: ActorKind::Organization,
            aliases: vec![],
            description: None,
            salience: 0.5,
            mentions: vec![],
            facts: vec![],
            background: None,
        }
    }

    fn stance(actor: &str, k: StanceKind, at: usize) -> Stance {
        Stance {
            actor: actor.into(),
            stance: k,
            evidence: Evidence {
                start: at,
                end: at + 5,
                text: "x".into(),
            },
            hedged: false,
        }
    }

    fn proposal(id: &str, name: &str, stances: Vec<Stance>) -> Proposal {
        Proposal {
            id: id.into(),
            name: name.into(),
            description: None,
            mentions: vec![],
            stances,
        }
    }

    #[test]
    fn lines_name_sides_and_rank_by_importance() {
        use StanceKind::*;
        let actors = vec![
            actor("norway", "Norway"),
            actor("iceland", "Iceland"),
            actor("union", "the Fishermen's Union"),
        ];
        let sentences = [Span::new(0, 10), Span::new(10, 20), Span::new(20, 30)];
        let ps = vec![
            proposal("p-quota", "quota", vec![stance("norway", Neutral, 0)]),
            proposal("p-deal", "catch deal", vec![stance("union", Opposes, 21)]),
            proposal(
                "p-lift",
                "lifting the sanctions",
                vec![
                    stance("norway", Proposes, 0),
                    stance("iceland", Supports, 11),
                    stance("union", Criticizes, 21),
                    stance("iceland", Supports, 12),
                ],
            ),
        ];
        let d = digest(&ps, &actors, &sentences);
        assert_eq!(d.len(), 2, "a neutral comment alone makes no line");
        assert_eq!(d[0].proposal, "p-lift");
        assert_eq!(
            d[0].text,
            "Lifting the sanctions: proposed by Norway; backed by Iceland; criticised by the Fishermen's Union."
        );
        assert_eq!(d[0].supporters, vec!["norway", "iceland"]);
        assert_eq!(d[0].against, vec!["union"]);
        assert_eq!(d[0].links.len(), 3, "one link per actor");
        assert_eq!(d[0].links[1].sentence, 1);
        assert_eq!(d[1].text, "Catch deal: opposed by the Fishermen's Union.");
        assert!(digest(&[], &actors, &sentences).is_empty());
    }

    #[test]
    fn common_noun_holders_keep_their_article() {
        let mut court = actor("court", "Appeals court");
        court.kind = ActorKind::Organization;
        let mut farmers = actor("farmers", "dairy farmers");
        farmers.kind = ActorKind::Group;
        let actors = vec![court, farmers];
        let sentences = [Span::new(0, 10), Span::new(10, 20)];
        let ps = vec![proposal(
            "p-levy",
            "milk levy",
            vec![
                stance("court", StanceKind::Proposes, 0),
                stance("farmers", StanceKind::Opposes, 11),
            ],
        )];
        let d = digest(&ps, &actors, &sentences);
        assert_eq!(
            d[0].text,
            "Milk levy: proposed by the Appeals court; opposed by dairy farmers."
        );
    }
}
