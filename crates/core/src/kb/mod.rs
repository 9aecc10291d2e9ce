//! Bundled background knowledge: countries and territories, international
//! organisations, seats of government, regions, US states, major cities,
//! prominent figures, and a glossary of proposal kinds; alias and demonym
//! lookup for recognition and merging, and linking of actors to entries.
//!
//! The data lives in `crates/core/data/kb/` (sources, licences and dates in
//! its README) and is parsed into the hash maps of a [`Kb`] ([`store`]),
//! which the [`crate::Analyzer`] owns: every lookup is O(1) in the size of
//! the knowledge base. Linking ([`link`]) is linear in the
//! document and the number of actors. No network, no I/O.
//!
//! Ambiguous names ("Georgia", "Congo", "Washington") never resolve on their
//! own: [`Kb::lookup`] gives a first candidate only when all candidates are of
//! the same kind (for recognition), and [`link`] needs supporting context.

mod glossary;
mod link;
mod store;
#[cfg(test)]
mod tests_data;
#[cfg(test)]
mod tests_link;

pub use glossary::GlossaryEntry;
pub use link::Linker;

use std::borrow::Cow;

use crate::model::ActorKind;
pub use store::Kb;
use store::Strength;

/// What sort of thing an entry is (finer than [`ActorKind`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Category {
    /// Sovereign country.
    Country,
    /// Dependent territory or special region with its own country code.
    Territory,
    /// Capital city.
    Capital,
    /// Other major city.
    City,
    /// US state.
    UsState,
    /// Continent, region, sea, disputed or sub-national area.
    Region,
    /// A building or street used as shorthand for a government ("Kremlin").
    Seat,
    /// International organisation.
    IntlOrg,
    /// Military alliance.
    Alliance,
    /// Informal forum of states (G7, G20, BRICS).
    Forum,
    /// A national government body or agency.
    Government,
    /// A political party.
    Party,
    /// A non-governmental organisation.
    Ngo,
    /// An armed group.
    ArmedGroup,
    /// A news organisation.
    Media,
    /// A company.
    Company,
    /// Armed forces or a military branch.
    Military,
    /// A sports body.
    Sports,
    /// A university.
    University,
    /// A religion or church.
    Religion,
    /// A person.
    Person,
    /// Anything else.
    Other,
}

impl Category {
    /// What the entry is, in a few words ("country", "US state").
    pub fn label(self) -> &'static str {
        match self {
            Category::Country => "country",
            Category::Territory => "territory",
            Category::Capital => "capital city",
            Category::City => "city",
            Category::UsState => "US state",
            Category::Region => "region",
            Category::Seat => "seat of government",
            Category::IntlOrg => "international organisation",
            Category::Alliance => "alliance",
            Category::Forum => "forum of states",
            Category::Government => "government body",
            Category::Party => "political party",
            Category::Ngo => "non-governmental organisation",
            Category::ArmedGroup => "armed group",
            Category::Media => "news organisation",
            Category::Company => "company",
            Category::Military => "armed forces",
            Category::Sports => "sports body",
            Category::University => "university",
            Category::Religion => "religion",
            Category::Person => "person",
            Category::Other => "entry",
        }
    }

    /// Parses the data files' category column.
    pub fn parse(s: &str) -> Category {
        match s {
            "country" => Category::Country,
            "territory" => Category::Territory,
            "capital" => Category::Capital,
            "city" => Category::City,
            "us-state" => Category::UsState,
            "region" => Category::Region,
            "seat" => Category::Seat,
            "intl-org" => Category::IntlOrg,
            "alliance" => Category::Alliance,
            "forum" => Category::Forum,
            "government" => Category::Government,
            "party" => Category::Party,
            "ngo" => Category::Ngo,
            "armed-group" => Category::ArmedGroup,
            "media" => Category::Media,
            "company" => Category::Company,
            "military" => Category::Military,
            "sports" => Category::Sports,
            "university" => Category::University,
            "religion" => Category::Religion,
            "person" => Category::Person,
            _ => Category::Other,
        }
    }
}

