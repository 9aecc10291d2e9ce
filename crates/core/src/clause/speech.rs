//! Who said what: reported speech and direct quotes (the `speech`
//! component).
//!
//! A **speech frame** is a speaker (an actor) and the tokens of what they
//! said, in one sentence:
//!
//! * `X said (that) …`, `X told reporters …`, `X warned …`: the subject of
//!   a speech verb ([`Doc::subject_of`], so "he said" resolves) and the
//!   clause after it;
//! * `…, X said.`, `…, said X.`, `“…,” X said`: a trailing reporting
//!   clause and the part of the sentence before it;
//! * `according to X, …` and `…, according to X`.
//!
//! A **quote** is the text between paired quote marks (“ ” or straight
//! double quotes, paired within a paragraph; an unclosed quote ends with
//! its paragraph). Its speaker is the speaker of a frame in the sentence
//! where it ends or starts whose reporting verb lies outside it; failing
//! that, of the sentence just before when that one is in the same
//! paragraph, ends with a colon or names a statement ('Smith criticised the
//! plan. "It will never work."', 'Smith issued a statement. ¶ "…"'). Quoted sentences without a frame of their own get one for the
//! quote's speaker, so a stance in the second sentence of a long quote is
//! still credited.
//!
//! One pass over the tokens; every look-around is bounded: O(n).

use super::Modality;
use crate::doc::Doc;
use crate::drafts::ActorId;
use crate::model::Span;
use crate::pipeline::Component;
use crate::syntax::Class;
use crate::tokenize::TokenKind;

/// Something an actor is reported to have said, in one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speech {
    /// The sentence.
    pub sentence: usize,
    /// Who said it.
    pub speaker: ActorId,
    /// The speech verb ("said"), if any ("according to" has none).
    pub verb: Option<usize>,
    /// Tokens of what was said (global indices, within the sentence).
    pub content: std::ops::Range<usize>,
    /// The content is (part of) a direct quote.
    pub quoted: bool,
}

/// A direct quote: the words between quote marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteDraft {
    /// Bytes of the quoted words (without the marks).
    pub span: Span,
    /// Tokens of the quoted words.
    pub tokens: std::ops::Range<usize>,
    /// Who said it, if the text says.
    pub speaker: Option<ActorId>,
}

/// Shortest quote, in words, that counts as a quote rather than a quoted
/// phrase ("a “strong rationale”").
pub const MIN_QUOTE_WORDS: usize = 4;

/// Fills [`Doc::speech`] and [`Doc::quotes`] (reads tokens, paragraphs and
/// the mention layer).
pub struct SpeechFinder;

impl Component for SpeechFinder {
    fn name(&self) -> &'static str {
        "speech"
    }

    fn run(&self, doc: &mut Doc<'_>) {
        let (speech, quotes) = find(doc);
        doc.speech = speech;
        doc.quotes = quotes;
    }
}

impl Doc<'_> {
    /// The speech frames of sentence `s` (binary search in [`Doc::speech`]).
    pub fn speech_in(&self, s: usize) -> &[Speech] {
        let a = self.speech.partition_point(|f| f.sentence < s);
        let b = self.speech.partition_point(|f| f.sentence <= s);
        &self.speech[a..b]
    }

    /// The frame of sentence `s` whose content holds token `k`, if any.
    pub fn speech_at(&self, k: usize) -> Option<&Speech> {
        let s = self.tokens.get(k)?.sentence_index();
        self.speech_in(s).iter().find(|f| f.content.contains(&k))
    }

    /// Is token `k` inside a direct quote?
    pub fn in_quote(&self, k: usize) -> bool {
        let i = self.quotes.partition_point(|q| q.tokens.end <= k);
        self.quotes.get(i).is_some_and(|q| q.tokens.contains(&k))
    }
}

