//! Features of a name candidate for the learned labeller
//! ([`super::learned`]): what the rules concluded and why, the words and
//! their shapes and affixes, gazetteer and knowledge-base classes, the words
//! around it, the rules' labels of the names next to it in a list, and what
//! the rest of the document says about the same name (how the rules labelled
//! its other occurrences, whether it is the surname of a longer name, the
//! cues around its other occurrences).
//!
//! A feature is a 32-bit key ([`crate::weights::f1`], [`f2`]) of a template
//! number and values. Change a template and bump [`FEATURE_SET`]: model
//! files trained on other features are then refused.
//!
//! O(k) for k candidates plus O(n) over their tokens (hash lookups only).

use super::{first_char, is_acronym, is_cap, title_case, Cand, Headline, RuleLabel, Rules};
use crate::gazetteer::{class, Gazetteer, PersonNames};
use crate::hash::FastMap;
use crate::model::{ActorKind, MentionForm};
use crate::recognizer::features::shape;
use crate::tokenize::TokenKind;
use crate::weights::{f1, f2, hash_str};

/// Version of the feature templates.
pub const FEATURE_SET: u32 = 5;

/// The name lists the features read: places and names by class, and
/// given names and surnames.
#[derive(Debug, Clone)]
pub struct Lists {
    /// Places, and the knowledge base's names by class.
    pub gazetteer: Gazetteer,
    /// Given names and surnames.
    pub names: PersonNames,
}

impl Lists {
    /// The bundled lists and the names of `kb`.
    pub fn build(kb: &crate::kb::Kb) -> Lists {
        Lists {
            gazetteer: Gazetteer::build(kb),
            names: PersonNames::bundled(),
        }
    }
}

/// Template numbers (each feature key hashes one of these first).
mod t {
    pub const BIAS: u64 = 1;
    pub const RULE_OWN: u64 = 2;
    pub const RULE_DOC: u64 = 3;
    pub const RULE_DROPPED: u64 = 4;
    pub const FORCED: u64 = 5;
    pub const WORDS: u64 = 6;
    pub const BAG: u64 = 7;
    pub const FIRST: u64 = 8;
    pub const LAST: u64 = 9;
    pub const HEAD: u64 = 10;
    pub const TEXT: u64 = 11;
    pub const SHAPE: u64 = 12;
    pub const SHAPE_FIRST: u64 = 13;
    pub const SHAPE_LAST: u64 = 14;
    pub const SUFFIX3: u64 = 15;
    pub const SUFFIX2: u64 = 16;
    pub const GAZ: u64 = 17;
    pub const KB: u64 = 18;
    pub const KB_LAST: u64 = 19;
    pub const DEMONYM: u64 = 20;
    pub const LIST: u64 = 21;
    pub const HEAD_STATS: u64 = 22;
    pub const COMMON: u64 = 23;
    pub const ACRONYM: u64 = 24;
    pub const CHARS: u64 = 25;
    pub const PREV: u64 = 26;
    pub const PREV2: u64 = 27;
    pub const NEXT: u64 = 28;
    pub const NEXT2: u64 = 29;
    pub const CUE: u64 = 30;
    pub const INITIAL: u64 = 31;
    pub const HEADLINE: u64 = 32;
    pub const PREV_SHAPE: u64 = 33;
    pub const RULE_X_GAZ: u64 = 34;
    pub const NAMES: u64 = 35;
    pub const DOC_COUNT: u64 = 40;
    pub const DOC_PART_OF: u64 = 41;
    pub const DOC_HAS_PART: u64 = 42;
    pub const DOC_CUE: u64 = 43;
    pub const DOC_RULE: u64 = 44;
    pub const LIST_RULE: u64 = 45;
    pub const LINK: u64 = 50;
    pub const LINK_SURE: u64 = 51;
}

/// How one candidate relates to another of the same document, for the
/// second pass: the labels the first pass gave the candidates it relates
/// to become its features.
pub mod link {
    /// The same text.
    pub const SAME_TEXT: u8 = 0;
    /// A one-word name that is the last word of the other, longer name
    /// ("Lopez" and "Maria Lopez").
    pub const LAST_WORD_OF: u8 = 1;
    /// A longer name whose last word is the other, one-word name.
    pub const HAS_LAST_WORD: u8 = 2;
    /// A one-word name that is the first word of the other, longer name.
    pub const FIRST_WORD_OF: u8 = 3;
    /// The name before or after it in a list of names ("Lopez, Reed and
    /// Silva", "Spain or Portugal"): the items of a list are mostly of
    /// one kind.
    pub const LIST: u8 = 4;
    /// Number of relations.
    pub const COUNT: usize = 5;
}

