//! Labelling: each candidate's kind from the knowledge base, titles,
//! organisation and place head words, gazetteers, acronyms, learned
//! head-word statistics and context ("in X", "X said"); then one label per
//! name per document, the strongest evidence winning, and a person's surname
//! inheriting the person label.

use super::{is_acronym, is_cap, lower, Cand, EntityMention, RuleLabel, Rules, Strength};
use crate::hash::{FastMap, FastSet};
use crate::model::{ActorKind, MentionForm, Span};
use crate::tokenize::TokenKind;

/// The words of a candidate that the labelling rules read.
struct Words<'a> {
    text: &'a str,
    /// Number of words (hyphen-joined parts count once).
    n: usize,
    first: &'a str,
    head: &'a str,
    last: &'a str,
    /// The text after the first word.
    rest: &'a str,
}

impl<'a> Words<'a> {
    fn of(r: &Rules<'_, 'a>, c: &Cand) -> Self {
        Words {
            text: r.slice(c.a, c.b),
            n: r.word_count(c.a, c.b),
            first: r.w(c.a),
            head: r.head(c.a, c.b),
            last: r.w(c.b - 1),
            rest: r.slice(c.a + 1, c.b),
        }
    }
}

impl<'d, 'a> Rules<'d, 'a> {
    /// Label of one candidate from its own text and context: the first
    /// kind of evidence that speaks, strongest first.
    pub(super) fn classify(&self, c: &Cand) -> (ActorKind, Strength) {
        if let Some(k) = c.forced {
            return (k, 5);
        }
        let w = Words::of(self, c);
        self.by_name(&w)
            .or_else(|| self.by_context(c, &w))
            .or_else(|| self.by_shape(c, &w))
            .unwrap_or(if w.n >= 4 && !self.particle_name(c) {
                (ActorKind::Organization, 0)
            } else {
                (ActorKind::Person, 0)
            })
    }

    /// Whether a candidate has a personal name's shape with lower-case name
    /// particles: capitalised words, then particles (one may be glued to
    /// the last word by a hyphen), then the last word ("Marta de la Cruz",
    /// "Pieter van der Berg", "Abu Musab al-Zarqawi"); so its word count
    /// does not make it an organisation.
    pub(super) fn particle_name(&self, c: &Cand) -> bool {
        if c.b <= c.a + 2 {
            return false;
        }
        let particle = |g: usize| {
            self.lx().is_name_particle(self.w(g))
                || (matches!(self.w(g), "-" | "‐") && self.lx().is_name_particle(self.w(g - 1)))
        };
        let Some(p) = (c.a + 1..c.b - 1).find(|&g| particle(g)) else {
            return false;
        };
        (c.a..p).all(|g| self.capword(g)) && (p..c.b - 1).all(particle)
    }

    /// The knowledge base, group nouns, head words and place lists.
    fn by_name(&self, w: &Words<'a>) -> Option<(ActorKind, Strength)> {
        let (text, first, head, last) = (w.text, w.first, w.head, w.last);
        if let Some(e) = self.kb().lookup(text) {
            return Some((e.kind, 6));
        }
        if w.n == 1
            && (self.lx().is_group_noun(last)
                || (self.kb().demonym(last).is_some() && last.ends_with('s')))
        {
            return Some((ActorKind::Group, 5));
        }
        if self.lx().is_org_head(head) {
            return Some((ActorKind::Organization, 4));
        }
        if self.lx().is_place_head(head) || self.kb().is_place(text) {
            return Some((ActorKind::Place, 4));
        }
        if w.n > 1 && self.lx().is_place_modifier(first) {
            let rest = w.rest;
            if self.kb().is_place(rest) || self.kb().lookup(rest).is_some() {
                return Some((ActorKind::Place, 4));
            }
        }
        None
    }

