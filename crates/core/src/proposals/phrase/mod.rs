//! Proposal noun phrases: find a head noun, walk left over its premodifiers
//! and right over its complement, and record the features merging needs.
//!
//! Word classes come from the syntax layer ([`crate::syntax`]): a phrase
//! never extends left over a preposition,
//! conjunction, pronoun, auxiliary or cue verb; -ed/-ing/-ly words and plural
//! -s words are only kept when a determiner or possessive closes the phrase
//! ("an updated peace framework" but not "imposing restrictions"). Each walk
//! is bounded (8 tokens left, 12 right), so the pass is O(n).

use crate::tokenize::TokenKind;

mod describe;
mod extra;
mod features;
mod left;
mod right;

use crate::doc::Doc;
use crate::lexicon::{Family, Head, Strength};
use crate::syntax::Class;

/// Longest premodifier walk, in tokens.
const MAX_LEFT: usize = 8;
/// Longest complement or description walk, in tokens.
const MAX_RIGHT: usize = 12;
/// Longest description, in words.
const MAX_DESC_WORDS: usize = 15;

/// A candidate proposal mention in one sentence (global token indices).
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Sentence index.
    pub sentence: usize,
    /// The head noun token.
    pub head_tok: usize,
    /// The head noun.
    pub head: Head,
    /// First token of the phrase, determiners included.
    pub np_start: usize,
    /// First token of the clean name (determiners, quantifiers and "earlier" dropped).
    pub name_start: usize,
    /// One past the last token of the name.
    pub name_end: usize,
    /// Description clause after the name (token range), if any.
    pub desc: Option<(usize, usize)>,
    /// A determiner or possessive opens the phrase.
    pub has_det: bool,
    /// Opens with "the", "this", "that", "these" or "those".
    pub definite: bool,
    /// Opens with "a", "an" or "another": something new, not a reference.
    pub indefinite: bool,
    /// Lower-case content modifiers (not determiners/quantifiers/tags).
    pub content: Vec<String>,
    /// A topic modifier ("peace", "security") is present.
    pub topic: bool,
    /// Actors named among the premodifiers ("Trump-Putin summit").
    pub actors: Vec<usize>,
    /// Those of `actors` that say what the phrase is about, never who
    /// makes it ("a Warhol donor program": whose donors).
    pub about: Vec<usize>,
    /// The possessor actor ("America’s peace blueprint").
    pub possessor: Option<usize>,
    /// A numeric modifier ("28-point").
    pub number: Option<String>,
    /// Marked as an earlier version ("earlier", "original").
    pub old: bool,
    /// Marked as a newer version ("updated", "revised").
    pub new: bool,
    /// Lower-case content words of the complement ("on Ukrainian military strength").
    pub complement: Vec<String>,
    /// Followed by "to" + a verb ("plans to travel").
    pub to_verb: bool,
    /// When the infinitive names it: its verb and the noun of that act
    /// ("extend", "extension"), which a later "the extension" refers to.
    pub acts: Vec<String>,
    /// Stances the phrase itself shows ("The EU lifted the sanctions": the
    /// EU proposes the lifting).
    pub preset: Vec<super::stance::Hit>,
    /// Its name when it is not the text as written ("lifting the
    /// sanctions" for "lifted the sanctions").
    pub name_override: Option<String>,
    /// A pronoun object of a stance verb ("rejected it"): it names the
    /// proposal mentioned last.
    pub pronoun: bool,
    /// A finite action by its subject ("The EU lifted the sanctions"), not
    /// a request for it.
    pub done: bool,
}

impl Candidate {
    /// Does an owner's possessive stand right before the head ("the
    /// government's proposal")?
    pub fn owner_before(&self, doc: &Doc) -> bool {
        self.head_tok > 0 && doc.kind(self.head_tok - 1) == Some(TokenKind::Possessive)
    }

    /// No identifying modifier or complement: refers back to an earlier proposal.
    pub fn is_bare(&self) -> bool {
        self.content.is_empty()
            && self.complement.is_empty()
            && self.number.is_none()
            && self.actors.is_empty()
    }

    /// Records that its infinitive names the act of `verb`: the verb and
    /// the noun of that act ("extend", "extension"), which a later "the
    /// extension" refers to.
    pub fn add_act(&mut self, doc: &Doc, verb: &str) {
        self.acts.push(verb.to_owned());
        if let Some(noun) = doc.lex.nominal_of(verb) {
            self.acts.push(noun.to_owned());
        }
    }

