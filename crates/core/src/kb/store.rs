//! Parsing of the bundled TSV files into entries and O(1) lookup indexes.
//!
//! The data files (`crates/core/data/kb/*.tsv`) are compiled in with
//! `include_str!` and parsed by [`Kb::bundled`] into a [`Kb`], which the
//! [`crate::Analyzer`] owns. Parsing is linear in the size of the data;
//! every lookup is a hash-map probe. String fields borrow from the
//! compiled-in text; generated ids and expanded descriptions are owned by
//! their entries.
//!
//! Row format (tab-separated; lists separated by `|`):
//! `id kind category name aliases demonyms context wiki description [as_of]`.
//! Markers on names, aliases and demonyms: `?` = ambiguous (names something
//! else too, resolved only by context), `~` = weak (a person's surname: links
//! only with a full name, a title or context), `!` = the editorial default
//! among an ambiguous name's candidates when context ties ("New York" → the
//! city). In `context`, `@Word` is a
//! title that supports a person ("@President"); other items are entry ids.
//! Header lines `#source` and `#as_of` give each file's defaults.
//!
//! Compact fields (written by `scripts/kb/compact.py`): an empty `id` is the
//! slug of the name ([`slug`]); an empty `wiki` is the name itself and `-`
//! means none; `{}` in a description stands for the names of the row's
//! context entries, last first, joined by ", " ("City in {}." → "City in
//! Texas, United States."). Expanded strings are allocated once.

use crate::hash::FastMap as HashMap;

use super::{Category, Entry, GlossaryEntry};
use crate::model::ActorKind;

/// The compiled-in data files, in priority order (earlier files win ties
/// when an ambiguous name must pick a first candidate).
const FILES: &[&str] = &[
    include_str!("../../data/kb/countries.tsv"),
    include_str!("../../data/kb/orgs.tsv"),
    include_str!("../../data/kb/seats.tsv"),
    include_str!("../../data/kb/regions.tsv"),
    include_str!("../../data/kb/us_states.tsv"),
    include_str!("../../data/kb/cities.tsv"),
    include_str!("../../data/kb/people.tsv"),
];

const GLOSSARY: &str = include_str!("../../data/kb/glossary.tsv");

/// How a key names an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Canonical name or a full alias.
    Strong,
    /// A person's surname alone.
    Weak,
}

/// One entry a key may refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`Kb::entries`].
    pub entry: usize,
    /// How the key names it.
    pub strength: Strength,
    /// The key was marked ambiguous in the data.
    pub flagged: bool,
    /// The entry is the editorial default for this key when context ties.
    pub preferred: bool,
}

/// The knowledge base: every entry, with its indexes.
#[derive(Debug)]
pub struct Kb {
    /// All entries, in file order.
    pub entries: Vec<Entry>,
    /// Name/alias/surname key → entries it may name.
    pub names: HashMap<&'static str, Vec<Hit>>,
    /// Demonym → entries (more than one, or flagged, means ambiguous).
    pub demonyms: HashMap<&'static str, (Vec<usize>, bool)>,
    /// Entry id → index.
    pub ids: HashMap<String, usize>,
    /// Glossary terms.
    pub glossary: Vec<GlossaryEntry>,
    /// Lower-cased glossary term or alias → index into `glossary`.
    pub glossary_keys: HashMap<String, usize>,
}

impl Kb {
    /// Parses the data files compiled into the binary.
    pub fn bundled() -> Kb {
        build()
    }
}

/// Markers on a list item.
#[derive(Clone, Copy, Default)]
struct Marks {
    ambiguous: bool,
    weak: bool,
    preferred: bool,
}

/// Splits marker prefixes (`?`, `~`, `!`) off a list item.
fn marked(item: &'static str) -> (&'static str, Marks) {
    let mut s = item.trim();
    let mut m = Marks::default();
    loop {
        if let Some(r) = s.strip_prefix('?') {
            m.ambiguous = true;
            s = r;
        } else if let Some(r) = s.strip_prefix('~') {
            m.weak = true;
            s = r;
        } else if let Some(r) = s.strip_prefix('!') {
            m.preferred = true;
            s = r;
        } else {
            break;
        }
    }
    (s, m)
}

