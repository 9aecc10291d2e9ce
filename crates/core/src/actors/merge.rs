//! Grouping name texts that refer to one actor: the same text, a
//! knowledge-base alias, a person's surname or unique given name, initials,
//! and "Long Name (ACR)". Union-find over distinct texts.

use super::Mention;
use crate::doc::Doc;
use crate::hash::FastMap as HashMap;
use crate::model::{ActorKind, MentionForm};

/// Distinct name texts, their merged groups, and each mention's text.
pub(super) struct Names<'a> {
    /// Distinct texts, in order of first mention.
    pub texts: Vec<&'a str>,
    /// Kind of each text (the strongest name mention's).
    pub kinds: Vec<ActorKind>,
    /// Score of that kind.
    pub scores: Vec<f32>,
    /// Text → index.
    pub index: HashMap<&'a str, usize>,
    /// Per mention: its text's index.
    pub text_of: Vec<usize>,
    /// Bare surnames that two people of the article share ("Sam" beside
    /// "Thomas Sam" and "Manju Sam"): text → the full names' texts. Each
    /// mention is resolved by its context ([`super::kinds`]), not merged.
    pub ambiguous: HashMap<usize, Vec<usize>>,
    /// Texts that are nicknames ('dubbed "the Iron Lady"'): merged with the
    /// person they name, never shown as the name.
    pub nickname: Vec<bool>,
    /// Union-find parents (roots keep the longer text).
    parent: Vec<usize>,
}

impl Names<'_> {
    /// The root of text `i`'s group.
    pub fn root(&mut self, mut i: usize) -> usize {
        let parent = &mut self.parent;
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }

    /// Unions `b` into `a`'s group with `a`'s root kept (a nickname joins
    /// its person whatever its length).
    fn union_keep(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent[rb] = ra;
        }
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            // Keep the longer text as root.
            if self.texts[ra].len() >= self.texts[rb].len() {
                self.parent[rb] = ra;
            } else {
                self.parent[ra] = rb;
            }
        }
    }
}

/// Letters of a multi-word name's capitalised words ("University of
/// Southern Indiana" → "USI").
fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    let s: String = words
        .iter()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    (s.chars().count() >= 2).then_some(s)
}

/// Groups the mentions' texts.
pub(super) fn merge<'a>(doc: &Doc<'a>, mentions: &[Mention]) -> Names<'a> {
    // 1. Distinct name texts.
    let mut names = Names {
        texts: Vec::new(),
        kinds: Vec::new(),
        scores: Vec::new(),
        index: HashMap::default(),
        text_of: Vec::with_capacity(mentions.len()),
        ambiguous: HashMap::default(),
        nickname: Vec::new(),
        parent: Vec::new(),
    };
    for m in mentions {
        let t = doc.slice(m.span);
        let i = *names.index.entry(t).or_insert_with(|| {
            names.texts.push(t);
            names.kinds.push(m.kind);
            names.scores.push(m.score);
            names.texts.len() - 1
        });
        if m.form == MentionForm::Name
            && (names.kinds[i] == ActorKind::Other || m.score > names.scores[i])
        {
            names.kinds[i] = m.kind;
            names.scores[i] = m.score;
        }
        names.text_of.push(i);
    }
    let n = names.texts.len();
    names.parent = (0..n).collect();
    names.nickname = vec![false; n];
    by_knowledge_base(doc, &mut names);
    by_capitals(&mut names);
    by_nicknames(doc, mentions, &mut names);
    by_short_forms(doc, &mut names);
    by_brackets(doc, mentions, &mut names);
    names
}

/// 2d. 'Okafor, dubbed "the Lion of Lagos"', 'known as “Iron Mike”': a
/// name right after "dubbed", "nicknamed" or "known as" (and a quote mark)
/// is a nickname of the person named just before it.
fn by_nicknames(doc: &Doc, mentions: &[Mention], names: &mut Names) {
    let mut last_person: Option<(usize, usize)> = None; // (text, end byte)
    for (mi, m) in mentions.iter().enumerate() {
        let t = names.text_of[mi];
        let k = doc
            .tokens
            .partition_point(|tok| tok.end_byte() <= m.span.start);
        let mut p = k;
        if p > 0 && matches!(doc.tok(p - 1), "“" | "\"" | "‘") {
            p -= 1;
        }
        let before = |d: usize| if p >= d { doc.lw(p - d) } else { "" };
        let dubbed = matches!(before(1), "dubbed" | "nicknamed" | "nicknames" | "dubs")
            || before(1) == "as" && matches!(before(2), "known" | "dubbed" | "nicknamed");
        if dubbed {
            if let Some((pt, end)) = last_person {
                let gap = doc.text.get(end..m.span.start).map_or(usize::MAX, str::len);
                if gap < 40 && pt != t {
                    names.nickname[t] = true;
                    names.union_keep(pt, t);
                    continue;
                }
            }
        }
        if names.kinds[t] == ActorKind::Person && m.form == MentionForm::Name {
            last_person = Some((t, m.span.end));
        }
    }
}