    /// The words around the name: "the town of X", "X, 42,", "X, an
    /// Australian woman,", "Aceh, Indonesia".
    fn by_context(&self, c: &Cand, w: &Words<'a>) -> Option<(ActorKind, Strength)> {
        let next = self.w(c.b);
        let prev = c.a.checked_sub(1).map_or("", |p| self.w(p));
        let prev2 = c.a.checked_sub(2).map_or("", |p| self.w(p));
        if prev == "of" && self.lx().is_place_class(prev2) {
            return Some((ActorKind::Place, 3));
        }
        if next != "," {
            return None;
        }
        let after = self.w(c.b + 1);
        if self.kind(c.b + 1) == Some(TokenKind::Number) || self.lx().is_person_noun(after) {
            return Some((ActorKind::Person, 3));
        }
        // Appositive: "Jane Doe, an Australian woman,".
        if matches!(after, "a" | "an" | "the") {
            let person = (c.b + 2..c.b + 7)
                .take_while(|&g| self.kind(g) == Some(TokenKind::Word))
                .any(|g| self.lx().is_person_noun(self.w(g)));
            if person {
                return Some((ActorKind::Person, 3));
            }
        }
        // "Aceh, Indonesia": a place followed by its country or state.
        if is_cap(after) {
            let mut e = c.b + 2;
            while e < c.b + 4 && self.capword(e) && self.space_before(e) {
                e += 1;
            }
            let region = self.slice(c.b + 1, e);
            let is_region = self.kb().lookup(region).is_some_and(|k| {
                matches!(
                    k.category,
                    crate::kb::Category::Country | crate::kb::Category::UsState
                )
            });
            if is_region && self.kb().lookup(w.text).is_none() {
                return Some((ActorKind::Place, 3));
            }
        }
        None
    }

