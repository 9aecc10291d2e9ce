//! Bundled background knowledge: countries, organisations, government seats,
//! prominent figures, and a glossary of proposal kinds; alias and demonym
//! lookup for recognition and merging, and linking of actors to entries.
//!
//! Initial seed: a handful of entries; the full knowledge base lives in
//! `data/kb/` (see issue 6).

use crate::doc::Doc;
use crate::model::{Actor, ActorKind, Background};

/// One knowledge-base entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Stable id ("russia").
    pub id: &'static str,
    /// Canonical name ("Russia").
    pub name: &'static str,
    /// Kind of entity.
    pub kind: ActorKind,
    /// Other names that refer to it unambiguously.
    pub aliases: &'static [&'static str],
    /// Adjectives and demonyms ("Russian", "Russians").
    pub demonyms: &'static [&'static str],
    /// Short neutral description.
    pub description: &'static str,
    /// When the description was true.
    pub as_of: &'static str,
    /// Source of the facts.
    pub source: &'static str,
    /// English Wikipedia title.
    pub wiki: Option<&'static str>,
}

const SEED: &[Entry] = &[
    Entry {
        id: "russia",
        name: "Russia",
        kind: ActorKind::Place,
        aliases: &["Russian Federation"],
        demonyms: &["Russian", "Russians"],
        description: "Country in Eastern Europe and Northern Asia; capital Moscow.",
        as_of: "2026-11",
        source: "Gloss editors",
        wiki: Some("Russia"),
    },
    Entry {
        id: "ukraine",
        name: "Ukraine",
        kind: ActorKind::Place,
        aliases: &[],
        demonyms: &["Ukrainian", "Ukrainians"],
        description: "Country in Eastern Europe; capital Kyiv.",
        as_of: "2026-11",
        source: "Gloss editors",
        wiki: Some("Ukraine"),
    },
    Entry {
        id: "united-states",
        name: "United States",
        kind: ActorKind::Place,
        aliases: &[
            "America",
            "United States of America",
            "U.S.",
            "US",
            "USA",
            "U.S.A.",
        ],
        demonyms: &["American", "Americans"],
        description: "Country in North America; capital Washington, D.C.",
        as_of: "2026-11",
        source: "Gloss editors",
        wiki: Some("United States"),
    },
    Entry {
        id: "europe",
        name: "Europe",
        kind: ActorKind::Place,
        aliases: &[],
        demonyms: &["European", "Europeans"],
        description: "Continent; in news often shorthand for European governments and the EU.",
        as_of: "2026-11",
        source: "Gloss editors",
        wiki: Some("Europe"),
    },
    Entry {
        id: "kremlin",
        name: "Kremlin",
        kind: ActorKind::Organization,
        aliases: &["the Kremlin", "Moscow Kremlin"],
        demonyms: &[],
        description:
            "Fortified complex in Moscow; the seat, and shorthand, of the Russian presidency.",
        as_of: "2026-11",
        source: "Gloss editors",
        wiki: Some("Moscow Kremlin"),
    },
    Entry {
        id: "moscow",
        name: "Moscow",
        kind: ActorKind::Place,
        aliases: &[],
        demonyms: &["Muscovite"],
        description: "Capital of Russia.",
        as_of: "2026-11",
        source: "Gloss editors",
        wiki: Some("Moscow"),
    },
];

/// All entries.
pub fn entries() -> &'static [Entry] {
    SEED
}

/// The entry whose name or alias is `name` (case-sensitive, exact).
pub fn lookup(name: &str) -> Option<&'static Entry> {
    let name = name.strip_prefix("the ").unwrap_or(name);
    SEED.iter()
        .find(|e| e.name == name || e.aliases.contains(&name))
}

/// The entry whose demonym or adjective is `word` ("Russian" → Russia).
pub fn demonym(word: &str) -> Option<&'static Entry> {
    SEED.iter().find(|e| e.demonyms.contains(&word))
}

/// Links actors to entries where the name matches unambiguously.
pub fn link(_doc: &Doc, actors: &mut [Actor]) {
    for a in actors.iter_mut() {
        if let Some(e) = lookup(&a.name) {
            a.background = Some(Background {
                id: e.id.to_owned(),
                name: e.name.to_owned(),
                description: e.description.to_owned(),
                as_of: e.as_of.to_owned(),
                source: e.source.to_owned(),
                wiki: e.wiki.map(str::to_owned),
            });
        }
    }
}
