//! Merging and role resolution on sentences of our own (recogniser included).

use super::*;
use crate::model::Actor;

fn actors(text: &str) -> Vec<Actor> {
    let mut doc = Doc::segmented(text);
    for c in [
        &crate::ner::Recognizer as &dyn Component,
        &crate::roles::Roles,
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

#[test]
fn slugs() {
    assert_eq!(slug("Vladimir Putin"), "vladimir-putin");
    assert_eq!(slug("  "), "x");
    assert_eq!(slug("U.S."), "u-s");
}

#[test]
fn surnames_merge() {
    let a = actors("Vladimir Putin spoke. Later Putin’s aide and Putin's envoy left.");
    let putin: Vec<&Actor> = a.iter().filter(|a| a.name == "Vladimir Putin").collect();
    assert_eq!(putin.len(), 1);
    assert_eq!(putin[0].mentions.len(), 3);
    assert!(putin[0].mentions.iter().all(|m| m.text != "Putin’s"));
    assert_eq!(putin[0].kind, ActorKind::Person);
    assert!(!a.iter().any(|x| x.name == "Putin"));
}

#[test]
fn acronyms_merge() {
    let a = actors("The University of Southern Indiana (USI) grew. USI hired staff.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].mentions.len(), 3);
    assert_eq!(a[0].kind, ActorKind::Organization);
}

#[test]
fn bare_offices_resolve_by_title() {
    let a = actors(
        "President Joe Biden met Chancellor Olaf Scholz. The president spoke. \
         The chancellor agreed, and the mayor of Berlin hosted them.",
    );
    let texts = |name: &str| -> Vec<String> {
        a.iter()
            .find(|x| x.name == name)
            .map(|x| x.mentions.iter().map(|m| m.text.clone()).collect())
            .unwrap_or_default()
    };
    assert!(texts("Joe Biden").contains(&"The president".to_owned()));
    assert!(texts("Olaf Scholz").contains(&"The chancellor".to_owned()));
    assert!(!a
        .iter()
        .any(|x| x.mentions.iter().any(|m| m.text.contains("mayor"))));
}

#[test]
fn groups_and_ids() {
    let a = actors("Ukrainian officials met Mary Smith. Mary Smith and John Smith left.");
    assert!(a
        .iter()
        .any(|x| x.name == "Ukrainian officials" && x.kind == ActorKind::Group));
    let mut ids: Vec<&str> = a.iter().map(|x| x.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), a.len());
}

#[test]
fn mentions_are_consistent() {
    let text = "Smith met Smith-Jones. The Smith family. SMITH.";
    for a in actors(text) {
        let mut end = 0;
        for m in &a.mentions {
            assert_eq!(&text[m.start..m.end], m.text);
            assert!(m.start >= end);
            end = m.end;
        }
    }
}