    /// Number of identifying words (for choosing the fullest name).
    pub fn weight(&self) -> usize {
        self.content.len() + self.complement.len() + usize::from(self.number.is_some())
    }
}

pub(super) fn build(
    doc: &Doc,
    s: usize,
    h: usize,
    head: Head,
    s0: usize,
    s1: usize,
) -> Option<Candidate> {
    let (start, has_det) = left::np_start(doc, h, s0);
    let mut c = Candidate {
        sentence: s,
        head_tok: h,
        head,
        np_start: start,
        name_start: start,
        name_end: h + 1,
        desc: None,
        has_det,
        definite: matches!(doc.lw(start), "the" | "this" | "that" | "these" | "those"),
        indefinite: matches!(doc.lw(start), "a" | "an" | "another"),
        content: Vec::new(),
        topic: false,
        actors: Vec::new(),
        about: Vec::new(),
        possessor: None,
        number: None,
        old: false,
        new: false,
        complement: Vec::new(),
        to_verb: false,
        acts: Vec::new(),
        preset: Vec::new(),
        name_override: None,
        pronoun: false,
        done: false,
    };
    features::premodifiers(doc, &mut c, h);
    right::complement(doc, &mut c, head, h, s1);
    describe::description(doc, &mut c, s0, s1);
    Some(c)
}

/// Finds the candidate proposal phrases of sentence `s`, in text order.
pub fn candidates(doc: &Doc, s: usize) -> Vec<Candidate> {
    let r = doc.sentence_range(s);
    let mut out = Vec::new();
    for h in r.clone() {
        if doc.kind(h) != Some(TokenKind::Word) {
            continue;
        }
        // "the drivers' demand for an independent review of pay": a head
        // inside the name of the phrase before it is part of that name.
        if out
            .last()
            .is_some_and(|p: &Candidate| p.head_tok < h && h < p.name_end)
        {
            continue;
        }
        let titled = titled_document(doc, h, r.start);
        let Some(head) = titled.or_else(|| doc.lex.head(doc.lw(h))) else {
            continue;
        };
        // "ceasefire arrangement", "law firm", "plan details": the last noun
        // of a compound is the head.
        if h + 1 < r.end && (doc.is(h + 1, Class::ProposalHead) || compound_noun_follows(doc, h)) {
            continue;
        }
        if !capitalisation_ok(doc, h, r.start, r.end) {
            continue;
        }
        // "Open Science Framework": a named actor; but "the Clean Air Act",
        // a name that ends on the word of a law, names a proposal.
        if doc.mention_at(h).is_some() && titled.is_none() {
            continue;
        }
        if head.verb_too && reads_as_verb(doc, h, r.start) {
            continue;
        }
        if let Some(mut c) = build(doc, s, h, head, r.start, r.end) {
            // "Senate Bill 112", "Resolution 2334": the number is the name's.
            if titled.is_some()
                && c.name_end == h + 1
                && h + 1 < r.end
                && doc.kind(h + 1) == Some(TokenKind::Number)
            {
                c.name_end = h + 2;
            }
            // A head inside this phrase's modifiers ("a ceasefire and
            // hostage release deal") is not a proposal of its own.
            while out
                .last()
                .is_some_and(|p: &Candidate| p.head_tok >= c.np_start)
            {
                out.pop();
            }
            out.push(c);
        }
    }
    extra::add(doc, s, &mut out);
    for c in &mut out {
        trim_name(doc, c);
    }
    out
}

/// A name never ends on a determiner, preposition, conjunction or comma
/// ("decision to slight the centre as a" → "… as").
fn trim_name(doc: &Doc, c: &mut Candidate) {
    while c.name_end > c.name_start + 1 && c.name_end > c.head_tok + 1 {
        let k = c.name_end - 1;
        let function = doc.is(k, Class::Det)
            || doc.is(k, Class::Prep)
            || doc.is(k, Class::Conj)
            || doc.kind(k) == Some(TokenKind::Punct) && !matches!(doc.lw(k), "%" | ")");
        if !function {
            break;
        }
        c.name_end = k;
    }
}