/// Speech frames and quotes of the whole document, in text order.
pub fn find(doc: &Doc) -> (Vec<Speech>, Vec<QuoteDraft>) {
    let marks = quote_marks(doc);
    let mut frames: Vec<Speech> = Vec::new();
    for s in 0..doc.sentences.len() {
        sentence_frames(doc, s, &marks, &mut frames);
    }
    let quotes = attribute(doc, &marks, &mut frames);
    frames.sort_by_key(|f| (f.sentence, f.content.start));
    (frames, quotes)
}

/// Token ranges between paired quote marks, in text order (the marks
/// themselves excluded).
fn quote_marks(doc: &Doc) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    // The open mark's token and the mark that closes it.
    let mut open: Option<(usize, &str)> = None;
    let mut p = 0; // paragraph cursor
    for (i, t) in doc.tokens.iter().enumerate() {
        // A quote never runs past its paragraph.
        let mut new_para = false;
        while p < doc.paragraphs.len() && doc.paragraphs[p].end <= t.start_byte() {
            p += 1;
            new_para = true;
        }
        if new_para {
            if let Some((o, _)) = open.take() {
                if i > o + 1 {
                    out.push(o + 1..i);
                }
            }
        }
        if t.kind != TokenKind::Punct {
            continue;
        }
        let m = doc.tok(i);
        match (open, m) {
            (Some((o, close)), _) if m == close => {
                out.push(o + 1..i);
                open = None;
            }
            (_, "“") => open = Some((i, "”")),
            (None, "‘") => open = Some((i, "’")),
            (None, "\"") => open = Some((i, "\"")),
            _ => {}
        }
    }
    if let Some((o, _)) = open {
        if o + 1 < doc.tokens.len() {
            out.push(o + 1..doc.tokens.len());
        }
    }
    out
}

fn inside(marks: &[std::ops::Range<usize>], k: usize) -> bool {
    let i = marks.partition_point(|q| q.end <= k);
    marks.get(i).is_some_and(|q| q.contains(&k))
}

fn words(doc: &Doc, r: std::ops::Range<usize>) -> usize {
    r.filter(|&k| matches!(doc.kind(k), Some(TokenKind::Word | TokenKind::Number)))
        .count()
}

/// The speech frames of sentence `s` from its own words.
fn sentence_frames(doc: &Doc, s: usize, marks: &[std::ops::Range<usize>], out: &mut Vec<Speech>) {
    let r = doc.sentence_range(s);
    let mut k = r.start;
    while k < r.end {
        let w = doc.lw(k);
        if w == "according" && doc.lw(k + 1) == "to" && !inside(marks, k) {
            if let Some(f) = according_to(doc, s, k) {
                out.push(f);
            }
            k += 2;
            continue;
        }
        if doc.lex.is_speech_verb(w) && !doc.is_cap(k) && !inside(marks, k) {
            if let Some(f) = frame_at(doc, s, k) {
                out.push(f);
            }
        }
        k += 1;
    }
}

/// "according to X, …" or "…, according to X" at token `k` ("according").
fn according_to(doc: &Doc, s: usize, k: usize) -> Option<Speech> {
    let r = doc.sentence_range(s);
    let mut j = k + 2;
    while j < r.end && j < k + 6 && doc.mention_at(j).is_none() {
        if !(doc.is(j, Class::Det) || doc.is_cap(j) || doc.is(j, Class::ActingBody)) {
            return None;
        }
        j += 1;
    }
    let m = doc.mention_at(j)?;
    let content = if k == r.start || k > r.start && doc.lw(k - 1) == "," && k < r.start + 2 {
        // "According to X, …": the rest after the comma.
        let comma = (m.last..r.end)
            .find(|&c| doc.lw(c) == ",")
            .map_or(m.last, |c| c + 1);
        comma..trim_end(doc, r.end)
    } else {
        r.start..trim_comma(doc, k)
    };
    (content.start < content.end).then_some(Speech {
        sentence: s,
        speaker: m.actor,
        verb: None,
        content,
        quoted: false,
    })
}