/// 2a'. A name in capitals (a dateline's "LEEDS", a headline's "NORTHERN
/// RAIL") is the same name written in the article's case, which names it.
/// Short capitals ("US", "NATO") are acronyms and stay as they are.
fn by_capitals(names: &mut Names) {
    let mut by_lower: HashMap<String, usize> = HashMap::default();
    for i in 0..names.texts.len() {
        let t = names.texts[i];
        if t.chars().any(char::is_lowercase) {
            by_lower.entry(t.to_lowercase()).or_insert(i);
        }
    }
    for i in 0..names.texts.len() {
        let t = names.texts[i];
        let capitals = t.chars().filter(|c| c.is_alphabetic()).count() > 3
            && !t.chars().any(char::is_lowercase);
        if let Some(&j) = capitals.then(|| by_lower.get(&t.to_lowercase())).flatten() {
            names.union_keep(j, i);
        }
    }
}

/// 2a. Knowledge-base identity ("America" = "United States").
fn by_knowledge_base(doc: &Doc, names: &mut Names) {
    let mut by_kb: HashMap<&str, usize> = HashMap::default();
    for i in 0..names.texts.len() {
        let t = names.texts[i];
        if let Some(e) = doc.kb.lookup(t).filter(|e| e.kind == names.kinds[i]) {
            match by_kb.get(e.id.as_str()) {
                Some(&j) => names.union(i, j),
                None => {
                    by_kb.insert(e.id.as_str(), i);
                }
            }
        }
    }
}

/// Records name `i` under `key`; a key two different names share maps
/// to `None` (ambiguous).
fn unique<K: std::hash::Hash + Eq>(map: &mut HashMap<K, Option<usize>>, key: K, i: usize) {
    map.entry(key)
        .and_modify(|v| {
            if v.is_some_and(|j| j != i) {
                *v = None;
            }
        })
        .or_insert(Some(i));
}

