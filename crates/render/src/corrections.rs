//! Corrections a reader makes to an analysis, applied on top of it without
//! analysing again: the app shows them at once, the exports carry them, and
//! the JS API applies the same list (`applyCorrections`).
//!
//! Actors, proposals and stances are named by their ids, a mention by its
//! offsets, in the unit of the analysis they are applied to (bytes in the
//! app, code points in the JSON export, UTF-16 in the JS API:
//! [`Correction::map_offsets`] converts). Corrections apply in order; one
//! that no longer fits (its actor is gone, say) is skipped and reported.
//! Each is O(size of the analysis).

use crate::vocab;
use gloss_core::{ActorKind, Analysis, StanceKind};
use serde::{Deserialize, Serialize};

/// One correction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Correction {
    /// The actor is of another kind.
    Kind {
        /// Actor id.
        actor: String,
        /// Its kind.
        kind: ActorKind,
    },
    /// The actor's name (the old one is kept as an alias).
    Rename {
        /// Actor id.
        actor: String,
        /// The new name.
        name: String,
    },
    /// "Not an actor": it goes, with its highlights and stances.
    Hide {
        /// Actor id.
        actor: String,
    },
    /// The actor is the same as another: its mentions, names, facts and
    /// stances join `into`.
    Merge {
        /// Actor id of the one that goes.
        actor: String,
        /// Actor id of the one that stays.
        into: String,
    },
    /// One mention is someone else: it becomes an actor of its own.
    Split {
        /// Actor id.
        actor: String,
        /// The mention's start.
        start: usize,
        /// The mention's end.
        end: usize,
    },
    /// "This stance is wrong": the actor's stance on the proposal goes.
    RemoveStance {
        /// Proposal id.
        proposal: String,
        /// Actor id.
        actor: String,
    },
    /// The actor's stance on the proposal is another.
    SetStance {
        /// Proposal id.
        proposal: String,
        /// Actor id.
        actor: String,
        /// The stance.
        stance: StanceKind,
    },
}

/// What became of one correction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// False when it no longer fits the analysis and was skipped.
    pub applied: bool,
    /// What it did, or why it was skipped, in words.
    pub description: String,
}

impl Correction {
    /// The actor the correction is about.
    pub fn actor(&self) -> &str {
        match self {
            Correction::Kind { actor, .. }
            | Correction::Rename { actor, .. }
            | Correction::Hide { actor }
            | Correction::Merge { actor, .. }
            | Correction::Split { actor, .. }
            | Correction::RemoveStance { actor, .. }
            | Correction::SetStance { actor, .. } => actor,
        }
    }

    /// Rewrites the offsets it holds (a split's mention) with `f`.
    pub fn map_offsets(&mut self, f: &dyn Fn(usize) -> usize) {
        if let Correction::Split { start, end, .. } = self {
            *start = f(*start);
            *end = f(*end);
        }
    }

    /// The id of the actor a split creates.
    pub fn split_id(actor: &str, start: usize) -> String {
        format!("{actor}~{start}")
    }
}

/// Applies `list` to `a` in order and says what became of each.
pub fn apply(a: &mut Analysis, list: &[Correction]) -> Vec<Outcome> {
    list.iter().map(|c| apply_one(a, c)).collect()
}

fn name_of(a: &Analysis, id: &str) -> Option<String> {
    a.actor(id).map(|x| x.name.clone())
}

fn skipped(why: String) -> Outcome {
    Outcome {
        applied: false,
        description: why,
    }
}

fn applied(what: String) -> Outcome {
    Outcome {
        applied: true,
        description: what,
    }
}

