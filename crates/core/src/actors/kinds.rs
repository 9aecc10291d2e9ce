//! One draft per merged group, of the kind with the most evidence ("CFL"
//! as an acronym beats a guess for "Compact Fluorescent Light"), named by
//! its knowledge-base entry when the article writes that name.

use super::merge::Names;
use super::Mention;
use crate::doc::Doc;
use crate::drafts::{ActorDraft, MentionDraft};
use crate::hash::FastMap as HashMap;
use crate::model::ActorKind;

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
    for (mi, m) in mentions.iter().enumerate() {
        let root = names.root(names.text_of[mi]);
        let p = *draft_of_root.entry(root).or_insert_with(|| {
            let kind = root_kind[root].1;
            let kb = doc.kb.lookup(names.texts[root]).filter(|e| e.kind == kind);
            let name = kb
                .filter(|e| names.index.contains_key(e.name))
                .map_or(names.texts[root], |e| e.name);
            drafts.push(ActorDraft {
                kb_id: kb.map(|e| e.id.clone()),
                ..ActorDraft::new(name, kind)
            });
            drafts.len() - 1
        });
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
