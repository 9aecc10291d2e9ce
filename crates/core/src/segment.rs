//! Paragraph and sentence segmentation.
//!
//! Paragraphs are lines; a line that does not end a sentence and is followed
//! by a line starting in lower case is a hard wrap and joins the next line.
//! Sentences end at `.`, `!`, `?` or `…` (with closing quotes and brackets)
//! before whitespace and an opening capital, digit or quote, except after
//! abbreviations ("Mr.", "Gen.", "e.g.") and initials ("J. R. R. Tolkien").
//! A sentence never crosses a paragraph, never includes an ignored range, and
//! is cut at a space after [`MAX_SENTENCE_BYTES`] so later per-sentence work
//! stays bounded. Both passes are O(n).

use crate::lexicon::Lexicon;
use crate::model::{Ignored, Span};

/// Longest sentence kept whole; longer runs are cut at a space.
pub const MAX_SENTENCE_BYTES: usize = 2000;

/// Fills [`Doc::paragraphs`](crate::doc::Doc::paragraphs) and
/// [`Doc::sentences`](crate::doc::Doc::sentences) (reads the text and the
/// boilerplate ranges).
pub struct Segmenter;

impl crate::pipeline::Component for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }

    fn run(&self, doc: &mut crate::doc::Doc<'_>) {
        doc.paragraphs = paragraphs(doc.text);
        doc.sentences = sentences(doc.lex, doc.text, &doc.paragraphs, &doc.ignored);
    }
}

/// Paragraph spans: non-empty lines, hard-wrapped lines joined; trimmed.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut pos = 0;
    let mut join_next = false;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            join_next = false;
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let span = Span::new(start + lead, start + lead + trimmed.len());
        let starts_lower = trimmed.chars().next().is_some_and(|c| c.is_lowercase());
        match out.last_mut() {
            Some(prev) if join_next && starts_lower => prev.end = span.end,
            _ => out.push(span),
        }
        let last = trimmed.chars().next_back().unwrap_or('.');
        // A long line that stops mid-sentence may be hard-wrapped.
        join_next = trimmed.len() > 40
            && !matches!(
                last,
                '.' | '!' | '?' | ':' | '"' | '”' | '’' | ')' | '…' | ';'
            );
    }
    out
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '›' | '」' | '』'
    )
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

/// The word (letters and inner periods) that ends just before byte `end` of `s`.
fn word_before(s: &str, end: usize) -> &str {
    let head = &s[..end];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

fn is_abbreviation(lx: &Lexicon, word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w.is_empty() {
        return false;
    }
    let mut cs = w.chars();
    let first = cs.next().unwrap_or(' ');
    // A single capital letter: an initial ("J. R. R. Tolkien").
    if cs.next().is_none() && first.is_uppercase() {
        return true;
    }
    let lower = w.to_lowercase();
    lx.is_abbreviation(&lower)
}

/// Sentence spans inside the paragraphs, skipping ignored ranges.
pub fn sentences(lx: &Lexicon, text: &str, paragraphs: &[Span], ignored: &[Ignored]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut ig = 0;
    for p in paragraphs {
        // Split the paragraph around ignored ranges (sorted by start).
        let mut pieces: Vec<Span> = Vec::new();
        let mut cur = p.start;
        while ig < ignored.len() && ignored[ig].end <= p.start {
            ig += 1;
        }
        let mut k = ig;
        while k < ignored.len() && ignored[k].start < p.end {
            let i = &ignored[k];
            if i.start > cur {
                pieces.push(Span::new(cur, i.start.min(p.end)));
            }
            cur = cur.max(i.end);
            k += 1;
        }
        if cur < p.end {
            pieces.push(Span::new(cur, p.end));
        }
        for mut piece in pieces {
            if piece.start == p.start {
                if let Some(end) = dateline_prefix(lx, text, piece) {
                    push_trimmed(text, piece.start, end, &mut out);
                    piece.start = end;
                }
            }
            split_piece(lx, text, piece, &mut out);
        }
    }
    out
}

/// A dateline glued to the first sentence of a paragraph ("Thursday, May 7,
/// 2015 On Tuesday, the …"): returns the byte where the story text starts.
/// Needs a month, a day and a four-digit year, then a capitalised word.
fn dateline_prefix(lx: &Lexicon, text: &str, piece: Span) -> Option<usize> {
    let s = text.get(piece.start..piece.end)?;
    let mut month = false;
    let mut year_end = None;
    let mut pos = 0;
    for (n, word) in s.split_inclusive(char::is_whitespace).enumerate() {
        if n >= 6 {
            break;
        }
        let w = word.trim().trim_end_matches([',', '.']).to_lowercase();
        pos += word.len();
        if lx.is_month(&w) {
            month = true;
        } else if w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) && month {
            year_end = Some(pos);
            break;
        } else if !(lx.is_weekday(&w)
            || (1..=2).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit()))
        {
            return None;
        }
    }
    let end = year_end?;
    let rest = &s[end..];
    let next = rest.trim_start().chars().next()?;
    (next.is_uppercase() && !rest.trim_start().is_empty() && end < s.len())
        .then_some(piece.start + end)
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some(s) = text.get(start..end) else {
        return;
    };
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if t.is_empty() {
        return;
    }
    let (a, b) = (start + lead, start + lead + t.len());
    // Bound sentence length: cut at the last space before the limit.
    let mut a2 = a;
    while b - a2 > MAX_SENTENCE_BYTES {
        let mut cut = a2 + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = &text[a2..cut];
        let at = window
            .rfind(char::is_whitespace)
            .filter(|&i| i > 0)
            .map_or(cut, |i| a2 + i);
        let piece = text[a2..at].trim_end();
        if !piece.is_empty() {
            out.push(Span::new(a2, a2 + piece.len()));
        }
        a2 = at;
        let rest = &text[a2..b];
        a2 += rest.len() - rest.trim_start().len();
    }
    if a2 < b {
        out.push(Span::new(a2, b));
    }
}