fn apply_one(a: &mut Analysis, c: &Correction) -> Outcome {
    let Some(name) = name_of(a, c.actor()) else {
        return skipped(format!("Skipped: no actor “{}” any more.", c.actor()));
    };
    match c {
        Correction::Kind { actor, kind } => {
            for x in a.actors.iter_mut().filter(|x| x.id == *actor) {
                x.kind = *kind;
            }
            for m in a.mentions.iter_mut().filter(|m| m.actor == *actor) {
                m.label = kind.label();
            }
            applied(format!(
                "“{name}” is now marked {}.",
                vocab::kind(*kind).label
            ))
        }
        Correction::Rename { actor, name: new } => {
            let new = new.trim();
            if new.is_empty() {
                return skipped(format!("Skipped: an empty name for “{name}”."));
            }
            for x in a.actors.iter_mut().filter(|x| x.id == *actor) {
                if !x.aliases.contains(&x.name) {
                    x.aliases.push(x.name.clone());
                }
                x.name = new.to_owned();
            }
            applied(format!("“{name}” renamed “{new}”."))
        }
        Correction::Hide { actor } => {
            a.actors.retain(|x| x.id != *actor);
            a.mentions.retain(|m| m.actor != *actor);
            for p in &mut a.proposals {
                p.stances.retain(|s| s.actor != *actor);
            }
            applied(format!("“{name}” is not an actor."))
        }
        Correction::Merge { actor, into } => merge(a, actor, into, &name),
        Correction::Split { actor, start, end } => split(a, actor, *start, *end, &name),
        Correction::RemoveStance { proposal, actor } => {
            let Some(p) = a.proposals.iter_mut().find(|p| p.id == *proposal) else {
                return skipped(format!("Skipped: no proposal “{proposal}” any more."));
            };
            let before = p.stances.len();
            p.stances.retain(|s| s.actor != *actor);
            if p.stances.len() == before {
                return skipped(format!("Skipped: “{name}” has no stance on “{}”.", p.name));
            }
            applied(format!("“{name}” takes no stance on “{}”.", p.name))
        }
        Correction::SetStance {
            proposal,
            actor,
            stance,
        } => {
            let Some(p) = a.proposals.iter_mut().find(|p| p.id == *proposal) else {
                return skipped(format!("Skipped: no proposal “{proposal}” any more."));
            };
            let mut found = false;
            for s in p.stances.iter_mut().filter(|s| s.actor == *actor) {
                s.stance = *stance;
                found = true;
            }
            if !found {
                return skipped(format!("Skipped: “{name}” has no stance on “{}”.", p.name));
            }
            applied(format!(
                "“{name}” {} “{}”.",
                vocab::stance(*stance).verb,
                p.name
            ))
        }
    }
}

fn merge(a: &mut Analysis, actor: &str, into: &str, name: &str) -> Outcome {
    if actor == into {
        return skipped(format!("Skipped: “{name}” merged into itself."));
    }
    let (Some(from), Some(to)) = (
        a.actors.iter().position(|x| x.id == actor),
        a.actors.iter().position(|x| x.id == into),
    ) else {
        return skipped(format!("Skipped: no actor “{into}” any more."));
    };
    let gone = a.actors.remove(from);
    let to = if from < to { to - 1 } else { to };
    let target = &mut a.actors[to];
    let into_name = target.name.clone();
    target.mentions.extend(gone.mentions);
    target.mentions.sort_by_key(|m| (m.start, m.end));
    target.mentions.dedup_by_key(|m| (m.start, m.end));
    for n in std::iter::once(gone.name).chain(gone.aliases) {
        if n != target.name && !target.aliases.contains(&n) {
            target.aliases.push(n);
        }
    }
    target.facts.extend(gone.facts);
    target.facts.sort_by_key(|f| (f.start, f.sentence));
    target
        .facts
        .dedup_by(|x, y| x.sentence == y.sentence && x.text == y.text);
    target.salience = target.salience.max(gone.salience);
    if target.description.is_none() {
        target.description = gone.description;
    }
    if target.background.is_none() {
        target.background = gone.background;
    }
    let label = target.kind.label();
    for m in a.mentions.iter_mut().filter(|m| m.actor == actor) {
        m.actor = into.to_owned();
        m.label = label;
    }
    for p in &mut a.proposals {
        let has = p.stances.iter().any(|s| s.actor == into);
        if has {
            p.stances.retain(|s| s.actor != actor);
        } else {
            for s in p.stances.iter_mut().filter(|s| s.actor == actor) {
                s.actor = into.to_owned();
            }
        }
    }
    applied(format!("“{name}” is the same as “{into_name}”."))
}