/// At most this many candidates of one relation are read per candidate
/// (keeps a text that repeats a name thousands of times linear).
const MAX_LINKS: usize = 8;

/// The relations of every candidate to the others: `(other index,
/// relation)`, at most [`MAX_LINKS`] per relation.
pub(super) fn links(r: &Rules, cands: &[Cand]) -> Vec<Vec<(u32, u8)>> {
    let mut by_text: FastMap<&str, Vec<u32>> = FastMap::default();
    let mut by_last: FastMap<&str, Vec<u32>> = FastMap::default();
    let mut by_first: FastMap<&str, Vec<u32>> = FastMap::default();
    for (i, c) in cands.iter().enumerate() {
        if c.form != MentionForm::Name {
            continue;
        }
        let push = |v: &mut Vec<u32>| {
            if v.len() < MAX_LINKS + 1 {
                v.push(i as u32);
            }
        };
        push(by_text.entry(r.slice(c.a, c.b)).or_default());
        if c.b - c.a > 1 {
            push(by_last.entry(r.w(c.b - 1)).or_default());
            push(by_first.entry(r.w(c.a)).or_default());
        }
    }
    let empty: Vec<u32> = Vec::new();
    let neighbours = list_neighbours(r, cands);
    cands
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut out = Vec::new();
            if c.form != MentionForm::Name {
                return out;
            }
            for j in neighbours[i].into_iter().flatten() {
                out.push((j as u32, link::LIST));
            }
            let mut add = |v: &Vec<u32>, rel: u8| {
                for &j in v.iter().filter(|&&j| j as usize != i).take(MAX_LINKS) {
                    out.push((j, rel));
                }
            };
            let text = r.slice(c.a, c.b);
            add(by_text.get(text).unwrap_or(&empty), link::SAME_TEXT);
            if c.b - c.a == 1 {
                add(by_last.get(text).unwrap_or(&empty), link::LAST_WORD_OF);
                add(by_first.get(text).unwrap_or(&empty), link::FIRST_WORD_OF);
            } else {
                add(
                    by_text.get(r.w(c.b - 1)).unwrap_or(&empty),
                    link::HAS_LAST_WORD,
                );
            }
            out
        })
        .collect()
}

/// Whether the tokens `a..b` between two names join them as items of one
/// list: one or two of ",", ";", "and", "or", "nor", "&" ("Lopez, Reed",
/// "Reed, and Silva", "Spain or Portugal").
fn joins_list(r: &Rules, a: usize, b: usize) -> bool {
    (1..=2).contains(&(b.saturating_sub(a)))
        && (a..b).all(|g| matches!(r.w(g), "," | ";" | "and" | "or" | "nor" | "&"))
}

/// For every candidate, the names just before and after it in the same
/// list (`[before, after]`, indices into `cands`), if any.
fn list_neighbours(r: &Rules, cands: &[Cand]) -> Vec<[Option<usize>; 2]> {
    let mut out = vec![[None, None]; cands.len()];
    let sentence = |g: usize| r.doc.tokens.get(g).map(|t| t.sentence_index());
    for i in 1..cands.len() {
        let (p, c) = (&cands[i - 1], &cands[i]);
        if p.form == MentionForm::Name
            && c.form == MentionForm::Name
            && p.b <= c.a
            && sentence(p.a) == sentence(c.a)
            && joins_list(r, p.b, c.a)
        {
            out[i][0] = Some(i - 1);
            out[i - 1][1] = Some(i);
        }
    }
    out
}

