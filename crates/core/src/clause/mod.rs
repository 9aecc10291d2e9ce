//! Clauses: the predicate–argument questions that proposals, stances,
//! facts and quotes ask, answered in one place.
//!
//! The interface is small on purpose, so that its implementation can move
//! from rules to a dependency parse without its callers changing:
//!
//! | question | answer | with a parse it is |
//! |---|---|---|
//! | [`Doc::verb_group`] | auxiliaries, negation, modality, passive of a verb | `aux`, `aux:pass`, `advmod` (not), `xcomp` of refuse/fail |
//! | [`Doc::subject_of`] | the actor that is the subject (pronouns resolved) | `nsubj`, or `obl:agent` for a passive |
//! | [`Doc::agents_after_participle`] | the actors after "by" of a passive | `obl:agent` (+ `conj`) |
//! | [`Doc::object_after`] | the object or complement phrase after a verb | `obj`, `xcomp`, `obl` of a particle verb |
//! | [`Doc::clause_end`] | where a clause stops | the yield of the clause head |
//! | [`speech`] | who said what: reported speech and quotes | `ccomp`/`parataxis` of a speech verb, its `nsubj` |
//!
//! Today the answers come from the word classes of [`crate::syntax`] and the
//! mention layer (rules, no parse). Every query is a bounded scan, so the
//! callers stay linear.

pub mod speech;
#[cfg(test)]
mod tests;

use crate::doc::Doc;
use crate::drafts::ActorId;
use crate::syntax::Class;
use crate::tokenize::TokenKind;

/// What a modal says about the verb it governs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Modality {
    /// No modal: a plain statement ("rejected", "supports").
    #[default]
    Plain,
    /// "will", "would", "shall": the future or a reported intent.
    Future,
    /// "may", "might", "could", "can": a possibility, not a position.
    Hedge,
    /// "should", "must", "ought to": an obligation.
    Obligation,
}

/// A verb with the auxiliaries, negation and control verbs before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerbGroup {
    /// First token of the group (an auxiliary, a negator, a control verb
    /// such as "refused", or the verb itself).
    pub first: usize,
    /// The lexical verb.
    pub verb: usize,
    /// Negated: "did not back", "never supported", "refused to sign".
    pub negated: bool,
    /// The modal, if any.
    pub modality: Modality,
    /// A form of "be" before a participle: "was rejected", "has been signed".
    pub passive: bool,
}

/// How far left, in tokens, a verb group may reach.
const MAX_GROUP: usize = 8;
/// How far right of a passive participle, in tokens, its "by" phrase may be.
const MAX_AGENT_GAP: usize = 12;
/// How far right, in tokens, an object phrase may reach.
pub const MAX_OBJECT: usize = 14;