fn split(a: &mut Analysis, actor: &str, start: usize, end: usize, name: &str) -> Outcome {
    let id = Correction::split_id(actor, start);
    if a.actor(&id).is_some() {
        return skipped(format!(
            "Skipped: that mention of “{name}” was split off already."
        ));
    }
    let Some(i) = a.actors.iter().position(|x| x.id == actor) else {
        return skipped(format!("Skipped: no actor “{actor}” any more."));
    };
    let x = &mut a.actors[i];
    let Some(m) = x
        .mentions
        .iter()
        .position(|m| m.start == start && m.end == end)
    else {
        return skipped(format!("Skipped: “{name}” has no mention there."));
    };
    if x.mentions.len() == 1 {
        return skipped(format!("Skipped: it is the only mention of “{name}”."));
    }
    let mention = x.mentions.remove(m);
    let mut new = x.clone();
    new.id = id.clone();
    new.name = mention.text.trim().to_owned();
    new.aliases.clear();
    new.description = None;
    new.mentions = vec![mention];
    new.facts.clear();
    new.background = None;
    let what = format!("“{}” (one mention) is not “{name}”.", new.name);
    a.actors.insert(i + 1, new);
    for fm in a
        .mentions
        .iter_mut()
        .filter(|fm| fm.actor == actor && fm.start == start && fm.end == end)
    {
        fm.actor = id.clone();
    }
    applied(what)
}

/// A correction with what became of it, as the JSON export and the JS API
/// write it: `{"op": "rename", "actor": …, "name": …, "applied": true,
/// "description": "…"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Applied<'a> {
    /// The correction.
    #[serde(flatten)]
    pub correction: &'a Correction,
    /// What became of it.
    #[serde(flatten)]
    pub outcome: &'a Outcome,
}

/// Pairs each correction with its outcome.
pub fn applied_list<'a>(list: &'a [Correction], outcomes: &'a [Outcome]) -> Vec<Applied<'a>> {
    list.iter()
        .zip(outcomes)
        .map(|(correction, outcome)| Applied {
            correction,
            outcome,
        })
        .collect()
}

/// Converts byte offsets in `text` to code points, for corrections written
/// next to an analysis whose offsets were converted the same way.
pub fn byte_to_codepoint(text: &str) -> impl Fn(usize) -> usize + '_ {
    move |b| {
        text.get(..b)
            .map_or_else(|| text.chars().count(), |s| s.chars().count())
    }
}

/// A short line for the corrections bar ("3 corrections · last: …").
pub fn summary(outcomes: &[Outcome]) -> String {
    let n = outcomes.iter().filter(|o| o.applied).count();
    vocab::count(n, "correction", "corrections")
}

#[cfg(test)]
mod tests {
    use super::*;
    use gloss_core::{analyze, Options};

    const TEXT: &str =
        "Vladimir Putin met Steve Witkoff in Moscow. Putin rejected the peace plan. \
        Ukraine's president Volodymyr Zelenskyy opposed the peace plan, and Witkoff backed it.";

    fn sample() -> Analysis {
        analyze(TEXT, &Options::default())
    }

    fn id(a: &Analysis, name: &str) -> String {
        a.actors
            .iter()
            .find(|x| x.name.contains(name))
            .map(|x| x.id.clone())
            .unwrap_or_else(|| {
                panic!(
                    "{name} in {:?}",
                    a.actors.iter().map(|x| &x.name).collect::<Vec<_>>()
                )
            })
    }

    /// Table: each correction, what it must change, and that it is reported applied.
    #[test]
    fn every_correction_applies() {
        let base = sample();
        let putin = id(&base, "Putin");
        let moscow = id(&base, "Moscow");
        let witkoff = id(&base, "Witkoff");
        type Check = Box<dyn Fn(&Analysis) -> bool>;
        let cases: Vec<(Correction, Check)> = vec![
            (
                Correction::Kind {
                    actor: moscow.clone(),
                    kind: ActorKind::Organization,
                },
                Box::new({
                    let moscow = moscow.clone();
                    move |a: &Analysis| {
                        a.actor(&moscow)
                            .is_some_and(|x| x.kind == ActorKind::Organization)
                            && a.mentions
                                .iter()
                                .filter(|m| m.actor == moscow)
                                .all(|m| m.label == gloss_core::Label::Org)
                    }
                }),
            ),
            (
                Correction::Rename {
                    actor: putin.clone(),
                    name: "V. Putin".into(),
                },
                Box::new({
                    let putin = putin.clone();
                    move |a: &Analysis| {
                        a.actor(&putin).is_some_and(|x| {
                            x.name == "V. Putin" && x.aliases.iter().any(|n| n == "Vladimir Putin")
                        })
                    }
                }),
            ),
            (
                Correction::Hide {
                    actor: moscow.clone(),
                },
                Box::new({
                    let moscow = moscow.clone();
                    move |a: &Analysis| {
                        a.actor(&moscow).is_none() && a.mentions.iter().all(|m| m.actor != moscow)
                    }
                }),
            ),
            (
                Correction::Merge {
                    actor: witkoff.clone(),
                    into: putin.clone(),
                },
                Box::new({
                    let (witkoff, putin) = (witkoff.clone(), putin.clone());
                    move |a: &Analysis| {
                        a.actor(&witkoff).is_none()
                            && a.actor(&putin)
                                .is_some_and(|x| x.aliases.iter().any(|n| n.contains("Witkoff")))
                            && a.mentions.iter().all(|m| m.actor != witkoff)
                    }
                }),
            ),
        ];
        for (c, check) in cases {
            let mut a = base.clone();
            let out = apply(&mut a, std::slice::from_ref(&c));
            assert!(out[0].applied, "{c:?}: {out:?}");
            assert!(check(&a), "{c:?} did not apply");
        }
    }

