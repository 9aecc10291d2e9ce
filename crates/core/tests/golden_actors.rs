//! Golden test: actors of the reference article `www/samples/moscow-talks.txt`.

use gloss_core::{analyze, Actor, ActorKind, Analysis, MentionForm, Options};

fn analysis() -> Analysis {
    let text = include_str!("../../../www/samples/moscow-talks.txt");
    analyze(text, &Options::default())
}

/// The one actor with this name (panics with the actor list otherwise).
fn actor<'a>(a: &'a Analysis, name: &str) -> &'a Actor {
    let found: Vec<&Actor> = a.actors.iter().filter(|x| x.name == name).collect();
    assert_eq!(
        found.len(),
        1,
        "expected one actor named {name:?}; actors: {:?}",
        a.actors
            .iter()
            .map(|x| (&x.name, x.kind))
            .collect::<Vec<_>>()
    );
    found[0]
}

fn texts(a: &Actor) -> Vec<&str> {
    a.mentions.iter().map(|m| m.text.as_str()).collect()
}

#[test]
fn expected_actors_with_kinds() {
    let a = analysis();
    let want = [
        ("Vladimir Putin", ActorKind::Person),
        ("Steve Witkoff", ActorKind::Person),
        ("Jared Kushner", ActorKind::Person),
        ("Yuri Ushakov", ActorKind::Person),
        ("Zelenskyy", ActorKind::Person),
        ("Trump", ActorKind::Person),
        ("Kremlin", ActorKind::Organization),
        ("Russia", ActorKind::Place),
        ("Ukraine", ActorKind::Place),
        ("United States", ActorKind::Place),
        ("Moscow", ActorKind::Place),
        ("Europe", ActorKind::Place),
    ];
    for (name, kind) in want {
        assert_eq!(actor(&a, name).kind, kind, "{name}");
    }
}

#[test]
fn putin_is_merged() {
    let a = analysis();
    let p = actor(&a, "Vladimir Putin");
    let t = texts(p);
    assert!(t.contains(&"Vladimir Putin"));
    assert!(t.iter().filter(|&&x| x == "Putin").count() >= 4, "{t:?}");
    assert!(t.contains(&"The Russian president"), "{t:?}");
    // "Putin’s" is mentioned as "Putin".
    assert!(!t.iter().any(|x| x.contains('’')), "{t:?}");
    assert!(p.aliases.iter().any(|x| x == "Putin"));
    assert!(!a.actors.iter().any(|x| x.name == "Putin"));
    let role = p
        .mentions
        .iter()
        .find(|m| m.text == "The Russian president")
        .map(|m| m.form);
    assert_eq!(role, Some(MentionForm::Role));
}

#[test]
fn zelenskyy_and_ushakov_roles() {
    let a = analysis();
    let z = actor(&a, "Zelenskyy");
    assert!(
        texts(z).contains(&"The Ukrainian president"),
        "{:?}",
        texts(z)
    );
    assert!(z.aliases.iter().any(|x| x == "President Zelenskyy"));
    assert!(z
        .description
        .as_deref()
        .is_some_and(|d| d.contains("President")));
    let u = actor(&a, "Yuri Ushakov");
    assert!(texts(u).contains(&"The Kremlin official"), "{:?}", texts(u));
    assert!(u
        .description
        .as_deref()
        .is_some_and(|d| d.contains("Kremlin insider")));
}

#[test]
fn united_states_includes_america() {
    let a = analysis();
    let us = actor(&a, "United States");
    assert!(texts(us).contains(&"America"), "{:?}", texts(us));
    assert!(!a.actors.iter().any(|x| x.name == "America"));
}

#[test]
fn envoys_described() {
    let a = analysis();
    for name in ["Steve Witkoff", "Jared Kushner"] {
        let d = actor(&a, name).description.clone().unwrap_or_default();
        assert!(d.contains("special envoy"), "{name}: {d:?}");
    }
    assert!(texts(actor(&a, "Steve Witkoff")).contains(&"Witkoff"));
}

#[test]
fn groups() {
    let a = analysis();
    for name in [
        "Ukrainian officials",
        "European powers",
        "European governments",
    ] {
        assert_eq!(actor(&a, name).kind, ActorKind::Group, "{name}");
    }
}

#[test]
fn no_junk_and_nothing_from_boilerplate() {
    let a = analysis();
    let boiler_start = a.text.find("Picture credit").expect("credit line");
    for x in &a.actors {
        for m in &x.mentions {
            assert!(m.start < boiler_start, "{} in boilerplate", m.text);
        }
        for junk in [
            "High", "The", "Picture", "However", "Must", "Read", "Tuesday", "During", "This",
        ] {
            assert_ne!(x.name, junk);
        }
    }
}

/// The id an actor's name gives: lower-case letters and digits, every run of
/// other characters one hyphen.
fn slug(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.join("-")
}

#[test]
fn mentions_are_well_formed() {
    let a = analysis();
    let mut ids: Vec<&str> = a.actors.iter().map(|x| x.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), a.actors.len(), "ids unique");
    for x in &a.actors {
        assert!(x.id.starts_with(&slug(&x.name)), "{} / {}", x.id, x.name);
        let mut end = 0;
        for m in &x.mentions {
            assert_eq!(&a.text[m.start..m.end], m.text);
            assert!(
                m.start >= end,
                "{}: overlapping or unsorted mentions",
                x.name
            );
            end = m.end;
        }
    }
}
