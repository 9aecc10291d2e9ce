//! Table-driven tests for proposal phrases, merging and stances.

use super::*;
use crate::drafts::ActorDraft;
use crate::model::{ActorKind, Proposal};

/// Builds a document and actors from (name, kind) pairs: every occurrence of
/// a name becomes a mention (longest names first, no overlaps).
fn setup(text: &str, names: &[(&str, ActorKind)]) -> Vec<Proposal> {
    let mut doc = Doc::segmented(text);
    doc.actors = actors_for(text, names);
    crate::mentions::MentionIndexer.run(&mut doc);
    find(&doc)
        .iter()
        .map(|p| crate::assemble::proposal(&doc, &doc.actors, p))
        .collect()
}

pub(crate) fn actors_for(text: &str, names: &[(&str, ActorKind)]) -> Vec<ActorDraft> {
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(names[i].0.len()));
    let mut actors: Vec<ActorDraft> = names.iter().map(|(n, k)| ActorDraft::bare(n, *k)).collect();
    for i in order {
        let name = names[i].0;
        for (start, _) in text.match_indices(name) {
            let end = start + name.len();
            let boundary = text[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if !boundary || taken.iter().any(|&(a, b)| start < b && a < end) {
                continue;
            }
            taken.push((start, end));
            actors[i].mentions.push(MentionDraft {
                span: Span::new(start, end),
                form: MentionForm::Name,
            });
        }
        actors[i].mentions.sort_by_key(|m| m.span.start);
    }
    actors
}

fn names(ps: &[Proposal]) -> Vec<&str> {
    ps.iter().map(|p| p.name.as_str()).collect()
}

#[test]
fn phrases_and_names() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Zelenskyy opposed an earlier 28-point peace proposal.",
            &["28-point peace proposal"],
        ),
        (
            "Russia found parts of America’s peace blueprint agreeable.",
            &["America’s peace blueprint"],
        ),
        (
            "He opposed restrictions on Ukrainian military strength, while insisting on explicit security guarantees.",
            &["restrictions on Ukrainian military strength", "explicit security guarantees"],
        ),
        (
            "Scheduling another direct Trump-Putin summit was not feasible.",
            &["direct Trump-Putin summit"],
        ),
        ("Putin plans to travel to Beijing next week.", &[]),
        ("The rescue took a great deal of effort.", &[]),
        ("Bill Clinton spoke in Paris.", &[]),
        ("They hoped for a quick resolution to the conflict.", &[]),
        ("The patient is in critical condition.", &[]),
        (
            "Lawmakers in parliament passed the bill after a vote on the government proposal.",
            &["bill", "government proposal"],
        ),
        (
            "Both sides agreed to a ceasefire and hostage release deal.",
            &["ceasefire and hostage release deal"],
        ),
        (
            "The Senate passed a sweeping climate and tax bill on Sunday.",
            &["climate and tax bill"],
        ),
        (
            "The prime minister put forward a revised customs arrangement.",
            &["revised customs arrangement"],
        ),
        (
            "Trump announced a 100% tariff on Chinese imports.",
            &["100% tariff on Chinese imports"],
        ),
        ("The peace talks resume on Friday.", &[]),
        ("Studying eye movements offers an insight.", &[]),
        ("Few islands are possible to visit without making special arrangements.", &[]),
        ("We study the human condition in different conditions.", &[]),
        (
            "Lawmakers want to add new restrictions on arms sales.",
            &["new restrictions on arms sales"],
        ),
    ];
    for (text, want) in cases {
        let ps = setup(
            text,
            &[
                ("Zelenskyy", ActorKind::Person),
                ("Russia", ActorKind::Place),
                ("America", ActorKind::Place),
                ("Trump", ActorKind::Person),
                ("Putin", ActorKind::Person),
                ("Ukrainian", ActorKind::Group),
            ],
        );
        assert_eq!(names(&ps), *want, "{text}");
    }
}

