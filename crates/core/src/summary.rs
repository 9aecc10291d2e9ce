//! Extractive summary.
//!
//! 1. Candidates: story sentences (boilerplate is already excluded) minus a
//!    headline paragraph (a first paragraph that is one short line without
//!    terminal punctuation), datelines (short date-like paragraphs), and
//!    captions (short one-sentence paragraphs without a verb, or with
//!    "Image:"/"Photo:" credits).
//! 2. Score each candidate: a lead prior `1 / (1 + rank)` over candidates,
//!    overlap with the headline's content words, centrality (mean document
//!    frequency of its content words), the salience of the actors it names,
//!    whether it mentions a proposal, and a penalty for very short or very
//!    long sentences.
//! 3. Pick greedily by score, with a redundancy penalty against what is
//!    already chosen (maximal marginal relevance), until `n` sentences or a
//!    budget of [`Weights::budget`] words; return them in text order.
//!
//! The weights were tuned on the non-news GUM training documents only.
//! O(n) to score plus O(k · s) selection for k ≤ n picks over s sentences.

use crate::doc::Doc;
use crate::hash::FastMap;
use crate::lexicon::{Lexicon, List};
use crate::model::{Span, Summary};
use crate::pipeline::Component;
use crate::tokenize::TokenKind;

/// Scoring weights and the word budget.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weights {
    /// Lead prior.
    pub position: f32,
    /// Headline overlap.
    pub headline: f32,
    /// Centrality.
    pub centrality: f32,
    /// Actor salience.
    pub actors: f32,
    /// Proposal mention.
    pub proposals: f32,
    /// Redundancy penalty (MMR).
    pub redundancy: f32,
    /// Word budget.
    pub budget: usize,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            position: 0.3,
            headline: 1.0,
            centrality: 1.0,
            actors: 0.1,
            proposals: 0.1,
            redundancy: 0.5,
            budget: 40,
        }
    }
}

/// Fills [`Doc::summary`] with [`Options::summary_sentences`](crate::Options)
/// sentences (reads the sentences, actor salience and proposal mentions).
pub struct Summarizer;

impl Component for Summarizer {
    fn name(&self) -> &'static str {
        "summary"
    }

    fn run(&self, doc: &mut Doc<'_>) {
        doc.summary = summarize_with(doc, doc.options.summary_sentences, &Weights::default());
    }
}

/// A sentence's words and features.
struct Cand {
    sentence: usize,
    words: usize,
    /// Its distinct content words, as sorted [`Vocab`] ids.
    content: Vec<u32>,
    score: f32,
}

/// Content words interned as dense ids (borrowed from the lower-cased
/// text), so that sentence word sets are small sorted id lists rather than
/// sets of owned strings.
struct Vocab<'t> {
    lx: &'t Lexicon,
    ids: FastMap<&'t str, u32>,
    /// Per id: is it a content word (not a stop word, longer than one
    /// character)? Decided once per distinct word.
    content: Vec<bool>,
}

impl<'t> Vocab<'t> {
    /// The id of `w` and whether it is a content word.
    fn id(&mut self, w: &'t str) -> (u32, bool) {
        let next = self.ids.len() as u32;
        let id = *self.ids.entry(w).or_insert(next);
        if id == next {
            self.content
                .push(!is_stop(self.lx, w) && w.chars().nth(1).is_some());
        }
        (id, self.content[id as usize])
    }

    fn len(&self) -> usize {
        self.ids.len()
    }
}

/// Sorted, de-duplicated copy of `ids`.
fn distinct(ids: &[u32]) -> Vec<u32> {
    let mut v = ids.to_vec();
    v.sort_unstable();
    v.dedup();
    v
}

/// Function words left out of a sentence's content words: the determiner,
/// preposition, conjunction, pronoun and auxiliary classes plus a few
/// reporting words.
fn is_stop(lx: &Lexicon, w: &str) -> bool {
    lx.is_determiner(w)
        || lx.is_preposition(w)
        || lx.is_conjunction(w)
        || lx.is_pronoun(w)
        || lx.is_aux(w)
        || lx.is_extra_stop_word(w)
}

fn has_terminal(s: &str) -> bool {
    s.trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['.', '!', '?', '…'])
}

/// Short date-like line ("Monday, May 18, 2015").
fn is_dateline(lx: &Lexicon, s: &str) -> bool {
    let n = s.split_whitespace().take(9).count();
    if n > 8 {
        return false;
    }
    let lower = s.to_lowercase();
    let month = lx
        .words(List::Months)
        .iter()
        .chain(lx.words(List::Weekdays))
        .any(|m| lower.contains(m));
    let year = s
        .split_whitespace()
        .any(|w| w.trim_matches(|c: char| !c.is_ascii_digit()).len() == 4);
    month && (year || n <= 4)
}

/// Does the sentence contain something that looks like a verb?
fn has_verb(doc: &Doc, s: usize) -> bool {
    doc.sentence_range(s)
        .any(|i| doc.kind(i) == Some(TokenKind::Word) && doc.is_verb(i))
}

