//! Integrity of the bundled knowledge base (crates/core/data/kb).

use std::collections::HashSet;

use crate::kb::Kb;

fn kb() -> &'static Kb {
    crate::Analyzer::shared().kb()
}
use crate::model::ActorKind;

#[test]
fn every_entry_has_description_date_and_source() {
    let entries = kb().entries();
    assert!(entries.len() > 1000, "only {} entries", entries.len());
    for e in entries {
        assert!(!e.id.is_empty() && !e.name.is_empty(), "{e:?}");
        assert!(e.description.len() > 8, "no description: {}", e.id);
        assert!(
            e.description.ends_with('.'),
            "unfinished description: {}",
            e.id
        );
        assert!(
            e.as_of.len() >= 7 && e.as_of.starts_with("20"),
            "bad as_of: {} {}",
            e.id,
            e.as_of
        );
        assert!(!e.source.is_empty(), "no source: {}", e.id);
        if let Some(w) = e.wiki {
            assert!(
                !w.is_empty() && !w.contains('_'),
                "bad wiki title: {}",
                e.id
            );
        }
    }
}

#[test]
fn ids_are_unique_and_context_ids_exist() {
    let mut seen = HashSet::new();
    for e in kb().entries() {
        assert!(seen.insert(e.id.as_str()), "duplicate id {}", e.id);
    }
    for e in kb().entries() {
        for c in e.context.iter() {
            assert!(seen.contains(c), "{}: unknown context id {c}", e.id);
        }
    }
}

#[test]
fn every_alias_resolves_uniquely_or_is_marked_ambiguous() {
    for e in kb().entries() {
        for name in std::iter::once(&e.name).chain(e.aliases.iter()) {
            let cands = kb().candidates(name);
            assert!(
                cands.iter().any(|c| c.id == e.id),
                "{name} does not find {}",
                e.id
            );
            if !kb().is_ambiguous(name) {
                assert_eq!(cands.len(), 1, "{name}: several entries but not ambiguous");
                assert_eq!(
                    kb().lookup(name).map(|c| c.id.as_str()),
                    Some(e.id.as_str()),
                    "{name}"
                );
            }
        }
    }
}

#[test]
fn known_ambiguous_names() {
    for n in ["Georgia", "Congo", "Washington", "Jordan", "New York"] {
        assert!(kb().is_ambiguous(n), "{n} should be ambiguous");
    }
    for n in [
        "Russia",
        "Ukraine",
        "United States",
        "Kremlin",
        "NATO",
        "Moscow",
    ] {
        assert!(!kb().is_ambiguous(n), "{n} should not be ambiguous");
    }
}

#[test]
fn demonyms_map_to_their_entries() {
    let cases = [
        ("Russian", "russia"),
        ("Russians", "russia"),
        ("Ukrainian", "ukraine"),
        ("Ukrainians", "ukraine"),
        ("American", "united-states"),
        ("Americans", "united-states"),
        ("British", "united-kingdom"),
        ("Chinese", "china"),
        ("French", "france"),
        ("Indonesian", "indonesia"),
        ("Israeli", "israel"),
        ("Palestinian", "palestine"),
        // Documented choice: "European" is the continent, not the EU.
        ("European", "europe"),
    ];
    for (w, id) in cases {
        assert_eq!(kb().demonym(w).map(|e| e.id.as_str()), Some(id), "{w}");
    }
    for w in ["Georgian", "Congolese", "Dominican", "Smith", "Table"] {
        assert!(kb().demonym(w).is_none(), "{w} should not resolve");
    }
}

#[test]
fn coverage_of_required_groups() {
    let need = [
        // countries and alternative names
        ("America", "united-states"),
        ("U.S.", "united-states"),
        ("UK", "united-kingdom"),
        ("Britain", "united-kingdom"),
        ("Holland", "netherlands"),
        ("Burma", "myanmar"),
        // organisations and acronyms
        ("UN", "united-nations"),
        ("NATO", "nato"),
        ("EU", "european-union"),
        ("G7", "g7"),
        ("G20", "g20"),
        ("OPEC", "opec"),
        ("IMF", "imf"),
        ("WHO", "who"),
        ("ASEAN", "asean"),
        ("African Union", "african-union"),
        ("World Bank", "world-bank"),
        ("WTO", "wto"),
        ("Red Cross", "red-cross"),
        // seats of government
        ("Kremlin", "kremlin"),
        ("White House", "white-house"),
        ("Downing Street", "downing-street"),
        ("Élysée", "elysee"),
        ("Pentagon", "pentagon"),
        ("Capitol Hill", "capitol-hill"),
        ("Brussels", "brussels"),
        ("Beijing", "beijing"),
        // cities and states
        ("Atlanta", "atlanta"),
        ("Tbilisi", "tbilisi"),
        ("Kiev", "kyiv"),
        ("Texas", "texas-state"),
        // people, with spelling variants
        ("Volodymyr Zelenskyy", "volodymyr-zelenskyy"),
        ("Zelensky", "volodymyr-zelenskyy"),
        ("Zelenskiy", "volodymyr-zelenskyy"),
        ("Vladimir Putin", "vladimir-putin"),
    ];
    for (name, id) in need {
        assert_eq!(kb().lookup(name).map(|e| e.id.as_str()), Some(id), "{name}");
    }
    assert_eq!(
        kb().lookup("Putin").map(|e| e.kind),
        Some(ActorKind::Person)
    );
    let kremlin = kb()
        .lookup("the Kremlin")
        .map(|e| e.description.as_str())
        .unwrap_or("");
    assert!(kremlin.contains("Russian presidency"), "{kremlin}");
}

#[test]
fn glossary_entries_are_complete() {
    let terms = kb().glossary_terms();
    assert!(terms.len() >= 20);
    for g in terms {
        assert!(g.definition.ends_with('.'), "{}", g.term);
        assert!(!g.source.is_empty() && !g.as_of.is_empty(), "{}", g.term);
    }
    for t in [
        "ceasefire",
        "armistice",
        "security guarantees",
        "sanctions",
        "referendum",
        "peace framework",
        "summit",
        "treaty",
    ] {
        assert!(kb().glossary(t).is_some(), "{t}");
    }
}

#[test]
fn every_category_in_the_data_is_known() {
    use crate::kb::Category;
    for e in kb().entries() {
        assert_ne!(e.category, Category::Other, "{}: unknown category", e.id);
    }
}
