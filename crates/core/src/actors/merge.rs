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
    by_knowledge_base(doc, &mut names);
    by_short_forms(&mut names);
    by_brackets(doc, mentions, &mut names);
    names
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

/// 2b. Person short forms (last word, else a unique first word) and
/// initials of organisations and places.
fn by_short_forms(names: &mut Names) {
    let n = names.texts.len();
    let mut by_last: HashMap<&str, usize> = HashMap::default();
    let mut by_first: HashMap<&str, Option<usize>> = HashMap::default();
    let mut by_initials: HashMap<String, usize> = HashMap::default();
    for i in 0..n {
        let t = names.texts[i];
        let words: Vec<&str> = t.split_whitespace().collect();
        if words.len() >= 2 && names.kinds[i] == ActorKind::Person {
            if let Some(last) = words.last() {
                let e = by_last.entry(last).or_insert(i);
                if names.texts[*e].len() < t.len() {
                    *e = i;
                }
            }
            if let Some(first) = words.first() {
                by_first
                    .entry(first)
                    .and_modify(|v| {
                        // Two different people share the given name: ambiguous.
                        if v.is_some_and(|j| j != i) {
                            *v = None;
                        }
                    })
                    .or_insert(Some(i));
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
            // Multi-word person names ending in another's surname: "Mr Putin".
            continue;
        }
        if let Some(&j) = by_last.get(t) {
            // The recogniser already weighed the knowledge base: a word it
            // labels person here is the surname ("Valeska Paris" … "Paris").
            if j != i && names.kinds[i] == ActorKind::Person {
                names.union(i, j);
                continue;
            }
        }
        if let Some(Some(j)) = by_first.get(t) {
            if *j != i && names.kinds[i] == ActorKind::Person {
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
            if t.chars().all(|c| c.is_uppercase() || c == '.') {
                let (ia, ib) = (names.index[doc.slice(a.span)], names.index[t]);
                names.union(ia, ib);
            }
        }
    }
}
