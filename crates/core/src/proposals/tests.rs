//! Table-driven tests for proposal phrases, merging and stances.

use super::*;
use crate::model::{ActorKind, Proposal};
use crate::test_util::doc_with;

/// Builds a document and actors from (name, kind) pairs: every occurrence of
/// a name becomes a mention (longest names first, no overlaps).
fn setup(text: &str, names: &[(&str, ActorKind)]) -> Vec<Proposal> {
    let doc = doc_with(text, names);
    find(&doc)
        .iter()
        .map(|p| crate::assemble::proposal(&doc, &doc.actors, &[], p))
        .collect()
}

fn names_of(ps: &[Proposal]) -> Vec<&str> {
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
            &["bill", "vote", "government proposal"],
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
        assert_eq!(names_of(&ps), *want, "{text}");
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
    // A change to a proposal is a proposal of its own; who seeks it
    // criticises the proposal it changes.
    assert_eq!(
        names_of(&ps),
        vec![
            "America’s peace blueprint",
            "changes",
            "28-point peace proposal"
        ]
    );
    assert_eq!(ps[0].mentions.len(), 3);
    let by = |p: &Proposal| -> Vec<(String, StanceKind)> {
        p.stances
            .iter()
            .map(|s| (s.actor.clone(), s.stance))
            .collect()
    };
    assert_eq!(
        by(&ps[1]),
        vec![("zelenskyy".to_owned(), StanceKind::Proposes)]
    );
    assert_eq!(
        by(&ps[2]),
        vec![("zelenskyy".to_owned(), StanceKind::Criticizes)]
    );
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
    assert_eq!(names_of(&ps), vec!["ceasefire deal", "trade agreement"]);
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
        // A stance noun's holder after "from" or "by", beside the clause's.
        (
            "Qatar backed the ceasefire despite objections from Israel.",
            "ceasefire",
            "israel",
            Opposes,
        ),
        (
            "Qatar backed the ceasefire despite objections from Israel.",
            "ceasefire",
            "qatar",
            Supports,
        ),
        (
            "Egypt signed the ceasefire amid criticism by Hamas.",
            "ceasefire",
            "hamas",
            Criticizes,
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
            .unwrap_or_else(|| panic!("{text}: no proposal {prop} in {:?}", names_of(&ps)));
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
            .unwrap_or_else(|| panic!("{text}: {:?}", names_of(&ps)));
        assert_eq!(p.description.as_deref(), want, "{text}");
    }
}

/// Stances from the clause interface, on sentences of our own: passives,
/// negation, hedges, reported speech, pronoun subjects, judgements,
/// predictions, requests and reversals.
#[test]
fn stances_from_syntax() {
    use StanceKind::*;
    // (text, proposal name part, actor, stance, hedged)
    let cases: &[(&str, &str, &str, StanceKind, bool)] = &[
        (
            "The fuel tax was rejected by the Senate.",
            "tax",
            "senate",
            Opposes,
            false,
        ),
        (
            "Canada did not support the fishing treaty.",
            "treaty",
            "canada",
            Opposes,
            false,
        ),
        (
            "Canada never backed the fishing treaty.",
            "treaty",
            "canada",
            Opposes,
            false,
        ),
        (
            "Canada refused to sign the fishing treaty.",
            "treaty",
            "canada",
            Opposes,
            false,
        ),
        (
            "Canada may back the fishing treaty.",
            "treaty",
            "canada",
            Supports,
            true,
        ),
        (
            "Maria Lopez said the new housing law was unjust.",
            "law",
            "maria-lopez",
            Criticizes,
            false,
        ),
        (
            "“The housing law is unjust,” Maria Lopez said.",
            "law",
            "maria-lopez",
            Criticizes,
            false,
        ),
        (
            "The housing law will hurt renters, according to Maria Lopez.",
            "law",
            "maria-lopez",
            Criticizes,
            false,
        ),
        (
            "Tom Hill called the prison sentence dangerous.",
            "sentence",
            "tom-hill",
            Criticizes,
            false,
        ),
        // "sentence a" after an article is the noun, not the verb.
        (
            "Tom Hill called the prison sentence a disaster.",
            "sentence",
            "tom-hill",
            Criticizes,
            false,
        ),
        (
            "Tom Hill described the housing law as a mistake.",
            "law",
            "tom-hill",
            Criticizes,
            false,
        ),
        (
            "“The housing law is a betrayal of renters,” Maria Lopez said.",
            "law",
            "maria-lopez",
            Criticizes,
            false,
        ),
        (
            "Tom Hill described the fishing treaty as a success.",
            "treaty",
            "tom-hill",
            Supports,
            false,
        ),
        (
            "Maria Lopez met voters on Monday. She rejected the fuel tax.",
            "tax",
            "maria-lopez",
            Opposes,
            false,
        ),
        (
            "The council unveiled a parking plan. Tom Hill rejected it.",
            "plan",
            "tom-hill",
            Opposes,
            false,
        ),
        (
            "The council unveiled a parking plan. Tom Hill called it reckless.",
            "plan",
            "tom-hill",
            Criticizes,
            false,
        ),
        (
            "Maria Lopez is confident the fishing treaty will be passed by the Senate.",
            "treaty",
            "maria-lopez",
            Supports,
            false,
        ),
        (
            "Maria Lopez fears the fuel tax will be approved by the Senate.",
            "tax",
            "maria-lopez",
            Opposes,
            false,
        ),
        (
            "Norway urged Canada to accept the fishing treaty.",
            "treaty",
            "norway",
            Supports,
            false,
        ),
        (
            "Norway asked the council to hold a referendum on the bridge.",
            "referendum",
            "norway",
            Proposes,
            false,
        ),
        (
            "Norway urged Canada to work together on the rescue of the crew.",
            "work together",
            "norway",
            Proposes,
            false,
        ),
        (
            "Canada voted on Monday to build a second bridge.",
            "bridge",
            "canada",
            Supports,
            false,
        ),
        (
            "The Senate approved the merger of the two banks.",
            "merger",
            "senate",
            Supports,
            false,
        ),
        (
            "Canada called for the release of the two journalists.",
            "release",
            "canada",
            Proposes,
            false,
        ),
        (
            "Tom Hill backed building a second bridge over the river.",
            "bridge",
            "tom-hill",
            Supports,
            false,
        ),
        (
            "Canada will decide whether it would support the fishing treaty.",
            "treaty",
            "canada",
            Neutral,
            false,
        ),
        (
            "The fuel tax, put forward by Maria Lopez, passed.",
            "tax",
            "maria-lopez",
            Proposes,
            false,
        ),
        (
            "The fuel tax was introduced in May by Maria Lopez.",
            "tax",
            "maria-lopez",
            Proposes,
            false,
        ),
        (
            "The parliament of Canada approved the fishing treaty.",
            "treaty",
            "canada",
            Supports,
            false,
        ),
        (
            "It passed, with the Senate voting against it.",
            "tax",
            "senate",
            Opposes,
            false,
        ),
    ];
    let names = &[
        ("Canada", ActorKind::Place),
        ("Norway", ActorKind::Place),
        ("Senate", ActorKind::Organization),
        ("Maria Lopez", ActorKind::Person),
        ("Tom Hill", ActorKind::Person),
    ];
    for &(text, prop, actor, want, hedged) in cases {
        let text = if text.starts_with("It passed") {
            "Maria Lopez proposed a fuel tax. It passed, with the Senate voting against it."
        } else {
            text
        };
        let ps = setup(text, names);
        let p = ps
            .iter()
            .find(|p| p.name.contains(prop))
            .unwrap_or_else(|| panic!("{text}: no proposal {prop} in {:?}", names_of(&ps)));
        let got: Vec<_> = p
            .stances
            .iter()
            .map(|s| (s.actor.as_str(), s.stance, s.hedged))
            .collect();
        assert!(got.contains(&(actor, want, hedged)), "{text}: got {got:?}");
    }
}

