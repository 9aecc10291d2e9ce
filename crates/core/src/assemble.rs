//! Turns the finished [`Doc`] into the public [`Analysis`], once.
//!
//! Drafts become [`Actor`]s and [`Proposal`]s: mention and evidence texts
//! are cut from the document, facts get their sentence's span, stances
//! name their actor by its public id, and actors are ordered by salience
//! ([`crate::salience::order`]).

use crate::doc::Doc;
use crate::drafts::{ActorDraft, MentionDraft, ProposalDraft};
use crate::model::{
    Actor, ActorKind, Analysis, Evidence, Fact, FlatMention, Mention, MentionForm, OffsetUnit,
    Proposal, Quote, SourceFormat, Stance, SyntaxToken, SCHEMA_VERSION,
};

/// The analysis of `doc`; `text` and `source` are left for the caller.
pub fn analysis(doc: Doc<'_>) -> Analysis {
    let absorbed = absorbed_by_proposals(&doc);
    let actors: Vec<Actor> = crate::salience::order(&doc.actors)
        .into_iter()
        .filter(|&i| !absorbed[i])
        .map(|i| actor(&doc, &doc.actors[i]))
        .collect();
    let proposals: Vec<Proposal> = doc
        .proposals
        .iter()
        .map(|p| proposal(&doc, &doc.actors, &absorbed, p))
        .collect();
    let mentions = flat_mentions(&actors);
    let tokens = if doc.options.tokens {
        syntax_tokens(&doc)
    } else {
        Vec::new()
    };
    let quotes = quotes(&doc);
    let digest = crate::digest::digest(&proposals, &actors, &doc.sentences);
    Analysis {
        schema: SCHEMA_VERSION,
        offsets: OffsetUnit::Byte,
        source: SourceFormat::Text,
        text: String::new(),
        ignored: doc.ignored,
        paragraphs: doc.paragraphs,
        sentences: doc.sentences,
        actors,
        proposals,
        summary: doc.summary,
        quotes,
        digest,
        mentions,
        tokens,
    }
}

/// The `parse` layer as public data.
fn syntax_tokens(doc: &Doc) -> Vec<SyntaxToken> {
    doc.parse
        .words
        .iter()
        .map(|w| SyntaxToken {
            start: w.start as usize,
            end: w.end as usize,
            upos: w.upos.as_str().to_owned(),
            head: w.head.map(|h| h as usize),
            deprel: w.deprel.as_str().to_owned(),
        })
        .collect()
}

/// Direct quotes with a known speaker, in text order.
fn quotes(doc: &Doc) -> Vec<Quote> {
    doc.quotes
        .iter()
        .filter_map(|q| {
            let speaker = doc.actors.get(q.speaker?)?;
            Some(Quote {
                speaker: speaker.slug.clone(),
                start: q.span.start,
                end: q.span.end,
                text: doc.slice(q.span).to_owned(),
            })
        })
        .collect()
}

fn mention(doc: &Doc, m: &MentionDraft) -> Mention {
    Mention {
        start: m.span.start,
        end: m.span.end,
        text: doc.slice(m.span).to_owned(),
        form: m.form,
    }
}

/// The public form of one actor draft.
pub(crate) fn actor(doc: &Doc, a: &ActorDraft) -> Actor {
    Actor {
        id: a.slug.clone(),
        name: a.name.clone(),
        kind: a.kind,
        aliases: a.aliases.clone(),
        description: a.description.clone(),
        salience: a.salience,
        mentions: a.mentions.iter().map(|m| mention(doc, m)).collect(),
        facts: a
            .facts
            .iter()
            .filter_map(|f| {
                let span = *doc.sentences.get(f.sentence)?;
                Some(Fact {
                    sentence: f.sentence,
                    start: span.start,
                    end: span.end,
                    text: f.text.clone(),
                })
            })
            .collect(),
        background: a.background.clone(),
    }
}

/// For each actor draft: is it a name of kind other whose every mention
/// lies inside a proposal's mention ("the Rail Reform Bill")? Such a name
/// is the proposal, shown once, as the proposal.
fn absorbed_by_proposals(doc: &Doc) -> Vec<bool> {
    let spans: Vec<(usize, usize)> = doc
        .proposals
        .iter()
        .flat_map(|p| p.mentions.iter().map(|m| (m.span.start, m.span.end)))
        .collect();
    let inside = |m: &MentionDraft| {
        spans
            .iter()
            .any(|&(a, b)| a <= m.span.start && m.span.end <= b)
    };
    doc.actors
        .iter()
        .map(|a| {
            a.kind == ActorKind::Other && !a.mentions.is_empty() && a.mentions.iter().all(inside)
        })
        .collect()
}

/// The public form of one proposal draft; stances of `absorbed` actors are
/// left out.
pub(crate) fn proposal(
    doc: &Doc,
    actors: &[ActorDraft],
    absorbed: &[bool],
    p: &ProposalDraft,
) -> Proposal {
    Proposal {
        id: p.slug.clone(),
        name: p.name.clone(),
        description: p.description.clone(),
        mentions: p.mentions.iter().map(|m| mention(doc, m)).collect(),
        stances: p
            .stances
            .iter()
            .filter(|s| !absorbed.get(s.actor).copied().unwrap_or(false))
            .filter_map(|s| {
                let span = *doc.sentences.get(s.sentence)?;
                Some(Stance {
                    actor: actors.get(s.actor)?.slug.clone(),
                    stance: s.stance,
                    evidence: Evidence {
                        start: span.start,
                        end: span.end,
                        text: doc.slice(span).to_owned(),
                    },
                    hedged: s.hedged,
                })
            })
            .collect(),
    }
}

/// Every proper-noun-headed actor mention in text order (the NER view:
/// "The Russian president" or "Ukrainian officials", headed by a common
/// noun, are left out, and so is a group described by a common noun even
/// when it opens a sentence: "Unions oppose …"), labelled by the actor's
/// kind.
fn flat_mentions(actors: &[Actor]) -> Vec<FlatMention> {
    let proper = |m: &&Mention| {
        m.text
            .split_whitespace()
            .last()
            // "al-Assad": a capital after a glued particle counts.
            .is_some_and(|w| {
                w.chars().next().is_some_and(|c| !c.is_lowercase())
                    || w.chars().any(char::is_uppercase)
            })
    };
    let mut out: Vec<FlatMention> = actors
        .iter()
        .flat_map(|a| {
            let described = a.kind == ActorKind::Group;
            a.mentions
                .iter()
                .filter(proper)
                .filter(move |m| !(described && m.form == MentionForm::Role))
                .map(move |m| FlatMention {
                    start: m.start,
                    end: m.end,
                    text: m.text.clone(),
                    label: a.kind.label(),
                    actor: a.id.clone(),
                })
        })
        .collect();
    out.sort_by_key(|m| (m.start, m.end));
    out
}
