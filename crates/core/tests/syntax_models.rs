//! The bundled tagger and parser on sentences written for these tests,
//! tokenised by Gloss's own tokenizer and split into UD words
//! (`syntax::ud_words`), as at run time.

use gloss_core::syntax::ud_words::UdWords;
use gloss_core::syntax::{Deprel, Models, Upos, WordSyntax};

/// Gloss tokens of one sentence.
fn tokens(text: &str) -> Vec<&str> {
    let mut toks = Vec::new();
    gloss_core::tokenize::tokenize_into(text, 0, 0, &mut toks);
    toks.iter().map(|t| &text[t.range()]).collect()
}

/// The UD words of `text` and their syntax.
fn analyze(text: &str) -> (Vec<&str>, Vec<WordSyntax>) {
    let models = Models::english().expect("bundled models load");
    let toks = tokens(text);
    let words = UdWords::split(&toks).words;
    let syntax = models.analyze(&words);
    (words, syntax)
}

#[test]
fn bundled_models_load() {
    let m = Models::english().expect("bundled models load");
    assert!(m.parser.labels().contains(&Deprel::NsubjPass));
    let (features, weights) = m.tagger.size();
    assert!(features > 1000 && weights >= features);
}

#[test]
fn tagger_gets_the_obvious_cases() {
    use Upos::*;
    let cases: &[(&str, &[Upos])] = &[
        (
            "The president signed the bill on Tuesday.",
            &[Det, Noun, Verb, Det, Noun, Adp, Propn, Punct],
        ),
        (
            "She will not attend the summit in Paris.",
            &[Pron, Aux, Part, Verb, Det, Noun, Adp, Propn, Punct],
        ),
        (
            "They don't want a new deal.",
            &[Pron, Aux, Part, Verb, Det, Adj, Noun, Punct],
        ),
        (
            "Two ministers resigned and left quickly.",
            &[Num, Noun, Verb, Cconj, Verb, Adv, Punct],
        ),
        (
            "Germany's chancellor was in London.",
            &[Propn, Part, Noun, Aux, Adp, Propn, Punct],
        ),
        (
            "He said that prices would rise.",
            &[Pron, Verb, Sconj, Noun, Aux, Verb, Punct],
        ),
    ];
    for (text, want) in cases {
        let (words, syntax) = analyze(text);
        let got: Vec<Upos> = syntax.iter().map(|w| w.upos).collect();
        assert_eq!(&got, want, "{text}: {words:?}");
    }
}

/// (dependent, relation, head) triples; the head "ROOT" means the root.
type Arcs<'a> = &'a [(&'a str, Deprel, &'a str)];

#[test]
fn parser_finds_subjects_objects_and_agents() {
    use Deprel::*;
    let cases: &[(&str, Arcs)] = &[
        (
            "The committee rejected the plan.",
            &[
                ("committee", Nsubj, "rejected"),
                ("plan", Obj, "rejected"),
                ("rejected", Root, "ROOT"),
            ],
        ),
        (
            "The plan was rejected by the council.",
            &[
                ("plan", NsubjPass, "rejected"),
                ("was", AuxPass, "rejected"),
                ("council", OblAgent, "rejected"),
                ("by", Case, "council"),
            ],
        ),
        (
            "The new law was approved by parliament on Monday.",
            &[
                ("law", NsubjPass, "approved"),
                ("parliament", OblAgent, "approved"),
            ],
        ),
        (
            "Ukraine's president met Chinese officials in Beijing.",
            &[
                ("president", Nsubj, "met"),
                ("officials", Obj, "met"),
                ("Beijing", Obl, "met"),
                ("Ukraine", NmodPoss, "president"),
            ],
        ),
        (
            "Protesters demanded that the mayor resign.",
            &[
                ("Protesters", Nsubj, "demanded"),
                ("resign", Ccomp, "demanded"),
                ("mayor", Nsubj, "resign"),
            ],
        ),
        (
            "The union doesn't support the deal.",
            &[
                ("union", Nsubj, "support"),
                ("deal", Obj, "support"),
                ("does", Aux, "support"),
            ],
        ),
    ];
    for (text, want) in cases {
        let (words, syntax) = analyze(text);
        let find = |w: &str| {
            words
                .iter()
                .position(|x| *x == w)
                .unwrap_or_else(|| panic!("{w} in {words:?}"))
        };
        for &(dep, rel, head) in want.iter() {
            let d = find(dep);
            let got_head = syntax[d].head.map_or("ROOT", |h| words[h]);
            assert_eq!(
                (got_head, syntax[d].rel),
                (head, rel),
                "{text}: {dep} (parse {:?})",
                words
                    .iter()
                    .zip(&syntax)
                    .map(|(w, s)| (w, s.head, s.rel.as_str()))
                    .collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn every_sentence_gets_one_tree() {
    let texts = [
        "",
        "Yes.",
        "!!!",
        "A",
        "Breaking: markets fall, again — and again; nobody knows why?!",
        "ÉTÉ 2024 : le président a parlé.",
        "x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x",
    ];
    for text in texts {
        let (words, syntax) = analyze(text);
        assert_eq!(words.len(), syntax.len());
        if words.is_empty() {
            continue;
        }
        assert_eq!(
            syntax.iter().filter(|s| s.head.is_none()).count(),
            1,
            "{text}"
        );
        for s in &syntax {
            // Heads are in range and following them reaches the root.
            let mut h = s.head;
            let mut steps = 0;
            while let Some(x) = h {
                assert!(x < words.len(), "{text}");
                h = syntax[x].head;
                steps += 1;
                assert!(steps <= words.len(), "cycle in {text}");
            }
        }
    }
}

#[test]
fn damaged_model_bytes_are_errors() {
    use gloss_core::syntax::{ModelError, ENGLISH_PARSER, ENGLISH_TAGGER};
    assert!(Models::from_bytes(ENGLISH_TAGGER, ENGLISH_PARSER).is_ok());
    // Swapped files, truncations and flipped bytes are errors, never panics.
    assert!(matches!(
        Models::from_bytes(ENGLISH_PARSER, ENGLISH_TAGGER),
        Err(ModelError::WrongKind { .. })
    ));
    for cut in [
        0,
        7,
        16,
        100,
        ENGLISH_TAGGER.len() / 2,
        ENGLISH_TAGGER.len() - 1,
    ] {
        assert!(
            Models::from_bytes(&ENGLISH_TAGGER[..cut], ENGLISH_PARSER).is_err(),
            "cut {cut}"
        );
    }
    for at in [
        8,
        12,
        40,
        ENGLISH_PARSER.len() / 3,
        ENGLISH_PARSER.len() - 9,
    ] {
        let mut b = ENGLISH_PARSER.to_vec();
        b[at] ^= 0x20;
        assert!(
            Models::from_bytes(ENGLISH_TAGGER, &b).is_err(),
            "flip at {at}"
        );
    }
    assert!(matches!(
        Models::from_bytes(b"not a model", ENGLISH_PARSER),
        Err(ModelError::BadMagic)
    ));
}