/// An id from a name: ASCII letters and digits lower-cased, every run of
/// other characters one `-`, none at either end ("Washington, D.C." →
/// "washington-d-c").
fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn list(field: &'static str) -> impl Iterator<Item = &'static str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

fn kind_of(s: &str) -> ActorKind {
    match s {
        "person" => ActorKind::Person,
        "org" => ActorKind::Organization,
        "place" => ActorKind::Place,
        "group" => ActorKind::Group,
        _ => ActorKind::Other,
    }
}

/// Parsed but not yet indexed row.
struct Row {
    entry: Entry,
    name_flag: bool,
    aliases: Vec<(&'static str, Marks)>,
    demonyms: Vec<(&'static str, bool)>,
}

fn parse_file(text: &'static str, out: &mut Vec<Row>) {
    let mut source = "Gloss editors";
    let mut as_of = "2026-11";
    for line in text.lines() {
        if line.trim().is_empty() {
            continue;
        }
        if read_header(line, &mut source, &mut as_of) {
            continue;
        }
        let f: Vec<&'static str> = line.split('\t').collect();
        if f.len() < 9 {
            continue;
        }
        let (name, name_marks) = marked(f[3]);
        let name_flag = name_marks.ambiguous;
        let aliases: Vec<(&'static str, Marks)> = list(f[4]).map(marked).collect();
        let demonyms: Vec<(&'static str, bool)> = list(f[5])
            .map(marked)
            .map(|(d, m)| (d, m.ambiguous))
            .collect();
        let mut context = Vec::new();
        let mut titles = Vec::new();
        for c in list(f[6]) {
            match c.strip_prefix('@') {
                Some(t) => titles.push(t),
                None => context.push(c),
            }
        }
        let id = match f[0].trim() {
            "" => slug(name),
            id => id.to_owned(),
        };
        let wiki = match f[7].trim() {
            "" => Some(name),
            "-" => None,
            w => Some(w),
        };
        let entry = Entry {
            id,
            name,
            kind: kind_of(f[1].trim()),
            category: Category::parse(f[2].trim()),
            aliases: aliases.iter().filter(|a| !a.1.weak).map(|a| a.0).collect(),
            surnames: aliases.iter().filter(|a| a.1.weak).map(|a| a.0).collect(),
            demonyms: demonyms.iter().map(|d| d.0).collect(),
            context: context.into(),
            titles: titles.into(),
            description: f[8].trim().to_owned(),
            as_of: f.get(9).map_or(as_of, |s| s.trim()),
            source,
            wiki,
        };
        out.push(Row {
            entry,
            name_flag,
            aliases,
            demonyms,
        });
    }
}

fn build() -> Kb {
    let mut rows = Vec::new();
    for f in FILES {
        parse_file(f, &mut rows);
    }
    let mut names: HashMap<&'static str, Vec<Hit>> = HashMap::default();
    let mut demonyms: HashMap<&'static str, (Vec<usize>, bool)> = HashMap::default();
    let mut ids = HashMap::default();
    expand_descriptions(&mut rows);
    let mut entries = Vec::with_capacity(rows.len());
    for (i, row) in rows.into_iter().enumerate() {
        ids.entry(row.entry.id.clone()).or_insert(i);
        let mut add = |key: &'static str, strength: Strength, m: Marks| {
            let v = names.entry(key).or_default();
            match v.iter_mut().find(|h| h.entry == i) {
                Some(h) => {
                    h.strength = h.strength.min(strength);
                    h.flagged |= m.ambiguous;
                    h.preferred |= m.preferred;
                }
                None => v.push(Hit {
                    entry: i,
                    strength,
                    flagged: m.ambiguous,
                    preferred: m.preferred,
                }),
            }
        };
        let name_marks = Marks {
            ambiguous: row.name_flag,
            ..Marks::default()
        };
        add(row.entry.name, Strength::Strong, name_marks);
        for (a, m) in &row.aliases {
            let s = if m.weak {
                Strength::Weak
            } else {
                Strength::Strong
            };
            add(a, s, *m);
        }
        for (d, amb) in &row.demonyms {
            let e = demonyms.entry(d).or_default();
            if !e.0.contains(&i) {
                e.0.push(i);
            }
            e.1 |= *amb;
        }
        entries.push(row.entry);
    }
    let (glossary, glossary_keys) = parse_glossary(GLOSSARY);
    Kb {
        entries,
        names,
        demonyms,
        ids,
        glossary,
        glossary_keys,
    }
}

/// Replaces `{}` in descriptions with the names of the row's context
/// entries, last first (see the module docs). Linear in the rows.
fn expand_descriptions(rows: &mut [Row]) {
    let mut names: HashMap<String, &'static str> = HashMap::default();
    for r in rows.iter() {
        names.entry(r.entry.id.clone()).or_insert(r.entry.name);
    }
    for r in rows.iter_mut() {
        let d = &r.entry.description;
        if !d.contains("{}") {
            continue;
        }
        let places: Vec<&str> = r
            .entry
            .context
            .iter()
            .rev()
            .filter_map(|c| names.get(*c).copied())
            .collect();
        r.entry.description = d.replacen("{}", &places.join(", "), 1);
    }
}

/// Reads a `#source` / `#as_of` header line of a data file into the file's
/// defaults; true for every `#` line (headers and comments), which carry no row.
fn read_header(line: &'static str, source: &mut &'static str, as_of: &mut &'static str) -> bool {
    let Some(rest) = line.strip_prefix('#') else {
        return false;
    };
    let mut parts = rest.splitn(2, '\t');
    match (parts.next(), parts.next()) {
        (Some("source"), Some(v)) => *source = v.trim(),
        (Some("as_of"), Some(v)) => *as_of = v.trim(),
        _ => {}
    }
    true
}

fn parse_glossary(text: &'static str) -> (Vec<GlossaryEntry>, HashMap<String, usize>) {
    let mut source = "Gloss editors";
    let mut as_of = "2026-11";
    let mut out = Vec::new();
    let mut keys = HashMap::default();
    for line in text.lines() {
        if read_header(line, &mut source, &mut as_of) {
            continue;
        }
        let f: Vec<&'static str> = line.split('\t').collect();
        if f.len() < 3 || f[0].trim().is_empty() {
            continue;
        }
        let i = out.len();
        let aliases: Vec<&'static str> = list(f[1]).collect();
        keys.entry(f[0].trim().to_lowercase()).or_insert(i);
        for a in &aliases {
            keys.entry(a.to_lowercase()).or_insert(i);
        }
        out.push(GlossaryEntry {
            term: f[0].trim(),
            aliases: aliases.into(),
            definition: f[2].trim(),
            as_of,
            source,
        });
    }
    (out, keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_split_off() {
        let (s, m) = marked(" ?~Harris ");
        assert_eq!(s, "Harris");
        assert!(m.ambiguous && m.weak && !m.preferred);
        let (s, m) = marked("!New York");
        assert_eq!(s, "New York");
        assert!(m.preferred && !m.ambiguous && !m.weak);
        let (s, m) = marked("Moscow");
        assert_eq!(s, "Moscow");
        assert!(!m.ambiguous && !m.weak && !m.preferred);
    }

    #[test]
    fn rows_parse_with_file_defaults_and_row_dates() {
        let text = "#source\tTest source\n#as_of\t2024-01\n#id\tkind\n\
                    x\tplace\tcity\t?Xville\tXtown|~Xy\tXvillian\ty|@Mayor\tXville\tA test city.\n\
                    p\tperson\tperson\tPat Q\t~Q\t\t\tPat Q\tA test person.\t2025-02\n\
                    short\trow\n";
        let mut rows = Vec::new();
        parse_file(text, &mut rows);
        assert_eq!(rows.len(), 2);
        let x = &rows[0].entry;
        assert_eq!(
            (x.name, x.source, x.as_of),
            ("Xville", "Test source", "2024-01")
        );
        assert!(rows[0].name_flag);
        assert_eq!(&x.aliases[..], &["Xtown"]);
        assert_eq!(&x.surnames[..], &["Xy"]);
        assert_eq!(&x.context[..], &["y"]);
        assert_eq!(&x.titles[..], &["Mayor"]);
        assert_eq!(x.kind, ActorKind::Place);
        assert_eq!(rows[1].entry.as_of, "2025-02");
        assert_eq!(rows[1].entry.kind, ActorKind::Person);
    }

    #[test]
    fn compact_fields_expand() {
        assert_eq!(slug("Washington, D.C."), "washington-d-c");
        assert_eq!(slug("  Côte d'Ivoire "), "c-te-d-ivoire");
        let text = "#id\n\tplace\tcountry\tXland\t\t\t\t\tCountry.\n\
                    \tplace\tcity\tNew Y\t\t\txland\t-\tCity in {}.\n\
                    yy\tplace\tcity\tY\t\t\txland\tY (city)\tA city.\n";
        let mut rows = Vec::new();
        parse_file(text, &mut rows);
        expand_descriptions(&mut rows);
        let e: Vec<_> = rows.iter().map(|r| (&*r.entry.id, r.entry.wiki)).collect();
        assert_eq!(
            e,
            [
                ("xland", Some("Xland")),
                ("new-y", None),
                ("yy", Some("Y (city)"))
            ]
        );
        assert_eq!(rows[1].entry.description, "City in Xland.");
        let s = Kb::bundled();
        let moscow = s.ids.get("moscow").map(|&i| &s.entries[i]);
        assert_eq!(moscow.map(|e| e.wiki), Some(Some("Moscow")));
        let austin = s.ids.get("austin").map(|&i| &*s.entries[i].description);
        assert_eq!(austin, Some("City in Texas, United States."));
    }

    #[test]
    fn the_store_indexes_every_file() {
        let s = Kb::bundled();
        assert!(s.ids.contains_key("russia"));
        assert!(s.ids.contains_key("kremlin"));
        assert!(s.ids.contains_key("atlanta"));
        assert!(s.ids.contains_key("georgia-state"));
        assert!(s.ids.contains_key("vladimir-putin"));
        assert!(s.ids.contains_key("nato"));
        assert!(s.ids.contains_key("crimea"));
        assert!(!s.glossary.is_empty());
    }
}
