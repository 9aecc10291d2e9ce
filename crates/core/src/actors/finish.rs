//! Finishing an actor draft once its mentions are complete.

use super::slug;
use crate::doc::Doc;
use crate::drafts::{ActorDraft, MentionDraft};
use crate::hash::FastSet as HashSet;
use crate::model::Span;

/// Finishes a draft: sorted non-overlapping mentions, a unique slug (not
/// in `used`), aliases and description.
pub(crate) fn finish(doc: &Doc, mut p: ActorDraft, used: &mut HashSet<String>) -> ActorDraft {
    p.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut mentions: Vec<MentionDraft> = Vec::with_capacity(p.mentions.len());
    let mut last_end = 0;
    for m in std::mem::take(&mut p.mentions) {
        if m.span.start < last_end && !mentions.is_empty() {
            continue;
        }
        last_end = m.span.end;
        mentions.push(m);
    }
    let mut aliases: Vec<String> = Vec::new();
    for t in &p.titles {
        // "President Zelenskyy": the title and the name as written.
        let i = mentions.partition_point(|m| m.span.start <= t.end);
        let Some(m) = mentions.get(i) else {
            continue;
        };
        let gap = doc.text.get(t.end..m.span.start).unwrap_or("x");
        if gap.is_empty() || !gap.chars().all(char::is_whitespace) || gap.len() > 2 {
            continue;
        }
        let full = doc.slice(Span::new(t.start, m.span.end)).to_owned();
        if full != p.name && !aliases.contains(&full) {
            aliases.push(full);
        }
    }
    for m in &mentions {
        let text = doc.slice(m.span);
        if text != p.name && !aliases.iter().any(|a| a == text) {
            aliases.push(text.to_owned());
        }
    }
    let mut desc: Vec<String> = Vec::new();
    for t in &p.titles {
        let t = doc.slice(*t).to_owned();
        // Honorifics say nothing about the person's role.
        if doc.lex.is_honorific(t.trim_end_matches('.')) {
            continue;
        }
        if let Some(x) = desc
            .iter_mut()
            .find(|x| x.contains(&t) || t.contains(x.as_str()))
        {
            // Keep the fuller title ("Emeritus Professor" over "Professor").
            if t.len() > x.len() {
                *x = t;
            }
        } else {
            desc.push(t);
        }
    }
    for d in std::mem::take(&mut p.descriptions) {
        if !desc
            .iter()
            .any(|x| x.contains(&d) || d.contains(x.as_str()))
        {
            desc.push(d);
        }
    }
    let base = slug(&p.name);
    let mut id = base.clone();
    let mut k = 2;
    while used.contains(&id) {
        id = format!("{base}-{k}");
        k += 1;
    }
    used.insert(id.clone());
    ActorDraft {
        slug: id,
        aliases,
        description: (!desc.is_empty()).then(|| desc.join("; ")),
        mentions,
        ..p
    }
}