/// The frame of the speech verb at token `v`, if it has a speaker.
fn frame_at(doc: &Doc, s: usize, v: usize) -> Option<Speech> {
    let r = doc.sentence_range(s);
    let before_comma = v > r.start
        && (matches!(doc.lw(v - 1), "," | "”" | "\"" | "’")
            || doc.lw(v - 1) == "also" && v > r.start + 1 && doc.lw(v - 2) == ",");
    // "…, said Foreign Minister Sergei Lavrov" (inverted).
    if before_comma {
        if let Some(a) = name_after(doc, v + 1, r.end) {
            let comma = v - 1 - usize::from(doc.lw(v - 1) == "also");
            return Some(Speech {
                sentence: s,
                speaker: a,
                verb: Some(v),
                content: trim_start(doc, r.start, comma)..trim_comma(doc, comma),
                quoted: false,
            });
        }
    }
    let g = doc.verb_group(v);
    if g.modality == Modality::Hedge && g.negated {
        return None;
    }
    let speaker = doc.subject_of(&g, &|_| false)?;
    // Where the subject is: right before the verb group ("…, Putin said")
    // or earlier in the sentence.
    let subject_start = subject_start(doc, g.first, r.start);
    let trailing = subject_start > r.start
        && matches!(doc.lw(subject_start - 1), "," | "”" | "\"" | "’")
        && words(doc, v + 1..trim_end(doc, r.end)) <= 4;
    let content = if trailing {
        r.start..trim_comma(doc, subject_start - 1)
    } else {
        let mut c = v + 1;
        // "told reporters", "told CBC News", "said on Monday", "said in a statement".
        c = skip_addressee(doc, c, r.end);
        if doc.lw(c) == "that" || doc.lw(c) == ":" || doc.lw(c) == "," {
            c += 1;
        }
        c..trim_end(doc, r.end)
    };
    let content = trim_start(doc, content.start, content.end)..content.end;
    (content.start < content.end).then_some(Speech {
        sentence: s,
        speaker,
        verb: Some(v),
        content,
        quoted: false,
    })
}

/// First token of the subject phrase that ends right before the verb group
/// starting at `first` (a mention, a pronoun, or a determiner + noun).
fn subject_start(doc: &Doc, first: usize, s0: usize) -> usize {
    if first == s0 {
        return s0;
    }
    let p = first - 1;
    if let Some(m) = doc.mention_at(p) {
        let mut a = m.first;
        while a > s0 && (doc.is(a - 1, Class::Det) || doc.is_cap(a - 1)) {
            a -= 1;
        }
        return a;
    }
    if doc.is(p, Class::Pron) {
        return p;
    }
    // "the minister said", "officials said".
    let mut a = p;
    while a > s0 && a + 3 > p && doc.kind(a - 1) == Some(TokenKind::Word) {
        if doc.is(a - 1, Class::Det) {
            return a - 1;
        }
        a -= 1;
    }
    p
}

/// The actor named right after a token ("said Foreign Minister Lavrov",
/// "said the ministry", "said Icelandic fisheries minister Jon
/// Einarsson": the last name of the run), skipping determiners, titles and
/// role nouns; the run stops at punctuation, a preposition or a verb.
fn name_after(doc: &Doc, j: usize, s1: usize) -> Option<ActorId> {
    let opens = doc.mention_at(j).is_some()
        || doc.is(j, Class::Det)
        || doc.is_cap(j)
        || doc.is(j, Class::ActingBody);
    if !opens {
        return None;
    }
    let mut found = None;
    let mut k = j;
    while k < s1 && k < j + 8 {
        if let Some(m) = doc.mention_at(k) {
            found = Some(m.actor);
            k = m.last;
            continue;
        }
        let word = doc.kind(k) == Some(TokenKind::Word)
            && !doc.is(k, Class::Prep)
            && !doc.is(k, Class::Conj)
            && !doc.is(k, Class::ClauseWord)
            && !doc.is(k, Class::Aux)
            && (!doc.is(k, Class::Verbish) || doc.is(k, Class::ActingBody));
        let continues = word || doc.kind(k) == Some(TokenKind::Possessive);
        if !continues {
            break;
        }
        k += 1;
    }
    // "…, said the council should act": the name opens what was said; an
    // inverted speaker ends the clause.
    if k < s1
        && (doc.is(k, Class::Aux) || doc.is(k, Class::Verbish) && !doc.is(k, Class::ActingBody))
    {
        return None;
    }
    // "…, said its president, Maya Thomas", "said the union's leader, Per
    // Haugen": a role noun and, after a comma, the person who holds it.
    if k > j && doc.lw(k) == "," && crate::actors::is_role_noun(doc.lex, doc.tok(k - 1)) {
        if let Some(m) = doc.mention_at(k + 1) {
            let person = doc
                .actors
                .get(m.actor)
                .is_some_and(|a| a.kind == crate::model::ActorKind::Person);
            if person && m.first == k + 1 {
                return Some(m.actor);
            }
        }
    }
    found
}

