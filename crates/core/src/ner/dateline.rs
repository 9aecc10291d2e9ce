//! Datelines: the place a report was filed from, in capitals at the start
//! of its first paragraph ("NAIROBI —", "NEW DELHI:", "LONDON, March 3
//! (AP) —", "WASHINGTON (Reuters) -"). The name is a place whatever the
//! model makes of a word in capitals.

use super::{is_cap, title_case, Rules};
use crate::tokenize::TokenKind;

/// At most this many words in a dateline's place ("RIO DE JANEIRO").
const MAX_WORDS: usize = 4;

impl Rules<'_, '_> {
    /// The end of the dateline place starting at token `g` (the first
    /// token of a sentence), if there is one: words in capitals followed
    /// by a dash, by an agency in brackets and a dash, or, for a place the
    /// knowledge base knows, by a comma or a colon.
    /// After a dateline's city ending at `e`: the end of an abbreviated
    /// state or region and its dash ("SACRAMENTO, Calif. —", "BOSTON,
    /// Mass. (AP) —"), which is part of the dateline, not a name.
    pub(super) fn abbreviated_region(&self, e: usize) -> Option<usize> {
        let dash = |t: &str| matches!(t, "—" | "–" | "-" | "--");
        let word = e + 1;
        let ok = self.w(e) == ","
            && self.kind(word) == Some(TokenKind::Word)
            && is_cap(self.w(word))
            && self.w(word).chars().count() <= 5
            && self.w(word + 1) == "."
            && !self.space_before(word + 1);
        if !ok {
            return None;
        }
        let after = word + 2;
        if dash(self.w(after)) {
            return Some(after);
        }
        if self.w(after) == "(" {
            let close = (after + 1..after + 5).find(|&j| self.w(j) == ")")?;
            return dash(self.w(close + 1)).then_some(close + 1);
        }
        None
    }

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
        // "(Reuters) -": an agency in brackets, then the dash.
        let agency_dash = |k: usize| {
            (k + 1..(k + 5).min(self.doc.tokens.len()))
                .find(|&j| self.w(j) == ")")
                .is_some_and(|j| dash(self.w(j + 1)))
        };
        let ok = if dash(next) {
            true
        } else if next == "(" {
            agency_dash(e)
        } else if next == "," && !known() {
            // "LEEDS, England (Reuters) -", "OBERWIL, Switzerland —": the
            // city's country or region, then the dash.
            let mut k = e + 1;
            while k < e + 4 && self.kind(k) == Some(TokenKind::Word) && is_cap(self.w(k)) {
                k += 1;
            }
            let abbreviated = self.abbreviated_region(e).is_some();
            k > e + 1
                && (abbreviated || self.kb().is_place(self.slice(e + 1, k)))
                && (abbreviated || dash(self.w(k)) || self.w(k) == "(" && agency_dash(k))
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
