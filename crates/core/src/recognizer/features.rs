//! The recogniser's features, shared by training (`crates/train`) and
//! inference: word identity and shape in a ±2 window, affixes, POS, the
//! gazetteer and knowledge base, cue words of the rule-based recogniser
//! (titles, place prepositions, speech verbs, given names), headline case,
//! document evidence (is the word written in lower case, or capitalised
//! mid-sentence, elsewhere in the article) and the previous two tags.
//!
//! A feature is the 32-bit key of a hash of its template number and values.
//! Change a template and bump [`FEATURE_SET`], so that model files trained
//! on other features are refused.

use super::tags::Tag;
use crate::gazetteer::{Gazetteer, Mark};
use crate::hash::FastSet;

/// Version of the feature templates.
pub const FEATURE_SET: u32 = 2;

pub use crate::weights::{f1, f2, hash_str};

const NONE: u64 = 0x4e4f_4e45;
const START: u64 = 0x0053_5441_5254;
const END: u64 = 0x0045_4e44;

/// How a sentence is cased.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Casing {
    /// Ordinary running text.
    Normal,
    /// Most words capitalised (a title-case headline).
    TitleCase,
    /// Every letter upper case (an all-caps headline).
    AllCaps,
}

/// One sentence as the recogniser sees it.
#[derive(Clone, Copy, Debug)]
pub struct Sentence<'a> {
    /// The words.
    pub words: &'a [&'a str],
    /// `glued[i]`: word `i` follows word `i - 1` without a space.
    pub glued: &'a [bool],
    /// Universal POS tags of the words ("PROPN"), or empty when not tagged.
    pub pos: &'a [&'a str],
}

/// What the whole document says about its words.
#[derive(Debug, Default)]
pub struct DocEvidence {
    /// Lower-cased forms of words written in lower case somewhere.
    lower_seen: FastSet<String>,
    /// Words written capitalised somewhere other than a sentence start.
    cap_mid_seen: FastSet<String>,
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Casing of a sentence's words.
pub fn casing(words: &[&str]) -> Casing {
    let mut letters_lower = false;
    let (mut alpha, mut caps) = (0, 0);
    for w in words {
        if w.chars().any(char::is_lowercase) {
            letters_lower = true;
        }
        if w.chars().next().is_some_and(char::is_alphabetic) {
            alpha += 1;
            if is_cap(w) {
                caps += 1;
            }
        }
    }
    if alpha >= 2 && !letters_lower {
        Casing::AllCaps
    } else if alpha >= 3 && caps * 5 >= alpha * 4 {
        Casing::TitleCase
    } else {
        Casing::Normal
    }
}

impl DocEvidence {
    /// Collects the evidence of every sentence (headlines excluded).
    pub fn new(sentences: &[Sentence]) -> Self {
        let mut e = DocEvidence::default();
        for s in sentences {
            if casing(s.words) != Casing::Normal {
                continue;
            }
            for (i, w) in s.words.iter().enumerate() {
                let Some(c) = w.chars().next() else { continue };
                if c.is_lowercase() {
                    e.lower_seen.insert(w.to_lowercase());
                } else if c.is_uppercase() && i > 0 && !matches!(s.words[i - 1], "." | "\"" | ":") {
                    e.cap_mid_seen.insert((*w).to_owned());
                }
            }
        }
        e
    }
}

/// A word's shape: runs of upper case, lower case, digits and other
/// characters as `X`, `x`, `d` and the character, each run at most twice
/// ("Putin" → "Xxx" is "Xx", "U.S." → "X.X.", "1990s" → "dx").
pub fn shape(w: &str) -> String {
    let mut out = String::with_capacity(8);
    let mut last = '\0';
    let mut run = 0;
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if s == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        last = s;
        out.push(s);
        if out.len() >= 12 {
            break;
        }
    }
    out
}

fn prefix(w: &str, n: usize) -> &str {
    match w.char_indices().nth(n) {
        Some((i, _)) => &w[..i],
        None => w,
    }
}

fn suffix(w: &str, n: usize) -> &str {
    let count = w.chars().count();
    if count <= n {
        return w;
    }
    match w.char_indices().nth(count - n) {
        Some((i, _)) => &w[i..],
        None => w,
    }
}

/// The rule recogniser's cue words that the model reads as features (from
/// the lexicon, copied when the recogniser is built).
#[derive(Debug, Clone, Default)]
pub struct Cues {
    first_names: FastSet<String>,
    titles: FastSet<String>,
    place_prepositions: FastSet<String>,
    say_verbs: FastSet<String>,
}

impl Cues {
    /// The cue lists of `lx`.
    pub fn new(lx: &crate::lexicon::Lexicon) -> Cues {
        use crate::lexicon::List;
        let set = |l: List| lx.words(l).iter().map(|w| (*w).to_owned()).collect();
        Cues {
            first_names: set(List::FirstNames),
            titles: set(List::Titles),
            place_prepositions: set(List::PlacePrepositions),
            say_verbs: set(List::SayVerbs),
        }
    }
}

/// Per-sentence precomputation: lower-cased words, shapes, gazetteer marks,
/// cue flags.
#[derive(Debug)]
pub struct Prepared {
    first_name: Vec<bool>,
    title: Vec<bool>,
    place_preposition: Vec<bool>,
    say_verb: Vec<bool>,
    lower: Vec<String>,
    shapes: Vec<u64>,
    lows: Vec<u64>,
    marks: Vec<Mark>,
    casing: Casing,
}