/// Who gets no stance: the agent of a predicted outcome, the addressee of a
/// request, the subject of what a proposal does.
#[test]
fn no_stance_for_predictions_addressees_or_contents() {
    let names = &[
        ("Canada", ActorKind::Place),
        ("Norway", ActorKind::Place),
        ("Senate", ActorKind::Organization),
        ("Maria Lopez", ActorKind::Person),
    ];
    let cases: &[(&str, &str)] = &[
        (
            "Maria Lopez is confident the fishing treaty will be passed by the Senate.",
            "senate",
        ),
        (
            "Norway urged Canada to accept the fishing treaty.",
            "canada",
        ),
        ("Norway asked Canada to drop the fuel tax.", "canada"),
        ("The Senate is expected to debate the fuel tax.", "senate"),
    ];
    for &(text, actor) in cases {
        let ps = setup(text, names);
        for p in &ps {
            assert!(
                p.stances.iter().all(|s| s.actor != actor),
                "{text}: {actor} has a stance on {:?}: {:?}",
                p.name,
                p.stances
            );
        }
    }
}

/// The infinitive of a proposal noun is its maker's stance: rejecting
/// "calls to block" a tax is no stance against the tax.
#[test]
fn infinitives_of_proposal_nouns_belong_to_their_makers() {
    let names = &[
        ("Canada", ActorKind::Place),
        ("Norway", ActorKind::Place),
        ("Maria Lopez", ActorKind::Person),
    ];
    // (text, proposal, the stance the rejecter must not get on it)
    let cases: &[(&str, &str, (&str, StanceKind))] = &[
        (
            "Maria Lopez rejected calls from farmers to block the fuel tax.",
            "fuel tax",
            ("maria-lopez", StanceKind::Opposes),
        ),
        (
            "Norway dismissed a bid by Canada to scrap the fishing treaty.",
            "fishing treaty",
            ("norway", StanceKind::Opposes),
        ),
    ];
    for &(text, proposal, wrong) in cases {
        let ps = setup(text, names);
        let got: Vec<(&str, StanceKind)> = ps
            .iter()
            .filter(|p| p.name == proposal)
            .flat_map(|p| p.stances.iter().map(|s| (s.actor.as_str(), s.stance)))
            .collect();
        assert!(!got.contains(&wrong), "{text}: {got:?}");
    }
}

/// "Lifting the sanctions" is a proposal of its own; who asks for it opposes
/// the sanctions. Imposing them supports the sanctions themselves.
#[test]
fn lifting_versus_imposing() {
    let text = "The European Union voted to impose new sanctions on Iran in March. \
                Hungary called for lifting the sanctions, and Austria backed imposing them. \
                In June, Norway lifted its own sanctions on Iran.";
    let ps = setup(
        text,
        &[
            ("European Union", ActorKind::Organization),
            ("Hungary", ActorKind::Place),
            ("Austria", ActorKind::Place),
            ("Norway", ActorKind::Place),
            ("Iran", ActorKind::Place),
        ],
    );
    let by = |needle: &str| -> Vec<(String, StanceKind)> {
        let p = ps
            .iter()
            .find(|p| p.name == needle)
            .unwrap_or_else(|| panic!("no proposal {needle:?} in {:?}", names_of(&ps)));
        p.stances
            .iter()
            .map(|s| (s.actor.clone(), s.stance))
            .collect()
    };
    let sanctions = by("new sanctions on Iran");
    assert!(
        sanctions.contains(&("european-union".into(), StanceKind::Proposes)),
        "{sanctions:?}"
    );
    assert!(
        sanctions.contains(&("hungary".into(), StanceKind::Opposes)),
        "{sanctions:?}"
    );
    let lifting = by("lifting the sanctions");
    assert_eq!(lifting, vec![("hungary".to_owned(), StanceKind::Proposes)]);
    let norway = by("lifting its own sanctions on Iran");
    assert_eq!(norway, vec![("norway".to_owned(), StanceKind::Proposes)]);
    // Norway is not said to propose (or oppose) the sanctions it lifts.
    assert!(ps
        .iter()
        .all(|p| p.name == "lifting its own sanctions on Iran"
            || p.stances.iter().all(|s| s.actor != "norway")));
}

