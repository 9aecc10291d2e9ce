//! Merging and role resolution on sentences of our own. The recognised
//! names and titles are written by hand, so changing the recogniser does
//! not change these tests.

use super::*;
use crate::model::Actor;
use crate::ner::{score_of, Ent, Title};

/// A name in a test: its text, kind, and the score the recogniser gave it.
type Name<'a> = (&'a str, ActorKind);

/// Every occurrence of `needle` at word boundaries, as byte spans.
fn spans_of(text: &str, needle: &str) -> Vec<Span> {
    text.match_indices(needle)
        .filter(|(i, _)| {
            let before = text[..*i].chars().next_back();
            let after = text[i + needle.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .map(|(i, _)| Span::new(i, i + needle.len()))
        .collect()
}

/// Runs roles, actors and coref on `text` with these names (every
/// occurrence, longest names first) and these titles: `(title, Some(name))`
/// before every occurrence of that name, `(title, None)` standing alone.
fn actors(text: &str, names: &[Name], titles: &[(&str, Option<&str>)]) -> Vec<Actor> {
    let mut doc = Doc::segmented(text);
    let mut order: Vec<&Name> = names.iter().collect();
    order.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    let mut ents: Vec<Ent> = Vec::new();
    for &(name, kind) in order {
        for span in spans_of(text, name) {
            if ents
                .iter()
                .any(|e| e.span.start < span.end && span.start < e.span.end)
            {
                continue;
            }
            ents.push(Ent {
                span,
                label: kind,
                score: score_of(3),
            });
        }
    }
    ents.sort_by_key(|e| e.span.start);
    let mut found: Vec<Title> = Vec::new();
    for &(title, of) in titles {
        for span in spans_of(text, title) {
            let of = match of {
                Some(name) => ents
                    .iter()
                    .position(|e| doc.slice(e.span) == name && e.span.start == span.end + 1),
                None => None,
            };
            found.push(Title { span, of });
        }
    }
    found.sort_by_key(|t| t.span.start);
    doc.ents = ents;
    doc.titles = found;
    for c in [
        &crate::roles::Roles as &dyn Component,
        &ActorBuilder,
        &crate::coref::Coref,
    ] {
        c.run(&mut doc);
    }
    doc.actors
        .iter()
        .map(|a| crate::assemble::actor(&doc, a))
        .collect()
}

fn named<'a>(a: &'a [Actor], name: &str) -> Option<&'a Actor> {
    a.iter().find(|x| x.name == name)
}

fn texts(a: &[Actor], name: &str) -> Vec<String> {
    named(a, name).map_or_else(Vec::new, |x| {
        x.mentions.iter().map(|m| m.text.clone()).collect()
    })
}

#[test]
fn slugs() {
    for (name, want) in [
        ("Vladimir Putin", "vladimir-putin"),
        ("  ", "x"),
        ("U.S.", "u-s"),
        ("Zoë Ó Sé", "zoë-ó-sé"),
    ] {
        assert_eq!(slug(name), want, "{name}");
    }
}

#[test]
fn short_forms_merge() {
    use ActorKind::*;
    // (text, names, (actor, mention texts))
    type Case<'a> = (&'a str, &'a [Name<'a>], (&'a str, &'a [&'a str]));
    let cases: &[Case] = &[
        (
            "Maria Lopez spoke. Later Lopez’s aide and Lopez's driver left.",
            &[("Maria Lopez", Person), ("Lopez", Person)],
            ("Maria Lopez", &["Maria Lopez", "Lopez", "Lopez"]),
        ),
        (
            "The Northern Rail Union (NRU) struck. The NRU said pay was the issue.",
            &[("Northern Rail Union", Organization), ("NRU", Organization)],
            (
                "Northern Rail Union",
                &["Northern Rail Union", "NRU", "NRU"],
            ),
        ),
        (
            "Harbour Authority of Westport met. HAW officials later left.",
            &[
                ("Harbour Authority of Westport", Organization),
                ("HAW", Organization),
            ],
            (
                "Harbour Authority of Westport",
                &["Harbour Authority of Westport", "HAW"],
            ),
        ),
        (
            "America raised tariffs. The United States said so.",
            &[("America", Place), ("United States", Place)],
            ("United States", &["America", "United States"]),
        ),
        (
            "Brightwave Communications cut 300 jobs. Brightwave said demand fell.",
            &[
                ("Brightwave Communications", Organization),
                ("Brightwave", Organization),
            ],
            (
                "Brightwave Communications",
                &["Brightwave Communications", "Brightwave"],
            ),
        ),
        (
            "Renata Müller Siqueira welcomed it. Müller Siqueira left.",
            &[
                ("Renata Müller Siqueira", Person),
                ("Müller Siqueira", Person),
            ],
            (
                "Renata Müller Siqueira",
                &["Renata Müller Siqueira", "Müller Siqueira"],
            ),
        ),
    ];
    for (text, names, (actor, want)) in cases {
        let a = actors(text, names, &[]);
        assert_eq!(texts(&a, actor), *want, "{text}: {a:?}");
        for (n, _) in *names {
            assert!(
                n == actor || named(&a, n).is_none(),
                "{text}: {n} not merged"
            );
        }
    }
}

/// A place that a company is named after stays the place.
#[test]
fn a_place_does_not_merge_into_the_company_named_after_it() {
    use ActorKind::*;
    let text = "The Riverton Taxpayers Association objected. Riverton has 9,000 residents.";
    let a = actors(
        text,
        &[
            ("Riverton Taxpayers Association", Organization),
            ("Riverton", Place),
        ],
        &[],
    );
    assert_eq!(texts(&a, "Riverton"), ["Riverton"], "{a:?}");
}

#[test]
fn shared_given_names_do_not_merge() {
    use ActorKind::*;
    let a = actors(
        "Tom Berg and Tom Ryan met. Tom left first.",
        &[("Tom Berg", Person), ("Tom Ryan", Person), ("Tom", Person)],
        &[],
    );
    assert_eq!(texts(&a, "Tom Berg"), ["Tom Berg"]);
    assert_eq!(texts(&a, "Tom Ryan"), ["Tom Ryan"]);
    assert!(named(&a, "Tom").is_some(), "{a:?}");
}

#[test]
fn offices_resolve_to_their_holders() {
    use ActorKind::*;
    let text = "President Ana Ruiz met Chancellor Olaf Brandt. The president spoke. \
                The chancellor agreed, and the mayor of Bonn hosted them.";
    let a = actors(
        text,
        &[
            ("Ana Ruiz", Person),
            ("Olaf Brandt", Person),
            ("Bonn", Place),
        ],
        &[
            ("President", Some("Ana Ruiz")),
            ("Chancellor", Some("Olaf Brandt")),
        ],
    );
    assert!(
        texts(&a, "Ana Ruiz").contains(&"The president".to_owned()),
        "{a:?}"
    );
    assert!(
        texts(&a, "Olaf Brandt").contains(&"The chancellor".to_owned()),
        "{a:?}"
    );
    assert!(!a
        .iter()
        .any(|x| x.mentions.iter().any(|m| m.text.contains("mayor"))));
    let ruiz = named(&a, "Ana Ruiz").expect("Ana Ruiz");
    assert_eq!(ruiz.description.as_deref(), Some("President"));
    assert!(ruiz.aliases.contains(&"President Ana Ruiz".to_owned()));
}

#[test]
fn a_standalone_title_stands_for_its_holder_or_itself() {
    use ActorKind::*;
    // "The Prime Minister" right before the name it titles.
    let a = actors(
        "Malta's Prime Minister, Joe Vella, resigned.",
        &[("Malta", Place), ("Joe Vella", Person)],
        &[("Prime Minister", None)],
    );
    assert!(
        texts(&a, "Joe Vella").contains(&"Prime Minister".to_owned()),
        "{a:?}"
    );
    // Nobody to resolve to: the title is an actor of its own.
    let a = actors(
        "The Governor refused to comment.",
        &[],
        &[("Governor", None)],
    );
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].kind, Person);
}