#[test]
fn merging() {
    let text = "Russia found parts of America’s peace blueprint agreeable, but Putin criticised multiple key proposals. \
                Zelenskyy sought changes to an earlier 28-point peace proposal. \
                Witkoff brought an updated peace framework modified to gain acceptance.";
    let ps = setup(
        text,
        &[
            ("Russia", ActorKind::Place),
            ("America", ActorKind::Place),
            ("Putin", ActorKind::Person),
            ("Zelenskyy", ActorKind::Person),
            ("Witkoff", ActorKind::Person),
        ],
    );
    assert_eq!(
        names(&ps),
        vec!["America’s peace blueprint", "28-point peace proposal"]
    );
    assert_eq!(ps[0].mentions.len(), 3);
    assert_eq!(
        ps[0].description.as_deref(),
        Some("modified to gain acceptance")
    );
}

#[test]
fn nested_phrase_takes_no_outside_cue() {
    let ps = setup(
        "Trump backed a second referendum on the final peace deal.",
        &[("Trump", ActorKind::Person)],
    );
    let deal = ps.iter().find(|p| p.name.contains("deal")).expect("deal");
    assert!(deal.stances.is_empty(), "{:?}", deal.stances);
    let vote = ps
        .iter()
        .find(|p| p.name.contains("referendum"))
        .expect("referendum");
    assert_eq!(vote.stances.len(), 1);
    assert_eq!(vote.stances[0].stance, StanceKind::Supports);
}

#[test]
fn definite_description_merges_with_recent_proposal() {
    let ps = setup(
        "Israel and Hamas agreed to a ceasefire deal. The three-stage agreement pauses fighting. \
         Years later, a trade agreement was signed.",
        &[
            ("Israel", ActorKind::Place),
            ("Hamas", ActorKind::Organization),
        ],
    );
    assert_eq!(names(&ps), vec!["ceasefire deal", "trade agreement"]);
    assert_eq!(ps[0].mentions.len(), 2);
}

#[test]
fn stances() {
    use StanceKind::*;
    let cases: &[(&str, &str, &str, StanceKind)] = &[
        (
            "Zelenskyy has vigorously opposed provisions mandating Ukraine surrender territory.",
            "provisions",
            "zelenskyy",
            Opposes,
        ),
        (
            "Zelenskyy insisted on explicit security guarantees.",
            "guarantees",
            "zelenskyy",
            Proposes,
        ),
        (
            "The proposal that Ukrainian officials criticized favours Russia.",
            "proposal",
            "ukrainian-officials",
            Criticizes,
        ),
        (
            "Russia rejected the ceasefire.",
            "ceasefire",
            "russia",
            Opposes,
        ),
        (
            "The ceasefire was rejected by Russia.",
            "ceasefire",
            "russia",
            Opposes,
        ),
        (
            "Putin did not accept the peace plan.",
            "plan",
            "putin",
            Opposes,
        ),
        (
            "Putin called the peace plan wholly unacceptable.",
            "plan",
            "putin",
            Opposes,
        ),
        (
            "Russia’s leadership found certain components of the peace plan agreeable.",
            "plan",
            "russia",
            Mixed,
        ),
        (
            "Zelenskyy built support for alterations to the peace plan.",
            "plan",
            "zelenskyy",
            Criticizes,
        ),
        ("Trump welcomed the peace plan.", "plan", "trump", Supports),
        (
            "Ushakov said that another summit was not immediately feasible.",
            "summit",
            "ushakov",
            Neutral,
        ),
        (
            "Trump's peace plan was discussed.",
            "plan",
            "trump",
            Proposes,
        ),
        (
            "Israel and Hamas agree to ceasefire deal.",
            "deal",
            "israel",
            Supports,
        ),
        (
            "Israel and Hamas agree to ceasefire deal.",
            "deal",
            "hamas",
            Supports,
        ),
        (
            "The peace deal, brokered by Qatar and Egypt, holds.",
            "deal",
            "egypt",
            Proposes,
        ),
        (
            "Russia accepted the conditions set by Ukraine.",
            "conditions",
            "ukraine",
            Proposes,
        ),
        (
            "Hamas listed conditions Russia has repeatedly rejected in talks.",
            "conditions",
            "russia",
            Opposes,
        ),
        (
            "Trump welcomed parts of the peace plan but criticized the time limit.",
            "time limit",
            "trump",
            Criticizes,
        ),
        (
            "Ryu, who voted against the housing plan, left.",
            "plan",
            "ryu",
            Opposes,
        ),
        (
            "“The peace plan is unacceptable,” said Foreign Minister Lavrov.",
            "plan",
            "lavrov",
            Opposes,
        ),
        (
            "Russia condemned the move and said it would reject the peace plan.",
            "plan",
            "russia",
            Opposes,
        ),
        (
            "Analysts were surprised in Russia. It has since rejected the peace deal.",
            "deal",
            "russia",
            Opposes,
        ),
        (
            "Putin described the peace offer as fair and final.",
            "offer",
            "putin",
            Supports,
        ),
    ];
    for &(text, prop, actor, want) in cases {
        let ps = setup(
            text,
            &[
                ("Zelenskyy", ActorKind::Person),
                ("Ukraine", ActorKind::Place),
                ("Ukrainian officials", ActorKind::Group),
                ("Russia", ActorKind::Place),
                ("Putin", ActorKind::Person),
                ("Trump", ActorKind::Person),
                ("Ushakov", ActorKind::Person),
                ("Israel", ActorKind::Place),
                ("Hamas", ActorKind::Organization),
                ("Qatar", ActorKind::Place),
                ("Egypt", ActorKind::Place),
                ("Ryu", ActorKind::Person),
                ("Lavrov", ActorKind::Person),
            ],
        );
        let p = ps
            .iter()
            .find(|p| p.name.contains(prop))
            .unwrap_or_else(|| panic!("{text}: no proposal {prop} in {:?}", names(&ps)));
        let got: Vec<_> = p
            .stances
            .iter()
            .map(|s| (s.actor.as_str(), s.stance))
            .collect();
        assert!(got.contains(&(actor, want)), "{text}: got {got:?}");
    }
}