/// An article about a storm or a match has no proposals at all.
#[test]
fn no_proposals_in_plain_news() {
    let texts = [
        "A storm swept across the coast on Saturday, bringing down trees and power lines. \
         The weather service said gusts reached 120 kilometres an hour. Two people were taken \
         to hospital, police said, and schools will stay closed on Monday.",
        "Ashford United won the cup on Sunday, beating Kingsport City 5-4 on penalties. \
         The captain scored just before half-time and the goalkeeper saved two penalties. \
         \"I am so proud of these players,\" the manager said after winning 84,121 votes of fans.",
    ];
    for t in texts {
        let ps = setup(
            t,
            &[
                ("Ashford United", ActorKind::Organization),
                ("Kingsport City", ActorKind::Organization),
            ],
        );
        assert!(ps.is_empty(), "{t}: {:?}", names_of(&ps));
    }
}

/// "Any bills", "no plan", "every treaty" speak of a kind; "any ceasefire"
/// in the singular is the one under negotiation, and a stance on a kind
/// still makes it a proposal.
#[test]
fn kinds_are_not_proposals() {
    let names = [
        ("Lagos Alliance", ActorKind::Organization),
        ("Mira Osei", ActorKind::Person),
    ];
    // (text, proposal names)
    let cases: &[(&str, &[&str])] = &[
        (
            "The count left the opposition enough seats to block any members' bills.",
            &[],
        ),
        (
            "The result gives the opposition a veto over any bills containing tax reforms.",
            &[],
        ),
        ("There is no plan for the harbour yet, officials said.", &[]),
        (
            "Negotiators disagree on the borders of any ceasefire arrangement.",
            &["ceasefire arrangement"],
        ),
        (
            "Mira Osei rejected any bills that would cut pensions.",
            &["bills that would cut pensions"],
        ),
    ];
    for (text, want) in cases {
        let ps = setup(text, &names);
        let got = names_of(&ps);
        if want.is_empty() {
            assert!(got.is_empty(), "{text}: {got:?}");
        } else {
            assert!(
                want.iter()
                    .all(|w| got.iter().any(|g| g.contains(w) || w.contains(g))),
                "{text}: {got:?}"
            );
        }
    }
}

/// Constructions any news article uses, on sentences of our own:
/// coordinated holders, first person inside a quote, decisions ("ruled
/// that"), prohibitions in the passive, requests to a plain noun, and a
/// measure named by a gerund clause.
#[test]
fn holders_decisions_prohibitions_and_requests() {
    use StanceKind::*;
    let names = &[
        ("Canada", ActorKind::Place),
        ("United Nations", ActorKind::Organization),
        ("European Union", ActorKind::Organization),
        ("Supreme Court", ActorKind::Organization),
        ("City Council", ActorKind::Organization),
        ("Maria Lopez", ActorKind::Person),
        ("Tom Hill", ActorKind::Person),
    ];
    // (text, proposal name part, actor, stance)
    let cases: &[(&str, &str, &str, StanceKind)] = &[
        // Both coordinated subjects hold it, with or without "the".
        (
            "The United Nations and the European Union have both criticised the new border policy.",
            "border policy",
            "united-nations",
            Criticizes,
        ),
        (
            "The United Nations and the European Union have both criticised the new border policy.",
            "border policy",
            "european-union",
            Criticizes,
        ),
        // Past a bracketed abbreviation of the first holder.
        (
            "The United Nations (UN) and the European Union oppose the new border policy.",
            "border policy",
            "united-nations",
            Opposes,
        ),
        // A measure named by a gerund clause.
        (
            "Canada has maintained a policy of sending asylum seekers back at sea.",
            "policy of sending asylum seekers back at sea",
            "canada",
            Supports,
        ),
        // "I" in a quote is its speaker, not a name before it.
        (
            "“Like many people in Canada, I am disappointed with the housing law,” Maria Lopez said.",
            "housing law",
            "maria-lopez",
            Criticizes,
        ),
        // A statement announced in the sentence before: the quote is its
        // author's, past a place before the name and an appositive.
        (
            "Canada Senator Maria Lopez, a member of the housing committee, issued a statement.\n\n“I am disappointed with the housing law.”",
            "housing law",
            "maria-lopez",
            Criticizes,
        ),
        // The that-clause of a ruling is a proposal of the court.
        (
            "The Supreme Court ruled on Monday that the strike was illegal.",
            "strike was illegal",
            "supreme-court",
            Proposes,
        ),
        // A passive prohibition: the agent after "by", however far on.
        (
            "The march was banned from entering the old town by the City Council.",
            "banned from entering the old town",
            "city-council",
            Proposes,
        ),
        // A request to a plain noun ("officials") and "pleaded with".
        (
            "Tom Hill asked officials to look into the leak.",
            "look into the leak",
            "tom-hill",
            Proposes,
        ),
        (
            "Maria Lopez pleaded with them to reopen the clinic.",
            "reopen the clinic",
            "maria-lopez",
            Proposes,
        ),
    ];
    for &(text, prop, actor, want) in cases {
        let ps = setup(text, names);
        let p = ps
            .iter()
            .find(|p| p.name.contains(prop))
            .unwrap_or_else(|| panic!("{text}: no proposal {prop:?} in {:?}", names_of(&ps)));
        let got: Vec<_> = p
            .stances
            .iter()
            .map(|s| (s.actor.as_str(), s.stance))
            .collect();
        assert!(got.contains(&(actor, want)), "{text}: got {got:?}");
        assert!(
            !p.name.contains(" by the "),
            "{text}: the agent is not part of the name {:?}",
            p.name
        );
    }
}

