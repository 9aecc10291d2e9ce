//! Table-driven tests, through the whole pipeline, for who holds a stance
//! and on which proposal: groups named by a common noun ("Unions oppose
//! …"), subjects the parse finds past a modifier, and "the decision" or
//! "the vote" naming the proposal that was adopted. Every text is written
//! for this test.

use gloss_core::{analyze, Analysis, Options, StanceKind};

/// The opening sentence of every case: a plan the council adopts.
const OPENING: &str = "The city council approved a plan to raise parking fees.\n\n";

/// Stances on the proposal whose name contains `proposal`, held by actors
/// whose name contains `actor` (case-insensitive).
fn stances(a: &Analysis, proposal: &str, actor: &str) -> Vec<StanceKind> {
    let (p, who) = (proposal.to_lowercase(), actor.to_lowercase());
    a.proposals
        .iter()
        .filter(|x| x.name.to_lowercase().contains(&p))
        .flat_map(|x| x.stances.iter())
        .filter(|s| {
            a.actor(&s.actor)
                .is_some_and(|x| x.name.to_lowercase().contains(&who))
        })
        .map(|s| s.stance)
        .collect()
}

fn describe(a: &Analysis) -> String {
    let mut out = String::new();
    for p in &a.proposals {
        out.push_str(&format!("{}:", p.name));
        for s in &p.stances {
            out.push_str(&format!(" {}={:?}", s.actor, s.stance));
        }
        out.push_str("; ");
    }
    out
}

#[test]
fn holders_and_references() {
    use StanceKind::*;
    // (second paragraph, proposal name part, holder name part, stance)
    let cases: &[(&str, &str, &str, StanceKind)] = &[
        // A bare plural collective noun opening the sentence.
        ("Unions oppose the plan.", "parking fees", "unions", Opposes),
        (
            "Farmers rejected the plan on Monday.",
            "parking fees",
            "farmers",
            Opposes,
        ),
        // The subject past a participle phrase, not the noun inside it.
        (
            "Unions representing the workers oppose the plan.",
            "parking fees",
            "unions",
            Opposes,
        ),
        // Past a relative clause.
        (
            "Residents who live near the station oppose the plan.",
            "parking fees",
            "residents",
            Opposes,
        ),
        // "The decision" and "the vote" after an adoption name the plan.
        (
            "The Drivers' Association rejected the decision.",
            "parking fees",
            "drivers",
            Opposes,
        ),
        (
            "Cycling campaigners welcomed the vote.",
            "parking fees",
            "campaigners",
            Supports,
        ),
        // A collective noun as a possessive modifier of a group.
        (
            "Retailers' groups criticised the plan.",
            "parking fees",
            "retailers",
            Criticizes,
        ),
    ];
    for &(second, proposal, actor, want) in cases {
        let text = format!("{OPENING}{second}\n");
        let a = analyze(&text, &Options::default());
        let got = stances(&a, proposal, actor);
        assert!(
            got.contains(&want),
            "{second:?}: want {actor} {want:?} on {proposal:?}, got {got:?} in {}",
            describe(&a)
        );
    }
}

#[test]
fn a_workers_noun_inside_the_subject_holds_nothing() {
    let text = format!("{OPENING}Unions representing the workers oppose the plan.\n");
    let a = analyze(&text, &Options::default());
    assert!(
        stances(&a, "parking fees", "workers").is_empty(),
        "{}",
        describe(&a)
    );
}

#[test]
fn a_ruling_after_a_proposal_stays_the_court_s_own_act() {
    let text = "A court struck down a curfew for teenagers.\n\n\
                The curfew had been introduced by the mayor, Ruth Adler. \
                Adler said she would appeal the ruling.\n";
    let a = analyze(text, &Options::default());
    let curfew = stances(&a, "curfew", "adler");
    assert!(
        !curfew.contains(&StanceKind::Opposes) && !curfew.contains(&StanceKind::Criticizes),
        "appealing the ruling is no stance against the curfew: {}",
        describe(&a)
    );
}