/// Sentences that may appear in a summary, plus the headline sentence if any.
fn candidates(doc: &Doc) -> (Vec<usize>, Option<usize>) {
    let mut headline = None;
    let mut out = Vec::new();
    let mut p = 0; // paragraph cursor (both lists are in text order)
    let mut cached: Option<usize> = None;
    let (mut para_credit, mut short_para) = (false, false);
    let para_of = |pos: usize, p: &mut usize| -> Option<Span> {
        while *p < doc.paragraphs.len() && doc.paragraphs[*p].end <= pos {
            *p += 1;
        }
        doc.paragraphs.get(*p).copied()
    };
    for (i, &span) in doc.sentences.iter().enumerate() {
        let text = doc.slice(span);
        let Some(para) = para_of(span.start, &mut p) else {
            continue;
        };
        // Paragraph features, computed once per paragraph (O(n) overall).
        if cached != Some(p) {
            cached = Some(p);
            let para_text = doc.slice(para);
            para_credit = para_text.contains("Image:") || para_text.contains("Photo:");
            short_para = para_text.split_whitespace().take(16).count() < 16;
        }
        let words = text.split_whitespace().count();
        let single = para.start == span.start && para.end == span.end;
        if i == 0 && p == 0 && single && !has_terminal(text) && words <= 25 {
            headline = Some(i);
            continue;
        }
        if is_dateline(doc.lex, text) && (single || !has_terminal(text)) {
            continue;
        }
        if para_credit || words < 4 {
            continue;
        }
        // A one-sentence paragraph without a verb is a caption or a label.
        if single && (short_para && !has_terminal(text) || words <= 40 && !has_verb(doc, i)) {
            continue;
        }
        out.push(i);
    }
    (out, headline)
}

/// Appends the ids of sentence `s`'s content words (repeats kept) to `out`.
fn content_words<'t>(doc: &'t Doc, s: usize, vocab: &mut Vocab<'t>, out: &mut Vec<u32>) {
    let words = doc
        .sentence_tokens(s)
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .filter_map(|t| doc.lower.get(t.range()));
    for w in words {
        if let (id, true) = vocab.id(w) {
            out.push(id);
        }
    }
}

/// The summary of `doc` in at most `n` sentences, with explicit weights
/// (the component uses [`Weights::default`]).
pub fn summarize_with(doc: &Doc, n: usize, w: &Weights) -> Summary {
    if n == 0 || doc.sentences.is_empty() {
        return Summary::default();
    }
    let (cand_ids, headline) = candidates(doc);
    let cand_ids = if cand_ids.is_empty() {
        (0..doc.sentences.len()).collect()
    } else {
        cand_ids
    };
    let mut cands = score(doc, &cand_ids, headline, w);
    let mut chosen = select(&mut cands, n, w);
    chosen.sort_unstable();
    let text = chosen
        .iter()
        .map(|&i| doc.slice(doc.sentences[i]))
        .collect::<Vec<_>>()
        .join(" ");
    Summary {
        sentences: chosen,
        text,
    }
}

/// The candidates with their content words and scores (step 2).
fn score(doc: &Doc, cand_ids: &[usize], headline: Option<usize>, w: &Weights) -> Scored {
    // Content words of every candidate, flat, with each candidate's range.
    let mut vocab = Vocab {
        lx: doc.lex,
        ids: FastMap::with_capacity_and_hasher(
            (doc.tokens.len() / 2).min(8192),
            Default::default(),
        ),
        content: Vec::new(),
    };
    let mut flat: Vec<u32> = Vec::new();
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::with_capacity(cand_ids.len());
    for &s in cand_ids {
        let from = flat.len();
        content_words(doc, s, &mut vocab, &mut flat);
        ranges.push(from..flat.len());
    }
    // Document frequency (occurrences in candidates) per word id.
    let mut tf = vec![0u32; vocab.len()];
    for &x in &flat {
        tf[x as usize] += 1;
    }
    let max_tf = tf.iter().copied().max().unwrap_or(1).max(1) as f32;
    let mut head_ids = Vec::new();
    if let Some(h) = headline {
        content_words(doc, h, &mut vocab, &mut head_ids);
    }
    let head_words = distinct(&head_ids);
    let mut is_head = vec![false; vocab.len()];
    for &x in &head_words {
        is_head[x as usize] = true;
    }
    let (actor_score, has_proposal) = sentence_signals(doc);
    let cands = cand_ids
        .iter()
        .zip(ranges)
        .enumerate()
        .map(|(rank, (&s, range))| {
            let ws = &flat[range];
            let words = doc.slice(doc.sentences[s]).split_whitespace().count();
            let centrality = if ws.is_empty() {
                0.0
            } else {
                ws.iter()
                    .map(|&x| (tf[x as usize] as f32 - 1.0) / max_tf)
                    .sum::<f32>()
                    / ws.len() as f32
            };
            let content = distinct(ws);
            let head = if head_words.is_empty() {
                0.0
            } else {
                content.iter().filter(|&&x| is_head[x as usize]).count() as f32
                    / head_words.len() as f32
            };
            let length = if words < 8 {
                0.5
            } else if words > 50 {
                0.7
            } else {
                1.0
            };
            let score = length
                * (w.position / (1.0 + rank as f32)
                    + w.headline * head
                    + w.centrality * centrality
                    + w.actors * actor_score[s].min(1.5)
                    + w.proposals * f32::from(u8::from(has_proposal[s])));
            Cand {
                sentence: s,
                words,
                content,
                score,
            }
        })
        .collect();
    Scored {
        cands,
        vocab_len: vocab.len(),
    }
}

