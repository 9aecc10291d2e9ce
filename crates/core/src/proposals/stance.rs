//! Stances: which actor takes which position on a proposal mention.
//!
//! For each proposal mention the governing cue is the nearest cue word to
//! its left in the same clause (“opposed provisions…”, “insisting on
//! explicit security guarantees”), or, failing that, a cue to its right
//! that is an adjective/noun (“…blueprint agreeable”, “…as wholly
//! unacceptable”), a passive (“was rejected by”), or sits in a relative
//! clause (“proposal that Ukrainian officials criticized”). The holder is
//! the subject of the cue: an actor between the proposal and a right cue,
//! the agent after “by”, the possessor of a nominal cue (“Russia’s
//! rejection”), else the nearest actor mention to the left that is not
//! inside a prepositional phrase or a proposal phrase (a possessor such as
//! “Witkoff’s journey” only as a fallback; “he/she” resolve to the last
//! person named). Clauses end at “;”, “:”, dashes, “but”, “yet”,
//! “however”, “although”, “whereas”, and “while” before a finite clause.
//! Scans are bounded (25 tokens), so the pass is O(n).

use crate::model::StanceKind;
use crate::tokenize::TokenKind;

use super::phrase::Candidate;
use crate::doc::Doc;
use crate::syntax::Class;

/// Longest distance, in tokens, between a cue and its proposal.
const MAX_CUE_DISTANCE: usize = 25;
/// Longest distance for a cue to the right of the proposal.
const MAX_RIGHT_DISTANCE: usize = 15;

/// A cue word found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueHit {
    /// Its token (global index).
    pub tok: usize,
    /// The stance after negation.
    pub kind: StanceKind,
    /// A noun or adjective cue ("criticism", "unacceptable").
    pub nominal: bool,
    /// A verb followed by "that" ("suggesting that …"): a speech verb.
    pub speech: bool,
}

/// Per-sentence lookups built once: which tokens lie in a proposal name or
/// phrase, which carry a cue, and which candidates are nested in another.
pub struct Marks<'c> {
    s0: usize,
    cands: &'c [Candidate],
    in_name: Vec<bool>,
    in_phrase: Vec<bool>,
    cue_at: Vec<Option<CueHit>>,
    nested: Vec<bool>,
}

impl<'c> Marks<'c> {
    /// Marks sentence `s` with its candidates; O(sentence tokens + phrase lengths).
    pub fn new(doc: &Doc, s: usize, cands: &'c [Candidate]) -> Self {
        let r = doc.sentence_range(s);
        let len = r.len();
        let mut in_name = vec![false; len];
        let mut in_phrase = vec![false; len];
        let mut nested = Vec::with_capacity(cands.len());
        let mut max_extent = 0;
        for c in cands {
            for k in c.np_start..c.name_end {
                if let Some(x) = in_phrase.get_mut(k - r.start) {
                    *x = true;
                }
            }
            for k in c.name_start..c.name_end {
                if let Some(x) = in_name.get_mut(k - r.start) {
                    *x = true;
                }
            }
            // Candidates come in head order; a containing phrase starts
            // earlier, so a running maximum of extents finds it.
            nested.push(max_extent >= c.name_end);
            max_extent = max_extent.max(c.desc.map_or(c.name_end, |d| d.1.max(c.name_end)));
        }
        let mut m = Marks {
            s0: r.start,
            cands,
            in_name,
            in_phrase,
            cue_at: vec![None; len],
            nested,
        };
        for hit in sentence_cues(doc, s, &m) {
            if let Some(x) = m.cue_at.get_mut(hit.tok - r.start) {
                *x = Some(hit);
            }
        }
        m
    }

    fn in_name(&self, k: usize) -> bool {
        k >= self.s0 && self.in_name.get(k - self.s0).copied().unwrap_or(false)
    }

    fn in_phrase(&self, k: usize) -> bool {
        k >= self.s0 && self.in_phrase.get(k - self.s0).copied().unwrap_or(false)
    }

    fn cue(&self, k: usize) -> Option<CueHit> {
        if k < self.s0 {
            return None;
        }
        self.cue_at.get(k - self.s0).copied().flatten()
    }
}

