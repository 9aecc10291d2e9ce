//! The syntax layer: word classes per token, prepositional-phrase flags, and
//! the syntactic questions later stages ask (is this a verb, is it inside a
//! prepositional phrase, what does this pronoun refer to, where is the
//! subject of this verb or the verb of this subject).
//!
//! Every stage asks these questions here rather than guessing syntax on its
//! own. Today the answers come from the lexicon's closed word classes and
//! word shapes (the `pos` component, rule-based); a trained tagger or parser
//! fills the same layer and the callers do not change.
//!
//! O(n) to build (one lexicon probe per class per token, done once); every
//! query is O(1) or a bounded scan.

use crate::doc::Doc;
use crate::drafts::ActorId;
use crate::hash::FastMap;
use crate::lexicon::Lexicon;
use crate::model::ActorKind;
use crate::pipeline::Component;
use crate::tokenize::TokenKind;

/// A set of word classes a token's lower-cased text belongs to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Classes(u32);

/// One word class (a bit of [`Classes`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum Class {
    /// Article, demonstrative or possessive pronoun.
    Det = 1 << 0,
    /// Preposition.
    Prep = 1 << 1,
    /// Conjunction or subordinator.
    Conj = 1 << 2,
    /// A word that introduces a clause ("that", "which", "because").
    ClauseWord = 1 << 3,
    /// Personal or relative pronoun.
    Pron = 1 << 4,
    /// Auxiliary, modal or copula.
    Aux = 1 << 5,
    /// Negator.
    Neg = 1 << 6,
    /// Common irregular or frequent verb form.
    CommonVerb = 1 << 7,
    /// A stance cue word of any part of speech.
    Cue = 1 << 8,
    /// Could be a finite verb ([`crate::lexicon::Lexicon::is_verbish`]).
    Verbish = 1 << 9,
    /// Adverb ([`crate::lexicon::Lexicon::is_adverb`]).
    Adverb = 1 << 10,
    /// Proposal topic modifier ("peace").
    Topic = 1 << 11,
    /// Quantifier or evaluative adjective ("several", "key").
    Quantifier = 1 << 12,
    /// Marks an earlier version ("earlier").
    OldTag = 1 << 13,
    /// Marks a newer version ("updated").
    NewTag = 1 << 14,
    /// Person or body acting for an actor ("leadership", "spokesman").
    ActingBody = 1 << 15,
    /// Looks like an -ed or -ing participle.
    Participle = 1 << 16,
    /// A proposal head noun ("plan", "deal").
    ProposalHead = 1 << 17,
}

impl Classes {
    /// True if the set holds `c`.
    pub fn has(self, c: Class) -> bool {
        self.0 & c as u32 != 0
    }
}

/// Looks like an -ed/-ing participle or a finite verb ending (a suffix test).
pub fn is_participle(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed")) || (w.len() > 5 && w.ends_with("ing"))
}

/// The syntax layer of a [`Doc`].
#[derive(Debug, Default)]
pub struct Syntax {
    classes: Vec<Classes>,
    in_pp: Vec<bool>,
}

/// Fills [`Doc::syntax`] (reads tokens and the lexicon).
pub struct PosTagger;

impl Component for PosTagger {
    fn name(&self) -> &'static str {
        "pos"
    }

    fn run(&self, doc: &mut Doc<'_>) {
        doc.syntax.classes = (0..doc.tokens.len())
            .map(|i| classes_of(doc, doc.lw(i)))
            .collect();
        doc.syntax.in_pp = prepositional_phrases(doc);
    }
}

/// The classes a lower-case word has by itself: its listed classes (one
/// probe of [`class_table`]'s map) and those of its shape (-ed, -ing, -ly).
fn classes_of(doc: &Doc, w: &str) -> Classes {
    let mut bits = doc.lex.word_classes(w);
    if is_participle(w) {
        bits |= Class::Participle as u32;
    }
    if w.len() > 4 && w.ends_with("ed") {
        bits |= Class::Verbish as u32;
    }
    if w.len() > 4 && w.ends_with("ly") && !matches!(w, "italy" | "family" | "supply" | "only") {
        bits |= Class::Adverb as u32;
    }
    Classes(bits)
}

