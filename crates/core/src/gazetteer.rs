//! Name lists for the learned recognisers: the place gazetteer
//! (`data/gazetteer/`: first-level regions worldwide from the Unicode CLDR,
//! cities from GeoNames) and the knowledge base's names, by class.
//!
//! A list entry is looked up by its *folded* text: Latin letters without
//! diacritics ("São Paulo" → "Sao Paulo"), straight apostrophes, single
//! spaces. [`Gazetteer::tag`] finds, left to right, the longest entry
//! starting at each word of a sentence and marks its words; the recogniser
//! turns the marks into features. O(n · [`Gazetteer::max_words`]) hash
//! lookups for n words. [`PersonNames`] holds given names and surnames.

// The size accessors serve the BILOU recogniser, the trainer and the tests.
#![cfg_attr(not(any(test, feature = "training")), allow(dead_code))]

use crate::hash::FastMap;
use std::borrow::Cow;

const REGIONS: &str = include_str!("../data/gazetteer/regions.txt");
const CITIES: &str = include_str!("../data/gazetteer/cities.txt");

/// Classes of names, as bits of a [`Classes`] mask.
pub mod class {
    /// A first-level region (state, province, Land…): `regions.txt` and
    /// the KB's regions and US states.
    pub const REGION: u16 = 1;
    /// A city: `cities.txt` and the KB's cities and capitals.
    pub const CITY: u16 = 1 << 1;
    /// A country or territory (KB).
    pub const COUNTRY: u16 = 1 << 2;
    /// Another KB place (continent, sea, disputed area…).
    pub const PLACE: u16 = 1 << 3;
    /// A KB organisation (or a seat of government: "the Kremlin").
    pub const ORG: u16 = 1 << 4;
    /// A KB person (full name or alias).
    pub const PERSON: u16 = 1 << 5;
    /// A demonym or adjective of a KB entry ("French", "Afghans").
    pub const DEMONYM: u16 = 1 << 6;
    /// Number of classes.
    pub const COUNT: usize = 7;
}

/// A set of [`class`] bits.
pub type Classes = u16;

/// Where a word lies in a list entry that [`Gazetteer::tag`] found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mark {
    /// Classes of the entry (0 = in none).
    pub classes: Classes,
    /// Position: 0 = single word, 1 = first, 2 = inside, 3 = last.
    pub position: u8,
}

/// Name lists keyed by folded text.
#[derive(Debug, Default, Clone)]
pub struct Gazetteer {
    names: FastMap<Box<str>, Classes>,
    max_words: usize,
}

/// Latin-1 Supplement and Latin Extended-A (U+00C0..U+017F) without their
/// diacritics; `_` = kept as it is. `scripts/gen_gazetteer.py` has the same
/// table.
const FOLD: &[u8; 192] = b"AAAAAA_CEEEEIIII_NOOOOO_OUUUUY__aaaaaa_ceeeeiiii_nooooo_ouuuuy_y\
AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHh__IiIiIiIiI___JjKk_LlLlLlLlLl\
NnNnNn___OoOoOo__RrRrRrSsSsSsSsTtTt__UuUuUuUuUuUuWwYyYZzZzZz_";

fn fold_char(c: char) -> char {
    let i = c as u32;
    if (0xC0..0x180).contains(&i) {
        let f = FOLD[(i - 0xC0) as usize];
        if f != b'_' {
            return f as char;
        }
    }
    match c {
        '\u{2019}' | '\u{2018}' | '\u{2BC}' => '\'',
        _ => c,
    }
}

/// The lookup form of a name: diacritics of Latin letters removed,
/// typographic apostrophes straightened, whitespace runs as one space.
pub fn fold(name: &str) -> Cow<'_, str> {
    let plain = name
        .bytes()
        .all(|b| b.is_ascii() && b != b'\t' && b != b'\n')
        && !name.contains("  ")
        && !name.starts_with(' ')
        && !name.ends_with(' ');
    if plain {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len());
    for w in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().map(fold_char));
    }
    Cow::Owned(out)
}

/// Number of words of a name as the tokenizer splits it (a cheap upper
/// bound: whitespace-separated parts plus inner hyphens and apostrophes).
fn word_count(name: &str) -> usize {
    let mut out = Vec::new();
    crate::tokenize::tokenize_into(name, 0, 0, &mut out);
    out.len()
}

impl Gazetteer {
    /// An empty gazetteer.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `name` with `classes` (merged with the classes it already has).
    pub fn add(&mut self, name: &str, classes: Classes) {
        let key = fold(name);
        if key.is_empty() {
            return;
        }
        self.max_words = self.max_words.max(word_count(&key));
        *self
            .names
            .entry(key.into_owned().into_boxed_str())
            .or_insert(0) |= classes;
    }

    /// Adds every line of a list (`#` lines are comments) with `classes`.
    pub fn add_list(&mut self, list: &str, classes: Classes) {
        for line in list.lines().map(str::trim) {
            if !line.is_empty() && !line.starts_with('#') {
                self.add(line, classes);
            }
        }
    }

    /// The bundled lists and the names of `kb`.
    pub fn build(kb: &crate::kb::Kb) -> Gazetteer {
        let mut g = Gazetteer::new();
        g.add_list(REGIONS, class::REGION);
        g.add_list(CITIES, class::CITY);
        for e in &kb.entries {
            let c = kb_class(e);
            g.add(e.name, c);
            for a in e.aliases.iter() {
                g.add(a, c);
            }
            for d in e.demonyms.iter() {
                g.add(d, class::DEMONYM);
            }
        }
        g
    }

