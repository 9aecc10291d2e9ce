//! Integrity of the bundled word lists, and lookups.

use super::*;
use crate::model::StanceKind;

fn lx() -> Lexicon {
    Lexicon::bundled().expect("bundled lexicon parses")
}

/// The `# key: value` header lines of a data file.
fn header<'a>(data: &'a str, key: &str) -> Option<&'a str> {
    data.lines()
        .take_while(|l| l.starts_with('#'))
        .find_map(|l| {
            l.strip_prefix('#')?
                .trim()
                .strip_prefix(key)?
                .strip_prefix(':')
        })
        .map(str::trim)
}

#[test]
fn every_list_is_documented_sorted_unique_and_cased() {
    for &(list, path, data) in LISTS {
        let first = data.lines().next().unwrap_or("");
        assert!(
            first.starts_with("# ") && first.len() > 12,
            "{path}: the first line must say what the list is for"
        );
        assert!(
            header(data, "used by").is_some(),
            "{path}: no `# used by:` line"
        );
        let case = header(data, "case").unwrap_or_else(|| panic!("{path}: no `# case:` line"));
        let words: Vec<&str> = entries(data).map(|(_, w)| w).collect();
        assert!(!words.is_empty(), "{path} is empty");
        let lexicon = lx();
        assert_eq!(lexicon.words(list), &words[..], "{path}");
        if header(data, "order").is_none() {
            for w in words.windows(2) {
                assert!(
                    w[0] < w[1],
                    "{path}: {:?} before {:?} (sorted, no duplicates)",
                    w[0],
                    w[1]
                );
            }
        } else {
            let mut sorted = words.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), words.len(), "{path}: duplicates");
        }
        for w in &words {
            assert_eq!(w.trim(), *w, "{path}: {w:?} has surrounding space");
            let ok = match case {
                "lower" => !w.chars().any(char::is_uppercase),
                "title" => w.chars().next().is_some_and(char::is_uppercase),
                "mixed" => true,
                other => panic!("{path}: unknown case {other:?}"),
            };
            assert!(ok, "{path}: {w:?} is not {case} case");
            assert!(lexicon.has(list, w), "{path}: {w:?} not found");
        }
    }
}

/// Lists whose words must not overlap (one word, one reading), and lists
/// that are meant as narrower parts of another.
#[test]
fn no_unintended_overlaps() {
    use List::*;
    let lexicon = lx();
    let set = |l: List| -> std::collections::BTreeSet<&str> {
        lexicon.words(l).iter().copied().collect()
    };
    let disjoint = [
        (OrgHeads, PlaceHeads),
        (OldTags, NewTags),
        (Titles, OrgHeads),
        (Titles, PlaceHeads),
        (FunctionWords, FirstNames),
        (GroupHeads, PersonRoles),
        (PersonNouns, Occupations),
        (Prepositions, Auxiliaries),
        (Determiners, Auxiliaries),
    ];
    for (a, b) in disjoint {
        let both: Vec<&str> = set(a).intersection(&set(b)).copied().collect();
        assert!(both.is_empty(), "{a:?} and {b:?} share {both:?}");
    }
    let subsets = [
        (WeakTitles, Titles),
        (Honorifics, Titles),
        (ReportingVerbs, SayVerbs),
        (PlacePrepositions, Prepositions),
        (ComplementPrepositions, Prepositions),
    ];
    for (part, whole) in subsets {
        let extra: Vec<&str> = set(part).difference(&set(whole)).copied().collect();
        assert!(extra.is_empty(), "{part:?} not within {whole:?}: {extra:?}");
    }
}

#[test]
fn tables_parse_with_unique_keys() {
    let mut seen = std::collections::BTreeMap::new();
    for (line, l) in entries(HEADS.1) {
        let f: Vec<&str> = l.split('\t').collect();
        for w in &f[..2] {
            if let Some(prev) = seen.insert(*w, line) {
                assert_eq!(prev, line, "heads.tsv: {w:?} on lines {prev} and {line}");
            }
        }
    }
    let bad = [
        "plan\tplans\tplan\tweak",
        "plan\tplans\tnope\tweak\tno",
        "plan\tplans\tplan\tsoft\tno",
        "plan\tplans\tplan\tweak\tmaybe",
    ];
    for row in bad {
        let data: &'static str = Box::leak(format!("# header\n{row}\n").into_boxed_str());
        let err = heads::parse("test.tsv", data).expect_err(row);
        assert_eq!(err.line, 2, "{err}");
        assert!(err.to_string().starts_with("lexicon test.tsv:2: "), "{err}");
    }
    assert!(cues::parse(("v.tsv", "call\tfor\tloves\n"), ("w.tsv", "")).is_err());
    assert!(cues::parse(("v.tsv", ""), ("w.tsv", "fair\tsupports\tadverb\n")).is_err());
    assert!(parse_name_heads("n.tsv", "Airport\t1\t2\n").is_err());
}