/// Scored candidates and the vocabulary size their word ids index.
struct Scored {
    cands: Vec<Cand>,
    vocab_len: usize,
}

/// Per sentence: the summed salience of the actors it names, and whether it
/// mentions a proposal.
fn sentence_signals(doc: &Doc) -> (Vec<f32>, Vec<bool>) {
    let mut actor_score = vec![0.0f32; doc.sentences.len()];
    for a in &doc.actors {
        let mut last = usize::MAX;
        for m in &a.mentions {
            if let Some(s) = doc.sentence_at(m.span.start) {
                if s != last {
                    actor_score[s] += a.salience;
                    last = s;
                }
            }
        }
    }
    let mut has_proposal = vec![false; doc.sentences.len()];
    for m in doc.proposals.iter().flat_map(|p| &p.mentions) {
        if let Some(s) = doc.sentence_at(m.span.start) {
            has_proposal[s] = true;
        }
    }
    (actor_score, has_proposal)
}

/// Greedy maximal-marginal-relevance selection under the word budget
/// (step 3); the chosen sentence indices in the order picked.
fn select(scored: &mut Scored, n: usize, w: &Weights) -> Vec<usize> {
    let cands = &mut scored.cands;
    let mut chosen: Vec<usize> = Vec::new();
    let mut used_words = 0;
    let mut chosen_words = vec![false; scored.vocab_len];
    while chosen.len() < n && used_words < w.budget {
        let best = cands
            .iter()
            .enumerate()
            .filter(|(_, c)| c.score > f32::MIN)
            .filter(|(_, c)| chosen.is_empty() || used_words + c.words <= w.budget + 10)
            .map(|(i, c)| {
                let overlap = if c.content.is_empty() {
                    0.0
                } else {
                    c.content
                        .iter()
                        .filter(|&&x| chosen_words[x as usize])
                        .count() as f32
                        / c.content.len() as f32
                };
                (i, c.score - w.redundancy * overlap)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let Some((i, _)) = best else { break };
        used_words += cands[i].words;
        for &x in &cands[i].content {
            chosen_words[x as usize] = true;
        }
        chosen.push(cands[i].sentence);
        cands[i].score = f32::MIN;
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(text: &str, n: usize) -> Vec<String> {
        let doc = Doc::segmented(text);
        let s = summarize_with(&doc, n, &Weights::default());
        s.sentences
            .iter()
            .map(|&i| doc.slice(doc.sentences[i]).to_owned())
            .collect()
    }

    #[test]
    fn skips_headline_dateline_and_captions() {
        let text = "Storm floods the city\n\nMonday, May 18, 2015\n\nThe flooded main square.\n\n\
                    A storm flooded the city on Monday, officials said. Rescue teams worked through the night to reach families. \
                    The mayor said the city would rebuild the flooded districts quickly.";
        let got = summary(text, 3);
        assert!(!got.is_empty());
        for s in &got {
            assert!(!s.contains("Storm floods"), "{s}");
            assert!(!s.contains("2015"), "{s}");
            assert!(!s.contains("main square"), "{s}");
        }
        assert!(got[0].starts_with("A storm flooded"));
    }

    #[test]
    fn respects_count_order_and_budget() {
        let text = "One sentence about the city council vote on the budget. \
                    Another sentence about the council and the budget vote today. \
                    A third sentence mentions weather only briefly here. \
                    The fourth sentence returns to the council budget debate again.";
        let cases = [(0, 0), (1, 1), (2, 2), (3, 3), (10, 4)];
        for (n, max) in cases {
            let doc = Doc::segmented(text);
            let s = summarize_with(&doc, n, &Weights::default());
            assert!(s.sentences.len() <= max, "n={n}");
            // Never empty when sentences were asked for and exist.
            assert_eq!(s.sentences.is_empty(), n == 0, "n={n}");
            assert_eq!(s.text.is_empty(), n == 0, "n={n}");
            assert!(s.sentences.windows(2).all(|w| w[0] < w[1]));
            assert!(s.text.split_whitespace().count() <= Weights::default().budget + 20);
        }
        assert!(summary("", 3).is_empty());
    }
}
