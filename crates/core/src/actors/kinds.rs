//! One draft per merged group, of the kind with the most evidence ("CFL"
//! as an acronym beats a guess for "Compact Fluorescent Light"), named by
//! its knowledge-base entry when the article writes that name, else (for a
//! person) by its first full-name mention that is not a nickname. A bare
//! surname two people share goes to the one the context names
//! ([`shared_surname`]) or stays an actor of its own.

use super::merge::Names;
use super::Mention;
use crate::doc::Doc;
use crate::drafts::{ActorDraft, MentionDraft};
use crate::hash::FastMap as HashMap;
use crate::model::ActorKind;

/// The person a bare surname two people share refers to here: the one
/// whose mention is the most recent, when it is within three sentences and
/// no namesake was mentioned as recently; otherwise none (left unresolved
/// rather than guessed).
fn shared_surname(
    names: &mut Names,
    people: &[usize],
    last_seen: &HashMap<usize, usize>,
    sentence: usize,
) -> Option<usize> {
    let mut seen: Vec<(usize, usize)> = people
        .iter()
        .filter_map(|&j| {
            let r = names.root(j);
            last_seen.get(&r).map(|&s| (s, r))
        })
        .collect();
    seen.sort_unstable_by(|a, b| b.cmp(a));
    match seen.as_slice() {
        [(s, r)] if s + 3 >= sentence => Some(*r),
        [(s, r), (s2, _), ..] if s + 3 >= sentence && s2 < s => Some(*r),
        _ => None,
    }
}

/// The drafts, and each mention's draft.
pub(super) fn drafts(
    doc: &Doc,
    mentions: &[Mention],
    names: &mut Names,
) -> (Vec<ActorDraft>, Vec<usize>) {
    let n = names.texts.len();
    let mut root_kind: Vec<(f32, ActorKind)> = (0..n).map(|i| (0.0, names.kinds[i])).collect();
    for i in 0..n {
        let r = names.root(i);
        let s = names.scores[i];
        if s > root_kind[r].0 || (i == r && s >= root_kind[r].0) {
            root_kind[r] = (s, names.kinds[i]);
        }
    }
    let mut drafts: Vec<ActorDraft> = Vec::new();
    let mut draft_of_root: HashMap<usize, usize> = HashMap::default();
    let mut draft_of: Vec<usize> = Vec::with_capacity(mentions.len());
    // Sentence of the latest mention of each group (for shared surnames).
    let mut last_seen: HashMap<usize, usize> = HashMap::default();
    for (mi, m) in mentions.iter().enumerate() {
        let sentence = doc.sentence_at(m.span.start).unwrap_or(0);
        let text = names.text_of[mi];
        let root = match names.ambiguous.get(&text).cloned() {
            Some(people) => shared_surname(names, &people, &last_seen, sentence).unwrap_or(text),
            None => names.root(text),
        };
        if root != text || !names.ambiguous.contains_key(&text) {
            last_seen.insert(names.root(root), sentence);
        }
        let kind_of_root = root_kind[names.root(root)].1;
        let p = *draft_of_root.entry(root).or_insert_with(|| {
            let kind = root_kind[names.root(root)].1;
            let kb = doc.kb.lookup(names.texts[root]).filter(|e| e.kind == kind);
            // A person's first full-name mention, not the longest form (a
            // nickname or a fuller later form is no better a name).
            let first_full = (kind == ActorKind::Person
                && !names.nickname[text]
                && names.texts[text].contains(char::is_whitespace))
            .then(|| names.texts[text]);
            let name = kb
                .filter(|e| names.index.contains_key(e.name))
                .map(|e| e.name)
                .or(first_full)
                .unwrap_or(names.texts[root]);
            drafts.push(ActorDraft {
                kb_id: kb.map(|e| e.id.clone()),
                ..ActorDraft::new(name, kind)
            });
            drafts.len() - 1
        });
        // The name shown is the first full-name mention: not a nickname,
        // not a surname alone, unless nothing else names the actor.
        let t = names.texts[text];
        let is_kb_name = drafts[p].kb_id.is_some() && drafts[p].name == t;
        if !names.nickname[text]
            && t.contains(char::is_whitespace)
            && !drafts[p].name.contains(char::is_whitespace)
            && !is_kb_name
            && drafts[p].kb_id.is_none()
            && kind_of_root == ActorKind::Person
        {
            drafts[p].name = t.to_owned();
        }
        drafts[p].mentions.push(MentionDraft {
            span: m.span,
            form: m.form,
        });
        if let Some(t) = m.title {
            // One span per distinct title text: a text that repeats a titled
            // name thousands of times must not make later title scans grow
            // with it (kept linear overall).
            let title = doc.slice(t);
            if !drafts[p].titles.iter().any(|u| doc.slice(*u) == title) {
                drafts[p].titles.push(t);
            }
        }
        draft_of.push(p);
    }
    (drafts, draft_of)
}
