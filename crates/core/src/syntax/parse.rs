//! The `parse` component: tags and parses story sentences with the
//! [`Models`] the `Analyzer` owns, on the UD word split of the tokens
//! ([`UdWords`]): each sentence on first request
//! (`Doc::sentence_parse`), every sentence into `Doc::parse` when the
//! tokens are asked for.
//!
//! Linear in the text: the tagger and the greedy parser make a bounded
//! number of weight lookups per word (about 2n parser moves a sentence).

use std::cell::OnceCell;
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

/// One story sentence's UD words with their syntax, tagged and parsed on
/// first request (`Doc::sentence_parse`). Heads and `first_word` are
/// indices into this sentence's `words`; `token` fields are global.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SentenceParse {
    /// The sentence's words in text order.
    pub words: Vec<ParsedWord>,
    /// `first_word[k]` = the first word of the sentence's `k`-th token.
    pub first_word: Vec<u32>,
    /// Global index of the sentence's first token.
    pub first_token: usize,
}

impl SentenceParse {
    /// The word standing for global token `t` (its first word), if `t` is
    /// in this sentence.
    pub fn word_of_token(&self, t: usize) -> Option<usize> {
        let k = t.checked_sub(self.first_token)?;
        self.first_word.get(k).map(|&w| w as usize)
    }

    /// The word that heads the token range `tokens` (the one word of the
    /// range whose head lies outside it, the first such on ties).
    pub fn head_of(&self, tokens: Range<usize>) -> Option<usize> {
        let first = self.word_of_token(tokens.start)?;
        let last = match self.word_of_token(tokens.end) {
            Some(w) => w,
            None if tokens.end == self.first_token + self.first_word.len() => self.words.len(),
            None => return None,
        };
        (first..last).find(|&w| {
            self.words[w]
                .head
                .is_none_or(|h| !(first..last).contains(&(h as usize)))
        })
    }

    /// The words `w` dominates, itself included, as a range (the
    /// projective span: from its leftmost to its rightmost descendant).
    pub fn subtree(&self, w: usize) -> Range<usize> {
        let (mut lo, mut hi) = (w, w);
        for (i, _) in self.words.iter().enumerate() {
            if self.dominates(w, i) {
                lo = lo.min(i);
                hi = hi.max(i);
            }
        }
        lo..hi + 1
    }

    /// Whether word `a` is `b` or one of its ancestors.
    pub fn dominates(&self, a: usize, mut b: usize) -> bool {
        for _ in 0..=self.words.len() {
            if a == b {
                return true;
            }
            match self.words.get(b).and_then(|w| w.head) {
                Some(h) => b = h as usize,
                None => return false,
            }
        }
        false
    }

    /// The words whose head is `w`, in text order.
    pub fn children(&self, w: usize) -> impl Iterator<Item = usize> + '_ {
        self.words
            .iter()
            .enumerate()
            .filter(move |(_, x)| x.head == Some(w as u32))
            .map(|(i, _)| i)
    }
}

/// The `parse` component (after `pos`). Later stages ask for the syntax of
/// the sentences they need (`Doc::sentence_parse`), which tags and parses
/// each one once, on first request: tagging and parsing every sentence
/// would take 83–89 % of an analysis (0.87 MB/s with them on gum-train,
/// 6.0 MB/s without). This component readies that cache and, when the
/// caller asks for the tokens ([`crate::Options::tokens`]), parses every
/// sentence and fills `Doc::parse`.
pub struct Parser;

impl Component for Parser {
    fn name(&self) -> &'static str {
        "parse"
    }

    fn run(&self, doc: &mut Doc<'_>) {
        if doc.syntax_models.is_none() {
            return;
        }
        doc.sentence_parses = (0..doc.sentence_tokens.len())
            .map(|_| OnceCell::new())
            .collect();
        if doc.options.tokens {
            doc.parse = whole_parse(doc);
        }
    }
}

/// Tags and parses sentence `s` of `doc`.
pub(crate) fn parse_sentence(doc: &Doc<'_>, models: &Models, s: usize) -> SentenceParse {
    let range = doc.sentence_range(s);
    let toks: Vec<&str> = range.clone().map(|t| doc.tok(t)).collect();
    let ud = UdWords::split(&toks);
    let mut tags: Vec<Upos> = Vec::with_capacity(ud.words.len());
    models
        .tagger
        .tag_into(&ud.words, &mut TagScratch::default(), &mut tags);
    let mut arcs: Vec<Attachment> = Vec::with_capacity(ud.words.len());
    models
        .parser
        .parse_into(&ud.words, &tags, &mut ParseScratch::default(), &mut arcs);
    let mut out = SentenceParse {
        words: Vec::with_capacity(ud.words.len()),
        first_word: ud.first_word.iter().map(|&w| w as u32).collect(),
        first_token: range.start,
    };
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
            head: arc.and_then(|a| a.head).map(|h| h as u32),
            deprel: arc.map_or(Deprel::Dep, |a| a.rel),
        });
    }
    out
}

/// Every sentence's parse, in one list of words with global indices.
fn whole_parse(doc: &Doc<'_>) -> Parse {
    let mut out = Parse {
        words: Vec::with_capacity(doc.tokens.len() + doc.tokens.len() / 16),
        first_word: Vec::with_capacity(doc.tokens.len()),
    };
    let mut next_token = 0usize;
    for s in 0..doc.sentence_tokens.len() {
        let range = doc.sentence_range(s);
        // Tokens outside every sentence (none today) get no word.
        while next_token < range.start {
            out.first_word.push(out.words.len() as u32);
            next_token += 1;
        }
        let Some(sp) = doc.sentence_parse(s) else {
            break;
        };
        let base = out.words.len() as u32;
        out.first_word
            .extend(sp.first_word.iter().map(|&w| base + w));
        out.words.extend(sp.words.iter().map(|w| ParsedWord {
            head: w.head.map(|h| base + h),
            ..*w
        }));
        next_token = range.end;
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