/// The second-pass features of a candidate: for each relation, the class
/// the first pass (`probs`, per candidate) gave the related candidates
/// most weight, and how sure it was.
pub fn consistency(links: &[(u32, u8)], probs: &[[f32; 6]], out: &mut Vec<u32>) {
    let mut sums = [[0f32; 6]; link::COUNT];
    let mut seen = [0u32; link::COUNT];
    for &(j, rel) in links {
        let (Some(p), Some(sum)) = (probs.get(j as usize), sums.get_mut(usize::from(rel))) else {
            continue;
        };
        for (s, v) in sum.iter_mut().zip(p) {
            *s += v;
        }
        seen[usize::from(rel)] += 1;
    }
    for rel in 0..link::COUNT {
        if seen[rel] == 0 {
            continue;
        }
        let sum = &sums[rel];
        let (best, &v) = sum
            .iter()
            .enumerate()
            .max_by(|x, y| x.1.total_cmp(y.1).then(y.0.cmp(&x.0)))
            .unwrap_or((0, &0.0));
        let share = v / seen[rel] as f32;
        let sure = u64::from(share >= 0.5) + u64::from(share >= 0.8);
        out.push(f2(t::LINK, rel as u64, best as u64));
        out.push(f2(t::LINK_SURE, (rel * 6 + best) as u64, sure));
    }
}

/// Index of a kind in features.
fn kind_index(k: ActorKind) -> u64 {
    match k {
        ActorKind::Person => 0,
        ActorKind::Organization => 1,
        ActorKind::Place => 2,
        ActorKind::Group => 3,
        ActorKind::Other => 4,
    }
}

/// Cue bits of one occurrence, shared with the other occurrences of its
/// text through the document features.
mod cue {
    pub const SAY_AFTER: u16 = 1;
    pub const POSSESSIVE_AFTER: u16 = 1 << 1;
    pub const AGE_AFTER: u16 = 1 << 2;
    pub const PLACE_CLASS_OF: u16 = 1 << 3;
    pub const PLACE_PREP_BEFORE: u16 = 1 << 4;
    pub const TITLE_BEFORE: u16 = 1 << 5;
    pub const PERSON_APPOSITION: u16 = 1 << 6;
    pub const YEAR_AFTER: u16 = 1 << 7;
    /// A lower-case organisation noun after it ("the Likud party").
    pub const ORG_NOUN_AFTER: u16 = 1 << 8;
    /// A lower-case place noun after it ("the Jagodno district").
    pub const PLACE_NOUN_AFTER: u16 = 1 << 9;
    pub const COUNT: u32 = 10;
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

/// What the document says about one text: in how many candidates it
/// occurs, its occurrences' cues, and the rules' labels of longer names
/// that contain it as their last or first word.
#[derive(Default, Clone, Copy)]
struct TextInfo {
    count: u16,
    cues: u16,
    /// Rule labels (bit per kind) of multi-word names whose last word it is.
    last_of: u8,
    /// Rule labels of multi-word names whose first word it is.
    first_of: u8,
    /// Rule labels (bit per kind) of its own occurrences with strength ≥ 3.
    strong: u8,
}

impl<'d, 'a> Rules<'d, 'a> {
    /// The cue bits of candidate `c` from the words around it.
    fn cues(&self, c: &Cand) -> u16 {
        let mut bits = 0;
        let next = self.w(c.b);
        let prev = c.a.checked_sub(1).map_or("", |p| self.w(p));
        let prev2 = c.a.checked_sub(2).map_or("", |p| self.w(p));
        if self.lx().is_say_verb(next) {
            bits |= cue::SAY_AFTER;
        }
        if self.kind(c.b) == Some(TokenKind::Possessive) {
            bits |= cue::POSSESSIVE_AFTER;
        }
        if next == "," {
            let after = self.w(c.b + 1);
            if self.kind(c.b + 1) == Some(TokenKind::Number) {
                bits |= cue::AGE_AFTER;
            } else if self.lx().is_person_noun(after)
                || (matches!(after, "a" | "an" | "the")
                    && (c.b + 2..c.b + 7)
                        .take_while(|&g| self.kind(g) == Some(TokenKind::Word))
                        .any(|g| self.lx().is_person_noun(self.w(g))))
            {
                bits |= cue::PERSON_APPOSITION;
            }
        }
        let year = |g: usize| {
            self.kind(g) == Some(TokenKind::Number)
                && self.w(g).len() == 4
                && self.w(g).starts_with(['1', '2'])
        };
        if year(c.b) || (matches!(next, "(" | ",") && year(c.b + 1)) || next == "et" {
            bits |= cue::YEAR_AFTER;
        }
        if prev == "of" && self.lx().is_place_class(prev2) {
            bits |= cue::PLACE_CLASS_OF;
        }
        if self.kind(c.b) == Some(TokenKind::Word)
            && first_char(next).is_some_and(char::is_lowercase)
        {
            let head = title_case(next);
            if self.lx().is_org_head(&head) {
                bits |= cue::ORG_NOUN_AFTER;
            }
            if self.lx().is_place_head(&head) {
                bits |= cue::PLACE_NOUN_AFTER;
            }
        }
        if self.lx().is_place_preposition(prev) {
            bits |= cue::PLACE_PREP_BEFORE;
        }
        if c.title.is_some() || self.lx().is_title(prev.trim_end_matches('.')) {
            bits |= cue::TITLE_BEFORE;
        }
        bits
    }