fn split_piece(lx: &Lexicon, text: &str, piece: Span, out: &mut Vec<Span>) {
    let Some(s) = text.get(piece.start..piece.end) else {
        return;
    };
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_terminal(c) {
            continue;
        }
        // Extend over repeated terminals and closing quotes/brackets.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if is_terminal(d) || is_closing(d) {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let cjk = matches!(c, '。' | '！' | '？');
        let rest = &s[end..];
        let after_space = rest.trim_start();
        if !cjk && (after_space.len() == rest.len() || after_space.is_empty()) {
            // No whitespace after: "U.S.-led", "3.5", end of piece.
            continue;
        }
        let next = after_space.chars().next().unwrap_or(' ');
        let opens = next.is_uppercase()
            || next.is_numeric()
            || matches!(next, '"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '-' | '«');
        if !cjk && !opens && !next.is_alphabetic() {
            // Lower-case continuation or odd symbol: only a break before non-cased scripts.
            continue;
        }
        if !cjk && next.is_lowercase() {
            continue;
        }
        if c == '.' && !cjk {
            let w = word_before(s, i);
            if is_abbreviation(lx, w) {
                let lower = w.trim_end_matches('.').to_lowercase();
                let next_word: String = after_space
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                let final_ok =
                    lx.is_final_abbreviation(&lower) && lx.is_sentence_starter(&next_word);
                if !final_ok {
                    continue;
                }
            }
        }
        push_trimmed(text, piece.start + start, piece.start + end, out);
        start = end;
    }
    push_trimmed(text, piece.start + start, piece.end, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        let p = paragraphs(text);
        sentences(crate::Analyzer::shared().lexicon(), text, &p, &[])
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_basic_sentences() {
        assert_eq!(
            sents("One two. Three four! Five?"),
            vec!["One two.", "Three four!", "Five?"]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            sents("Mr. Smith met Dr. Jones. He left."),
            vec!["Mr. Smith met Dr. Jones.", "He left."]
        );
        assert_eq!(
            sents("J. R. R. Tolkien wrote it. Fine."),
            vec!["J. R. R. Tolkien wrote it.", "Fine."]
        );
        assert_eq!(
            sents("He went to the U.S. The trip was long."),
            vec!["He went to the U.S.", "The trip was long."]
        );
        assert_eq!(
            sents("The U.S. Senate voted."),
            vec!["The U.S. Senate voted."]
        );
    }

    #[test]
    fn quotes_close_sentences() {
        assert_eq!(
            sents("He said, “We will win.” Then he left."),
            vec!["He said, “We will win.”", "Then he left."]
        );
    }

    #[test]
    fn paragraphs_and_hard_wraps() {
        let t = "Headline here\n\nThis is a long line of text that wraps without\nending here. Next.\nNew para.";
        let p = paragraphs(t);
        assert_eq!(p.len(), 3);
        assert_eq!(
            &t[p[1].start..p[1].end],
            "This is a long line of text that wraps without\nending here. Next."
        );
    }

    #[test]
    fn glued_datelines_split() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Thursday, May 7, 2015 On Tuesday, the government acted.",
                &["Thursday, May 7, 2015", "On Tuesday, the government acted."],
            ),
            (
                "May 7, 2015 The council voted.",
                &["May 7, 2015", "The council voted."],
            ),
            ("May 2015 was warm.", &["May 2015 was warm."]),
            (
                "In May 2015 The Times said so.",
                &["In May 2015 The Times said so."],
            ),
            ("Monday, May 18, 2015", &["Monday, May 18, 2015"]),
        ];
        for (text, want) in cases {
            assert_eq!(sents(text), *want, "{text}");
        }
    }

    #[test]
    fn long_runs_are_cut() {
        let t = "word ".repeat(2000);
        let s = sents(&t);
        assert!(s.len() > 1);
        assert!(s.iter().all(|x| x.len() <= MAX_SENTENCE_BYTES));
    }

    #[test]
    fn ignored_ranges_excluded() {
        let t = "Story one.\nPicture credit: x\nMust Read";
        let p = paragraphs(t);
        let ig = vec![
            Ignored {
                start: 11,
                end: 28,
                reason: crate::model::IgnoredReason::Credit,
            },
            Ignored {
                start: 29,
                end: 38,
                reason: crate::model::IgnoredReason::Navigation,
            },
        ];
        let s = sentences(crate::Analyzer::shared().lexicon(), t, &p, &ig);
        assert_eq!(s.len(), 1);
    }
}
