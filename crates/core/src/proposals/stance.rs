//! Stances: which actor takes which position on a proposal mention.
//!
//! The questions asked here are syntactic (who is the subject of this verb,
//! what does it govern, is it negated or hedged, who said this sentence)
//! and go through the clause interface ([`crate::clause`]), so that they
//! read a dependency parse once one fills the syntax layer.
//!
//! **The cue.** For each proposal mention the governing cue is the nearest
//! stance word to its left in the same clause (“opposed provisions…”,
//! “insisting on explicit security guarantees”, “support for …”), or,
//! failing that, one to its right: a noun or adjective (“…blueprint
//! agreeable”), an adjective of judgement said of it (“the law is unjust”,
//! “called the plan dangerous”), a passive (“was rejected by”), a verb of
//! what it does to people in someone's words (“the tax will hurt farmers,
//! she said”), or a verb in a relative clause (“proposal that Ukrainian
//! officials criticized”).
//!
//! **The holder** is the subject of the cue's verb group ([`Doc::subject_of`]:
//! pronouns and “the group”-style descriptions resolved), the agent of a
//! passive (“rejected by X”), the possessor of a nominal cue (“Russia’s
//! rejection”), an actor between the proposal and a right cue, or else the
//! speaker of the sentence ([`crate::clause::speech`]: “…, X said”,
//! “according to X”, a quote attributed to X).
//!
//! **The value** is the cue's, turned by negation of its verb group (“did
//! not support” opposes; “did not reject” is neutral) and marked *hedged*
//! under “may”, “might”, “could”. Under a word of belief about the future
//! (“X is confident the deal will be passed by Y”) the future or possible
//! outcome is X's prediction: X supports (or, after “fears”, opposes) and Y
//! gets nothing.
//!
//! Clauses end at “;”, “:”, dashes, “but”, “yet”, “however”, “although”,
//! “whereas”, and “while” before a finite clause. Scans are bounded (25
//! tokens), so the pass is O(n).

use crate::clause::Modality;
use crate::drafts::ActorId;
use crate::model::StanceKind;
use crate::tokenize::TokenKind;

use super::phrase::Candidate;
use crate::doc::Doc;
use crate::syntax::Class;

/// Longest distance, in tokens, between a cue and its proposal.
const MAX_CUE_DISTANCE: usize = 25;
/// Longest distance for a cue to the right of the proposal.
const MAX_RIGHT_DISTANCE: usize = 15;
/// How far left of a cue a word of belief may govern it.
const MAX_ATTITUDE_DISTANCE: usize = 20;

/// One actor's position on one proposal mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The actor.
    pub actor: ActorId,
    /// The position.
    pub kind: StanceKind,
    /// Said under "may", "might", "could": a possibility, not a commitment.
    pub hedged: bool,
    /// The holder adopted it ("approved", "passed", "voted for"): an act,
    /// which "the decision" may later name.
    pub adopted: bool,
}

impl Hit {
    /// A plain (not hedged) hit.
    pub fn new(actor: ActorId, kind: StanceKind) -> Hit {
        Hit {
            actor,
            kind,
            hedged: false,
            adopted: false,
        }
    }

    /// A hit from the cue at `cue`, with its stance `kind`.
    fn from_cue(doc: &Doc, cue: &CueHit, kind: StanceKind) -> Hit {
        let positive = matches!(kind, StanceKind::Supports | StanceKind::Proposes);
        Hit {
            actor: 0,
            kind,
            hedged: cue.hedged,
            adopted: positive && !cue.hedged && doc.lex.is_adopting_verb(doc.lw(cue.tok)),
        }
    }
}

/// A cue word found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueHit {
    /// Its token (global index).
    pub tok: usize,
    /// The stance after negation.
    pub kind: StanceKind,
    /// A noun or adjective cue ("criticism", "unacceptable").
    pub nominal: bool,
    /// An adjective of judgement: counts only when said of the proposal.
    pub judgement: bool,
    /// A verb of what a measure does ("hurts", "protects"): counts only
    /// with the proposal as its subject and a speaker.
    pub effect: bool,
    /// A verb followed by "that" ("suggesting that …"): a speech verb.
    pub speech: bool,
    /// Under "may", "might", "could".
    pub hedged: bool,
    /// Its verb group is in the future or hedged ("will be passed").
    pub irrealis: bool,
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
    /// A nested candidate ends where this one ends ("alterations to the
    /// plan that X criticised"): a cue after both belongs to the inner one.
    inner_at_end: Vec<bool>,
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
                if let Some(x) = in_phrase.get_mut(k.wrapping_sub(r.start)) {
                    *x = true;
                }
            }
            for k in c.name_start..c.name_end {
                if let Some(x) = in_name.get_mut(k.wrapping_sub(r.start)) {
                    *x = true;
                }
            }
            // Candidates come in head order; a containing phrase starts
            // earlier, so a running maximum of extents finds it.
            nested.push(max_extent >= c.name_end);
            max_extent = max_extent.max(c.desc.map_or(c.name_end, |d| d.1.max(c.name_end)));
        }
        // Candidates in head order: an inner one ending with an outer one
        // comes right after it or later with the same end.
        let mut inner_at_end = vec![false; cands.len()];
        for (i, c) in cands.iter().enumerate() {
            if nested[i] {
                if let Some(o) = (0..i)
                    .rev()
                    .find(|&o| !nested[o] && cands[o].name_end == c.name_end)
                {
                    inner_at_end[o] = true;
                }
            }
        }
        let mut m = Marks {
            s0: r.start,
            cands,
            in_name,
            in_phrase,
            cue_at: vec![None; len],
            nested,
            inner_at_end,
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

    /// Is token `k` inside a candidate phrase (determiners included)?
    pub fn in_phrase(&self, k: usize) -> bool {
        k >= self.s0 && self.in_phrase.get(k - self.s0).copied().unwrap_or(false)
    }

    /// Is candidate `ci` inside another candidate's phrase?
    pub fn is_nested(&self, ci: usize) -> bool {
        self.nested.get(ci).copied().unwrap_or(false)
    }

    fn cue(&self, k: usize) -> Option<CueHit> {
        if k < self.s0 {
            return None;
        }
        self.cue_at.get(k - self.s0).copied().flatten()
    }
}

