//! From Gloss tokens to the syntactic words of Universal Dependencies.
//!
//! Gloss's tokenizer (`crate::tokenize`) keeps contractions whole
//! ("don't", "I'm", "cannot") while UD English splits them into two words
//! ("do" + "n't", "I" + "'m", "can" + "not"); possessive "'s" and hyphens
//! are already separate tokens in both. The models were trained on UD
//! words, so text should be split the UD way before tagging and parsing,
//! and the results projected back onto the tokens.
//!
//! [`UdWords::split`] does the first step and [`UdWords::token_heads`] the
//! second. Every word is a sub-slice of its token, so offsets are kept.

/// The UD words of a sentence of tokens, with the token each came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UdWords<'a> {
    /// The words, each a sub-slice of a token.
    pub words: Vec<&'a str>,
    /// `token_of[w]` = the token word `w` belongs to.
    pub token_of: Vec<usize>,
    /// `first_word[t]` = the first word of token `t` (it stands for the
    /// token when projecting back).
    pub first_word: Vec<usize>,
}

/// Byte length of the second word when `token` is a contraction UD splits.
fn split_point(token: &str) -> Option<usize> {
    let lower_ends = |suffix: &str| {
        token.len() > suffix.len()
            && token
                .get(token.len() - suffix.len()..)
                .is_some_and(|t| t.eq_ignore_ascii_case(suffix))
    };
    // Apostrophe contractions, straight or curly: n't, 're, 've, 'll, 'd, 'm, 's.
    const NT: [&str; 2] = ["n't", "n\u{2019}t"];
    const CLITICS: [&str; 12] = [
        "'re",
        "'ve",
        "'ll",
        "'d",
        "'m",
        "'s",
        "\u{2019}re",
        "\u{2019}ve",
        "\u{2019}ll",
        "\u{2019}d",
        "\u{2019}m",
        "\u{2019}s",
    ];
    if let Some(nt) = NT.iter().find(|nt| lower_ends(nt)) {
        return Some(token.len() - nt.len());
    }
    if let Some(c) = CLITICS.iter().find(|c| lower_ends(c)) {
        return Some(token.len() - c.len());
    }
    // Whole-word contractions without an apostrophe.
    const WHOLE: [(&str, usize); 4] = [("cannot", 3), ("gonna", 3), ("wanna", 3), ("gotta", 3)];
    WHOLE
        .iter()
        .find(|(w, _)| token.eq_ignore_ascii_case(w))
        .map(|&(_, at)| at)
}

impl<'a> UdWords<'a> {
    /// Splits the contractions among `tokens` into UD words.
    pub fn split(tokens: &[&'a str]) -> UdWords<'a> {
        let mut words = Vec::with_capacity(tokens.len() + tokens.len() / 16);
        let mut token_of = Vec::with_capacity(words.capacity());
        let mut first_word = Vec::with_capacity(tokens.len());
        for (t, &tok) in tokens.iter().enumerate() {
            first_word.push(words.len());
            match split_point(tok).filter(|&at| at > 0 && tok.is_char_boundary(at)) {
                Some(at) => {
                    words.push(&tok[..at]);
                    words.push(&tok[at..]);
                    token_of.extend([t, t]);
                }
                None => {
                    words.push(tok);
                    token_of.push(t);
                }
            }
        }
        UdWords {
            words,
            token_of,
            first_word,
        }
    }

    /// A per-word value for each token: that of the token's first word.
    pub fn token_values<T: Copy>(&self, per_word: &[T]) -> Vec<T> {
        self.first_word
            .iter()
            .filter_map(|&w| per_word.get(w).copied())
            .collect()
    }

    /// Token-level heads from word-level heads (`None` = root): a token's
    /// head is the token of its first word's head; when that head is inside
    /// the same token ("gonna"), the head's own head is followed instead.
    pub fn token_heads(&self, word_heads: &[Option<usize>]) -> Vec<Option<usize>> {
        self.first_word
            .iter()
            .enumerate()
            .map(|(t, &w)| {
                let mut h = word_heads.get(w).copied().flatten();
                for _ in 0..word_heads.len() {
                    match h {
                        Some(x) if self.token_of.get(x) == Some(&t) => {
                            h = word_heads.get(x).copied().flatten();
                        }
                        _ => break,
                    }
                }
                h.and_then(|x| self.token_of.get(x).copied())
                    .filter(|&ht| ht != t)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contractions_split_the_ud_way() {
        let cases: &[(&str, &[&str])] = &[
            ("don't", &["do", "n't"]),
            ("Don’t", &["Do", "n’t"]),
            ("can't", &["ca", "n't"]),
            ("won't", &["wo", "n't"]),
            ("I'm", &["I", "'m"]),
            ("they're", &["they", "'re"]),
            ("we'll", &["we", "'ll"]),
            ("you've", &["you", "'ve"]),
            ("she'd", &["she", "'d"]),
            ("cannot", &["can", "not"]),
            ("Gonna", &["Gon", "na"]),
            ("O'Brien", &["O'Brien"]),
            ("o'clock", &["o'clock"]),
            ("'s", &["'s"]),
            ("n't", &["n't"]),
            ("rock", &["rock"]),
            ("", &[""]),
        ];
        for (tok, want) in cases {
            let w = UdWords::split(&[tok]);
            assert_eq!(w.words, *want, "{tok}");
        }
    }

    #[test]
    fn words_map_back_to_tokens() {
        let toks = ["They", "don't", "know", "."];
        let w = UdWords::split(&toks);
        assert_eq!(w.words, ["They", "do", "n't", "know", "."]);
        assert_eq!(w.token_of, [0, 1, 1, 2, 3]);
        assert_eq!(w.first_word, [0, 1, 3, 4]);
        // They ← know, do ← know, n't ← know, know = root, . ← know.
        let heads = [Some(3), Some(3), Some(3), None, Some(3)];
        assert_eq!(w.token_heads(&heads), [Some(2), Some(2), None, Some(2)]);
        assert_eq!(
            w.token_values(&["PRON", "AUX", "PART", "VERB", "PUNCT"]),
            ["PRON", "AUX", "VERB", "PUNCT"]
        );
    }

    #[test]
    fn heads_inside_a_token_are_followed_out() {
        // "gonna go": gon = root, na ← go, go ← gon.
        let toks = ["gonna", "go"];
        let w = UdWords::split(&toks);
        assert_eq!(w.words, ["gon", "na", "go"]);
        assert_eq!(w.token_heads(&[None, Some(2), Some(0)]), [None, Some(0)]);
        // A first word hanging on its own token's second word.
        let heads = [Some(1), None, Some(1)];
        assert_eq!(w.token_heads(&heads), [None, Some(0)]);
    }
}