    /// Acronyms, given names and initials, head-word statistics, plurals
    /// and weak cues ("X said", "in X").
    fn by_shape(&self, c: &Cand, w: &Words<'a>) -> Option<(ActorKind, Strength)> {
        let (text, first, last, n) = (w.text, w.first, w.last, w.n);
        if is_acronym(text) {
            // "WASHINGTON (Reuters)": a place name in capitals.
            if text.chars().count() > 3 && !text.contains('.') {
                let title_case: String = text
                    .split(' ')
                    .map(|w| {
                        let mut cs = w.chars();
                        cs.next().map_or(String::new(), |f| {
                            f.to_uppercase()
                                .chain(cs.flat_map(char::to_lowercase))
                                .collect()
                        })
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                if self.kb().is_place(&title_case)
                    || self
                        .kb()
                        .lookup(&title_case)
                        .is_some_and(|e| e.kind == ActorKind::Place)
                {
                    return Some((ActorKind::Place, 3));
                }
            }
            return Some((ActorKind::Organization, 3));
        }
        let initial = first.chars().count() == 1 && self.w(c.a + 1) == ".";
        if n > 1 && (self.lx().is_first_name(first) || initial) {
            return Some((ActorKind::Person, 3));
        }
        if let Some(h) = self.lx().head_counts(last) {
            let total: u16 = h.iter().sum();
            let (best, &cnt) = h
                .iter()
                .enumerate()
                .max_by_key(|(_, &v)| v)
                .unwrap_or((0, &0));
            if total >= 2 && cnt * 10 >= total * 7 {
                let k = [ActorKind::Person, ActorKind::Organization, ActorKind::Place][best];
                return Some((k, 2));
            }
        }
        if n == 1 {
            if (last.ends_with("ans") || last.ends_with("ians") || last.ends_with("is"))
                && !self.lx().is_surname(last)
                && last.chars().count() > 5
            {
                return Some((ActorKind::Group, 2));
            }
            if self.lx().is_first_name(last) || self.lx().is_surname(last) {
                return Some((ActorKind::Person, 2));
            }
        }
        let prev = c.a.checked_sub(1).map_or("", |p| self.w(p));
        if self.lx().is_say_verb(self.w(c.b)) {
            return Some((ActorKind::Person, 1));
        }
        if self.kind(c.a.wrapping_sub(1)) == Some(TokenKind::Possessive) && n > 1 {
            return Some((ActorKind::Person, 1));
        }
        if self.lx().is_place_preposition(prev) {
            return Some((ActorKind::Place, 1));
        }
        None
    }

    /// The rules' reading of every candidate: its own label, the label
    /// after one label per name per document (the strongest evidence
    /// winning, a person's surname inheriting the person label), and
    /// whether the rules take it for no name at all.
    pub(super) fn rule_labels(&self, cands: &[Cand]) -> Vec<RuleLabel> {
        let labels: Vec<(ActorKind, Strength)> = cands.iter().map(|c| self.classify(c)).collect();
        let mut best: FastMap<&str, (ActorKind, Strength)> = FastMap::default();
        for (c, &(k, s)) in cands.iter().zip(&labels) {
            let text = self.slice(c.a, c.b);
            let e = best.entry(text).or_insert((k, s));
            if s > e.1 {
                *e = (k, s);
            }
            // A person's surname is a person here.
            if k == ActorKind::Person && s >= 2 && c.b - c.a > 1 && c.form == MentionForm::Name {
                // With good evidence the surname reading beats even the
                // knowledge base ("Valeska Paris" … "Paris claims").
                let strength = if s >= 3 { 7 } else { 5 };
                let last = self.w(c.b - 1);
                let e = best.entry(last).or_insert((k, strength));
                if e.1 < strength {
                    *e = (k, strength);
                }
            }
        }
        cands
            .iter()
            .zip(labels)
            .map(|(c, (k, strength))| {
                let text = self.slice(c.a, c.b);
                let doc = if c.forced.is_some() {
                    (k, strength)
                } else {
                    best.get(text).copied().unwrap_or((k, strength))
                };
                let unknown = strength == 0 && best.get(text).is_none_or(|b| b.1 == 0);
                RuleLabel {
                    own: (k, strength),
                    doc,
                    dropped: self.not_a_name(c, text, unknown),
                }
            })
            .collect()
    }

    /// Candidates the rules drop: a lone letter, a code ("L2"), an unknown
    /// plural ("Polaroids") or capitalised common word ("Factor"), or only
    /// common words with no cue ("Space Shuttle", "Launch Pad").
    fn not_a_name(&self, c: &Cand, text: &str, unknown: bool) -> bool {
        if c.forced.is_some() {
            return false;
        }
        if c.b - c.a == 1 {
            let plural = text.ends_with('s') && !text.ends_with("ss");
            if text.chars().count() == 1
                || text.chars().any(|ch| ch.is_ascii_digit())
                || (unknown && (plural || self.lx().is_lowercase_word(&lower(text))))
            {
                return true;
            }
        }
        unknown
            && (c.a..c.b).all(|g| {
                self.kind(g) != Some(TokenKind::Word)
                    || self.lx().is_lowercase_word(&lower(self.w(g)))
            })
    }

    /// "Marks & Spencer", "Keane & Lowry": names joined by a spaced
    /// ampersand name a firm, never one person (not "R&D", nor a building:
    /// "the Air & Space Museum", nor authors cited with a year or a
    /// reference number; the knowledge base may know better).
    fn firm_of_partners(&self, c: &Cand) -> bool {
        // "(Dye & Bavelier, 2010)", "Carrano & Biewener [7]": authors cited.
        let number = |k: usize| self.kind(k) == Some(TokenKind::Number);
        let cited = number(c.b)
            || self.w(c.b) == "," && number(c.b + 1)
            || matches!(self.w(c.b), "[" | "(") && number(c.b + 1);
        !cited
            && c.b - c.a > 2
            && (c.a + 1..c.b - 1).any(|g| self.w(g) == "&" && self.space_before(g))
            && !self.lx().is_place_head(self.head(c.a, c.b))
            && self.kb().lookup(self.slice(c.a, c.b)).is_none()
    }

    /// `kind`, except that a person reading of partners' names
    /// ([`Rules::firm_of_partners`]) is a firm ("Keane & Lowry").
    pub(super) fn firm_reading(&self, c: &Cand, kind: ActorKind) -> ActorKind {
        if kind == ActorKind::Person && self.firm_of_partners(c) {
            ActorKind::Organization
        } else {
            kind
        }
    }

    /// Readings that hold whatever else the name looks like: a law or
    /// treaty ("the Clean Water Bill") is another kind of name, never a
    /// person; a country beside a match verb in a sports report ("France
    /// beat Brazil 2–1") is its national team, an organisation; a name
    /// after "the town of" or "the mayor of" is a place.
    /// `teams` holds the countries [`Rules::teams`] found playing: their
    /// other mentions in a sports report are the team too ("Spain's
    /// coach", "a Spain friendly"), unless a place preposition makes them
    /// the country ("born in Spain").
    pub(super) fn override_kind(
        &self,
        c: &Cand,
        teams: &FastSet<&str>,
    ) -> Option<(ActorKind, f32)> {
        if c.forced.is_some() {
            return None;
        }
        if c.b - c.a > 1 && self.lx().is_document_head(self.head(c.a, c.b)) {
            return Some((ActorKind::Other, 0.9));
        }
        if self.is_team(c) {
            return Some((ActorKind::Organization, 0.95));
        }
        if !teams.is_empty() && teams.contains(self.slice(c.a, c.b)) && !self.after_locative(c) {
            return Some((ActorKind::Organization, 0.9));
        }
        // "Hans Weber Holdings GmbH", "Maria Lopez Inc": a company's legal
        // form ends the name, however personal the rest of it looks.
        if c.b - c.a > 1 && self.lx().is_legal_form(self.w(c.b - 1)) {
            return Some((ActorKind::Organization, 0.95));
        }
        // "the charity Oxfam", "passengers' group Transport Focus": a noun
        // of organisations before the name, unless the knowledge base knows
        // the name as something else.
        let prev = c.a.checked_sub(1).map_or("", |p| self.w(p));
        let text = self.slice(c.a, c.b);
        let kb_org = || {
            self.kb()
                .lookup(text)
                .is_none_or(|e| e.kind == ActorKind::Organization)
        };
        if self.lx().is_org_noun(prev) && kb_org() {
            return Some((ActorKind::Organization, 0.85));
        }
        // "the opposition Civic Renewal party", "the Save Our Parks group":
        // a lower-case party noun closing the name, unless the knowledge
        // base knows the name as something else or as a demonym.
        if self.lx().is_party_noun(self.w(c.b))
            && !is_cap(self.w(c.b))
            && kb_org()
            && self.kb().demonym(text).is_none()
        {
            return Some((ActorKind::Organization, 0.85));
        }
        // "MPs", "Labour MPs", "British MEPs": members of an assembly.
        if c.b - c.a <= 2 && self.lx().is_member_noun(self.w(c.b - 1)) {
            return Some((ActorKind::Group, 0.9));
        }
        // "Centre for Rural Housing Policy": a body named for its cause.
        let for_name = (c.a + 1..c.b.saturating_sub(1)).any(|g| self.joins_for_at(g));
        if for_name && self.kb().lookup(self.slice(c.a, c.b)).is_none() {
            return Some((ActorKind::Organization, 0.9));
        }
        // "Office of the Prime Minister", "Ministry of Foreign Affairs": an
        // organisation named for an office, not the office holder.
        let of_title = (c.a + 1..c.b)
            .find(|&g| self.w(g) == "of")
            .is_some_and(|g| (g + 1..c.b).any(|t| self.lx().is_title(self.w(t))));
        if of_title && self.lx().is_org_head(self.head(c.a, c.b)) {
            return Some((ActorKind::Organization, 0.9));
        }
        if self.dateline(c.a) == Some(c.b) {
            return Some((ActorKind::Place, 0.95));
        }
        // "the town of Kleinwald", "the mayor of Kleinwald": a place, unless
        // the knowledge base knows the name as something else.
        let prev2 = c.a.checked_sub(2).map_or("", |p| self.doc.lw(p));
        let other_kind = self
            .kb()
            .lookup(self.slice(c.a, c.b))
            .is_some_and(|e| e.kind != ActorKind::Place);
        (prev == "of" && self.lx().is_place_class(prev2) && !other_kind)
            .then_some((ActorKind::Place, 0.9))
    }

    /// The countries of `cands` that play as teams ([`Rules::is_team`]) in
    /// a sports report.
    pub(super) fn teams(&self, cands: &[Cand]) -> FastSet<&'a str> {
        let mut out = FastSet::default();
        for c in cands {
            if c.forced.is_none() && self.is_team(c) {
                out.insert(self.slice(c.a, c.b));
            }
        }
        if !out.is_empty() && !self.is_sports_doc() {
            out.clear();
        }
        out
    }

    /// Does a place preposition, "from", "at", "of" or "to" stand right
    /// before the candidate ("born in Spain", "flew to Spain")?
    fn after_locative(&self, c: &Cand) -> bool {
        let prev = c.a.checked_sub(1).map_or("", |p| self.doc.lw(p));
        self.lx().is_place_preposition(prev) || matches!(prev, "from" | "at" | "of" | "to")
    }

    /// A country named beside a match verb ("beat", "drew with", "lost
    /// to") in a sentence with a score or a document about sports, or in a
    /// sentence with a score and a match verb, not after a place
    /// preposition ("Spain came from behind to beat Peru 2-1").
    fn is_team(&self, c: &Cand) -> bool {
        let text = self.slice(c.a, c.b);
        let country = self.kb().candidates(text).iter().any(|e| {
            matches!(
                e.category,
                crate::kb::Category::Country | crate::kb::Category::Territory
            )
        });
        if !country {
            return false;
        }
        let lw = |g: Option<usize>| g.map_or("", |g| self.doc.lw(g));
        let prev = lw(c.a.checked_sub(1));
        let prev2 = lw(c.a.checked_sub(2));
        let next = lw(Some(c.b));
        let next2 = lw(Some(c.b + 1));
        let beside = self.lx().is_match_verb(prev)
            || self.lx().is_match_verb(next)
            || (matches!(prev, "with" | "to")
                && matches!(prev2, "drew" | "draw" | "lost" | "losing"))
            || (matches!(next, "drew" | "lost") && matches!(next2, "with" | "to"));
        if beside {
            return self.sentence_has_score(c.a) || self.is_sports_doc();
        }
        !self.after_locative(c) && self.sentence_has_score(c.a) && self.sentence_has_match_verb(c.a)
    }

    /// Does the sentence of token `g` hold a match verb ("beat", "drew")?
    fn sentence_has_match_verb(&self, g: usize) -> bool {
        let Some(t) = self.doc.tokens.get(g) else {
            return false;
        };
        self.doc
            .sentence_range(t.sentence_index())
            .any(|k| self.lx().is_match_verb(self.doc.lw(k)))
    }

    /// Does the sentence of token `g` hold a score ("2–1", "3-0")?
    fn sentence_has_score(&self, g: usize) -> bool {
        let Some(t) = self.doc.tokens.get(g) else {
            return false;
        };
        self.doc
            .sentence_range(t.sentence_index())
            .any(|k| super::is_score_at(self.doc, k))
    }

    /// Is the document a sports report ([`super::is_sports_report`])?
    fn is_sports_doc(&self) -> bool {
        *self
            .sports
            .get_or_init(|| super::is_sports_report(self.doc))
    }

    /// Labels candidates by the rules alone, one label per name per
    /// document.
    pub(super) fn label(&self, cands: &[Cand], rules: &[RuleLabel]) -> Vec<EntityMention> {
        let teams = self.teams(cands);
        let mut out: Vec<EntityMention> = cands
            .iter()
            .zip(rules)
            .filter(|(_, r)| !r.dropped)
            .filter_map(|(c, r)| {
                let (k, s) = self
                    .override_kind(c, &teams)
                    .unwrap_or((r.doc.0, super::score_of(r.doc.1)));
                self.mention(c, self.firm_reading(c, k), s)
            })
            .collect();
        out.sort_by_key(|m| (m.span.start, m.span.end));
        out
    }

    /// The mention of candidate `c` with `kind` and `score` (`None` for a
    /// candidate outside the tokens).
    pub(super) fn mention(&self, c: &Cand, kind: ActorKind, score: f32) -> Option<EntityMention> {
        let s = self.doc.tokens.get(c.a)?.start_byte();
        let e = self.doc.tokens.get(c.b.checked_sub(1)?)?.end_byte();
        let title = c.title.and_then(|(ta, tb)| {
            Some(Span::new(
                self.doc.tokens.get(ta)?.start_byte(),
                self.doc.tokens.get(tb.checked_sub(1)?)?.end_byte(),
            ))
        });
        let form = if kind == ActorKind::Group && c.form == MentionForm::Name {
            MentionForm::Demonym
        } else {
            c.form
        };
        Some(EntityMention {
            span: Span::new(s, e),
            kind,
            form,
            title,
            score,
        })
    }
}
