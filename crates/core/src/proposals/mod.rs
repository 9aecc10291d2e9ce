//! Proposals (plans, deals, demands, guarantees, summits…) and the stances
//! actors take on them.
//!
//! ## What counts as a proposal
//! A noun phrase headed by a proposal noun: the head families of
//! `data/lexicons/en/proposals/heads.tsv` (plan, deal, demand, guarantee,
//! provision, restriction, summit, ceasefire, sanction, bill, referendum,
//! resolution, policy), read through [`crate::lexicon::Lexicon::head`].
//! “Talks” and “negotiations” are not proposals: they are the process in
//! which proposals are made, not positions one can back or reject.
//!
//! Strong heads (summit, ceasefire, treaty, sanctions, referendum,
//! ultimatum, accord…) count whenever they are used as nouns. The others need one
//! of: a topic modifier (“peace”, “security”, “28-point”), an actor
//! modifier (“America’s”, “European”), a stance cue, or a determiner in a
//! document about negotiation or politics (≥ 3 context words). Verb uses
//! (“Russia plans to”, “which limits”) and idioms (“plans to travel”,
//! “resolution to the conflict”, “in critical condition”) are skipped.
//!
//! ## Merging
//! Mentions are merged within a head family (plan ≈ proposal ≈ blueprint ≈
//! framework; deal ≈ agreement ≈ treaty; demand ≈ condition ≈
//! prerequisite; …). A bare mention (“the plan”, “multiple key
//! proposals”, “particular conditions”) joins the most recent proposal of
//! its family. A modified mention joins the most recent compatible one:
//! same head with overlapping modifiers, or another head of the family
//! sharing a topic word, actor or number — unless they conflict: different
//! numbers (“28-point” vs “20-point”), different possessors, disjoint
//! complements (“limits on troops” vs “limits on trade”), or an “earlier /
//! original” mention against one without that mark (an earlier version is
//! a different proposal), or “updated / revised” against an earlier one.
//! So “America’s peace blueprint” and “an updated peace framework” merge,
//! while “an earlier 28-point peace proposal” stays separate. Only the last
//! [`MERGE_WINDOW`] proposals of a family are compared, keeping this O(n).
//!
//! The name is the mention with the most identifying words (ties: the
//! first), without determiners, quantifiers or “earlier”; the description
//! is the first clause describing a mention (“modified to gain greater
//! Ukrainian acceptance”).
//!
//! ## Stances
//! See [`stance`]. An actor named as possessor or modifier of a plan,
//! demand, guarantee, restriction, sanction, bill or policy proposes it
//! (“America’s peace blueprint”, “European prerequisites”). Several cues by
//! the same actor on the same proposal in one sentence combine: positive
//! and negative give [`StanceKind::Mixed`]. “Not immediately feasible” and
//! other feasibility judgements are [`StanceKind::Neutral`]: they say when,
//! not whether.
//!
//! Complexity: O(n) in the tokens plus O(m log m) for m actor mentions.

pub mod phrase;
pub mod stance;

use crate::hash::FastMap as HashMap;

use crate::doc::Doc;
use crate::drafts::{MentionDraft, ProposalDraft, StanceDraft};
use crate::model::{MentionForm, Span, StanceKind};
use crate::pipeline::Component;

use crate::lexicon::{Family, Strength};
use phrase::Candidate;

/// How many recent proposals of a family a new mention is compared with.
pub const MERGE_WINDOW: usize = 8;

/// Most modifier words, complement words or actors kept per proposal for
/// comparisons (keeps each comparison O(1)).
const MAX_FEATURES: usize = 32;

/// A proposal being assembled.
struct Work {
    family: Family,
    lemmas: Vec<&'static str>,
    content: Vec<String>,
    actors: Vec<usize>,
    possessor: Option<usize>,
    number: Option<String>,
    old: bool,
    new: bool,
    complement: Vec<String>,
    mentions: Vec<Candidate>,
    /// Sentence of the latest mention.
    last_sentence: usize,
    /// (sentence, actor, stance) in text order.
    stances: Vec<(usize, usize, StanceKind)>,
}

impl Work {
    fn new(c: Candidate) -> Self {
        let mut w = Work {
            family: c.head.family,
            lemmas: Vec::new(),
            content: Vec::new(),
            actors: Vec::new(),
            possessor: None,
            number: None,
            old: false,
            new: false,
            complement: Vec::new(),
            mentions: Vec::new(),
            last_sentence: c.sentence,
            stances: Vec::new(),
        };
        w.absorb(c);
        w
    }

