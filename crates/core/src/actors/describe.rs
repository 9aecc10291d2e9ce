//! Descriptions of people from the article: role words before a name
//! ("Kremlin insider Yuri Ushakov", shared over "and": "envoys Steve Witkoff
//! and Jared Kushner") and appositives ("Name, a senior Kremlin aide,").

use super::{is_role_noun, Mention};
use crate::doc::Doc;
use crate::drafts::ActorDraft;
use crate::model::{ActorKind, MentionForm, Span};
use crate::tokenize::TokenKind;

/// Adds each person's descriptions to its draft (`draft_of[i]` is mention
/// `i`'s draft).
pub(super) fn add_descriptions(
    doc: &Doc,
    mentions: &[Mention],
    draft_of: &[usize],
    drafts: &mut [ActorDraft],
) {
    for (mi, m) in mentions.iter().enumerate() {
        if m.form != MentionForm::Name || drafts[draft_of[mi]].kind != ActorKind::Person {
            continue;
        }
        if let Some(d) = description(doc, m.span, mentions, mi) {
            let p = draft_of[mi];
            if !drafts[p].descriptions.contains(&d) {
                drafts[p].descriptions.push(d);
            }
        }
    }
}

/// Description of the person named at `span`: premodifying role words
/// ("Kremlin insider"), shared over "and", or an appositive.
fn description(doc: &Doc, span: Span, mentions: &[Mention], mi: usize) -> Option<String> {
    let g = doc.tokens.partition_point(|t| t.start_byte() < span.start);
    let sent_start = doc
        .tokens
        .get(g)
        .and_then(|t| doc.sentence_tokens.get(t.sentence_index()))
        .map_or(0, |r| r.start);
    // Shared over "and": "envoys Steve Witkoff and Jared Kushner".
    if g > sent_start && doc.tok(g - 1) == "and" && mi > 0 {
        let prev = &mentions[mi - 1];
        let pg = doc
            .tokens
            .partition_point(|t| t.start_byte() < prev.span.start);
        if doc
            .tokens
            .get(g - 2)
            .is_some_and(|t| t.end_byte() == prev.span.end)
        {
            return premodifier(doc, pg, sent_start);
        }
    }
    if let Some(d) = premodifier(doc, g, sent_start) {
        return Some(d);
    }
    // Appositive: "Name, a senior Kremlin aide,".
    let end_g = doc.tokens.partition_point(|t| t.start_byte() < span.end);
    if doc.tok(end_g) == "," && matches!(doc.tok(end_g + 1), "a" | "an" | "the") {
        let mut k = end_g + 2;
        let limit = (end_g + 10).min(doc.tokens.len());
        let mut has_role = false;
        while k < limit && doc.tokens[k].kind != TokenKind::Punct {
            has_role |= is_role_noun(doc.lex, doc.tok(k));
            k += 1;
        }
        if has_role && k < limit && matches!(doc.tok(k), "," | ".") {
            let s = doc.tokens[end_g + 1].start_byte();
            let e = doc.tokens[k - 1].end_byte();
            return Some(doc.slice(Span::new(s, e)).to_owned());
        }
    }
    None
}

/// Role words just before token `g` ("Trump’s special envoys").
fn premodifier(doc: &Doc, g: usize, sent_start: usize) -> Option<String> {
    if g == 0 || g <= sent_start {
        return None;
    }
    let before = doc.tok(g - 1);
    if !is_role_noun(doc.lex, before) {
        return None;
    }
    let mut k = g - 1;
    let floor = sent_start.max(g.saturating_sub(6));
    while k > floor {
        let t = &doc.tokens[k - 1];
        let w = doc.tok(k - 1);
        let ok = match t.kind {
            TokenKind::Word => {
                let participle =
                    w.ends_with("ed") && w.chars().next().is_some_and(char::is_lowercase);
                !doc.lex.is_description_stop(w) && !participle
            }
            TokenKind::Possessive => true,
            TokenKind::Punct => w == "-" && !t.space_before,
            TokenKind::Number => false,
        };
        if !ok {
            break;
        }
        k -= 1;
    }
    // Do not start on a possessive, a hyphen or a number word ("Two").
    while k < g - 1
        && (doc.tokens[k].kind != TokenKind::Word
            || doc.lex.is_count_word(&doc.tok(k).to_lowercase()))
    {
        k += 1;
    }
    let s = doc.tokens[k].start_byte();
    let e = doc.tokens[g - 1].end_byte();
    Some(doc.slice(Span::new(s, e)).to_owned())
}