impl Doc<'_> {
    /// The verb group of the verb at token `v`: walks left over adverbs,
    /// negators, auxiliaries and modals, and over "to" after a control verb
    /// ("refused to back", "vowed to block", "did not agree to sign"),
    /// within the sentence. A bounded scan.
    pub fn verb_group(&self, v: usize) -> VerbGroup {
        let s0 = self
            .sentence_range(self.tokens.get(v).map_or(0, |t| t.sentence_index()))
            .start;
        let mut g = VerbGroup {
            first: v,
            verb: v,
            negated: false,
            modality: Modality::Plain,
            passive: false,
        };
        let participle = self.is_past_participle(v);
        let mut adjacent = true; // nothing but adverbs between here and the verb
        let mut k = v;
        let mut steps = 0;
        while k > s0 && steps < MAX_GROUP {
            let p = k - 1;
            let w = self.lw(p);
            steps += 1;
            if self.kind(p) != Some(TokenKind::Word) {
                break;
            }
            if self.is(p, Class::Neg) || w.ends_with("n't") || w == "cannot" {
                g.negated = true;
                if let Some(m) = self.modality_of(w) {
                    g.modality = m;
                }
                g.first = p;
                k = p;
                continue;
            }
            if self.is(p, Class::Adverb) && w != "not" {
                g.first = p;
                k = p;
                continue;
            }
            if self.is(p, Class::Aux) || self.lex.is_be_form(w) {
                if let Some(m) = self.modality_of(w) {
                    g.modality = m;
                }
                if adjacent && participle && (self.lex.is_be_form(w) || w == "got") {
                    g.passive = true;
                }
                adjacent = false;
                g.first = p;
                k = p;
                continue;
            }
            if w == "got" && adjacent && participle {
                g.passive = true;
                adjacent = false;
                g.first = p;
                k = p;
                continue;
            }
            if w == "to" && p > s0 {
                // "refused to back", "vowed to block", "is going to sign",
                // "ought to pass".
                let c = p - 1;
                let cw = self.lw(c);
                if cw == "ought" {
                    g.modality = Modality::Obligation;
                    g.first = c;
                    k = c;
                    continue;
                }
                if cw == "going" {
                    g.modality = Modality::Future;
                    g.first = c;
                    k = c;
                    continue;
                }
                if self.lex.is_negating_verb(cw) {
                    g.negated = !g.negated;
                    g.first = c;
                    k = c;
                    adjacent = false;
                    continue;
                }
                if self.is_control_verb_at(c) {
                    g.first = c;
                    k = c;
                    adjacent = false;
                    continue;
                }
            }
            break;
        }
        g
    }

    /// The modality a modal word expresses.
    fn modality_of(&self, w: &str) -> Option<Modality> {
        if self.lex.is_hedge_modal(w) {
            Some(Modality::Hedge)
        } else if self.lex.is_future_modal(w) {
            Some(Modality::Future)
        } else if self.lex.is_obligation_modal(w) {
            Some(Modality::Obligation)
        } else {
            None
        }
    }

    /// Can token `c` govern an infinitive ("vowed", "plans", "wants")? A
    /// verb-like word that is not an auxiliary, a noun after a determiner
    /// ("the move to ban") or a name.
    fn is_control_verb_at(&self, c: usize) -> bool {
        let w = self.lw(c);
        if self.kind(c) != Some(TokenKind::Word) || self.is_cap(c) || self.is(c, Class::Aux) {
            return false;
        }
        if c > 0 && (self.is(c - 1, Class::Det) || self.kind(c - 1) == Some(TokenKind::Possessive))
        {
            return false;
        }
        self.lex.is_control_verb(w)
            || self.lex.is_intent_verb(w)
            || self.is(c, Class::Verbish) && !self.is(c, Class::ProposalHead)
    }

    /// The asker of the infinitive at `v` when it follows the addressee of
    /// a verb of asking: "urged Canada to lift the ban", "asked the
    /// governments not to turn away boats" (the subject of "urged",
    /// "asked"). `None` for "was asked to", "asked to join" (no addressee)
    /// or any other infinitive.
    pub fn infinitive_controller(&self, v: usize) -> Option<ActorId> {
        let s0 = self
            .sentence_range(self.tokens.get(v)?.sentence_index())
            .start;
        let mut t = v.checked_sub(1)?;
        if self.lw(t) != "to" || t <= s0 {
            return None;
        }
        if self.is(t - 1, Class::Neg) {
            t -= 1;
        }
        let mut k = t;
        while k > s0 && t - k < 10 {
            k -= 1;
            let w = self.lw(k);
            if self.lex.is_request_verb(w) && !self.is_cap(k) && self.mention_at(k).is_none() {
                let g = self.verb_group(k);
                if k + 1 == t || g.passive {
                    return None;
                }
                return self.subject_of(&g, &|_| false);
            }
            if matches!(w, "on" | "upon") || self.mention_at(k).is_some() {
                continue;
            }
            if self.kind(k) == Some(TokenKind::Punct) && w != "-" {
                return None;
            }
            if self.is(k, Class::Verbish) && !self.is(k, Class::Det) {
                return None;
            }
        }
        None
    }

    /// Looks like a past participle: -ed, or an irregular one ("struck",
    /// "withdrawn").
    pub fn is_past_participle(&self, v: usize) -> bool {
        let w = self.lw(v);
        (w.len() > 3 && w.ends_with("ed")) || self.lex.is_irregular_participle(w)
    }

    /// The subject of the verb group `g`: the nearest actor mention to the
    /// left outside prepositional phrases (see [`Doc::subject_before`]),
    /// with "he", "she", "it", "they" and "the group"-style descriptions
    /// resolved. `skip` rules tokens out (for example those inside the
    /// proposal phrase being judged).
    pub fn subject_of(&self, g: &VerbGroup, skip: &dyn Fn(usize) -> bool) -> Option<ActorId> {
        let s = self.tokens.get(g.first)?.sentence_index();
        let s0 = self.sentence_range(s).start;
        self.subject_before(s0, g.first, skip).map(|x| x.actor)
    }

    /// The actors after "by" at token `k` ("by Qatar, Egypt and the United
    /// States", "by the town's mayor, Robert Klein", "by Environment
    /// Minister Clara Vella"); empty when `k` is not "by".
    pub fn agents_at(&self, k: usize) -> Vec<ActorId> {
        let mut out = Vec::new();
        if self.lw(k) != "by" {
            return out;
        }
        let s1 = self.sentence_end_of(k);
        let mut k = k + 1;
        for _ in 0..5 {
            // Determiners, titles, role nouns and a possessive before the
            // name: "the town's mayor, Robert Klein".
            // Any plain words before the name: "the shipping group Calder
            // & Reed", "the town's mayor, Robert Klein".
            let start = k;
            while k < s1 && k < start + 6 && self.mention_at(k).is_none() {
                let w = self.lw(k);
                let skip = match self.kind(k) {
                    Some(TokenKind::Word) => {
                        !(self.is(k, Class::Prep) && w != "of"
                            || self.is(k, Class::Conj)
                            || self.is(k, Class::ClauseWord)
                            || self.is(k, Class::Pron) && !self.is(k, Class::Det)
                            || self.is(k, Class::Verbish) && !self.is(k, Class::ActingBody))
                    }
                    Some(TokenKind::Possessive) => true,
                    Some(TokenKind::Punct) => w == "," && k > start,
                    _ => false,
                };
                if !skip {
                    break;
                }
                k += 1;
            }
            let Some(m) = self.mention_at(k) else { break };
            if !out.contains(&m.actor) {
                out.push(m.actor);
            }
            k = m.last;
            match self.lw(k) {
                "and" | "or" => k += 1,
                "," if self.lw(k + 1) == "and" => k += 2,
                _ => break,
            }
        }
        out
    }

    /// The agents after a passive participle at token `v`: "by" right
    /// after it, or after a short time or place phrase ("introduced in May
    /// by the mayor"), or later in the same clause, before any punctuation,
    /// conjunction or clause word ("banned from holding rallies in the
    /// square by the council").
    pub fn agents_after_participle(&self, v: usize) -> Vec<ActorId> {
        let s1 = self.sentence_end_of(v);
        let mut k = v + 1;
        if matches!(
            self.lw(k),
            "in" | "on" | "at" | "during" | "last" | "this" | "earlier"
        ) {
            let stop = s1.min(k + 5);
            while k < stop && self.lw(k) != "by" {
                if self.kind(k) == Some(TokenKind::Punct) && self.lw(k) != "," {
                    break;
                }
                k += 1;
            }
        } else if matches!(self.lw(k), "forward" | "up" | "out" | "down") {
            k += 1;
        }
        let agents = self.agents_at(k);
        if !agents.is_empty() {
            return agents;
        }
        // Further on in the same clause: "was banned from holding rallies in
        // the square by the city council".
        let stop = s1.min(v + 1 + MAX_AGENT_GAP);
        for j in v + 1..stop {
            if self.kind(j) == Some(TokenKind::Punct)
                || self.is(j, Class::ClauseWord) && !self.is(j, Class::Det)
                || self.is(j, Class::Conj)
            {
                break;
            }
            if self.lw(j) == "by" {
                return self.agents_at(j);
            }
        }
        agents
    }

    /// One past the last token of the sentence holding token `k`.
    pub fn sentence_end_of(&self, k: usize) -> usize {
        self.tokens
            .get(k)
            .map_or(0, |t| self.sentence_range(t.sentence_index()).end)
    }

    /// The object or complement phrase that starts at token `i` (right after
    /// a verb and its particle): a noun phrase with one "of"/"for"/"on"
    /// complement ("the construction of a new runway"), a gerund phrase
    /// ("lifting the sanctions"), or an infinitive ("to lift the ban"). The
    /// token range, or `None` when a clause, a pronoun or nothing follows.
    pub fn object_after(&self, i: usize) -> Option<std::ops::Range<usize>> {
        let s1 = self.sentence_end_of(i);
        let mut i = self.skip_adverbs(i, s1);
        if i >= s1 {
            return None;
        }
        let w = self.lw(i);
        if matches!(
            w,
            "that" | "whether" | "if" | "how" | "why" | "what" | "when"
        ) {
            return None;
        }
        if w == "to" || self.is(i, Class::Neg) && self.lw(i + 1) == "to" {
            // "to lift the ban", "not to turn away boats".
            let v = i + 1 + usize::from(w != "to");
            if !self.is_base_verb(v) {
                return None;
            }
            let end = self.clause_end(v + 1, s1).min(v + MAX_OBJECT);
            return Some(i..end);
        }
        if self.is(i, Class::Pron) && !self.is(i, Class::Det) {
            return None;
        }
        if w.ends_with("ing") && w.len() > 5 && !self.is(i, Class::Det) && !self.is_cap(i) {
            // A gerund phrase: "lifting the sanctions", "building a wall".
            let end = self.np_end(i + 1, s1);
            return Some(i..end.max(i + 1));
        }
        if self.kind(i) == Some(TokenKind::Punct) {
            return None;
        }
        let end = self.np_end(i, s1);
        (end > i).then(|| {
            // Trailing determiners or prepositions are never the end.
            let mut e = end;
            while e > i + 1 && (self.is(e - 1, Class::Det) || self.is(e - 1, Class::Prep)) {
                e -= 1;
            }
            i = i.min(e);
            i..e
        })
    }

    /// One past a noun phrase starting at `i`: determiners, modifiers,
    /// nouns, names, numbers and possessives, then at most one complement
    /// after "of", "for", "on", "against", "to" (+ a determiner or a name)
    /// or "from". Stops at verbs, clause words and punctuation.
    pub fn np_end(&self, i: usize, s1: usize) -> usize {
        let limit = s1.min(i + MAX_OBJECT);
        let mut k = i;
        let mut end = i;
        let mut complements = 0;
        let mut after_det = false;
        while k < limit {
            let w = self.lw(k);
            let tok = self.tokens[k];
            let ok = match tok.kind {
                TokenKind::Possessive | TokenKind::Number => true,
                TokenKind::Punct => {
                    (w == "-" && !tok.space_before)
                        || (matches!(w, "%" | "$" | "€" | "£") && k > i)
                        || (w == "," && self.is_cap(k - 1) && self.is_cap(k + 1) && k > i)
                }
                TokenKind::Word => {
                    // "one-off", "cross-border": the word after a glued
                    // hyphen is part of the compound, whatever it is alone.
                    let compound = k > i && self.hyphen_joins(k - 1)
                        || k + 2 < limit && self.hyphen_joins(k + 1);
                    if compound || self.mention_at(k).is_some() || self.is_cap(k) && k > i {
                        true
                    } else if matches!(w, "of" | "for" | "on" | "against" | "from" | "over")
                        || w == "to" && (self.is(k + 1, Class::Det) || self.is_cap(k + 1))
                    {
                        if k == i || complements >= 1 {
                            false
                        } else {
                            complements += 1;
                            true
                        }
                    } else if w == "and" || w == "or" {
                        // "the police and the army"; "building and running".
                        self.is_cap(k + 1) && !self.is(k + 1, Class::Det)
                            || self.is(k + 1, Class::Det) && k > i && self.is_cap(k - 1)
                    } else if self.is(k, Class::Det) {
                        after_det = true;
                        k == i || !self.is(k - 1, Class::Det)
                    } else {
                        let verbish = self.is(k, Class::Verbish)
                            && !(after_det && self.is(k, Class::Participle))
                            && !self.is(k, Class::ProposalHead);
                        !(self.is(k, Class::Prep)
                            // "further donations": a quantifier opens it.
                            || self.lex.is_non_noun(w) && !(k == i && self.is(k, Class::Quantifier))
                            || self.is(k, Class::ClauseWord) && !self.is(k, Class::Det)
                            || self.is(k, Class::Conj)
                            || self.is(k, Class::Aux)
                            || self.is(k, Class::Pron) && !self.is(k, Class::Det)
                            || self.is(k, Class::Neg)
                            || verbish && k > i)
                    }
                }
            };
            if !ok {
                break;
            }
            if tok.kind == TokenKind::Word && !self.is(k, Class::Det) {
                after_det = false;
            }
            k += 1;
            let function = matches!(
                w,
                "of" | "for" | "on" | "against" | "from" | "over" | "to" | "and" | "or"
            ) || tok.kind == TokenKind::Punct && w != "%";
            if !function {
                end = k;
            }
        }
        end
    }

    /// Could token `v` be a verb's base form ("to lift", "to turn away")?
    pub fn is_base_verb(&self, v: usize) -> bool {
        let w = self.lw(v);
        self.kind(v) == Some(TokenKind::Word)
            && !self.is_cap(v)
            && !w.is_empty()
            && !self.is(v, Class::Det)
            && !self.is(v, Class::Pron)
            && !w.ends_with("ed")
            && !w.ends_with("ing")
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
    }

    /// One past the last token of the clause that continues at `k`, within
    /// the sentence ending at `s1`: it stops at ";", ":", a dash, a
    /// bracket or quote mark, ", which"/", who", ", while", "but", "yet",
    /// "because", and a comma before a reporting clause (", X said").
    pub fn clause_end(&self, k: usize, s1: usize) -> usize {
        let mut j = k;
        while j < s1 {
            let w = self.lw(j);
            match self.kind(j) {
                Some(TokenKind::Punct) => match w {
                    ";" | ":" | "—" | "–" | "(" | ")" | "\"" | "“" | "”" | "?" | "!" => {
                        return j
                    }
                    "." if j + 1 >= s1 => return j,
                    "," => {
                        let n = self.lw(j + 1);
                        if self.is(j + 1, Class::ClauseWord)
                            || matches!(
                                n,
                                "while"
                                    | "whereas"
                                    | "but"
                                    | "yet"
                                    | "although"
                                    | "though"
                                    | "according"
                            )
                            || n.ends_with("ing") && n.len() > 4 && !self.is(j + 1, Class::Det)
                            || self.reporting_clause_at(j + 1)
                        {
                            return j;
                        }
                    }
                    _ => {}
                },
                Some(TokenKind::Word)
                    if j > k
                        && matches!(
                            w,
                            "while"
                                | "whereas"
                                | "although"
                                | "though"
                                | "because"
                                | "but"
                                | "yet"
                                | "unless"
                        ) =>
                {
                    return j;
                }
                _ => {}
            }
            j += 1;
        }
        s1
    }

    /// Does a reporting clause start at token `k` ("Putin said", "said
    /// Lavrov", "the minister told reporters")? Within six words.
    pub fn reporting_clause_at(&self, k: usize) -> bool {
        let s1 = self.sentence_end_of(k);
        (k..s1.min(k + 7))
            .take_while(|&j| self.kind(j) != Some(TokenKind::Punct) || self.lw(j) == "-")
            .any(|j| self.lex.is_reporting_verb(self.lw(j)) && !self.is_cap(j))
    }
}
