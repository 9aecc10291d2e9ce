//! The internal working document that analysis stages share: the text, its
//! story segmentation and its tokens, all with byte offsets.

use crate::model::{Ignored, Span};
use crate::tokenize::Token;

/// The text with everything the early stages found, shared read-only by the
/// later stages (recognition, proposals, summary).
#[derive(Debug)]
pub struct Doc<'a> {
    /// The analysed text.
    pub text: &'a str,
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
}

impl<'a> Doc<'a> {
    /// Segments and tokenises `text`, setting `ignored` ranges aside.
    ///
    /// O(n) in the text length.
    pub fn new(text: &'a str, ignored: Vec<Ignored>) -> Self {
        let paragraphs = crate::segment::paragraphs(text);
        let sentences = crate::segment::sentences(text, &paragraphs, &ignored);
        let (tokens, sentence_tokens) = crate::tokenize::tokenize_sentences(text, &sentences);
        Doc {
            lower: lower_text(text),
            text,
            ignored,
            paragraphs,
            sentences,
            tokens,
            sentence_tokens,
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
