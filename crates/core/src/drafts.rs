//! The pipeline's working records for actors and proposals.
//!
//! Drafts are what components build and refine; [`crate::assemble`] turns
//! them into the public [`crate::Actor`] and [`crate::Proposal`] once, at
//! the end. Inside the pipeline an actor is named by its index in
//! [`crate::doc::Doc::actors`] (stable: the list is never re-sorted after
//! the `actors` component), spans are byte offsets, and texts are taken
//! from the document when the result is assembled.

use crate::model::{ActorKind, Background, MentionForm, Span, StanceKind};

/// Index of an actor draft in [`crate::doc::Doc::actors`].
pub type ActorId = usize;

/// One mention of an actor or a proposal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MentionDraft {
    /// Byte span in the text.
    pub span: Span,
    /// How it refers.
    pub form: MentionForm,
}

/// A clause an actor is the subject of, in one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactDraft {
    /// Index of the sentence.
    pub sentence: usize,
    /// The clause ("expressed harsh criticism of multiple key proposals").
    pub text: String,
}

/// An actor under construction.
///
/// `actors` fills the name, kind, raw mentions (unsorted, possibly
/// overlapping), titles, descriptions and knowledge-base id; `coref` adds
/// role mentions and finishes the draft ([`crate::actors::finish`]): sorted
/// mentions, aliases, description and slug.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorDraft {
    /// The public id: a slug of the name, unique within the document (set
    /// when the draft is finished).
    pub slug: String,
    /// Fullest name in the text.
    pub name: String,
    /// What kind of entity.
    pub kind: ActorKind,
    /// Other surface forms.
    pub aliases: Vec<String>,
    /// Titles, roles and appositives from the article.
    pub description: Option<String>,
    /// Mentions in text order, not overlapping.
    pub mentions: Vec<MentionDraft>,
    /// Clauses it is the subject of, in text order (`facts`).
    pub facts: Vec<FactDraft>,
    /// Linked knowledge-base background (`link`).
    pub background: Option<Background>,
    /// Importance in `0.0..=1.0` (`salience`).
    pub salience: f32,
    /// Title spans written before its names ("President").
    pub titles: Vec<Span>,
    /// Descriptions from premodifiers and appositives.
    pub descriptions: Vec<String>,
    /// The knowledge-base entry its name is, if any (for role resolution;
    /// linking is `link`'s job).
    pub kb_id: Option<String>,
}

impl ActorDraft {
    /// A draft named `name` with nothing else yet.
    pub fn new(name: &str, kind: ActorKind) -> ActorDraft {
        ActorDraft {
            slug: String::new(),
            name: name.to_owned(),
            kind,
            aliases: Vec::new(),
            description: None,
            mentions: Vec::new(),
            facts: Vec::new(),
            background: None,
            salience: 0.0,
            titles: Vec::new(),
            descriptions: Vec::new(),
            kb_id: None,
        }
    }

    /// Start of the first mention (`usize::MAX` without mentions).
    pub fn first_start(&self) -> usize {
        self.mentions.first().map_or(usize::MAX, |m| m.span.start)
    }
}

/// One actor's position on a proposal, shown in one sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StanceDraft {
    /// The actor.
    pub actor: ActorId,
    /// The position.
    pub stance: StanceKind,
    /// Index of the evidence sentence.
    pub sentence: usize,
    /// Said under "may", "might", "could".
    pub hedged: bool,
}

/// A proposal under construction.
#[derive(Clone, Debug, PartialEq)]
pub struct ProposalDraft {
    /// The public id ("p-" and a slug of the name), unique within the document.
    pub slug: String,
    /// Its fullest name in the text.
    pub name: String,
    /// What it is, from the article.
    pub description: Option<String>,
    /// Mentions in text order.
    pub mentions: Vec<MentionDraft>,
    /// Stances in text order of their evidence.
    pub stances: Vec<StanceDraft>,
}

#[cfg(test)]
impl ActorDraft {
    /// An actor named `name` (slug as id) with no mentions, for the unit
    /// tests of the stages that take actors.
    pub(crate) fn bare(name: &str, kind: ActorKind) -> ActorDraft {
        ActorDraft {
            slug: crate::actors::slug(name),
            ..ActorDraft::new(name, kind)
        }
    }
}