/// Is the word after head `h` a plain lower-case noun that makes `h` a
/// modifier ("law enforcement", "plan details", "tax returns")? Not a
/// closed-class word, verb, participle, adverb, time word or cue.
fn compound_noun_follows(doc: &Doc, h: usize) -> bool {
    let k = h + 1;
    let w = doc.lw(k);
    let tok = doc.tokens.get(k);
    if tok.is_none_or(|t| t.kind != TokenKind::Word || !t.space_before) || doc.is_cap(k) {
        return false;
    }
    if doc.mention_at(k).is_some() || w.len() < 3 {
        return false;
    }
    let closed = [
        Class::Det,
        Class::Prep,
        Class::Conj,
        Class::ClauseWord,
        Class::Pron,
        Class::Aux,
        Class::Neg,
        Class::CommonVerb,
        Class::Cue,
        Class::Verbish,
        Class::Adverb,
        Class::Participle,
        Class::Quantifier,
    ];
    // "the agreement pauses fighting": after a singular head an -s word may
    // be its verb.
    let maybe_verb = w.ends_with('s') && !w.ends_with("ss") && !doc.lw(h).ends_with('s');
    !maybe_verb
        && !closed.iter().any(|&c| doc.is(k, c))
        && !doc.lex.is_time_word(w)
        && !doc.lex.is_non_noun(w)
        && !w.ends_with("ly")
}

/// The head of a law or treaty named by a title ("the Rail Reform Bill",
/// "the Clean Air Act"): `h` is a capitalised document word
/// (`names/document_heads.txt`) after another capitalised word, and ends
/// the name it is in, if any. Strong: a titled law is always a proposal.
fn titled_document(doc: &Doc, h: usize, s0: usize) -> Option<Head> {
    if h == s0 || !doc.is_cap(h) || !doc.is_cap(h - 1) || !doc.lex.is_document_head(doc.tok(h)) {
        return None;
    }
    if doc.mention_at(h).is_some_and(|m| m.last != h + 1) {
        return None;
    }
    let head = doc.lex.head(doc.lw(h)).unwrap_or(Head {
        lemma: "",
        family: Family::Law,
        strength: Strength::Strong,
        verb_too: false,
    });
    Some(Head {
        strength: Strength::Strong,
        verb_too: false,
        ..head
    })
}

/// A capitalised head is only a proposal inside a title ("Paris Agreement"),
/// never the start of a name ("Bill Clinton").
fn capitalisation_ok(doc: &Doc, h: usize, s0: usize, s1: usize) -> bool {
    if !doc.is_cap(h) || h == s0 {
        return true;
    }
    let all_caps = doc.tok(h).chars().all(|c| !c.is_lowercase());
    if all_caps {
        return true;
    }
    doc.is_cap(h - 1) && !(h + 1 < s1 && doc.is_cap(h + 1))
}

/// "he plans to", "which limits", "Russia demands a…": verb, not noun.
/// Does the learned parse tag token `h` a verb with a nominal subject of
/// its own? `false` without a parse.
fn parsed_verb_with_subject(doc: &Doc, h: usize) -> bool {
    use crate::syntax::{Deprel, Upos};
    let Some(sp) = doc.parse_of_token(h) else {
        return false;
    };
    let Some(w) = sp.word_of_token(h) else {
        return false;
    };
    sp.words[w].upos == Upos::Verb
        && sp
            .children(w)
            .any(|k| matches!(sp.words[k].deprel, Deprel::Nsubj | Deprel::NsubjPass))
}

fn reads_as_verb(doc: &Doc, h: usize, s0: usize) -> bool {
    if h == s0 {
        return false;
    }
    let prev = doc.lw(h - 1);
    let plural = doc.lw(h).ends_with('s');
    if doc.lex.is_verb_subject(prev)
        || doc.is(h - 1, Class::Aux)
        || doc.is(h - 1, Class::Neg)
        || (plural && matches!(prev, "that" | "which"))
    {
        return true;
    }
    let after = doc.lw(h + 1);
    // "called the prison sentence a disaster": after an article (and at
    // most one modifier) the word is a noun whatever follows.
    let article = |k: usize| matches!(doc.lw(k), "the" | "a" | "an");
    let determined =
        article(h - 1) || h >= s0 + 2 && article(h - 2) && !doc.is(h - 1, Class::Verbish);
    // "studying eye movements offers an insight", "and offer the lessons".
    if !determined
        && doc.is(h + 1, Class::Det)
        && !matches!(after, "that" | "which" | "what" | "whose")
    {
        return true;
    }
    let noun_follows =
        doc.is(h + 1, Class::Prep) && after != "to" || doc.kind(h + 1) != Some(TokenKind::Word);
    if doc.mention_at(h - 1).is_some() && doc.kind(h - 1) == Some(TokenKind::Word) {
        // "Kesteven Logistics cut 300 jobs": the learned parse reads a verb
        // with its own subject (asked only here, where the words leave it
        // open, so that few sentences are parsed for it).
        return !noun_follows || !determined && parsed_verb_with_subject(doc, h);
    }
    false
}