/// Who gets no stance, or no proposal: the actor who owns the asker
/// ("Tom Hill's sister asked"), a negated or passive decision, an adjective
/// in quote marks.
#[test]
fn no_stance_for_owners_or_adjectives() {
    let names = &[
        ("Tom Hill", ActorKind::Person),
        ("Supreme Court", ActorKind::Organization),
        ("Maria Lopez", ActorKind::Person),
    ];
    let ps = setup("Tom Hill's sister asked him to see a doctor.", names);
    assert!(
        ps.iter()
            .all(|p| p.stances.iter().all(|s| s.actor != "tom-hill")),
        "{:?}",
        ps.iter().map(|p| (&p.name, &p.stances)).collect::<Vec<_>>()
    );
    let none: &[&str] = &[
        "The Supreme Court did not rule that the strike was illegal.",
        "Maria Lopez asked why the files were not kept in \"approved security cabinets\".",
    ];
    for text in none {
        let ps = setup(text, names);
        assert!(
            ps.iter().all(|p| p.stances.is_empty()),
            "{text}: {:?}",
            ps.iter().map(|p| (&p.name, &p.stances)).collect::<Vec<_>>()
        );
    }
}

/// A court or a government named after a place is a group that holds
/// stances, with its country as a "related" background; "the ruling"
/// refers back to the decision.
#[test]
fn place_named_institutions_hold_stances_on_a_ruling() {
    let text = "A Greek court ruled on Friday that the old temple may be used for weddings. \
                The Iranian government rejected the ruling.";
    let a = crate::analyze(text, &crate::Options::default());
    let court = a
        .actors
        .iter()
        .find(|x| x.name == "Greek court")
        .expect("the court is an actor");
    assert_eq!(court.kind, ActorKind::Group);
    assert!(court.background.as_ref().is_some_and(|b| b.related));
    let p = a
        .proposals
        .iter()
        .find(|p| p.name.contains("temple may be used for weddings"))
        .expect("the decision is a proposal");
    let got: Vec<_> = p
        .stances
        .iter()
        .map(|s| (s.actor.as_str(), s.stance))
        .collect();
    assert!(
        got.contains(&("greek-court", StanceKind::Proposes)),
        "{got:?}"
    );
    assert!(
        got.contains(&("iranian-government", StanceKind::Opposes)),
        "{got:?}"
    );
    assert_eq!(a.digest.len(), 1, "{:?}", a.digest);
}

/// "The senators", "the residents": a definite collective noun that is the
/// subject of a stance verb is a group actor holding the stance; the same
/// noun as an object ("met the teachers") is no actor.
#[test]
fn definite_collectives_hold_stances() {
    // (text, holder, proposal name contains, stance)
    let cases = [
        (
            "The harbour board proposed a new ferry levy. The senators rejected the levy on Monday.",
            "The senators",
            "ferry levy",
            StanceKind::Opposes,
        ),
        (
            "The residents strongly opposed the bypass plan.",
            "The residents",
            "bypass plan",
            StanceKind::Opposes,
        ),
        (
            "The mayor unveiled a school meals plan. The teachers welcomed the plan.",
            "The teachers",
            "plan",
            StanceKind::Supports,
        ),
    ];
    for (text, holder, proposal, kind) in cases {
        let a = crate::analyze(text, &crate::Options::default());
        let actor = a
            .actors
            .iter()
            .find(|x| x.name == holder)
            .unwrap_or_else(|| panic!("{text}: no actor {holder}"));
        assert_eq!(actor.kind, ActorKind::Group, "{text}");
        let p = a
            .proposals
            .iter()
            .find(|p| p.name.contains(proposal))
            .unwrap_or_else(|| panic!("{text}: no proposal {proposal}"));
        assert!(
            p.stances
                .iter()
                .any(|s| s.actor == actor.id && s.stance == kind),
            "{text}: {:?}",
            p.stances
        );
    }
    let a = crate::analyze(
        "The minister met the teachers to discuss the school meals plan.",
        &crate::Options::default(),
    );
    assert!(
        a.actors.iter().all(|x| x.kind != ActorKind::Group),
        "{:?}",
        a.actors.iter().map(|x| &x.name).collect::<Vec<_>>()
    );
}

/// The possessor of a decision, ruling or request made it; an actor that
/// only modifies a ruling ("the Tessaro ruling") may be what it is about.
#[test]
fn possessors_of_acts_propose_them() {
    let names = [
        ("Harbour Authority", ActorKind::Organization),
        ("Tessaro", ActorKind::Organization),
        ("Mira Osei", ActorKind::Person),
    ];
    // (text, actor, proposes?)
    let cases = [
        (
            "Mira Osei criticised the Harbour Authority's decision to close the pier.",
            "harbour-authority",
            true,
        ),
        (
            "Reporters asked about the Harbour Authority's request for more funding.",
            "harbour-authority",
            true,
        ),
        (
            "Lawyers studied the Tessaro ruling for weeks.",
            "tessaro",
            false,
        ),
    ];
    for (text, who, proposes) in cases {
        let ps = setup(text, &names);
        let got = ps.iter().any(|p| {
            p.stances
                .iter()
                .any(|s| s.stance == StanceKind::Proposes && s.actor == who)
        });
        assert_eq!(got, proposes, "{text}: {ps:?}");
    }
}

/// "X struck down the law in a ruling": the ruling is X's own act (X
/// proposes it), and X's verb governs the law, not the ruling.
#[test]
fn rulings_in_which_an_actor_acts_are_its_own() {
    let names = [
        ("High Court", ActorKind::Organization),
        ("Port Board", ActorKind::Organization),
    ];
    // (text, proposal, actor, stance)
    let cases = [
        (
            "The High Court blocked the fishing ban in a landmark ruling.",
            "ruling",
            "high-court",
            Some(StanceKind::Proposes),
        ),
        (
            "The High Court blocked the fishing ban in a landmark ruling.",
            "fishing ban",
            "high-court",
            Some(StanceKind::Opposes),
        ),
        (
            "The Port Board blocked the tariff plan in a ruling on Monday.",
            "ruling",
            "port-board",
            Some(StanceKind::Proposes),
        ),
        (
            "\"We are disappointed with the ruling,\" the Port Board said.",
            "ruling",
            "port-board",
            Some(StanceKind::Criticizes),
        ),
        (
            "The Port Board rejected the ruling in the morning.",
            "ruling",
            "port-board",
            Some(StanceKind::Opposes),
        ),
    ];
    for (text, proposal, who, want) in cases {
        let ps = setup(text, &names);
        let got = ps
            .iter()
            .find(|p| p.name == proposal)
            .and_then(|p| p.stances.iter().find(|s| s.actor == who))
            .map(|s| s.stance);
        assert_eq!(got, want, "{text}: {ps:?}");
    }
}

