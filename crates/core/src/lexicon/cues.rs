//! Stance cues (`stances/verb_cues.tsv`, `stances/word_cues.tsv`): verbs
//! listed by base form and inflected when the lexicon loads (`reject` →
//! rejects, rejected, rejecting), plus irregular forms, nouns and adjectives.

use super::{entries, LexiconError};
use crate::hash::FastMap;
use crate::model::StanceKind;

/// The stance a cue word signals before negation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    /// The stance.
    pub kind: StanceKind,
    /// The cue is a noun or adjective ("criticism", "unacceptable"), not a verb.
    pub nominal: bool,
    /// An adjective of judgement ("dangerous", "unjust") that counts only
    /// when it is said of the proposal: "the law is unjust", "called the
    /// plan dangerous" (implies `nominal`).
    pub judgement: bool,
    /// A noun that shows a stance only as the object of a verb of
    /// expressing: "expressed interest in", "showed openness to" (implies
    /// `nominal`).
    pub expressed: bool,
}

/// A cue entry: stance, whether nominal, and the particle that must follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueEntry {
    /// The cue.
    pub cue: Cue,
    /// The particle that must follow ("for" in "call for").
    pub particle: Option<&'static str>,
}

/// Particles of phrasal cues for irregular forms ("put forward", "drew up").
const IRREGULAR_PARTICLES: &[(&str, &str)] = &[
    ("put", "forward"),
    ("drew", "up"),
    ("laid", "out"),
    ("struck", "down"),
];

fn stance(s: &str) -> Option<StanceKind> {
    use StanceKind::*;
    Some(match s {
        "proposes" => Proposes,
        "supports" => Supports,
        "opposes" => Opposes,
        "criticizes" => Criticizes,
        "mixed" => Mixed,
        "neutral" => Neutral,
        _ => return None,
    })
}

/// Regular inflections of a base verb: base, -s, -ed, -ing.
pub fn inflect(base: &str) -> Vec<String> {
    let mut out = vec![base.to_owned()];
    let es = base.ends_with('s')
        || base.ends_with("sh")
        || base.ends_with("ch")
        || base.ends_with('x')
        || base.ends_with('z')
        || base.ends_with('o');
    let (stem_y, ends_y) = match base.strip_suffix('y') {
        Some(s) if !s.ends_with(['a', 'e', 'o', 'u']) => (s, true),
        _ => (base, false),
    };
    if ends_y {
        out.push(format!("{stem_y}ies"));
        out.push(format!("{stem_y}ied"));
        out.push(format!("{base}ing"));
    } else if let Some(stem) = base.strip_suffix('e') {
        out.push(format!("{base}s"));
        out.push(format!("{base}d"));
        out.push(format!("{stem}ing"));
    } else {
        out.push(if es {
            format!("{base}es")
        } else {
            format!("{base}s")
        });
        // A verb ending in one vowel and one consonant doubles it: always
        // when it has one syllable ("ban" → "banned", "drop" → "dropped",
        // "scrap" → "scrapped"); with more syllables only when the last is
        // stressed ("controlled" but "visited"), which spelling does not
        // show, so both forms are listed (the wrong one is not a word).
        match doubling(base) {
            Doubling::Always(last) => {
                out.push(format!("{base}{last}ed"));
                out.push(format!("{base}{last}ing"));
            }
            Doubling::Maybe(last) => {
                out.push(format!("{base}ed"));
                out.push(format!("{base}ing"));
                out.push(format!("{base}{last}ed"));
                out.push(format!("{base}{last}ing"));
            }
            Doubling::Never => {
                out.push(format!("{base}ed"));
                out.push(format!("{base}ing"));
            }
        }
    }
    out
}

/// Whether a verb doubles its last consonant before -ed and -ing.
enum Doubling {
    /// One syllable ending in one vowel and one consonant ("drop").
    Always(char),
    /// Several syllables ending so ("control", "visit"): stress decides.
    Maybe(char),
    /// Anything else ("beat", "fix", "veto").
    Never,
}

fn doubling(base: &str) -> Doubling {
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let b = base.as_bytes();
    let n = b.len();
    if n < 3 || !b.iter().all(u8::is_ascii_lowercase) {
        return Doubling::Never;
    }
    let (last, mid, before) = (b[n - 1], b[n - 2], b[n - 3]);
    // "qu" is a consonant ("quit" → "quitting").
    let before_is_vowel = vowel(before) && !(before == b'u' && n >= 4 && b[n - 4] == b'q');
    if vowel(last) || matches!(last, b'w' | b'x' | b'y') || !vowel(mid) || before_is_vowel {
        return Doubling::Never;
    }
    let mut groups = 0;
    let mut in_vowel = false;
    for (i, &c) in b.iter().enumerate() {
        let v = vowel(c) && !(c == b'u' && i > 0 && b[i - 1] == b'q');
        if v && !in_vowel {
            groups += 1;
        }
        in_vowel = v;
    }
    if groups == 1 {
        Doubling::Always(last as char)
    } else {
        Doubling::Maybe(last as char)
    }
}

