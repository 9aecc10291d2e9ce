//! The `parse` component: tags and parses every story sentence with the
//! [`Models`] the `Analyzer` owns, on the UD word split of the
//! tokens ([`UdWords`]), and fills `Doc::parse`.
//!
//! Linear in the text: the tagger and the greedy parser make a bounded
//! number of weight lookups per word (about 2n parser moves a sentence).

use std::ops::Range;

use super::labels::{Deprel, Upos};
use super::parser::{Attachment, Scratch as ParseScratch};
use super::tagger::Scratch as TagScratch;
use super::ud_words::UdWords;
use super::Models;
use crate::doc::Doc;
use crate::pipeline::Component;

/// One UD word of the text with its syntax.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParsedWord {
    /// Start byte in `Doc::text`.
    pub start: u32,
    /// End byte (exclusive).
    pub end: u32,
    /// The token (`Doc::tokens` index) the word is part of.
    pub token: u32,
    /// Its part of speech.
    pub upos: Upos,
    /// Its head word ([`Parse::words`] index), `None` for a sentence root.
    pub head: Option<u32>,
    /// Its relation to the head.
    pub deprel: Deprel,
}

impl ParsedWord {
    /// Its byte range in the text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The syntax layer of the learned models: every UD word of the story
/// sentences, in text order. Empty when the analyzer has no models or the
/// `parse` component was skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parse {
    /// The words; heads point inside the same sentence.
    pub words: Vec<ParsedWord>,
    /// `first_word[t]` = index of the first word of token `t` (empty when
    /// not parsed).
    pub first_word: Vec<u32>,
}

impl Parse {
    /// The first word of token `t` (it stands for the token), if parsed.
    pub fn token_word(&self, t: usize) -> Option<&ParsedWord> {
        self.first_word
            .get(t)
            .and_then(|&w| self.words.get(w as usize))
    }

    /// The part of speech of token `t` (that of its first word).
    pub fn upos(&self, t: usize) -> Option<Upos> {
        self.token_word(t).map(|w| w.upos)
    }

    /// The relation of token `t` to its head (that of its first word).
    pub fn deprel(&self, t: usize) -> Option<Deprel> {
        self.token_word(t).map(|w| w.deprel)
    }

    /// The token that token `t`'s first word hangs on, `None` for a root
    /// (or when not parsed). A head inside the same token ("gonna") is
    /// followed out of it.
    pub fn head_token(&self, t: usize) -> Option<usize> {
        let mut w = *self.first_word.get(t)? as usize;
        for _ in 0..self.words.len() {
            let h = self.words.get(w)?.head? as usize;
            let ht = self.words.get(h)?.token as usize;
            if ht != t {
                return Some(ht);
            }
            w = h;
        }
        None
    }
}

/// The `parse` component (after `pos`): fills `Doc::parse` when the
/// document carries syntax models and the caller asks for the tokens
/// ([`crate::Options::tokens`]). No later stage reads the parse yet, and
/// tagging and parsing take 83–89 % of an analysis (0.87 MB/s with them
/// on gum-train, 6.0 MB/s without), so until one does it runs on demand.
pub struct Parser;

impl Component for Parser {
    fn name(&self) -> &'static str {
        "parse"
    }

    fn run(&self, doc: &mut Doc<'_>) {
        if !doc.options.tokens {
            return;
        }
        if let Some(models) = doc.syntax_models {
            doc.parse = parse_doc(doc, models);
        }
    }
}