/// "rejected it" names its antecedent, never "it"; "called for X to be
/// scrapped" opposes X.
#[test]
fn pronoun_proposals_take_their_antecedents_name() {
    let names = [
        ("Labour", ActorKind::Organization),
        ("Liberal Party", ActorKind::Organization),
    ];
    // (text, proposal, actor, stance)
    let cases = [
        (
            "Labour backed a settlement that would cut fares, but the Liberal Party rejected it.",
            "settlement",
            "liberal-party",
            Some(StanceKind::Opposes),
        ),
        (
            "Labour backed a settlement that would cut fares, but the Liberal Party rejected it.",
            "settlement",
            "labour",
            Some(StanceKind::Supports),
        ),
        (
            "The mayor defended the parking plan. Labour backed a settlement on fares, but the Liberal Party rejected it and called for the plan to be abolished.",
            "parking plan",
            "liberal-party",
            Some(StanceKind::Opposes),
        ),
        (
            "The Liberal Party called for the housing bill to be scrapped.",
            "housing bill",
            "liberal-party",
            Some(StanceKind::Opposes),
        ),
        (
            "The Liberal Party called for the housing bill to be passed.",
            "housing bill",
            "liberal-party",
            Some(StanceKind::Proposes),
        ),
    ];
    for (text, proposal, who, want) in cases {
        let ps = setup(text, &names);
        assert!(ps.iter().all(|p| p.name != "it"), "{text}: {ps:?}");
        let got = ps
            .iter()
            .find(|p| p.name == proposal)
            .and_then(|p| p.stances.iter().find(|s| s.actor == who))
            .map(|s| s.stance);
        assert_eq!(got, want, "{text}: {ps:?}");
    }
}

/// "The head of the union said he backed the plan": "he" is the unnamed
/// speaker, not a person named in an earlier sentence.
#[test]
fn pronouns_reported_by_an_unnamed_speaker_name_no_one() {
    let names = [
        ("Dana Whitfield", ActorKind::Person),
        ("Ostrava", ActorKind::Place),
    ];
    // (text, actor, has a stance on the plan?)
    let cases = [
        (
            "Dana Whitfield defended the parking plan. The mayor of Ostrava said he backed the parking plan.",
            "dana-whitfield",
            1,
        ),
        (
            "Dana Whitfield spoke on Monday. Later Dana Whitfield said he backed the parking plan.",
            "dana-whitfield",
            1,
        ),
        (
            "Dana Whitfield spoke on Monday. The mayor said that she opposed the parking plan.",
            "dana-whitfield",
            0,
        ),
    ];
    for (text, who, want) in cases {
        let ps = setup(text, &names);
        let got = ps
            .iter()
            .flat_map(|p| p.stances.iter())
            .filter(|s| s.actor == who)
            .count();
        assert_eq!(got, want, "{text}: {ps:?}");
    }
}

/// A headline's bare object ("Fishermen block harbours") is a thing, not
/// a measure; people ("backed the farmers") are never a measure.
#[test]
fn headline_blockades_and_people_are_not_proposals() {
    let names = [("Pel Union", ActorKind::Organization)];
    // (text, proposal names)
    let cases: &[(&str, &[&str])] = &[
        (
            "Fishermen block harbours over quota plan\n\nHundreds of boats stayed in port on Monday.",
            &["quota plan"],
        ),
        ("The Pel Union said it backed the striking nurses.", &[]),
        (
            "The Pel Union blocked harbours on Monday to protest.",
            &["harbours"],
        ),
    ];
    for (text, want) in cases {
        let ps = setup(text, &names);
        assert_eq!(names_of(&ps), *want, "{text}: {ps:?}");
    }
}

/// Analyses `text` and checks that the actor named `holder` takes `stance`
/// on the proposal whose name contains `proposal`; returns the actor's kind.
fn assert_holds(text: &str, holder: &str, proposal: &str, stance: StanceKind) -> ActorKind {
    let a = crate::analyze(text, &crate::Options::default());
    let names: Vec<_> = a.actors.iter().map(|x| x.name.as_str()).collect();
    let actor = a
        .actors
        .iter()
        .find(|x| x.name == holder)
        .unwrap_or_else(|| panic!("{text}: no actor {holder} in {names:?}"));
    let p = a
        .proposals
        .iter()
        .find(|p| p.name.contains(proposal))
        .unwrap_or_else(|| panic!("{text}: no proposal {proposal} in {:?}", a.proposals));
    assert!(
        p.stances
            .iter()
            .any(|s| s.actor == actor.id && s.stance == stance),
        "{text}: {:?}",
        p.stances
    );
    actor.kind
}

/// [`assert_holds`] for each (text, holder, proposal, stance) case.
fn assert_all_hold(cases: &[(&str, &str, &str, StanceKind)]) {
    for &(text, holder, proposal, stance) in cases {
        assert_holds(text, holder, proposal, stance);
    }
}

/// Checks that none of `texts` has a proposal.
fn assert_no_proposals(texts: &[&str]) {
    for text in texts {
        let a = crate::analyze(text, &crate::Options::default());
        assert!(a.proposals.is_empty(), "{text}: {:?}", a.proposals);
    }
}

