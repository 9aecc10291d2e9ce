//! Table-driven tests, through the whole pipeline, for laws named by a
//! title ("the Rail Reform Bill", "the Clean Air Act"): each is a proposal,
//! never an actor of its own, with the stances taken on it; a bill number
//! set off after "the measure" names the same proposal; a veto is an act
//! that can be backed or criticised, and overriding it opposes it. Every
//! text is written for this test.

use gloss_core::{analyze, Analysis, Options, StanceKind};

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

/// Stances held by the actor named `actor` on the proposal named `proposal`.
fn stances(a: &Analysis, proposal: &str, actor: &str) -> Vec<StanceKind> {
    a.proposals
        .iter()
        .filter(|p| p.name == proposal)
        .flat_map(|p| p.stances.iter())
        .filter(|s| a.actor(&s.actor).is_some_and(|x| x.name == actor))
        .map(|s| s.stance)
        .collect()
}

#[test]
fn a_titled_law_is_a_proposal_and_no_actor() {
    for (text, law) in [
        (
            "Parliament debated the Coastal Housing Bill on Tuesday.",
            "Coastal Housing Bill",
        ),
        (
            "The Clean Harbours Act took effect in March.",
            "Clean Harbours Act",
        ),
        (
            "Ministers defended the Northern Water Agreement, which was signed last year.",
            "Northern Water Agreement",
        ),
    ] {
        let a = analyze(text, &Options::default());
        assert!(
            a.proposals.iter().any(|p| p.name == law),
            "{text}: want the proposal {law:?}, got {}",
            describe(&a)
        );
        assert!(
            !a.actors.iter().any(|x| x.name.contains(law)),
            "{text}: {law:?} is no actor: {:?}",
            a.actors.iter().map(|x| &x.name).collect::<Vec<_>>()
        );
    }
}

#[test]
fn stances_on_a_titled_law_and_the_references_to_it() {
    use StanceKind::*;
    let text = "Parliament is debating the Coastal Housing Bill, which would cap rents \
                near the sea. Conservative MPs oppose the bill. The Greens said they \
                would support it.";
    let a = analyze(text, &Options::default());
    let law = "Coastal Housing Bill";
    assert_eq!(
        stances(&a, law, "Conservative MPs"),
        vec![Opposes],
        "{}",
        describe(&a)
    );
    assert_eq!(
        stances(&a, law, "Greens"),
        vec![Supports],
        "{}",
        describe(&a)
    );
    // The law's own name holds no stance on it.
    assert!(
        a.proposals
            .iter()
            .flat_map(|p| p.stances.iter())
            .all(|s| !s.actor.contains("coastal-housing")),
        "{}",
        describe(&a)
    );
}

#[test]
fn a_bill_number_set_off_after_the_measure_is_its_name() {
    let text = "The governor vetoed a bill that would fund rural bus routes. \
                The measure, Assembly Bill 907, had passed with support from both parties.";
    let a = analyze(text, &Options::default());
    let bills: Vec<_> = a
        .proposals
        .iter()
        .filter(|p| p.mentions.iter().any(|m| m.text.contains("Bill 907")))
        .collect();
    assert_eq!(bills.len(), 1, "{}", describe(&a));
    assert_eq!(a.proposals.len(), 1, "{}", describe(&a));
    let texts: Vec<&str> = bills[0].mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["bill", "measure", "Assembly Bill 907"]);
}

#[test]
fn a_veto_is_backed_criticised_or_overridden() {
    use StanceKind::*;
    let text = "Governor Hana Petrov vetoed the transit bill on Friday. \
                Senator Luis Ortega said he would ask colleagues to override the veto. \
                The Riders' Union criticised the veto. \
                Mayor Ben Castro welcomed the veto.";
    let a = analyze(text, &Options::default());
    assert_eq!(
        stances(&a, "veto", "Luis Ortega"),
        vec![Opposes],
        "{}",
        describe(&a)
    );
    assert!(
        stances(&a, "veto", "Riders' Union").contains(&Criticizes),
        "{}",
        describe(&a)
    );
    assert_eq!(
        stances(&a, "veto", "Ben Castro"),
        vec![Supports],
        "{}",
        describe(&a)
    );
    assert!(
        a.proposals.iter().any(|p| p.name.contains("overrid")
            && p.stances
                .iter()
                .any(|s| s.actor == "luis-ortega" && s.stance == Proposes)),
        "{}",
        describe(&a)
    );
}
