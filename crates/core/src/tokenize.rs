//! Word tokenisation of story sentences.
//!
//! Words are runs of alphanumeric characters (any script) with internal
//! apostrophes, periods of acronyms ("U.S.") and combining marks; possessive
//! endings ("’s", "'s", "s’") become their own token so that "Putin’s" yields
//! the name "Putin". Hyphens and all other punctuation are single tokens;
//! [`Token::space_before`] tells whether a token is glued to the previous one
//! ("Trump-Putin"). O(n) in the sentence length.

use crate::model::Span;

/// Fills [`Doc::tokens`](crate::doc::Doc::tokens),
/// [`Doc::sentence_tokens`](crate::doc::Doc::sentence_tokens) and
/// [`Doc::lower`](crate::doc::Doc::lower) (reads the sentences).
pub struct Tokenizer;

impl crate::pipeline::Component for Tokenizer {
    fn name(&self) -> &'static str {
        "tokenize"
    }

    fn run(&self, doc: &mut crate::doc::Doc<'_>) {
        let (tokens, sentence_tokens) = tokenize_sentences(doc.text, &doc.sentences);
        doc.tokens = tokens;
        doc.sentence_tokens = sentence_tokens;
        doc.lower = crate::doc::lower_text(doc.text);
    }
}

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, apostrophes, acronym periods).
    Word,
    /// Digits, possibly with `,` `.` separators.
    Number,
    /// A possessive ending: "’s", "'s", or a lone "’"/"'" after a plural.
    Possessive,
    /// Any single other character.
    Punct,
}

/// One token, with byte offsets into the document text.
///
/// 16 bytes: offsets are `u32` (see [`MAX_TEXT_BYTES`]); a 10 MB article
/// has about two million tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Start byte.
    pub start: u32,
    /// End byte (exclusive).
    pub end: u32,
    /// Index of its sentence.
    pub sentence: u32,
    /// What it is.
    pub kind: TokenKind,
    /// Whether whitespace precedes it (false for the first token of a text).
    pub space_before: bool,
}

impl Token {
    /// Its byte range, for slicing the text.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Its start byte.
    pub fn start_byte(&self) -> usize {
        self.start as usize
    }

    /// Its end byte (exclusive).
    pub fn end_byte(&self) -> usize {
        self.end as usize
    }

    /// Index of its sentence.
    pub fn sentence_index(&self) -> usize {
        self.sentence as usize
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// Combining marks (the common blocks) continue a word.
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200D)
}

/// Tokenises each sentence span of `text`; returns the tokens and, per
/// sentence, its range in the token vector.
pub fn tokenize_sentences(
    text: &str,
    sentences: &[Span],
) -> (Vec<Token>, Vec<std::ops::Range<usize>>) {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut ranges = Vec::with_capacity(sentences.len());
    for (si, s) in sentences.iter().enumerate() {
        if s.end > MAX_TEXT_BYTES {
            // Token offsets are u32: text past 4 GiB is not tokenised.
            break;
        }
        let first = tokens.len();
        if let Some(sub) = text.get(s.start..s.end) {
            tokenize_into(sub, s.start, si, &mut tokens);
        }
        ranges.push(first..tokens.len());
    }
    (tokens, ranges)
}

