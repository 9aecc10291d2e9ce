//! The bundled tagger and parser through the public API: sentences written
//! for these tests, analysed with `Options::tokens` (Gloss's own
//! tokenizer, split into UD words, as at run time).

use gloss_core::{Analyzer, Config, Error, Options, SyntaxModels};

const TAGGER: &[u8] = include_bytes!("../data/models/tagger.bin");
const PARSER: &[u8] = include_bytes!("../data/models/parser.bin");

/// One word's syntax, as strings.
struct WordSyntax {
    upos: String,
    head: Option<usize>,
    rel: String,
}

/// The UD words of `text` and their syntax.
fn analyze(text: &str) -> (Vec<String>, Vec<WordSyntax>) {
    let analyzer = Analyzer::new(Config::default()).expect("bundled models load");
    let options = Options {
        tokens: true,
        input: gloss_core::InputFormat::Text,
        ..Options::default()
    };
    let a = analyzer.analyze(text, &options);
    let words = a
        .tokens
        .iter()
        .map(|t| text[t.start..t.end].to_string())
        .collect();
    let syntax = a
        .tokens
        .iter()
        .map(|t| WordSyntax {
            upos: t.upos.clone(),
            head: t.head,
            rel: t.deprel.clone(),
        })
        .collect();
    (words, syntax)
}

#[test]
fn tagger_gets_the_obvious_cases() {
    let cases: &[(&str, &str)] = &[
        (
            "The president signed the bill on Tuesday.",
            "DET NOUN VERB DET NOUN ADP PROPN PUNCT",
        ),
        (
            "She will not attend the summit in Paris.",
            "PRON AUX PART VERB DET NOUN ADP PROPN PUNCT",
        ),
        (
            "They don't want a new deal.",
            "PRON AUX PART VERB DET ADJ NOUN PUNCT",
        ),
        (
            "Two ministers resigned and left quickly.",
            "NUM NOUN VERB CCONJ VERB ADV PUNCT",
        ),
        (
            "Germany's chancellor was in London.",
            "PROPN PART NOUN AUX ADP PROPN PUNCT",
        ),
        (
            "He said that prices would rise.",
            "PRON VERB SCONJ NOUN AUX VERB PUNCT",
        ),
    ];
    for (text, want) in cases {
        let (words, syntax) = analyze(text);
        let got: Vec<&str> = syntax.iter().map(|w| w.upos.as_str()).collect();
        assert_eq!(got.join(" "), *want, "{text}: {words:?}");
    }
}

