//! Reviewed snapshots of whole analyses: the reference article and the HTML
//! fixture pages, each reduced to what a reader sees (actors with their
//! mentions, descriptions, facts and background; proposals with their
//! stances; the summary; the boilerplate set aside). A change in behaviour
//! shows as a diff to review: `cargo insta review`, or rerun with
//! `INSTA_UPDATE=always` and read the `.snap` diff before committing.

use gloss_core::{analyze, Analysis, Options};
use serde_json::{json, Value};

/// The reader's view of an analysis, in the analysis's order.
fn view(a: &Analysis) -> Value {
    let name_of = |id: &str| a.actor(id).map_or(id.to_owned(), |x| x.name.clone());
    let actors: Vec<Value> = a
        .actors
        .iter()
        .map(|x| {
            json!({
                "name": x.name,
                "kind": x.kind,
                "mentions": x.mentions.iter().map(|m| m.text.as_str()).collect::<Vec<_>>(),
                "aliases": x.aliases,
                "description": x.description,
                "background": x.background.as_ref().map(|b| b.id.as_str()),
                "facts": x.facts.iter().map(|f| f.text.as_str()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let proposals: Vec<Value> = a
        .proposals
        .iter()
        .map(|p| {
            json!({
                "name": p.name,
                "description": p.description,
                "mentions": p.mentions.iter().map(|m| m.text.as_str()).collect::<Vec<_>>(),
                "stances": p.stances.iter().map(|s| json!({
                    "actor": name_of(&s.actor),
                    "stance": s.stance,
                    "evidence": s.evidence.text,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let ignored: Vec<&str> = a.ignored.iter().map(|i| &a.text[i.start..i.end]).collect();
    json!({
        "actors": actors,
        "proposals": proposals,
        "summary": a.summary.text,
        "ignored": ignored,
    })
}

#[test]
fn reference_article() {
    let text = include_str!("../../../www/samples/moscow-talks.txt");
    insta::assert_json_snapshot!("moscow-talks", view(&analyze(text, &Options::default())));
}

#[test]
fn html_fixture_pages() {
    for (name, html) in [
        ("news-page", include_str!("data/html/news-page.html")),
        ("modern-page", include_str!("data/html/modern-page.html")),
        ("old-layout", include_str!("data/html/old-layout.html")),
    ] {
        insta::assert_json_snapshot!(name, view(&analyze(html, &Options::default())));
    }
}