    fn absorb(&mut self, c: Candidate) {
        if !self.lemmas.contains(&c.head.lemma) {
            self.lemmas.push(c.head.lemma);
        }
        for x in &c.content {
            if self.content.len() < MAX_FEATURES && !self.content.contains(x) {
                self.content.push(x.clone());
            }
        }
        for x in &c.complement {
            if self.complement.len() < MAX_FEATURES && !self.complement.contains(x) {
                self.complement.push(x.clone());
            }
        }
        for &a in &c.actors {
            if self.actors.len() < MAX_FEATURES && !self.actors.contains(&a) {
                self.actors.push(a);
            }
        }
        self.possessor = self.possessor.or(c.possessor);
        if self.number.is_none() {
            self.number.clone_from(&c.number);
        }
        self.old |= c.old;
        self.new |= c.new;
        self.last_sentence = c.sentence;
        self.mentions.push(c);
    }

    fn compatible(&self, c: &Candidate) -> bool {
        if self.family != c.head.family {
            return false;
        }
        if c.old && !self.old {
            return false;
        }
        if c.new && self.old && !self.new {
            return false;
        }
        if c.is_bare() {
            return true;
        }
        if let (Some(a), Some(b)) = (&self.number, &c.number) {
            if a != b {
                return false;
            }
        }
        if let (Some(a), Some(b)) = (self.possessor, c.possessor) {
            if a != b {
                return false;
            }
        }
        let overlap = |a: &[String], b: &[String]| a.iter().any(|x| b.contains(x));
        if !self.complement.is_empty()
            && !c.complement.is_empty()
            && !overlap(&self.complement, &c.complement)
        {
            return false;
        }
        let shares = overlap(&self.content, &c.content)
            || c.actors.iter().any(|a| self.actors.contains(a))
            || (self.number.is_some() && self.number == c.number);
        // "The three-stage agreement" right after "a ceasefire deal":
        // a definite description of the proposal just mentioned.
        let recent_definite = c.definite
            && c.possessor.is_none()
            && c.number.is_none()
            && c.actors.is_empty()
            && c.sentence <= self.last_sentence + 1;
        if self.lemmas.contains(&c.head.lemma) {
            shares || c.content.is_empty() || self.content.is_empty() || recent_definite
        } else {
            shares || recent_definite
        }
    }
}

/// Does the candidate stand as a proposal on its own?
fn accept(doc: &Doc, c: &Candidate, has_stance: bool, context: bool) -> bool {
    let next = doc.lw(c.head_tok + 1);
    let prev = if c.np_start > 0 {
        doc.lw(c.np_start - 1)
    } else {
        ""
    };
    let identified = c.topic || !c.actors.is_empty() || c.number.is_some();
    if c.to_verb && !identified {
        return false;
    }
    // A bare plural without a determiner ("offers", "limits") is usually a
    // verb or a generic use.
    if c.is_bare() && !c.has_det && !has_stance && doc.lw(c.head_tok).ends_with('s') {
        return false;
    }
    match c.head.lemma {
        "resolution"
            if matches!(next, "to" | "of") || c.content.iter().any(|w| w == "conflict") =>
        {
            return identified && !c.content.iter().any(|w| w == "conflict")
        }
        "condition" if matches!(prev, "in" | "on") || c.content.iter().any(|w| w == "weather") => {
            return false
        }
        "deal" if c.content.iter().any(|w| w == "great" || w == "good") => return false,
        // Generic senses ("the human condition", "same measures", "a
        // colonial settlement") need a topic word or a stance.
        "condition" | "measure" | "settlement" => {
            return c.topic || has_stance || (c.head.lemma == "condition" && next == "for")
        }
        _ => {}
    }
    match c.head.strength {
        Strength::Strong => true,
        Strength::Weak | Strength::Relational => {
            identified
                || has_stance
                || (c.has_det && context)
                || (c.head.strength == Strength::Relational
                    && !c.complement.is_empty()
                    && (context || c.has_det))
        }
    }
}

/// Families whose possessor or actor modifier puts the proposal forward.
fn possessor_proposes(f: Family) -> bool {
    matches!(
        f,
        Family::Plan
            | Family::Demand
            | Family::Guarantee
            | Family::Restriction
            | Family::Sanction
            | Family::Bill
            | Family::Policy
    )
}

/// Combines two stances of one actor on one proposal in one sentence.
fn combine(a: StanceKind, b: StanceKind) -> StanceKind {
    use StanceKind::*;
    let positive = |k| matches!(k, Proposes | Supports);
    let negative = |k| matches!(k, Opposes | Criticizes);
    match (a, b) {
        (x, y) if x == y => x,
        (Neutral, y) => y,
        (x, Neutral) => x,
        (Mixed, _) | (_, Mixed) => Mixed,
        (x, y) if (positive(x) && negative(y)) || (negative(x) && positive(y)) => Mixed,
        (Proposes, _) | (_, Proposes) => Proposes,
        (Opposes, _) | (_, Opposes) => Opposes,
        (x, _) => x,
    }
}

/// Fills [`Doc::proposals`] (reads tokens and the mention layer).
pub struct ProposalFinder;