/// One knowledge-base entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Stable id ("russia").
    pub id: String,
    /// Canonical name ("Russia").
    pub name: &'static str,
    /// Kind of entity.
    pub kind: ActorKind,
    /// Finer category.
    pub category: Category,
    /// Other full names ("Russian Federation"); some may be ambiguous (see `Kb::is_ambiguous`, a test aid).
    pub aliases: Box<[&'static str]>,
    /// A person's surnames, which link only with support ("Putin").
    pub surnames: Box<[&'static str]>,
    /// Adjectives and demonyms ("Russian", "Russians").
    pub demonyms: Box<[&'static str]>,
    /// Ids of related entries whose presence in an article supports this one
    /// (capital, neighbours, country, office).
    pub context: Box<[&'static str]>,
    /// Titles that support a person when written before the name ("President").
    pub titles: Box<[&'static str]>,
    /// Short neutral description.
    pub description: String,
    /// When the description was true ("2026-11").
    pub as_of: &'static str,
    /// Source of the facts.
    pub source: &'static str,
    /// English Wikipedia title.
    pub wiki: Option<&'static str>,
}

/// Normalises a name for lookup: typographic apostrophes to `'`, runs of
/// whitespace to one space, trimmed.
fn normalize(name: &str) -> Cow<'_, str> {
    let t = name.trim();
    // One pass over the bytes: any of ’ ‘ (E2 80 98/99), NBSP (C2 A0), a
    // newline, a tab or two spaces in a row needs rewriting.
    let b = t.as_bytes();
    let plain = b.iter().enumerate().all(|(i, &c)| match c {
        b'\n' | b'\t' => false,
        b' ' => b.get(i + 1) != Some(&b' '),
        0xC2 => b.get(i + 1) != Some(&0xA0),
        0xE2 => !(b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x98 | 0x99))),
        _ => true,
    });
    if plain {
        return Cow::Borrowed(t);
    }
    let mut out = String::with_capacity(t.len());
    let mut space = false;
    for c in t.chars() {
        let c = match c {
            '’' | '‘' => '\'',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    Cow::Owned(out)
}

impl Kb {
    /// All entries.
    #[cfg(test)]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry with this id.
    pub fn by_id(&self, id: &str) -> Option<&Entry> {
        let s = self;
        s.ids.get(id).map(|&i| &s.entries[i])
    }

    /// The raw index hits for `name`: exact, then without a leading "the ", then
    /// without a possessive "'s".
    pub(crate) fn hits(&self, name: &str) -> &[store::Hit] {
        let s = self;
        let n = normalize(name);
        let n = n.as_ref();
        if let Some(v) = s.names.get(n) {
            return v;
        }
        let bare = n
            .strip_prefix("the ")
            .or_else(|| n.strip_prefix("The "))
            .unwrap_or(n);
        if bare.len() < n.len() {
            if let Some(v) = s.names.get(bare) {
                return v;
            }
        }
        if let Some(v) = bare
            .strip_suffix("'s")
            .or_else(|| bare.strip_suffix('\''))
            .and_then(|t| s.names.get(t))
        {
            return v;
        }
        &[]
    }

    /// Is `name` a known place (country, territory, US state, region, city)?
    ///
    /// Answered by the knowledge base's place entries (names and aliases): a
    /// separate 6,000-city gazetteer made no measurable difference on the dev or
    /// training sets and cost 31 KB gzipped of every page load.
    pub fn is_place(&self, name: &str) -> bool {
        self.candidates(name)
            .iter()
            .any(|e| e.kind == ActorKind::Place)
    }

    /// Every entry `name` may refer to (name, alias or surname), strongest first.
    pub fn candidates(&self, name: &str) -> Vec<&Entry> {
        let s = self;
        let mut h: Vec<_> = self.hits(name).to_vec();
        h.sort_by_key(|h| h.strength);
        h.into_iter().map(|h| &s.entries[h.entry]).collect()
    }

    /// True if `name` may refer to more than one thing: it names several entries
    /// or is marked ambiguous in the data ("Georgia", "Washington", "Jordan").
    #[cfg(test)]
    pub fn is_ambiguous(&self, name: &str) -> bool {
        let h = self.hits(name);
        h.len() > 1 || h.iter().any(|h| h.flagged)
    }

    /// The entry whose name or alias is `name` ("the " and a possessive "'s"
    /// stripped; case-sensitive). A person's surname alone counts when no full
    /// name matches. For an ambiguous name, returns the first candidate only if
    /// all candidates are of the same kind (so recognisers may still use its
    /// kind), and nothing for a name marked ambiguous because it also names
    /// something outside the KB ("Jordan", "Chad"); use
    /// [`Kb::candidates`] to tell.
    pub fn lookup(&self, name: &str) -> Option<&Entry> {
        let s = self;
        let h = self.hits(name);
        // The strong hits if there are any, else all (no allocation: this runs
        // several times per capitalised word).
        let any_strong = h.iter().any(|h| h.strength == Strength::Strong);
        let pool = h
            .iter()
            .filter(move |h| !any_strong || h.strength == Strength::Strong);
        let mut it = pool.clone();
        let first_hit = it.next()?;
        // A lone candidate marked ambiguous also names something outside the
        // KB ("Jordan", "Chad", "Shell"): no hint.
        if first_hit.flagged && it.next().is_none() {
            return None;
        }
        let first = &s.entries[first_hit.entry];
        pool.clone()
            .all(|h| s.entries[h.entry].kind == first.kind)
            .then_some(first)
    }

    /// The entry whose demonym or adjective is `word` ("Russian" → Russia,
    /// "Americans" → United States, "European" → Europe). `None` for unknown or
    /// ambiguous words ("Georgian", "Congolese", "Korean").
    pub fn demonym(&self, word: &str) -> Option<&Entry> {
        let s = self;
        let n = normalize(word);
        let (v, flagged) = s.demonyms.get(n.as_ref())?;
        match v.as_slice() {
            [i] if !flagged => Some(&s.entries[*i]),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> &'static Kb {
        crate::Analyzer::shared().kb()
    }

    #[test]
    fn names_aliases_and_articles() {
        assert_eq!(kb().lookup("Russia").map(|e| e.id.as_str()), Some("russia"));
        assert_eq!(
            kb().lookup("the United States").map(|e| e.id.as_str()),
            Some("united-states")
        );
        assert_eq!(
            kb().lookup("U.S.").map(|e| e.id.as_str()),
            Some("united-states")
        );
        assert_eq!(
            kb().lookup("America").map(|e| e.id.as_str()),
            Some("united-states")
        );
        assert_eq!(
            kb().lookup("Britain").map(|e| e.id.as_str()),
            Some("united-kingdom")
        );
        assert_eq!(
            kb().lookup("Holland").map(|e| e.id.as_str()),
            Some("netherlands")
        );
        assert_eq!(
            kb().lookup("Russia’s").map(|e| e.id.as_str()),
            Some("russia")
        );
        assert_eq!(
            kb().lookup("the Kremlin").map(|e| e.id.as_str()),
            Some("kremlin")
        );
        assert_eq!(
            kb().lookup("Putin").map(|e| e.id.as_str()),
            Some("vladimir-putin")
        );
        assert!(kb().lookup("Smith").is_none());
        // Also a first name: no recognition hint.
        assert!(kb().lookup("Jordan").is_none());
        assert!(kb().lookup("Chad").is_none());
        assert!(kb().lookup("").is_none());
    }

    #[test]
    fn ambiguous_names_are_marked() {
        assert!(kb().is_ambiguous("Georgia"));
        assert!(kb().is_ambiguous("Congo"));
        assert!(kb().is_ambiguous("Washington"));
        assert!(!kb().is_ambiguous("Russia"));
        let c: Vec<_> = kb()
            .candidates("Georgia")
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert!(
            c.contains(&"georgia") && c.contains(&"georgia-state"),
            "{c:?}"
        );
        // Same kind: recognisers still learn it is a place.
        assert_eq!(
            kb().lookup("Georgia").map(|e| e.kind),
            Some(ActorKind::Place)
        );
    }

    #[test]
    fn demonyms() {
        assert_eq!(
            kb().demonym("Russian").map(|e| e.id.as_str()),
            Some("russia")
        );
        assert_eq!(
            kb().demonym("Russians").map(|e| e.id.as_str()),
            Some("russia")
        );
        assert_eq!(
            kb().demonym("American").map(|e| e.id.as_str()),
            Some("united-states")
        );
        assert!(kb().demonym("Georgian").is_none());
        assert!(kb().demonym("Table").is_none());
    }
}
