//! "Who said what": what each actor is reported as saying, grouped by
//! speaker, most salient first.
//!
//! The sources are the actors' facts ("what the actor does or says":
//! "praised the talks as constructive", "“…”"), each marked quoted when it
//! holds the speaker's own words in quotation marks, and the analysis's own
//! list of attributed quotes ([`Analysis::quotes`]): a quote that no fact
//! of its speaker already shows is added ([`from_quotes`]), so every quote
//! the core attributes appears once, under its speaker.

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

/// The sentence index holding byte offset `at`, if any.
fn sentence_at(a: &Analysis, at: usize) -> Option<usize> {
    let i = a.sentences.partition_point(|s| s.end <= at);
    a.sentences.get(i).filter(|s| s.start <= at).map(|_| i)
}

/// Adds to `speakers` each of `a.quotes` that its speaker's facts do not
/// already show (a quote in quotation marks, in text order).
pub fn from_quotes(a: &Analysis, speakers: &mut Vec<Speaker>) {
    for q in &a.quotes {
        let Some(actor) = a.actors.iter().position(|x| x.id == q.speaker) else {
            continue;
        };
        let Some(sentence) = sentence_at(a, q.start) else {
            continue;
        };
        let text = q.text.trim();
        if text.is_empty() {
            continue;
        }
        let k = match speakers.iter().position(|s| s.actor == actor) {
            Some(k) => k,
            None => {
                speakers.push(Speaker {
                    actor,
                    quotes: Vec::new(),
                });
                speakers.len() - 1
            }
        };
        let said = &mut speakers[k].quotes;
        if said.iter().any(|x| x.text.contains(text)) {
            continue;
        }
        said.push(Quote {
            sentence,
            text: format!("“{text}”"),
            quoted: true,
        });
        said.sort_by_key(|x| x.sentence);
    }
    speakers.sort_by_key(|s| s.actor);
}

/// Who said what in `a`, speakers in the order of `a.actors` (most salient first).
pub fn who_said_what(a: &Analysis) -> Vec<Speaker> {
    let mut speakers = from_facts(a);
    from_quotes(a, &mut speakers);
    speakers
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
    fn every_attributed_quote_appears_once_under_its_speaker() {
        let text = "Councillor Maya Brandt spoke at the depot on Friday. \"We will not close this depot,\" Brandt said. \
            Later she added that the depot served the whole valley.";
        let mut a = analyze(text, &Options::default());
        // Whatever the facts hold, each quote of the analysis is shown once.
        let speakers = who_said_what(&a);
        for q in &a.quotes {
            let n = speakers
                .iter()
                .flat_map(|s| &s.quotes)
                .filter(|x| x.text.contains(q.text.trim()))
                .count();
            assert_eq!(n, 1, "{q:?} in {speakers:?}");
        }
        // A quote with no fact behind it is still listed.
        for x in &mut a.actors {
            x.facts.clear();
        }
        let speakers = who_said_what(&a);
        assert_eq!(
            speakers.iter().flat_map(|s| &s.quotes).count(),
            a.quotes.len()
        );
        assert!(speakers.iter().flat_map(|s| &s.quotes).all(|q| q.quoted));
    }

    #[test]
    fn quoted_or_reported() {
        assert!(is_quoted(
            "said “This is the most important transport decision”"
        ));
        assert!(!is_quoted("said it would cut journey times by a fifth"));
    }
}
