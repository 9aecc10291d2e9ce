//! Helpers shared by the unit tests of several stages.

use crate::doc::Doc;
use crate::drafts::{ActorDraft, MentionDraft};
use crate::model::{ActorKind, MentionForm, Span};
use crate::pipeline::Component;

/// Actor drafts from (name, kind) pairs: every occurrence of a name (at a
/// word boundary) becomes a mention, longest names first, no overlaps.
pub(crate) fn actors_for(text: &str, names: &[(&str, ActorKind)]) -> Vec<ActorDraft> {
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(names[i].0.len()));
    let mut actors: Vec<ActorDraft> = names.iter().map(|(n, k)| ActorDraft::bare(n, *k)).collect();
    for i in order {
        let name = names[i].0;
        for (start, _) in text.match_indices(name) {
            let end = start + name.len();
            let boundary = text[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if !boundary || taken.iter().any(|&(a, b)| start < b && a < end) {
                continue;
            }
            taken.push((start, end));
            actors[i].mentions.push(MentionDraft {
                span: Span::new(start, end),
                form: MentionForm::Name,
            });
        }
        actors[i].mentions.sort_by_key(|m| m.span.start);
    }
    actors
}

/// A segmented, tagged document with the actors of `names` indexed and
/// the speech layer filled: what the proposal, fact and clause stages read.
pub(crate) fn doc_with<'a>(text: &'a str, names: &[(&str, ActorKind)]) -> Doc<'a> {
    let mut doc = Doc::segmented(text);
    doc.actors = actors_for(text, names);
    crate::mentions::MentionIndexer.run(&mut doc);
    crate::clause::speech::SpeechFinder.run(&mut doc);
    doc
}