impl Prepared {
    /// Prepares a sentence.
    pub fn new(s: &Sentence, gazetteer: &Gazetteer, cues: &Cues) -> Prepared {
        let lower: Vec<String> = s.words.iter().map(|w| w.to_lowercase()).collect();
        Prepared {
            first_name: s
                .words
                .iter()
                .map(|w| cues.first_names.contains(*w))
                .collect(),
            title: s
                .words
                .iter()
                .map(|w| cues.titles.contains(w.trim_end_matches('.')))
                .collect(),
            place_preposition: lower
                .iter()
                .map(|w| cues.place_prepositions.contains(w))
                .collect(),
            say_verb: lower.iter().map(|w| cues.say_verbs.contains(w)).collect(),
            shapes: s.words.iter().map(|w| hash_str(&shape(w))).collect(),
            lows: lower.iter().map(|w| hash_str(w)).collect(),
            lower,
            marks: gazetteer.tag(s.words, s.glued),
            casing: casing(s.words),
        }
    }
}

/// Appends the features of word `i` that do not depend on predicted tags.
pub fn static_features(
    s: &Sentence,
    p: &Prepared,
    doc: &DocEvidence,
    i: usize,
    out: &mut Vec<u32>,
) {
    let n = s.words.len();
    let w = s.words[i];
    let low = &p.lower[i];
    let at = |j: isize| -> (u64, u64) {
        if j < 0 {
            (START, START)
        } else if j as usize >= n {
            (END, END)
        } else {
            (p.lows[j as usize], p.shapes[j as usize])
        }
    };
    let ii = i as isize;
    let (w0, s0) = at(ii);
    let (wm1, sm1) = at(ii - 1);
    let (wp1, sp1) = at(ii + 1);
    let (wm2, _) = at(ii - 2);
    let (wp2, _) = at(ii + 2);
    let casing = p.casing as u64;
    out.push(f1(1, 0));
    out.push(f1(2, w0));
    out.push(f1(3, wm1));
    out.push(f1(4, wp1));
    out.push(f1(5, wm2));
    out.push(f1(6, wp2));
    out.push(f1(7, s0));
    out.push(f2(8, sm1, s0));
    out.push(f2(9, s0, sp1));
    out.push(f1(10, hash_str(prefix(low, 3))));
    out.push(f1(11, hash_str(suffix(low, 3))));
    out.push(f1(12, hash_str(suffix(low, 2))));
    out.push(f2(13, u64::from(i == 0), s0));
    let cap = is_cap(w);
    if cap {
        out.push(f2(
            14,
            u64::from(doc.lower_seen.contains(low.as_str())),
            casing,
        ));
        out.push(f2(
            15,
            u64::from(doc.cap_mid_seen.contains(w)),
            u64::from(i == 0),
        ));
    }
    for (t, j) in [(16u64, ii), (17, ii - 1), (18, ii + 1)] {
        if j < 0 || j as usize >= n {
            continue;
        }
        let m = p.marks[j as usize];
        for c in 0..crate::gazetteer::class::COUNT {
            if m.classes & (1 << c) != 0 {
                let pos = if t == 16 { u64::from(m.position) } else { 9 };
                out.push(f2(t, c as u64, pos));
            }
        }
    }
    if cap {
        if p.first_name[i] {
            out.push(f1(19, 1));
        }
        if i > 0 && p.first_name[i - 1] {
            out.push(f1(21, 1));
        }
    }
    if i > 0 && p.title[i - 1] {
        out.push(f1(22, 1));
    }
    if i > 0 && p.place_preposition[i - 1] {
        out.push(f1(23, u64::from(cap)));
    }
    if i + 1 < n && p.say_verb[i + 1] {
        out.push(f1(24, u64::from(cap)));
    }
    out.push(f2(25, casing, s0));
    out.push(f2(27, wm1, s0));
    out.push(f2(28, wm1, w0));
    out.push(f2(29, w0, wp1));
    if !s.pos.is_empty() {
        let pos = |j: isize| -> u64 {
            if j < 0 || j as usize >= n {
                NONE
            } else {
                hash_str(s.pos.get(j as usize).copied().unwrap_or(""))
            }
        };
        let (p0, pp1) = (pos(ii), pos(ii + 1));
        out.push(f1(30, p0));
        out.push(f1(31, pos(ii - 1)));
        out.push(f1(32, pp1));
        out.push(f2(33, p0, pp1));
    }
    let glued = |j: usize| s.glued.get(j).copied().unwrap_or(false);
    out.push(f2(34, u64::from(glued(i)), u64::from(glued(i + 1))));
}

/// Appends the features of word `i` given the two previous tags.
pub fn tag_features(p: &Prepared, i: usize, prev: Tag, prev2: Tag, out: &mut Vec<u32>) {
    let t1 = u64::from(prev.0);
    let t2 = u64::from(prev2.0);
    out.push(f1(40, t1));
    out.push(f2(41, t1, t2));
    out.push(f2(42, t1, p.lows[i]));
    out.push(f2(43, t1, p.shapes[i]));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Putin"), "Xxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("NATO"), "XX");
        assert_eq!(shape("1990s"), "ddx");
        assert_eq!(shape("McDonald"), "XxXxx");
    }

    #[test]
    fn casing_of_headlines() {
        assert_eq!(casing(&["PUTIN", "MEETS", "ENVOY"]), Casing::AllCaps);
        assert_eq!(
            casing(&["Putin", "Meets", "Envoy", "In", "Moscow"]),
            Casing::TitleCase
        );
        assert_eq!(
            casing(&["Putin", "met", "the", "envoy", "."]),
            Casing::Normal
        );
    }

    #[test]
    fn affixes_are_char_safe() {
        assert_eq!(prefix("Zoë", 3), "Zoë");
        assert_eq!(suffix("Zoë", 2), "oë");
        assert_eq!(suffix("ab", 3), "ab");
    }
}
