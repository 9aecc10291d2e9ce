//! The layered working document that pipeline components share.
//!
//! A [`Doc`] starts as the bare text. Each [component](crate::pipeline)
//! reads the layers written before it and fills its own; the layers, in
//! pipeline order, and the component that writes each:
//!
//! | layer | written by | what |
//! |---|---|---|
//! | [`ignored`](Doc::ignored) | `boilerplate` | ranges that are not story text |
//! | [`paragraphs`](Doc::paragraphs), [`sentences`](Doc::sentences) | `segment` | story segmentation |
//! | [`tokens`](Doc::tokens), [`sentence_tokens`](Doc::sentence_tokens), [`lower`](Doc::lower) | `tokenize` | words with byte offsets |
//! | [`syntax`](Doc::syntax) | `pos` | word classes, prepositional phrases |
//! | [`sentence_parses`](Doc::sentence_parses), [`parse`](Doc::parse) | `parse` | UD words with UPOS, head and relation (learned tagger and parser), per sentence on request ([`Doc::sentence_parse`]); all of them when the tokens are asked for |
//! | [`lex`](Doc::lex), [`kb`](Doc::kb), [`ner_model`](Doc::ner_model), [`syntax_models`](Doc::syntax_models) | the [`crate::Analyzer`] | word lists, knowledge base and models (read-only) |
//! | [`ents`](Doc::ents), [`titles`](Doc::titles) | `ner` | recognised names with a score; titles before names or standing alone |
//! | [`roles`](Doc::roles) | `roles` | role phrases ("the Russian president") and group phrases |
//! | [`actors`](Doc::actors) | `actors`, `coref`, then `link`, `facts`, `salience` | actor drafts |
//! | [`mentions`](Doc::mentions) | `mentions` | actor mention of each token |
//! | [`proposals`](Doc::proposals) | `proposals` | proposal drafts with stances |
//! | [`summary`](Doc::summary) | `summary` | the chosen sentences |
//!
//! Drafts refer to each other by index (an actor's index in
//! [`Doc::actors`] is its id inside the pipeline); string ids and the public
//! [`crate::Analysis`] are made once, at the end ([`crate::assemble`]).
//! Every offset is a byte offset into [`Doc::text`].

use crate::clause::speech::{QuoteDraft, Speech};
use crate::drafts::{ActorDraft, ProposalDraft};
use crate::kb::Kb;
use crate::lexicon::Lexicon;
use crate::mentions::MentionIndex;
use crate::model::{Ignored, Span, Summary};
use crate::ner::learned::LabelModel;
use crate::ner::{Ent, Title};
use crate::roles::RolePhrase;
use crate::syntax::parse::SentenceParse;
use crate::syntax::{Models, Parse, Syntax};
use crate::tokenize::{Token, TokenKind};
use crate::Options;

/// The text and every layer the components have filled so far.
#[derive(Debug)]
pub struct Doc<'a> {
    /// The analysed text.
    pub text: &'a str,
    /// The options of this analysis.
    pub options: &'a Options,
    /// The word lists (owned by the [`crate::Analyzer`]).
    pub lex: &'a Lexicon,
    /// The knowledge base (owned by the [`crate::Analyzer`]).
    pub kb: &'a Kb,
    /// The learned entity labeller (owned by the [`crate::Analyzer`]);
    /// `None` labels names by the rules alone.
    pub ner_model: Option<&'a LabelModel>,
    /// The learned tagger and parser (owned by the [`crate::Analyzer`]);
    /// `None` leaves [`Doc::parse`] empty.
    pub syntax_models: Option<&'a Models>,
    /// Boilerplate ranges (byte offsets).
    pub ignored: Vec<Ignored>,
    /// Paragraph spans (every non-empty block, boilerplate included).
    pub paragraphs: Vec<Span>,
    /// Story sentence spans (boilerplate excluded), in text order.
    pub sentences: Vec<Span>,
    /// Tokens of the story sentences, in text order.
    pub tokens: Vec<Token>,
    /// `sentence_tokens[i]` = range of `tokens` inside sentence `i`.
    pub sentence_tokens: Vec<std::ops::Range<usize>>,
    /// The text lower-cased by [`lower_text`]: same byte offsets as `text`,
    /// so `lower[t.range()]` is token `t` in lower case.
    pub lower: String,
    /// Word classes and phrase flags of the tokens.
    pub syntax: Syntax,
    /// UD words with their part of speech, head and relation (every
    /// sentence; filled only when the tokens are asked for).
    pub parse: Parse,
    /// Each sentence's parse, made on first request
    /// ([`Doc::sentence_parse`]); empty without syntax models.
    pub sentence_parses: Vec<std::cell::OnceCell<SentenceParse>>,
    /// Recognised names, in text order.
    pub ents: Vec<Ent>,
    /// Titles before names and standalone titles, in text order.
    pub titles: Vec<Title>,
    /// Role and group phrases, in text order.
    pub roles: Vec<RolePhrase>,
    /// Actor drafts, in order of first mention; the index is the actor's id.
    pub actors: Vec<ActorDraft>,
    /// Which actor mention covers each token.
    pub mentions: MentionIndex,
    /// Speech frames (speaker and what was said), in text order.
    pub speech: Vec<Speech>,
    /// Direct quotes, in text order.
    pub quotes: Vec<QuoteDraft>,
    /// Proposal drafts, in order of first mention.
    pub proposals: Vec<ProposalDraft>,
    /// The extractive summary.
    pub summary: Summary,
}

