//! Table-driven tests of the clause interface, on sentences of our own.

use super::*;
use crate::model::ActorKind;
use crate::test_util::doc_with;

fn tok_of(doc: &Doc, word: &str) -> usize {
    (0..doc.tokens.len())
        .find(|&i| doc.tok(i) == word)
        .unwrap_or_else(|| panic!("no token {word:?}"))
}

#[test]
fn verb_groups() {
    // (sentence, verb, negated, modality, passive, first word of the group)
    let cases: &[(&str, &str, bool, Modality, bool, &str)] = &[
        (
            "The council rejected the plan.",
            "rejected",
            false,
            Modality::Plain,
            false,
            "rejected",
        ),
        (
            "The council did not support the plan.",
            "support",
            true,
            Modality::Plain,
            false,
            "did",
        ),
        (
            "The council may back the plan.",
            "back",
            false,
            Modality::Hedge,
            false,
            "may",
        ),
        (
            "The plan was rejected by the council.",
            "rejected",
            false,
            Modality::Plain,
            true,
            "was",
        ),
        (
            "The law has been struck down.",
            "struck",
            false,
            Modality::Plain,
            true,
            "has",
        ),
        (
            "The mayor refused to sign the bill.",
            "sign",
            true,
            Modality::Plain,
            false,
            "refused",
        ),
        (
            "The union vowed to block the reform.",
            "block",
            false,
            Modality::Plain,
            false,
            "vowed",
        ),
        (
            "She said they would never accept the deal.",
            "accept",
            true,
            Modality::Future,
            false,
            "would",
        ),
        (
            "The bill should be passed quickly.",
            "passed",
            false,
            Modality::Obligation,
            true,
            "should",
        ),
        (
            "The senator is going to oppose the measure.",
            "oppose",
            false,
            Modality::Future,
            false,
            "is",
        ),
    ];
    for &(text, verb, negated, modality, passive, first) in cases {
        let doc = doc_with(text, &[]);
        let v = tok_of(&doc, verb);
        let g = doc.verb_group(v);
        assert_eq!(g.negated, negated, "{text}: negated");
        assert_eq!(g.modality, modality, "{text}: modality");
        assert_eq!(g.passive, passive, "{text}: passive");
        assert_eq!(doc.tok(g.first), first, "{text}: first");
    }
}

#[test]
fn subjects_agents_and_objects() {
    use ActorKind::*;
    let names = &[
        ("Maria Lopez", Person),
        ("Green Party", Organization),
        ("Canada", Place),
        ("Norway", Place),
    ];
    // (sentence, verb, subject, agents, object)
    type Case<'a> = (
        &'a str,
        &'a str,
        Option<&'a str>,
        &'a [&'a str],
        Option<&'a str>,
    );
    let cases: &[Case] = &[
        (
            "Maria Lopez rejected the new parking fees.",
            "rejected",
            Some("maria-lopez"),
            &[],
            Some("the new parking fees"),
        ),
        (
            "The tax was opposed by Canada and Norway.",
            "opposed",
            None,
            &["canada", "norway"],
            None,
        ),
        (
            "Canada called for the release of the two journalists.",
            "for",
            Some("canada"),
            &[],
            None,
        ),
        (
            "The Green Party backs building a second bridge over the river.",
            "backs",
            Some("green-party"),
            &[],
            Some("building a second bridge over the river"),
        ),
        (
            "Norway asked Canada to drop the tariffs on fish.",
            "asked",
            Some("norway"),
            &[],
            None,
        ),
        (
            "In Canada, Maria Lopez opposed the merger.",
            "opposed",
            Some("maria-lopez"),
            &[],
            Some("the merger"),
        ),
        (
            "Maria Lopez met the Green Party. She opposed the merger.",
            "opposed",
            Some("maria-lopez"),
            &[],
            Some("the merger"),
        ),
    ];
    for &(text, verb, subject, agents, object) in cases {
        let doc = doc_with(text, names);
        let v = tok_of(&doc, verb);
        let g = doc.verb_group(v);
        let got = doc
            .subject_of(&g, &|_| false)
            .map(|a| doc.actors[a].slug.clone());
        if !g.passive {
            assert_eq!(got.as_deref(), subject, "{text}: subject");
        }
        let got: Vec<String> = doc
            .agents_after_participle(g.verb)
            .iter()
            .map(|&a| doc.actors[a].slug.clone())
            .collect();
        assert_eq!(got, agents, "{text}: agents");
        if let Some(want) = object {
            let o = doc.object_after(v + 1).expect("an object");
            assert_eq!(doc.tokens_text(o.start, o.end), want, "{text}: object");
        }
    }
    let doc = doc_with("Norway asked Canada not to turn away the boats.", names);
    let k = tok_of(&doc, "not");
    let o = doc.object_after(k).expect("an infinitive");
    assert_eq!(
        doc.tokens_text(o.start, o.end),
        "not to turn away the boats"
    );
    let doc = doc_with("Norway said that the tariffs were unfair.", names);
    assert!(doc.object_after(tok_of(&doc, "that")).is_none());
}