#[test]
fn roles_and_groups() {
    use ActorKind::*;
    let text = "Russian officials met Ana Ruiz, a senior Spanish diplomat. \
                The Spanish diplomat said little.";
    let a = actors(text, &[("Ana Ruiz", Person)], &[]);
    let group = named(&a, "Russian officials").expect("group");
    assert_eq!(group.kind, Group);
    let ruiz = named(&a, "Ana Ruiz").expect("Ana Ruiz");
    assert_eq!(
        ruiz.description.as_deref(),
        Some("a senior Spanish diplomat")
    );
    assert!(
        texts(&a, "Ana Ruiz").contains(&"The Spanish diplomat".to_owned()),
        "{a:?}"
    );
}

#[test]
fn descriptions_from_premodifiers_shared_over_and() {
    use ActorKind::*;
    let a = actors(
        "The union named negotiators Ann Lee and Bo Park for the talks.",
        &[("Ann Lee", Person), ("Bo Park", Person)],
        &[],
    );
    for name in ["Ann Lee", "Bo Park"] {
        let d = named(&a, name).and_then(|x| x.description.clone());
        assert_eq!(d.as_deref(), Some("negotiators"), "{name}");
    }
}

#[test]
fn ids_are_unique_and_mentions_consistent() {
    use ActorKind::*;
    let text = "Smith met Smith-Jones. The Smith family. SMITH. Ukrainian officials left.";
    let a = actors(
        text,
        &[
            ("Smith", Person),
            ("Smith-Jones", Person),
            ("SMITH", Organization),
        ],
        &[],
    );
    let mut ids: Vec<&str> = a.iter().map(|x| x.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), a.len());
    for x in &a {
        let mut end = 0;
        for m in &x.mentions {
            assert_eq!(&text[m.start..m.end], m.text);
            assert!(m.start >= end);
            end = m.end;
        }
    }
}

