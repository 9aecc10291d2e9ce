//! Named-entity recognition: finds name mentions and labels them.
//!
//! Rule-based, in three passes over the story tokens:
//! 1. **Document evidence**: which capitalised words appear mid-sentence
//!    (so are names here) and which words appear in lower case (so a
//!    sentence-initial capital is just a capital); which sentences are
//!    title-case or all-caps headlines.
//! 2. **Chunking**: runs of capitalised words, joined by initials
//!    ("J. R. R. Tolkien"), glued hyphens ("Jean-Claude"), "of" after head
//!    words ("University of X"), "&" and name particles ("van"); leading
//!    function words ("The"), sentence-initial common words and titles
//!    ("President", "Mr.") are stripped (titles are kept for descriptions);
//!    headline words must be confirmed by the body or a gazetteer.
//! 3. **Labelling**: the rules' reading (knowledge base, title,
//!    organisation/place head words, gazetteers, acronyms, head-word
//!    statistics and context such as "in X" and "X said", then one label per
//!    name per document) is computed for every candidate; with the
//!    Analyzer's learned model (`learned`, the default) it becomes features
//!    of a two-pass averaged perceptron that decides person, organisation,
//!    place, group, other or no name, with a calibrated score (an unsure
//!    name is `Other`, never a default person); without one, the rules'
//!    label stands. A few readings hold either way (`override_kind`: laws
//!    and treaties, national teams in sports reports, "the town of X").
//!
//! Complexity: O(n) in the number of tokens (hash lookups per token; the
//! chunk extension never revisits a token).

mod chunk;
mod classify;
mod dateline;
pub mod features;
pub mod learned;

use crate::hash::FastSet;

use crate::doc::Doc;
use crate::model::{ActorKind, MentionForm, Span};
use crate::tokenize::TokenKind;

/// A recognised name: what the `ner` component writes to [`Doc::ents`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ent {
    /// Byte span of the name (titles and determiners left out).
    pub span: Span,
    /// What it names.
    pub label: ActorKind,
    /// How sure the recogniser is of `label`, in `0.0..=1.0`; when one
    /// actor's names get different labels, the highest score wins.
    pub score: f32,
}

/// A title or office: written before a name ("President" in "President
/// Zelenskyy") or standing for its holder ("The President").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Title {
    /// Byte span of the title.
    pub span: Span,
    /// Index in [`Doc::ents`] of the name it precedes; `None` when it stands
    /// alone and refers to a person named elsewhere.
    pub of: Option<usize>,
}

/// The score a recogniser strength (0 for a default guess to 7 for a
/// person's surname with strong evidence) maps to.
pub const fn score_of(strength: u8) -> f32 {
    strength as f32 / MAX_STRENGTH as f32
}

/// The strongest evidence the rules know.
const MAX_STRENGTH: u8 = 7;

/// The strength of a title: a standalone title ("The President") names a
/// person with this score.
pub const TITLE_SCORE: f32 = score_of(5);

/// A recognised mention before the names and titles are split apart.
#[derive(Debug, Clone, PartialEq)]
struct EntityMention {
    /// Byte span of the name.
    pub span: Span,
    /// Its kind.
    pub kind: ActorKind,
    /// How it refers.
    pub form: MentionForm,
    /// A title written just before the name ("President", "Prime Minister").
    pub title: Option<Span>,
    /// How sure the recogniser is of `kind`, in `0.0..=1.0`; used to
    /// settle merged actors' kinds.
    pub score: f32,
}

/// The rules' reading of a candidate (see `Rules::rule_labels`).
#[derive(Debug, Clone, Copy, PartialEq)]
struct RuleLabel {
    /// The label from its own text and context, and its strength.
    own: (ActorKind, Strength),
    /// The label after one label per name per document.
    doc: (ActorKind, Strength),
    /// The rules take it for no name at all.
    dropped: bool,
}

/// How sure a label is; higher wins when one name gets several labels.
type Strength = u8;

/// A candidate name: token range `a..b` (document token indices).
#[derive(Debug, Clone)]
struct Cand {
    a: usize,
    b: usize,
    title: Option<(usize, usize)>,
    form: MentionForm,
    /// A label forced by the chunker (titles → person).
    forced: Option<ActorKind>,
}