/// (dependent, relation, head) triples; the head "ROOT" means the root.
type Arcs<'a> = &'a [(&'a str, &'a str, &'a str)];

#[test]
fn parser_finds_subjects_objects_and_agents() {
    let cases: &[(&str, Arcs)] = &[
        (
            "The committee rejected the plan.",
            &[
                ("committee", "nsubj", "rejected"),
                ("plan", "obj", "rejected"),
                ("rejected", "root", "ROOT"),
            ],
        ),
        (
            "The plan was rejected by the council.",
            &[
                ("plan", "nsubj:pass", "rejected"),
                ("was", "aux:pass", "rejected"),
                ("council", "obl:agent", "rejected"),
                ("by", "case", "council"),
            ],
        ),
        (
            "The new law was approved by parliament on Monday.",
            &[
                ("law", "nsubj:pass", "approved"),
                ("parliament", "obl:agent", "approved"),
            ],
        ),
        (
            "Ukraine's president met Chinese officials in Beijing.",
            &[
                ("president", "nsubj", "met"),
                ("officials", "obj", "met"),
                ("Beijing", "obl", "met"),
                ("Ukraine", "nmod:poss", "president"),
            ],
        ),
        (
            "Officials said that the mayor would resign.",
            &[
                ("Officials", "nsubj", "said"),
                ("resign", "ccomp", "said"),
                ("mayor", "nsubj", "resign"),
            ],
        ),
        (
            "The union doesn't support the deal.",
            &[
                ("union", "nsubj", "support"),
                ("deal", "obj", "support"),
                ("does", "aux", "support"),
            ],
        ),
    ];
    for (text, want) in cases {
        let (words, syntax) = analyze(text);
        let find = |w: &str| {
            words
                .iter()
                .position(|x| x == w)
                .unwrap_or_else(|| panic!("{w} in {words:?}"))
        };
        for &(dep, rel, head) in want.iter() {
            let d = find(dep);
            let got_head = syntax[d].head.map_or("ROOT", |h| words[h].as_str());
            assert_eq!(
                (got_head, syntax[d].rel.as_str()),
                (head, rel),
                "{text}: {dep} (parse {:?})",
                words
                    .iter()
                    .zip(&syntax)
                    .map(|(w, s)| (w, s.head, &s.rel))
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
    let with = |tagger: &[u8], parser: &[u8]| {
        Analyzer::new(Config {
            syntax_models: SyntaxModels::Bytes {
                tagger: tagger.to_vec(),
                parser: parser.to_vec(),
            },
            ..Config::default()
        })
    };
    assert!(with(TAGGER, PARSER).is_ok());
    let is_model_error = |r: Result<Analyzer, Error>, what: &str| match r {
        Err(e @ Error::SyntaxModel(_)) => assert!(e.to_string().starts_with("syntax model"), "{e}"),
        other => panic!("{what}: expected a syntax model error, got {other:?}"),
    };
    // Swapped files, truncations and flipped bytes are errors, never panics.
    is_model_error(with(PARSER, TAGGER), "swapped");
    for cut in [0, 7, 16, 100, TAGGER.len() / 2, TAGGER.len() - 1] {
        is_model_error(with(&TAGGER[..cut], PARSER), &format!("cut {cut}"));
    }
    for at in [8, 12, 40, PARSER.len() / 3, PARSER.len() - 9] {
        let mut b = PARSER.to_vec();
        b[at] ^= 0x20;
        is_model_error(with(TAGGER, &b), &format!("flip at {at}"));
    }
    is_model_error(with(b"not a model", PARSER), "not a model");
    let swapped = with(PARSER, TAGGER).expect_err("swapped files").to_string();
    assert!(swapped.contains("expected a tagger model"), "{swapped}");
}

#[test]
fn without_models_the_tokens_are_empty_and_conllu_is_an_error() {
    let a = Analyzer::new(Config {
        syntax_models: SyntaxModels::None,
        ..Config::default()
    })
    .expect("builds");
    let options = Options {
        tokens: true,
        ..Options::default()
    };
    let r = a.analyze("The council rejected the plan.", &options);
    assert!(r.tokens.is_empty());
    assert!(!r.actors.is_empty() || !r.sentences.is_empty());
    let e = a.annotate_conllu("1\tYes\t_\t_\t_\t_\t0\troot\t_\t_\n");
    assert!(e.is_err());
}

#[test]
fn tokens_are_absent_from_json_unless_asked() {
    let a = Analyzer::new(Config::default()).expect("builds");
    let text = "The council rejected the plan.";
    let plain = serde_json::to_string(&a.analyze(text, &Options::default())).expect("json");
    assert!(!plain.contains("\"tokens\""));
    let options = Options {
        tokens: true,
        ..Options::default()
    };
    let mut with = a.analyze(text, &options);
    with.convert_offsets(gloss_core::OffsetUnit::Codepoint);
    let json = serde_json::to_value(&with).expect("json");
    let toks = json["tokens"].as_array().expect("tokens");
    assert_eq!(toks.len(), 6);
    assert_eq!(toks[1]["upos"], "NOUN");
    assert_eq!(toks[1]["deprel"], "nsubj");
    assert_eq!(toks[1]["head"], 2);
    assert_eq!(toks[2]["head"], serde_json::Value::Null);
}

#[test]
fn conllu_round_trip_keeps_tokens_and_sentences() {
    let a = Analyzer::new(Config::default()).expect("builds");
    let input = "# sent_id = 1\n# text = The plan failed.\n1\tThe\tthe\t_\t_\t_\t_\t_\t_\t_\n2\tplan\tplan\t_\t_\t_\t_\t_\t_\t_\n3\tfailed\tfail\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n4\t.\t.\t_\t_\t_\t_\t_\t_\t_\n\n1\tYes\tyes\t_\t_\t_\t_\t_\t_\t_\n";
    let out = a.annotate_conllu(input).expect("annotates");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "# sent_id = 1");
    assert_eq!(lines[2], "1\tThe\tthe\tDET\t_\t_\t2\tdet\t_\t_");
    assert_eq!(lines[3], "2\tplan\tplan\tNOUN\t_\t_\t3\tnsubj\t_\t_");
    assert!(lines[4].starts_with("3\tfailed\tfail\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No"));
    assert_eq!(lines[6], "");
    assert!(lines[7].starts_with("1\tYes\tyes\tINTJ\t_\t_\t0\troot"));
    for bad in ["1\tYes\n", "x\tYes\t_\t_\t_\t_\t0\troot\t_\t_\n"] {
        let e = a.annotate_conllu(bad).expect_err("bad input");
        assert!(e.to_string().starts_with("CoNLL-U line 1"), "{e}");
    }
}