#[test]
fn odd_inputs_do_not_panic() {
    let inputs = [
        "",
        "plan",
        "the the the plan of of of",
        "’s plan",
        "- - - 28-point -",
        "Plan. Deal! Summit? Ceasefire…",
        "a plan that which who that",
        "İİİ PLAN ÄÖ sanctions on on",
    ];
    for t in inputs {
        let _ = setup(t, &[("plan", ActorKind::Other)]);
    }
    let long = "Russia rejected the peace plan and the summit, ".repeat(500);
    let ps = setup(&long, &[("Russia", ActorKind::Place)]);
    assert!(!ps.is_empty());
}

#[test]
fn descriptions() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        (
            "Witkoff brought an updated peace framework modified to gain greater acceptance.",
            "framework",
            Some("modified to gain greater acceptance"),
        ),
        (
            "The housing plan, which would allow taller buildings, passed.",
            "plan",
            Some("which would allow taller buildings"),
        ),
        (
            "The peace deal, brokered by Qatar, Egypt and the United States, holds.",
            "deal",
            Some("brokered by Qatar, Egypt and the United States"),
        ),
        (
            "The three-stage peace agreement would pause fighting for six weeks.",
            "agreement",
            Some("would pause fighting for six weeks"),
        ),
        (
            "Rivals said the peace plan failed to address the border.",
            "plan",
            None,
        ),
    ];
    for &(text, needle, want) in cases {
        let ps = setup(
            text,
            &[
                ("Witkoff", ActorKind::Person),
                ("Qatar", ActorKind::Place),
                ("Egypt", ActorKind::Place),
                ("United States", ActorKind::Place),
            ],
        );
        let p = ps
            .iter()
            .find(|p| p.name.contains(needle))
            .unwrap_or_else(|| panic!("{text}: {:?}", names(&ps)));
        assert_eq!(p.description.as_deref(), want, "{text}");
    }
}