/// Negation within the three words before a cue ("did not accept", "refused to back").
fn negated(doc: &Doc, tok: usize, s0: usize) -> bool {
    let mut k = tok;
    let mut seen = 0;
    while k > s0 && seen < 3 {
        k -= 1;
        let w = doc.lw(k);
        if doc.is(k, Class::Neg) || w.ends_with("n't") || w == "refused" || w == "failed" {
            return true;
        }
        if doc.kind(k) == Some(TokenKind::Word) {
            seen += 1;
        }
    }
    false
}

fn negate(kind: StanceKind) -> StanceKind {
    match kind {
        StanceKind::Supports => StanceKind::Opposes,
        _ => StanceKind::Neutral,
    }
}

/// The cue words of sentence `s`, in text order.
fn sentence_cues(doc: &Doc, s: usize, marks: &Marks) -> Vec<CueHit> {
    let r = doc.sentence_range(s);
    let mut out = Vec::new();
    for i in r.clone() {
        if doc.kind(i) != Some(TokenKind::Word) || marks.in_name(i) {
            continue;
        }
        let w = doc.lw(i);
        let next = doc.lw(i + 1);
        let prev = if i > r.start { doc.lw(i - 1) } else { "" };
        let cue = if matches!(
            w,
            "favoring" | "favouring" | "favors" | "favours" | "favored"
        ) && matches!(
            prev,
            "disproportionately" | "unfairly" | "unduly" | "overly" | "heavily"
        ) {
            Some(crate::lexicon::Cue {
                kind: StanceKind::Criticizes,
                nominal: true,
            })
        } else {
            doc.lex.cue(w, next)
        };
        let Some(cue) = cue else { continue };
        // A capitalised cue mid-sentence is a name ("Table Mountain").
        if doc.is_cap(i) && i > r.start {
            continue;
        }
        let kind = if negated(doc, i, r.start) {
            negate(cue.kind)
        } else {
            cue.kind
        };
        out.push(CueHit {
            tok: i,
            kind,
            nominal: cue.nominal,
            speech: !cue.nominal && next == "that",
        });
    }
    out
}

/// The nearest cue governing the candidate from the left.
fn left_cue(doc: &Doc, c: &Candidate, marks: &Marks, s0: usize) -> Option<CueHit> {
    let mut k = c.np_start;
    while k > s0 && c.np_start - k < MAX_CUE_DISTANCE {
        k -= 1;
        let w = doc.lw(k);
        if doc.lex.is_hard_boundary(w) || doc.opens_finite_clause(k) || matches!(w, "which" | "who")
        {
            return None;
        }
        if let Some(hit) = marks.cue(k) {
            return (!hit.speech).then_some(hit);
        }
        if w == "that" {
            return None;
        }
    }
    None
}

/// A cue to the right: adjective/noun, passive, or relative clause.
fn right_cue(doc: &Doc, c: &Candidate, marks: &Marks, s1: usize) -> Option<CueHit> {
    let start = c.name_end;
    let relative = matches!(doc.lw(start), "that" | "which" | "who")
        || (doc.lw(start) == "," && matches!(doc.lw(start + 1), "which" | "who"))
        || doc
            .mention_at(start)
            .is_some_and(|m| m.first == start && !doc.in_pp(start));
    let mut only_aux = true;
    let mut k = start;
    while k < s1 && k - start < MAX_RIGHT_DISTANCE {
        let w = doc.lw(k);
        if k > start && (doc.lex.is_hard_boundary(w) || matches!(w, "while" | "whereas")) {
            return None;
        }
        if let Some(hit) = marks.cue(k) {
            let passive =
                only_aux && hit.kind != StanceKind::Neutral && doc.is(k, Class::Participle);
            if hit.nominal || passive || relative {
                return (!hit.speech || hit.nominal).then_some(hit);
            }
            return None;
        }
        if !(doc.is(k, Class::Aux) || doc.is(k, Class::Adverb) || doc.is(k, Class::Neg)) {
            only_aux = false;
        }
        k += 1;
    }
    None
}

/// Does a relative pronoun follow the name ("the plan, which …")?
fn relative_or_between(doc: &Doc, c: &Candidate) -> bool {
    let start = c.name_end;
    matches!(doc.lw(start), "that" | "which" | "who")
        || (doc.lw(start) == "," && matches!(doc.lw(start + 1), "which" | "who"))
}