/// Word → class bits for every listed word (closed classes, cue forms,
/// proposal heads), so that tagging a token is one probe. The shape rules
/// (-ed, -ing, -ly) are applied per token by [`classes_of`]; together they
/// give exactly the lexicon's predicates ([`Lexicon::is_verbish`] and
/// [`Lexicon::is_adverb`] included), which a test checks.
///
/// [`Lexicon::is_verbish`]: crate::lexicon::Lexicon::is_verbish
/// [`Lexicon::is_adverb`]: crate::lexicon::Lexicon::is_adverb
pub(crate) fn class_table(lx: &Lexicon) -> FastMap<String, u32> {
    use crate::lexicon::List;
    let mut words: Vec<&str> = Vec::new();
    for list in [
        List::Determiners,
        List::Prepositions,
        List::Conjunctions,
        List::ClauseWords,
        List::Pronouns,
        List::Auxiliaries,
        List::Negators,
        List::CommonVerbs,
        List::Adverbs,
        List::Topics,
        List::Quantifiers,
        List::OldTags,
        List::NewTags,
        List::ActingBodies,
    ] {
        words.extend(lx.words(list));
    }
    words.extend(lx.cue_and_head_words());
    let mut map = FastMap::default();
    for w in words {
        let mut bits = 0u32;
        let mut set = |c: Class, yes: bool| {
            if yes {
                bits |= c as u32;
            }
        };
        set(Class::Det, lx.is_determiner(w));
        set(Class::Prep, lx.is_preposition(w));
        set(Class::Conj, lx.is_conjunction(w));
        set(Class::ClauseWord, lx.is_clause_word(w));
        set(Class::Pron, lx.is_pronoun(w));
        set(Class::Aux, lx.is_aux(w));
        set(Class::Neg, lx.is_negator(w));
        set(Class::CommonVerb, lx.is_common_verb(w));
        set(Class::Cue, lx.is_cue_word(w));
        set(Class::Verbish, lx.is_verbish(w));
        set(Class::Adverb, lx.is_adverb(w));
        set(Class::Topic, lx.is_topic(w));
        set(Class::Quantifier, lx.is_quantifier(w));
        set(Class::OldTag, lx.is_old_tag(w));
        set(Class::NewTag, lx.is_new_tag(w));
        set(Class::ActingBody, lx.is_acting_body(w));
        set(Class::Participle, is_participle(w));
        set(Class::ProposalHead, lx.head(w).is_some());
        map.insert(w.to_owned(), bits);
    }
    map
}

/// Marks tokens that follow a preposition up to the next clause break.
fn prepositional_phrases(doc: &Doc) -> Vec<bool> {
    let mut in_pp = vec![false; doc.tokens.len()];
    for s in 0..doc.sentences.len() {
        let r = doc.sentence_range(s);
        let r0 = r.start;
        let mut pp = false;
        let mut prev_opens = false;
        for i in r {
            let t = doc.tokens[i];
            let w = doc.lw(i);
            let mut opens = false;
            match t.kind {
                TokenKind::Word => {
                    // "cities such as London": the examples are a phrase too.
                    let such_as = w == "as" && i > r0 && doc.lw(i - 1) == "such";
                    if doc.is(i, Class::Prep) && !(w == "to" && next_is_verb_base(doc, i))
                        || such_as
                    {
                        in_pp[i] = false;
                        pp = true;
                        opens = true;
                    } else if doc.is_cap(i) && i > r0 {
                        in_pp[i] = pp;
                    } else if doc.is(i, Class::ClauseWord)
                        || doc.is(i, Class::Aux)
                        || (doc.is(i, Class::Verbish)
                            && !(prev_opens && doc.is(i, Class::Participle)))
                    {
                        in_pp[i] = false;
                        pp = false;
                    } else {
                        in_pp[i] = pp;
                        opens = doc.is(i, Class::Det) && prev_opens;
                    }
                }
                TokenKind::Punct if w != "-" => {
                    in_pp[i] = false;
                    pp = false;
                }
                _ => in_pp[i] = pp,
            }
            prev_opens = opens;
        }
    }
    in_pp
}