/// Tags and parses every sentence of `doc`.
fn parse_doc(doc: &Doc<'_>, models: &Models) -> Parse {
    let mut out = Parse {
        words: Vec::with_capacity(doc.tokens.len() + doc.tokens.len() / 16),
        first_word: Vec::with_capacity(doc.tokens.len()),
    };
    let mut tag_scratch = TagScratch::default();
    let mut parse_scratch = ParseScratch::default();
    let mut tags: Vec<Upos> = Vec::new();
    let mut arcs: Vec<Attachment> = Vec::new();
    let mut toks: Vec<&str> = Vec::new();
    let mut next_token = 0usize;
    for range in &doc.sentence_tokens {
        // Tokens outside every sentence (none today) get no word.
        while next_token < range.start {
            out.first_word.push(out.words.len() as u32);
            next_token += 1;
        }
        toks.clear();
        toks.extend(range.clone().map(|t| doc.tok(t)));
        let ud = UdWords::split(&toks);
        tags.clear();
        models
            .tagger
            .tag_into(&ud.words, &mut tag_scratch, &mut tags);
        arcs.clear();
        models
            .parser
            .parse_into(&ud.words, &tags, &mut parse_scratch, &mut arcs);
        let base = out.words.len();
        out.first_word
            .extend(ud.first_word.iter().map(|&w| (base + w) as u32));
        next_token = range.end;
        for (w, word) in ud.words.iter().enumerate() {
            let t = range.start + ud.token_of.get(w).copied().unwrap_or(0);
            let tok = &doc.tokens[t];
            // Every word is a sub-slice of its token's text.
            let offset = (word.as_ptr() as usize).wrapping_sub(doc.tok(t).as_ptr() as usize);
            let start = tok.start as usize + offset.min(tok.range().len());
            let end = (start + word.len()).min(tok.end as usize);
            let arc = arcs.get(w);
            out.words.push(ParsedWord {
                start: start as u32,
                end: end as u32,
                token: t as u32,
                upos: tags.get(w).copied().unwrap_or(Upos::X),
                head: arc.and_then(|a| a.head).map(|h| (base + h) as u32),
                deprel: arc.map_or(Deprel::Dep, |a| a.rel),
            });
        }
    }
    while next_token < doc.tokens.len() {
        out.first_word.push(out.words.len() as u32);
        next_token += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{Analyzer, Config, Options};

    fn parse_of(text: &str) -> (Vec<String>, super::Parse) {
        let a = Analyzer::new(Config::default()).expect("bundled resources load");
        let options = Options {
            tokens: true,
            ..Options::default()
        };
        let doc = a.document(text, &options);
        let words = doc
            .parse
            .words
            .iter()
            .map(|w| text[w.range()].to_string())
            .collect();
        (words, doc.parse)
    }

    #[test]
    fn words_follow_the_ud_split_and_keep_offsets() {
        let (words, p) = parse_of("They don't like the plan. The council rejected it.");
        assert_eq!(
            words,
            [
                "They", "do", "n't", "like", "the", "plan", ".", "The", "council", "rejected",
                "it", "."
            ]
        );
        // Heads stay in their sentence; one root a sentence.
        let roots = p.words.iter().filter(|w| w.head.is_none()).count();
        assert_eq!(roots, 2);
        for (i, w) in p.words.iter().enumerate() {
            if let Some(h) = w.head {
                assert_ne!(h as usize, i);
                let same = (i < 7) == ((h as usize) < 7);
                assert!(same, "word {i} hangs outside its sentence");
            }
        }
        // Token-level views: "don't" is one token (index 1).
        assert_eq!(p.first_word.len(), 11);
        assert_eq!(p.token_word(1).map(|w| w.range()), Some(5..7));
    }

    #[test]
    fn subjects_and_objects() {
        use super::super::{Deprel, Upos};
        let (words, p) = parse_of("The committee approved the new budget.");
        let at = |s: &str| words.iter().position(|w| w == s).expect("word");
        assert_eq!(p.words[at("committee")].deprel, Deprel::Nsubj);
        assert_eq!(p.words[at("budget")].deprel, Deprel::Obj);
        assert_eq!(p.words[at("approved")].upos, Upos::Verb);
        assert_eq!(p.head_token(at("committee")), Some(at("approved")));
        assert_eq!(p.head_token(at("approved")), None);
    }
}