/// Negation within the three words before a nominal cue ("not acceptable",
/// "no support").
fn negated(doc: &Doc, tok: usize, s0: usize) -> bool {
    let mut k = tok;
    let mut seen = 0;
    while k > s0 && seen < 3 {
        k -= 1;
        let w = doc.lw(k);
        if doc.is(k, Class::Neg) || w.ends_with("n't") || doc.lex.is_negating_verb(w) {
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

/// Is the cue at `k` undecided: inside a "whether" or "if" clause (an open
/// question, a condition) within the eight words before it, or a gerund
/// after a verb of weighing (`stances/weighing_verbs.txt`) or "not rule
/// out"?
fn undecided(doc: &Doc, k: usize, s0: usize) -> bool {
    // "is considering approving it", "did not rule out approving it": a
    // course weighed, not taken.
    if k > s0 + 1 && doc.lw(k).ends_with("ing") {
        let p = k - 1;
        if doc.lex.is_weighing_verb(doc.lw(p))
            || doc.lw(p) == "out"
                && matches!(doc.lw(p - 1), "rule" | "ruled" | "rules" | "ruling")
                && doc.verb_group(p - 1).negated
        {
            return true;
        }
    }
    let mut j = k;
    while j > s0 && k - j < 8 {
        j -= 1;
        let w = doc.lw(j);
        if matches!(w, "whether" | "if") {
            return true;
        }
        if doc.kind(j) == Some(TokenKind::Punct) || doc.lex.is_hard_boundary(w) {
            return false;
        }
    }
    false
}

/// A vote tally starting at token `k` ("five to two", "40-25", "by 40
/// votes to 25", "unanimously"), before `end`: the token after it.
pub(crate) fn tally_end(doc: &Doc, k: usize, end: usize) -> Option<usize> {
    let number = |j: usize| {
        j < end && (doc.kind(j) == Some(TokenKind::Number) || doc.lex.is_number_word(doc.lw(j)))
    };
    if doc.lw(k) == "unanimously" {
        return Some(k + 1);
    }
    let mut j = k;
    if doc.lw(j) == "by" {
        j += 1;
    }
    if !number(j) {
        return None;
    }
    if doc.lw(j).contains(['-', '–']) {
        return Some(j + 1);
    }
    j += 1;
    if matches!(doc.lw(j), "votes" | "vote") {
        j += 1;
    }
    if !matches!(doc.lw(j), "to" | "-" | "–") || !number(j + 1) {
        return None;
    }
    j += 2;
    Some(j)
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
        let favouring = matches!(
            w,
            "favoring" | "favouring" | "favors" | "favours" | "favored"
        ) && matches!(
            prev,
            "disproportionately" | "unfairly" | "unduly" | "overly" | "heavily"
        );
        let cue = if favouring {
            Some(crate::lexicon::Cue {
                kind: StanceKind::Criticizes,
                nominal: true,
                judgement: false,
                expressed: false,
            })
        } else if let Some(word) = hyphenated(doc, i, r.end) {
            // "short-sighted", "one-sided": the tokens of a hyphenated
            // cue, held at its first part.
            let Some(cue) = doc.lex.cue(&word, doc.lw(i + 3)) else {
                continue;
            };
            Some(cue)
        } else {
            doc.lex.cue(w, next).or_else(|| {
                // "voted five to two for the plan", "voted 40-25 against":
                // the particle after the tally.
                let after = tally_end(doc, i + 1, r.end)?;
                doc.lex.cue(w, doc.lw(after)).filter(|_| after > i + 1)
            })
        };
        let effect = if cue.is_none() {
            doc.lex.effect(w).map(|positive| crate::lexicon::Cue {
                kind: if positive {
                    StanceKind::Supports
                } else {
                    StanceKind::Criticizes
                },
                nominal: false,
                judgement: false,
                expressed: false,
            })
        } else {
            None
        };
        let Some(cue) = cue.or(effect) else { continue };
        // "showed interest in": only as the object of a verb of expressing.
        if cue.expressed && !expressed(doc, i, r.start) {
            continue;
        }
        // "appealed to voters" is no appeal against anything.
        if w.starts_with("appeal") && next == "to" {
            continue;
        }
        // A capitalised cue mid-sentence is a name ("Table Mountain"); a
        // verb cue after a determiner is an adjective ("the extended
        // meeting").
        if doc.is_cap(i) && i > r.start
            || !cue.nominal && i > r.start && doc.is(i - 1, Class::Det) && doc.lw(i - 1) != "that"
        {
            continue;
        }
        let (negative, hedged, irrealis) = if cue.nominal {
            (negated(doc, i, r.start), false, false)
        } else {
            let g = doc.verb_group(i);
            (
                g.negated,
                g.modality == Modality::Hedge,
                matches!(g.modality, Modality::Hedge | Modality::Future),
            )
        };
        let kind = if negative { negate(cue.kind) } else { cue.kind };
        // "whether it would support an appeal": undecided.
        let kind = if undecided(doc, i, r.start) {
            StanceKind::Neutral
        } else {
            kind
        };
        out.push(CueHit {
            tok: i,
            kind,
            nominal: cue.nominal,
            judgement: cue.judgement,
            effect: effect.is_some(),
            speech: !cue.nominal && next == "that",
            hedged,
            irrealis,
        });
    }
    out
}

/// The hyphenated word starting at token `i` ("short-sighted"): a word,
/// a hyphen and a word, written without spaces, before `end`.
fn hyphenated(doc: &Doc, i: usize, end: usize) -> Option<String> {
    (i + 2 < end && doc.hyphen_joins(i + 1) && doc.kind(i + 2) == Some(TokenKind::Word))
        .then(|| format!("{}-{}", doc.lw(i), doc.lw(i + 2)))
}

/// Is the noun at `i` the object of a verb of expressing ("voiced
/// interest", "showed little interest")? Such a verb stands within three
/// words to its left, with only modifiers between.
pub(crate) fn expressed(doc: &Doc, i: usize, s0: usize) -> bool {
    let mut k = i;
    while k > s0 && i - k < 3 {
        k -= 1;
        if doc.lex.is_expressing_verb(doc.lw(k)) {
            return true;
        }
        if doc.kind(k) != Some(TokenKind::Word) || doc.is(k, Class::Prep) || doc.is_cap(k) {
            return false;
        }
    }
    false
}

/// The nearest cue governing the candidate from the left.
fn left_cue(doc: &Doc, c: &Candidate, marks: &Marks, s0: usize) -> Option<CueHit> {
    // "passed by 40 votes", "rejected by the council": after "by" a phrase
    // is the agent or means of the verb, not what it governs.
    if c.np_start > s0 && doc.lw(c.np_start - 1) == "by" {
        return None;
    }
    let mut k = c.np_start;
    while k > s0 && c.np_start - k < MAX_CUE_DISTANCE {
        k -= 1;
        let w = doc.lw(k);
        // "called off after a late-night deal": an adjunct phrase is not
        // what the verb governs.
        if doc.lex.is_hard_boundary(w)
            || doc.opens_finite_clause(k)
            || matches!(w, "which" | "who")
            || doc.lex.is_adjunct_preposition(w) && !marks.in_phrase(k)
        {
            return None;
        }
        if let Some(hit) = marks.cue(k) {
            // A judgement before the phrase, or a participle describing
            // another proposal ("provisions … imposing restrictions"),
            // governs nothing here: look further left.
            if hit.judgement || hit.effect || modifies_proposal(doc, k, marks, s0) {
                continue;
            }
            return (!hit.speech).then_some(hit);
        }
        // Another verb between the cue and the phrase heads the clause
        // the phrase is in ("extended … meeting … failed to produce
        // agreement").
        if w == "that" || !marks.in_phrase(k) && is_clause_verb(doc, k) && doc.lw(k + 1) != "as" {
            return None;
        }
    }
    None
}

/// A verb that heads a clause of its own: a likely finite or base verb,
/// not an auxiliary, a negator or an adjectival participle ("the proposed
/// ban").
fn is_clause_verb(doc: &Doc, k: usize) -> bool {
    doc.kind(k) == Some(TokenKind::Word)
        && !doc.is_cap(k)
        && doc.is(k, Class::Verbish)
        && !doc.is(k, Class::Aux)
        && !doc.is(k, Class::Neg)
        && !doc.is(k, Class::ProposalHead)
        && !(k > 0 && (doc.is(k - 1, Class::Det) || doc.kind(k - 1) == Some(TokenKind::Possessive)))
}

/// Is the "-ing" cue at `k` a participle describing a proposal phrase
/// ("provisions mandating … and imposing restrictions"): right after the
/// phrase, or coordinated with a participle that is? Then it says what the
/// proposal does, not what an actor wants.
fn modifies_proposal(doc: &Doc, k: usize, marks: &Marks, s0: usize) -> bool {
    if !doc.lw(k).ends_with("ing") || k <= s0 {
        return false;
    }
    let after_phrase = |j: usize| j > s0 && marks.in_phrase(j - 1) && !doc.is(j - 1, Class::Aux);
    if after_phrase(k) {
        return true;
    }
    if !matches!(doc.lw(k - 1), "and" | "or") {
        return false;
    }
    let mut j = k - 1;
    while j > s0 && k - j < MAX_CUE_DISTANCE {
        j -= 1;
        let w = doc.lw(j);
        if doc.lex.is_hard_boundary(w) || doc.is(j, Class::ClauseWord) && w != "that" {
            return false;
        }
        // "provisions mandating …, and imposing": the participle that
        // starts the coordination, inside the phrase or right after it.
        if w.ends_with("ing") && doc.kind(j) == Some(TokenKind::Word) {
            return after_phrase(j) || marks.in_phrase(j) && j > s0 && marks.in_phrase(j - 1);
        }
    }
    false
}

/// Is everything between the proposal's name and a cue at `tok` a copula,
/// an auxiliary, an adverb, a negator, "as" or an opening quote mark ("is
/// unjust", "was seen as dangerous", "would hurt", 'called it "reckless"')?
/// Then the cue is said of the proposal.
fn said_of(doc: &Doc, from: usize, tok: usize) -> bool {
    (from..tok).all(|k| {
        let w = doc.lw(k);
        doc.is(k, Class::Aux)
            || doc.lex.is_be_form(w)
            || doc.is(k, Class::Adverb)
            || doc.is(k, Class::Neg)
            || matches!(
                w,
                "as" | "seen"
                    | "seems"
                    | "seemed"
                    | "looks"
                    | "looked"
                    | "remains"
                    | "remained"
                    | "became"
                    | "becomes"
                    | "was"
                    | "a"
                    | "an"
                    | "so"
                    | "too"
                    | "very"
                    | "deeply"
                    | "totally"
                    // A quoted judgement: 'called the plan "reckless"'.
                    | "\""
                    | "“"
                    | "‘"
            )
    })
}

/// A cue to the right: adjective/noun, passive, relative clause, judgement
/// or effect.
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
        // "was not perfect but was acceptable": a verb after "but" shares
        // the subject.
        let shared = matches!(w, "but" | "yet")
            && (doc.is(k + 1, Class::Aux) || doc.lex.is_be_form(doc.lw(k + 1)));
        if k > start && !shared && (doc.lex.is_hard_boundary(w) || matches!(w, "while" | "whereas"))
        {
            return None;
        }
        if let Some(hit) = marks.cue(k) {
            if hit.judgement || hit.effect {
                return said_of(doc, start, k).then_some(hit);
            }
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

/// The speaker of the sentence part holding token `k`, from the speech
/// layer ('"…," said Lavrov', '"…," he said', '… according to the EU', a
/// quote attributed to someone).
fn speaker_at(doc: &Doc, k: usize) -> Option<ActorId> {
    doc.speech_at(k).map(|f| f.speaker)
}

/// Pushes the subject of the verb group of the cue at `from` and any
/// actors coordinated with it; failing that, the speaker — unless the
/// clause has a subject of its own that names no actor ("but they
/// rejected it", "the companies argued"). "We" and "I" in someone's words
/// are the speaker.
fn push_subject(doc: &Doc, s0: usize, from: usize, marks: &Marks, hit: Hit, out: &mut Vec<Hit>) {
    // "with the opposition party voting against it": the name right before
    // a participle is its subject, even inside "with".
    if from > s0 && doc.lw(from).ends_with("ing") {
        if let Some(m) = doc.mention_at(from - 1) {
            if m.last == from && !marks.in_phrase(from - 1) {
                out.push(Hit {
                    actor: m.actor,
                    ..hit
                });
                return;
            }
        }
    }
    // "I am disappointed with …", "we reject it": in someone's words the
    // first person is the speaker, never an actor named earlier.
    if first_person_before(doc, s0, from) {
        if let Some(a) = speaker_at(doc, from) {
            out.push(Hit { actor: a, ..hit });
        }
        return;
    }
    if let Some((mut holders, first)) = parsed_subjects(doc, s0, from, marks) {
        // "The Dockers' Union and the Farmers' Union backed it": a name the
        // parse left out of the coordination (a plural possessive misleads
        // it), unless the parse gives it a role of its own ("met Y and Z
        // backed it": Y is an object).
        let own_role = |t: usize| {
            use crate::syntax::Deprel;
            doc.parse_of_token(t)
                .and_then(|sp| sp.word_of_token(t).map(|w| sp.words[w].deprel.universal()))
                .is_some_and(|d| {
                    matches!(d, Deprel::Obj | Deprel::Iobj | Deprel::Obl | Deprel::Nsubj)
                })
        };
        coordinated_before(doc, s0, first, &mut holders, &|t| !own_role(t));
        out.extend(holders.into_iter().map(|actor| Hit { actor, ..hit }));
        return;
    }
    if let Some(subject) = doc.subject_before(s0, from, &|k| marks.in_phrase(k)) {
        let mut holders = vec![subject.actor];
        if let Some(first) = subject.first {
            coordinated_before(doc, s0, first, &mut holders, &|_| true);
        }
        out.extend(holders.into_iter().map(|actor| Hit { actor, ..hit }));
        return;
    }
    let speaker = speaker_at(doc, from);
    match explicit_subject(doc, from, s0) {
        Some("we" | "i") | None => {}
        Some(_) => return,
    }
    if let Some(a) = speaker {
        out.push(Hit { actor: a, ..hit });
    }
}

/// The actors the learned parse makes the subject of the predicate at
/// token `from` ("Unions representing the workers oppose …": the unions,
/// not the workers): the `nsubj` of its verb (of the verb it is auxiliary
/// to) and the subject's conjuncts ("X and Y oppose"). `None` unless every
/// one of them is a named mention before `from` in this sentence, outside
/// a proposal phrase; a shared subject ("X met Y and rejected …") is left
/// to the caller's word-order search, which misreads it less often than
/// the parse attaches a second conjunct.
fn parsed_subjects(
    doc: &Doc,
    s0: usize,
    from: usize,
    marks: &Marks,
) -> Option<(Vec<ActorId>, usize)> {
    use crate::syntax::Deprel;
    let sp = doc.parse_of_token(from)?;
    let mut w = sp.word_of_token(from)?;
    if matches!(sp.words[w].deprel, Deprel::Aux | Deprel::AuxPass) {
        w = sp.words[w].head? as usize;
    }
    let subject = sp
        .children(w)
        .find(|&c| sp.words[c].deprel == Deprel::Nsubj)?;
    let mut words = vec![subject];
    words.extend(
        sp.children(subject)
            .filter(|&c| sp.words[c].deprel == Deprel::Conj),
    );
    let mut actors = Vec::new();
    let mut first = usize::MAX;
    for x in words {
        // "Itabirito mayor Rogério Tavares" parsed as one flat name headed
        // by its first word: the name is the one at its end.
        let t = sp
            .children(x)
            .filter(|&c| sp.words[c].deprel == Deprel::Flat && c > x)
            .max()
            .unwrap_or(x);
        let t = sp.words[t].token as usize;
        if t < s0 || t >= from || marks.in_phrase(t) {
            return None;
        }
        let m = doc.mention_at(t)?;
        if dateline(doc, s0, m.first, m.last) {
            return None;
        }
        first = first.min(m.first);
        if !actors.contains(&m.actor) {
            actors.push(m.actor);
        }
    }
    Some((actors, first))
}

/// Is the mention `first..last` a dateline that opens the sentence at `s0`
/// ("BRUSSELS — …", "LEEDS, England (Reuters) - …")? The parse may take it
/// for the subject; it is where the story was filed.
fn dateline(doc: &Doc, s0: usize, first: usize, last: usize) -> bool {
    let dash = |k: usize| matches!(doc.lw(k), "—" | "–" | "-" | "--");
    first == s0 && (dash(last) || doc.lw(last) == "," && (last + 1..last + 8).any(dash))
}

/// Is "I" or "we" the subject of the cue at `from`, right before it or
/// before its auxiliaries and adverbs ("I'm deeply disappointed", "we
/// will not accept")?
fn first_person_before(doc: &Doc, s0: usize, from: usize) -> bool {
    let mut k = from;
    let mut steps = 0;
    while k > s0 && steps < 4 {
        let p = k - 1;
        let w = doc.lw(p);
        let aux = doc.is(p, Class::Aux)
            || doc.is(p, Class::Adverb)
            || doc.is(p, Class::Neg)
            || doc.lex.is_be_form(w)
            || matches!(
                w,
                "'m" | "’m" | "'re" | "’re" | "'ve" | "’ve" | "'ll" | "’ll" | "m" | "re"
            );
        if !aux {
            break;
        }
        k = p;
        steps += 1;
    }
    k > s0
        && matches!(
            doc.lw(k - 1),
            "i" | "we" | "i'm" | "i’m" | "we're" | "we’re" | "i've" | "i’ve" | "we've" | "we’ve"
        )
}

/// The word right before a verb group at `from` when it is a subject that
/// is not an actor mention: a pronoun or a plain noun ("they", "the
/// companies").
fn explicit_subject<'d>(doc: &Doc<'d>, from: usize, s0: usize) -> Option<&'d str> {
    if from <= s0 {
        return None;
    }
    let p = from - 1;
    let w = doc.text.get(doc.tokens[p].range())?;
    if doc.kind(p) != Some(TokenKind::Word) || doc.mention_at(p).is_some() {
        return None;
    }
    let lower = doc.lw(p);
    if doc.is(p, Class::Pron) && !doc.is(p, Class::ClauseWord) {
        return Some(if lower == "we" {
            "we"
        } else if lower == "i" {
            "i"
        } else {
            w
        });
    }
    let noun = !(doc.is(p, Class::Prep)
        || doc.is(p, Class::Conj)
        || doc.is(p, Class::ClauseWord)
        || doc.is(p, Class::Det)
        || doc.is(p, Class::Verbish)
        || doc.is(p, Class::Adverb)
        || doc.is(p, Class::Quantifier)
        || doc.lex.is_speech_verb(lower));
    (noun && p > s0 && doc.is(p - 1, Class::Det)).then_some(w)
}

/// Actors coordinated before the mention starting at `first`
/// ("Israel and Hamas agree", "Qatar, Egypt and the United States").
/// `keep` sees the last token of each such name.
fn coordinated_before(
    doc: &Doc,
    s0: usize,
    mut first: usize,
    out: &mut Vec<usize>,
    keep: &dyn Fn(usize) -> bool,
) {
    // Coordinated names share the subject's phrase: outside any, or inside
    // the same one ("after Russia and Iran agreed", "including A and B").
    let pp = doc.in_pp(first);
    for _ in 0..4 {
        // "the United Nations and the United States": the article before a
        // name that does not include it.
        if first > s0 && doc.lw(first - 1) == "the" && doc.mention_at(first - 1).is_none() {
            first -= 1;
        }
        if first < s0 + 2 || !matches!(doc.lw(first - 1), "and" | "," | "or") {
            return;
        }
        let mut k = first - 2;
        if doc.lw(k) == "," && k > s0 {
            k -= 1;
        }
        // "the Prosperous Justice Party (PKS) and …": past a bracketed
        // abbreviation to the name it abbreviates.
        if doc.lw(k) == ")" {
            let floor = k.saturating_sub(4).max(s0 + 1);
            if let Some(open) = (floor..k).rev().find(|&j| doc.lw(j) == "(") {
                k = open - 1;
            }
        }
        match doc.mention_at(k) {
            Some(m) if doc.in_pp(m.first) == pp && m.last == k + 1 && keep(k) => {
                if !out.contains(&m.actor) {
                    out.push(m.actor);
                }
                first = m.first;
            }
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

/// A word of belief that governs the cue at `tok` ("is confident the deal
/// will be passed", "fears the tax would hurt"), when the cue is in the
/// future or hedged: its holder and polarity.
fn prediction(doc: &Doc, cue: &CueHit, s0: usize, marks: &Marks) -> Option<(ActorId, bool)> {
    if !cue.irrealis {
        return None;
    }
    let first = if cue.nominal {
        cue.tok
    } else {
        doc.verb_group(cue.tok).first
    };
    let mut k = first;
    while k > s0 && first - k < MAX_ATTITUDE_DISTANCE {
        k -= 1;
        let w = doc.lw(k);
        if doc.lex.is_hard_boundary(w) {
            return None;
        }
        if let Some(positive) = doc.lex.attitude(w) {
            let holder = doc
                .subject_before(s0, k, &|j| marks.in_phrase(j))
                .map(|s| s.actor)
                .or_else(|| speaker_at(doc, k))?;
            return Some((holder, positive));
        }
    }
    None
}

/// The stance a believer takes on a predicted outcome: wanting a
/// supported outcome supports, dreading it opposes.
fn predicted(kind: StanceKind, positive: bool) -> StanceKind {
    use StanceKind::*;
    match (kind, positive) {
        (k, true) => k,
        (Proposes | Supports, false) => Opposes,
        (Opposes | Criticizes, false) => Supports,
        (k, false) => k,
    }
}

/// Most tokens between a proposal noun and the infinitive that
/// completes it ("calls from opposition parties to block …").
const MAX_NOUN_INFINITIVE_GAP: usize = 6;

/// When the verb cue at `tok` is the infinitive of another proposal noun
/// ("calls … to block the scheme", "a bid to scrap the tax"): `Some` of who
/// made that proposal ("from X", "by X" between the two, or the noun's
/// possessor), `Some(None)` when the article does not say. `None` when the
/// cue is no such infinitive.
fn infinitive_of_proposal(
    doc: &Doc,
    tok: usize,
    ci: usize,
    marks: &Marks,
) -> Option<Option<ActorId>> {
    let to = doc.verb_group(tok).first.checked_sub(1)?;
    if doc.lw(to) != "to" {
        return None;
    }
    let s0 = marks.s0;
    let mut k = to;
    while k > s0 && to - k < MAX_NOUN_INFINITIVE_GAP {
        k -= 1;
        if let Some(j) = marks.cands.iter().position(|x| x.head_tok == k) {
            if j == ci {
                return None;
            }
            let named = (k + 1..to).find_map(|t| {
                matches!(doc.lw(t), "from" | "by")
                    .then(|| doc.mention_at(t + 1).map(|m| m.actor))
                    .flatten()
            });
            return Some(named.or(marks.cands[j].possessor));
        }
        let w = doc.lw(k);
        if doc.kind(k) == Some(TokenKind::Punct) || doc.is(k, Class::Verbish) && !doc.in_pp(k) {
            return None;
        }
        if w == "to" {
            return None;
        }
    }
    None
}

/// Stances on candidate `c`, at most one per cue; and whether any cue
/// governs it (even without a resolved holder).
pub fn stances_for(doc: &Doc, s: usize, ci: usize, marks: &Marks) -> (Vec<Hit>, bool) {
    let r = doc.sentence_range(s);
    let mut out = Vec::new();
    let Some(c) = marks.cands.get(ci) else {
        return (out, false);
    };
    // A phrase inside another takes no cue from the left (it governs the
    // outer phrase), only one after both that attaches to it.
    let nested = marks.is_nested(ci);
    if !nested {
        out.extend(c.preset.iter().copied());
        out.extend(authored_by(doc, c));
        out.extend(made_by(doc, c));
    }
    let left = if nested || complement_of_another(doc, c, marks, r.start) {
        None
    } else {
        left_cue(doc, c, marks, r.start)
    };
    let shares_end = marks.inner_at_end.get(ci).copied().unwrap_or(false);
    let right = if shares_end || nested && !relative_or_between(doc, c) {
        None
    } else {
        right_cue(doc, c, marks, r.end)
    };
    let left = match left {
        Some(cue) if !cue.nominal => match infinitive_of_proposal(doc, cue.tok, ci, marks) {
            // "rejected calls from the opposition to block the scheme": the
            // callers' stance on the scheme, never the subject's.
            Some(callers) => {
                let hit = Hit::from_cue(doc, &cue, adjust(doc, c, cue.kind));
                out.extend(callers.map(|a| Hit { actor: a, ..hit }));
                None
            }
            None => Some(cue),
        },
        other => other,
    };
    if let Some(cue) = left {
        // "struck down the law in a ruling": the ruling is the subject's
        // own act, whatever the verb does to the law.
        let kind = if issued_in(doc, c, cue.tok) {
            StanceKind::Proposes
        } else {
            adjust(doc, c, cue.kind)
        };
        let hit = Hit::from_cue(doc, &cue, kind);
        if let Some((holder, positive)) = prediction(doc, &cue, r.start, marks) {
            out.push(Hit::new(holder, predicted(kind, positive)));
        } else {
            let possessor = if cue.nominal {
                cue_possessor(doc, cue.tok, r.start)
            } else {
                None
            };
            match possessor {
                Some(a) => out.push(Hit { actor: a, ..hit }),
                None => {
                    // "urged Canada to accept the plan": the asker's stance.
                    let controller = if cue.nominal {
                        None
                    } else {
                        doc.infinitive_controller(cue.tok)
                    };
                    if let Some(a) = controller {
                        out.push(Hit { actor: a, ..hit });
                    } else {
                        let from = if cue.nominal {
                            cue.tok
                        } else {
                            doc.verb_group(cue.tok).first
                        };
                        push_subject(doc, r.start, from, marks, hit, &mut out)
                    }
                }
            }
        }
    }
    if let Some(cue) = right {
        let kind = adjust(doc, c, cue.kind);
        let hit = Hit::from_cue(doc, &cue, kind);
        if let Some((holder, positive)) = prediction(doc, &cue, r.start, marks) {
            // "X is confident the deal will be passed by Y": X's hope, not Y's stance.
            out.push(Hit::new(holder, predicted(kind, positive)));
        } else if cue.effect || cue.judgement && !said_by_subject(doc, c, r.start) {
            // What a measure does, or a judgement of it, in someone's words.
            if let Some(a) = speaker_at(doc, cue.tok).or_else(|| speaker_at(doc, c.head_tok)) {
                out.push(Hit { actor: a, ..hit });
            } else if cue.judgement && left.is_none() {
                push_subject(doc, r.start, c.np_start, marks, hit, &mut out);
            }
        } else {
            // Subject between the proposal and the cue (relative clause), the
            // agent of a passive, or the subject of the clause.
            let between = (c.name_end..cue.tok)
                .rev()
                .filter(|&k| !marks.in_phrase(k) && !doc.in_pp(k))
                .find_map(|k| doc.mention_at(k).map(|m| m.actor));
            // "despite objections from the chamber", "amid criticism by
            // unions": the noun's own holder.
            let from = if cue.nominal {
                from_or_by(doc, cue.tok + 1)
            } else {
                Vec::new()
            };
            let agents = doc.agents_after_participle(cue.tok);
            let own_possessor = if cue.nominal && cue.tok > c.name_end + 1 {
                cue_possessor(doc, cue.tok, c.name_end)
            } else {
                None
            };
            if !from.is_empty() {
                out.extend(from.into_iter().map(|a| Hit { actor: a, ..hit }));
            } else if let Some(a) = between {
                out.push(Hit { actor: a, ..hit });
            } else if !agents.is_empty() {
                out.extend(agents.into_iter().map(|a| Hit { actor: a, ..hit }));
            } else if left.is_none() && (cue.nominal || relative_or_between(doc, c)) {
                // A bare passive ("a truce agreed in May") names no holder.
                match own_possessor {
                    Some(a) => out.push(Hit { actor: a, ..hit }),
                    None => push_subject(doc, r.start, c.np_start, marks, hit, &mut out),
                }
            }
        }
    }
    // Neutral cues ("study", "consider", "possible") are too common to
    // make a phrase a proposal on their own.
    let governed = [left, right]
        .iter()
        .flatten()
        .any(|cue| cue.kind != StanceKind::Neutral)
        || !c.preset.is_empty();
    (out, governed)
}

/// "demanded a referendum on the plan", "opposed amendments to the bill":
/// a proposal right after another's name and a preposition is what that
/// one is about; a cue before both governs the first only.
fn complement_of_another(doc: &Doc, c: &Candidate, marks: &Marks, s0: usize) -> bool {
    let Some(p) = c.np_start.checked_sub(1).filter(|&p| p > s0) else {
        return false;
    };
    matches!(
        doc.lw(p),
        "on" | "over" | "about" | "to" | "for" | "of" | "against"
    ) && marks
        .cands
        .iter()
        .any(|o| o.name_end == p && o.head_tok < c.head_tok)
}

/// "called the plan dangerous", "described the law as unjust": a verb
/// before the proposal whose subject judges it (not a speaker elsewhere).
fn said_by_subject(doc: &Doc, c: &Candidate, s0: usize) -> bool {
    c.np_start > s0 && {
        let v = c.np_start - 1;
        doc.is(v, Class::Verbish) && !doc.is(v, Class::Aux) && !doc.lex.is_be_form(doc.lw(v))
    }
}

/// "a proposal from the European Commission", "a plan by Germany", "a
/// request from Kyiv": the actor right after the name, after "from" or
/// "by", made it. Not for demands ("demand from China" is often a market's)
/// or deals (made between parties).
fn made_by(doc: &Doc, c: &Candidate) -> Vec<Hit> {
    use crate::lexicon::Family;
    let made = matches!(
        c.head.family,
        Family::Plan | Family::Request | Family::Bill | Family::Policy | Family::Ruling
    );
    // "a plan by Medlink to close the ward": the author inside the name.
    let p = if doc.lw(c.head_tok + 1) == "by" && c.name_end > c.head_tok + 1 {
        c.head_tok + 1
    } else {
        c.name_end
    };
    if !made || c.desc.is_some_and(|(a, _)| a <= p) {
        return Vec::new();
    }
    from_or_by(doc, p)
        .into_iter()
        .map(|a| Hit::new(a, StanceKind::Proposes))
        .collect()
}

/// The actors named by "by X" (all agents: "by X and Y") or "from (the)
/// X" starting at token `p`; empty when neither starts there.
fn from_or_by(doc: &Doc, p: usize) -> Vec<ActorId> {
    let at = match doc.lw(p) {
        "by" => return doc.agents_at(p),
        "from" if doc.is(p + 1, Class::Det) => p + 2,
        "from" => p + 1,
        _ => return Vec::new(),
    };
    doc.mention_at(at)
        .map(|m| vec![m.actor])
        .unwrap_or_default()
}

/// "conditions set by the European Commission": a participle + "by" + actor
/// right after the name names its author (or, for a cue verb, its stance).
fn authored_by(doc: &Doc, c: &Candidate) -> Vec<Hit> {
    let mut p = c.name_end;
    if doc.lw(p) == "," {
        p += 1;
    }
    let w = doc.lw(p);
    // "put forward by", "drawn up by", "set out by".
    let by = if matches!(doc.lw(p + 1), "forward" | "up" | "out") {
        p + 2
    } else {
        p + 1
    };
    if doc.lw(by) != "by" {
        return Vec::new();
    }
    let kind = match doc.lex.cue(w, doc.lw(p + 1)) {
        Some(cue) if doc.is(p, Class::Participle) || w == "put" => cue.kind,
        _ if doc.lex.is_authoring_participle(w) => StanceKind::Proposes,
        _ => return Vec::new(),
    };
    doc.agents_at(by)
        .into_iter()
        .map(|a| Hit::new(a, kind))
        .collect()
}

/// Is `c` a ruling, decision or judgment introduced by a preposition of
/// the instrument ("blocked the law in a ruling", "with a decision"),
/// after the object of the verb cue at `cue` (not its own complement, as
/// in "disappointed with the decision"), with no possessor of its own?
/// Then the clause's subject issued it.
fn issued_in(doc: &Doc, c: &Candidate, cue: usize) -> bool {
    c.head.family == crate::lexicon::Family::Ruling
        && c.possessor.is_none()
        && c.np_start > cue + 3
        && doc.lex.is_issuing_preposition(doc.lw(c.np_start - 1))
        && (cue + 1..c.np_start - 1).any(|k| {
            doc.kind(k) == Some(TokenKind::Word)
                && !doc.lex.is_particle(doc.lw(k))
                && !doc.is(k, Class::Det)
        })
}

/// "support for alterations to X" criticises X; "found certain components
/// of X agreeable" is mixed; "called for X to be scrapped" opposes X.
fn adjust(doc: &Doc, c: &Candidate, kind: StanceKind) -> StanceKind {
    let a = c.np_start;
    let before1 = if a >= 1 { doc.lw(a - 1) } else { "" };
    let before2 = if a >= 2 { doc.lw(a - 2) } else { "" };
    let alteration = before1 == "to" && doc.lex.is_alteration_noun(before2);
    let partial = before1 == "of" && doc.lex.is_part_noun(before2);
    // "called for the plan to be scrapped": wanting it undone opposes it.
    let undone = doc.lw(c.name_end) == "to" && doc.lw(c.name_end + 1) == "be" && {
        let w = doc.lw(c.name_end + 2);
        doc.lex.reverse_verb(w).is_some()
            || doc
                .lex
                .cue(w, doc.lw(c.name_end + 3))
                .is_some_and(|q| !q.nominal && q.kind == StanceKind::Opposes)
    };
    match kind {
        StanceKind::Supports | StanceKind::Proposes if undone => StanceKind::Opposes,
        StanceKind::Supports | StanceKind::Proposes if alteration => StanceKind::Criticizes,
        StanceKind::Supports if partial => StanceKind::Mixed,
        k => k,
    }
}
