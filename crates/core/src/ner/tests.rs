//! Recognition on sentences of our own.

use super::*;

fn names(text: &str) -> Vec<(String, ActorKind)> {
    let doc = Doc::segmented(text);
    recognize(&doc)
        .into_iter()
        .map(|m| (doc.slice(m.span).to_owned(), m.kind))
        .collect()
}

/// Asserts that each text yields exactly these names and kinds, in order.
fn check(cases: &[(&str, &[(&str, ActorKind)])]) {
    for (text, want) in cases {
        let got = names(text);
        let want: Vec<(String, ActorKind)> =
            want.iter().map(|(t, k)| ((*t).to_owned(), *k)).collect();
        assert_eq!(got, want, "{text}");
    }
}

fn texts(text: &str) -> Vec<String> {
    names(text).into_iter().map(|(t, _)| t).collect()
}

#[test]
fn table() {
    use ActorKind::*;
    let cases: &[(&str, &[(&str, ActorKind)])] = &[
        (
            "The book was written by J. R. R. Tolkien in Oxford.",
            &[("J. R. R. Tolkien", Person), ("Oxford", Place)],
        ),
        (
            "Officials in the U.S. said the deal was off.",
            &[("U.S.", Place)],
        ),
        (
            "Reporters asked Mr. Smith about the plan. Smith declined.",
            &[("Smith", Person), ("Smith", Person)],
        ),
        (
            "The report was praised by Jean-Claude Juncker on Monday.",
            &[("Jean-Claude Juncker", Person)],
        ),
        (
            "However, the talks failed. Despite this, Russia’s envoy stayed.",
            &[("Russia", Place)],
        ),
        (
            "He met Putin's aide and then Putin’s envoy.",
            &[("Putin", Person), ("Putin", Person)],
        ),
        (
            "The University of Michigan hired staff from the Labour Party.",
            &[
                ("University of Michigan", Organization),
                ("Labour Party", Organization),
            ],
        ),
        (
            "Many Muslims and Americans travelled there.",
            &[("Muslims", Group), ("Americans", Group)],
        ),
        // Partners' names joined by an ampersand are a firm; an office
        // named for a title, and a forum of commuters, are organisations.
        (
            "Lawyers at Keane & Lowry filed the suit.",
            &[("Keane & Lowry", Organization)],
        ),
        (
            "The State Prosecutor's Office appealed.",
            &[("State Prosecutor's Office", Organization)],
        ),
        (
            "The Taxi Drivers' Forum met in Leeds.",
            &[("Taxi Drivers' Forum", Organization), ("Leeds", Place)],
        ),
    ];
    check(cases);
}

#[test]
fn tricky_text() {
    use ActorKind::*;
    let cases: &[(&str, &[(&str, ActorKind)])] = &[
        // Straight and curly possessives.
        (
            "Angela Merkel's visit and Merkel’s speech.",
            &[("Angela Merkel", Person), ("Merkel", Person)],
        ),
        // Sentence-initial common words are not names.
        (
            "Officials said little. Yesterday the talks ended. Earlier, nothing happened.",
            &[],
        ),
        // A sentence-initial name known from the body is kept.
        (
            "The plan came from Jeff Rathke. Rathke was clear.",
            &[("Jeff Rathke", Person), ("Rathke", Person)],
        ),
        // Weekdays and months are not names; "May" before a number neither.
        (
            "Talks resume on Monday, May 18, in Geneva.",
            &[("Geneva", Place)],
        ),
        // Titles before organisations are not titles.
        (
            "She studied at Duke University.",
            &[("Duke University", Organization)],
        ),
        // Nationality adjectives are not names.
        ("Russian officials met Indonesian fishermen.", &[]),
        // Acronyms.
        (
            "The deal was signed at NATO headquarters.",
            &[("NATO", Organization)],
        ),
        // Datelines and party-state tags.
        (
            "WASHINGTON (Reuters) — Chuck Schumer spoke.",
            &[
                ("WASHINGTON", Place),
                ("Reuters", Organization),
                ("Chuck Schumer", Person),
            ],
        ),
        (
            "Sen. Elizabeth Warren (D-Mass.) spoke.",
            &[("Elizabeth Warren", Person)],
        ),
        // "and" inside a name before its head.
        (
            "It went to the National Air and Space Museum yesterday.",
            &[("National Air and Space Museum", Place)],
        ),
    ];
    check(cases);
}

