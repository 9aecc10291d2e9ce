//! The learned recogniser with the bundled model, on sentences written for
//! these tests (issue 11's list of what a recogniser must decide), plus
//! model-file corruption.

use super::{EntLabel, Recognizer, Sentence};
use crate::doc::Doc;
use crate::kb::Kb;
use crate::lexicon::Lexicon;

fn lx() -> &'static Lexicon {
    crate::Analyzer::shared().lexicon()
}

fn kb() -> &'static Kb {
    crate::Analyzer::shared().kb()
}

/// Entities of `text` as `"name LABEL"`, text tokenised by the core.
fn ents(text: &str) -> Vec<String> {
    let doc = Doc::segmented(text);
    let words: Vec<Vec<&str>> = doc
        .sentence_tokens
        .iter()
        .map(|r| {
            doc.tokens[r.clone()]
                .iter()
                .map(|t| &text[t.range()])
                .collect()
        })
        .collect();
    let glued: Vec<Vec<bool>> = doc
        .sentence_tokens
        .iter()
        .map(|r| {
            doc.tokens[r.clone()]
                .iter()
                .enumerate()
                .map(|(i, t)| i > 0 && !t.space_before)
                .collect()
        })
        .collect();
    let sents: Vec<Sentence> = words
        .iter()
        .zip(&glued)
        .map(|(w, g)| Sentence {
            words: w,
            glued: g,
            pos: &[],
        })
        .collect();
    let r = Recognizer::bundled(doc.lex, doc.kb).expect("bundled model loads");
    let mut out = Vec::new();
    for (si, es) in r.recognize_doc(&sents).into_iter().enumerate() {
        let toks = &doc.tokens[doc.sentence_tokens[si].clone()];
        for e in es {
            let s = toks[e.span.start].start_byte();
            let t = toks[e.span.end - 1].end_byte();
            out.push(format!("{} {}", &text[s..t], e.label.as_str()));
        }
    }
    out
}

/// `(sentence, entities that must be found, names that must not be found
/// with any label)`.
type Case = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for (text, want, not) in cases {
        let got = ents(text);
        for w in *want {
            if !got.iter().any(|g| g == w) {
                failures.push(format!("{text:?}: missing {w:?}, got {got:?}"));
            }
        }
        for n in *not {
            if got
                .iter()
                .any(|g| g.rsplit_once(' ').is_some_and(|(name, _)| name == *n))
            {
                failures.push(format!(
                    "{text:?}: {n:?} must not be an entity, got {got:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn regions_and_towns_are_places() {
    check(&[
        (
            "Farmers in Bavaria protested against the new rules on Monday.",
            &["Bavaria PLACE"],
            &[],
        ),
        (
            "The flooding hit Punjab and Sindh hardest, officials said.",
            &["Punjab PLACE"],
            &[],
        ),
        (
            "She moved from Ontario to a small village near Lyon last year.",
            &["Ontario PLACE", "Lyon PLACE"],
            &[],
        ),
    ]);
}

#[test]
fn parties_and_municipalities_are_organisations() {
    check(&[
        (
            "The Green Party won four seats in the regional election.",
            &["Green Party ORG"],
            &[],
        ),
        (
            "A spokesman for the Labour Party said the vote was close.",
            &["Labour Party ORG"],
            &[],
        ),
    ]);
}

#[test]
fn people_with_initials_and_possessives() {
    check(&[
        (
            "The report was written by John F. Miller, a retired judge.",
            &["John F. Miller PERSON"],
            &[],
        ),
        (
            "Angela Martin's plan was rejected by the committee.",
            &["Angela Martin PERSON"],
            &[],
        ),
    ]);
}

#[test]
fn demonyms_and_sentence_openers_are_not_names() {
    check(&[
        (
            "However, the talks ended without an agreement.",
            &[],
            &["However"],
        ),
        (
            "Yesterday the minister resigned after the vote.",
            &[],
            &["Yesterday"],
        ),
    ]);
}

#[test]
fn unsure_names_are_other_never_a_default_person() {
    // Every entity carries a score, and a label below the model's threshold
    // is OTHER.
    let r = Recognizer::bundled(lx(), kb()).unwrap();
    let es = r.recognize(&["Zorblat", "Quexin", "visited", "Paris", "."], &[]);
    assert!(es.iter().all(|e| e.score > 0.0 && e.score <= 1.0));
}

#[test]
fn damaged_model_files_are_errors() {
    let bytes = super::BUNDLED;
    assert!(Recognizer::from_bytes(bytes, lx(), kb()).is_ok());
    assert!(Recognizer::from_bytes(&bytes[..bytes.len() / 2], lx(), kb()).is_err());
    assert!(Recognizer::from_bytes(b"", lx(), kb()).is_err());
    let mut b = bytes.to_vec();
    b[bytes.len() / 3] ^= 0x10;
    assert!(Recognizer::from_bytes(&b, lx(), kb()).is_err());
}

#[test]
fn labels_are_the_four_kinds() {
    assert_eq!(EntLabel::parse("ORG"), Some(EntLabel::Org));
    assert_eq!(EntLabel::parse("MISC"), None);
}

#[test]
fn headlines_abbreviations_and_capitalised_openers() {
    check(&[
        (
            "GOVERNOR SIGNS WATER BILL\n\nThe governor of Oregon signed the bill on Friday.",
            &["Oregon PLACE"],
            &["GOVERNOR", "GOVERNOR SIGNS WATER BILL", "WATER BILL"],
        ),
        (
            "The Social Democratic Party (SPD) lost votes in Hamburg.",
            &["Social Democratic Party ORG", "SPD ORG", "Hamburg PLACE"],
            &[],
        ),
        (
            "HIGH-powered lasers were used in the test, the company said.",
            &[],
            &["HIGH"],
        ),
        (
            "The mayor of a small town in Ohio said the plant would close.",
            &["Ohio PLACE"],
            &[],
        ),
    ]);
}
