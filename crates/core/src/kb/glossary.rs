//! Glossary of proposal kinds (ceasefire, security guarantees, summit…) for
//! proposal cards. Lookups are O(1) hash probes; [`Kb::glossary_for`] tries at
//! most a fixed number of word suffixes of a phrase.

use super::Kb;

/// One glossary term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryEntry {
    /// The term ("ceasefire").
    pub term: &'static str,
    /// Other words for it ("truce", "cease-fire").
    pub aliases: Box<[&'static str]>,
    /// Short neutral definition.
    pub definition: &'static str,
    /// When the definition was written.
    pub as_of: &'static str,
    /// Who wrote it.
    pub source: &'static str,
}

impl Kb {
    /// All glossary terms.
    #[cfg(test)]
    pub fn glossary_terms(&self) -> &[GlossaryEntry] {
        &self.glossary
    }

    /// The glossary entry for `term` or one of its aliases (case-insensitive,
    /// "the " stripped, a plural "s" tolerated).
    pub fn glossary(&self, term: &str) -> Option<&GlossaryEntry> {
        let s = self;
        let t = term.trim().replace('’', "'").to_lowercase();
        let t = t.strip_prefix("the ").unwrap_or(&t);
        let i = s
            .glossary_keys
            .get(t)
            .or_else(|| t.strip_suffix('s').and_then(|b| s.glossary_keys.get(b)))
            .or_else(|| t.strip_suffix("es").and_then(|b| s.glossary_keys.get(b)))?;
        s.glossary.get(*i)
    }

    /// The glossary entry for the longest trailing phrase of `phrase` that is a
    /// term: "28-point peace proposal" → peace plan, "a Trump–Putin summit" →
    /// summit. Looks at most at the last six words.
    pub fn glossary_for(&self, phrase: &str) -> Option<&GlossaryEntry> {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let from = words.len().saturating_sub(6);
        (from..words.len()).find_map(|i| self.glossary(&words[i..].join(" ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> &'static Kb {
        crate::Analyzer::shared().kb()
    }

    #[test]
    fn terms_aliases_and_phrases() {
        assert_eq!(
            kb().glossary("ceasefire").map(|g| g.term),
            Some("ceasefire")
        );
        assert_eq!(kb().glossary("Truce").map(|g| g.term), Some("ceasefire"));
        assert_eq!(
            kb().glossary("ceasefires").map(|g| g.term),
            Some("ceasefire")
        );
        assert_eq!(
            kb().glossary("security guarantees").map(|g| g.term),
            Some("security guarantees")
        );
        assert_eq!(
            kb().glossary("sanctions").map(|g| g.term),
            Some("sanctions")
        );
        assert_eq!(
            kb().glossary("referendum").map(|g| g.term),
            Some("referendum")
        );
        assert_eq!(
            kb().glossary_for("the updated peace framework")
                .map(|g| g.term),
            Some("peace plan")
        );
        assert_eq!(
            kb().glossary_for("a direct Trump-Putin summit")
                .map(|g| g.term),
            Some("summit")
        );
        assert!(kb().glossary("banana").is_none());
        assert!(kb().glossary_for("").is_none());
    }
}
