//! Datelines: the place a report was filed from, in capitals at the start
//! of its first paragraph ("NAIROBI —", "NEW DELHI:", "LONDON, March 3
//! (AP) —", "WASHINGTON (Reuters) -"). The name is a place whatever the
//! model makes of a word in capitals.

use super::{title_case, Rules};
use crate::tokenize::TokenKind;

/// At most this many words in a dateline's place ("RIO DE JANEIRO").
const MAX_WORDS: usize = 4;

impl Rules<'_, '_> {
    /// The end of the dateline place starting at token `g` (the first
    /// token of a sentence), if there is one: words in capitals followed
    /// by a dash, by an agency in brackets and a dash, or, for a place the
    /// knowledge base knows, by a comma or a colon.
    pub(super) fn dateline(&self, g: usize) -> Option<usize> {
        if !self.is_initial(g) {
            return None;
        }
        let mut e = g;
        while e < g + MAX_WORDS && self.kind(e) == Some(TokenKind::Word) && is_upper_word(self.w(e))
        {
            e += 1;
        }
        if e == g || self.lx().is_function_word(&title_case(self.w(g))) {
            return None;
        }
        let known = || self.kb().is_place(&title_case(self.slice(g, e)));
        // "UPDATE —", "EXCLUSIVE:": labels in capitals, not places.
        if (g..e).all(|k| self.is_common(&title_case(self.w(k)))) && !known() {
            return None;
        }
        let dash = |t: &str| matches!(t, "—" | "–" | "-" | "--");
        let next = self.w(e);
        let ok = if dash(next) {
            true
        } else if next == "(" {
            // "(Reuters) -": an agency in brackets, then the dash.
            (e + 1..(e + 5).min(self.doc.tokens.len()))
                .find(|&k| self.w(k) == ")")
                .is_some_and(|k| dash(self.w(k + 1)))
        } else {
            matches!(next, "," | ":") && known()
        };
        ok.then_some(e)
    }
}

/// A word of two or more letters, all in capitals ("NAIROBI", "U.S.").
fn is_upper_word(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    #[test]
    fn title_case_of_capitals() {
        assert_eq!(super::title_case("NEW DELHI"), "New Delhi");
        assert_eq!(super::title_case("NAIROBI"), "Nairobi");
        assert_eq!(super::title_case("PORT-AU-PRINCE"), "Port-Au-Prince");
    }
}