fn next_is_verb_base(doc: &Doc, i: usize) -> bool {
    doc.is(i + 1, Class::CommonVerb) || doc.is(i + 1, Class::Cue) && !doc.lw(i + 1).ends_with("ed")
}

/// The subject of a predicate, found by [`Doc::subject_before`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Subject {
    /// The actor.
    pub actor: ActorId,
    /// First token of its mention; `None` when a pronoun or a possessor
    /// names it.
    pub first: Option<usize>,
}

/// How far back, in tokens, [`Doc::subject_before`] looks.
pub const MAX_SUBJECT_DISTANCE: usize = 50;

impl Doc<'_> {
    /// The word classes of token `i` (empty out of range).
    pub fn classes(&self, i: usize) -> Classes {
        self.syntax.classes.get(i).copied().unwrap_or_default()
    }

    /// True if token `i` is of class `c`.
    pub fn is(&self, i: usize, c: Class) -> bool {
        self.classes(i).has(c)
    }

    /// True if token `i` is inside a prepositional phrase.
    pub fn in_pp(&self, i: usize) -> bool {
        self.syntax.in_pp.get(i).copied().unwrap_or(false)
    }

    /// True if token `i` could be a finite verb.
    pub fn is_verb(&self, i: usize) -> bool {
        self.is(i, Class::Verbish)
    }

    /// Token `j` and past up to three adverbs from it ("reportedly
    /// expressed"), never "not"; stops at `end`.
    pub fn skip_adverbs(&self, mut j: usize, end: usize) -> usize {
        let mut n = 0;
        while j < end && n < 3 && self.is(j, Class::Adverb) && self.lw(j) != "not" {
            j += 1;
            n += 1;
        }
        j
    }

    /// The actor a pronoun at token `k` refers to: "he", "she", "his",
    /// "her" the last person named before it; "it" an organisation or place
    /// and "they" an organisation, place or group named at or after token
    /// `min`. The one pronoun resolver of the pipeline; callers decide which
    /// pronouns they resolve.
    pub fn antecedent(&self, k: usize, min: usize) -> Option<ActorId> {
        use ActorKind::*;
        match self.lw(k) {
            "he" | "she" | "his" | "her" => self.last_person_before(k),
            "it" => self.last_actor_before(k, min, &[Organization, Place]),
            "they" => self.last_actor_before(k, min, &[Organization, Place, Group]),
            _ => None,
        }
    }

    /// Is the mention at token `first` the owner of a body in subject
    /// position, "the parliament of Malta", "the government of Canada"
    /// ("of" right after a role noun with at most two lower-case modifiers,
    /// "the city council of Riverton", opening the clause)?
    pub fn body_of(&self, first: usize) -> bool {
        let mut of = first.wrapping_sub(1);
        if self.is(of, Class::Det) {
            of = of.wrapping_sub(1);
        }
        if self.lw(of) != "of" || of < 1 {
            return false;
        }
        let body = of - 1;
        let s0 = self
            .tokens
            .get(first)
            .map_or(0, |t| self.sentence_range(t.sentence_index()).start);
        // Up to two lower-case modifiers: "the city council of Riverton".
        let mut d = body;
        while d > s0
            && d + 2 > body
            && self.kind(d - 1) == Some(TokenKind::Word)
            && !self.is_cap(d - 1)
            && !self.is(d - 1, Class::Det)
            && !self.is(d - 1, Class::Prep)
            && !self.is(d - 1, Class::Verbish)
        {
            d -= 1;
        }
        self.is(body, Class::ActingBody)
            && (d == s0 || self.is(d - 1, Class::Det) && (d - 1 == s0 || !self.in_pp(d - 1)))
    }

    /// Is the mention at tokens `first..end` the subject of a clause that
    /// a subordinator opens ("after the ministry offered …", "since the
    /// court ruled …"), not the object of a preposition?
    pub fn clause_subject(&self, first: usize, end: usize) -> bool {
        let mut p = first.wrapping_sub(1);
        if self.is(p, Class::Det) {
            p = p.wrapping_sub(1);
        }
        let v = self.skip_adverbs(end, self.tokens.len());
        self.lex.is_adjunct_preposition(self.lw(p))
            && (self.is_verb_at(v) || self.is(v, Class::Aux))
    }

    /// Is token `v` a verb that can follow a subject: a lower-case word that
    /// could be finite, not a proposal noun or a determiner?
    pub fn is_verb_at(&self, v: usize) -> bool {
        self.kind(v) == Some(TokenKind::Word)
            && !self.is_cap(v)
            && self.is(v, Class::Verbish)
            && !self.is(v, Class::ProposalHead)
            && !self.is(v, Class::Det)
    }

    /// Does token `k` ("while", "whereas", "when" before a finite verb)
    /// open a new clause?
    pub fn opens_finite_clause(&self, k: usize) -> bool {
        matches!(self.lw(k), "while" | "whereas" | "when") && !self.is(k + 1, Class::Participle)
    }

    /// Is "it"/"they" at token `k` the subject of a verb (not "make it clear")?
    pub fn subject_pronoun(&self, k: usize) -> bool {
        let mut v = k + 1;
        while self.is(v, Class::Adverb) && v < k + 4 {
            v += 1;
        }
        self.is(v, Class::Verbish)
    }

    /// Can a subject start at token `k`? Not right after a content word
    /// ("keep Northern Ireland aligned …" makes Northern Ireland an object).
    pub fn subject_position(&self, k: usize, s0: usize) -> bool {
        let article = |w: &str| matches!(w, "the" | "a" | "an");
        let mut j = k;
        // Skip articles and capitalised titles ("the", "President", "Senator").
        while j > s0 && (article(self.lw(j - 1)) || self.is_cap(j - 1)) {
            j -= 1;
        }
        // "The opposition Labour Party": up to two modifiers after an article.
        for back in 1..=2 {
            if j > s0 + back
                && article(self.lw(j - back - 1))
                && (j - back..j)
                    .all(|m| self.kind(m) == Some(TokenKind::Word) && !self.is(m, Class::Verbish))
            {
                j -= back + 1;
                break;
            }
        }
        if j == s0 {
            return true;
        }
        let p = j - 1;
        self.kind(p) != Some(TokenKind::Word)
            || self.is(p, Class::Conj)
            || self.is(p, Class::ClauseWord)
            || self.is(p, Class::Adverb)
            || self.is(p, Class::ActingBody)
            || matches!(
                self.lw(p),
                "said" | "says" | "that" | "meanwhile" | "however" | "also"
            )
    }

    /// "on Friday", "last week", "yesterday": a time phrase between a
    /// subject and its verb; returns the token after it.
    fn skip_time(&self, j: usize, end: usize) -> usize {
        let is_time = |w: &str| {
            self.lex.is_weekday(w)
                || matches!(
                    w,
                    "week" | "month" | "year" | "weekend" | "morning" | "evening" | "night"
                )
        };
        match self.lw(j) {
            "yesterday" | "today" | "tonight" | "earlier" | "later" => j + 1,
            "on" | "last" | "this" | "next" if j + 1 < end && is_time(self.lw(j + 1)) => j + 2,
            _ => j,
        }
    }

    /// The verb of a subject that ends before token `j` (within the sentence
    /// ending at `end`), skipping a time phrase, a possessive and role noun
    /// ("Russia’s leadership"), role nouns, an appositive between commas and
    /// adverbs. The right-hand counterpart of [`Doc::subject_before`].
    pub fn predicate_after(&self, mut j: usize, end: usize) -> Option<usize> {
        let j0 = self.skip_time(j, end);
        if j0 != j && j0 < end && self.is_verb_at(self.skip_adverbs(j0, end)) {
            return Some(self.skip_adverbs(j0, end));
        }
        let mut through_role = false;
        if self.kind(j) == Some(TokenKind::Possessive) {
            j += 1;
            let mut skipped = 0;
            while j < end && skipped < 2 && !self.is(j, Class::ActingBody) {
                j += 1;
                skipped += 1;
            }
            if !self.is(j, Class::ActingBody) {
                return None;
            }
            j += 1;
            through_role = true;
        }
        let mut roles = 0;
        while j < end && roles < 2 && self.is(j, Class::ActingBody) && !self.is_cap(j) {
            j += 1;
            roles += 1;
        }
        if roles > 0 && self.mention_at(j).is_some() {
            // "Kremlin insider Yuri Ushakov": the next name is the subject.
            return None;
        }
        if self.lw(j) == "," {
            // The name is itself the appositive of a role ("the union's
            // secretary, Hannah Reyes, told"): the verb follows its comma.
            let v = self.skip_adverbs(j + 1, end);
            // A past form after the comma is a reduced relative ("Amina
            // Yusuf, elected in May, said") unless the name is itself set
            // off by commas: "Its general secretary, Amina Yusuf, called …".
            let set_off = j > 0
                && self
                    .mention_at(j - 1)
                    .is_some_and(|m| m.first > 0 && self.lw(m.first - 1) == ",");
            if !through_role
                && roles == 0
                && v < end
                && self.is_verb_at(v)
                && (set_off || !self.is(v, Class::Participle))
                && self.lw(v + 1) != "by"
            {
                return Some(v);
            }
            // Appositive: ", spokesman for the Indonesian military, said".
            let close = (j + 1..end.min(j + 14)).find(|&c| self.lw(c) == ",")?;
            // "the union's general secretary, Hannah Reyes, told …": after a
            // possessor's role, the name in the appositive is the subject.
            if (through_role || roles > 0) && (j + 1..close).any(|q| self.mention_at(q).is_some()) {
                return None;
            }
            let v = self.skip_adverbs(close + 1, end);
            return self.is_verb_at(v).then_some(v);
        }
        let v = self.skip_adverbs(j, end);
        (v < end && self.is_verb_at(v)).then_some(v)
    }

    /// Is the "he"/"she" at `k` the subject of a clause reported by a
    /// speaker this sentence describes without naming ("The mayor of
    /// Ingolstadt said he backed the farmers": a determiner opens the
    /// sentence and no actor stands before the speech verb outside a
    /// prepositional phrase)? The pronoun is that speaker, not a person
    /// named in an earlier sentence.
    fn reported_by_unnamed(&self, k: usize, s0: usize) -> bool {
        let mut v = k.wrapping_sub(1);
        if self.lw(v) == "that" {
            v = v.wrapping_sub(1);
        }
        if v <= s0 || v >= k || !self.lex.is_speech_verb(self.lw(v)) {
            return false;
        }
        let named = (s0..v).any(|j| {
            matches!(self.lw(j), "he" | "she" | "i" | "we")
                || self.mention_at(j).is_some_and(|m| !self.in_pp(m.first))
        });
        !named && self.is(s0, Class::Det)
    }

    /// "Clara Osei, who leads the group Living Rivers, said …", "Ana Ruiz,
    /// the head of the port union, said …": a name, then a relative clause
    /// or an appositive set off by commas, then the predicate at `from`.
    /// The name is the subject, not the last name inside the commas. Not a
    /// name inside a prepositional phrase ("In Paris, …").
    fn name_before_parenthetical(&self, s0: usize, from: usize) -> Option<Subject> {
        if from < s0 + 3
            || self.lw(from - 1) != ","
            || !(self.is(from, Class::Verbish) || self.is(from, Class::Aux))
        {
            return None;
        }
        // The comma that opens it: the nearest one, or for a relative
        // clause one further back ("X, which represents A, B and C, said").
        let floor = from.saturating_sub(24).max(s0 + 1);
        let opens = |n: usize, k: usize| {
            matches!(self.lw(k + 1), "who" | "whose" | "which")
                || n == 0
                    && (self.is(k + 1, Class::Det)
                        || self.kind(k + 1) == Some(TokenKind::Word) && !self.is_cap(k + 1))
        };
        let open = (floor..from - 1)
            .rev()
            .filter(|&k| self.lw(k) == ",")
            .enumerate()
            .find(|&(n, k)| opens(n, k))
            .map(|(_, k)| k)?;
        // "The German Aviation Association (BDL), which …": the name before
        // its bracketed abbreviation.
        let mut end = open;
        if self.lw(open - 1) == ")" {
            if let Some(paren) = (open.saturating_sub(5).max(s0 + 1)..open - 1)
                .rev()
                .find(|&j| self.lw(j) == "(")
            {
                end = paren;
            }
        }
        let m = self.mention_at(end.checked_sub(1)?)?;
        (m.last == end && !self.in_pp(m.first) && open + 1 < from - 1).then_some(Subject {
            actor: m.actor,
            first: Some(m.first),
        })
    }

    /// "Several producers, including Russia and Iran, backed …": a plain
    /// noun with a parenthetical "including …" of names right before the
    /// predicate at `from`. Those names are who the subject stands for: the
    /// last of them, with its coordinated names for the caller to add.
    fn named_in_including(&self, s0: usize, from: usize) -> Option<Subject> {
        if from < s0 + 4
            || self.lw(from - 1) != ","
            || !(self.is(from, Class::Verbish) || self.is(from, Class::Aux))
        {
            return None;
        }
        let open = (from.saturating_sub(14).max(s0 + 1)..from - 1)
            .rev()
            .find(|&k| self.lw(k) == "," && self.lw(k + 1) == "including")?;
        if self.mention_at(open - 1).is_some() || self.kind(open - 1) != Some(TokenKind::Word) {
            return None;
        }
        let m = self.mention_at(from - 2)?;
        (m.last == from - 1 && m.first > open + 1).then_some(Subject {
            actor: m.actor,
            first: Some(m.first),
        })
    }

    /// The subject of a predicate at token `from`, in the sentence starting
    /// at `s0`: the nearest actor mention to its left that is not inside a
    /// prepositional phrase or at a token `skip` rules out (a possessor such
    /// as "Witkoff’s journey" only as a fallback), "he"/"she", or a subject
    /// "it"/"they" resolved by [`Doc::antecedent`]. Scans stop at clause
    /// boundaries, except that a verb right after "but"/"yet" shares the
    /// subject before it ("welcomed A but criticized B"). The left-hand
    /// counterpart of [`Doc::predicate_after`].
    pub fn subject_before(
        &self,
        s0: usize,
        from: usize,
        skip: &dyn Fn(usize) -> bool,
    ) -> Option<Subject> {
        let mut fallback = None;
        let mut k = from;
        let mut steps = 0;
        while k > s0 && steps < MAX_SUBJECT_DISTANCE {
            k -= 1;
            steps += 1;
            let w = self.lw(k);
            if self.lex.is_hard_boundary(w) || self.opens_finite_clause(k) {
                let mut v = k + 1;
                while self.is(v, Class::Adverb) && v < from {
                    v += 1;
                }
                let shared = matches!(w, "but" | "yet") && v <= from && self.is(v, Class::Verbish);
                if !shared {
                    break;
                }
                continue;
            }
            // "X, who leads Y, said the ban was unfair", "X, the head of Y,
            // said": back over the parenthetical to X (also when the comma
            // right before the predicate is in a skipped phrase).
            if w == "," && (k + 1 == from || !skip(k)) {
                if let Some(named) = self
                    .name_before_parenthetical(s0, k + 1)
                    .or_else(|| self.named_in_including(s0, k + 1))
                {
                    return Some(named);
                }
            }
            if skip(k) {
                continue;
            }
            if let Some(m) = self.mention_at(k) {
                k = m.first;
                if self.in_pp(m.first)
                    && !self.body_of(m.first)
                    && !self.clause_subject(m.first, m.last)
                {
                    continue;
                }
                let possessive = self.kind(m.last) == Some(TokenKind::Possessive);
                let role_follows = self.is(m.last + 1, Class::ActingBody)
                    || self.is(m.last + 2, Class::ActingBody)
                    || self.is(m.last + 3, Class::ActingBody);
                if possessive && !role_follows {
                    fallback.get_or_insert(Subject {
                        actor: m.actor,
                        first: None,
                    });
                    continue;
                }
                return Some(Subject {
                    actor: m.actor,
                    first: Some(m.first),
                });
            }
            let pronoun = |actor| Subject { actor, first: None };
            // "after they shunned …": the subject of a clause a subordinator opens.
            let free = !self.in_pp(k) || self.clause_subject(k, k + 1);
            if matches!(w, "he" | "she") && free {
                if self.reported_by_unnamed(k, s0) {
                    return fallback;
                }
                return self.antecedent(k, s0).map(pronoun).or(fallback);
            }
            // "after they shunned …": "they" is that clause's subject, and
            // whom it means is not clear enough to name (coordinated people,
            // a country): nobody, rather than the main clause's subject.
            if matches!(w, "it" | "they") && self.in_pp(k) && free {
                return fallback;
            }
            if matches!(w, "it" | "they") && free && self.subject_pronoun(k) {
                // An organisation, country or group named in this or the
                // previous sentence, with nothing skipped in between.
                let min = self.previous_sentence_start(s0);
                // A skipped phrase (a proposal) in subject position may be
                // what the pronoun refers to; one that is an object ("condemned
                // the move and said it …") may not.
                let subject_phrase = |j: usize| {
                    skip(j)
                        && (j == s0 || !skip(j - 1))
                        && !(j > s0
                            && (self.is(j - 1, Class::Verbish) || self.is(j - 1, Class::Prep)))
                };
                let found = self
                    .antecedent(k, min)
                    .filter(|_| !(s0..k).any(subject_phrase));
                return found.map(pronoun).or(fallback);
            }
        }
        fallback
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The precomputed classes equal the lexicon's predicates, for listed
    /// words and for words known only by their shape.
    #[test]
    fn class_table_matches_the_predicates() {
        let doc = Doc::segmented("x");
        let lx = doc.lex;
        let mut words: Vec<String> = lx.cue_and_head_words().map(str::to_owned).collect();
        for w in [
            "the",
            "of",
            "and",
            "which",
            "he",
            "was",
            "not",
            "said",
            "still",
            "peace",
            "several",
            "earlier",
            "updated",
            "officials",
            "rejected",
            "walking",
            "quickly",
            "family",
            "italy",
            "plan",
            "plans",
            "x",
            "",
            "reportedly",
            "tabled",
        ] {
            words.push(w.to_owned());
        }
        for w in &words {
            let c = classes_of(&doc, w);
            let want = [
                (Class::Det, lx.is_determiner(w)),
                (Class::Prep, lx.is_preposition(w)),
                (Class::Conj, lx.is_conjunction(w)),
                (Class::ClauseWord, lx.is_clause_word(w)),
                (Class::Pron, lx.is_pronoun(w)),
                (Class::Aux, lx.is_aux(w)),
                (Class::Neg, lx.is_negator(w)),
                (Class::CommonVerb, lx.is_common_verb(w)),
                (Class::Cue, lx.is_cue_word(w)),
                (Class::Verbish, lx.is_verbish(w)),
                (Class::Adverb, lx.is_adverb(w)),
                (Class::Topic, lx.is_topic(w)),
                (Class::Quantifier, lx.is_quantifier(w)),
                (Class::OldTag, lx.is_old_tag(w)),
                (Class::NewTag, lx.is_new_tag(w)),
                (Class::ActingBody, lx.is_acting_body(w)),
                (Class::Participle, is_participle(w)),
                (Class::ProposalHead, lx.head(w).is_some()),
            ];
            for (class, yes) in want {
                assert_eq!(c.has(class), yes, "{w:?} {class:?}");
            }
        }
    }
}