/// Pushes the subject left of `from` and any actors coordinated with it.
fn push_subject(
    doc: &Doc,
    s0: usize,
    from: usize,
    marks: &Marks,
    kind: StanceKind,
    out: &mut Vec<(usize, StanceKind)>,
) {
    if let Some(subject) = doc.subject_before(s0, from, &|k| marks.in_phrase(k)) {
        let mut holders = vec![subject.actor];
        if let Some(first) = subject.first {
            coordinated_before(doc, s0, first, &mut holders);
        }
        out.extend(holders.into_iter().map(|h| (h, kind)));
    } else if let Some(a) = speaker(doc, s0, marks) {
        out.push((a, kind));
    }
}

/// The speaker of a quoted or reported sentence: '"…," said Lavrov',
/// '"…," Lavrov said', '… according to Lavrov'. Bounded by the sentence.
fn speaker(doc: &Doc, s0: usize, marks: &Marks) -> Option<usize> {
    let s1 = s0 + marks.in_name.len();
    for k in s0..s1 {
        let w = doc.lw(k);
        let reporting = doc.lex.is_reporting_verb(w);
        let according = w == "according" && doc.lw(k + 1) == "to";
        if !(reporting || according) {
            continue;
        }
        // After: "said Foreign Minister Sergei Lavrov", "according to the EU".
        let mut j = k + 1 + usize::from(according);
        while j < s1 && j < k + 5 && doc.mention_at(j).is_none() {
            if !(doc.is(j, Class::Det) || doc.is_cap(j) || doc.is(j, Class::ActingBody)) {
                break;
            }
            j += 1;
        }
        if let Some(m) = doc.mention_at(j) {
            if !marks.in_phrase(j) {
                return Some(m.actor);
            }
        }
        // Before: "Lavrov said".
        if reporting && k > s0 {
            if let Some(m) = doc.mention_at(k - 1) {
                if !marks.in_phrase(k - 1) {
                    return Some(m.actor);
                }
            }
        }
    }
    None
}

/// Actors coordinated before the mention starting at `first`
/// ("Israel and Hamas agree", "Qatar, Egypt and the United States").
fn coordinated_before(doc: &Doc, s0: usize, mut first: usize, out: &mut Vec<usize>) {
    for _ in 0..4 {
        if first < s0 + 2 || !matches!(doc.lw(first - 1), "and" | "," | "or") {
            return;
        }
        let mut k = first - 2;
        if doc.lw(k) == "," && k > s0 {
            k -= 1;
        }
        match doc.mention_at(k) {
            Some(m) if !doc.in_pp(m.first) && m.last == k + 1 => {
                if !out.contains(&m.actor) {
                    out.push(m.actor);
                }
                first = m.first;
            }
            _ => return,
        }
    }
}

/// The agents after "by": "by Qatar, Egypt and the United States".
fn agents_after(doc: &Doc, mut k: usize, out: &mut Vec<usize>) {
    for _ in 0..5 {
        if doc.is(k, Class::Det) && doc.mention_at(k).is_none() {
            k += 1;
        }
        let Some(m) = doc.mention_at(k) else { return };
        if !out.contains(&m.actor) {
            out.push(m.actor);
        }
        k = m.last;
        match doc.lw(k) {
            "and" | "or" => k += 1,
            "," if doc.lw(k + 1) == "and" => k += 2,
            "," => k += 1,
            _ => return,
        }
    }
}

/// The possessor of a nominal cue ("Russia’s rejection", "his opposition").
fn cue_possessor(doc: &Doc, cue: usize, s0: usize) -> Option<usize> {
    let mut k = cue;
    let mut seen = 0;
    while k > s0 && seen < 3 {
        k -= 1;
        match doc.kind(k) {
            Some(TokenKind::Possessive) => {
                return doc.mention_at(k.checked_sub(1)?).map(|m| m.actor)
            }
            Some(TokenKind::Word) => {
                let w = doc.lw(k);
                if matches!(w, "his" | "her") {
                    return doc.antecedent(k, s0);
                }
                if doc.is(k, Class::Det) || doc.is(k, Class::Prep) || doc.is(k, Class::Verbish) {
                    return None;
                }
                seen += 1;
            }
            _ => return None,
        }
    }
    None
}