#[test]
fn inflections() {
    let cases: &[(&str, &[&str])] = &[
        ("reject", &["rejects", "rejected", "rejecting"]),
        ("oppose", &["opposes", "opposed", "opposing"]),
        ("criticize", &["criticized", "criticizes"]),
        ("ban", &["banned", "banning"]),
        ("ratify", &["ratified", "ratifies"]),
        ("veto", &["vetoes", "vetoed", "vetoing"]),
        ("drop", &["dropped", "dropping", "drops"]),
        ("scrap", &["scrapped", "scrapping"]),
        ("control", &["controlled", "controlling"]),
        ("cancel", &["cancelled", "canceled", "cancelling"]),
        ("submit", &["submitted"]),
        ("visit", &["visited", "visiting"]),
        ("quit", &["quitting"]),
        ("beat", &["beating"]),
        ("fix", &["fixed"]),
    ];
    // No doubling where the vowel is long or the ending is not one
    // consonant: "beatted", "fixxed".
    for (base, wrong) in [("beat", "beatted"), ("fix", "fixxed")] {
        let got = cues::inflect(base);
        assert!(!got.iter().any(|g| g == wrong), "{base}: {got:?}");
    }
    for (base, forms) in cases {
        let got = cues::inflect(base);
        for f in *forms {
            assert!(got.iter().any(|g| g == f), "{base}: {f} missing in {got:?}");
        }
    }
}

#[test]
fn cue_lookup() {
    let lexicon = lx();
    let cases: &[(&str, &str, Option<StanceKind>)] = &[
        ("opposed", "provisions", Some(StanceKind::Opposes)),
        ("insisting", "on", Some(StanceKind::Proposes)),
        ("insisting", "that", None),
        ("called", "for", Some(StanceKind::Proposes)),
        ("called", "the", None),
        ("put", "forward", Some(StanceKind::Proposes)),
        ("criticized", "as", Some(StanceKind::Criticizes)),
        ("unacceptable", "to", Some(StanceKind::Opposes)),
        ("acceptance", "", None),
        ("voted", "against", Some(StanceKind::Opposes)),
        ("votes", "for", Some(StanceKind::Supports)),
        ("voted", "on", None),
        ("agreement", "", None),
    ];
    for &(w, next, want) in cases {
        assert_eq!(lexicon.cue(w, next).map(|c| c.kind), want, "{w} {next}");
    }
}

#[test]
fn word_classes() {
    let l = lx();
    assert_eq!(
        l.head("guarantees").map(|h| h.family),
        Some(Family::Guarantee)
    );
    assert_eq!(l.head("talks"), None);
    assert!(l.is_first_name("John") && l.is_first_name("Mary") && !l.is_first_name("the"));
    assert!(l.is_surname("Smith"));
    assert!(l.is_lowercase_word("however") && !l.is_lowercase_word("putin"));
    assert!(l.head_counts("Airport").is_some_and(|c| c[2] > c[0] + c[1]));
    assert!(l.is_title("President") && !l.is_title("Putin"));
    assert!(l.is_org_head("Ministry") && l.is_place_head("River") && l.joins_of("University"));
    assert!(l.is_never_name("Tuesday"));
    assert!(l.is_month("may") && l.is_month("sept") && l.is_month("december"));
    assert!(!l.is_month("monday") && !l.is_month("mayor"));
    assert!(l.is_weekday("tuesday") && !l.is_weekday("tue"));
    assert!(l.is_adverb("reportedly") && l.is_adverb("still") && !l.is_adverb("family"));
    assert!(l.is_verbish("rejected") && l.is_verbish("said") && !l.is_verbish("proposal"));
}

/// Every noun of `proposals/object_nouns.txt` is a nominal stance cue
/// before its preposition (proposals read the cue first).
#[test]
fn object_nouns_are_nominal_cues() {
    let l = lx();
    for pair in l.words(List::ObjectNouns) {
        let (w, prep) = pair.split_once(' ').unwrap_or((pair, ""));
        assert!(l.is_object_noun(w, prep), "{pair}");
        let cue = l.cue(w, prep);
        assert!(cue.is_some_and(|c| c.nominal), "{pair}: {cue:?}");
    }
}

#[test]
fn nominalisations() {
    let l = lx();
    for (w, want) in [
        ("closing", Some("closure")),
        ("closed", Some("closure")),
        ("expands", Some("expansion")),
        ("merging", Some("merger")),
        ("walking", None),
    ] {
        assert_eq!(l.nominal_of(w), want, "{w}");
    }
    assert!(cues::nominals("n.tsv", "close\n").is_err());
}