impl Component for ProposalFinder {
    fn name(&self) -> &'static str {
        "proposals"
    }

    fn run(&self, doc: &mut Doc<'_>) {
        doc.proposals = find(doc);
    }
}

/// Finds proposals and the stances actors take on them, in order of first
/// mention.
pub fn find(doc: &Doc) -> Vec<ProposalDraft> {
    let context = doc
        .tokens
        .iter()
        .enumerate()
        .filter(|(i, _)| doc.lex.is_context_word(doc.lw(*i)))
        .take(3)
        .count()
        >= 3;
    let mut works: Vec<Work> = Vec::new();
    // Per family, proposal indices from least to most recently mentioned.
    let mut by_family: HashMap<Family, Vec<usize>> = HashMap::default();
    for s in 0..doc.sentences.len() {
        let cands = phrase::candidates(doc, s);
        if cands.is_empty() {
            continue;
        }
        let marks = stance::Marks::new(doc, s, &cands);
        for (ci, c) in cands.iter().enumerate() {
            let (mut found, governed) = stance::stances_for(doc, s, ci, &marks);
            let cued = governed || found.iter().any(|&(_, k)| k != StanceKind::Neutral);
            if possessor_proposes(c.head.family) {
                let owner = c.possessor.or_else(|| c.actors.first().copied());
                if let Some(a) = owner {
                    if !found.iter().any(|&(x, _)| x == a) {
                        found.push((a, StanceKind::Proposes));
                    }
                }
            }
            let recent = by_family.entry(c.head.family).or_default();
            let target = recent
                .iter()
                .rev()
                .take(MERGE_WINDOW)
                .copied()
                .find(|&i| works[i].compatible(c));
            let slot = match target {
                Some(i) if c.is_bare() || accept(doc, c, cued, context) => {
                    // Move to the most recent end (the scan above saw it, so
                    // it is among the last MERGE_WINDOW entries).
                    if let Some(pos) = recent.iter().rposition(|&x| x == i) {
                        recent.remove(pos);
                    }
                    recent.push(i);
                    i
                }
                None if accept(doc, c, cued, context) => {
                    works.push(Work::new(c.clone()));
                    let i = works.len() - 1;
                    recent.push(i);
                    record(&mut works[i], s, &found);
                    continue;
                }
                _ => continue,
            };
            works[slot].absorb(c.clone());
            record(&mut works[slot], s, &found);
        }
    }
    drafts(doc, works)
}

fn record(w: &mut Work, s: usize, found: &[(usize, StanceKind)]) {
    for &(a, k) in found {
        // Stances arrive in sentence order: only the tail can share `s`.
        if let Some(e) = w
            .stances
            .iter_mut()
            .rev()
            .take_while(|(es, _, _)| *es == s)
            .find(|(_, ea, _)| *ea == a)
        {
            e.2 = combine(e.2, k);
        } else {
            w.stances.push((s, a, k));
        }
    }
}

fn drafts(doc: &Doc, works: Vec<Work>) -> Vec<ProposalDraft> {
    let mut used: crate::hash::FastSet<String> = Default::default();
    let mut out = Vec::with_capacity(works.len());
    for w in works {
        let best = w
            .mentions
            .iter()
            .enumerate()
            .max_by(|(ia, a), (ib, b)| a.weight().cmp(&b.weight()).then(ib.cmp(ia)))
            .map(|(_, m)| m);
        let Some(best) = best else { continue };
        let name = doc.tokens_text(best.name_start, best.name_end).to_owned();
        let base = format!("p-{}", crate::actors::slug(&name));
        let mut id = base.clone();
        let mut n = 2;
        while used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        used.insert(id.clone());
        // Identifying mentions describe first; a bare one ("the
        // legislation, which includes …") only when they do not.
        let describe = |m: &Candidate| m.desc.map(|(a, b)| doc.tokens_text(a, b).trim().to_owned());
        let description = w
            .mentions
            .iter()
            .filter(|m| !m.is_bare())
            .find_map(describe)
            .or_else(|| w.mentions.iter().find_map(describe))
            .filter(|d| !d.is_empty());
        let mentions = w
            .mentions
            .iter()
            .map(|m| {
                let (start, end) = doc.tokens_span(m.name_start, m.name_end);
                MentionDraft {
                    span: Span::new(start, end),
                    form: if m.is_bare() {
                        MentionForm::Role
                    } else {
                        MentionForm::Name
                    },
                }
            })
            .collect();
        let stances = w
            .stances
            .iter()
            .map(|&(sentence, actor, stance)| StanceDraft {
                actor,
                stance,
                sentence,
            })
            .collect();
        out.push(ProposalDraft {
            slug: id,
            name,
            description,
            mentions,
            stances,
        });
    }
    out
}

#[cfg(test)]
mod tests;