/// Stances on candidate `c`: (actor index, stance), at most one per cue;
/// and whether any cue governs it (even without a resolved holder).
pub fn stances_for(
    doc: &Doc,
    s: usize,
    ci: usize,
    marks: &Marks,
) -> (Vec<(usize, StanceKind)>, bool) {
    let r = doc.sentence_range(s);
    let mut out = Vec::new();
    let Some(c) = marks.cands.get(ci) else {
        return (out, false);
    };
    if marks.nested.get(ci).copied().unwrap_or(false) {
        return (out, false);
    }
    out.extend(authored_by(doc, c));
    let left = left_cue(doc, c, marks, r.start);
    let right = right_cue(doc, c, marks, r.end);
    if let Some(cue) = left {
        let kind = adjust(doc, c, cue.kind);
        let possessor = if cue.nominal {
            cue_possessor(doc, cue.tok, r.start)
        } else {
            None
        };
        match possessor {
            Some(a) => out.push((a, kind)),
            None => push_subject(doc, r.start, cue.tok, marks, kind, &mut out),
        }
    }
    if let Some(cue) = right {
        let kind = adjust(doc, c, cue.kind);
        // Subject between the proposal and the cue (relative clause), the
        // agent of a passive, or the subject of the clause.
        let between = (c.name_end..cue.tok)
            .rev()
            .filter(|&k| !marks.in_phrase(k) && !doc.in_pp(k))
            .find_map(|k| doc.mention_at(k).map(|m| m.actor));
        let mut agents = Vec::new();
        if doc.lw(cue.tok + 1) == "by" {
            agents_after(doc, cue.tok + 2, &mut agents);
        }
        let own_possessor = if cue.nominal && cue.tok > c.name_end + 1 {
            cue_possessor(doc, cue.tok, c.name_end)
        } else {
            None
        };
        if let Some(a) = between {
            out.push((a, kind));
        } else if !agents.is_empty() {
            out.extend(agents.into_iter().map(|a| (a, kind)));
        } else if left.is_none() && (cue.nominal || relative_or_between(doc, c)) {
            // A bare passive ("a truce agreed in May") names no holder.
            match own_possessor {
                Some(a) => out.push((a, kind)),
                None => push_subject(doc, r.start, c.np_start, marks, kind, &mut out),
            }
        }
    }
    // Neutral cues ("study", "consider", "possible") are too common to
    // make a phrase a proposal on their own.
    let governed = [left, right]
        .iter()
        .flatten()
        .any(|cue| cue.kind != StanceKind::Neutral);
    (out, governed)
}

/// "conditions set by the European Commission": a participle + "by" + actor
/// right after the name names its author (or, for a cue verb, its stance).
fn authored_by(doc: &Doc, c: &Candidate) -> Vec<(usize, StanceKind)> {
    let mut p = c.name_end;
    if doc.lw(p) == "," {
        p += 1;
    }
    let w = doc.lw(p);
    if doc.lw(p + 1) != "by" {
        return Vec::new();
    }
    let kind = match doc.lex.cue(w, "by") {
        Some(cue) if doc.is(p, Class::Participle) || w == "put" => cue.kind,
        _ if doc.lex.is_authoring_participle(w) => StanceKind::Proposes,
        _ => return Vec::new(),
    };
    let mut agents = Vec::new();
    agents_after(doc, p + 2, &mut agents);
    agents.into_iter().map(|a| (a, kind)).collect()
}

/// "support for alterations to X" criticises X; "found certain components
/// of X agreeable" is mixed.
fn adjust(doc: &Doc, c: &Candidate, kind: StanceKind) -> StanceKind {
    let a = c.np_start;
    let before1 = if a >= 1 { doc.lw(a - 1) } else { "" };
    let before2 = if a >= 2 { doc.lw(a - 2) } else { "" };
    let alteration = before1 == "to" && doc.lex.is_alteration_noun(before2);
    let partial = before1 == "of" && doc.lex.is_part_noun(before2);
    match kind {
        StanceKind::Supports | StanceKind::Proposes if alteration => StanceKind::Criticizes,
        StanceKind::Supports if partial => StanceKind::Mixed,
        k => k,
    }
}