#[test]
fn clause_ends() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "She opposed the plan, which the council backs.",
            "opposed",
            "opposed the plan",
        ),
        (
            "She opposed the plan but backed the budget.",
            "opposed",
            "opposed the plan",
        ),
        ("The plan is unfair, the mayor said.", "is", "is unfair"),
        (
            "She opposed the plan; he did not.",
            "opposed",
            "opposed the plan",
        ),
        (
            "She opposed the plan to close two schools in the north.",
            "opposed",
            "opposed the plan to close two schools in the north",
        ),
    ];
    for &(text, from, want) in cases {
        let doc = doc_with(text, &[]);
        let k = tok_of(&doc, from);
        let s1 = doc.sentence_end_of(k);
        let e = doc.clause_end(k, s1);
        assert_eq!(doc.tokens_text(k, e), want, "{text}");
    }
}

#[test]
fn speech_frames_and_quotes() {
    use ActorKind::*;
    let names = &[
        ("Jane Roe", Person),
        ("Tom Hill", Person),
        ("Hill", Person),
        ("Ana Diaz", Person),
        ("Ministry of Transport", Organization),
    ];
    // (text, sentence, speaker, content)
    let cases: &[(&str, usize, &str, &str)] = &[
        (
            "Mayor Jane Roe said on Monday that the city would scrap the parking plan.",
            0,
            "jane-roe",
            "the city would scrap the parking plan",
        ),
        (
            "The tax is unfair, said Tom Hill.",
            0,
            "tom-hill",
            "The tax is unfair",
        ),
        (
            "The tax is unfair, Tom Hill said on Friday.",
            0,
            "tom-hill",
            "The tax is unfair",
        ),
        (
            "According to the Ministry of Transport, the ban will start in May.",
            0,
            "ministry-of-transport",
            "the ban will start in May",
        ),
        (
            "The ban will start in May, according to the Ministry of Transport.",
            0,
            "ministry-of-transport",
            "The ban will start in May",
        ),
        (
            "Ana Diaz told reporters that the bill was a mistake.",
            0,
            "ana-diaz",
            "the bill was a mistake",
        ),
        (
            "Jane Roe spoke first. “It is a bad plan. It will hurt shops,” she said.",
            1,
            "jane-roe",
            "It is a bad plan",
        ),
        (
            "Jane Roe spoke first. “It is a bad plan. It will hurt shops,” she said.",
            2,
            "jane-roe",
            "It will hurt shops",
        ),
        (
            "Hill criticised the plan. “It will never work for the town,” he added.",
            1,
            "hill",
            "It will never work for the town",
        ),
        (
            "Tom Hill criticised the plan. \"It will never work for the town.\"",
            1,
            "tom-hill",
            "It will never work for the town",
        ),
        // The person named after a role, not the body the role belongs to.
        (
            "“The fare rise is a mistake,” said its president, Ana Diaz.",
            0,
            "ana-diaz",
            "The fare rise is a mistake",
        ),
        (
            "“The fare rise is a mistake,” said the Ministry of Transport's spokeswoman, Ana Diaz.",
            0,
            "ana-diaz",
            "The fare rise is a mistake",
        ),
    ];
    for &(text, s, speaker, content) in cases {
        let doc = doc_with(text, names);
        let frames = doc.speech_in(s);
        let got: Vec<(String, &str)> = frames
            .iter()
            .map(|f| {
                (
                    doc.actors[f.speaker].slug.clone(),
                    doc.tokens_text(f.content.start, f.content.end),
                )
            })
            .collect();
        assert!(
            got.iter()
                .any(|(a, c)| a == speaker && c.trim_end_matches(['.', ',', '”', '"']) == content),
            "{text} (sentence {s}): want {speaker}: {content:?}, got {got:?}"
        );
    }
    let doc = doc_with(
        "Jane Roe spoke first. “It is a bad plan. It will hurt shops,” she said. A “strong rationale” was missing.",
        names,
    );
    let quotes: Vec<(Option<String>, &str)> = doc
        .quotes
        .iter()
        .map(|q| {
            (
                q.speaker.map(|a| doc.actors[a].slug.clone()),
                doc.slice(q.span),
            )
        })
        .collect();
    assert_eq!(
        quotes,
        vec![(
            Some("jane-roe".to_owned()),
            "It is a bad plan. It will hurt shops"
        )]
    );
}