impl<'a> Doc<'a> {
    /// A document with no layers filled yet.
    pub fn new(text: &'a str, options: &'a Options, lex: &'a Lexicon, kb: &'a Kb) -> Self {
        Doc {
            text,
            options,
            lex,
            kb,
            ner_model: None,
            syntax_models: None,
            ignored: Vec::new(),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            tokens: Vec::new(),
            sentence_tokens: Vec::new(),
            lower: String::new(),
            syntax: Syntax::default(),
            parse: Parse::default(),
            sentence_parses: Vec::new(),
            ents: Vec::new(),
            titles: Vec::new(),
            roles: Vec::new(),
            actors: Vec::new(),
            mentions: MentionIndex::default(),
            speech: Vec::new(),
            quotes: Vec::new(),
            proposals: Vec::new(),
            summary: Summary::default(),
        }
    }

    /// The text of a byte span.
    pub fn slice(&self, span: Span) -> &'a str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// The text of token `i`.
    pub fn tok(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .map_or("", |t| self.text.get(t.range()).unwrap_or(""))
    }

    /// The tokens of sentence `s`.
    pub fn sentence_tokens(&self, s: usize) -> &[Token] {
        self.sentence_tokens
            .get(s)
            .map_or(&[], |r| &self.tokens[r.clone()])
    }

    /// Index of the sentence containing byte offset `pos`, if any (O(log n)).
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        (i < self.sentences.len() && self.sentences[i].start <= pos).then_some(i)
    }

    /// The learned syntax of sentence `s`, tagged and parsed on the first
    /// call (`None` without syntax models, when the `parse` component was
    /// skipped, or for a sentence that does not exist).
    pub fn sentence_parse(&self, s: usize) -> Option<&SentenceParse> {
        let models = self.syntax_models?;
        let cell = self.sentence_parses.get(s)?;
        Some(cell.get_or_init(|| crate::syntax::parse::parse_sentence(self, models, s)))
    }

    /// The learned syntax of the sentence holding token `t` (see
    /// [`Doc::sentence_parse`]).
    pub fn parse_of_token(&self, t: usize) -> Option<&SentenceParse> {
        self.tokens
            .get(t)
            .and_then(|x| self.sentence_parse(x.sentence_index()))
    }

    /// The learned part of speech of token `t` (its first word's).
    pub fn upos_at(&self, t: usize) -> Option<crate::syntax::Upos> {
        let sp = self.parse_of_token(t)?;
        sp.word_of_token(t).map(|w| sp.words[w].upos)
    }

    /// The learned relation of token `t` (its first word's) to its head.
    pub fn deprel_at(&self, t: usize) -> Option<crate::syntax::Deprel> {
        let sp = self.parse_of_token(t)?;
        sp.word_of_token(t).map(|w| sp.words[w].deprel)
    }

    /// Global token range of sentence `s`.
    pub fn sentence_range(&self, s: usize) -> std::ops::Range<usize> {
        self.sentence_tokens.get(s).cloned().unwrap_or(0..0)
    }

    /// First token of the sentence before the one holding token `s0` (or
    /// `s0` itself in the first sentence).
    pub fn previous_sentence_start(&self, s0: usize) -> usize {
        let s = self.tokens.get(s0).map_or(0, |t| t.sentence_index());
        match s.checked_sub(1) {
            Some(p) => self.sentence_range(p).start,
            None => s0,
        }
    }

    /// Lower-cased text of token `i` ("" when out of range).
    pub fn lw(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.lower.get(t.range()))
            .unwrap_or("")
    }

    /// True if token `i` is a word starting with a capital letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Word && self.tok(i).chars().next().is_some_and(char::is_uppercase)
        })
    }

    /// Is token `k` a hyphen written without spaces between two tokens
    /// ("one-off", "short-sighted")?
    pub fn hyphen_joins(&self, k: usize) -> bool {
        let glued = |j: usize| self.tokens.get(j).is_some_and(|t| !t.space_before);
        self.lw(k) == "-" && glued(k) && glued(k + 1)
    }

    /// Kind of token `i`.
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// Byte span of tokens `a..b` (global indices, `b` exclusive); `(0, 0)`
    /// when the range is empty or out of bounds.
    pub fn tokens_span(&self, a: usize, b: usize) -> (usize, usize) {
        let toks = &self.tokens;
        match (toks.get(a), b.checked_sub(1).and_then(|l| toks.get(l))) {
            (Some(x), Some(y)) if a < b => (x.start_byte(), y.end_byte()),
            _ => (0, 0),
        }
    }

    /// Text of tokens `a..b`, as written.
    pub fn tokens_text(&self, a: usize, b: usize) -> &'a str {
        let (s, e) = self.tokens_span(a, b);
        self.text.get(s..e).unwrap_or("")
    }
}