    /// Is candidate `c` in a context that only a person fills: an
    /// appositive with a noun of people ("Njeri Wambugu, a teacher from
    /// Nakuru,"), an age ("Karl Brandt, 61, said") or a noun of people just
    /// before it ("opposition leader Raila Odinga", "analyst Kamau Mwangi")?
    /// Names with the head word of an organisation, place or document, and
    /// acronyms, never are.
    pub(super) fn person_context(&self, c: &Cand) -> bool {
        if c.form != MentionForm::Name || c.b - c.a > 6 {
            return false;
        }
        let text = self.slice(c.a, c.b);
        let head = self.head(c.a, c.b);
        let lx = self.lx();
        if is_acronym(text)
            || text.chars().any(|ch| ch.is_ascii_digit())
            || lx.is_org_head(head)
            || lx.is_place_head(head)
            || lx.is_document_head(head)
            || lx.is_group_noun(self.w(c.b - 1))
            || (c.a..c.b).any(|g| {
                self.kind(g) == Some(TokenKind::Word)
                    && !is_cap(self.w(g))
                    && !lx.is_name_particle(self.w(g))
            })
        {
            return false;
        }
        let shows_person =
            |w: &str| lx.is_person_noun(w) || lx.is_occupation(w) || lx.is_person_role(w);
        if self.w(c.b) == "," && self.appositive_head(c.b + 1).is_some_and(shows_person) {
            return true;
        }
        // "Its chairwoman, Ewa Kowalczyk, said": the name is the appositive
        // of a noun of people.
        let closed = matches!(self.w(c.b), "," | "." | ";" | ")");
        if closed
            && c.a >= 2
            && self.w(c.a - 1) == ","
            && first_char(self.w(c.a - 2)).is_some_and(char::is_lowercase)
            && shows_person(self.w(c.a - 2))
        {
            return true;
        }
        let age = self.w(c.b) == ","
            && self.kind(c.b + 1) == Some(TokenKind::Number)
            && self
                .w(c.b + 1)
                .parse::<u32>()
                .is_ok_and(|n| (1..=110).contains(&n))
            && matches!(self.w(c.b + 2), "," | ")");
        // "analyst Kamau Mwangi"; "Nurse Ana Ruiz" opening a sentence.
        let noun_before = c.a.checked_sub(1).is_some_and(|p| {
            let w = self.w(p);
            (first_char(w).is_some_and(char::is_lowercase) && shows_person(w))
                || (self.is_initial(p) && self.is_people_noun_word(w))
        });
        age || noun_before
    }

    /// The head of an appositive noun phrase that starts at token `g`
    /// ("a teacher from Nakuru" → "teacher", "the party's deputy leader" →
    /// "leader"): its last word before a preposition, a relative word, a
    /// comma or the sentence end, within six tokens; "who" itself when the
    /// phrase is a relative clause. `None` when the phrase does not open
    /// with an article, a possessive word or a noun.
    fn appositive_head(&self, g: usize) -> Option<&'a str> {
        let first = self.w(g);
        if first == "who" {
            return Some(first);
        }
        let mut head = None;
        for k in g..g + 6 {
            let w = self.w(k);
            match self.kind(k) {
                Some(TokenKind::Word) if first_char(w).is_some_and(char::is_lowercase) => {
                    if self.lx().is_place_preposition(w)
                        || matches!(
                            w,
                            "of" | "from"
                                | "at"
                                | "in"
                                | "on"
                                | "for"
                                | "with"
                                | "by"
                                | "who"
                                | "which"
                                | "that"
                                | "and"
                                | "or"
                                | "whose"
                        )
                    {
                        break;
                    }
                    head = Some(w);
                }
                Some(TokenKind::Word | TokenKind::Number | TokenKind::Possessive) => head = None,
                Some(TokenKind::Punct) if matches!(w, "-" | "‐") => {}
                _ => break,
            }
        }
        head.filter(|h| !matches!(*h, "a" | "an" | "the"))
    }

