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

use crate::lexicon::{Family, Head, Strength};
use phrase::Candidate;
use stance::Hit;

/// How many recent proposals of a family a new mention is compared with.
pub const MERGE_WINDOW: usize = 8;

/// How many sentences back "the decision", "the move" or "the vote" may
/// name a proposal that was adopted or backed (a reaction paragraph often
/// follows a quote from the decider).
const DECISION_WINDOW: usize = 4;

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
    /// Verbs and nouns of the acts its infinitives name ("cut", "extension").
    acts: Vec<String>,
    mentions: Vec<Candidate>,
    /// Sentence of the latest mention.
    last_sentence: usize,
    /// Stances in text order of their sentence.
    stances: Vec<(usize, Hit)>,
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
            acts: Vec::new(),
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
        for x in &c.acts {
            if self.acts.len() < MAX_FEATURES && !self.acts.contains(x) {
                self.acts.push(x.clone());
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

    /// Does one of its mentions name it by an infinitive whose verb is
    /// `noun` or makes it ("cut"; "extend" → "extension")?
    fn names_act(&self, noun: &str) -> bool {
        self.acts.iter().any(|a| a == noun)
    }

    fn compatible(&self, c: &Candidate, fresh: bool) -> bool {
        // Same family, or a generic word it was already called ("the plan"
        // for a bridge that was voted on).
        if self.family != c.head.family && !self.lemmas.contains(&c.head.lemma) {
            return false;
        }
        // "its own sanctions": another owner's.
        let own = |v: &[String]| v.iter().any(|w| w == "own");
        if own(&c.content) != own(&self.content) {
            return false;
        }
        // "offered a compromise", "proposed another deal": something new.
        if c.is_bare() && fresh {
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
            && c.head.family != Family::Object
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
    // "the government's proposal": an owner names a particular one.
    let identified = c.topic || !c.actors.is_empty() || c.number.is_some() || c.owner_before(doc);
    let governed = c.head.strength == Strength::Governed;
    // "a move to ban …", "the decision to close …": a noun with an
    // infinitive; "plans to travel" without a determiner is a verb. "unveiled
    // a plan to expand broadband": a determiner and a stance make it one.
    if c.to_verb && !identified && !(c.has_det && (governed || has_stance)) {
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
        // "a veto over any bills": the power to veto, not an act.
        "veto" if next == "over" => return false,
        // "the idea" refers back to a proposal (merging takes it there); on
        // its own it is one only with what it proposes and a stance ("backed
        // the idea of a four-day week").
        "idea" => return has_stance && !c.complement.is_empty(),
        // "in order to", "the rule of law", "as a rule".
        "order" if prev == "in" || next == "to" && !c.has_det => return false,
        "rule"
            if next == "of" || prev == "a" && c.np_start > 1 && doc.lw(c.np_start - 2) == "as" =>
        {
            return false
        }
        // Generic senses ("the human condition", "same measures", "a
        // colonial settlement") need a topic word or a stance.
        "condition" | "measure" | "settlement" => {
            return c.topic || has_stance || (c.head.lemma == "condition" && next == "for")
        }
        _ => {}
    }
    match c.head.strength {
        Strength::Strong => true,
        Strength::Governed => {
            // A topic word is not enough ("diplomatic compromise").
            // "a 5% rise in sales" is a figure: for changes a number
            // is no evidence.
            !c.actors.is_empty()
                || c.number.is_some() && c.head.family != Family::Change
                || has_stance
                || c.possessor.is_some()
                || (c.has_det && (!c.complement.is_empty() || c.to_verb))
        }
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

/// Does the phrase speak of a kind rather than of one proposal: "any
/// bills", "no treaty", or a modifier inside such a phrase ("any bills
/// featuring major reforms", "no plan for tax cuts")? Looks back at most
/// four tokens from the phrase, through one noun and a participle or
/// preposition, never across punctuation.
fn generic_kind(doc: &Doc, c: &Candidate) -> bool {
    let lex = doc.lex;
    // "Any" with a singular noun is the one being negotiated ("any
    // ceasefire must …"); with a plural, a kind ("any bills").
    let free = |i: usize| {
        let w = doc.lw(i);
        lex.is_free_choice(w) && (w != "any" || doc.lw(c.head_tok).ends_with('s'))
    };
    if free(c.np_start) {
        return true;
    }
    let first = doc.sentence_range(c.sentence).start;
    let mut i = c.np_start;
    let mut steps = 0;
    while i > first && steps < 4 {
        i -= 1;
        steps += 1;
        let w = doc.lw(i);
        let possessive = matches!(w, "'" | "'s" | "’" | "’s");
        // Never across punctuation or a finite verb ("every delay adds to
        // the bill" is not a kind of bill).
        if !possessive && !w.chars().next().is_some_and(char::is_alphanumeric)
            || doc.is_verb_at(i) && !w.ends_with("ing")
        {
            return false;
        }
        if free(i) {
            // It determines our phrase or its possessor ("any members'
            // bills"), or a phrase linked to ours by a participle or a
            // preposition ("featuring", "for").
            return i + 1 == c.np_start
                || (i + 1..c.np_start).any(|k| {
                    let w = doc.lw(k);
                    w.ends_with("ing")
                        || lex.is_preposition(w)
                        || matches!(w, "'" | "'s" | "’" | "’s")
                });
        }
    }
    false
}

/// Moves proposal `i` to the most recent end of its family's list and of
/// the list of all proposals (O(MERGE_WINDOW) amortised: lists are scanned
/// from the end, where recent entries are).
fn touch(
    by_family: &mut HashMap<Family, Vec<usize>>,
    recent_all: &mut Vec<usize>,
    family: Family,
    i: usize,
) {
    for list in [by_family.entry(family).or_default(), recent_all] {
        if let Some(pos) = list
            .iter()
            .rev()
            .take(4 * MERGE_WINDOW)
            .position(|&x| x == i)
        {
            let at = list.len() - 1 - pos;
            list.remove(at);
        }
        list.push(i);
    }
}

/// Can a generic mention of `generic`'s family name a proposal of family
/// `target`? "The plan" and "the proposal" can name anything put forward;
/// "the bill", "the law", "the measure" a measure; "the decision", "the
/// move" an action; "the deal" an agreement or an offer.
fn refers_to(generic: &Head, target: Family) -> bool {
    use Family::*;
    match generic.family {
        // "the measure" names any measure, as "the plan" does.
        Plan | Policy => !matches!(target, Summit | Referendum | Ceasefire | Inquiry),
        _ if generic.lemma == "measure" => {
            !matches!(target, Summit | Referendum | Ceasefire | Inquiry)
        }
        Bill | Law => matches!(
            target,
            Restriction | Sanction | Measure | Policy | Object | Bill | Law | Change | Provision
        ),
        Ruling | Move => matches!(target, Reversal | Object | Ruling | Move | Change),
        Deal => matches!(target, Object | Plan | Change | Deal),
        _ => false,
    }
}

/// Can "the decision", "the move" or "the vote" (`c`) name proposal `w`
/// (mentioned in the last [`DECISION_WINDOW`] sentences): one that an
/// actor adopted ("The board approved a plan to … Farmers rejected the
/// decision", "voted for the increase. Campaigners welcomed the vote")?
/// Not a proposal that was only put forward or rejected, where the
/// decision may be its rejection, and not for a court's "ruling" or
/// "verdict", which is an act of its own. A summit is met, not decided.
fn names_decision(c: &Candidate, w: &Work) -> bool {
    let act = matches!(c.head.lemma, "decision" | "move") || is_vote(c);
    act && w.family != Family::Summit && w.stances.iter().any(|(_, h)| h.adopted)
}

/// "the vote", "the ballot": a referendum's head word used for the act of
/// voting on something named before.
fn is_vote(c: &Candidate) -> bool {
    c.head.family == Family::Referendum && c.head.strength == Strength::Governed
}

/// A bare definite mention of a generic kind ("the plan", "the bill", "the
/// decision", "the deal", "the vote") that may name a proposal first
/// mentioned in other words.
fn generic_reference(c: &Candidate) -> bool {
    c.definite
        && c.is_bare()
        && !c.old
        && (is_vote(c)
            || matches!(
                c.head.family,
                Family::Plan
                    | Family::Deal
                    | Family::Bill
                    | Family::Law
                    | Family::Policy
                    | Family::Move
                    | Family::Ruling
            ))
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

/// Families of acts whose possessor (only) made them ("NASA's decision").
fn possessor_acts(f: Family) -> bool {
    matches!(f, Family::Ruling | Family::Move | Family::Request)
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
    // Proposal indices from least to most recently mentioned, any family
    // (for "it" and generic references such as "the plan").
    let mut recent_all: Vec<usize> = Vec::new();
    for s in 0..doc.sentences.len() {
        let cands = phrase::candidates(doc, s);
        if cands.is_empty() {
            continue;
        }
        let marks = stance::Marks::new(doc, s, &cands);
        let mut found: Vec<(Vec<Hit>, bool)> = (0..cands.len())
            .map(|ci| stance::stances_for(doc, s, ci, &marks))
            .collect();
        for (ci, c) in cands.iter().enumerate() {
            // "NASA's decision", "the court's ruling", "Kyiv's request": the
            // possessor of an act made it; a modifier ("the Google ruling")
            // may be what it is about, so only the possessor counts.
            let owner = if possessor_proposes(c.head.family) {
                c.possessor
                    .or_else(|| c.actors.iter().find(|a| !c.about.contains(a)).copied())
            } else if possessor_acts(c.head.family) {
                c.possessor
            } else {
                None
            };
            if let Some(a) = owner {
                if !found[ci].0.iter().any(|h| h.actor == a) {
                    found[ci].0.push(Hit::new(a, StanceKind::Proposes));
                }
            }
        }
        derive_from_changes(&cands, &marks, &mut found);
        // (phrase start, extent, proposal) of this sentence's phrases.
        let mut placed: Vec<(usize, usize, usize)> = Vec::new();
        // (name end, proposal) of the previous phrase of this sentence.
        let mut previous: Option<(usize, usize)> = None;
        for (ci, c) in cands.iter().enumerate() {
            let (found, governed) = &found[ci];
            let cued = *governed || found.iter().any(|h| h.kind != StanceKind::Neutral);
            // "veto any bills": a kind, not a proposal, unless someone
            // takes a stance on it.
            if !c.pronoun
                && !found.iter().any(|h| h.kind != StanceKind::Neutral)
                && generic_kind(doc, c)
            {
                continue;
            }
            let fresh = c.indefinite && found.iter().any(|h| h.kind == StanceKind::Proposes);
            // A phrase inside another of this sentence never names it.
            let container = |i: usize| {
                placed
                    .iter()
                    .any(|&(a, b, w)| w == i && a <= c.np_start && c.name_end <= b)
            };
            // "He rejected it": the proposal mentioned last, in this
            // sentence or the two before; with none, it names nothing.
            // "The measure, Senate Bill 112, passed …": a titled law set off
            // after a phrase is its name.
            let titled_apposition = previous.filter(|&(end, _)| {
                c.np_start == end + 1
                    && doc.lw(end) == ","
                    && doc.is_cap(c.head_tok)
                    && doc.lex.is_document_head(doc.tok(c.head_tok))
            });
            let target = if let Some((_, slot)) = titled_apposition {
                Some(slot)
            } else if c.pronoun {
                match recent_all
                    .iter()
                    .rev()
                    .copied()
                    .find(|&i| !container(i))
                    .filter(|&i| works[i].last_sentence + 2 >= s)
                {
                    Some(i) => Some(i),
                    None => continue,
                }
            } else {
                let same = by_family
                    .entry(c.head.family)
                    .or_default()
                    .iter()
                    .rev()
                    .take(MERGE_WINDOW)
                    .copied()
                    .find(|&i| works[i].compatible(c, fresh) && !container(i));
                // "The plan", "the bill", "the decision" shortly after a
                // proposal of another kind it can name ("voted to build a
                // bridge. The plan …", "lifted the sanctions. … welcomed
                // the decision").
                let recent = || recent_all.iter().rev().take(MERGE_WINDOW).copied();
                let other = generic_reference(c)
                    .then(|| {
                        recent()
                            .take_while(|&i| works[i].last_sentence + DECISION_WINDOW >= s)
                            .find(|&i| {
                                let near = works[i].last_sentence + 3 >= s;
                                (near && refers_to(&c.head, works[i].family)
                                    || names_decision(c, &works[i]))
                                    && !container(i)
                            })
                    })
                    .flatten()
                    .filter(|&i| {
                        // One of its own family in this or the previous
                        // sentence is what it names ("defended the
                        // proposal. … supported a compromise, … called
                        // for the plan to be scrapped").
                        // "the plan" names the proposal once called a plan,
                        // when there is one.
                        // "the vote" names what was voted ("voted to limit
                        // … Campaigners welcomed the vote"), not a
                        // referendum that was only called for.
                        let voted_not_held = |j: usize| {
                            is_vote(c)
                                && names_decision(c, &works[i])
                                && !works[j].stances.iter().any(|(_, h)| h.adopted)
                        };
                        works[i].family != c.head.family
                            && same.is_none_or(|j| {
                                voted_not_held(j)
                                    || !works[j].lemmas.contains(&c.head.lemma)
                                        && works[j].last_sentence < works[i].last_sentence
                                        && works[j].last_sentence + 1 < s
                            })
                    });
                // "the cut" after "a proposal to cut fuel subsidies", "the
                // extension" after "a plan to extend the tram network".
                let act = (c.definite && c.is_bare() && !c.old)
                    .then(|| recent().find(|&i| works[i].names_act(c.head.lemma) && !container(i)))
                    .flatten();
                act.or(other).or(same)
            };
            let slot = match target {
                Some(i) if c.is_bare() || c.pronoun || accept(doc, c, cued, context) => i,
                None if accept(doc, c, cued, context) => {
                    works.push(Work::new(c.clone()));
                    let i = works.len() - 1;
                    placed.push((
                        c.np_start,
                        c.desc.map_or(c.name_end, |d| d.1.max(c.name_end)),
                        i,
                    ));
                    record(&mut works[i], s, found);
                    touch(&mut by_family, &mut recent_all, c.head.family, i);
                    previous = Some((c.name_end, i));
                    continue;
                }
                _ => continue,
            };
            previous = Some((c.name_end, slot));
            placed.push((
                c.np_start,
                c.desc.map_or(c.name_end, |d| d.1.max(c.name_end)),
                slot,
            ));
            works[slot].absorb(c.clone());
            record(&mut works[slot], s, found);
            // Listed under the mention's family too, so that a later "the
            // plan" finds the bridge it named.
            touch(&mut by_family, &mut recent_all, works[slot].family, slot);
            if !c.pronoun && c.head.family != works[slot].family {
                touch(&mut by_family, &mut recent_all, c.head.family, slot);
            }
        }
    }
    drafts(doc, works)
}

/// A change to a proposal or the undoing of one is a proposal of its own;
/// who wants it is against the proposal it changes ("support for
/// alterations to the plan" criticises the plan; "calls for lifting the
/// sanctions" opposes them), and who rejects it stands by it.
fn derive_from_changes(cands: &[Candidate], marks: &stance::Marks, found: &mut [(Vec<Hit>, bool)]) {
    for (ci, c) in cands.iter().enumerate() {
        let against = match c.head.family {
            Family::Change => StanceKind::Criticizes,
            Family::Reversal => StanceKind::Opposes,
            _ => continue,
        };
        if found[ci].0.is_empty() || marks.is_nested(ci) {
            continue;
        }
        let extent = c.desc.map_or(c.name_end, |d| d.1.max(c.name_end));
        let inner: Vec<usize> = (ci + 1..cands.len())
            .filter(|&j| cands[j].np_start >= c.name_start && cands[j].name_end <= extent)
            .collect();
        let hits: Vec<Hit> = found[ci].0.clone();
        for j in inner {
            for h in &hits {
                // The doer of a finite reversal ("The EU lifted the
                // sanctions") is not said to oppose what it lifts.
                if c.done && c.preset.contains(h) {
                    continue;
                }
                let kind = match h.kind {
                    StanceKind::Proposes | StanceKind::Supports => against,
                    StanceKind::Opposes | StanceKind::Criticizes => StanceKind::Supports,
                    _ => continue,
                };
                if !found[j].0.iter().any(|x| x.actor == h.actor) {
                    found[j].0.push(Hit { kind, ..*h });
                }
            }
        }
    }
}

fn record(w: &mut Work, s: usize, found: &[Hit]) {
    for &h in found {
        // Stances arrive in sentence order: only the tail can share `s`.
        if let Some(e) = w
            .stances
            .iter_mut()
            .rev()
            .take_while(|(es, _)| *es == s)
            .find(|(_, e)| e.actor == h.actor)
        {
            e.1.kind = combine(e.1.kind, h.kind);
            e.1.hedged &= h.hedged;
            e.1.adopted |= h.adopted;
        } else {
            w.stances.push((s, h));
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
            // "a compromise … rejected it": a pronoun names a proposal only
            // when nothing else does.
            .max_by(|(ia, a), (ib, b)| {
                (!a.pronoun, a.weight())
                    .cmp(&(!b.pronoun, b.weight()))
                    .then(ib.cmp(ia))
            })
            .map(|(_, m)| m);
        let Some(best) = best else { continue };
        let name = best
            .name_override
            .clone()
            .unwrap_or_else(|| doc.tokens_text(best.name_start, best.name_end).to_owned());
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
            .map(|&(sentence, h)| StanceDraft {
                actor: h.actor,
                stance: h.kind,
                sentence,
                hedged: h.hedged,
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