/// 2b. Person short forms (last word, else a unique first word),
/// organisations and other names named by their last word ("the Courier"
/// for "the Daily Courier", "the Prize" for "the Pemberton Prize", when
/// one name of that kind ends in it) and initials of organisations and
/// places. A surname two people of the article share is not merged: it is
/// recorded in [`Names::ambiguous`].
fn by_short_forms(doc: &Doc, names: &mut Names) {
    let n = names.texts.len();
    // Last word → the multi-word person texts ending with it.
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut org_by_last: HashMap<&str, Option<usize>> = HashMap::default();
    let mut by_first: HashMap<&str, Option<usize>> = HashMap::default();
    let mut org_by_first: HashMap<&str, Option<usize>> = HashMap::default();
    let mut by_initials: HashMap<String, usize> = HashMap::default();
    // The last two words of longer person names ("Renata Müller Siqueira").
    let mut by_last_two: HashMap<String, Option<usize>> = HashMap::default();
    for i in 0..n {
        let t = names.texts[i];
        let words: Vec<&str> = t.split_whitespace().collect();
        if words.len() >= 3 && names.kinds[i] == ActorKind::Person {
            unique(&mut by_last_two, words[words.len() - 2..].join(" "), i);
        }
        if words.len() >= 2 && names.kinds[i] == ActorKind::Person && !names.nickname[i] {
            if let Some(last) = words.last() {
                by_last.entry(last).or_default().push(i);
            }
            // Two different people who share the given name: ambiguous.
            if let Some(first) = words.first() {
                unique(&mut by_first, first, i);
            }
        }
        if words.len() >= 2 && matches!(names.kinds[i], ActorKind::Organization | ActorKind::Other)
        {
            if names.kinds[i] == ActorKind::Organization {
                if let Some(first) = words.first() {
                    unique(&mut org_by_first, first, i);
                }
            }
            // Two organisations end in the word: ambiguous.
            if let Some(last) = words.last() {
                unique(&mut org_by_last, last, i);
            }
        }
        if matches!(names.kinds[i], ActorKind::Organization | ActorKind::Place) {
            if let Some(ini) = initials(t) {
                by_initials.entry(ini).or_insert(i);
            }
        }
    }
    for i in 0..n {
        let t = names.texts[i];
        if t.contains(char::is_whitespace) {
            // A double surname ("Müller Siqueira" after "Renata Müller
            // Siqueira"), unless it starts with a given name ("Maria Lopez"
            // beside "Ana Maria Lopez" may be someone else).
            let double = by_last_two.get(t).copied().flatten().filter(|&j| {
                j != i
                    && names.kinds[i] != ActorKind::Place
                    && t.split_whitespace().count() == 2
                    && t.split_whitespace()
                        .next()
                        .is_some_and(|f| !doc.lex.is_first_name(f))
            });
            if let Some(j) = double {
                names.union(i, j);
            }
            // Multi-word person names ending in another's surname: "Mr Putin".
            continue;
        }
        // A surname the recogniser did not call a person still is one when
        // nothing else (the knowledge base) says what it is: "Okafor".
        let personish = names.kinds[i] == ActorKind::Person
            || names.kinds[i] != ActorKind::Group && doc.kb.lookup(t).is_none();
        if let Some(full) = by_last.get(t).filter(|_| personish) {
            let people = distinct_people(doc, names, full);
            match people.as_slice() {
                [] => {}
                [j] => {
                    if *j != i {
                        names.union(i, *j);
                    }
                    continue;
                }
                _ => {
                    names.ambiguous.insert(i, people);
                    continue;
                }
            }
        }
        if let Some(Some(j)) = by_first.get(t) {
            if *j != i && names.kinds[i] == ActorKind::Person {
                names.union(i, *j);
                continue;
            }
        }
        if let Some(Some(j)) = org_by_last.get(t) {
            if *j != i && names.kinds[i] == names.kinds[*j] {
                names.union(i, *j);
                continue;
            }
        }
        // "Brightwave" after "Brightwave Communications": a company's
        // first word alone, unless it names something listed of its own
        // ("Singapore" beside "Singapore Airlines"), a person or a place
        // ("Riverton" beside "Riverton Taxpayers Association").
        if let Some(Some(j)) = org_by_first.get(t) {
            let listed = doc.kb.lookup(t).is_some()
                || doc.ner_model.is_some_and(|m| m.is_listed(t))
                || doc.lex.is_first_name(t);
            if *j != i
                && !listed
                && !matches!(
                    names.kinds[i],
                    ActorKind::Person | ActorKind::Place | ActorKind::Other
                )
            {
                names.union(i, *j);
                continue;
            }
        }
        let letters: String = t.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.chars().all(char::is_uppercase) {
            if let Some(&j) = by_initials.get(&letters) {
                if j != i {
                    names.union(i, j);
                }
            }
        }
    }
}

/// The distinct people among person texts sharing a surname: texts whose
/// given names (the first word that is not an honorific or title) differ
/// are different people ("Thomas Sam", "Manju Sam"); "John Smith" and "Mr
/// John Smith" are one. One text per person, the longest.
fn distinct_people(doc: &Doc, names: &mut Names, full: &[usize]) -> Vec<usize> {
    let mut people: Vec<(String, usize)> = Vec::new();
    for &j in full {
        let given = names.texts[j]
            .split_whitespace()
            .find(|w| {
                let w = w.trim_end_matches('.');
                !doc.lex.is_honorific(w) && !doc.lex.is_title(w)
            })
            .unwrap_or("")
            .to_lowercase();
        let root = names.root(j);
        match people
            .iter_mut()
            .find(|(g, r)| *g == given || names.root(*r) == root)
        {
            Some(p) => {
                if names.texts[j].len() > names.texts[p.1].len() {
                    p.1 = j;
                }
            }
            None => people.push((given, j)),
        }
    }
    people.into_iter().map(|(_, j)| j).collect()
}

/// 2c. "Long Name (ACR)".
fn by_brackets(doc: &Doc, mentions: &[Mention], names: &mut Names) {
    for w in mentions.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        let between = doc.text.get(a.span.end..b.span.start).unwrap_or("");
        if between.trim() == "("
            && doc
                .text
                .get(b.span.end..)
                .is_some_and(|r| r.starts_with(')'))
        {
            let t = doc.slice(b.span);
            // "(PKS)", "(U.N.)"; or one word after an organisation's name
            // that is no person or place: "the Indonesian Chamber of
            // Commerce and Industry (Kadin)".
            let short_name = a.kind == ActorKind::Organization
                && doc.slice(a.span).contains(' ')
                && !t.contains(' ')
                && matches!(b.kind, ActorKind::Organization | ActorKind::Other);
            if short_name || t.chars().all(|c| c.is_uppercase() || c == '.') {
                let (ia, ib) = (names.index[doc.slice(a.span)], names.index[t]);
                names.union(ia, ib);
            }
        }
    }
}