/// Past the addressee and time of a speech verb: "told reporters", "told
/// the BBC", "said on Monday", "said in a statement" (a bounded scan).
fn skip_addressee(doc: &Doc, mut c: usize, s1: usize) -> usize {
    let start = c;
    if doc.lw(start.saturating_sub(1)).starts_with("tol")
        || doc.lw(start.saturating_sub(1)).starts_with("tell")
    {
        let end = doc.np_end(c, s1);
        if end > c && end < c + 6 {
            c = end;
        }
    }
    for _ in 0..2 {
        if matches!(
            doc.lw(c),
            "on" | "in" | "at" | "during" | "last" | "this" | "yesterday" | "today"
        ) {
            let mut e = c + 1;
            while e < s1
                && e < c + 6
                && !matches!(doc.lw(e), "that" | "," | ":")
                && !doc.is(e, Class::Pron)
            {
                if doc.is(e, Class::Verbish) && !doc.is_cap(e) {
                    break;
                }
                e += 1;
            }
            if matches!(doc.lw(e), "that" | "," | ":") || doc.is(e, Class::Pron) {
                c = e;
            } else {
                break;
            }
        }
    }
    c
}

/// The first token from `k` that is not punctuation (an opening quote mark).
fn trim_start(doc: &Doc, mut k: usize, end: usize) -> usize {
    while k < end && doc.kind(k) == Some(TokenKind::Punct) {
        k += 1;
    }
    k
}

/// One past the last content token before a trailing comma at `k`.
fn trim_comma(doc: &Doc, mut k: usize) -> usize {
    while k > 0 && matches!(doc.kind(k - 1), Some(TokenKind::Punct)) && doc.lw(k - 1) != "%" {
        k -= 1;
    }
    k
}

/// One past the last token before the sentence's final punctuation.
fn trim_end(doc: &Doc, mut k: usize) -> usize {
    while k > 0 && matches!(doc.kind(k - 1), Some(TokenKind::Punct)) && doc.lw(k - 1) != "%" {
        k -= 1;
    }
    k
}

/// The actor a sentence is about: a mention at its start (after at most
/// a determiner or a title) followed by its verb ("Hill criticised …").
fn sentence_subject(doc: &Doc, s: usize) -> Option<ActorId> {
    let r = doc.sentence_range(s);
    let mut k = r.start;
    while k < r.end && k < r.start + 3 && doc.mention_at(k).is_none() {
        k += 1;
    }
    let mut m = doc.mention_at(k)?;
    if doc.in_pp(m.first) {
        return None;
    }
    // "U.S. Senator John Cornyn": a place or title before the name
    // modifies it; the subject is the name.
    let mut j = m.last;
    while j < r.end && j < m.last + 2 && doc.mention_at(j).is_none() && doc.is_cap(j) {
        j += 1;
    }
    if let Some(next) = doc.mention_at(j) {
        m = next;
    }
    // "…, Republican from Texas, issued": skip an appositive after the name.
    let mut after = m.last;
    if doc.lw(after) == "," {
        let stop = r.end.min(after + 8);
        if let Some(c) = (after + 1..stop).find(|&x| doc.lw(x) == ",") {
            after = c + 1;
        }
    }
    doc.predicate_after(m.last, r.end)
        .or_else(|| doc.predicate_after(after, r.end))
        .map(|_| m.actor)
}