    #[test]
    fn split_and_stances() {
        let mut a = sample();
        let putin = id(&a, "Putin");
        let second = a
            .actor(&putin)
            .and_then(|x| x.mentions.get(1))
            .cloned()
            .expect("two mentions");
        let out = apply(
            &mut a,
            &[Correction::Split {
                actor: putin.clone(),
                start: second.start,
                end: second.end,
            }],
        );
        assert!(out[0].applied, "{out:?}");
        let new = Correction::split_id(&putin, second.start);
        assert_eq!(a.actor(&new).map(|x| x.mentions.len()), Some(1));
        assert!(a
            .actor(&putin)
            .is_some_and(|x| x.mentions.iter().all(|m| m.start != second.start)));
        // Stances: change one, then remove it.
        if let Some((pid, aid)) = a
            .proposals
            .iter()
            .find_map(|p| p.stances.first().map(|s| (p.id.clone(), s.actor.clone())))
        {
            let out = apply(
                &mut a,
                &[
                    Correction::SetStance {
                        proposal: pid.clone(),
                        actor: aid.clone(),
                        stance: StanceKind::Mixed,
                    },
                    Correction::RemoveStance {
                        proposal: pid.clone(),
                        actor: aid.clone(),
                    },
                    Correction::RemoveStance {
                        proposal: pid.clone(),
                        actor: aid.clone(),
                    },
                ],
            );
            assert!(out[0].applied && out[1].applied, "{out:?}");
            assert!(!out[2].applied, "a second removal is skipped: {out:?}");
            assert!(a
                .proposal(&pid)
                .is_some_and(|p| p.stances.iter().all(|s| s.actor != aid)));
        }
    }

    #[test]
    fn corrections_that_no_longer_fit_are_skipped() {
        let mut a = sample();
        let putin = id(&a, "Putin");
        let out = apply(
            &mut a,
            &[
                Correction::Hide {
                    actor: "nobody".into(),
                },
                Correction::Merge {
                    actor: putin.clone(),
                    into: putin.clone(),
                },
                Correction::Rename {
                    actor: putin.clone(),
                    name: "  ".into(),
                },
                Correction::Split {
                    actor: putin.clone(),
                    start: 9999,
                    end: 10000,
                },
            ],
        );
        assert!(out.iter().all(|o| !o.applied), "{out:?}");
        assert_eq!(summary(&out), "0 corrections");
    }

    #[test]
    fn applied_corrections_serialise_flat() {
        let c = [Correction::Hide { actor: "a".into() }];
        let o = [Outcome {
            applied: false,
            description: "Skipped.".into(),
        }];
        let json = serde_json::to_string(&applied_list(&c, &o)).expect("json");
        assert_eq!(
            json,
            r#"[{"op":"hide","actor":"a","applied":false,"description":"Skipped."}]"#
        );
        let f = byte_to_codepoint("a😀b");
        assert_eq!((f(0), f(1), f(5), f(6)), (0, 1, 2, 3));
    }

    #[test]
    fn corrections_round_trip_as_json() {
        let c = Correction::SetStance {
            proposal: "p".into(),
            actor: "a".into(),
            stance: StanceKind::Opposes,
        };
        let json = serde_json::to_string(&c).expect("json");
        assert_eq!(
            json,
            r#"{"op":"set_stance","proposal":"p","actor":"a","stance":"opposes"}"#
        );
        assert_eq!(
            serde_json::from_str::<Correction>(&json).expect("parses"),
            c
        );
    }
}