/// Two people who share a surname: a bare "Sam" goes to the one named just
/// before it, and stays unresolved when both were.
#[test]
fn two_people_who_share_a_surname() {
    use ActorKind::Person;
    let text = "Thomas Sam spoke to the court on Monday. Sam said he had done nothing wrong. \
                His wife, Manju Sam, was questioned next. Sam cried as she spoke. \
                Thomas Sam and Manju Sam left together. Sam declined to comment.";
    let a = actors(
        text,
        &[
            ("Thomas Sam", Person),
            ("Manju Sam", Person),
            ("Sam", Person),
        ],
        &[],
    );
    let thomas = named(&a, "Thomas Sam").expect("Thomas Sam");
    let manju = named(&a, "Manju Sam").expect("Manju Sam");
    let count = |x: &Actor| x.mentions.iter().filter(|m| m.text == "Sam").count();
    assert_eq!(count(thomas), 1, "{:?}", thomas.mentions);
    assert_eq!(count(manju), 1, "{:?}", manju.mentions);
    // "Sam declined to comment" after both were named: left unresolved.
    let bare = named(&a, "Sam").expect("an unresolved Sam");
    assert_eq!(bare.mentions.len(), 1);
}

/// A surname alone merges with the full name it abbreviates, whatever the
/// recogniser guessed for it; a nickname is merged but never the name.
#[test]
fn surnames_and_nicknames() {
    use ActorKind::*;
    let text = "Chidi Okafor won the race. Okafor, dubbed \"Lagos Lightning\", thanked his coach. \
                Lagos Lightning will race again in May.";
    let a = actors(
        text,
        &[
            ("Chidi Okafor", Person),
            ("Okafor", Organization),
            ("Lagos Lightning", Person),
        ],
        &[],
    );
    let okafor = named(&a, "Chidi Okafor").expect("named by the first full-name mention");
    let texts: Vec<&str> = okafor.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(texts.contains(&"Okafor"), "{texts:?}");
    assert_eq!(
        texts.iter().filter(|t| **t == "Lagos Lightning").count(),
        2,
        "{texts:?}"
    );
    assert!(
        a.iter().all(|x| !x.name.contains("Lightning")),
        "{:?}",
        a.iter().map(|x| &x.name).collect::<Vec<_>>()
    );
}