#[test]
fn headlines_need_confirmation() {
    let t = "PUTIN REJECTS NEW PLAN IN TALKS\n\nVladimir Putin met envoys. Putin said no.";
    let got = texts(t);
    assert_eq!(got.first().map(String::as_str), Some("PUTIN"));
    assert!(!got.iter().any(|w| w == "REJECTS" || w == "NEW PLAN"));
    let t = "Envoys Meet Putin In Moscow Talks\n\nThe envoys met Vladimir Putin in Moscow.";
    let got = texts(t);
    assert!(got.contains(&"Putin".to_owned()));
    assert!(!got
        .iter()
        .any(|w| w.contains("Envoys") || w.contains("Talks")));
}

#[test]
fn titles_are_stripped() {
    let doc = Doc::segmented("Talks with President Zelenskyy and Prime Minister Keir Starmer.");
    let got = recognize(&doc);
    let first = &got[0];
    assert_eq!(doc.slice(first.span), "Zelenskyy");
    assert_eq!(first.title.map(|t| doc.slice(t)), Some("President"));
    assert_eq!(doc.slice(got[1].span), "Keir Starmer");
    assert_eq!(got[1].title.map(|t| doc.slice(t)), Some("Prime Minister"));
}

#[test]
fn title_phrases() {
    let doc =
        Doc::segmented("Senate Majority Leader Chuck Schumer met NASA Administrator Bill Nelson.");
    let got: Vec<(&str, Option<&str>)> = recognize(&doc)
        .iter()
        .map(|m| (doc.slice(m.span), m.title.map(|t| doc.slice(t))))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Chuck Schumer", Some("Senate Majority Leader")),
            ("NASA", None),
            ("Bill Nelson", Some("Administrator")),
        ]
    );
}

#[test]
fn hyphenated_pairs_split() {
    let got = texts("Trump met Putin. A Trump-Putin summit is planned.");
    assert_eq!(got, vec!["Trump", "Putin", "Trump", "Putin"]);
}

#[test]
fn never_panics_on_odd_input() {
    for t in [
        "",
        " ",
        "A",
        "-",
        "Mr.",
        "Mr. .",
        "of the",
        "X-",
        "É-Ü",
        "THE. THE. THE.",
        "“The”",
    ] {
        let _ = names(t);
    }
}

#[test]
fn names_with_particles_are_people() {
    use ActorKind::*;
    // Four words, but two of them particles: a personal name's shape, not
    // an organisation's (the rules' default for long unknown names).
    check(&[(
        "Lawyers for Ana de la Fuente and Joost van den Broek appealed on Tuesday.",
        &[
            ("Ana de la Fuente", Person),
            ("Joost van den Broek", Person),
        ],
    )]);
}

#[test]
fn parliamentary_titles_are_no_organisations() {
    use ActorKind::*;
    // "MP" and "MEP" are titles before a name, not acronyms of bodies.
    let a = crate::analyze(
        "On Friday the Labour MP Tom Hart and the Green MEP Ann Berg met farmers in Wexley.",
        &crate::Options::default(),
    );
    let got: Vec<(&str, ActorKind)> = a.actors.iter().map(|x| (x.name.as_str(), x.kind)).collect();
    assert_eq!(
        got,
        [
            ("Tom Hart", Person),
            ("Ann Berg", Person),
            ("Wexley", Place)
        ]
    );
    let hart = &a.actors[0];
    assert!(
        hart.description
            .as_deref()
            .is_some_and(|d| d.contains("MP")),
        "{hart:?}"
    );
}
