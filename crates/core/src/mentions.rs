//! The mention layer: which actor mention covers each token, and the
//! queries later stages ask of it (the mention at a token, the last person
//! named before a token). Built once by the `mentions` component in
//! O(n + m log m) for n tokens and m mentions.

use crate::doc::Doc;
use crate::drafts::ActorId;
use crate::model::ActorKind;
use crate::pipeline::Component;

/// No mention covers this token.
const NONE: u32 = u32::MAX;

/// One actor mention located on tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MentionRef {
    /// The actor.
    pub actor: ActorId,
    /// First token (global index).
    pub first: usize,
    /// One past the last token (global index).
    pub last: usize,
}

/// Actor mentions by token.
#[derive(Debug, Default)]
pub struct MentionIndex {
    /// Mentions sorted by first token.
    pub mentions: Vec<MentionRef>,
    tok_mention: Vec<u32>,
    kinds: Vec<ActorKind>,
}

/// Builds [`Doc::mentions`] from the actor drafts.
pub struct MentionIndexer;

impl Component for MentionIndexer {
    fn name(&self) -> &'static str {
        "mentions"
    }

    fn run(&self, doc: &mut Doc<'_>) {
        doc.mentions = MentionIndex::new(doc);
    }
}

impl MentionIndex {
    /// Indexes the mentions of `doc`'s actor drafts.
    pub fn new(doc: &Doc) -> Self {
        let mut spans: Vec<(usize, usize, usize)> = doc
            .actors
            .iter()
            .enumerate()
            .flat_map(|(ai, a)| {
                a.mentions
                    .iter()
                    .map(move |m| (m.span.start, m.span.end, ai))
            })
            .collect();
        spans.sort_unstable();
        let n = doc.tokens.len();
        let mut tok_mention = vec![NONE; n];
        let mut mentions = Vec::with_capacity(spans.len());
        // Two-pointer walk: tokens and mention spans are both in text order.
        let mut t = 0;
        for (start, end, actor) in spans {
            while t < n && doc.tokens[t].end_byte() <= start {
                t += 1;
            }
            let first = t;
            let mut last = t;
            while last < n && doc.tokens[last].start_byte() < end {
                last += 1;
            }
            if last == first || doc.tokens[first].start_byte() < start {
                continue;
            }
            if tok_mention[first..last].iter().any(|&x| x != NONE) {
                continue;
            }
            let id = mentions.len() as u32;
            tok_mention[first..last].iter_mut().for_each(|x| *x = id);
            mentions.push(MentionRef { actor, first, last });
        }
        MentionIndex {
            mentions,
            tok_mention,
            kinds: doc.actors.iter().map(|a| a.kind).collect(),
        }
    }
}

impl Doc<'_> {
    /// The mention covering token `i`, if any.
    pub fn mention_at(&self, i: usize) -> Option<&MentionRef> {
        let ix = &self.mentions;
        let m = *ix.tok_mention.get(i)?;
        (m != NONE).then(|| &ix.mentions[m as usize])
    }

    /// The last actor of kind Person mentioned before token `i` (for "he",
    /// "she", "his", "her"); looks back over at most 64 mentions.
    pub fn last_person_before(&self, i: usize) -> Option<ActorId> {
        let ix = &self.mentions;
        let end = ix.mentions.partition_point(|m| m.first < i);
        ix.mentions[..end]
            .iter()
            .rev()
            .take(64)
            .find(|m| ix.kinds.get(m.actor) == Some(&ActorKind::Person))
            .map(|m| m.actor)
    }

    /// The last actor of one of `kinds` mentioned before token `i` and at
    /// or after token `min` (for "it", "they"); looks back over at most 64
    /// mentions.
    pub fn last_actor_before(&self, i: usize, min: usize, kinds: &[ActorKind]) -> Option<ActorId> {
        let ix = &self.mentions;
        let end = ix.mentions.partition_point(|m| m.first < i);
        ix.mentions[..end]
            .iter()
            .rev()
            .take(64)
            .take_while(|m| m.first >= min)
            .find(|m| ix.kinds.get(m.actor).is_some_and(|k| kinds.contains(k)))
            .map(|m| m.actor)
    }
}