#[cfg(test)]
impl<'a> Doc<'a> {
    /// A segmented and tokenised document (no boilerplate detection), for
    /// the unit tests of later stages.
    pub(crate) fn segmented(text: &'a str) -> Doc<'a> {
        use crate::pipeline::Component;
        static OPTIONS: Options = Options {
            summary_sentences: 3,
            input: crate::InputFormat::Text,
            tokens: false,
        };
        let shared = crate::Analyzer::shared();
        let mut doc = Doc::new(text, &OPTIONS, shared.lexicon(), shared.kb());
        crate::segment::Segmenter.run(&mut doc);
        crate::tokenize::Tokenizer.run(&mut doc);
        crate::syntax::PosTagger.run(&mut doc);
        doc
    }
}

/// The case-preserving lower-casing used for token lookups: every
/// character is lower-cased only when that keeps its UTF-8 length, so byte
/// offsets into the original text stay valid. O(n).
pub fn lower_text(text: &str) -> String {
    // ASCII in one pass over the bytes, then only the non-ASCII characters
    // (found by their lead bytes) one by one.
    let mut out = text.as_bytes().to_ascii_lowercase();
    if !text.is_ascii() {
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if b < 0xC0 {
                continue; // ASCII or a continuation byte
            }
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                continue;
            };
            let mut l = c.to_lowercase();
            // Curly apostrophes stay as they are (same length check).
            if let (Some(lc), None) = (l.next(), l.next()) {
                let n = c.len_utf8();
                if lc != c && lc.len_utf8() == n {
                    if let Some(dst) = out.get_mut(i..i + n) {
                        lc.encode_utf8(dst);
                    }
                }
            }
        }
    }
    // Whole characters were replaced by characters of the same length, so
    // this is valid UTF-8; the fallback is never taken.
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition, character by character.
    fn reference(text: &str) -> String {
        text.chars()
            .map(|c| {
                let mut l = c.to_lowercase();
                match (l.next(), l.next()) {
                    (Some(lc), None) if lc.len_utf8() == c.len_utf8() => lc,
                    _ => c,
                }
            })
            .collect()
    }

    #[test]
    fn lower_text_keeps_byte_offsets() {
        let samples = [
            "Putin’s ÉCOLE in İSTANBUL: ẞ, ΣΟΦΊΑ, Київ, 東京 and 👍🏽 — OK?",
            "",
            "ALL ASCII 123",
        ];
        for s in samples {
            let l = lower_text(s);
            assert_eq!(l.len(), s.len());
            assert_eq!(l, reference(s), "{s}");
        }
        // Every character of the first planes, in one text.
        let all: String = (0..0x3_0000u32).filter_map(char::from_u32).collect();
        assert_eq!(lower_text(&all), reference(&all));
    }
}