/// Fills [`Doc::ents`] and [`Doc::titles`] (reads the tokens).
pub struct Recognizer;

impl crate::pipeline::Component for Recognizer {
    fn name(&self) -> &'static str {
        "ner"
    }

    fn run(&self, doc: &mut Doc<'_>) {
        let (ents, titles) = split(recognize(doc));
        doc.ents = ents;
        doc.titles = titles;
    }
}

/// Names and titles, each in text order, from the rules' mentions.
fn split(mentions: Vec<EntityMention>) -> (Vec<Ent>, Vec<Title>) {
    let mut ents = Vec::with_capacity(mentions.len());
    let mut titles = Vec::new();
    for m in mentions {
        if m.form == MentionForm::Role {
            titles.push(Title {
                span: m.span,
                of: None,
            });
            continue;
        }
        if let Some(t) = m.title {
            titles.push(Title {
                span: t,
                of: Some(ents.len()),
            });
        }
        ents.push(Ent {
            span: m.span,
            label: m.kind,
            score: m.score,
        });
    }
    (ents, titles)
}

/// Does the document use at least two words of sports reports ("goal",
/// "striker") or scores ("2–1")? O(n), stopping at the second.
pub(crate) fn is_sports_report(doc: &Doc) -> bool {
    (0..doc.tokens.len())
        .filter(|&g| doc.lex.is_sports_word(doc.lw(g)) || is_score_at(doc, g))
        .take(2)
        .count()
        >= 2
}

/// Does a score ("2–1", "3-0") start at token `g`?
pub(crate) fn is_score_at(doc: &Doc, g: usize) -> bool {
    let digits = |w: &str| !w.is_empty() && w.len() <= 3 && w.chars().all(|ch| ch.is_ascii_digit());
    let w = doc.tok(g);
    let glued = |k: usize| doc.tokens.get(k).is_some_and(|t| !t.space_before);
    let one = w
        .split_once(['-', '–'])
        .is_some_and(|(x, y)| digits(x) && digits(y));
    one || (digits(w)
        && matches!(doc.tok(g + 1), "-" | "–")
        && digits(doc.tok(g + 2))
        && glued(g + 1)
        && glued(g + 2))
}