    fn lower_of(&self, g: usize) -> &str {
        self.doc.lw(g)
    }
}

/// The features of every candidate: `rules[i]` is the rules' reading of
/// `cands[i]`; `gaz` the place and name gazetteer.
pub(super) fn extract(
    r: &Rules,
    cands: &[Cand],
    rules: &[RuleLabel],
    lists: &Lists,
) -> Vec<Vec<u32>> {
    let texts: Vec<&str> = cands.iter().map(|c| r.slice(c.a, c.b)).collect();
    let cues: Vec<u16> = cands.iter().map(|c| r.cues(c)).collect();
    let mut info: FastMap<&str, TextInfo> = FastMap::default();
    for ((c, text), (rl, &cu)) in cands.iter().zip(&texts).zip(rules.iter().zip(&cues)) {
        let e = info.entry(text).or_default();
        e.count = e.count.saturating_add(1);
        e.cues |= cu;
        if rl.own.1 >= 3 {
            e.strong |= 1 << kind_index(rl.own.0);
        }
        if c.b - c.a > 1 && c.form == MentionForm::Name {
            let bit = 1 << kind_index(rl.own.0);
            info.entry(r.w(c.b - 1)).or_default().last_of |= bit;
            info.entry(r.w(c.a)).or_default().first_of |= bit;
        }
    }
    let neighbours = list_neighbours(r, cands);
    cands
        .iter()
        .zip(rules)
        .zip(texts.iter().zip(&cues))
        .zip(&neighbours)
        .map(|(((c, rl), (text, &cu)), near)| {
            let mut out = Vec::with_capacity(80);
            own_features(r, c, rl, text, cu, lists, &mut out);
            for j in near.iter().flatten() {
                let o = &rules[*j].own;
                out.push(f1(t::LIST_RULE, kind_index(o.0)));
            }
            let ti = info.get(text).copied().unwrap_or_default();
            out.push(f1(t::DOC_COUNT, u64::from(ti.count.min(4))));
            for k in 0..5 {
                if ti.last_of & (1 << k) != 0 {
                    out.push(f2(t::DOC_PART_OF, 0, k));
                }
                if ti.first_of & (1 << k) != 0 {
                    out.push(f2(t::DOC_PART_OF, 1, k));
                }
                if ti.strong & (1 << k) != 0 {
                    out.push(f1(t::DOC_RULE, k));
                }
            }
            // Cues seen around other occurrences of the same text.
            let others = ti.cues & !cu;
            for b in 0..cue::COUNT {
                if others & (1 << b) != 0 {
                    out.push(f1(t::DOC_CUE, u64::from(b)));
                }
            }
            if c.b - c.a > 1 {
                let last = info.get(r.w(c.b - 1)).copied().unwrap_or_default();
                if last.count > 0 {
                    out.push(f2(t::DOC_HAS_PART, 0, u64::from(last.count.min(3))));
                }
            }
            out
        })
        .collect()
}

