//! "Who said what": what each actor is reported as saying, grouped by
//! speaker, most salient first.
//!
//! Today the source is the actors' facts ("what the actor does or says":
//! "praised the talks as constructive", "said “…”"), each marked quoted
//! when it holds the speaker's own words in quotation marks. When the
//! analysis gains its own list of attributed quotes, [`who_said_what`] reads
//! that instead ([`from_facts`] is the only source to replace); the view and
//! its callers stay as they are.

use gloss_core::Analysis;

/// One thing an actor said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Index of the sentence it is in (a jump target).
    pub sentence: usize,
    /// What was said, as the analysis words it.
    pub text: String,
    /// True when it holds the speaker's own words (quotation marks).
    pub quoted: bool,
}

/// An actor and what they said, in text order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// Index into `analysis.actors`.
    pub actor: usize,
    /// What they said.
    pub quotes: Vec<Quote>,
}

fn is_quoted(fact: &str) -> bool {
    fact.contains(['“', '”', '"'])
}

/// Speakers from the actors' facts (see the module docs).
pub fn from_facts(a: &Analysis) -> Vec<Speaker> {
    a.actors
        .iter()
        .enumerate()
        .filter_map(|(i, x)| {
            let quotes: Vec<Quote> = x
                .facts
                .iter()
                .map(|f| Quote {
                    sentence: f.sentence,
                    text: f.text.clone(),
                    quoted: is_quoted(&f.text),
                })
                .collect();
            (!quotes.is_empty()).then_some(Speaker { actor: i, quotes })
        })
        .collect()
}

/// Who said what in `a`, speakers in the order of `a.actors` (most salient first).
pub fn who_said_what(a: &Analysis) -> Vec<Speaker> {
    from_facts(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use gloss_core::{analyze, Options};

    #[test]
    fn facts_are_grouped_by_speaker_in_salience_order() {
        let text = "Mayor Daniel Reyes proposed the plan. \"This is the most important decision in a decade,\" Reyes said. \
            The chamber of commerce opposed it. Its president, Ana Ruiz, said the lanes would cost shops customers.";
        let a = analyze(text, &Options::default());
        let speakers = who_said_what(&a);
        let with_facts = a.actors.iter().filter(|x| !x.facts.is_empty()).count();
        assert_eq!(speakers.len(), with_facts);
        assert!(speakers.windows(2).all(|w| w[0].actor < w[1].actor));
        for s in &speakers {
            assert!(!s.quotes.is_empty());
            for q in &s.quotes {
                assert!(q.sentence < a.sentences.len());
            }
        }
        assert!(
            speakers.iter().flat_map(|s| &s.quotes).any(|q| q.quoted),
            "{speakers:?}"
        );
    }

    #[test]
    fn quoted_or_reported() {
        assert!(is_quoted(
            "said “This is the most important transport decision”"
        ));
        assert!(!is_quoted("said it would cut journey times by a fifth"));
    }
}