/// Unnamed holders: a definite body, role or relative that is the subject,
/// speaker or agent of an act holds stances as an actor of its own, or as
/// the named actor it refers to ("the mayor" after "Mayor Tom Hadley", "the
/// department" after "the Transport Department", "its board" the company).
#[test]
fn unnamed_holders_hold_stances() {
    // (text, holder's name, holder's kind, proposal name contains, stance)
    let cases = [
        (
            "The health ministry offered a 9 per cent pay rise on Tuesday.",
            "health ministry",
            ActorKind::Organization,
            "pay rise",
            StanceKind::Proposes,
        ),
        (
            "A regional court on Monday struck down the parking ban.",
            "regional court",
            ActorKind::Organization,
            "parking ban",
            StanceKind::Opposes,
        ),
        (
            "Teachers ended their strike after the education ministry offered a new pay deal.",
            "education ministry",
            ActorKind::Organization,
            "pay deal",
            StanceKind::Proposes,
        ),
        (
            "Mayor Tom Hadley unveiled a plan for a tram line. Weeks later the mayor dropped the plan.",
            "Tom Hadley",
            ActorKind::Person,
            "plan",
            StanceKind::Opposes,
        ),
        (
            "The Transport Department unveiled a road safety plan. The department said it would defend the plan.",
            "Transport Department",
            ActorKind::Organization,
            "road safety plan",
            StanceKind::Supports,
        ),
        (
            "Jon Berg refused to sell the family farm. His sister urged him to accept the buyout offer.",
            "Jon Berg's sister",
            ActorKind::Person,
            "buyout offer",
            StanceKind::Supports,
        ),
        (
            "Lena Kowal's brother opposed the land swap deal.",
            "Lena Kowal's brother",
            ActorKind::Person,
            "land swap deal",
            StanceKind::Opposes,
        ),
        // A modified body of a named place speaks for it.
        (
            "The state parliament of Bavaria rejected the toll plan.",
            "Bavaria",
            ActorKind::Place,
            "toll plan",
            StanceKind::Opposes,
        ),
        (
            "The bus lane plan was rejected by the city council.",
            "city council",
            ActorKind::Organization,
            "bus lane plan",
            StanceKind::Opposes,
        ),
    ];
    for (text, holder, kind, proposal, stance) in cases {
        assert_eq!(assert_holds(text, holder, proposal, stance), kind, "{text}");
    }
}

/// No actor from a body or role that is not a holder: an object, a plural
/// kind, a phrase inside another prepositional phrase, a title before a
/// name, or a relative nobody owns.
#[test]
fn no_unnamed_holder_from_objects_kinds_or_titles() {
    let cases = [
        "Protesters marched to the ministry on Friday.",
        "Ministries and councils often reject such plans.",
        "Officials at the ministry said the plan was ready.",
        "The minister Anna Berg said the plan was ready.",
        "A sister of the victim spoke to reporters.",
        "A lawyer said the plan was unlawful.",
        "The company said the plan was fair.",
        // Whose office is a guess when its owner is not in the sentence.
        "Jo Reid spoke first. Later her office rejected the bus lane plan.",
    ];
    for text in cases {
        let a = crate::analyze(text, &crate::Options::default());
        let lower: Vec<_> = a
            .actors
            .iter()
            .filter(|x| x.name.starts_with(char::is_lowercase))
            .map(|x| x.name.as_str())
            .collect();
        assert!(lower.is_empty(), "{text}: {lower:?}");
    }
}

/// Verb forms that double their last consonant ("dropped", "scrapped"),
/// and a plan named by its infinitive under a proposing verb ("unveiled a
/// plan to …" proposes it; "plans to travel" stays a verb).
#[test]
fn doubled_verb_forms_and_plans_to_act() {
    // (text, holder, proposal name contains, stance)
    let cases = [
        (
            "The port board scrapped the harbour fee plan.",
            "port board",
            "harbour fee plan",
            StanceKind::Opposes,
        ),
        (
            "Governor Ana Ruiz unveiled a plan to widen the coast road. Weeks later she dropped the plan.",
            "Ana Ruiz",
            "plan to widen the coast road",
            StanceKind::Opposes,
        ),
        (
            "Governor Ana Ruiz on Monday unveiled a plan to widen the coast road.",
            "Ana Ruiz",
            "plan to widen the coast road",
            StanceKind::Proposes,
        ),
        (
            "The transit agency proposed a trial of late buses. Mayor Ed Lamb said he supported the idea but wanted the routes checked.",
            "Ed Lamb",
            "trial of late buses",
            StanceKind::Supports,
        ),
    ];
    assert_all_hold(&cases);
    assert_no_proposals(&[
        "Putin said he had plans to travel to Beijing.",
        "It was a good idea to leave early.",
        "Prices dropped after the storm.",
    ]);
}

/// A group's hyphenated modifier is part of its name ("late-shift
/// workers"), and no group starts inside a compound.
#[test]
fn groups_keep_hyphenated_modifiers() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Late-shift workers at the depot rejected the new rota plan.",
            &["Late-shift workers"],
        ),
        (
            "Night-shift nurses opposed the pay deal.",
            &["Night-shift nurses"],
        ),
        ("The night-shift nurses opposed the pay deal.", &[]),
    ];
    for (text, want) in cases {
        let a = crate::analyze(text, &crate::Options::default());
        let groups: Vec<_> = a
            .actors
            .iter()
            .filter(|x| x.kind == ActorKind::Group)
            .map(|x| x.name.as_str())
            .collect();
        assert_eq!(groups, *want, "{text}");
    }
}

