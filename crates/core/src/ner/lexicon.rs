//! Word lists bundled with the recogniser (see `crates/core/data/README.md`
//! for their sources and licences): given names, surnames, places, words
//! usually written in lower case, and name-head label statistics.
//!
//! Each list is parsed once into a hash set on first use
//! ([`std::sync::OnceLock`]); lookups are O(length of the word).

pub(crate) use crate::hash::{FastMap, FastSet};
use std::sync::OnceLock;

const FIRST_NAMES: &str = include_str!("../../data/lexicons/first_names.txt");
const SURNAMES: &str = include_str!("../../data/lexicons/surnames.txt");
const LOWERCASE: &str = include_str!("../../data/lexicons/lowercase.txt");
const NAME_HEADS: &str = include_str!("../../data/lexicons/name_heads.tsv");

/// Non-comment, non-empty lines of a bundled list.
fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn set(
    cell: &'static OnceLock<FastSet<&'static str>>,
    data: &'static str,
) -> &'static FastSet<&'static str> {
    cell.get_or_init(|| lines(data).collect())
}

/// Is `w` a given name ("John", "Maria")? Case-sensitive, title case.
pub fn is_first_name(w: &str) -> bool {
    static S: OnceLock<FastSet<&'static str>> = OnceLock::new();
    set(&S, FIRST_NAMES).contains(w)
}

/// Is `w` a common surname ("Smith")? Title case.
pub fn is_surname(w: &str) -> bool {
    static S: OnceLock<FastSet<&'static str>> = OnceLock::new();
    set(&S, SURNAMES).contains(w)
}

/// Is `name` a known place (country, territory, US state, region, city)?
///
/// Answered by the knowledge base's place entries (names and aliases): a
/// separate 6,000-city gazetteer made no measurable difference on the dev or
/// training sets and cost 31 KB gzipped of every page load.
pub fn is_place(name: &str) -> bool {
    crate::kb::candidates(name)
        .iter()
        .any(|e| e.kind == crate::model::ActorKind::Place)
}

/// Is the lower-cased word `lower` usually written in lower case?
pub fn is_lowercase_word(lower: &str) -> bool {
    static S: OnceLock<FastSet<&'static str>> = OnceLock::new();
    set(&S, LOWERCASE).contains(lower)
}

/// Label counts `[person, org, place]` for a word seen as the last word of
/// names in the training corpus.
pub fn head_counts(w: &str) -> Option<[u16; 3]> {
    static M: OnceLock<FastMap<&'static str, [u16; 3]>> = OnceLock::new();
    M.get_or_init(|| {
        lines(NAME_HEADS)
            .filter_map(|l| {
                let mut it = l.split('\t');
                let w = it.next()?;
                let mut c = [0u16; 3];
                for slot in &mut c {
                    *slot = it.next()?.parse().ok()?;
                }
                Some((w, c))
            })
            .collect()
    })
    .get(w)
    .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        assert!(is_first_name("John"));
        assert!(is_first_name("Mary"));
        assert!(!is_first_name("the"));
        assert!(is_surname("Smith"));
        assert!(is_place("France"));
        assert!(is_place("Texas"));
        assert!(is_lowercase_word("however"));
        assert!(is_lowercase_word("the"));
        assert!(!is_lowercase_word("putin"));
        assert!(head_counts("Airport").is_some_and(|c| c[2] > c[0] + c[1]));
    }
}