/// Attributes each quote to a speaker, adds frames for quoted sentences
/// without one, and returns the quotes.
fn attribute(
    doc: &Doc,
    marks: &[std::ops::Range<usize>],
    frames: &mut Vec<Speech>,
) -> Vec<QuoteDraft> {
    // Frames are in sentence order here; index the first frame per sentence.
    frames.sort_by_key(|f| (f.sentence, f.content.start));
    let first_frame = |frames: &[Speech], s: usize| -> Option<usize> {
        let i = frames.partition_point(|f| f.sentence < s);
        (i < frames.len() && frames[i].sentence == s).then_some(i)
    };
    let mut quotes = Vec::with_capacity(marks.len());
    let mut extra: Vec<Speech> = Vec::new();
    for q in marks {
        // A quoted word or phrase ("a “strong rationale”") is no quote.
        if q.is_empty() || words(doc, q.clone()) < MIN_QUOTE_WORDS {
            continue;
        }
        let sa = doc.tokens[q.start].sentence_index();
        let sb = doc.tokens[q.end - 1].sentence_index();
        // A frame in the last or first sentence whose verb is outside the quote.
        let own = |s: usize| {
            first_frame(frames, s).and_then(|i| {
                frames[i..]
                    .iter()
                    .take_while(|f| f.sentence == s)
                    .find(|f| f.verb.is_none_or(|v| !q.contains(&v)))
                    .map(|f| f.speaker)
            })
        };
        let mut speaker = own(sb).or_else(|| own(sa));
        if speaker.is_none() && sa > 0 {
            // 'Smith said:' or 'Smith criticised the plan. "It will fail."'
            let prev = sa - 1;
            let same_para = doc.sentences.get(prev).is_some_and(|p| {
                doc.text
                    .get(p.end..doc.sentences[sa].start)
                    .is_some_and(|gap| !gap.contains("\n\n"))
            });
            let colon =
                doc.sentence_range(prev).end > 0 && doc.lw(doc.sentence_range(prev).end - 1) == ":";
            let opens = q.start <= doc.sentence_range(sa).start + 1;
            // 'Senator Roe issued a statement on the vote. [new paragraph]
            // "…"': the statement's words.
            let statement = doc
                .sentence_range(prev)
                .any(|k| doc.lex.is_statement_noun(doc.lw(k)) && !doc.in_quote(k));
            if (same_para || colon || statement) && opens {
                speaker = own(prev).or_else(|| sentence_subject(doc, prev));
            }
        }
        if let Some(a) = speaker {
            for s in sa..=sb {
                if first_frame(frames, s).is_none() {
                    let r = doc.sentence_range(s);
                    let c = q.start.max(r.start)..q.end.min(r.end);
                    if c.start < c.end {
                        extra.push(Speech {
                            sentence: s,
                            speaker: a,
                            verb: None,
                            content: c,
                            quoted: true,
                        });
                    }
                }
            }
            for f in frames.iter_mut() {
                if f.speaker == a && f.content.start < q.end && q.start < f.content.end {
                    f.quoted = true;
                }
            }
        }
        // Without the comma that hands over to the attribution.
        let mut last = q.end;
        while last > q.start + 1 && matches!(doc.lw(last - 1), "," | ";" | ":") {
            last -= 1;
        }
        let (start, end) = doc.tokens_span(q.start, last);
        quotes.push(QuoteDraft {
            span: Span::new(start, end),
            tokens: q.clone(),
            speaker,
        });
    }
    frames.extend(extra);
    quotes
}
