//! Word-shape tests used with the lexicon's word classes.
//!
//! The closed word classes, proposal heads and stance cues themselves are
//! data ([`crate::lexicon`]); what remains here needs no list.

pub use crate::lexicon::{Cue, Family, Head, Strength};

/// Looks like an -ed/-ing participle or a finite verb ending (no POS tagger:
/// a suffix test backed by the closed lists of the lexicon).
pub fn is_participle(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed")) || (w.len() > 5 && w.ends_with("ing"))
}
