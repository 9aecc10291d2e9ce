//! A per-document index shared by proposals, stances and facts: lower-cased
//! token text, actor mentions by token, and a "inside a prepositional
//! phrase" flag per token. Built once in O(n + m log m) for n tokens and m
//! mentions.

use std::ops::Range;

use crate::doc::Doc;
use crate::model::{Actor, ActorKind};
use crate::tokenize::TokenKind;

use super::lex;

/// No mention covers this token.
const NONE: u32 = u32::MAX;

/// One actor mention located on tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MentionRef {
    /// Index of the actor in the slice given to [`TextIndex::new`].
    pub actor: usize,
    /// First token (global index).
    pub first: usize,
    /// One past the last token (global index).
    pub last: usize,
}

/// Lower-cased tokens, mentions by token and phrase flags for a document.
pub struct TextIndex<'d, 'a> {
    /// The document.
    pub doc: &'d Doc<'a>,
    /// Mentions sorted by first token.
    pub mentions: Vec<MentionRef>,
    tok_mention: Vec<u32>,
    in_pp: Vec<bool>,
    kinds: Vec<ActorKind>,
}

impl<'d, 'a> TextIndex<'d, 'a> {
    /// Indexes `doc` and the mentions of `actors`.
    pub fn new(doc: &'d Doc<'a>, actors: &[Actor]) -> Self {
        let mut spans: Vec<(usize, usize, usize)> = actors
            .iter()
            .enumerate()
            .flat_map(|(ai, a)| a.mentions.iter().map(move |m| (m.start, m.end, ai)))
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
        let kinds = actors.iter().map(|a| a.kind).collect();
        let mut idx = TextIndex {
            doc,
            mentions,
            tok_mention,
            in_pp: vec![false; n],
            kinds,
        };
        idx.in_pp = idx.prepositional_phrases();
        idx
    }

    /// Marks tokens that follow a preposition up to the next clause break.
    fn prepositional_phrases(&self) -> Vec<bool> {
        let mut in_pp = vec![false; self.doc.tokens.len()];
        for s in 0..self.doc.sentences.len() {
            let r = self.sentence_range(s);
            let r0 = r.start;
            let mut pp = false;
            let mut prev_opens = false;
            for i in r {
                let t = self.doc.tokens[i];
                let w = self.lw(i);
                let mut opens = false;
                match t.kind {
                    TokenKind::Word => {
                        if lex::is_preposition(w) && !(w == "to" && self.next_is_verb_base(i)) {
                            in_pp[i] = false;
                            pp = true;
                            opens = true;
                        } else if self.is_cap(i) && i > r0 {
                            in_pp[i] = pp;
                        } else if lex::is_clause_word(w)
                            || lex::is_aux(w)
                            || (lex::is_verbish(w) && !(prev_opens && lex::is_participle(w)))
                        {
                            in_pp[i] = false;
                            pp = false;
                        } else {
                            in_pp[i] = pp;
                            opens = lex::is_determiner(w) && prev_opens;
                        }
                    }
                    TokenKind::Punct if w != "-" => {
                        in_pp[i] = false;
                        pp = false;
                    }
                    _ => in_pp[i] = pp,
                }
                prev_opens = opens;
            }
        }
        in_pp
    }

    fn next_is_verb_base(&self, i: usize) -> bool {
        let w = self.lw(i + 1);
        lex::is_common_verb(w) || lex::is_cue_word(w) && !w.ends_with("ed")
    }

    /// First token of the sentence before the one starting at token `s0`
    /// (or `s0` itself for the first sentence).
    pub fn previous_sentence_start(&self, s0: usize) -> usize {
        let s = self.doc.tokens.get(s0).map_or(0, |t| t.sentence_index());
        match s.checked_sub(1) {
            Some(p) => self.sentence_range(p).start,
            None => s0,
        }
    }

    /// Global token range of sentence `s`.
    pub fn sentence_range(&self, s: usize) -> Range<usize> {
        self.doc.sentence_tokens.get(s).cloned().unwrap_or(0..0)
    }

    /// Lower-cased text of token `i` ("" when out of range).
    pub fn lw(&self, i: usize) -> &str {
        self.doc
            .tokens
            .get(i)
            .and_then(|t| self.doc.lower.get(t.range()))
            .unwrap_or("")
    }

    /// Original text of token `i`.
    pub fn w(&self, i: usize) -> &'a str {
        self.doc.tok(i)
    }

    /// True if token `i` is a word starting with a capital letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Word && self.w(i).chars().next().is_some_and(char::is_uppercase)
        })
    }

    /// Kind of token `i`.
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.doc.tokens.get(i).map(|t| t.kind)
    }

    /// The mention covering token `i`, if any.
    pub fn mention_at(&self, i: usize) -> Option<&MentionRef> {
        let m = *self.tok_mention.get(i)?;
        (m != NONE).then(|| &self.mentions[m as usize])
    }

    /// True if token `i` is inside a prepositional phrase.
    pub fn in_pp(&self, i: usize) -> bool {
        self.in_pp.get(i).copied().unwrap_or(false)
    }

    /// Kind of actor `a`.
    pub fn actor_kind(&self, a: usize) -> Option<ActorKind> {
        self.kinds.get(a).copied()
    }

    /// The last actor of kind Person mentioned before token `i` (for "he",
    /// "she", "his", "her"); looks back over at most 64 mentions.
    pub fn last_person_before(&self, i: usize) -> Option<usize> {
        let end = self.mentions.partition_point(|m| m.first < i);
        self.mentions[..end]
            .iter()
            .rev()
            .take(64)
            .find(|m| self.kinds.get(m.actor) == Some(&ActorKind::Person))
            .map(|m| m.actor)
    }

    /// The last actor of one of `kinds` mentioned before token `i` and at
    /// or after token `min` (for "it", "they"); looks back over at most 64
    /// mentions.
    pub fn last_actor_before(&self, i: usize, min: usize, kinds: &[ActorKind]) -> Option<usize> {
        let end = self.mentions.partition_point(|m| m.first < i);
        self.mentions[..end]
            .iter()
            .rev()
            .take(64)
            .take_while(|m| m.first >= min)
            .find(|m| self.kinds.get(m.actor).is_some_and(|k| kinds.contains(k)))
            .map(|m| m.actor)
    }

    /// Byte span of tokens `a..b` (global indices, `b` exclusive).
    pub fn byte_span(&self, a: usize, b: usize) -> (usize, usize) {
        let toks = &self.doc.tokens;
        match (toks.get(a), b.checked_sub(1).and_then(|l| toks.get(l))) {
            (Some(x), Some(y)) if a < b => (x.start_byte(), y.end_byte()),
            _ => (0, 0),
        }
    }

    /// Text of tokens `a..b`, as written.
    pub fn text(&self, a: usize, b: usize) -> &'a str {
        let (s, e) = self.byte_span(a, b);
        self.doc.text.get(s..e).unwrap_or("")
    }
}

/// Is token `w` (lower case) a hard clause boundary for stance attribution?
pub fn is_hard_boundary(w: &str) -> bool {
    matches!(
        w,
        ";" | ":" | "but" | "however" | "whereas" | "although" | "though" | "yet" | "—" | "–"
    )
}