/// Finds entity mentions in the story sentences, in text order: the
/// rules' candidates, labelled by the learned model when the document has
/// one and by the rules otherwise.
fn recognize(doc: &Doc) -> Vec<EntityMention> {
    let r = Rules::new(doc);
    let cands = r.candidates();
    let rules = r.rule_labels(&cands);
    match doc.ner_model {
        Some(model) => model.label(&r, &cands, &rules),
        None => r.label(&cands, &rules),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Headline {
    No,
    TitleCase,
    AllCaps,
}

struct Rules<'d, 'a> {
    doc: &'d Doc<'a>,
    /// Capitalised words seen mid-sentence in body text.
    known_mid: FastSet<&'a str>,
    /// Capitalised words seen mid-sentence on their own (not next to
    /// another capitalised word).
    known_single: FastSet<&'a str>,
    /// Words seen starting with a lower-case letter.
    lower_doc: FastSet<&'a str>,
    /// Capitalised plurals counted somewhere in the body ("100 Polaroids",
    /// "several Leicas") and their singulars: things, not names
    /// ([`Rules::counted_thing`]).
    counted: FastSet<&'a str>,
    /// Per sentence: is it a headline?
    headline: Vec<Headline>,
    /// Is the document a sports report? (Computed on first use.)
    sports: std::cell::OnceCell<bool>,
}

/// A four-digit number that reads as a year (1000–2199).
fn is_year(w: &str) -> bool {
    w.len() == 4 && w.parse::<u16>().is_ok_and(|y| (1000..2200).contains(&y))
}

fn first_char(w: &str) -> Option<char> {
    w.chars().next()
}

fn is_cap(w: &str) -> bool {
    first_char(w).is_some_and(char::is_uppercase)
}

/// All letters upper case and at least two letters ("NASA", "U.S.").
fn is_acronym(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// "NEW DELHI" → "New Delhi", "party" → "Party".
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic() && c != '\'';
    }
    out
}

fn lower(w: &str) -> String {
    w.to_lowercase()
}

impl<'d, 'a> Rules<'d, 'a> {
    fn new(doc: &'d Doc<'a>) -> Self {
        // Sized for a typical article up front (growing a table rehashes it);
        // capped so that a huge text does not reserve far more than it uses.
        let n = doc.tokens.len();
        let sized = |k: usize| FastSet::with_capacity_and_hasher(k.min(8192), Default::default());
        let mut r = Rules {
            doc,
            known_mid: sized(n / 16),
            known_single: sized(n / 32),
            lower_doc: sized(n / 3),
            counted: sized(4),
            headline: Vec::with_capacity(doc.sentences.len()),
            sports: std::cell::OnceCell::new(),
        };
        for s in 0..doc.sentences.len() {
            let h = r.detect_headline(s);
            r.headline.push(h);
        }
        for s in 0..doc.sentences.len() {
            if r.headline[s] != Headline::No {
                continue;
            }
            for g in doc.sentence_tokens.get(s).cloned().unwrap_or(0..0) {
                if doc.tokens[g].kind != TokenKind::Word {
                    continue;
                }
                let w = doc.tok(g);
                if is_cap(w) {
                    if r.counts_plural(g) {
                        // The singular too: "a Polaroid camera".
                        r.counted.insert(w);
                        r.counted.insert(&w[..w.len() - 1]);
                    }
                    if !r.is_initial(g) {
                        r.known_mid.insert(w);
                        let capw = |k: usize| {
                            doc.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word)
                                && is_cap(doc.tok(k))
                        };
                        let left = g > 0 && capw(g - 1);
                        if !left && !capw(g + 1) {
                            r.known_single.insert(w);
                        }
                    }
                } else if first_char(w).is_some_and(char::is_lowercase) {
                    r.lower_doc.insert(w);
                }
            }
        }
        r
    }

    /// Is word `g` a capitalised plural after a cardinal number or a
    /// counting word (`names/counting_words.txt`: "several Leicas", "100
    /// Polaroids"), and not a word for people (a group or member noun, a
    /// demonym, a name the knowledge base knows)? A year does not count
    /// ("the 2024 Olympics").
    fn counts_plural(&self, g: usize) -> bool {
        let w = self.w(g);
        // Plural endings of words for people ("Midwesterners", "Bostonians",
        // `names/people_plural_endings.txt`) are left to the recogniser.
        let people = self
            .lx()
            .words(crate::lexicon::List::PeoplePluralEndings)
            .iter()
            .any(|e| w.ends_with(e));
        let plural = w.len() >= 4
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !people
            && w.chars().skip(1).all(char::is_lowercase);
        if !plural
            || g == 0
            || self.doc.tokens[g - 1].sentence_index() != self.doc.tokens[g].sentence_index()
        {
            return false;
        }
        let prev = self.w(g - 1);
        let counts = match self.kind(g - 1) {
            // The number must count this word ("100 Polaroids"), not
            // date the clause ("In 348 Pachomius died").
            Some(TokenKind::Number) => {
                !is_year(prev)
                    && self.doc.parse_of_token(g).is_none_or(|sp| {
                        let (n, w) = (sp.word_of_token(g - 1), sp.word_of_token(g));
                        n.and_then(|n| sp.words.get(n)).is_some_and(|n| {
                            n.deprel == crate::syntax::Deprel::Nummod
                                && n.head.map(|h| h as usize) == w
                        })
                    })
            }
            // A capitalised number belongs to a title ("Seven Nights").
            Some(TokenKind::Word) if !is_cap(prev) => {
                let p = self.doc.lw(g - 1);
                self.lx().is_number_word(p) || self.lx().is_counting_word(p)
            }
            _ => false,
        };
        counts
            && !self.lx().is_group_noun(w)
            && !self.lx().is_member_noun(w)
            && self.kb().demonym(w).is_none()
            && self.kb().lookup(w).is_none()
            && !self.is_demonym_of_place(w)
    }

    /// Is `w` a thing counted elsewhere in the article (see
    /// [`Rules::counts_plural`]), or the singular of one ("a Polaroid
    /// camera" after "100 Polaroids")?
    fn counted_thing(&self, w: &str) -> bool {
        self.counted.contains(w)
    }

    /// The candidate names of the story sentences, in text order.
    fn candidates(&self) -> Vec<Cand> {
        let mut cands = Vec::new();
        for s in 0..self.doc.sentences.len() {
            match self.headline[s] {
                Headline::No => self.chunk_sentence(s, &mut cands),
                _ => self.chunk_headline(s, &mut cands),
            }
        }
        self.split_hyphenated(cands)
    }

    fn lx(&self) -> &'a crate::lexicon::Lexicon {
        self.doc.lex
    }

    fn kb(&self) -> &'a crate::kb::Kb {
        self.doc.kb
    }

    fn w(&self, g: usize) -> &'a str {
        self.doc.tok(g)
    }

    fn kind(&self, g: usize) -> Option<TokenKind> {
        self.doc.tokens.get(g).map(|t| t.kind)
    }

    fn space_before(&self, g: usize) -> bool {
        self.doc.tokens.get(g).is_some_and(|t| t.space_before)
    }

    /// A capitalised word that can be part of a name.
    fn capword(&self, g: usize) -> bool {
        self.kind(g) == Some(TokenKind::Word) && {
            let w = self.w(g);
            // "May 5", "in May", "since March": a date.
            let month_may = (w == "May" && self.kind(g + 1) == Some(TokenKind::Number))
                || (g > 0
                    && self.lx().is_month_name(self.doc.lw(g))
                    && self.lx().is_month_cue(self.doc.lw(g - 1)));
            let contraction = w.starts_with("I'") || w.starts_with("I’");
            // "on Fridays", "in the Sixties": the plural of a never-name.
            let never_plural = w
                .strip_suffix('s')
                .is_some_and(|sg| sg.len() > 3 && self.lx().is_never_name(sg));
            is_cap(w) && !self.lx().is_never_name(w) && !never_plural && !contraction && !month_may
        }
    }

    /// A capitalised word glued after a lower-case prefix ("pro-Beijing").
    fn after_prefix(&self, g: usize) -> bool {
        g >= 2
            && !self.space_before(g)
            && matches!(self.w(g - 1), "-" | "‐")
            && !self.space_before(g - 1)
            && first_char(self.w(g - 2)).is_some_and(char::is_lowercase)
    }

    /// Is token `g` the first word of its sentence (or of a quotation)?
    fn is_initial(&self, g: usize) -> bool {
        let Some(t) = self.doc.tokens.get(g) else {
            return false;
        };
        let start = self
            .doc
            .sentence_tokens
            .get(t.sentence_index())
            .map_or(g, |r| r.start);
        let mut k = g;
        while k > start {
            k -= 1;
            match self.kind(k) {
                Some(TokenKind::Punct) => {
                    let p = self.w(k);
                    if matches!(p, "“" | "\"" | "‘" | ":" | "—" | "–") {
                        return true;
                    }
                    // "LEEDS (Reuters) - Thousands …": a spaced hyphen
                    // after a dateline is a dash.
                    if p == "-" && self.space_before(k) && self.space_before(k + 1) {
                        return true;
                    }
                    if !matches!(p, "(" | "[" | "'" | "-" | "*" | "•") {
                        return false;
                    }
                }
                _ => return false,
            }
        }
        true
    }

    /// Does the line hold a small number set off by commas after a
    /// capitalised word ("Ahmed Khan, 24, of Leeds", "Ana Ruiz, 31")?
    fn has_set_off_age(&self, range: std::ops::Range<usize>) -> bool {
        range.clone().any(|g| {
            g >= range.start + 2
                && self.kind(g) == Some(TokenKind::Number)
                && self.w(g).len() <= 3
                && self.w(g - 1) == ","
                && self.kind(g - 2) == Some(TokenKind::Word)
                && is_cap(self.w(g - 2))
                && (g + 1 == range.end || matches!(self.w(g + 1), "," | ";"))
        })
    }

    fn detect_headline(&self, s: usize) -> Headline {
        let range = self.doc.sentence_tokens.get(s).cloned().unwrap_or(0..0);
        let (mut words, mut caps, mut upper, mut content) = (0, 0, 0, 0);
        let mut last_punct = "";
        for g in range.clone() {
            match self.kind(g) {
                Some(TokenKind::Word) => {
                    let w = self.w(g);
                    words += 1;
                    if is_acronym(w) && w.chars().count() > 1 {
                        upper += 1;
                    }
                    if w.chars().count() > 3 || is_cap(w) {
                        content += 1;
                        if is_cap(w) {
                            caps += 1;
                        }
                    }
                }
                Some(TokenKind::Punct) => last_punct = self.w(g),
                _ => {}
            }
        }
        let ends_with_stop = range
            .clone()
            .last()
            .is_some_and(|g| matches!(self.w(g), "." | "!" | "?" | "”" | "\""));
        let _ = last_punct;
        // A short line on its own ("Election Results", "Figure 2"): a heading.
        let heading = (1..=4).contains(&words) && !ends_with_stop && caps == content && {
            let sp = self.doc.sentences.get(s).copied().unwrap_or_default();
            let i = self.doc.paragraphs.partition_point(|p| p.end < sp.end);
            self.doc
                .paragraphs
                .get(i)
                .is_some_and(|p| p.start == sp.start && p.end == sp.end)
        };
        if self.has_set_off_age(range.clone()) {
            // "Ahmed Khan, 24, of Leeds": a name and an age set off by
            // commas is an entry of a list of people, not a headline.
            Headline::No
        } else if words >= 3 && upper * 10 >= words * 8 {
            Headline::AllCaps
        } else if (words >= 3 && !ends_with_stop && caps * 10 >= content * 7) || heading {
            Headline::TitleCase
        } else {
            Headline::No
        }
    }

    /// Is `w` (capitalised) a common word here: a function word, usually
    /// lower case in English, or written in lower case in this document?
    fn is_common(&self, w: &str) -> bool {
        if self.lx().is_function_word(w) {
            return true;
        }
        let l = lower(w);
        let singular = l.strip_suffix('s').filter(|s| s.len() > 2);
        self.lx().is_lowercase_word(&l)
            || self.lx().is_pronoun(&l)
            || self.lower_doc.contains(l.as_str())
            || singular
                .is_some_and(|s| self.lx().is_lowercase_word(s) || self.lower_doc.contains(s))
    }

    /// Is capitalised `w` a noun of people ("Analyst", "Nurse") and not a
    /// title, a given name or a surname ("Judge", "Baker")?
    fn is_people_noun_word(&self, w: &str) -> bool {
        let lx = self.lx();
        if lx.is_title(w) || lx.is_weak_title(w) || lx.is_first_name(w) || lx.is_surname(w) {
            return false;
        }
        let l = lower(w);
        lx.is_occupation(&l) || lx.is_person_role(&l)
    }

    /// Is `w` known as a name from a gazetteer or the knowledge base?
    fn is_gazetteer_name(&self, w: &str) -> bool {
        self.kb().lookup(w).is_some()
            || self.kb().is_place(w)
            || self.lx().is_first_name(w)
            || self.kb().demonym(w).is_some()
    }

    fn slice(&self, a: usize, b: usize) -> &'a str {
        let (Some(s), Some(e)) = (
            self.doc.tokens.get(a),
            b.checked_sub(1).and_then(|l| self.doc.tokens.get(l)),
        ) else {
            return "";
        };
        self.doc.slice(Span::new(s.start_byte(), e.end_byte()))
    }

    /// Number of words in `a..b` (hyphen-joined parts count once).
    fn word_count(&self, a: usize, b: usize) -> usize {
        (a..b)
            .filter(|&g| self.kind(g) == Some(TokenKind::Word) && (g == a || self.space_before(g)))
            .count()
    }

    /// Does "for" at token `g` continue an organisation's name ("Institute
    /// for Fiscal Studies": the word before it is in `names/for_heads.txt`)?
    fn joins_for_at(&self, g: usize) -> bool {
        g > 0 && self.w(g) == "for" && self.lx().joins_for(self.w(g - 1))
    }

    /// The head word: the last word, or the word before "of" (or before
    /// "for" in "Institute for Fiscal Studies").
    fn head(&self, a: usize, b: usize) -> &'a str {
        (a + 1..b)
            .find(|&g| self.w(g) == "of" || self.joins_for_at(g))
            .map_or(self.w(b - 1), |g| self.w(g - 1))
    }
}

#[cfg(test)]
mod tests;
