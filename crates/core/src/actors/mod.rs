//! Merging recognised names into actors (the `actors` component).
//!
//! * Name mentions are grouped by text, then merged ([`merge`]): a
//!   knowledge-base alias ("America" = "United States"), a person's surname
//!   or given name ("Putin" → "Vladimir Putin"), an acronym defined in
//!   brackets or made of a longer name's initials ("USI" → "University of
//!   Southern Indiana").
//! * Each merged group becomes one draft of the kind with the most evidence
//!   ([`kinds`]); standalone titles ("The President") become drafts of their
//!   own, which the `coref` component resolves to the person they name.
//! * Descriptions come from premodifiers ("Kremlin insider Yuri Ushakov",
//!   shared over "and") and appositives ([`describe`]); titles are kept for
//!   the final description ([`finish`], run by `coref`).
//!
//! Complexity: O(n) in tokens and mentions; merging uses hash maps keyed by
//! text, token or initials (no pairwise comparison of mentions).

pub(crate) mod describe;
pub(crate) mod finish;
mod kinds;
mod merge;

use crate::doc::Doc;
use crate::drafts::ActorDraft;
use crate::kb::{Entry, Kb};
use crate::lexicon::Lexicon;
use crate::model::{ActorKind, MentionForm, Span};
use crate::ner::TITLE_SCORE;
use crate::pipeline::Component;

/// A URL-safe id from a name ("Vladimir Putin" → "vladimir-putin").
pub fn slug(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
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

/// Lower-case nouns naming a person's role ("president", "envoy"), in any
/// case and singular or plural.
pub(crate) fn is_role_noun(lx: &Lexicon, w: &str) -> bool {
    let lower;
    let w = if w.starts_with(char::is_uppercase) {
        lower = w.to_lowercase();
        lower.as_str()
    } else {
        w
    };
    let w = w.strip_suffix('s').filter(|s| s.len() > 3).unwrap_or(w);
    lx.is_person_role(w)
}

/// A nationality or place adjective: "Russian", "European", "Kremlin".
pub(crate) fn affiliation<'k>(kb: &'k Kb, word: &str) -> Option<&'k Entry> {
    kb.demonym(word).or_else(|| kb.lookup(word))
}

/// A name or standalone title as the merge sees it, in text order.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mention {
    pub span: Span,
    pub kind: ActorKind,
    pub form: MentionForm,
    /// The title written before the name, if any.
    pub title: Option<Span>,
    pub score: f32,
}

/// The names ([`Doc::ents`]) and standalone titles ([`Doc::titles`]) of the
/// document as one list in text order: a standalone title refers to a
/// person, a group name is a demonym mention.
pub(crate) fn mentions(doc: &Doc) -> Vec<Mention> {
    let mut out: Vec<Mention> = doc
        .ents
        .iter()
        .map(|e| Mention {
            span: e.span,
            kind: e.label,
            form: if e.label == ActorKind::Group {
                MentionForm::Demonym
            } else {
                MentionForm::Name
            },
            title: None,
            score: e.score,
        })
        .collect();
    for t in &doc.titles {
        match t.of {
            Some(i) => {
                if let Some(m) = out.get_mut(i) {
                    m.title = Some(t.span);
                }
            }
            None => out.push(Mention {
                span: t.span,
                kind: ActorKind::Person,
                form: MentionForm::Role,
                title: None,
                score: TITLE_SCORE,
            }),
        }
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

/// Fills [`Doc::actors`] with one draft per merged name (reads tokens,
/// [`Doc::ents`] and [`Doc::titles`]); `coref` completes them.
pub struct ActorBuilder;

impl Component for ActorBuilder {
    fn name(&self) -> &'static str {
        "actors"
    }

    fn run(&self, doc: &mut Doc<'_>) {
        doc.actors = build(doc, &mentions(doc));
    }
}

/// Drafts from recognised mentions, in order of their first mention:
/// merged names, kinds, titles and descriptions; mentions not yet sorted.
pub(crate) fn build(doc: &Doc, mentions: &[Mention]) -> Vec<ActorDraft> {
    let mut names = merge::merge(doc, mentions);
    let (mut drafts, draft_of) = kinds::drafts(doc, mentions, &mut names);
    describe::add_descriptions(doc, mentions, &draft_of, &mut drafts);
    drafts
}

#[cfg(test)]
mod tests;
