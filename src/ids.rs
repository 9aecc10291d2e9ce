//! DOM ids of the elements the app moves focus to or scrolls to, in one
//! place so every component spells them the same way.

use crate::state::{Selection, Target};

/// The id of a mention element ("m-a3-1": actor 3, its mention 1).
pub fn mention(sel: Selection) -> String {
    match sel.target {
        Target::Actor(a) => format!("m-a{a}-{}", sel.mention),
        Target::Proposal(p) => format!("m-p{p}-{}", sel.mention),
    }
}

/// The id of the wrapper of sentence `i` (a jump target).
pub fn sentence(i: usize) -> String {
    format!("s-{i}")
}

/// The id of a stance-map edge (proposal `p`, its stance `s`).
pub fn edge(p: usize, s: usize) -> String {
    format!("edge-{p}-{s}")
}

/// The id of stance `s` in the open proposal card.
pub fn card_stance(s: usize) -> String {
    format!("stance-{s}")
}

/// The card's title.
pub const CARD_TITLE: &str = "card-title";

/// The paste area.
pub const INPUT: &str = "article-input";

/// The result's heading (the article's headline when it has one).
pub const RESULT_TITLE: &str = "result-title";

/// The highlighted article (the "Skip to article" target).
pub const ARTICLE: &str = "article-view";

/// The index of actors and proposals.
pub const INDEX: &str = "index";

/// Where focus returns when the card closes: the stance-map edge it was
/// opened from, else its current mention.
pub fn return_focus(sel: Selection, stance: Option<usize>) -> String {
    match (sel.target, stance) {
        (Target::Proposal(p), Some(s)) => edge(p, s),
        _ => mention(sel),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        let sel = Selection {
            target: Target::Proposal(2),
            mention: 1,
        };
        assert_eq!(mention(sel), "m-p2-1");
        assert_eq!(return_focus(sel, Some(3)), "edge-2-3");
        assert_eq!(return_focus(sel, None), "m-p2-1");
        assert_eq!(sentence(4), "s-4");
    }
}
