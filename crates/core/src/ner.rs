//! Named-entity recognition: finds name mentions and labels them.
//!
//! Placeholder: runs of capitalised words not at a sentence start.

use crate::doc::Doc;
use crate::model::{ActorKind, MentionForm, Span};
use crate::tokenize::TokenKind;

/// A recognised mention before merging into actors.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityMention {
    /// Byte span of the name.
    pub span: Span,
    /// Its kind.
    pub kind: ActorKind,
    /// How it refers.
    pub form: MentionForm,
}

/// Finds entity mentions in the story sentences, in text order.
pub fn recognize(doc: &Doc) -> Vec<EntityMention> {
    let mut out = Vec::new();
    for s in 0..doc.sentences.len() {
        let toks = doc.sentence_tokens(s);
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            let w = &doc.text[t.start..t.end];
            let cap = t.kind == TokenKind::Word && w.chars().next().is_some_and(char::is_uppercase);
            if !cap {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < toks.len()
                && toks[j].kind == TokenKind::Word
                && doc.text[toks[j].start..toks[j].end]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            {
                j += 1;
            }
            let span = Span::new(t.start, toks[j - 1].end);
            let text = doc.slice(span);
            let kind = crate::kb::lookup(text).map_or(ActorKind::Person, |e| e.kind);
            if i > 0 || j - i > 1 || crate::kb::lookup(text).is_some() {
                out.push(EntityMention {
                    span,
                    kind,
                    form: MentionForm::Name,
                });
            }
            i = j;
        }
    }
    out
}