/// Features of the candidate itself and its sentence.
fn own_features(
    r: &Rules,
    c: &Cand,
    rl: &RuleLabel,
    text: &str,
    cues: u16,
    lists: &Lists,
    out: &mut Vec<u32>,
) {
    let gaz = &lists.gazetteer;
    let (a, b) = (c.a, c.b);
    let n = r.word_count(a, b);
    out.push(f1(t::BIAS, 0));
    out.push(f2(t::RULE_OWN, kind_index(rl.own.0), u64::from(rl.own.1)));
    out.push(f2(t::RULE_DOC, kind_index(rl.doc.0), u64::from(rl.doc.1)));
    if rl.dropped {
        out.push(f1(t::RULE_DROPPED, 1));
    }
    let forced = u64::from(c.title.is_some()) + 2 * u64::from(c.forced.is_some());
    out.push(f1(t::FORCED, forced));
    out.push(f1(t::WORDS, n.min(5) as u64));
    let lowered = |g: usize| hash_str(r.lower_of(g));
    let mut span_shape = String::new();
    for g in a..b {
        if r.kind(g) == Some(TokenKind::Word) {
            out.push(f1(t::BAG, lowered(g)));
        }
        if span_shape.len() < 24 {
            if g > a && r.space_before(g) {
                span_shape.push(' ');
            }
            span_shape.push_str(&shape(r.w(g)));
        }
    }
    let first = r.w(a);
    let last = r.w(b - 1);
    let head = r.head(a, b);
    out.push(f1(t::FIRST, lowered(a)));
    out.push(f1(t::LAST, lowered(b - 1)));
    out.push(f1(t::HEAD, hash_str(&head.to_lowercase())));
    if n <= 4 {
        out.push(f1(t::TEXT, hash_str(&text.to_lowercase())));
    }
    out.push(f1(t::SHAPE, hash_str(&span_shape)));
    out.push(f1(t::SHAPE_FIRST, hash_str(&shape(first))));
    out.push(f1(t::SHAPE_LAST, hash_str(&shape(last))));
    let last_low = r.lower_of(b - 1);
    out.push(f1(t::SUFFIX3, hash_str(suffix(last_low, 3))));
    out.push(f1(t::SUFFIX2, hash_str(suffix(last_low, 2))));
    // Gazetteer classes of the whole name, and of its last and first words.
    let whole = gaz.get(text);
    let parts = [
        (whole, 0u64),
        (if n > 1 { gaz.get(last) } else { 0 }, 1),
        (if n > 1 { gaz.get(first) } else { 0 }, 2),
    ];
    for (classes, at) in parts {
        for k in 0..class::COUNT {
            if classes & (1 << k) != 0 {
                out.push(f2(t::GAZ, k as u64, at));
            }
        }
    }
    for k in 0..class::COUNT {
        if whole & (1 << k) != 0 {
            out.push(f2(t::RULE_X_GAZ, kind_index(rl.own.0), k as u64));
        }
    }
    let kb = r.kb();
    if let Some(e) = kb.lookup(text) {
        out.push(f2(t::KB, kind_index(e.kind), e.category as u64));
    }
    if n > 1 {
        if let Some(e) = kb.lookup(last) {
            out.push(f2(t::KB_LAST, kind_index(e.kind), e.category as u64));
        }
    }
    if kb.demonym(text).is_some() {
        out.push(f1(t::DEMONYM, u64::from(text.ends_with('s'))));
    }
    if r.is_demonym_of_place(text) {
        out.push(f1(t::DEMONYM, 2));
    }
    let lx = r.lx();
    let cue_lists = [
        lx.is_first_name(first),
        n > 1 && lx.is_first_name(last),
        lx.is_surname(last),
        lx.is_org_head(head),
        lx.is_place_head(head),
        lx.is_group_noun(last),
        n > 1 && lx.is_place_modifier(first),
        lx.is_title(first.trim_end_matches('.')),
        lx.is_person_noun(last_low),
        lx.is_never_name(last),
    ];
    for (i, on) in cue_lists.into_iter().enumerate() {
        if on {
            out.push(f1(t::LIST, i as u64));
        }
    }
    let names = &lists.names;
    let first_low = r.lower_of(a);
    let person = [
        names.is_given(first_low),
        n == 1 && names.is_given(last_low),
        names.is_surname(last_low),
        n == 1 && names.is_surname(first_low),
        n == 2 && names.is_given(first_low) && names.is_surname(last_low),
    ];
    for (i, on) in person.into_iter().enumerate() {
        if on {
            out.push(f1(t::NAMES, i as u64));
        }
    }
    if let Some(h) = lx.head_counts(last) {
        let total: u16 = h.iter().sum();
        let (best, &cnt) = h
            .iter()
            .enumerate()
            .max_by_key(|(_, &v)| v)
            .unwrap_or((0, &0));
        let share = (cnt * 4).checked_div(total).map_or(0, u64::from);
        out.push(f2(
            t::HEAD_STATS,
            best as u64,
            share.min(3) + 4 * u64::from(total >= 3),
        ));
    }
    let words: Vec<usize> = (a..b)
        .filter(|&g| r.kind(g) == Some(TokenKind::Word))
        .collect();
    let common = words
        .iter()
        .filter(|&&g| lx.is_lowercase_word(r.lower_of(g)))
        .count();
    let seen_lower = words
        .iter()
        .filter(|&&g| r.lower_doc.contains(r.lower_of(g)))
        .count();
    out.push(f2(
        t::COMMON,
        u64::from(common == words.len()) + 2 * u64::from(common > 0),
        u64::from(seen_lower == words.len()) + 2 * u64::from(seen_lower > 0),
    ));
    if is_acronym(text) {
        out.push(f1(t::ACRONYM, text.chars().count().min(6) as u64));
    }
    let chars = [
        text.chars().any(|ch| ch.is_ascii_digit()),
        text.contains('-'),
        text.contains('&'),
        text.contains(" of "),
        text.contains('.'),
        text.contains('\'') || text.contains('’'),
    ];
    for (i, on) in chars.into_iter().enumerate() {
        if on {
            out.push(f1(t::CHARS, i as u64));
        }
    }
    // Context words (lower case; beyond the sentence: none).
    let sent = r
        .doc
        .tokens
        .get(a)
        .map(|tk| r.doc.sentence_range(tk.sentence_index()))
        .unwrap_or(a..b);
    let at = |g: Option<usize>| -> u64 {
        match g {
            Some(g) if sent.contains(&g) => lowered(g),
            _ => 0x4e4f_4e45,
        }
    };
    out.push(f1(t::PREV, at(a.checked_sub(1))));
    out.push(f1(t::PREV2, at(a.checked_sub(2))));
    out.push(f1(t::NEXT, at(Some(b))));
    out.push(f1(t::NEXT2, at(Some(b + 1))));
    if let Some(p) = a.checked_sub(1).filter(|p| sent.contains(p)) {
        out.push(f1(t::PREV_SHAPE, hash_str(&shape(r.w(p)))));
    }
    for bit in 0..cue::COUNT {
        if cues & (1 << bit) != 0 {
            out.push(f1(t::CUE, u64::from(bit)));
        }
    }
    let initial = r.is_initial(a);
    let known = r.known_mid.contains(first);
    out.push(f2(t::INITIAL, u64::from(initial), u64::from(known)));
    let h = r
        .doc
        .tokens
        .get(a)
        .and_then(|tk| r.headline.get(tk.sentence_index()))
        .copied()
        .unwrap_or(Headline::No);
    out.push(f1(t::HEADLINE, h as u64));
    if is_cap(first) && n == 1 && initial {
        out.push(f2(t::INITIAL, 2, u64::from(r.is_common(first))));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Doc;

    /// The list neighbours of every candidate of `text`, as texts.
    fn neighbours(text: &str) -> Vec<(String, [Option<String>; 2])> {
        let doc = Doc::segmented(text);
        let r = Rules::new(&doc);
        let cands = r.candidates();
        let near = list_neighbours(&r, &cands);
        let name = |i: Option<usize>| i.map(|i| r.slice(cands[i].a, cands[i].b).to_owned());
        cands
            .iter()
            .zip(near)
            .map(|(c, [b, a])| (r.slice(c.a, c.b).to_owned(), [name(b), name(a)]))
            .collect()
    }

    #[test]
    fn names_in_one_list_are_neighbours() {
        let got = neighbours("The squad named Tomo Kovac, Ivo Brnic and Ante Pavic on Friday.");
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(
            got,
            vec![
                ("Tomo Kovac".to_owned(), [None, s("Ivo Brnic")]),
                ("Ivo Brnic".to_owned(), [s("Tomo Kovac"), s("Ante Pavic")]),
                ("Ante Pavic".to_owned(), [s("Ivo Brnic"), None]),
            ]
        );
        // "Spain or Portugal" is a list; a name after a verb is not the
        // neighbour of the one before it, nor one in the next sentence.
        let got = neighbours("Spain or Portugal will host it. Officials met Reed. Lisbon, Porto.");
        let of = |name: &str| {
            got.iter()
                .find(|(n, _)| n == name)
                .map(|(_, near)| near.clone())
                .unwrap_or_else(|| panic!("{name}: {got:?}"))
        };
        assert_eq!(of("Spain"), [None, s("Portugal")]);
        assert_eq!(of("Portugal"), [s("Spain"), None]);
        assert_eq!(of("Reed"), [None, None]);
        assert_eq!(of("Lisbon"), [None, s("Porto")]);
    }

    #[test]
    fn list_neighbours_are_second_pass_links() {
        let doc = Doc::segmented("Ministers of Spain, Portugal and Greece met.");
        let r = Rules::new(&doc);
        let cands = r.candidates();
        let l = links(&r, &cands);
        assert!(l[1].contains(&(0, link::LIST)) && l[1].contains(&(2, link::LIST)));
    }
}
