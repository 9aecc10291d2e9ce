//! The left edge of a proposal noun phrase: walk left from the head over
//! its premodifiers; a phrase never extends over a preposition,
//! conjunction, pronoun, auxiliary or cue verb, and -ed/-ing/-ly and plural
//! -s words are kept only when a determiner or possessive closes the phrase
//! ("an updated peace framework" but not "imposing restrictions").

use super::MAX_LEFT;
use crate::doc::Doc;
use crate::syntax::Class;
use crate::tokenize::TokenKind;

/// The first token of the phrase headed at `h` (determiners included), and
/// whether a determiner or possessive opens it.
pub(super) fn np_start(doc: &Doc, h: usize, s0: usize) -> (usize, bool) {
    let mut start = h;
    let mut pending: Option<usize> = None; // rightmost tentative token
    let mut has_det = false;
    let mut force_next = false;
    let mut j = h;
    while j > s0 && h - j < MAX_LEFT {
        let k = j - 1;
        let w = doc.lw(k);
        let tok = doc.tokens[k];
        match tok.kind {
            TokenKind::Possessive => {
                has_det = true;
                pending = None;
            }
            TokenKind::Punct => {
                let glued = !tok.space_before && !doc.tokens[k + 1].space_before && k > s0;
                // "100%", "$5bn", "€2 billion" belong to the phrase.
                let amount = (w == "%"
                    && !tok.space_before
                    && doc.kind(k.wrapping_sub(1)) == Some(TokenKind::Number))
                    || (matches!(w, "$" | "€" | "£") && doc.kind(k + 1) == Some(TokenKind::Number));
                if !(w == "-" && glued || amount) {
                    break;
                }
            }
            TokenKind::Number => {}
            TokenKind::Word
                if w == "per"
                    && doc.lw(k + 1) == "cent"
                    && k > s0
                    && doc.kind(k - 1) == Some(TokenKind::Number) => {}
            TokenKind::Word => {
                if doc.is(k, Class::Det) {
                    // "that" before a plural is a relative pronoun.
                    if !(w == "that" && doc.lw(h).ends_with('s')) && w != "which" {
                        start = k;
                        has_det = true;
                        pending = None;
                    }
                    break;
                }
                let in_mention = doc.mention_at(k).is_some();
                let force = std::mem::take(&mut force_next);
                // "a climate and tax bill": coordinated modifiers.
                let coordinated = matches!(w, "and" | "or")
                    && k > s0
                    && k + 1 < h
                    && (doc.is(k - 1, Class::Topic) || is_known_modifier(doc, k - 1))
                    && (doc.is(k + 1, Class::Topic) || is_known_modifier(doc, k + 1));
                let stop = !in_mention
                    && !coordinated
                    && !force
                    && (doc.is(k, Class::Prep)
                        || doc.lex.is_particle(w)
                        || doc.is(k, Class::Conj)
                        || doc.is(k, Class::Pron)
                        || doc.is(k, Class::Aux)
                        || doc.is(k, Class::Neg)
                        || doc.is(k, Class::CommonVerb)
                        || (doc.is(k, Class::Cue) && !doc.is(k, Class::Quantifier))
                        || (doc.is(k, Class::ProposalHead) && k + 1 != h));
                if stop {
                    break;
                }
                force_next = coordinated;
                if !in_mention && !doc.is_cap(k) && tentative(doc, k) && !is_known_modifier(doc, k)
                {
                    // Keep a possible verb only when a determiner closes the
                    // phrase within three plain modifiers ("the updated …",
                    // "a hastily drafted …", "a revised customs …").
                    if !closed_by_determiner(doc, k, s0)
                        || doc.lw(k - 1) == "that" && doc.lw(h).ends_with('s')
                    {
                        break;
                    }
                    pending.get_or_insert(k);
                }
            }
        }
        start = k;
        j = k;
    }
    if let Some(p) = pending {
        if !has_det {
            start = p + 1;
        }
    }
    // "to add new restrictions": the word after an infinitive "to" is a verb
    // (but not in "agree to ceasefire deal").
    if !has_det && start > s0 && start < h && doc.lw(start - 1) == "to" {
        let modifier = doc.mention_at(start).is_some()
            || doc.is_cap(start)
            || doc.is(start, Class::Topic)
            || doc.is(start, Class::Quantifier)
            || is_known_modifier(doc, start)
            || doc.is(start, Class::ProposalHead)
            || doc.kind(start) != Some(TokenKind::Word);
        if !modifier {
            start += 1;
        }
    }
    // Possessive at the very start ("’s plan" after a cut) is not a phrase start.
    while start < h && doc.kind(start) == Some(TokenKind::Possessive) {
        start += 1;
    }

    (start, has_det)
}

/// Words that may be a verb or a plural and so need a closing determiner.
fn tentative(doc: &Doc, k: usize) -> bool {
    let w = doc.lw(k);
    doc.is(k, Class::Participle)
        || (w.len() > 4 && w.ends_with("ly"))
        || (w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !doc.is(k, Class::Topic))
}

/// Is there a determiner or possessive within three modifier words left of `k`?
fn closed_by_determiner(doc: &Doc, k: usize, s0: usize) -> bool {
    let mut j = k;
    for _ in 0..3 {
        if j <= s0 {
            return false;
        }
        j -= 1;
        let w = doc.lw(j);
        if doc.is(j, Class::Det) && w != "which" || doc.kind(j) == Some(TokenKind::Possessive) {
            return true;
        }
        let plain = doc.kind(j) == Some(TokenKind::Word)
            && doc.mention_at(j).is_none()
            && !doc.is_cap(j)
            && !doc.is(j, Class::ActingBody)
            && (doc.is(j, Class::Adverb)
                || doc.is(j, Class::Topic)
                || doc.is(j, Class::Quantifier)
                || is_known_modifier(doc, j)
                || tentative(doc, j))
            && !(doc.is(j, Class::Prep)
                || doc.is(j, Class::Conj)
                || doc.is(j, Class::Pron)
                || doc.is(j, Class::Aux)
                || doc.is(j, Class::CommonVerb)
                || doc.is(j, Class::Cue));
        if !plain {
            return false;
        }
    }
    false
}

/// Participles used as adjectives before a noun ("the proposed ban").
pub(super) fn is_known_modifier(doc: &Doc, k: usize) -> bool {
    doc.is(k, Class::NewTag) || doc.is(k, Class::Topic) || doc.lex.is_listed_modifier(doc.lw(k))
}