#[test]
fn a_group_described_by_a_common_noun_is_no_named_entity() {
    let text = format!("{OPENING}Unions oppose the plan.\n");
    let a = analyze(&text, &Options::default());
    assert!(a.actors.iter().any(|x| x.name == "Unions"));
    assert!(
        !a.mentions.iter().any(|m| m.text == "Unions"),
        "{:?}",
        a.mentions
    );
}

#[test]
fn the_decision_after_a_rejection_is_not_the_plan() {
    let text = "The mayor, Ana Silva, rejected the port authority's expansion plan.\n\n\
                The authority said it would ask the regional government to review the decision.\n";
    let a = analyze(text, &Options::default());
    let plan = a
        .proposals
        .iter()
        .find(|p| p.name.contains("expansion plan"))
        .unwrap_or_else(|| panic!("no plan in {}", describe(&a)));
    assert!(
        !plan.mentions.iter().any(|m| m.text == "decision"),
        "{:?}",
        plan.mentions
    );
}

#[test]
fn a_vote_tally_stands_between_the_verb_and_its_particle() {
    use StanceKind::*;
    let cases: &[(&str, StanceKind)] = &[
        ("The board voted five to two for the plan.", Supports),
        ("The board voted 5-2 against the plan.", Opposes),
        ("The board voted by 40 votes to 25 for the plan.", Supports),
        ("The board voted unanimously against the plan.", Opposes),
    ];
    for &(second, want) in cases {
        let text = format!("The mayor proposed a plan to close the old market.\n\n{second}\n");
        let a = analyze(&text, &Options::default());
        let got = stances(&a, "old market", "board");
        assert_eq!(got, vec![want], "{second:?}: {}", describe(&a));
    }
}

#[test]
fn the_maker_after_from_or_by_and_no_dateline_as_holder() {
    use StanceKind::*;
    let text = "OSLO — Nordic ministers on Monday endorsed a proposal from the Nordic \
                Council to share ferry routes. Karin Lund backed a plan by Norway to \
                extend the season.\n";
    let a = analyze(text, &Options::default());
    assert!(
        stances(&a, "proposal", "nordic council").contains(&Proposes),
        "{}",
        describe(&a)
    );
    assert!(
        stances(&a, "plan", "norway").contains(&Proposes),
        "{}",
        describe(&a)
    );
    assert!(stances(&a, "", "oslo").is_empty(), "{}", describe(&a));
    // Demand from a market is not a demand someone makes.
    let a = analyze(
        "Prices rose on strong demand from China.\n",
        &Options::default(),
    );
    assert!(stances(&a, "", "china").is_empty(), "{}", describe(&a));
}

#[test]
fn a_demand_for_a_measure_is_one_proposal_named_by_both() {
    let a = analyze(
        "Mayor Tomas Lind backed the nurses' demand for an independent review of pay.\n",
        &Options::default(),
    );
    assert_eq!(a.proposals.len(), 1, "{}", describe(&a));
    assert!(
        a.proposals[0].name.contains("independent review of pay"),
        "{}",
        describe(&a)
    );
    assert_eq!(
        stances(&a, "review", "lind"),
        vec![StanceKind::Supports],
        "{}",
        describe(&a)
    );
}

#[test]
fn a_proposal_word_the_parse_reads_as_a_finite_verb_heads_no_proposal() {
    let a = analyze(
        "Jobs go\n\nKesteven Logistics cut 300 jobs on Monday, and unions \
         opposed the plan to cut more.",
        &Options::default(),
    );
    assert!(
        a.proposals.iter().all(|p| !p.name.contains("Logistics")),
        "{}",
        describe(&a)
    );
    assert!(
        a.actors.iter().any(|x| x.name == "Kesteven Logistics"),
        "{:?}",
        a.actors.iter().map(|x| &x.name).collect::<Vec<_>>()
    );
}

#[test]
fn a_demand_for_a_vote_on_a_plan_is_no_stance_on_the_plan() {
    let a = analyze(
        &format!("{OPENING}The opposition leader, Karin Lunde, demanded a referendum on the plan."),
        &Options::default(),
    );
    assert_eq!(
        stances(&a, "referendum", "Lunde"),
        [StanceKind::Proposes],
        "{}",
        describe(&a)
    );
    assert!(
        stances(&a, "parking", "Lunde").is_empty(),
        "{}",
        describe(&a)
    );
}