    /// Classes of `name` (0 if in none).
    pub fn get(&self, name: &str) -> Classes {
        self.names.get(&*fold(name)).copied().unwrap_or(0)
    }

    /// The most words any entry has.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether it has no entry.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Marks the words of one sentence: `words[i]` is the text of word `i`,
    /// `glued[i]` whether it follows word `i - 1` without a space. Entries
    /// are matched left to right, the longest first; only entries that
    /// start with an upper-case letter or digit are matched.
    pub fn tag(&self, words: &[&str], glued: &[bool]) -> Vec<Mark> {
        let n = words.len();
        let mut marks = vec![Mark::default(); n];
        let mut key = String::new();
        let mut i = 0;
        while i < n {
            if !words[i].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
                i += 1;
                continue;
            }
            let mut best = None;
            key.clear();
            let stop = n.min(i + self.max_words.max(1));
            for (j, w) in words.iter().enumerate().take(stop).skip(i) {
                if j > i && !glued.get(j).copied().unwrap_or(false) {
                    key.push(' ');
                }
                key.push_str(w);
                if let Some(&c) = self.names.get(&*fold(&key)) {
                    best = Some((j + 1, c));
                }
            }
            match best {
                Some((end, classes)) => {
                    for (k, m) in marks.iter_mut().enumerate().take(end).skip(i) {
                        let position = match (k == i, k + 1 == end) {
                            (true, true) => 0,
                            (true, false) => 1,
                            (false, false) => 2,
                            (false, true) => 3,
                        };
                        *m = Mark { classes, position };
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
        marks
    }
}

const GIVEN_NAMES: &str = include_str!("../data/gazetteer/given_names.txt");
const SURNAMES: &str = include_str!("../data/gazetteer/surnames.txt");

/// Given names and surnames (`data/gazetteer/`: the US Census 1990 lists),
/// looked up in lower case.
#[derive(Debug, Default, Clone)]
pub struct PersonNames {
    given: crate::hash::FastSet<&'static str>,
    surnames: crate::hash::FastSet<&'static str>,
}

impl PersonNames {
    /// The bundled lists.
    pub fn bundled() -> PersonNames {
        let set = |list: &'static str| {
            list.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        };
        PersonNames {
            given: set(GIVEN_NAMES),
            surnames: set(SURNAMES),
        }
    }

    /// Is the lower-cased word `lower` a given name?
    pub fn is_given(&self, lower: &str) -> bool {
        self.given.contains(lower)
    }

    /// Is the lower-cased word `lower` a surname?
    pub fn is_surname(&self, lower: &str) -> bool {
        self.surnames.contains(lower)
    }
}

fn kb_class(e: &crate::kb::Entry) -> Classes {
    use crate::kb::Category as C;
    use crate::model::ActorKind as K;
    match (e.kind, e.category) {
        (K::Place, C::Country | C::Territory) => class::COUNTRY,
        (K::Place, C::City | C::Capital) => class::CITY,
        (K::Place, C::UsState | C::Region) => class::REGION,
        (K::Place, _) => class::PLACE,
        (K::Person, _) => class::PERSON,
        (K::Organization, _) => class::ORG,
        _ => class::PLACE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_latin_diacritics() {
        assert_eq!(fold("São Paulo"), "Sao Paulo");
        assert_eq!(fold("Baden-Württemberg"), "Baden-Wurttemberg");
        assert_eq!(fold("Côte d’Ivoire"), "Cote d'Ivoire");
        assert_eq!(fold(" New\tYork "), "New York");
        assert_eq!(fold("Łódź"), "Lodz");
        assert_eq!(fold("Wrocław"), "Wroclaw");
        assert_eq!(fold("Tromsø"), "Tromso");
        assert_eq!(fold("Đà Nẵng"), "Da Nẵng");
        assert!(matches!(fold("Berlin"), Cow::Borrowed(_)));
    }

    #[test]
    fn bundled_has_regions_cities_and_kb_names() {
        let g = Gazetteer::build(crate::Analyzer::shared().kb());
        for (name, c) in [
            ("Bavaria", class::REGION),
            ("Punjab", class::REGION),
            ("Ontario", class::REGION),
            ("Lombardy", class::REGION),
            ("Texas", class::REGION),
            ("Aachen", class::CITY),
            ("Moscow", class::CITY),
            ("France", class::COUNTRY),
            ("NATO", class::ORG),
            ("French", class::DEMONYM),
        ] {
            assert!(g.get(name) & c != 0, "{name}");
        }
        assert_eq!(g.get("Tuesday"), 0);
        assert!(g.max_words() >= 3);
    }

    #[test]
    fn tag_marks_the_longest_entry() {
        let mut g = Gazetteer::new();
        g.add("New York", class::CITY);
        g.add("York", class::CITY);
        g.add("Baden-Württemberg", class::REGION);
        let words = ["in", "New", "York", "and", "Baden", "-", "Wurttemberg"];
        let glued = [false, false, false, false, false, true, true];
        let m = g.tag(&words, &glued);
        let pos: Vec<(u16, u8)> = m.iter().map(|m| (m.classes, m.position)).collect();
        assert_eq!(
            pos,
            vec![
                (0, 0),
                (class::CITY, 1),
                (class::CITY, 3),
                (0, 0),
                (class::REGION, 1),
                (class::REGION, 2),
                (class::REGION, 3),
            ]
        );
        // Not glued: "Baden - Wurttemberg" is not the entry.
        let m = g.tag(&words[4..], &[false, false, false]);
        assert!(m.iter().all(|m| m.classes == 0));
        // Lower-case words start no match.
        assert!(g.tag(&["york"], &[false])[0].classes == 0);
    }
}