/// Nouns of stance name what they are about whatever its head ("voiced
/// opposition to the pipeline"); "interest" counts only as the object of a
/// verb of expressing; a name before a noun of people is not the maker
/// ("a Warhol donor program"); phrases without a head lemma merge only
/// when their head words agree.
#[test]
fn objects_of_stance_nouns() {
    // (text, holder, proposal name contains, stance)
    let cases = [
        (
            "Mayor Rosa Delgado voiced strong opposition to the pipeline on Monday.",
            "Rosa Delgado",
            "pipeline",
            StanceKind::Opposes,
        ),
        (
            "The Nordic Fishing Union has expressed interest in further subsidies from the ministry.",
            "Nordic Fishing Union",
            "subsidies",
            StanceKind::Supports,
        ),
        (
            "Senator Omar Haddad signalled openness to a second runway at the airport.",
            "Omar Haddad",
            "second runway",
            StanceKind::Supports,
        ),
        (
            "Farmers' leader Tomas Berg repeated his objection to the new reservoir.",
            "Tomas Berg",
            "new reservoir",
            StanceKind::Opposes,
        ),
    ];
    assert_all_hold(&cases);
    // No stance noun, or "interest" that nobody expresses.
    assert_no_proposals(&[
        "The ministry reported rising interest in electric scooters.",
        "Interest in the museum's garden grew over the summer.",
        "The bank raised interest rates again.",
    ]);
    // A name that says whose donors is not the program's maker.
    let a = crate::analyze(
        "Maria Lenz was a painter. The town museum joined a Lenz donor program.",
        &crate::Options::default(),
    );
    let p = a.proposals.iter().find(|p| p.name.contains("program"));
    assert!(p.is_none_or(|p| p.stances.is_empty()), "{:?}", a.proposals);
    // Different objects are different proposals.
    let a = crate::analyze(
        "Chile backed the pipeline. Peru opposed the new stadium.",
        &crate::Options::default(),
    );
    assert_eq!(a.proposals.len(), 2, "{:?}", a.proposals);
}

/// "The measure" names the proposal just mentioned, as "the plan" does;
/// "the plan" names the proposal once called a plan, not a limit or a
/// lifting mentioned since.
#[test]
fn generic_references_prefer_their_own_word() {
    let text = "The city council approved a plan to close the old bridge to cars. \
        The measure, drafted by Mayor Rita Holm, starts in May. \
        Minister Jan Berg backed lifting the limit on river permits. \
        Councillor Eva Lind voted against the plan.";
    let a = crate::analyze(text, &crate::Options::default());
    let bridge = a
        .proposals
        .iter()
        .find(|p| p.name.contains("close the old bridge"))
        .unwrap_or_else(|| panic!("{:?}", a.proposals));
    let mentions: Vec<_> = bridge.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(mentions.contains(&"measure"), "{mentions:?}");
    assert_eq!(
        mentions.iter().filter(|m| **m == "plan").count(),
        1,
        "{mentions:?}"
    );
    assert_holds(
        text,
        "Eva Lind",
        "close the old bridge",
        StanceKind::Opposes,
    );
    assert_holds(
        text,
        "Rita Holm",
        "close the old bridge",
        StanceKind::Proposes,
    );
}

/// What someone says another should or must do by a verb of measures is
/// what the speaker proposes ("should not" opposes); a condition or a
/// reproach is not advice. A name set off from its verb by a relative
/// clause or an appositive holds the stance, not the last name inside the
/// commas; a name that opens the reported clause is not an inverted
/// speaker.
#[test]
fn recommendations_and_parenthetical_subjects() {
    // (text, holder, proposal name contains, stance)
    let cases = [
        (
            "Clara Osei, who leads the group Living Rivers, said the council should go further and ban new wells.",
            "Clara Osei",
            "ban new wells",
            StanceKind::Proposes,
        ),
        (
            "\"The city must cap rents,\" Mayor Jo Park said.",
            "Jo Park",
            "cap rents",
            StanceKind::Proposes,
        ),
        (
            "Ben Ode said Japan should not impose tariffs on rice.",
            "Ben Ode",
            "tariffs on rice",
            StanceKind::Opposes,
        ),
        (
            "Ana Ruiz, the head of the Dock Workers Union, said the new tax was unfair.",
            "Ana Ruiz",
            "new tax",
            StanceKind::Criticizes,
        ),
    ];
    assert_all_hold(&cases);
    assert_no_proposals(&[
        "If the council should ban wells, farmers would leave, Ben Ode said.",
        "Ben Ode said the council should have acted sooner.",
        "Drivers should check their tyres before long trips.",
    ]);
    // Not the union inside the appositive.
    let text = "Ana Ruiz, the head of the Dock Workers Union, said the new tax was unfair.";
    let a = crate::analyze(text, &crate::Options::default());
    let union = a.actors.iter().find(|x| x.name.contains("Union"));
    assert!(
        union.is_none_or(|u| a
            .proposals
            .iter()
            .all(|p| p.stances.iter().all(|s| s.actor != u.id))),
        "{:?}",
        a.proposals
    );
}

/// A judgement in quote marks is still said of the proposal; a stance verb
/// after a verb of weighing or "did not rule out" is undecided.
#[test]
fn quoted_judgements_and_weighed_courses() {
    let text = "The Health Board proposed a plan to close the maternity unit. \
        Union officer Mark Osei called the plan \"reckless\". \
        Ana Ruiz, a nurse, called the plan “a betrayal of patients”.";
    assert_all_hold(&[
        (
            text,
            "Mark Osei",
            "close the maternity unit",
            StanceKind::Criticizes,
        ),
        (
            text,
            "Ana Ruiz",
            "close the maternity unit",
            StanceKind::Criticizes,
        ),
        (
            "The Port Board is considering backing the merger plan.",
            "Port Board",
            "merger plan",
            StanceKind::Neutral,
        ),
        (
            "The Port Board did not rule out backing the merger plan.",
            "Port Board",
            "merger plan",
            StanceKind::Neutral,
        ),
        (
            "The Port Board backed the merger plan.",
            "Port Board",
            "merger plan",
            StanceKind::Supports,
        ),
    ]);
}

/// A phrase with a verb of measures and one with the noun of the same act
/// name one proposal ("closing the unit" … "the closure"); another act
/// stays apart.
#[test]
fn verb_and_noun_of_one_act_merge() {
    let a = crate::analyze(
        "The Health Board has proposed closing the maternity unit at Kellford. \
         The midwives' union voiced strong opposition to the closure. \
         Mayor Rosa Delgado backed the expansion of the bus depot.",
        &crate::Options::default(),
    );
    let names: Vec<Vec<&str>> = a
        .proposals
        .iter()
        .map(|p| p.mentions.iter().map(|m| m.text.as_str()).collect())
        .collect();
    assert!(
        names
            .iter()
            .any(|m| m.contains(&"closure") && m[0].starts_with("closing")),
        "{names:?}"
    );
    assert!(
        !names
            .iter()
            .any(|m| m.contains(&"closure") && m.iter().any(|x| x.contains("expansion"))),
        "{names:?}"
    );
}