/// The longest text whose tokens [`tokenize_sentences`] produces: token
/// offsets are `u32` (half the memory of `usize` on 64-bit machines).
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// `x` as a token offset (saturating; callers stay below [`MAX_TEXT_BYTES`]).
fn offset(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// Tokenises `sub` (which starts at byte `base` of the document) into `out`.
pub fn tokenize_into(sub: &str, base: usize, sentence: usize, out: &mut Vec<Token>) {
    let sentence = offset(sentence);
    let bytes = sub.as_bytes();
    let mut chars = sub.char_indices().peekable();
    let mut space = true;
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() || c.is_control() || c == '\u{FEFF}' || c == '\u{200B}' {
            space = true;
            continue;
        }
        let push = |out: &mut Vec<Token>, s: usize, e: usize, kind: TokenKind, space: bool| {
            out.push(Token {
                start: offset(base + s),
                end: offset(base + e),
                kind,
                space_before: space,
                sentence,
            });
        };
        if c.is_ascii_digit() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_ascii_digit() {
                    end = j + 1;
                    chars.next();
                } else if (d == ',' || d == '.')
                    && bytes.get(j + 1).is_some_and(|b| b.is_ascii_digit())
                {
                    chars.next();
                } else if d.is_alphabetic() {
                    // "1990s", "3rd": keep as one word-ish number.
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            push(out, i, end, TokenKind::Number, space);
        } else if is_word_char(c) {
            let mut end = i + c.len_utf8();
            let mut acronym = c.is_uppercase();
            let mut seg_len = 1;
            while let Some(&(j, d)) = chars.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    seg_len += 1;
                    chars.next();
                } else if d == '.' && acronym && seg_len == 1 {
                    // "U.S." / "U.N.": single letters joined by periods.
                    let next = sub[j + 1..].chars().next();
                    let after_letter = next.is_some_and(|n| n.is_uppercase());
                    let dotted_before = sub[i..j].contains('.');
                    if after_letter {
                        let n = next.unwrap_or(' ');
                        let next2 = sub[j + 1 + n.len_utf8()..].chars().next();
                        if next2 == Some('.') {
                            chars.next();
                            end = j + 1;
                            seg_len = 0;
                            continue;
                        }
                    }
                    if dotted_before {
                        chars.next();
                        end = j + 1;
                    }
                    break;
                } else if is_apostrophe(d) {
                    let rest = &sub[j + d.len_utf8()..];
                    let mut rc = rest.chars();
                    let n1 = rc.next();
                    let n2 = rc.next();
                    let possessive_s =
                        matches!(n1, Some('s' | 'S')) && !n2.is_some_and(is_word_char);
                    if possessive_s {
                        break;
                    }
                    if n1.is_some_and(|n| n.is_alphabetic()) {
                        // O'Brien, don't.
                        chars.next();
                        end = j + d.len_utf8();
                        acronym = false;
                        continue;
                    }
                    break;
                } else {
                    break;
                }
                if !d.is_uppercase() {
                    acronym = false;
                }
            }
            push(out, i, end, TokenKind::Word, space);
            // Possessive ending directly after the word.
            if let Some(&(j, d)) = chars.peek() {
                if j == end && is_apostrophe(d) {
                    let after = j + d.len_utf8();
                    let rest = &sub[after..];
                    let mut rc = rest.chars();
                    let n1 = rc.next();
                    let n2 = rc.next();
                    if matches!(n1, Some('s' | 'S')) && !n2.is_some_and(is_word_char) {
                        chars.next();
                        chars.next();
                        push(out, j, after + 1, TokenKind::Possessive, false);
                    } else if !n1.is_some_and(is_word_char) && sub[..end].ends_with(['s', 'S']) {
                        chars.next();
                        push(out, j, after, TokenKind::Possessive, false);
                    }
                }
            }
        } else {
            push(out, i, i + c.len_utf8(), TokenKind::Punct, space);
        }
        space = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(&str, TokenKind)> {
        let mut out = Vec::new();
        tokenize_into(s, 0, 0, &mut out);
        out.iter().map(|t| (&s[t.range()], t.kind)).collect()
    }

    #[test]
    fn tokens_are_16_bytes() {
        assert_eq!(std::mem::size_of::<Token>(), 16);
    }

    #[test]
    fn possessives_split() {
        use TokenKind::*;
        assert_eq!(
            toks("Putin’s plan"),
            vec![("Putin", Word), ("’s", Possessive), ("plan", Word)]
        );
        assert_eq!(toks("Russia's"), vec![("Russia", Word), ("'s", Possessive)]);
        assert_eq!(
            toks("forces’ success"),
            vec![("forces", Word), ("’", Possessive), ("success", Word)]
        );
        assert_eq!(
            toks("O'Brien don't"),
            vec![("O'Brien", Word), ("don't", Word)]
        );
    }

    #[test]
    fn acronyms_and_hyphens() {
        use TokenKind::*;
        assert_eq!(
            toks("the U.S. and U.N."),
            vec![("the", Word), ("U.S.", Word), ("and", Word), ("U.N.", Word)]
        );
        assert_eq!(
            toks("Trump-Putin"),
            vec![("Trump", Word), ("-", Punct), ("Putin", Word)]
        );
        assert_eq!(
            toks("28-point"),
            vec![("28", Number), ("-", Punct), ("point", Word)]
        );
        assert_eq!(
            toks("Mr. Smith"),
            vec![("Mr", Word), (".", Punct), ("Smith", Word)]
        );
        assert_eq!(
            toks("1,000.5 1990s"),
            vec![("1,000.5", Number), ("1990s", Number)]
        );
    }

    #[test]
    fn odd_unicode() {
        let s = "Zoë e\u{301} 東京 مرحبا \u{200D}\u{0}x";
        let t = toks(s);
        assert!(t.iter().any(|(w, _)| *w == "Zoë"));
        assert!(t.iter().any(|(w, _)| *w == "東京"));
    }
}