/// Every cue form → its entries. Verb rows are inflected; a word row
/// replaces the entries of the same form.
pub(super) fn parse(
    verbs: (&'static str, &'static str),
    words: (&'static str, &'static str),
) -> Result<FastMap<String, Vec<CueEntry>>, LexiconError> {
    let mut m: FastMap<String, Vec<CueEntry>> = FastMap::default();
    for (line, l) in entries(verbs.1) {
        let err = |message: String| LexiconError {
            file: verbs.0,
            line,
            message,
        };
        let f: Vec<&'static str> = l.split('\t').map(str::trim).collect();
        let [base, particle, kind] = f[..] else {
            return Err(err(format!("expected 3 columns, found {}", f.len())));
        };
        let kind = stance(kind).ok_or_else(|| err(format!("unknown stance {kind:?}")))?;
        let particle = (particle != "-").then_some(particle);
        for form in inflect(base) {
            let entries = m.entry(form).or_default();
            if !entries.iter().any(|e| e.particle == particle) {
                entries.push(CueEntry {
                    cue: Cue {
                        kind,
                        nominal: false,
                        judgement: false,
                        expressed: false,
                    },
                    particle,
                });
            }
        }
    }
    let mut own: crate::hash::FastSet<&str> = Default::default();
    for (line, l) in entries(words.1) {
        let err = |message: String| LexiconError {
            file: words.0,
            line,
            message,
        };
        let f: Vec<&'static str> = l.split('\t').map(str::trim).collect();
        let (w, kind, pos, particle) = match f[..] {
            [w, kind, pos] => (w, kind, pos, None),
            [w, kind, pos, particle] => (w, kind, pos, Some(particle)),
            _ => return Err(err(format!("expected 3 or 4 columns, found {}", f.len()))),
        };
        let kind = stance(kind).ok_or_else(|| err(format!("unknown stance {kind:?}")))?;
        let (nominal, judgement, expressed) = match pos {
            "nominal" => (true, false, false),
            "judgement" => (true, true, false),
            "expressed" => (true, false, true),
            "verb" => (false, false, false),
            p => {
                return Err(err(format!(
                    "part of speech must be verb, nominal, judgement or expressed, not {p:?}"
                )))
            }
        };
        let particle = particle.or_else(|| {
            IRREGULAR_PARTICLES
                .iter()
                .find(|(v, _)| *v == w)
                .map(|&(_, p)| p)
        });
        let entry = CueEntry {
            cue: Cue {
                kind,
                nominal,
                judgement,
                expressed,
            },
            particle,
        };
        // The word's first row replaces its generated verb forms; more rows
        // add particles ("objections from", "objections to").
        if own.insert(w) {
            m.insert(w.to_owned(), vec![entry]);
        } else if let Some(es) = m.get_mut(w) {
            es.push(entry);
        }
    }
    Ok(m)
}

/// Every inflected form of the base verbs of a one-column list → its base.
pub(super) fn verb_forms(data: &'static str) -> FastMap<String, &'static str> {
    let mut m = FastMap::default();
    for (_, base) in entries(data) {
        for form in inflect(base) {
            m.entry(form).or_insert(base);
        }
    }
    m
}

/// `key<TAB>value` rows: key (every inflected form of it when `inflected`)
/// → the value `read` makes of the second column, or its error message.
fn two_columns<T: Copy>(
    file: &'static str,
    data: &'static str,
    inflected: bool,
    read: impl Fn(&'static str) -> Result<T, String>,
) -> Result<FastMap<String, T>, LexiconError> {
    let mut m = FastMap::default();
    for (line, l) in entries(data) {
        let err = |message: String| LexiconError {
            file,
            line,
            message,
        };
        let f: Vec<&'static str> = l.split('\t').map(str::trim).collect();
        let [key, value] = f[..] else {
            return Err(err(format!("expected 2 columns, found {}", f.len())));
        };
        let value = read(value).map_err(err)?;
        if inflected {
            for form in inflect(key) {
                m.entry(form).or_insert(value);
            }
        } else {
            m.insert(key.to_owned(), value);
        }
    }
    Ok(m)
}

/// `verb<TAB>noun` rows: every inflected form of the verb → the noun.
pub(super) fn nominals(
    file: &'static str,
    data: &'static str,
) -> Result<FastMap<String, &'static str>, LexiconError> {
    two_columns(file, data, true, Ok)
}

/// `word<TAB>positive|negative` rows (inflected when `inflected`): word → true
/// for positive.
pub(super) fn polarities(
    file: &'static str,
    data: &'static str,
    inflected: bool,
) -> Result<FastMap<String, bool>, LexiconError> {
    two_columns(file, data, inflected, |p| match p {
        "positive" => Ok(true),
        "negative" => Ok(false),
        other => Err(format!(
            "polarity must be positive or negative, not {other:?}"
        )),
    })
}
