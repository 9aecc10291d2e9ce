//! Merging mentions into actors: short forms, aliases, role phrases;
//! names, ids and descriptions.
//!
//! Placeholder: groups mentions by exact text.

use crate::doc::Doc;
use crate::model::{Actor, Mention};
use crate::ner::EntityMention;

/// A URL-safe id from a name ("Vladimir Putin" → "vladimir-putin").
pub fn slug(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() {
            s.extend(c.to_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    while s.ends_with('-') {
        s.pop();
    }
    if s.is_empty() {
        s.push('x');
    }
    s
}

/// Builds actors from recognised mentions.
pub fn build(doc: &Doc, mentions: Vec<EntityMention>) -> Vec<Actor> {
    let mut actors: Vec<Actor> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for m in mentions {
        let text = doc.slice(m.span).to_owned();
        let i = *index.entry(text.clone()).or_insert_with(|| {
            actors.push(Actor {
                id: slug(&text),
                name: text.clone(),
                kind: m.kind,
                aliases: Vec::new(),
                description: None,
                salience: 0.0,
                mentions: Vec::new(),
                facts: Vec::new(),
                background: None,
            });
            actors.len() - 1
        });
        actors[i].mentions.push(Mention {
            start: m.span.start,
            end: m.span.end,
            text,
            form: m.form,
        });
    }
    actors
}