/// "voted 19-12 to limit …": the tally does not hide the vote, a verb that
/// changes a measure names it whatever its object, a later "the cap" and
/// "the vote" name what was voted (not a referendum only called for), and
/// a hyphenated judgement ("short-sighted") is one cue.
#[test]
fn votes_to_act_and_what_names_them() {
    let text = "The port board of Kellford voted 7-2 on Friday to limit ferry calls to four a \
        week. The cap, put forward by harbour director Lena Voss, starts in May. \
        The Dockers' Union called the decision short-sighted. Councillor Omar Haddad \
        demanded a referendum on the plan. The Ferry Users Group welcomed the vote.";
    assert_all_hold(&[
        (text, "Lena Voss", "limit ferry calls", StanceKind::Proposes),
        (
            text,
            "Dockers' Union",
            "limit ferry calls",
            StanceKind::Criticizes,
        ),
        (text, "Omar Haddad", "referendum", StanceKind::Proposes),
        (
            text,
            "Ferry Users Group",
            "limit ferry calls",
            StanceKind::Supports,
        ),
        (
            "The county board voted 40 to 25 on Tuesday to restrict night flights at Brenholm.",
            "county board",
            "restrict night flights",
            StanceKind::Supports,
        ),
        (
            "The city proposed new fare rules on Monday. The Taxi Drivers Guild said \
             the rules were ill-conceived and short-sighted.",
            "Taxi Drivers Guild",
            "rules",
            StanceKind::Criticizes,
        ),
    ]);
    let a = crate::analyze(text, &crate::Options::default());
    let referendum = a.proposals.iter().find(|p| p.name.contains("referendum"));
    assert!(
        referendum.is_some_and(|p| p.stances.len() == 1),
        "{:?}",
        a.proposals
    );
}

/// Who holds a stance when the subject is set off or listed: a name before
/// a relative clause with a list in it, the names after "including", a
/// title's holder past the title's complement, names coordinated around a
/// plural possessive — and never the examples after "such as".
#[test]
fn holders_behind_relatives_lists_and_titles() {
    let fares = "The city unveiled a plan to raise bus fares.";
    assert_all_hold(&[
        (
            "The Road Haulage Federation (RHF), which represents Kestrel, Dovetail and the \
             depots, said the toll was unfair and called for a freight levy.",
            "Road Haulage Federation",
            "freight levy",
            StanceKind::Proposes,
        ),
        (
            &format!(
                "{fares} Several groups, including the Greenway Trust and the Riders Alliance, \
                 backed the plan."
            ),
            "Greenway Trust",
            "plan",
            StanceKind::Supports,
        ),
        (
            &format!(
                "{fares} Several groups, including the Greenway Trust and the Riders Alliance, \
                 backed the plan."
            ),
            "Riders Alliance",
            "plan",
            StanceKind::Supports,
        ),
        (
            &format!("{fares} The Commissioner for Transport, Adaeze Obiora, backed the plan."),
            "Adaeze Obiora",
            "plan",
            StanceKind::Supports,
        ),
        (
            &format!("{fares} The Drivers' Union and the Cyclists' Federation rejected it."),
            "Drivers' Union",
            "plan",
            StanceKind::Opposes,
        ),
        (
            "Economist Lena Hart said such tolls worked in cities such as Oslo and Lyon but \
             should be introduced gradually, with a cap for low-income drivers.",
            "Lena Hart",
            "cap",
            StanceKind::Proposes,
        ),
    ]);
    let a = crate::analyze(
        "Economist Lena Hart said such tolls worked in cities such as Oslo and Lyon but \
         should be introduced gradually, with a cap for low-income drivers.",
        &crate::Options::default(),
    );
    let places: Vec<&str> = a
        .actors
        .iter()
        .filter(|x| matches!(x.name.as_str(), "Oslo" | "Lyon"))
        .map(|x| x.id.as_str())
        .collect();
    assert!(
        a.proposals.iter().all(|p| p
            .stances
            .iter()
            .all(|s| !places.contains(&s.actor.as_str()))),
        "{:?}",
        a.proposals
    );
}

/// "proposed that the board delay …": a verb of demanding with a
/// subjunctive "that" clause proposes the clause; a finite clause
/// ("suggested that profits fell") is a report, not a proposal.
#[test]
fn demanded_that_clauses() {
    assert_all_hold(&[
        (
            "The Harbour Workers Union demanded that the operator rehire the dismissed crews.",
            "Harbour Workers Union",
            "rehire the dismissed crews",
            StanceKind::Proposes,
        ),
        (
            "Nadia Sorensen, who chairs the panel, proposed that the board delay the vote \
             until June.",
            "Nadia Sorensen",
            "delay the vote",
            StanceKind::Proposes,
        ),
    ]);
    assert_no_proposals(&[
        "Nadia Sorensen suggested that profits fell last year.",
        "Nadia Sorensen suggested that the firm was hiding losses.",
    ]);
}

/// "a plan by the agency Medlink to close …": the infinitive past the
/// author names the plan, and the author proposes it.
#[test]
fn plan_by_author_to_act() {
    let text = "Hundreds marched against a plan by the health agency Medlink to close the \
                ward at night. The union opposes the plan.";
    assert_all_hold(&[
        (text, "Medlink", "close the ward", StanceKind::Proposes),
        (text, "union", "close the ward", StanceKind::Opposes),
    ]);
}

/// A hyphenated compound stays inside the phrase ("an extra one-off
/// payment" is a payment, not "extra"), and a gerund opening a clause
/// ("Asking them to pay …") is no request.
#[test]
fn compounds_and_gerund_subjects() {
    assert_holds(
        "The Pensioners Party had demanded an extra one-off payment of 500 euros.",
        "Pensioners Party",
        "payment",
        StanceKind::Proposes,
    );
    assert_no_proposals(&["\"Asking them to share the cost is only fair,\" Mira Osei said."]);
}
